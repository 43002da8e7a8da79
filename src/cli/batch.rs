//! The printing modes over one input or several: `--export`, `--list` and `--search`.
//! Several inputs are read and parsed on every core at once and printed in the order
//! given: JSON as one line per article (JSON Lines), lists and matches each line after its
//! input's name, as grep does. A failed input is a line on stderr, and the exit status
//! says so, after the others are printed.

use super::write::{export, list, search};
use super::{Args, ExportFormat, Failure, ListKind};
use crate::article::Article;
use crate::input::{Input, Origin};
use crate::sanitize::field;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

pub fn run_batch(args: &Args) -> Result<ExitCode, Failure> {
    if let Some(opml) = &args.import_opml {
        let feeds =
            super::feeds::path().ok_or_else(|| Failure::input("no config folder (set HOME or XDG_CONFIG_HOME)"))?;
        let n = super::feeds::import_opml(std::path::Path::new(opml), &feeds).map_err(Failure::input)?;
        println!("{n} feeds added to {}", field(&feeds.display().to_string()));
        return Ok(ExitCode::SUCCESS);
    }
    if args.recent {
        return print_recent(args);
    }
    if args.list == Some(ListKind::Articles) {
        return Err(Failure::usage(
            "--list needs a KIND (sections, quotes, statistics, dates, people, organisations, links), or --recent",
        ));
    }
    // `--search` exits like grep: 0 found, 1 not found, 2 trouble.
    let searching = args.search.is_some();
    let matcher = match &args.search {
        Some(q) => Some(crate::search::Matcher::new(q).map_err(|e| Failure::usage(format!("--search: {e}")))?),
        None => None,
    };
    let inputs: Vec<Option<&str>> =
        if args.inputs.is_empty() { vec![None] } else { args.inputs.iter().map(|s| Some(s.as_str())).collect() };
    let (names, articles) = expand_feeds(&inputs, load_all(&inputs, args), args);
    // A feed's entries are several articles, each named by its URL.
    let several = inputs.len() > 1 || names.len() != inputs.len();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let terminal = std::io::stdout().is_terminal();
    let color = terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let (mut failed, mut found, mut printed) = (false, 0usize, 0usize);
    for (name, article) in names.iter().zip(articles) {
        let article = match article {
            Ok(a) => a,
            Err(message) => {
                // What is printed so far goes out first, so the lines keep their order.
                let _ = out.flush();
                eprintln!("folio: {}", field(&message));
                failed = true;
                continue;
            }
        };
        let name = field(name);
        let written = if let Some(format) = args.export {
            if several && format == ExportFormat::Json {
                crate::article::export::write_json_line(&article, &mut out)
            } else {
                let rule = if printed > 0 { writeln!(out, "\n---\n") } else { Ok(()) };
                rule.and_then(|()| export(&article, format, terminal, &mut out))
            }
        } else if let Some(kind) = args.list {
            list(&article, kind, &if several { format!("{name}\t") } else { String::new() }, &mut out)
        } else if let Some(m) = &matcher {
            let prefix = if several { format!("{name}:") } else { String::new() };
            search(&article, m, color, &prefix, &mut out).map(|n| found += n)
        } else {
            Ok(())
        };
        printed += 1;
        match written {
            Ok(()) => {}
            // A closed pipe (`folio --list quotes | head -1`) is not an error.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
            Err(e) => return Err(Failure::input(format!("cannot write output: {e}"))),
        }
    }
    match out.flush() {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(Failure::input(format!("cannot write output: {e}"))),
    }
    Ok(match (searching, failed) {
        (true, true) => ExitCode::from(2),
        (true, false) if found == 0 => ExitCode::from(1),
        (false, true) => ExitCode::from(1),
        _ => ExitCode::SUCCESS,
    })
}

/// `--recent --list`.
fn print_recent(args: &Args) -> Result<ExitCode, Failure> {
    if args.list.is_none() {
        return Err(Failure::usage("--recent prints with --list; without it, it opens the reader"));
    }
    let dir = super::state::dir().ok_or_else(|| Failure::input("no state folder (set HOME or XDG_STATE_HOME)"))?;
    let (store, notices) = super::state::open(&dir);
    for n in notices {
        eprintln!("folio: {}", field(&n));
    }
    let articles = match store {
        Some(s) => super::recent::articles(&s).map_err(Failure::input)?,
        None => Vec::new(),
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match super::recent::print(&articles, &mut out).and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure::input(format!("cannot write output: {e}"))),
    }
}

/// What an input turned out to be.
pub enum Loaded {
    Article(Box<Article>),
    Feed(crate::feed::Feed),
}

/// Each feed among the inputs becomes its entries, their pages fetched at most
/// [`super::feeds::AT_ONCE`] at a time, in the feed's order, each named by its URL.
fn expand_feeds(
    inputs: &[Option<&str>],
    loaded: Vec<Result<Loaded, String>>,
    args: &Args,
) -> (Vec<String>, Vec<Result<Article, String>>) {
    let (mut names, mut articles) = (Vec::new(), Vec::new());
    for (input, l) in inputs.iter().zip(loaded) {
        match l {
            Ok(Loaded::Article(a)) => {
                names.push(input.unwrap_or("bundled article").to_string());
                articles.push(Ok(*a));
            }
            Err(e) => {
                names.push(input.unwrap_or("bundled article").to_string());
                articles.push(Err(e));
            }
            Ok(Loaded::Feed(feed)) => {
                let entries = feed.entries;
                let read = |e: &crate::feed::Entry| entry_article(e, args);
                names.extend(
                    entries
                        .iter()
                        .map(|e| e.link.clone().unwrap_or_else(|| format!("{}#{}", input.unwrap_or("-"), e.id))),
                );
                articles.extend(in_parallel(&entries, super::feeds::AT_ONCE, read));
            }
        }
    }
    (names, articles)
}

/// A feed entry as an article: its page, else the feed's own text of it.
fn entry_article(e: &crate::feed::Entry, args: &Args) -> Result<Article, String> {
    let fallback =
        e.content.as_ref().map(|html| crate::app::listing::Fallback { title: e.title.clone(), html: html.clone() });
    let page = match &e.link {
        Some(link) => load(Some(link), args).and_then(|l| match l {
            Loaded::Article(a) => Ok(*a),
            Loaded::Feed(_) => Err(format!("{}: a news feed, not an article", field(link))),
        }),
        None => Err(format!("{}: no link", field(&e.title))),
    };
    match (page, fallback) {
        (Ok(a), _) => Ok(a),
        (Err(why), Some(f)) => crate::app::loading::entry_text(&f, e.link.as_deref().unwrap_or(""), Some(&why)),
        (Err(why), None) => Err(why),
    }
}

/// Every input read and parsed, in order, on as many threads as there are cores (and
/// inputs). An error is the one line to print.
fn load_all(inputs: &[Option<&str>], args: &Args) -> Vec<Result<Loaded, String>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    in_parallel(inputs, threads, |i| load(*i, args))
}

/// `f` over `items` on up to `threads` threads; the results in the items' order.
fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    f: impl Fn(&T) -> Result<R, String> + Sync,
) -> Vec<Result<R, String>> {
    let threads = threads.min(items.len()).max(1);
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<R, String>>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(item) = items.get(i) else { break };
                    let r = f(item);
                    if let Ok(mut all) = results.lock() {
                        all[i] = Some(r);
                    }
                }
            });
        }
    });
    let results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.into_iter().map(|r| r.unwrap_or_else(|| Err("an input was not read".to_string()))).collect()
}

/// One input read and parsed (or a feed, read as one); the extractors run only when the
/// mode prints what they find (the JSON export and the lists of extracted items).
pub fn load(input: Option<&str>, args: &Args) -> Result<Loaded, String> {
    let needs_extraction = args.export == Some(ExportFormat::Json)
        || args.list.is_some_and(|k| !matches!(k, ListKind::Sections | ListKind::Links));
    let opts = args.input_options();
    let input = match input {
        None => Input {
            origin: Origin::Bundled,
            text: crate::BUNDLED_ARTICLE.to_string(),
            format: opts.format,
            url: None,
            warnings: Vec::new(),
        },
        Some(arg) => match crate::input::open(arg, &opts, &mut |_| {}).map_err(|e| e.to_string())? {
            crate::input::Opened::Article(input) => input,
            crate::input::Opened::Feed(raw) => {
                return crate::feed::parse(&raw.bytes, raw.base.as_deref())
                    .map(Loaded::Feed)
                    .map_err(|e| format!("{}: {e}", raw.origin));
            }
        },
    };
    // The structure first; the text is not needed after it, so it goes before the
    // extractors run (a 10 MB book would otherwise be held twice at the peak).
    let mut article = crate::article::parse_structure_at(&input.text, input.format, input.url.as_deref())
        .map_err(|e| format!("{}: {e}", input.origin))?;
    drop(input.text);
    if needs_extraction && !article.has_extractions() {
        crate::article::extract(&mut article);
    }
    article.warnings.extend(input.warnings);
    Ok(Loaded::Article(Box::new(article)))
}

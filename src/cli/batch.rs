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
    // `--search` exits like grep: 0 found, 1 not found, 2 trouble.
    let searching = args.search.is_some();
    let matcher = match &args.search {
        Some(q) => Some(crate::search::Matcher::new(q).map_err(|e| Failure::usage(format!("--search: {e}")))?),
        None => None,
    };
    let inputs: Vec<Option<&str>> =
        if args.inputs.is_empty() { vec![None] } else { args.inputs.iter().map(|s| Some(s.as_str())).collect() };
    let several = inputs.len() > 1;
    let articles = load_all(&inputs, args);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let terminal = std::io::stdout().is_terminal();
    let color = terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let (mut failed, mut found, mut printed) = (false, 0usize, 0usize);
    for (input, article) in inputs.iter().zip(articles) {
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
        let name = field(input.unwrap_or("bundled article"));
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

/// Every input read and parsed, in order, on as many threads as there are cores (and
/// inputs). An error is the one line to print.
fn load_all(inputs: &[Option<&str>], args: &Args) -> Vec<Result<Article, String>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(inputs.len()).max(1);
    if threads == 1 {
        return inputs.iter().map(|i| load(*i, args)).collect();
    }
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<Article, String>>>> = Mutex::new((0..inputs.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(input) = inputs.get(i) else { break };
                    let r = load(*input, args);
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

/// One input read and parsed; the extractors run only when the mode prints what they
/// find (the JSON export and the lists of extracted items).
pub fn load(input: Option<&str>, args: &Args) -> Result<Article, String> {
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
        Some(arg) => crate::input::read(arg, &opts, &mut |_| {}).map_err(|e| e.to_string())?,
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
    Ok(article)
}

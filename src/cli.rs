//! The command line: arguments (clap), loading the article, and the non-interactive modes
//! (`--export`, `--list`). The interactive reader lives in `terminal`.

use crate::article::export::{write_json, write_markdown, write_text};
use crate::article::{Article, Format, parse_structure};
use crate::input::{Origin, read_article};
use crate::sanitize::field;
use clap::{Parser, ValueEnum};
use std::io::{self, Write};

#[derive(Debug, PartialEq, Eq, Parser)]
#[command(name = "folio", version, about = "A terminal reader for news articles", long_about = None)]
pub struct Args {
    /// The article to read: a file, or - for stdin. Without it, the bundled article.
    pub file: Option<String>,

    /// Print the article in this format instead of opening the reader.
    #[arg(long, value_name = "FORMAT")]
    pub export: Option<ExportFormat>,

    /// Print one kind of extracted item, one per line, tab-separated.
    #[arg(long, value_name = "KIND", conflicts_with = "export")]
    pub list: Option<ListKind>,

    /// Print every match of QUERY as `section:paragraph: context` (exit 1 when none).
    /// `re:` starts a regular expression; lowercase queries ignore case.
    #[arg(long, value_name = "QUERY", conflicts_with_all = ["export", "list"])]
    pub search: Option<String>,

    /// Read the input as this format instead of detecting it.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<InputFormat>,

    /// The reader's maximum line length, in columns.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_WIDTH, value_parser = clap::value_parser!(u16).range(20..=1000))]
    pub width: u16,

    /// Colours for a dark or a light terminal (NO_COLOR turns colours off).
    #[arg(long, value_name = "THEME", default_value = "dark")]
    pub theme: Theme,

    /// Refuse inputs larger than this (bytes; K, M and G suffixes allowed).
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    pub max_size: u64,

    /// Do not make the links in the text clickable (OSC 8 hyperlinks).
    #[arg(long)]
    pub no_hyperlinks: bool,

    /// Do not copy to the terminal's clipboard with `y` (OSC 52).
    #[arg(long)]
    pub no_clipboard: bool,
}

/// The reader's line length when `--width` is not given.
pub const DEFAULT_WIDTH: u16 = 88;

impl Args {
    /// The command line. `folio` and `folio FILE`, by far the most common, are read
    /// directly: building clap's parser costs a tenth of a millisecond at start-up, which
    /// the first screen would wait for. Anything else goes through clap.
    pub fn from_env() -> Args {
        Args::fast(std::env::args_os().skip(1)).unwrap_or_else(Args::parse)
    }

    fn fast(mut args: impl Iterator<Item = std::ffi::OsString>) -> Option<Args> {
        let file = match (args.next(), args.next()) {
            (None, _) => None,
            (Some(one), None) => {
                let one = one.into_string().ok()?;
                // Options, and what clap treats specially ("-", a lone dash, is a file).
                if one.starts_with('-') && one != "-" || one.is_empty() {
                    return None;
                }
                Some(one)
            }
            _ => return None,
        };
        Some(Args {
            file,
            export: None,
            list: None,
            search: None,
            format: None,
            width: DEFAULT_WIDTH,
            theme: Theme::default(),
            max_size: crate::input::DEFAULT_MAX_SIZE,
            no_hyperlinks: false,
            no_clipboard: false,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Markdown,
    Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListKind {
    Sections,
    Quotes,
    Statistics,
    Dates,
    People,
    Organisations,
    Links,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Text,
    Markdown,
    Json,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Theme {
    #[default]
    Dark,
    Light,
}

/// "256M", "10MiB", "1G", "4096" -> bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: u64 = num.parse().map_err(|_| format!("not a size: {s:?} (try 256M)"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return Err(format!("unknown size unit in {s:?} (use K, M or G)")),
    };
    n.checked_mul(mult).ok_or_else(|| format!("size too large: {s:?}"))
}

/// A failure the user should read: one line, and the exit status it calls for.
#[derive(Debug)]
pub struct Failure {
    pub message: String,
    pub code: i32,
}

impl Failure {
    pub fn input(message: impl Into<String>) -> Self {
        Failure { message: message.into(), code: 1 }
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Failure { message: message.into(), code: 2 }
    }
}

/// The input format `--format` forces, if any.
pub fn format_of(args: &Args) -> Option<Format> {
    args.format.map(|f| match f {
        InputFormat::Text => Format::Text,
        InputFormat::Markdown => Format::Markdown,
        InputFormat::Json => Format::Json,
        InputFormat::Html => Format::Html,
    })
}

/// The text the arguments name, decoded, with warnings about its encoding.
pub fn read_input(args: &Args) -> Result<(String, Vec<String>, Origin), Failure> {
    Ok(match args.file.as_deref() {
        None => (crate::BUNDLED_ARTICLE.to_string(), Vec::new(), Origin::Bundled),
        Some(path) => {
            let decoded = read_article(path, args.max_size).map_err(|e| Failure::input(e.to_string()))?;
            let origin = if path == "-" { Origin::Stdin } else { Origin::File(path.to_string()) };
            (decoded.text, decoded.warnings, origin)
        }
    })
}

/// Reads and parses the article the arguments name.
pub fn load(args: &Args) -> Result<(Article, Origin), Failure> {
    // Only the JSON export and the lists of extracted items need the extractors; text
    // and Markdown exports, `--list sections` and `--search` read the structure alone.
    let needs_extraction = args.export == Some(ExportFormat::Json)
        || args.list.is_some_and(|k| !matches!(k, ListKind::Sections | ListKind::Links));
    let format = format_of(args);
    let (text, warnings, origin) = read_input(args)?;
    // The structure first; the text is not needed after it, so it goes before the
    // extractors run (a 10 MB book would otherwise be held twice at the peak).
    let mut article = parse_structure(&text, format).map_err(|e| Failure::input(format!("{origin}: {e}")))?;
    drop(text);
    if needs_extraction && !article.has_extractions() {
        crate::article::extract(&mut article);
    }
    article.warnings.extend(warnings);
    Ok((article, origin))
}

pub fn export(article: &Article, format: ExportFormat, out: &mut impl Write) -> io::Result<()> {
    match format {
        ExportFormat::Json => write_json(article, out),
        ExportFormat::Markdown => write_markdown(article, out),
        ExportFormat::Text => write_text(article, out),
    }
}

/// One item per line, tab-separated, every field on one line and free of controls.
pub fn list(article: &Article, kind: ListKind, out: &mut impl Write) -> io::Result<()> {
    match kind {
        ListKind::Sections => {
            for (i, s) in article.sections.iter().enumerate() {
                let first = s.paragraphs.first().map_or("", |p| p.text.as_str());
                let heading = s.heading.as_deref().unwrap_or("(lead)");
                writeln!(
                    out,
                    "{i}\t{}\t{}\t{}",
                    field(heading),
                    s.paragraphs.len(),
                    field(&crate::article::first_words(first, 60))
                )?;
            }
        }
        ListKind::Quotes => {
            for q in &article.quotes {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}",
                    q.at.section,
                    q.at.paragraph,
                    field(q.speaker.as_deref().unwrap_or("-")),
                    field(&q.text)
                )?;
            }
        }
        ListKind::Statistics => {
            for s in &article.statistics {
                writeln!(out, "{}\t{}\t{}\t{}", s.at.section, s.at.paragraph, field(&s.quantity), field(&s.text))?;
            }
        }
        ListKind::Dates => {
            for d in article.dates.iter().chain(&article.relative_dates) {
                let kind = if d.relative { "relative" } else { "absolute" };
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}",
                    d.at.section,
                    d.at.paragraph,
                    d.iso.as_deref().unwrap_or("-"),
                    kind,
                    field(&d.text)
                )?;
            }
        }
        ListKind::Links => {
            for l in &article.links {
                writeln!(out, "{}\t{}\t{}\t{}", l.at.section, l.at.paragraph, field(&l.url), field(&l.text))?;
            }
        }
        ListKind::People | ListKind::Organisations => {
            let items = if kind == ListKind::People { &article.people } else { &article.organisations };
            for e in items {
                writeln!(out, "{}\t{}\t{}", e.mentions, field(&e.name), field(&e.aliases.join(", ")))?;
            }
        }
    }
    Ok(())
}

/// Where a search can match: every heading, paragraph and the byline, labelled for
/// `--search` output ("1:2" is section 1, paragraph 2; "1:h" section 1's heading).
pub fn searchable_texts(article: &Article) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    for (s, section) in article.sections.iter().enumerate() {
        if let Some(h) = &section.heading {
            out.push((format!("{s}:h"), h.as_str()));
        }
        for (p, para) in section.paragraphs.iter().enumerate() {
            out.push((format!("{s}:{p}"), para.text.as_str()));
        }
    }
    if let Some(b) = &article.byline {
        out.push(("byline".to_string(), b.as_str()));
    }
    out
}

/// `--search`: one line per match, `where: context`, the match in bold red when `color`.
/// Returns how many matches were printed.
pub fn search(
    article: &Article,
    matcher: &crate::search::Matcher,
    color: bool,
    out: &mut impl Write,
) -> io::Result<usize> {
    let mut n = 0;
    for (place, text) in searchable_texts(article) {
        let found = if crate::search::has_non_ascii_letters(text) {
            matcher.find_all(text)
        } else {
            matcher.find_all_ascii(text)
        };
        for r in found {
            let (before, hit, after) = crate::search::context_parts(text, r, 40);
            let (on, off) = if color { ("\x1b[1;31m", "\x1b[0m") } else { ("", "") };
            writeln!(out, "{place}: {}{on}{}{off}{}", field(&before), field(&hit), field(&after))?;
            n += 1;
        }
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut reads what clap reads, and leaves to clap what it cannot.
    #[test]
    fn the_short_command_lines_read_as_clap_reads_them() {
        use clap::Parser;
        for line in [&["folio"][..], &["folio", "article.txt"], &["folio", "-"], &["folio", "my file.md"]] {
            let fast = Args::fast(line[1..].iter().map(std::ffi::OsString::from));
            assert_eq!(fast, Some(Args::parse_from(line)), "{line:?}");
        }
        for line in [&["--help"][..], &["-V"], &["--export", "json"], &["a.txt", "--export=json"], &["a", "b"], &[""]] {
            assert_eq!(Args::fast(line.iter().map(std::ffi::OsString::from)), None, "{line:?}");
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(parse_size("256M"), Ok(256 << 20));
        assert_eq!(parse_size("10MiB"), Ok(10 << 20));
        assert_eq!(parse_size("4096"), Ok(4096));
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5T").is_err());
    }
}

//! The command line: the arguments (clap), and the modes they pick: the reader
//! (`reader`), and printing one or several articles (`batch`, with the writers in
//! `write`).

mod batch;
pub mod config;
pub mod feeds;
mod reader;
pub mod recent;
pub mod state;
mod write;

pub use batch::run_batch;
pub use reader::read;
pub use write::{export, list, search, searchable_texts};

use crate::article::Format;
use clap::{Parser, ValueEnum};
use std::time::Duration;

#[derive(Debug, PartialEq, Eq, Parser)]
#[command(name = "folio", version, about = "A terminal reader for news articles", long_about = None)]
pub struct Args {
    /// The article to read: a file, a web page's URL (http or https), or - for stdin.
    /// Without one, the bundled article. The reader opens one; --export, --list and
    /// --search take several.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// Print the article in this format instead of opening the reader.
    #[arg(long, value_name = "FORMAT")]
    pub export: Option<ExportFormat>,

    /// Print one kind of extracted item, one per line, tab-separated. With --recent and
    /// no KIND: the articles read lately.
    #[arg(long, value_name = "KIND", conflicts_with = "export", num_args = 0..=1, default_missing_value = "articles")]
    pub list: Option<ListKind>,

    /// Print every match of QUERY as `section:paragraph: context` (exit 1 when none).
    /// `re:` starts a regular expression; lowercase queries ignore case.
    #[arg(long, value_name = "QUERY", conflicts_with_all = ["export", "list"])]
    pub search: Option<String>,

    /// Read the input as this format instead of detecting it.
    #[arg(long, value_name = "FORMAT")]
    pub format: Option<InputFormat>,

    /// The reader's maximum line length, in columns [default: 88, or the config file's].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(20..=1000))]
    pub width: Option<u16>,

    /// Colours for a dark or a light terminal (NO_COLOR turns colours off) [default: dark,
    /// or the config file's].
    #[arg(long, value_name = "THEME")]
    pub theme: Option<Theme>,

    /// Lay right-to-left paragraphs (Arabic, Hebrew, Persian, Urdu) out in visual order:
    /// auto does it unless the terminal is known to reorder text itself [default: auto, or
    /// the config file's].
    #[arg(long, value_name = "WHEN")]
    pub bidi: Option<Bidi>,

    /// Refuse inputs larger than this (bytes; K, M and G suffixes allowed).
    #[arg(long, value_name = "SIZE", default_value = "256M", value_parser = parse_size)]
    pub max_size: u64,

    /// Do not make the links in the text clickable (OSC 8 hyperlinks).
    #[arg(long)]
    pub no_hyperlinks: bool,

    /// Do not copy to the terminal's clipboard with `y` (OSC 52).
    #[arg(long)]
    pub no_clipboard: bool,

    /// Leave the mouse to the terminal (selecting text with a drag), instead of scrolling
    /// and clicking in folio.
    #[arg(long)]
    pub no_mouse: bool,

    /// Open at the top, not where reading stopped last time.
    #[arg(long)]
    pub no_resume: bool,

    /// Read and write no state: no place, marks or searches remembered.
    #[arg(long)]
    pub no_state: bool,

    /// The articles read lately, newest first: a list to reopen them from (with --list,
    /// printed: last read, progress, title, source).
    #[arg(long, conflicts_with_all = ["feeds", "export", "search"])]
    pub recent: bool,

    /// Every feed in the feeds file ($XDG_CONFIG_HOME/folio/feeds) as one list, newest first.
    #[arg(long)]
    pub feeds: bool,

    /// Add an OPML file's feeds to the feeds file, then exit.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["recent", "feeds", "export", "list", "search"])]
    pub import_opml: Option<String>,

    /// Give up on a web page after this many seconds, all told.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
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
        let inputs = match (args.next(), args.next()) {
            (None, _) => Vec::new(),
            (Some(one), None) => {
                let one = one.into_string().ok()?;
                // Options, and what clap treats specially ("-", a lone dash, is a file).
                if one.starts_with('-') && one != "-" || one.is_empty() {
                    return None;
                }
                vec![one]
            }
            _ => return None,
        };
        Some(Args {
            inputs,
            export: None,
            list: None,
            search: None,
            format: None,
            width: None,
            theme: None,
            bidi: None,
            max_size: crate::input::DEFAULT_MAX_SIZE,
            no_hyperlinks: false,
            no_clipboard: false,
            no_mouse: false,
            no_resume: false,
            no_state: false,
            recent: false,
            feeds: false,
            import_opml: None,
            timeout: 30,
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
    /// `--recent --list`: the articles read lately.
    #[value(hide = true)]
    Articles,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Text,
    Markdown,
    Json,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Bidi {
    /// In visual order, unless the terminal reorders by itself (mlterm, some VTE
    /// terminals with bidi on: FOLIO_TERMINAL_BIDI=1 tells folio so).
    #[default]
    Auto,
    On,
    Off,
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

impl Args {
    /// Whether the reader is asked for (no printing mode).
    pub fn interactive(&self) -> bool {
        self.export.is_none() && self.list.is_none() && self.search.is_none() && self.import_opml.is_none()
    }

    /// How the inputs are read.
    pub fn input_options(&self) -> crate::input::Options {
        crate::input::Options {
            max_size: self.max_size,
            timeout: Duration::from_secs(self.timeout),
            format: format_of(self),
        }
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

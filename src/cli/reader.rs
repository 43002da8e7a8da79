//! The interactive reader, from the command line: the input opened (a long document
//! shows its first screen at once and goes on loading behind it; a URL is fetched behind
//! a first frame that says so), the look chosen (theme, links), and the terminal run.

use super::{Args, Failure, Theme};
use crate::app::loading::{self, Source};
use crate::terminal::{self, Ended};
use crate::ui::theme::{Theme as Colours, ThemeKind};
use std::process::ExitCode;

pub fn read(args: &Args) -> Result<ExitCode, Failure> {
    if args.inputs.len() > 1 {
        return Err(Failure::usage(
            "the reader opens one article at a time: use --export, --list or --search for several",
        ));
    }
    let options = crate::app::Options { clipboard: !args.no_clipboard, ..crate::reader_options(args.width) };
    let opts = args.input_options();
    let source = args.inputs.first().map_or(Source::Bundled, |a| Source::Input(a.clone()));
    let (mut app, loader) = match &source {
        Source::Bundled => loading::open(crate::BUNDLED_ARTICLE.to_string(), opts.format, Vec::new(), options)
            .map_err(|e| Failure::input(format!("bundled article: {e}")))?,
        Source::Input(url) if crate::input::is_url(url) => {
            let (app, loader) = loading::fetching(url, opts, options);
            (app, Some(loader))
        }
        Source::Input(path) => {
            let head = crate::input::open_head(path, opts.max_size, loading::SYNC_LIMIT)
                .map_err(|e| Failure::input(e.to_string()))?;
            loading::open_head(head, opts.format, options).map_err(Failure::input)?
        }
    };
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let kind = match args.theme {
        Theme::Dark => ThemeKind::Dark,
        Theme::Light => ThemeKind::Light,
    };
    // Terminals that take no escape sequences but colours get no links.
    let plain_terminal = std::env::var("TERM").is_ok_and(|t| t == "dumb" || t == "linux");
    let look =
        crate::ui::Options { theme: Colours::new(kind, color), hyperlinks: !args.no_hyperlinks && !plain_terminal };
    let reopen = move || loading::reader(source.clone(), opts, false);
    match terminal::run(&mut app, &look, loader, &reopen).map_err(|e| Failure::input(format!("terminal error: {e}")))? {
        Ended::Quit => Ok(ExitCode::SUCCESS),
        Ended::Signal(sig) => Ok(ExitCode::from((128 + sig).clamp(0, 255) as u8)),
        Ended::Failed(message) => Err(Failure::input(message)),
    }
}

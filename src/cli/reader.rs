//! The interactive reader, from the command line: the config file and the state read,
//! the input opened (a long document shows its first screen at once and goes on loading
//! behind it; a URL is fetched behind a first frame that says so), the look chosen
//! (theme, links, mouse), the terminal run, and what it remembers saved.

use super::{Args, Bidi, Failure, Theme, config, state};
use crate::app::loading::{self, Source};
use crate::terminal::{self, Ended};
use crate::ui::theme::{Theme as Colours, ThemeKind};
use std::process::ExitCode;

pub fn read(args: &Args) -> Result<ExitCode, Failure> {
    if args.inputs.len() > 1 || (args.recent || args.feeds) && !args.inputs.is_empty() {
        return Err(Failure::usage(
            "the reader opens one article at a time: use --export, --list or --search for several",
        ));
    }
    // A mistake in the config file is a line on stderr (seen when the reader ends, and
    // at once when it cannot start) and in the status bar; folio starts with the rest.
    let config = config::load();
    for e in &config.errors {
        eprintln!("folio: {}", crate::sanitize::field(e));
    }
    let width = args.width.or(config.width).unwrap_or(super::DEFAULT_WIDTH);
    let options = crate::app::Options {
        clipboard: !args.no_clipboard,
        help_lines: config.keys.help_lines().len(),
        wpm: config.wpm.unwrap_or(crate::app::WPM),
        ..crate::reader_options(width)
    };
    // What earlier runs remembered: the store is opened and read on a thread of its own
    // and arrives behind the first frame, which never waits for the disk.
    let resume = !args.no_resume && config.resume.unwrap_or(true);
    let kept = state::Kept::default();
    let (recalled_tx, recalled) = std::sync::mpsc::channel();
    let remembered = (!args.no_state).then(state::dir).flatten().map(|dir| {
        let kept = kept.clone();
        std::thread::spawn(move || {
            let (store, notices) = state::open(&dir);
            let recall = state::recall(store.as_ref(), notices, resume);
            kept.keep(store, &recall);
            let _ = recalled_tx.send(crate::app::Action::Recalled(recall));
        })
    });
    let opts = args.input_options();
    let source = args.inputs.first().map_or(Source::Bundled, |a| Source::Input(a.clone()));
    let (app, loader) = if args.recent {
        (crate::app::App::new(Default::default(), options).with_listing(recent_listing()), None)
    } else if args.feeds {
        feeds_listing(opts, options)?
    } else {
        match &source {
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
        }
    };
    let location = if args.recent || args.feeds { None } else { location_of(&source) };
    let mut app = app.with_config_mistakes(config.errors.clone()).with_location(location);
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let kind = match args.theme.or(config.theme).unwrap_or_default() {
        Theme::Dark => ThemeKind::Dark,
        Theme::Light => ThemeKind::Light,
    };
    // Terminals that take no escape sequences but colours get no links.
    let plain_terminal = std::env::var("TERM").is_ok_and(|t| t == "dumb" || t == "linux");
    let look = crate::ui::Options {
        theme: Colours::new(kind, color),
        hyperlinks: !args.no_hyperlinks && !plain_terminal,
        keys: config.keys,
        mouse: !args.no_mouse && config.mouse.unwrap_or(true),
        bidi: bidi_on(args.bidi.or(config.bidi).unwrap_or_default()),
    };
    let reopen = move |to: Option<&crate::app::listing::Destination>| match to {
        None => loading::reader(source.clone(), opts, false),
        Some(to) => loading::follow(to.clone(), opts),
    };
    // What the reader remembers is saved as it changes, and on every way out.
    let mut observe = |app: &crate::app::App| kept.offer(app);
    let around = terminal::Around { arriving: Some(recalled), observe: &mut observe };
    let ended = terminal::run(&mut app, &look, loader, &reopen, around);
    // A run that ended before the store was open still saves.
    if let Some(t) = remembered {
        let _ = t.join();
    }
    kept.offer(&app);
    if let Err(e) = kept.finish() {
        eprintln!("folio: the reading place was not saved: {}", crate::sanitize::field(&e));
    }
    match ended.map_err(|e| Failure::input(format!("terminal error: {e}")))? {
        Ended::Quit => Ok(ExitCode::SUCCESS),
        Ended::Signal(sig) => Ok(ExitCode::from((128 + sig).clamp(0, 255) as u8)),
        Ended::Failed(message) => Err(Failure::input(message)),
    }
}

/// `--recent`: the store's articles, read now (the list is the first frame).
fn recent_listing() -> crate::app::listing::Listing {
    let articles = state::dir()
        .and_then(|dir| state::open(&dir).0)
        .and_then(|store| super::recent::articles(&store).ok())
        .unwrap_or_default();
    let mut listing = super::recent::listing(&articles);
    if listing.rows.is_empty() {
        listing.title = "Read lately: nothing yet".to_string();
    }
    listing
}

/// `--feeds`: a first frame that says the feeds are being fetched, and a loader that
/// fetches them (with the store's validators) and sends their entries as one list.
fn feeds_listing(
    opts: crate::input::Options,
    options: crate::app::Options,
) -> Result<(crate::app::App, Option<loading::Loader>), Failure> {
    let path = super::feeds::path().ok_or_else(|| Failure::input("no config folder (set HOME or XDG_CONFIG_HOME)"))?;
    let subs = super::feeds::read(&path).map_err(Failure::input)?;
    if subs.is_empty() {
        return Err(Failure::input(format!(
            "no feeds in {}: add one URL a line, or use --import-opml FILE",
            crate::sanitize::field(&path.display().to_string())
        )));
    }
    let what = format!("{} feeds", subs.len());
    let app = crate::app::App::new(Default::default(), options)
        .with_listing(crate::app::listing::Listing { title: format!("fetching {what} …"), ..Default::default() });
    let loader = loading::Loader::new(move |tx| {
        let store = state::dir().and_then(|dir| state::open(&dir).0).map(std::sync::Mutex::new);
        let results = super::feeds::fetch_all(&subs, &opts, store.as_ref());
        let listing = crate::app::listing::from_feeds(what, results);
        let _ = tx.send(loading::Loaded::Listing(Box::new(listing)));
    });
    Ok((app, Some(loader)))
}

/// Where the article was read from, for the store's list of recent articles: a file's
/// full path or a URL (its password hidden); nothing for stdin or the bundled article.
fn location_of(source: &Source) -> Option<String> {
    match source {
        Source::Bundled => None,
        Source::Input(a) if a == "-" => None,
        Source::Input(a) if crate::input::is_url(a) => Some(crate::sanitize::hide_password(a).into_owned()),
        Source::Input(a) => std::path::absolute(a).ok().map(|p| p.display().to_string()),
    }
}

/// Whether folio lays right-to-left paragraphs out itself. `auto` does, unless the
/// terminal says it reorders text by itself (`FOLIO_TERMINAL_BIDI=1`; no terminal can be
/// asked), where doing it twice would undo it.
fn bidi_on(b: Bidi) -> bool {
    match b {
        Bidi::On => true,
        Bidi::Off => false,
        Bidi::Auto => !std::env::var("FOLIO_TERMINAL_BIDI").is_ok_and(|v| v == "1"),
    }
}

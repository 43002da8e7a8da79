use folio::cli::{Args, Failure, export, format_of, list, load};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Args::from_env();
    match run(&args) {
        Ok(code) => code,
        Err(f) => {
            eprintln!("folio: {}", f.message);
            ExitCode::from(f.code as u8)
        }
    }
}

/// glibc gives each thread its own malloc arena; in the reader, the loader and the
/// extractors' workers left about 12 MB more resident at the peak of a 10 MB book. One
/// arena keeps the reader within its memory budget (3 × the file + 30 MB); the batch
/// modes keep glibc's default, which is faster for them.
fn one_malloc_arena() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets an allocator parameter; called before any thread starts.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 1);
    }
}

/// The interactive reader. A long document shows its first screen at once and goes on
/// loading behind it.
fn read(args: &Args) -> Result<ExitCode, Failure> {
    use folio::app::loading;
    let options = folio::app::Options { clipboard: !args.no_clipboard, ..folio::reader_options(args.width) };
    let (mut app, loading) = match args.file.as_deref() {
        None => loading::open(folio::BUNDLED_ARTICLE.to_string(), format_of(args), Vec::new(), options)
            .map_err(|e| Failure::input(format!("bundled article: {e}")))?,
        Some(path) => {
            let head = folio::input::open_head(path, args.max_size, loading::SYNC_LIMIT)
                .map_err(|e| Failure::input(e.to_string()))?;
            loading::open_head(head, format_of(args), options).map_err(Failure::input)?
        }
    };
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let kind = match args.theme {
        folio::cli::Theme::Dark => folio::ui::theme::ThemeKind::Dark,
        folio::cli::Theme::Light => folio::ui::theme::ThemeKind::Light,
    };
    let theme = folio::ui::theme::Theme::new(kind, color);
    // Terminals that take no escape sequences but colours get no links.
    let plain_terminal = std::env::var("TERM").is_ok_and(|t| t == "dumb" || t == "linux");
    let options = folio::ui::Options { theme, hyperlinks: !args.no_hyperlinks && !plain_terminal };
    match folio::terminal::run(&mut app, &options, loading)
        .map_err(|e| Failure::input(format!("terminal error: {e}")))?
    {
        folio::terminal::Ended::Quit => Ok(ExitCode::SUCCESS),
        folio::terminal::Ended::Signal(sig) => Ok(ExitCode::from((128 + sig).clamp(0, 255) as u8)),
    }
}

fn run(args: &Args) -> Result<ExitCode, Failure> {
    let interactive = args.export.is_none() && args.list.is_none() && args.search.is_none();
    if interactive && !std::io::stdout().is_terminal() {
        return Err(Failure::usage("stdout is not a terminal: use --export, --list or --search to print"));
    }
    // `--search` exits like grep: 0 found, 1 not found, 2 trouble.
    let searching = args.search.is_some();
    if interactive {
        one_malloc_arena();
        return read(args);
    }
    let (article, _) = load(args).map_err(|f| if searching { Failure { code: 2, ..f } } else { f })?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = if let Some(format) = args.export {
        export(&article, format, &mut out)
    } else if let Some(kind) = args.list {
        list(&article, kind, &mut out)
    } else if let Some(query) = &args.search {
        let matcher = folio::search::Matcher::new(query).map_err(|e| Failure::usage(format!("--search: {e}")))?;
        let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
        return match folio::cli::search(&article, &matcher, color, &mut out).and_then(|n| out.flush().map(|()| n)) {
            Ok(0) => Ok(ExitCode::from(1)),
            Ok(_) => Ok(ExitCode::SUCCESS),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
            Err(e) => Err(Failure::usage(format!("cannot write output: {e}"))),
        };
    } else {
        return Err(Failure::usage("nothing to do"));
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`folio --list quotes | head -1`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure::input(format!("cannot write output: {e}"))),
    }
}

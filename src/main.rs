use clap::Parser;
use folio::cli::{Args, Failure, export, list, load};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(code) => code,
        Err(f) => {
            eprintln!("folio: {}", f.message);
            ExitCode::from(f.code as u8)
        }
    }
}

/// The interactive reader.
fn read(args: &Args, article: folio::article::Article) -> Result<ExitCode, Failure> {
    let mut app = folio::app::App::new(article, args.width);
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let kind = match args.theme {
        folio::cli::Theme::Dark => folio::ui::theme::ThemeKind::Dark,
        folio::cli::Theme::Light => folio::ui::theme::ThemeKind::Light,
    };
    app.theme = folio::ui::theme::Theme::new(kind, color);
    match folio::terminal::run(&mut app).map_err(|e| Failure::input(format!("terminal error: {e}")))? {
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
    let (article, origin) = load(args).map_err(|f| if searching { Failure { code: 2, ..f } } else { f })?;
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
        let _ = origin;
        return read(args, article);
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`folio --list quotes | head -1`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure::input(format!("cannot write output: {e}"))),
    }
}

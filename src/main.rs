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

fn run(args: &Args) -> Result<ExitCode, Failure> {
    let interactive = args.export.is_none() && args.list.is_none() && args.search.is_none();
    if interactive && !std::io::stdout().is_terminal() {
        return Err(Failure::usage("stdout is not a terminal: use --export, --list or --search to print"));
    }
    let (article, origin) = load(args)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = if let Some(format) = args.export {
        export(&article, format, &mut out)
    } else if let Some(kind) = args.list {
        list(&article, kind, &mut out)
    } else {
        let _ = origin;
        return Err(Failure::usage("the reader is not built yet"));
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // A closed pipe (`folio --list quotes | head -1`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure::input(format!("cannot write output: {e}"))),
    }
}

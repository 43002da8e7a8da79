use folio::cli::{Args, Failure, read, run_batch};
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = Args::from_env();
    match run(&args) {
        Ok(code) => code,
        Err(f) => {
            // Whatever the message carries (a path, a config key) is shown, never obeyed.
            eprintln!("folio: {}", folio::sanitize::field(&f.message));
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

fn run(args: &Args) -> Result<ExitCode, Failure> {
    if !args.interactive() {
        return run_batch(args);
    }
    if !std::io::stdout().is_terminal() {
        return Err(Failure::usage("stdout is not a terminal: use --export, --list or --search to print"));
    }
    one_malloc_arena();
    read(args)
}

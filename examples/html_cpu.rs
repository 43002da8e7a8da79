//! Measuring aid: HTML to `Article` (the structure, as `cargo bench --bench web` times it by
//! the clock) by the thread's own processor time (CLOCK_THREAD_CPUTIME_ID), for a VM whose
//! neighbours make the clock say more about them than about folio. Every page of one folder
//! of ../shared/web (gzipped; read as UTF-8, lossily), nine rounds; prints the lowest and
//! the median round in MiB/s. `html_cpu zyte-dev` or `html_cpu trafilatura-dev`; a second
//! argument names the folder of the sets when it is not ../shared/web.
use folio::article::{Format, parse_structure_at};
use std::hint::black_box;
use std::io::Read;
use std::path::PathBuf;

fn cpu_ns() -> u128 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec into the one it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as u128 * 1_000_000_000 + t.tv_nsec as u128
}

fn main() {
    let set = std::env::args().nth(1).unwrap_or_else(|| "zyte-dev".into());
    let web = std::env::args()
        .nth(2)
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/web"), PathBuf::from);
    let dir = web.join(&set).join("html");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir).expect("../shared/web").flatten().map(|e| e.path()).collect();
    paths.sort();
    let pages: Vec<String> = paths
        .iter()
        .map(|p| {
            let mut bytes = Vec::new();
            let raw = std::fs::read(p).expect("page");
            flate2::read::GzDecoder::new(&raw[..]).read_to_end(&mut bytes).expect("gzipped");
            String::from_utf8_lossy(&bytes).into_owned()
        })
        .collect();
    let total: usize = pages.iter().map(String::len).sum();
    let mut rounds: Vec<f64> = (0..9)
        .map(|_| {
            let start = cpu_ns();
            for p in &pages {
                black_box(parse_structure_at(black_box(p), Some(Format::Html), None).ok());
            }
            (cpu_ns() - start) as f64 / 1e9
        })
        .collect();
    rounds.sort_by(f64::total_cmp);
    let mib = total as f64 / (1024.0 * 1024.0);
    println!(
        "{set}: {} pages, {:.1} MiB; processor time per round: lowest {:.1} ms = {:.0} MiB/s, median {:.1} ms = {:.0} MiB/s",
        pages.len(),
        mib,
        rounds[0] * 1e3,
        mib / rounds[0],
        rounds[4] * 1e3,
        mib / rounds[4]
    );
}

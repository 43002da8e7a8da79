//! Web pages: HTML to `Article` over the 61 saved pages of ../shared/web/zyte-dev (the
//! structure alone, target >= 40 MB/s on one thread; and with every extractor), and the
//! first frame of a saved page of about 600 KB, from its file to a drawn screen (target
//! <= 30 ms). Without ../shared the benchmarks say so and do nothing.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use folio::app::{Action, update};
use folio::article::{Format, parse, parse_structure_at};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::io::Read;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn pages() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/web/zyte-dev/html");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("note: {} absent; no web benchmarks", dir.display());
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let mut s = String::new();
            let bytes = std::fs::read(p).expect("page");
            flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut s).expect("gzipped UTF-8");
            s
        })
        .collect()
}

fn html_to_article(c: &mut Criterion) {
    let pages = pages();
    if pages.is_empty() {
        return;
    }
    let bytes: usize = pages.iter().map(String::len).sum();
    // The slowest page, once, for the record ("no page takes over 1 s").
    let (slowest, at) = pages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let t = Instant::now();
            let _ = parse(p, Some(Format::Html));
            (t.elapsed(), i)
        })
        .max()
        .unwrap_or((Duration::ZERO, 0));
    eprintln!(
        "{} pages, {:.1} MB; slowest page {at} ({} KB) took {slowest:?}",
        pages.len(),
        bytes as f64 / 1e6,
        pages[at].len() / 1000
    );
    let mut group = c.benchmark_group("web");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("html to article, structure, 61 pages", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(parse_structure_at(black_box(p), Some(Format::Html), None).ok());
            }
        })
    });
    group.bench_function("html to article, with extraction, 61 pages", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(parse(black_box(p), Some(Format::Html)).ok());
            }
        })
    });
    group.finish();
}

fn first_frame(c: &mut Criterion) {
    let pages = pages();
    let Some(page) = pages.iter().min_by_key(|p| p.len().abs_diff(600_000)) else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saved.html");
    std::fs::write(&path, page).expect("write the page");
    let path = path.to_str().expect("UTF-8 path").to_string();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    let mut group = c.benchmark_group("web first frame");
    group.sample_size(20);
    group.bench_function(format!("saved page of {} KB, file to screen at 120x40", page.len() / 1000), |b| {
        b.iter(|| {
            // What `folio page.html` does before its first frame.
            let head = folio::input::open_head(&path, u64::MAX, folio::app::loading::SYNC_LIMIT).expect("open");
            let (mut app, loader) =
                folio::app::loading::open_head(head, None, folio::reader_options(88)).expect("a page");
            // A long page comes from the loader (the frame before it says it is being
            // read): the time is to the page on screen.
            if let Some(rx) = loader.map(folio::app::loading::Loader::start) {
                while let Ok(loaded) = rx.recv() {
                    update(&mut app, Action::Loaded(loaded));
                }
            }
            update(&mut app, Action::Resize(120, 40));
            terminal.draw(|f| folio::ui::draw(f, &app, &folio::ui::Options::default())).expect("draw");
        })
    });
    group.finish();
}

criterion_group!(benches, html_to_article, first_frame);
criterion_main!(benches);

//! The hand-checked readings of real web pages (tests/gold/web): every page read as folio
//! reads it and scored with the shared scorer, per set and per class (quotes, speakers,
//! statistics, dates), each held to a floor. The floors are the figures of docs/EXTRACTION.md
//! less a small margin: a change that loses ground on pages folio was not tuned to fails.

use crate::common::shared;
use folio::article::{Format, extract, parse_structure_at};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Matched and total counts for one class, summed over a set's pages.
#[derive(Default, Clone, Copy)]
struct Counts {
    /// Gold items found, gold items, predictions matched, predictions.
    found: u64,
    gold: u64,
    matched: u64,
    predicted: u64,
}

impl Counts {
    fn add(&mut self, c: &[u64]) {
        if let [a, b, c, d] = c {
            self.found += a;
            self.gold += b;
            self.matched += c;
            self.predicted += d;
        }
    }

    fn f1(&self) -> f64 {
        let r = if self.gold == 0 { 1.0 } else { self.found as f64 / self.gold as f64 };
        let p = if self.predicted == 0 { 1.0 } else { self.matched as f64 / self.predicted as f64 };
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

#[derive(Default)]
struct SetScore {
    files: usize,
    quotes: Counts,
    /// Right speakers, quotes found.
    speakers: (u64, u64),
    statistics: Counts,
    dates: Counts,
}

impl SetScore {
    fn speakers(&self) -> f64 {
        if self.speakers.1 == 0 { 1.0 } else { self.speakers.0 as f64 / self.speakers.1 as f64 }
    }

    fn line(&self, name: &str) -> String {
        format!(
            "{name:12} {:3} pages  quotes F1 {:.2}  speakers {:.2} ({}/{})  statistics F1 {:.2}  dates F1 {:.2}",
            self.files,
            self.quotes.f1(),
            self.speakers(),
            self.speakers.0,
            self.speakers.1,
            self.statistics.f1(),
            self.dates.f1()
        )
    }
}

/// The page a gold file reads: a zyte-dev page by its id, else a Readability test page by
/// its name.
fn page_of(shared: &Path, gold: &Path) -> PathBuf {
    let name = gold.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".gold.json")).unwrap_or("");
    let zyte = shared.join("web/zyte-dev/html").join(format!("{name}.html.gz"));
    if zyte.exists() { zyte } else { shared.join("web/readability").join(name).join("source.html") }
}

fn read_page(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if path.extension().is_some_and(|e| e == "gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut s).expect("gzip of UTF-8");
        s
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

/// The scorer's counts for one page: {"quotes": [..], "speakers": [..], …}.
fn counts(shared: &Path, gold: &Path, page: &Path) -> serde_json::Value {
    let mut article = parse_structure_at(&read_page(page), Some(Format::Html), None).expect("an article");
    extract(&mut article);
    let dir = tempfile::tempdir().expect("temp dir");
    let export = dir.path().join("export.json");
    std::fs::write(&export, serde_json::to_string(&article).expect("JSON")).expect("write export");
    let out = Command::new("python3")
        .arg(shared.join("tools/score-extraction"))
        .arg(gold)
        .arg(&export)
        .args(["--counts", "--quiet"])
        .output()
        .expect("python3 runs the scorer");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout.lines().find_map(|l| l.strip_prefix("counts: ")).unwrap_or_else(|| {
        panic!("no counts for {}: {stdout}", gold.display());
    });
    serde_json::from_str(line).expect("counts are JSON")
}

fn score_set(shared: &Path, folder: &str) -> SetScore {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold/web").join(folder);
    let mut golds: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    let mut s = SetScore::default();
    for gold in golds {
        let c = counts(shared, &gold, &page_of(shared, &gold));
        let list =
            |k: &str| c[k].as_array().map(|a| a.iter().filter_map(serde_json::Value::as_u64).collect::<Vec<_>>());
        s.quotes.add(&list("quotes").unwrap_or_default());
        s.statistics.add(&list("statistics").unwrap_or_default());
        s.dates.add(&list("dates").unwrap_or_default());
        if let Some([right, of]) = list("speakers").as_deref() {
            s.speakers.0 += right;
            s.speakers.1 += of;
        }
        s.files += 1;
    }
    s
}

/// Floors per set: quotes F1, speakers, statistics F1, dates F1; about three points under
/// what folio scored when they were set (2026-12-06, docs/EXTRACTION.md), so that a change
/// that loses ground on real pages fails here.
const FLOORS: [(&str, [f64; 4]); 3] = [
    ("readability", [0.93, 0.80, 0.94, 0.93]),
    ("zyte", [0.95, 0.93, 0.95, 0.94]),
    ("heldout", [0.92, 0.88, 0.90, 0.95]),
];

#[test]
fn gold_web_pages_score_above_their_floors() {
    let Some(shared) = shared("gold_web_pages_score_above_their_floors") else { return };
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for (set, floor) in FLOORS {
        let s = score_set(&shared, set);
        assert!(s.files >= 6, "{set}: only {} gold pages", s.files);
        let got = [s.quotes.f1(), s.speakers(), s.statistics.f1(), s.dates.f1()];
        for (k, name) in ["quotes", "speakers", "statistics", "dates"].iter().enumerate() {
            if got[k] < floor[k] {
                failures.push(format!("{set} {name}: {:.3} below {:.2}", got[k], floor[k]));
            }
        }
        report.push(s.line(set));
    }
    // Shown with --nocapture, and with any failure.
    println!("{}", report.join("\n"));
    assert!(failures.is_empty(), "{}\n{}", failures.join("\n"), report.join("\n"));
}

//! Trains folio's quotation models (see `src/article/learn`) and reports how they do.
//!
//! cargo run --release --example train_quotes -- [--out FILE] [--cv K] [--eval DIR]...
//!     [--errors FILE] [--epochs N] [--rate R] [--l2 L] [DIR...]
//!
//! With no DIR, trains on folio's training sets (`corpus::training_sets`: polnear-train and
//! folio's own hand-checked articles and pages); DIRs (annotated articles, NAME.txt beside
//! NAME.gold.json) replace them. With --out, the weights trained on all of them are written
//! there (src/article/learn/weights.txt is what folio compiles in: `scripts/train-quotes`).
//! With --cv K, K-fold cross-validation over polnear-train (the other sets always trained
//! on) prints held-out figures. With --eval DIR (annotated articles, or tests/gold/web/SET),
//! the weights just trained, or else those compiled in, are scored on DIR; --errors FILE
//! writes what they miss there, for study (FOLIO_DIAGNOSE_ALL=1 writes every speaker,
//! FOLIO_DIAGNOSE_SPANS=1 the quotation spans instead).
use folio::article::learn::Weights;
use folio::training::corpus::{
    Annotated, Score, diagnose, diagnose_spans, evaluate, read_dir, read_gold_pages, train, training_sets,
};
use folio::training::train::Settings;
use std::path::{Path, PathBuf};

fn fail(e: String) -> ! {
    eprintln!("error: {e}");
    std::process::exit(2)
}

fn load(d: &Path) -> Vec<Annotated> {
    let set =
        if d.starts_with("tests/gold/web") { read_gold_pages(d, Path::new("../shared/web")) } else { read_dir(d) };
    set.unwrap_or_else(|e| fail(e))
}

fn score(set: &[Annotated], w: &Weights) -> Score {
    let mut total = Score::default();
    for a in set {
        total.add(evaluate(a, w));
    }
    total
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut out, mut cv, mut evals, mut dirs, mut errors) = (None, 0usize, Vec::new(), Vec::new(), None);
    let mut s = Settings::default();
    while let Some(a) = args.next() {
        let mut number = |d: f64| args.next().and_then(|k| k.parse::<f64>().ok()).unwrap_or(d);
        match a.as_str() {
            "--out" => out = args.next().map(PathBuf::from),
            "--cv" => cv = number(5.0) as usize,
            "--eval" => evals.extend(args.next().map(PathBuf::from)),
            "--errors" => errors = args.next().map(PathBuf::from),
            "--epochs" => s.epochs = number(s.epochs as f64) as usize,
            "--rate" => s.rate = number(s.rate),
            "--l2" => s.l2 = number(s.l2),
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    let all: Vec<Annotated> = if dirs.is_empty() {
        training_sets(Path::new("."), Path::new("../shared")).unwrap_or_else(|e| fail(e))
    } else {
        dirs.iter().flat_map(|d| load(d)).collect()
    };
    // Cross-validated over the corpus; folio's own sets (weighted) are always trained on.
    let (corpus, own): (Vec<Annotated>, Vec<Annotated>) = all.iter().cloned().partition(|a| a.weight == 1.0);
    if cv > 1 {
        let mut total = Score::default();
        let mut lines = Vec::new();
        for k in 0..cv {
            let test: Vec<Annotated> =
                corpus.iter().enumerate().filter(|(i, _)| i % cv == k).map(|(_, a)| a.clone()).collect();
            let fit: Vec<Annotated> = corpus
                .iter()
                .enumerate()
                .filter(|(i, _)| i % cv != k)
                .map(|(_, a)| a.clone())
                .chain(own.iter().cloned())
                .collect();
            let w = train(&fit, s);
            let fold = score(&test, &w);
            eprintln!("fold {k}: {fold}");
            total.add(fold);
            if errors.is_some() && evals.is_empty() {
                let spans = std::env::var_os("FOLIO_DIAGNOSE_SPANS").is_some();
                lines.extend(test.iter().flat_map(|a| if spans { diagnose_spans(a, &w) } else { diagnose(a, &w) }));
            }
        }
        println!("cross-validation ({cv} folds): {total}");
        if let Some(path) = errors.as_ref().filter(|_| evals.is_empty()) {
            let _ = std::fs::write(path, lines.join("\n") + "\n");
        }
    }
    let weights = if out.is_some() {
        let w = train(&all, s);
        println!("trained on {} articles: corpus {}", all.len(), score(&corpus, &w));
        if !own.is_empty() {
            println!("  folio's own sets (in sample): {}", score(&own, &w));
        }
        w
    } else {
        Weights::compiled().clone()
    };
    if let Some(path) = out {
        if let Err(e) = std::fs::write(&path, folio::training::corpus::weights_file(&weights)) {
            fail(format!("{}: {e}", path.display()));
        }
        println!("wrote {}", path.display());
    }
    for d in &evals {
        let set = load(d);
        println!("{}: {}", d.display(), score(&set, &weights));
        if let Some(path) = &errors {
            let spans = std::env::var_os("FOLIO_DIAGNOSE_SPANS").is_some();
            let lines: Vec<String> = set
                .iter()
                .flat_map(|a| if spans { diagnose_spans(a, &weights) } else { diagnose(a, &weights) })
                .collect();
            let _ = std::fs::write(path, lines.join("\n") + "\n");
        }
    }
}

//! Trains folio's quotation models (see `src/article/learn`) and reports how they do.
//!
//! cargo run --release --example train_quotes -- [--out FILE] [--cv K] [--eval DIR]... DIR...
//!
//! DIRs hold annotated articles (NAME.txt beside NAME.gold.json). With --out, the weights
//! trained on all of them are written there (src/article/learn/weights.txt is what folio
//! compiles in). With --cv K, K-fold cross-validation over the articles prints held-out
//! figures. With --eval DIR, the weights compiled in (or just trained) are scored on DIR.
use folio::article::learn::Weights;
use folio::article::learn::corpus::{
    Annotated, Score, diagnose, diagnose_spans, evaluate, read_dir, read_gold_pages, train,
};
use folio::article::learn::train::Settings;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut out, mut cv, mut evals, mut dirs) = (None, 0usize, Vec::new(), Vec::new());
    let mut errors: Option<PathBuf> = None;
    let mut settings = Settings::default();
    // Sets trained on but not cross-validated: hand-checked pages and articles of other
    // kinds than the corpus (tests/gold/web/readability, …), counted `also_weight` times.
    let (mut also, mut also_weight): (Vec<PathBuf>, f64) = (Vec::new(), 1.0);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--out" => out = args.next().map(PathBuf::from),
            "--cv" => cv = args.next().and_then(|k| k.parse().ok()).unwrap_or(5),
            "--eval" => evals.extend(args.next().map(PathBuf::from)),
            "--also" => also.extend(args.next().map(PathBuf::from)),
            "--also-weight" => also_weight = args.next().and_then(|k| k.parse().ok()).unwrap_or(also_weight),
            "--errors" => errors = args.next().map(PathBuf::from),
            "--epochs" => settings.epochs = args.next().and_then(|k| k.parse().ok()).unwrap_or(settings.epochs),
            "--rate" => settings.rate = args.next().and_then(|k| k.parse().ok()).unwrap_or(settings.rate),
            "--l2" => settings.l2 = args.next().and_then(|k| k.parse().ok()).unwrap_or(settings.l2),
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    let load = |d: &PathBuf| -> Vec<Annotated> {
        read_dir(d).unwrap_or_else(|e| {
            eprintln!("error: {e}");
            std::process::exit(2)
        })
    };
    let articles: Vec<Annotated> = dirs.iter().flat_map(load).collect();
    let shared = PathBuf::from("../shared/web");
    let extra: Vec<Annotated> = also
        .iter()
        .flat_map(|d| {
            let set = if d.starts_with("tests/gold/web") { read_gold_pages(d, &shared) } else { read_dir(d) };
            set.unwrap_or_else(|e| {
                eprintln!("error: {e}");
                std::process::exit(2)
            })
        })
        .map(|mut a| {
            a.weight = also_weight;
            a
        })
        .collect();
    let s = settings;
    let score = |set: &[Annotated], w: &Weights| {
        let mut total = Score::default();
        for a in set {
            total.add(evaluate(a, w));
        }
        total
    };
    if cv > 1 {
        let mut total = Score::default();
        let mut lines = Vec::new();
        for k in 0..cv {
            let (test, fit): (Vec<(usize, &Annotated)>, Vec<(usize, &Annotated)>) =
                articles.iter().enumerate().partition(|(i, _)| i % cv == k);
            let fit: Vec<Annotated> = fit.into_iter().map(|(_, a)| a.clone()).chain(extra.iter().cloned()).collect();
            let test: Vec<Annotated> = test.into_iter().map(|(_, a)| a.clone()).collect();
            let w = train(&fit, s);
            let fold = score(&test, &w);
            if errors.is_some() {
                lines.extend(test.iter().flat_map(|a| diagnose(a, &w)));
            }
            eprintln!("fold {k}: {fold}");
            total.add(fold);
        }
        println!("cross-validation ({cv} folds): {total}");
        if let Some(path) = &errors {
            let _ = std::fs::write(path, lines.join("\n") + "\n");
        }
    }
    let weights = if out.is_some() || (!evals.is_empty() && !articles.is_empty()) {
        let all: Vec<Annotated> = articles.iter().chain(&extra).cloned().collect();
        let w = train(&all, s);
        println!("trained on {} articles: {}", all.len(), score(&articles, &w));
        if !extra.is_empty() {
            println!("  the other sets (in sample): {}", score(&extra, &w));
        }
        w
    } else {
        Weights::compiled().clone()
    };
    if let Some(path) = out {
        if let Err(e) = std::fs::write(&path, weights.to_file()) {
            eprintln!("error: {}: {e}", path.display());
            std::process::exit(2);
        }
        println!("wrote {}", path.display());
    }
    for d in &evals {
        let set = if d.starts_with("tests/gold/web") { read_gold_pages(d, &shared) } else { read_dir(d) };
        let set = set.unwrap_or_else(|e| {
            eprintln!("error: {e}");
            std::process::exit(2)
        });
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

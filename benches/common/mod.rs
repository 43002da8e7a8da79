//! Inputs for the benchmarks: a large document built deterministically from the bundled
//! article and, when ../shared is there, the sample articles, repeated as chapters.
#![allow(dead_code)]

use std::path::PathBuf;

pub fn corpus() -> Vec<String> {
    let mut texts = vec![folio::BUNDLED_ARTICLE.to_string()];
    let samples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/samples");
    match std::fs::read_dir(&samples) {
        Ok(dir) => {
            let mut paths: Vec<PathBuf> =
                dir.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
            paths.sort();
            texts.extend(paths.iter().filter_map(|p| std::fs::read_to_string(p).ok()));
        }
        Err(_) => eprintln!("note: {} absent; benchmarking on the bundled article alone", samples.display()),
    }
    texts
}

/// About `bytes` of article text: chapters, each one of the corpus articles under a
/// numbered heading, and a unique word in the last line.
pub fn big_document(bytes: usize) -> String {
    let corpus = corpus();
    let mut doc = String::with_capacity(bytes + 4096);
    doc.push_str("The Collected Reports\n\n");
    let mut n = 0;
    while doc.len() < bytes {
        let text = &corpus[n % corpus.len()];
        doc.push_str(&format!("Chapter {}\n\n", n + 1));
        doc.push_str(text.trim());
        doc.push_str("\n\n");
        n += 1;
    }
    doc.push_str("The last line holds the word zanzibarquux.\n");
    doc
}

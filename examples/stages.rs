//! Profiling aid: time each extraction stage over every paragraph of a large document.
use folio::article::stages::{NameHit, find_dates, find_names, find_quotes, find_statistics, sentences, tokenize_into};
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let text = std::fs::read_to_string(path).expect("readable");
    let t0 = Instant::now();
    let a = folio::article::parse_structure(&text, None).expect("parses");
    eprintln!("structure {:?}", t0.elapsed());
    let paras: Vec<&str> = a.paragraphs().map(|(_, _, p)| p.text.as_str()).collect();
    let mut toks = Vec::new();
    let mut st = [std::time::Duration::ZERO; 6];
    let mut n_tokens = 0;
    let mut n_hits = 0;
    for p in &paras {
        let t = Instant::now();
        tokenize_into(p, &mut toks);
        st[0] += t.elapsed();
        n_tokens += toks.len();
        let t = Instant::now();
        let s = sentences(p, &toks);
        st[1] += t.elapsed();
        let t = Instant::now();
        let d = find_dates(p, &toks);
        st[2] += t.elapsed();
        let t = Instant::now();
        let _ = find_statistics(p, &toks, &d);
        st[3] += t.elapsed();
        let t = Instant::now();
        let starts: Vec<usize> = s.iter().map(|r| r.start).collect();
        let h = find_names(p, &toks, &starts);
        n_hits += h.len();
        st[4] += t.elapsed();
        let t = Instant::now();
        let _ = find_quotes(p, &toks, &s);
        st[5] += t.elapsed();
    }
    for (n, d) in ["tokenize", "sentences", "dates", "statistics", "names", "quotes"].iter().zip(st) {
        eprintln!("{n:12} {d:?}");
    }
    eprintln!(
        "{} paragraphs, {} tokens, {} name hits, {} bytes (NameHit {} bytes)",
        paras.len(),
        n_tokens,
        n_hits,
        text.len(),
        std::mem::size_of::<NameHit>()
    );
    let full = folio::article::parse(&text, None).expect("parses");
    let sent: usize = full.statistics.iter().map(|s| s.sentence.len() + s.text.len() + s.quantity.len()).sum();
    let occ: usize = full.people.iter().chain(&full.organisations).map(|e| e.occurrences.len()).sum();
    eprintln!(
        "{} stats ({} bytes of strings), {} quotes, {} dates, {} occurrences",
        full.statistics.len(),
        sent,
        full.quotes.len(),
        full.dates.len() + full.relative_dates.len(),
        occ
    );
    let t = Instant::now();
    let full = folio::article::parse(&text, None).expect("parses");
    eprintln!("full parse {:?}", t.elapsed());
    let t = Instant::now();
    drop(full);
    eprintln!("drop {:?}", t.elapsed());
}
#[allow(dead_code)]
fn count_hits() {}

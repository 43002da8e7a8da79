//! Each stage of the pipeline alone, over every paragraph of the 10 MB document: the
//! tokenizer, sentence splitting, and each extractor; and wrapping the whole text.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use folio::article::parse_structure;
use folio::article::stages::{
    Token, find_dates, find_names, find_quotes, find_statistics, sentences, tokenize, tokenize_into,
};
use std::hint::black_box;

fn stages(c: &mut Criterion) {
    let doc = common::big_document(10 * 1024 * 1024);
    let article = parse_structure(&doc, None).expect("parses");
    let paras: Vec<&str> = article.paragraphs().map(|(_, _, p)| p.text.as_str()).collect();
    let bytes: usize = paras.iter().map(|p| p.len()).sum();
    // Tokens and sentences once, for the stages that take them.
    let tokenized: Vec<Vec<Token>> = paras.iter().map(|p| tokenize(p)).collect();
    let sents: Vec<_> = paras.iter().zip(&tokenized).map(|(p, t)| sentences(p, t)).collect();
    let found_dates: Vec<_> = paras.iter().zip(&tokenized).map(|(p, t)| find_dates(p, t)).collect();

    let mut g = c.benchmark_group("stages, 10 MB");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("tokenize (with the lexicon)", |b| {
        let mut buf = Vec::new();
        b.iter(|| {
            for p in &paras {
                tokenize_into(black_box(p), &mut buf);
            }
        })
    });
    g.bench_function("sentences", |b| {
        b.iter(|| paras.iter().zip(&tokenized).map(|(p, t)| sentences(p, t).len()).sum::<usize>())
    });
    g.bench_function("dates", |b| {
        b.iter(|| paras.iter().zip(&tokenized).map(|(p, t)| find_dates(p, t).len()).sum::<usize>())
    });
    g.bench_function("statistics", |b| {
        b.iter(|| {
            paras
                .iter()
                .zip(&tokenized)
                .zip(&found_dates)
                .map(|((p, t), d)| find_statistics(p, t, d).len())
                .sum::<usize>()
        })
    });
    g.bench_function("names", |b| {
        b.iter(|| {
            paras
                .iter()
                .zip(&tokenized)
                .zip(&sents)
                .map(|((p, t), s)| {
                    let starts: Vec<usize> = s.iter().map(|r| r.start).collect();
                    find_names(p, t, &starts).len()
                })
                .sum::<usize>()
        })
    });
    g.bench_function("quotes", |b| {
        b.iter(|| paras.iter().zip(&tokenized).zip(&sents).map(|((p, t), s)| find_quotes(p, t, s).len()).sum::<usize>())
    });
    g.bench_function("wrap every paragraph at 88 columns", |b| {
        b.iter(|| paras.iter().map(|p| folio::app::document::wrap(black_box(p), 88).len()).sum::<usize>())
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);

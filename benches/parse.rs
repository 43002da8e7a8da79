//! Parse throughput: the whole pipeline (structure and every extractor) over a 10 MB
//! document, and the structure alone. Target: >= 100 MB/s for the whole pipeline.

mod common;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use folio::article::{parse, parse_structure};
use std::hint::black_box;

fn parse_10mb(c: &mut Criterion) {
    let doc = common::big_document(10 * 1024 * 1024);
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(doc.len() as u64));
    group.sample_size(10);
    group.bench_function("whole pipeline, 10 MB", |b| b.iter(|| parse(black_box(&doc), None)));
    group.bench_function("structure only, 10 MB", |b| b.iter(|| parse_structure(black_box(&doc), None)));
    group.finish();

    let mut small = c.benchmark_group("parse bundled");
    small.throughput(Throughput::Bytes(folio::BUNDLED_ARTICLE.len() as u64));
    small.bench_function("bundled article", |b| b.iter(|| parse(black_box(folio::BUNDLED_ARTICLE), None)));
    small.finish();
}

criterion_group!(benches, parse_10mb);
criterion_main!(benches);

//! A feed of 100 entries lists in under 50 ms after its download (issue 25): the bytes
//! parsed (feed-rs), the list made, the reader given it and the first frame drawn at
//! 120x40. And feed-rs alone on 100 and on 10,000 entries, for the Cargo.toml note.

use criterion::{Criterion, criterion_group, criterion_main};
use folio::app::listing::{FeedResult, from_feeds};
use folio::app::{Action, App, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

/// An RSS 2.0 feed of `n` entries, each with a title, a link, a date and a summary of a
/// few dozen words, as news sites write them.
fn feed(n: usize) -> Vec<u8> {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Bench News</title>",
    );
    for i in 0..n {
        xml.push_str(&format!(
            "<item><title>Story number {i} &amp; what it means</title><link>https://news.example/{i}.html</link>\
             <guid>https://news.example/{i}.html</guid><pubDate>Tue, 02 Dec 2025 {:02}:{:02}:00 GMT</pubDate>\
             <description>&lt;p&gt;The summary of story {i}, in a few dozen words of prose, as a feed carries it: \
             who did what, where and when, and why a reader might open the page to read the rest.&lt;/p&gt;</description></item>",
            i / 60 % 24,
            i % 60
        ));
    }
    xml.push_str("</channel></rss>");
    xml.into_bytes()
}

fn feeds(c: &mut Criterion) {
    let hundred = feed(100);
    let ten_thousand = feed(10_000);
    let mut group = c.benchmark_group("feeds");
    group.sample_size(20);
    group.bench_function("feed-rs: 100 entries", |b| {
        b.iter(|| folio::feed::parse(black_box(&hundred), Some("https://news.example/rss")))
    });
    group.bench_function("feed-rs: 10,000 entries", |b| {
        b.iter(|| folio::feed::parse(black_box(&ten_thousand), Some("https://news.example/rss")))
    });
    group.bench_function("100 entries: parsed, listed, first frame at 120x40", |b| {
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
        let look = folio::ui::Options::default();
        b.iter(|| {
            let feed = folio::feed::parse(black_box(&hundred), Some("https://news.example/rss"));
            let one = FeedResult { name: None, key: "https://news.example/rss".into(), feed };
            let listing = from_feeds("Bench News".into(), vec![one]);
            let mut app = App::new(Default::default(), folio::reader_options(88)).with_listing(listing);
            update(&mut app, Action::Resize(120, 40));
            terminal.draw(|f| folio::ui::draw(f, &app, &look)).expect("draws");
        })
    });
    group.finish();
}

criterion_group!(benches, feeds);
criterion_main!(benches);

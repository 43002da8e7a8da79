//! Search over a 10 MB article: every match of a literal (target <= 20 ms), and typing one
//! more character at the prompt, search and redraw included (target <= 16 ms).

mod common;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use folio::app::document::Document;
use folio::app::find::find_matches;
use folio::app::{Action, App, update};
use folio::search::Matcher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

fn search(c: &mut Criterion) {
    let text = common::big_document(10 * 1024 * 1024);
    let article = folio::article::parse(&text, None).expect("parses");
    let doc = Document::new(&article);
    let mut group = c.benchmark_group("search 10 MB");
    group.sample_size(20);
    for q in ["trafficking", "zanzibarquux", "Chatzis", "tre em"] {
        let m = Matcher::new(q).expect("query");
        group.bench_function(format!("all matches of {q:?}"), |b| b.iter(|| find_matches(black_box(&doc), &m, None)));
    }
    let re = Matcher::new(r"re:\d+ per cent").expect("regex");
    group.bench_function("all matches of re:\\d+ per cent", |b| b.iter(|| find_matches(black_box(&doc), &re, None)));

    // Typing the last letter of "trafficking" at the prompt, then drawing the frame.
    let mut app = App::new(article, folio::reader_options(88));
    update(&mut app, Action::Resize(200, 60));
    update(&mut app, Action::StartSearch);
    for ch in "traffickin".chars() {
        update(&mut app, Action::PromptInput(ch));
    }
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    // Each measured step types the "g" and draws; the setup (not measured) takes it back.
    let app = std::cell::RefCell::new(app);
    group.bench_function("type one more character and redraw", |b| {
        b.iter_batched(
            || {
                update(&mut app.borrow_mut(), Action::PromptBackspace);
                update(&mut app.borrow_mut(), Action::PromptInput('n'));
            },
            |()| {
                let mut app = app.borrow_mut();
                update(&mut app, Action::PromptInput('g'));
                terminal.draw(|f| folio::ui::draw(f, &app, &folio::ui::Options::default())).expect("draw");
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);

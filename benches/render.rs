//! Drawing: one frame of the bundled article at 200x60 (target < 1 ms), a frame with a
//! 30-row table and a 40-line code block (target < 2 ms), and a keypress (j, PgDn, ])
//! with its redraw on a 10 MB article at 200x60 (target <= 2 ms), and a group key there.

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use folio::app::items::Group;
use folio::app::{Action, App, Focus, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app_for(text: &str) -> App {
    let article = folio::article::parse(text, None).expect("parses");
    let mut app = App::new(article, folio::reader_options(88));
    update(&mut app, Action::Resize(200, 60));
    app
}

/// The keys to the text, whichever pane has them when the reader opens.
fn to_reader(app: &mut App) {
    if app.focus() != Focus::Reader {
        update(app, Action::FocusNext);
    }
}

fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render 200x60");
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let app = app_for(folio::BUNDLED_ARTICLE);
    group.bench_function("bundled article, first screen", |b| {
        b.iter(|| {
            terminal.draw(|f| folio::ui::draw(f, &app, &folio::ui::Options::default())).expect("draw");
        })
    });
    let mut quotes = app_for(folio::BUNDLED_ARTICLE);
    update(&mut quotes, Action::ShowGroup(Group::Quotes));
    update(&mut quotes, Action::Bottom);
    group.bench_function("bundled article, a quote selected", |b| {
        b.iter(|| {
            terminal.draw(|f| folio::ui::draw(f, &quotes, &folio::ui::Options::default())).expect("draw");
        })
    });

    // A table of 30 rows and a code block of 40 lines, both on screen, links made OSC 8.
    let mut md = String::from(
        "# Budget\n\nThe [council](https://example.org/c) spends on:\n\n| Item | Cost | Year | Note |\n| --- | ---: | :---: | --- |\n",
    );
    for i in 0..30 {
        md.push_str(&format!(
            "| Item number {i} | £{}.{}m | {} | a *note* about item {i} and its upkeep |\n",
            i * 3,
            i % 10,
            2020 + i % 8
        ));
    }
    md.push_str("\n```rust\n");
    for i in 0..40 {
        md.push_str(&format!(
            "    let value_{i} = compute(\"row {i}\", {i} * 1000); // and a long comment on line {i}\n"
        ));
    }
    md.push_str("```\n");
    let mut rich = App::new(folio::article::parse(&md, None).expect("parses"), folio::reader_options(120));
    update(&mut rich, Action::Resize(200, 60));
    to_reader(&mut rich);
    for _ in 0..20 {
        update(&mut rich, Action::Down);
    }
    let linked = folio::ui::Options { hyperlinks: true, ..folio::ui::Options::default() };
    group.bench_function("a 30-row table and a 40-line code block", |b| {
        b.iter(|| {
            terminal.draw(|f| folio::ui::draw(f, &rich, &linked)).expect("draw");
        })
    });

    let big = common::big_document(10 * 1024 * 1024);
    let mut app = app_for(&big);
    to_reader(&mut app);
    for (name, down, up) in [
        ("10 MB: j and redraw", Action::Down, Action::Up),
        ("10 MB: PgDn and redraw", Action::PageDown, Action::PageUp),
        ("10 MB: ] and redraw", Action::NextSection, Action::PrevSection),
    ] {
        // Move back and forth, so each iteration is one keypress and one frame from the
        // middle of the book.
        update(&mut app, Action::Bottom);
        for _ in 0..100 {
            update(&mut app, Action::PageUp);
        }
        let mut forward = true;
        group.bench_function(name, |b| {
            b.iter(|| {
                update(&mut app, if forward { down.clone() } else { up.clone() });
                forward = !forward;
                terminal.draw(|f| folio::ui::draw(f, &app, &folio::ui::Options::default())).expect("draw");
            })
        });
    }
    // Choosing a group from the middle of the book: its selection starts at the item
    // nearest the reading position.
    group.bench_function("10 MB: a group key (2, 4) and redraw", |b| {
        let mut quotes = true;
        b.iter(|| {
            update(&mut app, Action::ShowGroup(if quotes { Group::Quotes } else { Group::People }));
            quotes = !quotes;
            terminal.draw(|f| folio::ui::draw(f, &app, &folio::ui::Options::default())).expect("draw");
        })
    });
    to_reader(&mut app);
    group.bench_function("10 MB: resize (re-wrap) and redraw", |b| {
        let mut wide = true;
        b.iter(|| {
            update(&mut app, if wide { Action::Resize(200, 60) } else { Action::Resize(160, 60) });
            wide = !wide;
            terminal.draw(|f| folio::ui::draw(f, &app, &folio::ui::Options::default())).expect("draw");
        })
    });
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);

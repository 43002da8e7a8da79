//! Properties over arbitrary text: parsing never panics, every extracted item points at
//! text that exists (in range, on char boundaries, the same words), exports read back
//! equal, and the reader draws any of it at any size.

use folio::app::{Action, App, update};
use folio::article::{Article, Format, Location, parse};
use proptest::prelude::*;

fn locations(a: &Article) -> Vec<Location> {
    let mut v: Vec<Location> = a.quotes.iter().map(|q| q.at).collect();
    v.extend(a.statistics.iter().map(|s| s.at));
    v.extend(a.dates.iter().chain(&a.relative_dates).map(|d| d.at));
    for e in a.people.iter().chain(&a.organisations) {
        v.extend(e.occurrences.iter().copied());
    }
    v
}

/// Text that looks a little like an article: words, numbers, quote marks, names, line
/// ends, and the odd control or bidi character.
fn articleish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Z][a-z]{1,9}",
        "[a-z]{1,8}",
        "[0-9]{1,4}([.,][0-9]{1,3})?%?",
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("’s".to_string()),
        Just(" said ".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("- ".to_string()),
        Just("July 30, 2024".to_string()),
        Just("per cent".to_string()),
        Just("Mr ".to_string()),
        Just("(UN)".to_string()),
        Just("\u{1b}[2J".to_string()),
        Just("\u{202e}".to_string()),
        Just("é".to_string()),
        Just("日本".to_string()),
        Just("👩\u{200d}👧".to_string()),
        any::<char>().prop_map(|c| c.to_string()),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.join(" "))
}

fn check(text: &str) {
    for format in [None, Some(Format::Text), Some(Format::Markdown)] {
        let Ok(a) = parse(text, format) else { continue };
        for loc in locations(&a) {
            assert!(a.text_at(&loc).is_some(), "location {loc:?} does not fit the text");
        }
        for q in &a.quotes {
            assert_eq!(a.text_at(&q.at), Some(q.text.as_str()));
        }
        let json = serde_json::to_string(&a).expect("serialises");
        let back = parse(&json, Some(Format::Json)).expect("reads back");
        assert_eq!(back, a, "export then import changes the article");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_string_parses_without_panicking(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn articleish_text_keeps_every_invariant(s in articleish()) {
        check(&s);
    }

    #[test]
    fn the_reader_draws_any_article_at_any_size(s in articleish(), w in 1u16..300, h in 1u16..120) {
        if let Ok(a) = parse(&s, None) {
            let mut app = App::new(a, folio::reader_options(88));
            update(&mut app, Action::Resize(w, h));
            for act in [Action::PageDown, Action::Bottom, Action::ShowGroup(folio::app::items::Group::Quotes), Action::Activate] {
                update(&mut app, act);
            }
            let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).expect("terminal");
            t.draw(|f| folio::ui::draw(f, &app, &folio::ui::Options::default())).expect("draw");
            // Every size gets a screen: the panes with the title bar and the mode, or the
            // request for a larger terminal (when even "Too small" fits).
            let rows: Vec<String> = (0..h)
                .map(|y| (0..w).map(|x| t.backend().buffer()[(x, y)].symbol().to_string()).collect())
                .collect();
            if w >= 60 && h >= 15 {
                prop_assert!(rows[0].starts_with(" folio │"), "{:?}", rows[0]);
                prop_assert!(rows[h as usize - 1].contains(" LIST ") || rows[h as usize - 1].contains(" READER "), "{:?}", rows[h as usize - 1]);
            } else if w >= 9 {
                let middle = &rows[h as usize / 2];
                prop_assert!(["Enlarge", "Need", "Too small"].iter().any(|s| middle.contains(s)), "{middle:?}");
            }
        }
    }

    #[test]
    fn any_query_searches_without_panicking(q in any::<String>(), s in articleish()) {
        for query in [q.clone(), format!("re:{q}")] {
            if let Ok(m) = folio::search::Matcher::new(&query) {
                for r in m.find_all(&s) {
                    prop_assert!(!r.is_empty() && s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                }
            }
        }
    }
}

/// A book: a title, then chapters, each "Chapter N" over, now and then, a chapter title
/// and a section title, then paragraphs and the odd list. Long enough, often, that the
/// reader shows its first part before the rest is read.
fn book() -> impl Strategy<Value = (String, usize)> {
    let sentence = prop_oneof![
        Just("The council met on Tuesday and agreed the budget for the year."),
        Just("Residents said the roads had been neglected for a decade, and they were tired of waiting."),
        Just("“We will finish the work by spring,” said Ann Lee, the engineer in charge."),
        Just("About 40% of the money goes on drains, the rest on pavements and lights."),
        Just("Nobody expected the report to be published so soon."),
    ];
    let paragraph = prop::collection::vec(sentence, 1..6).prop_map(|v| v.join(" "));
    let chapter = (
        prop::option::of(Just("The Long Winter")),
        prop::option::of(Just("What the engineers found")),
        prop::collection::vec(paragraph, 1..12),
        prop::bool::weighted(0.2),
    );
    prop::collection::vec(chapter, 1..40).prop_map(|chapters| {
        let mut text = String::from("The Collected Reports\n\n");
        for (n, (title, section, paragraphs, list)) in chapters.iter().enumerate() {
            text.push_str(&format!("Chapter {}\n\n", n + 1));
            for line in title.iter().chain(section) {
                text.push_str(line);
                text.push_str("\n\n");
            }
            for p in paragraphs {
                text.push_str(p);
                text.push_str("\n\n");
            }
            if *list {
                text.push_str("- the first point of the list\n- the second point of the list\n\n");
            }
        }
        (text, chapters.len())
    })
}

/// What the reader has once a document has loaded, however it was read.
fn shape(a: &Article) -> Vec<(Option<String>, Vec<String>)> {
    a.sections.iter().map(|s| (s.heading.clone(), s.paragraphs.iter().map(|p| p.text.clone()).collect())).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Read progressively (the first part at once, the rest behind it), a book has the
    /// structure it has read at once, and every chapter is a section (issue 14, item 4).
    #[test]
    fn a_book_read_progressively_has_the_structure_read_at_once((text, chapters) in book()) {
        let whole = parse(&text, None).expect("parses");
        let (mut app, loader) =
            folio::app::loading::open(text.clone(), None, Vec::new(), folio::reader_options(88)).expect("opens");
        if let Some(loader) = loader {
            let rx = loader.start();
            while let Ok(loaded) = rx.recv() {
                update(&mut app, Action::Loaded(loaded));
            }
        }
        let mut read = app.article().clone();
        // The reader keeps the paragraphs' text in its document.
        for (s, section) in read.sections.iter_mut().enumerate() {
            for (p, para) in section.paragraphs.iter_mut().enumerate() {
                if para.text.is_empty()
                    && let Some(b) = app.doc().paragraph_block(s, p)
                {
                    para.text = app.doc().blocks[b].original().to_string();
                }
            }
        }
        prop_assert_eq!(&read.title, &whole.title);
        prop_assert_eq!(&read.subtitle, &whole.subtitle);
        prop_assert_eq!(shape(&read), shape(&whole));
        let headed: Vec<String> = (1..=chapters).map(|n| format!("Chapter {n}")).collect();
        let found: Vec<String> =
            whole.sections.iter().filter_map(|s| s.heading.clone()).filter(|h| h.starts_with("Chapter ")).collect();
        prop_assert_eq!(found, headed);
    }
}

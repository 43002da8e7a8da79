//! Hostile and broken input: escape sequences, controls, bidi overrides, odd encodings,
//! huge paragraphs and lines, wide characters. folio must never pass a control to the
//! terminal, never panic and never lose text.

use crate::common::{FORBIDDEN, HOSTILE, folio, render, screen_text, stdout};
use folio::app::{Action, App, update};
use folio::article::parse;

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn list_and_search_output_carries_no_controls_even_piped() {
    for args in [
        &["--list", "sections", "-"][..],
        &["--list", "quotes", "-"],
        &["--list", "people", "-"],
        &["--search", "re:.", "-"],
        &["--search", "here", "-"],
    ] {
        let out = folio(args, Some(HOSTILE.as_bytes()));
        for bad in FORBIDDEN {
            assert!(!contains(&out.stdout, bad), "{args:?} wrote {bad:?}");
        }
    }
    let out = folio(&["--search", "clear", "-"], Some(HOSTILE.as_bytes()));
    assert!(stdout(&out).contains("␛[2J"), "the placeholder shows where the escape was: {}", stdout(&out));
    let out = folio(&["--search", "desrever", "-"], Some(HOSTILE.as_bytes()));
    assert!(stdout(&out).contains("<U+202E>"), "{}", stdout(&out));
}

#[test]
fn json_export_keeps_the_original_text_escaped() {
    let out = folio(&["--export", "json", "-"], Some(HOSTILE.as_bytes()));
    assert!(out.status.success());
    assert!(!contains(&out.stdout, b"\x1b"), "serde escapes ESC as \\u001b");
    // C1 controls, bidi controls and zero-width characters are escaped too (serde would
    // write them raw): a JSON export printed on a terminal is inert.
    for raw in [&b"\xc2\x9b"[..], b"\xe2\x80\xae", b"\xe2\x80\x8b"] {
        assert!(!contains(&out.stdout, raw), "{raw:?} written raw");
    }
    assert!(stdout(&out).contains("\\u009b31m") && stdout(&out).contains("\\u202edesrever"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let first = v["sections"][0]["paragraphs"][0]["text"].as_str().expect("text");
    assert!(first.contains("\u{1b}[2J"), "the export keeps the original characters");
}

#[test]
fn the_reader_draws_placeholders_not_controls() {
    let article = parse(HOSTILE, None).expect("parses");
    let mut app = App::new(article, folio::reader_options(88));
    update(&mut app, Action::Resize(120, 40));
    let buf = render(&app);
    let screen = screen_text(&buf);
    for cell in buf.content() {
        for c in cell.symbol().chars() {
            assert!(!c.is_control(), "a control character reached the screen: {:?}", cell.symbol());
            assert!(!matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}'), "{c:?}");
        }
    }
    for placeholder in ["␛[2J", "␛]0;pwned␇", "<U+009B>31m", "<U+202E>", "<U+200B>", "␈", "␡", "&#27;[31m"] {
        assert!(screen.contains(placeholder), "missing {placeholder}:\n{screen}");
    }
}

#[test]
fn markdown_entities_are_not_decoded_into_escapes() {
    // pulldown-cmark decodes &#27; to ESC: the display must still show a placeholder.
    let md = "# Title\n\nA paragraph with &#27;[2J inside, long enough to be text.\n";
    let article = parse(md, None).expect("parses");
    let mut app = App::new(article, folio::reader_options(88));
    update(&mut app, Action::Resize(100, 30));
    let screen = screen_text(&render(&app));
    assert!(screen.contains("␛[2J"), "{screen}");
}

#[test]
fn an_unclosed_quotation_mark_does_not_swallow_later_quotes() {
    let text = "A title for it\n\nShe said: “this quote never closes and runs on.\n\nA later paragraph where “the minister said these exact words today,” she added.\n";
    let a = parse(text, None).expect("parses");
    let texts: Vec<&str> = a.quotes.iter().map(|q| q.text.as_str()).collect();
    assert!(texts.contains(&"the minister said these exact words today"), "{texts:?}");
    for q in &a.quotes {
        assert_eq!(a.text_at(&q.at), Some(q.text.as_str()));
    }
}

#[test]
fn a_five_megabyte_paragraph_and_two_hundred_thousand_lines() {
    let word = "lorem ipsum dolor sit amet, consectetur adipiscing elit ";
    let long: String = std::iter::repeat_n(word, 5 * 1024 * 1024 / word.len()).collect();
    let a = parse(&format!("Title\n\n{long}.\n"), None).expect("parses");
    assert_eq!(a.sections[0].paragraphs.len(), 1);
    let mut app = App::new(a, folio::reader_options(88));
    update(&mut app, Action::Resize(120, 40));
    for act in [Action::PageDown, Action::Bottom, Action::Top] {
        update(&mut app, act);
    }
    let _ = render(&app);

    let lines: String = (0..200_000).map(|i| format!("Line number {i} is short.\n")).collect();
    let a = parse(&lines, None).expect("parses");
    assert_eq!(a.paragraphs().count(), 200_000);
    let mut app = App::new(a, folio::reader_options(88));
    update(&mut app, Action::Resize(120, 40));
    update(&mut app, Action::Bottom);
    assert!(screen_text(&render(&app)).contains("Line number 199999"));
}

#[test]
fn wide_characters_never_overflow_the_pane() {
    let text = "标题\n\n日本語のテキストは空白なしで続きます。".to_string()
        + &"漢字とかなの長い段落がここにあります。".repeat(30)
        + "\n\nEmoji 👩\u{200d}👩\u{200d}👧 family and flags 🇻🇳 and combining e\u{301}e\u{301} marks, "
        + &"👩\u{200d}👩\u{200d}👧".repeat(40)
        + "\n";
    let article = parse(&text, None).expect("parses");
    for (w, h) in [(60, 15), (80, 24), (133, 41)] {
        let mut app = App::new(article.clone(), folio::reader_options(88));
        update(&mut app, Action::Resize(w, h));
        let text_area = app.areas().text;
        // Every line the reader sets fits the text area (ratatui would clip a longer one,
        // silently losing its end).
        let theme = folio::ui::theme::Theme::default();
        let mut lines = 0;
        for _ in 0..40 {
            for line in folio::ui::reader::text_lines(&app, &theme, text_area.width as usize, text_area.height as usize)
            {
                assert!(
                    line.width() <= text_area.width as usize,
                    "{line:?} is wider than {} at {w}x{h}",
                    text_area.width
                );
                lines += 1;
            }
            update(&mut app, Action::PageDown);
        }
        assert!(lines > 40, "the reader set the text ({lines} lines)");
    }
}

#[test]
fn invalid_utf8_shows_a_warning_in_the_status_bar() {
    let decoded =
        folio::input::decode(b"A title\n\nCaf\xe9 owners said prices rose sharply this year.\n").expect("decodes");
    let mut article = parse(&decoded.text, None).expect("parses");
    article.warnings = decoded.warnings;
    let mut app = App::new(article, folio::reader_options(88));
    update(&mut app, Action::Resize(120, 30));
    let screen = screen_text(&render(&app));
    assert!(screen.contains("invalid UTF-8"), "{screen}");
}

#[test]
fn a_hundred_resizes_in_a_row() {
    let mut app = crate::common::bundled_app(120, 40);
    for i in 0..100u16 {
        let (w, h) = (1 + (i * 7) % 500, 1 + (i * 3) % 200);
        update(&mut app, Action::Resize(w, h));
        let screen = screen_text(&render(&app));
        // The panes, or the request for a larger terminal where "Too small" fits.
        let drawn = screen.starts_with(" folio │")
            || screen.contains("Enlarge")
            || screen.contains("Need")
            || screen.contains("Too small");
        assert!(drawn || w < 9, "nothing sensible at {w}x{h}:\n{screen}");
    }
    update(&mut app, Action::Resize(80, 24));
    let screen = screen_text(&render(&app));
    assert!(screen.contains("Threatening progre"), "{screen}");
}

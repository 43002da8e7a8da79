//! Right-to-left text on screen (issue 24, item 1). Every letter of a right-to-left
//! paragraph is drawn, as many of each as `--bidi off` draws and as the text holds, at 80,
//! 120 and 200 columns; the title bar cuts a right-to-left title at its end and never cuts
//! the progress. On an article written for the test (Arabic with the lam-alef pairs that
//! a string width counts as one column, a Hebrew paragraph, numbers and a Latin word) and
//! on Readability's right-to-left pages in `../shared/web/readability`.

use crate::common::{press, render_options, shared};
use folio::app::document::DocKind;
use folio::app::{Action, App, update};
use folio::article::{Article, Format, parse, parse_structure_at};
use std::collections::BTreeMap;

/// A headline, a byline that opens with a word and a colon, and paragraphs full of "ال"
/// and "لا" (the pairs `unicode-width` joins into one column, a terminal does not).
const ARTICLE: &str = "الحكومة تعلن خطة جديدة لدعم الاستثمار في المدن الصغيرة والقرى البعيدة عن العاصمة\n\n\
حوار: آسيا العمري\n\n\
أعلنت وزارة الاقتصاد يوم الثلاثاء أن الاستثمارات الأجنبية في المدن الصغيرة ارتفعت بنسبة 12% خلال العام الماضي، \
وقال المتحدث باسم الوزارة إن الخطة الجديدة ستشمل أكثر من ثلاثين مدينة وقرية في الشمال والجنوب. وأضاف أن الحكومة \
لا تريد أن تبقى الأموال في العاصمة وحدها، وأن المصانع الصغيرة هي الأساس الذي تقوم عليه التنمية في الأرياف.\n\n\
وقالت الخبيرة الاقتصادية ليلى منصور إن \"الإصلاحات لا تكفي إذا لم تصل الكهرباء والطرق إلى الأسواق المحلية\"، \
مشيرة إلى أن الفلاحين ما زالوا يعانون من ارتفاع الأسعار (بحسب تقرير OECD لعام 2024).\n\n\
ראש העירייה אמר ביום שני כי העבודות על הגשר הישן יסתיימו עד סוף השנה, ולאחר מכן ייפתח הכביש לתנועה בשני הכיוונים.\n";

/// The same article as a web page: the direction and the byline come from the page.
fn page() -> String {
    let mut paragraphs = ARTICLE.split("\n\n").map(str::trim);
    let title = paragraphs.next().unwrap_or_default();
    let byline = paragraphs.next().unwrap_or_default();
    let body: String = paragraphs.map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         <meta name=\"author\" content=\"{byline}\"></head><body><article><h1>{title}</h1>\n{body}</article></body></html>"
    )
}

fn app_for(article: Article, width: u16, height: u16) -> App {
    let mut app = App::new(article, folio::reader_options(88));
    update(&mut app, Action::Resize(width, height));
    app
}

/// Each letter drawn in the text pane, and how many times.
fn letters_on_screen(app: &App, bidi: bool) -> BTreeMap<char, usize> {
    let options = folio::ui::Options { bidi, hyperlinks: false, ..Default::default() };
    let buf = render_options(app, &options);
    let text = app.areas().text;
    let mut out = BTreeMap::new();
    for y in text.top()..text.bottom() {
        for x in text.left()..text.right() {
            for c in buf[(x, y)].symbol().chars().filter(|c| c.is_alphabetic()) {
                *out.entry(c).or_insert(0) += 1;
            }
        }
    }
    out
}

/// Each letter of the text the reader shows (the source line aside).
fn letters_of(app: &App) -> BTreeMap<char, usize> {
    let mut out = BTreeMap::new();
    for b in app.doc().blocks.iter().filter(|b| !matches!(b.kind, DocKind::Source)) {
        for c in b.text.chars().filter(|c| c.is_alphabetic()) {
            *out.entry(c).or_insert(0) += 1;
        }
    }
    out
}

/// At 80, 120 and 200 columns, on a screen tall enough to hold the whole text, the
/// letters drawn right to left are the letters drawn with `--bidi off`, and the text's.
fn every_letter_is_drawn(name: &str, article: &Article) {
    for width in [80, 120, 200] {
        let app = app_for(article.clone(), width, 80);
        assert_eq!(app.progress(), 100, "{name} at {width} columns: the whole text is on screen");
        let want = letters_of(&app);
        let total: usize = want.values().sum();
        assert!(total > 0, "{name}: letters to draw");
        let off = letters_on_screen(&app, false);
        let on = letters_on_screen(&app, true);
        let count = |m: &BTreeMap<char, usize>| m.values().sum::<usize>();
        assert_eq!(count(&off), total, "{name} at {width} columns, --bidi off: {} of {total} letters", count(&off));
        assert_eq!(count(&on), total, "{name} at {width} columns, --bidi auto: {} of {total} letters", count(&on));
        assert_eq!(on, off, "{name} at {width} columns: the same letters either way");
        assert_eq!(on, want, "{name} at {width} columns: the text's letters");
    }
}

#[test]
fn every_letter_of_a_right_to_left_paragraph_is_on_screen() {
    every_letter_is_drawn("the written article", &parse(ARTICLE, None).expect("parses"));
    let html = parse_structure_at(&page(), Some(Format::Html), None).expect("parses");
    assert_eq!(html.byline.as_deref(), Some("حوار: آسيا العمري"), "the byline comes from the page");
    every_letter_is_drawn("the written page", &html);
}

#[test]
fn every_letter_of_readabilitys_right_to_left_pages_is_on_screen() {
    let Some(shared) = shared("every_letter_of_readabilitys_right_to_left_pages_is_on_screen") else { return };
    for n in 1..=4 {
        let path = shared.join("web").join("readability").join(format!("rtl-{n}")).join("source.html");
        let html = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let article = parse_structure_at(&html, Some(Format::Html), None).expect("parses");
        every_letter_is_drawn(&format!("rtl-{n}"), &article);
    }
}

/// The title bar: a right-to-left title too long for it loses its end (its left on
/// screen), never its first words; the byline after it likewise; the progress is whole.
#[test]
fn the_title_bar_cuts_a_right_to_left_title_at_its_end_and_keeps_the_progress() {
    let article = parse_structure_at(&page(), Some(Format::Html), None).expect("parses");
    let first_word: String = "الحكومة".chars().rev().collect();
    for (w, h) in [(60, 20), (80, 24), (120, 40)] {
        let mut app = app_for(article.clone(), w, h);
        for step in [None, Some(Action::Bottom)] {
            if let Some(a) = step {
                press(&mut app, &[a]);
            }
            let buf = render_options(&app, &folio::ui::Options { hyperlinks: false, ..Default::default() });
            let bar: String = (0..w).map(|x| buf[(x, 0)].symbol().to_string()).collect();
            let progress = format!("{}%", app.progress());
            assert!(bar.trim_end().ends_with(&progress), "{w}x{h}: the progress {progress} whole at the end: {bar:?}");
            assert!(bar.contains(&first_word), "{w}x{h}: the title's first word (on the right) is kept: {bar:?}");
        }
    }
}

//! Rich content on a Markdown article written for folio with every kind in it
//! (tests/fixtures/rich/every-kind.md): what the export holds, the Markdown round trip,
//! the reader's table and code, the Links tab, opening and copying.

use crate::common::{folio, press, render, render_options, screen_text, stdout};
use folio::app::items::Group;
use folio::app::{Action, App, Effect, update};
use serde_json::Value;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rich/every-kind.md");

fn fixture() -> String {
    std::fs::read_to_string(FIXTURE).expect("the rich fixture")
}

fn app(text: &str, width: u16, height: u16) -> App {
    let article = folio::article::parse(text, None).expect("parses");
    let mut app = App::new(article, folio::reader_options(88));
    update(&mut app, Action::Resize(width, height));
    app
}

fn paragraphs(v: &Value) -> Vec<&Value> {
    v["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["paragraphs"].as_array().into_iter().flatten())
        .collect()
}

#[test]
fn the_json_export_holds_every_kind() {
    let out = folio(&["--export", "json", FIXTURE], None);
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["schema"], "folio.article/3");
    let levels: Vec<(String, u64)> = v["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .filter_map(|s| Some((s["heading"].as_str()?.to_string(), s["level"].as_u64()?)))
        .collect();
    assert_eq!(
        levels,
        [("What the money pays for".into(), 2), ("Who decides".into(), 3), ("The data".into(), 2)],
        "### is not ##"
    );
    let ps = paragraphs(&v);
    let of = |kind: &'static str| ps.iter().copied().filter(move |p| p["kind"] == kind);
    let table = of("table").next().expect("a table");
    assert_eq!(table["table"]["rows"][0]["cells"], serde_json::json!(["Item", "Cost", "Year"]));
    assert_eq!(table["table"]["rows"][0]["header"], true);
    assert_eq!(table["table"]["align"], serde_json::json!(["left", "right", "center"]));
    let code = of("code").next().expect("code");
    assert_eq!(code["code"]["language"], "python");
    assert_eq!(code["text"], "import pandas as pd\ncosts = pd.read_csv(\"costs.csv\")\nprint(costs[\"cost\"].sum())");
    let figure = of("figure").next().expect("a figure");
    assert_eq!(figure["figure"]["src"], "https://example.org/img/flood.jpg");
    assert_eq!(figure["figure"]["alt"], "A flooded road in the town centre");
    assert_eq!(figure["text"], "Water covered the High Street for three days");
    assert_eq!(of("block_quote").count(), 1);
    let items: Vec<(&str, u64, bool)> = of("list_item")
        .map(|p| (p["text"].as_str().unwrap_or(""), p["depth"].as_u64().unwrap_or(0), p["ordered"] == true))
        .collect();
    assert_eq!(items[1], ("Five from the ruling group", 1, false));
    assert_eq!(items[4], ("The committee votes", 0, true));
    assert_eq!(of("list_item").nth(4).map(|p| p["marker"].clone()), Some(Value::from("1.")));
    let kinds: Vec<&str> = ps
        .iter()
        .flat_map(|p| p["spans"].as_array().into_iter().flatten())
        .filter_map(|s| s["kind"].as_str())
        .collect();
    for kind in ["strong", "emphasis", "link", "code"] {
        assert!(kinds.contains(&kind), "no {kind} span: {kinds:?}");
    }
    let links = v["links"].as_array().expect("links");
    assert_eq!(links.len(), 2);
    assert_eq!(links[0]["text"], "full report");
    assert_eq!(links[0]["url"], "https://example.org/reports/roads-2025.pdf");
    assert_eq!((links[0]["section"].as_u64(), links[0]["paragraph"].as_u64()), (Some(1), Some(0)));
}

/// Whitespace runs as one space: the two texts are the same Markdown.
fn normalised(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn markdown_round_trips() {
    let out = folio(&["--export", "markdown", FIXTURE], None);
    assert!(out.status.success());
    let written = stdout(&out);
    assert_eq!(normalised(&written), normalised(&fixture()));
    // And back in again: the same article.
    let again = folio(&["--export", "json", "-"], Some(written.as_bytes()));
    let first = folio(&["--export", "json", FIXTURE], None);
    assert_eq!(stdout(&again), stdout(&first));
}

#[test]
fn the_text_export_lays_tables_out_in_columns_and_keeps_code() {
    let out = stdout(&folio(&["--export", "text", FIXTURE], None));
    assert!(
        out.contains("Item               Cost  Year\n-------------  --------  ----\nPavements         £4.2m  2025\n"),
        "{out}"
    );
    assert!(out.contains("Residents, through a consultation\n\n1. The committee votes\n2. The full"), "{out}");
    assert!(out.contains("import pandas as pd\ncosts = pd.read_csv(\"costs.csv\")\n"), "{out}");
    assert!(out.contains("[image: A flooded road in the town centre]\nWater covered"), "{out}");
    assert!(out.contains("• Councillors on the committee\n  • Five from the ruling group\n"), "{out}");
}

#[test]
fn list_links_prints_where_each_link_is() {
    let out = stdout(&folio(&["--list", "links", FIXTURE], None));
    assert_eq!(
        out,
        "1\t0\thttps://example.org/reports/roads-2025.pdf\tfull report\n1\t0\thttps://example.org/news/roads\tcouncil's summary\n"
    );
}

/// The screen with the reader scrolled down until `needle` and the lines after it are on
/// screen (or the end is).
fn screen_at(width: u16, height: u16, needle: &str) -> String {
    let mut a = app(&fixture(), width, height);
    for _ in 0..100 {
        let screen = screen_text(&render(&a));
        let row = screen.lines().position(|l| l.contains(needle));
        // The needle with two lines under it, above the status bar.
        if row.is_some_and(|r| r + 3 < height as usize) {
            return screen;
        }
        press(&mut a, &[Action::Down]);
    }
    panic!("{needle:?} never came on screen");
}

#[test]
fn the_reader_shows_the_table_as_a_grid_80x24() {
    let s = screen_at(80, 24, "Item");
    assert!(s.contains(" Item          │     Cost │ Year"), "{s}");
    assert!(s.contains("───────────────┼──────────┼─────"), "{s}");
    assert!(s.contains(" Street lights │ £310,000 │ 2026"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn the_reader_shows_the_table_as_a_grid_120x40() {
    insta::assert_snapshot!(screen_at(120, 40, "Item"));
}

#[test]
fn the_reader_shows_code_line_by_line_80x24() {
    let s = screen_at(80, 24, "import pandas");
    for line in ["  import pandas as pd", "  costs = pd.read_csv(\"costs.csv\")", "  print(costs[\"cost\"].sum())"] {
        assert!(s.lines().any(|l| l.ends_with(line)), "{line:?} is not a line of its own:\n{s}");
    }
    insta::assert_snapshot!(s);
}

#[test]
fn the_reader_shows_code_line_by_line_120x40() {
    insta::assert_snapshot!(screen_at(120, 40, "import pandas"));
}

#[test]
fn a_table_wider_than_the_pane_never_runs_past_it() {
    let md = "# Wide\n\nA table of many words.\n\n| Project | Description | Status |\n| --- | --- | --- |\n| Market square | Resurfacing of the old market square and the three streets around it, with new drains | Begun in the spring |\n";
    for (w, h) in [(60, 15), (80, 24)] {
        let mut a = app(md, w, h);
        let text = a.areas().text;
        let theme = folio::ui::theme::Theme::default();
        let mut shown = String::new();
        for _ in 0..20 {
            let lines = folio::ui::reader::text_lines(&a, &theme, text.width as usize, text.height as usize);
            assert!(lines.iter().all(|l| l.width() <= text.width as usize), "{w}x{h}");
            shown.extend(lines.iter().map(|l| format!("{l}\n")));
            press(&mut a, &[Action::Down]);
        }
        assert!(shown.contains("drains") && shown.contains("spring"), "nothing is lost at {w}x{h}:\n{shown}");
    }
}

#[test]
fn the_links_tab_lists_the_links_and_enter_goes_to_one() {
    let mut a = app(&fixture(), 120, 40);
    press(&mut a, &[Action::ShowGroup(Group::Links)]);
    let rows: Vec<(String, Option<String>)> = a.visible_items(Group::Links).map(|i| (i.label, i.detail)).collect();
    assert_eq!(
        rows,
        [
            ("full report".to_string(), Some("example.org".to_string())),
            ("council's summary".to_string(), Some("example.org".to_string()))
        ]
    );
    // Moving in the list takes the text to the link (issue 25: Enter opens it in folio).
    press(&mut a, &[Action::Down]);
    let (block, range) = a.target().ranges[0].clone();
    assert_eq!(&a.doc().blocks[block].text[range.clone()], "council's summary");
    assert!(a.reader().is_visible(a.doc(), block, range.start));
    let screen = screen_text(&render(&a));
    assert!(screen.contains("Link — example.org"), "the header names the link:\n{screen}");
    let url = a.article().links[1].url.clone();
    match folio::app::update(&mut a, Action::Activate) {
        Some(folio::app::Effect::Follow(to)) => assert_eq!(to.location, url),
        other => panic!("Enter in the Links tab opens the link in folio, not {other:?}"),
    }
    assert!(screen_text(&render(&a)).contains("Fetching"), "the first frame says so at once");
}

#[test]
fn o_opens_the_selected_link_and_only_a_web_link() {
    let mut a = app(&fixture(), 120, 40);
    press(&mut a, &[Action::ShowGroup(Group::Links)]);
    assert_eq!(update(&mut a, Action::Open), Some(Effect::Open("https://example.org/reports/roads-2025.pdf".into())));
    // No link selected and no source: nothing to open, and the status bar says so.
    press(&mut a, &[Action::ShowGroup(Group::Quotes)]);
    assert_eq!(update(&mut a, Action::Open), None);
    assert!(a.message().is_some_and(|m| m.error));
    // A javascript: link is not even listed (its words stay text), and one with a control
    // character in it is no link either: neither is ever offered.
    let md = "# Links\n\nA [trap](javascript:alert(1)) and [another](https://example.org/\u{1b}]8;;x) here.\n";
    let mut a = app(md, 120, 40);
    assert!(a.article().links.is_empty(), "{:?}", a.article().links);
    press(&mut a, &[Action::ShowGroup(Group::Links)]);
    assert_eq!(update(&mut a, Action::Open), None);
    assert!(a.message().is_some_and(|m| m.error), "{:?}", a.message());
}

#[test]
fn links_are_osc_8_hyperlinks_with_safe_targets_only() {
    let md = "# Links\n\nRead the [report](https://example.org/r) or the [trap](javascript:alert(1)).\n";
    let a = app(md, 100, 30);
    let options = folio::ui::Options { hyperlinks: true, ..folio::ui::Options::default() };
    let buf = render_options(&a, &options);
    let symbols: Vec<&str> = buf.content().iter().map(|c| c.symbol()).collect();
    let linked: String = symbols
        .iter()
        .filter_map(|s| s.strip_prefix("\u{1b}]8;;https://example.org/r\u{7}"))
        .filter_map(|s| s.strip_suffix("\u{1b}]8;;\u{7}"))
        .collect();
    assert_eq!(linked, "report");
    assert!(!symbols.iter().any(|s| s.contains("javascript")), "a javascript: link is never written as OSC 8");
    // Off: not a single escape in the frame.
    let buf = render(&a);
    assert!(buf.content().iter().all(|c| !c.symbol().contains('\u{1b}')));
}

#[test]
fn y_copies_the_quote_with_its_speaker() {
    let mut a = app(&fixture(), 120, 40);
    press(&mut a, &[Action::ShowGroup(Group::Quotes)]);
    // The block quotation comes first; no one is named for it, so no one is added.
    assert_eq!(
        update(&mut a, Action::Copy),
        Some(Effect::Copy("“The roads have been neglected for a decade, and residents have noticed.”".into()))
    );
    press(&mut a, &[Action::Down]);
    assert_eq!(
        update(&mut a, Action::Copy),
        Some(Effect::Copy("“We cannot leave people wading to the bus stop” — Mara Okonkwo".into()))
    );
    assert_eq!(a.message().map(|m| m.text.as_str()), Some("copied the quote"));
    press(&mut a, &[Action::ShowGroup(Group::Links)]);
    assert_eq!(update(&mut a, Action::Copy), Some(Effect::Copy("https://example.org/reports/roads-2025.pdf".into())));
    // --no-clipboard: nothing goes out.
    let article = folio::article::parse(&fixture(), None).expect("parses");
    let options = folio::app::Options { clipboard: false, ..folio::reader_options(88) };
    let mut a = App::new(article, options);
    update(&mut a, Action::Resize(120, 40));
    press(&mut a, &[Action::ShowGroup(Group::Quotes)]);
    assert_eq!(update(&mut a, Action::Copy), None);
}

/// Tight lists are drawn line under line, loose ones with a blank line between items
/// (issue 14, item 8): from Markdown and from pasted text with bullets.
#[test]
fn tight_lists_are_tight_and_loose_lists_loose() {
    let reader_lines = |text: &str| -> Vec<String> {
        let a = app(text, 100, 40);
        screen_text(&render(&a)).lines().map(|l| l.split('│').nth(1).unwrap_or("").trim_end().to_string()).collect()
    };
    let md = "# Lists\n\nTight:\n\n- one\n- two\n- three\n\nLoose:\n\n- alpha\n\n- beta\n";
    let lines = reader_lines(md);
    let at =
        |needle: &str| lines.iter().position(|l| l.ends_with(needle)).unwrap_or_else(|| panic!("{needle}: {lines:#?}"));
    assert_eq!((at("• two"), at("• three")), (at("• one") + 1, at("• one") + 2), "{lines:#?}");
    assert_eq!(at("• beta"), at("• alpha") + 2, "{lines:#?}");

    let pasted = "Council sets out its plans for the year\n\nThe council said it would spend on three things:\n\
                  • Roads and pavements\n• Street lights\n• Drains\nThe work starts in April, it said.\n";
    let lines = reader_lines(pasted);
    let at =
        |needle: &str| lines.iter().position(|l| l.ends_with(needle)).unwrap_or_else(|| panic!("{needle}: {lines:#?}"));
    assert_eq!(at("• Street lights"), at("• Roads and pavements") + 1, "{lines:#?}");
    assert_eq!(at("• Drains"), at("• Street lights") + 1, "{lines:#?}");
}

/// Right-to-left paragraphs are drawn in visual order, right-aligned, with the search's
/// highlight on the right characters; `--bidi off` leaves them to the terminal (issue 14,
/// item 19).
#[test]
fn right_to_left_paragraphs_read_right_to_left() {
    let text =
        "# כותרת הכתבה\n\nמחיר הלחם עלה ב-12% השנה, כך אמר השר.\n\nA paragraph in English, left to right as ever.\n";
    let mut a = app(text, 100, 30);
    press(&mut a, &[Action::StartSearch]);
    for c in "הלחם".chars() {
        press(&mut a, &[Action::PromptInput(c)]);
    }
    press(&mut a, &[Action::PromptAccept]);
    let buf = render(&a);
    let screen = screen_text(&buf);
    let row = |needle: &str| -> String {
        screen.lines().find(|l| l.contains(needle)).unwrap_or_else(|| panic!("{needle}:\n{screen}")).to_string()
    };
    // Visual order: the first word read ("מחיר") is at the right end, reversed on screen.
    let hebrew = row("ריחמ");
    assert!(hebrew.trim_end().ends_with("ריחמ"), "right-aligned, first word on the right: {hebrew:?}");
    assert!(hebrew.contains("12%"), "the number reads as a number: {hebrew:?}");
    let english = row("A paragraph in English");
    assert!(english.contains("│  A paragraph"), "English stays left to right, at the left: {english:?}");
    // The match is marked on its own letters.
    let theme = folio::ui::theme::Theme::default();
    let marked = crate::common::styled_runs(&buf, theme.search_current);
    assert!(marked.iter().any(|m| m == "םחלה"), "{marked:?}");

    let off = folio::ui::Options { bidi: false, ..folio::ui::Options::default() };
    let screen = screen_text(&crate::common::render_options(&a, &off));
    assert!(screen.contains("מחיר הלחם"), "--bidi off: logical order, for a terminal that reorders: {screen}");
}

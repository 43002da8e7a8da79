//! Search, in the reader (through `update`) and from the command line (`--search`).

use crate::common::{bundled_app, folio, press, stderr, stdout};
use folio::app::items::Group;
use folio::app::{Action, Mode};

fn type_query(app: &mut folio::app::App, q: &str) {
    press(app, &[Action::StartSearch]);
    for c in q.chars() {
        press(app, &[Action::PromptInput(c)]);
    }
}

#[test]
fn counter_shows_the_total_while_typing() {
    let mut app = bundled_app(120, 40);
    type_query(&mut app, "traff");
    assert_eq!(app.search().status().as_deref(), Some("1/16"), "trafficking and traffickers");
    for c in "icking".chars() {
        press(&mut app, &[Action::PromptInput(c)]);
    }
    assert_eq!(app.search().status().as_deref(), Some("1/14"));
    type_query(&mut app, "");
    press(&mut app, &[Action::PromptCancel]);
    type_query(&mut app, "zzqq");
    assert_eq!(app.search().status().as_deref(), Some("no match for zzqq"));
}

#[test]
fn enter_keeps_and_esc_returns_to_where_you_were() {
    let mut app = bundled_app(80, 24);
    type_query(&mut app, "Chatzis");
    let (block, _) = (app.search().matches[0].block, ());
    assert!(app.reader().is_visible(app.doc(), block, app.search().matches[0].range.start), "jumps to the match");
    press(&mut app, &[Action::PromptAccept]);
    assert_eq!(app.mode(), Mode::Normal);
    assert_eq!(app.search().matches.len(), 1);
    // A second search, cancelled: back to the first search and to where the reader was.
    let top = app.reader().top;
    // A word in the lead, off the screen Chatzis is on.
    type_query(&mut app, "globalization");
    assert_eq!(app.search().query, "globalization");
    assert!(!app.search().matches.is_empty(), "the second search finds its word");
    assert_ne!(app.reader().top, top, "and moves the reader to it");
    press(&mut app, &[Action::PromptCancel]);
    assert_eq!(app.reader().top, top);
    assert_eq!(app.search().query, "Chatzis");
}

#[test]
fn n_and_shift_n_wrap_with_a_message() {
    let mut app = bundled_app(120, 40);
    type_query(&mut app, "united nations");
    press(&mut app, &[Action::PromptAccept]);
    let total = app.search().matches.len();
    assert_eq!(total, 3);
    press(&mut app, &[Action::PrevMatch]);
    assert_eq!(app.search().current, Some(total - 1));
    assert!(app.message().as_ref().is_some_and(|m| m.text.starts_with("search wrapped")));
    press(&mut app, &[Action::NextMatch]);
    assert_eq!(app.search().current, Some(0));
}

#[test]
fn an_invalid_regex_is_an_error_not_a_panic() {
    let mut app = bundled_app(120, 40);
    type_query(&mut app, "re:(");
    assert_eq!(app.search().status().as_deref(), Some("invalid regex: unclosed group"));
    press(&mut app, &[Action::PromptAccept, Action::NextMatch]);
    assert_eq!(app.mode(), Mode::Normal);
    type_query(&mut app, r"re:\b");
    assert!(app.search().matches.is_empty(), "empty matches are skipped");
}

#[test]
fn history_recalls_earlier_queries() {
    let mut app = bundled_app(120, 40);
    type_query(&mut app, "Chatzis");
    press(&mut app, &[Action::PromptAccept]);
    type_query(&mut app, "UNODC");
    press(&mut app, &[Action::PromptAccept, Action::StartSearch, Action::HistoryPrev]);
    assert_eq!(app.prompt(), "UNODC");
    press(&mut app, &[Action::HistoryPrev]);
    assert_eq!(app.prompt(), "Chatzis");
    press(&mut app, &[Action::HistoryNext]);
    assert_eq!(app.prompt(), "UNODC");
}

#[test]
fn matches_group_lists_each_match_with_context() {
    let mut app = bundled_app(120, 40);
    type_query(&mut app, "cybercrime");
    press(&mut app, &[Action::PromptAccept, Action::ShowGroup(Group::Matches)]);
    let labels: Vec<String> = app.visible_items(Group::Matches).map(|i| i.label).collect();
    assert_eq!(labels.len(), 4);
    assert!(labels[0].contains("cybercrime"), "{labels:?}");
    press(&mut app, &[Action::Bottom, Action::Activate]);
    let m = app.search().matches.last().expect("a match").clone();
    assert!(app.reader().is_visible(app.doc(), m.block, m.range.start));
}

#[test]
fn f_filters_the_sidebar_group() {
    let mut app = bundled_app(120, 40);
    press(&mut app, &[Action::ShowGroup(Group::Quotes), Action::StartFilter]);
    for c in "chatz".chars() {
        press(&mut app, &[Action::PromptInput(c)]);
    }
    let labels: Vec<String> = app.visible_items(Group::Quotes).map(|i| i.label).collect();
    assert_eq!(labels, ["is now under threat"], "speaker names are searched too");
    press(&mut app, &[Action::PromptAccept]);
    assert_eq!(app.list(Group::Quotes).filter, "chatz");
    press(&mut app, &[Action::Clear]);
    assert_eq!(app.visible_items(Group::Quotes).count(), 3);
}

#[test]
fn cli_search_exit_codes_like_grep() {
    let found = folio(&["--search", "chatzis"], None);
    assert_eq!(found.status.code(), Some(0));
    assert_eq!(stdout(&found), "1:1: …and people smuggling unit, Ilias Chatzis, said that the progress made in…\n");
    assert_eq!(folio(&["--search", "CHATZIS"], None).status.code(), Some(1), "smart case");
    assert_eq!(folio(&["--search", "zzqqxx"], None).status.code(), Some(1));
    let bad = folio(&["--search", "re:("], None);
    assert_eq!(bad.status.code(), Some(2));
    assert_eq!(stderr(&bad), "folio: --search: invalid regex: unclosed group\n");
    assert_eq!(folio(&["--search", "x", "/no/such/file"], None).status.code(), Some(2));
}

#[test]
fn cli_search_counts_and_accents() {
    let all = folio(&["--search", "trafficking"], None);
    assert_eq!(stdout(&all).lines().count(), 14);
    assert!(!stdout(&all).contains('\x1b'), "plain when piped");
    let vi = folio(&["--search", "tre em", "-"], Some("Bảo vệ trẻ em khỏi nạn mua bán người.\n".as_bytes()));
    assert_eq!(vi.status.code(), Some(0));
    assert_eq!(stdout(&vi), "0:0: Bảo vệ trẻ em khỏi nạn mua bán người.\n");
}

/// The Matches tab and n/N share one current match (issue 14, item 1).
#[test]
fn choosing_a_match_in_the_tab_makes_it_current() {
    let mut app = bundled_app(120, 40);
    type_query(&mut app, "trafficker");
    press(&mut app, &[Action::PromptAccept, Action::ShowGroup(Group::Matches), Action::Down, Action::Activate]);
    assert_eq!(app.search().current, Some(1));
    assert_eq!(app.search().status().as_deref(), Some("2/2"));
    // The highlight in the text is the chosen match.
    let m = &app.search().matches[1];
    assert!(app.reader().is_visible(app.doc(), m.block, m.range.start));
    // n from there wraps to the first.
    press(&mut app, &[Action::NextMatch]);
    assert_eq!(app.search().current, Some(0));
}

#[test]
fn the_last_match_chosen_then_n_goes_on_from_it() {
    let mut app = bundled_app(120, 40);
    type_query(&mut app, "un");
    press(&mut app, &[Action::PromptAccept]);
    let total = app.search().matches.len();
    assert!(total > 10, "{total} matches");
    press(&mut app, &[Action::ShowGroup(Group::Matches), Action::Bottom, Action::Activate]);
    assert_eq!(app.search().status(), Some(format!("{total}/{total}")));
    press(&mut app, &[Action::PrevMatch]);
    assert_eq!(app.search().current, Some(total - 2));
    // n/N move the tab's selection too.
    assert_eq!(app.list(Group::Matches).selected, total - 2);
}

#[test]
fn the_matches_tab_opens_at_the_current_match() {
    let mut app = bundled_app(120, 40);
    type_query(&mut app, "trafficking");
    press(&mut app, &[Action::PromptAccept, Action::NextMatch, Action::NextMatch]);
    let current = app.search().current.expect("a current match");
    press(&mut app, &[Action::ShowGroup(Group::Matches)]);
    assert_eq!(app.list(Group::Matches).selected, current);
    assert_eq!(app.selected_ref(), Some(folio::app::items::ItemRef::Match(current)));
}

/// The headline block: the title, standfirst, dateline and byline at the top of the text,
/// found by `/` and by `--search` (issue 14, item 2).
#[test]
fn the_headline_block_opens_the_text_and_is_searched() {
    let text = "Harbour bridge reopens after repairs\n\nThe crossing carried 18,000 vehicles a day.\n\n\
                By Tomasz Wisniewski\n\nPublished 14 April 2025\n\n\
                The bridge reopened to traffic on Monday morning, after two years of work.\n";
    let article = folio::article::parse(text, None).expect("parses");
    let mut app = folio::app::App::new(article, folio::reader_options(88));
    press(&mut app, &[Action::Resize(120, 40)]);
    let screen = crate::common::screen_text(&crate::common::render(&app));
    let reader: Vec<&str> = screen.lines().skip(1).map(|l| l.split('│').nth(1).unwrap_or("").trim()).collect();
    assert_eq!(reader[0], "Harbour bridge reopens after repairs", "{screen}");
    assert!(reader[2].starts_with("The crossing carried"), "{screen}");
    let byline = reader.iter().position(|l| *l == "By Tomasz Wisniewski").expect("the byline");
    let date = reader.iter().position(|l| *l == "Published 14 April 2025").expect("the dateline");
    assert!(date + 1 == byline && byline < reader.iter().position(|l| l.starts_with("The bridge")).unwrap());
    type_query(&mut app, "Harbour");
    press(&mut app, &[Action::PromptAccept]);
    assert_eq!(app.search().matches.len(), 1);
    assert_eq!(app.search().matches[0].block, 0, "found in the title");
    type_query(&mut app, "Wisniewski");
    assert_eq!(app.search().matches.len(), 1, "found in the byline");

    let out = folio(&["--search", "Harbour", "-"], Some(text.as_bytes()));
    assert_eq!(stdout(&out), "title: Harbour bridge reopens after repairs\n");
    let out = folio(&["--search", "April", "-"], Some(text.as_bytes()));
    assert_eq!(stdout(&out), "dateline: Published 14 April 2025\n");
}

/// The Matches list shows each match in the middle of its context, marked, at any width
/// (issue 14, item 12): "…an intergovernmental com…" hid the match for "committee".
#[test]
fn the_match_list_shows_the_match_in_its_context() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = bundled_app(w, h);
        type_query(&mut app, "treaty");
        press(&mut app, &[Action::PromptAccept, Action::ShowGroup(Group::Matches)]);
        let buf = crate::common::render(&app);
        let list = app.areas().list;
        let rows: Vec<String> = (list.y..list.y + list.height)
            .map(|y| (list.x..list.x + list.width).map(|x| buf[(x, y)].symbol().to_string()).collect::<String>())
            .filter(|r| !r.trim().is_empty())
            .collect();
        assert!(!rows.is_empty());
        for r in &rows {
            assert!(r.contains("treaty"), "{w}x{h}: the match is in its row: {r:?}");
            let at = r.find("treaty").unwrap();
            assert!(r[..at].trim_start_matches(['▶', ' ']).chars().count() >= 6, "{w}x{h}: context before it: {r:?}");
        }
        let theme = folio::ui::theme::Theme::default();
        let marked = crate::common::styled_runs(&buf, theme.search_match);
        assert!(marked.iter().any(|m| m == "treaty"), "{w}x{h}: the match is marked: {marked:?}");
    }
}

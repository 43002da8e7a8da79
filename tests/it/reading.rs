//! The reader as a less user reads (issue 24), through `update` and the keymap: the text
//! has the keys on open, choosing a group moves nothing, `n` goes on from the current match
//! after `Esc`, reopening shows the same screen, empty groups are neither shown nor stepped
//! through, a date is listed once, `s` hides the sidebar and `<` `>` narrow and widen the
//! text, and the title and status bars say how long the article is and how long is left.

use crate::common::{bundled_app, press, reading_minutes, render, screen_text, thousands, words_shown};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use folio::app::items::{Group, ItemRef};
use folio::app::memory::Recall;
use folio::app::{Action, App, Focus, Mode};
use folio::keymap::Keymap;

/// What a key does in the reader, as the keymap dispatches it.
fn key(code: KeyCode) -> Action {
    Keymap::default().action_for(Mode::Normal, &KeyEvent::new(code, KeyModifiers::NONE)).expect("an action")
}

fn ch(c: char) -> Action {
    key(KeyCode::Char(c))
}

fn top(app: &App) -> (usize, usize) {
    (app.reader().top.block, app.reader().top.line)
}

fn search(app: &mut App, query: &str) {
    press(app, &[ch('/')]);
    for c in query.chars() {
        press(app, &[Action::PromptInput(c)]);
    }
    press(app, &[Action::PromptAccept]);
}

/// The app a later run opens on the same article, given what this one remembers.
fn reopen(app: &App, width: u16, height: u16) -> App {
    let (remembered, searches) = app.memory();
    let recall = Recall {
        articles: remembered.into_iter().collect(),
        searches: searches.to_vec(),
        resume: true,
        notice: None,
        read: Default::default(),
    };
    let mut again = bundled_app(width, height).with_recall(recall);
    press(&mut again, &[Action::Resize(width, height)]);
    again
}

fn remembering(width: u16, height: u16) -> App {
    let mut app = bundled_app(width, height).with_recall(Recall { resume: true, ..Default::default() });
    press(&mut app, &[Action::Resize(width, height)]);
    app
}

/// Item 2: as in less, `j` and `Space` move the text from the first key; `Tab` or a group
/// key gives the keys to the sidebar; after resuming, an arrow goes on from the place.
#[test]
fn the_text_has_the_keys_on_open() {
    let mut app = bundled_app(80, 24);
    assert_eq!(app.focus(), Focus::Reader);
    let first = app.progress();
    press(&mut app, &[ch('j')]);
    assert_eq!(top(&app), (0, 1), "j: the text a line down");
    assert!(app.progress() <= first + 5, "a line, not a section: {first}% -> {}%", app.progress());
    press(&mut app, &[ch('k'), ch(' ')]);
    let mut by_lines = bundled_app(80, 24);
    for _ in 0..(by_lines.reader().height - 2) {
        press(&mut by_lines, &[ch('j')]);
    }
    assert_eq!(top(&app), top(&by_lines), "Space: a page of the text");
    press(&mut app, &[key(KeyCode::Tab)]);
    assert_eq!(app.focus(), Focus::Sidebar, "Tab gives the keys to the sidebar");
    press(&mut app, &[key(KeyCode::Tab), ch('2')]);
    assert_eq!((app.focus(), app.group()), (Focus::Sidebar, Group::Quotes), "and so does a group key");

    let mut first_run = remembering(80, 24);
    press(&mut first_run, &[ch(' '), ch(' ')]);
    let left_at = top(&first_run);
    let mut again = reopen(&first_run, 80, 24);
    assert_eq!(top(&again), left_at, "resumed");
    press(&mut again, &[key(KeyCode::Down)]);
    let mut one_more = first_run;
    press(&mut one_more, &[ch('j')]);
    assert_eq!(top(&again), top(&one_more), "an arrow after resuming goes on from the place");
}

/// The byte where a place is, to measure how near two places are.
fn at(app: &App, block: usize, offset: usize) -> usize {
    app.doc().bytes_before(block) + offset
}

/// Item 3: a group key, `h`/`l` or a click on a tab moves nothing: its selection starts at
/// the item nearest the reading position (the first on screen, else the nearest to the top
/// of the screen), highlighted, and no header pushes the text down. A header comes with an
/// item chosen in the list and goes when the item leaves the screen; scrolled off, the
/// lines stay on their rows.
#[test]
fn choosing_a_group_moves_nothing() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = bundled_app(w, h);
        press(&mut app, &[Action::FocusNext]);
        if app.focus() != Focus::Reader {
            press(&mut app, &[Action::FocusNext]);
        }
        press(&mut app, &[ch('G')]);
        let end = top(&app);
        let screen = screen_text(&render(&app));
        let text_rows = |s: &str| s.lines().skip(1).take(h as usize - 2).map(String::from).collect::<Vec<_>>();
        press(&mut app, &[ch('2')]);
        assert_eq!((top(&app), app.progress()), (end, 100), "{w}x{h}: 2 moved the text");
        assert_eq!(app.areas().header.height, 0, "{w}x{h}: no header pushes the text down");
        let after = screen_text(&render(&app));
        let reader = |rows: Vec<String>| rows.into_iter().map(|r| r.split('│').nth(1).unwrap_or("").to_string());
        assert!(reader(text_rows(&screen)).eq(reader(text_rows(&after))), "{w}x{h}: the text as it was:\n{after}");
        // The quote chosen: the first on screen, else the nearest to the top of the screen.
        let here = at(&app, app.reader().top.block, 0);
        let quotes: Vec<(usize, bool, usize)> = app
            .article()
            .quotes
            .iter()
            .enumerate()
            .filter_map(|(i, q)| {
                let b = app.doc().paragraph_block(q.at.section, q.at.paragraph)?;
                let o = app.doc().blocks[b].to_display(q.at.start);
                Some((i, app.reader().is_visible(app.doc(), b, o), at(&app, b, o)))
            })
            .collect();
        let want = quotes
            .iter()
            .filter(|q| q.1)
            .min_by_key(|q| q.2)
            .or_else(|| quotes.iter().min_by_key(|q| q.2.abs_diff(here)))
            .map(|q| ItemRef::Quote(q.0));
        assert_eq!(app.selected_ref(), want, "{w}x{h}: the quote nearest the reading position");
        // h and l, and a click on a tab, move nothing either.
        for a in [ch('l'), ch('l'), ch('h')] {
            press(&mut app, &[a]);
            assert_eq!(top(&app), end, "{w}x{h}: h/l moved the text");
        }
        let tabs = app.areas().tabs;
        let x = app.tabs().iter().find(|t| t.group == Group::Quotes).map(|t| t.start).expect("a quotes tab");
        press(&mut app, &[Action::Click(tabs.x + x + 1, tabs.y)]);
        assert_eq!((app.group(), top(&app)), (Group::Quotes, end), "{w}x{h}: a click on a tab moved the text");
        // The first quote chosen and gone to: its header; the text back to the end: the
        // header goes with its quote.
        press(&mut app, &[ch('g'), key(KeyCode::Enter)]);
        assert!(app.areas().header.height > 0, "{w}x{h}: the quote chosen has its header");
        press(&mut app, &[ch('G')]);
        assert_eq!(app.areas().header.height, 0, "{w}x{h}: the header left with its quote");
        assert!(!screen_text(&render(&app)).contains("Quote —"), "{w}x{h}");
        // Scrolled off line by line: the header goes and the lines stay on their rows.
        press(&mut app, &[ch('g'), key(KeyCode::Tab), ch('2'), ch('g'), key(KeyCode::Enter)]);
        let mut before = screen_text(&render(&app));
        for _ in 0..h {
            let had = app.areas().header.height;
            press(&mut app, &[ch('j')]);
            let now = screen_text(&render(&app));
            if had > 0 && app.areas().header.height == 0 {
                let (was, is): (Vec<&str>, Vec<&str>) = (before.lines().collect(), now.lines().collect());
                let pane = |l: &str| l.split('│').nth(1).unwrap_or("").to_string();
                for y in (1 + had as usize)..(h as usize - 2) {
                    assert_eq!(
                        pane(is[y]),
                        pane(was[y + 1]),
                        "{w}x{h}: row {y} after the header went:\n{before}\n{now}"
                    );
                }
                break;
            }
            before = now;
        }
    }
}

/// Item 4: as in vim, `n` after `Esc` goes on from the current match.
#[test]
fn n_after_esc_goes_on_from_the_current_match() {
    let mut app = bundled_app(120, 40);
    search(&mut app, "trafficking");
    let n = app.search().matches.len();
    assert!(n > 5, "{n} matches");
    press(&mut app, &[ch('N')]);
    assert_eq!(app.search().status(), Some(format!("{n}/{n}")));
    press(&mut app, &[key(KeyCode::Esc)]);
    assert!(app.search().matches.is_empty(), "Esc clears the highlights");
    press(&mut app, &[ch('n')]);
    assert_eq!(app.search().status(), Some(format!("1/{n}")), "n goes on from {n}/{n}, wrapping");
    assert!(app.message().is_some_and(|m| m.text.contains("wrapped")), "{:?}", app.message());

    search(&mut app, "trafficking");
    press(&mut app, &[ch('g'), ch('n'), ch('n')]);
    let current = app.search().current.expect("a current match");
    press(&mut app, &[key(KeyCode::Esc), ch('n')]);
    assert_eq!(app.search().current, Some(current + 1), "the match after the current one");
    press(&mut app, &[key(KeyCode::Esc), ch('N')]);
    assert_eq!(app.search().current, Some(current), "N: the match before it");
}

/// Item 5: whatever line is on top, quitting and reopening shows the same screen: the
/// same top line, the same progress; at the end, the end ("resumed at 100%").
#[test]
fn reopening_shows_the_same_screen() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = remembering(w, h);
        loop {
            let again = reopen(&app, w, h);
            assert_eq!(top(&again), top(&app), "{w}x{h}: the same top line");
            assert_eq!(again.progress(), app.progress(), "{w}x{h} at {:?}: the same progress", top(&app));
            let before = top(&app);
            press(&mut app, &[ch('j')]);
            if top(&app) == before {
                break;
            }
        }
        let mut app = remembering(w, h);
        press(&mut app, &[ch('G')]);
        assert_eq!(app.progress(), 100);
        let again = reopen(&app, w, h);
        assert_eq!((top(&again), again.progress()), (top(&app), 100), "{w}x{h}");
        assert_eq!(again.message().map(|m| m.text.as_str()), Some("resumed at 100% (g for the top)"));
    }
    // Read full width and narrower: the same layout comes back; read to the end, the end
    // comes back on another screen too.
    let mut app = remembering(120, 40);
    press(&mut app, &[ch('s'), ch('<'), ch('G')]);
    let again = reopen(&app, 120, 40);
    assert!(!again.sidebar_shown(), "full width again");
    assert_eq!((again.areas().text, top(&again), again.progress()), (app.areas().text, top(&app), 100));
    assert_eq!(reopen(&app, 80, 24).progress(), 100, "the end on a smaller screen");
}

/// Item 7: a group with nothing in it has no tab, its key says so, `h` and `l` pass it by.
#[test]
fn empty_groups_are_neither_shown_nor_stepped_through() {
    let mut app = bundled_app(120, 40);
    assert!(app.article().links.is_empty(), "the bundled article has no links");
    press(&mut app, &[ch('7')]);
    assert_eq!(app.group(), Group::Sections, "7 chose an empty group");
    assert!(app.message().is_some_and(|m| m.text.contains("no links")), "{:?}", app.message());
    let tabs: Vec<Group> = app.tabs().iter().map(|t| t.group).collect();
    assert!(!tabs.contains(&Group::Links) && !tabs.contains(&Group::Matches), "{tabs:?}");
    let mut seen = Vec::new();
    for _ in 0..6 {
        press(&mut app, &[ch('h')]);
        seen.push(app.group());
    }
    assert_eq!(
        seen,
        [Group::Dates, Group::People, Group::Statistics, Group::Quotes, Group::Sections, Group::Dates],
        "h steps through the groups with items"
    );
    // After a search, the Matches group has items, and a tab.
    search(&mut app, "children");
    press(&mut app, &[ch('6')]);
    assert_eq!(app.group(), Group::Matches);
}

/// Item 7: the Dates tab lists a date once, with its count; `n`/`N` step through its
/// mentions as in the People tab.
#[test]
fn a_date_is_listed_once_and_n_steps_through_its_mentions() {
    let text = "Harbour works resume at Port Ellen after a decade\n\n\
        The harbour of Port Ellen closed in 2011 after a storm damaged its main pier, the council said on Monday.\n\n\
        Engineers surveyed the pier again in 2011, and the council voted on the repairs in March 2015.\n\n\
        The survey of 2011 found cracks in every pillar, according to the report.\n";
    let article = folio::article::parse(text, None).expect("parses");
    assert_eq!(article.dates.iter().filter(|d| d.iso.as_deref() == Some("2011")).count(), 3);
    let mut app = App::new(article, folio::reader_options(88));
    press(&mut app, &[Action::Resize(100, 30), ch('5'), ch('g')]);
    let items: Vec<(String, Option<String>)> = app.visible_items(Group::Dates).map(|i| (i.label, i.detail)).collect();
    let years: Vec<&(String, Option<String>)> = items.iter().filter(|(l, _)| l == "2011").collect();
    assert_eq!(years.len(), 1, "2011 once: {items:?}");
    assert!(years[0].1.as_deref().is_some_and(|d| d.contains('3')), "with its count: {items:?}");
    for _ in 0..items.len() {
        if app.selected_item().map(|i| i.label).as_deref() == Some("2011") {
            break;
        }
        press(&mut app, &[ch('j')]);
    }
    assert_eq!(app.selected_item().map(|i| i.label).as_deref(), Some("2011"));
    assert_eq!(app.target().ranges.len(), 3, "every mention highlighted");
    press(&mut app, &[ch('n')]);
    let said = app.message().map(|m| m.text.clone()).unwrap_or_default();
    assert!(said.ends_with("mention 2/3"), "{said}");
    let (block, range) = app.target().ranges[1].clone();
    assert!(app.reader().is_visible(app.doc(), block, range.start));
}

/// Item 8: `s` hides and shows the sidebar; `<` and `>` narrow and widen the text, and the
/// width is remembered with the article, as the place is.
#[test]
fn s_hides_the_sidebar_and_angle_brackets_narrow_and_widen_the_text() {
    let mut app = remembering(120, 40);
    let (width, sidebar) = (app.areas().text.width, app.areas().sidebar.width);
    assert!(sidebar > 0);
    press(&mut app, &[ch('s')]);
    assert_eq!(app.areas().sidebar.width, 0, "s hides the sidebar");
    assert!(app.areas().text.width > width, "the text takes the room: {} -> {}", width, app.areas().text.width);
    let screen = screen_text(&render(&app));
    assert!(!screen.contains("Sections 2"), "no tabs:\n{screen}");
    press(&mut app, &[ch('s')]);
    assert_eq!((app.areas().sidebar.width, app.areas().text.width), (sidebar, width), "s shows it again");
    press(&mut app, &[ch('<')]);
    let narrower = app.areas().text.width;
    assert!(narrower < width, "< narrows the text: {width} -> {narrower}");
    press(&mut app, &[ch('<'), ch('>')]);
    assert_eq!(app.areas().text.width, narrower, "> widens it back");
    let again = reopen(&app, 120, 40);
    assert_eq!(again.areas().text.width, narrower, "remembered with the article");
    // Wider than the default measure, on a screen that has the room.
    let mut wide = bundled_app(200, 60);
    let measure = wide.areas().text.width;
    press(&mut wide, &[ch('>')]);
    assert!(wide.areas().text.width > measure, "> past the configured width: {measure}");
}

/// Item 9: the article's words and reading time (238 words a minute), and the time left
/// at the reading position.
#[test]
fn the_bars_say_how_long_the_article_is_and_how_long_is_left() {
    let mut app = bundled_app(120, 40);
    let words = words_shown(folio::BUNDLED_ARTICLE);
    let minutes = reading_minutes(words, 238);
    let screen = screen_text(&render(&app));
    let status = screen.lines().last().unwrap_or_default();
    let told = format!("{} words · {minutes} min", thousands(words));
    assert!(status.contains(&told), "{told:?} in the status bar: {status:?}");
    let title = screen.lines().next().unwrap_or_default();
    assert!(title.contains(" min left"), "the time left in the title bar: {title:?}");
    press(&mut app, &[ch('G')]);
    let title = screen_text(&render(&app)).lines().next().unwrap_or_default().to_string();
    assert!(!title.contains("left"), "nothing left at the end: {title:?}");
}

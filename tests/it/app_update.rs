//! The reader's behaviour through `update` alone: actions in, state out, no terminal.

use crate::common::{bundled_app, press};
use folio::app::items::{Group, ItemRef};
use folio::app::{Action, Effect, Focus, Mode, update};

#[test]
fn starts_on_sections_with_the_sidebar_focused() {
    let app = bundled_app(120, 40);
    assert_eq!(app.group(), Group::Sections);
    assert_eq!(app.focus(), Focus::Sidebar);
    let labels: Vec<String> = app.visible_items(Group::Sections).map(|i| i.label).collect();
    assert_eq!(labels, ["Lead", "Threatening progress made"]);
    assert_eq!(app.reader().top.block, 0);
}

#[test]
fn number_keys_pick_groups_and_focus_the_sidebar() {
    let mut app = bundled_app(120, 40);
    press(&mut app, &[Action::FocusNext]);
    assert_eq!(app.focus(), Focus::Reader);
    press(&mut app, &[Action::ShowGroup(Group::Quotes)]);
    assert_eq!((app.group(), app.focus()), (Group::Quotes, Focus::Sidebar));
    let speakers: Vec<Option<String>> = app.visible_items(Group::Quotes).map(|i| i.detail).collect();
    assert_eq!(speakers, [None, Some("Antonio Guterres".to_string()), Some("Ilias Chatzis".to_string())]);
}

#[test]
fn last_quote_then_enter_shows_it_in_the_reader() {
    let mut app = bundled_app(120, 40);
    press(&mut app, &[Action::ShowGroup(Group::Quotes), Action::Bottom, Action::Activate]);
    assert_eq!(app.selected_item().map(|i| i.target), Some(ItemRef::Quote(2)));
    assert_eq!(app.focus(), Focus::Reader);
    let (block, range) = app.target().ranges[0].clone();
    assert_eq!(&app.doc().blocks[block].text[range.clone()], "is now under threat");
    assert!(app.reader().is_visible(app.doc(), block, range.start));
    let header = app.target().header.as_ref().expect("a quote has a header");
    assert_eq!(header.0, "Quote — Ilias Chatzis");
}

#[test]
fn group_keys_cycle_only_from_the_sidebar() {
    let mut app = bundled_app(120, 40);
    press(&mut app, &[Action::NextGroup, Action::NextGroup]);
    assert_eq!(app.group(), Group::Statistics);
    press(&mut app, &[Action::PrevGroup, Action::PrevGroup, Action::PrevGroup]);
    assert_eq!(app.group(), Group::Matches, "wraps from the first group to the last");
    press(&mut app, &[Action::FocusNext]);
    press(&mut app, &[Action::NextGroup]);
    assert_eq!(app.group(), Group::Matches);
}

#[test]
fn reader_scrolls_by_line_page_and_to_the_ends() {
    let mut app = bundled_app(80, 24);
    press(&mut app, &[Action::FocusNext]);
    assert_eq!(app.focus(), Focus::Reader);
    press(&mut app, &[Action::Down, Action::Down]);
    assert_eq!((app.reader().top.block, app.reader().top.line), (0, 2));
    press(&mut app, &[Action::Up]);
    assert_eq!(app.reader().top.line, 1);
    press(&mut app, &[Action::Bottom]);
    assert_eq!(app.progress(), 100);
    let bottom = app.reader().top;
    press(&mut app, &[Action::Down, Action::PageDown]);
    assert_eq!(app.reader().top, bottom, "cannot scroll past the end");
    press(&mut app, &[Action::Top]);
    assert_eq!((app.reader().top.block, app.reader().top.line), (0, 0));
    assert_eq!(app.progress(), 0);
    press(&mut app, &[Action::PageDown]);
    assert!(app.reader().top.block > 0);
    press(&mut app, &[Action::PageUp]);
    assert_eq!((app.reader().top.block, app.reader().top.line), (0, 0));
}

#[test]
fn sections_and_paragraphs_jump() {
    let mut app = bundled_app(80, 24);
    press(&mut app, &[Action::NextSection]);
    let heading = app.doc().section_start[1];
    assert_eq!((app.reader().top.block, app.reader().top.line), (heading, 0));
    press(&mut app, &[Action::PrevSection]);
    assert_eq!((app.reader().top.block, app.reader().top.line), (0, 0));
    press(&mut app, &[Action::Top, Action::NextParagraph, Action::NextParagraph]);
    assert_eq!(app.reader().top.block, 2);
    press(&mut app, &[Action::PrevParagraph]);
    assert_eq!(app.reader().top.block, 1);
}

#[test]
fn a_resize_keeps_the_same_paragraph() {
    let mut app = bundled_app(120, 40);
    press(&mut app, &[Action::FocusNext]);
    for _ in 0..12 {
        press(&mut app, &[Action::Down]);
    }
    let block = app.reader().top.block;
    press(&mut app, &[Action::Resize(80, 24), Action::Resize(200, 60), Action::Resize(120, 40)]);
    assert!(app.progress() < 100, "the test starts in the middle of the text");
    assert_eq!(app.reader().top.block, block, "back at 120x40, the same paragraph is on top");
}

#[test]
fn tiny_terminals_do_not_break_state() {
    let mut app = bundled_app(120, 40);
    for (w, h) in [(1, 1), (2, 2), (10, 3), (59, 14), (30, 8)] {
        press(&mut app, &[Action::Resize(w, h), Action::Down, Action::PageDown, Action::Activate]);
        assert!(app.areas().too_small);
    }
    press(&mut app, &[Action::Resize(500, 200), Action::Bottom]);
    assert!(!app.areas().too_small);
}

#[test]
fn help_opens_and_closes() {
    let mut app = bundled_app(120, 40);
    press(&mut app, &[Action::ToggleHelp]);
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, &[Action::Down]);
    assert_eq!(app.help_scroll(), 1);
    press(&mut app, &[Action::ToggleHelp]);
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn quit_asks_the_event_loop_to_quit() {
    let mut app = bundled_app(120, 40);
    assert_eq!(update(&mut app, Action::Down), None);
    assert_eq!(update(&mut app, Action::Quit), Some(Effect::Quit));
}

#[test]
fn clicks_select_tabs_and_items() {
    let mut app = bundled_app(120, 40);
    let tabs = app.areas().tabs;
    let x0 = app.tabs().iter().find(|t| t.group == Group::People).map(|t| t.start).expect("a people tab");
    press(&mut app, &[Action::Click(tabs.x + x0 + 1, tabs.y)]);
    assert_eq!(app.group(), Group::People);
    let list = app.areas().list;
    press(&mut app, &[Action::Click(list.x + 2, list.y + 1)]);
    assert_eq!(app.selected_item().map(|i| i.label).as_deref(), Some("Ilias Chatzis"));
    let text = app.areas().text;
    press(&mut app, &[Action::Click(text.x + 2, text.y + 2)]);
    assert_eq!(app.focus(), Focus::Reader);
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = bundled_app(80, 24);
    let text = app.areas().text;
    press(&mut app, &[Action::Wheel { column: text.x + 1, row: text.y + 1, down: true }]);
    assert_eq!(app.reader().top.line, 3);
    press(&mut app, &[Action::Wheel { column: text.x + 1, row: text.y + 1, down: false }]);
    assert_eq!(app.reader().top.line, 0);
}

#[test]
fn selecting_a_person_highlights_every_mention() {
    let mut app = bundled_app(120, 40);
    press(&mut app, &[Action::ShowGroup(Group::People)]);
    assert_eq!(app.selected_item().map(|i| i.label).as_deref(), Some("Antonio Guterres"));
    assert_eq!(app.target().ranges.len(), 4);
    for (b, r) in &app.target().ranges {
        assert!(app.doc().blocks[*b].text[r.clone()].contains("Guterres"));
    }
}

#[test]
fn dates_are_in_chronological_order() {
    let app = bundled_app(120, 40);
    let dates: Vec<String> = app.visible_items(Group::Dates).map(|i| i.label).collect();
    assert_eq!(dates, ["2017", "July 29", "July 30", "this year", "Two years later"]);
}

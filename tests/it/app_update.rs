//! The reader's behaviour through `update` alone: actions in, state out, no terminal.

use crate::common::{bundled_app, press};
use folio::app::items::{Group, ItemRef};
use folio::app::{Action, Effect, Focus, Mode, update};

#[test]
fn starts_on_sections_with_the_text_focused() {
    let app = bundled_app(120, 40);
    assert_eq!(app.group(), Group::Sections);
    assert_eq!(app.focus(), Focus::Reader);
    let labels: Vec<String> = app.visible_items(Group::Sections).map(|i| i.label).collect();
    assert_eq!(labels, ["Lead", "Threatening progress made"]);
    assert_eq!(app.reader().top.block, 0);
}

#[test]
fn number_keys_pick_groups_and_focus_the_sidebar() {
    let mut app = bundled_app(120, 40);
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
fn group_keys_cycle_from_either_pane() {
    let mut app = bundled_app(120, 40);
    press(&mut app, &[Action::NextGroup, Action::NextGroup]);
    assert_eq!(app.group(), Group::Statistics);
    press(&mut app, &[Action::PrevGroup, Action::PrevGroup, Action::PrevGroup]);
    assert_eq!(app.group(), Group::Dates, "wraps from the first group to the last with items");
    // From the reader too (issue 14: h and l meant nothing there): the focus stays.
    assert_eq!(app.focus(), Focus::Reader);
    press(&mut app, &[Action::NextGroup]);
    assert_eq!(app.group(), Group::Sections);
    assert_eq!(app.focus(), Focus::Reader);
}

#[test]
fn reader_scrolls_by_line_page_and_to_the_ends() {
    let mut app = bundled_app(80, 24);
    assert_eq!(app.focus(), Focus::Reader);
    let first_screen = app.progress();
    press(&mut app, &[Action::Down]);
    let one = app.reader().top;
    assert_ne!(one, folio::app::reader::Position::default(), "a line down");
    press(&mut app, &[Action::Down]);
    assert_ne!(app.reader().top, one, "another line down");
    press(&mut app, &[Action::Up]);
    assert_eq!(app.reader().top, one, "and back up a line");
    press(&mut app, &[Action::Bottom]);
    assert_eq!(app.progress(), 100);
    let bottom = app.reader().top;
    press(&mut app, &[Action::Down, Action::PageDown]);
    assert_eq!(app.reader().top, bottom, "cannot scroll past the end");
    press(&mut app, &[Action::Top]);
    assert_eq!((app.reader().top.block, app.reader().top.line), (0, 0));
    assert_eq!(app.progress(), first_screen);
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
    // The headline block (the byline here) comes before the lead paragraph.
    let lead = app.doc().paragraph_block(0, 0).expect("the lead");
    press(&mut app, &[Action::Top, Action::NextParagraph, Action::NextParagraph]);
    assert_eq!(app.reader().top.block, lead + 1);
    press(&mut app, &[Action::PrevParagraph]);
    assert_eq!(app.reader().top.block, lead);
}

#[test]
fn a_resize_keeps_the_same_paragraph() {
    let mut app = bundled_app(120, 40);
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
    let mut by_keys = bundled_app(80, 24);
    press(&mut by_keys, &[Action::Down, Action::Down, Action::Down]);
    assert_eq!(app.reader().top, by_keys.reader().top, "a notch is three lines");
    press(&mut app, &[Action::Wheel { column: text.x + 1, row: text.y + 1, down: false }]);
    assert_eq!(app.reader().top, folio::app::reader::Position::default());
}

#[test]
fn selecting_a_person_highlights_every_mention() {
    let mut app = bundled_app(120, 40);
    press(&mut app, &[Action::ShowGroup(Group::People), Action::Top]);
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

/// The reader decides a long file's format on its head and the printing modes on the whole
/// text: both look at the same first `DETECT_BYTES`, so they read the file alike whatever
/// comes later (Markdown marks, HTML tags, a JSON-looking line).
#[test]
fn the_reader_and_the_printing_modes_read_a_long_file_as_the_same_format() {
    use folio::article::{DETECT_BYTES, parse};
    let prose = "A line of plain prose about the council budget, long enough to be a paragraph.\n";
    let lead = prose.repeat(DETECT_BYTES / prose.len() + 10);
    let late_cues = [
        "## A Markdown heading, late\n\nWith *emphasis* and a [link](https://example.org/).\n",
        "<html><body><h2>A tag, late</h2><p>Markup in a text file.</p></body></html>\n",
        "{\"sections\": []}\n",
    ];
    let early = format!("# A Markdown title\n\n## Part one\n\n{lead}## Part two\n\n{prose}");
    let dir = tempfile::tempdir().unwrap();
    let mut texts: Vec<String> = late_cues.iter().map(|cue| format!("{lead}{cue}{prose}")).collect();
    texts.push(early);
    for (i, text) in texts.iter().enumerate() {
        let path = dir.path().join(format!("long-{i}.txt"));
        std::fs::write(&path, text).unwrap();
        let printed = parse(text, None).expect("parses");
        let head = folio::input::open_head(path.to_str().unwrap(), u64::MAX, folio::app::loading::SYNC_LIMIT).unwrap();
        let (mut app, loader) = folio::app::loading::open_head(head, None, folio::reader_options(88)).unwrap();
        let rx = loader.expect("a long file loads behind the first frame").start();
        while let Ok(loaded) = rx.recv() {
            update(&mut app, Action::Loaded(loaded));
        }
        assert!(!app.is_loading(), "text {i}: loaded");
        let headings = |a: &folio::article::Article| a.sections.iter().map(|s| s.heading.clone()).collect::<Vec<_>>();
        assert_eq!(headings(app.article()), headings(&printed), "text {i}: the same sections");
        assert_eq!(app.article().title, printed.title, "text {i}: the same title");
        assert_eq!(app.doc().paragraph_count(), printed.paragraphs().count(), "text {i}: the same paragraphs");
    }
}

/// Progress counts to the last line on screen, as less does: it rises a little with each
/// line and reaches 100 only when the end is on screen (issue 14, item 3).
#[test]
fn progress_rises_steadily_to_the_end() {
    let mut app = bundled_app(80, 24);
    let first = app.progress();
    assert!(first > 0 && first < 100, "the first screen is part of the text: {first}%");
    let mut seen = vec![first];
    for _ in 0..400 {
        press(&mut app, &[Action::Down]);
        seen.push(app.progress());
    }
    assert_eq!(seen.last(), Some(&100));
    for w in seen.windows(2) {
        assert!(w[1] >= w[0], "never back: {seen:?}");
        assert!(w[1] - w[0] <= 5, "no leap: {} -> {} in {seen:?}", w[0], w[1]);
    }
    let reached = seen.iter().position(|&p| p == 100).unwrap();
    press(&mut app, &[Action::Top, Action::Bottom]);
    assert_eq!(app.progress(), 100);
    assert!(reached > 0 && seen[reached - 1] >= 90, "100 comes after the nineties: {seen:?}");

    // The whole article on one screen is all read at once, and stays so.
    let mut big = bundled_app(200, 120);
    assert_eq!(big.progress(), 100);
    press(&mut big, &[Action::Down]);
    assert_eq!(big.progress(), 100);
}

/// Every way to a section lands it the same way: `]` and choosing it in the Sections tab
/// both put its heading on the top line (issue 14, item 5).
#[test]
fn two_ways_to_a_section_land_alike() {
    for (w, h) in [(80, 24), (120, 40), (200, 60)] {
        let mut by_key = bundled_app(w, h);
        press(&mut by_key, &[Action::NextSection]);
        let mut by_tab = bundled_app(w, h);
        press(&mut by_tab, &[Action::ShowGroup(Group::Sections), Action::Down, Action::Activate]);
        let heading = by_key.doc().section_start[1];
        if h == 24 {
            // (Taller screens hold the rest of the article below the heading: they stop at the end.)
            assert_eq!(
                (by_key.reader().top.block, by_key.reader().top.line),
                (heading, 0),
                "] puts the heading on top"
            );
        }
        assert!(by_key.reader().is_visible(by_key.doc(), heading, 0), "{w}x{h}");
        assert_eq!(by_tab.reader().top, by_key.reader().top, "{w}x{h}: the tab lands where ] does");
        // Past the last section, ] says so.
        press(&mut by_key, &[Action::NextSection]);
        let said = by_key.message().map(|m| m.text.clone()).unwrap_or_default();
        assert_eq!(said, "this is the last section", "{w}x{h}");
    }
}

/// The Dates tab writes dates as a reader does, in order, relative ones last (issue 14,
/// item 10).
#[test]
fn the_dates_tab_shows_dates_as_written_by_a_reader() {
    let app = bundled_app(120, 40);
    let items: Vec<(String, Option<String>)> = app.visible_items(Group::Dates).map(|i| (i.label, i.detail)).collect();
    let details: Vec<&str> = items.iter().map(|(_, d)| d.as_deref().unwrap_or("")).collect();
    assert_eq!(details, ["2017", "29 Jul", "30 Jul", "relative", "relative"], "{items:?}");
    assert!(details.iter().all(|d| !d.starts_with("--")), "no raw ISO: {items:?}");
}

/// The filter: `f` starts from the kept filter's text (to edit, not to type after blind),
/// and Esc keeps the selected item when it is still there (issue 14, item 13).
#[test]
fn the_filter_starts_from_its_text_and_esc_keeps_the_selection() {
    let mut app = bundled_app(120, 40);
    press(&mut app, &[Action::ShowGroup(Group::People), Action::StartFilter]);
    for c in "a".chars() {
        press(&mut app, &[Action::PromptInput(c)]);
    }
    press(&mut app, &[Action::PromptAccept, Action::Down]);
    let chosen = app.selected_item().map(|i| i.label).expect("an item");
    press(&mut app, &[Action::StartFilter]);
    assert_eq!(app.prompt(), "a", "the kept filter is the prompt's text");
    press(&mut app, &[Action::PromptCancel]);
    assert_eq!(app.list(Group::People).filter, "", "Esc drops the filter");
    assert_eq!(app.selected_item().map(|i| i.label), Some(chosen.clone()), "and keeps the selection");
    // Esc in the list does the same for a kept filter.
    press(&mut app, &[Action::StartFilter, Action::PromptInput('a'), Action::PromptAccept, Action::Down]);
    let chosen = app.selected_item().map(|i| i.label).expect("an item");
    press(&mut app, &[Action::Clear]);
    assert_eq!(app.selected_item().map(|i| i.label), Some(chosen));
}

/// less and vim habits (issue 14, item 15).
#[test]
fn less_and_vim_habits() {
    // n after Esc brings the search back, as in vim after :noh.
    let mut app = bundled_app(120, 40);
    press(&mut app, &[Action::StartSearch]);
    for c in "trafficking".chars() {
        press(&mut app, &[Action::PromptInput(c)]);
    }
    press(&mut app, &[Action::PromptAccept, Action::Clear]);
    assert!(app.search().matches.is_empty(), "Esc clears the highlights");
    press(&mut app, &[Action::NextMatch]);
    assert_eq!(app.search().query, "trafficking");
    assert!(!app.search().matches.is_empty() && app.search().current.is_some());

    // Ctrl-e scrolls the text from the sidebar; j there moves the selection.
    let mut app = bundled_app(80, 24);
    press(&mut app, &[Action::FocusNext]);
    assert_eq!(app.focus(), Focus::Sidebar);
    press(&mut app, &[Action::LineDown]);
    assert_ne!(app.reader().top, folio::app::reader::Position::default());
    press(&mut app, &[Action::LineUp]);
    assert_eq!(app.reader().top, folio::app::reader::Position::default());

    // The help pages and goes to its ends.
    let mut app = bundled_app(80, 24);
    press(&mut app, &[Action::ToggleHelp, Action::PageDown]);
    let page = app.help_scroll();
    assert!(page > 5, "a page, not a line: {page}");
    press(&mut app, &[Action::Bottom]);
    let end = app.help_scroll();
    assert!(end >= page);
    press(&mut app, &[Action::PageDown]);
    assert_eq!(app.help_scroll(), end, "no further than the end");
    press(&mut app, &[Action::Top]);
    assert_eq!(app.help_scroll(), 0);

    // A key that does nothing says so.
    let mut app = bundled_app(80, 24);
    press(&mut app, &[Action::UnknownKey("x".into())]);
    let m = app.message().expect("a message");
    assert_eq!(m.text, "x: not a key here");
    assert_eq!(m.suggest.as_ref().map(|(a, _)| a.clone()), Some(Action::ToggleHelp));
}

/// Marks, as in less: m and a letter, ' and the letter, '' back (issue 14, item 16).
#[test]
fn marks_and_the_way_back() {
    let mut app = bundled_app(80, 24);
    press(&mut app, &[Action::PageDown]);
    let marked = app.reader().top;
    press(&mut app, &[Action::StartMark, Action::MarkKey('a')]);
    assert_eq!(app.message().map(|m| m.text.as_str()), Some("mark a set"));
    press(&mut app, &[Action::Bottom]);
    let bottom = app.reader().top;
    assert_ne!(bottom, marked);
    press(&mut app, &[Action::StartGoToMark, Action::MarkKey('a')]);
    assert_eq!(app.reader().top, marked, "' a goes to the mark");
    press(&mut app, &[Action::StartGoToMark, Action::MarkKey('\'')]);
    assert_eq!(app.reader().top, bottom, "'' goes back to before the jump");
    press(&mut app, &[Action::StartGoToMark, Action::MarkKey('z')]);
    assert_eq!(app.message().map(|m| m.text.as_str()), Some("no mark z"));
    assert_eq!(app.mode(), folio::app::Mode::Normal);
    // Following the sidebar's selection away and choosing an item: '' comes back to where
    // the reading was before the first move.
    let mut app = bundled_app(100, 30);
    let reading = app.reader().top;
    press(&mut app, &[Action::ShowGroup(Group::Sections), Action::Down, Action::Activate]);
    assert_ne!(app.reader().top, reading);
    press(&mut app, &[Action::StartGoToMark, Action::MarkKey('\'')]);
    assert_eq!(app.reader().top, reading);
    // Esc after m cancels.
    press(&mut app, &[Action::StartMark, Action::PromptCancel]);
    assert_eq!(app.mode(), folio::app::Mode::Normal);
    // The marks are what the run remembers.
    let recall = folio::app::memory::Recall { resume: true, ..Default::default() };
    let mut app = bundled_app(80, 24).with_recall(recall);
    press(&mut app, &[Action::PageDown, Action::StartMark, Action::MarkKey('b')]);
    let (remembered, _) = app.memory();
    let (_, memory) = remembered.expect("the article's memory");
    assert!(memory.marks.contains_key(&'b'));
    assert_eq!(memory.at.map(|(block, _)| block), Some(app.reader().top.block));
}

/// Resuming: the place earlier runs remembered, once the article is whole; not with
/// resume off (issue 14, item 16).
#[test]
fn an_article_resumes_where_reading_stopped() {
    let mut first = bundled_app(80, 24).with_recall(folio::app::memory::Recall { resume: true, ..Default::default() });
    press(&mut first, &[Action::PageDown, Action::PageDown]);
    let stopped = first.reader().top;
    let (Some((key, memory)), searches) = first.memory() else { panic!("remembered") };
    let articles: std::collections::HashMap<_, _> = [(key, memory)].into_iter().collect();
    let recall = |resume| folio::app::memory::Recall {
        articles: articles.clone(),
        searches: searches.to_vec(),
        resume,
        notice: None,
        read: Default::default(),
    };
    // (The reader applies what it recalls once it has a size: here, at the next action.)
    let mut again = bundled_app(80, 24).with_recall(recall(true));
    press(&mut again, &[Action::Resize(80, 24)]);
    assert_eq!(again.reader().top, stopped);
    assert!(again.message().is_some_and(|m| m.text.starts_with("resumed at")), "{:?}", again.message());
    let mut fresh = bundled_app(80, 24).with_recall(recall(false));
    press(&mut fresh, &[Action::Resize(80, 24)]);
    assert_eq!(fresh.reader().top, folio::app::reader::Position::default());
}

/// The sidebar follows the reading: the Sections tab marks the section on screen; in the
/// People tab, n and N step through the selected name's mentions (issue 14, item 18).
#[test]
fn the_sidebar_follows_the_reading() {
    let mut app = bundled_app(80, 24);
    assert_eq!(app.reading_section(), 0);
    press(&mut app, &[Action::NextSection]);
    assert_eq!(app.reading_section(), 1);
    let screen = crate::common::screen_text(&crate::common::render(&app));
    let marked: Vec<&str> = screen.lines().filter(|l| l.starts_with("• ")).collect();
    assert_eq!(marked.len(), 1, "{screen}");
    assert!(marked[0].starts_with("• Threatening progre"), "{screen}");
    press(&mut app, &[Action::Top]);
    assert_eq!(app.reading_section(), 0);

    let mut app = bundled_app(80, 24);
    press(&mut app, &[Action::ShowGroup(Group::People)]);
    let name = app.selected_item().expect("a name").label;
    let mentions = app.target().ranges.clone();
    assert!(mentions.len() > 1, "{name} is mentioned more than once");
    press(&mut app, &[Action::NextMatch]);
    assert_eq!(app.message().map(|m| m.text.clone()), Some(format!("{name}: mention 2/{}", mentions.len())));
    let (block, range) = mentions[1].clone();
    assert!(app.reader().is_visible(app.doc(), block, range.start));
    press(&mut app, &[Action::PrevMatch, Action::PrevMatch]);
    assert_eq!(
        app.message().map(|m| m.text.clone()),
        Some(format!("{name}: mention {0}/{0}", mentions.len())),
        "wraps"
    );
}

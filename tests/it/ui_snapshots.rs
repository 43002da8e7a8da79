//! Whole screens of the reader on the bundled article, drawn into a `TestBackend` and kept
//! as insta snapshots (tests/snapshots). A change to the layout shows up as a diff.

use crate::common::{bundled_app, press, render, render_with, screen_text, styled_runs};
use folio::app::Action;
use folio::app::items::Group;
use folio::ui::theme::{Theme, ThemeKind};

fn snapshot(width: u16, height: u16, actions: &[Action]) -> String {
    let mut app = bundled_app(width, height);
    press(&mut app, actions);
    screen_text(&render(&app))
}

#[test]
fn first_screen_80x24() {
    insta::assert_snapshot!(snapshot(80, 24, &[]));
}

#[test]
fn first_screen_120x40() {
    insta::assert_snapshot!(snapshot(120, 40, &[]));
}

#[test]
fn quotes_with_chatzis_selected_80x24() {
    insta::assert_snapshot!(snapshot(80, 24, &[Action::ShowGroup(Group::Quotes), Action::Bottom]));
}

#[test]
fn quotes_with_chatzis_selected_120x40() {
    let mut app = bundled_app(120, 40);
    press(&mut app, &[Action::ShowGroup(Group::Quotes), Action::Bottom, Action::Activate]);
    let buf = render(&app);
    // The quote's words are drawn highlighted in the text.
    assert_eq!(styled_runs(&buf, Theme::default().highlight), ["is now under threat"]);
    insta::assert_snapshot!(screen_text(&buf));
}

#[test]
fn help_overlay_80x24() {
    insta::assert_snapshot!(snapshot(80, 24, &[Action::ToggleHelp]));
}

#[test]
fn help_overlay_120x40() {
    insta::assert_snapshot!(snapshot(120, 40, &[Action::ToggleHelp]));
}

#[test]
fn too_small_screen() {
    insta::assert_snapshot!(snapshot(59, 14, &[]));
    insta::assert_snapshot!(snapshot(30, 8, &[]));
}

#[test]
fn statistics_group_120x40() {
    insta::assert_snapshot!(snapshot(120, 40, &[Action::ShowGroup(Group::Statistics)]));
}

#[test]
fn no_color_emphasis_is_bold_reverse_underline_only() {
    let mut app = bundled_app(120, 40);
    let theme = Theme::new(ThemeKind::Dark, false);
    press(&mut app, &[Action::ShowGroup(Group::Quotes), Action::Bottom, Action::Activate]);
    let buf = render_with(&app, &theme);
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "a colour with NO_COLOR: {cell:?}");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "a colour with NO_COLOR: {cell:?}");
    }
    // Bold and underlined: the quote in the text (and the selected row of the unfocused list).
    let runs = styled_runs(&buf, theme.highlight);
    assert!(runs.iter().any(|r| r == "is now under threat"), "{runs:?}");
}

#[test]
fn every_size_draws_without_panicking() {
    for (w, h) in [(1, 1), (2, 2), (10, 3), (59, 14), (60, 15), (61, 16), (80, 24), (500, 200)] {
        let mut app = bundled_app(w, h);
        for actions in
            [&[][..], &[Action::ShowGroup(Group::Quotes), Action::Bottom, Action::Activate], &[Action::ToggleHelp]]
        {
            press(&mut app, actions);
            let screen = screen_text(&render(&app));
            // The panes and the status bar, or the request for a larger terminal.
            let (big, some) = (w >= 60 && h >= 15, w >= 9);
            assert!(
                !big || screen.starts_with(" folio │")
                    && (screen.contains(" LIST ") || screen.contains(" READER ") || screen.contains(" HELP ")),
                "{w}x{h}:\n{screen}"
            );
            assert!(
                big || !some || screen.contains("Enlarge") || screen.contains("Need") || screen.contains("Too small"),
                "{w}x{h}:\n{screen}"
            );
        }
    }
}

#[test]
fn search_highlights_every_match_and_the_current_one() {
    let mut app = bundled_app(120, 40);
    press(&mut app, &[Action::StartSearch]);
    for c in "trafficking".chars() {
        press(&mut app, &[Action::PromptInput(c)]);
    }
    assert_eq!(app.search().status().as_deref(), Some("1/14"));
    press(&mut app, &[Action::PromptAccept, Action::NextMatch, Action::NextMatch, Action::PrevMatch]);
    assert_eq!(app.search().status().as_deref(), Some("2/14"));
    let buf = render(&app);
    let current = styled_runs(&buf, Theme::default().search_current);
    assert_eq!(current, ["Trafficking"], "one current match: the second, in \"World Day against Trafficking\"");
    let others = styled_runs(&buf, Theme::default().search_match);
    assert!(others.len() >= 8, "the other matches on screen are marked: {others:?}");
    assert!(others.iter().all(|r| r.to_lowercase().contains("trafficking")), "{others:?}");
    insta::assert_snapshot!(screen_text(&buf));
}

//! Every key folio knows, in one table: the table dispatches key presses and writes the
//! help overlay, the status bar's hints and every key named on screen ("press / to
//! search"), so they cannot drift apart. What the help says of input that is not one key
//! (typing into a prompt, the mouse) is listed here too.

use crate::app::items::Group;
use crate::app::{Action, Mode};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::NONE }
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::CONTROL }
}

const fn code(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::NONE }
}

pub struct Binding {
    pub modes: &'static [Mode],
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    /// A short label for the status bar, for the keys worth a hint.
    pub hint: Option<&'static str>,
}

const NORMAL: &[Mode] = &[Mode::Normal];
const PROMPTS: &[Mode] = &[Mode::Search, Mode::Filter];

pub const BINDINGS: &[Binding] = &[
    Binding { modes: NORMAL, keys: &[key('q'), ctrl('c')], action: Action::Quit, help: "quit", hint: Some("quit") },
    Binding {
        modes: NORMAL,
        keys: &[key('?')],
        action: Action::ToggleHelp,
        help: "show this help",
        hint: Some("help"),
    },
    Binding {
        modes: NORMAL,
        keys: &[code(KeyCode::Tab)],
        action: Action::FocusNext,
        help: "focus the other pane",
        hint: Some("pane"),
    },
    Binding {
        modes: NORMAL,
        keys: &[code(KeyCode::BackTab)],
        action: Action::FocusPrev,
        help: "focus the other pane",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[key('1')],
        action: Action::ShowGroup(Group::Sections),
        help: "sidebar: sections",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[key('2')],
        action: Action::ShowGroup(Group::Quotes),
        help: "sidebar: quotes",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[key('3')],
        action: Action::ShowGroup(Group::Statistics),
        help: "sidebar: numbers (statistics)",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[key('4')],
        action: Action::ShowGroup(Group::People),
        help: "sidebar: people and organisations",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[key('5')],
        action: Action::ShowGroup(Group::Dates),
        help: "sidebar: dates",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[key('6')],
        action: Action::ShowGroup(Group::Matches),
        help: "sidebar: search matches",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[key('7')],
        action: Action::ShowGroup(Group::Links),
        help: "sidebar: links",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[key('h'), code(KeyCode::Left)],
        action: Action::PrevGroup,
        help: "previous group (sidebar)",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[key('l'), code(KeyCode::Right)],
        action: Action::NextGroup,
        help: "next group (sidebar)",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[key('j'), code(KeyCode::Down)],
        action: Action::Down,
        help: "next item / line down",
        hint: Some("move"),
    },
    Binding {
        modes: NORMAL,
        keys: &[key('k'), code(KeyCode::Up)],
        action: Action::Up,
        help: "previous item / line up",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[key('g'), code(KeyCode::Home)],
        action: Action::Top,
        help: "first item / top",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[key('G'), code(KeyCode::End)],
        action: Action::Bottom,
        help: "last item / bottom",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[code(KeyCode::PageDown), key(' ')],
        action: Action::PageDown,
        help: "page down",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[code(KeyCode::PageUp), key('b')],
        action: Action::PageUp,
        help: "page up",
        hint: None,
    },
    Binding { modes: NORMAL, keys: &[ctrl('d')], action: Action::HalfDown, help: "half a page down", hint: None },
    Binding { modes: NORMAL, keys: &[ctrl('u')], action: Action::HalfUp, help: "half a page up", hint: None },
    Binding {
        modes: NORMAL,
        keys: &[code(KeyCode::Enter)],
        action: Action::Activate,
        help: "go to the selected item in the text",
        hint: Some("open"),
    },
    Binding { modes: NORMAL, keys: &[key(']')], action: Action::NextSection, help: "next section", hint: None },
    Binding { modes: NORMAL, keys: &[key('[')], action: Action::PrevSection, help: "previous section", hint: None },
    Binding { modes: NORMAL, keys: &[key('}')], action: Action::NextParagraph, help: "next paragraph", hint: None },
    Binding { modes: NORMAL, keys: &[key('{')], action: Action::PrevParagraph, help: "previous paragraph", hint: None },
    Binding {
        modes: NORMAL,
        keys: &[key('/')],
        action: Action::StartSearch,
        help: "search the text (re: for a regex)",
        hint: Some("search"),
    },
    Binding { modes: NORMAL, keys: &[key('n')], action: Action::NextMatch, help: "next match", hint: None },
    Binding { modes: NORMAL, keys: &[key('N')], action: Action::PrevMatch, help: "previous match", hint: None },
    Binding {
        modes: NORMAL,
        keys: &[key('f')],
        action: Action::StartFilter,
        help: "filter the sidebar group",
        hint: Some("filter"),
    },
    Binding {
        modes: NORMAL,
        keys: &[key('o')],
        action: Action::Open,
        help: "open the selected link (or the source) in a browser",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[key('r')],
        action: Action::Reload,
        help: "read the file or page again, keeping the place",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[key('y')],
        action: Action::Copy,
        help: "copy the selection (or the paragraph on top)",
        hint: None,
    },
    Binding {
        modes: NORMAL,
        keys: &[code(KeyCode::Esc)],
        action: Action::Clear,
        help: "clear search and filter",
        hint: None,
    },
    Binding {
        modes: &[Mode::Help],
        keys: &[code(KeyCode::Esc), key('?'), key('q')],
        action: Action::ToggleHelp,
        help: "close the help",
        hint: Some("close"),
    },
    Binding {
        modes: &[Mode::Help],
        keys: &[key('j'), code(KeyCode::Down)],
        action: Action::Down,
        help: "scroll the help",
        hint: None,
    },
    Binding {
        modes: &[Mode::Help],
        keys: &[key('k'), code(KeyCode::Up)],
        action: Action::Up,
        help: "scroll the help",
        hint: None,
    },
    Binding {
        modes: &[Mode::Search],
        keys: &[code(KeyCode::Enter)],
        action: Action::PromptAccept,
        help: "keep the search",
        hint: Some("keep"),
    },
    Binding {
        modes: &[Mode::Filter],
        keys: &[code(KeyCode::Enter)],
        action: Action::PromptAccept,
        help: "keep the filter",
        hint: Some("keep"),
    },
    Binding {
        modes: PROMPTS,
        keys: &[code(KeyCode::Esc), ctrl('c')],
        action: Action::PromptCancel,
        help: "cancel",
        hint: Some("cancel"),
    },
    Binding {
        modes: PROMPTS,
        keys: &[code(KeyCode::Backspace)],
        action: Action::PromptBackspace,
        help: "delete a character",
        hint: None,
    },
    Binding { modes: PROMPTS, keys: &[ctrl('u')], action: Action::PromptClear, help: "clear the line", hint: None },
    Binding {
        modes: &[Mode::Search],
        keys: &[code(KeyCode::Up)],
        action: Action::HistoryPrev,
        help: "earlier search",
        hint: Some("history"),
    },
    Binding {
        modes: &[Mode::Search],
        keys: &[code(KeyCode::Down)],
        action: Action::HistoryNext,
        help: "later search",
        hint: None,
    },
];

fn matches(k: &Key, ev: &KeyEvent) -> bool {
    // Shifted characters arrive as their own character ('G', '?', '{'), with or without
    // SHIFT depending on the terminal: compare characters without it.
    let mods = ev.modifiers - KeyModifiers::SHIFT;
    match (k.code, ev.code) {
        (KeyCode::Char(a), KeyCode::Char(b)) => a == b && k.mods == mods,
        (KeyCode::BackTab, KeyCode::BackTab) => true,
        (a, b) => a == b && k.mods == mods,
    }
}

/// The action a key press means in `mode`. Releases and repeats of releases are ignored
/// (kitty and Windows terminals report them); typed characters go to an open prompt.
pub fn action_for(mode: Mode, ev: &KeyEvent) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let bound = BINDINGS.iter().find(|b| b.modes.contains(&mode) && b.keys.iter().any(|k| matches(k, ev)));
    if let Some(b) = bound {
        return Some(b.action.clone());
    }
    if matches!(mode, Mode::Search | Mode::Filter)
        && let KeyCode::Char(c) = ev.code
        && !ev.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return Some(Action::PromptInput(c));
    }
    None
}

pub fn key_label(k: &Key) -> String {
    let base = match k.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Tab => "Tab".to_string(),
        KeyCode::BackTab => "Shift-Tab".to_string(),
        KeyCode::Enter => "Enter".to_string(),
        KeyCode::Esc => "Esc".to_string(),
        KeyCode::Backspace => "Backspace".to_string(),
        KeyCode::Up => "Up".to_string(),
        KeyCode::Down => "Down".to_string(),
        KeyCode::Left => "Left".to_string(),
        KeyCode::Right => "Right".to_string(),
        KeyCode::Home => "Home".to_string(),
        KeyCode::End => "End".to_string(),
        KeyCode::PageUp => "PgUp".to_string(),
        KeyCode::PageDown => "PgDn".to_string(),
        other => format!("{other:?}"),
    };
    if k.mods.contains(KeyModifiers::CONTROL) { format!("Ctrl-{base}") } else { base }
}

/// "j/Down" for a binding's keys.
pub fn keys_label(b: &Binding) -> String {
    b.keys.iter().map(key_label).collect::<Vec<_>>().join("/")
}

/// The keys of the first binding for `action` in `mode`, as the help writes them
/// ("Esc/?/q"); empty when nothing is bound to it.
pub fn key_for(mode: Mode, action: &Action) -> String {
    BINDINGS.iter().find(|b| b.modes.contains(&mode) && &b.action == action).map(keys_label).unwrap_or_default()
}

/// The first key bound to `action` in `mode` ("j" for scrolling down), for hints that
/// name one key per action.
pub fn first_key_for(mode: Mode, action: &Action) -> String {
    BINDINGS
        .iter()
        .find(|b| b.modes.contains(&mode) && &b.action == action)
        .and_then(|b| b.keys.first())
        .map(key_label)
        .unwrap_or_default()
}

/// What the help says of input that is not a key in the table.
pub const OTHER_INPUT: &[(Mode, &str, &str)] = &[
    (Mode::Search, "any character", "type into the prompt"),
    (Mode::Filter, "any character", "type into the prompt"),
    (Mode::Normal, "mouse", "wheel scrolls a pane; click a tab or an item"),
];

/// The help's sections, in order: a mode and its heading.
pub const HELP_SECTIONS: [(Mode, &str); 4] = [
    (Mode::Normal, "Reading"),
    (Mode::Search, "Search prompt"),
    (Mode::Filter, "Filter prompt"),
    (Mode::Help, "This help"),
];

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    /// Keys (those of bindings that do the same thing share a row: "Tab/Shift-Tab") and
    /// what they do.
    Row(String, &'static str),
    Blank,
}

/// The help overlay's lines: a heading per mode, then each key and what it does.
pub fn help_lines() -> Vec<HelpLine> {
    let mut out = Vec::new();
    for (mode, name) in HELP_SECTIONS {
        if !out.is_empty() {
            out.push(HelpLine::Blank);
        }
        out.push(HelpLine::Heading(name));
        let mut rows: Vec<(String, &str)> = Vec::new();
        for b in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
            match rows.iter_mut().find(|(_, h)| *h == b.help) {
                Some((keys, _)) => {
                    keys.push('/');
                    keys.push_str(&keys_label(b));
                }
                None => rows.push((keys_label(b), b.help)),
            }
        }
        rows.extend(OTHER_INPUT.iter().filter(|(m, _, _)| *m == mode).map(|&(_, k, h)| (k.to_string(), h)));
        out.extend(rows.into_iter().map(|(k, h)| HelpLine::Row(k, h)));
    }
    out
}

/// Status-bar hints for a mode: "? help  / search  q quit".
pub fn hints(mode: Mode) -> Vec<(String, &'static str)> {
    BINDINGS
        .iter()
        .filter(|b| b.modes.contains(&mode))
        .filter_map(|b| b.hint.map(|h| (b.keys.first().map(key_label).unwrap_or_default(), h)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn presses_dispatch_and_releases_do_not() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(action_for(Mode::Normal, &q), Some(Action::Quit));
        let mut release = q;
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(Mode::Normal, &release), None);
    }

    #[test]
    fn shifted_characters_match_with_or_without_shift() {
        assert_eq!(action_for(Mode::Normal, &press(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(Action::Bottom));
        assert_eq!(action_for(Mode::Normal, &press(KeyCode::Char('G'), KeyModifiers::NONE)), Some(Action::Bottom));
        assert_eq!(action_for(Mode::Normal, &press(KeyCode::Char('c'), KeyModifiers::CONTROL)), Some(Action::Quit));
    }

    #[test]
    fn prompts_take_characters() {
        assert_eq!(
            action_for(Mode::Search, &press(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::PromptInput('q'))
        );
        assert_eq!(action_for(Mode::Search, &press(KeyCode::Enter, KeyModifiers::NONE)), Some(Action::PromptAccept));
    }

    #[test]
    fn no_key_is_bound_twice_in_a_mode() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                let shared_mode = a.modes.iter().any(|m| b.modes.contains(m));
                let shared_key = a.keys.iter().any(|k| b.keys.contains(k));
                assert!(!(shared_mode && shared_key), "{} and {} share a key", a.help, b.help);
            }
        }
    }
}

//! Every key folio knows, in one table: the table dispatches key presses and writes the
//! help overlay, the status bar's hints and every key named on screen ("press / to
//! search"), so they cannot drift apart. What the help says of input that is not one key
//! (typing into a prompt, the mouse) is listed here too.
//!
//! [`BINDINGS`] holds the defaults; a [`Keymap`] is that table with the keys the config
//! file rebinds (`[keys]`, by each binding's name), and is what dispatch, the help and the
//! hints read.

mod keys;
mod rebind;

pub use keys::{Key, key_label, matches, parse_key};
pub use rebind::RebindError;

use crate::app::items::Group;
use crate::app::{Action, Focus, Mode};
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use keys::{alt, code, ctrl, key};

/// Which pane a binding does something in, for the status bar's hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Any,
    /// Enter goes to the selected item: only the sidebar hints it.
    Sidebar,
}

pub struct Binding {
    /// What the config file calls it (`[keys] down = ["j", "Ctrl-n"]`); the bindings of
    /// one name in several modes are rebound together.
    pub name: &'static str,
    pub modes: &'static [Mode],
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    /// A short label for the status bar, for the keys worth a hint.
    pub hint: Option<&'static str>,
    pub pane: Pane,
}

const NORMAL: &[Mode] = &[Mode::Normal];
const HELP: &[Mode] = &[Mode::Help];
const SEARCH: &[Mode] = &[Mode::Search];
const FILTER: &[Mode] = &[Mode::Filter];
const PROMPTS: &[Mode] = &[Mode::Search, Mode::Filter, Mode::LinkNumber];
const LINK_NUMBER: &[Mode] = &[Mode::LinkNumber];
const MARKS: &[Mode] = &[Mode::SetMark, Mode::GoToMark];

/// A binding for any pane, without a hint.
const fn b(
    name: &'static str,
    modes: &'static [Mode],
    keys: &'static [Key],
    action: Action,
    help: &'static str,
) -> Binding {
    Binding { name, modes, keys, action, help, hint: None, pane: Pane::Any }
}

/// A binding with a hint in the status bar.
const fn h(
    name: &'static str,
    modes: &'static [Mode],
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: &'static str,
) -> Binding {
    Binding { name, modes, keys, action, help, hint: Some(hint), pane: Pane::Any }
}

/// The default keys: less's and vim's where they have one.
pub const BINDINGS: &[Binding] = &[
    h("quit", NORMAL, &[key('q'), ctrl('c')], Action::Quit, "quit", "quit"),
    h("help", NORMAL, &[key('?')], Action::ToggleHelp, "show this help", "help"),
    h("pane", NORMAL, &[code(KeyCode::Tab)], Action::FocusNext, "focus the other pane", "pane"),
    b("pane-back", NORMAL, &[code(KeyCode::BackTab)], Action::FocusPrev, "focus the other pane"),
    b("sections", NORMAL, &[key('1')], Action::ShowGroup(Group::Sections), "sidebar: sections"),
    b("quotes", NORMAL, &[key('2')], Action::ShowGroup(Group::Quotes), "sidebar: quotes"),
    b("numbers", NORMAL, &[key('3')], Action::ShowGroup(Group::Statistics), "sidebar: numbers (statistics)"),
    b("people", NORMAL, &[key('4')], Action::ShowGroup(Group::People), "sidebar: people and organisations"),
    b("dates", NORMAL, &[key('5')], Action::ShowGroup(Group::Dates), "sidebar: dates"),
    b("matches", NORMAL, &[key('6')], Action::ShowGroup(Group::Matches), "sidebar: search matches"),
    b("links", NORMAL, &[key('7')], Action::ShowGroup(Group::Links), "sidebar: links"),
    b("prev-group", NORMAL, &[key('h'), code(KeyCode::Left)], Action::PrevGroup, "the sidebar's previous group"),
    b("next-group", NORMAL, &[key('l'), code(KeyCode::Right)], Action::NextGroup, "the sidebar's next group"),
    h("down", NORMAL, &[key('j'), code(KeyCode::Down)], Action::Down, "next item / line down", "move"),
    b("up", NORMAL, &[key('k'), code(KeyCode::Up)], Action::Up, "previous item / line up"),
    b("top", NORMAL, &[key('g'), code(KeyCode::Home)], Action::Top, "first item / top"),
    b("bottom", NORMAL, &[key('G'), code(KeyCode::End)], Action::Bottom, "last item / bottom"),
    b("page-down", NORMAL, &[code(KeyCode::PageDown), key(' '), ctrl('f')], Action::PageDown, "page down"),
    b("page-up", NORMAL, &[code(KeyCode::PageUp), key('b'), ctrl('b')], Action::PageUp, "page up"),
    b("half-down", NORMAL, &[ctrl('d')], Action::HalfDown, "half a page down"),
    b("half-up", NORMAL, &[ctrl('u')], Action::HalfUp, "half a page up"),
    b("line-down", NORMAL, &[ctrl('e')], Action::LineDown, "the text a line down, from either pane"),
    b("line-up", NORMAL, &[ctrl('y')], Action::LineUp, "the text a line up, from either pane"),
    b("sidebar", NORMAL, &[key('s')], Action::ToggleSidebar, "hide the sidebar (full-width reading) or show it"),
    b("narrower", NORMAL, &[key('<')], Action::Narrower, "narrow the text (remembered with the article)"),
    b("wider", NORMAL, &[key('>')], Action::Wider, "widen the text (remembered with the article)"),
    Binding {
        name: "go",
        modes: NORMAL,
        keys: &[code(KeyCode::Enter)],
        action: Action::Activate,
        help: "go to the item in the text; a link: open it",
        hint: Some("go"),
        pane: Pane::Sidebar,
    },
    b("next-section", NORMAL, &[key(']')], Action::NextSection, "next section"),
    b("prev-section", NORMAL, &[key('[')], Action::PrevSection, "previous section"),
    b("next-paragraph", NORMAL, &[key('}')], Action::NextParagraph, "next paragraph"),
    b("prev-paragraph", NORMAL, &[key('{')], Action::PrevParagraph, "previous paragraph"),
    h("search", NORMAL, &[key('/')], Action::StartSearch, "search the text (re: for a regex)", "search"),
    b("next-match", NORMAL, &[key('n')], Action::NextMatch, "next match (after Esc, the last search again)"),
    b("prev-match", NORMAL, &[key('N')], Action::PrevMatch, "previous match"),
    h("filter", NORMAL, &[key('f'), key('&')], Action::StartFilter, "filter the sidebar group", "filter"),
    b("open", NORMAL, &[key('o')], Action::Open, "open the selected link (or the source) in a browser"),
    b("reload", NORMAL, &[key('r')], Action::Reload, "read the file or page again, keeping the place"),
    b("copy", NORMAL, &[key('y')], Action::Copy, "copy the selection (or the paragraph on top)"),
    b("mark", NORMAL, &[key('m')], Action::StartMark, "mark the place: m, then a letter"),
    b("go-to-mark", NORMAL, &[key('\'')], Action::StartGoToMark, "go to a mark: ', then its letter ('' goes back)"),
    b("clear", NORMAL, &[code(KeyCode::Esc)], Action::Clear, "clear the search's highlights and the filter"),
    b(
        "back",
        NORMAL,
        &[code(KeyCode::Backspace), alt(KeyCode::Left)],
        Action::Back,
        "back: the article before, or the list it came from",
    ),
    b("forward", NORMAL, &[alt(KeyCode::Right)], Action::Forward, "forward: the article Backspace left"),
    b(
        "number-links",
        NORMAL,
        &[key('#')],
        Action::NumberLinks,
        "number the links in the text and follow one by its number",
    ),
    h("close-help", HELP, &[code(KeyCode::Esc), key('?'), key('q')], Action::ToggleHelp, "close the help", "close"),
    b("down", HELP, &[key('j'), code(KeyCode::Down)], Action::Down, "scroll the help down"),
    b("up", HELP, &[key('k'), code(KeyCode::Up)], Action::Up, "scroll the help up"),
    b("page-down", HELP, &[code(KeyCode::PageDown), key(' '), ctrl('f')], Action::PageDown, "a page down"),
    b("page-up", HELP, &[code(KeyCode::PageUp), key('b'), ctrl('b')], Action::PageUp, "a page up"),
    b("top", HELP, &[key('g'), code(KeyCode::Home)], Action::Top, "the top of the help"),
    b("bottom", HELP, &[key('G'), code(KeyCode::End)], Action::Bottom, "the end of the help"),
    h("accept", SEARCH, &[code(KeyCode::Enter)], Action::PromptAccept, "keep the search", "keep"),
    h("accept", FILTER, &[code(KeyCode::Enter)], Action::PromptAccept, "keep the filter", "keep"),
    h("accept", LINK_NUMBER, &[code(KeyCode::Enter)], Action::PromptAccept, "open the link of that number", "open"),
    h("cancel", PROMPTS, &[code(KeyCode::Esc), ctrl('c')], Action::PromptCancel, "cancel", "cancel"),
    b("backspace", PROMPTS, &[code(KeyCode::Backspace)], Action::PromptBackspace, "delete a character"),
    b("clear-line", PROMPTS, &[ctrl('u')], Action::PromptClear, "clear the line"),
    h("history-prev", SEARCH, &[code(KeyCode::Up)], Action::HistoryPrev, "earlier search", "history"),
    b("history-next", SEARCH, &[code(KeyCode::Down)], Action::HistoryNext, "later search"),
    h("cancel", MARKS, &[code(KeyCode::Esc)], Action::PromptCancel, "cancel", "cancel"),
];

/// What the help says of input that is not a key in the table.
pub const OTHER_INPUT: &[(Mode, &str, &str)] = &[
    (Mode::Search, "any character", "type into the prompt"),
    (Mode::Filter, "any character", "type into the prompt"),
    (Mode::SetMark, "a letter", "the mark's name"),
    (Mode::LinkNumber, "a digit", "type the link's number ([3] in the text); # hides the numbers"),
    (Mode::Normal, "mouse", "wheel scrolls a pane; click a tab or an item"),
];

/// The help's sections, in order: a mode and its heading.
pub const HELP_SECTIONS: [(Mode, &str); 6] = [
    (Mode::Normal, "Reading"),
    (Mode::Search, "Search prompt"),
    (Mode::Filter, "Filter prompt"),
    (Mode::LinkNumber, "Link number (after #)"),
    (Mode::SetMark, "After m or '"),
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

/// A binding with the keys in force.
#[derive(Debug, Clone)]
struct Bound {
    def: &'static Binding,
    keys: Vec<Key>,
}

impl std::fmt::Debug for Binding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// The keys in force: the defaults with whatever the config file rebinds.
#[derive(Debug, Clone)]
pub struct Keymap {
    bound: Vec<Bound>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap { bound: BINDINGS.iter().map(|def| Bound { def, keys: def.keys.to_vec() }).collect() }
    }
}

impl Keymap {
    /// The names a binding can be rebound by, in the table's order.
    pub fn names() -> Vec<&'static str> {
        let mut names: Vec<&str> = BINDINGS.iter().map(|b| b.name).collect();
        let mut seen = std::collections::HashSet::new();
        names.retain(|n| seen.insert(*n));
        names
    }

    /// The action a key press means in `mode`. Releases are ignored (kitty and Windows
    /// terminals report them); typed characters go to an open prompt, and a letter after
    /// `m` or `'` names a mark.
    pub fn action_for(&self, mode: Mode, ev: &KeyEvent) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        let bound = self.bound.iter().find(|b| b.def.modes.contains(&mode) && b.keys.iter().any(|k| matches(k, ev)));
        if let Some(b) = bound {
            return Some(b.def.action.clone());
        }
        let typed = match ev.code {
            KeyCode::Char(c) if !ev.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => Some(c),
            _ => None,
        };
        match (mode, typed) {
            (Mode::Search | Mode::Filter | Mode::LinkNumber, Some(c)) => Some(Action::PromptInput(c)),
            (Mode::SetMark | Mode::GoToMark, Some(c)) => Some(Action::MarkKey(c)),
            (Mode::SetMark | Mode::GoToMark, None) => Some(Action::PromptCancel),
            // Anything else says it is not a key here, rather than nothing.
            (Mode::Normal | Mode::Help, _) => match ev.code {
                KeyCode::Modifier(_) | KeyCode::Null => None,
                _ => Some(Action::UnknownKey(key_label(&Key {
                    code: ev.code,
                    mods: ev.modifiers - KeyModifiers::SHIFT,
                }))),
            },
            _ => None,
        }
    }

    /// The keys of the first binding for `action` in `mode`, as the help writes them
    /// ("Esc/?/q"); empty when nothing is bound to it.
    pub fn key_for(&self, mode: Mode, action: &Action) -> String {
        self.bound
            .iter()
            .find(|b| b.def.modes.contains(&mode) && &b.def.action == action)
            .map(keys_label)
            .unwrap_or_default()
    }

    /// The first key bound to `action` in `mode` ("j" for scrolling down), for hints that
    /// name one key per action.
    pub fn first_key_for(&self, mode: Mode, action: &Action) -> String {
        self.bound
            .iter()
            .find(|b| b.def.modes.contains(&mode) && &b.def.action == action)
            .and_then(|b| b.keys.first())
            .map(key_label)
            .unwrap_or_default()
    }

    /// The help overlay's lines: a heading per mode, then each key and what it does, with
    /// the keys in force.
    pub fn help_lines(&self) -> Vec<HelpLine> {
        let mut out = Vec::new();
        for (mode, name) in HELP_SECTIONS {
            if !out.is_empty() {
                out.push(HelpLine::Blank);
            }
            out.push(HelpLine::Heading(name));
            let mut rows: Vec<(String, &str)> = Vec::new();
            for b in self.bound.iter().filter(|b| b.def.modes.contains(&mode) && !b.keys.is_empty()) {
                match rows.iter_mut().find(|(_, h)| *h == b.def.help) {
                    Some((keys, _)) => {
                        keys.push('/');
                        keys.push_str(&keys_label(b));
                    }
                    None => rows.push((keys_label(b), b.def.help)),
                }
            }
            rows.extend(OTHER_INPUT.iter().filter(|(m, _, _)| *m == mode).map(|&(_, k, h)| (k.to_string(), h)));
            out.extend(rows.into_iter().map(|(k, h)| HelpLine::Row(k, h)));
        }
        out
    }

    /// Status-bar hints for a mode, for the pane that has the keys: "? help  / search".
    pub fn hints(&self, mode: Mode, focus: Focus) -> Vec<(String, &'static str)> {
        self.bound
            .iter()
            .filter(|b| b.def.modes.contains(&mode))
            .filter(|b| b.def.pane == Pane::Any || focus == Focus::Sidebar)
            .filter_map(|b| b.def.hint.zip(b.keys.first()).map(|(h, k)| (key_label(k), h)))
            .collect()
    }
}

/// "j/Down" for a binding's keys.
fn keys_label(b: &Bound) -> String {
    b.keys.iter().map(key_label).collect::<Vec<_>>().join("/")
}

/// The help's length with the default keys.
pub fn help_len() -> usize {
    Keymap::default().help_lines().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    fn char(c: char) -> KeyEvent {
        press(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn presses_dispatch_and_releases_do_not() {
        let keys = Keymap::default();
        let q = char('q');
        assert_eq!(keys.action_for(Mode::Normal, &q), Some(Action::Quit));
        let mut release = q;
        release.kind = KeyEventKind::Release;
        assert_eq!(keys.action_for(Mode::Normal, &release), None);
    }

    #[test]
    fn shifted_characters_match_with_or_without_shift() {
        let keys = Keymap::default();
        assert_eq!(
            keys.action_for(Mode::Normal, &press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(keys.action_for(Mode::Normal, &char('G')), Some(Action::Bottom));
        assert_eq!(
            keys.action_for(Mode::Normal, &press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
    }

    #[test]
    fn prompts_take_characters_and_marks_take_letters() {
        let keys = Keymap::default();
        assert_eq!(keys.action_for(Mode::Search, &char('q')), Some(Action::PromptInput('q')));
        assert_eq!(
            keys.action_for(Mode::Search, &press(KeyCode::Enter, KeyModifiers::NONE)),
            Some(Action::PromptAccept)
        );
        assert_eq!(keys.action_for(Mode::SetMark, &char('a')), Some(Action::MarkKey('a')));
        assert_eq!(keys.action_for(Mode::GoToMark, &char('\'')), Some(Action::MarkKey('\'')));
        assert_eq!(
            keys.action_for(Mode::GoToMark, &press(KeyCode::Esc, KeyModifiers::NONE)),
            Some(Action::PromptCancel)
        );
    }

    #[test]
    fn less_and_vim_keys() {
        let keys = Keymap::default();
        let ctrl = |c| press(KeyCode::Char(c), KeyModifiers::CONTROL);
        assert_eq!(keys.action_for(Mode::Normal, &ctrl('f')), Some(Action::PageDown));
        assert_eq!(keys.action_for(Mode::Normal, &ctrl('b')), Some(Action::PageUp));
        assert_eq!(keys.action_for(Mode::Normal, &ctrl('e')), Some(Action::LineDown));
        assert_eq!(keys.action_for(Mode::Normal, &ctrl('y')), Some(Action::LineUp));
        assert_eq!(keys.action_for(Mode::Normal, &char('&')), Some(Action::StartFilter));
        for (c, a) in [(' ', Action::PageDown), ('b', Action::PageUp), ('g', Action::Top), ('G', Action::Bottom)] {
            assert_eq!(keys.action_for(Mode::Help, &char(c)), Some(a), "{c:?} in the help");
        }
    }

    #[test]
    fn an_unknown_key_says_so() {
        let keys = Keymap::default();
        assert_eq!(keys.action_for(Mode::Normal, &char('x')), Some(Action::UnknownKey("x".into())));
        assert_eq!(
            keys.action_for(Mode::Normal, &press(KeyCode::Char('z'), KeyModifiers::CONTROL)),
            Some(Action::UnknownKey("Ctrl-z".into()))
        );
    }

    #[test]
    fn enter_is_hinted_only_where_it_does_something() {
        let keys = Keymap::default();
        let hinted = |f| keys.hints(Mode::Normal, f).iter().any(|(k, _)| k == "Enter");
        assert!(hinted(Focus::Sidebar));
        assert!(!hinted(Focus::Reader), "Enter does nothing in the reader");
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

    #[test]
    fn rebinding_changes_dispatch_and_the_help() {
        let mut keys = Keymap::default();
        keys.rebind("down", &["j", "Ctrl-n"]).unwrap();
        let ctrl_n = press(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(keys.action_for(Mode::Normal, &ctrl_n), Some(Action::Down));
        assert_eq!(keys.action_for(Mode::Help, &ctrl_n), Some(Action::Down), "in every mode it is in");
        assert_eq!(
            keys.action_for(Mode::Normal, &press(KeyCode::Down, KeyModifiers::NONE)),
            Some(Action::UnknownKey("Down".into()))
        );
        assert!(keys.help_lines().contains(&HelpLine::Row("j/Ctrl-n".into(), "next item / line down")));
        assert_eq!(keys.first_key_for(Mode::Normal, &Action::Down), "j");
        assert_eq!(keys.rebind("down", &["q"]), Err(RebindError::Taken { key: "q".into(), by: "quit" }));
        assert_eq!(keys.rebind("sideways", &["x"]), Err(RebindError::Unknown("sideways".into())));
        assert!(matches!(keys.rebind("down", &["Hyper-j"]), Err(RebindError::BadKey(_))));
        // Free a key, then take it.
        keys.rebind("quit", &["Q"]).unwrap();
        keys.rebind("search", &["/", "q"]).unwrap();
        assert_eq!(keys.action_for(Mode::Normal, &char('q')), Some(Action::StartSearch));
    }
}

//! Keys: what a binding names, how a key press matches it, and how keys are written (in
//! the help, in hints, and in the config file, which reads them back the same way).

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

pub const fn key(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::NONE }
}

pub const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::CONTROL }
}

pub const fn alt(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::ALT }
}

pub const fn code(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::NONE }
}

/// Whether a press is this key. Shifted characters arrive as their own character ('G',
/// '?', '{'), with or without SHIFT depending on the terminal: characters are compared
/// without it.
pub fn matches(k: &Key, ev: &KeyEvent) -> bool {
    let mods = ev.modifiers - KeyModifiers::SHIFT;
    match (k.code, ev.code) {
        (KeyCode::Char(a), KeyCode::Char(b)) => a == b && k.mods == mods,
        (KeyCode::BackTab, KeyCode::BackTab) => true,
        (a, b) => a == b && k.mods == mods,
    }
}

/// Names of keys that are not one character, as folio writes and reads them.
const NAMED: &[(&str, KeyCode)] = &[
    ("Space", KeyCode::Char(' ')),
    ("Tab", KeyCode::Tab),
    ("Shift-Tab", KeyCode::BackTab),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Backspace", KeyCode::Backspace),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PgUp", KeyCode::PageUp),
    ("PgDn", KeyCode::PageDown),
    ("Delete", KeyCode::Delete),
    ("Insert", KeyCode::Insert),
];

/// "j", "Ctrl-d", "PgDn", "Space", "F1".
pub fn key_label(k: &Key) -> String {
    let base = match k.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::F(n) => format!("F{n}"),
        other => NAMED.iter().find(|(_, c)| *c == other).map_or_else(|| format!("{other:?}"), |(n, _)| n.to_string()),
    };
    let alt = if k.mods.contains(KeyModifiers::ALT) { "Alt-" } else { "" };
    let ctrl = if k.mods.contains(KeyModifiers::CONTROL) { "Ctrl-" } else { "" };
    format!("{ctrl}{alt}{base}")
}

/// A key as the config file writes it ("j", "Ctrl-d", "Alt-x", "PgDn", "F5"); the
/// labels [`key_label`] writes read back as the same key.
pub fn parse_key(s: &str) -> Result<Key, String> {
    let mut mods = KeyModifiers::NONE;
    let mut rest = s;
    loop {
        if let Some(r) = rest.strip_prefix("Ctrl-").or_else(|| rest.strip_prefix("C-")) {
            mods |= KeyModifiers::CONTROL;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("Alt-").or_else(|| rest.strip_prefix("M-")) {
            mods |= KeyModifiers::ALT;
            rest = r;
        } else {
            break;
        }
    }
    let mut chars = rest.chars();
    let code = match (chars.next(), chars.next()) {
        (Some(c), None) => KeyCode::Char(if mods.contains(KeyModifiers::CONTROL) { c.to_ascii_lowercase() } else { c }),
        (Some('F'), Some(_)) if rest[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) => {
            KeyCode::F(rest[1..].parse().unwrap_or(1))
        }
        _ => {
            NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(rest)).map(|&(_, c)| c).ok_or_else(|| {
                format!("{s:?} is not a key (a character, Ctrl-x, Alt-x, F1…F12, or one of {})", names())
            })?
        }
    };
    Ok(Key { code, mods })
}

fn names() -> String {
    NAMED.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_back_as_the_same_key() {
        for k in [
            key('j'),
            key('G'),
            key(' '),
            ctrl('d'),
            code(KeyCode::PageDown),
            code(KeyCode::BackTab),
            code(KeyCode::F(5)),
        ] {
            assert_eq!(parse_key(&key_label(&k)), Ok(k), "{}", key_label(&k));
        }
        assert_eq!(parse_key("C-f"), Ok(ctrl('f')));
        assert_eq!(parse_key("Ctrl-F"), Ok(ctrl('f')), "Ctrl-F is Ctrl-f");
        assert!(parse_key("Hyper-x").unwrap_err().contains("is not a key"));
        assert!(parse_key("").is_err());
    }
}

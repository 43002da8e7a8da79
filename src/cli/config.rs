//! The config file, `$XDG_CONFIG_HOME/folio/config.toml` (else `~/.config/folio/`): the
//! theme, the reader's width, the mouse, right-to-left layout, resuming, the reading speed,
//! and key bindings. Flags on the command line win over it. A mistake is one line naming the file,
//! the line and the key; the rest of the file still applies and folio starts.
//!
//! ```toml
//! theme = "light"
//! width = 100
//! mouse = false
//! bidi = "auto"        # auto | on | off
//! resume = true
//! wpm = 238            # words a minute, for the reading time
//!
//! [keys]
//! down = ["j", "Down", "Ctrl-n"]
//! quit = "Q"
//! ```

use crate::keymap::Keymap;
use std::path::{Path, PathBuf};
use toml_span::value::ValueInner;

/// What the config file sets; `None` where it says nothing.
#[derive(Debug, Default, Clone)]
pub struct Config {
    pub theme: Option<super::Theme>,
    pub width: Option<u16>,
    pub mouse: Option<bool>,
    pub bidi: Option<super::Bidi>,
    pub resume: Option<bool>,
    /// Words a minute, for the reading time.
    pub wpm: Option<u16>,
    pub keys: Keymap,
    /// One line each: "config.toml:7: keys.down: …".
    pub errors: Vec<String>,
}

/// Where the config file is: `$XDG_CONFIG_HOME/folio/config.toml`, else under `~/.config`.
pub fn path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").filter(|v| !v.is_empty()).map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("folio").join("config.toml"))
}

/// The config file read, or the defaults when there is none.
pub fn load() -> Config {
    match path() {
        Some(p) => load_from(&p),
        None => Config::default(),
    }
}

pub fn load_from(path: &Path) -> Config {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, &path.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Config::default(),
        Err(e) => Config { errors: vec![format!("{}: could not be read ({e})", path.display())], ..Config::default() },
    }
}

/// Reads a config file's text; `name` is how errors name the file.
pub fn parse(text: &str, name: &str) -> Config {
    let mut c = Config::default();
    let line = |at: usize| text[..at.min(text.len())].matches('\n').count() + 1;
    let mut root = match toml_span::parse(text) {
        Ok(v) => v,
        Err(e) => {
            let l = e.line_info.map_or_else(|| line(e.span.start), |(l, _)| l + 1);
            c.errors.push(format!("{name}:{l}: {e}"));
            return c;
        }
    };
    let ValueInner::Table(table) = root.take() else { return c };
    let mut errors: Vec<(usize, String)> = Vec::new();
    for (key, mut value) in table {
        let at = line(key.span.start);
        let mut fail = |what: &str, why: String| errors.push((at, format!("{name}:{at}: {what}: {why}")));
        match (key.name.as_ref(), value.take()) {
            ("theme", ValueInner::String(s)) => match s.as_ref() {
                "dark" => c.theme = Some(super::Theme::Dark),
                "light" => c.theme = Some(super::Theme::Light),
                other => fail("theme", format!("{other:?} is not a theme (dark or light)")),
            },
            ("width", ValueInner::Integer(n)) => match u16::try_from(n).ok().filter(|n| (20..=1000).contains(n)) {
                Some(n) => c.width = Some(n),
                None => fail("width", format!("{n} is not a width (20 to 1000 columns)")),
            },
            ("wpm", ValueInner::Integer(n)) => match u16::try_from(n).ok().filter(|n| (50..=2000).contains(n)) {
                Some(n) => c.wpm = Some(n),
                None => fail("wpm", format!("{n} is not a reading speed (50 to 2000 words a minute)")),
            },
            ("mouse", ValueInner::Boolean(b)) => c.mouse = Some(b),
            ("resume", ValueInner::Boolean(b)) => c.resume = Some(b),
            ("bidi", ValueInner::String(s)) => match s.as_ref() {
                "auto" => c.bidi = Some(super::Bidi::Auto),
                "on" => c.bidi = Some(super::Bidi::On),
                "off" => c.bidi = Some(super::Bidi::Off),
                other => fail("bidi", format!("{other:?} is not auto, on or off")),
            },
            ("keys", ValueInner::Table(keys)) => {
                // In the file's order (the table comes sorted by name), so that a later
                // line can take a key an earlier one let go of.
                let mut keys: Vec<_> = keys.into_iter().collect();
                keys.sort_by_key(|(k, _)| k.span.start);
                let mut lines: Vec<(usize, String, Vec<String>)> = Vec::new();
                for (k, mut v) in keys {
                    let at = line(k.span.start);
                    let names: Result<Vec<String>, String> = match v.take() {
                        ValueInner::String(s) => Ok(vec![s.into_owned()]),
                        ValueInner::Array(a) => a
                            .into_iter()
                            .map(|mut x| match x.take() {
                                ValueInner::String(s) => Ok(s.into_owned()),
                                other => Err(format!("a key is a string, not {}", other.type_str())),
                            })
                            .collect(),
                        other => Err(format!("a key or a list of keys, not {}", other.type_str())),
                    };
                    match names {
                        Ok(n) => lines.push((at, k.name.into_owned(), n)),
                        Err(why) => errors.push((at, format!("{name}:{at}: keys.{}: {why}", k.name))),
                    }
                }
                let asked: Vec<(&str, Vec<&str>)> =
                    lines.iter().map(|(_, n, keys)| (n.as_str(), keys.iter().map(String::as_str).collect())).collect();
                for ((at, n, _), done) in lines.iter().zip(c.keys.rebind_all(&asked)) {
                    if let Err(why) = done {
                        errors.push((*at, format!("{name}:{at}: keys.{n}: {why}")));
                    }
                }
            }
            (k @ ("theme" | "width" | "mouse" | "resume" | "bidi" | "wpm" | "keys"), other) => {
                let want = match k {
                    "width" | "wpm" => "a number",
                    "mouse" | "resume" => "true or false",
                    "keys" => "a table ([keys])",
                    _ => "a string",
                };
                fail(k, format!("should be {want}, not {}", other.type_str()));
            }
            (other, _) => fail(other, "not a setting (theme, width, mouse, bidi, resume, wpm, [keys])".to_string()),
        }
    }
    // In the file's order (the table comes sorted by key).
    errors.sort_by_key(|(at, _)| *at);
    c.errors = errors.into_iter().map(|(_, e)| e).collect();
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Action, Mode};
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn settings_and_keys() {
        let c = parse(
            "theme = \"light\"\nwidth = 100\nmouse = false\nbidi = \"off\"\nwpm = 300\n\n[keys]\ndown = [\"j\", \"Ctrl-n\"]\nquit = \"Q\"\n",
            "config.toml",
        );
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        assert_eq!(c.theme, Some(super::super::Theme::Light));
        assert_eq!((c.width, c.mouse, c.bidi), (Some(100), Some(false), Some(super::super::Bidi::Off)));
        assert_eq!(c.wpm, Some(300));
        let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(c.keys.action_for(Mode::Normal, &ctrl_n), Some(Action::Down));
        let big_q = KeyEvent::new(KeyCode::Char('Q'), KeyModifiers::SHIFT);
        assert_eq!(c.keys.action_for(Mode::Normal, &big_q), Some(Action::Quit));
    }

    #[test]
    fn each_mistake_is_one_line_naming_the_file_line_and_key_and_the_rest_applies() {
        let c = parse(
            "theme = \"sepia\"\nwidth = 5\nmouse = \"no\"\ncolour = 1\n[keys]\ndown = \"Hyper-j\"\nsideways = \"x\"\nup = \"q\"\nsearch = \"z\"\n",
            "/home/u/.config/folio/config.toml",
        );
        let f = "/home/u/.config/folio/config.toml";
        let expected = [
            format!("{f}:1: theme: \"sepia\" is not a theme (dark or light)"),
            format!("{f}:2: width: 5 is not a width (20 to 1000 columns)"),
            format!("{f}:3: mouse: should be true or false, not string"),
            format!("{f}:4: colour: not a setting (theme, width, mouse, bidi, resume, wpm, [keys])"),
            format!(
                "{f}:6: keys.down: \"Hyper-j\" is not a key (a character, Ctrl-x, Alt-x, F1…F12, or one of Space, Tab, Shift-Tab, Enter, Esc, Backspace, Up, Down, Left, Right, Home, End, PgUp, PgDn, Delete, Insert)"
            ),
            format!("{f}:7: keys.sideways: no key binding is called \"sideways\" (the help lists them)"),
            format!("{f}:8: keys.up: q is already bound to quit"),
        ];
        assert_eq!(c.errors, expected);
        // What was right still applies.
        let z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::NONE);
        assert_eq!(c.keys.action_for(Mode::Normal, &z), Some(Action::StartSearch));
        assert_eq!((c.theme, c.width, c.mouse), (None, None, None));
    }

    /// A keymap keeps a way out, and its lines apply in the file's order, removals first.
    #[test]
    fn quit_and_help_stay_reachable_and_lines_apply_in_the_files_order() {
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        let c = parse("[keys]\nquit = []\nhelp = []\n", "c.toml");
        assert_eq!(
            c.errors,
            [
                "c.toml:2: keys.quit: quit needs a key, or there is no way out: its default keys stay",
                "c.toml:3: keys.help: help needs a key, or there is no way out: its default keys stay"
            ]
        );
        assert_eq!(c.keys.action_for(Mode::Normal, &q), Some(Action::Quit));
        assert_eq!(c.keys.key_for(Mode::Normal, &Action::ToggleHelp), "?");
        // A key freed by one line is taken by a later one, or an earlier one.
        for text in ["[keys]\nsections = []\nquit = [\"1\"]\n", "[keys]\nquit = [\"1\"]\nsections = []\n"] {
            let c = parse(text, "c.toml");
            assert!(c.errors.is_empty(), "{text}: {:?}", c.errors);
            let one = KeyEvent::new(KeyCode::Char('1'), KeyModifiers::NONE);
            assert_eq!(c.keys.action_for(Mode::Normal, &one), Some(Action::Quit));
        }
        // Two bindings swap their keys.
        let c = parse("[keys]\nsearch = \"q\"\nquit = \"/\"\n", "c.toml");
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        assert_eq!(c.keys.action_for(Mode::Normal, &q), Some(Action::StartSearch));
        // A refused line leaves its binding as it was.
        let c = parse("[keys]\nquit = \"j\"\n", "c.toml");
        assert_eq!(c.errors, ["c.toml:2: keys.quit: j is already bound to down"]);
        assert_eq!(c.keys.action_for(Mode::Normal, &q), Some(Action::Quit));
    }

    #[test]
    fn a_file_that_is_not_toml_is_one_line_with_its_line() {
        let c = parse("theme = \"dark\"\nwidth = = 3\n", "c.toml");
        assert_eq!(c.errors.len(), 1, "{:?}", c.errors);
        assert!(c.errors[0].starts_with("c.toml:2: "), "{:?}", c.errors);
    }
}

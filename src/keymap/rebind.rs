//! Rebinding keys from the config file: in the file's order, removals first, and never
//! leaving folio without a way out.

use super::keys::{Key, key_label, parse_key};
use super::{Bound, Keymap};

/// Bindings that must keep a key: without them folio could not be left, its help not
/// found, or the help and the prompts not closed.
const WAYS_OUT: &[&str] = &["quit", "help", "close-help", "cancel"];

/// Why a rebinding was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RebindError {
    /// No binding has that name.
    Unknown(String),
    /// A key written wrong: why.
    BadKey(String),
    /// The key already does something else in a mode the binding is in.
    Taken { key: String, by: &'static str },
    /// No key left for a way out (quit, the help, leaving a prompt).
    WayOut(String),
}

impl std::fmt::Display for RebindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RebindError::Unknown(name) => write!(f, "no key binding is called {name:?} (the help lists them)"),
            RebindError::BadKey(why) => f.write_str(why),
            RebindError::Taken { key, by } => write!(f, "{key} is already bound to {by}"),
            RebindError::WayOut(name) => {
                write!(f, "{name} needs a key, or there is no way out: its default keys stay")
            }
        }
    }
}

impl Keymap {
    /// Binds `name` (in every mode it is in) to `keys` instead of its defaults. A key
    /// another binding holds in one of those modes is refused, unless that binding is
    /// rebound away from it first.
    pub fn rebind(&mut self, name: &str, keys: &[&str]) -> Result<(), RebindError> {
        self.rebind_all(&[(name, keys.to_vec())]).pop().unwrap_or(Ok(()))
    }

    /// Rebinds several names at once, as a config file's `[keys]` table does, in the
    /// file's order: first every binding lets go of the keys it will not keep, so that
    /// `sections = []` or `quit = ["Q"]` frees a key whatever line takes it; then each is
    /// bound in turn. `quit`, `help` and the ways out of the help and the prompts keep a
    /// key: a line that would leave one with none is refused. One result per line, in
    /// order; a refused line leaves its binding as it was.
    pub fn rebind_all(&mut self, lines: &[(&str, Vec<&str>)]) -> Vec<Result<(), RebindError>> {
        let mut parsed: Vec<Result<Vec<Key>, RebindError>> = lines
            .iter()
            .map(|(name, keys)| {
                if !self.bound.iter().any(|b| b.def.name == *name) {
                    return Err(RebindError::Unknown(name.to_string()));
                }
                if keys.is_empty() && WAYS_OUT.contains(name) {
                    return Err(RebindError::WayOut(name.to_string()));
                }
                keys.iter().map(|k| parse_key(k)).collect::<Result<Vec<_>, _>>().map_err(RebindError::BadKey)
            })
            .collect();
        let before: Vec<Vec<Key>> = self.bound.iter().map(|b| b.keys.clone()).collect();
        for ((name, _), keys) in lines.iter().zip(&parsed) {
            if let Ok(keys) = keys {
                for b in self.bound.iter_mut().filter(|b| b.def.name == *name) {
                    b.keys.retain(|k| keys.contains(k));
                }
            }
        }
        for ((name, _), keys) in lines.iter().zip(parsed.iter_mut()) {
            let Ok(new) = keys else { continue };
            if let Err(e) = self.rebind_keys(name, new.clone()) {
                // As it was, less what another line has taken since.
                let restored: Vec<(usize, Vec<Key>)> = (0..self.bound.len())
                    .filter(|&i| self.bound[i].def.name == *name)
                    .map(|i| {
                        let b = &self.bound[i];
                        (i, before[i].iter().filter(|k| self.holder(b, k).is_none()).copied().collect())
                    })
                    .collect();
                for (i, keys) in restored {
                    self.bound[i].keys = keys;
                }
                *keys = Err(e);
            }
        }
        parsed.into_iter().map(|r| r.map(|_| ())).collect()
    }

    /// Another binding that holds `key` in a mode `b` is in.
    fn holder(&self, b: &Bound, key: &Key) -> Option<&'static str> {
        self.bound
            .iter()
            .filter(|o| o.def.name != b.def.name)
            .find(|o| b.def.modes.iter().any(|m| o.def.modes.contains(m)) && o.keys.contains(key))
            .map(|o| o.def.name)
    }

    /// Binds `name` to `keys` unless another binding holds one of them.
    fn rebind_keys(&mut self, name: &str, keys: Vec<Key>) -> Result<(), RebindError> {
        for b in self.bound.iter().filter(|b| b.def.name == name) {
            if let Some((k, by)) = keys.iter().find_map(|k| self.holder(b, k).map(|by| (k, by))) {
                return Err(RebindError::Taken { key: key_label(k), by });
            }
        }
        for b in self.bound.iter_mut().filter(|b| b.def.name == name) {
            b.keys = keys.clone();
        }
        Ok(())
    }
}

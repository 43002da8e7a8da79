//! Every name the text gives, in reading order, as who it names: what the speaker ranker
//! weighs as candidates.

use super::{Registry, Texts};
use crate::article::extract::names::{NameKind, PlacedHit};
use crate::article::model::Location;
use rustc_hash::FxHashMap as HashMap;

/// One mention of a person or an organisation, as [`Registry::mentions`] lists them.
#[derive(Debug, Clone, Copy)]
pub struct Mention<'r> {
    pub at: Location,
    pub name: &'r str,
    pub person: bool,
    /// The registry holds it (a person or an organisation the article is about), rather
    /// than a name given once or twice without a cue.
    pub held: bool,
    pub gender: Option<crate::article::extract::names::Gender>,
    /// How many times the article names this entity.
    pub count: usize,
}

impl Registry {
    /// Every name the text gives outside captions, in reading order, as who it names:
    /// a person by their fullest name, an organisation by its canonical one, and names
    /// the registry does not hold as written (a speaker may be named once, in passing).
    pub fn mentions<'s>(&'s self, hits: &[PlacedHit], texts: &Texts<'s>) -> Vec<Mention<'s>> {
        let mut unheld: HashMap<&str, usize> = HashMap::default();
        let placed: Vec<(&PlacedHit, Option<Mention>)> =
            hits.iter().filter(|h| !texts.in_caption(h)).map(|h| (h, self.held(h, texts))).collect();
        // "Residents, through a consultation" in a list, "… and residents have noticed"
        // in a paragraph: a lone word the article also writes in lower case is a common
        // noun that opened a line, not someone who speaks.
        let lone = |h: &PlacedHit| !texts.name(h).contains(' ');
        let asked: rustc_hash::FxHashSet<String> =
            placed.iter().filter(|(h, m)| m.is_none() && lone(h)).map(|(h, _)| texts.name(h).to_lowercase()).collect();
        let common = if asked.is_empty() { Default::default() } else { texts.written_lower(&asked) };
        let mut out: Vec<Mention> = Vec::with_capacity(placed.len());
        for (h, m) in placed {
            let name = texts.name(h);
            if m.is_none() && lone(h) && common.contains(name.to_lowercase().as_str()) {
                continue;
            }
            let m = m.unwrap_or_else(|| {
                *unheld.entry(name).or_default() += 1;
                let person = h.kind != NameKind::Organisation;
                Mention { at: h.location(), name, person, held: false, gender: h.gender, count: 0 }
            });
            out.push(m);
        }
        for m in out.iter_mut().filter(|m| !m.held) {
            m.count = unheld.get(m.name).copied().unwrap_or(1);
        }
        out
    }

    /// The person or organisation the registry holds for a name's mention, if any.
    fn held<'s>(&'s self, h: &PlacedHit, texts: &Texts<'s>) -> Option<Mention<'s>> {
        let name = texts.name(h);
        let mention = |name: &'s str, person, gender, count| Mention {
            at: h.location(),
            name,
            person,
            held: true,
            gender,
            count,
        };
        let person = |i: usize| {
            let p = &self.people[i];
            mention(&p.name, true, p.gender, p.occurrences.len())
        };
        let org = |i: usize| {
            let o = &self.orgs[i];
            mention(&o.name, false, None, o.occurrences.len())
        };
        match h.kind {
            NameKind::Organisation => self.org_by_name.get(name).map(|&i| org(i)),
            _ => self
                .person_by_name
                .get(name)
                .map(|&i| person(i))
                .or_else(|| {
                    (!name.contains(' '))
                        .then(|| self.resolve_surname(name, h.titled))
                        .flatten()
                        .and_then(|n| self.person_by_name.get(n))
                        .map(|&i| person(i))
                })
                .or_else(|| self.org_by_name.get(name).map(|&i| org(i))),
        }
    }
}

impl<'a> Texts<'a> {
    /// Which of `names` (each in lower case) the article also writes in lower case, as a
    /// word of its own. One pass over the text that hashes only words of a length some
    /// name has, on several threads for a book (a set of every word of a book was most of
    /// the time to find its speakers).
    fn written_lower(&self, names: &rustc_hash::FxHashSet<String>) -> rustc_hash::FxHashSet<&'a str> {
        let lengths = names.iter().fold(0u64, |acc, n| acc | 1u64 << n.len().min(63));
        let scan = |texts: &[&'a str]| -> rustc_hash::FxHashSet<&'a str> {
            texts
                .iter()
                .flat_map(|t| t.split(|c: char| !c.is_alphanumeric() && c != '-'))
                .filter(|w| lengths & 1u64 << w.len().min(63) != 0 && w.starts_with(char::is_lowercase))
                .filter(|w| names.contains(*w))
                .collect()
        };
        let threads = crate::article::extract::threads_for(self.texts.iter().map(|t| t.len()).sum());
        if threads < 2 {
            return scan(&self.texts);
        }
        std::thread::scope(|s| {
            let scan = &scan;
            let handles: Vec<_> = self
                .texts
                .chunks(self.texts.len().div_ceil(threads).max(1))
                .map(|c| s.spawn(move || scan(c)))
                .collect();
            handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
        })
    }
}

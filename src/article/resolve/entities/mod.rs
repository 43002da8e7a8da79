//! People and organisations across the whole article: names found paragraph by paragraph
//! are merged (acronyms with their expansions, surnames with full names) and counted.

use crate::article::extract::names::{NameKind, PlacedHit};
use crate::article::model::{Entity, Location};
use rustc_hash::FxHashMap as HashMap;

mod mentions;
mod names;

pub use mentions::Mention;
pub use names::near;
use names::{initials, is_acronym_name, last_word};

/// The text of every paragraph, in reading order, indexed by (section, paragraph).
pub struct Texts<'a> {
    pub texts: Vec<&'a str>,
    pub section_start: Vec<usize>,
    /// Paragraphs a pronoun does not look back into: photo captions and their credits.
    pub captions: Vec<bool>,
    /// Each section's heading and level.
    pub headings: Vec<(Option<&'a str>, u8)>,
}

impl<'a> Texts<'a> {
    fn paragraph(&self, h: &PlacedHit) -> &'a str {
        self.section_start
            .get(h.section as usize)
            .and_then(|&s| self.texts.get(s + h.paragraph as usize))
            .copied()
            .unwrap_or("")
    }

    fn in_caption(&self, h: &PlacedHit) -> bool {
        self.section_start
            .get(h.section as usize)
            .and_then(|&s| self.captions.get(s + h.paragraph as usize))
            .copied()
            .unwrap_or(false)
    }

    /// The text of the paragraph at `at`.
    pub fn text_at(&self, at: &Location) -> &'a str {
        self.section_start.get(at.section).and_then(|&s| self.texts.get(s + at.paragraph)).copied().unwrap_or("")
    }

    /// The name's text (titles and glued verbs already cut off).
    pub fn name(&self, h: &PlacedHit) -> &'a str {
        self.paragraph(h).get(h.start as usize..h.end as usize).unwrap_or("")
    }

    pub fn acronym(&self, h: &PlacedHit) -> Option<&'a str> {
        let (a, b) = h.acronym;
        (b > a).then(|| self.paragraph(h).get(a as usize..b as usize)).flatten()
    }
}

#[derive(Debug, Default, Clone)]
struct Record {
    name: String,
    /// From an honorific ("Mr", "Ms") anywhere in the text.
    gender: Option<crate::article::extract::names::Gender>,
    /// Folded into another record (an acronym into its expansion).
    merged: bool,
    aliases: Vec<String>,
    occurrences: Vec<Location>,
}

#[derive(Debug, Default)]
pub struct Registry {
    people: Vec<Record>,
    orgs: Vec<Record>,
    person_by_name: HashMap<String, usize>,
    org_by_name: HashMap<String, usize>,
    /// People by the last word of their name (those with more than one word).
    by_surname: HashMap<String, Vec<usize>>,
    /// Capitalised names with no cue yet, by their last word: "Daniel Okonjo" becomes a
    /// person when the text goes on to quote "Okonjo".
    unknown_by_surname: HashMap<String, Vec<String>>,
    /// Every person mention, in reading order: (location, person index).
    person_timeline: Vec<(Location, usize)>,
    org_timeline: Vec<(Location, usize)>,
}

impl Registry {
    pub fn build(hits: &[PlacedHit], texts: &Texts) -> Registry {
        let mut reg = Registry::default();
        // Organisations: acronyms defined in the text first, then every name.
        let mut defined: HashMap<&str, &str> = HashMap::default();
        for h in hits {
            if let (NameKind::Organisation, Some(acr)) = (h.kind, texts.acronym(h)) {
                defined.entry(acr).or_insert(texts.name(h));
            }
        }
        for h in hits.iter().filter(|h| h.kind == NameKind::Organisation) {
            // An acronym defined later in the text still folds into its expansion.
            let name = texts.name(h);
            let canonical = defined.get(name).copied().unwrap_or(name);
            let idx = reg.org_index(canonical);
            if let Some(acr) = texts.acronym(h) {
                reg.add_org_alias(idx, acr);
            }
        }
        // "UN" with "United Nations" in the text: the acronym of a name it holds.
        let multi: Vec<(usize, String)> = reg
            .orgs
            .iter()
            .enumerate()
            .filter(|(_, o)| o.name.contains(' '))
            .map(|(i, o)| (i, initials(&o.name)))
            .collect();
        for i in 0..reg.orgs.len() {
            let name = reg.orgs[i].name.clone();
            if !is_acronym_name(&name) {
                continue;
            }
            if let Some((target, _)) = multi.iter().find(|(t, ini)| *t != i && *ini == name) {
                reg.add_org_alias(*target, &name);
                reg.org_by_name.insert(name, *target);
                reg.orgs[i].merged = true;
            }
        }
        // "the Bank" after "the Bank of England", "the Commission" after "the European
        // Commission": a one-word name that begins or ends exactly one longer one.
        for i in 0..reg.orgs.len() {
            let name = reg.orgs[i].name.clone();
            if name.contains(' ') || is_acronym_name(&name) || reg.orgs[i].merged {
                continue;
            }
            let mut longer = reg.orgs.iter().enumerate().filter(|(j, o)| {
                *j != i && !o.merged && (o.name.split(' ').next() == Some(&name) || last_word(&o.name) == name)
            });
            if let (Some((target, _)), None) = (longer.next(), longer.next()) {
                reg.add_org_alias(target, &name);
                reg.orgs[i].merged = true;
            }
        }
        // People: names of two words or more that the text marks as a person's.
        for h in hits.iter().filter(|h| h.kind == NameKind::Person && texts.name(h).contains(' ')) {
            reg.person_index(texts.name(h));
        }
        reg.fold_shorter_forms();
        for h in hits.iter().filter(|h| h.kind == NameKind::Unknown) {
            let name = texts.name(h);
            // "Chidi Okonkwo" with no cue, where "Chidi A. Okonkwo" is a person.
            if !reg.person_by_name.contains_key(name)
                && let Some(fuller) = reg.fuller_form(name)
            {
                reg.person_by_name.insert(name.to_string(), fuller);
                continue;
            }
            let names = reg.unknown_by_surname.entry(last_word(name).to_string()).or_default();
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
        // A surname marked as a person's ("Mr Okonkwo", "Osei, 19,"): the full name it
        // goes with, if the text gives one.
        for h in hits.iter().filter(|h| h.kind == NameKind::Person && !texts.name(h).contains(' ')) {
            let name = texts.name(h);
            if reg.resolve_surname(name, h.titled).is_none() && reg.promote(name).is_none() {
                reg.person_index(name);
            }
        }
        reg.count(hits, texts);
        reg
    }

    /// The one person whose name holds `name`'s words in order, with more besides, from
    /// the same first word to the same last: "Chidi A. Okonkwo" for "Chidi Okonkwo".
    fn fuller_form(&self, name: &str) -> Option<usize> {
        let words: Vec<&str> = name.split(' ').collect();
        let first = *words.first().filter(|_| words.len() >= 2)?;
        let holds = |other: &str| {
            let theirs: Vec<&str> = other.split(' ').collect();
            let mut rest = theirs.iter();
            theirs.len() > words.len() && theirs.first() == Some(&first) && words.iter().all(|w| rest.any(|x| x == w))
        };
        let mut found = self
            .by_surname
            .get(last_word(name))?
            .iter()
            .filter(|&&j| !self.people[j].merged && holds(&self.people[j].name));
        match (found.next(), found.next()) {
            (Some(&j), None) => Some(j),
            _ => None,
        }
    }

    /// A person named in a shorter and a fuller form ("Chidi Okonkwo", "Chidi A.
    /// Okonkwo") is one person, listed under the fullest.
    fn fold_shorter_forms(&mut self) {
        for i in 0..self.people.len() {
            let Some(j) = self.fuller_form(&self.people[i].name) else { continue };
            let name = self.people[i].name.clone();
            self.people[i].merged = true;
            if let Some(list) = self.by_surname.get_mut(last_word(&name)) {
                list.retain(|&k| k != i);
            }
            self.people[j].aliases.push(name.clone());
            self.person_by_name.insert(name, j);
        }
    }

    /// Makes the one uncued name ending in `surname` a person; its full name.
    pub fn promote(&mut self, surname: &str) -> Option<String> {
        let full = match self.unknown_by_surname.get(surname).map(Vec::as_slice) {
            Some([one]) => one.clone(),
            _ => return None,
        };
        self.add_person(&full).then_some(full)
    }

    fn org_index(&mut self, name: &str) -> usize {
        if let Some(&i) = self.org_by_name.get(name) {
            return i;
        }
        self.orgs.push(Record { name: name.to_string(), ..Record::default() });
        self.org_by_name.insert(name.to_string(), self.orgs.len() - 1);
        self.orgs.len() - 1
    }

    fn add_org_alias(&mut self, idx: usize, alias: &str) {
        if self.orgs[idx].name != alias && !self.orgs[idx].aliases.iter().any(|a| a == alias) {
            self.orgs[idx].aliases.push(alias.to_string());
        }
        self.org_by_name.insert(alias.to_string(), idx);
    }

    fn person_index(&mut self, name: &str) -> usize {
        if let Some(&i) = self.person_by_name.get(name) {
            return i;
        }
        let idx = self.people.len();
        self.people.push(Record { name: name.to_string(), ..Record::default() });
        self.person_by_name.insert(name.to_string(), idx);
        if name.contains(' ') {
            self.by_surname.entry(last_word(name).to_string()).or_default().push(idx);
        }
        idx
    }

    /// Adds a person the text names as a speaker; the caller recounts.
    pub fn add_person(&mut self, name: &str) -> bool {
        if self.person_by_name.contains_key(name) || self.org_by_name.contains_key(name) {
            return false;
        }
        self.person_index(name);
        true
    }

    /// The full name of the person a surname refers to: an exact surname first, then one
    /// a letter away when `loose` (after "Mr", "Ms").
    pub fn resolve_surname(&self, surname: &str, loose: bool) -> Option<&str> {
        match self.by_surname.get(surname).map(Vec::as_slice) {
            Some([one]) => return Some(&self.people[*one].name),
            Some([_, _, ..]) => return None, // two people share it: do not guess
            _ => {}
        }
        if let Some(p) = self.people.iter().find(|p| !p.merged && p.name == surname) {
            return Some(&p.name);
        }
        if loose {
            // Family name first ("Lim Wei Ling", then "Ms Lim").
            let first: Vec<&Record> = self
                .people
                .iter()
                .filter(|p| {
                    !p.merged && p.name.split(' ').nth(2).is_some() && p.name.split(' ').next() == Some(surname)
                })
                .collect();
            if let [one] = first.as_slice() {
                return Some(&one.name);
            }
            let near: Vec<&Record> = self
                .people
                .iter()
                .filter(|p| !p.merged && p.name.contains(' ') && near(last_word(&p.name), surname))
                .collect();
            if let [one] = near.as_slice() {
                return Some(&one.name);
            }
        }
        None
    }

    /// The canonical name of an organisation called `name` or by that acronym.
    pub fn org_name(&self, name: &str) -> Option<&str> {
        self.org_by_name.get(name).map(|&i| self.orgs[i].name.as_str())
    }

    /// Counts every mention: full names, surnames, acronyms.
    pub fn count(&mut self, hits: &[PlacedHit], texts: &Texts) {
        for r in self.people.iter_mut().chain(self.orgs.iter_mut()) {
            r.occurrences.clear();
        }
        self.person_timeline.clear();
        self.org_timeline.clear();
        // One-word names repeat a lot ("Guterres", "England"): resolve each once.
        let mut surnames: HashMap<(&str, bool), Option<usize>> = HashMap::default();
        for h in hits {
            let at = h.location();
            let name = texts.name(h);
            match h.kind {
                NameKind::Organisation => {
                    if let Some(&i) = self.org_by_name.get(name) {
                        self.orgs[i].occurrences.push(at);
                        self.org_timeline.push((at, i));
                    }
                }
                NameKind::Person | NameKind::Unknown | NameKind::Single => {
                    let idx = if let Some(&i) = self.person_by_name.get(name) {
                        Some(i)
                    } else if !name.contains(' ') {
                        let loose = h.titled;
                        *surnames.entry((name, loose)).or_insert_with(|| {
                            self.resolve_surname(name, loose).and_then(|n| self.person_by_name.get(n).copied())
                        })
                    } else {
                        None
                    };
                    if let Some(i) = idx {
                        self.people[i].occurrences.push(at);
                        // "J. Scott Applewhite / AP" under a photo is not who "he" is.
                        if !texts.in_caption(h) {
                            self.person_timeline.push((at, i));
                        }
                        if self.people[i].gender.is_none() {
                            self.people[i].gender = h.gender;
                        }
                    }
                }
            }
        }
    }

    /// The person mentioned last before `at` (for "he"/"she"), skipping anyone an
    /// honorific says is of the other gender ("he" is not the "Ms Marsden" just named).
    pub fn person_before(&self, at: &Location, gender: Option<crate::article::extract::names::Gender>) -> Option<&str> {
        let n = self.person_timeline.partition_point(|(l, _)| l < at);
        self.person_timeline[..n]
            .iter()
            .rev()
            .map(|&(_, i)| &self.people[i])
            .find(|p| gender.is_none() || p.gender.is_none() || p.gender == gender)
            .map(|p| p.name.as_str())
    }

    /// The person last named before `at` with the role `role` beside the name ("Senator
    /// Mark Whitfield", "Mr Justice Fenwick", "Ruth Amadi, the mayor,"): who "the senator",
    /// "the judge" or "the mayor" is. Only the last twenty mentions are looked at.
    pub fn person_with_role(&self, at: &Location, role: &str, texts: &Texts) -> Option<&str> {
        let role = role.to_lowercase();
        // A judge is styled "Mr Justice …", "Judge …".
        let roles: &[&str] = if role == "judge" { &["judge", "justice"] } else { &[role.as_str()] };
        let n = self.person_timeline.partition_point(|(l, _)| l < at);
        self.person_timeline[..n].iter().rev().take(20).find_map(|(l, i)| {
            let text = texts.text_at(l);
            let before = text.get(l.start.saturating_sub(40)..l.start).or_else(|| text.get(..l.start)).unwrap_or("");
            let after = text.get(l.end..(l.end + 60).min(text.len())).unwrap_or("");
            let near = |s: &str| {
                s.split(|c: char| !c.is_alphanumeric() && c != '-')
                    .any(|w| roles.iter().any(|r| w.eq_ignore_ascii_case(r)))
            };
            // The role after the name only in its appositive: "Ruth Amadi, the mayor, said".
            let appositive = after.strip_prefix(',').map_or("", |a| a.split([',', '.', ';']).next().unwrap_or(""));
            // The role just before the name: its last three words ("Mr Justice", "Senator").
            let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
            let title = words.iter().take_while(|w| !w.ends_with([',', '.', ';'])).any(|w| near(w));
            (title || near(appositive)).then(|| self.people[*i].name.as_str())
        })
    }

    /// The people mentioned from `from` up to `to`, each once, in order, with where
    /// each is first mentioned.
    pub fn people_between(&self, from: &Location, to: &Location) -> Vec<(Location, &str)> {
        let a = self.person_timeline.partition_point(|(l, _)| l < from);
        let b = self.person_timeline.partition_point(|(l, _)| l < to);
        let mut out: Vec<(Location, &str)> = Vec::new();
        for &(at, i) in self.person_timeline.get(a..b).unwrap_or(&[]) {
            let name = self.people[i].name.as_str();
            if !out.iter().any(|(_, n)| *n == name) {
                out.push((at, name));
            }
        }
        out
    }

    /// The organisation mentioned last before `at` (for "they").
    pub fn org_before(&self, at: &Location) -> Option<&str> {
        let n = self.org_timeline.partition_point(|(l, _)| l < at);
        n.checked_sub(1).map(|k| self.orgs[self.org_timeline[k].1].name.as_str())
    }

    /// The organisations named before `at`, the nearest first, with where.
    pub fn orgs_before(&self, at: &Location) -> impl Iterator<Item = (&Location, &str)> {
        let n = self.org_timeline.partition_point(|(l, _)| l < at);
        self.org_timeline[..n].iter().rev().map(|(l, i)| (l, self.orgs[*i].name.as_str()))
    }

    /// The organisation a description stands for ("the ministry said"): the last one
    /// before `at` whose name has the description's noun, else, for a noun any body may
    /// be called ("the company"), the last one before `at`.
    pub fn org_fitting(&self, at: &Location, head: &str, generic: bool) -> Option<&str> {
        let n = self.org_timeline.partition_point(|(l, _)| l < at);
        let before = &self.org_timeline[..n];
        let named = before
            .iter()
            .rev()
            .map(|&(_, i)| &self.orgs[i])
            .find(|o| o.name.split_whitespace().any(|w| w.eq_ignore_ascii_case(head)));
        named.or_else(|| before.last().filter(|_| generic).map(|&(_, i)| &self.orgs[i])).map(|o| o.name.as_str())
    }

    /// People and organisations for the article, most mentioned first.
    pub fn into_entities(self) -> (Vec<Entity>, Vec<Entity>) {
        let convert = |records: Vec<Record>, with_acronym: bool| {
            let mut v: Vec<Entity> = records
                .into_iter()
                .filter(|r| !r.merged)
                .map(|r| {
                    // "United Nations Office on Drugs and Crime (UNODC)": the reader sees
                    // the acronym the text goes on to use.
                    let acr = r.aliases.iter().find(|a| is_acronym_name(a)).cloned();
                    let name = match acr {
                        Some(a) if with_acronym && r.name.contains(' ') => format!("{} ({a})", r.name),
                        _ => r.name,
                    };
                    Entity {
                        name,
                        mentions: r.occurrences.len().max(1),
                        aliases: r.aliases,
                        occurrences: r.occurrences,
                    }
                })
                .collect();
            v.sort_by(|a, b| {
                b.mentions.cmp(&a.mentions).then_with(|| a.occurrences.first().cmp(&b.occurrences.first()))
            });
            v
        };
        (convert(self.people, false), convert(self.orgs, true))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_short_form_folds_into_the_one_name_it_begins_or_ends() {
        let a = crate::article::parse(
            "Rates\nThe Bank of England cut rates. The Bank said more cuts may follow, and the European \
             Commission agreed. The Commission said so on Monday.\n",
            None,
        )
        .unwrap();
        let orgs: Vec<(&str, usize)> = a.organisations.iter().map(|o| (o.name.as_str(), o.mentions)).collect();
        assert_eq!(orgs, [("Bank of England", 2), ("European Commission", 2)]);
    }
}

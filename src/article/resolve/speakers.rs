//! From what each paragraph says of its quotes' speakers to names: pronouns and surnames
//! resolved against the people mentioned before, split and run-on quotes given the
//! speaker of the part before, an introduction ("X said:") carried to the next paragraph.

use crate::article::extract::ParagraphRef;
use crate::article::extract::names::{Gender, NameKind, PlacedHit};
use crate::article::extract::quotes::{ParagraphQuotes, Said};
use crate::article::model::ParagraphKind;
use crate::article::model::{Location, Quote};
use crate::article::resolve::descriptions::{Described, described};
use crate::article::resolve::entities::{Registry, Texts};
use crate::article::text::lexicon::is_function_word;
use rustc_hash::FxHashMap as HashMap;

fn looks_like_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase))
}

/// A paragraph a quotation's speaker carries over: a photo's caption, a code sample in
/// an excerpt, or a stray short line between two paragraphs of the same person's words.
fn aside(p: &ParagraphRef) -> bool {
    use crate::article::text::shape::{at_most_words, ends_with_stop};
    matches!(p.kind, ParagraphKind::Figure | ParagraphKind::Code)
        || matches!(p.kind, ParagraphKind::ListItem | ParagraphKind::Body)
            && at_most_words(p.text, 30)
            && !ends_with_stop(p.text)
            && !p.text.contains(['“', '"', '«', '„'])
}

pub fn resolve(
    paras: &[ParagraphQuotes],
    registry: &mut Registry,
    hits: &[PlacedHit],
    texts: &Texts,
    all: &[ParagraphRef],
) -> Vec<Quote> {
    // Reading order of a paragraph, and whether only asides stand between two.
    let order = |s: usize, p: usize| texts.section_start.get(s).map(|&start| start + p);
    let only_asides = |from: usize, to: usize| all.get(from + 1..to).is_some_and(|between| between.iter().all(aside));
    // Speakers named in full become people even without other cues ("said Guy Ryder").
    let mut added = false;
    for q in paras.iter().flat_map(|p| &p.quotes) {
        if let Said::Name(n) = &q.0.said
            && looks_like_person(n)
            && registry.org_name(n).is_none()
        {
            added |= registry.add_person(n);
        }
    }
    // "Okonjo said" with "Daniel Okonjo" named before without a cue.
    for q in paras.iter().flat_map(|p| &p.quotes) {
        if let Said::Surname(s) = &q.0.said
            && registry.resolve_surname(s, true).is_none()
        {
            added |= registry.promote(s).is_some();
        }
    }
    if added {
        registry.count(hits, texts);
    }
    let resolver = Resolver::new(registry, hits, texts);
    let mut out: Vec<Quote> = Vec::new();
    // The previous paragraph's last quote: (index in `out`, whether it ran on unclosed).
    let mut prev_para_last: Option<(usize, bool)> = None;
    let mut prev_intro: Option<Option<String>> = None;
    let mut prev_key: Option<(usize, usize)> = None;
    for para in paras {
        let adjacent = prev_key.is_some_and(|(s, p)| {
            (s == para.section && p + 1 == para.paragraph)
                || (s + 1 == para.section && para.paragraph == 0)
                || order(s, p).zip(order(para.section, para.paragraph)).is_some_and(|(a, b)| a < b && only_asides(a, b))
        });
        if !adjacent {
            prev_para_last = None;
            prev_intro = None;
        }
        let mut last_here: Option<usize> = None;
        for (raw, text) in &para.quotes {
            let at = Location { section: para.section, paragraph: para.paragraph, start: raw.start, end: raw.end };
            // A pronoun before the quotation points to someone named before the pronoun.
            let said_at = raw.said_from.map_or(at, |from| Location { start: from.min(at.start), end: from, ..at });
            let named = resolver.name_of(&raw.said, &said_at);
            let inherited = || -> Option<String> {
                if let Some(i) = last_here {
                    return out[i].speaker.clone();
                }
                prev_para_last.and_then(|(i, _)| out[i].speaker.clone())
            };
            let speaker = match &raw.said {
                Said::Previous => inherited(),
                // No attribution: a quotation that opens its sentence goes on with the speaker
                // of the quotation before it (“A,” she said. “B.”), in this paragraph or, when
                // it opens the paragraph, the one before; one that follows "X said:" is X's.
                // Not when another person is named since that quotation ("“…,” said Okafor.
                // Amadi disagreed. / “We have a plan.”"). A quotation with nothing before it
                // is the words of the one person the sentences just before are about
                // ("Okafor, a hydrologist, has measured the river for a decade. “Nobody…”").
                Said::Nobody => {
                    let first_here = last_here.is_none();
                    let since = last_here
                        .or(prev_para_last.map(|(i, _)| i))
                        .map(|i| Location { start: out[i].at.end, ..out[i].at });
                    let continues = |speaker: Option<String>| -> Option<String> {
                        let Some(from) = since else { return speaker };
                        let others = registry.people_between(&from, &at);
                        let other =
                            others.iter().any(|(w, p)| Some(*p) != speaker.as_deref() && opens_sentence(texts, w));
                        if other { None } else { speaker }
                    };
                    if raw.opens_paragraph && first_here {
                        match (&prev_intro, prev_para_last) {
                            (Some(Some(intro)), _) => Some(intro.clone()),
                            (_, Some(_)) => continues(inherited()),
                            _ => introduced(registry, texts, &at, raw.opens_paragraph),
                        }
                    } else if raw.opens_sentence && !first_here {
                        continues(inherited())
                    } else if raw.opens_sentence {
                        introduced(registry, texts, &at, raw.opens_paragraph)
                    } else {
                        None
                    }
                }
                _ => named,
            };
            // An interview's answers, written as dialogue lines under the person's name.
            let speaker = speaker.or_else(|| {
                (raw.dialogue && raw.said == Said::Nobody)
                    .then(|| heading_person(registry, texts, para.section))
                    .flatten()
            });
            // A run-on quote whose first part had no speaker takes this part's.
            if let (Some(s), true, None, Some((i, true))) = (&speaker, raw.opens_paragraph, last_here, prev_para_last)
                && out[i].speaker.is_none()
            {
                out[i].speaker = Some(s.clone());
            }
            out.push(Quote { text: text.clone(), speaker, at });
            last_here = Some(out.len() - 1);
        }
        prev_intro = Some(para.intro.as_ref().and_then(|s| {
            let at =
                Location { section: para.section, paragraph: para.paragraph, start: para.text_len, end: para.text_len };
            resolver.name_of(s, &at)
        }));
        if let Some(i) = last_here {
            let unclosed = para.quotes.last().is_some_and(|(q, _)| q.unclosed);
            prev_para_last = Some((i, unclosed));
        } else {
            prev_para_last = None;
        }
        prev_key = Some((para.section, para.paragraph));
    }
    out
}

/// The one person named in the paragraph before a quotation that opens its sentence
/// with no attribution, or, when it opens its paragraph, in the paragraph before.
fn introduced(registry: &Registry, texts: &Texts, at: &Location, opens_paragraph: bool) -> Option<String> {
    let start_of = |p: usize| Location { paragraph: p, start: 0, end: 0, ..*at };
    let here = registry.people_between(&start_of(at.paragraph), at);
    let named = if here.is_empty() && opens_paragraph && at.paragraph > 0 {
        registry.people_between(&start_of(at.paragraph - 1), &start_of(at.paragraph))
    } else {
        here
    };
    let [(where_, one)] = named.as_slice() else { return None };
    opens_sentence(texts, where_).then(|| one.to_string())
}

/// The person a heading above section `section` names ("Андрей Рудьков" over the
/// questions put to him), looking up through sub-sections but not past another part.
fn heading_person(registry: &Registry, texts: &Texts, section: usize) -> Option<String> {
    for s in (0..=section).rev() {
        let (heading, level) = texts.headings.get(s).copied()?;
        let Some(h) = heading else { continue };
        let words: Vec<&str> = h.split_whitespace().collect();
        let person = (2..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\''))
            })
            && registry.org_name(h).is_none();
        if person {
            return Some(h.to_string());
        }
        if level <= 2 && s != section {
            return None;
        }
    }
    None
}

/// Whether the name at `at` is its sentence's subject: the sentence opens on it (after a
/// title or a "But for"), not a name in passing ("met Mr Trump on Monday").
fn opens_sentence(texts: &Texts, at: &Location) -> bool {
    let text = texts.text_at(at);
    // "Swift's rep told Fox News": the sentence is about someone else.
    if text.get(at.end..).is_some_and(|after| after.starts_with("'s") || after.starts_with("’s")) {
        return false;
    }
    let before = text.get(..at.start).unwrap_or("");
    let sentence = before
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '.' | '!' | '?' | '”' | '"'))
        .map_or(before, |(i, c)| &before[i + c.len_utf8()..]);
    sentence
        .split_whitespace()
        .all(|w| w.starts_with(char::is_uppercase) || matches!(w, "for" | "of" | "the" | "de" | "von" | "van" | "and"))
}

/// What speakers are resolved against: the people and organisations, and the names
/// each paragraph holds (for what "the company" can mean where it is said).
struct Resolver<'r, 'a> {
    registry: &'r Registry,
    hits: &'r [PlacedHit],
    texts: &'r Texts<'a>,
    /// How often each one-word name occurs: a word that recurs is an entity's name.
    singles: HashMap<&'a str, usize>,
}

impl<'r, 'a> Resolver<'r, 'a> {
    fn new(registry: &'r Registry, hits: &'r [PlacedHit], texts: &'r Texts<'a>) -> Self {
        let mut singles: HashMap<&'a str, usize> = HashMap::default();
        for h in hits.iter().filter(|h| h.kind == NameKind::Single) {
            *singles.entry(texts.name(h)).or_default() += 1;
        }
        Resolver { registry, hits, texts, singles }
    }

    /// The speaker's name for what the text says, where it says it.
    fn name_of(&self, said: &Said, at: &Location) -> Option<String> {
        let registry = self.registry;
        match said {
            Said::Name(n) => Some(registry.org_name(n).unwrap_or(n).to_string()),
            Said::Surname(s) => Some(registry.resolve_surname(s, true).unwrap_or(s).to_string()),
            Said::Pronoun(p) => match p.as_str() {
                "he" => self
                    .heading_subject_here(at)
                    .or_else(|| registry.person_before(at, Some(Gender::Male)).map(str::to_string)),
                "she" => self
                    .heading_subject_here(at)
                    .or_else(|| registry.person_before(at, Some(Gender::Female)).map(str::to_string)),
                "they" | "we" | "it" => self.org_subject_before(at).or(registry.org_before(at)).map(str::to_string),
                _ => None,
            },
            // "the senator said", "the company said": who was named before; nobody rather
            // than a guess.
            Said::Phrase(p) => match described(p) {
                Described::Person(gender) => {
                    let role = p.split_whitespace().last().unwrap_or("");
                    registry
                        .person_with_role(at, role, self.texts)
                        .or_else(|| registry.person_before(at, gender))
                        .map(str::to_string)
                }
                // "The French foreign ministry" says who it is even when it is not named.
                Described::Organisation { head, generic: false } => registry
                    .org_fitting(at, head, false)
                    .map(str::to_string)
                    .or_else(|| (p.split_whitespace().count() > 2).then(|| p.clone())),
                Described::Organisation { generic: true, .. } => match self.bodies_near(at).as_slice() {
                    [one] => Some(one.clone()),
                    [] => registry.org_before(at).map(str::to_string),
                    // Two bodies in view ("Kanemura" buys "Alpenklang"): the text's own words.
                    _ => Some(p.clone()),
                },
                Described::Other => Some(p.clone()),
            },
            Said::Previous | Said::Nobody => None,
        }
    }

    /// The person a section's heading opens on ("Fiona Parry issued a plea …"), for a
    /// pronoun in the section's first paragraph with no one named before it there.
    fn heading_subject_here(&self, at: &Location) -> Option<String> {
        if at.paragraph != 0 {
            return None;
        }
        let start = Location { start: 0, end: 0, ..*at };
        if !self.registry.people_between(&start, at).is_empty() {
            return None;
        }
        let (heading, _) = self.texts.headings.get(at.section).copied()?;
        let words: Vec<&str> = heading?.split_whitespace().collect();
        let name_len = words
            .iter()
            .take_while(|w| w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-'))
            .count();
        let verb_follows = words.get(name_len).is_some_and(|w| w.starts_with(char::is_lowercase));
        if !(2..=3).contains(&name_len) || !verb_follows || is_function_word(words[0]) {
            return None;
        }
        let name = words[..name_len].join(" ");
        self.registry.org_name(&name).is_none().then_some(name)
    }

    /// The body the sentences just before `at` are about: the last organisation that
    /// opens a sentence in its paragraph or the one before ("The Food Standards Agency
    /// warned people off products that contained DNP. / “…,” it said.").
    fn org_subject_before(&self, at: &Location) -> Option<&str> {
        let order = |s: usize, p: usize| self.texts.section_start.get(s).map_or(0, |&start| start + p);
        let here = order(at.section, at.paragraph);
        self.registry
            .orgs_before(at)
            .take_while(|(l, _)| order(l.section, l.paragraph) + 1 >= here)
            .find(|(l, _)| opens_sentence(self.texts, l))
            .map(|(_, name)| name)
    }

    /// The bodies a generic "the company" may mean at `at`: organisations named in its
    /// paragraph before it or in the paragraph before, and recurring one-word names in
    /// its own paragraph that are nobody's surname ("Alpenklang’s board … the company").
    fn bodies_near(&self, at: &Location) -> Vec<String> {
        let order = |s: usize, p: usize| self.texts.section_start.get(s).map_or(0, |&start| start + p);
        let here = order(at.section, at.paragraph);
        let mut out: Vec<String> = Vec::new();
        for h in self.hits {
            let p = order(h.section as usize, h.paragraph as usize);
            let before = p + 1 == here || p == here && (h.end as usize) <= at.start;
            if !before {
                continue;
            }
            let name = self.texts.name(h);
            let body = match h.kind {
                NameKind::Organisation => self.registry.org_name(name).map(str::to_string),
                NameKind::Single if p == here => (self.singles.get(name).is_some_and(|&n| n >= 2)
                    && self.registry.resolve_surname(name, false).is_none()
                    && self.registry.org_name(name).is_none())
                .then(|| name.to_string()),
                _ => None,
            };
            if let Some(b) = body
                && !out.contains(&b)
            {
                out.push(b);
            }
        }
        out
    }
}

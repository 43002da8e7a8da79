//! Who said each quotation, chosen among candidates by the learned `speaker` model.
//!
//! The rules in `speakers` give each quotation a speaker first (the attribution in its
//! sentence, the pronoun resolved to the last person named, the speaker carried on from
//! the quotation before). The ranker then weighs that answer against the alternatives: every
//! person and body named in the quotation's paragraph and the three before it, the
//! speakers of the quotations before, and nobody. Each candidate is described by where and
//! how it is named (see `features`); the highest score wins. The rules' answer is one
//! feature among many, so the model learns when to trust it and when the text around
//! says otherwise.

mod features;
mod subject;

pub use features::SpeakerFeature;

use crate::article::extract::names::PlacedHit;
use crate::article::extract::quotes::{ParagraphQuotes, Said};
use crate::article::learn::Features;
use crate::article::model::{Location, Quote};
use crate::article::resolve::descriptions::{Described, described};
use crate::article::resolve::entities::{Mention, Registry, Texts};
use crate::article::text::lexicon::{
    AUXILIARY, DETERMINER, DOCUMENT, ENGLISH, FUNCTION, MONTH, OPENER, ORG_KEYWORD, ORG_NOUN, PERSON_NOUN,
    SENTENCE_OPENER, SPEECH, TITLE, WEEKDAY, lex,
};
use crate::article::text::script::{Script, script};
use crate::article::text::sentences::sentences;
use crate::article::text::tokens::tokenize;
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

/// A candidate as the model saw it, for training: its name (`None`: nobody) and features.
#[derive(Debug, Clone)]
pub struct Considered {
    /// The quotation's words.
    pub quote: String,
    /// What its attribution said, for study.
    pub said: String,
    pub candidates: Vec<(Option<String>, Features)>,
}

/// Paragraphs back a candidate may be named in.
const WINDOW: usize = 3;
/// At most this many mentions before a quotation and after it are looked at, so that a
/// paragraph naming thousands costs no more than one naming a few.
const NEAR_MENTIONS: usize = 48;
/// Candidates kept per quotation, the nearest named first.
const MAX_CANDIDATES: usize = 16;

struct Candidate {
    name: String,
    person: bool,
    registered: bool,
    count: usize,
    gender: Option<crate::article::extract::names::Gender>,
    f: Features,
    /// Paragraphs back of the nearest mention, and its distance in bytes when in the
    /// quotation's paragraph (for ordering).
    nearest: (usize, usize),
}

/// The speaker model's feature names: its features and their pairs.
pub fn speaker_names() -> Vec<String> {
    crate::article::learn::names(SpeakerFeature::NAMES, true)
}

/// The paragraph a quotation stands in, its sentences and the spans of its quotations.
struct Para<'a> {
    text: &'a str,
    sentences: Vec<Range<usize>>,
    /// Where its speech verbs stand.
    verbs: Vec<usize>,
    /// Whether a word only English uses is in it: the clause-subject reading knows
    /// English sentences only ("Il s’agit notamment" is no subject of speech).
    english: bool,
}

fn para<'a>(texts: &Texts<'a>, at: &Location) -> Para<'a> {
    let text = texts.text_at(at);
    let t = tokenize(text);
    let sentences = sentences(text, &t);
    let verbs = t.iter().filter(|x| x.lex.is(SPEECH) && x.text(text) != "according").map(|x| x.start).collect();
    let english = t.iter().any(|x| x.lex.is(ENGLISH));
    Para { text, sentences, verbs, english }
}

/// The words of a stop-free stretch of text.
fn verb_like(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
        && w.len() > 3
        && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
}

/// The words right before `pos` and right after `end` (letters and digits only), nearest first.
fn words_before(text: &str, pos: usize, n: usize) -> Vec<&str> {
    let head = text.get(..pos).unwrap_or("");
    head.rsplit(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '.'))
        .filter(|w| !w.is_empty())
        .take(n)
        .collect()
}

fn words_after(text: &str, end: usize, n: usize) -> Vec<&str> {
    let tail = text.get(end..).unwrap_or("");
    tail.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .take(n)
        .collect()
}

/// Whether a sentence ends between `a` and `b` in `text`.
fn stop_between(text: &str, a: usize, b: usize) -> bool {
    text.get(a.min(b)..a.max(b)).is_some_and(|s| s.contains(['.', '!', '?', ';']))
}

/// How a mention stands in its sentence.
#[derive(Default, Clone, Copy)]
struct Stance {
    speech_subject: bool,
    speech_object: bool,
    possessive: bool,
    addressee: bool,
    affiliation: bool,
}

fn stance(text: &str, m: &Location) -> Stance {
    let after = words_after(text, m.end, 3);
    let before = words_before(text, m.start, 3);
    let glue = text.get(m.end..).unwrap_or("");
    let speech_subject = {
        let mut hit = false;
        for w in &after {
            let l = lex(w);
            if l.is(SPEECH) && *w != "according" {
                hit = true;
                break;
            }
            if !l.is(AUXILIARY) {
                break;
            }
        }
        hit && !stop_between(text, m.end, m.end + glue.len().min(40))
            || glue.trim_start().starts_with(':') && !glue.trim_start().starts_with("::")
    };
    let speech_object = before
        .iter()
        .take_while(|w| lex(w).is(TITLE) || lex(w).is(SPEECH) || w.ends_with('.'))
        .any(|w| lex(w).is(SPEECH) && !matches!(*w, "told" | "tell" | "tells" | "asked" | "asks"));
    let prev = before.first().map(|w| w.to_lowercase()).unwrap_or_default();
    let prev2 = before.get(1).map(|w| w.to_lowercase()).unwrap_or_default();
    Stance {
        speech_subject,
        speech_object,
        possessive: glue.starts_with("'s") || glue.starts_with("’s"),
        addressee: matches!(prev.as_str(), "told" | "tell" | "tells" | "telling" | "asked" | "asks" | "interviewed")
            || prev == "to" && prev2 == "according"
            || prev == "to" && matches!(prev2.as_str(), "said" | "says" | "spoke" | "speaking" | "talking" | "told"),
        affiliation: matches!(prev.as_str(), "of" | "from" | "at" | "for" | "with" | "by")
            || prev == "the" && matches!(prev2.as_str(), "of" | "from" | "at" | "for" | "with" | "by"),
    }
}

/// Whether the mention opens its sentence: only capitalised words (titles, first names)
/// stand before it there.
fn opens_sentence(text: &str, sentences: &[Range<usize>], m: &Location) -> bool {
    let s = sentences.iter().find(|s| s.start <= m.start && m.start < s.end).map_or(0, |s| s.start);
    text.get(s..m.start).is_some_and(|head| {
        head.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || !c.is_alphanumeric())
                || matches!(w, "for" | "of" | "the" | "de" | "von" | "van" | "and")
        })
    })
}

fn sentence_of(sentences: &[Range<usize>], pos: usize) -> usize {
    sentences.iter().position(|s| pos < s.end).unwrap_or(sentences.len().saturating_sub(1))
}

/// "a spokeswoman", "one lawmaker", "some critics": someone not named before.
fn indefinite(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "a" | "an" | "one" | "some" | "another" | "several" | "many" | "two" | "three")
}

/// How a candidate's name reads: whether it looks like a name at all.
fn shape(name: &str, f: &mut Features) {
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(first) = words.first() else { return };
    let l = lex(first);
    f.set_if(l.is(FUNCTION | OPENER | DETERMINER) || l.is(SENTENCE_OPENER), SpeakerFeature::OpensOnFunctionWord);
    f.set_if(name.ends_with("'s") || name.ends_with("’s") || name.ends_with('’'), SpeakerFeature::EndsPossessive);
    f.set_if(first.starts_with(char::is_lowercase), SpeakerFeature::Lowercase);
    f.set_if(first.eq_ignore_ascii_case("the"), SpeakerFeature::Definite);
    f.set_if(indefinite(name), SpeakerFeature::Indefinite);
    f.set_if(words.iter().any(|w| lex(w).is(MONTH | WEEKDAY)), SpeakerFeature::Calendar);
    f.set_if(words.len() == 1, SpeakerFeature::OneWord);
    f.set_if(words.iter().any(|w| lex(w).is(ORG_KEYWORD | ORG_NOUN)), SpeakerFeature::OrgWord);
    f.set_if(words.iter().any(|w| lex(w).is(DOCUMENT)), SpeakerFeature::DocumentWord);
    let last = lex(words.last().unwrap_or(first));
    f.set_if(last.is(PERSON_NOUN | TITLE), SpeakerFeature::PersonWord);
}

/// Whether `role` ("senator") or its short form stands right before the mention or in
/// its appositive ("Sen. Jane Doe", "Jane Doe, the senator,").
fn role_near(text: &str, m: &Location, role: &str) -> bool {
    if role.is_empty() {
        return false;
    }
    let short: String = role.chars().take(3).collect();
    let fits = |w: &str| {
        let w = w.trim_end_matches('.').to_lowercase();
        w == role || w.len() >= 3 && w == short || role.starts_with(&w) && w.len() >= 3
    };
    let before = words_before(text, m.start, 3);
    let after = text.get(m.end..).unwrap_or("");
    let appositive = after.strip_prefix(',').map_or("", |a| a.split([',', '.', ';']).next().unwrap_or(""));
    before.iter().any(|w| fits(w)) || appositive.split_whitespace().any(fits)
}

/// What each quotation's rules said: the attribution and where it stands.
pub struct RuleView<'a> {
    pub said: &'a Said,
    pub said_from: Option<usize>,
    pub opens_paragraph: bool,
    pub opens_sentence: bool,
    /// The paragraph before ends "X said:" and names this one's speaker.
    pub introduced: bool,
}

/// Re-chooses each quotation's speaker with `weights` (the `speaker` model's). `quotes`
/// carry the rules' speakers on entry and the model's on return. With `chain`, the
/// speakers of the quotations before are the model's own choices (what it runs with);
/// without, the rules' (what its first round of training sees). `trace`, when given,
/// receives every candidate considered.
#[allow(clippy::too_many_arguments)]
pub fn rank(
    quotes: &mut [Quote],
    paras: &[ParagraphQuotes],
    registry: &Registry,
    hits: &[PlacedHit],
    texts: &Texts,
    weights: &[f32],
    byline: Option<&str>,
    chain: bool,
    mut trace: Option<&mut Vec<Considered>>,
) {
    let views: Vec<RuleView> = {
        let mut v = Vec::with_capacity(quotes.len());
        let mut prev: Option<&ParagraphQuotes> = None;
        for p in paras {
            let introduced =
                prev.is_some_and(|q| q.intro.is_some() && q.section == p.section && q.paragraph + 1 == p.paragraph);
            for (i, (raw, _)) in p.quotes.iter().enumerate() {
                v.push(RuleView {
                    said: &raw.said,
                    said_from: raw.said_from,
                    opens_paragraph: raw.opens_paragraph,
                    opens_sentence: raw.opens_sentence,
                    introduced: introduced && i == 0 && raw.opens_paragraph,
                });
            }
            prev = Some(p);
        }
        v
    };
    if views.len() != quotes.len() {
        return;
    }
    let mentions = registry.mentions(hits, texts);
    let order = |at: &Location| texts.section_start.get(at.section).map_or(at.paragraph, |&s| s + at.paragraph);
    let most_mentioned = mentions.iter().filter(|m| m.person).max_by_key(|m| m.count).map(|m| m.name);
    let rule: Vec<Option<String>> = quotes.iter().map(|q| q.speaker.clone()).collect();
    // The first mention of each name, to describe a speaker named by the rules.
    let mut by_name: HashMap<&str, usize> = HashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        by_name.entry(m.name).or_insert(i);
    }
    let mut cache: HashMap<usize, Para> = HashMap::default();
    // Each paragraph's writing system, as asked: a speaker is never carried across a
    // change of script (a Japanese quotation after a German paragraph is not the German
    // speaker's).
    let mut scripts: HashMap<usize, Script> = HashMap::default();
    let mut script_at = |at: &Location| -> Script {
        let k = order(at);
        *scripts.entry(k).or_insert_with(|| script(texts.text_at(at)))
    };
    for qi in 0..quotes.len() {
        let at = quotes[qi].at;
        let here = order(&at);
        let view = &views[qi];
        let p = cache.entry(here).or_insert_with(|| para(texts, &at));
        let sentence = sentence_of(&p.sentences, at.start);
        let mut sentence_end = sentence_of(&p.sentences, at.end.saturating_sub(1));
        // "“Perpetual motion!” Rep. Glenn Thompson said.": a quotation that ends its own
        // sentence is attributed in the next one.
        let closes_sentence = quotes[qi].text.trim_end().ends_with(['.', '!', '?']);
        if closes_sentence
            && p.sentences.get(sentence_end + 1).is_some_and(|n| n.start <= at.end + 4)
            && p.sentences.get(sentence_end).is_some_and(|s| s.end <= at.end + 4)
        {
            sentence_end += 1;
        }
        let in_sentence = |pos: usize| {
            let s = sentence_of(&p.sentences, pos);
            s >= sentence && s <= sentence_end
        };
        let sentence_start = p.sentences.get(sentence).map_or(0, |s| s.start);
        // The quotation's opening mark, at most a few bytes before its words.
        let open = p.text[..at.start].trim_end_matches(|c: char| !c.is_alphanumeric() && !c.is_whitespace()).len();
        let first_in_sentence = mentions
            .iter()
            .skip(mentions.partition_point(|m| order(&m.at) < here))
            .take_while(|m| order(&m.at) == here && m.at.start < at.start)
            .find(|m| m.at.start >= sentence_start)
            .map(|m| m.name);
        // The subject of the quotation's clause, when words stand before it in its sentence.
        let clause_subject = (p.english && open > sentence_start)
            .then(|| subject::subject(p.text, sentence_start, open))
            .flatten()
            .filter(|&(a, b)| b <= open && a < b);
        let subject_text = clause_subject.map(|(a, b)| &p.text[a..b]);
        let mut cands: Vec<Candidate> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::default();
        let mut add = |name: &str, m: Option<&Mention>, cands: &mut Vec<Candidate>| -> usize {
            // A description the attribution ran on into a verb keeps its words only.
            let name = if m.is_none_or(|m| !m.held) { subject::tidy(name) } else { name };
            let name = if name.is_empty() { "?" } else { name };
            if let Some(&i) = index.get(name) {
                return i;
            }
            cands.push(Candidate {
                name: name.to_string(),
                person: m.is_some_and(|m| m.person),
                registered: m.is_some_and(|m| m.held),
                count: m.map_or(1, |m| m.count),
                gender: m.and_then(|m| m.gender),
                f: Features::default(),
                nearest: (usize::MAX, usize::MAX),
            });
            index.insert(name.to_string(), cands.len() - 1);
            cands.len() - 1
        };
        // Mentions in the window: from WINDOW paragraphs back to the end of this one.
        let first = here.saturating_sub(WINDOW);
        let lo = mentions.partition_point(|m| order(&m.at) < first);
        let split = mentions.partition_point(|m| order(&m.at) < here || order(&m.at) == here && m.at.start < at.start);
        let hi = mentions.partition_point(|m| order(&m.at) <= here);
        let lo = lo.max(split.saturating_sub(NEAR_MENTIONS));
        let hi = hi.min(split + NEAR_MENTIONS);
        // Nearest first, so the nearest mention of each candidate describes it.
        let near: Vec<&Mention> = mentions[lo..split].iter().rev().chain(mentions[split..hi].iter()).collect();
        let here_script = script_at(&at);
        let near: Vec<&Mention> = near.into_iter().filter(|m| script_at(&m.at) == here_script).collect();
        for m in near {
            let back = here - order(&m.at);
            let i = add(m.name, Some(m), &mut cands);
            let c = &mut cands[i];
            let text = texts.text_at(&m.at);
            let inside = back == 0 && m.at.start >= at.start && m.at.end <= at.end;
            if inside {
                c.f.on(SpeakerFeature::InsideQuotation);
                continue;
            }
            let after = back == 0 && m.at.start >= at.end;
            let distance = if back == 0 { m.at.start.abs_diff(at.start) } else { usize::MAX - 1 };
            let first_look = c.nearest == (usize::MAX, usize::MAX);
            if (back, distance) < c.nearest {
                c.nearest = (back, distance);
            }
            let where_ = match back {
                0 if in_sentence(m.at.start) && !after => SpeakerFeature::SentenceBefore,
                0 if in_sentence(m.at.start) => SpeakerFeature::SentenceAfter,
                0 if after => SpeakerFeature::ParagraphAfter,
                0 => SpeakerFeature::ParagraphBefore,
                1 => SpeakerFeature::Back1,
                2 => SpeakerFeature::Back2,
                _ => SpeakerFeature::Back3,
            };
            if !c.f.0.iter().any(|&(f, _)| f == where_ as u16) {
                c.f.on(where_);
            }
            let st = stance(text, &m.at);
            let same_sentence = back == 0 && in_sentence(m.at.start);
            if st.speech_subject && !c.f.0.iter().any(|&(f, _)| f == SpeakerFeature::SpeechSubject as u16) {
                c.f.on(SpeakerFeature::SpeechSubject);
            }
            if st.speech_subject && same_sentence {
                c.f.on(SpeakerFeature::SpeechSubjectHere);
            }
            if st.speech_object && same_sentence {
                c.f.on(SpeakerFeature::SpeechObjectHere);
            } else if st.speech_object && first_look {
                c.f.on(SpeakerFeature::SpeechObject);
            }
            // "Okafor's assistant told reporters": the subject is someone of Okafor's.
            if let Some((a, b)) = clause_subject
                && back == 0
                && m.at.start >= a
                && m.at.end <= b
                && !st.possessive
            {
                c.f.on(SpeakerFeature::ClauseSubject);
            }
            if same_sentence && !after {
                let between = p.verbs.iter().any(|&v| v > m.at.end && v < at.start);
                c.f.set_if(between, SpeakerFeature::VerbBetween);
                let gap = p.text.get(m.at.end..open).unwrap_or("");
                let colon = gap.trim_end().ends_with(':') && gap.split_whitespace().count() <= 3;
                c.f.set_if(colon, SpeakerFeature::ColonAfter);
                c.f.set_if(first_in_sentence == Some(m.name), SpeakerFeature::FirstInSentence);
            }
            if first_look {
                c.f.set_if(
                    words_after(text, m.at.end, 1).first().is_some_and(|w| verb_like(w)),
                    SpeakerFeature::VerbLikeAfter,
                );
                let prep = words_before(text, m.at.start, 1).first().map(|w| w.to_lowercase()).unwrap_or_default();
                let prepositional = matches!(
                    prep.as_str(),
                    "in" | "on"
                        | "at"
                        | "to"
                        | "of"
                        | "from"
                        | "for"
                        | "with"
                        | "by"
                        | "about"
                        | "against"
                        | "over"
                        | "into"
                );
                c.f.set_if(prepositional, SpeakerFeature::Prepositional);
                let sents = if back == 0 {
                    p.sentences.clone()
                } else {
                    let t = tokenize(text);
                    sentences(text, &t)
                };
                c.f.set_if(opens_sentence(text, &sents, &m.at), SpeakerFeature::OpensSentence);
                c.f.set_if(st.possessive, SpeakerFeature::Possessive);
                c.f.set_if(st.addressee, SpeakerFeature::Addressee);
                c.f.set_if(st.addressee && !m.person, SpeakerFeature::Outlet);
                c.f.set_if(st.affiliation, SpeakerFeature::Affiliation);
            }
        }
        // Pronouns: the people (or bodies) named last before where the pronoun stands.
        let said_at = Location { start: view.said_from.unwrap_or(at.start).min(at.start), end: at.start, ..at };
        let subject_pronoun = subject_text.filter(|s| subject::is_pronoun(s)).map(|s| match s {
            "I" => "i",
            "He" => "he",
            "She" => "she",
            "They" => "they",
            "We" => "we",
            "It" => "it",
            other => other,
        });
        let pronoun = match view.said {
            Said::Pronoun(p) => Some(p.as_str()),
            Said::Nobody => subject_pronoun,
            _ => None,
        };
        // "the senator said": a definite description of a person points back like "he".
        let described_person = match view.said {
            Said::Phrase(ph) => matches!(described(ph), Described::Person(_)).then_some(ph.as_str()),
            _ => None,
        };
        if let Some(ph) = described_person {
            let upto = mentions.partition_point(|m| m.at < said_at);
            let role = ph.split_whitespace().last().unwrap_or("").to_lowercase();
            let mut seen: Vec<&str> = Vec::new();
            for m in mentions[..upto].iter().rev().take(NEAR_MENTIONS * 4) {
                if !m.person || seen.contains(&m.name) || script_at(&m.at) != here_script {
                    continue;
                }
                seen.push(m.name);
                let i = add(m.name, Some(m), &mut cands);
                if seen.len() <= 2 {
                    cands[i].f.on(if seen.len() == 1 {
                        SpeakerFeature::DescribedRank1
                    } else {
                        SpeakerFeature::DescribedRank2
                    });
                }
                if role_near(texts.text_at(&m.at), &m.at, &role) {
                    cands[i].f.on(SpeakerFeature::RoleNear);
                }
                if cands[i].nearest.0 == usize::MAX {
                    cands[i].nearest = (WINDOW + seen.len(), 0);
                }
                if seen.len() >= 6 {
                    break;
                }
            }
        }
        if let Some(pr) = pronoun {
            let upto = mentions.partition_point(|m| m.at < said_at);
            let want_person = matches!(pr, "he" | "she");
            let mut seen: Vec<&str> = Vec::new();
            for m in mentions[..upto].iter().rev().take(NEAR_MENTIONS * 4) {
                if m.person != want_person || seen.contains(&m.name) || script_at(&m.at) != here_script {
                    continue;
                }
                seen.push(m.name);
                let i = add(m.name, Some(m), &mut cands);
                let f = match (want_person, seen.len()) {
                    (true, 1) => SpeakerFeature::PersonRank1,
                    (true, 2) => SpeakerFeature::PersonRank2,
                    (true, _) => SpeakerFeature::PersonRank3,
                    (false, _) => SpeakerFeature::BodyRank1,
                };
                cands[i].f.on(f);
                if cands[i].nearest.0 == usize::MAX {
                    cands[i].nearest = (WINDOW + seen.len(), 0);
                }
                if seen.len() >= 3 || !want_person {
                    break;
                }
            }
        }
        // The rules' answer, unless carried from a quotation in another script.
        // A speaker carried on from the quotations before: not across a change of script
        // (back to the quotation that named them, every one in between in this script).
        let carried = matches!(view.said, Said::Nobody | Said::Previous);
        let carried_across = carried && {
            let mut across = false;
            for k in (0..qi).rev() {
                if script_at(&quotes[k].at) != here_script {
                    across = true;
                    break;
                }
                if !matches!(views[k].said, Said::Nobody | Said::Previous) {
                    break;
                }
            }
            across
        };
        if let Some(name) = rule[qi].as_ref().filter(|_| !carried_across) {
            let m = by_name.get(name.as_str()).map(|&i| &mentions[i]);
            let i = add(name, m, &mut cands);
            let f = match view.said {
                Said::Name(_) => SpeakerFeature::RuleName,
                Said::Surname(_) => SpeakerFeature::RuleSurname,
                Said::Pronoun(p) => match p.as_str() {
                    "he" => SpeakerFeature::RuleHe,
                    "she" => SpeakerFeature::RuleShe,
                    "they" | "we" => SpeakerFeature::RulePlural,
                    "it" => SpeakerFeature::RuleIt,
                    _ => SpeakerFeature::RuleFirstPerson,
                },
                Said::Phrase(ph) => match described(ph) {
                    Described::Person(_) => SpeakerFeature::RuleDescribedPerson,
                    Described::Organisation { .. } => SpeakerFeature::RuleDescribedBody,
                    Described::Other if indefinite(ph) => SpeakerFeature::RuleIndefinite,
                    Described::Other => SpeakerFeature::RuleDescription,
                },
                Said::Previous => SpeakerFeature::RuleBareVerb,
                Said::Nobody => SpeakerFeature::RuleCarried,
            };
            cands[i].f.on(f);
            cands[i].f.set_if(view.said_from.is_some(), SpeakerFeature::RuleBefore);
            if cands[i].nearest.0 == usize::MAX {
                cands[i].nearest = (0, 0);
            }
        }
        // The attribution's own words, when they describe rather than name: "the
        // statement", "a spokeswoman", "critics". A person described ("the senator") is
        // someone named before, and stands for themselves only when nobody was found.
        if let Said::Phrase(ph) = view.said
            && rule[qi].as_deref() != Some(ph.as_str())
        {
            let f = match described(ph) {
                Described::Person(_) if rule[qi].is_some() => None,
                Described::Person(_) => Some(SpeakerFeature::PhrasePerson),
                Described::Organisation { .. } => Some(SpeakerFeature::PhraseBody),
                Described::Other if indefinite(ph) => Some(SpeakerFeature::PhraseIndefinite),
                Described::Other => Some(SpeakerFeature::PhraseOther),
            };
            if let Some(f) = f {
                let i = add(ph, None, &mut cands);
                cands[i].f.on(f);
                if cands[i].nearest.0 == usize::MAX {
                    cands[i].nearest = (0, 1);
                }
            }
        }
        // The clause's subject as written, when it names no candidate: "the administration".
        if let Some(subj) = subject_text
            && !subject::is_pronoun(subj)
            && !cands.iter().any(|c| c.f.0.iter().any(|&(f, _)| f == SpeakerFeature::ClauseSubject as u16))
        {
            let i = add(subj, None, &mut cands);
            cands[i].f.on(SpeakerFeature::ClauseSubjectPhrase);
            if cands[i].nearest.0 == usize::MAX {
                cands[i].nearest = (0, 2);
            }
        }
        // "I": the article's author, when it has one.
        if pronoun == Some("i")
            && let Some(by) = byline
        {
            let i = add(by, None, &mut cands);
            cands[i].f.on(SpeakerFeature::FirstPersonAuthor);
        }
        // The speakers of the quotations before.
        let prev_here = (0..qi).rev().take_while(|&k| order(&quotes[k].at) == here).next();
        let prev_para = (0..qi).rev().find(|&k| order(&quotes[k].at) + 1 == here);
        let prev_any = qi.checked_sub(1);
        for (k, f) in [
            (prev_here, SpeakerFeature::PreviousHere),
            (prev_para.filter(|_| prev_here.is_none()), SpeakerFeature::PreviousParagraph),
            (prev_any, SpeakerFeature::PreviousAny),
        ] {
            let previous = |k: usize| if chain { quotes[k].speaker.as_deref() } else { rule[k].as_deref() };
            let Some(name) = k.filter(|&k| script_at(&quotes[k].at) == here_script).and_then(previous) else {
                continue;
            };
            let name = name.to_string();
            let name = name.as_str();
            let m = by_name.get(name).map(|&i| &mentions[i]);
            let i = add(name, m, &mut cands);
            cands[i].f.on(f);
            let no_attribution = matches!(view.said, Said::Nobody | Said::Previous);
            if f == SpeakerFeature::PreviousHere && no_attribution && view.opens_sentence {
                cands[i].f.on(SpeakerFeature::ContinuesHere);
            }
            if f == SpeakerFeature::PreviousParagraph && no_attribution && view.opens_paragraph {
                cands[i].f.on(SpeakerFeature::ContinuesParagraph);
            }
            if cands[i].nearest.0 == usize::MAX {
                cands[i].nearest = (WINDOW, 0);
            }
        }
        if view.introduced
            && let Some(name) = &rule[qi]
            && let Some(&i) = index.get(subject::tidy(name))
        {
            cands[i].f.on(SpeakerFeature::IntroducedBefore);
        }
        // What each candidate is.
        let heading = texts.headings.get(at.section).and_then(|h| h.0);
        let gender_wanted = match pronoun {
            Some("he") => Some(crate::article::extract::names::Gender::Male),
            Some("she") => Some(crate::article::extract::names::Gender::Female),
            _ => None,
        };
        let rule_name = rule[qi].as_deref();
        for c in &mut cands {
            let before = c.f.0.len();
            shape(&c.name, &mut c.f);
            let bad = c.f.0[before..].iter().any(|&(f, _)| {
                [SpeakerFeature::OpensOnFunctionWord, SpeakerFeature::Calendar, SpeakerFeature::EndsPossessive]
                    .iter()
                    .any(|b| *b as u16 == f)
            });
            c.f.set_if(bad && Some(c.name.as_str()) == rule_name, SpeakerFeature::RuleBadShape);
            c.f.on(if !c.registered {
                SpeakerFeature::Unregistered
            } else if c.person {
                SpeakerFeature::Person
            } else {
                SpeakerFeature::Organisation
            });
            c.f.value(SpeakerFeature::MentionsLog, (c.count as f32 + 1.0).ln());
            c.f.set_if(Some(c.name.as_str()) == most_mentioned, SpeakerFeature::MostMentioned);
            c.f.set_if(heading.is_some_and(|h| h.contains(c.name.as_str())), SpeakerFeature::InHeading);
            if let (Some(want), Some(g)) = (gender_wanted, c.gender) {
                c.f.on(if want == g { SpeakerFeature::GenderAgrees } else { SpeakerFeature::GenderDisagrees });
            }
            if c.nearest.0 == usize::MAX {
                c.f.on(SpeakerFeature::NotInWindow);
            }
        }
        // "she" is not the "Mr Tomlin" just named: a pronoun never takes a person of the
        // other gender, when the text says which.
        if let Some(want) = gender_wanted {
            cands.retain(|c| !(c.person && c.gender.is_some_and(|g| g != want)));
        }
        cands.sort_by_key(|c| c.nearest);
        cands.truncate(MAX_CANDIDATES);
        // Nobody.
        let mut none = Features::default();
        none.on(SpeakerFeature::NoneBias);
        none.set_if(subject_pronoun.is_some(), SpeakerFeature::SubjectPronoun);
        let nobody = matches!(view.said, Said::Nobody);
        none.set_if(nobody && rule[qi].is_none(), SpeakerFeature::NoneRuleNobody);
        none.set_if(rule[qi].is_some(), SpeakerFeature::NoneRuleSpeaker);
        let words = quotes[qi].text.split_whitespace().count();
        none.set_if(words <= 3, SpeakerFeature::NoneShort);
        none.set_if(!cands.iter().any(|c| c.person && c.nearest.0 <= WINDOW), SpeakerFeature::NoneNoPerson);
        none.set_if(view.opens_paragraph, SpeakerFeature::NoneOpensParagraph);
        let sentence_text = p
            .sentences
            .get(sentence)
            .and_then(|s| p.text.get(s.start..p.sentences.get(sentence_end).map_or(s.end, |e| e.end)))
            .unwrap_or("");
        let outside: String = format!(
            "{} {}",
            sentence_text
                .get(..at.start.saturating_sub(p.sentences.get(sentence).map_or(0, |s| s.start)))
                .unwrap_or(""),
            p.text.get(at.end..).unwrap_or("").split(['.', '!', '?']).next().unwrap_or("")
        );
        let speech = outside.split(|c: char| !c.is_alphanumeric()).any(|w| lex(w).is(SPEECH));
        none.set_if(!speech, SpeakerFeature::NoneNoSpeechVerb);
        let copula = words_before(p.text, open, 1).first().is_some_and(|w| {
            matches!(w.to_lowercase().as_str(), "is" | "was" | "are" | "were" | "be" | "been" | "being")
        });
        none.set_if(copula, SpeakerFeature::NoneCopula);
        let before_words: Vec<String> = words_before(p.text, open, 2).iter().map(|w| w.to_string()).collect();
        let naming =
            matches!(
                before_words.first().map(String::as_str),
                Some("called" | "named" | "dubbed" | "titled" | "entitled" | "nicknamed")
            ) && before_words.get(1).is_some_and(|w| w.starts_with(char::is_lowercase) && !lex(w).is(FUNCTION));
        none.set_if(naming, SpeakerFeature::NoneNaming);
        // Choose, each fact weighed with every other.
        let n = SpeakerFeature::NAMES.len();
        let none = none.paired(n);
        for c in &mut cands {
            c.f = std::mem::take(&mut c.f).paired(n);
        }
        let mut best: (f32, Option<usize>) = (none.score(weights), None);
        for (i, c) in cands.iter().enumerate() {
            let s = c.f.score(weights);
            if s > best.0 {
                best = (s, Some(i));
            }
        }
        if let Some(tr) = trace.as_deref_mut() {
            let mut all: Vec<(Option<String>, Features)> = vec![(None, none)];
            all.extend(cands.iter().map(|c| (Some(c.name.clone()), c.f.clone())));
            let said = match view.said {
                Said::Name(_) => "name",
                Said::Surname(_) => "surname",
                Said::Pronoun(_) => "pronoun",
                Said::Phrase(_) => "phrase",
                Said::Previous => "bare verb",
                Said::Nobody if rule[qi].is_some() => "carried",
                Said::Nobody => "nobody",
            };
            tr.push(Considered { quote: quotes[qi].text.clone(), said: said.to_string(), candidates: all });
        }
        // "the senator said", "the company said": a description stands for the one it
        // describes, as the rules found them (by role, by name, by what was named last).
        let described = match view.said {
            Said::Phrase(ph) => {
                matches!(described(ph), Described::Person(_) | Described::Organisation { .. })
                    && rule[qi].as_deref().is_some_and(|r| r != ph.as_str())
            }
            _ => false,
        };
        quotes[qi].speaker = if described { rule[qi].clone() } else { best.1.map(|i| cands[i].name.clone()) };
    }
}

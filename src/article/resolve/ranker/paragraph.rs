//! The words around a quotation and its candidates: the paragraph's sentences and verbs
//! of speech, the words before and after a mention, how a mention stands in its sentence
//! and how a candidate's name reads.

use super::{Features, SpeakerFeature};
use crate::article::extract::Reading;
use crate::article::model::Location;
use crate::article::resolve::entities::Texts;
use crate::article::text::lexicon::{
    AUXILIARY, DETERMINER, DOCUMENT, ENGLISH, FUNCTION, MONTH, OPENER, ORG_KEYWORD, ORG_NOUN, PERSON_NOUN,
    SENTENCE_OPENER, SPEECH, TITLE, WEEKDAY, lex,
};
use crate::article::text::sentences::sentences;
use crate::article::text::tokens::tokenize;
use std::ops::Range;

/// The paragraph a quotation stands in, its sentences and the spans of its quotations.
pub(super) struct Para<'a> {
    pub text: &'a str,
    pub sentences: Vec<Range<usize>>,
    /// Where its speech verbs stand.
    pub verbs: Vec<usize>,
    /// Whether a word only English uses is in it: the clause-subject reading knows
    /// English sentences only ("Il s’agit notamment" is no subject of speech).
    pub english: bool,
}

pub(super) fn para<'a>(texts: &Texts<'a>, readings: &[Reading], at: &Location) -> Para<'a> {
    let text = texts.text_at(at);
    let k = readings.partition_point(|r| (r.section, r.paragraph) < (at.section, at.paragraph));
    if let Some(r) = readings.get(k).filter(|r| (r.section, r.paragraph) == (at.section, at.paragraph)) {
        return Para { text, sentences: r.sentences.clone(), verbs: r.verbs.clone(), english: r.english };
    }
    let t = tokenize(text);
    let sentences = sentences(text, &t);
    let verbs = t.iter().filter(|x| x.lex.is(SPEECH) && x.text(text) != "according").map(|x| x.start).collect();
    let english = t.iter().any(|x| x.lex.is(ENGLISH));
    Para { text, sentences, verbs, english }
}

/// The words of a stop-free stretch of text.
pub(super) fn verb_like(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
        && w.len() > 3
        && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
}

/// The words right before `pos` and right after `end` (letters and digits only), nearest first.
pub(super) fn words_before(text: &str, pos: usize, n: usize) -> Vec<&str> {
    let head = text.get(..pos).unwrap_or("");
    head.rsplit(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '.'))
        .filter(|w| !w.is_empty())
        .take(n)
        .collect()
}

pub(super) fn words_after(text: &str, end: usize, n: usize) -> Vec<&str> {
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
pub(super) struct Stance {
    pub speech_subject: bool,
    pub speech_object: bool,
    pub possessive: bool,
    pub addressee: bool,
    pub affiliation: bool,
}

pub(super) fn stance(text: &str, m: &Location) -> Stance {
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
pub(super) fn opens_sentence(text: &str, sentences: &[Range<usize>], m: &Location) -> bool {
    let s = sentences.iter().find(|s| s.start <= m.start && m.start < s.end).map_or(0, |s| s.start);
    text.get(s..m.start).is_some_and(|head| {
        head.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || !c.is_alphanumeric())
                || matches!(w, "for" | "of" | "the" | "de" | "von" | "van" | "and")
        })
    })
}

pub(super) fn sentence_of(sentences: &[Range<usize>], pos: usize) -> usize {
    sentences.iter().position(|s| pos < s.end).unwrap_or(sentences.len().saturating_sub(1))
}

/// "a spokeswoman", "one lawmaker", "some critics": someone not named before.
pub(super) fn indefinite(phrase: &str) -> bool {
    let first = phrase.split_whitespace().next().unwrap_or("").to_lowercase();
    matches!(first.as_str(), "a" | "an" | "one" | "some" | "another" | "several" | "many" | "two" | "three")
}

/// How a candidate's name reads: whether it looks like a name at all.
pub(super) fn shape(name: &str, f: &mut Features) {
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
pub(super) fn role_near(text: &str, m: &Location, role: &str) -> bool {
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

//! Word lists the extractors share, compiled once into one lexicon: each word token is
//! looked up once (lowercased, possessive dropped) and carries its [`Lex`] from then on,
//! so the extractors test bits instead of comparing strings.

// `entries` and `layout` are the build script's (it compiles this file too) and the
// tests'; the library itself reads only the flags and the hash.
#[allow(dead_code)]
pub mod source;

/// What folio knows about a word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Lex {
    pub flags: u64,
    /// The value of a number word, fraction or scale ("two" 2, "one-third" 0.333,
    /// "million" 1e6); NaN for vague magnitudes ("thousands").
    pub value: f32,
    /// 1–12 for month names and their abbreviations.
    pub month: u8,
}

pub use crate::article::text::lexicon::source::{
    AUXILIARY, CONNECTOR, FRACTION, FUNCTION, HONORIFIC, HYPHEN_UNIT, HYPHENATED, LABEL, MONTH, MONTH_CONTEXT, NUMBER,
    OPENER, ORG_KEYWORD, OTHER_KEYWORD, RELATIVE, SCALE, SPEECH, TIME_UNIT, TITLE, WEEKDAY, YEAR_CONTEXT,
};
use crate::article::text::lexicon::source::{MAX_WORD, SEED, hash, step};
pub use source::{
    ABBREVIATED_TITLE, CLOSING_ABBREVIATION, DATE_UNIT, DATELINE_WORD, DOCUMENT, GIVEN_FEMALE, GIVEN_MALE,
    IRREGULAR_PLURAL, MONTH_LOWERCASE, NUMBER_ABBREVIATION, ORG_NOUN, PERCENT, PERIOD_ORDINAL, PERSON_NOUN, QUALIFIER,
    QUANTITY_MODIFIER, RATE_UNIT, SENTENCE_OPENER, TALLY, VAGUE_AMOUNT, VERB_AFTER, WORK,
};

impl Lex {
    #[inline]
    pub fn is(&self, flag: u64) -> bool {
        self.flags & flag != 0
    }
}

/// The lexicon as an open-addressing table keyed by lowercase ASCII bytes: one hash
/// computed while lowercasing, one probe or two. Looked up once per word of every
/// paragraph, so it is worth more than a general-purpose map. The build script lays it
/// out from lexicon.txt (see `lexicon_source`): nothing to build when folio starts.
struct Slot {
    hash: u64,
    len: u8,
    key: [u8; MAX_WORD],
    lex: Lex,
}

impl Slot {
    const EMPTY: Slot = Slot { hash: 0, len: 0, key: [0; MAX_WORD], lex: Lex { flags: 0, value: 0.0, month: 0 } };
}

include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

fn get(key: &[u8], hash: u64) -> Option<&'static Lex> {
    let mask = SLOTS.len() - 1;
    let mut i = (hash as usize) & mask;
    loop {
        let slot = &SLOTS[i];
        if slot.len == 0 {
            return None;
        }
        if slot.hash == hash && slot.len as usize == key.len() && &slot.key[..key.len()] == key {
            return Some(&slot.lex);
        }
        i = (i + 1) & mask;
    }
}

/// Looks a word up: ASCII letters lowercased, a trailing possessive dropped, hyphenated
/// number words ("twenty-five", "two-thirds") worked out from their parts.
pub fn lex(word: &str) -> Lex {
    let mut word = word.as_bytes();
    // A possessive: "year’s", "UNODC's".
    if word.len() > 2 && word[word.len() - 1] | 0x20 == b's' {
        let before = &word[..word.len() - 1];
        if before.ends_with(b"'") {
            word = &word[..word.len() - 2];
        } else if before.ends_with("’".as_bytes()) {
            word = &word[..word.len() - 4];
        }
    }
    // Words in other scripts and with accents are looked up too ("déclaré", "řekl",
    // "сказал"), byte for byte: only ASCII letters are lowercased.
    if word.len() > MAX_WORD || word.is_empty() || !(word[0].is_ascii_alphabetic() || word[0] >= 0xC0) {
        return Lex::default();
    }
    let mut buf = [0u8; MAX_WORD];
    let mut h = SEED;
    for (d, &s) in buf.iter_mut().zip(word) {
        let l = s.to_ascii_lowercase();
        *d = l;
        h = step(h, l);
    }
    let w = &buf[..word.len()];
    if let Some(l) = get(w, h) {
        return *l;
    }
    if let Some(dash) = w.iter().position(|&b| b == b'-') {
        let (head, tail) = (&w[..dash], &w[dash + 1..]);
        if let (Some(h), Some(t)) = (get(head, hash(head)), get(tail, hash(tail))) {
            if h.is(NUMBER) && t.is(NUMBER) && h.value.is_finite() && t.value < 10.0 {
                return Lex { flags: NUMBER, value: h.value + t.value, month: 0 };
            }
            if h.is(NUMBER) && t.is(FRACTION) && h.value.is_finite() {
                return Lex { flags: FRACTION, value: h.value * t.value, month: 0 };
            }
        }
    }
    Lex::default()
}

/// Whether the lexicon gives `word` this flag.
pub fn has(word: &str, flag: u64) -> bool {
    lex(word).is(flag)
}

/// Whether `word`, exactly as written in lowercase, is in the lists under `flag`: for
/// lists that must not match "People" or "year's" where they match "people" and "year".
/// (Dots are letters here: "a.m".)
pub fn has_lowercase(word: &str, flag: u64) -> bool {
    !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'.') && has(word, flag)
}

/// Plurals without an -s: "people", "children".
pub fn is_irregular_plural(word: &str) -> bool {
    has_lowercase(word, IRREGULAR_PLURAL)
}

/// Month number for a month name or its abbreviation ("July", "Jul", "Sept").
pub fn month(word: &str) -> Option<u8> {
    let l = lex(word);
    l.is(MONTH).then_some(l.month)
}

pub fn is_weekday(word: &str) -> bool {
    lex(word).is(WEEKDAY)
}

/// The value of a spelled-out number word: "two" -> 2, "twenty-five" -> 25, "dozen" ->
/// 12; NaN for "hundreds", "thousands".
pub fn number_word(word: &str) -> Option<f64> {
    let l = lex(word);
    l.is(NUMBER).then_some(f64::from(l.value))
}

/// Scale words after a number: "8.9 million".
pub fn scale_word(word: &str) -> Option<f64> {
    let l = lex(word);
    l.is(SCALE).then_some(f64::from(l.value))
}

/// Fractions written as words: "one-third" -> 1/3, "half" -> 1/2, "three-quarters".
pub fn fraction_word(word: &str) -> Option<f64> {
    let l = lex(word);
    l.is(FRACTION).then_some(f64::from(l.value))
}

/// Titles and roles that stand before a name and are not part of it.
pub fn is_title_word(word: &str) -> bool {
    lex(word.trim_end_matches('.')).is(TITLE)
}

/// Honorifics that mark the next word as a person's (sur)name.
pub fn is_honorific(word: &str) -> bool {
    lex(word.trim_end_matches('.')).is(HONORIFIC)
}

/// Verbs that report speech: "said", "told", "warned", "according" (to).
pub fn is_speech_verb(word: &str) -> bool {
    lex(word).is(SPEECH)
}

pub fn is_pronoun_subject(word: &str) -> bool {
    matches!(word, "he" | "she" | "they" | "He" | "She" | "They" | "I" | "we" | "We" | "it" | "It")
}

/// Words that open a clause or join phrases; never the head of a name.
pub fn is_function_word(word: &str) -> bool {
    lex(word).is(FUNCTION)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert_eq!(month("July"), Some(7));
        assert_eq!(month("Sept"), Some(9));
        assert_eq!(number_word("Twenty-five"), Some(25.0));
        assert!((fraction_word("one-third").unwrap_or(0.0) - 1.0 / 3.0).abs() < 1e-6);
        assert!((fraction_word("two-thirds").unwrap_or(0.0) - 2.0 / 3.0).abs() < 1e-6);
        assert_eq!(scale_word("million"), Some(1e6));
        assert!(is_speech_verb("said"));
        assert!(is_title_word("Secretary-General"));
        assert!(is_honorific("Mr."));
        assert!(is_function_word("The"));
        assert!(number_word("thousands").is_some_and(f64::is_nan));
        assert!(lex("year’s") == lex("year"));
    }

    /// The table compiled in is the one the word lists give: every word found with its
    /// flags and values, and nothing else in it.
    #[test]
    fn the_compiled_table_holds_every_listed_word() {
        let entries = super::source::entries(include_str!("lexicon.txt"));
        assert!(entries.len() > 500, "{} words", entries.len());
        for e in &entries {
            let found = get(e.word.as_bytes(), hash(e.word.as_bytes()));
            let found = found.unwrap_or_else(|| panic!("{} is missing", e.word));
            assert_eq!(found.flags, e.flags, "{}", e.word);
            assert_eq!(found.value.to_bits(), e.value.to_bits(), "{}", e.word);
            assert_eq!(found.month, e.month, "{}", e.word);
        }
        assert_eq!(SLOTS.iter().filter(|s| s.len > 0).count(), entries.len());
        assert!(get(b"zanzibarquux", hash(b"zanzibarquux")).is_none());
    }
}

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
use crate::article::text::lexicon::source::{MAX_WORD, hash_words, key_words};
pub use source::{
    ABBREVIATED_TITLE, CLOSING_ABBREVIATION, DATE_UNIT, DATELINE_WORD, DOCUMENT, GIVEN_FEMALE, GIVEN_MALE,
    IRREGULAR_PLURAL, MONTH_LOWERCASE, NUMBER_ABBREVIATION, ORG_NOUN, PERCENT, PERIOD_ORDINAL, PERSON_NOUN, QUALIFIER,
    QUANTITY_MODIFIER, RATE_UNIT, SENTENCE_OPENER, TALLY, VAGUE_AMOUNT, VERB_AFTER, WORK,
};
pub use source::{
    CJK_BODY, CJK_TITLE, CREDIT, CURRENCY_WORD, ENGLISH, NUMBER_HOMOGRAPH, PARTICLE, PLAIN_ACRONYM, ROLE, TELL,
    TITLE_QUALIFIER,
};
pub use source::{DETERMINER, FIRST_PERSON, SCARE_CUE, TERM_CUE};

impl Lex {
    #[inline]
    pub fn is(&self, flag: u64) -> bool {
        self.flags & flag != 0
    }
}

/// The lexicon as an open-addressing table keyed by lowercase ASCII bytes: one hash,
/// one probe or two. Looked up once per word of every paragraph, so it is worth more than
/// a general-purpose map. The build script lays it out from lexicon.txt (see
/// `lexicon_source`): nothing to build when folio starts. Keys are held as three
/// little-endian words, zero-padded, and a word is looked up in that form: lowercased,
/// hashed and compared eight bytes at a time, in registers (a byte at a time, the
/// lookup was a sixth of the whole parse).
struct Slot {
    hash: u64,
    len: u8,
    key: [u64; KEY_WORDS],
    lex: Lex,
}

const KEY_WORDS: usize = MAX_WORD / 8;

impl Slot {
    const EMPTY: Slot = Slot { hash: 0, len: 0, key: [0; KEY_WORDS], lex: Lex { flags: 0, value: 0.0, month: 0 } };
}

include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

/// `b` (at most 24 bytes) as three little-endian words, zero-padded, with ASCII capitals
/// lowercased and every other byte (accents, other scripts) left as it is.
fn key_of(b: &[u8]) -> [u64; KEY_WORDS] {
    key_words(b).map(lowercase_word)
}

/// Lowercases the ASCII capitals among eight bytes at once. A byte with its top bit set
/// is no ASCII letter: masked out, so no sum carries into its neighbour.
fn lowercase_word(x: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let seven = x & LOW7;
    let from_a = seven + 0x3f3f_3f3f_3f3f_3f3f; // top bit set from 'A' (0x41) up
    let past_z = seven + 0x2525_2525_2525_2525; // top bit set from '[' (0x5b) up
    let capital = from_a & !past_z & !x & HIGH;
    x | (capital >> 2)
}

fn get(len: usize, key: &[u64; KEY_WORDS]) -> Option<&'static Lex> {
    let hash = hash_words(len, key);
    let mask = SLOTS.len() - 1;
    let mut i = (hash as usize) & mask;
    loop {
        let slot = &SLOTS[i];
        if slot.len == 0 {
            return None;
        }
        if slot.hash == hash && slot.len as usize == len && slot.key == *key {
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
    if let Some(l) = get(word.len(), &key_of(word)) {
        return *l;
    }
    if let Some(dash) = memchr::memchr(b'-', word) {
        let (head, tail) = (&word[..dash], &word[dash + 1..]);
        if let (Some(h), Some(t)) = (get(head.len(), &key_of(head)), get(tail.len(), &key_of(tail))) {
            // "twenty-five": tens and a unit; "a one-two punch" is no number.
            let tens = h.value >= 20.0 && h.value < 100.0 && h.value % 10.0 == 0.0;
            if h.is(NUMBER) && t.is(NUMBER) && tens && t.value >= 1.0 && t.value < 10.0 {
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
            let found = get(e.word.len(), &key_of(e.word.as_bytes()));
            let found = found.unwrap_or_else(|| panic!("{} is missing", e.word));
            assert_eq!(found.flags, e.flags, "{}", e.word);
            assert_eq!(found.value.to_bits(), e.value.to_bits(), "{}", e.word);
            assert_eq!(found.month, e.month, "{}", e.word);
        }
        assert_eq!(SLOTS.iter().filter(|s| s.len > 0).count(), entries.len());
        assert!(get(12, &key_of(b"zanzibarquux")).is_none());
    }

    /// Eight bytes lowercased at once agree with `to_ascii_lowercase` on every byte, in
    /// every position, whatever its neighbours.
    #[test]
    fn a_word_of_bytes_lowercases_like_each_byte() {
        for b in 0..=255u8 {
            for neighbour in [0u8, b'@', b'A', b'Z', b'[', 0x7f, 0x80, 0xc3, 0xff] {
                for pos in 0..8 {
                    let mut bytes = [neighbour; 8];
                    bytes[pos] = b;
                    let want = u64::from_le_bytes(bytes.map(|c| c.to_ascii_lowercase()));
                    assert_eq!(lowercase_word(u64::from_le_bytes(bytes)), want, "{b:#x} at {pos} among {neighbour:#x}");
                }
            }
        }
        assert_eq!(lex("Déclaré"), lex("déclaré"));
        assert_eq!(lex("TWENTY-FIVE").value, 25.0);
    }

    /// The hash spreads the words: a quarter-full table, and a lookup of a listed word
    /// probes little more than once on average.
    #[test]
    fn lookups_rarely_probe_twice() {
        let entries = super::source::entries(include_str!("lexicon.txt"));
        let slots = super::source::layout(&entries);
        let mask = slots.len() - 1;
        let mut probes = 0;
        for (n, e) in entries.iter().enumerate() {
            let mut i = super::source::hash(e.word.as_bytes()) as usize & mask;
            probes += 1;
            while slots[i] != Some(n) {
                i = (i + 1) & mask;
                probes += 1;
            }
        }
        let mean = probes as f64 / entries.len() as f64;
        assert!(mean < 1.25, "{mean} probes on average");
    }
}

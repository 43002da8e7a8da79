//! Word lists the extractors share, compiled once into one lexicon: each word token is
//! looked up once (lowercased, possessive dropped) and carries its [`Lex`] from then on,
//! so the extractors test bits instead of comparing strings.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// What folio knows about a word.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Lex {
    pub flags: u32,
    /// The value of a number word, fraction or scale ("two" 2, "one-third" 0.333,
    /// "million" 1e6); NaN for vague magnitudes ("thousands").
    pub value: f32,
    /// 1–12 for month names and their abbreviations.
    pub month: u8,
}

pub const MONTH: u32 = 1;
pub const WEEKDAY: u32 = 1 << 1;
pub const NUMBER: u32 = 1 << 2;
pub const FRACTION: u32 = 1 << 3;
pub const SCALE: u32 = 1 << 4;
pub const FUNCTION: u32 = 1 << 5;
pub const SPEECH: u32 = 1 << 6;
pub const TITLE: u32 = 1 << 7;
pub const HONORIFIC: u32 = 1 << 8;
/// May open a relative date: "this", "last", "two" (years later), "today".
pub const RELATIVE: u32 = 1 << 9;
/// Set by the tokenizer on words with an inner hyphen ("one-third", "two-week").
pub const HYPHENATED: u32 = 1 << 10;
/// Labels a number as an identifier: "Article 5", "year 11".
pub const LABEL: u32 = 1 << 11;
pub const TIME_UNIT: u32 = 1 << 12;
/// Units a number takes with a hyphen: "two-week", "3-nanometre".
pub const HYPHEN_UNIT: u32 = 1 << 13;
/// Heads of organisation names: "Office", "Union", "Council".
pub const ORG_KEYWORD: u32 = 1 << 14;
/// Heads of names that are events, documents or places: "Day", "Report", "Africa".
pub const OTHER_KEYWORD: u32 = 1 << 15;
/// Small words inside names: "of", "and", "van".
pub const CONNECTOR: u32 = 1 << 16;
/// Words before a lone month name that make it the month: "in May".
pub const MONTH_CONTEXT: u32 = 1 << 17;
/// Words before a four-digit number that make it a year: "since 2010".
pub const YEAR_CONTEXT: u32 = 1 << 18;
/// Auxiliaries and adverbs between a subject and its verb: "has also said".
pub const AUXILIARY: u32 = 1 << 19;
/// Capitalised only because they open a sentence: "According", "Speaking".
pub const OPENER: u32 = 1 << 20;

impl Lex {
    #[inline]
    pub fn is(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }
}

/// The word lists, kept as data: see lexicon.txt.
const LEXICON: &str = include_str!("lexicon.txt");

fn flag_of(section: &str) -> u32 {
    match section {
        "month" => MONTH,
        "weekday" => WEEKDAY,
        "number" => NUMBER | RELATIVE,
        "scale" => SCALE,
        "fraction" => FRACTION,
        "relative" => RELATIVE,
        "function" => FUNCTION,
        "speech" => SPEECH,
        "title" => TITLE,
        "honorific" => HONORIFIC | TITLE,
        "label" => LABEL,
        "time_unit" => TIME_UNIT,
        "hyphen_unit" => HYPHEN_UNIT,
        "org_keyword" => ORG_KEYWORD,
        "other_keyword" => OTHER_KEYWORD,
        "connector" => CONNECTOR,
        "month_context" => MONTH_CONTEXT,
        "year_context" => YEAR_CONTEXT,
        "auxiliary" => AUXILIARY,
        "opener" => OPENER,
        _ => 0,
    }
}

/// The lexicon as an open-addressing table keyed by lowercase ASCII bytes: one hash
/// computed while lowercasing, one probe or two. Looked up once per word of every
/// paragraph, so it is worth more than a general-purpose map.
struct Table {
    slots: Box<[Slot]>,
    mask: usize,
}

#[derive(Clone, Copy, Default)]
struct Slot {
    hash: u64,
    len: u8,
    key: [u8; MAX_WORD],
    lex: Lex,
}

const MAX_WORD: usize = 24;

#[inline]
fn step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

const SEED: u64 = 0xcbf2_9ce4_8422_2325;

impl Table {
    fn get(&self, key: &[u8], hash: u64) -> Option<&Lex> {
        let mut i = (hash as usize) & self.mask;
        loop {
            let slot = &self.slots[i];
            if slot.len == 0 {
                return None;
            }
            if slot.hash == hash && slot.len as usize == key.len() && &slot.key[..key.len()] == key {
                return Some(&slot.lex);
            }
            i = (i + 1) & self.mask;
        }
    }

    fn hash(key: &[u8]) -> u64 {
        key.iter().fold(SEED, |h, &b| step(h, b))
    }
}

fn lexicon() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut m: FxHashMap<&'static [u8], Lex> = FxHashMap::with_capacity_and_hasher(1024, Default::default());
        let mut section = "";
        for line in LEXICON.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            let flag = flag_of(section);
            for item in line.split_whitespace() {
                let (word, value) = match item.split_once('=') {
                    Some((w, v)) => (w, v.parse::<f32>().ok()),
                    None => (item, None),
                };
                let e = m.entry(word.as_bytes()).or_default();
                e.flags |= flag;
                match (section, value) {
                    ("month", Some(v)) => e.month = v as u8,
                    ("fraction", Some(d)) if d != 0.0 => e.value = 1.0 / d,
                    // A number word's own value wins over its scale ("hundred").
                    ("scale", Some(v)) if e.flags & NUMBER == 0 => e.value = v,
                    ("number", Some(v)) => e.value = v,
                    _ => {}
                }
            }
        }
        let size = (m.len() * 4).next_power_of_two();
        let mut slots = vec![Slot::default(); size].into_boxed_slice();
        for (word, lex) in m {
            if word.is_empty() || word.len() > MAX_WORD {
                continue;
            }
            let hash = Table::hash(word);
            let mut i = (hash as usize) & (size - 1);
            while slots[i].len != 0 {
                i = (i + 1) & (size - 1);
            }
            let mut key = [0u8; MAX_WORD];
            key[..word.len()].copy_from_slice(word);
            slots[i] = Slot { hash, len: word.len() as u8, key, lex };
        }
        Table { slots, mask: size - 1 }
    })
}

/// Builds the lexicon now rather than at the first word looked up.
pub fn warm_up() {
    lexicon();
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
    if word.len() > MAX_WORD || word.is_empty() || !word[0].is_ascii_alphabetic() {
        return Lex::default();
    }
    let mut buf = [0u8; MAX_WORD];
    let mut h = SEED;
    for (d, &s) in buf.iter_mut().zip(word) {
        if s >= 0x80 {
            return Lex::default();
        }
        let l = s.to_ascii_lowercase();
        *d = l;
        h = step(h, l);
    }
    let w = &buf[..word.len()];
    let lx = lexicon();
    if let Some(l) = lx.get(w, h) {
        return *l;
    }
    if let Some(dash) = w.iter().position(|&b| b == b'-') {
        let (head, tail) = (&w[..dash], &w[dash + 1..]);
        if let (Some(h), Some(t)) = (lx.get(head, Table::hash(head)), lx.get(tail, Table::hash(tail))) {
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
pub fn has(word: &str, flag: u32) -> bool {
    lex(word).is(flag)
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
    matches!(word, "he" | "she" | "they" | "He" | "She" | "They" | "I" | "we" | "We")
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
}

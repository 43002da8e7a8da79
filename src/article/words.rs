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

impl Lex {
    #[inline]
    pub fn is(&self, flag: u32) -> bool {
        self.flags & flag != 0
    }
}

const MONTHS: &[(&str, u8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

const NUMBERS: &[(&str, f32)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
    ("dozen", 12.0),
    ("hundreds", f32::NAN),
    ("thousands", f32::NAN),
    ("millions", f32::NAN),
    ("billions", f32::NAN),
    ("dozens", f32::NAN),
];

const SCALES: &[(&str, f32)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("mn", 1e6),
    ("billion", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
    ("lakh", 1e5),
    ("crore", 1e7),
];

const DENOMINATORS: &[(&str, f32)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

const RELATIVE_OPENERS: &[&str] = &[
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "this",
    "next",
    "last",
    "past",
    "coming",
    "earlier",
    "later",
    "previous",
    "following",
    "a",
    "an",
    "several",
    "few",
    "many",
];

const TITLES: &[&str] = &[
    "acting",
    "admiral",
    "adviser",
    "advisor",
    "ambassador",
    "analyst",
    "archbishop",
    "assistant",
    "associate",
    "attorney",
    "auditor",
    "bishop",
    "capt",
    "captain",
    "cardinal",
    "ceo",
    "cfo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "chancellor",
    "chief",
    "co-founder",
    "coach",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "constable",
    "coo",
    "correspondent",
    "councillor",
    "councilor",
    "dame",
    "dean",
    "defence",
    "defense",
    "deputy",
    "detective",
    "director",
    "director-general",
    "doctor",
    "dr",
    "economist",
    "editor",
    "education",
    "emir",
    "envoy",
    "executive",
    "father",
    "finance",
    "first",
    "foreign",
    "former",
    "founder",
    "gen",
    "general",
    "general-secretary",
    "governor",
    "head",
    "health",
    "high",
    "home",
    "imam",
    "inspector",
    "interim",
    "interior",
    "judge",
    "justice",
    "justice-minister",
    "king",
    "lady",
    "lawyer",
    "leader",
    "lieutenant",
    "lord",
    "lt",
    "major",
    "manager",
    "marshal",
    "mayor",
    "mep",
    "minister",
    "miss",
    "mla",
    "mp",
    "mr",
    "mrs",
    "ms",
    "mx",
    "national",
    "nurse",
    "officer",
    "official",
    "officials",
    "permanent",
    "pope",
    "premier",
    "president",
    "prime",
    "prince",
    "princess",
    "principal",
    "prof",
    "professor",
    "prosecutor",
    "queen",
    "rabbi",
    "rapporteur",
    "rector",
    "regional",
    "rep",
    "reporter",
    "representative",
    "researcher",
    "rev",
    "reverend",
    "scientist",
    "secretary",
    "secretary-general",
    "sen",
    "senator",
    "senior",
    "sergeant",
    "sgt",
    "sheikh",
    "sir",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "state",
    "sultan",
    "superintendent",
    "treasurer",
    "under-secretary-general",
    "undersecretary",
    "vice",
    "vice-president",
];

const HONORIFICS: &[&str] = &["dame", "dr", "miss", "mr", "mrs", "ms", "mx", "prof", "sir"];

const SPEECH_VERBS: &[&str] = &[
    "according",
    "acknowledged",
    "added",
    "adding",
    "adds",
    "admits",
    "admitted",
    "announced",
    "announces",
    "announcing",
    "argued",
    "argues",
    "arguing",
    "asked",
    "asks",
    "assured",
    "boasted",
    "called",
    "calling",
    "calls",
    "cautioned",
    "claimed",
    "claims",
    "commented",
    "comments",
    "complained",
    "conceded",
    "concluded",
    "confirmed",
    "confirms",
    "contended",
    "declared",
    "declares",
    "demanded",
    "demands",
    "described",
    "describes",
    "describing",
    "emphasised",
    "emphasises",
    "emphasized",
    "emphasizes",
    "explained",
    "explaining",
    "explains",
    "highlighted",
    "insisted",
    "insisting",
    "insists",
    "joked",
    "maintained",
    "maintains",
    "noted",
    "notes",
    "noting",
    "observed",
    "pleaded",
    "pledged",
    "posted",
    "predicted",
    "promised",
    "quipped",
    "recalled",
    "recalls",
    "reiterated",
    "remarked",
    "replied",
    "replies",
    "reported",
    "reports",
    "responded",
    "responds",
    "said",
    "say",
    "saying",
    "says",
    "shouted",
    "sighed",
    "state",
    "stated",
    "states",
    "stating",
    "stressed",
    "stresses",
    "suggested",
    "suggests",
    "tell",
    "telling",
    "tells",
    "told",
    "tweeted",
    "urge",
    "urged",
    "urges",
    "urging",
    "vowed",
    "warn",
    "warned",
    "warning",
    "warns",
    "whispered",
    "writes",
    "wrote",
];

const FUNCTION_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "across",
    "after",
    "again",
    "against",
    "all",
    "already",
    "also",
    "although",
    "among",
    "an",
    "and",
    "any",
    "are",
    "around",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "behind",
    "being",
    "below",
    "between",
    "beyond",
    "both",
    "but",
    "by",
    "can",
    "could",
    "currently",
    "despite",
    "did",
    "do",
    "does",
    "down",
    "during",
    "each",
    "earlier",
    "even",
    "every",
    "few",
    "first",
    "for",
    "from",
    "further",
    "furthermore",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "instead",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "less",
    "like",
    "many",
    "may",
    "me",
    "meanwhile",
    "might",
    "more",
    "moreover",
    "most",
    "must",
    "my",
    "near",
    "next",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "onto",
    "or",
    "other",
    "our",
    "out",
    "over",
    "overall",
    "per",
    "recently",
    "shall",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "today",
    "tomorrow",
    "too",
    "toward",
    "towards",
    "twice",
    "under",
    "unless",
    "unlike",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "via",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yesterday",
    "yet",
    "you",
    "your",
];

fn lexicon() -> &'static FxHashMap<&'static [u8], Lex> {
    static LEXICON: OnceLock<FxHashMap<&'static [u8], Lex>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut m: FxHashMap<&'static [u8], Lex> = FxHashMap::default();
        fn add<'m>(m: &'m mut FxHashMap<&'static [u8], Lex>, w: &'static str, flag: u32) -> &'m mut Lex {
            let e = m.entry(w.as_bytes()).or_default();
            e.flags |= flag;
            e
        }
        for &w in WEEKDAYS {
            add(&mut m, w, WEEKDAY);
        }
        for &w in FUNCTION_WORDS {
            add(&mut m, w, FUNCTION);
        }
        for &w in SPEECH_VERBS {
            add(&mut m, w, SPEECH);
        }
        for &w in TITLES {
            add(&mut m, w, TITLE);
        }
        for &w in HONORIFICS {
            add(&mut m, w, HONORIFIC | TITLE);
        }
        for &w in RELATIVE_OPENERS {
            add(&mut m, w, RELATIVE);
        }
        for &(w, v) in NUMBERS {
            add(&mut m, w, NUMBER | RELATIVE).value = v;
        }
        for &(w, v) in SCALES {
            let e = add(&mut m, w, SCALE);
            if !e.is(NUMBER) {
                e.value = v;
            }
        }
        for &(w, d) in DENOMINATORS {
            add(&mut m, w, FRACTION).value = 1.0 / d;
        }
        for &(w, n) in MONTHS {
            add(&mut m, w, MONTH).month = n;
        }
        m
    })
}

/// Looks a word up: ASCII letters lowercased, a trailing possessive dropped, hyphenated
/// number words ("twenty-five", "two-thirds") worked out from their parts.
pub fn lex(word: &str) -> Lex {
    let word = super::tokens::strip_possessive(word).as_bytes();
    if word.len() > 24 || word.is_empty() || !word[0].is_ascii_alphabetic() {
        return Lex::default();
    }
    let mut buf = [0u8; 24];
    for (d, s) in buf.iter_mut().zip(word) {
        *d = s.to_ascii_lowercase();
    }
    let w = &buf[..word.len()];
    let lx = lexicon();
    if let Some(l) = lx.get(w) {
        return *l;
    }
    if let Some(dash) = w.iter().position(|&b| b == b'-') {
        let (head, tail) = (&w[..dash], &w[dash + 1..]);
        if let (Some(h), Some(t)) = (lx.get(head), lx.get(tail)) {
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

//! The lexicon's source: the flags a word can carry, how `lexicon.txt` is read, and the
//! hash the table is keyed by. Shared by the build script, which turns the word lists into
//! a ready-made table compiled into the binary (nothing to build at start-up, before the
//! first screen), and by `words`, which looks words up in it. Self-contained on purpose:
//! the build script includes this file on its own.

pub const MONTH: u64 = 1;
pub const WEEKDAY: u64 = 1 << 1;
pub const NUMBER: u64 = 1 << 2;
pub const FRACTION: u64 = 1 << 3;
pub const SCALE: u64 = 1 << 4;
pub const FUNCTION: u64 = 1 << 5;
pub const SPEECH: u64 = 1 << 6;
pub const TITLE: u64 = 1 << 7;
pub const HONORIFIC: u64 = 1 << 8;
/// May open a relative date: "this", "last", "two" (years later), "today".
pub const RELATIVE: u64 = 1 << 9;
/// Set by the tokenizer on words with an inner hyphen ("one-third", "two-week").
pub const HYPHENATED: u64 = 1 << 10;
/// Labels a number as an identifier: "Article 5", "year 11".
pub const LABEL: u64 = 1 << 11;
pub const TIME_UNIT: u64 = 1 << 12;
/// Units a number takes with a hyphen: "two-week", "3-nanometre".
pub const HYPHEN_UNIT: u64 = 1 << 13;
/// Heads of organisation names: "Office", "Union", "Council".
pub const ORG_KEYWORD: u64 = 1 << 14;
/// Heads of names that are events, documents or places: "Day", "Report", "Africa".
pub const OTHER_KEYWORD: u64 = 1 << 15;
/// Small words inside names: "of", "and", "van".
pub const CONNECTOR: u64 = 1 << 16;
/// Words before a lone month name that make it the month: "in May".
pub const MONTH_CONTEXT: u64 = 1 << 17;
/// Words before a four-digit number that make it a year: "since 2010".
pub const YEAR_CONTEXT: u64 = 1 << 18;
/// Auxiliaries and adverbs between a subject and its verb: "has also said".
pub const AUXILIARY: u64 = 1 << 19;
/// Capitalised only because they open a sentence: "According", "Speaking".
pub const OPENER: u64 = 1 << 20;
/// "percent", "pc": a number is a percentage.
pub const PERCENT: u64 = 1 << 21;
/// Words before a bare fraction that make it a quantity: "just over half".
pub const QUALIFIER: u64 = 1 << 22;
/// Ordinals before "half" that make it a period: "the second half of 2025".
pub const PERIOD_ORDINAL: u64 = 1 << 23;
/// What a price is per: "a year", "per barrel".
pub const RATE_UNIT: u64 = 1 << 24;
/// What a tally counts: "61 votes to 57".
pub const TALLY: u64 = 1 << 25;
/// Plurals without an -s: "people", "children".
pub const IRREGULAR_PLURAL: u64 = 1 << 26;
/// Abbreviated titles before a name, whose full stop never ends a sentence: "Dr.", "Gen.".
pub const ABBREVIATED_TITLE: u64 = 1 << 27;
/// Abbreviations before a number: "No. 5", "fig. 3", "Jan. 12".
pub const NUMBER_ABBREVIATION: u64 = 1 << 28;
/// Abbreviations that may end a sentence: "etc.", "Inc.".
pub const CLOSING_ABBREVIATION: u64 = 1 << 29;
/// Words that commonly open a sentence (after an abbreviation, they end the sentence
/// before): "The", "However".
pub const SENTENCE_OPENER: u64 = 1 << 30;
/// Units of time a relative date counts in: "two years later", "last spring".
pub const DATE_UNIT: u64 = 1 << 31;
/// Documents a quotation comes from: "a statement from the ministry".
pub const DOCUMENT: u64 = 1 << 32;
/// Modifiers right before a quantity that belong to it: "nearly 500", "some 40".
pub const QUANTITY_MODIFIER: u64 = 1 << 33;
/// Verb forms after a plural-looking word that show it is no plural noun: "the 1990s saw".
pub const VERB_AFTER: u64 = 1 << 34;
/// The words of a date line besides the date: "Published", "at", "GMT", "Wed".
pub const DATELINE_WORD: u64 = 1 << 35;
/// Words before a quoted title of a work: "a paper titled", "the film".
pub const WORK: u64 = 1 << 36;
/// Given names, by the gender they are usually given to: "Fiona Parry issued a plea" is a
/// person with no other cue, and "she" can be her.
pub const GIVEN_FEMALE: u64 = 1 << 37;
pub const GIVEN_MALE: u64 = 1 << 38;
/// Common nouns for a named organisation: "the company", "the ministry".
pub const ORG_NOUN: u64 = 1 << 39;
/// Words for a named person besides titles: "the Republican", "the woman".
pub const PERSON_NOUN: u64 = 1 << 40;
/// Month names of languages that write them in lower case: "noviembre", "octobre",
/// "октября" are months however they are written.
pub const MONTH_LOWERCASE: u64 = 1 << 41;
/// Words that may open a vague amount no number word gives: "several million", "scores
/// of fires", "miles de personas".
pub const VAGUE_AMOUNT: u64 = 1 << 42;
/// Words before a quoted term that make it a name or a term: "called", "so-called".
pub const TERM_CUE: u64 = 1 << 43;
/// Determiners and possessives: "the", "her".
pub const DETERMINER: u64 = 1 << 44;
/// First- and second-person words: "I", "we", "your".
pub const FIRST_PERSON: u64 = 1 << 45;
/// Words in capitals that name no organisation: "GDP", "CEO", "COVID", "BREAKING".
pub const PLAIN_ACRONYM: u64 = 1 << 46;
/// Roles that, before a comma and a name, make the name a person's: "The head of X,
/// Ilias Chatzis, said".
pub const ROLE: u64 = 1 << 47;
/// Words that only qualify a title and are none on their own: "First Amendment",
/// "Former Yugoslavia", "X, national director".
pub const TITLE_QUALIFIER: u64 = 1 << 48;
/// English number words that are common words in other languages: Polish and Czech
/// "ten" (this), Dutch "ten" (at the).
pub const NUMBER_HOMOGRAPH: u64 = 1 << 49;
/// Small words only English uses, which show a paragraph is in English.
pub const ENGLISH: u64 = 1 << 50;
/// Names of currencies after a figure: "14,2 Milliarden Euro", "500 pesos".
pub const CURRENCY_WORD: u64 = 1 << 51;
/// Words that open a photo credit: "Photo: Jane Doe", "Photograph by Jane Doe".
pub const CREDIT: u64 = 1 << 52;
/// Lowercase particles inside names: "von der", "de", "bin".
pub const PARTICLE: u64 = 1 << 53;
/// Titles written after a Japanese or Chinese name: 山本会長, 习近平主席, 田中さん.
pub const CJK_TITLE: u64 = 1 << 54;
/// The last character of a Japanese or Chinese place or body before a title: 同社 (the
/// company), 東京都, 日本銀行; what stands before the title there is no person.
pub const CJK_BODY: u64 = 1 << 55;
/// Verbs whose object is the one spoken to: "told The Daily Ledger".
pub const TELL: u64 = 1 << 56;
/// Words that mark what follows as someone else's term, held at a distance ("so-called").
pub const SCARE_CUE: u64 = 1 << 57;

/// Keys longer than this are not in the table (and no word looked up can match one).
pub const MAX_WORD: usize = 24;

fn flag_of(section: &str) -> u64 {
    match section {
        "month" => MONTH,
        "month_lowercase" => MONTH | MONTH_LOWERCASE,
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
        "percent" => PERCENT,
        "qualifier" => QUALIFIER,
        "period_ordinal" => PERIOD_ORDINAL,
        "rate_unit" => RATE_UNIT,
        "tally" => TALLY,
        "irregular_plural" => IRREGULAR_PLURAL,
        "abbreviated_title" => ABBREVIATED_TITLE,
        "number_abbreviation" => NUMBER_ABBREVIATION,
        "closing_abbreviation" => CLOSING_ABBREVIATION,
        "sentence_opener" => SENTENCE_OPENER,
        "date_unit" => DATE_UNIT,
        "document" => DOCUMENT,
        "quantity_modifier" => QUANTITY_MODIFIER,
        "verb_after" => VERB_AFTER,
        "dateline_word" => DATELINE_WORD,
        "work" => WORK,
        "given_female" => GIVEN_FEMALE,
        "given_male" => GIVEN_MALE,
        "org_noun" => ORG_NOUN,
        "person_noun" => PERSON_NOUN,
        "vague_amount" => VAGUE_AMOUNT,
        "term_cue" => TERM_CUE,
        "determiner" => DETERMINER,
        "first_person" => FIRST_PERSON,
        "plain_acronym" => PLAIN_ACRONYM,
        "role" => ROLE,
        "title_qualifier" => TITLE_QUALIFIER,
        "number_homograph" => NUMBER_HOMOGRAPH,
        "english" => ENGLISH,
        "currency_word" => CURRENCY_WORD,
        "credit" => CREDIT,
        "particle" => PARTICLE,
        "cjk_title" => CJK_TITLE,
        "cjk_body" => CJK_BODY,
        "tell" => TELL,
        "scare_cue" => SCARE_CUE,
        _ => 0,
    }
}

/// One word of the lexicon with everything the lists say of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub word: String,
    pub flags: u64,
    pub value: f32,
    pub month: u8,
}

/// Reads the word lists: every word once, its flags merged over the sections it is in.
/// Sorted by word, so the table built from them is the same on every build.
pub fn entries(text: &str) -> Vec<Entry> {
    let mut all: Vec<Entry> = Vec::new();
    let mut section = "";
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
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
            if word.is_empty() || word.len() > MAX_WORD {
                continue;
            }
            let e = match all.iter().position(|e| e.word == word) {
                Some(i) => &mut all[i],
                None => {
                    all.push(Entry { word: word.to_string(), flags: 0, value: 0.0, month: 0 });
                    let last = all.len() - 1;
                    &mut all[last]
                }
            };
            e.flags |= flag;
            match (section, value) {
                ("month" | "month_lowercase", Some(v)) => e.month = v as u8,
                ("fraction", Some(d)) if d != 0.0 => e.value = 1.0 / d,
                // A number word's own value wins over its scale ("hundred").
                ("scale", Some(v)) if e.flags & NUMBER == 0 => e.value = v,
                ("number", Some(v)) => e.value = v,
                _ => {}
            }
        }
    }
    all.sort_by(|a, b| a.word.cmp(&b.word));
    all
}

/// The (lowercase) key's hash, eight bytes at a time (the last word zero-padded), each
/// word multiplied in and its high half folded down, so that the low bits the table is
/// indexed by depend on every byte. A byte at a time (FNV) was a chain of dependent
/// multiplications as long as the word, on every word of every paragraph.
pub fn hash(key: &[u8]) -> u64 {
    hash_words(key.len(), &key_words(key))
}

/// [`hash`] of a key already in words: only the words the key reaches count.
#[inline]
pub fn hash_words(len: usize, words: &[u64; MAX_WORD / 8]) -> u64 {
    let mut h = SEED ^ len as u64;
    for &w in &words[..len.div_ceil(8)] {
        h = (h ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        h ^= h >> 32;
    }
    h
}

/// The key as the table holds it: three little-endian words, zero-padded.
/// A short last chunk is gathered in registers: copying it into a padded buffer called
/// memcpy for each word looked up.
pub fn key_words(key: &[u8]) -> [u64; MAX_WORD / 8] {
    let mut words = [0u64; MAX_WORD / 8];
    for (k, chunk) in key.chunks(8).enumerate().take(words.len()) {
        words[k] = match <[u8; 8]>::try_from(chunk) {
            Ok(whole) => u64::from_le_bytes(whole),
            Err(_) => chunk.iter().enumerate().fold(0, |x, (i, &c)| x | (u64::from(c) << (8 * i))),
        };
    }
    words
}

pub const SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// The open-addressing layout: slot `i` holds the index of an entry, or `None`. A quarter
/// full, so a lookup rarely probes twice.
pub fn layout(entries: &[Entry]) -> Vec<Option<usize>> {
    let size = (entries.len() * 4).next_power_of_two();
    let mut slots = vec![None; size];
    for (n, e) in entries.iter().enumerate() {
        let mut i = (hash(e.word.as_bytes()) as usize) & (size - 1);
        while slots[i].is_some() {
            i = (i + 1) & (size - 1);
        }
        slots[i] = Some(n);
    }
    slots
}

//! The lexicon's source: the flags a word can carry, how `lexicon.txt` is read, and the
//! hash the table is keyed by. Shared by the build script, which turns the word lists into
//! a ready-made table compiled into the binary (nothing to build at start-up, before the
//! first screen), and by `words`, which looks words up in it. Self-contained on purpose:
//! the build script includes this file on its own.

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

/// Keys longer than this are not in the table (and no word looked up can match one).
pub const MAX_WORD: usize = 24;

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

/// One word of the lexicon with everything the lists say of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub word: String,
    pub flags: u32,
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
                ("month", Some(v)) => e.month = v as u8,
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

#[inline]
pub fn step(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
}

pub const SEED: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a over the (lowercase) key bytes.
pub fn hash(key: &[u8]) -> u64 {
    key.iter().fold(SEED, |h, &b| step(h, b))
}

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

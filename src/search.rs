//! Searching an article's text, for the reader's `/` and for `--search`.
//!
//! A query matches with smart case (all lowercase ignores case, any capital makes it
//! exact), ignores accents ("tre em" finds "trẻ em", "cafe" finds "café") and treats
//! curly and straight quotes alike. A query starting with `re:` is a regular expression.
//! The query is compiled into one regex over the original text, so matches are byte
//! ranges of the text as written, whatever its normal form; no folded copy is made.

use regex::{Regex, RegexBuilder};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

#[derive(Debug, Clone)]
pub struct Matcher {
    /// The accent-aware pattern, compiled the first time text with accents is searched:
    /// its large character classes take milliseconds to compile, too long for every
    /// keystroke over plain text.
    regex: OnceLock<Option<Regex>>,
    pattern: String,
    /// The same query for text whose letters are all ASCII: no accent classes, so the
    /// regex engine can search for the literal at memchr speed.
    plain: Option<Regex>,
    /// A plain query (not `re:`).
    literal: bool,
}

/// Whether `text` has a letter or combining mark outside ASCII: only then does a search
/// need the accent-insensitive pattern.
pub fn has_non_ascii_letters(text: &str) -> bool {
    !text.is_ascii() && text.chars().any(|c| !c.is_ascii() && (c.is_alphabetic() || is_combining_mark(c)))
}

/// Letters with accents, grouped by the letter they are built on: 'e' -> "éèêëẹẻẽ…".
fn variants() -> &'static HashMap<char, String> {
    static TABLE: OnceLock<HashMap<char, String>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t: HashMap<char, String> = HashMap::new();
        let ranges = [0xC0..=0x24F, 0x370..=0x3FF, 0x400..=0x4FF, 0x1E00..=0x1EFF];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let mut base = None;
            decompose_canonical(c, |d| {
                if base.is_none() {
                    base = Some(d);
                }
            });
            if let Some(b) = base.filter(|&b| b != c) {
                t.entry(b).or_default().push(c);
            }
        }
        // Letters that are not composed but read as a plain one.
        for (b, v) in [('d', 'đ'), ('D', 'Đ'), ('o', 'ø'), ('O', 'Ø'), ('l', 'ł'), ('L', 'Ł'), ('h', 'ħ'), ('i', 'ı')]
        {
            t.entry(b).or_default().push(v);
        }
        t
    })
}

/// The query's letters without accents: what each of its characters stands for.
fn fold_query(query: &str) -> Vec<char> {
    query.nfd().filter(|&c| !is_combining_mark(c)).collect()
}

fn push_escaped(out: &mut String, c: char) {
    let mut buf = [0u8; 4];
    out.push_str(&regex::escape(c.encode_utf8(&mut buf)));
}

/// A character class for one query character: itself, its accented forms, and (without
/// case sensitivity) both cases of all of them.
fn class_for(c: char, case_sensitive: bool) -> String {
    match c {
        '\'' | '’' | '‘' | 'ʼ' | '′' => return "['’‘ʼ′]".to_string(),
        '"' | '“' | '”' | '„' | '″' => return "[\"“”„″]".to_string(),
        ' ' => return r"[\s\u{a0}]+".to_string(),
        _ => {}
    }
    let table = variants();
    let mut members: Vec<char> = vec![c];
    let bases: Vec<char> = if case_sensitive { vec![c] } else { c.to_lowercase().chain(c.to_uppercase()).collect() };
    for b in bases {
        members.push(b);
        if let Some(v) = table.get(&b) {
            members.extend(v.chars());
        }
    }
    members.sort_unstable();
    members.dedup();
    if members.len() == 1 {
        let mut s = String::new();
        push_escaped(&mut s, c);
        return s;
    }
    let mut s = String::from("[");
    for m in members {
        push_escaped(&mut s, m);
    }
    s.push(']');
    s
}

impl Matcher {
    /// Compiles a query. Errors (an invalid regex) come back as one line for the status bar.
    pub fn new(query: &str) -> Result<Matcher, String> {
        if let Some(pattern) = query.strip_prefix("re:") {
            if pattern.is_empty() {
                return Err("empty regular expression".to_string());
            }
            let smart_ignore = !pattern.chars().any(char::is_uppercase);
            let regex = RegexBuilder::new(pattern)
                .case_insensitive(smart_ignore)
                .size_limit(8 << 20)
                .build()
                .map_err(|e| format!("invalid regex: {}", one_line(&e.to_string())))?;
            return Ok(Matcher {
                regex: OnceLock::from(Some(regex)),
                pattern: String::new(),
                plain: None,
                literal: false,
            });
        }
        if query.is_empty() {
            return Err("empty query".to_string());
        }
        let case_sensitive = query.chars().any(char::is_uppercase);
        let mut pattern = String::new();
        // Combining marks after any letter of the text are skipped, so "tre" matches the
        // decomposed "tre\u{302}" as well as the composed "trê".
        let marks = r"[\p{Mn}]*";
        for c in fold_query(query) {
            pattern.push_str(&class_for(c, case_sensitive));
            pattern.push_str(marks);
        }
        // For ASCII text: the folded query's letters as they are, quotes and spaces as
        // classes. A query letter with no ASCII form can only match accented text.
        let folded = fold_query(query);
        let plain = folded.iter().all(|c| c.is_ascii() || !c.is_alphanumeric()).then(|| {
            let mut p = String::new();
            for &c in &folded {
                match c {
                    '\'' | '’' | '‘' | 'ʼ' | '′' | '"' | '“' | '”' | '„' | '″' | ' ' => {
                        p.push_str(&class_for(c, true))
                    }
                    _ => push_escaped(&mut p, c),
                }
            }
            RegexBuilder::new(&p).case_insensitive(!case_sensitive).build().ok()
        });
        Ok(Matcher { regex: OnceLock::new(), pattern, plain: plain.flatten(), literal: true })
    }

    fn full(&self) -> Option<&Regex> {
        self.regex.get_or_init(|| RegexBuilder::new(&self.pattern).size_limit(32 << 20).build().ok()).as_ref()
    }

    /// Like [`Matcher::find_all`], for text known to have only ASCII letters (see
    /// [`has_non_ascii_letters`]).
    pub fn find_all_ascii(&self, text: &str) -> Vec<Range<usize>> {
        match (&self.plain, self.literal) {
            (Some(p), _) => p.find_iter(text).filter(|m| !m.is_empty()).map(|m| m.range()).collect(),
            // A literal with a letter no ASCII text has ("日本", "ß").
            (None, true) => Vec::new(),
            (None, false) => self.find_all(text),
        }
    }

    /// Every non-empty, non-overlapping match in `text`, as byte ranges. Empty matches
    /// (`re:^`, `re:\b`) are skipped, so a search always ends.
    pub fn find_all(&self, text: &str) -> Vec<Range<usize>> {
        match self.full() {
            Some(re) => re.find_iter(text).filter(|m| !m.is_empty()).map(|m| m.range()).collect(),
            None => Vec::new(),
        }
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.full().is_some_and(|re| re.find_iter(text).any(|m| !m.is_empty()))
    }
}

/// A match with up to `around` characters either side, cut at spaces, with ellipses
/// where the text goes on.
pub fn context_parts(text: &str, range: Range<usize>, around: usize) -> (String, String, String) {
    let head = &text[..range.start];
    let start = head.char_indices().rev().nth(around).map_or(0, |(i, _)| i);
    // A cut word at either end is dropped, unless that would leave under half the room
    // (a narrow sidebar): then the part of it shows, after the ellipsis.
    let enough = |s: &str| s.chars().count() * 2 >= around;
    let mut before = &head[start..];
    if start > 0 {
        before = before.split_once(' ').map(|(_, rest)| rest).filter(|r| enough(r)).unwrap_or(before);
    }
    let tail = &text[range.end..];
    let end = tail.char_indices().nth(around).map_or(tail.len(), |(i, _)| i);
    let mut after = &tail[..end];
    if end < tail.len() {
        after = after.rsplit_once(' ').map(|(first, _)| first).filter(|f| enough(f)).unwrap_or(after);
    }
    (
        format!("{}{before}", if start > 0 { "…" } else { "" }),
        text[range].to_string(),
        format!("{after}{}", if end < tail.len() { "…" } else { "" }),
    )
}

fn one_line(s: &str) -> String {
    let last = s.lines().map(str::trim).rfind(|l| !l.is_empty()).unwrap_or(s);
    last.strip_prefix("error: ").unwrap_or(last).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(query: &str, text: &'a str) -> Vec<&'a str> {
        let m = Matcher::new(query).expect("valid query");
        m.find_all(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn smart_case() {
        assert_eq!(found("chatzis", "Ilias Chatzis said; chatzis."), ["Chatzis", "chatzis"]);
        assert_eq!(found("Chatzis", "Ilias Chatzis said; chatzis."), ["Chatzis"]);
        assert!(found("CHATZIS", "Ilias Chatzis").is_empty());
    }

    #[test]
    fn accents_are_ignored_both_ways() {
        assert_eq!(found("tre em", "Bảo vệ trẻ em khỏi"), ["trẻ em"]);
        assert_eq!(found("cafe", "un café noir"), ["café"]);
        // Decomposed text: the highlight covers the combining mark too.
        let decomposed = "un cafe\u{301} noir";
        assert_eq!(found("cafe", decomposed), ["cafe\u{301}"]);
        assert_eq!(found("café", "un cafe noir"), ["cafe"]);
        assert_eq!(found("dong", "Việt Nam đồng"), ["đồng"]);
    }

    #[test]
    fn quote_marks_match_each_other() {
        assert_eq!(found("year's", "this year’s theme"), ["year’s"]);
        assert_eq!(found("“no”", "said \"no\" to"), ["\"no\""]);
    }

    #[test]
    fn regex_queries() {
        assert_eq!(found("re:t[a-z]+ing", "trafficking and testing"), ["trafficking", "testing"]);
        assert!(Matcher::new("re:(").unwrap_err().starts_with("invalid regex"));
        assert!(Matcher::new("re:").is_err());
    }

    #[test]
    fn empty_matches_never_loop() {
        for q in ["re:^", r"re:\b", "re:x*", "re:"] {
            if let Ok(m) = Matcher::new(q) {
                assert!(m.find_all("some text here").iter().all(|r| !r.is_empty()));
            }
        }
    }

    #[test]
    fn matches_do_not_overlap() {
        assert_eq!(found("aa", "aaaaa"), ["aa", "aa"]);
    }

    #[test]
    fn the_ascii_fast_path_agrees_with_the_full_pattern() {
        for (q, text) in [
            ("trafficking", "Trafficking and TRAFFICKING and trafficking’s"),
            ("year's", "this year’s theme and last year's"),
            ("united nations", "the United  Nations and united\u{a0}nations"),
            ("Chatzis", "chatzis Chatzis"),
            ("$3.4bn", "rose $3.4bn"),
        ] {
            let m = Matcher::new(q).expect("query");
            assert!(!has_non_ascii_letters(text));
            assert_eq!(m.find_all_ascii(text), m.find_all(text), "{q} in {text}");
        }
        let m = Matcher::new("日本").expect("query");
        assert!(m.find_all_ascii("plain ascii text").is_empty());
        assert!(has_non_ascii_letters("café"));
        assert!(!has_non_ascii_letters("“quoted” — £5 ’"));
    }

    #[test]
    fn regex_special_characters_are_literal() {
        assert_eq!(found("(UNODC)", "Crime (UNODC) has"), ["(UNODC)"]);
        assert_eq!(found("$3.4bn", "rose $3.4bn, not $304bn"), ["$3.4bn"]);
    }
}

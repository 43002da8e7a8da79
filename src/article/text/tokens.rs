//! A small tokenizer shared by the extractors: words, numbers and punctuation with their
//! byte offsets. Tokenizing once per paragraph keeps the whole pipeline linear.

use crate::article::text::lexicon::{HYPHENATED, Lex, lex};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Starts with a letter: "Guterres", "one-third", "U.S", "Covid-19", "UNODC’s".
    Word,
    /// Starts with a digit or a currency sign followed by a digit: "1,000", "£1,000",
    /// "4.3", "59%", "160M", "11th", "2020s".
    Number,
    /// Any other visible character, one per token: quotation marks, dashes, full stops.
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// What the lexicon knows of a word (empty for numbers and punctuation).
    pub lex: Lex,
}

impl Token {
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }
}

pub fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '₹' | '₫' | '₩' | '₽' | '₺' | '₦' | '₱')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks belong to the letter before them ("tre\u{0302}" is one word).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Appends the tokens of `text` to `out` (cleared first), so callers can reuse one buffer.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    out.clear();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let c = if b < 0x80 { b as char } else { decode_at(text, i) };
        let clen = c.len_utf8();
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        let start = i;
        if c.is_alphabetic() {
            i = scan_word(text, i + clen);
            // "NZ$240", "US$1.2bn", "HK$3": a country prefix glued to a currency sign.
            if i - start <= 3
                && bytes[start..i].iter().all(u8::is_ascii_uppercase)
                && let Some(sign) = text[i..].chars().next().filter(|&c| is_currency(c))
                && bytes.get(i + sign.len_utf8()).is_some_and(u8::is_ascii_digit)
            {
                i = scan_number(text, i + sign.len_utf8());
                out.push(Token { start, end: i, kind: Kind::Number, lex: Lex::default() });
                continue;
            }
            // "P2.3 billion": the Philippine peso sign is a letter glued to the amount.
            if bytes[start] == b'P' && bytes.get(start + 1).is_some_and(u8::is_ascii_digit) {
                let end = scan_number(text, start + 1);
                let amount = &text[start + 1..end];
                let rest = text[end..].trim_start();
                let scaled = ["million", "billion", "trillion", "thousand"].iter().any(|w| rest.starts_with(w));
                if amount.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
                    && (amount.contains([',', '.']) || scaled)
                {
                    i = end;
                    out.push(Token { start, end: i, kind: Kind::Number, lex: Lex::default() });
                    continue;
                }
            }
            let word = &text[start..i];
            let mut lx = lex(word);
            if memchr::memchr(b'-', word.as_bytes()).is_some() {
                lx.flags |= HYPHENATED;
            }
            out.push(Token { start, end: i, kind: Kind::Word, lex: lx });
        } else if c.is_ascii_digit()
            || is_vulgar_fraction(c)
            || (is_currency(c) && bytes.get(i + clen).is_some_and(u8::is_ascii_digit))
        {
            i = scan_number(text, i + clen);
            out.push(Token { start, end: i, kind: Kind::Number, lex: Lex::default() });
        } else {
            i += clen;
            out.push(Token { start, end: i, kind: Kind::Punct, lex: Lex::default() });
        }
    }
}

pub fn tokenize(text: &str) -> Vec<Token> {
    let mut v = Vec::new();
    tokenize_into(text, &mut v);
    v
}

#[inline]
fn decode_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\u{fffd}')
}

/// "½", "¾", "⅓": a number in one character.
pub fn is_vulgar_fraction(c: char) -> bool {
    matches!(c, '¼' | '½' | '¾' | '⅐'..='⅞')
}

/// Chinese, Japanese and Korean letters, which need no spaces around a number: "出口3000亿美元".
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}')
}

/// Continues a word: letters and digits, plus a hyphen, apostrophe or full stop when a
/// letter or digit follows it ("one-third", "children's", "U.S"). Digits after Chinese or
/// Japanese letters start a number of their own.
fn scan_word(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while i < bytes.len() {
        // Plain ASCII letters and digits need no decoding.
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            if b.is_ascii_digit() && bytes[i - 1] >= 0x80 && text[..i].chars().next_back().is_some_and(is_cjk) {
                break;
            }
            i += 1;
            continue;
        }
        if b < 0x80 && !matches!(b, b'-' | b'.' | b'\'') {
            break;
        }
        let c = decode_at(text, i);
        let n = c.len_utf8();
        if is_word_char(c) {
            i += n;
        } else if matches!(c, '-' | '.' | '\u{2011}') || is_apostrophe(c) {
            match text[i + n..].chars().next() {
                Some(next) if next.is_alphanumeric() => {
                    // "U.S" keeps its dots but "end.Next" (a missing space) should not
                    // glue two words: only single letters take a dot.
                    if c == '.' && !single_letter_before(text, i) {
                        break;
                    }
                    i += n;
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    i
}

fn single_letter_before(text: &str, dot: usize) -> bool {
    let mut it = text[..dot].chars().rev();
    match (it.next(), it.next()) {
        (Some(a), None) => a.is_alphabetic(),
        (Some(a), Some(b)) => a.is_alphabetic() && !b.is_alphanumeric(),
        _ => false,
    }
}

/// Continues a number: digits with inner separators ("1,000", "4.3"), then letters or a
/// percent sign glued to it ("160M", "11th", "59%").
fn scan_number(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    let start = i.saturating_sub(1);
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() || (b == b',' || b == b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else if let Some(n) = thousands_space(text, i, start) {
            // "2 209", "1 234,5": thousands set apart by a space.
            i += n;
        } else {
            break;
        }
    }
    // "1½"
    if let Some(c) = text[i..].chars().next().filter(|&c| is_vulgar_fraction(c)) {
        i += c.len_utf8();
    }
    if bytes.get(i) == Some(&b'%') || text[i..].starts_with('％') {
        return i + if bytes.get(i) == Some(&b'%') { 1 } else { '％'.len_utf8() };
    }
    // Glued letters: units, suffixes, or an identifier such as "5G"; in Chinese and
    // Japanese only the scale characters ("3000亿", "5万"), the rest is the next word.
    while i < bytes.len() {
        let c = decode_at(text, i);
        if is_cjk(c) {
            if matches!(c, '万' | '亿' | '億' | '兆' | '千' | '百') {
                i += c.len_utf8();
            }
            break;
        }
        if c.is_alphanumeric() {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// The length of a no-break or thin space that separates thousands at `i` ("2 209"):
/// three digits follow and then no fourth.
/// A plain space does too, as French writes it, when one to three digits stand before it
/// (from `start`, where the number began): "2 209 Français", never "2019 2 people".
fn thousands_space(text: &str, i: usize, start: usize) -> Option<usize> {
    let c = text[i..].chars().next()?;
    let bytes = text.as_bytes();
    if i == 0 || !bytes[i - 1].is_ascii_digit() {
        return None;
    }
    // Not in a run of groups such as a telephone number ("+221 33 869 1234").
    let after_group = start >= 2 && bytes[start - 1] == b' ' && bytes[start - 2].is_ascii_digit()
        || start >= 1 && bytes[start - 1] == b'+';
    let plain = c == ' ' && !after_group && bytes[start] != b'0' && {
        let head = &bytes[start..i];
        let group = head.iter().rev().take_while(|b| b.is_ascii_digit()).count();
        (1..=3).contains(&group) && (group == head.len() || head[head.len() - group - 1] == b' ')
    };
    if !(plain || matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2009}')) {
        return None;
    }
    let rest = &bytes[i + c.len_utf8()..];
    let three = rest.len() >= 3 && rest[..3].iter().all(u8::is_ascii_digit);
    // Not "5 200.5" or "3 100,000": the group ends the number or another group follows.
    let ends = match rest.get(3) {
        None => true,
        Some(b) if b.is_ascii_digit() => false,
        Some(b'.' | b',' | b':' | b'/') => !rest.get(4).is_some_and(u8::is_ascii_digit) || c != ' ',
        _ => true,
    };
    (three && ends).then_some(c.len_utf8())
}

/// Token ranges `[a, b)` of telephone numbers: groups of digits separated by single
/// spaces, opening with 0, a "+", or a word such as "Call" ("0345 988 1188", "+44 (0)1970
/// 628 455", "Call 896 6000"). Their digits are neither years nor statistics.
pub fn phone_numbers(text: &str, t: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let digits =
        |x: &Token| x.kind == Kind::Number && x.text(text).bytes().all(|b| b.is_ascii_digit()) && x.end - x.start <= 5;
    const CUES: [&str; 10] =
        ["call", "tel", "telephone", "phone", "fax", "hotline", "helpline", "mobile", "whatsapp", "ring"];
    let cue = |k: usize| k > 0 && CUES.iter().any(|c| c.eq_ignore_ascii_case(t[k - 1].text(text)));
    let mut i = 0;
    while i < t.len() {
        if !digits(&t[i]) {
            i += 1;
            continue;
        }
        let plus = i > 0 && t[i - 1].text(text) == "+" && t[i - 1].end == t[i].start;
        if plus || text[t[i].start..].starts_with('0') || cue(i) {
            let mut j = i + 1;
            let mut groups = 1;
            loop {
                // "(0)" inside an international number.
                if j + 2 < t.len() && t[j].text(text) == "(" && digits(&t[j + 1]) && t[j + 2].text(text) == ")" {
                    j += 3;
                    continue;
                }
                if j < t.len() && digits(&t[j]) && t[j].start <= t[j - 1].end + 1 {
                    j += 1;
                    groups += 1;
                    continue;
                }
                break;
            }
            if groups >= 3 || (plus || cue(i)) && groups >= 2 {
                out.push((i, j));
                i = j;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// `word` lowercased into `buf` (empty when it is not ASCII or too long).
pub fn lower<'b>(word: &str, buf: &'b mut [u8; 24]) -> &'b str {
    lower_ascii(word, buf).unwrap_or("")
}

/// ASCII-lowercases a short word into `buf`; `None` when it is too long or not ASCII.
/// Lets word lists be `match` statements without allocating.
pub fn lower_ascii<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

/// A word lowercased on the stack (empty when longer than 24 bytes or not ASCII).
#[derive(Clone, Copy)]
pub struct Low {
    buf: [u8; 24],
    len: u8,
}

impl Low {
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or("")
    }
}

pub fn low(word: &str) -> Low {
    let mut buf = [0u8; 24];
    let b = word.as_bytes();
    if b.len() > buf.len() || !word.is_ascii() {
        return Low { buf, len: 0 };
    }
    // Checked as UTF-8 once, by `as_str`: going through `lower_ascii` checked it twice,
    // and `low` runs on most words of a paragraph.
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Low { buf, len: b.len() as u8 }
}

/// The word without a trailing possessive "'s" / "’s" / "s'".
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(w) = word.strip_suffix(suffix) {
            return w;
        }
    }
    word
}

pub fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// All letters uppercase and at least two of them: "UNODC", "NEU", "UN".
pub fn is_acronym(word: &str) -> bool {
    let w = strip_possessive(word);
    let mut letters = 0;
    for c in w.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        } else if !c.is_ascii_digit() && c != '&' {
            return false;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn words_keep_inner_hyphens_and_apostrophes() {
        assert_eq!(
            words("UNODC’s one-third children's low- and"),
            ["UNODC’s", "one-third", "children's", "low", "-", "and"]
        );
    }

    #[test]
    fn numbers_keep_separators_currency_and_units() {
        assert_eq!(words("£1,000 4.3 59% 160M 11th 2024."), ["£1,000", "4.3", "59%", "160M", "11th", "2024", "."]);
        let t = tokenize("£1,000 x");
        assert_eq!(t[0].kind, Kind::Number);
    }

    #[test]
    fn dotted_abbreviations_stay_one_word() {
        assert_eq!(words("the U.S. and e.g. this"), ["the", "U.S", ".", "and", "e.g", ".", "this"]);
        assert_eq!(words("end.Next"), ["end", ".", "Next"]);
    }

    #[test]
    fn quotes_are_punctuation() {
        let text = "“No child,” she said.";
        let kinds: Vec<Kind> = tokenize(text).iter().map(|t| t.kind).collect();
        assert_eq!(kinds[0], Kind::Punct);
        assert_eq!(words(text), ["“", "No", "child", ",", "”", "she", "said", "."]);
    }

    #[test]
    fn acronyms() {
        assert!(is_acronym("UNODC"));
        assert!(is_acronym("UNODC’s"));
        assert!(!is_acronym("Ukraine"));
        assert!(!is_acronym("A"));
    }
}

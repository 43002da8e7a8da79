//! The shapes of lines and words that every layer asks about: how many words a line
//! has, how it starts and ends, whether a paragraph opens on a wire dateline.

use super::tokens::{Kind, Token, is_acronym, starts_upper};

/// `word_count(s) <= n` without counting past `n`: paragraphs can be long. Block text
/// is cleaned (single spaces between words), so counting spaces counts words. The
/// length cap bounds the count. Spaces are counted 64 bytes at a time into a byte, which
/// the compiler turns into a few vector instructions: stepping memchr from one space to
/// the next paid a call per word, and counting into a `usize` four bytes per step.
pub fn at_most_words(s: &str, n: usize) -> bool {
    if s.len() > n * 40 {
        return false;
    }
    let mut spaces = 0;
    for chunk in s.trim().as_bytes().chunks(64) {
        spaces += usize::from(chunk.iter().map(|&b| u8::from(b == b' ')).sum::<u8>());
        if spaces >= n.max(1) {
            return false;
        }
    }
    true
}

/// Whether `needle` (ASCII, lower case) occurs in `hay` in any ASCII case, without a
/// lowered copy of `hay`: memchr finds each place the needle's first letter could be (a
/// leading space would make every space a candidate).
pub fn contains_ascii_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(k) = n.iter().position(u8::is_ascii_alphabetic) else { return hay.contains(needle) };
    memchr::memchr2_iter(n[k], n[k].to_ascii_uppercase(), h)
        .filter_map(|at| at.checked_sub(k))
        .any(|start| h.len() - start >= n.len() && h[start..start + n.len()].eq_ignore_ascii_case(n))
}

/// Whether `s` starts with `prefix` (ASCII, lower case) in any ASCII case.
pub fn starts_with_ascii_ci(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// The last character that is not a closing quotation mark or bracket.
pub fn final_char(s: &str) -> Option<char> {
    s.trim_end().chars().rev().find(|c| !matches!(c, '”' | '’' | '"' | '\'' | ')' | ']' | '»' | '*' | '_'))
}

pub fn ends_with_stop(s: &str) -> bool {
    matches!(final_char(s), Some('.' | '!' | '?' | '…' | ':' | ';' | ',' | '。'))
}

pub fn starts_capitalised(s: &str) -> bool {
    s.chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Byte ranges of the URLs, web addresses and DOIs in a text, whose digits are never
/// statistics or dates: "https://example.com/2024/05/x", "www.example.org/2021",
/// "example.com/archive/1998", "10.1038/s41564-025-01934-7".
pub fn url_ranges(text: &str) -> Vec<(usize, usize)> {
    // Every form has a slash or "www." in it: most paragraphs have neither.
    // The searcher is built once: building it for each paragraph cost more than the search.
    static WWW: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"www.").into_owned());
    if memchr::memchr(b'/', text.as_bytes()).is_none() && WWW.find(text.as_bytes()).is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for word in text.split_ascii_whitespace() {
        let w = word.trim_start_matches(['(', '[', '<', '"', '“', '‘']);
        let host = w.split('/').next().unwrap_or("");
        // A dot inside the part before the first slash, with letters after it: a domain.
        let domain = w.contains('/')
            && host.rsplit_once('.').is_some_and(|(name, tld)| {
                !name.is_empty() && tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
            });
        let doi = w.starts_with("10.") && w.contains('/');
        if w.contains("://") || w.starts_with("www.") || domain || doi {
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            out.push((start, start + word.len()));
        }
    }
    out
}

/// Ranges (of bytes or tokens), sorted with overlaps merged, so asking whether a position
/// falls in one is a binary search: a paragraph of many links or phone numbers and many
/// figures then costs their sum, not their product.
pub struct Ranges(Vec<(usize, usize)>);

impl Ranges {
    pub fn new(mut ranges: Vec<(usize, usize)>) -> Ranges {
        ranges.sort_unstable();
        let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
        for (a, b) in ranges {
            match out.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => out.push((a, b)),
            }
        }
        Ranges(out)
    }

    /// The range `at` falls in (`a <= at < b`), if any.
    pub fn around(&self, at: usize) -> Option<(usize, usize)> {
        let k = self.0.partition_point(|&(a, _)| a <= at);
        self.0.get(k.checked_sub(1)?).copied().filter(|&(_, b)| at < b)
    }

    /// Whether `start..end` lies inside one range.
    pub fn covers(&self, start: usize, end: usize) -> bool {
        let k = self.0.partition_point(|&(a, _)| a <= start);
        k.checked_sub(1).is_some_and(|k| end <= self.0[k].1)
    }
}

/// Byte ranges of terminal escape sequences left in a text (pasted from a terminal, or
/// planted): "ESC[0m", "ESC]0;title BEL". Their digits are not figures ("0m" is not
/// nought metres). The reader shows them as placeholders.
pub fn escape_ranges(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for start in memchr::memchr_iter(0x1b, b) {
        let end = match b.get(start + 1) {
            // CSI: parameters and intermediates, then one final byte.
            Some(b'[') => {
                let body =
                    b[start + 2..].iter().position(|&c| !(0x20..=0x3f).contains(&c)).map_or(b.len(), |p| start + 2 + p);
                (body + 1).min(b.len())
            }
            // OSC: up to BEL or ESC \.
            Some(b']') => match b[start + 2..].iter().position(|&c| c == 0x07 || c == 0x1b) {
                Some(p) => (start + 3 + p).min(b.len()),
                None => b.len(),
            },
            _ => start + 1,
        };
        // Never end inside a character: the sequence is ASCII, text after it may not be.
        let end = (end..=b.len()).find(|&e| text.is_char_boundary(e)).unwrap_or(b.len());
        out.push((start, end));
    }
    out
}

/// A wire dateline opening the paragraph: the place in capitals, perhaps a state or
/// country or the date after a comma, perhaps an agency in brackets, then a dash or a
/// colon ("LOS ANGELES (AP) —", "SAN JOSE, Calif. (Reuters) -", "GENEVA, Switzerland —",
/// "TOKYO, Dec 1 (Reuters) -", "NEW DELHI:"). Gives the token where the
/// place ends (names before it are the place's) and the token after the dash.
pub fn wire_dateline(t: &[Token], text: &str) -> Option<(usize, usize)> {
    let w = |k: usize| t.get(k).map_or("", |x| x.text(text));
    let mut k = 0;
    while k < 4 && t.get(k).is_some_and(|x| x.kind == Kind::Word && is_acronym(x.text(text))) {
        k += 1;
    }
    if k == 0 {
        return None;
    }
    let kind = |k: usize| t.get(k).map(|x| x.kind);
    let capital_word = |k: usize| t.get(k).is_some_and(|x| x.kind == Kind::Word && starts_upper(x.text(text)));
    // ", Calif." or ", Switzerland" or ", N.J."
    let mut place_end = k;
    if w(k) == "," && capital_word(k + 1) {
        k += 2;
        while matches!(w(k), ".") || w(k).len() == 1 && w(k + 1) == "." {
            k += 1;
        }
        // Not a state but the date: ", Dec 1", ", Dec. 1"; the place ends at the comma.
        if kind(k) == Some(Kind::Number) {
            k += 1;
        } else {
            place_end = k;
        }
    } else if w(k) == "," && kind(k + 1) == Some(Kind::Number) && capital_word(k + 2) {
        // ", 1 Dec"
        k += 3;
    }
    if w(k) == "(" && w(k + 2) == ")" {
        k += 3;
    }
    // "NEW DELHI:" is a dateline too, as Indian and some Asian papers write it.
    matches!(w(k), "—" | "–" | "-" | "--" | ":").then_some((place_end, k + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_limits_count_words_not_bytes() {
        assert!(at_most_words("one two three", 3));
        assert!(!at_most_words("one two three four", 3));
        assert!(at_most_words("  padded  ", 1));
        assert!(!at_most_words(&"word ".repeat(30), 25));
    }

    #[test]
    fn ascii_case_blind_search() {
        assert!(contains_ascii_ci("Jo Bell Contributed Reporting.", " contributed reporting"));
        assert!(contains_ascii_ci("contributed reporting", "contributed reporting"));
        assert!(!contains_ascii_ci(" contributed report", " contributed reporting"));
        assert!(!contains_ascii_ci("Jo contributed", " on twitter"));
        assert!(starts_with_ascii_ci("FOLLOW us", "follow "));
        assert!(!starts_with_ascii_ci("Fol", "follow "));
        // A multi-byte character before the match does not throw the offsets.
        assert!(contains_ascii_ci("Café ’s coverage", " coverage"));
    }
}

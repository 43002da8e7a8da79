//! The shapes of lines and words that every layer asks about: how many words a line
//! has, how it starts and ends, whether a paragraph opens on a wire dateline.

use super::tokens::{Kind, Token, is_acronym, starts_upper};

/// `word_count(s) <= n` without counting past `n`: paragraphs can be long. Block text
/// is cleaned (single spaces between words), so counting spaces counts words.
pub fn at_most_words(s: &str, n: usize) -> bool {
    s.len() <= n * 40 && memchr::memchr_iter(b' ', s.trim().as_bytes()).nth(n.saturating_sub(1)).is_none()
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

/// A wire dateline opening the paragraph: the place in capitals, perhaps a state or
/// country after a comma, perhaps an agency in brackets, then a dash ("LOS ANGELES (AP) —",
/// "SAN JOSE, Calif. (Reuters) -", "GENEVA, Switzerland —"). Gives the token where the
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
    // ", Calif." or ", Switzerland" or ", N.J."
    if w(k) == "," && t.get(k + 1).is_some_and(|x| x.kind == Kind::Word && starts_upper(x.text(text))) {
        k += 2;
        while matches!(w(k), ".") || w(k).len() == 1 && w(k + 1) == "." {
            k += 1;
        }
    }
    let place_end = k;
    if w(k) == "(" && w(k + 2) == ")" {
        k += 3;
    }
    matches!(w(k), "—" | "–" | "-" | "--").then_some((place_end, k + 1))
}

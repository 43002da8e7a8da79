//! Japanese and Chinese names, which no capital marks: the two to four Han characters
//! before a title written after the name (山本会長, 习近平主席, 田中さん), set off by kana,
//! punctuation or the start of the word. A place or a body before the title (同社社長,
//! 東京都知事, 美国总统) is no name.

use super::hit::{NameHit, NameKind};
use crate::article::text::lexicon::{CJK_BODY, CJK_TITLE, has};
use crate::article::text::tokens::Token;

/// The longest title in the lexicon is four characters (副大統領).
const LONGEST_TITLE: usize = 4;
/// Family names are one or two characters, given names one to three; one character alone
/// before a title is more often a word (同氏 "the said", 皆さん "everyone") than a name.
const NAME_CHARS: std::ops::RangeInclusive<usize> = 2..=4;

/// Whether a word may hold a Japanese or Chinese name: its first letter is Han or kana.
pub(super) fn may_hold_names(text: &str, tok: &Token) -> bool {
    text.as_bytes().get(tok.start).is_some_and(|&b| (0xE3..=0xE9).contains(&b))
        && tok.text(text).chars().next().is_some_and(crate::article::text::tokens::is_cjk)
}

/// The names in one word of Japanese or Chinese text (a run of letters with no spaces).
pub(super) fn cjk_names(text: &str, tok: &Token, out: &mut Vec<NameHit>) {
    let s = tok.text(text);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let at = |k: usize| chars.get(k).map_or(s.len(), |c| c.0);
    let mut k = 0;
    while k < chars.len() {
        let title = (1..=LONGEST_TITLE).rev().find(|&n| k + n <= chars.len() && has(&s[at(k)..at(k + n)], CJK_TITLE));
        let Some(n) = title else {
            k += 1;
            continue;
        };
        let first = (0..k).rev().take_while(|&j| is_han(chars[j].1)).last();
        if let Some(f) = first
            && NAME_CHARS.contains(&(k - f))
            && !has(&s[at(k - 1)..at(k)], CJK_BODY)
        {
            out.push(NameHit {
                kind: NameKind::Person,
                start: tok.start + at(f),
                end: tok.start + at(k),
                acronym: None,
                titled: true,
                glued_said: false,
                gender: None,
            });
        }
        k += n;
    }
}

/// A Han character (kanji, hanzi): names are written in them; kana are particles and
/// endings around them.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

//! Sentence boundaries inside a paragraph.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotation marks or brackets
//! after it) when the next word starts a sentence: an uppercase letter, a digit or an
//! opening quotation mark. Abbreviations (Mr., Dr., U.S., No. 5, e.g.), initials and
//! decimals do not end sentences.

use crate::article::text::lexicon::{
    ABBREVIATED_TITLE, CLOSING_ABBREVIATION, NUMBER_ABBREVIATION, SENTENCE_OPENER, has, has_lowercase,
};
use crate::article::text::tokens::{Kind, Token, lower_ascii};
use std::ops::Range;

/// Byte ranges of the sentences of `text`, trimmed, covering every token.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut first = 0; // index of the first token of the current sentence
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let s = t.text(text);
        let terminal = t.kind == Kind::Punct && matches!(s, "." | "!" | "?" | "…" | "。" | "！" | "？");
        if !terminal {
            i += 1;
            continue;
        }
        // Swallow runs of terminal marks and closing quotes/brackets: `?!`, `.”`, `.)`.
        let mut last = i;
        while let Some(n) = tokens.get(last + 1) {
            let ns = n.text(text);
            let glued = n.start == tokens[last].end;
            if n.kind == Kind::Punct && glued && (is_closing(ns) || matches!(ns, "." | "!" | "?" | "…")) {
                last += 1;
            } else {
                break;
            }
        }
        let ends = match tokens.get(last + 1) {
            None => true,
            Some(next) => {
                let cjk = matches!(s, "。" | "！" | "？");
                cjk || (next.start > tokens[last].end
                    && starts_sentence(next.text(text))
                    && !(s == "." && abbreviation_holds(text, tokens, i, next.text(text))))
            }
        };
        if ends {
            out.push(tokens[first].start..tokens[last].end);
            first = last + 1;
        }
        i = last + 1;
    }
    if first < tokens.len() {
        out.push(tokens[first].start..tokens[tokens.len() - 1].end);
    }
    out
}

/// A sentence longer than this is shown as a window around the words it is quoted for
/// (a statistic's figure): a paragraph with no sentence end would otherwise be copied
/// whole for each figure in it, which is quadratic in its length. News sentences run to
/// about 300 bytes; the longest in the seed, samples and fixtures is far under this.
pub const MAX_SENTENCE: usize = 600;

/// How much of a long sentence is kept either side of the words it is shown for: a
/// line or two of context, and a paragraph of nothing but figures (one every 10 bytes)
/// then gives each about 250 bytes, not a copy of the paragraph.
const CONTEXT: usize = 120;

/// `sentence` (a range of `text`), or, when it is longer than [`MAX_SENTENCE`], the
/// window of it around `words` (a range inside it): up to [`CONTEXT`] bytes either side,
/// cut between words, with an ellipsis where it was cut.
pub fn sentence_around(text: &str, sentence: Range<usize>, words: Range<usize>) -> std::borrow::Cow<'_, str> {
    if sentence.len() <= MAX_SENTENCE {
        return std::borrow::Cow::Borrowed(&text[sentence]);
    }
    let start = words.start.max(sentence.start);
    let end = words.end.min(sentence.end).max(start);
    // The window's ends, moved back to a space so no word is cut.
    let mut from = start.saturating_sub(CONTEXT).max(sentence.start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    if from > sentence.start {
        from = text[from..start].find(' ').map_or(start, |i| from + i + 1);
    }
    let mut to = (end + CONTEXT).min(sentence.end);
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    if to < sentence.end {
        to = text[end..to].rfind(' ').map_or(end, |i| end + i);
    }
    let inner = text[from..to].trim();
    let mut out = String::with_capacity(inner.len() + 6);
    if from > sentence.start {
        out.push('…');
    }
    out.push_str(inner);
    if to < sentence.end {
        out.push('…');
    }
    std::borrow::Cow::Owned(out)
}

fn is_closing(s: &str) -> bool {
    matches!(s, "”" | "’" | "\"" | "'" | ")" | "]" | "»" | "›")
}

fn starts_sentence(word: &str) -> bool {
    match word.chars().next() {
        Some(c) => {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, '“' | '"' | '‘' | '\'' | '(' | '[' | '«' | '„' | '—' | '–' | '¿' | '¡')
                || !c.is_alphabetic() && !c.is_ascii_punctuation() && !c.is_alphanumeric() && c > '\u{2E7F}'
        }
        None => false,
    }
}

/// True when the full stop at `dot` belongs to an abbreviation and the sentence goes on.
fn abbreviation_holds(text: &str, tokens: &[Token], dot: usize, next: &str) -> bool {
    let Some(prev) = dot.checked_sub(1).map(|p| tokens[p]) else {
        return false;
    };
    if prev.kind != Kind::Word || prev.end != tokens[dot].start {
        return false;
    }
    let word = prev.text(text);
    let mut buf = [0u8; 24];
    let lower = lower_ascii(word, &mut buf).unwrap_or("");
    // Titles before a name never end a sentence.
    if has_lowercase(lower, ABBREVIATED_TITLE) {
        return true;
    }
    if has_lowercase(lower, NUMBER_ABBREVIATION) {
        return next.starts_with(|c: char| c.is_ascii_digit());
    }
    // An initial: "J. K. Rowling", "George W. Bush".
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    // Dotted abbreviations and "etc." may end a sentence; they do when a common sentence
    // opener follows ("… in the U.S. The next day …").
    let dotted = word.contains('.');
    if dotted || has_lowercase(lower, CLOSING_ABBREVIATION) {
        return !is_common_opener(next);
    }
    false
}

fn is_common_opener(word: &str) -> bool {
    // Capitalised as a sentence opens: "The", not "the" or "THE".
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_lowercase())
        && has(word, SENTENCE_OPENER)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::text::tokens::tokenize;

    fn split(text: &str) -> Vec<&str> {
        sentences(text, &tokenize(text)).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(split("One here. Two there! Three? Four"), ["One here.", "Two there!", "Three?", "Four"]);
    }

    #[test]
    fn titles_and_abbreviations_do_not_split() {
        assert_eq!(
            split("Mr. Smith met Dr. Jones at St. Paul's. They talked."),
            ["Mr. Smith met Dr. Jones at St. Paul's.", "They talked."]
        );
        assert_eq!(split("It ranks No. 5 in the world. Next."), ["It ranks No. 5 in the world.", "Next."]);
        assert_eq!(split("Fruit, e.g. Apples, are good."), ["Fruit, e.g. Apples, are good."]);
    }

    #[test]
    fn dotted_abbreviation_can_end_a_sentence() {
        assert_eq!(
            split("Talks were held in the U.S. The deal was signed. The U.S. Senate agreed."),
            ["Talks were held in the U.S.", "The deal was signed.", "The U.S. Senate agreed."]
        );
    }

    #[test]
    fn decimals_and_initials() {
        assert_eq!(
            split("Pay rose 4.3 per cent. J. K. Rowling wrote it."),
            ["Pay rose 4.3 per cent.", "J. K. Rowling wrote it."]
        );
    }

    #[test]
    fn quotes_that_end_a_sentence() {
        assert_eq!(
            split("He said: “We must act.” Then he left. “Is it?” she asked."),
            ["He said: “We must act.”", "Then he left.", "“Is it?” she asked."]
        );
    }

    #[test]
    fn a_long_sentence_is_cut_around_the_words_between_words() {
        let text = "word ".repeat(400) + "the figure 42 here " + &"more ".repeat(400);
        let at = text.find("42").unwrap();
        let cut = sentence_around(&text, 0..text.len(), at..at + 2);
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
        assert!(cut.contains("the figure 42 here"));
        assert!(cut.len() <= 2 * CONTEXT + 10, "{}", cut.len());
        let inner = cut.trim_matches('…');
        assert!(text.contains(inner) && !inner.starts_with(' ') && !inner.ends_with(' '));
        // Near the start, nothing is cut there.
        let cut = sentence_around(&text, 0..text.len(), 0..4);
        assert!(cut.starts_with("word word") && cut.ends_with('…'), "{cut}");
        assert_eq!(sentence_around("Short one.", 0..10, 6..9), "Short one.");
    }

    #[test]
    fn lowercase_after_stop_does_not_split() {
        assert_eq!(split("It cost approx. ten dollars."), ["It cost approx. ten dollars."]);
    }
}

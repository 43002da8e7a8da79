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
    fn lowercase_after_stop_does_not_split() {
        assert_eq!(split("It cost approx. ten dollars."), ["It cost approx. ten dollars."]);
    }
}

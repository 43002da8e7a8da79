//! Dialogue lines: a paragraph that opens with a dash is someone's words, as Spanish,
//! Russian and other languages write speech ("— Внезапно я захотел вести блог…",
//! "—Hola —dijo Juan—. ¿Qué tal?"). The narrator's words between two dashes say who.

use super::RawQuote;
use super::attribution::{Said, attribution_after};
use crate::article::text::lexicon::SPEECH;
use crate::article::text::tokens::{Kind, Token};

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '―')
}

/// The quotes of a paragraph written as a dialogue line, or `None` when it is not one.
pub fn dialogue_line(text: &str, t: &[Token]) -> Option<Vec<RawQuote>> {
    let lead = text.len() - text.trim_start().len();
    let first = text[lead..].chars().next().filter(|&c| is_dash(c))?;
    let begin = lead + first.len_utf8();
    // The dashes that may set the narrator's words apart, and which of them do: those
    // whose words that follow open with a verb of speech ("—dijo Juan—", "— сказал он, —").
    let dashes: Vec<usize> =
        text[begin..].char_indices().filter(|&(_, c)| is_dash(c)).map(|(i, _)| begin + i).collect();
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut said = Said::Nobody;
    let mut from = begin;
    let mut k = 0;
    while k < dashes.len() {
        let open = dashes[k];
        let close = dashes.get(k + 1).copied().unwrap_or(text.len());
        let words = token_range(t, open, close);
        let narrated = t[words.clone()].iter().filter(|x| x.kind == Kind::Word).take(3).any(|x| x.lex.is(SPEECH));
        if narrated {
            parts.push((from, open));
            if said == Said::Nobody
                && let Some(s) = attribution_after(text, &t[words])
            {
                said = s;
            }
            from = (close + '—'.len_utf8()).min(text.len());
            k += 2;
        } else {
            k += 1;
        }
    }
    parts.push((from, text.len()));
    let quotes: Vec<RawQuote> = parts
        .into_iter()
        .filter_map(|(a, b)| trimmed(text, a, b))
        .enumerate()
        .map(|(n, (start, end))| RawQuote {
            start,
            end,
            said: said.clone(),
            opens_paragraph: n == 0,
            opens_sentence: true,
            unclosed: false,
            said_from: None,
            dialogue: true,
        })
        .collect();
    // A line of a few words with no narrator is a list's dash or a signature ("— Jane Doe").
    let words = quotes.first().map_or(0, |q| text[q.start..q.end].split_whitespace().count());
    (said != Said::Nobody || words >= 4 && ends_a_sentence(text)).then_some(quotes)
}

/// The tokens from byte `a` to byte `b`.
fn token_range(t: &[Token], a: usize, b: usize) -> std::ops::Range<usize> {
    t.partition_point(|x| x.start < a)..t.partition_point(|x| x.start < b)
}

/// A part's words without the spaces, commas and full stop that hand over to the narrator.
fn trimmed(text: &str, a: usize, b: usize) -> Option<(usize, usize)> {
    let part = &text[a..b];
    let start = a + (part.len() - part.trim_start_matches([' ', '.', ',']).len());
    let end = a + part.trim_end_matches([' ', ',']).len();
    (end > start && text[start..end].chars().any(char::is_alphanumeric)).then_some((start, end))
}

fn ends_a_sentence(text: &str) -> bool {
    text.trim_end().ends_with(['.', '!', '?', '…', '»', '"', '”', ')'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::text::tokens::tokenize;

    fn lines(text: &str) -> Option<Vec<(String, Said)>> {
        let t = tokenize(text);
        dialogue_line(text, &t).map(|q| q.into_iter().map(|q| (text[q.start..q.end].to_string(), q.said)).collect())
    }

    #[test]
    fn a_dialogue_line_is_a_quote() {
        let q = lines("— Внезапно я захотел вести блог – совершенно любой. Но точно знал, что не брошу.").unwrap();
        assert_eq!(
            q,
            [("Внезапно я захотел вести блог – совершенно любой. Но точно знал, что не брошу.".into(), Said::Nobody)]
        );
    }

    #[test]
    fn the_narrator_between_dashes_names_the_speaker() {
        let q = lines("—No vamos a rendirnos —dijo Juan Pérez—. Seguiremos mañana.").unwrap();
        assert_eq!(
            q,
            [
                ("No vamos a rendirnos".into(), Said::Name("Juan Pérez".into())),
                ("Seguiremos mañana.".into(), Said::Name("Juan Pérez".into()))
            ]
        );
    }

    #[test]
    fn a_dash_inside_the_words_is_not_the_narrator() {
        let q = lines("— Кулинария — мое хобби в свободное время от работы.").unwrap();
        assert_eq!(q.len(), 1);
    }

    #[test]
    fn a_signature_or_a_plain_line_is_not_dialogue() {
        assert!(lines("— Jane Doe").is_none());
        assert!(lines("The river — wide and slow — ran on.").is_none());
    }
}

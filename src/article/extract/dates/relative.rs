//! Relative dates: "this year", "two years later", "last week", "Wednesday". They are
//! kept apart from absolute dates, which can be put on a calendar.

use crate::article::text::lexicon::{DATE_UNIT, RELATIVE, has_lowercase, number_word};
use crate::article::text::tokens::{Kind, Token, low, strip_possessive};

/// A relative time expression starting at token `i`; returns the index of its last token.
pub(super) fn relative_span(text: &str, t: &[Token], i: usize) -> Option<usize> {
    if t[i].kind == Kind::Word && !t[i].lex.is(RELATIVE) {
        return None;
    }
    // Every relative expression but "today" goes on with a word: "this year", "two years".
    let next_is_word = t.get(i + 1).is_some_and(|n| n.kind == Kind::Word);
    if !next_is_word
        && !matches!(
            t[i].text(text),
            "today" | "Today" | "yesterday" | "Yesterday" | "tomorrow" | "Tomorrow" | "tonight" | "Tonight"
        )
    {
        return None;
    }
    if matches!(t[i].text(text), "a" | "an" | "A" | "An")
        && !t.get(i + 1).is_some_and(|n| n.lex.is(crate::article::text::lexicon::TIME_UNIT))
    {
        return None;
    }
    let w = low(t[i].text(text));
    let w = w.as_str();
    let at = |k: usize| t.get(k).map(|n| low(strip_possessive(n.text(text)))).unwrap_or(low(""));
    let unit = |s: &str| has_lowercase(s, DATE_UNIT);
    match w {
        "today" | "yesterday" | "tomorrow" | "tonight" => Some(i),
        "this" | "next" | "last" | "past" | "coming" => {
            let n = at(i + 1);
            // "last year" but not "the last two days" (that is a quantity).
            (unit(n.as_str()) && !n.as_str().ends_with('s')).then_some(i + 1)
        }
        "earlier" | "later" => (at(i + 1).as_str() == "this" && unit(at(i + 2).as_str())).then_some(i + 2),
        "previous" | "following" => {
            let prev = i.checked_sub(1).map(|p| low(t[p].text(text))).unwrap_or(low(""));
            let n = at(i + 1);
            (prev.as_str() == "the" && unit(n.as_str()) && !n.as_str().ends_with('s')).then_some(i + 1)
        }
        _ => {
            // "two years later", "3 days ago", "a decade earlier"
            let is_count = t[i].kind == Kind::Number && t[i].text(text).bytes().all(|b| b.is_ascii_digit())
                || matches!(w, "a" | "an" | "several" | "few" | "many")
                || number_word(w).is_some_and(|v| !v.is_nan());
            if !is_count || !unit(at(i + 1).as_str()) {
                return None;
            }
            matches!(at(i + 2).as_str(), "later" | "ago" | "earlier").then_some(i + 2)
        }
    }
}

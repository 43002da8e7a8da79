//! The words around a statistic's quantity: the modifiers before it ("more than",
//! "nearly"), what it counts after it ("of all victims", "one-off bonus"), and the unit of
//! a price ("a year", "per megawatt hour").

use super::lists::MODIFIER_PAIRS;
use crate::article::extract::numbers::not_quantity::{is_label, word_at};
use crate::article::text::lexicon::{
    FUNCTION, NUMBER, QUANTITY_MODIFIER, RATE_UNIT, SCALE, SPEECH, TALLY, has_lowercase, is_irregular_plural,
    number_word,
};
use crate::article::text::tokens::{Kind, Token, low};

/// Extends a quantity back over "more than", "nearly", "at least", "an estimated".
pub(super) fn modifier_start(text: &str, t: &[Token], q: usize) -> usize {
    let w = |k: usize| low(word_at(text, t, k));
    if q >= 2 {
        let two = (w(q - 2), w(q - 1));
        if MODIFIER_PAIRS.contains(&(two.0.as_str(), two.1.as_str())) {
            return q - 2;
        }
    }
    if q >= 1 && has_lowercase(w(q - 1).as_str(), QUANTITY_MODIFIER) {
        return q - 1;
    }
    q
}

/// Extends a quantity forward over what it counts: "members", "one-off bonus",
/// "of all victims", "of human trafficking victims".
/// The end of "a year", "an hour", "per megawatt hour" after a price ending at `q_end`.
pub(super) fn rate_end(text: &str, t: &[Token], q_end: usize) -> Option<usize> {
    let per = low(word_at(text, t, q_end + 1));
    if !matches!(per.as_str(), "a" | "an" | "per") {
        return None;
    }
    let unit = |k: usize| {
        let w = low(word_at(text, t, k));
        has_lowercase(w.as_str(), RATE_UNIT)
            || w.as_str().strip_suffix('s').is_some_and(|s| has_lowercase(s, RATE_UNIT))
    };
    // "per megawatt hour", "a square metre"
    let two = matches!(low(word_at(text, t, q_end + 2)).as_str(), "megawatt" | "kilowatt" | "square" | "cubic")
        && (unit(q_end + 3)
            || matches!(low(word_at(text, t, q_end + 3)).as_str(), "metre" | "meter" | "foot" | "feet"));
    let end = if two { q_end + 3 } else { unit(q_end + 2).then_some(q_end + 2)? };
    // "£5m a year ago" is when, not a rate.
    let when = matches!(low(word_at(text, t, end + 1)).as_str(), "ago" | "earlier" | "later" | "before" | "after");
    (!when).then_some(end)
}

pub(super) fn counted_end(text: &str, t: &[Token], q_end: usize) -> usize {
    let noun_like = |k: usize, in_of: bool| {
        let Some(tok) = t.get(k) else {
            return false;
        };
        let s = tok.text(text);
        tok.kind == Kind::Word
            && !tok.lex.is(FUNCTION | SPEECH)
            // A number word starts the next quantity: "A$210m three years later".
            && (!tok.lex.is(NUMBER) || tok.lex.is(SCALE))
            && !s.ends_with("ed")
            && (in_of || !s.ends_with("ing") || k == q_end + 1 && t[q_end].text(text).contains('-'))
            && (in_of || !s.starts_with(char::is_uppercase))
            && (!tok.lex.is(SCALE) || s.len() > 2)
    };
    // A plural noun ends the phrase: "3 in 4 toddlers" (walk).
    let plural = |k: usize| {
        let s = t[k].text(text);
        // "France's" is a possessive, not a plural: "30% of France's reactors".
        let possessive = s.ends_with("'s") || s.ends_with("’s");
        s.len() > 3 && s.ends_with('s') && !possessive && !s.ends_with("ss") && !s.ends_with("us") && !s.ends_with("is")
            || is_irregular_plural(s)
    };
    // "7.5% year on year": a comparison, not what is counted.
    let comparison = |k: usize| {
        let (a, b, c) = (low(word_at(text, t, k)), low(word_at(text, t, k + 1)), low(word_at(text, t, k + 2)));
        matches!(a.as_str(), "year" | "month" | "week" | "quarter") && b.as_str() == "on" && a.as_str() == c.as_str()
            || matches!(a.as_str(), "year-on-year" | "month-on-month" | "quarter-on-quarter" | "week-on-week" | "y/y")
    };
    let mut end = q_end;
    let mut k = q_end + 1;
    // "three more cyclones", "10 fewer beds".
    let mut reach = q_end + 3;
    if matches!(low(word_at(text, t, k)).as_str(), "more" | "fewer") && noun_like(k + 1, false) {
        k += 1;
        reach += 1;
    }
    while k <= reach && noun_like(k, false) && !comparison(k) {
        end = k;
        k += 1;
        if plural(end) {
            break;
        }
    }
    // A tally: "by 61 votes to 57".
    if end > q_end
        && has_lowercase(low(word_at(text, t, end)).as_str(), TALLY)
        && low(word_at(text, t, k)).as_str() == "to"
        && t.get(k + 1).is_some_and(|x| x.kind == Kind::Number || number_word(x.text(text)).is_some())
    {
        return k + 1;
    }
    // "of" + an optional determiner + up to four words.
    if low(word_at(text, t, k)).as_str() == "of" {
        let mut j = k + 1;
        if matches!(
            low(word_at(text, t, j)).as_str(),
            "all" | "the" | "its" | "their" | "our" | "his" | "her" | "those" | "these" | "a" | "an"
        ) {
            j += 1;
        }
        // A partitive: "nine of the 12 largest cities".
        if t.get(j).is_some_and(|x| x.kind == Kind::Number) && noun_like(j + 1, true) {
            j += 1;
        }
        let first = j;
        // "of magnitude 3": a label and its number are not what is counted.
        let labelled = |j: usize| is_label(word_at(text, t, j)) && t.get(j + 1).is_some_and(|x| x.kind == Kind::Number);
        while j < first + 4 && noun_like(j, true) && !labelled(j) {
            end = j;
            j += 1;
            if plural(end) {
                break;
            }
        }
    }
    end
}

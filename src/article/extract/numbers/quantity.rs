//! Quantities: where a number starts and ends, and its value. "8.9 million", "98 per
//! cent", "£1,000", "one-third", "3 in 4", "NZ$240". Whether a quantity is a statistic,
//! and what it counts, is `numbers`' business.

use super::not_quantity::{
    Before, before_number, is_degree_sign, is_identifier, is_plain_year, list_number, names_a_thing, word_at,
};
use super::value::digits_value;
use crate::article::text::lexicon::{
    ENGLISH, FRACTION, HYPHEN_UNIT, HYPHENATED, NUMBER, NUMBER_HOMOGRAPH, PERCENT, PERIOD_ORDINAL, QUALIFIER, SCALE,
    TIME_UNIT, VAGUE_AMOUNT, fraction_word, has, has_lowercase, number_word, scale_word,
};
use crate::article::text::numerals::opens_a_size;
use crate::article::text::tokens::{Kind, Token, low};

pub(super) fn is_time_unit(word: &str) -> bool {
    has(word, TIME_UNIT)
}

fn is_percent_word(word: &str) -> bool {
    has_lowercase(low(word).as_str(), PERCENT)
}

/// Units a hyphenated number word takes: "two-week", "three-year", "10-month".
pub(super) fn is_hyphen_unit(word: &str) -> bool {
    has(word, HYPHEN_UNIT)
}

/// The quantity starting at token `i`: its last token and value; `None` if the token
/// does not start a statistic.
pub(super) fn quantity_at(text: &str, t: &[Token], i: usize, blocked: &[bool]) -> Option<(usize, Option<f64>)> {
    match t[i].kind {
        Kind::Number => digits_quantity(text, t, i),
        Kind::Word => word_quantity(text, t, i, blocked.get(i).copied().unwrap_or(false)),
        Kind::Punct => None,
    }
}

/// A number written with digits: "1,000", "£4.3bn", "10-15".
fn digits_quantity(text: &str, t: &[Token], i: usize) -> Option<(usize, Option<f64>)> {
    // Ordinals (11th), identifiers (5G) and times (10am) have no value.
    let value = digits_value(t[i].text(text))?;
    if is_clock_time(text, t, i) {
        return None;
    }
    match before_number(text, t, i) {
        Before::NotAQuantity => return None,
        Before::Currency => return Some((i, Some(value))),
        Before::Nothing => {}
    }
    if is_identifier(text, t, i) || is_plain_year(text, t, i) || names_a_thing(text, t, i) || list_number(text, t, i) {
        return None;
    }
    let end = range_end(text, t, i);
    // "787-9": a model and its variant, not a range running down.
    let dashed = word_at(text, t, i + 1) == "-" && t[i + 1].start == t[i].end;
    if end > i && dashed && value >= 100.0 && digits_value(t[end].text(text)).is_some_and(|second| second < value) {
        return None;
    }
    Some((end, Some(value)))
}

/// The last token of a range written with a dash, "10-15"; else the number itself.
fn range_end(text: &str, t: &[Token], i: usize) -> usize {
    let glued_to = |k: usize| {
        t.get(k + 2).is_some_and(|x| x.kind == Kind::Number)
            && matches!(word_at(text, t, k + 1), "-" | "–" | "−" | "—")
            && t[k + 1].start == t[k].end
            && t[k + 2].start == t[k + 1].end
    };
    // A size, "1800 x 1920", is one quantity.
    if opens_a_size(text, t, i) {
        return i + 2;
    }
    if !glued_to(i) {
        return i;
    }
    // A record of wins, losses and draws: "14-0-1", "8-8-4".
    if glued_to(i + 2) { i + 4 } else { i + 2 }
}

/// A quantity in words: "one-third", "a million", "twenty five", "hundreds of",
/// "two-week". `blocked` marks a number word already taken by a date ("two years later").
fn word_quantity(text: &str, t: &[Token], i: usize, blocked: bool) -> Option<(usize, Option<f64>)> {
    let tok = &t[i];
    let s = tok.text(text);
    // "a" only starts a quantity before "third", "million", "dozen"…
    let article =
        matches!(s, "a" | "an" | "A" | "An") && t.get(i + 1).is_some_and(|n| n.lex.is(FRACTION | SCALE | NUMBER));
    // Most words that get here are an "a" before no number: turned away before any
    // lowercasing.
    let counted = tok.lex.is(NUMBER | FRACTION | HYPHENATED) || article;
    let vague = tok.lex.is(VAGUE_AMOUNT);
    if !(counted || vague) {
        return None;
    }
    let w = low(s);
    let prev = low(i.checked_sub(1).map_or("", |p| t[p].text(text)));
    if vague && let Some(end) = vague_amount(text, t, i, w.as_str(), prev.as_str()) {
        return Some((end, None));
    }
    if !counted {
        return None;
    }
    // Anaphora: "the two organisations" points back; it does not count.
    let anaphoric = matches!(prev.as_str(), "the" | "these" | "those" | "both" | "all");
    if let Some(v) = fraction_word(s) {
        return fraction_quantity(text, t, i, w.as_str(), prev.as_str(), v);
    }
    if matches!(w.as_str(), "a" | "an") {
        return article_quantity(text, t, i, prev.as_str());
    }
    if let Some(v) = number_word(s) {
        if anaphoric || blocked || is_other_word(text, t, i) {
            return None;
        }
        // "Ninety Mile Beach", "the Three Lions", "Otto Dix": a capital inside a sentence
        // makes the number word part of a name.
        let opens = i == 0
            || matches!(word_at(text, t, i - 1), "." | "!" | "?" | "“" | "\"" | "„" | "«" | ":" | "—" | "(" | "•");
        if s.starts_with(char::is_uppercase) && !opens {
            return None;
        }
        return number_word_quantity(text, t, i, w.as_str(), v);
    }
    // "the Six-Day War", "the Hundred Years' War": a name.
    let opens = i == 0 || matches!(word_at(text, t, i - 1), "." | "!" | "?" | "“" | "\"" | ":" | "(");
    if s.starts_with(char::is_uppercase) && !opens {
        return None;
    }
    hyphenated_quantity(s, anaphoric).map(|v| (i, Some(v)))
}

/// A number word that is another word here: an acronym in capitals ("SIX, the Swiss
/// exchange"; "SIX DEAD" in a line of capitals still counts), a pronoun's possessive
/// ("one's"), or a word of another language ("w ten sposób", "ten noorden") in a
/// paragraph with no English in it.
fn is_other_word(text: &str, t: &[Token], i: usize) -> bool {
    let s = t[i].text(text);
    let capitals =
        |x: &Token| x.kind == Kind::Word && x.end - x.start > 1 && x.text(text).bytes().all(|b| b.is_ascii_uppercase());
    // The nearest words on either side, past a comma or a bracket.
    let before = t[..i].iter().rev().take(2).find(|x| x.kind == Kind::Word);
    let after = t.get(i + 1..).unwrap_or(&[]).iter().take(2).find(|x| x.kind == Kind::Word);
    let acronym = capitals(&t[i]) && !before.is_some_and(capitals) && !after.is_some_and(capitals);
    let possessive = s.ends_with("'s") || s.ends_with("’s");
    let foreign = t[i].lex.is(NUMBER_HOMOGRAPH) && !t.iter().any(|x| x.lex.is(ENGLISH));
    acronym || possessive || foreign
}

/// Amounts no number word in the lexicon gives: "several million", "scores of fires",
/// "miles de personas" (Spanish "thousands of"; "miles" alone is English).
fn vague_amount(text: &str, t: &[Token], i: usize, w: &str, prev: &str) -> Option<usize> {
    let next = low(word_at(text, t, i + 1));
    let after = word_at(text, t, i + 2);
    let counted = t.get(i + 2).is_some_and(|x| x.kind == Kind::Word) && after.starts_with(char::is_lowercase);
    match w {
        "several" | "many"
            if matches!(
                next.as_str(),
                "million" | "billion" | "thousand" | "hundred" | "dozen" | "millions" | "thousands" | "hundreds"
            ) =>
        {
            Some(i + 1)
        }
        // "scores of fires", not "test scores of 90" or "their scores of".
        "scores" => (next.as_str() == "of"
            && counted
            && !matches!(
                prev,
                "the"
                    | "their"
                    | "his"
                    | "her"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "whose"
                    | "these"
                    | "those"
                    | "test"
                    | "high"
                    | "low"
                    | "credit"
                    | "exam"
                    | "average"
                    | "top"
            ))
        .then_some(i),
        "miles" => (next.as_str() == "de" && counted).then_some(i),
        _ => None,
    }
}

/// "half of all children", "just over half", "two-thirds"; not "a third time", "half an
/// hour" or "the second half of 2025".
fn fraction_quantity(text: &str, t: &[Token], i: usize, w: &str, prev: &str, v: f64) -> Option<(usize, Option<f64>)> {
    if w == "half" || w == "quarter" || w == "third" {
        let of = low(word_at(text, t, i + 1)).as_str() == "of";
        return ((of || qualifies(prev)) && !is_period_half(prev)).then_some((i, Some(v)));
    }
    // "two-thirds", "three quarters of"; not the "crew quarters".
    let counted = i > 0 && t[i - 1].lex.is(NUMBER) || low(word_at(text, t, i + 1)).as_str() == "of";
    (w.contains('-') || w.ends_with('s') && counted).then_some((i, Some(v)))
}

/// "a third of", "a million", "a dozen".
fn article_quantity(text: &str, t: &[Token], i: usize, prev: &str) -> Option<(usize, Option<f64>)> {
    let next = word_at(text, t, i + 1);
    let nl = low(next);
    if matches!(nl.as_str(), "third" | "quarter" | "half" | "fifth" | "tenth")
        && (low(word_at(text, t, i + 2)).as_str() == "of" || qualifies(prev))
    {
        return Some((i + 1, fraction_word(next)));
    }
    if matches!(nl.as_str(), "million" | "billion" | "thousand" | "dozen" | "hundred" | "trillion") {
        return Some((i + 1, scale_word(next).or(number_word(next))));
    }
    None
}

/// "twenty five", "two hundred", "thousands of"; "one" only as a count ("one in four",
/// "one meal a day").
fn number_word_quantity(text: &str, t: &[Token], i: usize, w: &str, v: f64) -> Option<(usize, Option<f64>)> {
    if v.is_nan() {
        // "hundreds of", "thousands of": vague but still a magnitude; "hundreds of
        // thousands of", "tens of thousands of" are one.
        let of = |k: usize| matches!(low(word_at(text, t, k)).as_str(), "of" | "de" | "des" | "di" | "d’" | "d'");
        if !of(i + 1) {
            return None;
        }
        let larger = t.get(i + 2).is_some_and(|x| number_word(x.text(text)).is_some_and(f64::is_nan)) && of(i + 3);
        return Some((if larger { i + 2 } else { i }, None));
    }
    let mut end = i;
    let mut value = v;
    while let Some(nv) = t.get(end + 1).and_then(|n| number_word(n.text(text))).filter(|x| !x.is_nan()) {
        value = if nv >= 100.0 { value * nv } else { value + nv };
        end += 1;
    }
    if w == "one" && end == i && !one_counts(text, t, i) {
        return None;
    }
    // "brought up his hundred": a cricketer's century, counting nothing after it.
    if end == i && matches!(w, "hundred" | "thousand") && t.get(i + 1).is_none_or(|n| n.kind == Kind::Punct) {
        return None;
    }
    Some((end, Some(value)))
}

/// "one" is a pronoun or "a single" unless a ratio, a scale or a rate follows.
fn one_counts(text: &str, t: &[Token], i: usize) -> bool {
    let next = low(word_at(text, t, i + 1));
    // "one meal a day": a rate.
    let rate = matches!(low(word_at(text, t, i + 2)).as_str(), "a" | "per") && is_time_unit(word_at(text, t, i + 3));
    let ratio = matches!(next.as_str(), "in" | "out" | "per" | "percent")
        && (next.as_str() != "in"
            || t.get(i + 2).is_some_and(|x| x.kind == Kind::Number || number_word(x.text(text)).is_some()));
    scale_word(word_at(text, t, i + 1)).is_some() || rate || ratio
}

/// Hyphenated counts: "twenty-five", "two-week", "her half-hectare rice field"; "one-off"
/// and "two-way" are not counts.
fn hyphenated_quantity(s: &str, anaphoric: bool) -> Option<f64> {
    let (head, tail) = s.split_once('-')?;
    // "half-hour", "quarter-mile"; an ordinal's form is no fraction here ("third-party",
    // "fourth-quarter").
    let whole_fraction = matches!(low(head).as_str(), "half" | "quarter");
    if let Some(f) = fraction_word(head).filter(|_| whole_fraction && is_hyphen_unit(tail)) {
        return Some(f);
    }
    let hv = number_word(head).filter(|v| !v.is_nan())?;
    if anaphoric {
        return None;
    }
    // Two number words that make no number ("twenty-five" is one, looked up whole): "a
    // one-two punch".
    if number_word(tail).is_some() {
        return None;
    }
    let unit = tail.split('-').next().unwrap_or("");
    (is_hyphen_unit(unit) && !tail.ends_with("-old") && low(head).as_str() != "one").then_some(hv)
}

/// Extends a number over its scale and percent words: "8.9 million", "98 per cent",
/// "4.3 percent points", "59 %".
pub(super) fn unit_end(text: &str, t: &[Token], mut end: usize) -> usize {
    if let Some(n) = t.get(end + 1).filter(|n| n.kind == Kind::Word) {
        let ns = n.text(text);
        if scale_word(ns).is_some() && ns.len() > 1 && t[end].kind == Kind::Number {
            end += 1;
        }
    }
    let percent =
        if low(word_at(text, t, end + 1)).as_str() == "per" && low(word_at(text, t, end + 2)).as_str() == "cent" {
            end += 2;
            true
        } else if is_percent_word(word_at(text, t, end + 1)) || word_at(text, t, end + 1) == "%" {
            end += 1;
            true
        } else {
            t[end].text(text).ends_with('%')
        };
    if percent && low(word_at(text, t, end + 1)).as_str() == "points" {
        end += 1;
    }
    degrees_end(text, t, end).unwrap_or(end)
}

/// A temperature or an angle after a figure: "21,5 °C", "21.5°C", "12 ℃", "a 90° turn".
fn degrees_end(text: &str, t: &[Token], end: usize) -> Option<usize> {
    let sign = word_at(text, t, end + 1);
    if !is_degree_sign(sign) {
        return None;
    }
    let scale = matches!(sign, "°" | "º")
        && t.get(end + 2).is_some_and(|x| x.start == t[end + 1].end && matches!(x.text(text), "C" | "F" | "K"));
    Some(if scale { end + 2 } else { end + 1 })
}

/// Words before a bare fraction that make it a quantity: "just over half", "up by a third".
fn qualifies(prev: &str) -> bool {
    has_lowercase(prev, QUALIFIER)
}

/// "the second half of 2025" is a period, not a quantity.
fn is_period_half(prev: &str) -> bool {
    has_lowercase(prev, PERIOD_ORDINAL)
}

/// "8 a.m.", "6 pm", "10 p.m.": a time of day, not a quantity.
fn is_clock_time(text: &str, t: &[Token], i: usize) -> bool {
    let next = low(word_at(text, t, i + 1));
    match next.as_str() {
        "am" | "pm" => true,
        // "a.m." is tokenised as "a", ".", "m", "." or as "a.m".
        "a" | "p" => word_at(text, t, i + 2) == "." && low(word_at(text, t, i + 3)).as_str() == "m",
        n => n.starts_with("a.m") || n.starts_with("p.m"),
    }
}

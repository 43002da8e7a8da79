//! Statistics: quantities that state a fact, as a short phrase with what they count
//! ("one-third of all victims", "98 per cent of members", "£1,000 one-off bonus",
//! "3 in 4 toddlers", "8.9 million").
//!
//! Not statistics: years and days of the month (the date extractor claims them),
//! identifiers ("Covid-19", "Article 5", "year 11 and 13"), ordinals, times, numbers
//! inside URLs, time frames ("over the past two decades") and pronoun uses of "one".

mod lists;
mod not_quantity;
pub mod phrase;
pub mod quantity;
mod value;

use crate::article::extract::dates::FoundDate;
use crate::article::extract::numbers::not_quantity::{is_degree_sign, is_label, word_at};
use crate::article::extract::numbers::phrase::{counted_end, modifier_start, rate_end};
use crate::article::extract::numbers::quantity::{is_hyphen_unit, is_time_unit, quantity_at, unit_end};
use crate::article::extract::numbers::value::digits_value;
use crate::article::text::lexicon::{
    CURRENCY_WORD, FRACTION, HYPHENATED, LABEL, NUMBER, SCALE, VAGUE_AMOUNT, number_word, scale_word,
};
use crate::article::text::numerals::is_currency_code;
use crate::article::text::numerals::year_of;
use crate::article::text::shape::{Ranges, escape_ranges, url_ranges};
use crate::article::text::tokens::{Kind, Token, is_currency, low, phone_numbers};

#[derive(Debug, Clone, PartialEq)]
pub struct FoundStat {
    /// The phrase: modifiers, quantity, unit and what is counted.
    pub start: usize,
    pub end: usize,
    /// The quantity alone ("8.9 million", "one-third", "59%").
    pub q_start: usize,
    pub q_end: usize,
    pub value: Option<f64>,
}

/// Every statistic in a paragraph. `dates` are the paragraph's dates (their numbers are
/// not statistics).
pub fn find_statistics(text: &str, t: &[Token], dates: &[FoundDate]) -> Vec<FoundStat> {
    if !t.iter().any(|x| x.kind == Kind::Number || x.lex.is(OPENS_A_QUANTITY)) {
        return Vec::new();
    }
    let mut urls = url_ranges(text);
    urls.extend(escape_ranges(text));
    let urls = Ranges::new(urls);
    let blocked = blocked_tokens(text, t, dates);
    let mut out = Vec::new();
    let mut i = 0;
    let mut last_identifier: Option<usize> = None;
    while i < t.len() {
        if !may_start(text, &t[i]) || blocked[i] || urls.covers(t[i].start, t[i].end) {
            i += 1;
            continue;
        }
        if t[i].kind == Kind::Number && is_identifier(text, t, i, last_identifier) {
            last_identifier = Some(i);
            i += 1;
            continue;
        }
        match statistic_at(text, t, i, &blocked) {
            Step::Found(stat, next) => {
                out.push(stat);
                i = next;
            }
            Step::Skip(next) => i = next,
        }
    }
    out
}

/// The words that may open a quantity besides "a"/"an": number words, fractions,
/// hyphenated words ("two-week"), vague amounts ("several million").
const OPENS_A_QUANTITY: u64 = NUMBER | FRACTION | HYPHENATED | VAGUE_AMOUNT;

/// Only numbers and number words can start a statistic; most paragraphs have few.
fn may_start(text: &str, x: &Token) -> bool {
    x.kind == Kind::Number
        || x.kind == Kind::Word && (x.lex.is(OPENS_A_QUANTITY) || matches!(x.text(text), "a" | "an" | "A" | "An"))
}

/// Tokens that cannot start a statistic: those of phone numbers and of dates.
fn blocked_tokens(text: &str, t: &[Token], dates: &[FoundDate]) -> Vec<bool> {
    let mut blocked = vec![false; t.len()];
    for (a, b) in phone_numbers(text, t) {
        blocked[a..b].iter_mut().for_each(|x| *x = true);
    }
    for k in (0..t.len()).filter(|&k| is_list_number(text, t, k)) {
        blocked[k] = true;
    }
    let mut di = 0;
    for (k, tok) in t.iter().enumerate() {
        while di < dates.len() && dates[di].end <= tok.start {
            di += 1;
        }
        if di < dates.len() && dates[di].start <= tok.start {
            blocked[k] = true;
        }
    }
    blocked
}

/// A ranked list's number opening a paragraph or a sentence: "1. Take any blankets off
/// the bed", "2) Check the peep hole", "10. ‘Succession’ (HBO)", "… the list. 9. Next
/// up". A sentence that ends on a count ("The team scored 10. The fans…") has a word
/// before the number.
fn is_list_number(text: &str, t: &[Token], k: usize) -> bool {
    let opens = k == 0 || matches!(t[k - 1].text(text), "." | "!" | "?" | ":") && t[k - 1].end < t[k].start;
    let Some(mark) = t.get(k + 1) else { return false };
    opens
        && t[k].kind == Kind::Number
        && t[k].end - t[k].start <= 2
        && t[k].text(text).bytes().all(|b| b.is_ascii_digit())
        && matches!(mark.text(text), "." | ")")
        && mark.start == t[k].end
        && t.get(k + 2).is_none_or(|x| x.start > mark.end && x.kind != Kind::Number)
}

/// A number that is an identifier: labelled ("Article 5", "No. 4", "Fig. 3") or
/// continuing a chain of them ("year 11 and 13", "Articles 5, 6 and 7").
fn is_identifier(text: &str, t: &[Token], i: usize, last_identifier: Option<usize>) -> bool {
    let label_at = |k: usize| t[k].kind == Kind::Word && (t[k].lex.is(LABEL) || is_label(t[k].text(text)));
    let labelled = i > 0 && label_at(i - 1)
        || i > 1 && t[i - 1].text(text) == "." && t[i - 1].start == t[i - 2].end && label_at(i - 2);
    let chained = last_identifier
        .is_some_and(|li| li + 2 == i && matches!(word_at(text, t, i - 1), "and" | "or" | "," | "&" | "to"));
    labelled || chained
}

/// What the scan does at a token: record a statistic, or skip; then go on from a token.
enum Step {
    Found(FoundStat, usize),
    Skip(usize),
}

/// The statistic whose quantity starts at token `i`, if there is one.
fn statistic_at(text: &str, t: &[Token], i: usize, blocked: &[bool]) -> Step {
    let Some((end, value)) = quantity_at(text, t, i, blocked) else { return Step::Skip(i + 1) };
    let q_start = currency_start(text, t, i);
    let (end, value) = scaled(text, t, end, value);
    let end = unit_end(text, t, end);
    let end = second_figure_end(text, t, q_start, end, blocked);
    let end = ratio_end(text, t, end, blocked);
    let end = currency_word_end(t, end);
    let Some(q_end) = hyphen_unit_end(text, t, end) else { return Step::Skip(end + 3) };
    // A span of time is a statistic when it is the fact reported ("jailed for six years",
    // "a three-month consultation", "took just 15 minutes"), not when it only places
    // something in time ("two years later", "over the past two decades", "in two weeks").
    let relative = is_duration(text, t, q_start, q_end) && is_relative_time(text, t, q_start, q_end);
    // "a two-year fixed rate": the kind of product, not a span.
    let product = is_hyphenated_span(text, t, q_end) && matches!(low(word_at(text, t, q_end + 1)).as_str(), "fixed");
    if (relative || product) && !sets_record(text, t, q_start) {
        return Step::Skip(q_end + 1);
    }
    // The phrase: modifiers before, what is counted after (a temperature counts nothing).
    let start = modifier_start(text, t, q_start);
    let measured = [q_end, q_end.saturating_sub(1)].iter().any(|&k| is_degree_sign(word_at(text, t, k)));
    let mut phrase_end = if measured { q_end } else { counted_end(text, t, q_end) };
    // A price per unit: "£1,738 a year", "$90 a barrel", "€412 per megawatt hour".
    let money = t[q_start].kind == Kind::Word || t[q_start].text(text).starts_with(is_currency);
    if money && phrase_end == q_end {
        phrase_end = rate_end(text, t, q_end).unwrap_or(phrase_end);
    }
    let stat = FoundStat {
        start: t[start].start,
        end: t[phrase_end].end,
        q_start: t[q_start].start,
        q_end: t[q_end].end,
        value,
    };
    // A phrase may hold a second number ("nine of the 12 largest cities").
    Step::Found(stat, phrase_end.max(q_end) + 1)
}

/// The currency code belongs to the amount: "CHF 96", "Rs. 1.5 lakh".
fn currency_start(text: &str, t: &[Token], i: usize) -> usize {
    if i >= 1 && is_currency_code(word_at(text, t, i - 1)) {
        i - 1
    } else if i >= 2 && word_at(text, t, i - 1) == "." && is_currency_code(word_at(text, t, i - 2)) {
        i - 2
    } else {
        i
    }
}

/// A currency named after the amount, in any case: "14,2 Milliarden Euro", "500 pesos".
fn currency_word_end(t: &[Token], end: usize) -> usize {
    let named = |k: usize| t.get(k).is_some_and(|x| x.kind == Kind::Word && x.lex.is(CURRENCY_WORD));
    if named(end + 1) { end + 1 } else { end }
}

/// A scale word after the number: "8.9 million".
fn scaled(text: &str, t: &[Token], end: usize, value: Option<f64>) -> (usize, Option<f64>) {
    if let Some(n) = t.get(end + 1).filter(|n| n.kind == Kind::Word) {
        let ns = n.text(text);
        if let Some(sc) = scale_word(ns).filter(|_| ns.len() > 1) {
            return (end + 1, value.map(|v| v * sc));
        }
    }
    (end, value)
}

/// Ranges: "between £2,000 and £15,000", "$3.4bn to $3.6bn" (but "from 2% to 4%" and
/// "rose 11.6% to $1.94bn" are two figures). Both figures are written alike: digits, the
/// same currency sign, both percentages or neither; or both number words ("two to three").
fn second_figure_end(text: &str, t: &[Token], q_start: usize, end: usize, blocked: &[bool]) -> usize {
    let joiner = low(word_at(text, t, end + 1));
    let before = if q_start > 0 { low(word_at(text, t, q_start - 1)) } else { low("") };
    let style = |x: &Token| {
        let s = x.text(text);
        let lead = s.chars().next().filter(|c| !c.is_ascii_digit());
        (x.kind, lead, s.ends_with('%'))
    };
    let word_number = |x: &Token| x.kind == Kind::Word && x.lex.is(NUMBER) && !x.lex.is(SCALE);
    let Some(second) = t.get(end + 2).filter(|_| !blocked[end + 2]) else { return end };
    let digits = second.kind == Kind::Number && digits_value(second.text(text)).is_some();
    let words = q_start == end && word_number(&t[q_start]) && word_number(second);
    let same_style = style(second) == style(&t[q_start]) || words;
    let range = match joiner.as_str() {
        "and" => before.as_str() == "between" && digits,
        "to" => before.as_str() != "from" && same_style && (digits || words),
        _ => false,
    };
    if range { unit_end(text, t, end + 2) } else { end }
}

/// Ratios: "3 in 4", "one in five", "one out of five".
fn ratio_end(text: &str, t: &[Token], end: usize, blocked: &[bool]) -> usize {
    let ratio = match low(word_at(text, t, end + 1)).as_str() {
        "in" => Some(end + 1),
        "out" if low(word_at(text, t, end + 2)).as_str() == "of" => Some(end + 2),
        _ => None,
    };
    let Some(k) = ratio.map(|r| r + 1) else { return end };
    let Some(x) = t.get(k) else { return end };
    let is_num = x.kind == Kind::Number && digits_value(x.text(text)).is_some() && year_of(x, text).is_none()
        || number_word(x.text(text)).is_some_and(|v| !v.is_nan());
    if is_num && !blocked[k] { k } else { end }
}

/// "12-month", "10-year": a unit glued with a hyphen joins the quantity. `None` for an
/// age ("58-year-old"), which is no statistic.
fn hyphen_unit_end(text: &str, t: &[Token], end: usize) -> Option<usize> {
    // A hyphen, a no-break hyphen ("87‑year‑old") or a dash typed for one.
    let glued = matches!(word_at(text, t, end + 1), "-" | "\u{2011}" | "\u{2010}" | "–")
        && t[end + 1].start == t[end].end
        && t.get(end + 2).is_some_and(|x| x.start == t[end + 1].end);
    if !glued {
        return Some(end);
    }
    let unit = word_at(text, t, end + 2);
    // An age, also written "55-year old".
    if unit.contains("-old")
        || unit.contains("\u{2011}old")
        || unit == "year-old"
        || is_time_unit(unit) && low(word_at(text, t, end + 3)).as_str() == "old"
    {
        return None;
    }
    let measure = is_hyphen_unit(unit.split('-').next().unwrap_or(""));
    // "the 16-inch MacBook Pro": a size in a product's name; "an 8-core CPU", "a 50-inch
    // TV" take a common noun written in capitals.
    let after = word_at(text, t, end + 3);
    let acronym = after.len() > 1 && after.chars().all(|c| c.is_ascii_uppercase());
    if measure && !is_time_unit(unit) && after.starts_with(char::is_uppercase) && !acronym {
        return None;
    }
    Some(if measure { end + 2 } else { end })
}

/// A span of time: "four hours", "the final three months of 2024". Not a duration: a count
/// of something ("two days of strike action"), a rate ("every 11 days", "22% year on year").
fn is_duration(text: &str, t: &[Token], q_start: usize, q_end: usize) -> bool {
    let unit = word_at(text, t, q_end + 1);
    if !is_time_unit(unit) {
        return false;
    }
    if q_start > 0 && matches!(low(word_at(text, t, q_start - 1)).as_str(), "every" | "each" | "per") {
        return false;
    }
    let one = matches!(low(word_at(text, t, q_start)).as_str(), "one" | "a" | "an") || word_at(text, t, q_start) == "1";
    if !unit.ends_with('s') && !one {
        return false; // "fell 22% year on year"
    }
    if low(word_at(text, t, q_end + 2)).as_str() == "of" {
        // "three months of 2024" is a period; "two days of strike action" counts days.
        let next = t.get(q_end + 3);
        return next.is_some_and(|x| year_of(x, text).is_some() || x.lex.is(crate::article::text::lexicon::MONTH));
    }
    true
}

/// "a two-week meeting", "a 48-hour spell": a span of time written as an adjective.
fn is_hyphenated_span(text: &str, t: &[Token], q_end: usize) -> bool {
    let last = word_at(text, t, q_end);
    let unit = if q_end > 0 && word_at(text, t, q_end - 1) == "-" {
        last
    } else {
        match last.split_once('-') {
            Some((_, tail)) => tail,
            None => return false,
        }
    };
    is_time_unit(unit.split('-').next().unwrap_or(""))
}

/// A span that places something in time rather than measures it: "two years later",
/// "three days ago", "in two weeks", "over the past two decades", "the next five years",
/// "two years old".
fn is_relative_time(text: &str, t: &[Token], q_start: usize, q_end: usize) -> bool {
    let after = low(word_at(text, t, q_end + 2));
    if matches!(after.as_str(), "ago" | "later" | "earlier" | "before" | "after" | "afterwards" | "hence" | "old") {
        return true;
    }
    // "Two years on, …" but not "jailed for six years on Friday".
    if after.as_str() == "on" && t.get(q_end + 3).is_none_or(|x| x.kind == Kind::Punct) {
        return true;
    }
    let w = |k: usize| if k < t.len() { low(word_at(text, t, k)) } else { low("") };
    let mut k = q_start;
    // "the past two decades", "the next five years", "the last 10 years".
    while k > 0
        && matches!(
            w(k - 1).as_str(),
            "the" | "past" | "last" | "next" | "previous" | "coming" | "first" | "final" | "recent"
        )
    {
        if matches!(w(k - 1).as_str(), "past" | "last" | "next" | "previous" | "coming" | "first" | "final" | "recent")
        {
            return true;
        }
        k -= 1;
    }
    // "in two weeks", "after three days": a point in time ("within 20 years" measures); but "in
    // less than five months", "in nearly three decades" measure.
    q_start > 0 && matches!(w(q_start - 1).as_str(), "in" | "after" | "by" | "since" | "until")
}

/// "for the first time in (the last) 20 years": a record, stated with its span.
fn sets_record(text: &str, t: &[Token], q_start: usize) -> bool {
    let mut k = q_start;
    let w = |k: usize| low(word_at(text, t, k));
    while k > 0 && matches!(w(k - 1).as_str(), "the" | "last" | "past" | "over") {
        k -= 1;
    }
    k >= 3
        && w(k - 1).as_str() == "in"
        && w(k - 2).as_str() == "time"
        && matches!(w(k - 3).as_str(), "first" | "highest" | "lowest")
}

#[cfg(test)]
mod tests;

//! Quantities: where a number starts and ends, and its value. "8.9 million", "98 per
//! cent", "£1,000", "one-third", "3 in 4", "NZ$240". Whether a quantity is a statistic,
//! and what it counts, is `numbers`' business.

use crate::article::text::lexicon::{
    FRACTION, HYPHEN_UNIT, HYPHENATED, LABEL, NUMBER, SCALE, TIME_UNIT, fraction_word, has, is_function_word,
    is_speech_verb, number_word, scale_word,
};
use crate::article::text::numerals::{is_currency_code, year_of};
use crate::article::text::tokens::{Kind, Token, is_currency, low};

/// Lowercase words that label the number after them: "year 11", "article 5".
pub(super) fn is_label(word: &str) -> bool {
    let w = word.trim_end_matches('.');
    // "junctions 36 and 40", "Articles 5 and 6"
    let singular = w.strip_suffix('s').filter(|s| s.len() > 2).unwrap_or(w);
    is_label_word(w) || is_label_word(singular)
}

fn is_label_word(word: &str) -> bool {
    has(word, LABEL)
}

pub(super) fn is_time_unit(word: &str) -> bool {
    has(word, TIME_UNIT)
}

fn is_percent_word(word: &str) -> bool {
    matches!(low(word).as_str(), "percent" | "pc" | "pct" | "percentage")
}

/// Units a hyphenated number word takes: "two-week", "three-year", "10-month".
pub(super) fn is_hyphen_unit(word: &str) -> bool {
    has(word, HYPHEN_UNIT)
}

pub(super) fn word_at<'a>(text: &'a str, t: &[Token], k: usize) -> &'a str {
    t.get(k).map_or("", |x| x.text(text))
}

/// The value of a number written with digits: "1,000" -> 1000, "£4.3" -> 4.3, "160M" -> 1.6e8.
pub(super) fn digits_value(s: &str) -> Option<f64> {
    // "NZ$240": a country prefix, then the currency sign.
    let s =
        s.trim_start_matches(|c: char| c.is_ascii_uppercase()).trim_start_matches(is_currency).trim_end_matches('%');
    let num_end = s.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(s.len());
    let (num, suffix) = s.split_at(num_end);
    let v: f64 = num.replace(',', "").parse().ok()?;
    let scale = match suffix {
        "" => 1.0,
        "k" | "K" => 1e3,
        "m" | "M" | "mn" => 1e6,
        "bn" | "b" | "B" => 1e9,
        "tn" | "trn" => 1e12,
        // Units written straight after the number: "187mm", "700km", "12kg", "38C".
        "mm" | "cm" | "km" | "kg" | "g" | "mg" | "lb" | "lbs" | "ft" | "mi" | "mph" | "kph" | "kmh" | "C" | "F"
        | "ml" | "l" | "L" | "GB" | "MB" | "TB" | "kW" | "MW" | "GW" | "kWh" | "MWh" | "GWh" | "TWh" | "ha" | "x"
        | "bp" | "bps" | "pts" | "pc" | "sqm" | "sqft" | "t" => 1.0,
        _ => return None,
    };
    Some(v * scale)
}

/// The quantity starting at token `i`: its last token and value; `None` if the token
/// does not start a statistic.
pub(super) fn quantity_at(text: &str, t: &[Token], i: usize, blocked: &[bool]) -> Option<(usize, Option<f64>)> {
    let tok = &t[i];
    let s = tok.text(text);
    let prev = i.checked_sub(1).map(|p| &t[p]);
    let prev_s = prev.map_or("", |p| p.text(text));
    match tok.kind {
        Kind::Number => {
            let value = digits_value(s)?; // ordinals (11th), identifiers (5G), times (10am) fail here
            if is_clock_time(text, t, i) {
                return None;
            }
            if let Some(p) = prev {
                if p.end == tok.start && matches!(prev_s, "-" | "#" | "/" | "." | ":" | "№") {
                    return None;
                }
                if p.kind == Kind::Word && is_label(prev_s) {
                    return None;
                }
                // Ages: "aged 58", "Jane Doe, 58, said".
                if p.kind == Kind::Word && matches!(low(prev_s).as_str(), "aged" | "age" | "ages") {
                    return None;
                }
                if prev_s == ","
                    && word_at(text, t, i + 1) == ","
                    && i >= 2
                    && t[i - 2].kind == Kind::Word
                    && word_at(text, t, i - 2).starts_with(char::is_uppercase)
                    && s.len() <= 3
                {
                    return None;
                }
                // "Rs 4,280 crore", "CHF 96": a currency code is the amount's, not a name.
                if is_currency_code(prev_s) {
                    return Some((i, Some(value)));
                }
                // "Windows 11", "Boeing 737": a capitalised word naming the number (but
                // "beat Dartford Rovers 2-1" is a score).
                let score = word_at(text, t, i + 1) == "-"
                    && t.get(i + 2).is_some_and(|x| x.kind == Kind::Number && x.end - x.start <= 2)
                    && s.len() <= 2;
                if p.kind == Kind::Word
                    && !score
                    && prev_s.starts_with(char::is_uppercase)
                    && !is_function_word(prev_s)
                    && !is_speech_verb(prev_s)
                    && i >= 2
                    && !matches!(word_at(text, t, i - 2), "." | "!" | "?" | "“" | "\"" | ":")
                {
                    return None;
                }
            }
            if let Some(n) = t.get(i + 1) {
                let ns = n.text(text);
                // 10:30, 3.5.1, 555-1234 style identifiers; ranges "10-15" are kept.
                if n.start == tok.end
                    && matches!(ns, ":" | "/" | ".")
                    && t.get(i + 2).is_some_and(|x| x.kind == Kind::Number)
                {
                    return None;
                }
            }
            // A year-shaped number is a year (or a name's), unless it counts things.
            if year_of(tok, text).is_some() {
                let next = word_at(text, t, i + 1);
                let counts = next.ends_with('s')
                    && next.chars().next().is_some_and(char::is_lowercase)
                    && !is_function_word(next);
                if !counts {
                    return None;
                }
            }
            let mut end = i;
            // A range: "10-15", "10 to 15".
            if t.get(i + 2).is_some_and(|x| x.kind == Kind::Number)
                && matches!(word_at(text, t, i + 1), "-" | "–")
                && t[i + 1].start == tok.end
                && t[i + 2].start == t[i + 1].end
            {
                end = i + 2;
            }
            Some((end, Some(value)))
        }
        Kind::Word => {
            // "a" only starts a quantity before "third", "million", "dozen"…
            let article = matches!(s, "a" | "an" | "A" | "An")
                && t.get(i + 1).is_some_and(|n| n.lex.is(FRACTION | SCALE | NUMBER));
            if !(tok.lex.is(NUMBER | FRACTION | HYPHENATED) || article) {
                return None;
            }
            let w = low(s);
            let w = w.as_str();
            let prev_low = low(prev_s);
            // Anaphora: "the two organisations" points back; it does not count.
            let anaphoric = matches!(prev_low.as_str(), "the" | "these" | "those" | "both" | "all");
            if let Some(v) = fraction_word(s) {
                if w == "half" || w == "quarter" || w == "third" {
                    // "half of all children", "just over half", but not "a third time",
                    // "half an hour" or "the second half of 2025".
                    let of = low(word_at(text, t, i + 1)).as_str() == "of";
                    return ((of || qualifies(prev_low.as_str())) && !is_period_half(prev_low.as_str()))
                        .then_some((i, Some(v)));
                }
                if w.contains('-') || w.ends_with('s') {
                    return Some((i, Some(v)));
                }
                return None;
            }
            if matches!(w, "a" | "an") {
                let next = word_at(text, t, i + 1);
                let nl = low(next);
                if matches!(nl.as_str(), "third" | "quarter" | "half" | "fifth" | "tenth")
                    && (low(word_at(text, t, i + 2)).as_str() == "of" || qualifies(prev_low.as_str()))
                {
                    return Some((i + 1, fraction_word(next)));
                }
                if matches!(nl.as_str(), "million" | "billion" | "thousand" | "dozen" | "hundred" | "trillion") {
                    return Some((i + 1, scale_word(next).or(number_word(next))));
                }
                return None;
            }
            if let Some(v) = number_word(s) {
                if anaphoric || blocked.get(i).copied().unwrap_or(false) {
                    return None;
                }
                if v.is_nan() {
                    // "hundreds of", "thousands of": vague but still a magnitude.
                    return (low(word_at(text, t, i + 1)).as_str() == "of").then_some((i, None));
                }
                let mut end = i;
                let mut value = v;
                // "twenty five", "two hundred"
                while let Some(nv) = t.get(end + 1).and_then(|n| number_word(n.text(text))).filter(|x| !x.is_nan()) {
                    value = if nv >= 100.0 { value * nv } else { value + nv };
                    end += 1;
                }
                if w == "one" && end == i {
                    // "one" is a pronoun or "a single" unless a ratio or scale follows.
                    let next = low(word_at(text, t, i + 1));
                    // "one meal a day": a rate.
                    let rate = matches!(low(word_at(text, t, i + 2)).as_str(), "a" | "per")
                        && is_time_unit(word_at(text, t, i + 3));
                    let ok = scale_word(word_at(text, t, i + 1)).is_some()
                        || rate
                        || matches!(next.as_str(), "in" | "out" | "per" | "percent")
                            && (next.as_str() != "in"
                                || t.get(i + 2)
                                    .is_some_and(|x| x.kind == Kind::Number || number_word(x.text(text)).is_some()));
                    if !ok {
                        return None;
                    }
                }
                return Some((end, Some(value)));
            }
            // Hyphenated: "twenty-five", "two-week"; "one-off" and "two-way" are not counts.
            if let Some((head, tail)) = s.split_once('-') {
                // "her half-hectare rice field"
                if let Some(f) = fraction_word(head).filter(|_| is_hyphen_unit(tail)) {
                    return Some((i, Some(f)));
                }
                let hv = number_word(head).filter(|v| !v.is_nan())?;
                if anaphoric {
                    return None;
                }
                if let Some(tv) = number_word(tail).filter(|v| !v.is_nan()) {
                    return Some((i, Some(hv + tv)));
                }
                let unit = tail.split('-').next().unwrap_or("");
                if is_hyphen_unit(unit) && !tail.ends_with("-old") && low(head).as_str() != "one" {
                    return Some((i, Some(hv)));
                }
            }
            None
        }
        Kind::Punct => None,
    }
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
    end
}

/// Currency codes and abbreviations written before an amount.

const QUALIFIERS: &[&str] = &[
    "over",
    "than",
    "by",
    "almost",
    "nearly",
    "about",
    "around",
    "roughly",
    "just",
    "some",
    "to",
    "from",
    "under",
    "approximately",
    "only",
    "barely",
    "exactly",
    "fully",
];

/// Words before a bare fraction that make it a quantity: "just over half", "up by a third".
fn qualifies(prev: &str) -> bool {
    QUALIFIERS.contains(&prev)
}

/// "the second half of 2025" is a period, not a quantity.
fn is_period_half(prev: &str) -> bool {
    matches!(prev, "first" | "second" | "third" | "fourth" | "last" | "final" | "latter" | "former")
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

//! The value of a figure written with digits, as English and most of Europe write them.

use super::lists::UNIT_SUFFIXES;
use crate::article::text::tokens::is_currency;

/// The value of a number written with digits: "1,000" -> 1000, "£4.3" -> 4.3, "160M" -> 1.6e8.
pub(super) fn digits_value(s: &str) -> Option<f64> {
    // "NZ$240": a country prefix, then the currency sign.
    let s = s
        .trim_start_matches(|c: char| c.is_ascii_uppercase())
        .trim_start_matches(is_currency)
        .trim_end_matches(['%', '％']);
    let num_end = s
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')))
        .unwrap_or(s.len());
    let (num, mut suffix) = s.split_at(num_end);
    // "1½": a fraction glued on.
    let mut fraction = 0.0;
    if let Some(c) = suffix.chars().next().and_then(vulgar_value) {
        fraction = c;
        suffix = &suffix[suffix.chars().next().map_or(0, char::len_utf8)..];
    }
    let v = if num.is_empty() { if fraction > 0.0 { 0.0 } else { return None } } else { plain_value(num)? };
    let scale = match suffix {
        "" => 1.0,
        "k" | "K" => 1e3,
        "m" | "M" | "mn" => 1e6,
        "bn" | "b" | "B" => 1e9,
        "tn" | "trn" => 1e12,
        "万" => 1e4,
        "亿" | "億" => 1e8,
        "兆" => 1e12,
        "千" => 1e3,
        "百" => 1e2,
        _ if UNIT_SUFFIXES.contains(&suffix) => 1.0,
        _ => return None,
    };
    Some((v + fraction) * scale)
}

/// Digits with their separators as English and most of Europe write them: "1,234.5",
/// "1.234,5", "1 234,5" (a no-break or thin space), "1,5" (a decimal comma), "1.234.567".
fn plain_value(num: &str) -> Option<f64> {
    let spaced: String = num.chars().filter(|c| !matches!(c, ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}')).collect();
    let (dot, comma) = (spaced.rfind('.'), spaced.rfind(','));
    let groups_of_three = |sep: char| spaced.split(sep).skip(1).all(|g| g.len() == 3);
    let cleaned = match (dot, comma) {
        // Both: the last one is the decimal mark.
        (Some(d), Some(c)) if c > d => spaced.replace('.', "").replace(',', "."),
        (Some(_), Some(_)) => spaced.replace(',', ""),
        // A comma alone is a decimal mark unless it sets off thousands ("1,000").
        (None, Some(_)) if !groups_of_three(',') => spaced.replace(',', "."),
        (None, Some(_)) => spaced.replace(',', ""),
        // Two dots or more set off thousands ("1.234.567").
        (Some(_), None) if spaced.matches('.').count() > 1 && groups_of_three('.') => spaced.replace('.', ""),
        _ => spaced,
    };
    cleaned.parse().ok()
}

/// The value of a fraction written in one character: "½" 0.5.
fn vulgar_value(c: char) -> Option<f64> {
    let v = match c {
        '¼' => 0.25,
        '½' => 0.5,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅐' => 1.0 / 7.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        '⅑' => 1.0 / 9.0,
        '⅒' => 0.1,
        _ => return None,
    };
    Some(v)
}

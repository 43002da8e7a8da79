//! Reading numbers off tokens: a year, a day of the month, a currency code.

use super::tokens::{Kind, Token};

/// The number at `i` is the first side of a size: "1800 x 1920", "2,560 by 1,440".
/// ("by 2030" is a date: "by" makes a size only with a number on both sides.)
pub fn opens_a_size(text: &str, t: &[Token], i: usize) -> bool {
    let number = |k: usize| t.get(k).is_some_and(|x| x.kind == Kind::Number);
    number(i) && t.get(i + 1).is_some_and(|x| matches!(x.text(text), "x" | "X" | "×" | "by")) && number(i + 2)
}

/// One side of a size: "1800 x 1920", "2,560 by 1,440 pixels".
pub fn is_dimension(text: &str, t: &[Token], i: usize) -> bool {
    opens_a_size(text, t, i) || i >= 2 && opens_a_size(text, t, i - 2)
}

/// A number after a comparison counts: "more than 2000", "más de 2000", "plus de 1500".
pub fn after_comparison(text: &str, t: &[Token], i: usize) -> bool {
    if i < 2 {
        return false;
    }
    let word = |k: usize| t[k].text(text).to_lowercase();
    matches!(
        (word(i - 2).as_str(), word(i - 1).as_str()),
        ("more" | "less" | "fewer", "than")
            | ("más" | "menos", "de")
            | ("plus" | "moins", "de")
            | ("mehr" | "weniger", "als")
            | ("mais", "de")
    )
}

/// A four-digit year, 1000–2199, written without separators.
pub fn year_of(tok: &Token, text: &str) -> Option<i32> {
    if tok.kind != Kind::Number {
        return None;
    }
    let s = tok.text(text);
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s.parse().ok()?;
    (1000..=2199).contains(&y).then_some(y)
}

pub fn day_of(tok: &Token, text: &str) -> Option<u8> {
    if tok.kind != Kind::Number {
        return None;
    }
    let s = tok.text(text);
    let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &s[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
        return None;
    }
    let d: u8 = digits.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

pub const CURRENCY_CODES: &[&str] = &[
    "Rs", "INR", "CHF", "Fr", "SFr", "DKr", "SKr", "NKr", "Kr", "kr", "SEK", "NOK", "DKK", "PHP", "USD", "EUR", "GBP",
    "JPY", "CNY", "RMB", "AUD", "CAD", "NZD", "HKD", "SGD", "MYR", "RM", "IDR", "Rp", "THB", "VND", "KRW", "ZAR",
    "BRL", "MXN", "TRY", "AED", "SAR", "QAR", "NGN", "KES", "KSh", "Ksh", "EGP", "PKR", "BDT", "Tk", "LKR", "NPR",
    "PLN", "CZK", "HUF", "RUB", "UAH", "ILS", "Dh", "Dhs", "GHS", "ETB", "TZS", "UGX", "XOF", "XAF", "MAD", "TND",
    "DZD", "ARS", "CLP", "COP", "PEN", "TWD", "Php", "US", "Yuan", "yuan", "rupees", "Rupees",
];

/// Asked of nearly every capitalised word (by the name finder) and every word before a
/// figure: a sorted copy of the list, searched by halves, after a look at the first letter
/// (all codes but "kr", "yuan" and "rupees" start with a capital).
pub fn is_currency_code(w: &str) -> bool {
    static SORTED: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| {
        let mut v = CURRENCY_CODES.to_vec();
        v.sort_unstable();
        v
    });
    (2..=6).contains(&w.len())
        && matches!(w.as_bytes()[0], b'A'..=b'Z' | b'k' | b'y' | b'r')
        && SORTED.binary_search(&w).is_ok()
}

/// Plural nouns a year names rather than counts: "2016 elections", "2020 Olympics".
pub fn is_yearly_event(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "elections"
            | "olympics"
            | "games"
            | "polls"
            | "results"
            | "figures"
            | "accounts"
            | "budgets"
            | "midterms"
            | "primaries"
            | "championships"
            | "finals"
            | "riots"
            | "protests"
            | "attacks"
            | "floods"
            | "wildfires"
            | "earnings"
            | "sales"
            | "exams"
            | "awards"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_currency_code_passes_the_quick_look() {
        for code in CURRENCY_CODES {
            assert!(is_currency_code(code), "{code}");
        }
        assert!(!is_currency_code("The") && !is_currency_code("us") && !is_currency_code("usd"));
    }
}

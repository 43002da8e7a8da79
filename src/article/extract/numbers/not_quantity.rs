//! Numbers that are not quantities, whatever their digits: the number of a list item
//! ("(1) crew quarters"), an age ("aged 58", "Jane Doe, 58,"), a year ("the class of
//! ’89", "in 2019"), an identifier ("10:30"), a name ("Windows 11", "the 737 Max", "call
//! 911"), a button ("+1"). `quantity` asks before it reads a number as one.

use crate::article::text::lexicon::{LABEL, SCALE, has, is_function_word, is_speech_verb};
use crate::article::text::numerals::{after_comparison, is_currency_code, is_dimension, is_yearly_event, year_of};
use crate::article::text::tokens::{Kind, Token, low};

/// The text of token `k`, or nothing past the end.
pub(super) fn word_at<'a>(text: &'a str, t: &[Token], k: usize) -> &'a str {
    t.get(k).map_or("", |x| x.text(text))
}

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

/// "5 °C" and "+5 °C" are measures, whatever stands before the number.
pub(super) fn is_degree_sign(s: &str) -> bool {
    matches!(s, "°" | "º" | "℃" | "℉")
}

/// What the word before a number says of it.
pub(super) enum Before {
    /// Nothing that decides.
    Nothing,
    /// It makes the number something other than a quantity: a label ("year 11"), an
    /// age ("aged 58"), a name ("Windows 11"), a sign glued to it ("#5", "-3").
    NotAQuantity,
    /// A currency code: the number is an amount ("Rs 4,280", "CHF 96").
    Currency,
}

/// "modules: (1) crew quarters, (2) hygiene": a number alone in brackets that opens a
/// clause numbers a list ("Hartigan (58)" is a score).
pub(super) fn list_number(text: &str, t: &[Token], i: usize) -> bool {
    let opens = i < 2 || t[i - 2].kind == Kind::Punct;
    i > 0 && word_at(text, t, i - 1) == "(" && word_at(text, t, i + 1) == ")" && t[i].text(text).len() <= 2 && opens
}

/// A number that names a thing rather than counts: "the 777 program", "the 737 Max", a
/// number to call ("called 911", "911 calls"), "777x jets", "§ 68", "2-Faktor".
pub(super) fn names_a_thing(text: &str, t: &[Token], i: usize) -> bool {
    let s = t[i].text(text);
    let prev = if i > 0 { low(word_at(text, t, i - 1)) } else { low("") };
    let next = word_at(text, t, i + 1);
    let lnext = low(next);
    // "the 777 program": a count would take a plural ("the 30 jets").
    let singular = t.get(i + 1).is_some_and(|n| {
        n.kind == Kind::Word
            && n.start > t[i].end
            && next.is_ascii()
            && !next.ends_with('s')
            && (next.starts_with(char::is_uppercase) && prev.as_str() == "the"
                || !is_function_word(next)
                    && !next.ends_with("est")
                    && !matches!(
                        lnext.as_str(),
                        "more"
                            | "most"
                            | "other"
                            | "new"
                            | "million"
                            | "billion"
                            | "thousand"
                            | "per"
                            | "percent"
                            | "people"
                            | "children"
                            | "men"
                            | "women"
                            | "staff"
                            | "police"
                            | "cattle"
                            | "of"
                    ))
    });
    let definite_name = prev.as_str() == "the"
        && singular
        && s.len() >= 3
        && s.bytes().all(|b| b.is_ascii_digit())
        && !has(next, SCALE);
    let call = matches!(prev.as_str(), "call" | "called" | "calling" | "dial" | "dialled" | "dialed" | "phoned")
        || matches!(lnext.as_str(), "call" | "calls" | "operator" | "operators" | "dispatcher" | "dispatchers");
    let model = s.len() >= 4 && s.ends_with(['x', 'X']) && s[..s.len() - 1].bytes().all(|b| b.is_ascii_digit());
    let section = i > 0 && word_at(text, t, i - 1) == "§";
    // "2-Faktor-Authentifizierung": a number glued to a capitalised word is part of it.
    let compound = next == "-"
        && t.get(i + 1).is_some_and(|d| d.start == t[i].end)
        && t.get(i + 2).is_some_and(|w| w.kind == Kind::Word && w.text(text).starts_with(char::is_uppercase));
    definite_name || call || model || section || compound
}

pub(super) fn before_number(text: &str, t: &[Token], i: usize) -> Before {
    let Some(p) = i.checked_sub(1).map(|p| &t[p]) else { return Before::Nothing };
    let prev = p.text(text);
    let word = p.kind == Kind::Word;
    let glued_sign = p.end == t[i].start && matches!(prev, "-" | "#" | "/" | "." | ":" | "№");
    // Ages: "aged 58", "aged between 18 and 65", "Jane Doe, 58, said".
    let age = is_age(text, t, i) || is_apposed_age(text, t, i);
    if glued_sign || word && is_label(prev) || age || is_short_year(text, t, i) || is_plus_one(text, t, i) {
        Before::NotAQuantity
    } else if is_currency_code(prev) {
        Before::Currency
    } else if word && names_the_number(text, t, i) {
        Before::NotAQuantity
    } else {
        Before::Nothing
    }
}

/// Whether the words before the number at `k` make it an age: "aged 58", "aged between
/// 18", "ages from 5".
fn age_before(text: &str, t: &[Token], k: usize) -> bool {
    let w = |j: usize| if j < k { low(word_at(text, t, k - 1 - j)) } else { low("") };
    let aged = |x: &str| matches!(x, "aged" | "age" | "ages");
    aged(w(0).as_str()) || matches!(w(0).as_str(), "between" | "from" | "over" | "under") && aged(w(1).as_str())
}

/// An age, or the second figure of an age range: "aged 58", "aged between 18 and 65",
/// "aged 18 to 24".
fn is_age(text: &str, t: &[Token], i: usize) -> bool {
    age_before(text, t, i)
        || i >= 2
            && matches!(low(word_at(text, t, i - 1)).as_str(), "and" | "to" | "-" | "–")
            && t[i - 2].kind == Kind::Number
            && age_before(text, t, i - 2)
}

/// A year with its century cut off: "the class of ’89". The apostrophe opens the word.
fn is_short_year(text: &str, t: &[Token], i: usize) -> bool {
    i > 0
        && matches!(word_at(text, t, i - 1), "’" | "'")
        && t[i - 1].end == t[i].start
        && t[i].end - t[i].start == 2
        && t[i].text(text).bytes().all(|b| b.is_ascii_digit())
        && text[..t[i - 1].start].chars().next_back().is_none_or(|c| !c.is_alphanumeric())
}

/// "the +1 button": a plus glued to a bare whole number is a vote or a button, not a
/// quantity ("+3.5%" and "+5 °C" are changes and measures).
fn is_plus_one(text: &str, t: &[Token], i: usize) -> bool {
    i > 0
        && word_at(text, t, i - 1) == "+"
        && t[i - 1].end == t[i].start
        && t[i].text(text).bytes().all(|b| b.is_ascii_digit())
        && !is_degree_sign(word_at(text, t, i + 1))
}

/// "Jane Doe, 58, said": a short number between commas after a name is an age.
fn is_apposed_age(text: &str, t: &[Token], i: usize) -> bool {
    word_at(text, t, i.wrapping_sub(1)) == ","
        && word_at(text, t, i + 1) == ","
        && i >= 2
        && t[i - 2].kind == Kind::Word
        && word_at(text, t, i - 2).starts_with(char::is_uppercase)
        && t[i].text(text).len() <= 3
}

/// "Windows 11", "Boeing 737": a capitalised word naming the number (but "beat Dartford
/// Rovers 2-1" is a score, and a capital that opens a sentence names nothing).
fn names_the_number(text: &str, t: &[Token], i: usize) -> bool {
    let prev = word_at(text, t, i - 1);
    let score = word_at(text, t, i + 1) == "-"
        && t.get(i + 2).is_some_and(|x| x.kind == Kind::Number && x.end - x.start <= 2)
        && t[i].text(text).len() <= 2;
    !score
        && prev.starts_with(char::is_uppercase)
        && !is_function_word(prev)
        && !is_speech_verb(prev)
        && i >= 2
        && !matches!(word_at(text, t, i - 2), "." | "!" | "?" | "“" | "\"" | ":")
}

/// 10:30, 3.5.1, 555-1234 style identifiers (ranges "10-15" are kept).
pub(super) fn is_identifier(text: &str, t: &[Token], i: usize) -> bool {
    t.get(i + 1).is_some_and(|n| {
        n.start == t[i].end
            && matches!(n.text(text), ":" | "/" | ".")
            && t.get(i + 2).is_some_and(|x| x.kind == Kind::Number)
    })
}

/// A year-shaped number is a year (or a name's), unless it counts things: "2000 people".
pub(super) fn is_plain_year(text: &str, t: &[Token], i: usize) -> bool {
    if year_of(&t[i], text).is_none() || is_dimension(text, t, i) || after_comparison(text, t, i) {
        return false;
    }
    let next = word_at(text, t, i + 1);
    // "2000 people" counts; "em 2019 após" is a year in another language, and "the 2016
    // elections" a year's events.
    let counts = next.ends_with('s')
        && next.is_ascii()
        && next.chars().next().is_some_and(char::is_lowercase)
        && !is_function_word(next)
        && !is_yearly_event(next);
    !counts
}

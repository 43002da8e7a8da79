//! Dates: absolute ones ("July 30", "30 July 2024", "2017", "2024-07-30", "March") and
//! relative ones ("this year", "two years later", "Wednesday").

pub mod lists;
pub mod relative;

use crate::article::extract::dates::lists::{listed_days_after, listed_days_before};
use crate::article::extract::dates::relative::relative_span;
use crate::article::text::lexicon::{
    AUXILIARY, HYPHENATED, MONTH, MONTH_CONTEXT, MONTH_LOWERCASE, SPEECH, VERB_AFTER, WEEKDAY, YEAR_CONTEXT, has,
    has_lowercase, is_irregular_plural, month,
};
use crate::article::text::numerals::{after_comparison, day_of, is_dimension, is_yearly_event, year_of};
use crate::article::text::shape::{Ranges, escape_ranges, url_ranges};
use crate::article::text::tokens::{Kind, Token, lower, phone_numbers, starts_upper, strip_possessive};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub start: usize,
    pub end: usize,
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub relative: bool,
}

impl FoundDate {
    /// ISO 8601 for what is known: "2024-07-30", "2024-07", "2017", "--07-30".
    pub fn iso(&self) -> Option<String> {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
            (Some(y), Some(m), None) => Some(format!("{y:04}-{m:02}")),
            (Some(y), None, _) => Some(format!("{y:04}")),
            (None, Some(m), Some(d)) => Some(format!("--{m:02}-{d:02}")),
            (None, Some(m), None) => Some(format!("--{m:02}")),
            _ => None,
        }
    }
}

fn glued(a: &Token, b: &Token) -> bool {
    a.end == b.start
}

fn is_punct(tok: Option<&Token>, text: &str, p: &str) -> bool {
    tok.is_some_and(|t| t.kind == Kind::Punct && t.text(text) == p)
}

/// Words after which a lone capitalised "May" is the month, not the verb.
fn month_context(word: &str) -> bool {
    has(word, MONTH_CONTEXT)
}

/// Words before a bare year that make it a year ("in 2017") even when a plural noun follows.
fn year_context(word: &str) -> bool {
    has(word, YEAR_CONTEXT)
}

/// Every date in `text`, in order, without overlaps.
pub fn find_dates(text: &str, tokens: &[Token]) -> Vec<FoundDate> {
    let mut out = Vec::new();
    let phones = Ranges::new(phone_numbers(text, tokens));
    // A year in a web address ("example.com/2024/05/story") is part of the address, and
    // digits in an escape sequence are part of it.
    let mut urls = url_ranges(text);
    urls.extend(escape_ranges(text));
    let urls = Ranges::new(urls);
    let mut i = 0;
    while i < tokens.len() {
        if let Some((_, b)) = phones.around(i) {
            i = b;
            continue;
        }
        if urls.around(tokens[i].start).is_some() {
            i += 1;
            continue;
        }
        match date_at(text, tokens, i) {
            Some((mut found, mut next)) => {
                // "this year’s theme": the date is "this year".
                found.end = found.start + strip_possessive(&text[found.start..found.end]).len();
                let floor = out.last().map_or(0, |d: &FoundDate| d.end);
                let day = |(start, end, d)| FoundDate { start, end, day: Some(d), ..found };
                if found.month.is_some() && found.day.is_some() {
                    if day_of(&tokens[i], text) == found.day {
                        out.extend(listed_days_before(text, tokens, i, floor).into_iter().map(day));
                    }
                    out.push(found);
                    if tokens[i].kind == Kind::Word {
                        let (days, after) = listed_days_after(text, tokens, next);
                        out.extend(days.into_iter().map(day));
                        next = after;
                    }
                } else {
                    out.push(found);
                }
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// The date starting at token `i`, and the index of the token after it.
fn date_at(text: &str, t: &[Token], i: usize) -> Option<(FoundDate, usize)> {
    let found = match t[i].kind {
        Kind::Number => iso_date(text, t, i)
            .or_else(|| cjk_date(text, t, i))
            .or_else(|| dotted_date(text, t, i))
            .or_else(|| slashed_date(text, t, i))
            .or_else(|| day_month_date(text, t, i))
            .or_else(|| year_date(text, t, i)),
        Kind::Word if is_month_word(text, &t[i]) => return month_date(text, t, i),
        // "mid-September": only a hyphenated word can be one.
        Kind::Word
            if t[i].lex.is(HYPHENATED)
                && let Some(found) = qualified_date(text, t, i) =>
        {
            return Some(found);
        }
        Kind::Word if t[i].lex.is(WEEKDAY) && starts_upper(t[i].text(text)) => return weekday_date(text, t, i),
        Kind::Word => None,
        Kind::Punct => return None,
    };
    // "two years later", "3 days ago", "last week".
    found.or_else(|| relative_span(text, t, i).map(|end| (span(t, i, end, None, None, None, true), end + 1)))
}

/// A date over tokens `a..=b`.
fn span(
    t: &[Token],
    a: usize,
    b: usize,
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
    relative: bool,
) -> FoundDate {
    FoundDate { start: t[a].start, end: t[b].end, year, month, day, relative }
}

/// A date and the token after it.
type Found = Option<(FoundDate, usize)>;

/// A month's name as a date may use it: capitalised, or in lower case in the languages
/// that write months so ("noviembre", "октября").
fn is_month_word(text: &str, tok: &Token) -> bool {
    tok.lex.is(MONTH) && (starts_upper(tok.text(text)) || tok.lex.is(MONTH_LOWERCASE))
}

/// "of"/"de" between the parts of a date: "30th of July", "22 de outubro de 2010".
fn is_date_joiner(w: &str) -> bool {
    matches!(w, "of" | "de" | "del" | "di")
}

/// "mid-September", "mid-2020s", "early-2019": a part of a month, year or decade.
fn qualified_date(text: &str, t: &[Token], i: usize) -> Found {
    let s = t[i].text(text);
    let (head, tail) = s.split_once('-')?;
    if !matches!(head.to_ascii_lowercase().as_str(), "mid" | "early" | "late") {
        return None;
    }
    // The date is "mid-December": the qualifier says which part of the month.
    let found = |year, month| {
        Some((FoundDate { start: t[i].start, end: t[i].end, year, month, day: None, relative: false }, i + 1))
    };
    if let Some(m) = crate::article::text::lexicon::month(tail) {
        return found(None, Some(m));
    }
    let digits = tail.trim_end_matches('s');
    if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = digits.parse().ok()?;
        return (1000..=2199).contains(&y).then(|| found(Some(y), None)).flatten();
    }
    None
}

/// 2020年3月9日, 3月9日, 2020年: a date as Chinese and Japanese write it.
fn cjk_date(text: &str, t: &[Token], i: usize) -> Found {
    let mut rest = &text[t[i].start..];
    let mut part = |mark: char| -> Option<u32> {
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let after = rest[digits..].strip_prefix(mark).filter(|_| digits > 0)?;
        let v = rest[..digits].parse().ok()?;
        rest = after;
        Some(v)
    };
    let year = part('年').filter(|y| (1000..=2199).contains(y));
    let month = part('月').filter(|m| (1..=12).contains(m));
    let day = month.and_then(|_| part('日')).filter(|d| (1..=31).contains(d));
    if year.is_none() && month.is_none() {
        return None;
    }
    let end = text.len() - rest.len();
    let last = (i..t.len()).take_while(|&k| t[k].start < end).last()?;
    let date = FoundDate {
        start: t[i].start,
        end,
        year: year.and_then(|y| i32::try_from(y).ok()),
        month: month.and_then(|m| u8::try_from(m).ok()),
        day: day.and_then(|d| u8::try_from(d).ok()),
        relative: false,
    };
    Some((date, last + 1))
}

/// 01.01.2019, 5.5.2015: day, month and year with dots, as much of Europe writes them.
fn dotted_date(text: &str, t: &[Token], i: usize) -> Found {
    let mut parts = t[i].text(text).split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || d.len() > 2 || m.len() > 2 || y.len() != 4 {
        return None;
    }
    let (d, m, y): (u8, u8, i32) = (d.parse().ok()?, m.parse().ok()?, y.parse().ok()?);
    let valid = (1..=31).contains(&d) && (1..=12).contains(&m) && (1800..=2199).contains(&y);
    valid.then(|| (span(t, i, i, Some(y), Some(m), Some(d), false), i + 1))
}

/// 2024-07-30.
fn iso_date(text: &str, t: &[Token], i: usize) -> Found {
    let y = year_of(&t[i], text)?;
    let shaped = i + 4 < t.len()
        && is_punct(t.get(i + 1), text, "-")
        && is_punct(t.get(i + 3), text, "-")
        && (i..i + 4).all(|k| glued(&t[k], &t[k + 1]));
    if !shaped {
        return None;
    }
    let m: u8 = t[i + 2].text(text).parse().ok().filter(|m| (1..=12).contains(m))?;
    let d = day_of(&t[i + 4], text)?;
    Some((span(t, i, i + 4, Some(y), Some(m), Some(d), false), i + 5))
}

/// 30/07/2024: day first, as most of the world writes it; month first when the second
/// number cannot be a month.
fn slashed_date(text: &str, t: &[Token], i: usize) -> Found {
    let shaped = i + 4 < t.len()
        && is_punct(t.get(i + 1), text, "/")
        && is_punct(t.get(i + 3), text, "/")
        && (i..i + 4).all(|k| glued(&t[k], &t[k + 1]));
    if !shaped {
        return None;
    }
    let (a, b, y) = (day_of(&t[i], text)?, day_of(&t[i + 2], text)?, year_of(&t[i + 4], text)?);
    let (d, m) = if b > 12 { (b, a) } else { (a, b) };
    (m <= 12).then(|| (span(t, i, i + 4, Some(y), Some(m), Some(d), false), i + 5))
}

/// 30 July, 30th of July, 18 Jun. 2024, 30 July, 2024. ("May" after a number is still a
/// month: "18 May".)
fn day_month_date(text: &str, t: &[Token], i: usize) -> Found {
    let d = day_of(&t[i], text)?;
    let mut j = i + 1;
    // "25. September 2018"
    if is_punct(t.get(j), text, ".") && glued(&t[i], &t[j]) {
        j += 1;
    }
    if t.get(j).is_some_and(|n| is_date_joiner(lower(n.text(text), &mut [0; 24]))) {
        j += 1;
    }
    let m = t.get(j).filter(|n| is_month_word(text, n)).map(|n| n.lex.month)?;
    let mut end = j;
    // "18 Jun. 2024": an abbreviation's dot, not a full stop ("27 June.").
    let abbreviated = t[j].text(text).len() <= 4 && !matches!(t[j].text(text), "May" | "June" | "July");
    if abbreviated && is_punct(t.get(j + 1), text, ".") && glued(&t[j], &t[j + 1]) {
        end = j + 1;
    }
    let (year, end) = year_after(text, t, end);
    Some((span(t, i, end, year, Some(m), Some(d), false), end + 1))
}

/// A year right after token `end`, or after a comma: the year and the date's new last token.
fn year_after(text: &str, t: &[Token], end: usize) -> (Option<i32>, usize) {
    if let Some(y) = t.get(end + 1).and_then(|n| year_of(n, text)) {
        (Some(y), end + 1)
    } else if t.get(end + 1).is_some_and(|n| matches!(n.text(text), "de" | "del"))
        && let Some(y) = t.get(end + 2).and_then(|n| year_of(n, text))
    {
        // "22 de outubro de 2010", "noviembre de 1998"
        (Some(y), end + 2)
    } else if is_punct(t.get(end + 1), text, ",")
        && let Some(y) = t.get(end + 2).and_then(|n| year_of(n, text))
    {
        (Some(y), end + 2)
    } else {
        (None, end)
    }
}

/// A bare year (2017), a season written as one date ("the 2025-26 academic year"), or
/// a decade (2020s).
fn year_date(text: &str, t: &[Token], i: usize) -> Found {
    let tok = &t[i];
    if let Some(y) = year_of(tok, text)
        && bare_year_is_date(text, t, i)
    {
        let season = is_punct(t.get(i + 1), text, "-")
            && t.get(i + 2).is_some_and(|n| n.kind == Kind::Number && n.end - n.start == 2 && glued(&t[i + 1], n))
            && glued(tok, &t[i + 1]);
        let end = if season { i + 2 } else { i };
        return Some((span(t, i, end, Some(y), None, None, false), end + 1));
    }
    let s = tok.text(text);
    if s.len() == 5 && s.ends_with('s') && s[..4].bytes().all(|b| b.is_ascii_digit()) {
        let y: i32 = s[..4].parse().ok()?;
        if (1000..=2199).contains(&y) && y % 10 == 0 {
            return Some((span(t, i, i, Some(y), None, None, false), i + 1));
        }
    }
    None
}

/// A month name first: July 30[, 2024], July 2024, or March alone ("May" and
/// abbreviations need a preposition before them: "in May").
fn month_date(text: &str, t: &[Token], i: usize) -> Found {
    let (tok, s) = (&t[i], t[i].text(text));
    let m = tok.lex.month;
    let abbrev_dot = is_punct(t.get(i + 1), text, ".") && glued(tok, &t[i + 1]);
    let after = if abbrev_dot { i + 2 } else { i + 1 };
    if let Some(d) = t.get(after).and_then(|n| day_of(n, text)) {
        let (year, end) = if is_punct(t.get(after + 1), text, ",") {
            match t.get(after + 2).and_then(|n| year_of(n, text)) {
                Some(y) => (Some(y), after + 2),
                None => (None, after),
            }
        } else {
            match t.get(after + 1).and_then(|n| year_of(n, text)) {
                Some(y) => (Some(y), after + 1),
                None => (None, after),
            }
        };
        return Some((span(t, i, end, year, Some(m), Some(d), false), end + 1));
    }
    if let (Some(y), end) = year_after(text, t, after - 1) {
        return Some((span(t, i, end, Some(y), Some(m), None, false), end + 1));
    }
    let full_name = s.len() > 3 || s == "May";
    let prev = i.checked_sub(1).map(|p| t[p].text(text)).unwrap_or("");
    let sentence_start = i == 0 || matches!(prev, "." | "!" | "?" | "“" | "\"");
    // "November marked the beginning of …": a month opening a sentence, but not "March"
    // or "May" (verbs), nor "June said" (a name).
    let opens_as_month = sentence_start
        && !matches!(s, "March" | "May")
        && t.get(i + 1).is_some_and(|n| {
            let w = n.text(text);
            n.kind == Kind::Word && w.starts_with(char::is_lowercase) && !n.lex.is(SPEECH) && !n.lex.is(AUXILIARY)
        });
    let foreign = tok.lex.is(MONTH_LOWERCASE) && !starts_upper(s);
    let ok = if foreign {
        true
    } else if s == "May" || !full_name {
        month_context(prev)
    } else {
        !sentence_start || month_context(prev) || opens_as_month
    };
    (ok && !is_name_part(text, t, i)).then(|| (span(t, i, i, None, Some(m), None, false), i + 1))
}

/// "Wednesday, July 30, 2024" is absolute; a weekday alone is relative.
fn weekday_date(text: &str, t: &[Token], i: usize) -> Found {
    let mut j = i + 1;
    if is_punct(t.get(j), text, ",") {
        j += 1;
    }
    if j < t.len()
        && let Some((d, next)) = date_at(text, t, j).filter(|(d, _)| !d.relative && d.month.is_some())
    {
        return Some((FoundDate { start: t[i].start, ..d }, next));
    }
    Some((span(t, i, i, None, None, None, true), i + 1))
}

/// "March" in "the March of Dimes" or "Theresa May" is part of a name.
fn is_name_part(text: &str, t: &[Token], i: usize) -> bool {
    let prev_cap = i > 0
        && t[i - 1].kind == Kind::Word
        && starts_upper(t[i - 1].text(text))
        && !month_context(t[i - 1].text(text));
    let next_of =
        t.get(i + 1).is_some_and(|n| n.text(text) == "of") && t.get(i + 2).is_some_and(|n| starts_upper(n.text(text)));
    // "Rio de Janeiro"
    let joined = i >= 2
        && matches!(t[i - 1].text(text), "de" | "da" | "do" | "del")
        && t[i - 2].kind == Kind::Word
        && starts_upper(t[i - 2].text(text));
    // "April Ryan", "Mayo Clinic", "Julio Iglesias"
    let next_cap = t.get(i + 1).is_some_and(|n| n.kind == Kind::Word && starts_upper(n.text(text)));
    prev_cap || next_of || next_cap || joined
}

/// A four-digit number is a year unless it names something ("Report 2020"), is part of an
/// identifier ("ISO 9001", "Covid-2019"), or counts things ("2000 people").
fn bare_year_is_date(text: &str, t: &[Token], i: usize) -> bool {
    let prev = i.checked_sub(1).map(|p| &t[p]);
    let next = t.get(i + 1);
    // Outside 1800–2100 a bare number is a year only when a word says so ("in 1066").
    let plausible = year_of(&t[i], text).is_some_and(|y| (1800..=2100).contains(&y));
    if !plausible && !prev.is_some_and(|p| year_context(p.text(text))) {
        return false;
    }
    if is_dimension(text, t, i) || after_comparison(text, t, i) {
        return false;
    }
    if let Some(p) = prev {
        let ps = p.text(text);
        if glued(p, &t[i]) && matches!(ps, "-" | "/" | "#" | "." | ":" | "$" | "£" | "€") {
            return false;
        }
        // "Report 2020" names a thing; "Nauman’s 1968 work" is a year of his.
        let possessive = ps.ends_with("’s") || ps.ends_with("'s");
        if p.kind == Kind::Word && starts_upper(ps) && !possessive && !year_context(ps) && month(ps).is_none() {
            let sentence_start =
                i == 1 || i >= 2 && matches!(t[i - 2].text(text), "." | "!" | "?" | "“" | "\"" | "«" | "„" | "—" | "(");
            if !sentence_start {
                return false;
            }
        }
        if year_context(ps) {
            return true;
        }
    }
    if let Some(n) = next {
        let ns = n.text(text);
        if glued(&t[i], n)
            && matches!(ns, "-" | "/" | ":" | ".")
            && t.get(i + 2).is_some_and(|x| x.kind == Kind::Number && glued(n, x))
        {
            // 2017-18 is a season; 10:30 is a time; 1.5 is not a year.
            return ns == "-" && t[i + 2].text(text).len() == 2;
        }
        // A plural noun after it counts things: "2000 people", "1500 troops".
        if n.kind == Kind::Word
            && !starts_upper(ns)
            && (ns.ends_with('s') && ns.len() > 3 && ns.is_ascii() && !is_verbish(ns) && !is_yearly_event(ns)
                || is_irregular_plural(ns))
        {
            return false;
        }
        if n.kind == Kind::Word && scale_like(ns) {
            return false;
        }
    }
    true
}

fn scale_like(w: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(lower(w, &mut buf), "million" | "billion" | "thousand" | "per" | "percent" | "m" | "bn" | "km" | "kg")
}

fn is_verbish(w: &str) -> bool {
    has_lowercase(w, VERB_AFTER)
}

#[cfg(test)]
pub(super) mod tests;

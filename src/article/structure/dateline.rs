//! Datelines: the short line near the top of an article that gives its date ("7 January
//! 2019", "Wed 18 Jun 2025 06.00 BST", "Updated: 3 hours ago"). `structure` keeps it out
//! of the body.

use crate::article::extract::dates::find_dates;
use crate::article::text::lexicon::{DATELINE_WORD, has_lowercase, is_weekday};
use crate::article::text::tokens::lower;
use crate::article::text::tokens::{Kind, tokenize};

/// A line that only gives a date (and perhaps a time or "Updated"): "7 January 2019",
/// "18 Jun", "Updated: July 30, 2024 10:32 GMT+7".
pub fn is_dateline(line: &str) -> bool {
    // Every dateline has a digit ("18 Jun", "Updated 14:47 GMT", "2 hours ago").
    if line.len() > 200 || !line.bytes().any(|b| b.is_ascii_digit()) || line.split_whitespace().count() > 16 {
        return false;
    }
    beside_a_publication(line) || is_update_stamp(line) || only_date_words(line)
}

/// "TNN | Updated: Sep 28, 2025, 10.41 IST", "Manila Daily Courier / 04:36 AM October 21,
/// 2024": a publication's name beside the date.
fn beside_a_publication(line: &str) -> bool {
    [" | ", " / ", " · ", " • "].iter().any(|sep| {
        line.split_once(sep).is_some_and(|(a, b)| {
            let short = |s: &str| s.split_whitespace().count() <= 5;
            is_dateline(b) && short(a) || is_dateline(a) && short(b)
        })
    })
}

/// "Updated 14:47 GMT", "Published: 9.30am".
fn is_update_stamp(line: &str) -> bool {
    let lowered = line.to_ascii_lowercase();
    (lowered.starts_with("updated") || lowered.starts_with("last updated") || lowered.starts_with("published"))
        && line.bytes().any(|b| b == b':')
        && line.split_whitespace().count() <= 5
        && line.bytes().any(|b| b.is_ascii_digit())
}

/// A date (with a month, a day, or relative), and around it nothing but punctuation,
/// numbers (times: 10:30, +7) and the words of a date line: "Published", "at", "GMT",
/// "Wed", "2 hours ago".
fn only_date_words(line: &str) -> bool {
    let tokens = tokenize(line);
    let dates = find_dates(line, &tokens);
    if !dates.iter().any(|d| d.month.is_some() || d.day.is_some() || d.relative) {
        return false;
    }
    let mut di = 0;
    tokens.iter().all(|tok| {
        while di < dates.len() && dates[di].end <= tok.start {
            di += 1;
        }
        let in_date = di < dates.len() && dates[di].start <= tok.start;
        let s = tok.text(line);
        in_date || tok.kind != Kind::Word || has_lowercase(lower(s, &mut [0u8; 24]), DATELINE_WORD) || is_weekday(s)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        assert!(is_dateline("7 January 2019"));
        assert!(is_dateline("18 Jun"));
        assert!(is_dateline("Updated: July 30, 2024 10:32 GMT+7"));
        assert!(is_dateline("Wednesday, 30 July 2024"));
        assert!(is_dateline("Sun 9 Jun 2024 05.00 AEST"));
        assert!(is_dateline("March 3, 2025 7:45 p.m. ET"));
        assert!(!is_dateline("The meeting on July 29 discussed a treaty."));
        assert!(!is_dateline("2017"));
    }
}

//! Datelines: the short line near the top of an article that gives its date ("7 January
//! 2019", "Wed 18 Jun 2025 06.00 BST", "Updated: 3 hours ago"). `structure` keeps it out
//! of the body.

use crate::article::extract::dates::find_dates;
use crate::article::text::lexicon::is_weekday;
use crate::article::text::tokens::lower;
use crate::article::text::tokens::{Kind, tokenize};

/// A line that only gives a date (and perhaps a time or "Updated"): "7 January 2019",
/// "18 Jun", "Updated: July 30, 2024 10:32 GMT+7".
pub fn is_dateline(line: &str) -> bool {
    // Every dateline has a digit ("18 Jun", "Updated 14:47 GMT", "2 hours ago").
    if line.len() > 200 || !line.bytes().any(|b| b.is_ascii_digit()) || line.split_whitespace().count() > 16 {
        return false;
    }
    // "TNN | Updated: Sep 28, 2025, 10.41 IST", "Manila Daily Courier / 04:36 AM October 21,
    // 2024": a publication's name beside the date.
    for sep in [" | ", " / ", " · ", " • "] {
        if let Some((a, b)) = line.split_once(sep) {
            let short = |s: &str| s.split_whitespace().count() <= 5;
            if is_dateline(b) && short(a) || is_dateline(a) && short(b) {
                return true;
            }
        }
    }
    // "Updated 14:47 GMT"
    let lowered = line.to_ascii_lowercase();
    if (lowered.starts_with("updated") || lowered.starts_with("last updated") || lowered.starts_with("published"))
        && line.bytes().any(|b| b == b':')
        && line.split_whitespace().count() <= 5
        && line.bytes().any(|b| b.is_ascii_digit())
    {
        return true;
    }
    let tokens = tokenize(line);
    let dates = find_dates(line, &tokens);
    if !dates.iter().any(|d| d.month.is_some() || d.day.is_some() || d.relative) {
        return false;
    }
    let mut di = 0;
    for tok in &tokens {
        while di < dates.len() && dates[di].end <= tok.start {
            di += 1;
        }
        if di < dates.len() && dates[di].start <= tok.start {
            continue;
        }
        let s = tok.text(line);
        let ok = match tok.kind {
            Kind::Punct => true,
            Kind::Number => true, // times: 10:30, +7
            Kind::Word => {
                let mut buf = [0u8; 24];
                matches!(
                    lower(s, &mut buf),
                    "published"
                        | "updated"
                        | "posted"
                        | "last"
                        | "modified"
                        | "on"
                        | "at"
                        | "am"
                        | "pm"
                        | "a.m"
                        | "p.m"
                        | "gmt"
                        | "utc"
                        | "bst"
                        | "cet"
                        | "cest"
                        | "est"
                        | "edt"
                        | "pst"
                        | "pdt"
                        | "ict"
                        | "ist"
                        | "et"
                        | "pt"
                        | "ct"
                        | "cst"
                        | "cdt"
                        | "mst"
                        | "mdt"
                        | "aest"
                        | "aedt"
                        | "acst"
                        | "acdt"
                        | "awst"
                        | "nzst"
                        | "nzdt"
                        | "jst"
                        | "kst"
                        | "hkt"
                        | "sgt"
                        | "wib"
                        | "pht"
                        | "sast"
                        | "eat"
                        | "cat"
                        | "wat"
                        | "msk"
                        | "local"
                        | "time"
                        | "hrs"
                        | "h"
                        | "ago"
                        | "minutes"
                        | "minute"
                        | "mins"
                        | "hours"
                        | "hour"
                        | "days"
                        | "day"
                        | "date"
                        | "created"
                ) || is_weekday(s)
                    || matches!(
                        lower(s, &mut [0u8; 24]),
                        "mon" | "tue" | "tues" | "wed" | "thu" | "thur" | "thurs" | "fri" | "sat" | "sun"
                    )
            }
        };
        if !ok {
            return false;
        }
    }
    true
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

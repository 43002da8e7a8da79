//! Days listed with one date: "on 18, 20 and 22 March", "March 18 and 20". Each listed
//! day is a date in the same month (and never a statistic).

use crate::article::text::numerals::day_of;
use crate::article::text::tokens::Token;

/// Joins days in a list of dates: "18, 20 and 22 March", "March 18 and 20".
fn is_list_joint(tok: &Token, text: &str) -> Option<bool> {
    match tok.text(text) {
        "and" | "or" | "&" => Some(true),
        "," => Some(false),
        _ => None,
    }
}

/// The days listed before a day-month date at token `i` ("18, 20 and" before "22 March"),
/// as (start, end, day), none before byte `floor`. The joint next to the date must be
/// "and", "or" or "&", so "7, 22 March" is not a list.
pub(super) fn listed_days_before(text: &str, t: &[Token], i: usize, floor: usize) -> Vec<(usize, usize, u8)> {
    let mut days = Vec::new();
    let mut k = i;
    while k >= 2 {
        let Some(and) = is_list_joint(&t[k - 1], text) else { break };
        if days.is_empty() && !and {
            break;
        }
        let Some(d) = day_of(&t[k - 2], text).filter(|_| t[k - 2].start >= floor) else { break };
        days.push((t[k - 2].start, t[k - 2].end, d));
        k -= 2;
    }
    days.reverse();
    days
}

/// The days listed after a month-day date that ends before token `k` ("and 20" after
/// "March 18"), and the token after them. The list must end with "and", "or" or "&"
/// ("March 18, 20 people" is no list), and a day followed by a month starts a date of its own.
pub(super) fn listed_days_after(text: &str, t: &[Token], from: usize) -> (Vec<(usize, usize, u8)>, usize) {
    let mut days = Vec::new();
    let mut last_and = None;
    let mut k = from;
    while k + 1 < t.len() {
        let Some(and) = is_list_joint(&t[k], text) else { break };
        let Some(d) = day_of(&t[k + 1], text) else { break };
        if t.get(k + 2).is_some_and(|x| x.lex.month != 0) {
            break;
        }
        days.push((t[k + 1].start, t[k + 1].end, d));
        k += 2;
        if and {
            last_and = Some((days.len(), k));
        }
    }
    match last_and {
        Some((n, after)) => {
            days.truncate(n);
            (days, after)
        }
        None => (Vec::new(), from),
    }
}

#[cfg(test)]
mod tests {
    use crate::article::extract::dates::tests::{dates, texts};

    #[test]
    fn lists_of_days_share_the_month() {
        assert_eq!(
            dates("walk out on 18, 20 and 22 March 2025."),
            vec![
                ("18".into(), Some("2025-03-18".into()), false),
                ("20".into(), Some("2025-03-20".into()), false),
                ("22 March 2025".into(), Some("2025-03-22".into()), false),
            ]
        );
        assert_eq!(texts("on March 18 and 20, then 4 and 5 April"), ["March 18", "20", "4", "5 April"]);
        // Not lists: a count after the date, a date before the "and".
        assert_eq!(texts("on March 18, 20 people were hurt"), ["March 18"]);
        assert_eq!(texts("on July 30 and 30 July"), ["July 30", "30 July"]);
        assert_eq!(texts("aged 7, 22 March"), ["22 March"]);
    }
}

//! ISO 8601 dates in words, as a reader writes them: the dateline's "3 January 2019", the
//! Dates tab's "30 Jul 2024". The one place folio names months.

/// How a month is written: "January" or "Jan".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Months {
    Long,
    /// Three letters beside a day ("30 Jul 2024"); a month without a day keeps its name
    /// ("July 2024", "March").
    Short,
}

const NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "2024-07-30" (a time after it is left out), "2024-07", "2017", "--07-29" (a month and
/// day without a year) and "--03" in words: "30 July 2024", "July 2024", "2017", "29 July",
/// "March"; `None` for anything that is not such a date.
pub fn in_words(iso: &str, months: Months) -> Option<String> {
    let iso = iso.split('T').next().unwrap_or(iso);
    let (year, rest) = match iso.strip_prefix("--") {
        Some(rest) => (None, rest),
        None => {
            let year = iso.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?;
            (Some(year), iso.get(4..).unwrap_or("").strip_prefix('-').unwrap_or(iso.get(4..).unwrap_or("")))
        }
    };
    let mut parts = rest.split('-').filter(|p| !p.is_empty());
    let number = |p: &str| (p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<usize>().ok())?;
    let month = match parts.next() {
        Some(m) => Some(*NAMES.get(number(m)?.checked_sub(1)?)?),
        None => None,
    };
    let day = match parts.next() {
        Some(d) => Some(number(d).filter(|d| (1..=31).contains(d))?),
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    let beside_a_day = |m: &str| match months {
        Months::Long => m.to_string(),
        Months::Short => m.chars().take(3).collect(),
    };
    Some(match (day, month, year) {
        (Some(d), Some(m), Some(y)) => format!("{d} {} {y}", beside_a_day(m)),
        (Some(d), Some(m), None) => format!("{d} {}", beside_a_day(m)),
        (None, Some(m), Some(y)) => format!("{m} {y}"),
        (None, Some(m), None) => m.to_string(),
        (None, None, Some(y)) => y.to_string(),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_a_reader_writes_them() {
        assert_eq!(in_words("2024-07-30", Months::Short).as_deref(), Some("30 Jul 2024"));
        assert_eq!(in_words("2019-01-03", Months::Long).as_deref(), Some("3 January 2019"));
        assert_eq!(in_words("2019-01-03T07:00:02Z", Months::Long).as_deref(), Some("3 January 2019"));
        assert_eq!(in_words("2024-07", Months::Short).as_deref(), Some("July 2024"));
        assert_eq!(in_words("2017", Months::Short).as_deref(), Some("2017"));
        assert_eq!(in_words("--07-29", Months::Short).as_deref(), Some("29 Jul"));
        assert_eq!(in_words("--03", Months::Short).as_deref(), Some("March"));
        for bad in ["2024-13-01", "x", "2024-07-32", "20x4", "2024-7-1", "--", "2024-07-30-01"] {
            assert_eq!(in_words(bad, Months::Short), None, "{bad}");
        }
    }
}

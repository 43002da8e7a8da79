//! Publication dates to ISO 8601: "2019-01-03", "2019-01-03T07:00:02Z", or with an offset.

/// Normalise a date string; None when it is not a recognisable date.
pub fn iso(s: &str) -> Option<String> {
    let s = s.trim();
    if s.len() < 8 {
        return None;
    }
    iso_numeric(s).or_else(|| textual(s))
}

fn digits(s: &str, n: usize) -> Option<u32> {
    if s.len() >= n && s.as_bytes()[..n].iter().all(u8::is_ascii_digit) { s[..n].parse().ok() } else { None }
}

/// "2019-01-03", "2019-01-03T07:00:02.123+0000", "2019-01-03 07:00", "2019/01/03".
fn iso_numeric(s: &str) -> Option<String> {
    let y = digits(s, 4)?;
    let sep = s.as_bytes().get(4).copied()?;
    if !matches!(sep, b'-' | b'/' | b'.') {
        return iso_compact(s);
    }
    let m = digits(s.get(5..)?, 2)?;
    if s.as_bytes().get(7) != Some(&sep) {
        return None;
    }
    let d = digits(s.get(8..)?, 2)?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1900..=2100).contains(&y) {
        return None;
    }
    let date = format!("{y:04}-{m:02}-{d:02}");
    let rest = s.get(10..).unwrap_or("");
    let Some(rest) = rest.strip_prefix(['T', ' ']) else {
        return Some(date);
    };
    let (h, mi) = (digits(rest, 2)?, digits(rest.get(3..)?, 2)?);
    if rest.as_bytes().get(2) != Some(&b':') || h > 23 || mi > 59 {
        return Some(date);
    }
    let mut i = 5;
    let mut sec = 0;
    if rest.as_bytes().get(5) == Some(&b':') {
        sec = digits(rest.get(6..)?, 2).unwrap_or(0);
        i = 8;
    }
    let mut tail = rest.get(i..).unwrap_or("");
    if let Some(t) = tail.strip_prefix('.') {
        tail = t.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let tail = tail.trim();
    let zone = if tail.eq_ignore_ascii_case("z") || tail.eq_ignore_ascii_case("utc") || tail.eq_ignore_ascii_case("gmt")
    {
        "Z".to_string()
    } else if let Some(sign) = tail.chars().next().filter(|c| *c == '+' || *c == '-') {
        let num: String = tail[1..].chars().filter(char::is_ascii_digit).collect();
        if num.len() == 4 {
            format!("{sign}{}:{}", &num[..2], &num[2..])
        } else if num.len() == 2 {
            format!("{sign}{num}:00")
        } else {
            String::new()
        }
    } else {
        String::new()
    };
    Some(format!("{date}T{h:02}:{mi:02}:{sec:02}{zone}"))
}

/// "20190103" or "20190103T070002Z".
fn iso_compact(s: &str) -> Option<String> {
    let y = digits(s, 4)?;
    let m = digits(s.get(4..)?, 2)?;
    let d = digits(s.get(6..)?, 2)?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1900..=2100).contains(&y) {
        return None;
    }
    if s.len() > 8 && s.as_bytes()[8].is_ascii_digit() {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// "November 18, 2019", "18 Nov 2019", "Mon, 18 Nov 2019 10:00:00 GMT" (date part only).
fn textual(s: &str) -> Option<String> {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let month = words.iter().position(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m)))?;
    let m = MONTHS.iter().position(|mo| words[month].starts_with(mo))? as u32 + 1;
    let num = |w: &String| w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']).parse::<u32>().ok();
    let year = words.iter().filter_map(num).find(|&n| (1900..=2100).contains(&n))?;
    let day = [month.checked_sub(1), Some(month + 1)]
        .into_iter()
        .flatten()
        .filter_map(|i| words.get(i))
        .filter_map(num)
        .find(|&n| (1..=31).contains(&n))?;
    Some(format!("{year:04}-{m:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::iso;

    #[test]
    fn forms() {
        assert_eq!(iso("2019-01-03").as_deref(), Some("2019-01-03"));
        assert_eq!(iso("2019-01-03T07:00:02Z").as_deref(), Some("2019-01-03T07:00:02Z"));
        assert_eq!(iso("2019-01-03T07:00:02.000+0100").as_deref(), Some("2019-01-03T07:00:02+01:00"));
        assert_eq!(iso("2019-01-03 07:00").as_deref(), Some("2019-01-03T07:00:00"));
        assert_eq!(iso("November 18, 2019").as_deref(), Some("2019-11-18"));
        assert_eq!(iso("Mon, 18 Nov 2019 10:00:00 GMT").as_deref(), Some("2019-11-18"));
        assert_eq!(iso("yesterday"), None);
    }
}

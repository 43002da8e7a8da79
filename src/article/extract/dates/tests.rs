use super::*;
use crate::article::text::tokens::tokenize;

/// Each date found: its text, ISO form and whether it is relative.
pub(in crate::article) fn dates(text: &str) -> Vec<(String, Option<String>, bool)> {
    let t = tokenize(text);
    find_dates(text, &t).into_iter().map(|d| (text[d.start..d.end].to_string(), d.iso(), d.relative)).collect()
}

pub(in crate::article) fn texts(text: &str) -> Vec<String> {
    dates(text).into_iter().map(|d| d.0).collect()
}

#[test]
fn month_day_and_day_month() {
    assert_eq!(
        dates("on July 30 and 30 July 2024, or July 30, 2024."),
        vec![
            ("July 30".into(), Some("--07-30".into()), false),
            ("30 July 2024".into(), Some("2024-07-30".into()), false),
            ("July 30, 2024".into(), Some("2024-07-30".into()), false),
        ]
    );
}

#[test]
fn decades_seasons_ranges_and_parts_of_a_month() {
    assert_eq!(texts("since the 1980s, and by the mid-2020s"), ["1980s", "mid-2020s"]);
    assert_eq!(dates("since mid-September")[0].1.as_deref(), Some("--09"));
}

#[test]
fn chinese_and_japanese_dates() {
    assert_eq!(texts("2020年3月9日から提供"), ["2020年3月9日"]);
    assert_eq!(dates("3月9日に公開")[0].1.as_deref(), Some("--03-09"));
    assert_eq!(dates("2020年の調査")[0].1.as_deref(), Some("2020"));
    assert!(texts("2900円で販売").is_empty());
    assert_eq!(texts("It happened last August and again since 1931."), ["August", "1931"]);
    assert_eq!(texts("from 2014 to 2016, and 2021 to 2025, ready by 2030"), ["2014", "2016", "2021", "2025", "2030"]);
    // A month opening its sentence, but not a name that speaks nor "March" the verb.
    assert_eq!(texts("November marked the start of the season."), ["November"]);
    assert!(texts("June said she would go. March on, they said.").is_empty());
    // Part of a name.
    assert!(texts("in Rio de Janeiro, at the Mayo Clinic, with April Ryan").is_empty());
}

#[test]
fn dates_as_other_languages_write_them() {
    assert_eq!(dates("el 5 de noviembre de 1998")[0].1.as_deref(), Some("1998-11-05"));
    assert_eq!(dates("em 22 de outubro de 2010")[0].1.as_deref(), Some("2010-10-22"));
    assert_eq!(dates("en febrero de 1999")[0].1.as_deref(), Some("1999-02"));
    assert_eq!(dates("mardi 5 mai 2015")[0].1.as_deref(), Some("2015-05-05"));
    assert_eq!(dates("am 25. September 2018")[0].1.as_deref(), Some("2018-09-25"));
    assert_eq!(dates("bis zum 01.01.2019")[0].1.as_deref(), Some("2019-01-01"));
    assert_eq!(dates("до 8 октября")[0].1.as_deref(), Some("--10-08"));
    assert_eq!(texts("Ende April"), ["April"]);
    assert_eq!(texts("\"Em 2012 eu errei\", disse."), ["2012"]);
}

#[test]
fn iso_and_slashes() {
    assert_eq!(dates("On 2024-07-30 and 30/07/2024.")[0].1.as_deref(), Some("2024-07-30"));
    assert_eq!(dates("On 2024-07-30 and 30/07/2024.")[1].1.as_deref(), Some("2024-07-30"));
}

#[test]
fn years_but_not_names_or_identifiers() {
    assert_eq!(
        texts("It began in 2017 when diplomats wrote. Between 2017 and 2021 it grew."),
        ["2017", "2017", "2021"]
    );
    assert!(texts("The Global Report 2020 said so. Covid-19 spread.").is_empty());
    assert!(texts("About 2000 people came, paying $2019 each.").is_empty());
    assert_eq!(texts("It shows Bruce Nauman’s 1968 work and Apple's 2019 report."), ["1968", "2019"]);
    assert_eq!(texts("In 2019, it rained."), ["2019"]);
}

#[test]
fn months_alone() {
    assert_eq!(texts("During the action in March, schools closed."), ["March"]);
    assert!(texts("Theresa May spoke. They may go. May I?").is_empty());
    assert_eq!(texts("It ends in May."), ["May"]);
    assert_eq!(texts("on March 14 and May 9, weeks before"), ["March 14", "May 9"]);
}

#[test]
fn relative_dates() {
    assert_eq!(
        dates("this year’s theme. Two years later, before the close of this year, on Wednesday."),
        vec![
            ("this year".into(), None, true),
            ("Two years later".into(), None, true),
            ("this year".into(), None, true),
            ("Wednesday".into(), None, true),
        ]
    );
    assert!(texts("the last two days of action").is_empty());
}

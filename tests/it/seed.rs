//! The bundled article against its hand-checked reading (../shared/seed/gold.json).
//! The expectations are written out here so `cargo test` guards them even without
//! ../shared; when it is present, the shared scorer has the last word.

use folio::BUNDLED_ARTICLE;
use folio::article::{Article, ParagraphKind, parse};

fn seed() -> Article {
    parse(BUNDLED_ARTICLE, None).expect("the bundled article parses")
}

#[test]
fn bundled_asset_is_the_seed_byte_for_byte() {
    let Some(shared) = crate::common::shared("bundled_asset_is_the_seed_byte_for_byte") else { return };
    let seed = std::fs::read(shared.join("seed/article.txt")).expect("seed article");
    assert_eq!(BUNDLED_ARTICLE.as_bytes(), seed.as_slice());
}

#[test]
fn structure_title_byline_source() {
    let a = seed();
    assert_eq!(a.title, None, "the first line is the lead, not a title");
    assert_eq!(a.byline.as_deref(), Some("MINH CHAU synthesis"));
    assert_eq!(
        a.source.as_deref(),
        Some("https://www.sggp.org.vn/bao-ve-tre-em-khoi-nan-mua-ban-nguoi-post751603.html")
    );
    let shape: Vec<(Option<&str>, usize)> =
        a.sections.iter().map(|s| (s.heading.as_deref(), s.paragraphs.len())).collect();
    assert_eq!(shape, vec![(None, 6), (Some("Threatening progress made"), 3)]);
    assert!(a.sections[0].paragraphs[0].text.starts_with("UN Secretary-General Antonio Guterres has called"));
    assert!(a.sections[1].paragraphs[0].text.starts_with("The United Nations Office on Drugs and Crime"));
    assert_eq!(a.sections[0].paragraphs[1].text, "Children account for one-third of human trafficking victims.");
    assert!(a.paragraphs().all(|(_, _, p)| p.kind == ParagraphKind::Body));
    assert!(a.paragraphs().all(|(_, _, p)| !p.text.contains("Comment (0)")), "page chrome is not article text");
}

#[test]
fn three_quotes_with_their_speakers() {
    let a = seed();
    let got: Vec<(&str, Option<&str>)> = a.quotes.iter().map(|q| (q.text.as_str(), q.speaker.as_deref())).collect();
    assert_eq!(
        got,
        vec![
            ("No child should be left behind in the fight against trafficking in persons", None),
            (
                "Trafficking in persons is a terrible crime that targets the most vulnerable in our societies. We must focus on protecting the most vulnerable: children.",
                Some("Antonio Guterres")
            ),
            ("is now under threat", Some("Ilias Chatzis")),
        ]
    );
    // Each quote points at its words in the text.
    for q in &a.quotes {
        assert_eq!(a.text_at(&q.at), Some(q.text.as_str()));
    }
    assert_eq!((a.quotes[2].at.section, a.quotes[2].at.paragraph), (1, 1));
}

#[test]
fn statistics_are_the_two_thirds_and_no_forbidden_numbers() {
    let a = seed();
    let one_third: Vec<&str> =
        a.statistics.iter().filter(|s| s.quantity == "one-third").map(|s| s.text.as_str()).collect();
    assert_eq!(one_third, ["one-third of human trafficking victims", "one-third of all victims"]);
    assert!(a.statistics[0].sentence.contains("human trafficking victims"));
    let allowed = ["two decades", "two-week", "Two years later"];
    for s in a.statistics.iter().filter(|s| s.quantity != "one-third") {
        assert!(allowed.iter().any(|x| s.text.contains(x) || x.contains(&s.text)), "unexpected statistic {:?}", s.text);
    }
    for s in &a.statistics {
        for bad in ["Covid-19", "751603", "2017", "29", "30"] {
            assert!(!s.quantity.contains(bad), "{bad} is not a statistic ({:?})", s.text);
        }
    }
}

#[test]
fn dates_absolute_and_relative() {
    let a = seed();
    let dates: Vec<(&str, Option<&str>)> = a.dates.iter().map(|d| (d.text.as_str(), d.iso.as_deref())).collect();
    assert_eq!(dates, vec![("July 30", Some("--07-30")), ("July 29", Some("--07-29")), ("2017", Some("2017"))]);
    let relative: Vec<&str> = a.relative_dates.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(relative, ["this year", "Two years later"]);
    assert!(a.relative_dates.iter().all(|d| d.relative));
}

#[test]
fn people_and_organisations() {
    let a = seed();
    let people: Vec<(&str, usize)> = a.people.iter().map(|e| (e.name.as_str(), e.mentions)).collect();
    assert_eq!(people, vec![("Antonio Guterres", 4), ("Ilias Chatzis", 1)]);
    let orgs: Vec<&str> = a.organisations.iter().map(|e| e.name.as_str()).collect();
    for want in [
        "United Nations (UN)",
        "United Nations Office on Drugs and Crime (UNODC)",
        "UN General Assembly",
        "European Union",
    ] {
        assert!(orgs.contains(&want), "missing organisation {want}: {orgs:?}");
    }
    let unodc = a.organisations.iter().find(|e| e.aliases.iter().any(|x| x == "UNODC")).expect("UNODC linked");
    assert_eq!(unodc.mentions, 5, "the expansion and four uses of the acronym");
    // Every mention points at the name in the text: the name, an alias, or a part of it
    // ("Guterres" for "Antonio Guterres", "UNODC" for its expansion).
    for e in a.people.iter().chain(&a.organisations) {
        assert_eq!(e.occurrences.len(), e.mentions, "{}", e.name);
        for o in &e.occurrences {
            let at = a.text_at(o).unwrap_or_else(|| panic!("{o:?} of {} is outside the text", e.name));
            let named = e.name.contains(at) || e.aliases.iter().any(|x| x == at);
            assert!(named, "{o:?} of {} covers {at:?}", e.name);
        }
    }
}

#[test]
fn the_shared_scorer_passes_every_check() {
    let Some(shared) = crate::common::shared("the_shared_scorer_passes_every_check") else { return };
    let json = serde_json::to_string(&seed()).expect("export");
    let (ok, report) = crate::common::score(&shared, &shared.join("seed/gold.json"), &json, None);
    assert!(ok, "score-extraction failed:\n{report}");
    assert!(report.contains("min F1 1.00"), "{report}");
}

//! folio's own test articles (tests/fixtures/articles, written for folio in the shapes real
//! pasted articles take) each score a minimum F1 of 0.9 with the shared scorer, and 95% of
//! all speaker checks pass.

use folio::article::parse;
use std::path::PathBuf;

#[test]
fn every_fixture_article_scores_at_least_0_9() {
    let Some(shared) = crate::common::shared("every_fixture_article_scores_at_least_0_9") else { return };
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut golds: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    assert!(golds.len() >= 14, "expected the fixture articles, found {}", golds.len());
    let mut failures = Vec::new();
    let (mut speakers_ok, mut speakers_all) = (0, 0);
    for gold in golds {
        let stem = gold.to_string_lossy().trim_end_matches(".gold.json").to_string();
        let text_path = PathBuf::from(format!("{stem}.txt"));
        let bytes = std::fs::read(&text_path).expect("fixture text");
        let text = folio::input::decode(&bytes).expect("fixture decodes").text;
        let article = parse(&text, None).expect("fixture parses");
        let json = serde_json::to_string(&article).expect("export");
        let (ok, report) = crate::common::score(&shared, &gold, &json, Some(0.9));
        for line in report.lines().filter(|l| l.contains("   speaker ")) {
            speakers_all += 1;
            speakers_ok += usize::from(line.starts_with("ok"));
        }
        if !ok {
            failures.push(format!("{}:\n{report}", text_path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(speakers_all >= 60, "expected the fixtures' speaker checks, found {speakers_all}");
    assert!(speakers_ok * 100 >= speakers_all * 95, "speakers right: {speakers_ok} of {speakers_all}");
}

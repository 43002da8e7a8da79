//! Every article in ../shared/samples scores a minimum F1 of 0.9 with the shared scorer.

use folio::article::parse;

#[test]
fn every_sample_scores_at_least_0_9() {
    let Some(shared) = crate::common::shared("every_sample_scores_at_least_0_9") else { return };
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(shared.join("samples")).expect("samples dir").flatten().collect();
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("txt") {
            continue;
        }
        let gold = path.with_extension("gold.json");
        let text = std::fs::read_to_string(&path).expect("sample text");
        let article = parse(&text, None).expect("sample parses");
        let json = serde_json::to_string(&article).expect("export");
        let (ok, report) = crate::common::score(&shared, &gold, &json, Some(0.9));
        if !ok {
            failures.push(format!("{}:\n{report}", path.display()));
        }
        checked += 1;
    }
    assert!(checked >= 3, "expected the three samples, found {checked}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

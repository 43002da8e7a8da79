use super::*;

fn any_memory(_: &str) -> bool {
    true
}

/// A memory the legacy test counts as readable: an object whose `progress` is a number.
fn progress_is_a_number(json: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(json).is_ok_and(|v| v.get("progress").is_none_or(|p| p.is_u64()))
}

fn article(key: u64, seen: u64) -> Remembered {
    Remembered { key, memory: format!("{{\"progress\":{key}}}"), seen, title: None, location: None }
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn saved_rows_read_back_and_stay_within_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), any_memory).store.unwrap();
    for i in 0..(MAX_ARTICLES as u64 + 50) {
        let saving =
            Saving { article: Some(article(i, 1000 + i)), searches: vec![format!("query {i}")], ..Default::default() };
        store.save(&saving).unwrap();
    }
    let articles = store.articles().unwrap();
    assert_eq!(articles.len(), MAX_ARTICLES);
    assert!(articles.iter().all(|a| a.key >= 50), "the oldest went first");
    let searches = store.searches().unwrap();
    assert_eq!(searches.len(), MAX_SEARCHES);
    assert_eq!(searches.last().map(String::as_str), Some("query 549"));
    // A search typed again moves to the end, once.
    store.save(&Saving { article: None, searches: vec!["query 460".into()], ..Default::default() }).unwrap();
    let searches = store.searches().unwrap();
    assert_eq!(searches.iter().filter(|q| *q == "query 460").count(), 1);
    assert_eq!(searches.last().map(String::as_str), Some("query 460"));
    assert_eq!(files(dir.path()), ["state.db"], "nothing left beside it");
}

#[test]
fn a_file_that_is_not_a_store_is_set_aside_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(FILE), b"\xff\xfe\x00garbage that is not SQLite at all, and long enough").unwrap();
    let opened = Store::open(dir.path(), any_memory);
    let store = opened.store.expect("a new store");
    let notice = opened.notices.join("\n");
    assert!(notice.contains("could not be read whole") && notice.contains(".bad-"), "{notice}");
    let names = files(dir.path());
    let aside = names.iter().find(|n| n.starts_with("state.db.bad-")).expect("set aside");
    assert_eq!(std::fs::read(dir.path().join(aside)).unwrap()[..4], b"\xff\xfe\x00g"[..], "kept as it was");
    store.save(&Saving { article: Some(article(1, 1)), searches: Vec::new(), ..Default::default() }).unwrap();
}

#[test]
fn a_damaged_store_is_set_aside_with_its_readable_rows_kept() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path(), any_memory).store.unwrap();
        for i in 0..200 {
            // Long memories: the table spans many pages.
            let mut a = article(i, 100 + i);
            a.memory = format!("{{\"progress\":{i},\"pad\":\"{}\"}}", "x".repeat(400));
            store.save(&Saving { article: Some(a), searches: vec![format!("q{i}")], ..Default::default() }).unwrap();
        }
    }
    // Damage the last pages: the first ones (the schema, the first rows) still read.
    let path = dir.path().join(FILE);
    let mut bytes = std::fs::read(&path).unwrap();
    let n = bytes.len();
    for b in &mut bytes[n - 12 * 4096..n - 4096] {
        *b = 0x5a;
    }
    std::fs::write(&path, &bytes).unwrap();
    let opened = Store::open(dir.path(), any_memory);
    let notice = opened.notices.join("\n");
    assert!(notice.contains("could not be read whole") && notice.contains(".bad-"), "{notice}");
    let store = opened.store.expect("a new store");
    let kept = store.articles().unwrap().len();
    assert!(kept > 0 && kept < 200, "{kept} rows kept: {notice}");
    assert!(notice.contains(&format!("{kept} places")), "{notice}");
}

#[test]
fn a_newer_folios_store_is_read_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    {
        let store = Store::open(dir.path(), any_memory).store.unwrap();
        store
            .save(&Saving { article: Some(article(5, 5)), searches: vec!["old".into()], ..Default::default() })
            .unwrap();
        store.conn.execute("UPDATE schema_version SET version = 99", []).unwrap();
    }
    let path = dir.path().join(FILE);
    let before = std::fs::read(&path).unwrap();
    let opened = Store::open(dir.path(), any_memory);
    assert_eq!(opened.notices.len(), 1, "said once: {:?}", opened.notices);
    assert!(opened.notices[0].contains("newer folio") && opened.notices[0].contains("read only"));
    let store = opened.store.unwrap();
    assert!(store.read_only());
    assert_eq!(store.articles().unwrap().len(), 1, "still read");
    store.save(&Saving { article: Some(article(6, 6)), searches: vec!["new".into()], ..Default::default() }).unwrap();
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), before, "left untouched");
}

#[test]
fn the_old_json_is_taken_in_entry_by_entry_and_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let json = r#"{"version":1,"articles":{"00000000000000aa":{"at":[1,0],"progress":5,"seen":1},"00000000000000bb":{"at":[2,0],"progress":"x","seen":2}},"searches":["keepme"]}"#;
    std::fs::write(dir.path().join("state.json"), json).unwrap();
    let opened = Store::open(dir.path(), progress_is_a_number);
    let store = opened.store.unwrap();
    let notice = opened.notices.join("\n");
    assert!(notice.contains("1 entry could not be read"), "{notice}");
    let articles = store.articles().unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].key, 0xaa);
    assert_eq!(serde_json::from_str::<serde_json::Value>(&articles[0].memory).unwrap()["progress"], 5);
    assert_eq!(store.searches().unwrap(), ["keepme"]);
    assert_eq!(files(dir.path()), ["state.db", "state.json.imported"]);
    assert_eq!(std::fs::read_to_string(dir.path().join("state.json.imported")).unwrap(), json, "kept as it was");
    // Once only.
    drop(store);
    assert!(Store::open(dir.path(), progress_is_a_number).notices.is_empty());
}

#[test]
fn an_old_json_of_another_version_or_not_folios_is_never_lost() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("state.json"), r#"{"version":2,"articles":{}}"#).unwrap();
    let opened = Store::open(dir.path(), any_memory);
    assert!(opened.notices.join("").contains("version 2"), "{:?}", opened.notices);
    assert_eq!(files(dir.path()), ["state.db", "state.json"], "left as it is");

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("state.json"), "x".repeat(5 << 20)).unwrap();
    let opened = Store::open(dir.path(), any_memory);
    assert!(opened.notices.join("").contains("too large"), "{:?}", opened.notices);
    let names = files(dir.path());
    assert!(names.iter().any(|n| n.starts_with("state.json.bad-")), "{names:?}");

    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("state.json"), "{\"version\": 1, \"articles\": [1, 2").unwrap();
    let opened = Store::open(dir.path(), any_memory);
    assert!(opened.notices.join("").contains("not JSON"), "{:?}", opened.notices);
    assert!(files(dir.path()).iter().any(|n| n.starts_with("state.json.bad-")));
}

#[test]
fn a_folder_that_cannot_be_written_is_a_notice_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("folio");
    std::fs::write(&blocker, "not a folder").unwrap();
    let opened = Store::open(&blocker, any_memory);
    assert!(opened.store.is_none());
    assert!(opened.notices.join("").contains("folio"), "{:?}", opened.notices);
}

#[test]
fn the_stamp_is_a_date_and_time() {
    assert_eq!(stamp(0), "19700101-000000");
    assert_eq!(stamp(1_796_672_412), "20261207-194012");
}

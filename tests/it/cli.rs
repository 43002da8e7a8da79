//! The command line as a script would use it: exports, lists, round trips, exit codes.

use crate::common::{folio, stderr, stdout};

#[test]
fn export_json_has_the_schema_and_contract_keys() {
    let out = folio(&["--export", "json"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(v["schema"], "folio.article/3");
    for key in
        ["title", "byline", "source", "sections", "quotes", "statistics", "dates", "people", "organisations", "links"]
    {
        assert!(v.get(key).is_some(), "missing key {key}");
    }
    assert_eq!(v["quotes"][1]["speaker"], "Antonio Guterres");
    assert_eq!(v["quotes"][1]["section"], 0);
    assert_eq!(v["quotes"][1]["paragraph"], 2);
}

#[test]
fn round_trip_through_stdin_keeps_sections_and_quotes() {
    let first = folio(&["--export", "json"], None);
    let second = folio(&["--export", "json", "-"], Some(&first.stdout));
    assert!(second.status.success(), "{}", stderr(&second));
    let a: serde_json::Value = serde_json::from_slice(&first.stdout).expect("json");
    let b: serde_json::Value = serde_json::from_slice(&second.stdout).expect("json");
    assert_eq!(a["sections"], b["sections"]);
    assert_eq!(a["quotes"], b["quotes"]);
    assert_eq!(a, b, "the whole article survives export and import");
}

#[test]
fn markdown_and_text_exports_read_back_to_the_same_structure() {
    let original = folio(&["--export", "json"], None);
    let a: serde_json::Value = serde_json::from_slice(&original.stdout).expect("json");
    for format in ["markdown", "text"] {
        let exported = folio(&["--export", format], None);
        assert!(exported.status.success());
        let back = folio(&["--export", "json", "-"], Some(&exported.stdout));
        let b: serde_json::Value = serde_json::from_slice(&back.stdout).expect("json");
        assert_eq!(a["sections"], b["sections"], "{format} export changes the sections");
        assert_eq!(a["quotes"], b["quotes"], "{format} export changes the quotes");
        assert_eq!(a["byline"], b["byline"]);
        assert_eq!(a["source"], b["source"]);
    }
}

#[test]
fn list_quotes_is_tab_separated() {
    let out = folio(&["--list", "quotes"], None);
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[2], "1\t1\tIlias Chatzis\tis now under threat");
}

#[test]
fn list_every_kind() {
    for (kind, expect) in [
        ("sections", "1\tThreatening progress made\t3\t"),
        ("statistics", "one-third of all victims"),
        ("dates", "2017\tabsolute\t2017"),
        ("people", "4\tAntonio Guterres"),
        ("organisations", "UN General Assembly"),
    ] {
        let out = folio(&["--list", kind], None);
        assert!(out.status.success(), "{kind}: {}", stderr(&out));
        assert!(stdout(&out).contains(expect), "--list {kind} lacks {expect:?}:\n{}", stdout(&out));
    }
}

#[test]
fn forced_formats() {
    let md = b"# A Title\n\nSome text here, long enough.\n";
    let as_text = folio(&["--export", "json", "--format", "text", "-"], Some(md));
    let v: serde_json::Value = serde_json::from_slice(&as_text.stdout).expect("json");
    assert_eq!(v["title"], "# A Title", "forced text keeps the hashes");
    let as_md = folio(&["--export", "json", "--format", "markdown", "-"], Some(md));
    let v: serde_json::Value = serde_json::from_slice(&as_md.stdout).expect("json");
    assert_eq!(v["title"], "A Title");
    let bad = folio(&["--export", "json", "--format", "json", "-"], Some(md));
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).starts_with("folio: <stdin>: not a folio JSON article"), "{}", stderr(&bad));
}

#[test]
fn usage_errors_exit_2() {
    let out = folio(&["--export", "yaml"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = folio(&["--list", "quotes", "--export", "json"], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_reader_needs_a_terminal() {
    let out = folio(&[], None);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not a terminal"), "{err}");
}

#[test]
fn help_and_version() {
    let out = folio(&["--help"], None);
    assert!(out.status.success());
    for flag in ["--export", "--list", "--search", "--format", "--width", "--theme", "--max-size"] {
        assert!(stdout(&out).contains(flag), "--help lacks {flag}");
    }
    let out = folio(&["--version"], None);
    assert!(stdout(&out).starts_with("folio "));
}

#[test]
fn readme_documents_every_key_and_flag() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md");
    let start = readme.find("cargo run --release").expect("the first command");
    assert!(start < readme.find("cargo test").expect("the second command"));
    assert!(start < 600, "README opens with the two commands");
    // Every key of every mode, in the keys table.
    let table = &readme[readme.find("## Keys").expect("a Keys section")..];
    let table = &table[..table[3..].find("\n## ").map_or(table.len(), |e| e + 3)];
    for b in folio::keymap::BINDINGS {
        for k in b.keys {
            let label = folio::keymap::key_label(k);
            assert!(table.contains(&format!("`{label}`")), "README's keys lack {label} ({}, {:?})", b.help, b.modes);
        }
    }
    // Every binding's name, for the config file.
    for name in folio::keymap::Keymap::names() {
        assert!(table.contains(&format!("`{name}`")), "README's keys lack the name {name}");
    }
    // Every flag clap knows.
    use clap::CommandFactory;
    let command = folio::cli::Args::command();
    let flags: Vec<String> = command.get_arguments().filter_map(|a| a.get_long()).map(|l| format!("--{l}")).collect();
    assert!(flags.len() >= 7, "{flags:?}");
    for flag in flags {
        assert!(readme.contains(&flag), "README lacks {flag}");
    }
}

/// The README's keys tables say what the keymap does: each row names bindings, and its
/// keys are exactly those bindings' keys (issue 24: the table cannot drift from the
/// keymap).
#[test]
fn readme_keys_tables_match_the_keymap() {
    use folio::app::Mode;
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md");
    let section = &readme[readme.find("## Keys").expect("a Keys section")..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |e| e + 3)];
    let ticked = |s: &str| -> Vec<String> { s.split('`').skip(1).step_by(2).map(str::to_string).collect() };
    let mut named = std::collections::BTreeSet::new();
    for row in section.lines().filter(|l| l.starts_with("| `")) {
        let cols: Vec<&str> = row.split(" | ").collect();
        let (keys, names) = (ticked(cols[0]), ticked(cols.get(1).copied().unwrap_or("")));
        let bindings: Vec<&folio::keymap::Binding> = folio::keymap::BINDINGS
            .iter()
            .filter(|b| names.iter().any(|n| n == b.name) && !b.modes.contains(&Mode::Help))
            .collect();
        assert!(!bindings.is_empty(), "a row naming no binding: {row}");
        let bound: Vec<String> = bindings.iter().flat_map(|b| b.keys.iter().map(folio::keymap::key_label)).collect();
        for k in &keys {
            assert!(bound.contains(k), "README says {k} does {names:?}, the keymap does not: {row}");
        }
        for k in &bound {
            assert!(keys.contains(k), "README's row for {names:?} lacks {k}: {row}");
        }
        named.extend(names);
    }
    for b in folio::keymap::BINDINGS.iter().filter(|b| !b.modes.contains(&Mode::Help)) {
        assert!(named.contains(b.name), "no README row for {}", b.name);
    }
}

//! The layout rules of `src/article/`, checked on the source itself: no file imports a
//! file that (directly or not) imports it back, and nothing in the article layer reaches
//! outside it but `crate::sanitize`. `cargo test --test layers` prints any cycle it finds
//! as a chain of modules.

use crate::common::rust_files;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// `src/article/extract/dates/mod.rs` -> ["article", "extract", "dates"].
fn module_of(root: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(root).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file without its `#[cfg(test)]` module (tests may use the whole crate)
/// and without comments.
fn code_of(text: &str) -> String {
    let body = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    body.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

/// Every path a `use` tree names, expanded: `a::{b, c::d}` -> ["a::b", "a::c::d"].
fn expand(tree: &str) -> Vec<String> {
    let tree: String = tree.chars().filter(|c| !c.is_whitespace()).collect();
    fn go(prefix: &str, t: &str, out: &mut Vec<String>) {
        match t.find('{') {
            None => out.push(format!("{prefix}{t}")),
            Some(open) => {
                let head = &t[..open];
                let inner = &t[open + 1..t.len().saturating_sub(1)];
                let mut depth = 0;
                let mut start = 0;
                for (i, c) in inner.char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        ',' if depth == 0 => {
                            go(&format!("{prefix}{head}"), &inner[start..i], out);
                            start = i + 1;
                        }
                        _ => {}
                    }
                }
                if start < inner.len() {
                    go(&format!("{prefix}{head}"), &inner[start..], out);
                }
            }
        }
    }
    let mut out = Vec::new();
    go("", &tree, &mut out);
    out
}

/// The paths a file's code names: its `use` trees and inline `crate::`/`super::` paths.
fn paths_in(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find("use ") {
        let before = rest[..i].chars().next_back();
        let tail = &rest[i + 4..];
        let end = tail.find(';').unwrap_or(tail.len());
        if before.is_none_or(|c| !c.is_alphanumeric() && c != '_') {
            out.extend(expand(&tail[..end]));
        }
        rest = &tail[end..];
    }
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(i) = code[from..].find(start) {
            let at = from + i;
            let path: String =
                code[at..].chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
            out.push(path);
            from = at + start.len();
        }
    }
    out
}

/// The module a path points into (the longest prefix that is a module we know), from
/// the module `here`.
fn target(path: &str, here: &[String], modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let mut parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
    let mut base: Vec<String> = match parts.first().copied() {
        Some("crate") => {
            parts.remove(0);
            Vec::new()
        }
        Some("super") | Some("self") => {
            // `super` is the parent of the module: for `x.rs` its folder's module, for a
            // folder's `mod.rs` the folder above.
            let mut base = here.to_vec();
            while let Some(&p) = parts.first() {
                match p {
                    "super" => {
                        base.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                parts.remove(0);
            }
            base
        }
        // A `use` of an external crate or a name in scope.
        _ => return None,
    };
    let mut best = None;
    for p in parts {
        base.push(p.to_string());
        if modules.contains(&base) {
            best = Some(base.clone());
        }
    }
    best
}

#[test]
fn the_article_layer_has_no_import_cycles() {
    let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src.join("article"), &mut files);
    files.sort();
    assert!(files.len() > 10, "found {} files under src/article", files.len());
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    let mut outside = Vec::new();
    for f in &files {
        let here = module_of(&src, f);
        let text = std::fs::read_to_string(f).expect("source file");
        for path in paths_in(&code_of(&text)) {
            let absolute = path.starts_with("crate::");
            if absolute && !path.starts_with("crate::article") && !path.starts_with("crate::sanitize") {
                outside.push(format!("{}: {path}", f.display()));
            }
            if let Some(to) = target(&path, &here, &modules)
                && to != here
            {
                edges.entry(here.clone()).or_default().insert(to);
            }
        }
    }
    assert!(outside.is_empty(), "src/article reaches outside itself:\n{}", outside.join("\n"));
    assert!(edges.values().map(BTreeSet::len).sum::<usize>() > 20, "too few imports found: {edges:?}");
    // Depth-first search for a back edge.
    let mut state: BTreeMap<&Vec<String>, u8> = BTreeMap::new();
    let mut cycles = Vec::new();
    fn visit<'a>(
        m: &'a Vec<String>,
        edges: &'a BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        state: &mut BTreeMap<&'a Vec<String>, u8>,
        stack: &mut Vec<&'a Vec<String>>,
        cycles: &mut Vec<String>,
    ) {
        state.insert(m, 1);
        stack.push(m);
        for n in edges.get(m).into_iter().flatten() {
            match state.get(n).copied().unwrap_or(0) {
                0 => visit(n, edges, state, stack, cycles),
                1 => {
                    let from = stack.iter().position(|s| *s == n).unwrap_or(0);
                    let chain: Vec<String> = stack[from..].iter().chain([&n]).map(|s| s.join("::")).collect();
                    cycles.push(chain.join(" -> "));
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(m, 2);
    }
    for m in &modules {
        if state.get(m).copied().unwrap_or(0) == 0 {
            visit(m, &edges, &mut state, &mut Vec::new(), &mut cycles);
        }
    }
    assert!(cycles.is_empty(), "import cycles in src/article:\n{}", cycles.join("\n"));
}

/// The checker itself finds what it is for.
#[test]
fn the_checker_sees_use_trees_and_super_paths() {
    assert_eq!(expand("crate::a::{b, c::{d, e}}"), ["crate::a::b", "crate::a::c::d", "crate::a::c::e"]);
    let modules: BTreeSet<Vec<String>> =
        [vec!["article".to_string()], vec!["article".into(), "x".into()], vec!["article".into(), "y".into()]]
            .into_iter()
            .collect();
    let here = vec!["article".to_string(), "x".to_string()];
    assert_eq!(target("super::y::f", &here, &modules), Some(vec!["article".into(), "y".into()]));
    assert_eq!(target("crate::article::y", &here, &modules), Some(vec!["article".into(), "y".into()]));
    assert_eq!(target("std::fmt", &here, &modules), None);
    let paths = paths_in("use super::y::{A, B};\nfn f() { crate::article::y::g(); }");
    assert!(paths.contains(&"super::y::A".to_string()) && paths.contains(&"crate::article::y::g".to_string()));
}

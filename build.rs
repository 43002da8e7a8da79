//! Turns the word lists in src/article/text/lexicon/lexicon.txt into a lookup table compiled into the
//! binary, so the reader does not build it at start-up, before its first screen; and the learned
//! weights in src/article/learn/weights.txt into arrays of (feature, weight).

use std::fmt::Write as _;

#[path = "src/article/text/lexicon/source.rs"]
#[allow(dead_code)]
mod lexicon_source;

fn main() {
    const SOURCE: &str = "src/article/text/lexicon/lexicon.txt";
    println!("cargo::rerun-if-changed={SOURCE}");
    println!("cargo::rerun-if-changed=src/article/text/lexicon/source.rs");
    let text = match std::fs::read_to_string(SOURCE) {
        Ok(t) => t,
        Err(e) => panic!("cannot read {SOURCE}: {e}"),
    };
    let entries = lexicon_source::entries(&text);
    let slots = lexicon_source::layout(&entries);
    let mut out = String::new();
    let _ = writeln!(out, "static SLOTS: [Slot; {}] = [", slots.len());
    for slot in &slots {
        match slot {
            None => out.push_str("    Slot::EMPTY,\n"),
            Some(n) => {
                let e = &entries[*n];
                let key = lexicon_source::key_words(e.word.as_bytes());
                let _ = writeln!(
                    out,
                    "    Slot {{ hash: {:#x}, len: {}, key: {:?}, lex: Lex {{ flags: {:#x}, value: f32::from_bits({:#x}), month: {} }} }}, // {}",
                    lexicon_source::hash(e.word.as_bytes()),
                    e.word.len(),
                    key,
                    e.flags,
                    e.value.to_bits(),
                    e.month,
                    e.word
                );
            }
        }
    }
    out.push_str("];\n");
    let Some(dir) = std::env::var_os("OUT_DIR") else { panic!("cargo sets OUT_DIR") };
    let path = std::path::Path::new(&dir).join("lexicon.rs");
    if let Err(e) = std::fs::write(&path, out) {
        panic!("cannot write {}: {e}", path.display());
    }
    weights(std::path::Path::new(&dir));
}

/// `[section]` lines open a model; every other line not a comment is `name<TAB>weight`.
fn weights(dir: &std::path::Path) {
    const SOURCE: &str = "src/article/learn/weights.txt";
    println!("cargo::rerun-if-changed={SOURCE}");
    let text = match std::fs::read_to_string(SOURCE) {
        Ok(t) => t,
        Err(e) => panic!("cannot read {SOURCE}: {e}"),
    };
    let mut models: Vec<(String, Vec<(String, f32)>)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            models.push((name.to_string(), Vec::new()));
            continue;
        }
        let (Some((name, w)), Some((_, list))) = (line.split_once('\t'), models.last_mut()) else {
            panic!("{SOURCE}:{}: expected a [model] line or 'name<TAB>weight'", n + 1)
        };
        let Ok(w) = w.trim().parse::<f32>() else { panic!("{SOURCE}:{}: bad weight {w:?}", n + 1) };
        list.push((name.to_string(), w));
    }
    let mut out = String::new();
    for model in ["accept", "speaker"] {
        let list = models.iter().find(|(m, _)| m == model).map(|(_, l)| l.as_slice()).unwrap_or(&[]);
        // Learned figures: one near a constant (0.318, about 1/π) is a coincidence.
        out.push_str("#[allow(clippy::approx_constant)]\n");
        let _ = writeln!(out, "pub static {}: &[(&str, f32)] = &[", model.to_uppercase());
        for (name, w) in list {
            let _ = writeln!(out, "    ({name:?}, {w:?}),");
        }
        out.push_str("];\n");
    }
    let path = dir.join("weights.rs");
    if let Err(e) = std::fs::write(&path, out) {
        panic!("cannot write {}: {e}", path.display());
    }
}

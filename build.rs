//! Turns the word lists in src/article/text/lexicon/lexicon.txt into a lookup table compiled into the
//! binary, so the reader does not build it at start-up, before its first screen.

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
}

//! Arbitrary strings through `folio::sanitize`: nothing that can act on a terminal, reorder
//! or hide text survives `visible`. See fuzz/README.md.

#![no_main]

use libfuzzer_sys::fuzz_target;

/// Characters that must never reach the terminal: C0 controls, DEL, C1 controls, bidi
/// embeddings/overrides/isolates and marks, zero-width and invisible characters.
fn forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'
        | '\u{80}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200b}'
        | '\u{200c}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{2060}'..='\u{2064}'
        | '\u{feff}')
}

fuzz_target!(|data: &[u8]| {
    // Valid UTF-8 as it is; anything else lossily, so every input tests something.
    let s = String::from_utf8_lossy(data);
    let shown = folio::sanitize::visible(&s);
    if let Some((i, c)) = shown.char_indices().find(|&(_, c)| forbidden(c)) {
        panic!("visible({s:?}) = {shown:?} keeps U+{:04X} at byte {i}", c as u32);
    }
    // Placeholders are themselves safe: a second pass changes nothing.
    let again = folio::sanitize::visible(&shown);
    assert_eq!(again, shown, "visible is not idempotent on {s:?}");
    // One-line fields: no tab or line end either.
    let field = folio::sanitize::field(&s);
    if let Some(c) = field.chars().find(|&c| forbidden(c) || matches!(c, '\t' | '\n' | '\r')) {
        panic!("field({s:?}) = {field:?} keeps U+{:04X}", c as u32);
    }
});

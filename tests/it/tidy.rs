//! One place for each thing, checked on the source (issue 24, item 10): an article comes
//! into the reader one way (`App::load`), the reader pane draws the lines the reader laid
//! out (it lays none out itself), ISO dates are put into words by one function, and a
//! text direction is a type, not a string compared with "rtl".

use crate::common::rust_files;
use std::path::{Path, PathBuf};

/// Each file under `src/<dir>` and its code, without its `#[cfg(test)]` module and
/// comments.
fn code_under(dir: &str) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(dir);
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let text = std::fs::read_to_string(&f).unwrap_or_default();
            let body = text.find("#[cfg(test)]").map_or(text.as_str(), |i| &text[..i]);
            let code = body.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n");
            (f, code)
        })
        .collect()
}

fn files_with(dir: &str, needle: &str) -> Vec<String> {
    code_under(dir).into_iter().filter(|(_, c)| c.contains(needle)).map(|(f, _)| f.display().to_string()).collect()
}

#[test]
fn an_article_comes_into_the_reader_one_way() {
    let setups: usize = code_under("app").iter().map(|(_, c)| c.matches("Document::new(").count()).sum();
    assert_eq!(setups, 1, "the reader's document is built in one place (App::load)");
    let app =
        code_under("app").into_iter().find(|(f, _)| f.ends_with("app/mod.rs")).map(|(_, c)| c).unwrap_or_default();
    assert!(app.contains("pub fn load(&mut self, article: Article)"), "App::load(Article)");
}

#[test]
fn the_reader_pane_draws_the_lines_the_reader_laid_out() {
    assert_eq!(files_with("ui", "lay_out("), Vec::<String>::new());
}

#[test]
fn iso_dates_are_put_into_words_in_one_place() {
    let files = files_with("", "\"September\"");
    assert_eq!(files.len(), 1, "month names written once: {files:?}");
    assert!(files[0].contains("article/text"), "{files:?}");
}

#[test]
fn a_text_direction_is_a_type() {
    let files = files_with("", "\"rtl\"");
    assert!(files.len() <= 1, "\"rtl\" is read in one place: {files:?}");
    assert!(files_with("", "dir: Option<String>").is_empty(), "a direction is not a string");
}

//! A table read cell by cell: no sentence runs across cells, and a cell's figures are
//! statistics whose phrase names their row and column ("Pavements, Cost: $4.2m") and whose
//! sentence is the row ("Item: Pavements; Cost: $4.2m; Year: 2025"). Dates and names are
//! found in the cells too; quotes are not looked for. Header rows name, they are not read.

use super::dates::find_dates;
use super::names::{PlacedHit, find_names};
use super::numbers::find_statistics;
use super::{Findings, ParagraphRef, push_dates};
use crate::article::model::{Location, Statistic, first_words};
use crate::article::text::sentences::sentence_around;
use crate::article::text::tokens::{Token, tokenize_into};
use std::ops::Range;

/// A row's or a column's name in a statistic's text is cut to this many characters: each
/// figure of the row carries it.
const MAX_NAME: usize = 100;

/// The rows of a table's text, each a list of cell ranges (cells between tabs, rows
/// between line ends).
fn cells(text: &str) -> Vec<Vec<Range<usize>>> {
    let mut rows = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        let mut row = Vec::new();
        let mut start = at;
        for cell in line.split('\t') {
            row.push(start..start + cell.len());
            start += cell.len() + 1;
        }
        rows.push(row);
        at += line.len() + 1;
    }
    rows
}

pub(super) fn analyse(p: &ParagraphRef, dateline_year: Option<i32>, tokens: &mut Vec<Token>, out: &mut Findings) {
    let (section, paragraph, text) = (p.section, p.paragraph, p.text);
    let rows = cells(text);
    let cell = |r: &Range<usize>| text.get(r.clone()).unwrap_or("").trim();
    // The column names: the last header row's cells.
    let headers: Vec<&str> =
        p.header_rows.checked_sub(1).and_then(|h| rows.get(h)).map_or_else(Vec::new, |r| r.iter().map(cell).collect());
    for row in rows.iter().skip(p.header_rows) {
        // A row is named by its first cell when that is words, not a figure.
        let label =
            row.first().map(cell).filter(|l| l.chars().any(char::is_alphabetic)).map(|l| first_words(l, MAX_NAME));
        let (sentence, placed) = row_sentence(row.iter().map(cell), &headers);
        for (c, range) in row.iter().enumerate() {
            let piece = &text[range.clone()];
            if piece.trim().is_empty() {
                continue;
            }
            // Where the cell's words stand in the row's sentence.
            let lead = piece.len() - piece.trim_start().len();
            let in_row = |at: usize| placed[c] + at.saturating_sub(lead).min(piece.trim().len());
            let offset = range.start;
            let loc =
                |start: usize, end: usize| Location { section, paragraph, start: offset + start, end: offset + end };
            tokenize_into(piece, tokens);
            let t = tokens.as_slice();
            let dates = find_dates(piece, t);
            let row_name = label.as_deref().filter(|_| c > 0);
            let column = headers.get(c).filter(|h| !h.is_empty()).map(|h| first_words(h, MAX_NAME));
            out.statistics.extend(find_statistics(piece, t, &dates).into_iter().map(|s| {
                let phrase = &piece[s.start..s.end];
                let text = match (row_name, column.as_deref()) {
                    (Some(r), Some(h)) => format!("{r}, {h}: {phrase}"),
                    (Some(r), None) => format!("{r}: {phrase}"),
                    (None, Some(h)) => format!("{h}: {phrase}"),
                    (None, None) => phrase.to_string(),
                };
                Statistic {
                    text,
                    quantity: piece[s.q_start..s.q_end].to_string(),
                    value: s.value.filter(|v| v.is_finite()),
                    sentence: sentence_around(&sentence, 0..sentence.len(), in_row(s.start)..in_row(s.end))
                        .into_owned(),
                    at: loc(s.start, s.end),
                }
            }));
            push_dates(out, dates, piece, dateline_year, loc);
            out.hits.extend(find_names(piece, t, &[0]).into_iter().map(|mut hit| {
                hit.start += offset;
                hit.end += offset;
                hit.acronym = hit.acronym.map(|(a, b)| (a + offset, b + offset));
                PlacedHit::new(section, paragraph, hit)
            }));
        }
    }
}

/// A row as one line: "Item: Pavements; Cost: $4.2m" with column names, else its cells
/// between bars; and where each cell's words start in it.
fn row_sentence<'a>(cells: impl Iterator<Item = &'a str>, headers: &[&str]) -> (String, Vec<usize>) {
    let mut line = String::new();
    let mut placed = Vec::new();
    for (c, v) in cells.enumerate() {
        if c > 0 {
            line.push_str(if headers.is_empty() { " | " } else { "; " });
        }
        if let Some(h) = headers.get(c).filter(|h| !h.is_empty()) {
            line.push_str(h);
            line.push_str(": ");
        }
        placed.push(line.len());
        line.push_str(v);
    }
    (line, placed)
}

#[cfg(test)]
mod tests {
    use crate::article::parse;

    #[test]
    fn a_cells_figure_is_a_statistic_named_by_its_row_and_column() {
        let md = "# Road repairs\n\nThe council published its spending plan.\n\n| Item | Cost | Year |\n| --- | ---: | --- |\n| Pavements | $4.2m | 2025 |\n| Street lights | $310,000 | 2026 |\n";
        let a = parse(md, None).expect("parses");
        let stats: Vec<(&str, &str)> = a.statistics.iter().map(|s| (s.text.as_str(), s.quantity.as_str())).collect();
        assert_eq!(stats, [("Pavements, Cost: $4.2m", "$4.2m"), ("Street lights, Cost: $310,000", "$310,000")]);
        let s = &a.statistics[0];
        assert_eq!(s.sentence, "Item: Pavements; Cost: $4.2m; Year: 2025");
        assert_eq!(a.text_at(&s.at), Some("$4.2m"), "located in its cell");
        let years: Vec<&str> = a.dates.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(years, ["2025", "2026"]);
    }

    #[test]
    fn nothing_in_code_is_a_quote_a_statistic_or_a_date() {
        let md = "# Config\n\nSet the limit like this.\n\n```python\n# \"Never change this,\" said Ada Lovelace on 3 March 2024.\nlimit = 42 * 1000  # 98 per cent of users\n```\n";
        let a = parse(md, None).expect("parses");
        assert!(a.quotes.is_empty(), "{:?}", a.quotes);
        assert!(a.statistics.is_empty(), "{:?}", a.statistics);
        assert!(a.dates.is_empty(), "{:?}", a.dates);
        assert!(a.people.is_empty(), "{:?}", a.people);
    }
}

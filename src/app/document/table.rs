//! A table laid out as a grid: columns as wide as their widest cell, separated by `│`,
//! a `─┼─` rule under the header rows, each column aligned as the source says. When the
//! grid is wider than the pane its columns are narrowed and their cells wrap; when even
//! that cannot fit (many columns in a narrow pane), each row is shown as "header: value"
//! lines instead. The grid never runs past the pane.

use super::block::TableShape;
use super::lines::cells;
use super::lines::{Deco, Seg, VLine, wrap};
use crate::article::Align;
use std::ops::Range;

/// Between two columns.
const SEP: &str = " │ ";
/// Before the first column.
const LEAD: &str = " ";
/// The narrowest a column is made before the grid gives way to rows of "header: value".
const MIN_COLUMN: usize = 4;

pub fn lay_out(text: &str, t: &TableShape, width: usize) -> Vec<VLine> {
    let cols = t.rows.iter().map(Vec::len).max().unwrap_or(0);
    if cols == 0 {
        return vec![VLine::default()];
    }
    let cell_width = |r: &Range<usize>| text.get(r.clone()).map_or(0, cells);
    let mut natural = vec![0usize; cols];
    for row in &t.rows {
        for (c, cell) in row.iter().enumerate() {
            natural[c] = natural[c].max(cell_width(cell));
        }
    }
    let chrome = cells(LEAD) + cells(SEP) * (cols - 1);
    let room = width.saturating_sub(chrome);
    if room < MIN_COLUMN * cols {
        return records(text, t, width);
    }
    let widths = fit(&natural, room);
    let mut out = Vec::new();
    for (r, row) in t.rows.iter().enumerate() {
        out.extend(grid_row(text, row, &widths, &t.align));
        let last_header = t.header.get(r).copied().unwrap_or(false) && !t.header.get(r + 1).copied().unwrap_or(false);
        if last_header {
            out.push(rule(&widths));
        }
    }
    out
}

/// Column widths that fit `room`: each column its natural width when all fit; otherwise
/// the narrow columns keep theirs and the room left is shared out among the wide ones.
fn fit(natural: &[usize], room: usize) -> Vec<usize> {
    if natural.iter().sum::<usize>() <= room {
        return natural.iter().map(|&w| w.max(1)).collect();
    }
    let mut widths = vec![0; natural.len()];
    let mut open: Vec<usize> = (0..natural.len()).collect();
    let mut left = room;
    // Water-filling: a column narrower than an even share gets what it needs.
    loop {
        let share = left / open.len().max(1);
        let (small, wide): (Vec<usize>, Vec<usize>) = open.iter().partition(|&&c| natural[c] <= share);
        if small.is_empty() {
            for (i, &c) in wide.iter().enumerate() {
                widths[c] = share + usize::from(i < left % wide.len().max(1));
            }
            break;
        }
        for &c in &small {
            widths[c] = natural[c].max(1);
            left -= widths[c];
        }
        open = wide;
        if open.is_empty() {
            break;
        }
    }
    // The narrowed columns get at least the first even share (room / columns, at least
    // MIN_COLUMN); a column at its natural width keeps it, however narrow.
    widths.iter().map(|&w| w.max(1)).collect()
}

/// One row of the grid: as many lines as its tallest cell wraps to.
fn grid_row(text: &str, row: &[Range<usize>], widths: &[usize], align: &[Align]) -> Vec<VLine> {
    let wrapped: Vec<Vec<Range<usize>>> = widths
        .iter()
        .enumerate()
        .map(|(c, &w)| match row.get(c) {
            Some(cell) => {
                let s = &text[cell.clone()];
                wrap(s, w).into_iter().map(|r| cell.start + r.start..cell.start + r.end).collect()
            }
            None => Vec::new(),
        })
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1);
    (0..height)
        .map(|k| {
            let mut segs = vec![Seg::Deco(LEAD.into(), Deco::Pad)];
            for (c, &w) in widths.iter().enumerate() {
                if c > 0 {
                    segs.push(Seg::Deco(SEP.into(), Deco::Rule));
                }
                let piece = wrapped[c].get(k).cloned().unwrap_or(0..0);
                let used = text.get(piece.clone()).map_or(0, cells);
                let pad = w.saturating_sub(used);
                let (before, after) = match align.get(c).copied().unwrap_or_default() {
                    Align::Right => (pad, 0),
                    Align::Center => (pad / 2, pad - pad / 2),
                    Align::Left | Align::None => (0, pad),
                };
                // The last column needs no padding after it.
                let after = if c + 1 == widths.len() { 0 } else { after };
                if before > 0 {
                    segs.push(Seg::Deco(" ".repeat(before).into(), Deco::Pad));
                }
                if !piece.is_empty() {
                    segs.push(Seg::Text(piece));
                }
                if after > 0 {
                    segs.push(Seg::Deco(" ".repeat(after).into(), Deco::Pad));
                }
            }
            VLine { segs }
        })
        .collect()
}

/// The rule under the header rows: "──────┼───────┼─────".
fn rule(widths: &[usize]) -> VLine {
    let mut s = "─".repeat(cells(LEAD));
    for (c, &w) in widths.iter().enumerate() {
        if c > 0 {
            s.push_str("─┼─");
        }
        s.push_str(&"─".repeat(w));
    }
    VLine { segs: vec![Seg::Deco(s.into(), Deco::Rule)] }
}

/// The table as records, for a pane too narrow for its grid: each row's cells as
/// "header: value" lines (wrapped), a rule between rows.
fn records(text: &str, t: &TableShape, width: usize) -> Vec<VLine> {
    let headers: Option<&Vec<Range<usize>>> = t.rows.iter().zip(&t.header).find(|(_, h)| **h).map(|(r, _)| r);
    let mut out = Vec::new();
    for (r, row) in t.rows.iter().enumerate() {
        if t.header.get(r).copied().unwrap_or(false) {
            continue;
        }
        if !out.is_empty() {
            out.push(VLine { segs: vec![Seg::Deco("─".repeat(width.min(12)).into(), Deco::Rule)] });
        }
        for (c, cell) in row.iter().enumerate() {
            let label = headers.and_then(|h| h.get(c)).and_then(|h| text.get(h.clone())).unwrap_or("");
            let label =
                if label.is_empty() { String::new() } else { format!("{}: ", super::lines::cut_to(label, width / 2)) };
            let room = width.saturating_sub(cells(&label)).max(1);
            for (k, piece) in wrap(&text[cell.clone()], room).into_iter().enumerate() {
                let lead = if k == 0 { label.clone() } else { " ".repeat(cells(&label)) };
                let piece = cell.start + piece.start..cell.start + piece.end;
                out.push(VLine { segs: vec![Seg::Deco(lead.into(), Deco::Marker), Seg::Text(piece)] });
            }
        }
    }
    if out.is_empty() {
        out.push(VLine::default());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing: a narrow column (two digits) was widened to the minimum after the
    /// room was shared out, and the grid ran two columns past the pane.
    #[test]
    fn narrow_columns_are_not_widened_past_the_room() {
        let widths = fit(&[22, 2, 5], 30 - (cells(LEAD) + cells(SEP) * 2));
        assert!(widths.iter().sum::<usize>() <= 30 - 7, "{widths:?}");
        assert_eq!(&widths[1..], &[2, 5], "the narrow columns keep their width");
    }

    fn shape(text: &str, header_rows: usize, align: Vec<Align>) -> TableShape {
        let mut rows = Vec::new();
        let mut at = 0;
        for line in text.split('\n') {
            let mut cells = Vec::new();
            let mut start = at;
            for cell in line.split('\t') {
                cells.push(start..start + cell.len());
                start += cell.len() + 1;
            }
            rows.push(cells);
            at += line.len() + 1;
        }
        let header = (0..rows.len()).map(|r| r < header_rows).collect();
        TableShape { rows, header, align }
    }

    fn shown(text: &str, lines: &[VLine]) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                l.segs
                    .iter()
                    .map(|s| match s {
                        Seg::Text(r) => text[r.clone()].to_string(),
                        Seg::Deco(d, _) => d.to_string(),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_grid_with_aligned_columns_and_a_rule_under_the_header() {
        let text = "Item\tCost\tYear\nPavements\t$4.2m\t2025\nStreet lights\t$310k\t2026";
        let t = shape(text, 1, vec![Align::Left, Align::Right, Align::Center]);
        let out = shown(text, &lay_out(text, &t, 80));
        assert_eq!(
            out,
            [
                " Item          │  Cost │ Year",
                "───────────────┼───────┼─────",
                " Pavements     │ $4.2m │ 2025",
                " Street lights │ $310k │ 2026",
            ]
        );
    }

    #[test]
    fn a_wide_table_wraps_its_cells_and_never_runs_past_the_pane() {
        let text =
            "Project\tDescription\nPavements\tResurfacing of the old market square and the three streets around it";
        let t = shape(text, 1, vec![]);
        for width in [20, 30, 44] {
            let lines = lay_out(text, &t, width);
            assert!(lines.iter().all(|l| l.width(text) <= width), "{width}: {:?}", shown(text, &lines));
            let joined = shown(text, &lines).join(" ");
            assert!(joined.contains("square"), "nothing is lost: {joined}");
        }
        // Too narrow for a grid of eight columns: rows of "header: value".
        let text = "A\tB\tC\tD\tE\tF\tG\tH\n1\t2\t3\t4\t5\t6\t7\t8";
        let t = shape(text, 1, vec![]);
        let out = shown(text, &lay_out(text, &t, 20));
        assert_eq!(out[0], "A: 1");
        assert_eq!(out[7], "H: 8");
    }
}

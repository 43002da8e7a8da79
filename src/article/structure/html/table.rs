//! Tables: telling data tables from layout tables, and reading data tables.

use crate::article::model::{Align, Row, Table};
use crate::article::structure::html::content::classify::is_skipped;
use crate::article::structure::html::dom::{Dom, NodeId};
use crate::article::structure::inline::InlineText;

fn is(dom: &Dom, id: NodeId, name: &str) -> bool {
    dom.tag(id).is_some_and(|t| &**t == name)
}

/// The rows of `table` (directly or in thead/tbody/tfoot, not in nested tables), with
/// whether each sits in a `<thead>`. A `<tfoot>`'s rows come last wherever it stands (HTML
/// 4 put it before the body), and are never a header.
fn rows(dom: &Dom, table: NodeId) -> Vec<(NodeId, Section)> {
    let mut out = Vec::new();
    let mut foot = Vec::new();
    for c in dom.child_elements(table) {
        let trs = || dom.child_elements(c).filter(|&r| is(dom, r, "tr"));
        match dom.tag(c).map(|t| &**t) {
            Some("tr") => out.push((c, Section::Body)),
            Some("thead") => out.extend(trs().map(|r| (r, Section::Head))),
            Some("tbody") => out.extend(trs().map(|r| (r, Section::Body))),
            Some("tfoot") => foot.extend(trs().map(|r| (r, Section::Foot))),
            _ => {}
        }
    }
    out.extend(foot);
    out
}

/// Where a row stands in its table.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Head,
    Body,
    Foot,
}

fn cells(dom: &Dom, row: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    dom.child_elements(row).filter(move |&c| is(dom, c, "td") || is(dom, c, "th"))
}

/// Whether `table` holds data (kept as a table) rather than page layout (unwrapped).
/// Readability's rules, with layout signs checked first.
pub fn is_data_table(dom: &Dom, table: NodeId) -> bool {
    if let Some(role) = dom.attr(table, "role")
        && matches!(role.trim(), "presentation" | "none")
    {
        return false;
    }
    if dom.attr(table, "datatable") == Some("0") {
        return false;
    }
    let rows = rows(dom, table);
    let cols = rows.iter().map(|&(r, _)| cells(dom, r).count()).max().unwrap_or(0);
    // A single row or a single column is a frame around content.
    if rows.len() <= 1 || cols <= 1 {
        return false;
    }
    let mut has_header = false;
    for d in dom.descendants(table) {
        match dom.tag(d).map(|t| &**t) {
            // A table holding tables, or long block content, is layout.
            Some("table") => return false,
            Some("th" | "thead" | "tfoot" | "colgroup" | "col") => has_header = true,
            Some("caption") if !dom.raw_text(d).trim().is_empty() => has_header = true,
            _ => {}
        }
    }
    if has_header || dom.attr(table, "summary").is_some_and(|s| !s.trim().is_empty()) {
        return true;
    }
    // Cells holding whole paragraphs of prose are layout.
    let long_cells = rows.iter().flat_map(|&(r, _)| cells(dom, r)).filter(|&c| dom.raw_text(c).len() > 400).count();
    if long_cells > 0 {
        return false;
    }
    rows.len() >= 10 || cols > 4 || rows.len() * cols > 10 || rows.len() >= 2
}

/// Column alignment from a cell's `align` attribute or `text-align` style.
fn cell_align(dom: &Dom, cell: NodeId) -> Align {
    let from = |v: &str| match v.trim().to_ascii_lowercase().as_str() {
        "left" | "start" => Align::Left,
        "center" | "middle" => Align::Center,
        "right" | "end" => Align::Right,
        _ => Align::None,
    };
    if let Some(a) = dom.attr(cell, "align") {
        return from(a);
    }
    if let Some(style) = dom.attr(cell, "style") {
        let low = style.to_ascii_lowercase();
        if let Some(i) = low.find("text-align") {
            let rest = &low[i + "text-align".len()..];
            let rest = rest.trim_start().trim_start_matches(':');
            let val = rest.split(';').next().unwrap_or("");
            return from(val.trim_end_matches("!important"));
        }
    }
    Align::None
}

/// The text of a cell, whitespace collapsed, skipping hidden content.
fn cell_text(dom: &Dom, cell: NodeId) -> String {
    let mut t = InlineText::default();
    let mut it = dom.descendants(cell);
    while let Some(d) = it.next() {
        if dom.element(d).is_some() {
            if is_skipped(dom, d) {
                it.skip_children_of(d);
            } else if is(dom, d, "br") || is(dom, d, "p") || is(dom, d, "div") {
                t.space();
            }
        } else if let Some(s) = dom.text(d) {
            t.push(s);
        }
    }
    t.finish().0
}

/// Empty cells a table may add to line its columns up under `colspan`s, beyond one for
/// each cell it has: a page of `<td colspan=50>` would otherwise hold fifty cells for
/// every fifteen bytes.
const SPARE_PADDING: usize = 64;

/// Read a data table.
pub fn read(dom: &Dom, table: NodeId) -> Table {
    let mut out = Table::default();
    let rows = rows(dom, table);
    let mut padding = rows.iter().map(|&(r, _)| cells(dom, r).count()).sum::<usize>() + SPARE_PADDING;
    for (r, section) in rows {
        let in_head = section == Section::Head;
        let mut row = Row::default();
        let mut all_th = true;
        for (col, c) in cells(dom, r).enumerate() {
            all_th &= is(dom, c, "th");
            row.cells.push(cell_text(dom, c));
            let a = cell_align(dom, c);
            if out.align.len() <= col {
                out.align.resize(col + 1, Align::None);
            }
            if out.align[col] == Align::None && !in_head {
                out.align[col] = a;
            }
            // colspan: pad so later columns line up.
            let span = dom.attr(c, "colspan").and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(1).clamp(1, 50);
            let pad = (span - 1).min(padding);
            padding -= pad;
            row.cells.extend(std::iter::repeat_n(String::new(), pad));
        }
        if row.cells.is_empty() {
            continue;
        }
        row.header = in_head || all_th && section == Section::Body;
        out.rows.push(row);
    }
    let cols = out.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    out.align.resize(cols, Align::None);
    out
}

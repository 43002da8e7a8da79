//! Charts and data graphics drawn in a page's markup: an SVG (never read), or `<div>`s and
//! `<p>`s positioned over a picture, as ai2html and many newsrooms draw them, whose axis
//! labels and values would read as dozens of one-number paragraphs ("2016", "$400", "0")
//! and then as statistics. A chart is a figure: its title and caption are kept, its labels
//! are not paragraphs.

use crate::article::structure::html::content::Analysis;
use crate::article::structure::html::content::classify::class_or_id_names;
use crate::article::structure::html::dom::{Dom, NodeId};
use crate::article::structure::html::vocab;

/// A chart has at least this many runs of text...
const MIN_RUNS: u32 = 8;
/// ... of which this share at least are labels (as a fraction, so the comparison is exact).
const LABEL_SHARE: (u32, u32) = (3, 4);
/// A container named a chart is one when under this share of its text is prose (its notes
/// and source may be sentences; an article's body is more).
const NAMED_CHART_PROSE: (u32, u32) = (1, 2);

/// Whether element `id` is a chart: named one by its class or id ("chart", "infographic",
/// "highcharts", "ai2html") and mostly not prose, or shaped like one whatever its name
/// (many runs of text, most of them labels). Tables are read as tables, however many
/// numbers they hold.
pub fn is_chart(dom: &Dom, a: &Analysis, id: NodeId) -> bool {
    if !dom.tag(id).is_some_and(|t| matches!(&**t, "div" | "section" | "figure" | "aside")) {
        return false;
    }
    let i = id as usize;
    let (runs, labels) = (a.runs[i], a.labels[i]);
    let shaped = runs >= MIN_RUNS && labels * LABEL_SHARE.1 >= runs * LABEL_SHARE.0;
    let named =
        || class_or_id_names_word(dom, id) && a.prose[i] * NAMED_CHART_PROSE.1 < a.text[i] * NAMED_CHART_PROSE.0;
    (shaped || a.text[i] > 0 && named()) && !holds_table(dom, id)
}

/// Whether the class or id names a chart: a whole word ("chart", "graph", "infographic")
/// or a library's name ("highcharts", "datawrapper").
fn class_or_id_names_word(dom: &Dom, id: NodeId) -> bool {
    if class_or_id_names(dom, id, vocab::CHART_LIBRARIES) {
        return true;
    }
    ["class", "id"].iter().filter_map(|k| dom.attr(id, k)).any(|v| {
        v.split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| vocab::CHART_WORDS.iter().any(|c| w.eq_ignore_ascii_case(c)))
    })
}

fn holds_table(dom: &Dom, id: NodeId) -> bool {
    dom.descendants(id).any(|d| dom.tag(d).is_some_and(|t| &**t == "table"))
}

//! The sidebar's tabs: which groups have one, their labels with counts, and the columns
//! each takes. `update` lays them out after every change, so drawing and mouse clicks
//! use the same tabs.

use super::items::Group;
use unicode_width::UnicodeWidthStr;

/// A tab as laid out: its group, its label, and the columns it takes (from `start`,
/// up to but not including `end`, relative to the tab row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tab {
    pub group: Group,
    pub label: String,
    pub start: u16,
    pub end: u16,
}

/// What the tab row shows of each group.
pub struct Counts<'a> {
    /// The group on show.
    pub current: Group,
    /// Items in each group (after its filter), in `Group::ALL` order.
    pub counts: &'a [usize],
    /// Whether the Matches group has any items (it has a tab only then, or when shown).
    pub has_matches: bool,
    /// Whether the article has links (the Links group has a tab only then, or when shown).
    pub has_links: bool,
    /// Counts other than sections and matches are not known while a long document is
    /// still being indexed.
    pub loading: bool,
}

/// The groups shown as tabs: the five, Matches once there are any, Links when the
/// article has some.
fn groups(c: &Counts) -> Vec<Group> {
    Group::ALL
        .iter()
        .copied()
        .filter(|&g| match g {
            Group::Matches => c.current == g || c.has_matches,
            Group::Links => c.current == g || c.has_links,
            _ => true,
        })
        .collect()
}

/// A tab's text at one of three lengths: "Quotes 3", "Quo 3", "Q3".
fn label(c: &Counts, g: Group, size: usize) -> String {
    let n = c.counts.get(g.index()).copied().unwrap_or(0);
    let n = if c.loading && g != Group::Sections && g != Group::Matches { "…".to_string() } else { n.to_string() };
    match size {
        2 => format!("{} {n}", g.name()),
        1 => format!("{} {n}", g.short()),
        _ => {
            let letter = match g {
                Group::Sections => 'S',
                Group::Quotes => 'Q',
                Group::Statistics => '#',
                Group::People => 'P',
                Group::Dates => 'D',
                Group::Matches => 'M',
                Group::Links => 'L',
            };
            format!("{letter}{n}")
        }
    }
}

/// The tabs in a row `width` columns wide. Names are shortened ("Quo 3") when the full
/// ones do not fit, the current tab's last. Each tab takes its label and a space before it.
pub fn lay_out(c: &Counts, width: u16) -> Vec<Tab> {
    let gs = groups(c);
    let size = |g: Group, big: usize, small: usize| if g == c.current { big } else { small };
    let layouts: Vec<Vec<String>> = [(2, 2), (2, 1), (1, 1), (1, 0), (0, 0)]
        .iter()
        .map(|&(big, small)| gs.iter().map(|&g| label(c, g, size(g, big, small))).collect())
        .collect();
    let chosen = layouts
        .iter()
        .find(|ls| ls.iter().map(|l| l.width() + 1).sum::<usize>() < width as usize)
        .unwrap_or(&layouts[layouts.len() - 1]);
    let mut x = 0u16;
    gs.iter()
        .zip(chosen)
        .map(|(&g, l)| {
            let w = (l.width() + 1) as u16;
            let (start, end) = (x.min(width), x.saturating_add(w).min(width));
            x = x.saturating_add(w);
            // The longest label that fits what is left of the row.
            let room = (end - start) as usize;
            let fit = (0..3).rev().map(|s| label(c, g, s)).find(|l| l.width() < room);
            let label = fit.unwrap_or_else(|| cut(&label(c, g, 0), room.saturating_sub(1)));
            Tab { group: g, label, start, end }
        })
        .collect()
}

/// `s` cut to `width` columns with an ellipsis.
fn cut(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out: String = String::new();
    for c in s.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

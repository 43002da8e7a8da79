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
    /// Whether each group has anything in it (before its filter), in `Group::ALL` order:
    /// an empty group has no tab.
    pub shown: &'a [bool],
    /// Counts other than sections and matches are not known while a long document is
    /// still being indexed.
    pub loading: bool,
}

/// The groups shown as tabs: those with something in them, and the one on show.
fn groups(c: &Counts) -> Vec<Group> {
    Group::ALL.iter().copied().filter(|&g| c.current == g || c.shown.get(g.index()).copied().unwrap_or(true)).collect()
}

/// How long the tab names are: every tab the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Size {
    /// "Quotes 3"
    Full,
    /// "Quo 3": the first three letters.
    Short,
    /// "Q3": the first letter.
    Letter,
}

/// A tab's text: its name at `size` and its count, never cut.
fn label(c: &Counts, g: Group, size: Size) -> String {
    let n = c.counts.get(g.index()).copied().unwrap_or(0);
    let n = if c.loading && g != Group::Sections && g != Group::Matches { "…".to_string() } else { n.to_string() };
    let name = g.name();
    match size {
        Size::Full => format!("{name} {n}"),
        Size::Short => format!("{} {n}", name.chars().take(3).collect::<String>()),
        Size::Letter => format!("{}{n}", name.chars().next().unwrap_or('?')),
    }
}

/// The tabs in a row `width` columns wide, each its label and a space before it. Every tab
/// takes the longest size at which all fit; when even letters do not, the row shows the
/// tabs around the current one that fit, with `‹` or `›` where others are left out.
pub fn lay_out(c: &Counts, width: u16) -> Vec<Tab> {
    let gs = groups(c);
    let width = width as usize;
    let row_width = |ls: &[String]| ls.iter().map(|l| l.width() + 1).sum::<usize>();
    for size in [Size::Full, Size::Short, Size::Letter] {
        let labels: Vec<String> = gs.iter().map(|&g| label(c, g, size)).collect();
        if row_width(&labels) < width {
            return place(gs.iter().copied().zip(labels));
        }
    }
    // A window of letter tabs around the current one, widened while it fits.
    let labels: Vec<String> = gs.iter().map(|&g| label(c, g, Size::Letter)).collect();
    let here = gs.iter().position(|&g| g == c.current).unwrap_or(0);
    let (mut from, mut to) = (here, here + 1);
    let fits = |from: usize, to: usize| {
        let marks = usize::from(from > 0) * 2 + usize::from(to < gs.len()) * 2;
        row_width(&labels[from..to]) + marks < width
    };
    loop {
        if to < gs.len() && fits(from, to + 1) {
            to += 1;
        } else if from > 0 && fits(from - 1, to) {
            from -= 1;
        } else {
            break;
        }
    }
    let mut tabs = place(gs[from..to].iter().copied().zip(labels[from..to].iter().cloned()));
    if from > 0 {
        tabs.iter_mut().for_each(|t| {
            t.start += 2;
            t.end += 2;
        });
        tabs.insert(0, Tab { group: gs[from - 1], label: "‹".into(), start: 0, end: 2 });
    }
    if to < gs.len() {
        let x = tabs.last().map_or(0, |t| t.end);
        tabs.push(Tab { group: gs[to], label: "›".into(), start: x, end: x + 2 });
    }
    tabs
}

/// Tabs side by side from column 0.
fn place(labels: impl Iterator<Item = (Group, String)>) -> Vec<Tab> {
    let mut x = 0u16;
    labels
        .map(|(group, label)| {
            let w = (label.width() + 1) as u16;
            let tab = Tab { group, label, start: x, end: x.saturating_add(w) };
            x = x.saturating_add(w);
            tab
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(current: Group, counts: &[usize], width: u16) -> String {
        let shown: Vec<bool> = counts.iter().map(|&n| n > 0).collect();
        let c = Counts { current, counts, shown: &shown, loading: false };
        lay_out(&c, width).iter().map(|t| t.label.clone()).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn every_tab_shortens_the_same_way_and_keeps_its_count() {
        let n = [2, 3, 2, 6, 5, 25, 0];
        assert_eq!(row(Group::Sections, &n, 80), "Sections 2 Quotes 3 Numbers 2 People 6 Dates 5 Matches 25");
        assert_eq!(row(Group::Dates, &n, 40), "Sec 2 Quo 3 Num 2 Peo 6 Dat 5 Mat 25");
        assert_eq!(row(Group::Matches, &n, 24), "S2 Q3 N2 P6 D5 M25");
        // The current tab is no longer than the others.
        assert_eq!(row(Group::Dates, &n, 24), row(Group::Sections, &n, 24));
    }

    #[test]
    fn when_even_letters_do_not_fit_the_row_shows_the_tabs_around_the_current_one() {
        let n = [4388, 8000, 9000, 5000, 7000, 100_000, 300];
        let r = row(Group::People, &n, 24);
        assert!(r.contains("P5000"), "{r}");
        assert!(r.starts_with('‹') && r.ends_with('›'), "{r}");
        for t in r.split(' ').filter(|t| *t != "‹" && *t != "›") {
            assert!(t[1..].parse::<usize>().is_ok(), "a whole count: {t} in {r}");
        }
    }
}

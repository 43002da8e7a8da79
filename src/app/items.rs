//! The sidebar's groups and their items, and where each item points in the document.

use super::document::Document;
use crate::article::{Article, Location, Months, date_in_words, first_words};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    Sections,
    Quotes,
    Statistics,
    People,
    Dates,
    Matches,
    Links,
}

impl Group {
    pub const ALL: [Group; 7] =
        [Group::Sections, Group::Quotes, Group::Statistics, Group::People, Group::Dates, Group::Matches, Group::Links];

    pub fn index(self) -> usize {
        Group::ALL.iter().position(|&g| g == self).unwrap_or(0)
    }

    /// The tab's name; shortened, it keeps its first three letters, then its first.
    pub fn name(self) -> &'static str {
        match self {
            Group::Sections => "Sections",
            Group::Quotes => "Quotes",
            // "Numbers", not "Statistics": its letter is its own (not the Sections' S).
            Group::Statistics => "Numbers",
            Group::People => "People",
            Group::Dates => "Dates",
            Group::Matches => "Matches",
            Group::Links => "Links",
        }
    }
}

/// One group's items in the sidebar: all of them, the filter and those that pass it,
/// the selected row (an index into `visible`) and the first row shown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupList {
    pub items: Vec<ItemRef>,
    pub filter: String,
    pub visible: Vec<usize>,
    pub selected: usize,
    pub top: usize,
}

impl GroupList {
    pub fn new(items: Vec<ItemRef>) -> GroupList {
        let visible = (0..items.len()).collect();
        GroupList { items, filter: String::new(), visible, selected: 0, top: 0 }
    }
}

/// What a sidebar item stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemRef {
    Section(usize),
    Quote(usize),
    Statistic(usize),
    Person(usize),
    Organisation(usize),
    Date(usize),
    RelativeDate(usize),
    Match(usize),
    Link(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The main text: a heading, a quote, a phrase, a name.
    pub label: String,
    /// Secondary text: a quote's speaker, a name's mention count, a date's ISO form.
    pub detail: Option<String>,
    pub target: ItemRef,
    /// The bytes of `label` to highlight: a match in its context.
    pub mark: Option<std::ops::Range<usize>>,
}

/// The Dates tab's entries: each date once, with all its mentions ("2011" written three
/// times is one entry), the dates in order and the relative ones ("this year") after them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateEntries {
    /// For each entry, its mentions: indices into `article.dates`.
    pub absolute: Vec<Vec<usize>>,
    /// For each wording, its mentions: indices into `article.relative_dates`.
    pub relative: Vec<Vec<usize>>,
}

impl DateEntries {
    pub fn new(article: &Article) -> DateEntries {
        // A date is the same date however it is written ("July 30", "30 July"): one ISO
        // form; one without an ISO form, and a relative one, by its words.
        let words = |t: &str| t.trim().to_lowercase();
        let mut absolute = together(article.dates.iter().map(|d| d.iso.clone().unwrap_or_else(|| words(&d.text))));
        // Chronological; a month and day without a year are taken as the latest year the
        // article names (news is about its own year).
        let latest = article.dates.iter().filter_map(|d| year_of(d.iso.as_deref())).max().unwrap_or(9999);
        let key = |i: usize| sort_key(article.dates.get(i).and_then(|d| d.iso.as_deref()), latest);
        absolute.sort_by_key(|m| (key(m[0]), m[0]));
        let relative = together(article.relative_dates.iter().map(|d| words(&d.text)));
        DateEntries { absolute, relative }
    }
}

/// The indices of equal keys together, in the order each key first comes.
fn together(keys: impl Iterator<Item = String>) -> Vec<Vec<usize>> {
    let mut at: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (i, k) in keys.enumerate() {
        match at.get(&k) {
            Some(&g) => out[g].push(i),
            None => {
                at.insert(k, out.len());
                out.push(vec![i]);
            }
        }
    }
    out
}

/// The items of one group, in the order the sidebar lists them (Matches come from the
/// search). Only references are kept: what an item shows is drawn from the article when
/// it is on screen, not copied for every item of a long book.
pub fn items(article: &Article, dates: &DateEntries, group: Group) -> Vec<ItemRef> {
    match group {
        Group::Sections => (0..article.sections.len()).map(ItemRef::Section).collect(),
        Group::Quotes => (0..article.quotes.len()).map(ItemRef::Quote).collect(),
        Group::Statistics => (0..article.statistics.len()).map(ItemRef::Statistic).collect(),
        Group::People => (0..article.people.len())
            .map(ItemRef::Person)
            .chain((0..article.organisations.len()).map(ItemRef::Organisation))
            .collect(),
        Group::Dates => (0..dates.absolute.len())
            .map(ItemRef::Date)
            .chain((0..dates.relative.len()).map(ItemRef::RelativeDate))
            .collect(),
        Group::Matches => Vec::new(),
        Group::Links => (0..article.links.len()).map(ItemRef::Link).collect(),
    }
}

/// What an item shows. Matches are described by the search (see `find::match_item`).
pub fn view(article: &Article, doc: &Document, dates: &DateEntries, r: ItemRef) -> Item {
    let (label, detail) = match r {
        ItemRef::Section(i) => {
            let s = article.sections.get(i);
            let label = match s.and_then(|s| s.heading.clone()) {
                Some(h) => h,
                None if i == 0 => "Lead".to_string(),
                None => {
                    // The section's first paragraph, from the document (the reader's
                    // article may have lent its texts to it).
                    let text = doc.paragraph_block(i, 0).map_or("", |b| doc.blocks[b].text.as_str());
                    first_words(text, 40)
                }
            };
            (label, s.map(|s| s.paragraphs.len().to_string()))
        }
        ItemRef::Quote(i) => match article.quotes.get(i) {
            Some(q) => (q.text.clone(), q.speaker.clone()),
            None => (String::new(), None),
        },
        ItemRef::Statistic(i) => (article.statistics.get(i).map_or_else(String::new, |s| s.text.clone()), None),
        ItemRef::Person(i) | ItemRef::Organisation(i) => {
            let list = if matches!(r, ItemRef::Person(_)) { &article.people } else { &article.organisations };
            match list.get(i) {
                Some(e) => (e.name.clone(), Some(e.mentions.to_string())),
                None => (String::new(), None),
            }
        }
        ItemRef::Date(k) => {
            let mentions = dates.absolute.get(k).map_or(&[][..], Vec::as_slice);
            match mentions.first().and_then(|&i| article.dates.get(i)) {
                Some(d) => {
                    let when = d.iso.as_deref().and_then(|iso| date_in_words(iso, Months::Short));
                    (d.text.clone(), counted(when, mentions.len()))
                }
                None => (String::new(), None),
            }
        }
        ItemRef::RelativeDate(k) => {
            let mentions = dates.relative.get(k).map_or(&[][..], Vec::as_slice);
            let text = mentions.first().and_then(|&i| article.relative_dates.get(i)).map(|d| d.text.clone());
            (text.unwrap_or_default(), counted(Some("relative".to_string()), mentions.len()))
        }
        ItemRef::Link(i) => match article.links.get(i) {
            Some(l) => (l.text.clone(), Some(host_of(&l.url))),
            None => (String::new(), None),
        },
        ItemRef::Match(_) => (String::new(), None),
    };
    Item { label, detail, target: r, mark: None }
}

/// A date's detail with how many times it is mentioned, when more than once: "2011 ×3".
fn counted(detail: Option<String>, mentions: usize) -> Option<String> {
    match (detail, mentions) {
        (d, 0 | 1) => d,
        (Some(d), n) => Some(format!("{d} ×{n}")),
        (None, n) => Some(format!("×{n}")),
    }
}

fn year_of(iso: Option<&str>) -> Option<i32> {
    let iso = iso?;
    if iso.starts_with("--") {
        return None;
    }
    iso.get(..4)?.parse().ok()
}

/// (year, month, day) for ordering; unknown parts sort first within what is known.
fn sort_key(iso: Option<&str>, default_year: i32) -> (i32, u32, u32) {
    let Some(iso) = iso else { return (i32::MAX, 0, 0) };
    let (year, rest) = match iso.strip_prefix("--") {
        Some(rest) => (default_year, rest),
        None => (iso.get(..4).and_then(|y| y.parse().ok()).unwrap_or(default_year), iso.get(5..).unwrap_or("")),
    };
    let mut parts = rest.split('-').map(|p| p.parse::<u32>().unwrap_or(0));
    (year, parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

/// Where an item sits and what to highlight: display ranges per block, the first of
/// which is where the reader goes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Target {
    pub ranges: Vec<(usize, Range<usize>)>,
    /// A header above the text: a title and the full text (a quote and its speaker, a
    /// statistic's sentence).
    pub header: Option<(String, String)>,
}

pub fn target(article: &Article, doc: &Document, dates: &DateEntries, item: ItemRef) -> Target {
    let header = match item {
        ItemRef::Quote(i) => article.quotes.get(i).map(|q| {
            (format!("Quote — {}", q.speaker.as_deref().unwrap_or("no speaker named")), format!("“{}”", q.text))
        }),
        ItemRef::Statistic(i) => {
            article.statistics.get(i).map(|s| (format!("Statistic — {}", s.quantity), s.sentence.clone()))
        }
        ItemRef::Link(i) => article.links.get(i).map(|l| (format!("Link — {}", host_of(&l.url)), l.url.clone())),
        _ => None,
    };
    let ranges = ranges(article, doc, dates, item);
    Target { header: header.filter(|_| !ranges.is_empty()), ranges }
}

/// Where an item is in the document: display ranges per block (a heading's words for a
/// section, every mention of a name or a date), the first of which is where the reader goes.
pub fn ranges(article: &Article, doc: &Document, dates: &DateEntries, item: ItemRef) -> Vec<(usize, Range<usize>)> {
    let at = |loc: &Location| -> Option<(usize, Range<usize>)> {
        let (b, start) = place(doc, loc)?;
        Some((b, start..doc.blocks[b].to_display(loc.end)))
    };
    match item {
        ItemRef::Section(s) => {
            let b = doc.section_start.get(s).copied().unwrap_or(0);
            let len = doc.blocks.get(b).map_or(0, |x| x.text.len());
            let is_heading = article.sections.get(s).is_some_and(|x| x.heading.is_some());
            vec![(b, 0..if is_heading { len } else { 0 })]
        }
        ItemRef::Quote(i) => article.quotes.get(i).and_then(|q| at(&q.at)).into_iter().collect(),
        ItemRef::Statistic(i) => article.statistics.get(i).and_then(|s| at(&s.at)).into_iter().collect(),
        ItemRef::Person(i) | ItemRef::Organisation(i) => {
            let e =
                if matches!(item, ItemRef::Person(_)) { article.people.get(i) } else { article.organisations.get(i) };
            e.map(|e| e.occurrences.iter().filter_map(at).collect()).unwrap_or_default()
        }
        ItemRef::Date(k) => dates
            .absolute
            .get(k)
            .map(|m| m.iter().filter_map(|&i| article.dates.get(i)).filter_map(|d| at(&d.at)).collect())
            .unwrap_or_default(),
        ItemRef::RelativeDate(k) => dates
            .relative
            .get(k)
            .map(|m| m.iter().filter_map(|&i| article.relative_dates.get(i)).filter_map(|d| at(&d.at)).collect())
            .unwrap_or_default(),
        ItemRef::Link(i) => article.links.get(i).and_then(|l| at(&l.at)).into_iter().collect(),
        ItemRef::Match(_) => Vec::new(),
    }
}

/// A place in the document (a block and a display offset), and which of its item's
/// mentions it is.
pub type Mention = (usize, (usize, usize));

/// An item's places around `here` (a block and a display offset): its one place, or, for
/// a name or a date mentioned many times (in reading order), the last mention before
/// `here` and the first from it on, found by halves. What the item nearest the reading
/// position is chosen from, without visiting every mention in a long book. Sections
/// and matches are the caller's.
pub fn places_near(
    article: &Article,
    doc: &Document,
    dates: &DateEntries,
    item: ItemRef,
    here: (usize, usize),
) -> [Option<Mention>; 2] {
    let one = |loc: Option<&Location>| [loc.and_then(|l| place(doc, l)).map(|p| (0, p)), None];
    match item {
        ItemRef::Quote(i) => one(article.quotes.get(i).map(|q| &q.at)),
        ItemRef::Statistic(i) => one(article.statistics.get(i).map(|s| &s.at)),
        ItemRef::Link(i) => one(article.links.get(i).map(|l| &l.at)),
        ItemRef::Person(i) | ItemRef::Organisation(i) => {
            let list = if matches!(item, ItemRef::Person(_)) { &article.people } else { &article.organisations };
            let occurrences = list.get(i).map_or(&[][..], |e| e.occurrences.as_slice());
            around(doc, here, occurrences.len(), |k| occurrences.get(k))
        }
        ItemRef::Date(k) | ItemRef::RelativeDate(k) => {
            let (entries, all) = match item {
                ItemRef::Date(_) => (&dates.absolute, &article.dates),
                _ => (&dates.relative, &article.relative_dates),
            };
            let mentions = entries.get(k).map_or(&[][..], Vec::as_slice);
            around(doc, here, mentions.len(), |m| mentions.get(m).and_then(|&i| all.get(i)).map(|d| &d.at))
        }
        ItemRef::Section(_) | ItemRef::Match(_) => [None, None],
    }
}

/// Where a location is in the document: its block and display offset.
fn place(doc: &Document, loc: &Location) -> Option<(usize, usize)> {
    let b = doc.paragraph_block(loc.section, loc.paragraph)?;
    Some((b, doc.blocks[b].to_display(loc.start)))
}

/// Of `n` mentions in reading order, the last before `here` and the first from it on.
fn around<'a>(
    doc: &Document,
    here: (usize, usize),
    n: usize,
    loc: impl Fn(usize) -> Option<&'a Location>,
) -> [Option<Mention>; 2] {
    let at = |i: usize| loc(i).and_then(|l| place(doc, l));
    let (mut lo, mut hi) = (0, n);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if at(mid).is_none_or(|p| p < here) { lo = mid + 1 } else { hi = mid }
    }
    let mention = |i: usize| at(i).map(|p| (i, p));
    [lo.checked_sub(1).and_then(mention), Some(lo).filter(|&i| i < n).and_then(mention)]
}

/// A URL's host, as the Links tab names it: "www.example.org" of
/// "https://www.example.org/a/b"; an address for a mailto link.
pub fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or_else(|| url.split_once(':').map_or(url, |(_, r)| r), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit('@').next().unwrap_or(host);
    host.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{DateMention, Location};

    #[test]
    fn a_date_written_several_times_is_one_entry() {
        let mention = |text: &str, iso: Option<&str>, paragraph| DateMention {
            text: text.into(),
            iso: iso.map(String::from),
            relative: iso.is_none(),
            at: Location { section: 0, paragraph, start: 0, end: 1 },
        };
        let article = Article {
            dates: vec![
                mention("2011", Some("2011"), 0),
                mention("July 30", Some("--07-30"), 0),
                mention("2011", Some("2011"), 1),
                mention("30 July", Some("--07-30"), 2),
                mention("2009", Some("2009"), 2),
            ],
            relative_dates: vec![mention("this year", None, 0), mention("This year", None, 1)],
            ..Article::default()
        };
        let d = DateEntries::new(&article);
        assert_eq!(d.absolute, [vec![4], vec![0, 2], vec![1, 3]], "in order, each once");
        assert_eq!(d.relative, [vec![0, 1]]);
    }
}

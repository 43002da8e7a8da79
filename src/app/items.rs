//! The sidebar's groups and their items, and where each item points in the document.

use super::document::Document;
use crate::article::{Article, Months, date_in_words, first_words};
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

/// The items of one group, in the order the sidebar lists them (Matches come from the
/// search). Only references are kept: what an item shows is drawn from the article when
/// it is on screen, not copied for every item of a long book.
pub fn items(article: &Article, group: Group) -> Vec<ItemRef> {
    match group {
        Group::Sections => (0..article.sections.len()).map(ItemRef::Section).collect(),
        Group::Quotes => (0..article.quotes.len()).map(ItemRef::Quote).collect(),
        Group::Statistics => (0..article.statistics.len()).map(ItemRef::Statistic).collect(),
        Group::People => (0..article.people.len())
            .map(ItemRef::Person)
            .chain((0..article.organisations.len()).map(ItemRef::Organisation))
            .collect(),
        Group::Dates => {
            // Chronological; a month and day without a year are taken as the latest year
            // the article names (news is about its own year), relative dates last.
            let latest = article.dates.iter().filter_map(|d| year_of(d.iso.as_deref())).max().unwrap_or(9999);
            let mut dated: Vec<(usize, (i32, u32, u32))> =
                article.dates.iter().enumerate().map(|(i, d)| (i, sort_key(d.iso.as_deref(), latest))).collect();
            dated.sort_by_key(|&(i, k)| (k, i));
            dated
                .into_iter()
                .map(|(i, _)| ItemRef::Date(i))
                .chain((0..article.relative_dates.len()).map(ItemRef::RelativeDate))
                .collect()
        }
        Group::Matches => Vec::new(),
        Group::Links => (0..article.links.len()).map(ItemRef::Link).collect(),
    }
}

/// What an item shows. Matches are described by the search (see `find::match_item`).
pub fn view(article: &Article, doc: &Document, r: ItemRef) -> Item {
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
        ItemRef::Date(i) => match article.dates.get(i) {
            Some(d) => (d.text.clone(), d.iso.as_deref().and_then(|iso| date_in_words(iso, Months::Short))),
            None => (String::new(), None),
        },
        ItemRef::RelativeDate(i) => {
            (article.relative_dates.get(i).map_or_else(String::new, |d| d.text.clone()), Some("relative".to_string()))
        }
        ItemRef::Link(i) => match article.links.get(i) {
            Some(l) => (l.text.clone(), Some(host_of(&l.url))),
            None => (String::new(), None),
        },
        ItemRef::Match(_) => (String::new(), None),
    };
    Item { label, detail, target: r, mark: None }
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

pub fn target(article: &Article, doc: &Document, item: ItemRef) -> Target {
    let at = |loc: &crate::article::Location| -> Option<(usize, Range<usize>)> {
        let b = doc.paragraph_block(loc.section, loc.paragraph)?;
        let block = &doc.blocks[b];
        Some((b, block.to_display(loc.start)..block.to_display(loc.end)))
    };
    match item {
        ItemRef::Section(s) => {
            let b = doc.section_start.get(s).copied().unwrap_or(0);
            let len = doc.blocks.get(b).map_or(0, |x| x.text.len());
            let is_heading = article.sections.get(s).is_some_and(|x| x.heading.is_some());
            Target { ranges: vec![(b, 0..if is_heading { len } else { 0 })], header: None }
        }
        ItemRef::Quote(i) => match article.quotes.get(i) {
            Some(q) => Target {
                ranges: at(&q.at).into_iter().collect(),
                header: Some((
                    format!("Quote — {}", q.speaker.as_deref().unwrap_or("no speaker named")),
                    format!("“{}”", q.text),
                )),
            },
            None => Target::default(),
        },
        ItemRef::Statistic(i) => match article.statistics.get(i) {
            Some(s) => Target {
                ranges: at(&s.at).into_iter().collect(),
                header: Some((format!("Statistic — {}", s.quantity), s.sentence.clone())),
            },
            None => Target::default(),
        },
        ItemRef::Person(i) | ItemRef::Organisation(i) => {
            let e =
                if matches!(item, ItemRef::Person(_)) { article.people.get(i) } else { article.organisations.get(i) };
            Target {
                ranges: e.map(|e| e.occurrences.iter().filter_map(at).collect()).unwrap_or_default(),
                header: None,
            }
        }
        ItemRef::Date(i) => {
            Target { ranges: article.dates.get(i).and_then(|d| at(&d.at)).into_iter().collect(), header: None }
        }
        ItemRef::RelativeDate(i) => {
            Target { ranges: article.relative_dates.get(i).and_then(|d| at(&d.at)).into_iter().collect(), header: None }
        }
        ItemRef::Link(i) => match article.links.get(i) {
            Some(l) => Target {
                ranges: at(&l.at).into_iter().collect(),
                header: Some((format!("Link — {}", host_of(&l.url)), l.url.clone())),
            },
            None => Target::default(),
        },
        ItemRef::Match(_) => Target::default(),
    }
}

/// A URL's host, as the Links tab names it: "www.example.org" of
/// "https://www.example.org/a/b"; an address for a mailto link.
pub fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or_else(|| url.split_once(':').map_or(url, |(_, r)| r), |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = host.rsplit('@').next().unwrap_or(host);
    host.to_string()
}

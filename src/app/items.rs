//! The sidebar's groups and their items, and where each item points in the document.

use crate::article::{Article, first_words};
use crate::document::Document;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    Sections,
    Quotes,
    Statistics,
    People,
    Dates,
    Matches,
}

impl Group {
    pub const ALL: [Group; 6] =
        [Group::Sections, Group::Quotes, Group::Statistics, Group::People, Group::Dates, Group::Matches];

    pub fn index(self) -> usize {
        Group::ALL.iter().position(|&g| g == self).unwrap_or(0)
    }

    pub fn name(self) -> &'static str {
        match self {
            Group::Sections => "Sections",
            Group::Quotes => "Quotes",
            Group::Statistics => "Statistics",
            Group::People => "People",
            Group::Dates => "Dates",
            Group::Matches => "Matches",
        }
    }

    pub fn short(self) -> &'static str {
        match self {
            Group::Sections => "Sec",
            Group::Quotes => "Quo",
            Group::Statistics => "Stat",
            Group::People => "Ppl",
            Group::Dates => "Date",
            Group::Matches => "Find",
        }
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
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The main text: a heading, a quote, a phrase, a name.
    pub label: String,
    /// Secondary text: a quote's speaker, a name's mention count, a date's ISO form.
    pub detail: Option<String>,
    pub target: ItemRef,
}

/// The items of one group (Matches are built by the search).
pub fn items(article: &Article, group: Group) -> Vec<Item> {
    match group {
        Group::Sections => article
            .sections
            .iter()
            .enumerate()
            .map(|(i, s)| Item {
                label: match &s.heading {
                    Some(h) => h.clone(),
                    None if i == 0 => "Lead".to_string(),
                    None => first_words(s.paragraphs.first().map_or("", |p| p.text.as_str()), 40),
                },
                detail: Some(s.paragraphs.len().to_string()),
                target: ItemRef::Section(i),
            })
            .collect(),
        Group::Quotes => article
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| Item { label: q.text.clone(), detail: q.speaker.clone(), target: ItemRef::Quote(i) })
            .collect(),
        Group::Statistics => article
            .statistics
            .iter()
            .enumerate()
            .map(|(i, s)| Item { label: s.text.clone(), detail: None, target: ItemRef::Statistic(i) })
            .collect(),
        Group::People => {
            let people = article.people.iter().enumerate().map(|(i, e)| Item {
                label: e.name.clone(),
                detail: Some(e.mentions.to_string()),
                target: ItemRef::Person(i),
            });
            let orgs = article.organisations.iter().enumerate().map(|(i, e)| Item {
                label: e.name.clone(),
                detail: Some(e.mentions.to_string()),
                target: ItemRef::Organisation(i),
            });
            people.chain(orgs).collect()
        }
        Group::Dates => {
            // Chronological; a month and day without a year are taken as the latest year
            // the article names (news is about its own year), relative dates last.
            let latest = article.dates.iter().filter_map(|d| year_of(d.iso.as_deref())).max().unwrap_or(9999);
            let mut dated: Vec<(usize, (i32, u32, u32))> =
                article.dates.iter().enumerate().map(|(i, d)| (i, sort_key(d.iso.as_deref(), latest))).collect();
            dated.sort_by_key(|&(i, k)| (k, i));
            let absolute = dated.into_iter().map(|(i, _)| {
                let d = &article.dates[i];
                Item { label: d.text.clone(), detail: d.iso.clone(), target: ItemRef::Date(i) }
            });
            let relative = article.relative_dates.iter().enumerate().map(|(i, d)| Item {
                label: d.text.clone(),
                detail: Some("relative".to_string()),
                target: ItemRef::RelativeDate(i),
            });
            absolute.chain(relative).collect()
        }
        Group::Matches => Vec::new(),
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
        ItemRef::Match(_) => Target::default(),
    }
}

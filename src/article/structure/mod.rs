//! An article's structure: the input cut into blocks (`plain` for pasted text,
//! `markdown`), what each block is (`classify`, with `chrome`, `byline` and `dateline`
//! for page furniture, bylines and date lines; `lists` holds their phrase lists), and the
//! blocks assembled here into title, standfirst, dateline, byline, source and sections.

pub mod block;
pub mod byline;
pub mod chrome;
mod classify;
pub mod dateline;
pub mod html;
mod inline;
mod lists;
pub mod markdown;
pub mod plain;

use crate::article::model::{Article, Paragraph, ParagraphKind, Section};
use crate::article::structure::byline::{byline_text, is_role_line, source_value, split_dated_byline};
use block::{Block, BlockKind};
use classify::{Role, classify};

pub fn assemble(blocks: Vec<Block>) -> Article {
    let roles = classify(&blocks);
    let mut article = Article::default();
    let mut sections: Vec<Section> = Vec::new();
    for (block, role) in blocks.into_iter().zip(roles) {
        match role {
            Role::Chrome => {}
            Role::Source => {
                if article.source.is_none() {
                    let value = block.link.clone().unwrap_or_else(|| source_value(&block.text).to_string());
                    article.source = Some(value);
                }
            }
            // A second byline line adds to the first (an agency credit); a book of
            // articles keeps its first few.
            Role::Byline => match &mut article.byline {
                None => {
                    // "By Léa Martin | 2 August 2025": the date is the dateline.
                    let (byline, date) = split_dated_byline(byline_text(&block.text));
                    if let Some(date) = date.filter(|_| article.dateline.is_none()) {
                        article.dateline = Some(date.to_string());
                    }
                    article.byline = Some(byline.to_string());
                }
                // "Sarah Nguyen" then "Health reporter": one byline, "Sarah Nguyen, Health reporter".
                Some(b) if is_role_line(&block.text) && !b.contains(',') => {
                    b.push_str(", ");
                    b.push_str(&block.text);
                }
                Some(b) if b.matches("; ").count() < 2 && !b.contains(byline_text(&block.text)) => {
                    b.push_str("; ");
                    b.push_str(byline_text(&block.text));
                }
                Some(_) => {}
            },
            Role::Dateline => {
                if article.dateline.is_none() {
                    article.dateline = Some(block.text);
                }
            }
            Role::Title => article.title = Some(block.text),
            Role::Subtitle => {
                article.subtitle.get_or_insert_with(|| block.text.clone());
                push(&mut sections, Paragraph::new(block.text, ParagraphKind::Standfirst));
            }
            Role::Heading => {
                let level = if let BlockKind::Heading(l) = block.kind { l.max(2) } else { 2 };
                sections.push(Section::new(Some(block.text), level));
            }
            Role::Body(ParagraphKind::Figure) => {
                let caption = chrome::without_credit(&block.text).to_string();
                push(&mut sections, Paragraph::with(caption, ParagraphKind::Figure, block.rich));
            }
            Role::Body(kind) => push(&mut sections, Paragraph::with(block.text, kind, block.rich)),
        }
    }
    // A heading with nothing under it (the article's last line, say) is kept as a section:
    // dropping it would lose text.
    article.sections = sections;
    article.links = article.collect_links();
    article
}

/// A paragraph for the last section (the lead, untitled, when there is none yet).
fn push(sections: &mut Vec<Section>, p: Paragraph) {
    if sections.is_empty() {
        sections.push(Section::new(None, 2));
    }
    if let Some(s) = sections.last_mut() {
        s.paragraphs.push(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn breadcrumbs_captions_and_a_byline_beside_the_dateline() {
        let text = "Skip to main content\nWorld\nEurope\nUkraine\n\
            Drone attacks knock out power to 200,000 homes in Odesa\n\
            Officials say the city faces days without electricity\nDan Sabbagh in Kyiv\n\
            Fri 14 Mar 2025 06.00 GMT\nShare\n\
            Firefighters at a damaged substation in Odesa. Photograph: Oleksandr Gimanov/AFP/Getty Images\n\
            Russian drones struck energy infrastructure in the city overnight, officials said on Friday.\n\
            The governor said 32 drones had been launched at the city and 27 were shot down.\n";
        let a = crate::article::parse_structure(text, None).unwrap();
        assert_eq!(a.title.as_deref(), Some("Drone attacks knock out power to 200,000 homes in Odesa"));
        assert_eq!(a.subtitle.as_deref(), Some("Officials say the city faces days without electricity"));
        assert_eq!(a.byline.as_deref(), Some("Dan Sabbagh in Kyiv"));
        assert_eq!(a.dateline.as_deref(), Some("Fri 14 Mar 2025 06.00 GMT"));
        // The standfirst, then the two paragraphs of the story: the caption is gone.
        let paragraphs: Vec<&str> = a.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.text.as_str()).collect();
        assert_eq!(paragraphs.len(), 3, "{paragraphs:?}");
        assert_eq!(a.sections[0].paragraphs[0].kind, ParagraphKind::Standfirst);
        // A two-word title with a long standfirst is still the title.
        let a = crate::article::parse_structure(
            "Uneven progress\nWhy some regions lag behind the rest of the country\nBy Jane Doe\n\
             The report found wide gaps between regions in the number of victims identified.\n",
            None,
        )
        .unwrap();
        assert_eq!(a.title.as_deref(), Some("Uneven progress"));
    }

    #[test]
    fn a_name_over_a_role_over_the_date_is_the_byline() {
        let text = "Hospitals struggle as winter flu season arrives early\n\n\
            Emergency departments recorded more than 2,000 presentations a day last week.\n\n\
            Sarah Nguyen\nHealth reporter\nSun 9 Jun 2024 05.00 AEST\n\n\
            Victoria's chief health officer says the state has recorded 14,392 cases this year.\n";
        let a = crate::article::parse_structure(text, None).unwrap();
        assert_eq!(a.byline.as_deref(), Some("Sarah Nguyen, Health reporter"));
        assert_eq!(a.dateline.as_deref(), Some("Sun 9 Jun 2024 05.00 AEST"));
        assert_eq!(
            a.subtitle.as_deref(),
            Some("Emergency departments recorded more than 2,000 presentations a day last week.")
        );
        assert!(a.sections.iter().all(|s| s.heading.is_none()), "{:?}", a.sections);
        let kinds: Vec<ParagraphKind> = a.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.kind).collect();
        assert_eq!(kinds, [ParagraphKind::Standfirst, ParagraphKind::Body]);
    }

    /// What the standfirst says is found like the rest: its figure is a statistic.
    #[test]
    fn the_standfirst_is_searched_for_statistics() {
        let text = "Energy price cap to rise by 10% in January, regulator confirms\n\n\
            Typical household will pay £1,738 a year as wholesale gas prices climb\n\n\
            By Olivia Grant\n\n\
            Household energy bills will rise by 10% from 1 January, the regulator has confirmed.\n";
        let a = crate::article::parse(text, None).unwrap();
        let stats: Vec<(&str, usize)> = a.statistics.iter().map(|s| (s.text.as_str(), s.at.paragraph)).collect();
        assert!(stats.contains(&("£1,738 a year", 0)), "{stats:?}");
        assert_eq!(a.subtitle.as_deref(), Some(a.sections[0].paragraphs[0].text.as_str()));
    }

    #[test]
    fn a_date_after_the_byline_is_the_dateline() {
        let text = "Heatwave pushes power prices to record highs\nBy Léa Martin and Tomasz Nowak | 2 August 2025\n\
            Wholesale electricity prices hit records on Friday as a heatwave drove up demand.\n";
        let a = crate::article::parse_structure(text, None).unwrap();
        assert_eq!(a.byline.as_deref(), Some("By Léa Martin and Tomasz Nowak"));
        assert_eq!(a.dateline.as_deref(), Some("2 August 2025"));
    }

    #[test]
    fn link_lists_at_the_end_are_chrome() {
        let text = "Rail strike talks collapse\nBy Hannah Okafor, Transport correspondent\n\
            Millions of commuters face a week of cancelled services after talks broke down.\n\
            The union said members would walk out next week.\nRelated Topics\nRail strikes\nTrade unions\n";
        let a = crate::article::parse_structure(text, None).unwrap();
        assert_eq!(a.byline.as_deref(), Some("By Hannah Okafor, Transport correspondent"));
        let paragraphs: Vec<&str> = a.sections.iter().flat_map(|s| &s.paragraphs).map(|p| p.text.as_str()).collect();
        assert_eq!(paragraphs.len(), 2, "{paragraphs:?}");
        assert!(paragraphs[1].starts_with("The union said"));
        // A subheading after a chrome line that opens no list stays.
        let text = "Title of the story here\nFirst paragraph of the story, long enough to be body text.\nShare\n\
            What happens next\nThe talks resume on Monday, the union said in a statement.\n";
        let a = crate::article::parse_structure(text, None).unwrap();
        assert_eq!(a.sections.last().and_then(|s| s.heading.as_deref()), Some("What happens next"));
    }
}

//! Blocks to an article's skeleton: title, subtitle, dateline, byline, source, sections.
//!
//! Pasted articles carry no markup, so each block is judged by its shape and its place:
//! a short first line without a full stop is a title; a short line followed by body text
//! is a subheading; "By NAME" is a byline; "Comment (0)" is page chrome.

pub mod byline;
pub mod chrome;
pub mod dateline;
pub mod markdown;
pub mod plain;

use crate::article::model::{Article, Paragraph, ParagraphKind, Section};
use crate::article::structure::byline::{
    byline_text, is_byline, is_role_line, is_source, names_only, source_value, split_dated_byline,
};
use crate::article::structure::plain::{Block, BlockKind};
use crate::article::text::shape::{at_most_words, ends_with_stop, final_char, starts_capitalised};

/// What a block turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Chrome,
    Source,
    Byline,
    Dateline,
    Title,
    Subtitle,
    Heading,
    Body(ParagraphKind),
}

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
                if sections.is_empty() {
                    sections.push(Section { heading: None, paragraphs: Vec::new() });
                }
                if let Some(s) = sections.last_mut() {
                    s.paragraphs.push(Paragraph { text: block.text, kind: ParagraphKind::Standfirst, marker: None });
                }
            }
            Role::Heading => sections.push(Section { heading: Some(block.text), paragraphs: Vec::new() }),
            Role::Body(kind) => {
                let marker = match block.kind {
                    BlockKind::ListItem(m) => m,
                    _ => None,
                };
                if sections.is_empty() {
                    sections.push(Section { heading: None, paragraphs: Vec::new() });
                }
                if let Some(s) = sections.last_mut() {
                    s.paragraphs.push(Paragraph { text: block.text, kind, marker });
                }
            }
        }
    }
    // A heading with nothing under it (the article's last line, say) is kept as a section:
    // dropping it would lose text.
    article.sections = sections;
    article
}

fn classify(blocks: &[Block]) -> Vec<Role> {
    let explicit_title = blocks.iter().any(|b| b.kind == BlockKind::Heading(1));
    let mut roles: Vec<Option<Role>> = vec![None; blocks.len()];
    // Pass 1: what a block is whatever its neighbours.
    for (i, b) in blocks.iter().enumerate() {
        roles[i] = match &b.kind {
            BlockKind::Heading(_) => None,
            BlockKind::ListItem(_) => Some(Role::Body(ParagraphKind::ListItem)),
            BlockKind::Quote => Some(Role::Body(ParagraphKind::PullQuote)),
            BlockKind::Line | BlockKind::Paragraph => {
                if is_chrome(&b.text) {
                    Some(Role::Chrome)
                } else if is_source(&b.text) {
                    Some(Role::Source)
                } else if is_byline(&b.text) {
                    Some(Role::Byline)
                } else if i < 12 && dateline::is_dateline(&b.text) {
                    // Near the top, a line that only gives a date is the dateline, even
                    // after a standfirst that did not read as one.
                    Some(Role::Dateline)
                } else {
                    None
                }
            }
        };
    }
    // The links under "Related Topics" or "More on this story", to the next body text.
    let mut i = 0;
    while i < blocks.len() {
        if roles[i] == Some(Role::Chrome) && crate::article::structure::chrome::opens_link_list(&blocks[i].text) {
            let mut j = i + 1;
            while j < blocks.len()
                && !matches!(blocks[j].kind, BlockKind::Heading(_) | BlockKind::Quote)
                && matches!(roles[j], None | Some(Role::Chrome | Role::Body(ParagraphKind::ListItem)))
                && crate::article::structure::chrome::is_link_like(&blocks[j].text)
            {
                roles[j] = Some(Role::Chrome);
                j += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    // Breadcrumbs above the headline ("World", "Europe", "Ukraine"): two or more lines of
    // one or two words, then a headline of four words or more.
    if !explicit_title {
        let free: Vec<usize> = (0..blocks.len()).filter(|&i| roles[i].is_none()).take(8).collect();
        let crumbs = free
            .iter()
            .take_while(|&&i| blocks[i].kind == BlockKind::Line && at_most_words(&blocks[i].text, 2))
            .count();
        let headline =
            free.get(crumbs).is_some_and(|&h| is_title_like(&blocks[h].text) && !at_most_words(&blocks[h].text, 3));
        if crumbs >= 2 && headline {
            for &i in &free[..crumbs] {
                roles[i] = Some(Role::Chrome);
            }
        }
    }
    // "Dan Sabbagh in Kyiv" beside the dateline near the top: a byline without "By" (but
    // never the first free line, which may be a headline that is all names).
    let first_free = (0..blocks.len()).find(|&i| roles[i].is_none());
    // A line of two to `most` words, all names, not yet placed.
    let name_line = |roles: &[Option<Role>], i: usize, most: usize| {
        let b = &blocks[i];
        roles[i].is_none()
            && Some(i) != first_free
            && b.kind == BlockKind::Line
            && !at_most_words(&b.text, 1)
            && at_most_words(&b.text, most)
            && names_only(&b.text)
    };
    for i in 0..blocks.len().min(12) {
        if name_line(&roles, i, 6) && beside_dateline(blocks, &roles, i) {
            roles[i] = Some(Role::Byline);
        }
    }
    // "Sarah Nguyen" over "Health reporter" over the date line: a name, then the writer's
    // role, then the date (or a byline already found).
    for i in 0..blocks.len().min(12) {
        let Some(j) = (i + 1..blocks.len()).find(|&j| roles[j] != Some(Role::Chrome)) else { break };
        let dated = |k: usize| matches!(roles[k], Some(Role::Dateline | Role::Byline));
        if name_line(&roles, i, 4)
            && roles[j].is_none()
            && is_role_line(&blocks[j].text)
            && (j + 1..blocks.len()).find(|&k| roles[k] != Some(Role::Chrome)).is_some_and(dated)
        {
            roles[i] = Some(Role::Byline);
            roles[j] = Some(Role::Byline);
        }
    }
    // Pass 2: the top of the article, up to the first body text. The first free line (still
    // `first_free`: a byline is never it) is the title when it reads as a headline, however
    // long a headline runs.
    let title_line = first_free.filter(|&i| {
        let b = &blocks[i];
        matches!(b.kind, BlockKind::Line | BlockKind::Paragraph)
            && !explicit_title
            && is_title_like(&b.text)
            && !dateline::is_dateline(&b.text)
    });
    // A standfirst: the line after the headline when the byline or dateline follows it,
    // however many words it runs to.
    let standfirst = title_line.and_then(|t| {
        let next = (t + 1..blocks.len()).find(|&i| roles[i] != Some(Role::Chrome))?;
        let after = (next + 1..blocks.len()).find(|&i| roles[i] != Some(Role::Chrome))?;
        let fits = roles[next].is_none()
            && matches!(blocks[next].kind, BlockKind::Line | BlockKind::Paragraph)
            && at_most_words(&blocks[next].text, 45)
            && matches!(roles[after], Some(Role::Byline | Role::Dateline));
        fits.then_some(next)
    });
    let first_body = (0..blocks.len())
        .find(|&i| roles[i].is_none() && Some(i) != title_line && Some(i) != standfirst && is_body_text(&blocks[i]))
        .unwrap_or(blocks.len());
    let mut seen_title = false;
    for i in 0..first_body {
        if roles[i].is_some() {
            continue;
        }
        let b = &blocks[i];
        let role = match b.kind {
            BlockKind::Heading(1) if !seen_title => Role::Title,
            BlockKind::Heading(_) => Role::Heading,
            _ if Some(i) == title_line => Role::Title,
            _ if Some(i) == standfirst => Role::Subtitle,
            _ if dateline::is_dateline(&b.text) => Role::Dateline,
            _ if seen_title && right_after_title(&roles, i) && (is_heading_like(&b.text) || b.emphasised) => {
                Role::Subtitle
            }
            // An agency credit under the byline: "Local Democracy Reporting Service".
            BlockKind::Line if previous_role(&roles, i) == Some(Role::Byline) && names_only(&b.text) => Role::Byline,
            // A subheading before the first paragraph ("14:47 GMT" opening a live blog).
            BlockKind::Line if seen_title && is_heading_like(&b.text) && next_is_body(blocks, &roles, i) => {
                Role::Heading
            }
            _ => Role::Body(ParagraphKind::Body),
        };
        seen_title |= role == Role::Title;
        roles[i] = Some(role);
    }
    // Pass 3: the body. A short line followed by body text is a subheading.
    for i in first_body..blocks.len() {
        if roles[i].is_some() {
            continue;
        }
        let b = &blocks[i];
        let role = match b.kind {
            BlockKind::Heading(_) => Role::Heading,
            BlockKind::Line if is_heading_like(&b.text) && next_is_body(blocks, &roles, i) => Role::Heading,
            BlockKind::Line if is_pull_quote(&b.text) => Role::Body(ParagraphKind::PullQuote),
            _ => Role::Body(ParagraphKind::Body),
        };
        roles[i] = Some(role);
    }
    roles.into_iter().map(|r| r.unwrap_or(Role::Body(ParagraphKind::Body))).collect()
}

/// Whether the nearest block before or after `i`, page chrome aside, is a date line.
fn beside_dateline(blocks: &[Block], roles: &[Option<Role>], i: usize) -> bool {
    let dated = |j: usize| roles[j] == Some(Role::Dateline) || dateline::is_dateline(&blocks[j].text);
    let before = (0..i).rev().find(|&j| roles[j] != Some(Role::Chrome));
    let after = (i + 1..blocks.len()).find(|&j| roles[j] != Some(Role::Chrome));
    before.is_some_and(dated) || after.is_some_and(dated)
}

/// The role of the nearest block before `i` that is not page chrome.
fn previous_role(roles: &[Option<Role>], i: usize) -> Option<Role> {
    roles[..i].iter().rev().flatten().copied().find(|r| *r != Role::Chrome)
}

/// A subtitle comes right after the title (a dateline may stand between), never after a
/// byline (that is an agency credit) or another subtitle.
fn right_after_title(roles: &[Option<Role>], i: usize) -> bool {
    roles[..i].iter().rev().flatten().find(|r| !matches!(r, Role::Dateline | Role::Chrome)) == Some(&Role::Title)
}

fn next_is_body(blocks: &[Block], roles: &[Option<Role>], i: usize) -> bool {
    for j in i + 1..blocks.len() {
        match roles[j] {
            Some(Role::Chrome) => continue,
            Some(Role::Body(ParagraphKind::ListItem)) => return true,
            Some(_) => return false,
            None => {
                let b = &blocks[j];
                return b.kind == BlockKind::Paragraph || is_body_text(b);
            }
        }
    }
    false
}

/// Body text: a list item, or a line that is long or ends like a sentence.
fn is_body_text(b: &Block) -> bool {
    match b.kind {
        BlockKind::Heading(_) => false,
        BlockKind::ListItem(_) | BlockKind::Quote => true,
        BlockKind::Paragraph | BlockKind::Line => !is_heading_like(&b.text) || ends_with_stop(&b.text),
    }
}

fn opens_with_quote(s: &str) -> bool {
    s.starts_with(['“', '"', '‘', '«', '„'])
}

/// Short, capitalised, without final punctuation: a heading or a subtitle. A short
/// question ("Why are prices going up?") also heads a section.
pub fn is_heading_like(s: &str) -> bool {
    s.len() <= 400
        && at_most_words(s, 14)
        && s.chars().count() <= 100
        && (!ends_with_stop(s) || final_char(s) == Some('?') && at_most_words(s, 10))
        && starts_capitalised(s)
        && !opens_with_quote(s)
        && !s.contains("://")
        && !is_interview_label(s)
}

/// "Q: …" and "A: …" lines of an interview are its text, not headings.
fn is_interview_label(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() > 2 && matches!(b[0], b'Q' | b'A') && b[1] == b':'
}

/// A headline: up to 25 words, capitalised, not ending in a full stop (a question or an
/// exclamation is fine).
fn is_title_like(s: &str) -> bool {
    s.len() <= 800
        && at_most_words(s, 25)
        && s.chars().count() <= 200
        && !matches!(final_char(s), Some('.' | ':' | ';' | ',' | '…'))
        && starts_capitalised(s)
        && !s.contains("://")
}

/// A short line that opens with a quotation mark and has no final punctuation: a pull
/// quote set apart from the text. (A quotation that ends like a sentence is body text,
/// usually the speaker of the paragraph before going on.)
fn is_pull_quote(s: &str) -> bool {
    opens_with_quote(s) && at_most_words(s, 30) && !ends_with_stop(s)
}

pub use crate::article::structure::chrome::is_chrome;

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

    #[test]
    fn heading_shapes() {
        assert!(is_heading_like("Threatening progress made"));
        assert!(is_heading_like("Uneven progress"));
        assert!(!is_heading_like("Children account for one-third of human trafficking victims."));
        assert!(!is_heading_like("“We cannot allow this”"));
        assert!(!is_heading_like("lowercase start here"));
        assert!(!is_heading_like("Here is the list:"));
    }
}

//! What each block of an article is: page chrome, the source line, a byline, the
//! dateline, the title, the standfirst, a subheading, or body text of some kind.
//!
//! Pasted articles carry no markup, so a block is judged by its shape and its place. The
//! passes run in order, each placing blocks the ones before left open: what a block is
//! whatever its neighbours (chrome, source, byline, a date line near the top); the link
//! lists under "Related Topics"; breadcrumbs above the headline; bylines without "By";
//! then the top of the article (title, standfirst, dateline) up to the first body text;
//! then the body, where a short line followed by text is a subheading.

use super::block::{Block, BlockKind};
use super::byline::{is_byline, is_role_line, is_source, names_only};
use super::chrome::{Origin, is_chrome, is_credit_or_promo, is_link_like, opens_link_list};
use super::dateline::is_dateline;
use crate::article::model::ParagraphKind;
use crate::article::text::shape::{at_most_words, ends_with_stop, final_char, starts_capitalised};

/// What a block turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Chrome,
    Source,
    Byline,
    Dateline,
    Title,
    Subtitle,
    Heading,
    Body(ParagraphKind),
}

/// How far from the top a line that only gives a date is taken for the dateline, and
/// bylines without "By" are looked for.
const TOP: usize = 12;

pub fn classify(blocks: &[Block]) -> Vec<Role> {
    let explicit_title = blocks.iter().any(|b| b.kind == BlockKind::Heading(1));
    let mut roles = intrinsic_roles(blocks);
    mark_link_lists(blocks, &mut roles);
    if !explicit_title {
        mark_breadcrumbs(blocks, &mut roles);
    }
    // Never a byline: it may be a headline that is all names.
    let first_free = (0..blocks.len()).find(|&i| roles[i].is_none());
    mark_bylines_without_by(blocks, &mut roles, first_free);
    let title = title_line(blocks, first_free, explicit_title);
    let standfirst = title.and_then(|t| standfirst_after(blocks, &roles, t));
    let first_body = (0..blocks.len())
        .find(|&i| roles[i].is_none() && Some(i) != title && Some(i) != standfirst && is_body_text(&blocks[i]))
        .unwrap_or(blocks.len());
    place_the_top(blocks, &mut roles, first_body, title, standfirst);
    place_the_body(blocks, &mut roles, first_body);
    roles.into_iter().map(|r| r.unwrap_or(Role::Body(ParagraphKind::Body))).collect()
}

/// What a block is whatever its neighbours: list items, block quotes, page chrome, the
/// source line, a byline, and near the top a line that only gives a date (the dateline,
/// even after a standfirst that did not read as one). Headings and other lines wait.
fn intrinsic_roles(blocks: &[Block]) -> Vec<Option<Role>> {
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| match &b.kind {
            BlockKind::Heading(_) => None,
            BlockKind::ListItem => Some(Role::Body(ParagraphKind::ListItem)),
            BlockKind::Quote => Some(Role::Body(ParagraphKind::BlockQuote)),
            BlockKind::Table => Some(Role::Body(ParagraphKind::Table)),
            BlockKind::Code => Some(Role::Body(ParagraphKind::Code)),
            BlockKind::Figure => Some(Role::Body(ParagraphKind::Figure)),
            BlockKind::Line | BlockKind::Paragraph => {
                if is_chrome(&b.text, Origin::Text) || is_credit_or_promo(&b.text) {
                    Some(Role::Chrome)
                } else if is_source(&b.text) {
                    Some(Role::Source)
                } else if is_byline(&b.text) {
                    Some(Role::Byline)
                } else if i < TOP && is_dateline(&b.text) {
                    Some(Role::Dateline)
                } else {
                    None
                }
            }
        })
        .collect()
}

/// The links under "Related Topics" or "More on this story", up to the next body text.
fn mark_link_lists(blocks: &[Block], roles: &mut [Option<Role>]) {
    let mut i = 0;
    while i < blocks.len() {
        if roles[i] != Some(Role::Chrome) || !opens_link_list(&blocks[i].text) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < blocks.len()
            && !matches!(blocks[j].kind, BlockKind::Heading(_) | BlockKind::Quote)
            && matches!(roles[j], None | Some(Role::Chrome | Role::Body(ParagraphKind::ListItem)))
            && is_link_like(&blocks[j].text)
        {
            roles[j] = Some(Role::Chrome);
            j += 1;
        }
        i = j;
    }
}

/// Breadcrumbs above the headline ("World", "Europe", "Ukraine"): two or more lines of
/// one or two words, then a headline of four words or more.
fn mark_breadcrumbs(blocks: &[Block], roles: &mut [Option<Role>]) {
    let free: Vec<usize> = (0..blocks.len()).filter(|&i| roles[i].is_none()).take(8).collect();
    let crumbs =
        free.iter().take_while(|&&i| blocks[i].kind == BlockKind::Line && at_most_words(&blocks[i].text, 2)).count();
    let headline =
        free.get(crumbs).is_some_and(|&h| is_title_like(&blocks[h].text) && !at_most_words(&blocks[h].text, 3));
    if crumbs >= 2 && headline {
        for &i in &free[..crumbs] {
            roles[i] = Some(Role::Chrome);
        }
    }
}

/// Bylines without "By" near the top: "Dan Sabbagh in Kyiv" beside the dateline, and
/// "Sarah Nguyen" over "Health reporter" over the date line (a name, then the writer's
/// role, then the date or a byline already found).
fn mark_bylines_without_by(blocks: &[Block], roles: &mut [Option<Role>], first_free: Option<usize>) {
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
    for i in 0..blocks.len().min(TOP) {
        if name_line(roles, i, 6) && beside_dateline(blocks, roles, i) {
            roles[i] = Some(Role::Byline);
        }
    }
    let not_chrome =
        |roles: &[Option<Role>], from: usize| (from..blocks.len()).find(|&k| roles[k] != Some(Role::Chrome));
    for i in 0..blocks.len().min(TOP) {
        let Some(j) = not_chrome(roles, i + 1) else { break };
        let dated = |k: usize| matches!(roles[k], Some(Role::Dateline | Role::Byline));
        if name_line(roles, i, 4)
            && roles[j].is_none()
            && is_role_line(&blocks[j].text)
            && not_chrome(roles, j + 1).is_some_and(dated)
        {
            roles[i] = Some(Role::Byline);
            roles[j] = Some(Role::Byline);
        }
    }
}

/// The first free line is the title when it reads as a headline, however long a
/// headline runs (and the text has no `#` title of its own).
fn title_line(blocks: &[Block], first_free: Option<usize>, explicit_title: bool) -> Option<usize> {
    first_free.filter(|&i| {
        let b = &blocks[i];
        matches!(b.kind, BlockKind::Line | BlockKind::Paragraph)
            && !explicit_title
            && is_title_like(&b.text)
            && !is_dateline(&b.text)
    })
}

/// A standfirst: the line after the headline when the byline or dateline follows it,
/// however many words it runs to.
fn standfirst_after(blocks: &[Block], roles: &[Option<Role>], title: usize) -> Option<usize> {
    let next = (title + 1..blocks.len()).find(|&i| roles[i] != Some(Role::Chrome))?;
    let after = (next + 1..blocks.len()).find(|&i| roles[i] != Some(Role::Chrome))?;
    let fits = roles[next].is_none()
        && matches!(blocks[next].kind, BlockKind::Line | BlockKind::Paragraph)
        && at_most_words(&blocks[next].text, 45)
        && matches!(roles[after], Some(Role::Byline | Role::Dateline));
    fits.then_some(next)
}

/// The top of the article, up to the first body text: the title, the standfirst, the
/// dateline, an agency credit under the byline, a subheading before the first paragraph.
fn place_the_top(
    blocks: &[Block],
    roles: &mut [Option<Role>],
    first_body: usize,
    title: Option<usize>,
    standfirst: Option<usize>,
) {
    let mut seen_title = false;
    for i in 0..first_body {
        if roles[i].is_some() {
            continue;
        }
        let b = &blocks[i];
        let role = match b.kind {
            BlockKind::Heading(1) if !seen_title => Role::Title,
            BlockKind::Heading(_) => Role::Heading,
            _ if Some(i) == title => Role::Title,
            _ if Some(i) == standfirst => Role::Subtitle,
            _ if is_dateline(&b.text) => Role::Dateline,
            // A label of three words or fewer ("Chapter 1", "Part Two") over the text is its
            // heading, not a standfirst.
            BlockKind::Line
                if seen_title
                    && at_most_words(&b.text, 3)
                    && is_heading_like(&b.text)
                    && heads_body(blocks, roles, i) =>
            {
                Role::Heading
            }
            _ if seen_title && right_after_title(roles, i) && (is_heading_like(&b.text) || b.emphasised) => {
                Role::Subtitle
            }
            // An agency credit under the byline: "Local Democracy Reporting Service".
            BlockKind::Line if previous_role(roles, i) == Some(Role::Byline) && names_only(&b.text) => Role::Byline,
            // A subheading before the first paragraph ("14:47 GMT" opening a live blog).
            BlockKind::Line if seen_title && is_heading_like(&b.text) && next_is_body(blocks, roles, i) => {
                Role::Heading
            }
            _ => Role::Body(ParagraphKind::Body),
        };
        seen_title |= role == Role::Title;
        roles[i] = Some(role);
    }
}

/// The body: a short line followed by body text is a subheading; a short line opening
/// with a quotation mark is a pull quote.
fn place_the_body(blocks: &[Block], roles: &mut [Option<Role>], first_body: usize) {
    for i in first_body..blocks.len() {
        if roles[i].is_some() {
            continue;
        }
        let b = &blocks[i];
        let role = match b.kind {
            BlockKind::Heading(_) => Role::Heading,
            BlockKind::Line if is_heading_like(&b.text) && heads_body(blocks, roles, i) => Role::Heading,
            BlockKind::Line if is_pull_quote(&b.text) => Role::Body(ParagraphKind::PullQuote),
            _ => Role::Body(ParagraphKind::Body),
        };
        roles[i] = Some(role);
    }
}

/// Whether the nearest block before or after `i`, page chrome aside, is a date line.
fn beside_dateline(blocks: &[Block], roles: &[Option<Role>], i: usize) -> bool {
    let dated = |j: usize| roles[j] == Some(Role::Dateline) || is_dateline(&blocks[j].text);
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

/// Most headings one over another that head the same text: "Chapter 2", the chapter's
/// title, its first section's title. A longer run of short lines is something else (a
/// list without bullets, an address, verse).
const HEADING_RUN: usize = 3;

/// Whether the line at `i` heads body text: the text follows, or follows after up to
/// [`HEADING_RUN`] heading-like lines in all (each of them a heading too).
fn heads_body(blocks: &[Block], roles: &[Option<Role>], i: usize) -> bool {
    let mut j = i;
    for _ in 1..HEADING_RUN {
        if next_is_body(blocks, roles, j) {
            return true;
        }
        match (j + 1..blocks.len()).find(|&k| roles[k] != Some(Role::Chrome)) {
            Some(k) if roles[k].is_none() && blocks[k].kind == BlockKind::Line && is_heading_like(&blocks[k].text) => {
                j = k
            }
            _ => return false,
        }
    }
    next_is_body(blocks, roles, j)
}

fn next_is_body(blocks: &[Block], roles: &[Option<Role>], i: usize) -> bool {
    for j in i + 1..blocks.len() {
        match roles[j] {
            Some(Role::Chrome) => continue,
            // Lists, tables, code and images are what a heading heads too.
            Some(Role::Body(
                ParagraphKind::ListItem
                | ParagraphKind::Table
                | ParagraphKind::Code
                | ParagraphKind::Figure
                | ParagraphKind::BlockQuote,
            )) => return true,
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
        BlockKind::ListItem | BlockKind::Quote | BlockKind::Table | BlockKind::Code => true,
        // A lead image does not end the top of the article.
        BlockKind::Figure => false,
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

#[cfg(test)]
mod tests {
    use super::*;

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

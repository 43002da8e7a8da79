//! What the printing modes write: an article exported (JSON, Markdown, text), one kind of
//! item listed one per line, and the matches of a search, every field free of controls.

use super::{ExportFormat, ListKind};
use crate::article::Article;
use crate::article::export::{write_json, write_markdown, write_text};
use crate::sanitize::{field, visible};
use std::io::{self, Write};

pub fn export(article: &Article, format: ExportFormat, terminal: bool, out: &mut impl Write) -> io::Result<()> {
    match format {
        ExportFormat::Json => write_json(article, out),
        // Piped, an export is data and keeps the article's characters; on a terminal it
        // is shown, so controls become placeholders as they do in the reader.
        _ if terminal => {
            let mut buf = Vec::new();
            export(article, format, false, &mut buf)?;
            for line in String::from_utf8_lossy(&buf).split_inclusive('\n') {
                let (text, end) = line.strip_suffix('\n').map_or((line, ""), |t| (t, "\n"));
                write!(out, "{}{end}", visible(text))?;
            }
            Ok(())
        }
        ExportFormat::Markdown => write_markdown(article, out),
        ExportFormat::Text => write_text(article, out),
    }
}

/// One item per line, tab-separated, every field on one line and free of controls; each
/// line after `prefix` (the input's name and a tab, when several are listed).
pub fn list(article: &Article, kind: ListKind, prefix: &str, out: &mut impl Write) -> io::Result<()> {
    match kind {
        ListKind::Sections => {
            for (i, s) in article.sections.iter().enumerate() {
                let first = s.paragraphs.first().map_or("", |p| p.text.as_str());
                let heading = s.heading.as_deref().unwrap_or("(lead)");
                writeln!(
                    out,
                    "{prefix}{i}\t{}\t{}\t{}",
                    field(heading),
                    s.paragraphs.len(),
                    field(&crate::article::first_words(first, 60))
                )?;
            }
        }
        ListKind::Quotes => {
            for q in &article.quotes {
                writeln!(
                    out,
                    "{prefix}{}\t{}\t{}\t{}",
                    q.at.section,
                    q.at.paragraph,
                    field(q.speaker.as_deref().unwrap_or("-")),
                    field(&q.text)
                )?;
            }
        }
        ListKind::Statistics => {
            for s in &article.statistics {
                writeln!(
                    out,
                    "{prefix}{}\t{}\t{}\t{}",
                    s.at.section,
                    s.at.paragraph,
                    field(&s.quantity),
                    field(&s.text)
                )?;
            }
        }
        ListKind::Dates => {
            for d in article.dates.iter().chain(&article.relative_dates) {
                let kind = if d.relative { "relative" } else { "absolute" };
                writeln!(
                    out,
                    "{prefix}{}\t{}\t{}\t{}\t{}",
                    d.at.section,
                    d.at.paragraph,
                    d.iso.as_deref().unwrap_or("-"),
                    kind,
                    field(&d.text)
                )?;
            }
        }
        ListKind::Links => {
            for l in &article.links {
                writeln!(out, "{prefix}{}\t{}\t{}\t{}", l.at.section, l.at.paragraph, field(&l.url), field(&l.text))?;
            }
        }
        // Not an article's: `--recent --list` prints it (see `recent`).
        ListKind::Articles => {}
        ListKind::People | ListKind::Organisations => {
            let items = if kind == ListKind::People { &article.people } else { &article.organisations };
            for e in items {
                writeln!(out, "{prefix}{}\t{}\t{}", e.mentions, field(&e.name), field(&e.aliases.join(", ")))?;
            }
        }
    }
    Ok(())
}

/// Where a search can match: every heading, paragraph and the byline, labelled for
/// `--search` output ("1:2" is section 1, paragraph 2; "1:h" section 1's heading).
pub fn searchable_texts(article: &Article) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    // In reading order, as the reader shows them: the headline block first.
    fn meta<'a>(name: &str, v: &'a Option<String>) -> Option<(String, &'a str)> {
        v.as_deref().map(|t| (name.to_string(), t))
    }
    out.extend(meta("title", &article.title));
    out.extend(meta("subtitle", &article.subtitle).filter(|_| !article.has_standfirst()));
    out.extend(meta("dateline", &article.dateline));
    out.extend(meta("byline", &article.byline));
    for (s, section) in article.sections.iter().enumerate() {
        if let Some(h) = &section.heading {
            out.push((format!("{s}:h"), h.as_str()));
        }
        for (p, para) in section.paragraphs.iter().enumerate() {
            out.push((format!("{s}:{p}"), para.text.as_str()));
        }
    }
    out.extend(meta("source", &article.source));
    out
}

/// `--search`: one line per match, `where: context` (after `prefix`, the input's name
/// and a colon when several are searched), the match in bold red when `color`. Returns
/// how many matches were printed.
pub fn search(
    article: &Article,
    matcher: &crate::search::Matcher,
    color: bool,
    prefix: &str,
    out: &mut impl Write,
) -> io::Result<usize> {
    let mut n = 0;
    for (place, text) in searchable_texts(article) {
        let found = if crate::search::has_non_ascii_letters(text) {
            matcher.find_all(text)
        } else {
            matcher.find_all_ascii(text)
        };
        for r in found {
            let (before, hit, after) = crate::search::context_parts(text, r, 40);
            let (on, off) = if color { ("\x1b[1;31m", "\x1b[0m") } else { ("", "") };
            writeln!(out, "{prefix}{place}: {}{on}{}{off}{}", field(&before), field(&hit), field(&after))?;
            n += 1;
        }
    }
    Ok(n)
}

//! Block quotations: a paragraph the page sets apart as quoted (`<blockquote>`, Markdown
//! `>`) with no quotation marks of its own is one quotation: an excerpt of a statement,
//! a blog post, an embedded social-media post. An embedded post signs itself
//! ("— Arvind Kejriwal (@ArvindKejriwal) November 1, 2019"), and the name is its speaker;
//! with no signature the words go on with the speaker before, as a quotation that opens
//! a paragraph does.

use super::RawQuote;
use super::attribution::Said;
use super::marks::spans;

/// The quotation a block-quote paragraph is, given the block-quote paragraph after it
/// (which may be its signature); `None` for a signature itself, a line of a few words,
/// or a paragraph with quotation marks (those are read as any paragraph's).
pub fn block_quotation(text: &str, next: Option<&str>) -> Option<RawQuote> {
    if !spans(text).is_empty() {
        return None;
    }
    let (end, said) = match signature(text) {
        // A signature alone is no quotation.
        Some((at, _)) if text[..at].trim().is_empty() => return None,
        Some((at, name)) => (at, Said::Name(name)),
        None => (text.len(), next.and_then(own_signature).map_or(Said::Nobody, Said::Name)),
    };
    let (start, end) = words_of(text, end)?;
    if text[start..end].split_whitespace().count() < 4 {
        return None;
    }
    Some(RawQuote {
        start,
        end,
        said,
        opens_paragraph: true,
        opens_sentence: true,
        unclosed: false,
        said_from: None,
        dialogue: false,
    })
}

/// A paragraph that is only a signature: its name.
fn own_signature(text: &str) -> Option<String> {
    signature(text).filter(|(at, _)| text[..*at].trim().is_empty()).map(|(_, name)| name)
}

/// "— Name (@handle) date" at the end of `text`: where it starts and the name.
fn signature(text: &str) -> Option<(usize, String)> {
    let at = text.rfind(['—', '―'])?;
    let rest = text[at..].trim_start_matches(['—', '―']).trim_start();
    let (name, handle) = rest.split_once("(@")?;
    let name = name.trim();
    let words = name.split_whitespace().count();
    let handle_ok = handle.split_once(')').is_some_and(|(h, _)| !h.is_empty() && !h.contains(' '));
    (handle_ok && (1..=6).contains(&words) && name.chars().next().is_some_and(char::is_alphanumeric))
        .then(|| (at, name.to_string()))
}

/// The quoted words up to byte `end`: trimmed, without a trailing picture link
/// ("pic.twitter.com/…") that an embedded post ends on.
fn words_of(text: &str, end: usize) -> Option<(usize, usize)> {
    let mut body = text[..end].trim_end();
    while let Some((head, last)) = body.rsplit_once(char::is_whitespace) {
        if !(last.starts_with("pic.twitter.com/") || last.starts_with("https://t.co/")) {
            break;
        }
        body = head.trim_end();
    }
    let start = text.len() - text.trim_start().len();
    (body.len() > start).then_some((start, body.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str, next: Option<&str>) -> Option<(String, Said)> {
        block_quotation(text, next).map(|q| (text[q.start..q.end].to_string(), q.said))
    }

    #[test]
    fn an_embedded_post_is_its_authors() {
        let post = "Delhi has turned into a gas chamber due to smoke pic.twitter.com/MYwRz9euaq";
        let sig = "— Arvind Kejriwal (@ArvindKejriwal) November 1, 2019";
        assert_eq!(
            quoted(post, Some(sig)),
            Some(("Delhi has turned into a gas chamber due to smoke".into(), Said::Name("Arvind Kejriwal".into())))
        );
        assert_eq!(quoted(sig, None), None);
        let inline = format!("{post} {sig}");
        assert_eq!(quoted(&inline, None).map(|q| q.1), Some(Said::Name("Arvind Kejriwal".into())));
    }

    #[test]
    fn an_excerpt_goes_on_with_the_speaker_before() {
        let text = "The vulnerability stems from the fact that the client may send the server data.";
        assert_eq!(quoted(text, None).map(|q| q.1), Some(Said::Nobody));
        // Quotation marks of its own: read as any paragraph is.
        assert_eq!(quoted("“No,” she said, and left the room.", None), None);
        assert_eq!(quoted("Too short here.", None), None);
    }
}

//! Direct quotes and who said them, inside one paragraph. Resolving pronouns and surnames
//! to full names needs the whole article and happens in `speakers`.
//!
//! A quotation is the text between matching marks (“…”, "…", „…“, «…», and ‘…’ when a
//! paragraph uses single marks). One- to three-word quotations are usually terms or scare
//! quotes ("local agreements") and only count when a speech verb governs them.

pub mod attribution;

use crate::article::extract::quotes::attribution::{attribution_after, attribution_before, verb_right_before};
use crate::article::text::lexicon::{SPEECH, is_function_word};
use crate::article::text::tokens::{Token, low};
pub use attribution::Said;
use memchr::memmem::Finder;
use std::ops::Range;
use std::sync::LazyLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    /// The quoted words inside the marks, trimmed.
    pub start: usize,
    pub end: usize,
    pub said: Said,
    /// The quotation opens the paragraph (a candidate to continue the previous speaker).
    pub opens_paragraph: bool,
    /// The quotation opens its sentence (a candidate to continue the speaker before).
    pub opens_sentence: bool,
    /// No closing mark before the paragraph ends.
    pub unclosed: bool,
}

#[derive(Debug, Clone, Copy)]
struct Span {
    open: usize,  // byte offset of the opening mark
    inner: usize, // first byte after it
    close: usize, // byte offset of the closing mark (text.len() if unclosed)
    after: usize, // first byte after the closing mark
    unclosed: bool,
}

fn closes(open: char, c: char) -> bool {
    match open {
        '“' => c == '”',
        '"' => c == '"',
        '„' => c == '“' || c == '”',
        '«' => c == '»',
        '‘' => c == '’',
        '\'' => c == '\'',
        _ => false,
    }
}

/// Quotation spans, outermost only. An unclosed mark runs to the end of the paragraph.
fn spans(text: &str) -> Vec<Span> {
    // Most paragraphs hold no quotation mark at all: find out at memchr speed.
    let b = text.as_bytes();
    // Finders built once: building one per paragraph cost more than the search.
    static MARKS: LazyLock<[Finder<'static>; 3]> =
        LazyLock::new(|| ["“", "„", "‘"].map(|m| Finder::new(m.as_bytes()).into_owned()));
    // Straight single marks only where a quotation is introduced: "She told the court: 'The
    // harm was serious.'" Elsewhere they are apostrophes.
    static INTRODUCED: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b": '").into_owned());
    let straight_single = b.starts_with(b"'") || INTRODUCED.find(b).is_some();
    let any = memchr::memchr2(b'"', 0xAB, b).is_some() || MARKS.iter().any(|f| f.find(b).is_some()) || straight_single;
    if !any {
        return Vec::new();
    }
    let single = text.contains('‘') && !text.contains(['“', '"', '„', '«']);
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let mut depth = 0usize;
    let mut prev: Option<char> = None;
    let mut before_prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        match open {
            None => {
                let opens = match c {
                    '“' | '„' | '«' => true,
                    '‘' => single && next.is_some_and(|n| !n.is_whitespace()),
                    '\'' => {
                        straight_single
                            && (i == 0 || prev == Some(' ') && before_prev == Some(':'))
                            && next.is_some_and(char::is_uppercase)
                    }
                    // A straight quote opens after a space or an opening bracket, not after
                    // a digit (5" is inches).
                    '"' => {
                        prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '/' | ':'))
                            && next.is_some_and(|n| !n.is_whitespace())
                    }
                    _ => false,
                };
                if opens {
                    open = Some((i, c));
                    depth = 0;
                }
            }
            Some((start, o)) => {
                if c == o && !matches!(o, '"' | '‘' | '\'') {
                    depth += 1; // a nested quotation using the same marks
                } else if closes(o, c) {
                    // A single closing mark is only a close when no letter follows it
                    // ("teachers’ union" goes on; "offensive’ wage" closes).
                    let real = match o {
                        '‘' => next.is_none_or(|n| !n.is_alphanumeric()),
                        // "the court's" is an apostrophe; "avoidable.' She" closes.
                        '\'' => {
                            prev.is_some_and(|p| matches!(p, '.' | '!' | '?' | ','))
                                && next.is_none_or(|n| !n.is_alphanumeric())
                        }
                        _ => true,
                    };
                    if real {
                        if depth == 0 {
                            out.push(Span {
                                open: start,
                                inner: start + o.len_utf8(),
                                close: i,
                                after: i + c.len_utf8(),
                                unclosed: false,
                            });
                            open = None;
                        } else {
                            depth -= 1;
                        }
                    }
                }
            }
        }
        before_prev = prev;
        prev = Some(c);
    }
    // A straight single mark never closed was an apostrophe after all.
    if let Some((start, o)) = open.filter(|&(_, o)| o != '\'') {
        out.push(Span {
            open: start,
            inner: start + o.len_utf8(),
            close: text.len(),
            after: text.len(),
            unclosed: true,
        });
    }
    out
}

/// The first token at or after byte `pos`.
fn token_at(t: &[Token], pos: usize) -> usize {
    t.partition_point(|x| x.start < pos)
}

/// Every word capitalised, as in the title of a work.
fn title_case(s: &str) -> bool {
    let mut words = 0;
    for w in s.split_whitespace() {
        words += 1;
        let first = w.chars().find(|c| c.is_alphabetic());
        if first.is_some_and(char::is_lowercase) && !is_function_word(w) {
            return false;
        }
    }
    words > 0 && !s.ends_with(['.', '!', '?'])
}

/// Quotes in a paragraph with what the text says of their speakers.
pub fn find_quotes(text: &str, t: &[Token], sentences: &[Range<usize>]) -> Vec<RawQuote> {
    let spans = spans(text);
    if spans.is_empty() {
        return Vec::new();
    }
    let mut out: Vec<RawQuote> = Vec::new();
    let sentence_of =
        |pos: usize| sentences.iter().position(|s| pos < s.end).unwrap_or(sentences.len().saturating_sub(1));
    for (n, sp) in spans.iter().enumerate() {
        let raw = &text[sp.inner..sp.close];
        let inner_start = sp.inner + (raw.len() - raw.trim_start().len());
        let mut inner_end = sp.inner + raw.trim_end().len();
        while inner_end > inner_start && text[..inner_end].ends_with([',', ' ', '—', '–']) {
            inner_end -= text[..inner_end].chars().next_back().map_or(1, char::len_utf8);
        }
        if inner_end <= inner_start || !text[inner_start..inner_end].chars().any(char::is_alphanumeric) {
            continue;
        }
        let words = text[inner_start..inner_end].split_whitespace().count();
        // Regions around the quotation, within its sentence and between its neighbours.
        let s_open = sentences.get(sentence_of(sp.open)).map_or(0, |s| s.start);
        let before_from = s_open.max(if n > 0 { spans[n - 1].after } else { 0 });
        let b0 = token_at(t, before_from);
        let b1 = token_at(t, sp.open);
        let s_close = sentence_of(sp.close.saturating_sub(1).max(sp.inner));
        let sentence_end = sentences.get(s_close).map_or(text.len(), |s| s.end);
        let after_to = sentence_end.min(spans.get(n + 1).map_or(text.len(), |x| x.open));
        let a0 = token_at(t, sp.after);
        let mut a1 = token_at(t, after_to.max(sp.after));
        // “Go!” Smith said. — a short attribution right after a sentence-ending quote.
        if a0 == a1
            && !sp.unclosed
            && let Some(next) = sentences.get(s_close + 1)
        {
            let e = token_at(t, next.end);
            if e - a0 <= 7 && spans.get(n + 1).is_none_or(|x| x.open >= next.end) {
                a1 = e;
            }
        }
        let after = attribution_after(text, &t[a0..a1]);
        let before = attribution_before(text, &t[b0..b1]);
        let governed = matches!(after, Some(ref s) if *s != Said::Nobody) || verb_right_before(text, &t[b0..b1]);
        // "said the fall in the list was “welcome but tiny”.": a short quotation that
        // completes a clause whose verb reports speech.
        // A short quotation in the complement of a speech verb of the same sentence ("she
        // told the court she had received only “informal chatter” from bankers"), unless
        // it is a name in capitals ("the “Baltic Shield” plan").
        let completes = t[b0..b1].iter().any(|x| x.lex.is(SPEECH) && x.text(text) != "according")
            && !title_case(&text[inner_start..inner_end]);
        // The title of a work: "The paper, “A cell-wall targeting lipopeptide…”, will…".
        let work_title = (b1.saturating_sub(3)..b1).any(|k| {
            matches!(
                low(t[k].text(text)).as_str(),
                "paper"
                    | "book"
                    | "film"
                    | "song"
                    | "album"
                    | "titled"
                    | "entitled"
                    | "headlined"
                    | "novel"
                    | "documentary"
                    | "play"
                    | "exhibition"
            )
        }) && !governed;
        let so_called = b1 > 0 && t[b1 - 1].text(text).eq_ignore_ascii_case("so-called");
        // Scare quotes and terms: "local agreements", "no", a so-called "Covid cliff".
        let short_ok = match words {
            1 => {
                governed
                    && (text[..inner_end].ends_with([',', '!', '?', '.'])
                        || matches!(after, Some(Said::Name(_) | Said::Pronoun(_) | Said::Surname(_))))
            }
            2 | 3 => (governed || completes) && !so_called,
            _ => (!title_case(&text[inner_start..inner_end]) || governed) && !work_title,
        };
        if !short_ok {
            continue;
        }
        let said = match (after, before) {
            (Some(a), _) if a != Said::Nobody && a != Said::Previous => a,
            (Some(Said::Previous), Some(b)) if b != Said::Nobody && b != Said::Previous => b,
            (Some(Said::Previous), _) => Said::Previous,
            (_, Some(b)) => b,
            _ => Said::Nobody,
        };
        out.push(RawQuote {
            start: inner_start,
            end: inner_end,
            said,
            opens_paragraph: text[..sp.open].trim().is_empty(),
            opens_sentence: b0 == b1,
            unclosed: sp.unclosed,
        });
    }
    out
}

/// "Kevin Courney, NEU general secretary, said:" at the end of a paragraph introduces the
/// quotation in the next one.
pub fn introduction(text: &str, t: &[Token], sentences: &[Range<usize>]) -> Option<Said> {
    if !text.trim_end().ends_with(':') {
        return None;
    }
    let last = sentences.last()?;
    let from = token_at(t, last.start);
    match attribution_before(text, &t[from..]) {
        Some(Said::Previous) | Some(Said::Nobody) | None => None,
        some => some,
    }
}

/// The quotes of one paragraph, with the introduction it ends on, if any.
pub struct ParagraphQuotes {
    pub section: usize,
    pub paragraph: usize,
    pub text_len: usize,
    pub quotes: Vec<(RawQuote, String)>,
    pub intro: Option<Said>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::text::sentences::sentences;
    use crate::article::text::tokens::tokenize;

    fn quotes(text: &str) -> Vec<(String, Said)> {
        let t = tokenize(text);
        let s = sentences(text, &t);
        find_quotes(text, &t, &s).into_iter().map(|q| (text[q.start..q.end].to_string(), q.said)).collect()
    }

    fn name(s: &str) -> Said {
        Said::Name(s.into())
    }

    #[test]
    fn introduced_with_a_colon() {
        let q = quotes(
            "UN Secretary-General Antonio Guterres stated: “Trafficking in persons is a terrible crime. We must focus on protecting the most vulnerable: children.”",
        );
        assert_eq!(q, vec![("Trafficking in persons is a terrible crime. We must focus on protecting the most vulnerable: children.".into(), name("Antonio Guterres"))]);
    }

    #[test]
    fn straight_single_marks_after_a_colon() {
        let q =
            quotes("She told the court: 'The harm to wildlife was serious and entirely avoidable.' The firm appealed.");
        assert_eq!(
            q,
            vec![("The harm to wildlife was serious and entirely avoidable.".into(), Said::Pronoun("she".into()))]
        );
        // Apostrophes are not marks: no quotation here.
        assert!(quotes("The court's ruling: 'twas the firm's fault, the judge's clerk said.").is_empty());
        assert!(quotes("Officials said: 'It is not over yet").is_empty());
    }

    #[test]
    fn a_department_with_commas_in_its_name_speaks() {
        let q = quotes(
            "The Department for Environment, Food and Rural Affairs said air quality had “improved significantly” since 2010.",
        );
        assert_eq!(
            q,
            vec![("improved significantly".into(), name("Department for Environment, Food and Rural Affairs"))]
        );
        // A relative clause between the name and the verb still does not speak.
        let q = quotes("The trust, which has 140 volunteers, said: “We are stretched.”");
        assert_eq!(q[0].1, Said::Phrase("the trust".into()));
    }

    #[test]
    fn a_theme_has_no_speaker() {
        let q = quotes(
            "The theme of this year’s World Day is “No child should be left behind in the fight against trafficking in persons”. UN chief Antonio Guterres stated it.",
        );
        assert_eq!(q[0].1, Said::Nobody);
    }

    #[test]
    fn fragment_in_reported_speech() {
        let q = quotes(
            "The head of UNODC’s anti-trafficking unit, Ilias Chatzis, said that the progress made over the past two decades “is now under threat” due to global challenges.",
        );
        assert_eq!(q, vec![("is now under threat".into(), name("Ilias Chatzis"))]);
    }

    #[test]
    fn split_quote_has_one_speaker() {
        let q = quotes("“We will go,” she said, “and we will win.”");
        assert_eq!(
            q,
            vec![
                ("We will go".into(), Said::Pronoun("she".into())),
                ("and we will win.".into(), Said::Pronoun("she".into()))
            ]
        );
    }

    #[test]
    fn said_after_with_apposition() {
        let q = quotes(
            "\"There are many reasons to invest in social protection,\" said Guy Ryder, the ILO's director-general.",
        );
        assert_eq!(q[0].1, name("Guy Ryder"));
        let q =
            quotes("\"Although there is much variation, there are more children in child labor,\" said the report.");
        assert_eq!(q[0].1, Said::Phrase("the report".into()));
    }

    #[test]
    fn glued_said_and_bare_said() {
        let q = quotes(
            "Meanwhile, UNODC Executive Director Ghada Walysaid, “this latest report shows how the pandemic has increased risks,” said  “We cannot allow crises to compound exploitation.”",
        );
        assert_eq!(q[0].1, name("Ghada Waly"));
        // The second part is resolved to the first part's speaker across the article.
        assert_eq!(q[1].1, Said::Previous);
    }

    #[test]
    fn appositive_after_the_name() {
        let q = quotes(
            "Kevin Courney, NEU general secretary, said: “Today we are notifying Gillian Keegan, Secretary of State for Education.”",
        );
        assert_eq!(q[0].1, name("Kevin Courney"));
        let q = quotes("A JCQ spokesperson said: “As every year, schools have prepared contingency plans.”");
        assert_eq!(q[0].1, Said::Phrase("JCQ spokesperson".into()));
    }

    #[test]
    fn short_quotes_need_a_speech_verb() {
        assert!(quotes("The NEU executive has agreed to seek “local agreements” with school principals.").is_empty());
        assert!(quotes("98 per cent of members who voted on the deal said “no” to a bonus.").is_empty());
        assert!(quotes("a scheme called “INSPIRE” was launched").is_empty());
        assert_eq!(
            quotes("Mr Courtney urged parents to “put pressure on MPs” to act.")[0].1,
            Said::Surname("Courtney".into())
        );
        assert_eq!(
            quotes("She also said the government has gone “as far as we can” with talks.")[0].1,
            Said::Pronoun("she".into())
        );
        assert_eq!(
            quotes("Education Secretary Gillian Keegan has said the wage offer is “a fair and reasonable offer”.")[0].1,
            name("Gillian Keegan")
        );
    }

    #[test]
    fn unclosed_mark_stops_at_the_paragraph_end() {
        let text = "He said: “This never closes and goes on";
        let q = quotes(text);
        assert_eq!(q[0].0, "This never closes and goes on");
        let t = tokenize(text);
        assert!(find_quotes(text, &t, &sentences(text, &t))[0].unclosed);
    }

    #[test]
    fn straight_quotes_and_inches() {
        let q = quotes("The 5\" screen was \"far too small for anyone to use,\" he said.");
        assert_eq!(q, vec![("far too small for anyone to use".into(), Said::Pronoun("he".into()))]);
    }
}

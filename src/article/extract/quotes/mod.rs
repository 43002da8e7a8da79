//! Direct quotes and who said them, inside one paragraph. Resolving pronouns and surnames
//! to full names needs the whole article and happens in `speakers`.
//!
//! A quotation is the text between matching marks (“…”, "…", „…“, «…», and ‘…’ when a
//! paragraph uses single marks). One- to three-word quotations are usually terms or scare
//! quotes ("local agreements") and only count when a speech verb governs them.

mod accept;
pub mod attribution;
mod block;
mod dialogue;
mod marks;

use crate::article::extract::quotes::attribution::{
    attribution_after, attribution_before, clause_subject, verb_right_before,
};
use crate::article::learn::Features;
use crate::article::text::lexicon::{SPEECH, WORK, has_lowercase, is_function_word};
use crate::article::text::tokens::{Kind, Token, low};
pub use accept::{AcceptFeature, accept_names, compiled as compiled_accept};
pub use attribution::Said;
pub use block::block_quotation;
pub use dialogue::dialogue_line;
use marks::{Span, spans};
use std::ops::Range;

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
    /// Where the words that name the speaker begin, when they stand before the quotation
    /// ("He urged Mr. Trump to act, saying “…”"): a pronoun there means someone named
    /// before them, not before the quotation.
    pub said_from: Option<usize>,
    /// A dialogue line ("— …"): with no narrator, it may be the words of the person a
    /// heading above names (an interview's answers).
    pub dialogue: bool,
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
        // A lower-case word, or a script without capitals (Chinese, Arabic), is no title.
        if first.is_some_and(|c| !c.is_uppercase()) && !is_function_word(w) {
            return false;
        }
    }
    // A sentence ends it, perhaps inside a quotation of its own ("It’s ‘Showtime at the Apollo.’").
    words > 0 && !s.trim_end_matches(['’', '\'', '”', '"', ')']).ends_with(['.', '!', '?'])
}

/// The longest quotation the model alone may accept as someone's words without the rules.
const SHORT_TERM_WORDS: usize = 3;

/// Quotes in a paragraph with what the text says of their speakers, as the compiled-in
/// model accepts them.
pub fn find_quotes(text: &str, t: &[Token], sentences: &[Range<usize>]) -> Vec<RawQuote> {
    quote_candidates(text, t, sentences, accept::compiled())
        .into_iter()
        .filter(|c| c.score > 0.0)
        .map(|c| c.quote)
        .collect()
}

/// A quoted span with what the acceptance model makes of it: accepted when `score > 0`.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub quote: RawQuote,
    pub features: Features,
    pub score: f32,
}

/// Every quoted span in a paragraph, described and weighed by `weights` (the `accept`
/// model's).
pub fn quote_candidates(text: &str, t: &[Token], sentences: &[Range<usize>], weights: &[f32]) -> Vec<Candidate> {
    let spans = spans(text);
    let mut out: Vec<Candidate> = Vec::new();
    for n in 0..spans.len() {
        let sp = spans[n];
        let Some((start, end)) = quoted_words(text, sp) else { continue };
        let around = Around::new(text, t, sentences, &spans, n);
        let after = attribution_after(text, &t[around.after.clone()]);
        let look = look(text, t, (start, end), &around, after.as_ref());
        let mut before = attribution_before(text, &t[around.before.clone()]);
        let mut said_from_token = around.before.start;
        // "he asked about X, called Omar a “terrorist” and said, “…”": the verb shares the
        // subject the sentence opened with, before the term in marks ahead of it (after a
        // quotation, "said" hands over to that quotation's speaker instead).
        if before == Some(Said::Previous)
            && !out.iter().any(|c| c.score > 0.0)
            && around.sentence < around.before.start
            && let Some(s) = clause_subject(text, &t[around.sentence..around.before.start])
        {
            before = Some(s);
            said_from_token = around.sentence;
        }
        // "recalled that he said, “…,” prosecutors said": the verb right before the
        // quotation governs it; the one after reports the report.
        let right_before = verb_right_before(text, &t[around.before.clone()]);
        let governs = right_before && matches!(before, Some(Said::Name(_) | Said::Surname(_) | Said::Pronoun(_)));
        let features = accept::features(&accept::Span {
            text,
            t,
            start,
            end,
            before: &t[around.before.clone()],
            after: &t[around.after.clone()],
            said_after: after.as_ref(),
            said_before: before.as_ref(),
            rule_accepts: look.rule,
            verb_right_before: right_before,
            title_case: look.title_case,
            work_title: look.work_title,
            words: look.words,
            cjk: look.cjk,
            corner_quotative: look.corner_quotative,
            opens_paragraph: text[..sp.open].trim().is_empty(),
            opens_sentence: around.before.is_empty(),
            unclosed: sp.unclosed,
            comma: text[sp.inner..sp.close].trim_end().ends_with(','),
            quotations: spans.len(),
            listed: listed(text, &spans, n),
        });
        // Chinese and Japanese quotations: the corpus the model learnt from has none, so
        // the rules decide (a sentence's punctuation, a colon, the quotative particle).
        let cjk = look.cjk * 2 > text[start..end].chars().count();
        let score = if cjk { if look.rule { 1.0 } else { -1.0 } } else { features.score(weights) };
        // A term of three words or fewer is someone's words only when the rules see an
        // attribution or the sentence names who speaks (a name or a pronoun as the subject
        // of a verb of speech), and never when it is capitalised like a title ("announcing
        // “Super Mario Run,” its first game"): the corpus the model learnt from counts a short phrase
        // inside reported speech, and outside it the same shape is most often a term held
        // at a distance ("so-called “steam worlds”", "the agency’s “short-term” plan").
        let someone = |s: Option<&Said>| matches!(s, Some(Said::Name(_) | Said::Surname(_) | Said::Pronoun(_)));
        let term = look.words <= SHORT_TERM_WORDS
            && (look.title_case || !someone(before.as_ref()) && !someone(after.as_ref()));
        let score = if term && !look.rule { score.min(-f32::EPSILON) } else { score };
        let (said, from_before) =
            if governs { (before.clone().unwrap_or(Said::Nobody), true) } else { speaker(after.clone(), before) };
        let said_from = from_before.then(|| t.get(said_from_token).map_or(sp.open, |x| x.start));
        let quote = RawQuote {
            start,
            end,
            said,
            said_from,
            dialogue: false,
            opens_paragraph: text[..sp.open].trim().is_empty(),
            opens_sentence: around.before.is_empty(),
            unclosed: sp.unclosed,
        };
        out.push(Candidate { quote, features, score });
    }
    out
}

/// Whether the quotation `n` stands in a list of quoted terms: the one before or after it
/// is joined to it by a comma, "and" or "or" only ("“24,” “Prison Break” and “Gilmore Girls”").
fn listed(text: &str, spans: &[Span], n: usize) -> bool {
    let joined = |a: &Span, b: &Span| {
        let between = text.get(a.after..b.open).unwrap_or("x").trim();
        matches!(between, "," | "and" | "or" | ", and" | ", or" | "")
    };
    n.checked_sub(1).is_some_and(|p| joined(&spans[p], &spans[n]))
        || spans.get(n + 1).is_some_and(|x| joined(&spans[n], x))
}

/// The quoted words inside the marks, trimmed of spaces and of the comma or dash that
/// hands over to the attribution; `None` when no word is quoted.
fn quoted_words(text: &str, sp: Span) -> Option<(usize, usize)> {
    let raw = &text[sp.inner..sp.close];
    let start = sp.inner + (raw.len() - raw.trim_start().len());
    let mut end = sp.inner + raw.trim_end().len();
    while end > start && text[..end].ends_with([',', ' ', '—', '–']) {
        end -= text[..end].chars().next_back().map_or(1, char::len_utf8);
    }
    (end > start && text[start..end].chars().any(char::is_alphanumeric)).then_some((start, end))
}

/// The tokens around a quotation where its attribution may stand: before it in its
/// sentence (after the quotation before), and after it to the end of its sentence (or
/// the next quotation); a short sentence right after a quote that ends one ("“Go!” Smith
/// said.") counts as after.
struct Around {
    before: Range<usize>,
    after: Range<usize>,
    /// The first token of the quotation's sentence.
    sentence: usize,
}

impl Around {
    fn new(text: &str, t: &[Token], sentences: &[Range<usize>], spans: &[Span], n: usize) -> Around {
        let sp = spans[n];
        let sentence_of =
            |pos: usize| sentences.iter().position(|s| pos < s.end).unwrap_or(sentences.len().saturating_sub(1));
        let s_open = sentences.get(sentence_of(sp.open)).map_or(0, |s| s.start);
        let before_from = s_open.max(if n > 0 { spans[n - 1].after } else { 0 });
        let s_close = sentence_of(sp.close.saturating_sub(1).max(sp.inner));
        let sentence_end = sentences.get(s_close).map_or(text.len(), |s| s.end);
        let after_to = sentence_end.min(spans.get(n + 1).map_or(text.len(), |x| x.open));
        let a0 = token_at(t, sp.after);
        let mut a1 = token_at(t, after_to.max(sp.after));
        if a0 == a1
            && !sp.unclosed
            && let Some(next) = sentences.get(s_close + 1)
        {
            let e = token_at(t, next.end);
            if e - a0 <= 7 && spans.get(n + 1).is_none_or(|x| x.open >= next.end) {
                a1 = e;
            }
        }
        Around { before: token_at(t, before_from)..token_at(t, sp.open), after: a0..a1, sentence: token_at(t, s_open) }
    }
}

/// What the rules see in quoted words: their size and shape, and whether they would call
/// them a quotation rather than a term, a scare quote or a title. One- to three-word
/// quotations count only when a speech verb governs them or they complete a clause whose
/// verb reports speech ("said the fall was “welcome but tiny”"); longer ones unless they
/// are capitalised like a title, or follow "a paper titled".
struct Look {
    rule: bool,
    title_case: bool,
    work_title: bool,
    /// Words, counting two Chinese or Japanese characters as one.
    words: usize,
    cjk: usize,
    corner_quotative: bool,
}

fn look(text: &str, t: &[Token], (start, end): (usize, usize), around: &Around, after: Option<&Said>) -> Look {
    let before = &t[around.before.clone()];
    let quoted = &text[start..end];
    let governed = matches!(after, Some(s) if *s != Said::Nobody) || verb_right_before(text, before);
    // A short quotation in the complement of a speech verb of the same sentence ("she
    // told the court she had received only “informal chatter” from bankers"), unless it
    // is a name in capitals ("the “Baltic Shield” plan").
    let title_case = title_case(quoted);
    let completes = before.iter().any(|x| x.lex.is(SPEECH) && x.text(text) != "according") && !title_case;
    // The title of a work: "The paper, “A cell-wall targeting lipopeptide…”, will…".
    let b1 = around.before.end;
    let work_title =
        (b1.saturating_sub(3)..b1).any(|k| has_lowercase(low(t[k].text(text)).as_str(), WORK)) && !governed;
    let so_called = b1 > 0 && t[b1 - 1].text(text).eq_ignore_ascii_case("so-called");
    // Chinese and Japanese write no spaces: two characters make about a word, and six
    // or more a sentence rather than a term («一国两制» is a term).
    let (words, cjk) = word_count(quoted);
    let mut look = Look { rule: false, title_case, work_title, words, cjk, corner_quotative: false };
    // Japanese marks names and terms with corner brackets too (「フリーWi-Fiプロテクション」):
    // words said carry a sentence's punctuation, follow a colon or are taken up by the
    // quotative particle (「…」と述べた).
    let corner = text[..start].ends_with(['「', '『']);
    if corner && cjk * 2 > quoted.chars().count() {
        let punctuated = quoted.contains(['。', '！', '？', '，', '、', '!', '?']);
        let colon = text[..start - '「'.len_utf8()].trim_end().ends_with(['：', ':']);
        let rest = text[end..].trim_start_matches(['」', '』']);
        // Not a definition (「脱獄」とは) or a naming (「X」という名前).
        let quotative = rest.starts_with('と') && !rest.starts_with("とは") && !rest.starts_with("とい")
            || rest.starts_with("って");
        // 「…」，李明说。: the speaker and a verb of speech after a comma.
        let clause: String = rest.trim_start_matches(['，', ',']).chars().take_while(|&c| c != '。').take(12).collect();
        let said_after = rest.starts_with(['，', ','])
            && ["说", "說", "表示", "称", "稱", "道", "指出", "强调", "強調", "言っ", "述べ", "語っ", "話し"]
                .iter()
                .any(|v| clause.contains(v));
        look.corner_quotative = punctuated || colon || quotative || said_after;
        look.rule = look.corner_quotative || governed;
        return look;
    }
    look.rule = match words {
        1 => {
            governed
                && (text[..end].ends_with([',', '!', '?', '.'])
                    || matches!(after, Some(Said::Name(_) | Said::Pronoun(_) | Said::Surname(_))))
        }
        // "by announcing “Super Mario Run,” the company's first…": a name in capitals
        // is a quotation only when someone is then said to have said it.
        2 | 3 => {
            let spoken = matches!(after, Some(Said::Name(_) | Said::Pronoun(_) | Said::Surname(_)));
            (governed || completes) && !so_called && (spoken || !title_case)
        }
        _ => (!title_case || governed) && !work_title,
    };
    look
}

/// How many words quoted words make, and how many of their characters are Chinese or
/// Japanese. Those scripts write no spaces: two characters make about a word, and six or
/// more a sentence rather than a term («一国两制» is a term).
pub fn word_count(quoted: &str) -> (usize, usize) {
    let cjk = quoted.chars().filter(|&c| crate::article::text::tokens::is_cjk(c)).count();
    let cjk_words = if cjk >= 6 { cjk / 2 + 1 } else { cjk / 2 };
    (quoted.split_whitespace().count() + cjk_words, cjk)
}

/// Who the attributions say spoke: the one after the quotation first, then the one
/// before it; "said" with no subject after it hands over to the quote before.
fn speaker(after: Option<Said>, before: Option<Said>) -> (Said, bool) {
    match (after, before) {
        (Some(a), _) if a != Said::Nobody && a != Said::Previous => (a, false),
        (Some(Said::Previous), Some(b)) if b != Said::Nobody && b != Said::Previous => (b, true),
        (Some(Said::Previous), _) => (Said::Previous, false),
        (_, Some(b)) => (b, true),
        _ => (Said::Nobody, false),
    }
}

/// "Kevin Courney, NEU general secretary, said:" at the end of a paragraph introduces the
/// quotation in the next one.
pub fn introduction(text: &str, t: &[Token], sentences: &[Range<usize>]) -> Option<Said> {
    if !text.trim_end().ends_with(':') {
        return None;
    }
    let last = sentences.last()?;
    let from = token_at(t, last.start);
    // A label is no introduction ("Фото:", "Photo:"): a verb of speech or a full name.
    let words = t[from..].iter().filter(|x| x.kind == Kind::Word).count();
    let verb = t[from..].iter().any(|x| x.lex.is(SPEECH));
    if !verb && words < 2 {
        return None;
    }
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
mod tests;

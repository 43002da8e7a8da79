//! The subject of the clause a quotation stands in, as words: "the administration" in
//! "the administration waves off the delay as having “minimal” impact", "His campaign" in
//! "His campaign protested that …". Many partial quotations have no verb of speech near
//! them: their speaker is who the clause is about, named or described.

use crate::article::text::lexicon::{AUXILIARY, DETERMINER, DOCUMENT, FUNCTION, OPENER, SPEECH, lex};

/// Words that open a fronted phrase rather than the subject ("In an interview, …",
/// "After the debate, …"): the subject comes after its comma.
fn fronts(w: &str) -> bool {
    let l = w.to_lowercase();
    lex(&l).is(OPENER)
        || matches!(
            l.as_str(),
            "in" | "on"
                | "at"
                | "after"
                | "before"
                | "while"
                | "during"
                | "for"
                | "with"
                | "as"
                | "when"
                | "although"
                | "though"
                | "since"
                | "despite"
                | "asked"
                | "but"
                | "and"
                | "yet"
                | "still"
                | "meanwhile"
                | "instead"
                | "later"
                | "earlier"
                | "now"
                | "then"
                | "also"
                | "last"
                | "this"
                | "if"
                | "once"
                | "until"
                | "by"
        )
}

/// Where a clause's verb starts: a verb of speech, an auxiliary, or a lower-case word
/// shaped like a verb in the past or the third person ("waves", "protested").
fn verb_like(w: &str) -> bool {
    let l = lex(w);
    if l.is(SPEECH) || l.is(AUXILIARY) && w.starts_with(char::is_lowercase) {
        return true;
    }
    let possessive = w.ends_with("'s") || w.ends_with("’s");
    w.starts_with(char::is_lowercase)
        && w.chars().count() > 3
        && !possessive
        && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
        && !l.is(FUNCTION)
}

/// The subject of the clause in `text[from..to]` (a sentence's words before a quotation):
/// a byte range of at most six words, or `None` when it opens on a verb or is empty.
pub fn subject(text: &str, from: usize, to: usize) -> Option<(usize, usize)> {
    let seg = text.get(from..to)?;
    // Word spans in the segment, with the punctuation that follows each.
    let mut words: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in seg.char_indices() {
        let part = c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.');
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push((s, seg.len()));
    }
    let comma_after = |k: usize| {
        let end = words[k].1;
        let next = words.get(k + 1).map_or(seg.len(), |w| w.0);
        seg[end..next].contains([',', ':', ';', '—', '('])
    };
    let mut k = 0;
    // A fronted phrase ends at its comma.
    if words.first().is_some_and(|&(a, b)| fronts(&seg[a..b])) {
        let comma = (0..words.len()).find(|&j| comma_after(j))?;
        k = comma + 1;
    }
    let first = k;
    while k < words.len() && k - first < 6 {
        let w = seg[words[k].0..words[k].1].trim_end_matches('.');
        if k > first && verb_like(w) || matches!(w, "who" | "which" | "that" | "whose") {
            break;
        }
        k += 1;
        if comma_after(k - 1) {
            break;
        }
    }
    // A subject is followed by its verb: words cut short by the quotation ("the
    // “Baltic Shield” plan") or by the limit are no subject.
    if k == first
        || k >= words.len()
        || !verb_like(seg[words[k].0..words[k].1].trim_end_matches('.')) && !comma_after(k - 1)
    {
        return None;
    }
    // "Her sign reads “…”": only a document reads out words ("the statement read").
    let verb = words.get(k).map(|&(a, b)| &seg[a..b]);
    if matches!(verb, Some("read" | "reads"))
        && !words.get(k - 1).is_some_and(|&(a, b)| lex(&seg[a..b].to_lowercase()).is(DOCUMENT))
    {
        return None;
    }
    // "The theme of the day is “…”": a subject that is something, not someone speaking.
    if words.get(k).is_some_and(|&(a, b)| {
        matches!(&seg[a..b], "is" | "was" | "are" | "were" | "be" | "been" | "becomes" | "became" | "remains")
    }) {
        return None;
    }
    let (a, b) = (words[first].0, words[k - 1].1);
    let phrase = seg[a..b].trim_end_matches('.');
    // A verb first ("Asked about it, …" left nothing), or only function words.
    if verb_like(phrase.split_whitespace().next().unwrap_or(""))
        || phrase.split_whitespace().all(|w| lex(w).is(FUNCTION) && !is_pronoun(w))
    {
        return None;
    }
    Some((from + a, from + a + phrase.len()))
}

/// A description as the text gives it, without the verb the attribution ran on into:
/// "the 60 second ad ends" is "the 60 second ad", "His campaign protested" "His campaign".
pub fn tidy(phrase: &str) -> &str {
    let mut end = phrase.len();
    let mut after_determiner = false;
    for (k, (i, w)) in
        phrase.split_whitespace().map(|w| (w.as_ptr() as usize - phrase.as_ptr() as usize, w)).enumerate()
    {
        // The word after "the" or "his" is a noun however it ends ("His comments").
        if k > 0 && !after_determiner && verb_like(w.trim_end_matches(['.', ','])) {
            end = i;
            break;
        }
        after_determiner = lex(w).is(DETERMINER);
    }
    phrase[..end].trim_end()
}

pub fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "we" | "it" | "He" | "She" | "They" | "We" | "It" | "I")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(s: &str) -> Option<&str> {
        let to = s.find('“').unwrap_or(s.len());
        subject(s, 0, to).map(|(a, b)| &s[a..b])
    }

    #[test]
    fn the_subject_before_the_verb() {
        assert_eq!(
            of("For now, the administration waves off the delay as having “minimal” impact."),
            Some("the administration")
        );
        assert_eq!(of("His campaign protested that Clinton aides were being “disingenuous”"), Some("His campaign"));
        assert_eq!(of("Walter Hewlett sniped that Fiorina was “learning on the job”"), Some("Walter Hewlett"));
        assert_eq!(of("He said the plan was “dead”"), Some("He"));
        assert_eq!(
            of("New Jersey Gov. Chris Christie, hoping to surge, called Obama a “petulant child”"),
            Some("New Jersey Gov. Chris Christie")
        );
    }

    #[test]
    fn a_description_without_its_verb() {
        assert_eq!(tidy("the 60 second ad ends"), "the 60 second ad");
        assert_eq!(tidy("His campaign protested"), "His campaign");
        assert_eq!(tidy("the Ohio Republican"), "the Ohio Republican");
    }

    #[test]
    fn nothing_when_the_clause_opens_on_a_verb() {
        assert_eq!(of("Asked whether he agreed, “no” was the answer"), None);
        assert_eq!(of("The theme of the day is “No child left behind”"), None);
        assert_eq!(of("Her sign reads “Fresh every day”"), None);
        assert_eq!(of("The statement reads “We regret it”"), Some("The statement"));
        assert_eq!(of("“Quoted first”"), None);
    }
}

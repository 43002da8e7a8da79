//! How organisation names run on where a plain run of capitalised words would stop, or
//! stop where it would run on: a department's listed fields ("Department for Environment,
//! Food and Rural Affairs"), a person of an organisation ("Anna Berg of Stockholm
//! University"), and company suffixes that end one name before "and" starts the next.

use crate::article::extract::names::words::{is_name_token, name_shaped};
use crate::article::text::lexicon::{CONNECTOR, ORG_KEYWORD, TITLE};
use crate::article::text::tokens::{Token, is_acronym};

/// Where "NAME of ORGANISATION" splits: the end of the name's run and the start of the
/// organisation's. The organisation ends in its keyword ("Stockholm University") or is a
/// short "KEYWORD of PLACE" ("University of Oxford"); so "Governor of the Bank of England
/// Andrew Bailey" does not split into an organisation with a name on its end.
pub(super) fn person_of_organisation(
    text: &str,
    t: &[Token],
    words: &[usize],
    head_end: usize,
) -> Option<(usize, usize)> {
    let (head, rest) = (words.get(..head_end)?, words.get(head_end..)?);
    let (&of, rest) = rest.split_first()?;
    if t[of].text(text) != "of" || head.is_empty() || head.iter().any(|&k| t[k].lex.is(ORG_KEYWORD)) {
        return None;
    }
    if !head.iter().all(|&k| name_shaped(t[k].text(text)) || t[k].lex.is(TITLE)) {
        return None;
    }
    let tail: Vec<usize> = rest.iter().copied().skip_while(|&k| t[k].lex.is(CONNECTOR)).collect();
    let (&first, &last) = (tail.first()?, tail.last()?);
    let keyword = |k: usize| t[k].lex.is(ORG_KEYWORD);
    // "Rosaly Lopes of NASA's Jet Propulsion Laboratory": an acronym is an organisation too.
    let acronym = tail.len() == 1 && crate::article::text::tokens::is_acronym(t[first].text(text));
    (keyword(last) || keyword(first) && tail.len() <= 3 || acronym).then_some((of, first))
}

/// "Inc", "Corp", "plc": a company's name ends here, so "and" after it starts another.
pub(super) fn is_company_suffix(w: &str) -> bool {
    matches!(w, "Inc" | "Corp" | "Ltd" | "plc" | "PLC" | "LLC" | "Co" | "AG" | "SA" | "NV" | "SE" | "GmbH" | "Group")
}

/// A run that ends "Department for X" or "Ministry of X": what follows a comma may list
/// more of its fields.
pub(super) fn names_fields(text: &str, run: &[Token]) -> bool {
    let n = run.len();
    n >= 3
        && matches!(run[n - 2].text(text), "for" | "of")
        && ["department", "ministry", "secretary", "minister", "committee", "commission", "office"]
            .iter()
            .any(|k| run[n - 3].text(text).eq_ignore_ascii_case(k))
}

/// The end (exclusive) of ", Food and Rural Affairs" or ", Culture, Media and Sport" from
/// the comma at `k`: capitalised fields of one or two words, commas between, "and" before
/// the last.
pub(super) fn listed_fields(text: &str, t: &[Token], mut k: usize) -> Option<usize> {
    let field = |mut j: usize| -> Option<usize> {
        let first = j;
        while j < first + 2
            && t.get(j).is_some_and(|x| is_name_token(text, x) && !is_acronym(x.text(text)))
            && (j == first || t[j].start == t[j - 1].end + 1)
        {
            j += 1;
        }
        (j > first).then_some(j)
    };
    for _ in 0..4 {
        match t.get(k).map(|x| x.text(text)) {
            Some(",") => k = field(k + 1)?,
            Some("and") => return field(k + 1),
            _ => return None,
        }
    }
    None
}

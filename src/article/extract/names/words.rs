//! The words names are made of, apart from the capitalised ones: honorifics that give a
//! gender, letters after a name, organisation keywords, acronyms that are no names
//! ("GDP", "CEO"), particles ("von der", "da"), and an acronym defined in brackets.

use crate::article::text::lexicon::{ORG_KEYWORD, PARTICLE, PLAIN_ACRONYM, has, has_lowercase};
use crate::article::text::tokens::{Kind, Token, is_acronym, low, starts_upper, strip_possessive};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// A capitalised word with a lowercase letter: "Guterres", "Secretary-General", "McDonald".
pub(super) fn name_shaped(w: &str) -> bool {
    starts_upper(w) && w.chars().any(char::is_lowercase) && !w.contains("://")
}

pub(super) fn is_name_token(text: &str, t: &Token) -> bool {
    if t.kind != Kind::Word {
        return false;
    }
    let w = t.text(text);
    starts_upper(w) && (w.chars().count() > 1 || w.chars().all(char::is_uppercase))
}

pub(super) fn gender_of(honorific: &str) -> Option<Gender> {
    match low(honorific.trim_end_matches('.')).as_str() {
        "mr" | "sir" | "lord" | "king" | "prince" | "father" | "brother" | "mister" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "sister" | "madam" => Some(Gender::Female),
        _ => None,
    }
}

/// Letters after a name: "Simon Pryor KC", "Jane Doe MP".
pub(super) fn is_post_nominal(w: &str) -> bool {
    matches!(
        w,
        "KC" | "QC"
            | "MP"
            | "MEP"
            | "MSP"
            | "MS"
            | "AM"
            | "OBE"
            | "CBE"
            | "MBE"
            | "KBE"
            | "DBE"
            | "PhD"
            | "Jr"
            | "Sr"
            | "II"
            | "III"
            | "FRS"
            | "SC"
    )
}

/// Words that, as the head of a name, make it an organisation.
pub(super) fn is_org_keyword(w: &str) -> bool {
    has(w, ORG_KEYWORD)
}

/// All-capital words that are not organisations: currency codes, "GDP", "CEO".
pub(super) fn is_plain_acronym(w: &str) -> bool {
    let w = strip_possessive(w);
    crate::article::text::numerals::is_currency_code(w) || has(w, PLAIN_ACRONYM)
}

/// Lowercase particles inside names: "von der", "de", "da", "bin".
pub fn is_particle(w: &str) -> bool {
    has_lowercase(w, PARTICLE)
}

/// A capitalised plural of an organisation's keyword heads a name as the keyword does:
/// "Student Councils", "Trade Unions", "Border Agencies".
pub(super) fn is_plural_org_keyword(w: &str) -> bool {
    if w.len() < 5 || w.ends_with("ss") {
        return false;
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return has(&format!("{stem}y"), ORG_KEYWORD);
    }
    w.strip_suffix('s').is_some_and(|stem| has(stem, ORG_KEYWORD))
}

/// The first letter of a word without its accents, in capitals: "É" -> 'E'.
pub(super) fn base_letter(word: &str) -> Option<char> {
    let c = word.chars().next()?;
    let mut base = c;
    unicode_normalization::char::decompose_canonical(c, |d| {
        if base == c {
            base = d;
        }
    });
    base.to_uppercase().next()
}

/// "(UNODC)" right after a name.
pub(super) fn acronym_after(text: &str, t: &[Token], b: usize) -> Option<(usize, usize)> {
    let open = t.get(b)?;
    let acr = t.get(b + 1)?;
    let close = t.get(b + 2)?;
    (open.text(text) == "(" && close.text(text) == ")" && is_acronym(acr.text(text))).then_some((acr.start, acr.end))
}

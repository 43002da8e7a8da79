//! "the company said", "the Ohio Republican said", "the 52-year-old said": a description
//! standing for someone the text has named before, and which kind of entity it fits.

use crate::article::extract::names::Gender;
use crate::article::text::lexicon::{ORG_KEYWORD, ORG_NOUN, PERSON_NOUN, TITLE, lex};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Described<'a> {
    /// A person: a role, a party, an age, "the woman".
    Person(Option<Gender>),
    /// An organisation, by the noun that names its kind ("ministry", "company").
    Organisation { head: &'a str, generic: bool },
    /// Anything else ("the report", "JCQ spokesperson"): kept as written.
    Other,
}

/// Which kind of named entity a speaker's description stands for. Only definite
/// descriptions ("the …") point back to someone named; "a spokesperson" does not.
pub fn described(phrase: &str) -> Described<'_> {
    let mut words = phrase.split_whitespace();
    if !words.next().is_some_and(|w| w.eq_ignore_ascii_case("the")) {
        return Described::Other;
    }
    let Some(head) = phrase.split_whitespace().last().map(|w| w.trim_end_matches(['’', '\''])) else {
        return Described::Other;
    };
    let lower = head.to_lowercase();
    // A spokesperson is someone else, speaking for a body: not the person named before.
    if lower.starts_with("spokes") {
        return Described::Other;
    }
    let l = lex(&lower);
    if lower.ends_with("-year-old") || l.is(PERSON_NOUN) || l.is(TITLE) && phrase.split_whitespace().count() <= 4 {
        return Described::Person(gender(&lower));
    }
    if l.is(ORG_NOUN | ORG_KEYWORD) || lower.ends_with("maker") {
        let generic = lower.ends_with("maker")
            || matches!(
                lower.as_str(),
                "company"
                    | "firm"
                    | "group"
                    | "carrier"
                    | "airline"
                    | "retailer"
                    | "lender"
                    | "insurer"
                    | "startup"
                    | "start-up"
                    | "chain"
                    | "maker"
                    | "manufacturer"
                    | "operator"
                    | "utility"
                    | "broadcaster"
                    | "outlet"
                    | "publisher"
                    | "platform"
                    | "developer"
                    | "giant"
                    | "conglomerate"
                    | "employer"
                    | "supermarket"
                    | "brand"
                    | "label"
                    | "studio"
                    | "organisation"
                    | "organization"
                    | "charity"
            );
        return Described::Organisation { head, generic };
    }
    Described::Other
}

fn gender(word: &str) -> Option<Gender> {
    match word {
        "man" | "boy" | "father" | "son" | "husband" | "businessman" | "actor" | "congressman" | "chairman" => {
            Some(Gender::Male)
        }
        "woman" | "girl" | "mother" | "daughter" | "wife" | "businesswoman" | "actress" | "congresswoman"
        | "chairwoman" => Some(Gender::Female),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parties_and_ages_are_people() {
        assert_eq!(described("the Ohio Republican"), Described::Person(None));
        assert_eq!(described("the senator"), Described::Person(None));
        assert_eq!(described("the 52-year-old"), Described::Person(None));
        assert_eq!(described("the woman"), Described::Person(Some(Gender::Female)));
    }

    #[test]
    fn company_words_are_organisations() {
        assert_eq!(described("the company"), Described::Organisation { head: "company", generic: true });
        assert_eq!(described("the ministry"), Described::Organisation { head: "ministry", generic: false });
        assert_eq!(described("the German carmaker"), Described::Organisation { head: "carmaker", generic: true });
    }

    #[test]
    fn other_phrases_stay_as_written() {
        assert_eq!(described("the report"), Described::Other);
        assert_eq!(described("a spokesperson"), Described::Other);
        assert_eq!(described("the spokeswoman"), Described::Other);
        assert_eq!(described("JCQ spokesperson"), Described::Other);
    }
}

//! Finding names in a paragraph: runs of capitalised words ("United Nations Office on Drugs
//! and Crime", "UN Secretary-General Antonio Guterres"), sorted into organisations, people
//! and other names by their words and the words around them.

mod cjk;
pub mod cues;
mod hit;
pub mod orgs;
mod run;
pub mod words;

use crate::article::text::lexicon::{CONNECTOR, CREDIT, ORG_KEYWORD, is_honorific};
use crate::article::text::tokens::{Kind, Token, is_acronym, strip_possessive};
use cjk::{cjk_names, may_hold_names};
pub use hit::{NameHit, NameKind, PlacedHit};
use orgs::{is_company_suffix, listed_fields, names_fields};
use run::classify_run;
pub use words::Gender;
use words::is_name_token;

/// Every name in a paragraph, in order. `sentence_starts` are the byte offsets where
/// sentences begin.
pub fn find_names(text: &str, t: &[Token], sentence_starts: &[usize]) -> Vec<NameHit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !is_name_token(text, &t[i]) {
            if may_hold_names(text, &t[i]) {
                cjk_names(text, &t[i], &mut out);
            }
            i += 1;
            continue;
        }
        // Grow a run of name tokens, joined by connectors, honorific dots and initials.
        let a = i;
        let mut b = i + 1; // exclusive
        loop {
            let prev = &t[b - 1];
            let pw = prev.text(text);
            if strip_possessive(pw).len() != pw.len() {
                break; // "UNODC’s anti-trafficking unit": the possessive ends the name
            }
            match t.get(b) {
                Some(n) if is_name_token(text, n) && n.start == prev.end + 1 => b += 1,
                // "Amazon.com Inc": a web address as a company's name.
                Some(n)
                    if n.text(text) == "."
                        && n.start == prev.end
                        && t.get(b + 1).is_some_and(|x| {
                            x.start == n.end && matches!(x.text(text), "com" | "org" | "net" | "io" | "ai")
                        }) =>
                {
                    b += 2;
                }
                Some(n) if n.kind == Kind::Punct && n.text(text) == "." && n.start == prev.end => {
                    // "Mr. Antonio", "George W. Bush"
                    let honor = is_honorific(pw) || pw.chars().count() == 1;
                    if honor && t.get(b + 1).is_some_and(|x| is_name_token(text, x)) {
                        b += 2;
                    } else {
                        break;
                    }
                }
                // "Department for Environment, Food and Rural Affairs": a list of fields.
                Some(n) if n.text(text) == "," && names_fields(text, &t[a..b]) => match listed_fields(text, t, b) {
                    Some(end) => b = end,
                    None => break,
                },
                Some(n) if n.kind == Kind::Word && n.lex.is(CONNECTOR) => {
                    // Connectors only inside a name: "Office on Drugs and Crime".
                    let mut c = b;
                    while t.get(c).is_some_and(|x| x.kind == Kind::Word && x.lex.is(CONNECTOR)) && c < b + 2 {
                        c += 1;
                    }
                    let cw = t[b].text(text);
                    let next_ok = t.get(c).is_some_and(|x| is_name_token(text, x));
                    // "WHO and UNHCR" are two names; "Drugs and Crime" continues one.
                    // "the United States and the European Union" too.
                    // "Aix-Marseille University in France": the place is not the name.
                    let splits = cw == "in" && t[b - 1].lex.is(ORG_KEYWORD)
                        || cw == "and"
                            && (is_acronym(t[b - 1].text(text))
                                || is_company_suffix(t[b - 1].text(text))
                                || t.get(c).is_some_and(|x| is_acronym(x.text(text)))
                                || t.get(b + 1).is_some_and(|x| x.text(text) == "the"));
                    if next_ok && !splits {
                        b = c + 1;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        // A photo credit names neither a person nor a body the article is about.
        if let Some(end) = credit_end(text, t, a, b) {
            i = end;
            continue;
        }
        classify_run(text, t, a, b, sentence_starts, &mut out);
        i = b;
    }
    out
}

/// The end of a photo credit that the run `a..b` opens: "Photo: Jane Doe", "Photograph by
/// Jane Doe", "(Jane Doe/Harbour Press)", "J. Scott Applewhite / AP", "AP Photo/Evan
/// Vucci"; the agency after a slash is part of it. `None` when the run is no credit.
fn credit_end(text: &str, t: &[Token], a: usize, b: usize) -> Option<usize> {
    let w = |k: usize| t.get(k).map_or("", |x| x.text(text));
    let cued = a >= 2 && matches!(w(a - 1), ":" | "by") && t[a - 2].lex.is(CREDIT);
    let slash = w(b) == "/" && t.get(b + 1).is_some_and(|x| is_name_token(text, x));
    let words = t[a..b].iter().filter(|x| x.kind == Kind::Word);
    let person_shaped = words.clone().count() >= 2 && words.clone().all(|x| !x.lex.is(ORG_KEYWORD));
    let credit_words = words.clone().any(|x| x.lex.is(CREDIT));
    if !(cued || slash && (person_shaped || credit_words)) {
        return None;
    }
    if !slash {
        return Some(b);
    }
    // The other side of the slash: capitalised words and initials.
    let mut end = b + 1;
    while t.get(end).is_some_and(|x| is_name_token(text, x) || x.text(text) == "." && x.start == t[end - 1].end) {
        end += 1;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::text::sentences::sentences;
    use crate::article::text::tokens::tokenize;

    fn names(text: &str) -> Vec<(NameKind, &str)> {
        let t = tokenize(text);
        let starts: Vec<usize> = sentences(text, &t).iter().map(|r| r.start).collect();
        // Single capitalised words only matter as surnames; leave them out here.
        find_names(text, &t, &starts)
            .into_iter()
            .filter(|h| h.kind != NameKind::Single)
            .map(|h| (h.kind, &text[h.start..h.end]))
            .collect()
    }

    #[test]
    fn a_participle_opening_a_sentence_is_nobody() {
        let all = |text: &str| {
            let t = tokenize(text);
            let starts: Vec<usize> = sentences(text, &t).iter().map(|r| r.start).collect();
            find_names(text, &t, &starts).into_iter().map(|h| text[h.start..h.end].to_string()).collect::<Vec<_>>()
        };
        assert!(all("The board met. Acknowledging that the plan was late, the chair apologised.").is_empty());
        assert!(all("Asking the board for more time was a mistake.").is_empty());
        // A surname that ends so is still one.
        assert_eq!(all("The board met. Manning said the plan was late."), ["Manning"]);
        assert_eq!(all("Browning, who chairs it, agreed."), ["Browning"]);
        assert_eq!(all("The vote came. Harding was elected. Fleming has left."), ["Harding", "Fleming"]);
    }

    #[test]
    fn initials_stay_inside_a_name() {
        assert_eq!(
            names("The court heard Patrick W. Carlineo Jr. plead guilty."),
            [(NameKind::Person, "Patrick W. Carlineo")]
        );
        // No cue says who she is yet, but the initial is part of the name.
        assert_eq!(names("R. Paulina Ostrowska runs the food bank."), [(NameKind::Unknown, "R. Paulina Ostrowska")]);
        assert_eq!(names("according to Mr. Tomasz K. Wrona."), [(NameKind::Person, "Tomasz K. Wrona")]);
    }

    #[test]
    fn titles_are_stripped_and_orgs_found() {
        assert_eq!(
            names("UN Secretary-General Antonio Guterres has called for increased efforts."),
            [(NameKind::Organisation, "UN"), (NameKind::Person, "Antonio Guterres")]
        );
        assert_eq!(names("according to Mr. Antonio Guterres."), [(NameKind::Person, "Antonio Guterres")]);
        assert_eq!(names("Health Secretary Tom Hale has said"), [(NameKind::Person, "Tom Hale")]);
    }

    #[test]
    fn organisations_with_acronyms() {
        let text = "The United Nations Office on Drugs and Crime (UNODC) has announced it.";
        let t = tokenize(text);
        let hits = find_names(text, &t, &[0]);
        assert_eq!(&text[hits[0].start..hits[0].end], "United Nations Office on Drugs and Crime");
        assert_eq!(hits[0].kind, NameKind::Organisation);
        let (s, e) = hits[0].acronym.unwrap();
        assert_eq!(&text[s..e], "UNODC");
    }

    #[test]
    fn a_wire_dateline_is_a_place_and_its_agency_is_not_an_expansion() {
        // Wire credits (AP, AFP) are kept out of the organisations; a named agency is one.
        assert!(names("LOS ANGELES (AP) — A fast-moving wildfire tore through dry brush.").is_empty());
        // A department's fields, listed: one name.
        assert_eq!(
            names("The Department for Environment, Food and Rural Affairs said air quality had improved."),
            [(NameKind::Organisation, "Department for Environment, Food and Rural Affairs")]
        );
        assert_eq!(
            names("A spokesperson for the Department for Digital, Culture, Media and Sport declined to comment."),
            [(NameKind::Organisation, "Department for Digital, Culture, Media and Sport")]
        );
        // A list after a name that is not a department's stays a list.
        let listed = names("Andrea Kovacs, Marta Diaz and Paul Smith of the Ministry of Defence, Britain said.");
        assert!(listed.iter().all(|(_, n)| !n.contains(',')), "{listed:?}");
        // A state after the place; companies with their suffixes are two names.
        assert_eq!(
            names("SAN JOSE, Calif. (Reuters) - Nexalon Inc said it would cut jobs."),
            [(NameKind::Organisation, "Nexalon Inc")]
        );
        assert_eq!(
            names("Demand came from cloud providers such as Amazon.com Inc and Microsoft Corp."),
            [(NameKind::Organisation, "Amazon.com Inc"), (NameKind::Organisation, "Microsoft Corp")]
        );
        // A person of an organisation: two names (a given name first makes her a person).
        assert_eq!(
            names("The study was led by Anna Berg of Stockholm University."),
            [(NameKind::Person, "Anna Berg"), (NameKind::Organisation, "Stockholm University")]
        );
        assert_eq!(
            names("said Prof Jean-Michel Claverie of Aix-Marseille University."),
            [(NameKind::Person, "Jean-Michel Claverie"), (NameKind::Organisation, "Aix-Marseille University")]
        );
        assert_eq!(
            names("He works at Aix-Marseille University in France."),
            [(NameKind::Organisation, "Aix-Marseille University")]
        );
        assert!(
            names("Governor of the Bank of England Andrew Bailey spoke.")
                .iter()
                .all(|(_, n)| !n.contains("Bailey") || !n.contains("Bank"))
        );
        // The word after the dash opens a sentence: "The" is not part of the name.
        let fed = names("WASHINGTON — The Federal Reserve held its rate steady.");
        assert_eq!(fed, [(NameKind::Organisation, "Federal Reserve")]);
        assert_eq!(names("GENEVA (UNHCR) – Refugee numbers rose."), [(NameKind::Organisation, "UNHCR")]);
        assert!(names("LONDON — Prices rose.").is_empty());
        let text = "LOS ANGELES (AP) — A fire burned.";
        let t = tokenize(text);
        assert!(find_names(text, &t, &[0]).iter().all(|h| h.acronym.is_none()));
    }

    #[test]
    fn acronyms_link_whatever_the_accents() {
        let text = "Électricité de France (EDF) said it would cut output.";
        let t = tokenize(text);
        let hits = find_names(text, &t, &[0]);
        assert_eq!(&text[hits[0].start..hits[0].end], "Électricité de France");
        assert_eq!(hits[0].kind, NameKind::Organisation);
        assert!(hits[0].acronym.is_some_and(|(s, e)| &text[s..e] == "EDF"));
    }

    #[test]
    fn particles_inside_names() {
        assert_eq!(
            names("Ursula von der Leyen said the bloc would act, and Ana da Silva agreed."),
            [(NameKind::Person, "Ursula von der Leyen"), (NameKind::Person, "Ana da Silva")]
        );
        // With no given name and no cue, a name's kind stays open.
        assert_eq!(
            names("The bloc would act, and Oyelaran da Costa arrived."),
            [(NameKind::Unknown, "Oyelaran da Costa")]
        );
    }

    #[test]
    fn a_speaker_called_it_is_no_person() {
        assert_eq!(
            names("Southern California Edison said it had cut power. Maria Gonzalez said she had left."),
            [(NameKind::Organisation, "Southern California Edison"), (NameKind::Person, "Maria Gonzalez")]
        );
    }

    #[test]
    fn two_acronyms_joined_by_and_are_two_names() {
        assert_eq!(
            names("a report by the WHO and UNHCR warned"),
            [(NameKind::Organisation, "WHO"), (NameKind::Organisation, "UNHCR")]
        );
    }

    #[test]
    fn people_by_context() {
        assert_eq!(
            names("The head of UNODC’s anti-trafficking unit, Ilias Chatzis, said that"),
            [(NameKind::Organisation, "UNODC"), (NameKind::Person, "Ilias Chatzis")]
        );
        assert_eq!(
            names("“Yes,” said Mara Okonkwo, the WHO's regional director."),
            [(NameKind::Person, "Mara Okonkwo"), (NameKind::Organisation, "WHO")]
        );
        assert_eq!(
            names("Meanwhile, WFP Executive Director Lena Osterbergsaid, “this"),
            [(NameKind::Organisation, "WFP"), (NameKind::Person, "Lena Osterberg")]
        );
        assert_eq!(
            names("members the United States and the European Union"),
            [(NameKind::Organisation, "European Union")]
        );
    }

    #[test]
    fn events_and_documents_are_not_organisations() {
        assert_eq!(
            names("on World Day against Trafficking in Persons, the UN Convention on Cybercrime"),
            [(NameKind::Organisation, "UN")]
        );
    }
}

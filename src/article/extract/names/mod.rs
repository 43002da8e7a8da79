//! Finding names in a paragraph: runs of capitalised words ("United Nations Office on Drugs
//! and Crime", "UN Secretary-General Antonio Guterres"), sorted into organisations, people
//! and other names by their words and the words around them.

pub mod cues;
pub mod orgs;
pub mod words;

use crate::article::extract::names::cues::{glued_said, is_place_adjective, organisation_cue, person_cue};
use crate::article::extract::names::orgs::{is_company_suffix, listed_fields, names_fields, person_of_organisation};
use crate::article::extract::names::words::{
    acronym_after, base_letter, gender_of, is_name_token, is_particle, is_plain_acronym, is_post_nominal, name_shaped,
};
use crate::article::model::Location;
use crate::article::text::lexicon::{CONNECTOR, OPENER, ORG_KEYWORD, OTHER_KEYWORD, TITLE, is_honorific};
use crate::article::text::shape::wire_dateline;
use crate::article::text::tokens::{Kind, Token, is_acronym, strip_possessive};
pub use words::Gender;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Person,
    Organisation,
    /// Two or more capitalised words with no cue yet: a person if the article says so
    /// elsewhere ("Ilias Chatzis" as a speaker), otherwise nothing.
    Unknown,
    /// One capitalised word: perhaps a surname mentioned again ("Guterres").
    Single,
}

/// One name found in a paragraph: byte range of the name itself (titles stripped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameHit {
    pub kind: NameKind,
    pub start: usize,
    pub end: usize,
    /// An acronym defined right after it: "(UNODC)".
    pub acronym: Option<(usize, usize)>,
    /// A title or honorific stood before it ("Mr", "Secretary-General").
    pub titled: bool,
    /// The name has a glued "said" to strip: "Walysaid," -> "Waly".
    pub glued_said: bool,
    /// What an honorific says of the person: "Mr" male, "Ms" female.
    pub gender: Option<Gender>,
}

/// Sentence-start words that are capitalised only because they open the sentence.
fn is_opener_token(t: &Token, text: &str) -> bool {
    let w = t.text(text);
    t.lex.is(crate::article::text::lexicon::FUNCTION | OPENER) || w.ends_with("ly") && w.len() > 4
}

/// Every name in a paragraph, in order. `sentence_starts` are the byte offsets where
/// sentences begin.
pub fn find_names(text: &str, t: &[Token], sentence_starts: &[usize]) -> Vec<NameHit> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if !is_name_token(text, &t[i]) {
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
                    // "ILO and UNICEF" are two names; "Drugs and Crime" continues one.
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
        classify_run(text, t, a, b, sentence_starts, &mut out);
        i = b;
    }
    out
}

fn at_sentence_start(t: &[Token], text: &str, k: usize, sentence_starts: &[usize]) -> bool {
    let s = t[k].start;
    if sentence_starts.binary_search(&s).is_ok() {
        return true;
    }
    // After a wire dateline: "WASHINGTON — The Federal Reserve…".
    if k < 12 && wire_dateline(t, text).is_some_and(|(_, after)| after == k) {
        return true;
    }
    // After an opening quotation mark at the start of a sentence.
    k > 0
        && matches!(t[k - 1].text(text), "“" | "\"" | "‘" | "(")
        && (k == 1
            || sentence_starts.binary_search(&t[k - 1].start).is_ok()
            || matches!(t[k - 2].text(text), ":" | "," | "." | "—" | "–"))
}

fn classify_run(text: &str, t: &[Token], mut a: usize, mut b: usize, starts: &[usize], out: &mut Vec<NameHit>) {
    let run_end = b;
    while b > a + 1 && is_post_nominal(t[b - 1].text(text)) {
        b -= 1;
    }
    // Drop sentence-opening words that are not names: "The", "According", "Meanwhile".
    while a < b && at_sentence_start(t, text, a, starts) && is_opener_token(&t[a], text) {
        a += 1;
        while a < b && t[a].kind == Kind::Word && t[a].lex.is(CONNECTOR) {
            a += 1;
        }
    }
    // "Singapore-listed Meridian Foods", "London-based Acme": the adjective is not the name.
    while a < b && is_place_adjective(t[a].text(text)) {
        a += 1;
    }
    if a >= b {
        return;
    }
    // The word tokens of the run, without allocating: a name has few words.
    let mut buf = [0usize; 24];
    let mut n = 0;
    for (k, tok) in t.iter().enumerate().take(b).skip(a) {
        if tok.kind == Kind::Word && n < buf.len() {
            buf[n] = k;
            n += 1;
        }
    }
    let words = &buf[..n];
    let w = |k: usize| t.get(k).map_or("", |x| x.text(text));
    // The head: the words before the first "of/on/for/against/in" connector.
    let head_end =
        words.iter().position(|&k| matches!(w(k), "of" | "on" | "for" | "against" | "in")).unwrap_or(words.len());
    let head = &words[..head_end];
    let Some(&head_last) = head.last() else {
        return;
    };
    // An acronym spells its name from the name's first letter: "Rail Delivery Group
    // (RDG)", but not "LOS ANGELES (AP)", whatever the accents: "Électricité de France (EDF)".
    let acronym = acronym_after(text, t, b).filter(|&(s, _)| base_letter(&text[s..]) == base_letter(t[a].text(text)));
    let mk = |kind, s: usize, e: usize, titled| NameHit {
        kind,
        start: t[s].start,
        end: t[e].start + strip_possessive(t[e].text(text)).len(),
        acronym,
        titled,
        glued_said: false,
        gender: None,
    };
    // "School strikes will…": a lone keyword opening a sentence is a common noun.
    let lone_opener = words.len() == 1 && !is_acronym(w(words[0])) && at_sentence_start(t, text, a, starts);
    if head.iter().any(|&k| t[k].lex.is(ORG_KEYWORD)) && !t[head_last].lex.is(OTHER_KEYWORD) && !lone_opener {
        out.push(mk(NameKind::Organisation, a, b - 1, false));
        return;
    }
    // "Anna Berg of Stockholm University", "Prof Jean-Michel Claverie of Aix-Marseille
    // University": a person of an organisation is two names.
    if let Some(split) = person_of_organisation(text, t, words, head_end) {
        classify_run(text, t, a, split.0, starts, out);
        classify_run(text, t, split.1, b, starts, out);
        return;
    }
    if t[head_last].lex.is(OTHER_KEYWORD) {
        // "UN Convention on Cybercrime": the convention is not an organisation, but a
        // leading acronym is still a mention of one.
        if head.len() > 1 && is_acronym(w(head[0])) && !is_plain_acronym(w(head[0])) {
            out.push(mk(NameKind::Organisation, head[0], head[0], false));
        }
        return;
    }
    // Titles: "UN Secretary-General Antonio Guterres", "Mr. Antonio Guterres",
    // "Education Secretary Gillian Keegan".
    if let Some(pos) = head.iter().rposition(|&k| t[k].lex.is(TITLE)) {
        let rest = &head[pos + 1..];
        for &k in &head[..pos] {
            if is_acronym(w(k)) && !is_plain_acronym(w(k)) {
                out.push(mk(NameKind::Organisation, k, k, false));
            }
        }
        if !rest.is_empty() && rest.len() <= 4 && rest.iter().all(|&k| name_shaped(w(k))) {
            let first = rest[0];
            let last = *rest.last().unwrap_or(&first);
            let mut hit = mk(NameKind::Person, first, last, true);
            hit.acronym = None;
            hit.gender = head[..=pos].iter().rev().find_map(|&k| gender_of(w(k)));
            hit.glued_said = glued_said(text, t, last);
            if hit.glued_said {
                hit.end -= 4;
            }
            out.push(hit);
        }
        return;
    }
    // A wire dateline opening the paragraph: "LOS ANGELES (AP) —", "GENEVA (Reuters) -",
    // "CHHATRAPATI SAMBHAJINAGAR:". The place is no organisation; the agency in brackets
    // is a name of its own, found when the scan reaches it.
    if a < 4 && wire_dateline(t, text).is_some_and(|(place_end, _)| a < place_end) {
        return;
    }
    if a == 0 && words.len() >= 2 && words.iter().all(|&k| is_acronym(w(k))) && w(b) == ":" {
        return;
    }
    if words.len() == 1 {
        let word = w(words[0]);
        if is_acronym(word) {
            if !is_plain_acronym(word) {
                out.push(mk(NameKind::Organisation, a, a, false));
            }
        } else if name_shaped(word) {
            // "Osei, 19, who…": a surname the context marks as a person's.
            let aged = w(run_end) == ","
                && t.get(run_end + 1).is_some_and(|x| x.kind == Kind::Number && x.end - x.start <= 3)
                && w(run_end + 2) == ",";
            let kind = if aged { NameKind::Person } else { NameKind::Single };
            out.push(mk(kind, a, a, false));
        }
        return;
    }
    // Several capitalised words without a keyword or a title; particles inside a name
    // ("Ursula von der Leyen", "Électricité de France") count with them.
    let particles = words.iter().filter(|&&k| is_particle(w(k))).count();
    let shaped = |i: usize, k: usize| name_shaped(w(k)) || i > 0 && i + 1 < words.len() && is_particle(w(k));
    if words.len() <= 4 + particles.min(2) && words.iter().enumerate().all(|(i, &k)| shaped(i, k)) {
        let last = b - 1;
        let mut hit = mk(NameKind::Unknown, a, last, false);
        hit.glued_said = glued_said(text, t, last);
        if hit.glued_said {
            hit.end -= 4;
        }
        if person_cue(text, t, a, run_end) || hit.glued_said {
            hit.kind = NameKind::Person;
        } else if hit.acronym.is_some() || organisation_cue(text, t, run_end) {
            // People are not given acronyms.
            hit.kind = NameKind::Organisation;
        }
        out.push(hit);
    } else if words.iter().all(|&k| is_acronym(w(k))) {
        for &k in words {
            if !is_plain_acronym(w(k)) {
                out.push(mk(NameKind::Organisation, k, k, false));
            }
        }
    }
}

/// A name hit with the paragraph it stands in. Names are not copied out of the text:
/// most hits are single capitalised words that never become an entity.
#[derive(Debug, Clone)]
pub struct PlacedHit {
    pub section: u32,
    pub paragraph: u32,
    pub start: u32,
    pub end: u32,
    /// The acronym defined after the name ("(UNODC)"), as a range; empty when none.
    pub acronym: (u32, u32),
    pub kind: NameKind,
    pub titled: bool,
    pub gender: Option<Gender>,
}

impl PlacedHit {
    /// A name hit, stored compactly: a long book has a hundred thousand of them.
    pub fn new(section: usize, paragraph: usize, hit: NameHit) -> PlacedHit {
        let acronym = hit.acronym.map_or((0, 0), |(a, b)| (a as u32, b as u32));
        PlacedHit {
            section: section as u32,
            paragraph: paragraph as u32,
            start: hit.start as u32,
            end: hit.end as u32,
            acronym,
            kind: hit.kind,
            titled: hit.titled,
            gender: hit.gender,
        }
    }

    pub fn location(&self) -> Location {
        Location {
            section: self.section as usize,
            paragraph: self.paragraph as usize,
            start: self.start as usize,
            end: self.end as usize,
        }
    }
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
    fn titles_are_stripped_and_orgs_found() {
        assert_eq!(
            names("UN Secretary-General Antonio Guterres has called for increased efforts."),
            [(NameKind::Organisation, "UN"), (NameKind::Person, "Antonio Guterres")]
        );
        assert_eq!(names("according to Mr. Antonio Guterres."), [(NameKind::Person, "Antonio Guterres")]);
        assert_eq!(names("Education Secretary Gillian Keegan has said"), [(NameKind::Person, "Gillian Keegan")]);
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
        // A person of an organisation: two names.
        assert_eq!(
            names("The study was led by Anna Berg of Stockholm University."),
            [(NameKind::Unknown, "Anna Berg"), (NameKind::Organisation, "Stockholm University")]
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
            [(NameKind::Person, "Ursula von der Leyen"), (NameKind::Unknown, "Ana da Silva")]
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
            names("a report by the ILO and UNICEF warned"),
            [(NameKind::Organisation, "ILO"), (NameKind::Organisation, "UNICEF")]
        );
    }

    #[test]
    fn people_by_context() {
        assert_eq!(
            names("The head of UNODC’s anti-trafficking unit, Ilias Chatzis, said that"),
            [(NameKind::Organisation, "UNODC"), (NameKind::Person, "Ilias Chatzis")]
        );
        assert_eq!(
            names("“Yes,” said Guy Ryder, the ILO's director-general."),
            [(NameKind::Person, "Guy Ryder"), (NameKind::Organisation, "ILO")]
        );
        assert_eq!(
            names("Meanwhile, UNODC Executive Director Ghada Walysaid, “this"),
            [(NameKind::Organisation, "UNODC"), (NameKind::Person, "Ghada Waly")]
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

//! Photo credits in a page's captions and alt texts, in the languages folio reads: "Foto:
//! Sascha Klahn", "(REUTERS/Denis Balibouse)", "© aremac / Clipdealer", "Bild: TebNad/
//! Shutterstock.com". A credit names who took or sells the picture: page furniture, not
//! the caption's words.

use crate::article::structure::chrome;
use crate::article::structure::lists::{CREDIT_WORDS, PICTURE_AGENCIES};

/// A credit is at most this many words after its word ("Foto: Marco Verch/cc by sa 2.0").
const MAX_CREDIT_WORDS: usize = 8;
/// And stands in the caption's last bytes.
const CREDIT_TAIL: usize = 120;

/// A caption or an alt text without the credits at its end (all of it when it is only a
/// credit).
pub fn without_credit(caption: &str) -> &str {
    let mut t = chrome::without_credit(caption);
    // A caption may end with two: "… (Foto: dpa) © Clipdealer".
    for _ in 0..3 {
        let cut = trailing_parenthetical(t).or_else(|| trailing_credit(t));
        match cut {
            Some(at) => t = t[..at].trim_end_matches(|c: char| c.is_whitespace() || "|/-–—,:".contains(c)),
            None => break,
        }
    }
    t
}

/// Where a credit in brackets at the end starts: "(Foto: ABr)", "(REUTERS/Denis Balibouse)".
fn trailing_parenthetical(t: &str) -> Option<usize> {
    let inner_end = t.trim_end().strip_suffix(')')?;
    let open = inner_end.rfind('(')?;
    let inner = &inner_end[open + 1..];
    let credit = starts_with_credit_word(inner).is_some() || names_an_agency(inner);
    (credit && inner.split_whitespace().count() <= MAX_CREDIT_WORDS).then_some(open)
}

/// Where a credit word in the caption's last bytes starts, when a short credit follows it
/// (or nothing: "Praca w magazynie / Źródło:").
fn trailing_credit(t: &str) -> Option<usize> {
    let from = t.ceil_char_boundary(t.len().saturating_sub(CREDIT_TAIL));
    let lowered: Vec<(usize, char)> = t[from..].char_indices().map(|(i, c)| (from + i, c)).collect();
    // Each place a word starts, from the end: the first that opens a short credit.
    lowered.iter().rev().find_map(|&(at, c)| {
        let word_start = at == 0 || t[..at].ends_with(|p: char| p.is_whitespace() || "(|/.,".contains(p));
        if !word_start || !(c.is_alphabetic() || c == '©') {
            return None;
        }
        let len = starts_with_credit_word(&t[at..])?;
        let credit = t[at + len..].trim();
        let short = credit.split_whitespace().count() <= MAX_CREDIT_WORDS && !credit.ends_with(['.', '!', '?']);
        short.then_some(at)
    })
}

/// The length of the credit word `s` opens with ("Foto:", "Źródło:", "©"), if any.
fn starts_with_credit_word(s: &str) -> Option<usize> {
    let s = s.trim_start();
    CREDIT_WORDS.iter().find_map(|w| {
        let end = s.char_indices().nth(w.chars().count()).map_or(s.len(), |(i, _)| i);
        (s[..end].to_lowercase() == *w).then_some(end)
    })
}

/// Whether a bracketed part names a picture agency or a photographer's agency line
/// ("REUTERS/Denis Balibouse", "Getty Images").
fn names_an_agency(inner: &str) -> bool {
    let lowered = inner.to_lowercase();
    let words: Vec<&str> = lowered.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    PICTURE_AGENCIES.iter().any(|a| if a.contains(' ') { lowered.contains(a) } else { words.contains(a) })
}

#[cfg(test)]
mod tests {
    use super::without_credit;

    #[test]
    fn credits_in_many_languages_are_cut() {
        for (caption, kept) in [
            ("Foto: Sascha Klahn", ""),
            ("Erdölpumpen im Abendrot. Bild: TebNad/Shutterstock.com", "Erdölpumpen im Abendrot."),
            ("Stau © aremac / Clipdealer", "Stau"),
            ("Dmitry Muratov, periodista ruso (REUTERS/Denis Balibouse)", "Dmitry Muratov, periodista ruso"),
            ("Praca w magazynie, zdjęcie ilustracyjne / Źródło:", "Praca w magazynie, zdjęcie ilustracyjne"),
            (
                "In Gottesdiensten gilt FFP2-Maskenpflicht. Foto: ccnull/Marco Verch/cc by sa 2.0",
                "In Gottesdiensten gilt FFP2-Maskenpflicht.",
            ),
            ("Roman Prymula, photo: Archives du Gouvernement tchèque", "Roman Prymula"),
            ("(Foto: ABr)", ""),
            ("Neue Seminare starten im März. (Quelle: Hume/Unsplash/DJV)", "Neue Seminare starten im März."),
        ] {
            assert_eq!(without_credit(caption), kept, "{caption}");
        }
        for caption in [
            "The bridge at dawn, before the storm (see below)",
            "Sourcing fresh fish at the harbour",
            "A photo of the team in 1998, when the club won the league.",
        ] {
            assert_eq!(without_credit(caption), caption);
        }
    }
}

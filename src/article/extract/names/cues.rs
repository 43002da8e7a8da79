//! What marks a run of capitalised words as a person: an honorific or a title before it,
//! an age or post-nominal after it ("Jane Doe, 58,"; "John Smith KC"), a speech verb
//! glued to it, a role noun in apposition. `names` finds the runs; this says who they are.

use crate::article::extract::names::words::is_org_keyword;
use crate::article::text::lexicon::{AUXILIARY, Lex, ROLE, SPEECH, TELL, TITLE, TITLE_QUALIFIER, is_title_word};
use crate::article::text::tokens::{Kind, Token};

pub(super) fn is_place_adjective(w: &str) -> bool {
    w.rsplit_once('-').is_some_and(|(_, tail)| {
        matches!(
            tail,
            "based"
                | "listed"
                | "born"
                | "led"
                | "owned"
                | "backed"
                | "funded"
                | "headquartered"
                | "registered"
                | "made"
                | "run"
                | "style"
                | "bound"
        )
    })
}

/// "41-year-old", "two-year-old": an age, so a person.
pub(super) fn is_age(w: &str) -> bool {
    matches!(w, "year-old" | "years-old") || w.ends_with("-year-old") || w.ends_with("-years-old")
}

/// "Walysaid," — a name with "said" glued on by a missing space, before a quotation.
pub(super) fn glued_said(text: &str, t: &[Token], k: usize) -> bool {
    let word = t[k].text(text);
    let Some(stem) = word.strip_suffix("said") else {
        return false;
    };
    stem.chars().count() >= 3
        && stem.chars().last().is_some_and(char::is_lowercase)
        && t.get(k + 1).is_some_and(|n| matches!(n.text(text), "," | ":"))
        && t.get(k + 2).is_some_and(|n| matches!(n.text(text), "“" | "\"" | "‘" | "«"))
}

/// Context that marks a run of capitalised words as a person: a speech verb after it
/// (perhaps after an appositive), a speech verb before it, or an appositive with a role
/// word ("Mara Okonkwo, the WHO's regional director").
/// Context that marks a run of capitalised words as an organisation: it speaks of itself
/// as "it" ("Southern California Edison said it had cut power").
pub(super) fn organisation_cue(text: &str, t: &[Token], b: usize) -> bool {
    speech_verb_at(text, t, b).is_some_and(|k| matches!(t.get(k + 1).map(|x| x.text(text)), Some("it" | "its")))
}

/// The speech verb right after a name ending before token `b`, auxiliaries skipped
/// ("X said", "X has also said"); "according" is no verb of the name's.
fn speech_verb_at(text: &str, t: &[Token], b: usize) -> Option<usize> {
    let k = b + t.get(b..)?.iter().take_while(|x| x.lex.is(AUXILIARY)).count();
    t.get(k).filter(|x| x.lex.is(SPEECH) && x.text(text) != "according").map(|_| k)
}

pub(super) fn person_cue(text: &str, t: &[Token], a: usize, b: usize) -> bool {
    let w = |k: usize| t.get(k).map_or("", |x| x.text(text));
    let lx = |k: usize| t.get(k).map_or(Lex::default(), |x| x.lex);
    // "the Ohio Republican said": a name does not take "the"; a description does.
    if a > 0 && w(a - 1).eq_ignore_ascii_case("the") {
        return false;
    }
    // "Rovers boss Neil Ashworth", "union leader Jane Doe": a role in lowercase before it;
    // "52-year-old Rameshwar Jadhav": an age.
    if a > 0 && (t[a - 1].lex.is(TITLE) && w(a - 1).starts_with(char::is_lowercase) || is_age(w(a - 1))) {
        return true;
    }
    // "Daniel Asante, 44,": an age after the name; "Marta Kowalczyk, a 41-year-old
    // architect": an age in an appositive.
    if w(b) == "," {
        if t.get(b + 1).is_some_and(|x| x.kind == Kind::Number && x.end - x.start <= 3) && w(b + 2) == "," {
            return true;
        }
        if (b + 1..(b + 6).min(t.len())).any(|k| is_age(w(k))) {
            return true;
        }
    }
    // "X said", "X has also said"; but "Southern California Edison said it had cut power"
    // is an organisation.
    if speech_verb_at(text, t, b).is_some() {
        return !organisation_cue(text, t, b);
    }
    if w(b) == "," && lx(b + 1).is(SPEECH) && w(b + 1) != "according" {
        return true;
    }
    // "said X"; but "told X" names who was spoken to.
    if a > 0 && lx(a - 1).is(SPEECH) && !lx(a - 1).is(TELL) && w(a - 1) != "according" {
        return true;
    }
    if a > 1 && w(a - 1) == "to" && w(a - 2) == "according" {
        return true;
    }
    // "X, the WHO's regional director," / "X, RCN general secretary, said"
    if w(b) == "," {
        for k in b + 1..(b + 9).min(t.len()) {
            let s = w(k);
            if matches!(s, "." | ";" | "“" | "”" | "\"") {
                break;
            }
            if is_title_word(s) && !is_org_keyword(s) && !lx(k).is(TITLE_QUALIFIER) {
                return true;
            }
            if s == "," && lx(k + 1).is(SPEECH) {
                return true;
            }
        }
    }
    // "The head of X, Ilias Chatzis, said": a role before the comma.
    if a > 0 && w(a - 1) == "," && (a.saturating_sub(12)..a - 1).any(|k| lx(k).is(ROLE)) {
        return true;
    }
    false
}

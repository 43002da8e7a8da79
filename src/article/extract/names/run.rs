//! One run of capitalised words, decided: an organisation (a keyword heads it), a
//! person (a title stands before the name, or the words around it say so), a person of
//! an organisation ("Anna Berg of Stockholm University"), a lone surname, acronyms, or
//! nothing (a wire dateline's place, an event's name).

use super::cues::{glued_said, is_place_adjective, organisation_cue, person_cue};
use super::hit::{NameHit, NameKind};
use super::orgs::person_of_organisation;
use super::words::{
    acronym_after, base_letter, gender_of, is_particle, is_plain_acronym, is_plural_org_keyword, is_post_nominal,
    name_shaped,
};
use crate::article::text::lexicon::{
    AUXILIARY, CONNECTOR, DOCUMENT, FUNCTION, OPENER, ORG_KEYWORD, OTHER_KEYWORD, TELL, TITLE, TITLE_QUALIFIER, WEEKDAY,
};
use crate::article::text::lexicon::{GIVEN_FEMALE, GIVEN_MALE, is_honorific};
use crate::article::text::shape::wire_dateline;
use crate::article::text::tokens::{Kind, Token, is_acronym, strip_possessive};

pub(super) fn classify_run(text: &str, t: &[Token], a: usize, b: usize, starts: &[usize], out: &mut Vec<NameHit>) {
    let Some(run) = Run::new(text, t, a, b, starts) else { return };
    let (w, words, head) = (|k: usize| run.word(k), run.words(), run.head());
    let Some(&head_last) = head.last() else { return };
    // "School strikes will…": a lone keyword opening a sentence is a common noun.
    let lone_opener = words.len() == 1 && !is_acronym(w(words[0])) && at_sentence_start(t, text, run.a, starts);
    // "Acknowledging that Trump …", "Asking the board …": a participle opening the
    // sentence before a function word is no one ("Manning said", "Harding was", "Browning,
    // who …" are).
    if lone_opener
        && w(words[0]).len() >= 6
        && w(words[0]).ends_with("ing")
        && t.get(run.b)
            .is_some_and(|x| x.lex.is(FUNCTION) && !x.lex.is(AUXILIARY) && x.text(text).starts_with(char::is_lowercase))
    {
        return;
    }
    // "Stallholder Jana Petrova has traded…": a capitalised word opening the sentence
    // before a given name and a surname is what the person is, not part of their name.
    let role_opener = words.len() >= 3
        && at_sentence_start(t, text, run.a, starts)
        && !t[words[0]].lex.is(GIVEN_FEMALE | GIVEN_MALE | TITLE | ORG_KEYWORD | OTHER_KEYWORD)
        && !is_honorific(w(words[0]))
        && !is_acronym(w(words[0]))
        && t[words[1]].lex.is(GIVEN_FEMALE | GIVEN_MALE);
    if role_opener {
        classify_run(text, t, words[1], run.b, starts, out);
        return;
    }
    // "White House Press Secretary Stephanie Grisham": a title after the organisation's
    // words, and a name after it, is a person of that organisation.
    let title_then_name = head.iter().rposition(|&k| t[k].lex.is(TITLE)).is_some_and(|p| {
        let rest = &head[p + 1..];
        (1..=4).contains(&rest.len())
            && rest.iter().all(|&k| name_shaped(w(k)) && !t[k].lex.is(ORG_KEYWORD | OTHER_KEYWORD))
            && head[..p].iter().any(|&k| run.org_word(k))
    });
    if title_then_name && let Some(pos) = head.iter().rposition(|&k| t[k].lex.is(TITLE)) {
        titled_person(&run, pos, out);
        return;
    }
    // "the Kellner Memo", "UN Convention on Cybercrime": an event's, a document's or a
    // place's name.
    let other = t[head_last].lex.is(OTHER_KEYWORD)
        || t[head_last].lex.is(DOCUMENT) && !t[head_last].lex.is(ORG_KEYWORD) && !lone_opener;
    if head.iter().any(|&k| run.org_word(k)) && !other && !lone_opener {
        out.push(run.hit(NameKind::Organisation, run.a, run.b - 1, false));
        return;
    }
    // "told The Daily Ledger", "told The Atlantic": a name that opens on "The" inside a
    // sentence is a newspaper's, a band's or a work's, never a person's; told something,
    // it is the newspaper.
    if run.definite {
        if run.told && !other {
            out.push(run.hit(NameKind::Organisation, run.a, run.b - 1, false));
        }
        return;
    }
    // "Anna Berg of Stockholm University", "Prof Jean-Michel Claverie of Aix-Marseille
    // University": a person of an organisation is two names.
    if let Some(split) = person_of_organisation(text, t, words, run.head_end) {
        classify_run(text, t, run.a, split.0, starts, out);
        classify_run(text, t, split.1, run.b, starts, out);
        return;
    }
    if other {
        // "UN Convention on Cybercrime": the convention is not an organisation, but a
        // leading acronym is still a mention of one.
        if head.len() > 1 && is_acronym(w(head[0])) && !is_plain_acronym(w(head[0])) {
            out.push(run.hit(NameKind::Organisation, head[0], head[0], false));
        }
        return;
    }
    // "First Amendment", "Former Yugoslavia": a word that only qualifies a title
    // ("First Minister", "Former President") is no title on its own.
    let qualifier = |k: usize| t[k].lex.is(TITLE_QUALIFIER);
    if let Some(pos) = head.iter().rposition(|&k| t[k].lex.is(TITLE)).filter(|&p| !qualifier(head[p])) {
        titled_person(&run, pos, out);
        return;
    }
    if opens_on_a_dateline(&run) {
        return;
    }
    if words.len() == 1 {
        single_word(&run, out);
    } else {
        several_words(&run, out);
    }
}

/// A run of capitalised words, trimmed to what may be a name, with its word tokens.
struct Run<'a> {
    text: &'a str,
    t: &'a [Token],
    /// The name's tokens, `a..b`; `run_end` where the run of capitals ended (letters
    /// after a name such as "KC" are trimmed off `b`).
    a: usize,
    b: usize,
    run_end: usize,
    /// The word tokens in `a..b`, without allocating: a name has few words.
    buf: [usize; 24],
    n: usize,
    /// The head: the words before the first "of/on/for/against/in" connector.
    head_end: usize,
    acronym: Option<(usize, usize)>,
    /// The run opened on "The" inside a sentence ("told The Daily Ledger"); `a` is past it.
    definite: bool,
    /// A verb of telling stands before the run: what it names was spoken to.
    told: bool,
}

impl<'a> Run<'a> {
    fn new(text: &'a str, t: &'a [Token], mut a: usize, mut b: usize, starts: &[usize]) -> Option<Run<'a>> {
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
        // "Thursday Acme said", "told Reuters Thursday": a weekday is no part of a name.
        while a < b && t[a].lex.is(WEEKDAY) {
            a += 1;
        }
        while b > a && t[b - 1].lex.is(WEEKDAY) {
            b -= 1;
        }
        let told = a > 0 && t[a - 1].lex.is(TELL);
        let definite = a + 1 < b && t[a].text(text) == "The";
        if definite {
            a += 1;
        }
        if a >= b {
            return None;
        }
        let mut buf = [0usize; 24];
        let mut n = 0;
        for (k, tok) in t.iter().enumerate().take(b).skip(a) {
            if tok.kind == Kind::Word && n < buf.len() {
                buf[n] = k;
                n += 1;
            }
        }
        let word = |k: usize| t.get(k).map_or("", |x| x.text(text));
        let head_end =
            buf[..n].iter().position(|&k| matches!(word(k), "of" | "on" | "for" | "against" | "in")).unwrap_or(n);
        // An acronym spells its name from the name's first letter: "Rail Delivery Group
        // (RDG)", but not "LOS ANGELES (AP)", whatever the accents: "Électricité de France (EDF)".
        let acronym =
            acronym_after(text, t, b).filter(|&(s, _)| base_letter(&text[s..]) == base_letter(t[a].text(text)));
        Some(Run { text, t, a, b, run_end, buf, n, head_end, acronym, definite, told })
    }

    /// An initial inside a name: "W" of "George W. Bush", "R" of "R. Paulina Ostrowska".
    fn initial(&self, k: usize) -> bool {
        let w = self.word(k);
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_none()
            && self.t.get(k + 1).is_some_and(|x| x.text(self.text) == "." && x.start == self.t[k].end)
    }

    /// A word that makes the name an organisation's: "Council", "Councils".
    fn org_word(&self, k: usize) -> bool {
        self.t[k].lex.is(ORG_KEYWORD) || is_plural_org_keyword(self.word(k))
    }

    fn word(&self, k: usize) -> &'a str {
        self.t.get(k).map_or("", |x| x.text(self.text))
    }

    fn words(&self) -> &[usize] {
        &self.buf[..self.n]
    }

    fn head(&self) -> &[usize] {
        &self.buf[..self.head_end]
    }

    /// A name from token `s` to token `e`, its possessive cut off.
    fn hit(&self, kind: NameKind, s: usize, e: usize, titled: bool) -> NameHit {
        NameHit {
            kind,
            start: self.t[s].start,
            end: self.t[e].start + strip_possessive(self.word(e)).len(),
            acronym: self.acronym,
            titled,
            glued_said: false,
            gender: None,
        }
    }

    /// An acronym that names an organisation (not "GDP" or "CEO") at token `k`.
    fn organisation_acronym(&self, k: usize) -> Option<NameHit> {
        (is_acronym(self.word(k)) && !is_plain_acronym(self.word(k)))
            .then(|| self.hit(NameKind::Organisation, k, k, false))
    }
}

/// Titles: "UN Secretary-General Antonio Guterres", "Mr. Antonio Guterres", "Education
/// Secretary Gillian Keegan". The words after the last title are the person; acronyms
/// before it are organisations.
fn titled_person(run: &Run, pos: usize, out: &mut Vec<NameHit>) {
    let head = run.head();
    let rest = &head[pos + 1..];
    out.extend(head[..pos].iter().filter_map(|&k| run.organisation_acronym(k)));
    let shaped = |i: usize, k: usize| name_shaped(run.word(k)) || i + 1 < rest.len() && run.initial(k);
    if rest.is_empty() || rest.len() > 4 || !rest.iter().enumerate().all(|(i, &k)| shaped(i, k)) {
        return;
    }
    let first = rest[0];
    let last = *rest.last().unwrap_or(&first);
    let mut hit = run.hit(NameKind::Person, first, last, true);
    hit.acronym = None;
    hit.gender = head[..=pos].iter().rev().find_map(|&k| gender_of(run.word(k)));
    hit.glued_said = glued_said(run.text, run.t, last);
    if hit.glued_said {
        hit.end -= 4;
    }
    out.push(hit);
}

/// A wire dateline opening the paragraph: "LOS ANGELES (AP) —", "GENEVA (Reuters) -",
/// "CHHATRAPATI SAMBHAJINAGAR:". The place is no organisation; the agency in brackets
/// is a name of its own, found when the scan reaches it.
fn opens_on_a_dateline(run: &Run) -> bool {
    let (t, text) = (run.t, run.text);
    let words = run.words();
    run.a < 4 && wire_dateline(t, text).is_some_and(|(place_end, _)| run.a < place_end)
        || run.a == 0 && words.len() >= 2 && words.iter().all(|&k| is_acronym(run.word(k))) && run.word(run.b) == ":"
}

/// One word: an acronym that names an organisation, or a capitalised word (a person's
/// surname when the context says so: "Osei, 19, who…").
fn single_word(run: &Run, out: &mut Vec<NameHit>) {
    let (a, word) = (run.a, run.word(run.words()[0]));
    if is_acronym(word) {
        out.extend(run.organisation_acronym(a));
    } else if name_shaped(word) {
        let aged = run.word(run.run_end) == ","
            && run.t.get(run.run_end + 1).is_some_and(|x| x.kind == Kind::Number && x.end - x.start <= 3)
            && run.word(run.run_end + 2) == ",";
        out.push(run.hit(if aged { NameKind::Person } else { NameKind::Single }, a, a, false));
    }
}

/// Several capitalised words without a keyword or a title: a name whose kind the words
/// around it tell (particles inside it, "Ursula von der Leyen", "Électricité de France",
/// count with it); or a run of acronyms, each an organisation.
fn several_words(run: &Run, out: &mut Vec<NameHit>) {
    let words = run.words();
    let particles = words.iter().filter(|&&k| is_particle(run.word(k))).count();
    let shaped = |i: usize, k: usize| {
        name_shaped(run.word(k)) || i + 1 < words.len() && (i > 0 && is_particle(run.word(k)) || run.initial(k))
    };
    if words.len() <= 4 + particles.min(2) && words.iter().enumerate().all(|(i, &k)| shaped(i, k)) {
        let last = run.b - 1;
        let mut hit = run.hit(NameKind::Unknown, run.a, last, false);
        hit.glued_said = glued_said(run.text, run.t, last);
        if hit.glued_said {
            hit.end -= 4;
        }
        // "Fiona Parry issued a plea": a given name first makes a person with no other cue.
        let first = words.iter().copied().find(|&k| !run.initial(k)).unwrap_or(words[0]);
        let given = run.t[first].lex;
        let given_name = given.is(GIVEN_FEMALE | GIVEN_MALE) && words.len() >= 2;
        if given_name && hit.gender.is_none() {
            hit.gender = match (given.is(GIVEN_FEMALE), given.is(GIVEN_MALE)) {
                (true, false) => Some(super::Gender::Female),
                (false, true) => Some(super::Gender::Male),
                _ => None,
            };
        }
        if person_cue(run.text, run.t, run.a, run.run_end) || hit.glued_said || given_name && hit.acronym.is_none() {
            hit.kind = NameKind::Person;
        } else if hit.acronym.is_some() || organisation_cue(run.text, run.t, run.run_end) {
            // People are not given acronyms.
            hit.kind = NameKind::Organisation;
        }
        out.push(hit);
    } else if words.iter().all(|&k| is_acronym(run.word(k))) {
        out.extend(words.iter().filter_map(|&k| run.organisation_acronym(k)));
    }
}

/// Sentence-start words that are capitalised only because they open the sentence.
fn is_opener_token(t: &Token, text: &str) -> bool {
    let w = t.text(text);
    t.lex.is(FUNCTION | OPENER) || w.ends_with("ly") && w.len() > 4
}

pub(super) fn at_sentence_start(t: &[Token], text: &str, k: usize, sentence_starts: &[usize]) -> bool {
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

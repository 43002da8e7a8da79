//! Who a quotation's own sentence says spoke it: "X said", "said X", "according to X",
//! "X, head of Y, told Z", "the report said". Names come out as written, titles stripped;
//! `speakers` resolves pronouns and surnames against the whole article.

use crate::article::extract::names::{NameKind, find_names};
use crate::article::text::lexicon::{
    ABBREVIATED_TITLE, AUXILIARY, DOCUMENT, FUNCTION, OPENER, has, has_lowercase, is_function_word, is_honorific,
    is_pronoun_subject, is_speech_verb, is_title_word,
};
use crate::article::text::tokens::{Kind, Token, low};

/// Who the text says spoke, as written; resolved later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// A name as written, titles stripped: "Antonio Guterres", "Courtney".
    Name(String),
    /// A one-word name after an honorific or alone: "Mr Courtney" gives "Courtney".
    Surname(String),
    Pronoun(String),
    /// A description: "the report", "JCQ spokesperson".
    Phrase(String),
    /// A speech verb with no subject (“A,” said “B”): the speaker of the quote before.
    Previous,
    Nobody,
}

/// A speech verb among the last four tokens before the quotation: "said “no”",
/// "described it as “…”", "called it “…”".
pub(super) fn verb_right_before(text: &str, t: &[Token]) -> bool {
    t.iter().rev().take(4).any(|x| is_speech_verb(x.text(text)) && x.text(text) != "according")
}

/// Whether token `k` is a full stop that ends the clause, not the dot of an honorific or
/// an initial ("Mr. Okafor said", "said Patrick W. Carlineo").
fn full_stop(text: &str, t: &[Token], k: usize) -> bool {
    if t[k].text(text) != "." {
        return false;
    }
    let Some(prev) = k.checked_sub(1).map(|p| t[p]) else { return true };
    let w = prev.text(text);
    let abbreviation = prev.end == t[k].start
        && (is_honorific(w)
            || has_lowercase(low(w).as_str(), ABBREVIATED_TITLE)
            || w.chars().count() == 1 && w.starts_with(char::is_uppercase));
    // "Washington, D.C., said": a dot before a comma or a lowercase word ends nothing.
    let goes_on = t.get(k + 1).is_some_and(|n| {
        let w = n.text(text);
        w == "," || w.starts_with(char::is_lowercase)
    });
    // An abbreviation's dot still ends the clause when nothing follows it.
    !goes_on && (!abbreviation || k + 1 == t.len())
}

/// Attribution after the closing mark: `, she said`, `, said Guy Ryder, the …`,
/// `, the report said`, `— Jane Doe`.
pub(super) fn attribution_after(text: &str, t: &[Token]) -> Option<Said> {
    let mut k = 0;
    while t.get(k).is_some_and(|x| matches!(x.text(text), "," | "—" | "–" | "-")) {
        k += 1;
    }
    let dash = k > 0 && matches!(t[k - 1].text(text), "—" | "–" | "-");
    // "«…», a ajouté Laurent Fabius", "“…”, ha detto Rossi": the auxiliary of an
    // inverted verb.
    if t.get(k).is_some_and(|x| matches!(x.text(text), "a" | "ha" | "hat" | "há"))
        && t.get(k + 1).is_some_and(|x| is_speech_verb(x.text(text)))
    {
        k += 1;
    }
    let first = t.get(k)?;
    let fw = first.text(text);
    if dash && fw.starts_with(char::is_uppercase) {
        let end = (k..t.len())
            .find(|&j| matches!(t[j].text(text), "," | ";" | "(") || full_stop(text, t, j))
            .unwrap_or(t.len());
        return Some(subject(text, &t[k..end]));
    }
    if is_speech_verb(fw) {
        let mut s = k + 1;
        if fw == "according" {
            if t.get(s).map(|x| x.text(text)) != Some("to") {
                return Some(Said::Nobody);
            }
            s += 1;
        }
        let end = (s..t.len())
            .find(|&j| {
                let x = t[j];
                matches!(x.text(text), "," | ";" | ":" | "“" | "\"" | "(" | "that")
                    || x.kind == Kind::Punct && x.text(text) == "—"
                    || full_stop(text, t, j)
            })
            .unwrap_or(t.len());
        if end == s {
            return Some(Said::Previous);
        }
        return Some(subject_after_verb(text, &t[s..end]));
    }
    // "… the offer, according to a statement from the company."
    if let Some(said) = t.windows(2).position(|w| is_according_to(text, w)).and_then(|a| according_to(text, t, a)) {
        return Some(said);
    }
    // Subject first: "she said", "the minister told reporters", "Mr Smith, the minister, said".
    // A long appositive may stand between the name and its verb: "John Williams, the
    // president of the Federal Reserve Bank of New York, said".
    for v in k..(k + 40).min(t.len()) {
        let w = t[v].text(text);
        if matches!(w, ";" | "“" | "”" | "\"" | ":") || full_stop(text, t, v) {
            break;
        }
        // "…,” the statement read: a document reads, a sign or a T-shirt does not speak.
        let document_reads =
            matches!(w, "read" | "reads") && v > k && has_lowercase(low(t[v - 1].text(text)).as_str(), DOCUMENT);
        if (is_speech_verb(w) && w != "according" || document_reads) && v > k {
            let mut e = v;
            while e > k && aux(t[e - 1].text(text)) {
                e -= 1;
            }
            // "… as “another measure” the legal footing … and said": a second verb of the
            // clause the quotation stands in, not an attribution.
            if e > k && matches!(low(t[e - 1].text(text)).as_str(), "and" | "but" | "or") {
                return None;
            }
            let said = subject(text, &t[k..e]);
            // Far from the quotation, only a name or a pronoun is trusted.
            if e - k > 12 && !matches!(said, Said::Name(_) | Said::Surname(_) | Said::Pronoun(_)) {
                return None;
            }
            return Some(said);
        }
    }
    None
}

fn is_according_to(text: &str, pair: &[Token]) -> bool {
    let w = pair[0].text(text);
    w.eq_ignore_ascii_case("according") && pair[1].text(text) == "to"
        // The same in one word: "selon X", "según X", "laut X", "podle X", "menurut X".
        || matches!(w, "selon" | "Selon" | "según" | "Según" | "laut" | "Laut" | "podle" | "Podle" | "menurut" | "Menurut")
            && (pair[1].text(text).starts_with(char::is_uppercase)
                // "según el informe", "selon le rapport", "laut der Studie"
                || matches!(pair[1].text(text), "el" | "la" | "los" | "las" | "le" | "les" | "der" | "die" | "den" | "dem"))
}

/// The subject after an inverted verb: "said Guy Ryder, the …", and in languages that
/// put words between ("píše na Twitteru Gary Lineker", "kroutí hlavou Lineker"), the
/// name the clause ends on.
fn subject_after_verb(text: &str, t: &[Token]) -> Said {
    let said = subject(text, t);
    if !matches!(said, Said::Phrase(_) | Said::Nobody) {
        return said;
    }
    let hits = find_names(text, t, &[]);
    match hits.last() {
        Some(h) if h.end == t.last().map_or(0, |x| x.end) => {
            let name = &text[h.start..h.end];
            match h.kind {
                NameKind::Single => Said::Surname(name.to_string()),
                _ => Said::Name(name.to_string()),
            }
        }
        _ => said,
    }
}

/// The speaker after "according to" at token `a`: up to the next punctuation.
fn according_to(text: &str, t: &[Token], a: usize) -> Option<Said> {
    let s = if t[a].text(text).eq_ignore_ascii_case("according") { a + 2 } else { a + 1 };
    let end =
        (s..t.len()).find(|&j| matches!(t[j].text(text), "," | ";" | ":") || full_stop(text, t, j)).unwrap_or(t.len());
    (end > s).then(|| subject(text, &t[s..end]))
}

/// Attribution before the opening mark: `X said: “…”`, `X, the head of Y, said that … “…”`,
/// `according to X, “…”`, `X: “…”`.
pub(super) fn attribution_before(text: &str, t: &[Token]) -> Option<Said> {
    if t.is_empty() {
        return None;
    }
    // "according to X"
    if let Some(said) = t.windows(2).rposition(|w| is_according_to(text, w)).and_then(|a| according_to(text, t, a)) {
        return Some(said);
    }
    // The last speech verb not inside a relative clause.
    let verb = (0..t.len()).rev().find(|&v| {
        let w = t[v].text(text);
        let glued = glued_said(text, t, v);
        (is_speech_verb(w) && w != "according" || glued)
            && !(v >= 1 && matches!(low(t[v - 1].text(text)).as_str(), "which" | "who" | "that"))
    });
    let Some(v) = verb else {
        // "Guterres: “…”"
        if t.len() >= 2 && t[t.len() - 1].text(text) == ":" {
            let name = subject(text, &t[..t.len() - 1]);
            if matches!(name, Said::Name(_) | Said::Surname(_)) {
                return Some(name);
            }
        }
        return None;
    };
    if glued_said(text, t, v) {
        return Some(subject_glued(text, &t[..=v]));
    }
    // "said X: “…”" — the subject after the verb; but after "told" or "asked" it is the
    // one spoken to ("told Newsweek: “…”").
    let after: Vec<Token> = t[v + 1..].to_vec();
    let addressed = matches!(low(t[v].text(text)).as_str(), "told" | "tells" | "telling" | "tell" | "asked" | "asks");
    if !addressed
        && !after.is_empty()
        && after.len() <= 8
        && matches!(after.last().map(|x| x.text(text)), Some(":" | ","))
    {
        let name = subject(text, &after[..after.len() - 1]);
        if matches!(name, Said::Name(_) | Said::Surname(_)) {
            return Some(name);
        }
    }
    let mut e = v;
    while e > 0 && aux(t[e - 1].text(text)) {
        e -= 1;
    }
    let participle = e == v && t[v].text(text).ends_with("ing");
    while e > 0 && t[e - 1].text(text) == "," {
        e -= 1;
    }
    if e == 0 {
        return Some(Said::Previous);
    }
    // "He urged Mr. Trump to act, saying “…”": the participle's subject is the clause's,
    // not the last name before it.
    // "the Electoral Commission issued a statement warning that “…”" too.
    if participle && let Some(found) = clause_subject(text, &t[..e]) {
        return Some(found);
    }
    // "She added that police had turned back cars and urged people to “…”": the verb after
    // "and" shares the subject of the clause before.
    if matches!(low(t[e - 1].text(text)).as_str(), "and" | "but" | "then")
        && e >= 2
        && let Some(found) = attribution_before(text, &t[..e - 1])
        && found != Said::Nobody
    {
        return Some(found);
    }
    Some(subject(text, &t[..e]))
}

/// The subject a clause opens with: a pronoun, or a name within its first words ("He
/// urged …", "The Food Standards Agency warned …", "Dr Amadi, the mayor, urged …").
pub(super) fn clause_subject(text: &str, t: &[Token]) -> Option<Said> {
    let mut first = t.iter().position(|x| x.kind == Kind::Word)?;
    // A fronted phrase is not the subject: "In a reflection of the confusion, the
    // Electoral Commission … issued".
    if t[first].lex.is(FUNCTION | OPENER)
        && !is_pronoun_subject(t[first].text(text))
        && let Some(comma) = t.iter().position(|x| x.text(text) == ",")
    {
        first = (comma + 1..t.len()).find(|&k| t[k].kind == Kind::Word)?;
    }
    let w = t[first].text(text);
    if is_pronoun_subject(w) {
        return Some(Said::Pronoun(low(w).as_str().to_string()));
    }
    // The words up to the clause's first lowercase word that is not a determiner or
    // title: its subject, if they name someone.
    let end = (first..t.len())
        .find(|&k| {
            let x = t[k];
            let w = x.text(text);
            x.kind == Kind::Word
                && w.starts_with(char::is_lowercase)
                && !matches!(w, "the" | "a" | "an" | "of" | "for" | "and" | "de" | "von" | "van")
                && !is_title_word(w)
        })
        .unwrap_or(t.len());
    let head = &t[..end];
    (head.iter().any(|x| x.kind == Kind::Word))
        .then(|| subject(text, head))
        .filter(|s| matches!(s, Said::Name(_) | Said::Surname(_)))
}

fn glued_said(text: &str, t: &[Token], k: usize) -> bool {
    let w = t[k].text(text);
    w.strip_suffix("said").is_some_and(|stem| {
        stem.chars().count() >= 3 && stem.starts_with(char::is_uppercase) && stem.ends_with(char::is_lowercase)
    }) && t.get(k + 1).is_some_and(|x| matches!(x.text(text), "," | ":"))
        && k + 2 >= t.len()
}

/// A subject ending in a name with "said" glued on: "… Ghada Walysaid".
fn subject_glued(text: &str, t: &[Token]) -> Said {
    let last = t[t.len() - 1];
    let mut owned: Vec<Token> = t.to_vec();
    if let Some(l) = owned.last_mut() {
        l.end = last.end - 4;
    }
    subject(text, &owned)
}

/// Who a subject phrase names. Chunks between commas are tried from the verb backwards:
/// a person's name wins ("The head of X, Ilias Chatzis,"), then a pronoun, a surname, an
/// organisation, and last a short description ("the report").
pub fn subject(text: &str, t: &[Token]) -> Said {
    if t.is_empty() {
        return Said::Previous;
    }
    // "and said …": the verb shares the subject of the clause before.
    if t.iter()
        .all(|x| x.kind != Kind::Word || matches!(low(x.text(text)).as_str(), "and" | "but" | "then" | "also" | "or"))
    {
        return Said::Previous;
    }
    // Relative clauses are not the subject: "The trust, which has 140 volunteers, said".
    let chunks: Vec<&[Token]> = t
        .split(|x| x.kind == Kind::Punct && matches!(x.text(text), "," | "(" | ")" | "—" | "–" | ":"))
        .filter(|c| !c.is_empty())
        .filter(|c| !matches!(low(c[0].text(text)).as_str(), "which" | "who" | "whose" | "whom" | "where"))
        .collect();
    if chunks.is_empty() {
        return Said::Previous;
    }
    // A pronoun right before the verb: "she said", "He said he had been told".
    if let Some(word) = chunks.last().and_then(|c| c.last()).map(|x| x.text(text)).filter(|w| is_pronoun_subject(w)) {
        return Said::Pronoun(low(word).as_str().to_string());
    }
    // A name with commas in it ends the subject: "The Department for Environment, Food and
    // Rural Affairs said".
    // Only a subject split by commas can hold one: the names are not looked for twice otherwise.
    let whole = if chunks.len() > 1 { find_names(text, t, &[t[0].start]) } else { Vec::new() };
    if let Some(h) = whole.last().filter(|h| text[h.start..h.end].contains(','))
        && t.iter().filter(|x| x.start >= h.end).all(|x| x.kind != Kind::Word || aux(x.text(text)))
    {
        return Said::Name(text[h.start..h.end].to_string());
    }
    // "Will Moy, chief executive of the fact-checking website Full Fact, told": a name
    // opening the subject is its head; what follows is an appositive.
    if chunks.len() > 1
        && let Some(said) = whole_name(text, chunks[0])
        && chunks[1].first().is_some_and(|x| x.text(text).starts_with(char::is_lowercase))
    {
        return said;
    }
    for chunk in chunks.iter().rev() {
        let starts = [chunk[0].start];
        let mut hits = find_names(text, chunk, &starts);
        // A name after "from", "of", "at" is where the speaker works, not who spoke: "said
        // chief inspector Jennifer Mattinson from the West Mercia police".
        let affiliation = |h: &crate::article::extract::names::NameHit| {
            let before: Vec<String> = chunk
                .iter()
                .filter(|x| x.end <= h.start && x.kind == Kind::Word)
                .map(|x| low(x.text(text)).as_str().to_string())
                .collect();
            let mut words = before.iter().rev().map(String::as_str);
            let w = match words.next() {
                Some("the") => words.next(),
                other => other,
            };
            matches!(w, Some("from" | "of" | "at" | "with" | "for" | "in"))
        };
        if hits.iter().any(|h| !affiliation(h)) {
            hits.retain(|h| !affiliation(h));
        }
        // "Swift's rep told Fox News": someone of the person named, not the person.
        let owner = |h: &crate::article::extract::names::NameHit| {
            let k = chunk.partition_point(|x| x.start < h.end);
            let name_token = chunk[..k].last().map_or("", |x| x.text(text));
            name_token.len() > h.end - chunk[k.saturating_sub(1)].start
                && chunk[k..].iter().any(|x| x.kind == Kind::Word)
        };
        if let Some(h) = hits.iter().rev().find(|h| owner(h)) {
            let from = chunk.partition_point(|x| x.start < h.start);
            return phrase(text, &chunk[from..]);
        }
        if let Some(h) = hits.iter().rev().find(|h| matches!(h.kind, NameKind::Person | NameKind::Unknown)) {
            let name = &text[h.start..h.end];
            // "the Ohio Republican said": a description with capitals, not a name.
            let k = chunk.partition_point(|x| x.start < h.start);
            if h.kind == NameKind::Unknown && k > 0 && chunk[k - 1].text(text).eq_ignore_ascii_case("the") {
                return Said::Phrase(format!("the {name}"));
            }
            if name.split_whitespace().count() == 1 {
                return Said::Surname(name.to_string());
            }
            return Said::Name(name.to_string());
        }
        // "Mr Smith" alone, or "Smith" alone; never a month ("a March 2019 study").
        let calendar = |h: &crate::article::extract::names::NameHit| {
            let l = crate::article::text::lexicon::lex(&text[h.start..h.end]);
            l.is(crate::article::text::lexicon::MONTH | crate::article::text::lexicon::WEEKDAY)
        };
        if let Some(h) = hits.iter().rev().find(|h| h.kind == NameKind::Single && !calendar(h)) {
            let only = chunk
                .iter()
                .filter(|x| x.kind == Kind::Word)
                .all(|x| x.start >= h.start || is_title_word(x.text(text)) || is_function_word(x.text(text)));
            if only {
                return Said::Surname(text[h.start..h.end].to_string());
            }
        }
    }
    let last = chunks.last().copied().unwrap_or(t);
    // An organisation alone: "UNODC said", "The United Nations said".
    let hits = find_names(text, last, &[last[0].start]);
    if let [h] = hits.as_slice() {
        let words_outside = last
            .iter()
            .filter(|x| x.kind == Kind::Word && (x.start < h.start || x.end > h.end) && !is_function_word(x.text(text)))
            .count();
        if h.kind == NameKind::Organisation && words_outside == 0 {
            return Said::Name(text[h.start..h.end].to_string());
        }
    }
    phrase(text, last)
}

/// The chunk as a person's name, when a name is all it holds but titles and roles:
/// "Will Moy", "Dr. Luz Contreras Arroyo", "study lead author Lucas Paganini".
fn whole_name(text: &str, chunk: &[Token]) -> Option<Said> {
    // No sentence starts here: "Will" of "Will Moy" is no opener to drop.
    let hits = find_names(text, chunk, &[]);
    let [h] = hits.as_slice() else { return None };
    if !matches!(h.kind, NameKind::Person | NameKind::Unknown) {
        return None;
    }
    // A role in lower case may stand before it ("study lead author Lucas Paganini"),
    // nothing after it.
    let outside = chunk.iter().any(|x| {
        let w = x.text(text);
        x.kind == Kind::Word
            && (x.end > h.end || x.start < h.start && !w.starts_with(char::is_lowercase))
            && !is_title_word(w)
    });
    let name = &text[h.start..h.end];
    (!outside && name.contains(' ')).then(|| Said::Name(name.to_string()))
}

/// A short description from the start of a chunk: "the report" from "The report
/// launched by …", "JCQ spokesperson" from "A JCQ spokesperson".
fn phrase(text: &str, t: &[Token]) -> Said {
    // "A note from Jefferies", "a statement by the ministry": the source behind it.
    let words: Vec<&Token> = t.iter().filter(|x| x.kind == Kind::Word).collect();
    if let Some(k) = words.iter().position(|x| matches!(low(x.text(text)).as_str(), "from" | "by")) {
        let document = (1..=3).contains(&k) && has_lowercase(low(words[k - 1].text(text)).as_str(), DOCUMENT);
        if document {
            let from = words[k + 1..]
                .first()
                .map_or(t.len(), |x| t.iter().position(|y| y.start == x.start).unwrap_or(t.len()));
            let hits = find_names(text, &t[from..], &[t.get(from).map_or(0, |x| x.start)]);
            if let Some(h) = hits.first() {
                return Said::Name(text[h.start..h.end].to_string());
            }
            // "a statement from the company": the source, described.
            if let Some(rest) = t.get(from..).filter(|r| !r.is_empty())
                && let Said::Phrase(p) = phrase(text, rest)
            {
                return Said::Phrase(p);
            }
        }
    }
    let mut words: Vec<&str> = Vec::new();
    for (k, x) in t.iter().enumerate() {
        let w = x.text(text);
        if x.kind == Kind::Punct {
            break;
        }
        let det = k == 0
            && matches!(
                low(w).as_str(),
                "the" | "a" | "an" | "this" | "its" | "his" | "her" | "their" | "our" | "my" | "your"
                    // "según el informe", "selon le rapport", "laut der Studie"
                    | "el" | "la" | "los" | "las" | "le" | "les" | "der" | "die" | "das" | "il" | "lo" | "o" | "os"
            );
        if !det && (is_function_word(w) || (k > 0 && (w.ends_with("ed") || w.ends_with("ing")))) {
            break;
        }
        words.push(w);
        if words.len() == 5 {
            break;
        }
    }
    match words.first().map(|w| low(w)) {
        Some(d) if matches!(d.as_str(), "a" | "an") => {
            words.remove(0);
        }
        Some(d) if d.as_str() == "the" => words[0] = "the",
        _ => {}
    }
    if words.is_empty() || words.len() == 1 && words[0] == "the" {
        return Said::Nobody;
    }
    Said::Phrase(words.join(" "))
}

fn aux(s: &str) -> bool {
    has(s, AUXILIARY)
}

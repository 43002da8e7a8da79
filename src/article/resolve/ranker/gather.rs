//! The first half of choosing a speaker: every candidate a quotation has of its own (the
//! people and bodies named around it, those its pronoun or description points back to,
//! the rules' answer, the clause's subject, the author for "I"), each described by where
//! and how it is named. Nothing here depends on another quotation's choice, so a long
//! article's quotations are gathered on several threads; the speakers of the quotations
//! before come in `choose`, one quotation after another.

use super::paragraph::{
    Para, Stance, indefinite, opens_sentence, para, role_near, sentence_of, shape, stance, verb_like, words_after,
    words_before,
};
use super::{Candidate, Features, NEAR_MENTIONS, RuleView, SpeakerFeature, WINDOW, subject};
use crate::article::extract::Reading;
use crate::article::extract::quotes::Said;
use crate::article::model::{Location, Quote};
use crate::article::resolve::descriptions::{Described, described};
use crate::article::resolve::entities::{Mention, Texts};
use crate::article::text::lexicon::{FUNCTION, SPEECH, lex};
use crate::article::text::script::{Script, script};
use crate::article::text::sentences::sentences;
use crate::article::text::tokens::tokenize;
use rustc_hash::FxHashMap as HashMap;

/// What the whole article gives every quotation's gathering, read only.
pub(super) struct Scene<'a> {
    pub quotes: &'a [Quote],
    pub views: &'a [RuleView<'a>],
    pub mentions: &'a [Mention<'a>],
    /// The first mention of each name, to describe a speaker named by the rules.
    pub by_name: &'a HashMap<&'a str, usize>,
    pub texts: &'a Texts<'a>,
    pub readings: &'a [Reading],
    /// The rules' speakers.
    pub rule: &'a [Option<String>],
    pub byline: Option<&'a str>,
}

impl Scene<'_> {
    /// A paragraph's place in reading order.
    pub fn order(&self, at: &Location) -> usize {
        self.texts.section_start.get(at.section).map_or(at.paragraph, |&s| s + at.paragraph)
    }
}

/// What one thread has read so far: each paragraph of the window read once (the
/// quotation's own and those its candidates stand in), so none is tokenized twice, and
/// each paragraph's writing system.
#[derive(Default)]
pub(super) struct Memo<'a> {
    cache: HashMap<usize, Para<'a>>,
    scripts: HashMap<usize, Script>,
    /// How each mention stands in its sentence, by its place in the article's mentions:
    /// a mention is looked at by every quotation near it.
    stances: HashMap<usize, Stance>,
    /// How each candidate's name reads.
    shapes: HashMap<String, Features>,
}

/// What speaks for nobody as the speaker, found with the candidates.
pub(super) struct Nobody {
    pub subject_pronoun: bool,
    pub short: bool,
    pub opens_paragraph: bool,
    pub no_speech_verb: bool,
    pub copula: bool,
    pub naming: bool,
}

/// A quotation's own candidates, by name.
pub(super) struct Gathered<'a> {
    pub cands: Vec<Candidate>,
    /// The quotation's writing system: a speaker is never carried across a change of script.
    pub script: Script,
    /// The pronoun its attribution (or its clause's subject) is.
    pub pronoun: Option<&'a str>,
    pub none: Nobody,
}

/// The candidate named `name`, added when new. A description the attribution ran on into
/// a verb keeps its words only. (A quotation has a few dozen candidates at most: a search
/// costs less than hashing their names.)
pub(super) fn add(cands: &mut Vec<Candidate>, name: &str, m: Option<&Mention>) -> usize {
    let name = if m.is_none_or(|m| !m.held) { subject::tidy(name) } else { name };
    let name = if name.is_empty() { "?" } else { name };
    if let Some(i) = cands.iter().position(|c| c.name == name) {
        return i;
    }
    cands.push(Candidate {
        name: name.to_string(),
        person: m.is_some_and(|m| m.person),
        registered: m.is_some_and(|m| m.held),
        count: m.map_or(1, |m| m.count),
        gender: m.and_then(|m| m.gender),
        f: Default::default(),
        nearest: (usize::MAX, usize::MAX),
    });
    cands.len() - 1
}

/// Quotation `qi`'s own candidates (`None` when its paragraph cannot be read: it keeps the
/// rules' speaker).
pub(super) fn gather<'a>(scene: &Scene<'a>, memo: &mut Memo<'a>, qi: usize) -> Option<Gathered<'a>> {
    let Scene { quotes, views, mentions, by_name, texts, readings, rule, byline } = *scene;
    let order = |at: &Location| scene.order(at);
    let Memo { cache, scripts, stances, shapes } = memo;
    let mut script_at = |at: &Location| -> Script {
        let k = order(at);
        *scripts.entry(k).or_insert_with(|| script(texts.text_at(at)))
    };
    let at = quotes[qi].at;
    let here = order(&at);
    let view = &views[qi];
    // Every paragraph of the window read once for the whole article (the quotation's
    // own and those its candidates stand in), so none is tokenized twice.
    cache.entry(here).or_insert_with(|| para(texts, readings, &at));
    let first = here.saturating_sub(WINDOW);
    let from = mentions.partition_point(|m| order(&m.at) < first);
    let to = mentions.partition_point(|m| order(&m.at) < here);
    for m in &mentions[from.max(to.saturating_sub(NEAR_MENTIONS))..to] {
        cache.entry(order(&m.at)).or_insert_with(|| para(texts, readings, &m.at));
    }
    let p = cache.get(&here)?;
    let sentence = sentence_of(&p.sentences, at.start);
    let mut sentence_end = sentence_of(&p.sentences, at.end.saturating_sub(1));
    // "“Perpetual motion!” Rep. Glenn Thompson said.": a quotation that ends its own
    // sentence is attributed in the next one.
    let closes_sentence = quotes[qi].text.trim_end().ends_with(['.', '!', '?']);
    if closes_sentence
        && p.sentences.get(sentence_end + 1).is_some_and(|n| n.start <= at.end + 4)
        && p.sentences.get(sentence_end).is_some_and(|s| s.end <= at.end + 4)
    {
        sentence_end += 1;
    }
    let in_sentence = |pos: usize| {
        let s = sentence_of(&p.sentences, pos);
        s >= sentence && s <= sentence_end
    };
    let sentence_start = p.sentences.get(sentence).map_or(0, |s| s.start);
    // The quotation's opening mark, at most a few bytes before its words.
    let open = p.text[..at.start].trim_end_matches(|c: char| !c.is_alphanumeric() && !c.is_whitespace()).len();
    let first_in_sentence = mentions
        .iter()
        .skip(mentions.partition_point(|m| order(&m.at) < here))
        .take_while(|m| order(&m.at) == here && m.at.start < at.start)
        .find(|m| m.at.start >= sentence_start)
        .map(|m| m.name);
    // The subject of the quotation's clause, when words stand before it in its sentence.
    let clause_subject = (p.english && open > sentence_start)
        .then(|| subject::subject(p.text, sentence_start, open))
        .flatten()
        .filter(|&(a, b)| b <= open && a < b);
    let subject_text = clause_subject.map(|(a, b)| &p.text[a..b]);
    let mut cands: Vec<Candidate> = Vec::new();
    // Mentions in the window: from WINDOW paragraphs back to the end of this one.
    let first = here.saturating_sub(WINDOW);
    let lo = mentions.partition_point(|m| order(&m.at) < first);
    let split = mentions.partition_point(|m| order(&m.at) < here || order(&m.at) == here && m.at.start < at.start);
    let hi = mentions.partition_point(|m| order(&m.at) <= here);
    let lo = lo.max(split.saturating_sub(NEAR_MENTIONS));
    let hi = hi.min(split + NEAR_MENTIONS);
    // Nearest first, so the nearest mention of each candidate describes it.
    let here_script = script_at(&at);
    let near: Vec<usize> =
        (lo..split).rev().chain(split..hi).filter(|&k| script_at(&mentions[k].at) == here_script).collect();
    for k in near {
        let m = &mentions[k];
        let back = here - order(&m.at);
        let i = add(&mut cands, m.name, Some(m));
        let c = &mut cands[i];
        let text = texts.text_at(&m.at);
        let inside = back == 0 && m.at.start >= at.start && m.at.end <= at.end;
        if inside {
            c.f.on(SpeakerFeature::InsideQuotation);
            continue;
        }
        let after = back == 0 && m.at.start >= at.end;
        let distance = if back == 0 { m.at.start.abs_diff(at.start) } else { usize::MAX - 1 };
        let first_look = c.nearest == (usize::MAX, usize::MAX);
        if (back, distance) < c.nearest {
            c.nearest = (back, distance);
        }
        let where_ = match back {
            0 if in_sentence(m.at.start) && !after => SpeakerFeature::SentenceBefore,
            0 if in_sentence(m.at.start) => SpeakerFeature::SentenceAfter,
            0 if after => SpeakerFeature::ParagraphAfter,
            0 => SpeakerFeature::ParagraphBefore,
            1 => SpeakerFeature::Back1,
            2 => SpeakerFeature::Back2,
            _ => SpeakerFeature::Back3,
        };
        if !c.f.0.iter().any(|&(f, _)| f == where_ as u16) {
            c.f.on(where_);
        }
        let st = *stances.entry(k).or_insert_with(|| stance(text, &m.at));
        let same_sentence = back == 0 && in_sentence(m.at.start);
        if st.speech_subject && !c.f.0.iter().any(|&(f, _)| f == SpeakerFeature::SpeechSubject as u16) {
            c.f.on(SpeakerFeature::SpeechSubject);
        }
        if st.speech_subject && same_sentence {
            c.f.on(SpeakerFeature::SpeechSubjectHere);
        }
        if st.speech_object && same_sentence {
            c.f.on(SpeakerFeature::SpeechObjectHere);
        } else if st.speech_object && first_look {
            c.f.on(SpeakerFeature::SpeechObject);
        }
        // "Okafor's assistant told reporters": the subject is someone of Okafor's.
        if let Some((a, b)) = clause_subject
            && back == 0
            && m.at.start >= a
            && m.at.end <= b
            && !st.possessive
        {
            c.f.on(SpeakerFeature::ClauseSubject);
        }
        if same_sentence && !after {
            let between = p.verbs.iter().any(|&v| v > m.at.end && v < at.start);
            c.f.set_if(between, SpeakerFeature::VerbBetween);
            let gap = p.text.get(m.at.end..open).unwrap_or("");
            let colon = gap.trim_end().ends_with(':') && gap.split_whitespace().count() <= 3;
            c.f.set_if(colon, SpeakerFeature::ColonAfter);
            c.f.set_if(first_in_sentence == Some(m.name), SpeakerFeature::FirstInSentence);
        }
        if first_look {
            c.f.set_if(
                words_after(text, m.at.end, 1).first().is_some_and(|w| verb_like(w)),
                SpeakerFeature::VerbLikeAfter,
            );
            let prep = words_before(text, m.at.start, 1).first().map(|w| w.to_lowercase()).unwrap_or_default();
            let prepositional = matches!(
                prep.as_str(),
                "in" | "on"
                    | "at"
                    | "to"
                    | "of"
                    | "from"
                    | "for"
                    | "with"
                    | "by"
                    | "about"
                    | "against"
                    | "over"
                    | "into"
            );
            c.f.set_if(prepositional, SpeakerFeature::Prepositional);
            // An earlier paragraph's sentences, split once for every quotation after
            // it (they were split for each candidate).
            let opens = match cache.get(&order(&m.at)) {
                Some(earlier) => opens_sentence(text, &earlier.sentences, &m.at),
                None => opens_sentence(text, &sentences(text, &tokenize(text)), &m.at),
            };
            c.f.set_if(opens, SpeakerFeature::OpensSentence);
            c.f.set_if(st.possessive, SpeakerFeature::Possessive);
            c.f.set_if(st.addressee, SpeakerFeature::Addressee);
            c.f.set_if(st.addressee && !m.person, SpeakerFeature::Outlet);
            c.f.set_if(st.affiliation, SpeakerFeature::Affiliation);
        }
    }
    // Pronouns: the people (or bodies) named last before where the pronoun stands.
    let said_at = Location { start: view.said_from.unwrap_or(at.start).min(at.start), end: at.start, ..at };
    let subject_pronoun = subject_text.filter(|s| subject::is_pronoun(s)).map(|s| match s {
        "I" => "i",
        "He" => "he",
        "She" => "she",
        "They" => "they",
        "We" => "we",
        "It" => "it",
        other => other,
    });
    let pronoun = match view.said {
        Said::Pronoun(p) => Some(p.as_str()),
        Said::Nobody => subject_pronoun,
        _ => None,
    };
    // "the senator said": a definite description of a person points back like "he".
    let described_person = match view.said {
        Said::Phrase(ph) => matches!(described(ph), Described::Person(_)).then_some(ph.as_str()),
        _ => None,
    };
    if let Some(ph) = described_person {
        let upto = mentions.partition_point(|m| m.at < said_at);
        let role = ph.split_whitespace().last().unwrap_or("").to_lowercase();
        let mut seen: Vec<&str> = Vec::new();
        for m in mentions[..upto].iter().rev().take(NEAR_MENTIONS * 4) {
            if !m.person || seen.contains(&m.name) || script_at(&m.at) != here_script {
                continue;
            }
            seen.push(m.name);
            let i = add(&mut cands, m.name, Some(m));
            if seen.len() <= 2 {
                cands[i].f.on(if seen.len() == 1 {
                    SpeakerFeature::DescribedRank1
                } else {
                    SpeakerFeature::DescribedRank2
                });
            }
            if role_near(texts.text_at(&m.at), &m.at, &role) {
                cands[i].f.on(SpeakerFeature::RoleNear);
            }
            if cands[i].nearest.0 == usize::MAX {
                cands[i].nearest = (WINDOW + seen.len(), 0);
            }
            if seen.len() >= 6 {
                break;
            }
        }
    }
    if let Some(pr) = pronoun {
        let upto = mentions.partition_point(|m| m.at < said_at);
        let want_person = matches!(pr, "he" | "she");
        let mut seen: Vec<&str> = Vec::new();
        for m in mentions[..upto].iter().rev().take(NEAR_MENTIONS * 4) {
            if m.person != want_person || seen.contains(&m.name) || script_at(&m.at) != here_script {
                continue;
            }
            seen.push(m.name);
            let i = add(&mut cands, m.name, Some(m));
            let f = match (want_person, seen.len()) {
                (true, 1) => SpeakerFeature::PersonRank1,
                (true, 2) => SpeakerFeature::PersonRank2,
                (true, _) => SpeakerFeature::PersonRank3,
                (false, _) => SpeakerFeature::BodyRank1,
            };
            cands[i].f.on(f);
            if cands[i].nearest.0 == usize::MAX {
                cands[i].nearest = (WINDOW + seen.len(), 0);
            }
            if seen.len() >= 3 || !want_person {
                break;
            }
        }
    }
    // The rules' answer, unless carried from a quotation in another script.
    // A speaker carried on from the quotations before: not across a change of script
    // (back to the quotation that named them, every one in between in this script).
    let carried = matches!(view.said, Said::Nobody | Said::Previous);
    let carried_across = carried && {
        let mut across = false;
        for k in (0..qi).rev() {
            if script_at(&quotes[k].at) != here_script {
                across = true;
                break;
            }
            if !matches!(views[k].said, Said::Nobody | Said::Previous) {
                break;
            }
        }
        across
    };
    if let Some(name) = rule[qi].as_ref().filter(|_| !carried_across) {
        let m = by_name.get(name.as_str()).map(|&i| &mentions[i]);
        let i = add(&mut cands, name, m);
        let f = match view.said {
            Said::Name(_) => SpeakerFeature::RuleName,
            Said::Surname(_) => SpeakerFeature::RuleSurname,
            Said::Pronoun(p) => match p.as_str() {
                "he" => SpeakerFeature::RuleHe,
                "she" => SpeakerFeature::RuleShe,
                "they" | "we" => SpeakerFeature::RulePlural,
                "it" => SpeakerFeature::RuleIt,
                _ => SpeakerFeature::RuleFirstPerson,
            },
            Said::Phrase(ph) => match described(ph) {
                Described::Person(_) => SpeakerFeature::RuleDescribedPerson,
                Described::Organisation { .. } => SpeakerFeature::RuleDescribedBody,
                Described::Other if indefinite(ph) => SpeakerFeature::RuleIndefinite,
                Described::Other => SpeakerFeature::RuleDescription,
            },
            Said::Previous => SpeakerFeature::RuleBareVerb,
            Said::Nobody => SpeakerFeature::RuleCarried,
        };
        cands[i].f.on(f);
        cands[i].f.set_if(view.said_from.is_some(), SpeakerFeature::RuleBefore);
        if cands[i].nearest.0 == usize::MAX {
            cands[i].nearest = (0, 0);
        }
    }
    // The attribution's own words, when they describe rather than name: "the
    // statement", "a spokeswoman", "critics". A person described ("the senator") is
    // someone named before, and stands for themselves only when nobody was found.
    if let Said::Phrase(ph) = view.said
        && rule[qi].as_deref() != Some(ph.as_str())
    {
        let f = match described(ph) {
            Described::Person(_) if rule[qi].is_some() => None,
            Described::Person(_) => Some(SpeakerFeature::PhrasePerson),
            Described::Organisation { .. } => Some(SpeakerFeature::PhraseBody),
            Described::Other if indefinite(ph) => Some(SpeakerFeature::PhraseIndefinite),
            Described::Other => Some(SpeakerFeature::PhraseOther),
        };
        if let Some(f) = f {
            let i = add(&mut cands, ph, None);
            cands[i].f.on(f);
            if cands[i].nearest.0 == usize::MAX {
                cands[i].nearest = (0, 1);
            }
        }
    }
    // The clause's subject as written, when it names no candidate: "the administration".
    if let Some(subj) = subject_text
        && !subject::is_pronoun(subj)
        && !cands.iter().any(|c| c.f.0.iter().any(|&(f, _)| f == SpeakerFeature::ClauseSubject as u16))
    {
        let i = add(&mut cands, subj, None);
        cands[i].f.on(SpeakerFeature::ClauseSubjectPhrase);
        if cands[i].nearest.0 == usize::MAX {
            cands[i].nearest = (0, 2);
        }
    }
    // "I": the article's author, when it has one.
    if pronoun == Some("i")
        && let Some(by) = byline
    {
        let i = add(&mut cands, by, None);
        cands[i].f.on(SpeakerFeature::FirstPersonAuthor);
    }
    // What speaks for nobody, but whether a person is among the candidates (that waits
    // for the speakers of the quotations before).
    let words = quotes[qi].text.split_whitespace().count();
    let sentence_text = p
        .sentences
        .get(sentence)
        .and_then(|s| p.text.get(s.start..p.sentences.get(sentence_end).map_or(s.end, |e| e.end)))
        .unwrap_or("");
    let outside = [
        sentence_text.get(..at.start.saturating_sub(p.sentences.get(sentence).map_or(0, |s| s.start))).unwrap_or(""),
        p.text.get(at.end..).unwrap_or("").split(['.', '!', '?']).next().unwrap_or(""),
    ];
    let speech = outside.iter().any(|o| o.split(|c: char| !c.is_alphanumeric()).any(|w| lex(w).is(SPEECH)));
    let copula = words_before(p.text, open, 1)
        .first()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "is" | "was" | "are" | "were" | "be" | "been" | "being"));
    let before_words: Vec<String> = words_before(p.text, open, 2).iter().map(|w| w.to_string()).collect();
    let naming = matches!(
        before_words.first().map(String::as_str),
        Some("called" | "named" | "dubbed" | "titled" | "entitled" | "nicknamed")
    ) && before_words.get(1).is_some_and(|w| w.starts_with(char::is_lowercase) && !lex(w).is(FUNCTION));
    let none = Nobody {
        subject_pronoun: subject_pronoun.is_some(),
        short: words <= 3,
        opens_paragraph: view.opens_paragraph,
        no_speech_verb: !speech,
        copula,
        naming,
    };
    // How each name reads, here where the work is shared out (the speakers of the
    // quotations before are read in `choose`).
    for c in &mut cands {
        match shapes.get(c.name.as_str()) {
            Some(f) => c.f.0.extend_from_slice(&f.0),
            None => {
                let mut f = Features::default();
                shape(&c.name, &mut f);
                c.f.0.extend_from_slice(&f.0);
                shapes.insert(c.name.clone(), f);
            }
        }
    }
    Some(Gathered { cands, script: here_script, pronoun, none })
}

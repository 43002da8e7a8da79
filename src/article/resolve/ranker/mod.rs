//! Who said each quotation, chosen among candidates by the learned `speaker` model.
//!
//! The rules in `speakers` give each quotation a speaker first (the attribution in its
//! sentence, the pronoun resolved to the last person named, the speaker carried on from
//! the quotation before). The ranker then weighs that answer against the alternatives: every
//! person and body named in the quotation's paragraph and the three before it, the
//! speakers of the quotations before, and nobody. Each candidate is described by where and
//! how it is named (see `features`); the highest score wins. The rules' answer is one
//! feature among many, so the model learns when to trust it and when the text around
//! says otherwise.
//!
//! Two halves: `gather` finds each quotation's own candidates (on several threads for a
//! book: nothing there depends on another quotation), `choose` adds the speakers of the
//! quotations before and picks, one quotation after another (those speakers are its own
//! earlier choices). `paragraph` reads the words around a mention.

mod features;
mod gather;
mod paragraph;
mod subject;

pub use features::SpeakerFeature;

use crate::article::extract::Reading;
use crate::article::extract::names::{Gender, PlacedHit};
use crate::article::extract::quotes::{ParagraphQuotes, Said};
use crate::article::learn::Features;
use crate::article::model::Quote;
use crate::article::resolve::descriptions::{Described, described};
use crate::article::resolve::entities::{Registry, Texts};
use crate::article::text::script::{Script, script};
use gather::{Gathered, Memo, Scene, add, gather};
use rustc_hash::FxHashMap as HashMap;

/// A candidate as the model saw it, for training: its name (`None`: nobody) and features.
#[derive(Debug, Clone)]
pub struct Considered {
    /// The quotation's words.
    pub quote: String,
    /// What its attribution said, for study.
    pub said: String,
    pub candidates: Vec<(Option<String>, Features)>,
}

/// Paragraphs back a candidate may be named in.
pub(super) const WINDOW: usize = 3;
/// At most this many mentions before a quotation and after it are looked at, so that a
/// paragraph naming thousands costs no more than one naming a few.
pub(super) const NEAR_MENTIONS: usize = 48;
/// Candidates kept per quotation, the nearest named first.
const MAX_CANDIDATES: usize = 16;

pub(super) struct Candidate {
    name: String,
    person: bool,
    registered: bool,
    count: usize,
    gender: Option<Gender>,
    f: Features,
    /// Paragraphs back of the nearest mention, and its distance in bytes when in the
    /// quotation's paragraph (for ordering).
    nearest: (usize, usize),
}

/// The speaker model's feature names: its features and their pairs.
pub fn speaker_names() -> Vec<String> {
    crate::article::learn::names(SpeakerFeature::NAMES, true)
}
/// Quotations gathered on the threads at a time before their speakers are chosen in
/// order: enough to keep the threads busy, few enough that their candidates stay small.
const BLOCK: usize = 256;

/// What each quotation's rules said: the attribution and where it stands.
pub struct RuleView<'a> {
    pub said: &'a Said,
    pub said_from: Option<usize>,
    pub opens_paragraph: bool,
    pub opens_sentence: bool,
    /// The paragraph before ends "X said:" and names this one's speaker.
    pub introduced: bool,
}

/// Re-chooses each quotation's speaker with `weights` (the `speaker` model's). `quotes`
/// carry the rules' speakers on entry and the model's on return. With `chain`, the
/// speakers of the quotations before are the model's own choices (what it runs with);
/// without, the rules' (what its first round of training sees). `threads` gather the
/// candidates (the choices stay in order, so the answer is the same on any number).
/// `trace`, when given, receives every candidate considered.
#[allow(clippy::too_many_arguments)]
pub fn rank(
    quotes: &mut [Quote],
    paras: &[ParagraphQuotes],
    registry: &Registry,
    hits: &[PlacedHit],
    readings: &[Reading],
    texts: &Texts,
    weights: &[f32],
    byline: Option<&str>,
    chain: bool,
    threads: usize,
    mut trace: Option<&mut Vec<Considered>>,
) {
    let views: Vec<RuleView> = {
        let mut v = Vec::with_capacity(quotes.len());
        let mut prev: Option<&ParagraphQuotes> = None;
        for p in paras {
            let introduced =
                prev.is_some_and(|q| q.intro.is_some() && q.section == p.section && q.paragraph + 1 == p.paragraph);
            for (i, (raw, _)) in p.quotes.iter().enumerate() {
                v.push(RuleView {
                    said: &raw.said,
                    said_from: raw.said_from,
                    opens_paragraph: raw.opens_paragraph,
                    opens_sentence: raw.opens_sentence,
                    introduced: introduced && i == 0 && raw.opens_paragraph,
                });
            }
            prev = Some(p);
        }
        v
    };
    if views.len() != quotes.len() {
        return;
    }
    let mentions = registry.mentions(hits, texts);
    let most_mentioned = mentions.iter().filter(|m| m.person).max_by_key(|m| m.count).map(|m| m.name);
    let rule: Vec<Option<String>> = quotes.iter().map(|q| q.speaker.clone()).collect();
    let mut by_name: HashMap<&str, usize> = HashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        by_name.entry(m.name).or_insert(i);
    }
    let scene =
        Scene { quotes, views: &views, mentions: &mentions, by_name: &by_name, texts, readings, rule: &rule, byline };
    let mut chosen = Chosen { speakers: rule.clone(), scripts: vec![None; quotes.len()] };
    let threads = threads.max(1);
    let mut memos: Vec<Memo> = (0..threads).map(|_| Memo::default()).collect();
    for start in (0..quotes.len()).step_by(BLOCK) {
        let block = start..(start + BLOCK).min(quotes.len());
        let gathered: Vec<Option<Gathered>> = if threads == 1 {
            block.clone().map(|qi| gather(&scene, &mut memos[0], qi)).collect()
        } else {
            let per = block.len().div_ceil(threads);
            std::thread::scope(|s| {
                let scene = &scene;
                let handles: Vec<_> = memos
                    .iter_mut()
                    .enumerate()
                    .map(|(t, memo)| {
                        let part = (block.start + t * per).min(block.end)..(block.start + (t + 1) * per).min(block.end);
                        s.spawn(move || part.map(|qi| gather(scene, memo, qi)).collect::<Vec<_>>())
                    })
                    .collect();
                handles.into_iter().flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
            })
        };
        for (qi, g) in block.zip(gathered) {
            let Some(g) = g else { continue };
            chosen.scripts[qi] = Some(g.script);
            let speaker = choose(&scene, &chosen, qi, g, chain, most_mentioned, weights, trace.as_deref_mut());
            chosen.speakers[qi] = speaker;
        }
    }
    for (q, s) in quotes.iter_mut().zip(chosen.speakers) {
        q.speaker = s;
    }
}

/// The speakers chosen so far (the rules' beyond), and each quotation's writing system.
struct Chosen {
    speakers: Vec<Option<String>>,
    scripts: Vec<Option<Script>>,
}

/// The second half: quotation `qi`'s candidates with the speakers of the quotations
/// before, what each candidate is, and the one the model scores highest (or nobody).
#[allow(clippy::too_many_arguments)]
fn choose(
    scene: &Scene,
    chosen: &Chosen,
    qi: usize,
    g: Gathered,
    chain: bool,
    most_mentioned: Option<&str>,
    weights: &[f32],
    trace: Option<&mut Vec<Considered>>,
) -> Option<String> {
    let Scene { quotes, views, mentions, by_name, texts, rule, .. } = *scene;
    let Gathered { mut cands, script: here_script, pronoun, none: nobody_facts } = g;
    let own = cands.len();
    let at = quotes[qi].at;
    let here = scene.order(&at);
    let view = &views[qi];
    let script_of = |k: usize| chosen.scripts[k].unwrap_or_else(|| script(texts.text_at(&quotes[k].at)));
    // The speakers of the quotations before.
    let prev_here = (0..qi).rev().take_while(|&k| scene.order(&quotes[k].at) == here).next();
    // Quotations are in reading order: stop at the paragraph before (a search to the
    // top was quadratic in the quotations of a long book).
    let prev_para = (0..qi)
        .rev()
        .take_while(|&k| scene.order(&quotes[k].at) + 1 >= here)
        .find(|&k| scene.order(&quotes[k].at) + 1 == here);
    let prev_any = qi.checked_sub(1);
    for (k, f) in [
        (prev_here, SpeakerFeature::PreviousHere),
        (prev_para.filter(|_| prev_here.is_none()), SpeakerFeature::PreviousParagraph),
        (prev_any, SpeakerFeature::PreviousAny),
    ] {
        let previous = |k: usize| if chain { chosen.speakers[k].as_deref() } else { rule[k].as_deref() };
        let Some(name) = k.filter(|&k| script_of(k) == here_script).and_then(previous) else {
            continue;
        };
        let m = by_name.get(name).map(|&i| &mentions[i]);
        let i = add(&mut cands, name, m);
        cands[i].f.on(f);
        let no_attribution = matches!(view.said, Said::Nobody | Said::Previous);
        if f == SpeakerFeature::PreviousHere && no_attribution && view.opens_sentence {
            cands[i].f.on(SpeakerFeature::ContinuesHere);
        }
        if f == SpeakerFeature::PreviousParagraph && no_attribution && view.opens_paragraph {
            cands[i].f.on(SpeakerFeature::ContinuesParagraph);
        }
        if cands[i].nearest.0 == usize::MAX {
            cands[i].nearest = (WINDOW, 0);
        }
    }
    if view.introduced
        && let Some(name) = &rule[qi]
        && let Some(i) = cands.iter().position(|c| c.name == subject::tidy(name))
    {
        cands[i].f.on(SpeakerFeature::IntroducedBefore);
    }
    // What each candidate is (how its name reads was found with it, but for the
    // speakers of the quotations before, new here).
    let heading = texts.headings.get(at.section).and_then(|h| h.0);
    let gender_wanted = match pronoun {
        Some("he") => Some(Gender::Male),
        Some("she") => Some(Gender::Female),
        _ => None,
    };
    let rule_name = rule[qi].as_deref();
    for (k, c) in cands.iter_mut().enumerate() {
        if k >= own {
            paragraph::shape(&c.name, &mut c.f);
        }
        let bad = [SpeakerFeature::OpensOnFunctionWord, SpeakerFeature::Calendar, SpeakerFeature::EndsPossessive]
            .into_iter()
            .any(|b| c.f.has(b));
        c.f.set_if(bad && Some(c.name.as_str()) == rule_name, SpeakerFeature::RuleBadShape);
        c.f.on(if !c.registered {
            SpeakerFeature::Unregistered
        } else if c.person {
            SpeakerFeature::Person
        } else {
            SpeakerFeature::Organisation
        });
        c.f.value(SpeakerFeature::MentionsLog, (c.count as f32 + 1.0).ln());
        c.f.set_if(Some(c.name.as_str()) == most_mentioned, SpeakerFeature::MostMentioned);
        c.f.set_if(heading.is_some_and(|h| h.contains(c.name.as_str())), SpeakerFeature::InHeading);
        if let (Some(want), Some(g)) = (gender_wanted, c.gender) {
            c.f.on(if want == g { SpeakerFeature::GenderAgrees } else { SpeakerFeature::GenderDisagrees });
        }
        if c.nearest.0 == usize::MAX {
            c.f.on(SpeakerFeature::NotInWindow);
        }
    }
    // "she" is not the "Mr Tomlin" just named: a pronoun never takes a person of the
    // other gender, when the text says which.
    if let Some(want) = gender_wanted {
        cands.retain(|c| !(c.person && c.gender.is_some_and(|g| g != want)));
    }
    cands.sort_by_key(|c| c.nearest);
    cands.truncate(MAX_CANDIDATES);
    // Nobody.
    let mut none = Features::default();
    none.on(SpeakerFeature::NoneBias);
    none.set_if(nobody_facts.subject_pronoun, SpeakerFeature::SubjectPronoun);
    let nobody = matches!(view.said, Said::Nobody);
    none.set_if(nobody && rule[qi].is_none(), SpeakerFeature::NoneRuleNobody);
    none.set_if(rule[qi].is_some(), SpeakerFeature::NoneRuleSpeaker);
    none.set_if(nobody_facts.short, SpeakerFeature::NoneShort);
    none.set_if(!cands.iter().any(|c| c.person && c.nearest.0 <= WINDOW), SpeakerFeature::NoneNoPerson);
    none.set_if(nobody_facts.opens_paragraph, SpeakerFeature::NoneOpensParagraph);
    none.set_if(nobody_facts.no_speech_verb, SpeakerFeature::NoneNoSpeechVerb);
    none.set_if(nobody_facts.copula, SpeakerFeature::NoneCopula);
    none.set_if(nobody_facts.naming, SpeakerFeature::NoneNaming);
    // Choose, each fact weighed with every other.
    let n = SpeakerFeature::NAMES.len();
    let mut best: (f32, Option<usize>) = (none.paired_score(n, weights), None);
    for (i, c) in cands.iter().enumerate() {
        let s = c.f.paired_score(n, weights);
        if s > best.0 {
            best = (s, Some(i));
        }
    }
    if let Some(tr) = trace {
        let none = none.paired(n);
        for c in &mut cands {
            c.f = std::mem::take(&mut c.f).paired(n);
        }
        let mut all: Vec<(Option<String>, Features)> = vec![(None, none)];
        all.extend(cands.iter().map(|c| (Some(c.name.clone()), c.f.clone())));
        let said = match view.said {
            Said::Name(_) => "name",
            Said::Surname(_) => "surname",
            Said::Pronoun(_) => "pronoun",
            Said::Phrase(_) => "phrase",
            Said::Previous => "bare verb",
            Said::Nobody if rule[qi].is_some() => "carried",
            Said::Nobody => "nobody",
        };
        tr.push(Considered { quote: quotes[qi].text.clone(), said: said.to_string(), candidates: all });
    }
    // "the senator said", "the company said": a description stands for the one it
    // describes, as the rules found them (by role, by name, by what was named last).
    let described = match view.said {
        Said::Phrase(ph) => {
            matches!(described(ph), Described::Person(_) | Described::Organisation { .. })
                && rule[qi].as_deref().is_some_and(|r| r != ph.as_str())
        }
        _ => false,
    };
    if described { rule[qi].clone() } else { best.1.map(|i| cands[i].name.clone()) }
}

//! From what each paragraph says of its quotes' speakers to names: pronouns and surnames
//! resolved against the people mentioned before, split and run-on quotes given the
//! speaker of the part before, an introduction ("X said:") carried to the next paragraph.

use crate::article::extract::names::Gender;
use crate::article::extract::names::PlacedHit;
use crate::article::extract::quotes::{ParagraphQuotes, Said};
use crate::article::model::{Location, Quote};
use crate::article::resolve::entities::{Registry, Texts};

fn looks_like_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase))
}

pub fn resolve(paras: &[ParagraphQuotes], registry: &mut Registry, hits: &[PlacedHit], texts: &Texts) -> Vec<Quote> {
    // Speakers named in full become people even without other cues ("said Guy Ryder").
    let mut added = false;
    for q in paras.iter().flat_map(|p| &p.quotes) {
        if let Said::Name(n) = &q.0.said
            && looks_like_person(n)
            && registry.org_name(n).is_none()
        {
            added |= registry.add_person(n);
        }
    }
    // "Okonjo said" with "Daniel Okonjo" named before without a cue.
    for q in paras.iter().flat_map(|p| &p.quotes) {
        if let Said::Surname(s) = &q.0.said
            && registry.resolve_surname(s, true).is_none()
        {
            added |= registry.promote(s).is_some();
        }
    }
    if added {
        registry.count(hits, texts);
    }
    let mut out: Vec<Quote> = Vec::new();
    // The previous paragraph's last quote: (index in `out`, whether it ran on unclosed).
    let mut prev_para_last: Option<(usize, bool)> = None;
    let mut prev_intro: Option<Option<String>> = None;
    let mut prev_key: Option<(usize, usize)> = None;
    for para in paras {
        let adjacent = prev_key.is_some_and(|(s, p)| {
            (s == para.section && p + 1 == para.paragraph) || (s + 1 == para.section && para.paragraph == 0)
        });
        if !adjacent {
            prev_para_last = None;
            prev_intro = None;
        }
        let mut last_here: Option<usize> = None;
        for (raw, text) in &para.quotes {
            let at = Location { section: para.section, paragraph: para.paragraph, start: raw.start, end: raw.end };
            let named = name_of(&raw.said, &at, registry);
            let inherited = || -> Option<String> {
                if let Some(i) = last_here {
                    return out[i].speaker.clone();
                }
                prev_para_last.and_then(|(i, _)| out[i].speaker.clone())
            };
            let speaker = match &raw.said {
                Said::Previous => inherited(),
                // No attribution: a quotation that opens its sentence goes on with the speaker
                // of the quotation before it (“A,” she said. “B.”), in this paragraph or, when
                // it opens the paragraph, the one before; one that follows "X said:" is X's.
                Said::Nobody => {
                    let first_here = last_here.is_none();
                    if raw.opens_paragraph && first_here {
                        match (&prev_intro, prev_para_last) {
                            (Some(Some(intro)), _) => Some(intro.clone()),
                            (_, Some(_)) => inherited(),
                            _ => None,
                        }
                    } else if raw.opens_sentence && !first_here {
                        inherited()
                    } else {
                        None
                    }
                }
                _ => named,
            };
            // A run-on quote whose first part had no speaker takes this part's.
            if let (Some(s), true, None, Some((i, true))) = (&speaker, raw.opens_paragraph, last_here, prev_para_last)
                && out[i].speaker.is_none()
            {
                out[i].speaker = Some(s.clone());
            }
            out.push(Quote { text: text.clone(), speaker, at });
            last_here = Some(out.len() - 1);
        }
        prev_intro = Some(para.intro.as_ref().and_then(|s| {
            let at =
                Location { section: para.section, paragraph: para.paragraph, start: para.text_len, end: para.text_len };
            name_of(s, &at, registry)
        }));
        if let Some(i) = last_here {
            let unclosed = para.quotes.last().is_some_and(|(q, _)| q.unclosed);
            prev_para_last = Some((i, unclosed));
        } else {
            prev_para_last = None;
        }
        prev_key = Some((para.section, para.paragraph));
    }
    out
}

/// The speaker's name for what the text says, where it says it.
fn name_of(said: &Said, at: &Location, registry: &Registry) -> Option<String> {
    match said {
        Said::Name(n) => Some(registry.org_name(n).unwrap_or(n).to_string()),
        Said::Surname(s) => Some(registry.resolve_surname(s, true).unwrap_or(s).to_string()),
        Said::Pronoun(p) => match p.as_str() {
            "he" => registry.person_before(at, Some(Gender::Male)).map(str::to_string),
            "she" => registry.person_before(at, Some(Gender::Female)).map(str::to_string),
            "they" | "we" => registry.org_before(at).map(str::to_string),
            _ => None,
        },
        Said::Phrase(p) => Some(p.clone()),
        Said::Previous | Said::Nobody => None,
    }
}

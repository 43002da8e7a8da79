//! Whether the words between quotation marks are a quotation: someone's words, whole or in
//! part ("called the plan “a disaster”"), rather than a term, a title or a scare quote
//! ("the “Baltic Shield” plan", "a film called “Heat”"). A learned decision: the rules of
//! `is_quotation` and the attribution finders describe the span, the `accept` weights
//! weigh the description (see `learn`).

use super::Said;
use crate::article::learn::{Features, features};
use crate::article::text::lexicon::{DETERMINER, FIRST_PERSON, SCARE_CUE, SPEECH, TERM_CUE};
use crate::article::text::tokens::{Kind, Token};

features! {
    /// What the acceptance model knows of a quoted span.
    pub enum AcceptFeature {
        Bias = "bias",
        Words1 = "words=1",
        Words2 = "words=2",
        Words3 = "words=3",
        Words4to6 = "words=4-6",
        Words7to12 = "words=7-12",
        Words13 = "words>=13",
        RuleAccepts = "rule accepts",
        AfterName = "after: name",
        AfterSurname = "after: surname",
        AfterPronoun = "after: pronoun",
        AfterPhrase = "after: phrase",
        AfterPrevious = "after: bare verb",
        AfterNobody = "after: nobody",
        BeforeName = "before: name",
        BeforeSurname = "before: surname",
        BeforePronoun = "before: pronoun",
        BeforePhrase = "before: phrase",
        BeforePrevious = "before: bare verb",
        BeforeNobody = "before: nobody",
        VerbRightBefore = "speech verb right before",
        SpeechBefore = "speech verb before in sentence",
        SpeechAfter = "speech verb after in sentence",
        TitleCase = "title case",
        WorkTitle = "work word before",
        TermCue = "term cue before",
        DeterminerBefore = "determiner right before",
        EndsWithStop = "ends with . ! ?",
        EndsWithComma = "ends with comma",
        StartsUpper = "starts with a capital",
        FirstPerson = "first or second person",
        OpensParagraph = "opens paragraph",
        OpensSentence = "opens sentence",
        Unclosed = "unclosed",
        EndsParagraph = "ends paragraph",
        LowercaseAfter = "lowercase word right after",
        Possessive = "possessive after",
        ColonBefore = "colon before",
        ManyInParagraph = "four or more quotations in paragraph",
        Listed = "listed with another quotation",
        Cjk = "cjk",
        CornerQuotative = "corner bracket quotative",
        Question = "question",
        Digits = "digits only",
        Copula = "completes 'is' or 'was'",
        AllCapitalized = "every word capitalised (a title)",
        Naming = "a thing called or named so (a scheme called “…”)",
        ScareCue = "so-called right before",
        ShortGoverned = "short and governed",
        ShortSpeechBefore = "short and speech verb before",
        ShortDeterminer = "short and determiner before",
        ShortTitleCase = "short and title case",
        ShortNoSpeech = "short and no speech verb in sentence",
        LongTitleCase = "long and title case",
    }
}

/// The acceptance model's feature names.
pub fn accept_names() -> Vec<String> {
    crate::article::learn::names(AcceptFeature::NAMES, false)
}

/// The acceptance weights compiled in.
pub fn compiled() -> &'static [f32] {
    static W: std::sync::LazyLock<Vec<f32>> = std::sync::LazyLock::new(|| {
        crate::article::learn::Weights::laid_out(&accept_names(), crate::article::learn::ACCEPT)
    });
    &W
}

/// What is known of one quoted span when it is weighed.
pub(super) struct Span<'a> {
    pub text: &'a str,
    pub t: &'a [Token],
    pub start: usize,
    pub end: usize,
    /// The tokens before the quotation in its sentence, and after it.
    pub before: &'a [Token],
    pub after: &'a [Token],
    pub said_after: Option<&'a Said>,
    pub said_before: Option<&'a Said>,
    pub rule_accepts: bool,
    pub verb_right_before: bool,
    pub title_case: bool,
    pub work_title: bool,
    pub words: usize,
    pub cjk: usize,
    pub corner_quotative: bool,
    pub opens_paragraph: bool,
    pub opens_sentence: bool,
    pub unclosed: bool,
    /// The raw text between the marks ends with a comma.
    pub comma: bool,
    pub quotations: usize,
    /// Another quotation stands right before or after, joined by a comma or "and".
    pub listed: bool,
}

fn said_feature(said: &Said, after: bool) -> AcceptFeature {
    use AcceptFeature as F;
    match (said, after) {
        (Said::Name(_), true) => F::AfterName,
        (Said::Surname(_), true) => F::AfterSurname,
        (Said::Pronoun(_), true) => F::AfterPronoun,
        (Said::Phrase(_), true) => F::AfterPhrase,
        (Said::Previous, true) => F::AfterPrevious,
        (Said::Nobody, true) => F::AfterNobody,
        (Said::Name(_), false) => F::BeforeName,
        (Said::Surname(_), false) => F::BeforeSurname,
        (Said::Pronoun(_), false) => F::BeforePronoun,
        (Said::Phrase(_), false) => F::BeforePhrase,
        (Said::Previous, false) => F::BeforePrevious,
        (Said::Nobody, false) => F::BeforeNobody,
    }
}

/// "a scheme called “INSPIRE”", "a film titled “Heat”": a common noun, then "called" or
/// "named" right before the marks, gives a thing its name (unlike "Trump called her
/// “crooked”", where someone speaks).
pub fn naming(text: &str, before: &[Token]) -> bool {
    let words: Vec<&Token> = before.iter().rev().filter(|x| x.kind == Kind::Word).take(2).collect();
    match words.as_slice() {
        [cue, noun] => {
            noun.end + 1 >= cue.start
                && matches!(cue.text(text), "called" | "named" | "dubbed" | "titled" | "entitled" | "nicknamed")
                && noun.text(text).starts_with(char::is_lowercase)
                && !noun.lex.is(crate::article::text::lexicon::FUNCTION)
        }
        _ => false,
    }
}

pub(super) fn features(s: &Span) -> Features {
    use AcceptFeature as F;
    let mut f = Features::default();
    f.on(F::Bias);
    let n = s.words;
    f.on(match n {
        0 | 1 => F::Words1,
        2 => F::Words2,
        3 => F::Words3,
        4..=6 => F::Words4to6,
        7..=12 => F::Words7to12,
        _ => F::Words13,
    });
    f.set_if(s.rule_accepts, F::RuleAccepts);
    if let Some(a) = s.said_after {
        f.on(said_feature(a, true));
    }
    if let Some(b) = s.said_before {
        f.on(said_feature(b, false));
    }
    let quoted = &s.text[s.start..s.end];
    let speech = |t: &[Token]| t.iter().any(|x| x.lex.is(SPEECH) && x.text(s.text) != "according");
    let speech_before = speech(s.before);
    let speech_after = speech(s.after);
    f.set_if(s.verb_right_before, F::VerbRightBefore);
    f.set_if(speech_before, F::SpeechBefore);
    f.set_if(speech_after, F::SpeechAfter);
    f.set_if(s.title_case, F::TitleCase);
    f.set_if(s.work_title, F::WorkTitle);
    let right_before = s.before.iter().rev().find(|x| x.kind == Kind::Word);
    let adjacent = |x: &&Token| s.before.last().is_some_and(|l| l.start == x.start);
    f.set_if(s.before.iter().rev().take(3).any(|x| x.lex.is(TERM_CUE)), F::TermCue);
    let determiner = right_before.filter(adjacent).is_some_and(|x| x.lex.is(DETERMINER));
    f.set_if(determiner, F::DeterminerBefore);
    f.set_if(right_before.filter(adjacent).is_some_and(|x| x.lex.is(SCARE_CUE)), F::ScareCue);
    f.set_if(
        quoted.trim_end_matches(['’', '\'', '”', '"', ')']).ends_with(['.', '!', '?', '。', '！', '？']),
        F::EndsWithStop,
    );
    f.set_if(s.comma, F::EndsWithComma);
    f.set_if(quoted.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase), F::StartsUpper);
    let inside = s.t.partition_point(|x| x.start < s.start)..s.t.partition_point(|x| x.start < s.end);
    f.set_if(s.t[inside].iter().any(|x| x.lex.is(FIRST_PERSON)), F::FirstPerson);
    f.set_if(s.opens_paragraph, F::OpensParagraph);
    f.set_if(s.opens_sentence, F::OpensSentence);
    f.set_if(s.unclosed, F::Unclosed);
    let rest = s.text.get(s.end..).unwrap_or("");
    let rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric() && !c.is_whitespace() && c != '\'' && c != '’');
    f.set_if(rest.trim().chars().all(|c| !c.is_alphanumeric()), F::EndsParagraph);
    let next = s.after.first();
    let lowercase_after = next
        .is_some_and(|x| x.kind == Kind::Word && x.text(s.text).starts_with(char::is_lowercase) && !x.lex.is(SPEECH));
    f.set_if(lowercase_after, F::LowercaseAfter);
    f.set_if(rest.starts_with("'s") || rest.starts_with("’s"), F::Possessive);
    let head = &s.text[..s.start];
    let head = head.trim_end_matches(|c: char| !c.is_alphanumeric() && c != ':' && c != ',');
    f.set_if(head.ends_with(':'), F::ColonBefore);
    f.set_if(s.quotations >= 4, F::ManyInParagraph);
    f.set_if(s.listed, F::Listed);
    f.set_if(s.cjk >= 2, F::Cjk);
    f.set_if(s.corner_quotative, F::CornerQuotative);
    f.set_if(quoted.contains(['?', '？']), F::Question);
    f.set_if(quoted.chars().all(|c| c.is_ascii_digit() || !c.is_alphanumeric()), F::Digits);
    let copula = right_before
        .filter(adjacent)
        .is_some_and(|x| matches!(x.text(s.text), "is" | "was" | "are" | "were" | "be" | "been" | "being"));
    f.set_if(copula, F::Copula);
    let words: Vec<&str> = quoted.split_whitespace().collect();
    let capitalised = words.len() >= 2
        && words.iter().all(|w| {
            w.chars().find(|c| c.is_alphabetic()).is_none_or(char::is_uppercase)
                || crate::article::text::lexicon::is_function_word(w) && w.len() <= 4
        });
    f.set_if(capitalised, F::AllCapitalized);
    f.set_if(naming(s.text, s.before), F::Naming);
    let short = n <= 3 && s.cjk < 6;
    let governed = s.verb_right_before || s.said_after.is_some_and(|a| *a != Said::Nobody);
    f.set_if(short && governed, F::ShortGoverned);
    f.set_if(short && speech_before, F::ShortSpeechBefore);
    f.set_if(short && determiner, F::ShortDeterminer);
    f.set_if(short && s.title_case, F::ShortTitleCase);
    f.set_if(short && !speech_before && !speech_after, F::ShortNoSpeech);
    f.set_if(!short && s.title_case, F::LongTitleCase);
    f
}

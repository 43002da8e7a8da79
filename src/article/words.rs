//! Word lists the extractors share. Kept as `match` statements on lowercased ASCII so a
//! lookup costs no allocation.

use super::tokens::lower_ascii;

/// Month number for a month name or its abbreviation ("July", "Jul", "Sept").
pub fn month(word: &str) -> Option<u8> {
    let mut buf = [0u8; 24];
    let w = lower_ascii(word, &mut buf)?;
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

pub fn is_weekday(word: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower_ascii(word, &mut buf),
        Some("monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday")
    )
}

/// The value of a spelled-out number word: "two" -> 2, "twenty" -> 20, "dozen" -> 12.
pub fn number_word(word: &str) -> Option<f64> {
    let mut buf = [0u8; 24];
    let w = lower_ascii(word, &mut buf)?;
    Some(match w {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        "hundred" => 100.0,
        "dozen" => 12.0,
        "hundreds" | "thousands" | "millions" | "billions" | "dozens" => f64::NAN,
        _ => return None,
    })
}

/// Scale words after a number: "8.9 million".
pub fn scale_word(word: &str) -> Option<f64> {
    let mut buf = [0u8; 24];
    let w = lower_ascii(word, &mut buf)?;
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mn" | "m" => 1e6,
        "billion" | "bn" | "b" => 1e9,
        "trillion" | "tn" => 1e12,
        "lakh" => 1e5,
        "crore" => 1e7,
        _ => return None,
    })
}

/// Fractions written as words: "one-third" -> 1/3, "half" -> 1/2, "three-quarters".
pub fn fraction_word(word: &str) -> Option<f64> {
    let mut buf = [0u8; 24];
    let w = lower_ascii(word, &mut buf)?;
    let (num, den) = match w.split_once('-') {
        Some((n, d)) => (number_word(n)?, d),
        None => (1.0, w),
    };
    let d = match den {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    };
    Some(num / d)
}

/// Titles and roles that stand before a name and are not part of it.
pub fn is_title_word(word: &str) -> bool {
    let mut buf = [0u8; 24];
    let w = lower_ascii(word.trim_end_matches('.'), &mut buf).unwrap_or("");
    matches!(
        w,
        "mr" | "mrs" | "ms" | "miss" | "mx" | "dr" | "prof" | "professor" | "sir" | "dame" | "lord" | "lady"
            | "president" | "vice-president" | "vice" | "premier" | "chancellor" | "minister" | "secretary"
            | "secretary-general" | "under-secretary-general" | "deputy" | "director" | "director-general"
            | "executive" | "chief" | "head" | "chair" | "chairman" | "chairwoman" | "chairperson" | "ceo"
            | "cfo" | "coo" | "founder" | "co-founder" | "spokesperson" | "spokesman" | "spokeswoman" | "governor"
            | "senator" | "sen" | "rep" | "representative" | "congressman" | "congresswoman" | "mayor"
            | "judge" | "justice" | "ambassador" | "commissioner" | "general" | "gen" | "colonel" | "col"
            | "captain" | "capt" | "lieutenant" | "lt" | "sergeant" | "sgt" | "major" | "admiral" | "officer"
            | "inspector" | "detective" | "constable" | "king" | "queen" | "prince" | "princess" | "pope"
            | "bishop" | "archbishop" | "cardinal" | "father" | "rev" | "reverend" | "rabbi" | "imam"
            | "sheikh" | "emir" | "sultan" | "coach" | "manager" | "leader" | "speaker" | "envoy" | "attorney"
            | "prosecutor" | "mp" | "mep" | "mla" | "councillor" | "councilor" | "assistant" | "associate"
            | "acting" | "interim" | "former" | "senior" | "general-secretary" | "treasurer" | "auditor"
            | "rapporteur" | "dean" | "rector" | "principal" | "superintendent" | "commander" | "marshal"
            | "economist" | "analyst" | "researcher" | "scientist" | "doctor" | "nurse" | "lawyer" | "editor"
            | "correspondent" | "reporter" | "prime" | "foreign" | "finance" | "health" | "education" | "defence"
            | "defense" | "interior" | "home" | "justice-minister" | "state" | "permanent" | "first" | "high"
            | "undersecretary" | "adviser" | "advisor" | "official" | "officials" | "regional" | "national"
    )
}

/// Honorifics that mark the next word as a person's (sur)name.
pub fn is_honorific(word: &str) -> bool {
    let mut buf = [0u8; 24];
    matches!(
        lower_ascii(word.trim_end_matches('.'), &mut buf),
        Some("mr" | "mrs" | "ms" | "miss" | "mx" | "dr" | "prof" | "sir" | "dame")
    )
}

/// Verbs that report speech: "said", "told", "warned", "according" (to).
pub fn is_speech_verb(word: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(w) = lower_ascii(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        "said" | "says" | "say" | "saying" | "stated" | "states" | "state" | "told" | "tells" | "tell"
            | "added" | "adds" | "warned" | "warns" | "warn" | "urged" | "urges" | "urge" | "explained"
            | "explains" | "noted" | "notes" | "insisted" | "insists" | "argued" | "argues" | "claimed"
            | "claims" | "declared" | "declares" | "announced" | "announces" | "asked" | "asks" | "replied"
            | "replies" | "responded" | "responds" | "wrote" | "writes" | "commented" | "comments"
            | "observed" | "remarked" | "stressed" | "stresses" | "emphasised" | "emphasized"
            | "emphasises" | "emphasizes" | "acknowledged" | "admitted" | "admits" | "recalled" | "recalls"
            | "concluded" | "suggested" | "suggests" | "highlighted" | "cautioned" | "predicted" | "promised"
            | "vowed" | "pledged" | "confirmed" | "confirms" | "described" | "describes" | "called"
            | "calls" | "tweeted" | "posted" | "shouted" | "whispered" | "conceded" | "maintained"
            | "maintains" | "contended" | "reiterated" | "complained" | "boasted"
            | "joked" | "quipped" | "sighed" | "pleaded" | "demanded" | "demands" | "assured" | "reported"
            | "reports" | "announcing" | "adding" | "warning" | "noting" | "explaining" | "urging"
            | "telling" | "describing" | "calling" | "insisting" | "arguing" | "stating" | "according"
    )
}

pub fn is_pronoun_subject(word: &str) -> bool {
    matches!(word, "he" | "she" | "they" | "He" | "She" | "They" | "I" | "we" | "We")
}

/// Words that open a clause or join phrases; never the head of a name.
pub fn is_function_word(word: &str) -> bool {
    let mut buf = [0u8; 24];
    let Some(w) = lower_ascii(word, &mut buf) else {
        return false;
    };
    matches!(
        w,
        "a" | "an" | "the" | "and" | "or" | "but" | "nor" | "of" | "in" | "on" | "at" | "to" | "for"
            | "from" | "by" | "with" | "without" | "as" | "into" | "onto" | "over" | "under" | "about"
            | "after" | "before" | "during" | "since" | "until" | "while" | "when" | "where" | "who"
            | "whom" | "whose" | "which" | "that" | "this" | "these" | "those" | "there" | "here" | "it"
            | "its" | "is" | "are" | "was" | "were" | "be" | "been" | "being" | "has" | "have" | "had"
            | "do" | "does" | "did" | "will" | "would" | "could" | "should" | "can" | "may" | "might"
            | "must" | "shall" | "not" | "no" | "if" | "than" | "then" | "so" | "also" | "however"
            | "meanwhile" | "according" | "despite" | "between" | "among" | "against" | "through"
            | "across" | "per" | "via" | "yet" | "up" | "down" | "out" | "off" | "all" | "both" | "each"
            | "every" | "some" | "any" | "many" | "most" | "more" | "less" | "few" | "other" | "such"
            | "he" | "she" | "they" | "we" | "i" | "you" | "his" | "her" | "their" | "our" | "my" | "your"
            | "him" | "them" | "us" | "me" | "now" | "today" | "yesterday" | "tomorrow" | "still" | "even"
            | "just" | "only" | "very" | "too" | "again" | "already" | "why" | "how" | "what" | "although"
            | "though" | "because" | "unless" | "whether" | "within" | "upon" | "toward" | "towards"
            | "near" | "beyond" | "like" | "unlike" | "around" | "behind" | "above" | "below" | "once"
            | "twice" | "further" | "moreover" | "furthermore" | "thus" | "therefore" | "instead"
            | "later" | "earlier" | "last" | "next" | "first" | "recently" | "currently" | "overall"
    )
}

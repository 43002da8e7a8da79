//! The one stage where a block of a page's content is dropped for what it says: page
//! furniture ("Advertisement", "Read more: …", "Share this article"), bylines and date lines
//! repeated in the body, and the headings that introduce teasers. The phrases are in
//! `structure::lists`, shared with pasted text.

use crate::article::structure::chrome::{self, Origin};
use crate::article::structure::html::page::Kind;
use crate::article::structure::lists::{
    BYLINE_CONNECTORS, DATE_LEAD_INS, DATE_WORDS, MONTH_WORDS, NEWS_AGENCIES, TEASER_HEADINGS, TEASER_MORE,
};

/// Whether a block of the content is furniture: a furniture line of any text or of a page
/// (`chrome`), a credit or a pointer after the story, or a byline or a date line repeated
/// in the body. The one place a block of a page is dropped for what it says.
pub fn is_furniture(kind: &Kind, text: &str) -> bool {
    let line = matches!(kind, Kind::Paragraph | Kind::ListItem { .. });
    chrome::is_chrome(text, Origin::Page)
        || chrome::is_credit_or_promo(text)
        || is_app_promo(text)
        || is_follow_promo(text)
        || (*kind == Kind::Paragraph && (is_byline_line(text) || is_date_line(text)))
        || (line && (is_menu_line(text) || is_signature(text) || is_server_message(text) || is_counter(text)))
}

/// A slideshow's or a gallery's counter: "1 / 5", "3 of 12", "Bild 2 von 7"; or a count
/// alone ("553" comments, "12" photos).
fn is_counter(text: &str) -> bool {
    if !text.is_empty()
        && text.len() <= MAX_COUNTER
        && text.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return true;
    }
    if text.len() > MAX_COUNTER {
        return false;
    }
    let words: Vec<String> =
        text.split(|c: char| c.is_whitespace() || c == '/').filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let number = |w: &String| w.bytes().all(|b| b.is_ascii_digit());
    let of = |w: &String| COUNTER_OF.contains(&w.as_str());
    words.iter().filter(|w| number(w)).count() == 2
        && (text.contains('/') || words.iter().any(of))
        && words.iter().all(|w| number(w) || of(w) || COUNTED.contains(&w.as_str()))
}

/// A counter is short (bytes).
const MAX_COUNTER: usize = 30;
/// The words between a counter's numbers ("3 of 12", "2 von 7", "1 de 5").
const COUNTER_OF: &[&str] = &["of", "von", "de", "di", "z", "из", "sur", "van"];
/// What a counter may count: pictures, slides, pages.
const COUNTED: &[&str] = &["photo", "image", "picture", "slide", "page", "bild", "foto", "seite", "imagen", "página"];

/// A line that sells the site's app: "For the latest stories download the Nationnews apps
/// for iOS and Android", "Laden Sie jetzt unsere App herunter".
fn is_app_promo(text: &str) -> bool {
    if !crate::article::text::shape::at_most_words(text, MAX_PROMO_WORDS) {
        return false;
    }
    let lowered = text.to_lowercase();
    let app = lowered.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "app" | "apps" | "application"));
    app && APP_VERBS.iter().any(|v| lowered.contains(v))
}

/// A promotion is a sentence or two (words).
const MAX_PROMO_WORDS: usize = 30;
/// Verbs that ask a reader to get an app.
const APP_VERBS: &[&str] =
    &["download", "herunterladen", "laden sie", "lade dir", "descarga", "télécharge", "scarica", "pobierz", "baixe"];

/// A line that asks the reader to follow the site or its writer on a network: "Folgen Sie
/// uns auf Instagram", "¿… canal de Telegram? Únete …", "You can keep up with me on
/// Twitter". An invitation, not a report: the story's "she said on Twitter" has no verb
/// of these.
fn is_follow_promo(text: &str) -> bool {
    if !crate::article::text::shape::at_most_words(text, MAX_PROMO_WORDS) {
        return false;
    }
    let lowered = text.to_lowercase();
    let network = lowered.split(|c: char| !c.is_alphanumeric()).any(|w| NETWORKS.contains(&w));
    network && FOLLOW_VERBS.iter().any(|v| lowered.contains(v))
}

/// Networks a site or a writer is followed on.
const NETWORKS: &[&str] = &[
    "twitter",
    "facebook",
    "instagram",
    "telegram",
    "whatsapp",
    "youtube",
    "tiktok",
    "linkedin",
    "threads",
    "bluesky",
    "mastodon",
    "pinterest",
    "x",
];
/// An invitation to follow or join, in the languages of the pages (lowercase).
const FOLLOW_VERBS: &[&str] = &[
    "follow us",
    "follow me",
    "join us",
    "join our",
    "keep up with me",
    "keep up with us",
    "folgen sie uns",
    "folge uns",
    "folgt uns",
    "suivez-nous",
    "suivez nous",
    "rejoignez-nous",
    "síguenos",
    "siguenos",
    "únete",
    "seguici",
    "segui-nos",
    "siga-nos",
    "obserwuj nas",
    "dołącz do nas",
    "volg ons",
];

/// A row of short items between bars: a menu or a footer set inline ("Impressum |
/// Datenschutz | Kontakt"), a download's details ("PDF | 38 KB | Datei ist nicht
/// barrierefrei"), a date and its section ("2021-10-16 | Botschaft").
fn is_menu_line(text: &str) -> bool {
    if text.len() > MAX_MENU_LINE {
        return false;
    }
    let parts: Vec<&str> = text.split(['|', '•']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let short = parts.iter().all(|p| p.split_whitespace().count() <= MAX_MENU_ITEM_WORDS);
    short && (parts.len() >= MIN_MENU_ITEMS || parts.len() == 2 && parts.iter().any(|p| is_date_line(p)))
}

/// A menu set inline is at most this long (bytes), of at least this many items of at most
/// this many words.
const MAX_MENU_LINE: usize = 200;
const MIN_MENU_ITEMS: usize = 3;
const MAX_MENU_ITEM_WORDS: usize = 5;

/// A news agency's sign-off under a story: "(dpa)", "aja/PAP", "jdl/dpa/AFP": initials and
/// agencies between slashes, one of them an agency.
fn is_signature(text: &str) -> bool {
    let t = text.trim().trim_start_matches('(').trim_end_matches(')');
    if t.is_empty() || t.len() > 40 || t.contains(char::is_whitespace) && t.split_whitespace().count() > 2 {
        return false;
    }
    let parts: Vec<String> = t.split(['/', ',']).map(|p| p.trim().to_lowercase()).collect();
    parts.iter().any(|p| NEWS_AGENCIES.contains(&p.as_str()))
        && parts.iter().all(|p| !p.is_empty() && p.len() <= 12 && p.chars().all(|c| c.is_alphabetic() || c == '.'))
}

/// A web server's error printed into the page: "Warning: Creating default object from
/// empty value in /www/htdocs/wp-includes/classes.php on line 407".
fn is_server_message(text: &str) -> bool {
    ["Warning:", "Notice:", "Deprecated:", "Fatal error:", "Parse error:", "Strict Standards:"]
        .iter()
        .any(|p| text.starts_with(p))
        && text.contains(" on line ")
        && text.contains(".php")
}

/// "By Jane Doe", "By Jane Doe and John Roe, Reuters": a byline line (short, "By" and
/// capitalised words).
pub fn is_byline_line(text: &str) -> bool {
    if text.len() > 80 {
        return false;
    }
    let Some(rest) = ["By ", "BY ", "by "].iter().find_map(|p| text.strip_prefix(p)) else { return false };
    let words: Vec<&str> = rest.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 10
        && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || BYLINE_CONNECTORS.contains(w))
}

/// A line that is only a date (and time): "Nov. 19, 2019, 8:41 AM UTC", "2019-11-19",
/// or a date after the words that say what it dates, in any language ("Aktualisiert am
/// 12.03.2021", "Publié le 3 mars 2021 à 10h").
pub fn is_date_line(text: &str) -> bool {
    if text.len() > MAX_DATE_LINE {
        return false;
    }
    let lowered = text.to_lowercase();
    if let Some(rest) = DATE_LEAD_INS.iter().find_map(|l| lowered.strip_prefix(l)) {
        let rest = rest.trim_start_matches([':', ' ']);
        return rest.chars().next().is_some_and(|c| c.is_numeric() || c.is_uppercase() || c.is_lowercase())
            && rest.chars().any(|c| c.is_ascii_digit())
            && rest.split_whitespace().count() <= MAX_DATE_WORDS;
    }
    if text.len() > 60 || crate::article::structure::html::dates::iso(text).is_none() {
        return false;
    }
    // Date words, numbers and a few connectives only.
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '|').filter(|w| !w.is_empty()).all(|w| {
        let w = w.trim_matches(|c: char| c == '.' || c == '(' || c == ')').to_ascii_lowercase();
        w.chars().any(|c| c.is_ascii_digit())
            || w.len() <= 3
            || MONTH_WORDS.iter().any(|m| w.starts_with(m))
            || DATE_WORDS.contains(&w.as_str())
    })
}

/// The longest date line (bytes), and the most words of a date after its lead-in
/// ("Mittwoch, 12. Mai 2021 um 10:00 Uhr").
const MAX_DATE_LINE: usize = 80;
const MAX_DATE_WORDS: usize = 8;

/// Headings that introduce links to other articles: "More Great WIRED Stories",
/// "Related coverage", "You may also like".
pub fn is_teaser_heading(text: &str) -> bool {
    if text.len() > 60 {
        return false;
    }
    let t = text.to_lowercase();
    let t = t.trim();
    let words = t.split_whitespace().count();
    let more = t.starts_with("more ") && words <= 5 && TEASER_MORE.iter().any(|w| t.contains(w));
    more || TEASER_HEADINGS.iter().any(|p| t.starts_with(p))
        || t.ends_with(" stories") && words <= 5
        // "Business news in pictures": a gallery of other stories.
        || (t.ends_with(" in pictures") || t.ends_with(" in photos")) && words <= 6
}

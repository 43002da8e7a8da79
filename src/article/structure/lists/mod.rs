//! The structure layer's word lists that are phrases or case-sensitive (single
//! lowercase words live in the lexicon): page furniture (`furniture`), link-list headers,
//! byline prefixes and suffixes.

mod furniture;
mod lead_ins;
pub use furniture::{FURNITURE, Origin};
pub use lead_ins::{FURNITURE_PREFIXES, TEASER_HEADINGS, TEASER_MORE};

/// Lowercase words a line of only a date may hold besides numbers and months.
pub const DATE_WORDS: &[&str] =
    &["updated", "published", "posted", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Words before a date that say what it dates, lowercase ("Updated on 12 March",
/// "Aktualisiert am 12.03.2021", "Publié le 3 mars").
pub const DATE_LEAD_INS: &[&str] = &[
    "published on ",
    "updated on ",
    "posted on ",
    "last updated",
    "last modified",
    "veröffentlicht am ",
    "veröffentlicht:",
    "aktualisiert am ",
    "zuletzt aktualisiert",
    "erstellt am ",
    "stand:",
    "veröffentlichung:",
    "publié le ",
    "mis à jour le ",
    "publicado el ",
    "actualizado el ",
    "publicado em ",
    "atualizado em ",
    "pubblicato il ",
    "aggiornato il ",
    "opublikowano:",
    "aktualizacja:",
    "data publikacji:",
];

/// Words that open a photo credit in a page's caption, lowercase ("Foto: …", "Źródło: …",
/// "© …").
pub const CREDIT_WORDS: &[&str] = &[
    "photograph:",
    "photo credit:",
    "photo:",
    "photo :",
    "photos:",
    "picture:",
    "illustration:",
    "image:",
    "credit:",
    "source:",
    "crédit photo",
    "crédits photo",
    "crédit :",
    "crédit:",
    "crédits :",
    "foto:",
    "foto :",
    "fotos:",
    "bild:",
    "bildquelle:",
    "quelle:",
    "fuente:",
    "crédito:",
    "imagen:",
    "fonte:",
    "źródło:",
    "fot.",
    "fot:",
    "zdjęcie:",
    "bron:",
    "фото:",
    "источник:",
    "©",
    "copyright",
];

/// Picture agencies and stock libraries, lowercase: a bracketed part at the end of a
/// caption naming one is its credit ("(REUTERS/Denis Balibouse)").
pub const PICTURE_AGENCIES: &[&str] = &[
    "reuters",
    "afp",
    "ap photo",
    "getty images",
    "getty",
    "shutterstock",
    "istock",
    "istockphoto",
    "fotolia",
    "clipdealer",
    "unsplash",
    "pixabay",
    "adobe stock",
    "adobestock",
    "imago",
    "picture alliance",
    "picture-alliance",
    "keystone",
    "epa",
    "dpa",
    "xinhua",
    "anadolu",
    "efe",
    "ansa",
    "pap",
];

/// News agencies by the short names they sign stories with, lowercase ("dpa", "aja/PAP").
pub const NEWS_AGENCIES: &[&str] = &[
    "dpa",
    "afp",
    "ap",
    "reuters",
    "efe",
    "ansa",
    "pap",
    "apa",
    "kna",
    "epd",
    "sda",
    "ats",
    "anp",
    "belga",
    "tass",
    "ria",
    "xinhua",
    "kyodo",
    "jiji",
    "yonhap",
    "ips",
    "dts",
    "sid",
    "ddp",
    "upi",
    "europa press",
    "ctk",
    "mti",
];

/// Month names by their first three letters.
pub const MONTH_WORDS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// Words between the names of a "By …" line that are not capitalised.
pub const BYLINE_CONNECTORS: &[&str] = &[
    "and", "&", "de", "van", "von", "der", "la", "le", "in", "for", "|", "und", "et", "y", "e", "i", "og", "en", "ve",
];

pub const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "email",
    "print",
    "share",
    "telegram",
    "reddit",
    "pinterest",
    "copy",
    "link",
    "x",
    "|",
];

/// Headers of the list of links a page ends with ("Related Topics", "More on this
/// story"): the short lines under one are the links, not text.
pub const LINK_LISTS: &[&str] = &[
    "related",
    "related topics",
    "related stories",
    "related articles",
    "related content",
    "more on this story",
    "more on this",
    "more stories",
    "more from",
    "explore more on these topics",
    "topics",
    "tags",
    "you may also like",
    "you might also like",
    "most read",
    "most popular",
    "recommended",
];

pub const BYLINE_PREFIXES: &[&str] = &[
    "Additional reporting by",
    "Reporting by",
    "Reported by",
    "Writing by",
    "Editing by",
    "Written by",
    "Words by",
    "Story by",
    "Text by",
    "Compiled by",
    "Edited by",
    "Interviewed by",
    "Interviews by",
    "Interview by",
    "Photos by",
    "—WITH A REPORT FROM",
    "WITH A REPORT FROM",
    "—with a report from",
    "with a report from",
    "By",
    "BY",
    "by",
];

pub const BYLINE_SUFFIXES: &[&str] = &["synthesis", "reports", "reporting", "compiled", "contributed", "tổng hợp"];

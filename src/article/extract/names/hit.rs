//! What the name finder reports: a name's kind and place in its paragraph, and the same
//! with the paragraph it stands in, as the article-wide registry keeps it.

use super::words::Gender;
use crate::article::model::Location;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Person,
    Organisation,
    /// Two or more capitalised words with no cue yet: a person if the article says so
    /// elsewhere ("Ilias Chatzis" as a speaker), otherwise nothing.
    Unknown,
    /// One capitalised word: perhaps a surname mentioned again ("Guterres").
    Single,
}

/// One name found in a paragraph: byte range of the name itself (titles stripped).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameHit {
    pub kind: NameKind,
    pub start: usize,
    pub end: usize,
    /// An acronym defined right after it: "(UNODC)".
    pub acronym: Option<(usize, usize)>,
    /// A title or honorific stood before it ("Mr", "Secretary-General").
    pub titled: bool,
    /// The name has a glued "said" to strip: "Walysaid," -> "Waly".
    pub glued_said: bool,
    /// What an honorific says of the person: "Mr" male, "Ms" female.
    pub gender: Option<Gender>,
}

/// A name hit with the paragraph it stands in. Names are not copied out of the text:
/// most hits are single capitalised words that never become an entity.
#[derive(Debug, Clone)]
pub struct PlacedHit {
    pub section: u32,
    pub paragraph: u32,
    pub start: u32,
    pub end: u32,
    /// The acronym defined after the name ("(UNODC)"), as a range; empty when none.
    pub acronym: (u32, u32),
    pub kind: NameKind,
    pub titled: bool,
    pub gender: Option<Gender>,
}

impl PlacedHit {
    /// A name hit, stored compactly: a long book has a hundred thousand of them.
    pub fn new(section: usize, paragraph: usize, hit: NameHit) -> PlacedHit {
        let acronym = hit.acronym.map_or((0, 0), |(a, b)| (a as u32, b as u32));
        PlacedHit {
            section: section as u32,
            paragraph: paragraph as u32,
            start: hit.start as u32,
            end: hit.end as u32,
            acronym,
            kind: hit.kind,
            titled: hit.titled,
            gender: hit.gender,
        }
    }

    pub fn location(&self) -> Location {
        Location {
            section: self.section as usize,
            paragraph: self.paragraph as usize,
            start: self.start as usize,
            end: self.end as usize,
        }
    }
}

//! Which writing system a text is mostly in: what a quotation's speaker may be carried
//! across. A Japanese quotation after a German paragraph is not the German speaker's.

/// A writing system, by the letters that show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    /// Chinese characters, Japanese kana, Korean hangul.
    Cjk,
    Other,
    /// No letters at all.
    None,
}

fn of(c: char) -> Script {
    match c {
        'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}' => Script::Latin,
        '\u{370}'..='\u{3FF}' => Script::Greek,
        '\u{400}'..='\u{52F}' => Script::Cyrillic,
        '\u{590}'..='\u{5FF}' => Script::Hebrew,
        '\u{600}'..='\u{6FF}' | '\u{750}'..='\u{77F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' => {
            Script::Arabic
        }
        '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' => {
            Script::Cjk
        }
        c if c.is_alphabetic() => Script::Other,
        _ => Script::None,
    }
}

/// The script most of the first 400 letters of `text` are written in. A few Latin letters
/// in a Japanese sentence ("Wi-Fi") do not make it Latin: Chinese and Japanese characters
/// each count for three letters, about a word each.
pub fn script(text: &str) -> Script {
    let mut counts = [0usize; 7];
    let mut seen = 0;
    for c in text.chars() {
        let s = of(c);
        let k = match s {
            Script::Latin => 0,
            Script::Cyrillic => 1,
            Script::Greek => 2,
            Script::Arabic => 3,
            Script::Hebrew => 4,
            Script::Cjk => 5,
            Script::Other => 6,
            Script::None => continue,
        };
        counts[k] += if s == Script::Cjk { 3 } else { 1 };
        seen += 1;
        if seen >= 400 {
            break;
        }
    }
    const ALL: [Script; 7] =
        [Script::Latin, Script::Cyrillic, Script::Greek, Script::Arabic, Script::Hebrew, Script::Cjk, Script::Other];
    counts.iter().zip(ALL).filter(|(n, _)| **n > 0).max_by_key(|(n, _)| **n).map_or(Script::None, |(_, s)| s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_of_paragraphs() {
        assert_eq!(script("„Wir werden die Preise erhöhen“, sagte Klaus Berger."), Script::Latin);
        assert_eq!(script("「来年も値上げする」と山本会長は語った。"), Script::Cjk);
        assert_eq!(script("「フリーWi-Fiプロテクション」を提供する"), Script::Cjk);
        assert_eq!(script("Путин заявил, что"), Script::Cyrillic);
        assert_eq!(script("قال الرئيس"), Script::Arabic);
        assert_eq!(script("2024 — 15%"), Script::None);
    }
}

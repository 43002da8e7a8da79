//! A feed's title as one plain line: feeds put markup in titles (Atom's `type="html"`,
//! and RSS titles escaped twice), which folio shows as the words it marks up.

/// `title` without its tags and with its character references read, on one line, with
/// every character unsafe for the terminal shown as a placeholder.
pub fn plain_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        // A tag is `<` then a letter, `/`, `!` or `?`; anything else is a less-than sign.
        let after = &rest[lt + 1..];
        let is_tag = after.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
        match after.find('>') {
            Some(gt) if is_tag => rest = &after[gt + 1..],
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let decoded = crate::article::decode_references(&out);
    let line = decoded.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::sanitize::field(&line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_and_words_stay() {
        assert_eq!(plain_title("<b>Rates</b> rise &amp; fall"), "Rates rise & fall");
        assert_eq!(plain_title("&lt;i&gt;Escaped twice&lt;/i&gt;"), "<i>Escaped twice</i>");
        assert_eq!(plain_title("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
        assert_eq!(plain_title("caf&#233; &#x263A; &bogus;"), "café ☺ &bogus;");
        assert_eq!(plain_title("  two\n lines\t"), "two lines");
    }

    #[test]
    fn controls_become_placeholders() {
        let t = plain_title("evil\u{1b}]0;pwned\u{7} \u{202e}txet");
        assert!(!t.chars().any(|c| c.is_control() || c == '\u{202e}'), "{t:?}");
        // A reference cannot smuggle one in either.
        let t = plain_title("a&#27;[31mb &#x202E;c");
        assert!(!t.chars().any(|c| c.is_control() || c == '\u{202e}'), "{t:?}");
    }
}

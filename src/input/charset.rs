//! Turning a page's bytes into UTF-8 text.
//!
//! The encoding is chosen the way a browser chooses it, in order: a byte-order mark, the
//! `charset` of the HTTP `Content-Type`, (HTML only) a `<meta>` declaration in the first
//! 1024 bytes (unless the bytes are plainly UTF-8), then a guess — UTF-8 when the bytes are valid UTF-8, otherwise `chardetng`
//! with the URL's top-level domain as a hint. Decoding is `encoding_rs`: malformed sequences
//! become U+FFFD and a warning says so.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// How many bytes the `<meta>` prescan looks at (the HTML spec's figure).
const PRESCAN_LIMIT: usize = 1024;

/// How many bytes the detector reads: plenty for a confident guess, and bounded for speed.
const DETECT_LIMIT: usize = 1024 * 1024;

/// Where the chosen encoding came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    Bom,
    Header,
    Meta,
    /// Valid UTF-8 with no declaration.
    Utf8,
    /// Guessed by chardetng.
    Detected,
}

/// Decodes an HTML document: BOM, then the header charset, then `<meta>`, then a guess.
pub fn decode_html(bytes: &[u8], header_charset: Option<&str>, url: Option<&str>) -> (String, Vec<String>) {
    decode(bytes, header_charset, url, true)
}

/// Decodes plain text, Markdown or JSON: like [`decode_html`] without the `<meta>` step.
pub fn decode_text(bytes: &[u8], header_charset: Option<&str>, url: Option<&str>) -> (String, Vec<String>) {
    decode(bytes, header_charset, url, false)
}

/// The `charset` parameter of a `Content-Type` value, unquoted, if there is one.
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim().eq_ignore_ascii_case("charset").then(|| value.trim().trim_matches(['"', '\'']).trim())
    })
}

fn decode(bytes: &[u8], header_charset: Option<&str>, url: Option<&str>, html: bool) -> (String, Vec<String>) {
    let mut warnings = Vec::new();
    let (encoding, source, bom_len) = choose(bytes, header_charset, url, html, &mut warnings);
    if source == Source::Detected {
        warnings.push(format!("no character set declared; guessed {}", encoding.name()));
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
    if had_errors {
        warnings.push(format!("invalid bytes in {} replaced", encoding.name()));
    }
    (text.into_owned(), warnings)
}

/// Picks the encoding; returns it, where it came from and the length of any BOM to skip.
pub(crate) fn choose(
    bytes: &[u8],
    header_charset: Option<&str>,
    url: Option<&str>,
    html: bool,
    warnings: &mut Vec<String>,
) -> (&'static Encoding, Source, usize) {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return (encoding, Source::Bom, bom_len);
    }
    if let Some(label) = header_charset.map(|l| l.trim().trim_matches(['"', '\'']).trim()).filter(|l| !l.is_empty()) {
        match Encoding::for_label(label.as_bytes()) {
            Some(encoding) => return (encoding, Source::Header, 0),
            None => warnings.push(format!("unknown character set {label:?} in the Content-Type header ignored")),
        }
    }
    if html && let Some(encoding) = prescan(&bytes[..bytes.len().min(PRESCAN_LIMIT)]) {
        // A saved page re-encoded as UTF-8 keeps its old declaration (Readability's test
        // pages, many archives). Legacy text that is also valid UTF-8 with multi-byte
        // sequences in it is vanishingly rare, so the bytes win over the tag.
        if encoding != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() {
            warnings.push(format!("the page declares {} but is UTF-8; read as UTF-8", encoding.name()));
            return (UTF_8, Source::Utf8, 0);
        }
        return (encoding, Source::Meta, 0);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return (UTF_8, Source::Utf8, 0);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    let sample = &bytes[..bytes.len().min(DETECT_LIMIT)];
    detector.feed(sample, sample.len() == bytes.len());
    let tld = url.and_then(tld_of);
    (detector.guess(tld.as_deref().map(str::as_bytes), chardetng::Utf8Detection::Allow), Source::Detected, 0)
}

/// The top-level domain of a URL's host, as chardetng wants it: lower-case ASCII, no dot;
/// `None` for an IP address or anything odd (chardetng panics on dots and upper case).
fn tld_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host_port = authority.rsplit('@').next()?;
    if host_port.starts_with('[') {
        return None; // an IPv6 literal
    }
    let host = host_port.split(':').next()?.trim_end_matches('.');
    let tld = host.rsplit('.').next()?.to_ascii_lowercase();
    let plausible = !tld.is_empty() && tld.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    (plausible && !tld.bytes().all(|b| b.is_ascii_digit())).then_some(tld)
}

/// The HTML spec's "prescan a byte stream to determine its encoding", slightly simplified:
/// comments and other tags are skipped, and the first `<meta>` that declares an encoding wins.
fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while i < bytes.len() {
        let rest = &bytes[i..];
        if rest.starts_with(b"<!--") {
            i += find(&rest[2..], b"-->").map_or(rest.len(), |p| p + 2 + 3);
        } else if starts_with_ci(rest, b"<meta") && rest.get(5).is_some_and(|&b| is_space(b) || b == b'/') {
            let mut pos = i + 5;
            if let Some(encoding) = meta_encoding(bytes, &mut pos) {
                return Some(encoding);
            }
            i = pos;
        } else if rest.len() > 1 && rest[0] == b'<' && (rest[1].is_ascii_alphabetic() || rest[1] == b'/') {
            // Any other tag: skip its name, then its attributes (which may hide a '>').
            let mut pos = i + 1 + rest[1..].iter().position(|&b| is_space(b) || b == b'>').unwrap_or(rest.len() - 1);
            while attribute(bytes, &mut pos).is_some() {}
            i = pos + 1;
        } else if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i += rest.iter().position(|&b| b == b'>').map_or(rest.len(), |p| p + 1);
        } else {
            i += 1;
        }
    }
    None
}

/// Reads a `<meta>` tag's attributes from `pos`; the encoding it declares, if any.
fn meta_encoding(bytes: &[u8], pos: &mut usize) -> Option<&'static Encoding> {
    let (mut http_equiv_content_type, mut content, mut charset) = (false, None, None);
    while let Some((name, value)) = attribute(bytes, pos) {
        match name.as_slice() {
            b"http-equiv" => http_equiv_content_type |= value.eq_ignore_ascii_case(b"content-type"),
            b"content" if content.is_none() => content = Some(value),
            b"charset" if charset.is_none() => charset = Some(value),
            _ => {}
        }
    }
    *pos += 1; // past the '>'
    let label = match (charset, content) {
        (Some(c), _) => c,
        (None, Some(content)) if http_equiv_content_type => charset_from_content(&content)?,
        _ => return None,
    };
    let encoding = Encoding::for_label(&label)?;
    // A document that could be parsed this far is ASCII-compatible, so it is not UTF-16.
    Some(match encoding {
        e if e == UTF_16LE || e == UTF_16BE => UTF_8,
        e if e == X_USER_DEFINED => WINDOWS_1252,
        e => e,
    })
}

/// The spec's "get an attribute": returns a lower-cased name and raw value, or `None` at `>`
/// or the end. Leaves `pos` on the `>` that ends the tag.
fn attribute(bytes: &[u8], pos: &mut usize) -> Option<(Vec<u8>, Vec<u8>)> {
    let at = |p: usize| bytes.get(p).copied();
    while at(*pos).is_some_and(|b| is_space(b) || b == b'/') {
        *pos += 1;
    }
    if at(*pos).is_none_or(|b| b == b'>') {
        return None;
    }
    let mut name = Vec::new();
    while let Some(b) = at(*pos) {
        if (b == b'=' && !name.is_empty()) || is_space(b) || b == b'/' || b == b'>' {
            break;
        }
        name.push(b.to_ascii_lowercase());
        *pos += 1;
    }
    while at(*pos).is_some_and(is_space) {
        *pos += 1;
    }
    if at(*pos) != Some(b'=') {
        return Some((name, Vec::new()));
    }
    *pos += 1;
    while at(*pos).is_some_and(is_space) {
        *pos += 1;
    }
    let mut value = Vec::new();
    match at(*pos) {
        Some(quote @ (b'"' | b'\'')) => {
            *pos += 1;
            while let Some(b) = at(*pos) {
                *pos += 1;
                if b == quote {
                    break;
                }
                value.push(b.to_ascii_lowercase());
            }
        }
        _ => {
            while let Some(b) = at(*pos).filter(|&b| !is_space(b) && b != b'>') {
                value.push(b.to_ascii_lowercase());
                *pos += 1;
            }
        }
    }
    Some((name, value))
}

/// The spec's "extract a character encoding from a meta element" on a `content` value.
fn charset_from_content(content: &[u8]) -> Option<Vec<u8>> {
    let mut rest = content;
    loop {
        let p = find(rest, b"charset")?;
        rest = &rest[p + 7..];
        let trimmed = rest.trim_ascii_start();
        if let Some(after_eq) = trimmed.strip_prefix(b"=") {
            rest = after_eq.trim_ascii_start();
            break;
        }
    }
    match rest.first() {
        Some(&quote @ (b'"' | b'\'')) => {
            let end = rest[1..].iter().position(|&b| b == quote)?;
            Some(rest[1..1 + end].to_vec())
        }
        Some(_) => Some(rest.iter().take_while(|&&b| !is_space(b) && b != b';').copied().collect()),
        None => None,
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn starts_with_ci(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.len() >= needle.len() && haystack[..needle.len()].eq_ignore_ascii_case(needle)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::SHIFT_JIS;

    fn source_of(bytes: &[u8], header: Option<&str>) -> (&'static str, Source) {
        let (e, s, _) = choose(bytes, header, None, true, &mut Vec::new());
        (e.name(), s)
    }

    /// "café – “quotes”" in windows-1252.
    const CAFE_1252: &[u8] = b"caf\xe9 \x96 \x93quotes\x94";

    #[test]
    fn header_only() {
        let page = [b"<html><body>".as_slice(), CAFE_1252].concat();
        let (text, warnings) = decode_html(&page, Some("windows-1252"), None);
        assert_eq!(text, "<html><body>café – “quotes”");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(source_of(&page, Some("ISO-8859-1")), ("windows-1252", Source::Header));
    }

    #[test]
    fn meta_charset_only() {
        let page =
            [b"<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>".as_slice(), CAFE_1252].concat();
        assert_eq!(source_of(&page, None), ("windows-1252", Source::Meta));
        assert!(decode_html(&page, None, None).0.ends_with("café – “quotes”"));
        // Unquoted, upper case, after a comment holding a decoy.
        let page = b"<!-- <meta charset=koi8-r> --><META CHARSET=Shift_JIS>";
        assert_eq!(source_of(page, None), ("Shift_JIS", Source::Meta));
    }

    #[test]
    fn a_page_saved_as_utf8_under_its_old_declaration_reads_as_utf8() {
        let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>\
                    <body>人工智能迈上新台阶</body></html>";
        let (text, warnings) = decode_html(page.as_bytes(), None, None);
        assert_eq!(text, page);
        assert_eq!(warnings, ["the page declares GBK but is UTF-8; read as UTF-8"]);
        // Pure ASCII proves nothing: the declaration stands.
        assert_eq!(source_of(b"<meta charset=gb2312><p>plain</p>", None), ("GBK", Source::Meta));
        // The server's word is final.
        assert_eq!(source_of(page.as_bytes(), Some("gb2312")), ("GBK", Source::Header));
    }

    #[test]
    fn http_equiv_only() {
        let page = [
            b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">".as_slice(),
            CAFE_1252,
        ]
        .concat();
        assert_eq!(source_of(&page, None), ("windows-1252", Source::Meta));
        assert!(decode_html(&page, None, None).0.ends_with("café – “quotes”"));
        // content before http-equiv, single quotes.
        let page = b"<meta content='text/html;charset=euc-jp' http-equiv='content-type'>";
        assert_eq!(source_of(page, None), ("EUC-JP", Source::Meta));
        // Without http-equiv the content attribute means nothing.
        let page = b"<meta name=x content=\"charset=euc-jp\">";
        assert_eq!(source_of(page, None), ("UTF-8", Source::Utf8));
    }

    #[test]
    fn meta_after_a_tag_with_a_quoted_gt() {
        let page = b"<html><head><link title=\"a > b\" href=x><meta charset=iso-8859-2>";
        assert_eq!(source_of(page, None), ("ISO-8859-2", Source::Meta));
    }

    #[test]
    fn meta_past_1024_bytes_is_not_seen() {
        let page = [vec![b' '; 1100], b"<meta charset=windows-1252>".to_vec()].concat();
        assert_eq!(source_of(&page, None), ("UTF-8", Source::Utf8));
    }

    #[test]
    fn bom_beats_a_contradicting_meta_and_header() {
        let page = [b"\xef\xbb\xbf<meta charset=windows-1252>".as_slice(), "café".as_bytes()].concat();
        assert_eq!(source_of(&page, Some("windows-1252")), ("UTF-8", Source::Bom));
        let (text, warnings) = decode_html(&page, Some("windows-1252"), None);
        assert_eq!(text, "<meta charset=windows-1252>café");
        assert!(warnings.is_empty());
        let utf16 = b"\xff\xfe<\x00p\x00>\x00";
        assert_eq!(decode_html(utf16, None, None).0, "<p>");
    }

    #[test]
    fn header_beats_meta() {
        let page = b"<meta charset=windows-1252>";
        assert_eq!(source_of(page, Some("\"utf-8\"")), ("UTF-8", Source::Header));
    }

    #[test]
    fn utf16_meta_means_utf8() {
        assert_eq!(source_of(b"<meta charset=utf-16le>", None), ("UTF-8", Source::Meta));
    }

    #[test]
    fn windows_1252_page_without_declaration_is_detected() {
        let body = "<html><body><p>Le café – “quotes” – était très animé, déjà à midi.</p></body></html>";
        let (bytes, _, _) = WINDOWS_1252.encode(body);
        let (text, warnings) = decode_html(&bytes, None, Some("https://example.fr/a"));
        assert_eq!(text, body);
        assert_eq!(warnings, ["no character set declared; guessed windows-1252"]);
    }

    #[test]
    fn shift_jis_page_without_declaration_is_detected() {
        let body =
            "<html><body><p>東京都の天気は晴れです。今日は気温が高く、夏のような一日になりました。</p></body></html>";
        let (bytes, _, _) = SHIFT_JIS.encode(body);
        assert_eq!(source_of(&bytes, None), ("Shift_JIS", Source::Detected));
        let (text, _) = decode_html(&bytes, None, Some("http://www.example.jp/news"));
        assert_eq!(text, body);
    }

    #[test]
    fn plain_utf8_without_declaration() {
        let body = "<p>Zoë’s naïve café — 東京</p>";
        let (text, warnings) = decode_html(body.as_bytes(), None, None);
        assert_eq!(text, body);
        assert!(warnings.is_empty());
    }

    #[test]
    fn malformed_bytes_are_replaced_and_reported() {
        let (text, warnings) = decode_html(b"caf\xc3", Some("utf-8"), None);
        assert_eq!(text, "caf\u{fffd}");
        assert_eq!(warnings, ["invalid bytes in UTF-8 replaced"]);
    }

    #[test]
    fn unknown_header_charset_falls_through() {
        let (text, warnings) = decode_text("naïve".as_bytes(), Some("klingon"), None);
        assert_eq!(text, "naïve");
        assert_eq!(warnings, ["unknown character set \"klingon\" in the Content-Type header ignored"]);
    }

    #[test]
    fn text_ignores_meta() {
        let (e, s, _) = choose(b"<meta charset=windows-1252>", None, None, false, &mut Vec::new());
        assert_eq!((e.name(), s), ("UTF-8", Source::Utf8));
    }

    #[test]
    fn charset_parameter() {
        assert_eq!(charset_param("text/html; charset=\"ISO-8859-1\""), Some("ISO-8859-1"));
        assert_eq!(charset_param("text/html;CHARSET=utf-8;x=y"), Some("utf-8"));
        assert_eq!(charset_param("text/html"), None);
    }

    #[test]
    fn tld_hints_never_panic() {
        assert_eq!(tld_of("https://www.Example.JP./x"), Some("jp".into()));
        assert_eq!(tld_of("http://127.0.0.1:8080/"), None);
        assert_eq!(tld_of("http://[::1]/"), None);
        assert_eq!(tld_of("http://xn--p1ai/"), Some("xn--p1ai".into()));
        assert_eq!(tld_of("http://bad_host!/"), None);
        // chardetng asserts on odd TLDs; a hostile URL must not reach it.
        let odd = [0x8e_u8, 0xa0, 0x8e, 0xa1];
        let _ = decode_html(&odd, None, Some("http://a.ÉÉ/"));
    }
}

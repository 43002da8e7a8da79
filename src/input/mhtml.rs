//! Pages saved as one file: MHTML (`.mhtml`/`.mht`, RFC 2557), as Chrome's "Save as single
//! file" and old Internet Explorer write them.
//!
//! A MIME message whose body is `multipart/related`: the root part is the HTML, the others its
//! images and style sheets. We only want the root: its transfer encoding is undone, then its
//! charset (through [`crate::input::charset`]).

use crate::input::charset;

/// The HTML of a saved page and where it was saved from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mhtml {
    pub html: String,
    /// `Snapshot-Content-Location`, or the root part's `Content-Location`.
    pub url: Option<String>,
    /// From charset decoding (e.g. "invalid bytes in UTF-8 replaced").
    pub warnings: Vec<String>,
}

/// How far into a file [`looks_like_mhtml`] reads for the top-level headers.
const SNIFF_LIMIT: usize = 16 * 1024;

/// True when the bytes start with a MIME header block whose `Content-Type` is
/// `multipart/related` (leading blank lines allowed).
pub fn looks_like_mhtml(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_LIMIT)];
    let Some((headers, _)) = split_headers(head.trim_ascii_start()) else { return false };
    !headers.is_empty()
        && header(&headers, "content-type").is_some_and(|v| media_type(v).eq_ignore_ascii_case("multipart/related"))
}

/// Extracts the root HTML document of an MHTML file.
pub fn read_mhtml(bytes: &[u8]) -> Result<Mhtml, String> {
    let (top, body) = split_headers(bytes.trim_ascii_start()).ok_or("no MIME headers")?;
    let content_type = header(&top, "content-type").ok_or("no Content-Type header")?;
    let snapshot_url = header(&top, "snapshot-content-location").map(str::to_string);

    let root = if media_type(content_type).to_ascii_lowercase().starts_with("multipart/") {
        let boundary = param(content_type, "boundary").ok_or("multipart without a boundary")?;
        let mut parts: Vec<Part> = split_multipart(body, boundary.as_bytes())
            .into_iter()
            .filter_map(|raw| split_headers(raw).map(|(headers, body)| Part { headers, body }))
            .collect();
        let by_start = param(content_type, "start").and_then(|start| {
            let want = strip_angles(&start).to_string();
            parts.iter().position(|p| p.value("content-id").is_some_and(|id| strip_angles(id) == want))
        });
        let is_html = |p: &Part| {
            p.value("content-type")
                .map(media_type)
                .is_some_and(|t| t.eq_ignore_ascii_case("text/html") || t.eq_ignore_ascii_case("application/xhtml+xml"))
        };
        let index = by_start.or_else(|| parts.iter().position(is_html)).ok_or("no HTML part")?;
        parts.swap_remove(index)
    } else {
        // A single-part file: the message itself is the page.
        Part { headers: top, body }
    };

    let decoded = match root.value("content-transfer-encoding").map(|v| v.trim().to_ascii_lowercase()) {
        Some(cte) if cte == "quoted-printable" => decode_quoted_printable(root.body),
        Some(cte) if cte == "base64" => decode_base64(root.body),
        // 7bit, 8bit, binary or nothing: the bytes are the content.
        _ => root.body.to_vec(),
    };
    let url = snapshot_url.or_else(|| root.value("content-location").map(str::to_string));
    let header_charset = root.value("content-type").and_then(charset::charset_param);
    let (html, warnings) = charset::decode_html(&decoded, header_charset, url.as_deref());
    Ok(Mhtml { html, url, warnings })
}

/// Unfolded headers: lower-cased names, trimmed values, in order.
type Headers = Vec<(String, String)>;

/// One body part: its headers and raw body.
struct Part<'a> {
    headers: Headers,
    body: &'a [u8],
}

impl Part<'_> {
    fn value(&self, name: &str) -> Option<&str> {
        header(&self.headers, name)
    }
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// Splits a MIME entity into its unfolded headers and its body. `None` when the first line
/// is not a header. Lines may end in CRLF or LF.
fn split_headers(bytes: &[u8]) -> Option<(Headers, &[u8])> {
    let mut headers = Headers::new();
    let mut pos = 0;
    loop {
        let line_end = bytes[pos..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |p| pos + p);
        let line = bytes[pos..line_end].strip_suffix(b"\r").unwrap_or(&bytes[pos..line_end]);
        let next = (line_end + 1).min(bytes.len());
        if line.is_empty() {
            return Some((headers, &bytes[next..]));
        }
        let text = String::from_utf8_lossy(line);
        if line[0] == b' ' || line[0] == b'\t' {
            // A folded continuation of the previous header.
            let (_, value) = headers.last_mut()?;
            value.push(' ');
            value.push_str(text.trim());
        } else {
            let (name, value) = text.split_once(':')?;
            let valid_name =
                !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
            if !valid_name {
                return None;
            }
            headers.push((name.to_ascii_lowercase(), value.trim().to_string()));
        }
        if line_end >= bytes.len() {
            return Some((headers, &[]));
        }
        pos = next;
    }
}

/// The bodies between `--boundary` delimiter lines (the preamble and epilogue dropped). The
/// line break before each delimiter belongs to the delimiter, not to the part.
fn split_multipart<'a>(body: &'a [u8], boundary: &[u8]) -> Vec<&'a [u8]> {
    let delimiter = [b"--".as_slice(), boundary].concat();
    let mut parts = Vec::new();
    let mut part_start: Option<usize> = None;
    let mut pos = 0;
    while pos < body.len() {
        let line_end = body[pos..].iter().position(|&b| b == b'\n').map_or(body.len(), |p| pos + p);
        let line = body[pos..line_end].trim_ascii_end();
        if let Some(after) = line.strip_prefix(delimiter.as_slice())
            && (after.is_empty() || after == b"--")
        {
            if let Some(start) = part_start {
                let end = pos.saturating_sub(1).max(start); // drop the '\n' before the delimiter
                let end = if end > start && body[end - 1] == b'\r' { end - 1 } else { end };
                parts.push(&body[start..end]);
            }
            if after == b"--" {
                return parts;
            }
            part_start = Some((line_end + 1).min(body.len()));
        }
        pos = line_end + 1;
    }
    // No closing delimiter: keep what the last part had.
    if let Some(start) = part_start {
        parts.push(&body[start..]);
    }
    parts
}

/// `text/html; charset=x` -> `text/html`.
fn media_type(content_type: &str) -> &str {
    content_type.split(';').next().unwrap_or("").trim()
}

/// A parameter of a `Content-Type` value (name case-insensitive, value unquoted). Quoted values
/// may hold ';' (Chrome's boundaries do not, but others' may).
fn param(content_type: &str, name: &str) -> Option<String> {
    let mut rest = content_type.split_once(';')?.1;
    loop {
        let (key, after) = rest.split_once('=')?;
        let key = key.trim().trim_start_matches(';').trim();
        let after = after.trim_start();
        let (value, tail) = if let Some(quoted) = after.strip_prefix('"') {
            let end = quoted.find('"').unwrap_or(quoted.len());
            (&quoted[..end], quoted.get(end + 1..).unwrap_or(""))
        } else {
            let end = after.find(';').unwrap_or(after.len());
            (after[..end].trim(), &after[end..])
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value.to_string());
        }
        rest = tail.split_once(';').map_or("", |(_, t)| t);
        if rest.is_empty() {
            return None;
        }
    }
}

fn strip_angles(id: &str) -> &str {
    let id = id.trim();
    id.strip_prefix('<').and_then(|s| s.strip_suffix('>')).unwrap_or(id)
}

/// Quoted-printable (RFC 2045 §6.7): `=XX` escapes and `=` soft line breaks. A malformed
/// escape is kept as written, as mail readers do.
fn decode_quoted_printable(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        let b = input[i];
        if b != b'=' {
            out.push(b);
            i += 1;
            continue;
        }
        let rest = &input[i + 1..];
        // A soft line break, possibly with trailing whitespace before the line end.
        let pad = rest.iter().take_while(|&&c| c == b' ' || c == b'\t').count();
        if rest[pad..].starts_with(b"\r\n") {
            i += 1 + pad + 2;
        } else if rest[pad..].starts_with(b"\n") {
            i += 1 + pad + 1;
        } else if let (Some(hi), Some(lo)) = (rest.first().and_then(hex), rest.get(1).and_then(hex)) {
            out.push(hi << 4 | lo);
            i += 3;
        } else {
            out.push(b'=');
            i += 1;
        }
    }
    out
}

fn hex(b: &u8) -> Option<u8> {
    char::from(*b).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

/// Base64 as MIME writes it: line breaks and any other non-alphabet bytes are skipped, and
/// decoding stops at the first `=`.
fn decode_base64(input: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(input.len() / 4 * 3);
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in input {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Composed by hand in the shape Chrome writes (CRLF line ends, QP with `=3D` and soft
    /// breaks, a style sheet and an image after the page).
    const CHROME_QP: &str = concat!(
        "From: <Saved by Blink>\r\n",
        "Snapshot-Content-Location: https://news.example.com/2024/05/story.html\r\n",
        "Subject: =?utf-8?Q?Caf=C3=A9_story?=\r\n",
        "Date: Tue, 14 May 2024 09:12:44 -0000\r\n",
        "MIME-Version: 1.0\r\n",
        "Content-Type: multipart/related;\r\n",
        "\ttype=\"text/html\";\r\n",
        "\tboundary=\"----MultipartBoundary--Q8xWfZpD2kS1nVbTcYrLmE7hAuJ3gN0oPiKe----\"\r\n",
        "\r\n",
        "\r\n",
        "------MultipartBoundary--Q8xWfZpD2kS1nVbTcYrLmE7hAuJ3gN0oPiKe----\r\n",
        "Content-Type: text/html\r\n",
        "Content-ID: <frame-4C2D1F0B8E7A@mhtml.blink>\r\n",
        "Content-Transfer-Encoding: quoted-printable\r\n",
        "Content-Location: https://news.example.com/2024/05/story.html\r\n",
        "\r\n",
        "<!DOCTYPE html><html><head><meta http-equiv=3D\"Content-Type\" content=3D\"t=\r\n",
        "ext/html; charset=3DUTF-8\"><title>Caf=C3=A9 story</title></head><body><h1 cl=\r\n",
        "ass=3D\"headline\">Le caf=C3=A9 =E2=80=93 =E2=80=9Cquotes=E2=80=9D</h1><p>A =\r\n",
        "long paragraph that Chrome wraps at 76 columns with soft line breaks.</p></=\r\n",
        "body></html>\r\n",
        "------MultipartBoundary--Q8xWfZpD2kS1nVbTcYrLmE7hAuJ3gN0oPiKe----\r\n",
        "Content-Type: text/css\r\n",
        "Content-Transfer-Encoding: quoted-printable\r\n",
        "Content-Location: cid:css-1@mhtml.blink\r\n",
        "\r\n",
        "@charset \"utf-8\";\r\n",
        "\r\n",
        "h1 { color: red; }\r\n",
        "------MultipartBoundary--Q8xWfZpD2kS1nVbTcYrLmE7hAuJ3gN0oPiKe----\r\n",
        "Content-Type: image/png\r\n",
        "Content-Transfer-Encoding: base64\r\n",
        "Content-Location: https://news.example.com/logo.png\r\n",
        "\r\n",
        "iVBORw0KGgo=\r\n",
        "------MultipartBoundary--Q8xWfZpD2kS1nVbTcYrLmE7hAuJ3gN0oPiKe------\r\n",
    );

    #[test]
    fn chrome_quoted_printable() {
        assert!(looks_like_mhtml(CHROME_QP.as_bytes()));
        let m = read_mhtml(CHROME_QP.as_bytes()).unwrap();
        assert_eq!(m.url.as_deref(), Some("https://news.example.com/2024/05/story.html"));
        assert_eq!(
            m.html,
            "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Type\" content=\"text/html; \
             charset=UTF-8\"><title>Café story</title></head><body><h1 class=\"headline\">Le café – \
             “quotes”</h1><p>A long paragraph that Chrome wraps at 76 columns with soft line \
             breaks.</p></body></html>"
        );
        assert!(m.warnings.is_empty());
    }

    #[test]
    fn base64_root_named_by_start_with_a_charset() {
        // The image comes first; `start` names the page; the page is windows-1252 in base64
        // ("<p>caf\xe9 \x96 ok</p>"), with LF line ends.
        let file = concat!(
            "MIME-Version: 1.0\n",
            "Content-Type: multipart/related; boundary=\"b1;x\"; start=\"<page@x>\"; type=\"text/html\"\n",
            "\n",
            "This is a multi-part message in MIME format.\n",
            "--b1;x\n",
            "Content-Type: image/gif\n",
            "Content-Transfer-Encoding: base64\n",
            "\n",
            "R0lGODlhAQABAAAAACw=\n",
            "--b1;x\n",
            "Content-Type: text/html; charset=\"windows-1252\"\n",
            "Content-ID: <page@x>\n",
            "Content-Location: http://old.example.org/page.htm\n",
            "Content-Transfer-Encoding: base64\n",
            "\n",
            "PHA+Y2Fm6SCWIG9r\n",
            "PC9wPg==\n",
            "--b1;x--\n",
            "epilogue\n",
        );
        assert!(looks_like_mhtml(file.as_bytes()));
        let m = read_mhtml(file.as_bytes()).unwrap();
        assert_eq!(m.html, "<p>café – ok</p>");
        assert_eq!(m.url.as_deref(), Some("http://old.example.org/page.htm"));
    }

    #[test]
    fn eight_bit_single_part() {
        let file = "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<p>naïve</p>";
        assert!(!looks_like_mhtml(file.as_bytes()));
        let m = read_mhtml(file.as_bytes()).unwrap();
        assert_eq!(m.html, "<p>naïve</p>");
        assert_eq!(m.url, None);
    }

    #[test]
    fn sniff_refuses_other_files() {
        assert!(!looks_like_mhtml(b"<!DOCTYPE html><html></html>"));
        assert!(!looks_like_mhtml(b"# Title\n\nSome: text\n"));
        assert!(!looks_like_mhtml(b"Content-Type: multipart/mixed; boundary=x\r\n\r\n"));
        assert!(!looks_like_mhtml(b""));
        assert!(looks_like_mhtml(b"\r\nMIME-Version: 1.0\r\nContent-Type: Multipart/Related; boundary=x\r\n\r\n"));
    }

    #[test]
    fn errors_are_reported_not_panicked() {
        assert!(read_mhtml(b"").is_err());
        assert!(read_mhtml(b"<html>").is_err());
        assert_eq!(
            read_mhtml(
                b"Content-Type: multipart/related; boundary=z\r\n\r\n--z\r\nContent-Type: image/png\r\n\r\nx\r\n--z--"
            ),
            Err("no HTML part".to_string())
        );
        assert_eq!(read_mhtml(b"Content-Type: multipart/related\r\n\r\n"), Err("multipart without a boundary".into()));
    }

    #[test]
    fn quoted_printable_edge_cases() {
        assert_eq!(decode_quoted_printable(b"a=3d=3Db=  \r\nc=\nd=zz=4"), b"a==bcd=zz=4");
    }

    #[test]
    fn base64_ignores_line_breaks() {
        assert_eq!(decode_base64(b"aGVs\r\nbG8=\r\n"), b"hello");
        assert_eq!(decode_base64(b"aGVsbG8"), b"hello");
    }

    #[test]
    fn unterminated_multipart_keeps_the_last_part() {
        let file = b"Content-Type: multipart/related; boundary=z\n\n--z\nContent-Type: text/html\n\n<p>cut";
        assert_eq!(read_mhtml(file).unwrap().html, "<p>cut");
    }
}

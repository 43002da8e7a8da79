//! Reading an article's bytes from a file or stdin and decoding them to text.
//!
//! Everything here answers one question: can these bytes be an article? Missing files,
//! directories, binary data, empty text and oversized inputs become an [`InputError`] whose
//! `Display` is the one line folio prints before exiting with status 1.

use std::fmt;
use std::io::{self, Read};
use std::path::Path;

/// The default `--max-size`: large enough for any book, small enough not to exhaust memory.
pub const DEFAULT_MAX_SIZE: u64 = 256 * 1024 * 1024;

/// How far into the input a NUL byte marks it as binary.
const BINARY_SNIFF: usize = 8 * 1024;

/// Where the article came from, for messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Bundled,
    Stdin,
    File(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Bundled => f.write_str("bundled article"),
            Origin::Stdin => f.write_str("<stdin>"),
            Origin::File(p) => f.write_str(p),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NotFound,
    IsDirectory,
    PermissionDenied,
    NotText,
    NoText,
    TooLarge { limit: u64 },
    Io(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub origin: Origin,
    pub problem: Problem,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.origin)?;
        match &self.problem {
            Problem::NotFound => f.write_str("no such file"),
            Problem::IsDirectory => f.write_str("is a directory, not an article"),
            Problem::PermissionDenied => f.write_str("permission denied"),
            Problem::NotText => f.write_str("not a text file"),
            Problem::NoText => f.write_str("no article text"),
            Problem::TooLarge { limit } => write!(f, "larger than the {} limit (see --max-size)", human_size(*limit)),
            Problem::Io(e) => f.write_str(e),
        }
    }
}

impl std::error::Error for InputError {}

fn human_size(bytes: u64) -> String {
    const MIB: u64 = 1024 * 1024;
    if bytes >= MIB && bytes.is_multiple_of(MIB) { format!("{} MiB", bytes / MIB) } else { format!("{bytes} bytes") }
}

/// Decoded article text plus what went wrong on the way, if anything was repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Reads `path` ("-" for stdin) with a size limit and decodes it.
pub fn read_article(path: &str, max_size: u64) -> Result<Decoded, InputError> {
    let origin = if path == "-" { Origin::Stdin } else { Origin::File(path.to_string()) };
    let err = |problem| InputError { origin: origin.clone(), problem };
    let bytes = if path == "-" {
        read_limited(io::stdin().lock(), max_size).map_err(&err)?
    } else {
        let p = Path::new(path);
        let meta = std::fs::metadata(p).map_err(|e| err(io_problem(&e)))?;
        if meta.is_dir() {
            return Err(err(Problem::IsDirectory));
        }
        if meta.is_file() && meta.len() > max_size {
            return Err(err(Problem::TooLarge { limit: max_size }));
        }
        let file = std::fs::File::open(p).map_err(|e| err(io_problem(&e)))?;
        read_limited(file, max_size).map_err(&err)?
    };
    decode(&bytes).map_err(err)
}

fn io_problem(e: &io::Error) -> Problem {
    match e.kind() {
        io::ErrorKind::NotFound => Problem::NotFound,
        io::ErrorKind::PermissionDenied => Problem::PermissionDenied,
        io::ErrorKind::IsADirectory => Problem::IsDirectory,
        _ => Problem::Io(e.to_string()),
    }
}

/// Reads at most `limit` bytes; one more byte means the input is too large.
fn read_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, Problem> {
    let mut buf = Vec::new();
    reader.take(limit.saturating_add(1)).read_to_end(&mut buf).map_err(|e| io_problem(&e))?;
    if buf.len() as u64 > limit {
        return Err(Problem::TooLarge { limit });
    }
    Ok(buf)
}

/// Turns raw bytes into text: BOMs (UTF-8, UTF-16 LE/BE) honoured, NUL bytes refused as
/// binary, invalid UTF-8 replaced with U+FFFD and reported, blank text refused.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Problem> {
    let mut warnings = Vec::new();
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        utf8(rest, &mut warnings)?
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes, &mut warnings)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes, &mut warnings)
    } else {
        utf8(bytes, &mut warnings)?
    };
    if text.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
        return Err(Problem::NoText);
    }
    Ok(Decoded { text, warnings })
}

fn utf8(bytes: &[u8], warnings: &mut Vec<String>) -> Result<String, Problem> {
    let head = &bytes[..bytes.len().min(BINARY_SNIFF)];
    if memchr::memchr(0, head).is_some() {
        return Err(Problem::NotText);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let bad = text.matches('\u{fffd}').count();
            warnings
                .push(format!("invalid UTF-8: {bad} byte sequence{} replaced with �", if bad == 1 { "" } else { "s" }));
            Ok(text)
        }
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16, warnings: &mut Vec<String>) -> String {
    let units = bytes.chunks(2).map(|c| match c {
        [a, b] => unit([*a, *b]),
        _ => 0xFFFD,
    });
    let mut bad = 0usize;
    let text: String = char::decode_utf16(units)
        .map(|r| {
            r.unwrap_or_else(|_| {
                bad += 1;
                '\u{fffd}'
            })
        })
        .collect();
    if bad > 0 || bytes.len() % 2 == 1 {
        warnings.push(format!("invalid UTF-16: {} code units replaced with �", bad.max(1)));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_dropped() {
        let d = decode(b"\xEF\xBB\xBFHello world.").unwrap();
        assert_eq!(d.text, "Hello world.");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn utf16_both_byte_orders() {
        let le: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Trẻ em.".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        let be: Vec<u8> =
            [0xFE, 0xFF].into_iter().chain("Trẻ em.".encode_utf16().flat_map(|u| u.to_be_bytes())).collect();
        assert_eq!(decode(&le).unwrap().text, "Trẻ em.");
        assert_eq!(decode(&be).unwrap().text, "Trẻ em.");
    }

    #[test]
    fn invalid_utf8_is_lossy_with_a_warning() {
        let d = decode(b"caf\xE9 au lait").unwrap();
        assert_eq!(d.text, "caf\u{fffd} au lait");
        assert_eq!(d.warnings, vec!["invalid UTF-8: 1 byte sequence replaced with �".to_string()]);
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00rest"), Err(Problem::NotText));
    }

    #[test]
    fn blank_text_is_refused() {
        assert_eq!(decode(b""), Err(Problem::NoText));
        assert_eq!(decode(b" \n\t\r\n "), Err(Problem::NoText));
        assert_eq!(decode(b"\xEF\xBB\xBF\n"), Err(Problem::NoText));
    }

    #[test]
    fn size_limit_counts_one_byte_past() {
        assert!(read_limited(&b"12345"[..], 5).is_ok());
        assert_eq!(read_limited(&b"123456"[..], 5), Err(Problem::TooLarge { limit: 5 }));
    }

    #[test]
    fn messages_name_the_file() {
        let e = read_article("/definitely/not/here.txt", DEFAULT_MAX_SIZE).unwrap_err();
        assert_eq!(e.to_string(), "/definitely/not/here.txt: no such file");
        let e = read_article("/", DEFAULT_MAX_SIZE).unwrap_err();
        assert_eq!(e.to_string(), "/: is a directory, not an article");
    }
}

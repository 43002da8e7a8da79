//! Reading a file or standard input with a size limit, and decoding text (BOMs,
//! UTF-8 with a warning for invalid bytes, UTF-16). The reader reads a long book's head
//! first and the rest behind its first screen.

use super::{InputError, Origin, Problem};
use std::io::{self, Read};
use std::path::Path;

/// How far into the input a NUL byte marks it as binary.
const BINARY_SNIFF: usize = 8 * 1024;

/// Decoded article text plus what went wrong on the way, if anything was repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Reads `path` ("-" for stdin) with a size limit and decodes it.
pub fn read_article(path: &str, max_size: u64) -> Result<Decoded, InputError> {
    open_head(path, max_size, usize::MAX)?.finish()
}

/// The beginning of an input, read, and the means to read the rest: the reader shows a
/// long book's first screen before the rest is read.
pub struct Head {
    pub origin: Origin,
    /// The first bytes (all of them when `rest` is `None`).
    pub bytes: Vec<u8>,
    rest: Option<Box<dyn Read + Send>>,
    limit: u64,
}

/// Opens `path` ("-" for stdin) and reads up to `head` bytes of it. Missing files,
/// directories and files over the limit fail here, before anything is shown.
pub fn open_head(path: &str, max_size: u64, head: usize) -> Result<Head, InputError> {
    let origin = Origin::of(path);
    let err = |problem| InputError { origin: origin.clone(), problem };
    let (reader, known): (Box<dyn Read + Send>, Option<u64>) = if path == "-" {
        (Box::new(io::stdin()), None)
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
        (Box::new(file), meta.is_file().then_some(meta.len()))
    };
    let want = (head as u64).min(max_size.saturating_add(1));
    // One allocation of the right size when the size is known: no copies while growing.
    let capacity = known.map_or(64 * 1024, |n| n.min(want) as usize + 1);
    let mut bytes = Vec::with_capacity(capacity);
    let mut reader = reader;
    reader.by_ref().take(want).read_to_end(&mut bytes).map_err(|e| err(io_problem(&e)))?;
    let done = (bytes.len() as u64) < want;
    if bytes.len() as u64 > max_size {
        return Err(err(Problem::TooLarge { limit: max_size }));
    }
    Ok(Head { origin, bytes, rest: (!done).then_some(reader), limit: max_size })
}

impl Head {
    /// Whether the whole input is in `bytes`.
    pub fn is_complete(&self) -> bool {
        self.rest.is_none()
    }

    /// The first bytes look binary (a NUL in the first 8 KiB).
    pub fn looks_binary(&self) -> bool {
        let skip =
            if self.bytes.starts_with(&[0xFF, 0xFE]) || self.bytes.starts_with(&[0xFE, 0xFF]) { usize::MAX } else { 0 };
        skip == 0 && memchr::memchr(0, &self.bytes[..self.bytes.len().min(BINARY_SNIFF)]).is_some()
    }

    /// Reads the rest: all of the input's bytes.
    pub fn into_bytes(mut self) -> Result<Vec<u8>, InputError> {
        let err = |problem| InputError { origin: self.origin.clone(), problem };
        if let Some(mut rest) = self.rest.take() {
            let left = self.limit.saturating_add(1).saturating_sub(self.bytes.len() as u64);
            rest.by_ref().take(left).read_to_end(&mut self.bytes).map_err(|e| err(io_problem(&e)))?;
            if self.bytes.len() as u64 > self.limit {
                return Err(err(Problem::TooLarge { limit: self.limit }));
            }
        }
        Ok(self.bytes)
    }

    /// Reads the rest and decodes the whole input as text.
    pub fn finish(self) -> Result<Decoded, InputError> {
        let origin = self.origin.clone();
        decode_owned(self.into_bytes()?).map_err(|problem| InputError { origin, problem })
    }
}

fn io_problem(e: &io::Error) -> Problem {
    match e.kind() {
        io::ErrorKind::NotFound => Problem::NotFound,
        io::ErrorKind::PermissionDenied => Problem::PermissionDenied,
        io::ErrorKind::IsADirectory => Problem::IsDirectory,
        _ => Problem::Io(e.to_string()),
    }
}

/// Turns raw bytes into text: BOMs (UTF-8, UTF-16 LE/BE) honoured, NUL bytes refused as
/// binary, invalid UTF-8 replaced with U+FFFD and reported, blank text refused.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Problem> {
    decode_owned(bytes.to_vec())
}

/// [`decode`] taking the bytes, so valid UTF-8 (the usual case) becomes text without a copy.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded, Problem> {
    let mut warnings = Vec::new();
    let text = if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
        utf8(bytes, &mut warnings)?
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

fn utf8(bytes: Vec<u8>, warnings: &mut Vec<String>) -> Result<String, Problem> {
    let head = &bytes[..bytes.len().min(BINARY_SNIFF)];
    if memchr::memchr(0, head).is_some() {
        return Err(Problem::NotText);
    }
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
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
    use crate::input::DEFAULT_MAX_SIZE;

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
        let dir = std::env::temp_dir().join(format!("folio-input-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("five.txt");
        std::fs::write(&p, "12345").unwrap();
        let path = p.to_string_lossy().into_owned();
        assert!(read_article(&path, 5).is_ok());
        assert_eq!(read_article(&path, 4).unwrap_err().problem, Problem::TooLarge { limit: 4 });
        // The head of a longer input, and the rest read later.
        std::fs::write(&p, "Hello there, a longer text.").unwrap();
        let head = open_head(&path, 1000, 5).unwrap();
        assert!(!head.is_complete());
        assert_eq!(head.bytes, b"Hello");
        assert_eq!(head.finish().unwrap().text, "Hello there, a longer text.");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn messages_name_the_file() {
        let e = read_article("/definitely/not/here.txt", DEFAULT_MAX_SIZE).unwrap_err();
        assert_eq!(e.to_string(), "/definitely/not/here.txt: no such file");
        let e = read_article("/", DEFAULT_MAX_SIZE).unwrap_err();
        assert_eq!(e.to_string(), "/: is a directory, not an article");
    }
}

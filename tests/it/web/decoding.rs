//! Hostile or broken input never panics: random splices of the syntax each parser cares about.

use folio::input::{charset, mhtml};

/// Fragments the parsers react to, spliced at random.
const PIECES: &[&[u8]] = &[
    b"<meta",
    b" charset=",
    b"\"",
    b"'",
    b">",
    b"<!--",
    b"-->",
    b"<",
    b"/",
    b"=",
    b"http-equiv=content-type",
    b" content=\"text/html;charset=",
    b"shift_jis",
    b"utf-16le",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x82\xa0",
    b"\xe9",
    b"\r\n",
    b"\n",
    b"Content-Type: multipart/related; boundary=",
    b"--b",
    b"b",
    b"--",
    b"Content-Type: text/html",
    b"Content-Transfer-Encoding: quoted-printable",
    b"Content-Transfer-Encoding: base64",
    b"=",
    b"=3D",
    b"=\r\n",
    b"start=\"<x>\"",
    b"Content-ID: <x>",
    b"\t",
    b" ",
    b"\0",
    b"Snapshot-Content-Location: ",
    b"QUJD",
    b";",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        // xorshift64*: deterministic, no dependency.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize
    }
}

#[test]
fn random_splices_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..3000 {
        let mut input = Vec::new();
        for _ in 0..rng.next() % 40 {
            input.extend_from_slice(PIECES[rng.next() % PIECES.len()]);
        }
        let header = ["", "utf-8", "\"", "klingon", "windows-1252"][rng.next() % 5];
        let url = ["", "http://a.JP/", "http://[::1]/", "http://x.ÉÉ/", "http://1.2.3.4/"][rng.next() % 5];
        let _ = charset::decode_html(&input, Some(header), Some(url));
        let _ = charset::decode_text(&input, None, Some(url));
        let _ = mhtml::looks_like_mhtml(&input);
        let _ = mhtml::read_mhtml(&input);
    }
}

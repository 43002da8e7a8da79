use folio::article::{dates::*, tokens::tokenize};
fn main() {
    let text = std::env::args().nth(1).unwrap();
    let t = tokenize(&text);
    for d in find_dates(&text, &t) { println!("{:?} {:?}", &text[d.start..d.end], d); }
}

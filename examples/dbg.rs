use folio::article::{quotes::*, sentences::sentences, tokens::tokenize};
fn main() {
    let text = std::env::args().nth(1).unwrap();
    let t = tokenize(&text);
    let s = sentences(&text, &t);
    for r in &s { println!("S: {}", &text[r.clone()]); }
    for q in find_quotes(&text, &t, &s) { println!("{:?} {:?}", &text[q.start..q.end], q.said); }
}

//! Profiling aid: parses a large generated document a few times.
//! `cargo run --release --example parse_big -- FILE [structure]`
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let structure_only = std::env::args().nth(2).is_some();
    let text = std::fs::read_to_string(path).expect("readable");
    let start = std::time::Instant::now();
    for _ in 0..3 {
        let a = if structure_only {
            folio::article::parse_structure(&text, None)
        } else {
            folio::article::parse(&text, None)
        };
        std::hint::black_box(a.ok());
    }
    let secs = start.elapsed().as_secs_f64() / 3.0;
    eprintln!("{:.1} ms per parse, {:.1} MB/s", secs * 1e3, text.len() as f64 / secs / 1e6);
}

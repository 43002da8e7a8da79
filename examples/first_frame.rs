//! Profiling aid: the steps to the reader's first frame on a long file, timed.
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let t = Instant::now();
    let head = folio::input::open_head(&path, 1 << 30, folio::app::loading::SYNC_LIMIT).expect("opens");
    eprintln!("head read     {:?}", t.elapsed());
    let (mut app, _rx) = folio::app::loading::open_head(head, None, 88).expect("loads");
    eprintln!("first app     {:?}", t.elapsed());
    folio::app::update(&mut app, folio::app::Action::Resize(120, 40));
    eprintln!("laid out      {:?}", t.elapsed());
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    term.draw(|f| folio::ui::draw(f, &app)).unwrap();
    eprintln!("drawn         {:?}", t.elapsed());
}

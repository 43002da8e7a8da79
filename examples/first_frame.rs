//! Profiling aid: the steps to the reader's first frame on a long file, timed.
//! `first_frame FILE`.
use std::time::Instant;
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let t = Instant::now();
    let head = folio::input::open_head(&path, 1 << 30, folio::app::loading::SYNC_LIMIT).expect("opens");
    eprintln!("head read     {:?}", t.elapsed());
    let again = folio::input::open_head(&path, 1 << 30, folio::app::loading::SYNC_LIMIT).expect("opens");
    let (mut app, _rx) = folio::app::loading::open_head(head, None, folio::reader_options(88)).expect("loads");
    eprintln!("first app     {:?}", t.elapsed());
    let t2 = Instant::now();
    let (_app, _rx) = folio::app::loading::open_head(again, None, folio::reader_options(88)).expect("loads");
    eprintln!("(again: {:?})", t2.elapsed());
    folio::app::update(&mut app, folio::app::Action::Resize(120, 40));
    eprintln!("laid out      {:?}", t.elapsed());
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");
    eprintln!("terminal      {:?}", t.elapsed());
    term.draw(|f| folio::ui::draw(f, &app, &folio::ui::Options::default())).expect("draws");
    eprintln!("drawn         {:?}", t.elapsed());
    folio::app::update(&mut app, folio::app::Action::Resize(121, 40));
    term.backend_mut().resize(121, 40);
    term.draw(|f| folio::ui::draw(f, &app, &folio::ui::Options::default())).expect("draws");
    eprintln!("drawn again   {:?}", t.elapsed());
}

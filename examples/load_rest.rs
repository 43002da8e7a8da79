//! Profiling aid: what the reader's background loader does for a long file, to measure
//! its memory (valgrind --tool=massif) without a terminal.
fn main() {
    let path = std::env::args().nth(1).expect("a file");
    let head = folio::input::open_head(&path, 1 << 30, folio::app::loading::SYNC_LIMIT).expect("opens");
    let (mut app, loader) = folio::app::loading::open_head(head, None, folio::reader_options(88)).expect("loads");
    folio::app::update(&mut app, folio::app::Action::Resize(200, 60));
    if let Some(l) = loader {
        let rx = l.start();
        while let Ok(msg) = rx.recv() {
            folio::app::update(&mut app, folio::app::Action::Loaded(msg));
        }
    }
    eprintln!("{} blocks, {} quotes", app.doc().len(), app.article().quotes.len());
}

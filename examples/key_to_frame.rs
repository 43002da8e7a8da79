//! Profiling aid: the processor time of a keypress and its redraw at 200x60 on a 10 MB
//! book (what `cargo bench --bench render` times by the clock), for a VM whose
//! neighbours make the clock say more about them than about folio. The thread's own CPU
//! time (CLOCK_THREAD_CPUTIME_ID) is read around batches of 100 keypresses; prints the
//! median and the lowest batch, per keypress. `key_to_frame FILE` (scripts/make-big-article
//! writes the book).
use folio::app::items::Group;
use folio::app::{Action, App, Focus, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn cpu_ns() -> u128 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec into the one it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as u128 * 1_000_000_000 + t.tv_nsec as u128
}

fn main() {
    let path = std::env::args().nth(1).expect("a file: scripts/make-big-article writes one");
    let text = std::fs::read_to_string(&path).expect("reads");
    let article = folio::article::parse(&text, None).expect("parses");
    let mut app = App::new(article, folio::reader_options(88));
    update(&mut app, Action::Resize(200, 60));
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("terminal");
    let options = folio::ui::Options::default();
    let cases: [(&str, Action, Action); 5] = [
        ("j", Action::Down, Action::Up),
        ("PgDn", Action::PageDown, Action::PageUp),
        ("]", Action::NextSection, Action::PrevSection),
        ("a group key (2, 4)", Action::ShowGroup(Group::Quotes), Action::ShowGroup(Group::People)),
        ("resize (re-wrap)", Action::Resize(160, 60), Action::Resize(200, 60)),
    ];
    for (name, there, back) in cases {
        // From the middle of the book, the text with the keys.
        if app.focus() != Focus::Reader {
            update(&mut app, Action::FocusNext);
        }
        update(&mut app, Action::Bottom);
        for _ in 0..100 {
            update(&mut app, Action::PageUp);
        }
        let mut batches = Vec::new();
        for _ in 0..30 {
            let start = cpu_ns();
            for i in 0..100 {
                update(&mut app, if i % 2 == 0 { there.clone() } else { back.clone() });
                terminal.draw(|f| folio::ui::draw(f, &app, &options)).expect("draw");
            }
            batches.push((cpu_ns() - start) as f64 / 100.0 / 1000.0);
        }
        batches.sort_by(f64::total_cmp);
        println!("{name:20} median {:7.1} µs   lowest {:7.1} µs", batches[batches.len() / 2], batches[0]);
    }
}

//! End to end: the real binary in a pseudo-terminal, driven by keys, read back as a screen.

#[cfg(unix)]
mod pty {
    use crate::common::pty::{Pty, contains};

    #[test]
    fn read_the_bundled_article_and_quit() {
        let mut t = Pty::spawn(&[], 120, 40);
        t.wait_for("Threatening progress made");
        t.keys(&[b"2"]);
        let s = t.wait_for("Ilias Chatzis: is now under");
        assert!(s.contains("Antonio Guterres: Trafficking in"), "{s}");
        t.keys(&[b"G", b"\r"]);
        t.wait_for("Quote — Ilias Chatzis");
        // The quote's words in the text, on the highlight's background (dark theme).
        assert!(t.has_background("is now under", (70, 60, 20)), "the quote is highlighted:\n{}", t.screen());
        t.keys(&[b"3"]);
        t.wait_for("one-third of human");
        t.keys(&[b"?"]);
        let help = t.wait_for("folio keys");
        assert!(help.contains("Tab/Shift-Tab"), "{help}");
        t.keys(&[b"\x1b"]);
        t.wait_gone("folio keys");
        t.resize(80, 24);
        t.wait_for("S2 Q3");
        t.resize(30, 8);
        t.wait_for("Enlarge the terminal");
        t.resize(120, 40);
        t.wait_for("Sec 2");
        t.keys(&[b"q"]);
        let status = t.wait_exit();
        assert!(status.success(), "{status:?}");
        let raw = t.raw();
        assert!(contains(&raw, b"\x1b[?1049l"), "left the alternate screen");
        assert!(contains(&raw, b"\x1b[?25h"), "showed the cursor");
        let termios = t.termios();
        assert_ne!(termios.c_lflag & libc::ICANON, 0, "cooked mode after quitting");
        assert_ne!(termios.c_lflag & libc::ECHO, 0, "echo on after quitting");
    }

    #[test]
    // The panic trigger is compiled into debug builds only (`cargo test --release` builds
    // the binary without it).
    #[cfg_attr(not(debug_assertions), ignore = "FOLIO_TEST_PANIC is a debug-build hook")]
    fn a_panic_restores_the_terminal_and_reports() {
        let mut t = Pty::spawn_with_env(&[], 100, 30, &[("FOLIO_TEST_PANIC", "1")]);
        let status = t.wait_exit();
        assert!(!status.success());
        let raw = String::from_utf8_lossy(&t.raw()).into_owned();
        let left = raw.rfind("\x1b[?1049l").expect("left the alternate screen");
        let message = raw.find("FOLIO_TEST_PANIC is set").expect("the panic message is printed");
        assert!(left < message, "the screen is restored before the message is printed");
        let after = t.termios();
        assert_ne!(after.c_lflag & libc::ICANON, 0, "cooked mode after a panic");
        assert_ne!(after.c_lflag & libc::ECHO, 0, "echo on after a panic");
    }

    #[test]
    fn sigterm_restores_the_terminal() {
        for signal in [libc::SIGTERM, libc::SIGHUP, libc::SIGINT] {
            let mut t = Pty::spawn(&[], 100, 30);
            t.wait_for("Threatening progress made");
            let before = t.termios();
            assert_eq!(before.c_lflag & libc::ICANON, 0, "raw mode while reading");
            // SAFETY: sending a signal to the child we spawned.
            unsafe {
                libc::kill(t.pid() as i32, signal);
            }
            t.wait_exit();
            let raw = t.raw();
            assert!(contains(&raw, b"\x1b[?1049l"), "signal {signal}: left the alternate screen");
            assert!(contains(&raw, b"\x1b[?25h"), "signal {signal}: showed the cursor");
            assert!(contains(&raw, b"\x1b[?1000l"), "signal {signal}: mouse capture off");
            let after = t.termios();
            assert_ne!(after.c_lflag & libc::ICANON, 0, "signal {signal}: cooked mode");
            assert_ne!(after.c_lflag & libc::ECHO, 0, "signal {signal}: echo on");
        }
    }
}

#[cfg(unix)]
mod pty_hostile {
    use crate::common::pty::{Pty, contains};
    use crate::common::{FORBIDDEN, HOSTILE};

    #[test]
    fn escape_sequences_in_an_article_never_reach_the_terminal() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("hostile.txt");
        std::fs::write(&path, HOSTILE).expect("write");
        let mut t = Pty::spawn(&[path.to_str().expect("utf-8 path")], 120, 40);
        let screen = t.wait_for("Hostile article title");
        for placeholder in ["␛[2J", "␛]0;pwned␇", "<U+009B>31m", "<U+202E>"] {
            assert!(screen.contains(placeholder), "missing {placeholder}:\n{screen}");
        }
        t.keys(&[b"4", b"/"]);
        t.send("pwned".as_bytes());
        t.wait_for("1/");
        t.keys(&[b"\r", b"q"]);
        t.wait_exit();
        let raw = t.raw();
        for bad in FORBIDDEN {
            assert!(!contains(&raw, bad), "the terminal received {bad:?}");
        }
        // folio's own output has no OSC, DCS or C1 sequences at all.
        for seq in [&b"\x1b]"[..], b"\x1bP", b"\xc2\x9b"] {
            assert!(!contains(&raw, seq), "the terminal received {seq:?}");
        }
    }

    #[test]
    fn exports_printed_on_a_terminal_show_placeholders() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("hostile.txt");
        std::fs::write(&path, HOSTILE).expect("write");
        let path = path.to_str().expect("utf-8 path");
        for format in ["text", "markdown", "json"] {
            let mut t = Pty::spawn(&["--export", format, path], 200, 60);
            assert!(t.wait_exit().success(), "{format}");
            let raw = t.raw();
            for bad in FORBIDDEN.iter().chain(&[&b"\xe2\x80\xae"[..]]) {
                assert!(!contains(&raw, bad), "--export {format} on a terminal wrote {bad:?}");
            }
            let shown = String::from_utf8_lossy(&raw).into_owned();
            let placeholder = if format == "json" { "Clear screen \\u001b[2J" } else { "Clear screen ␛" };
            assert!(shown.contains(placeholder), "--export {format}: {shown}");
        }
    }

    /// A long saved page: the first frame comes at once, says the page is being read,
    /// and `q` leaves while it is (the terminal was left in line mode for as long as the
    /// parse took, echoing `q`).
    #[test]
    fn a_long_page_shows_a_first_frame_and_answers_q_while_it_is_read() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("long.html");
        let para = "<p>Paragraph of the long page, with words enough to be prose, and commas, and clauses.</p>\n";
        std::fs::write(
            &path,
            format!("<html><body><article><h1>A long page</h1>{}</article></body></html>", para.repeat(25_000)),
        )
        .expect("write");
        let mut t = Pty::spawn(&[path.to_str().expect("utf-8 path")], 100, 30);
        let screen = t.wait_for("Reading");
        assert!(!screen.contains("Paragraph of the long page"), "before the page is read: {screen}");
        t.keys(&[b"q"]);
        let status = t.wait_exit();
        assert!(status.success(), "{status:?}");
        // And the page itself comes once read.
        let mut t = Pty::spawn(&[path.to_str().expect("utf-8 path")], 100, 30);
        t.wait_for("Paragraph of the long page");
        t.keys(&[b"q"]);
        assert!(t.wait_exit().success());
    }

    #[test]
    fn a_hundred_resizes_keep_it_responsive() {
        let mut t = Pty::spawn(&[], 120, 40);
        t.wait_for("Threatening progress made");
        for i in 0..100u16 {
            t.resize(40 + (i * 7) % 160, 10 + (i * 3) % 50);
        }
        t.resize(100, 30);
        t.wait_for("Threatening progress made");
        t.keys(&[b"q"]);
        assert!(t.wait_exit().success());
    }
}

#[cfg(unix)]
mod pty_search {
    use crate::common::pty::Pty;

    #[test]
    fn slash_n_and_shift_n_in_the_real_terminal() {
        let mut t = Pty::spawn(&[], 120, 40);
        t.wait_for("Threatening progress made");
        t.keys(&[b"/"]);
        t.wait_for("SEARCH");
        t.send(b"trafficking");
        t.wait_for("1/14");
        t.keys(&[b"\r", b"n", b"n"]);
        t.wait_for("3/14");
        t.keys(&[b"N"]);
        t.wait_for("2/14");
        t.keys(&[b"/"]);
        t.send(b"Chatzis");
        t.keys(&[b"\r"]);
        let s = t.wait_for("1/1");
        assert!(s.contains("Ilias Chatzis"), "{s}");
        t.keys(&[b"/"]);
        t.send(b"re:(");
        t.keys(&[b"\r"]);
        t.wait_for("invalid regex");
        t.keys(&[b"j", b"q"]);
        assert!(t.wait_exit().success());
    }
}

#[cfg(unix)]
mod pty_rich {
    use crate::common::pty::{Pty, contains};
    use base64::Engine;

    const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rich/every-kind.md");

    #[test]
    fn o_hands_the_selected_link_to_the_browser() {
        let dir = tempfile::tempdir().expect("dir");
        let opened = dir.path().join("opened");
        let script = dir.path().join("browser");
        std::fs::write(&script, format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", opened.display())).expect("script");
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        }
        let browser = script.to_str().expect("utf-8 path");
        let mut t = Pty::spawn_with_env(&[FIXTURE], 120, 40, &[("BROWSER", browser)]);
        t.wait_for("What the money pays for");
        t.keys(&[b"7"]);
        t.wait_for("council's summary");
        t.keys(&[b"j", b"o"]);
        t.wait_for("opening example.org");
        let start = std::time::Instant::now();
        let url = loop {
            if let Ok(s) = std::fs::read_to_string(&opened)
                && !s.is_empty()
            {
                break s;
            }
            assert!(start.elapsed() < crate::common::pty::WAIT, "the browser was not started");
            std::thread::sleep(std::time::Duration::from_millis(30));
        };
        assert_eq!(url, "https://example.org/news/roads");
        // The reader is still there, whole.
        let screen = t.screen();
        assert!(
            screen.contains("What the money pays for") && (screen.contains("READER") || screen.contains("LIST")),
            "{screen}"
        );
        t.keys(&[b"q"]);
        assert!(t.wait_exit().success());
    }

    #[test]
    fn y_sends_one_osc_52_copy_of_the_quote_without_controls() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("quote.md");
        std::fs::write(
            &path,
            "# Roadworks begin\n\n\"Stop \u{1b}[2J this now,\" said Ana Ruiz, who leads the residents.\n",
        )
        .expect("write");
        let mut t = Pty::spawn(&[path.to_str().expect("utf-8 path")], 120, 40);
        t.wait_for("Roadworks begin");
        t.keys(&[b"2"]);
        t.wait_for("Ana Ruiz:");
        t.keys(&[b"y"]);
        t.wait_for("copied the quote");
        t.keys(&[b"q"]);
        t.wait_exit();
        let raw = t.raw();
        let open = b"\x1b]52;c;";
        let starts: Vec<usize> =
            raw.windows(open.len()).enumerate().filter(|(_, w)| *w == open).map(|(i, _)| i).collect();
        assert_eq!(starts.len(), 1, "one OSC 52 sequence");
        let payload = &raw[starts[0] + open.len()..];
        let end = payload.iter().position(|&b| b == 0x07).expect("the sequence ends with BEL");
        let decoded = base64::engine::general_purpose::STANDARD.decode(&payload[..end]).expect("base64");
        let text = String::from_utf8(decoded).expect("utf-8");
        assert_eq!(text, "“Stop ␛[2J this now” — Ana Ruiz");
        assert!(text.chars().all(|c| !c.is_control()), "{text:?}");
        assert!(!contains(&raw, b"\x1b[2J"), "the article's escape never reached the terminal");
    }
}

/// What the reader remembers between runs, and the config file, in the real binary
/// (issue 14, items 16 and 17).
#[cfg(unix)]
mod pty_state {
    use crate::common::pty::{Pty, contains};

    /// The reader's top line of text: the first non-empty line right of the sidebar.
    fn top_line(screen: &str) -> String {
        screen
            .lines()
            .skip(1)
            .filter_map(|l| l.split('│').nth(1))
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
            .to_string()
    }

    #[test]
    fn the_place_is_kept_between_runs_and_no_resume_and_no_state_are_honoured() {
        let home = tempfile::tempdir().unwrap();
        let state = home.path().join("state");
        let env = [("XDG_STATE_HOME", state.to_str().unwrap())];
        let mut t = Pty::spawn_with_env(&[], 100, 30, &env);
        t.wait_for("Threatening progress made");
        t.keys(&[b" ", b" ", b"j"]);
        std::thread::sleep(std::time::Duration::from_millis(200));
        let left_at = top_line(&t.screen());
        t.keys(&[b"m", b"a", b"q"]);
        assert!(t.wait_exit().success());
        let (store, _) = folio::cli::state::open(&state.join("folio"));
        let saved = folio::cli::state::recall(store.as_ref(), Vec::new(), true);
        assert!(saved.articles.values().any(|m| m.marks.contains_key(&'a')), "{saved:?}");

        let mut t = Pty::spawn_with_env(&[], 100, 30, &env);
        let screen = t.wait_for("resumed at");
        assert_eq!(top_line(&screen), left_at, "the same place:\n{screen}");
        // The mark came back with the article.
        t.keys(&[b"g", b"'", b"a"]);
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert_eq!(top_line(&t.screen()), left_at);
        t.keys(&[b"q"]);
        assert!(t.wait_exit().success());

        let mut t = Pty::spawn_with_env(&["--no-resume"], 100, 30, &env);
        let screen = t.wait_for("Threatening progress made");
        assert!(!screen.contains("resumed at"), "{screen}");
        assert!(screen.contains("MINH CHAU synthesis"), "at the top: {screen}");
        t.keys(&[b"q"]);
        t.wait_exit();

        let fresh = tempfile::tempdir().unwrap();
        let mut t =
            Pty::spawn_with_env(&["--no-state"], 100, 30, &[("XDG_STATE_HOME", fresh.path().to_str().unwrap())]);
        t.wait_for("Threatening progress made");
        t.keys(&[b" ", b"q"]);
        t.wait_exit();
        assert_eq!(std::fs::read_dir(fresh.path()).unwrap().count(), 0, "--no-state writes nothing");
    }

    #[test]
    fn a_corrupt_state_file_is_set_aside_with_a_message() {
        let home = tempfile::tempdir().unwrap();
        let dir = home.path().join("folio");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("state.db"), b"{\"version\": 1, \"articles\": {\"x\": [ and not SQLite at all")
            .unwrap();
        let mut t = Pty::spawn_with_env(&[], 120, 30, &[("XDG_STATE_HOME", home.path().to_str().unwrap())]);
        let screen = t.wait_for("could not be read whole");
        assert!(screen.contains("state file"), "{screen}");
        t.keys(&[b"q"]);
        assert!(t.wait_exit().success());
        // Moved aside as it was, and a good store in its place.
        let names: Vec<String> =
            std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
        assert!(names.iter().any(|n| n.starts_with("state.db.bad-")), "{names:?}");
        let (store, notices) = folio::cli::state::open(&dir);
        assert!(store.is_some() && notices.is_empty(), "{notices:?}");
    }

    /// An old state file with one bad entry: the others are kept, and the file too (it
    /// was overwritten whole with the run's one entry). One of a newer version is left
    /// as it is.
    #[test]
    fn an_old_state_file_with_a_bad_entry_keeps_the_others() {
        let home = tempfile::tempdir().unwrap();
        let dir = home.path().join("folio");
        std::fs::create_dir_all(&dir).unwrap();
        let json = r#"{"version":1,"articles":{"00000000000000aa":{"at":[1,0],"progress":5,"seen":1},"00000000000000bb":{"at":[2,0],"progress":"x","seen":2}},"searches":["keepme"]}"#;
        std::fs::write(dir.join("state.json"), json).unwrap();
        let mut t = Pty::spawn_with_env(&[], 120, 30, &[("XDG_STATE_HOME", home.path().to_str().unwrap())]);
        t.wait_for("1 entry could not be read");
        t.keys(&[b"\t", b" ", b"q"]);
        assert!(t.wait_exit().success());
        let (store, _) = folio::cli::state::open(&dir);
        let saved = folio::cli::state::recall(store.as_ref(), Vec::new(), true);
        assert_eq!(saved.articles.get(&0xaa).map(|m| m.progress), Some(5), "{saved:?}");
        assert_eq!(saved.articles.len(), 2, "the good entry and this run's: {saved:?}");
        assert_eq!(saved.searches, ["keepme"]);
        assert_eq!(std::fs::read_to_string(dir.join("state.json.imported")).unwrap(), json);

        let newer = r#"{"version":2,"articles":{}}"#;
        std::fs::write(dir.join("state.json"), newer).unwrap();
        let mut t = Pty::spawn_with_env(&[], 120, 30, &[("XDG_STATE_HOME", home.path().to_str().unwrap())]);
        t.wait_for("version 2");
        t.keys(&[b"q"]);
        assert!(t.wait_exit().success());
        assert_eq!(std::fs::read_to_string(dir.join("state.json")).unwrap(), newer, "left as it is");
    }

    /// The window closed under the reader (`tmux kill-session`): the pty goes away, folio
    /// gets SIGHUP and EIO. The place and the searches of the run are kept.
    #[test]
    fn closing_the_terminal_keeps_the_place_and_the_searches() {
        let home = tempfile::tempdir().unwrap();
        let state = home.path().join("state");
        let mut t = Pty::spawn_with_env(&[], 100, 30, &[("XDG_STATE_HOME", state.to_str().unwrap())]);
        t.wait_for("Threatening progress made");
        t.keys(&[b"\t", b"G", b"/"]);
        t.send(b"trafficking");
        t.keys(&[b"\r"]);
        t.wait_for("/14");
        t.hang_up();
        t.wait_exit();
        let (store, _) = folio::cli::state::open(&state.join("folio"));
        let saved = folio::cli::state::recall(store.as_ref(), Vec::new(), true);
        assert!(saved.articles.values().any(|m| m.progress > 50), "the place near the end: {saved:?}");
        assert_eq!(saved.searches, ["trafficking"]);
    }

    #[test]
    fn the_config_file_rebinds_keys_and_a_mistake_is_one_line() {
        let home = tempfile::tempdir().unwrap();
        let dir = home.path().join("folio");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("config.toml"), "theme = \"light\"\nwidth = 9\n\n[keys]\nquit = \"Q\"\n").unwrap();
        let mut t = Pty::spawn_with_env(&[], 120, 30, &[("XDG_CONFIG_HOME", home.path().to_str().unwrap())]);
        // (Waiting for the status bar itself: the frame may come in several reads.)
        let screen = t.wait_for("is not a width (20 to 1000 columns) (the rest");
        assert!(screen.contains("config.toml:2: width: 9 is not a width"), "in the status bar: {screen}");
        t.wait_for("Threatening progress made");
        t.keys(&[b"q"]);
        t.wait_for("q: not a key here");
        t.keys(&[b"?"]);
        let help = t.wait_for("folio keys");
        assert!(help.contains("Q                 quit"), "the help shows the keys in force: {help}");
        t.keys(&[b"\x1b", b"Q"]);
        assert!(t.wait_exit().success());
        let raw = String::from_utf8_lossy(&t.raw()).into_owned();
        let line =
            format!("folio: {}:2: width: 9 is not a width (20 to 1000 columns)", dir.join("config.toml").display());
        assert_eq!(raw.matches(&line).count(), 1, "one line on stderr: {raw:?}");
    }

    #[test]
    fn no_mouse_leaves_the_mouse_to_the_terminal() {
        let mut t = Pty::spawn(&[], 100, 30);
        t.wait_for("Threatening progress made");
        t.keys(&[b"q"]);
        t.wait_exit();
        assert!(contains(&t.raw(), b"\x1b[?1000h"), "folio takes the mouse by default");
        let mut t = Pty::spawn(&["--no-mouse"], 100, 30);
        t.wait_for("Threatening progress made");
        t.keys(&[b"q"]);
        t.wait_exit();
        for mode in [&b"\x1b[?1000h"[..], b"\x1b[?1002h", b"\x1b[?1003h", b"\x1b[?1006h"] {
            assert!(!contains(&t.raw(), mode), "--no-mouse asked for {mode:?}");
        }
    }
}

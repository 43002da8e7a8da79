//! The reader as a user meets it, in a pseudo-terminal (issue 24): the first keys move the
//! text, the status bar says how long the article is at the `wpm` the config sets, `s`
//! hides the sidebar, and every config mistake is counted and listed in the help.

#[cfg(unix)]
mod pty {
    use crate::common::pty::Pty;
    use crate::common::{reading_minutes, thousands, words_shown};

    fn config_home(config: &str) -> tempfile::TempDir {
        let home = tempfile::tempdir().unwrap();
        let dir = home.path().join("folio");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("config.toml"), config).unwrap();
        home
    }

    fn percent(screen: &str) -> u16 {
        let title = screen.lines().next().unwrap_or_default();
        let p = title.trim_end().rsplit(' ').next().unwrap_or_default();
        p.trim_end_matches('%').parse().unwrap_or_else(|_| panic!("no percentage in {title:?}"))
    }

    #[test]
    fn the_first_keys_move_the_text_and_the_wpm_setting_sets_the_reading_time() {
        let home = config_home("wpm = 119\n");
        let mut t = Pty::spawn_with_env(&[], 100, 30, &[("XDG_CONFIG_HOME", home.path().to_str().unwrap())]);
        t.wait_for("Threatening progress made");
        let screen = t.wait_for(" words · ");
        let words = words_shown(folio::BUNDLED_ARTICLE);
        let told = format!("{} words · {} min", thousands(words), reading_minutes(words, 119));
        let status = screen.lines().last().unwrap_or_default().to_string();
        assert!(status.contains(&told), "{told:?} in the status bar: {status:?}");
        assert!(screen.lines().next().unwrap_or_default().contains(" min left"), "{screen}");
        let first = percent(&screen);
        t.keys(&[b"j"]);
        let screen = t.wait_for("READER");
        std::thread::sleep(std::time::Duration::from_millis(200));
        let after = percent(&t.screen());
        assert!(after > first && after <= first + 5, "j moves the text a line: {first}% -> {after}%\n{screen}");
        t.keys(&[b"s"]);
        let screen = t.wait_gone("S2 Q3");
        assert!(!screen.lines().nth(1).unwrap_or_default().contains('│'), "no sidebar:\n{screen}");
        t.keys(&[b"q"]);
        assert!(t.wait_exit().success());
    }

    #[test]
    fn every_config_mistake_is_counted_and_listed_in_the_help() {
        let home = config_home(
            "theme = \"sepia\"\nwidth = 5\nmouse = \"no\"\ncolour = 1\n[keys]\nsideways = \"x\"\nup = \"q\"\n",
        );
        let mut t = Pty::spawn_with_env(&[], 120, 40, &[("XDG_CONFIG_HOME", home.path().to_str().unwrap())]);
        t.wait_for("Threatening progress made");
        // The frame may be read in pieces: wait for its last line too.
        let screen = t.wait_for("mistakes in the config");
        let status = screen.lines().last().unwrap_or_default().to_string();
        assert!(status.contains("6 mistakes in the config"), "counted in the status bar: {status:?}");
        t.keys(&[b"?"]);
        let help = t.wait_for("folio keys");
        for (line, what) in
            [(1, "theme"), (2, "width"), (3, "mouse"), (4, "colour"), (6, "keys.sideways"), (7, "keys.up")]
        {
            let said = format!("config.toml:{line}: {what}");
            assert!(help.contains(&said), "{said:?} in the help:\n{help}");
        }
        t.keys(&[b"\x1b", b"q"]);
        assert!(t.wait_exit().success());
    }
}

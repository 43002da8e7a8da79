//! Colours and emphasis. With NO_COLOR set, emphasis is bold, reverse and underline only.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeKind {
    #[default]
    Dark,
    Light,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub text: Style,
    pub dim: Style,
    pub title_bar: Style,
    /// The article's title, at the top of the text.
    pub headline: Style,
    pub heading: Style,
    pub subtitle: Style,
    pub byline: Style,
    pub pull_quote: Style,
    pub marker: Style,
    pub border: Style,
    pub border_focused: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub selected: Style,
    pub selected_unfocused: Style,
    pub detail: Style,
    /// The selected item's words in the text.
    pub highlight: Style,
    pub search_match: Style,
    pub search_current: Style,
    pub header_title: Style,
    pub status: Style,
    pub mode: Style,
    pub key: Style,
    pub error: Style,
    /// Sub-section headings (level 3) and deeper ones (4 and more); `heading` is level 2.
    pub heading3: Style,
    pub heading4: Style,
    pub block_quote: Style,
    pub code_block: Style,
    pub caption: Style,
    /// A figure's image line, an inline image's words.
    pub figure: Style,
    /// Table rules, a block quote's bar, the mark of a cut line.
    pub rule: Style,
    pub table_header: Style,
    pub emphasis: Style,
    pub strong: Style,
    pub code: Style,
    pub link: Style,
}

impl Theme {
    /// The style of a heading of `level` (2 for a section).
    pub fn heading_at(&self, level: u8) -> Style {
        match level {
            0..=2 => self.heading,
            3 => self.heading3,
            _ => self.heading4,
        }
    }
}

/// The colours of a theme, all given exactly (named ANSI colours differ from terminal to
/// terminal, so their contrast could not be promised). The text itself is the terminal's
/// own colour; the palette is designed for `background` and `foreground`, and the tests
/// hold every pair it draws to WCAG AA (4.5:1 for text, 3:1 for borders).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// The terminal background the theme is designed for (not drawn: the terminal's own).
    pub background: Color,
    /// The terminal's text colour it is designed for (drawn as `Color::Reset`).
    pub foreground: Color,
    pub dim: Color,
    pub accent: Color,
    pub accent2: Color,
    pub error: Color,
    pub selected: Color,
    pub on_selected: Color,
    pub highlight: Color,
    pub search_match: Color,
    pub search_current: Color,
    /// Text on the current match.
    pub on_accent: Color,
    /// Text on the mode badge (the accent).
    pub on_accent_badge: Color,
    pub bar: Color,
}

impl Palette {
    pub fn of(kind: ThemeKind) -> Palette {
        let rgb = |v: u32| Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8);
        match kind {
            ThemeKind::Dark => Palette {
                background: rgb(0x1c1c1c),
                foreground: rgb(0xd0d0d0),
                dim: rgb(0x8a8a8a),
                accent: rgb(0x56b6c2),
                accent2: rgb(0xe5c07b),
                error: rgb(0xf47067),
                selected: rgb(0x264f78),
                on_selected: rgb(0xffffff),
                highlight: rgb(0x463c14),
                search_match: rgb(0x36364f),
                search_current: rgb(0xe5c07b),
                on_accent: rgb(0x000000),
                on_accent_badge: rgb(0x000000),
                bar: rgb(0x282c34),
            },
            ThemeKind::Light => Palette {
                background: rgb(0xffffff),
                foreground: rgb(0x1e1e1e),
                dim: rgb(0x666666),
                accent: rgb(0x0b5cad),
                accent2: rgb(0x8a2d8a),
                error: rgb(0xb3261e),
                selected: rgb(0xcfe2ff),
                on_selected: rgb(0x000000),
                highlight: rgb(0xfff0aa),
                search_match: rgb(0xd2dcff),
                search_current: rgb(0xffc83c),
                on_accent: rgb(0x000000),
                on_accent_badge: rgb(0xffffff),
                bar: rgb(0xe1e4eb),
            },
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::new(ThemeKind::Dark, true)
    }
}

impl Theme {
    pub fn new(kind: ThemeKind, color: bool) -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reversed = Style::new().add_modifier(Modifier::REVERSED);
        let underlined = Style::new().add_modifier(Modifier::UNDERLINED);
        let italic = Style::new().add_modifier(Modifier::ITALIC);
        if !color {
            return Theme {
                text: Style::new(),
                dim: Style::new(),
                title_bar: reversed,
                headline: bold.add_modifier(Modifier::UNDERLINED),
                heading: bold,
                subtitle: italic,
                byline: italic,
                pull_quote: italic,
                marker: bold,
                border: Style::new(),
                border_focused: bold,
                tab: Style::new(),
                tab_active: reversed.add_modifier(Modifier::BOLD),
                selected: reversed,
                selected_unfocused: underlined,
                detail: Style::new(),
                highlight: bold.add_modifier(Modifier::UNDERLINED),
                search_match: underlined,
                search_current: reversed.add_modifier(Modifier::BOLD),
                header_title: bold,
                status: Style::new(),
                mode: reversed.add_modifier(Modifier::BOLD),
                key: bold,
                error: bold,
                heading3: bold,
                heading4: italic.add_modifier(Modifier::BOLD),
                block_quote: italic,
                code_block: Style::new().add_modifier(Modifier::DIM),
                caption: italic,
                figure: italic,
                rule: Style::new(),
                table_header: bold,
                emphasis: italic,
                strong: bold,
                code: reversed,
                link: underlined,
            };
        }
        let p = Palette::of(kind);
        let (fg, dim, accent, accent2) = (Color::Reset, p.dim, p.accent, p.accent2);
        let (sel_bg, hl_bg, match_bg, cur_bg, bar_bg) =
            (p.selected, p.highlight, p.search_match, p.search_current, p.bar);
        Theme {
            text: Style::new().fg(fg),
            dim: Style::new().fg(dim),
            title_bar: Style::new().bg(bar_bg).add_modifier(Modifier::BOLD),
            headline: Style::new().fg(accent2).add_modifier(Modifier::BOLD),
            heading: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            subtitle: italic.fg(accent),
            byline: italic.fg(dim),
            pull_quote: italic.fg(accent2),
            marker: Style::new().fg(accent2),
            border: Style::new().fg(dim),
            border_focused: Style::new().fg(accent),
            tab: Style::new().fg(dim),
            tab_active: Style::new().fg(accent).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            selected: Style::new().bg(sel_bg).fg(p.on_selected).add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            detail: Style::new().fg(dim),
            highlight: Style::new().bg(hl_bg).add_modifier(Modifier::BOLD),
            search_match: Style::new().bg(match_bg).add_modifier(Modifier::UNDERLINED),
            search_current: Style::new().bg(cur_bg).fg(p.on_accent).add_modifier(Modifier::BOLD),
            header_title: Style::new().fg(accent2).add_modifier(Modifier::BOLD),
            status: Style::new().bg(bar_bg),
            mode: Style::new().bg(accent).fg(p.on_accent_badge).add_modifier(Modifier::BOLD),
            key: Style::new().fg(accent2).add_modifier(Modifier::BOLD),
            error: Style::new().fg(p.error).add_modifier(Modifier::BOLD),
            heading3: Style::new().fg(accent).add_modifier(Modifier::BOLD | Modifier::ITALIC),
            heading4: Style::new().add_modifier(Modifier::BOLD | Modifier::ITALIC),
            block_quote: italic.fg(fg),
            code_block: Style::new().fg(accent2),
            caption: italic.fg(dim),
            figure: italic.fg(dim),
            rule: Style::new().fg(dim),
            table_header: Style::new().add_modifier(Modifier::BOLD),
            emphasis: italic,
            strong: Style::new().add_modifier(Modifier::BOLD),
            code: Style::new().fg(accent2),
            link: underlined.fg(accent),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance of an RGB colour.
    fn luminance(c: Color) -> f64 {
        let Color::Rgb(r, g, b) = c else { panic!("{c:?} is not an exact colour") };
        let ch = |v: u8| {
            let v = v as f64 / 255.0;
            if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
    }

    fn ratio(a: Color, b: Color) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    const TEXT: f64 = 4.5;
    const BORDER: f64 = 3.0;

    /// Every colour pair a theme draws: a style, the backgrounds it is drawn on when it has
    /// none of its own, and the contrast it needs.
    fn pairs(t: &Theme, p: &Palette) -> Vec<(&'static str, Style, Vec<Color>, f64)> {
        let page = vec![p.background];
        let bar = vec![p.bar];
        let both = vec![p.background, p.bar];
        let text = [
            ("text", t.text),
            ("dim", t.dim),
            ("headline", t.headline),
            ("heading", t.heading),
            ("heading3", t.heading3),
            ("heading4", t.heading4),
            ("subtitle", t.subtitle),
            ("byline", t.byline),
            ("pull_quote", t.pull_quote),
            ("marker", t.marker),
            ("tab", t.tab),
            ("tab_active", t.tab_active),
            ("detail", t.detail),
            ("header_title", t.header_title),
            ("block_quote", t.block_quote),
            ("code_block", t.code_block),
            ("caption", t.caption),
            ("figure", t.figure),
            ("table_header", t.table_header),
            ("emphasis", t.emphasis),
            ("strong", t.strong),
            ("code", t.code),
            ("link", t.link),
        ];
        let mut out: Vec<_> = text.into_iter().map(|(n, s)| (n, s, page.clone(), TEXT)).collect();
        out.extend([
            ("key", t.key, both.clone(), TEXT),
            ("error", t.error, both.clone(), TEXT),
            ("status", t.status, bar.clone(), TEXT),
            ("title_bar", t.title_bar, bar.clone(), TEXT),
            ("selected", t.selected, page.clone(), TEXT),
            ("search_current", t.search_current, page.clone(), TEXT),
            ("mode", t.mode, bar.clone(), TEXT),
            ("border", t.border, page.clone(), BORDER),
            ("border_focused", t.border_focused, page.clone(), BORDER),
            ("rule", t.rule, page.clone(), BORDER),
        ]);
        // The highlights lie under words of any colour the text has: plain, headings, links.
        for (name, bg) in [("highlight", t.highlight), ("search_match", t.search_match)] {
            for fg in [p.foreground, p.accent, p.accent2] {
                out.push((name, bg.fg(fg), page.clone(), TEXT));
            }
        }
        out
    }

    #[test]
    fn both_themes_meet_wcag_aa_on_the_background_they_are_for() {
        for kind in [ThemeKind::Dark, ThemeKind::Light] {
            let (t, p) = (Theme::new(kind, true), Palette::of(kind));
            let mut lowest = (f64::MAX, "");
            for (name, style, backgrounds, min) in pairs(&t, &p) {
                let fg = match style.fg {
                    None | Some(Color::Reset) => p.foreground,
                    Some(c) => c,
                };
                let backgrounds = style.bg.map_or(backgrounds, |b| vec![b]);
                for bg in backgrounds {
                    let r = ratio(fg, bg);
                    assert!(r >= min, "{kind:?} {name}: {fg:?} on {bg:?} is {r:.2}:1, below {min}:1");
                    if r < lowest.0 {
                        lowest = (r, name);
                    }
                }
            }
            eprintln!("{kind:?} theme: lowest contrast {:.2}:1 ({})", lowest.0, lowest.1);
        }
    }

    #[test]
    fn the_contrast_formula_is_wcags() {
        let (black, white) = (Color::Rgb(0, 0, 0), Color::Rgb(255, 255, 255));
        assert!((ratio(black, white) - 21.0).abs() < 1e-9);
        assert!((ratio(Color::Rgb(0x76, 0x76, 0x76), white) - 4.54).abs() < 0.01);
    }
}

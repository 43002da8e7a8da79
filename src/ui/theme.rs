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
        let (fg, dim, accent, accent2, sel_bg, hl_bg, match_bg, cur_bg, bar_bg) = match kind {
            ThemeKind::Dark => (
                Color::Reset,
                Color::DarkGray,
                Color::Cyan,
                Color::Yellow,
                Color::Blue,
                Color::Rgb(70, 60, 20),
                Color::Rgb(60, 60, 90),
                Color::Yellow,
                Color::Rgb(40, 44, 52),
            ),
            ThemeKind::Light => (
                Color::Reset,
                Color::Gray,
                Color::Blue,
                Color::Magenta,
                Color::LightBlue,
                Color::Rgb(255, 240, 170),
                Color::Rgb(210, 220, 255),
                Color::Rgb(255, 200, 60),
                Color::Rgb(225, 228, 235),
            ),
        };
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
            selected: Style::new().bg(sel_bg).fg(Color::White).add_modifier(Modifier::BOLD),
            selected_unfocused: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            detail: Style::new().fg(dim),
            highlight: Style::new().bg(hl_bg).add_modifier(Modifier::BOLD),
            search_match: Style::new().bg(match_bg).add_modifier(Modifier::UNDERLINED),
            search_current: Style::new().bg(cur_bg).fg(Color::Black).add_modifier(Modifier::BOLD),
            header_title: Style::new().fg(accent2).add_modifier(Modifier::BOLD),
            status: Style::new().bg(bar_bg),
            mode: Style::new().bg(accent).fg(Color::Black).add_modifier(Modifier::BOLD),
            key: Style::new().fg(accent2).add_modifier(Modifier::BOLD),
            error: Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
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

//! Everything that can happen to the reader, as data. Keys become actions through the
//! keymap; the event loop turns mouse, resize and the background loader's messages into
//! them. `update` applies them and answers with what the event loop should do besides
//! drawing.

use super::items::Group;
use super::loading::Loaded;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Quit,
    ToggleHelp,
    FocusNext,
    FocusPrev,
    ShowGroup(Group),
    NextGroup,
    PrevGroup,
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    HalfDown,
    HalfUp,
    /// The text a line down (up), whichever pane has the keys (Ctrl-e, Ctrl-y).
    LineDown,
    LineUp,
    Activate,
    NextSection,
    PrevSection,
    NextParagraph,
    PrevParagraph,
    StartSearch,
    StartFilter,
    NextMatch,
    PrevMatch,
    Clear,
    PromptInput(char),
    PromptBackspace,
    PromptClear,
    PromptAccept,
    PromptCancel,
    HistoryPrev,
    HistoryNext,
    /// `m`: the next letter names a mark.
    StartMark,
    /// `'`: the next letter is the mark to go to.
    StartGoToMark,
    /// The letter after `m` or `'`.
    MarkKey(char),
    /// Hides the sidebar for full-width reading, or shows it again (`s`).
    ToggleSidebar,
    /// Narrows (widens) the text a step (`<`, `>`).
    Narrower,
    Wider,
    /// A key that does nothing in the mode it came in: its name, for a message.
    UnknownKey(String),
    Resize(u16, u16),
    Click(u16, u16),
    Wheel {
        column: u16,
        row: u16,
        down: bool,
    },
    /// Opens the selected link, or the article's source, in a browser.
    Open,
    /// Copies the selection to the terminal's clipboard.
    Copy,
    /// The browser could not be started, or failed: why.
    OpenFailed(String),
    /// Reads the input again (the file, or the page from its URL), keeping the place.
    Reload,
    /// The page before in the run's history (`Backspace`, `Alt-Left`); the list an
    /// entry was opened from.
    Back,
    /// The page `Back` left (`Alt-Right`).
    Forward,
    /// Numbers the links in the text, to follow one by its number (`#`), or hides them.
    NumberLinks,
    /// What the background loader has finished (see `loading`).
    Loaded(Loaded),
    /// The loader ended without sending everything (its thread is gone).
    LoaderGone,
    /// What earlier runs remembered, read behind the first frame.
    Recalled(super::memory::Recall),
}

/// What the event loop must do after an action, beyond drawing the new state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Open this URL (one `safe_url` passed) in a browser, detached from the terminal.
    Open(String),
    /// Put this text (free of control characters) on the terminal's clipboard, OSC 52.
    Copy(String),
    /// Read the input again in the background (`Loaded::Page` brings it): the one the
    /// reader was opened with, or where a link or a list row went.
    Reload(Option<super::listing::Destination>),
    /// Fetch and open this in place of the placeholder (`Loaded::Page` brings it).
    Follow(super::listing::Destination),
    /// Stop the loading under way (a followed link given up with `Backspace`).
    Stop,
    /// End the reader with this error: the only input could not be read.
    Fail(String),
}

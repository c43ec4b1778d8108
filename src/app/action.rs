//! What can happen to the app (actions), and what it asks the outside to do (effects).

use std::path::PathBuf;
use std::sync::Arc;

use super::{ClaimsColumn, View};
use crate::figures::Figures;
use crate::query::{Facet, Query};

/// Everything the user can do, whatever key or click asked for it, and every answer the
/// outside brings back (searches, counts, exports, what the screen measured).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Move the selection by this many events (negative: up); in the detail pane, scroll it.
    Move(isize),
    PageDown,
    PageUp,
    First,
    Last,
    PreviousMonth,
    NextMonth,
    ToggleFocus,
    /// Scroll the detail pane by this many lines.
    ScrollDetail(i32),
    /// Scroll the detail pane by this many pages.
    DetailPage(i32),
    DetailTop,
    DetailBottom,
    StartSearch,
    OpenPicker(Facet),
    /// `F`: the menu of every facet, each opening its picker.
    OpenFacetMenu,
    /// Order the chronology by when things happened, or by when they were claimed.
    ToggleOrder,
    OpenDatePrompt(Bound),
    ShowHelp,
    ClearFilters,
    /// Typing in the current prompt or picker.
    Input(char),
    Backspace,
    ClearInput,
    /// Delete the word before the cursor (Ctrl-W).
    DeleteWord,
    /// Move the cursor in the search prompt.
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    /// Recall an earlier search (↑), or a later one (↓).
    HistoryPrevious,
    HistoryNext,
    Submit,
    Cancel,
    /// Move the cursor in a picker.
    PickerMove(isize),
    PickerToggle,
    /// Go back to where the user was before the last screen change (history), or leave
    /// the screen on top.
    Back,
    /// `o`: read the article behind the selected event (or the citation at the link cursor).
    OpenSource,
    /// In the reader: the next / previous cited passage.
    NextPassage,
    PreviousPassage,
    /// The next / previous link (in the detail pane: related events and citations; in the
    /// reader: the events citing the passage).
    NextLink,
    PreviousLink,
    /// A click on a pane (the UI found which one, and which line of it).
    Click(Pane),
    /// The mouse wheel over a pane, this many lines (negative: up).
    Wheel(Pane, i32),
    /// `e`: open the export prompt.
    StartExport,
    /// `#`: the figures view of the filtered events.
    OpenFigures,
    /// The claims table of the filtered events.
    OpenClaims,
    /// In the figures view: the first figure of the next / previous item.
    NextItem,
    PreviousItem,
    /// In the claims table: sort by this column (again: the other way).
    SortBy(ClaimsColumn),
    /// `r`: load the data files again.
    Reload,
    /// `E`: edit the record on screen in the user's editor.
    Edit,
    /// A reload the app asked for (or the file watcher started) is done.
    Reloaded(super::Reloaded),
    /// The draw step measured the panes: what scrolling and paging need to know.
    Measured(Measured),
    /// A search the app asked for has (partly, when not `complete`) been answered.
    SearchDone {
        generation: u64,
        view: Box<View>,
        complete: bool,
    },
    /// The export the app asked for has been tried.
    ExportDone(ExportOutcome),
    /// The figures the app asked for (`Effect::ComputeFigures`), of this many events.
    FiguresDone {
        ticket: u64,
        figures: Arc<Figures>,
        events: usize,
    },
    /// The values a picker shows have been counted (see `Effect::Count`): a count per
    /// value, by its index in the dataset.
    Counted {
        ticket: u64,
        tally: Vec<usize>,
    },
}

/// A pane of the chronology screen, as the mouse finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The list, at this line of its inside (0: the first row shown).
    List {
        line: u16,
    },
    Detail,
}

/// What the last frame measured: the rows each scrolling area shows, and how many lines
/// its content takes at the width it was drawn. All zero before the first frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Measured {
    /// Rows of the chronology list's inside.
    pub list_rows: u16,
    /// Rows of the detail pane's inside, and the lines its text wraps to.
    pub detail_rows: u16,
    pub detail_lines: u16,
    /// Rows of the help overlay's inside, and the lines its text wraps to (when open).
    pub help_rows: u16,
    pub help_lines: u16,
    /// The line of the detail pane's text where the link at the cursor is (when there is one).
    pub detail_link_line: Option<u16>,
    /// Rows of the reader's text, the lines the article wraps to, and the line where the
    /// passage at the cursor starts.
    pub reader_rows: u16,
    pub reader_lines: u16,
    pub reader_passage_line: Option<u16>,
    /// Rows of the figures view's or the claims table's body.
    pub table_rows: u16,
}

impl Measured {
    /// How far the detail pane can scroll.
    pub fn detail_max_scroll(&self) -> u16 {
        self.detail_lines.saturating_sub(self.detail_rows)
    }

    pub fn help_max_scroll(&self) -> u16 {
        self.help_lines.saturating_sub(self.help_rows)
    }
}

/// What became of an export the app asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportOutcome {
    Written {
        path: PathBuf,
        events: usize,
    },
    /// The file exists and overwriting was not asked for: ask the user.
    Exists(PathBuf),
    Failed(String),
}

/// Work the app asks its caller to do outside (I/O, threads); the result comes back as an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the current view to `path` (format by extension); replace an existing file only if `overwrite`.
    Export { path: PathBuf, overwrite: bool },
    /// Run `query` (among `within` only, when given: then `query` holds only what is left to
    /// test there) and answer with `SearchDone`.
    Search { generation: u64, query: Query, within: Option<Arc<Vec<usize>>> },
    /// Count each value of `facet` over `events`, or over the events `query` selects when
    /// None (`Picker::tally`), and answer with `Counted` and the same ticket.
    Count { ticket: u64, facet: Facet, query: Query, events: Option<Arc<Vec<usize>>> },
    /// Build the figures of `events`, or of the events `query` selects when None, and answer
    /// with `FiguresDone` and the same ticket.
    ComputeFigures { ticket: u64, query: Query, events: Option<Arc<Vec<usize>>> },
    /// Load the data files again (off the UI thread) and answer with `Reloaded`.
    Reload,
    /// Open `path` at `line` in the user's editor, with the terminal given to it meanwhile;
    /// then reload.
    Edit { path: PathBuf, line: u32 },
}

/// Which end of the date range a prompt sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    From,
    To,
}

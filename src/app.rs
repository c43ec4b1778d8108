//! The TUI's state and its one way to change: `App::update(action)`. No terminal in here.

use std::path::PathBuf;
use std::sync::Arc;

use crate::date::Date;
use crate::model::Dataset;
use crate::query::{Facet, Query};
use crate::search::WordMatcher;
use crate::ui::layout::{ScreenLayout, Size};
use crate::ui::theme::Theme;

mod browse;
mod density;
mod export;
mod picker;
mod view;

pub use density::Density;
pub use picker::{Picker, PickerOption};
pub use view::View;

/// Everything the user can do, whatever key or click asked for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Move the selection by this many events (negative: up).
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
    StartSearch,
    OpenPicker(Facet),
    OpenDatePrompt(Bound),
    ShowHelp,
    ClearFilters,
    /// Typing in the current prompt or picker.
    Input(char),
    Backspace,
    ClearInput,
    Submit,
    Cancel,
    /// Move the cursor in a picker.
    PickerMove(isize),
    PickerToggle,
    Resize(u16, u16),
    Click {
        column: u16,
        row: u16,
    },
    Wheel {
        column: u16,
        row: u16,
        lines: i32,
    },
    /// `e`: open the export prompt.
    StartExport,
    /// A search the app asked for has (partly, when not `complete`) been answered.
    SearchDone {
        generation: u64,
        view: Box<View>,
        complete: bool,
    },
    /// The export the app asked for has been tried.
    ExportDone(ExportOutcome),
    /// The values a picker shows have been counted (see `Effect::Count`): a count per
    /// value, by its index in the dataset.
    Counted {
        ticket: u64,
        tally: Vec<usize>,
    },
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
    /// Run `query` (among `within` only, when given) and answer with `SearchDone`.
    Search { generation: u64, query: Query, within: Option<Arc<Vec<usize>>> },
    /// Count each value of `facet` over `events`, or over the events `query` selects when
    /// None (`Picker::tally`), and answer with `Counted` and the same ticket.
    Count { ticket: u64, facet: Facet, query: Query, events: Option<Arc<Vec<usize>>> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    From,
    To,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Browse,
    /// `/`: keywords (or whole query terms) typed live; `before` is restored by Esc, minus its words.
    Search {
        input: String,
        before: Query,
        error: Option<String>,
    },
    Picker(Picker),
    DatePrompt {
        bound: Bound,
        input: String,
        error: Option<String>,
    },
    /// `e`: a file name; `confirm` once the file turned out to exist.
    ExportPrompt {
        input: String,
        confirm: bool,
        error: Option<String>,
    },
    Help,
}

/// Typing, deleting and clearing in a prompt's text: true when `action` was one of those.
pub(crate) fn edit_text(input: &mut String, action: &Action) -> bool {
    match action {
        Action::Input(c) => input.push(*c),
        Action::Backspace => {
            input.pop();
        }
        Action::ClearInput => input.clear(),
        _ => return false,
    }
    true
}

/// One line of the chronology: a year heading, a month heading, or an event (dataset index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Year(i32),
    Month(i32, u32),
    Event(usize),
}

pub struct App {
    pub dataset: Arc<Dataset>,
    pub matcher: Arc<dyn WordMatcher>,
    pub query: Query,
    /// Indices of the matching events, in chronological order.
    pub visible: Arc<Vec<usize>>,
    /// The chronology's lines: headings and events.
    pub rows: Vec<Row>,
    /// `event_rows[k]` is the row of `visible[k]`.
    pub event_rows: Vec<usize>,
    /// The selected event (a dataset index), always one of `visible` when there is any.
    pub selected: Option<usize>,
    /// The first row shown in the list pane.
    pub list_offset: usize,
    pub detail_scroll: u16,
    pub focus: Focus,
    pub mode: Mode,
    pub screen: Size,
    pub density: Density,
    /// A one-line message for the footer (filters cleared, a bad date …).
    pub status: Option<String>,
    pub should_quit: bool,
    pub theme: Theme,
    /// `--data DIR` as given, for the command line an export prints; None for the bundled dataset.
    pub data_dir: Option<PathBuf>,
    /// When true, a new query is answered by a search worker (Effect::Search) instead of
    /// at once, so the UI never waits for it; the view shown is the last one answered.
    pub background_search: bool,
    /// The latest search asked for; answers to older ones are dropped.
    pub generation: u64,
    /// True while the view shown is not the complete answer to the query shown.
    pub searching: bool,
    /// The query the shown view completely answers, for narrowing the next search.
    answered: Option<Query>,
    /// A search to hand to the worker at the end of this update.
    pending_search: Option<Effect>,
    /// The event selected when the current search began: partial answers may not hold it, the
    /// complete answer is matched against it again.
    selection_anchor: Option<usize>,
    /// The last ticket given to a picker's count request.
    tickets: u64,
    /// True from asking for an export until its outcome is in.
    pub exporting: bool,
    /// With background search, a picker counting more events than this counts them off the
    /// UI thread (a million events take tens of milliseconds).
    pub count_at_once: usize,
}

impl App {
    pub fn new(dataset: Arc<Dataset>, matcher: Arc<dyn WordMatcher>, query: Query, screen: Size) -> Self {
        let mut app = Self {
            dataset,
            matcher,
            query,
            visible: Arc::new(Vec::new()),
            rows: Vec::new(),
            event_rows: Vec::new(),
            selected: None,
            list_offset: 0,
            detail_scroll: 0,
            focus: Focus::List,
            mode: Mode::Browse,
            screen,
            density: Density::default(),
            status: None,
            should_quit: false,
            theme: Theme::default(),
            data_dir: None,
            background_search: false,
            generation: 0,
            searching: false,
            answered: None,
            pending_search: None,
            selection_anchor: None,
            tickets: 0,
            exporting: false,
            count_at_once: 100_000,
        };
        app.refilter();
        app.selected = app.visible.first().copied();
        app.reveal_selection();
        app
    }

    pub fn layout(&self) -> ScreenLayout {
        ScreenLayout::new(self.screen)
    }

    /// Apply one action. The only way the app's state changes; I/O it needs comes back as an Effect.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        // A message stays until the user does something where it shows (the main screen);
        // answers arriving don't wipe it.
        if matches!(self.mode, Mode::Browse)
            && !matches!(
                action,
                Action::Resize(..)
                    | Action::Wheel { .. }
                    | Action::SearchDone { .. }
                    | Action::ExportDone(_)
                    | Action::Counted { .. }
            )
        {
            self.status = None;
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::Resize(width, height) => {
                self.screen = Size { width, height };
                self.reveal_selection();
                self.detail_scroll = self.detail_scroll.min(crate::ui::detail::max_scroll(self));
            }
            Action::ExportDone(outcome) => self.export_done(outcome),
            Action::Counted { ticket, tally } => {
                if let Mode::Picker(picker) = &mut self.mode {
                    if picker.counting && picker.ticket == ticket {
                        picker.take_counts(&self.dataset, &tally, self.matcher.as_ref());
                    }
                }
            }
            Action::SearchDone { generation, view, complete } => {
                if generation == self.generation {
                    self.apply_view(*view);
                    if complete {
                        self.selection_anchor = None;
                    }
                    self.searching = !complete;
                    // A partial view answers no query; a complete one can seed a narrower search.
                    self.answered = complete.then(|| self.query.clone());
                }
            }
            other => match &self.mode {
                Mode::Browse => self.browse(other),
                Mode::Search { .. } => self.search(other),
                Mode::Picker(_) => self.picker(other),
                Mode::DatePrompt { .. } => self.date_prompt(other),
                Mode::ExportPrompt { .. } => return self.export_prompt(other),
                Mode::Help => self.help(other),
            },
        }
        self.pending_search.take()
    }

    fn help(&mut self, action: Action) {
        if matches!(action, Action::Cancel | Action::ShowHelp | Action::Submit) {
            self.mode = Mode::Browse;
        }
    }

    fn search(&mut self, action: Action) {
        let Mode::Search { input, before, .. } = &mut self.mode else { return };
        if edit_text(input, &action) {
            self.apply_search_input();
            return;
        }
        match action {
            Action::Submit => {
                if let Mode::Search { error: None, .. } = self.mode {
                    self.mode = Mode::Browse;
                }
            }
            Action::Cancel => {
                let mut restored = before.clone();
                restored.words.clear();
                self.mode = Mode::Browse;
                self.set_query(restored);
            }
            // The list stays navigable while typing.
            Action::Move(_)
            | Action::PageDown
            | Action::PageUp
            | Action::Wheel { .. }
            | Action::Click { .. } => {
                self.browse(action);
            }
            _ => {}
        }
    }

    /// Parse the search line as query terms added to the query it started from; apply it if valid.
    fn apply_search_input(&mut self) {
        let Mode::Search { input, before, .. } = &self.mode else { return };
        let mut base = before.clone();
        base.words.clear();
        let candidate = input
            .parse::<Query>()
            .and_then(|typed| base.merge(typed))
            .and_then(|q| q.validate(&self.dataset).map(|()| q));
        match candidate {
            Ok(query) => {
                self.set_query(query);
                if let Mode::Search { error, .. } = &mut self.mode {
                    *error = None;
                }
            }
            Err(problem) => {
                if let Mode::Search { error, .. } = &mut self.mode {
                    *error = Some(problem.to_string());
                }
            }
        }
    }

    fn date_prompt(&mut self, action: Action) {
        let Mode::DatePrompt { bound, input, error } = &mut self.mode else { return };
        if edit_text(input, &action) {
            return;
        }
        match action {
            Action::Cancel => self.mode = Mode::Browse,
            Action::Submit => {
                let bound = *bound;
                let parsed = match input.trim() {
                    "" => Ok(None),
                    text => text.parse::<Date>().map(Some).map_err(|e| e.to_string()),
                };
                let mut query = self.query.clone();
                let result = parsed.and_then(|date| {
                    match bound {
                        Bound::From => query.from = date,
                        Bound::To => query.to = date,
                    }
                    match (query.from, query.to) {
                        (Some(from), Some(to)) if from.first_day() > to.last_day() => {
                            Err(format!("from {from} is after to {to}; pick an earlier from or a later to"))
                        }
                        _ => Ok(query),
                    }
                });
                match result {
                    Ok(query) => {
                        self.mode = Mode::Browse;
                        self.set_query(query);
                    }
                    Err(message) => *error = Some(message),
                }
            }
            _ => {}
        }
    }

    /// Replace the query and recompute everything that depends on it.
    pub fn set_query(&mut self, query: Query) {
        if query != self.query {
            self.query = query;
            self.refilter();
        }
    }

    /// Re-run the filter for the current query: at once, or by asking the search worker.
    fn refilter(&mut self) {
        self.generation += 1;
        if self.background_search {
            // A query that only adds words can search among the events shown, if they answer the last query.
            let within = self
                .answered
                .as_ref()
                .filter(|answered| self.query.narrows(answered))
                .map(|_| Arc::clone(&self.visible));
            self.searching = true;
            self.selection_anchor = self.selection_anchor.or(self.selected);
            self.pending_search =
                Some(Effect::Search { generation: self.generation, query: self.query.clone(), within });
            return;
        }
        let visible = self.query.filter(&self.dataset, self.matcher.as_ref());
        self.apply_view(View::build(&self.dataset, visible));
        self.answered = Some(self.query.clone());
    }

    /// Show `view`, keeping the selection on the same event if it is still there, else on
    /// the nearest one in time.
    fn apply_view(&mut self, view: View) {
        self.visible = view.visible;
        self.rows = view.rows;
        self.event_rows = view.event_rows;
        self.density = view.density;
        let previous = self.selected;
        let wanted = self.selection_anchor.or(previous);
        self.selected =
            wanted.and_then(|event| self.nearest_visible(event)).or(self.visible.first().copied());
        if self.selected != previous {
            self.detail_scroll = 0;
        }
        self.reveal_selection();
    }

    /// `event` if it is visible, else the visible event closest to it in time.
    fn nearest_visible(&self, event: usize) -> Option<usize> {
        let at = self.visible.partition_point(|&i| i < event);
        if self.visible.get(at) == Some(&event) {
            return Some(event);
        }
        let day = self.dataset.events()[event].date.first_day();
        let distance = |i: usize| (self.dataset.events()[i].date.first_day() - day).num_days().abs();
        let before = at.checked_sub(1).map(|k| self.visible[k]);
        let after = self.visible.get(at).copied();
        match (before, after) {
            (Some(b), Some(a)) => Some(if distance(a) < distance(b) { a } else { b }),
            (b, a) => b.or(a),
        }
    }

    /// Position of the selection in `visible`.
    pub fn selected_position(&self) -> Option<usize> {
        let selected = self.selected?;
        self.visible.binary_search(&selected).ok()
    }

    /// The row of the selection in `rows`.
    pub fn selected_row(&self) -> Option<usize> {
        self.selected_position().map(|k| self.event_rows[k])
    }

    fn open_picker(&mut self, facet: Facet) {
        let mut picker = Picker::uncounted(facet, &self.dataset, &self.query);
        // With none of the facet's values chosen, the other filters are the whole query, so
        // the list (unless its search is still running) is what the picker counts.
        let listed = (!self.searching && picker.chosen.is_empty()).then(|| Arc::clone(&self.visible));
        let small = listed.as_ref().is_some_and(|events| events.len() <= self.count_at_once);
        if self.background_search && !small {
            // Off the UI thread: the picker opens at once and its counts follow.
            self.tickets += 1;
            picker.ticket = self.tickets;
            let query = Picker::counted_query(facet, &self.query);
            self.pending_search = Some(Effect::Count { ticket: self.tickets, facet, query, events: listed });
        } else {
            let answer = listed.as_ref().map(|events| events.as_slice());
            picker.count_under(&self.dataset, &self.query, answer, self.matcher.as_ref());
        }
        self.mode = Mode::Picker(picker);
    }
}

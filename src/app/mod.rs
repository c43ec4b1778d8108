//! The TUI's state and its one way to change: `App::update(action)`. No terminal, no theme
//! and no screen geometry in here: the draw step reports what it measured as an action.
//!
//! The app is a stack of screens (the chronology at the bottom) and at most one overlay
//! (search, picker, date or export prompt, help). An action is offered to the overlay
//! first, then to the screen on top.

use std::path::PathBuf;
use std::sync::Arc;

use crate::model::Dataset;
use crate::query::{Facet, Query};
use crate::search::WordMatcher;

mod action;
mod chronology;
mod claims;
mod density;
mod figures;
mod history;
mod overlay;
mod reader;
mod reload;
mod search_job;
mod tables;
mod view;

pub use action::{Action, Bound, Effect, ExportOutcome, Measured, Pane};
pub use chronology::{Chronology, Focus, Link, Row};
pub use claims::{ClaimsColumn, ClaimsTable};
pub use density::Density;
pub use figures::{FigureRow, FiguresView};
pub use history::Place;
pub use overlay::{Overlay, Picker, PickerOption, SearchHistory};
pub use reader::Reader;
pub use reload::{Loaded, Problems, Reloaded};
pub use search_job::search;
pub use view::View;

/// A full screen. The chronology is always at the bottom of the stack; the source reader,
/// figures and error screens go on top of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Chronology,
    /// An article, with the passages events cite.
    Reader(Box<Reader>),
    /// The figures of the filtered events, per item.
    Figures(Box<FiguresView>),
    /// The filtered events as a table sortable by any column.
    Claims(Box<ClaimsTable>),
    /// What is wrong with the data files after a reload; the last good data stays under it.
    Problems(Box<Problems>),
}

pub struct App {
    pub dataset: Arc<Dataset>,
    pub matcher: Arc<dyn WordMatcher>,
    pub query: Query,
    /// The chronology screen's state: the list, its selection and the detail pane.
    pub chronology: Chronology,
    /// The screens, bottom first; never empty.
    pub screens: Vec<Screen>,
    /// At most one overlay, drawn over the top screen and offered every action first.
    pub overlay: Option<Overlay>,
    /// What the last frame measured (pane heights and content lengths).
    pub measured: Measured,
    /// The places left by screen changes, newest last (Backspace goes back).
    pub history: Vec<Place>,
    /// A one-line message for the footer (filters cleared, a bad date …).
    pub status: Option<String>,
    /// Searches kept with Enter, for ↑ and ↓ in the search prompt.
    pub searches: SearchHistory,
    pub should_quit: bool,
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
    /// Work to hand to the caller at the end of this update.
    pending: Option<Effect>,
    /// The event selected when the current search began: partial answers may not hold it, the
    /// complete answer is matched against it again.
    selection_anchor: Option<usize>,
    /// The last ticket given to a picker's count request.
    tickets: u64,
    /// True from asking for an export until its outcome is in.
    pub exporting: bool,
    /// The dataset a reload replaced, for the runtime to free off the UI thread.
    pub retired: Option<Arc<Dataset>>,
    /// With background search, a picker counting more events than this counts them off the
    /// UI thread (a million events take tens of milliseconds).
    pub count_at_once: usize,
}

impl App {
    pub fn new(dataset: Arc<Dataset>, matcher: Arc<dyn WordMatcher>, query: Query) -> Self {
        let mut app = Self {
            dataset,
            matcher,
            query,
            chronology: Chronology::default(),
            screens: vec![Screen::Chronology],
            overlay: None,
            measured: Measured::default(),
            history: Vec::new(),
            status: None,
            searches: SearchHistory::default(),
            should_quit: false,
            data_dir: None,
            background_search: false,
            generation: 0,
            searching: false,
            answered: None,
            pending: None,
            selection_anchor: None,
            tickets: 0,
            exporting: false,
            retired: None,
            count_at_once: 100_000,
        };
        app.refilter();
        app.chronology.selected = app.chronology.visible.first().copied();
        app.reveal_selection();
        app
    }

    /// The screen on top of the stack.
    pub fn screen(&self) -> &Screen {
        // The stack is never empty: `Back` leaves the chronology in place.
        self.screens.last().unwrap_or(&Screen::Chronology)
    }

    /// Apply one action. The only way the app's state changes; I/O it needs comes back as an Effect.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        // A message stays until the user does something where it shows (the main screen);
        // answers arriving don't wipe it.
        if self.overlay.is_none() && !action.is_answer() && !matches!(action, Action::Wheel(..)) {
            self.status = None;
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::Measured(measured) => self.measured(measured),
            Action::ExportDone(outcome) => self.export_done(outcome),
            Action::FiguresDone { ticket, figures, events } => self.figures_done(ticket, figures, events),
            Action::Reloaded(reloaded) => self.reloaded(reloaded),
            Action::Reload if self.overlay.is_none() => self.pending = Some(Effect::Reload),
            Action::Edit if self.overlay.is_none() => self.edit(),
            Action::Counted { ticket, tally } => {
                if let Some(Overlay::Picker(picker)) = &mut self.overlay {
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
            other => {
                let passed = if self.overlay.is_some() { self.overlay_update(other) } else { Some(other) };
                if let Some(action) = passed {
                    self.screen_update(action);
                }
            }
        }
        self.refresh_tables();
        self.pending.take()
    }

    fn screen_update(&mut self, action: Action) {
        match action {
            Action::Back => self.back(),
            Action::OpenFigures => self.open_figures(),
            Action::OpenClaims => self.open_claims(),
            action => match self.screen() {
                Screen::Chronology => self.chronology_update(action),
                Screen::Reader(_) => self.reader_update(action),
                Screen::Figures(_) => self.figures_update(action),
                Screen::Claims(_) => self.claims_update(action),
                Screen::Problems(_) => self.problems_update(action),
            },
        }
    }

    /// True while a frame must measure something for the app (a passage or link to bring
    /// into view), even if the sizes did not change.
    pub fn wants_measure(&self) -> bool {
        self.chronology.reveal_link || matches!(self.screen(), Screen::Reader(reader) if reader.reveal)
    }

    /// The draw step's measurements: keep the selection in view and scrolls in range.
    fn measured(&mut self, measured: Measured) {
        self.reveal_marked(&measured);
        if measured == self.measured {
            return;
        }
        let grew = measured.list_rows > self.measured.list_rows;
        self.measured = measured;
        self.reveal_table_cursor();
        if grew {
            // Shown again after being too small (or taller): from the top, so the first
            // headings are not left scrolled away.
            self.chronology.list_offset = 0;
        }
        self.reveal_selection();
        self.chronology.detail_scroll = self.chronology.detail_scroll.min(measured.detail_max_scroll());
        if let Some(Overlay::Help { scroll }) = &mut self.overlay {
            *scroll = (*scroll).min(measured.help_max_scroll());
        }
    }

    /// Scroll the reader to its current passage, and the detail pane to its link, when asked.
    fn reveal_marked(&mut self, measured: &Measured) {
        if let Some(Screen::Reader(reader)) = self.screens.last_mut() {
            if reader.reveal {
                if let Some(line) = measured.reader_passage_line {
                    // A third of the way down, with what leads up to it above.
                    let max = measured.reader_lines.saturating_sub(measured.reader_rows);
                    reader.scroll = line.saturating_sub(measured.reader_rows / 3).min(max);
                    reader.reveal = false;
                }
            }
        }
        let chronology = &mut self.chronology;
        if chronology.reveal_link {
            if let Some(line) = measured.detail_link_line {
                let rows = measured.detail_rows.max(1);
                if line < chronology.detail_scroll {
                    chronology.detail_scroll = line;
                } else if line >= chronology.detail_scroll + rows {
                    chronology.detail_scroll = line + 1 - rows;
                }
                chronology.reveal_link = false;
            }
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
            // A query that only adds words can search among the events shown, if they answer the
            // last query, for its new words only.
            let narrowed = self.answered.as_ref().filter(|answered| self.query.narrows(answered));
            let within = narrowed.map(|_| Arc::clone(&self.chronology.visible));
            let query = narrowed.map_or_else(|| self.query.clone(), |answered| self.query.residual(answered));
            self.searching = true;
            self.selection_anchor = self.selection_anchor.or(self.chronology.selected);
            self.pending = Some(Effect::Search { generation: self.generation, query, within });
            return;
        }
        let visible = self.query.filter(&self.dataset, self.matcher.as_ref());
        self.apply_view(View::ordered(&self.dataset, visible, self.query.order));
        self.answered = Some(self.query.clone());
    }

    /// Show `view`, keeping the selection on the same event if it is still there, else on
    /// the nearest one in time.
    fn apply_view(&mut self, view: View) {
        let wanted = self.selection_anchor.or(self.chronology.selected);
        self.chronology.show(&self.dataset, view, wanted);
        self.reveal_selection();
    }

    fn open_picker(&mut self, facet: Facet) {
        let mut picker = Picker::uncounted(facet, &self.dataset, &self.query);
        // With none of the facet's values chosen, the other filters are the whole query, so
        // the list (unless its search is still running) is what the picker counts.
        let listed =
            (!self.searching && picker.chosen.is_empty()).then(|| Arc::clone(&self.chronology.visible));
        let small = listed.as_ref().is_some_and(|events| events.len() <= self.count_at_once);
        if self.background_search && !small {
            // Off the UI thread: the picker opens at once and its counts follow.
            self.tickets += 1;
            picker.ticket = self.tickets;
            let query = Picker::counted_query(facet, &self.query);
            self.pending = Some(Effect::Count { ticket: self.tickets, facet, query, events: listed });
        } else {
            let answer = listed.as_ref().map(|events| events.as_slice());
            picker.count_under(&self.dataset, &self.query, answer, self.matcher.as_ref());
        }
        self.overlay = Some(Overlay::Picker(picker));
    }
}

impl Action {
    /// True for what the outside brings back (answers, measurements), not what the user did.
    fn is_answer(&self) -> bool {
        matches!(
            self,
            Action::Measured(_)
                | Action::SearchDone { .. }
                | Action::ExportDone(_)
                | Action::Counted { .. }
                | Action::FiguresDone { .. }
        )
    }
}

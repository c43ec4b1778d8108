//! The figures view (`#`): for each item under the current filters, its figures in the order
//! they held, a cursor on one of them, and Enter to show its event. The figures are computed
//! off the UI thread (`Effect::ComputeFigures`), so the view opens at once and fills in.

use std::sync::Arc;

use super::{Action, App, Effect, Screen};
use crate::figures::{Figure, Figures};
use crate::model::Dataset;
use crate::query::Query;

/// A line of the figures view: a series' heading, or one of its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureRow {
    /// The series, by its position in `Figures::series`.
    Series(usize),
    /// A figure: its series and its position there.
    Figure(usize, usize),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FiguresView {
    /// The query the figures answer.
    pub query: Query,
    /// How many events it selected, when known.
    pub events: Option<usize>,
    /// Which request the figures answer; an answer with another ticket is dropped.
    pub ticket: u64,
    /// None until computed.
    pub figures: Option<Arc<Figures>>,
    pub rows: Vec<FigureRow>,
    /// The row at the cursor: always a figure's, when there is any.
    pub cursor: usize,
    /// The first row shown.
    pub offset: usize,
    /// The figures were of a dataset since reloaded: computed again when the view shows.
    pub stale: bool,
    /// The event whose figure the cursor was on before a reload, by id.
    pub wanted: Option<String>,
}

impl FiguresView {
    fn new(query: Query, ticket: u64) -> Self {
        let (rows, stale, wanted) = (Vec::new(), false, None);
        Self { query, events: None, ticket, figures: None, rows, cursor: 0, offset: 0, stale, wanted }
    }

    /// Forget figures that point into a replaced dataset, keeping the event at the cursor by id.
    pub(super) fn mark_stale(&mut self, old: &Dataset) {
        if !self.stale {
            self.wanted = self.figure_at_cursor().map(|f| old.event(f.event).id.clone());
        }
        self.figures = None;
        self.rows.clear();
        (self.cursor, self.offset, self.events) = (0, 0, None);
        // No answer to a request made before is taken.
        self.ticket = 0;
        self.stale = true;
    }

    /// Show `figures`, with the cursor on the first one (or on the wanted event's).
    pub fn take(&mut self, figures: Arc<Figures>, events: usize, dataset: &Dataset) {
        self.rows = figures
            .series
            .iter()
            .enumerate()
            .flat_map(|(s, series)| {
                std::iter::once(FigureRow::Series(s))
                    .chain((0..series.figures.len()).map(move |f| FigureRow::Figure(s, f)))
            })
            .collect();
        self.figures = Some(figures);
        self.events = Some(events);
        self.cursor = self.rows.iter().position(|r| matches!(r, FigureRow::Figure(..))).unwrap_or(0);
        if let Some(wanted) = self.wanted.take() {
            let on_wanted = |r: &FigureRow| match *r {
                FigureRow::Figure(s, f) => self
                    .figures
                    .as_ref()
                    .is_some_and(|all| dataset.event(all.series[s].figures[f].event).id == wanted),
                FigureRow::Series(_) => false,
            };
            self.cursor = self.rows.iter().position(on_wanted).unwrap_or(self.cursor);
        }
        self.offset = 0;
        self.stale = false;
    }

    /// The figure at the cursor.
    pub fn figure_at_cursor(&self) -> Option<&Figure> {
        let (s, f) = self.at_cursor()?;
        self.figures.as_ref().map(|all| &all.series[s].figures[f])
    }

    /// The series and figure at the cursor.
    pub fn at_cursor(&self) -> Option<(usize, usize)> {
        match self.rows.get(self.cursor) {
            Some(&FigureRow::Figure(s, f)) => Some((s, f)),
            _ => None,
        }
    }

    /// Move the cursor `by` figures (headings are skipped), stopping at the ends.
    fn step(&mut self, by: isize) {
        let figures: Vec<usize> =
            (0..self.rows.len()).filter(|&r| matches!(self.rows[r], FigureRow::Figure(..))).collect();
        let Some(at) = figures.iter().position(|&r| r == self.cursor) else { return };
        let to = (at as isize + by).clamp(0, figures.len() as isize - 1) as usize;
        self.cursor = figures[to];
    }

    /// Move the cursor to the first figure of the next (or previous) series.
    fn step_series(&mut self, forward: bool) {
        let Some((series, _)) = self.at_cursor() else { return };
        let count = self.figures.as_ref().map_or(0, |f| f.series.len());
        let target = match forward {
            true if series + 1 < count => series + 1,
            false if series > 0 => series - 1,
            _ => series,
        };
        if let Some(row) = self.rows.iter().position(|r| *r == FigureRow::Figure(target, 0)) {
            self.cursor = row;
        }
    }

    /// Scroll so the cursor is in view, with its series' heading when that fits.
    pub(super) fn reveal(&mut self, height: usize) {
        if height == 0 {
            return;
        }
        let heading = match self.rows.get(self.cursor) {
            Some(&FigureRow::Figure(_, 0)) => self.cursor.saturating_sub(1),
            _ => self.cursor,
        };
        if heading < self.offset {
            self.offset = heading;
        } else if self.cursor >= self.offset + height {
            self.offset = self.cursor + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
    }
}

impl App {
    /// `#`: the figures of the events the query selects, computed off the UI thread when the
    /// TUI runs (at once otherwise, as in tests).
    pub(super) fn open_figures(&mut self) {
        let mut view = FiguresView::new(self.query.clone(), 0);
        self.request_figures(&mut view);
        self.push_place();
        self.screens.push(Screen::Figures(Box::new(view)));
    }

    /// Ask for `view`'s figures: from a thread with background search (the view fills in
    /// when `FiguresDone` comes), else at once.
    pub(super) fn request_figures(&mut self, view: &mut FiguresView) {
        self.tickets += 1;
        view.ticket = self.tickets;
        // The list shown answers the view's query unless a search is still running.
        let events =
            (!self.searching && view.query == self.query).then(|| Arc::clone(&self.chronology.visible));
        if self.background_search {
            let query = view.query.clone();
            self.pending = Some(Effect::ComputeFigures { ticket: self.tickets, query, events });
        } else {
            let events =
                events.unwrap_or_else(|| Arc::new(view.query.filter(&self.dataset, self.matcher.as_ref())));
            view.take(Arc::new(Figures::build(&self.dataset, &events)), events.len(), &self.dataset);
        }
    }

    /// The figures asked for with `ticket` are in (`Effect::ComputeFigures`).
    pub(super) fn figures_done(&mut self, ticket: u64, figures: Arc<Figures>, events: usize) {
        let rows = usize::from(self.measured.table_rows);
        let dataset = Arc::clone(&self.dataset);
        if let Some(Screen::Figures(view)) = self.screens.last_mut() {
            if view.ticket == ticket && view.figures.is_none() {
                view.take(figures, events, &dataset);
                view.reveal(rows);
            }
        }
    }

    pub(super) fn figures_update(&mut self, action: Action) {
        let rows = usize::from(self.measured.table_rows);
        let page = rows.saturating_sub(1).max(1) as isize;
        let Some(Screen::Figures(view)) = self.screens.last_mut() else { return };
        match action {
            Action::Move(by) => view.step(by),
            Action::Wheel(_, lines) => view.step(lines as isize),
            Action::PageDown => view.step(page),
            Action::PageUp => view.step(-page),
            Action::First => view.step(isize::MIN / 2),
            Action::Last => view.step(isize::MAX / 2),
            Action::NextItem => view.step_series(true),
            Action::PreviousItem => view.step_series(false),
            Action::Submit => {
                let event = view.figure_at_cursor().map(|f| f.event);
                if let Some(event) = event {
                    self.go_to_event(event);
                }
                return;
            }
            Action::Cancel => return self.back(),
            Action::ShowHelp => return self.overlay = Some(super::Overlay::Help { scroll: 0 }),
            _ => return,
        }
        view.reveal(rows);
    }
}

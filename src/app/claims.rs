//! The claims table: the filtered events as rows (date, reported, claimant, status, grade,
//! kind, quantity, title), sorted by any column, and Enter to show one in the chronology.

use std::cmp::Ordering;
use std::sync::Arc;

use super::{Action, App, Screen};
use crate::figures::best_grade;
use crate::model::Dataset;
use crate::query::Query;
use crate::text::lowercase;

/// A column of the claims table, in the order shown (the sort keys are 1 to 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimsColumn {
    Date,
    Reported,
    Claimant,
    Status,
    Grade,
    Kind,
    Quantity,
    Title,
}

impl ClaimsColumn {
    pub const ALL: [ClaimsColumn; 8] = [
        ClaimsColumn::Date,
        ClaimsColumn::Reported,
        ClaimsColumn::Claimant,
        ClaimsColumn::Status,
        ClaimsColumn::Grade,
        ClaimsColumn::Kind,
        ClaimsColumn::Quantity,
        ClaimsColumn::Title,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ClaimsColumn::Date => "date",
            ClaimsColumn::Reported => "reported",
            ClaimsColumn::Claimant => "claimant",
            ClaimsColumn::Status => "status",
            ClaimsColumn::Grade => "grade",
            ClaimsColumn::Kind => "kind",
            ClaimsColumn::Quantity => "quantity",
            ClaimsColumn::Title => "title",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimsTable {
    /// The query whose events the table shows.
    pub query: Query,
    /// The events shown (dataset indices), in the table's order.
    pub rows: Vec<usize>,
    pub sort: ClaimsColumn,
    pub descending: bool,
    /// The row at the cursor, and the first row shown.
    pub cursor: usize,
    pub offset: usize,
    /// The rows were of a dataset since reloaded: rebuilt when the table shows, its cursor
    /// on this event (by id) if it is still there.
    pub stale: Option<Option<String>>,
}

impl ClaimsTable {
    /// The table of `events` (in chronological order, answering `query`), sorted by date.
    pub fn new(query: Query, events: &[usize]) -> Self {
        let (sort, descending, stale) = (ClaimsColumn::Date, false, None);
        // Sorted by date, as the header says, whatever order the list is in (events are
        // indexed in date order).
        let mut rows = events.to_vec();
        rows.sort_unstable();
        Self { query, rows, sort, descending, cursor: 0, offset: 0, stale }
    }

    /// Forget rows that point into a replaced dataset, keeping the event at the cursor by id.
    pub(super) fn mark_stale(&mut self, old: &Dataset) {
        if self.stale.is_none() {
            self.stale = Some(self.rows.get(self.cursor).map(|&i| old.event(i).id.clone()));
        }
        self.rows.clear();
        (self.cursor, self.offset) = (0, 0);
    }

    /// Rows again, from `events` of the new dataset: sorted as before, the cursor on the
    /// event it was on.
    pub(super) fn rebuild(&mut self, dataset: &Dataset, events: &[usize]) {
        let wanted = self.stale.take().flatten();
        self.rows = events.to_vec();
        self.sort_rows(dataset);
        let at = wanted
            .and_then(|id| dataset.event_index(&id))
            .and_then(|e| self.rows.iter().position(|&r| r == e));
        self.cursor = at.unwrap_or(0);
    }

    /// Sort by `column`; again by the same column, the other way. Ties keep the date order,
    /// and rows without a value come last either way. The cursor stays on its event.
    pub fn sort_by(&mut self, dataset: &Dataset, column: ClaimsColumn) {
        self.descending = column == self.sort && !self.descending;
        self.sort = column;
        let at_cursor = self.rows.get(self.cursor).copied();
        self.sort_rows(dataset);
        self.cursor = at_cursor.and_then(|e| self.rows.iter().position(|&r| r == e)).unwrap_or(0);
    }

    /// The rows in the table's order. Each row's key is worked out once, small, so that
    /// sorting 100,000 rows compares in place.
    fn sort_rows(&mut self, dataset: &Dataset) {
        let column = self.sort;
        // Dataset indices are in date order.
        self.rows.sort_unstable();
        let event = |i: usize| dataset.event(i);
        match column {
            ClaimsColumn::Date if self.descending => self.rows.reverse(),
            ClaimsColumn::Date => {}
            ClaimsColumn::Reported => {
                self.sort_keyed(|i| event(i).reported.map(|d| (d.first_day(), d.precision(), d.last_day())))
            }
            ClaimsColumn::Claimant => {
                let ranks = name_ranks(dataset);
                self.sort_keyed(|i| {
                    // The claimants' names in order, as ranks: [first, second, third] (0: none).
                    let mut key = [0u32; 3];
                    for (slot, id) in key.iter_mut().zip(&event(i).claimed_by) {
                        *slot = dataset.actor_position(id).map_or(u32::MAX, |p| ranks[p as usize] + 1);
                    }
                    Some(key)
                })
            }
            ClaimsColumn::Status => self.sort_keyed(|i| Some(event(i).status)),
            ClaimsColumn::Grade => self.sort_keyed(|i| best_grade(dataset, i)),
            ClaimsColumn::Kind => self.sort_keyed(|i| Some(event(i).kind)),
            // By the first figure's unit, then its best value.
            ClaimsColumn::Quantity => {
                self.sort_keyed(|i| event(i).quantities.first().map(|q| (q.unit, q.interval().best)))
            }
            ClaimsColumn::Title => self.sort_keyed(|i| Some(lowercase(&event(i).title))),
        }
    }

    /// Sort the rows (in date order) by `key`, in the table's direction; rows without a key
    /// last, ties in date order.
    fn sort_keyed<K: Ord>(&mut self, key: impl Fn(usize) -> Option<K>) {
        let mut keyed: Vec<(Option<K>, usize)> = self.rows.iter().map(|&i| (key(i), i)).collect();
        let descending = self.descending;
        keyed.sort_unstable_by(|(a, i), (b, j)| {
            let order = match (a, b) {
                (Some(a), Some(b)) if descending => b.cmp(a),
                (Some(a), Some(b)) => a.cmp(b),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            };
            order.then(i.cmp(j))
        });
        self.rows = keyed.into_iter().map(|(_, i)| i).collect();
    }

    fn step(&mut self, by: isize) {
        if !self.rows.is_empty() {
            self.cursor =
                (self.cursor as isize).saturating_add(by).clamp(0, self.rows.len() as isize - 1) as usize;
        }
    }

    pub(super) fn reveal(&mut self, height: usize) {
        if height == 0 {
            return;
        }
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + height {
            self.offset = self.cursor + 1 - height;
        }
        self.offset = self.offset.min(self.rows.len().saturating_sub(height));
    }
}

/// Each actor's place in the order of their lower-cased names, by actor position.
fn name_ranks(dataset: &Dataset) -> Vec<u32> {
    let mut by_name: Vec<(String, usize)> =
        dataset.actors().iter().enumerate().map(|(p, a)| (lowercase(&a.name), p)).collect();
    by_name.sort();
    let mut ranks = vec![0; by_name.len()];
    for (rank, (_, position)) in by_name.into_iter().enumerate() {
        ranks[position] = rank as u32;
    }
    ranks
}

impl App {
    /// The claims table of the events the query selects.
    pub(super) fn open_claims(&mut self) {
        // The list shown answers the query unless a search is still running.
        let events = if self.searching {
            Arc::new(self.query.filter(&self.dataset, self.matcher.as_ref()))
        } else {
            Arc::clone(&self.chronology.visible)
        };
        let mut table = ClaimsTable::new(self.query.clone(), &events);
        if let Some(at) = self.chronology.selected.and_then(|s| table.rows.binary_search(&s).ok()) {
            table.cursor = at;
        }
        table.reveal(usize::from(self.measured.table_rows));
        self.push_place();
        self.screens.push(Screen::Claims(Box::new(table)));
    }

    pub(super) fn claims_update(&mut self, action: Action) {
        let rows = usize::from(self.measured.table_rows);
        let page = rows.saturating_sub(1).max(1) as isize;
        let dataset = Arc::clone(&self.dataset);
        let Some(Screen::Claims(table)) = self.screens.last_mut() else { return };
        match action {
            Action::Move(by) => table.step(by),
            Action::Wheel(_, lines) => table.step(lines as isize),
            Action::PageDown => table.step(page),
            Action::PageUp => table.step(-page),
            Action::First => table.step(isize::MIN / 2),
            Action::Last => table.step(isize::MAX / 2),
            Action::SortBy(column) => table.sort_by(&dataset, column),
            Action::Submit => {
                if let Some(&event) = table.rows.get(table.cursor) {
                    self.go_to_event(event);
                }
                return;
            }
            Action::Cancel => return self.back(),
            Action::ShowHelp => return self.overlay = Some(super::Overlay::Help { scroll: 0 }),
            _ => return,
        }
        table.reveal(rows);
    }
}

//! The claims table: the filtered events as rows (date, reported, claimant, status, grade,
//! kind, quantity, title), sorted by any column, and Enter to show one in the chronology.

use std::cmp::{Ordering, Reverse};
use std::sync::Arc;

use super::{Action, App, Screen};
use crate::figures::{best_grade, claimants};
use crate::model::Dataset;
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
    /// The events shown (dataset indices), in the table's order.
    pub rows: Vec<usize>,
    pub sort: ClaimsColumn,
    pub descending: bool,
    /// The row at the cursor, and the first row shown.
    pub cursor: usize,
    pub offset: usize,
}

impl ClaimsTable {
    /// The table of `events` (in chronological order), sorted by date.
    pub fn new(events: &[usize]) -> Self {
        Self { rows: events.to_vec(), sort: ClaimsColumn::Date, descending: false, cursor: 0, offset: 0 }
    }

    /// Sort by `column`; again by the same column, the other way. Ties keep the date order,
    /// and rows without a value come last either way. The cursor stays on its event.
    pub fn sort_by(&mut self, dataset: &Dataset, column: ClaimsColumn) {
        self.descending = column == self.sort && !self.descending;
        self.sort = column;
        let at_cursor = self.rows.get(self.cursor).copied();
        self.rows.sort_unstable();
        let descending = self.descending;
        let order = |a: Ordering| if descending { a.reverse() } else { a };
        // Present values first, in the chosen direction; absent ones after, by date.
        fn last_if_absent<T: Ord>(
            a: &Option<T>,
            b: &Option<T>,
            order: impl Fn(Ordering) -> Ordering,
        ) -> Ordering {
            match (a, b) {
                (Some(a), Some(b)) => order(a.cmp(b)),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
        match column {
            ClaimsColumn::Date => {
                if descending {
                    self.rows.reverse();
                }
            }
            ClaimsColumn::Reported => self.rows.sort_by(|&a, &b| {
                last_if_absent(&dataset.event(a).reported, &dataset.event(b).reported, order)
            }),
            ClaimsColumn::Claimant => {
                let key = |i: usize| lowercase(&claimants(dataset, dataset.event(i)));
                match descending {
                    false => self.rows.sort_by_cached_key(|&i| key(i)),
                    true => self.rows.sort_by_cached_key(|&i| Reverse(key(i))),
                }
            }
            ClaimsColumn::Status => {
                self.rows.sort_by(|&a, &b| order(dataset.event(a).status.cmp(&dataset.event(b).status)))
            }
            ClaimsColumn::Grade => {
                let grades: Vec<_> = self.rows.iter().map(|&i| (i, best_grade(dataset, i))).collect();
                let grade =
                    |i: usize| grades.binary_search_by_key(&i, |&(e, _)| e).ok().and_then(|k| grades[k].1);
                self.rows.sort_by(|&a, &b| last_if_absent(&grade(a), &grade(b), order));
            }
            ClaimsColumn::Kind => {
                self.rows.sort_by(|&a, &b| order(dataset.event(a).kind.cmp(&dataset.event(b).kind)))
            }
            ClaimsColumn::Quantity => {
                // By the first figure's unit, then its best value.
                let key = |i: usize| dataset.event(i).quantities.first().map(|q| (q.unit, q.interval().best));
                self.rows.sort_by(|&a, &b| last_if_absent(&key(a), &key(b), order));
            }
            ClaimsColumn::Title => {
                let key = |i: usize| lowercase(&dataset.event(i).title);
                match descending {
                    false => self.rows.sort_by_cached_key(|&i| key(i)),
                    true => self.rows.sort_by_cached_key(|&i| Reverse(key(i))),
                }
            }
        }
        self.cursor = at_cursor.and_then(|e| self.rows.iter().position(|&r| r == e)).unwrap_or(0);
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

impl App {
    /// The claims table of the events the query selects.
    pub(super) fn open_claims(&mut self) {
        // The list shown answers the query unless a search is still running.
        let events = if self.searching {
            Arc::new(self.query.filter(&self.dataset, self.matcher.as_ref()))
        } else {
            Arc::clone(&self.chronology.visible)
        };
        let mut table = ClaimsTable::new(&events);
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
                    self.push_place();
                    self.screens.truncate(1);
                    self.show_event(event);
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

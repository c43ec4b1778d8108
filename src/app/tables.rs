//! What the figures view and the claims table share: their cursor kept in view, and their
//! rows (dataset indices) made again after a reload, keyed by event id meanwhile.

use std::sync::Arc;

use super::{App, Screen};
use crate::model::Dataset;
use crate::query::Query;

impl App {
    /// Keep the cursor of the figures view or the claims table in view at the measured height.
    pub(super) fn reveal_table_cursor(&mut self) {
        let rows = usize::from(self.measured.table_rows);
        match self.screens.last_mut() {
            Some(Screen::Figures(view)) => view.reveal(rows),
            Some(Screen::Claims(table)) => table.reveal(rows),
            _ => {}
        }
    }

    /// `old` is being replaced: every figures view and claims table, open or in the history,
    /// lets go of its rows, which are positions in `old`. The open ones that answered the
    /// app's query answer `kept` (that query less what the new dataset lacks) from now on.
    pub(super) fn mark_tables_stale(&mut self, old: &Dataset, kept: &Query) {
        for screen in &mut self.screens {
            match screen {
                Screen::Figures(view) if view.query == self.query => view.query = kept.clone(),
                Screen::Claims(table) if table.query == self.query => table.query = kept.clone(),
                _ => {}
            }
        }
        let places = self.history.iter_mut().flat_map(|place| place.screens.iter_mut());
        for screen in self.screens.iter_mut().chain(places) {
            match screen {
                Screen::Figures(view) => view.mark_stale(old),
                Screen::Claims(table) => table.mark_stale(old),
                _ => {}
            }
        }
    }

    /// A stale figures view or claims table on top is made again from the current dataset,
    /// once the list answers the query (so the two agree) and no other work is waiting.
    pub(super) fn refresh_tables(&mut self) {
        if self.searching || self.pending.is_some() {
            return;
        }
        let rows = usize::from(self.measured.table_rows);
        match self.screens.last_mut() {
            Some(Screen::Figures(view)) if view.stale && view.ticket == 0 => {
                let mut view = std::mem::take(view);
                self.request_figures(&mut view);
                view.reveal(rows);
                if let Some(Screen::Figures(top)) = self.screens.last_mut() {
                    *top = view;
                }
            }
            Some(Screen::Claims(table)) if table.stale.is_some() => {
                let events = match table.query == self.query {
                    true => Arc::clone(&self.chronology.visible),
                    false => Arc::new(table.query.filter(&self.dataset, self.matcher.as_ref())),
                };
                table.rebuild(&self.dataset, &events);
                table.reveal(rows);
            }
            _ => {}
        }
    }
}

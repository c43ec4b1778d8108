//! The search prompt: words and query terms typed live, the list following as you type.

use super::{Overlay, edit_text};
use crate::app::{Action, App};
use crate::query::Query;

impl App {
    /// Returns the actions the list takes while the prompt is open (moving, paging, the mouse).
    pub(super) fn search(&mut self, action: Action) -> Option<Action> {
        let Some(Overlay::Search { input, before, .. }) = &mut self.overlay else { return None };
        if edit_text(input, &action) {
            self.apply_search_input();
            return None;
        }
        match action {
            Action::Submit => {
                if let Some(Overlay::Search { error: None, .. }) = self.overlay {
                    self.overlay = None;
                }
                None
            }
            Action::Cancel => {
                let mut restored = before.clone();
                restored.words.clear();
                self.overlay = None;
                self.set_query(restored);
                None
            }
            // The list stays navigable while typing.
            Action::Move(_) | Action::PageDown | Action::PageUp | Action::Wheel(..) | Action::Click(_) => {
                Some(action)
            }
            _ => None,
        }
    }

    /// Parse the search line as query terms added to the query it started from; apply it if valid.
    fn apply_search_input(&mut self) {
        let Some(Overlay::Search { input, before, .. }) = &self.overlay else { return };
        let mut base = before.clone();
        base.words.clear();
        let candidate = input
            .parse::<Query>()
            .and_then(|typed| base.merge(typed))
            .and_then(|q| q.validate(&self.dataset).map(|()| q));
        let problem = match candidate {
            Ok(query) => {
                self.set_query(query);
                None
            }
            Err(problem) => Some(problem.to_string()),
        };
        if let Some(Overlay::Search { error, .. }) = &mut self.overlay {
            *error = problem;
        }
    }
}

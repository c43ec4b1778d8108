//! The search prompt: words and query terms typed live, the list following as you type.
//! The line edits in place; Esc puts back the query the prompt opened on; ↑ and ↓ recall
//! earlier searches.

use super::{Overlay, edit_line};
use crate::app::{Action, App};
use crate::query::{Query, Word};

/// Searches kept with Enter, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchHistory(Vec<String>);

impl SearchHistory {
    /// How many searches are kept.
    const KEPT: usize = 100;

    /// Keep `input` as the newest search (moved there if it was kept before).
    pub fn push(&mut self, input: &str) {
        let input = input.trim();
        if input.is_empty() {
            return;
        }
        self.0.retain(|kept| kept != input);
        self.0.push(input.to_string());
        if self.0.len() > Self::KEPT {
            self.0.remove(0);
        }
    }

    pub fn entries(&self) -> &[String] {
        &self.0
    }
}

impl Overlay {
    /// The search prompt over `query`: its words to edit, the rest kept as they are.
    pub fn search(query: &Query) -> Self {
        let input = query.words.iter().map(Word::to_string).collect::<Vec<_>>().join(" ");
        Overlay::Search {
            cursor: input.chars().count(),
            input,
            before: Box::new(query.clone()),
            error: None,
            recalled: None,
            draft: String::new(),
        }
    }
}

impl App {
    /// Returns the actions the list takes while the prompt is open (moving, paging, the mouse).
    pub(super) fn search(&mut self, action: Action) -> Option<Action> {
        let history = self.searches.entries();
        let Some(Overlay::Search { input, cursor, before, recalled, draft, .. }) = &mut self.overlay else {
            return None;
        };
        let recall = |index: usize| history.get(index).cloned();
        match action {
            Action::HistoryPrevious => {
                let index = match *recalled {
                    None if history.is_empty() => return None,
                    None => {
                        *draft = input.clone();
                        history.len() - 1
                    }
                    Some(index) => index.saturating_sub(1),
                };
                *recalled = Some(index);
                *input = recall(index).unwrap_or_default();
                *cursor = input.chars().count();
            }
            Action::HistoryNext => match *recalled {
                None => return None,
                Some(index) if index + 1 < history.len() => {
                    *recalled = Some(index + 1);
                    *input = recall(index + 1).unwrap_or_default();
                    *cursor = input.chars().count();
                }
                Some(_) => {
                    *recalled = None;
                    *input = std::mem::take(draft);
                    *cursor = input.chars().count();
                }
            },
            Action::Submit => {
                if let Some(Overlay::Search { error: None, input, .. }) = &self.overlay {
                    let input = input.clone();
                    self.searches.push(&input);
                    self.overlay = None;
                }
                return None;
            }
            Action::Cancel => {
                let restored = (**before).clone();
                self.overlay = None;
                self.set_query(restored);
                return None;
            }
            // The list stays navigable while typing.
            Action::Move(_) | Action::PageDown | Action::PageUp | Action::Wheel(..) | Action::Click(_) => {
                return Some(action);
            }
            action => {
                if !edit_line(input, cursor, &action) {
                    return None;
                }
            }
        }
        self.apply_search_input();
        None
    }

    /// Parse the search line as query terms added to the query it started from; apply it if
    /// valid, else say what is wrong and keep the list on the last valid query.
    fn apply_search_input(&mut self) {
        let Some(Overlay::Search { input, before, .. }) = &self.overlay else { return };
        let mut base = (**before).clone();
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

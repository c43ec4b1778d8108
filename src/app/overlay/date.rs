//! The date prompt: one end of the date range.

use super::{Overlay, edit_text};
use crate::app::{Action, App, Bound};
use crate::date::Date;

impl App {
    pub(super) fn date_prompt(&mut self, action: Action) {
        let Some(Overlay::Date { bound, input, error }) = &mut self.overlay else { return };
        if edit_text(input, &action) {
            return;
        }
        match action {
            Action::Cancel => self.overlay = None,
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
                        self.overlay = None;
                        self.set_query(query);
                    }
                    Err(message) => *error = Some(message),
                }
            }
            _ => {}
        }
    }
}

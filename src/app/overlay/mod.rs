//! Overlays: what is drawn over the top screen and takes the keys first. Each has its own
//! state; at most one is open.

mod date;
mod export;
mod help;
mod picker;
mod search;

pub use picker::{Picker, PickerOption};

use super::{Action, App, Bound};
use crate::query::Query;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// `/`: keywords (or whole query terms) typed live; `before` is restored by Esc, minus its words.
    Search {
        input: String,
        before: Query,
        error: Option<String>,
    },
    Picker(Picker),
    /// `f`/`t`: a date for one end of the range.
    Date {
        bound: Bound,
        input: String,
        error: Option<String>,
    },
    /// `e`: a file name; `confirm` once the file turned out to exist, or (with `empty`) when
    /// the view to write has no events.
    Export {
        input: String,
        confirm: bool,
        error: Option<String>,
        empty: bool,
    },
    /// `?`: every key, scrolled this many lines.
    Help {
        scroll: u16,
    },
}

/// Typing, deleting and clearing in a prompt's text: true when `action` was one of those.
pub(super) fn edit_text(input: &mut String, action: &Action) -> bool {
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

impl App {
    /// Offer `action` to the open overlay; what it leaves (None when it took it) goes on
    /// to the screen.
    pub(super) fn overlay_update(&mut self, action: Action) -> Option<Action> {
        match &self.overlay {
            None => Some(action),
            Some(Overlay::Search { .. }) => self.search(action),
            Some(Overlay::Picker(_)) => {
                self.picker(action);
                None
            }
            Some(Overlay::Date { .. }) => {
                self.date_prompt(action);
                None
            }
            Some(Overlay::Export { .. }) => {
                self.pending = self.export_prompt(action);
                None
            }
            Some(Overlay::Help { .. }) => {
                self.help(action);
                None
            }
        }
    }
}

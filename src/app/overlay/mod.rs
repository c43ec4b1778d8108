//! Overlays: what is drawn over the top screen and takes the keys first. Each has its own
//! state; at most one is open.

mod date;
mod export;
mod facets;
mod help;
mod picker;
mod search;

pub use picker::{Picker, PickerOption};
pub use search::SearchHistory;

use super::{Action, App, Bound};
use crate::query::Query;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// `/`: keywords (or whole query terms) typed live; `before` is the query when it opened,
    /// which Esc restores.
    Search {
        input: String,
        /// Where the cursor is, in characters from the start of `input`.
        cursor: usize,
        before: Box<Query>,
        error: Option<String>,
        /// The earlier search ↑ and ↓ are showing (an index into the history), if any, and
        /// what was being typed before, which ↓ past the newest brings back.
        recalled: Option<usize>,
        draft: String,
    },
    Picker(Picker),
    /// `F`: every facet, the highlighted one's picker a key away.
    Facets {
        cursor: usize,
    },
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

/// Typing, deleting and clearing at the end of a prompt's text: true when `action` was one of those.
pub(super) fn edit_text(input: &mut String, action: &Action) -> bool {
    let mut cursor = input.chars().count();
    edit_line(input, &mut cursor, action)
}

/// Editing a line of text at a cursor (a character index): typing, deleting, moving.
/// True when `action` was one of those.
pub(super) fn edit_line(input: &mut String, cursor: &mut usize, action: &Action) -> bool {
    let byte = |text: &str, at: usize| text.char_indices().nth(at).map_or(text.len(), |(b, _)| b);
    let length = input.chars().count();
    *cursor = (*cursor).min(length);
    match action {
        Action::Input(c) => {
            input.insert(byte(input, *cursor), *c);
            *cursor += 1;
        }
        Action::Backspace if *cursor > 0 => {
            input.remove(byte(input, *cursor - 1));
            *cursor -= 1;
        }
        Action::Backspace => {}
        Action::ClearInput => {
            input.clear();
            *cursor = 0;
        }
        Action::DeleteWord => {
            // The spaces before the cursor, then the word before them.
            let chars: Vec<char> = input.chars().collect();
            let mut start = *cursor;
            while start > 0 && chars[start - 1].is_whitespace() {
                start -= 1;
            }
            while start > 0 && !chars[start - 1].is_whitespace() {
                start -= 1;
            }
            input.replace_range(byte(input, start)..byte(input, *cursor), "");
            *cursor = start;
        }
        Action::CursorLeft => *cursor = cursor.saturating_sub(1),
        Action::CursorRight => *cursor = (*cursor + 1).min(length),
        Action::CursorHome => *cursor = 0,
        Action::CursorEnd => *cursor = length,
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
            Some(Overlay::Facets { .. }) => {
                self.facet_menu(action);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn edited(text: &str, cursor: usize, actions: &[Action]) -> (String, usize) {
        let (mut text, mut cursor) = (text.to_string(), cursor);
        for action in actions {
            edit_line(&mut text, &mut cursor, action);
        }
        (text, cursor)
    }

    #[test]
    fn a_line_edits_at_its_cursor() {
        assert_eq!(edited("kursk", 0, &[Action::Input('!')]), ("!kursk".into(), 1));
        assert_eq!(edited("kim kursk", 3, &[Action::Backspace]), ("ki kursk".into(), 2));
        assert_eq!(
            edited("kim kursk", 9, &[Action::CursorHome, Action::CursorRight, Action::Input('é')]),
            ("kéim kursk".into(), 2)
        );
        assert_eq!(edited("kim  kursk", 10, &[Action::DeleteWord]), ("kim  ".into(), 5));
        assert_eq!(edited("kim  kursk", 5, &[Action::DeleteWord]), ("kursk".into(), 0));
        assert_eq!(
            edited("ab", 2, &[Action::CursorLeft, Action::CursorLeft, Action::CursorLeft]),
            ("ab".into(), 0)
        );
        assert_eq!(edited("ab", 0, &[Action::CursorEnd, Action::CursorRight]), ("ab".into(), 2));
        assert_eq!(edited("ab", 1, &[Action::ClearInput]), (String::new(), 0));
    }
}

//! Where the user has been: every screen change pushes the place it left, and Backspace or
//! Ctrl-O go back to it. Places are kept by event id, not position, so they survive a new
//! query (and a reload).

use super::{App, Focus, Screen};
use crate::query::Query;

/// Everything needed to come back: the screens, the query, the selection and the detail pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub screens: Vec<Screen>,
    pub query: Query,
    pub selected: Option<String>,
    pub focus: Focus,
    pub detail_scroll: u16,
    pub link: Option<usize>,
}

/// How many places are kept; the oldest go first.
const DEPTH: usize = 100;

impl App {
    pub(super) fn push_place(&mut self) {
        let chronology = &self.chronology;
        let place = Place {
            screens: self.screens.clone(),
            query: self.query.clone(),
            selected: chronology.selected.map(|i| self.dataset.event(i).id.clone()),
            focus: chronology.focus,
            detail_scroll: chronology.detail_scroll,
            link: chronology.link,
        };
        if self.history.len() == DEPTH {
            self.history.remove(0);
        }
        self.history.push(place);
    }

    /// Go back to the last place, or (with none) leave the screen on top.
    pub(super) fn back(&mut self) {
        let Some(place) = self.history.pop() else {
            if self.screens.len() > 1 {
                self.screens.pop();
            }
            return;
        };
        self.screens = if place.screens.is_empty() { vec![Screen::Chronology] } else { place.screens };
        let wanted = place.selected.as_deref().and_then(|id| self.dataset.event_index(id));
        if let Some(index) = wanted {
            self.selection_anchor = Some(index);
        }
        self.set_query(place.query);
        if let Some(index) = wanted {
            if self.chronology.position_of(index).is_some() {
                self.selection_anchor = None;
                self.chronology.selected = Some(index);
                self.reveal_selection();
            }
        }
        self.chronology.focus = place.focus;
        self.chronology.detail_scroll = place.detail_scroll;
        self.chronology.link = place.link;
    }

    /// Leave the screens on top for the chronology at `event`, remembering this place.
    pub(super) fn go_to_event(&mut self, event: usize) {
        self.push_place();
        self.screens.truncate(1);
        self.show_event(event);
    }

    /// Select `event` in the chronology; when the filter hides it, lift the filter and say so.
    pub(super) fn show_event(&mut self, event: usize) {
        if self.chronology.position_of(event).is_none() {
            self.selection_anchor = Some(event);
            self.set_query(Query::default());
            self.status =
                Some("the filter hid that event, so it was lifted; Backspace goes back".to_string());
        }
        if let Some(position) = self.chronology.position_of(event) {
            self.select_position(position);
        }
        self.chronology.link = None;
    }
}

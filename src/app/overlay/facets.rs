//! The facet menu (`F`): every facet the query can filter on, each opening its picker.

use super::Overlay;
use crate::app::{Action, App};
use crate::query::Facet;

impl App {
    pub(super) fn facet_menu(&mut self, action: Action) {
        let Some(Overlay::Facets { cursor }) = &mut self.overlay else { return };
        let last = Facet::ALL.len() - 1;
        match action {
            Action::Move(delta) | Action::PickerMove(delta) => {
                *cursor = cursor.saturating_add_signed(delta).min(last)
            }
            Action::First | Action::PageUp => *cursor = 0,
            Action::Last | Action::PageDown => *cursor = last,
            Action::Submit | Action::PickerToggle => {
                let facet = Facet::ALL[*cursor];
                self.overlay = None;
                self.open_picker(facet);
            }
            Action::Cancel => self.overlay = None,
            _ => {}
        }
    }
}

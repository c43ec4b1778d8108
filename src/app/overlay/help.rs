//! The help overlay: every key, scrolled when it is longer than the screen.

use super::Overlay;
use crate::app::{Action, App};

impl App {
    pub(super) fn help(&mut self, action: Action) {
        let max = self.measured.help_max_scroll();
        let page = i32::from(self.measured.help_rows.saturating_sub(1).max(1));
        let Some(Overlay::Help { scroll }) = &mut self.overlay else { return };
        let by = |scroll: u16, lines: i32| {
            u16::try_from((i32::from(scroll) + lines).max(0)).unwrap_or(u16::MAX).min(max)
        };
        match action {
            Action::Cancel | Action::ShowHelp | Action::Submit | Action::Back => self.overlay = None,
            Action::Move(lines) => *scroll = by(*scroll, lines.clamp(-1000, 1000) as i32),
            Action::ScrollDetail(lines) => *scroll = by(*scroll, lines),
            Action::PageDown => *scroll = by(*scroll, page),
            Action::PageUp => *scroll = by(*scroll, -page),
            Action::First => *scroll = 0,
            Action::Last => *scroll = max,
            _ => {}
        }
    }
}

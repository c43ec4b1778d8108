//! Browsing: moving the selection, scrolling, and the keys that open prompts and pickers.

use super::{Action, App, Bound, Focus, Mode, Row};
use crate::query::{Facet, Query};

impl App {
    pub(super) fn browse(&mut self, action: Action) {
        match action {
            Action::Move(delta) => self.move_or_scroll(delta),
            Action::PageDown => self.page(1),
            Action::PageUp => self.page(-1),
            Action::First => self.select_position(0),
            Action::Last => self.select_position(self.visible.len().saturating_sub(1)),
            Action::PreviousMonth => self.jump_month(false),
            Action::NextMonth => self.jump_month(true),
            Action::ToggleFocus => {
                self.focus = match self.focus {
                    Focus::List => Focus::Detail,
                    Focus::Detail => Focus::List,
                }
            }
            Action::ScrollDetail(lines) => self.scroll_detail(lines),
            Action::StartSearch => {
                let input = self.query.words.join(" ");
                self.mode = Mode::Search { input, before: self.query.clone(), error: None };
            }
            Action::OpenPicker(facet) => self.open_picker(facet),
            Action::OpenDatePrompt(bound) => {
                let current = match bound {
                    Bound::From => self.query.from,
                    Bound::To => self.query.to,
                };
                let input = current.map(|d| d.to_string()).unwrap_or_default();
                self.mode = Mode::DatePrompt { bound, input, error: None };
            }
            Action::ShowHelp => self.mode = Mode::Help,
            // One export at a time: the prompt that started one is the only one its outcome
            // may answer (an "exists" must never turn another name into an overwrite).
            Action::StartExport if self.exporting => {
                self.status = Some("an export is still being written; wait for it".to_string());
            }
            Action::StartExport => {
                self.mode =
                    Mode::ExportPrompt { input: self.default_export_name(), confirm: false, error: None }
            }
            Action::ClearFilters => {
                self.set_query(Query::default());
                self.status = Some("all filters cleared".to_string());
            }
            Action::Click { column, row } => self.click(column, row),
            Action::Wheel { column, row, lines } => self.wheel(column, row, lines),
            _ => {}
        }
    }

    /// j/k and the arrows move the selection in the list, or scroll the detail pane when it has focus.
    fn move_or_scroll(&mut self, delta: isize) {
        match self.focus {
            Focus::List => self.select_relative(delta),
            Focus::Detail => self.scroll_detail(delta.clamp(i32::MIN as isize, i32::MAX as isize) as i32),
        }
    }

    fn page(&mut self, direction: isize) {
        let layout = self.layout();
        match self.focus {
            Focus::List => {
                let step = usize::from(layout.list_inner_height()).saturating_sub(1).max(1);
                self.select_relative(direction * step as isize);
            }
            Focus::Detail => {
                let step = i32::from(layout.detail_inner_height()).saturating_sub(1).max(1);
                self.scroll_detail(direction as i32 * step);
            }
        }
    }

    fn select_relative(&mut self, delta: isize) {
        let Some(position) = self.selected_position() else { return };
        let target = position.saturating_add_signed(delta).min(self.visible.len().saturating_sub(1));
        self.select_position(target);
    }

    pub(super) fn select_position(&mut self, position: usize) {
        let Some(&event) = self.visible.get(position) else { return };
        // The user's choice replaces the one a running search was keeping.
        self.selection_anchor = None;
        if self.selected != Some(event) {
            self.selected = Some(event);
            self.detail_scroll = 0;
        }
        self.reveal_selection();
    }

    /// `]` goes to the first event of the next month (or year, for year-only dates); `[` to
    /// the first event of the previous one.
    fn jump_month(&mut self, forward: bool) {
        let Some(position) = self.selected_position() else { return };
        let group = |k: usize| {
            let date = self.dataset.events()[self.visible[k]].date;
            (date.year_number(), date.month_number())
        };
        let current = group(position);
        let target = if forward {
            (position + 1..self.visible.len()).find(|&k| group(k) != current)
        } else {
            let start_of_current =
                (0..position).rev().take_while(|&k| group(k) == current).last().unwrap_or(position);
            start_of_current.checked_sub(1).map(|previous| {
                let previous_group = group(previous);
                (0..=previous).rev().take_while(|&k| group(k) == previous_group).last().unwrap_or(previous)
            })
        };
        if let Some(target) = target {
            self.select_position(target);
        }
    }

    fn scroll_detail(&mut self, lines: i32) {
        let scrolled = i32::from(self.detail_scroll).saturating_add(lines).max(0);
        let max = crate::ui::detail::max_scroll(self);
        self.detail_scroll = u16::try_from(scrolled).unwrap_or(u16::MAX).min(max);
    }

    /// Scroll the list so the selected row is on screen, with its headings when near the top.
    pub(super) fn reveal_selection(&mut self) {
        let height = usize::from(self.layout().list_inner_height()).max(1);
        let Some(row) = self.selected_row() else {
            self.list_offset = 0;
            return;
        };
        if row < self.list_offset {
            // Show the headings directly above the selected event too.
            let headings = self.rows[..row].iter().rev().take_while(|r| !matches!(r, Row::Event(_))).count();
            self.list_offset = row - headings.min(height.saturating_sub(1));
        } else if row >= self.list_offset + height {
            self.list_offset = row + 1 - height;
        }
        let last_start = self.rows.len().saturating_sub(height);
        self.list_offset = self.list_offset.min(last_start);
    }

    fn click(&mut self, column: u16, row: u16) {
        let layout = self.layout();
        if let Some(line) = layout.list_line_at(column, row) {
            self.focus = Focus::List;
            let clicked = self.list_offset + usize::from(line);
            // A click on a heading selects the first event under it.
            let event_row = self.rows.iter().skip(clicked).position(|r| matches!(r, Row::Event(_)));
            if let Some(Row::Event(event)) = event_row.map(|k| self.rows[clicked + k]) {
                if let Ok(position) = self.visible.binary_search(&event) {
                    self.select_position(position);
                }
            }
        } else if layout.detail_contains(column, row) {
            self.focus = Focus::Detail;
        }
    }

    fn wheel(&mut self, column: u16, row: u16, lines: i32) {
        let layout = self.layout();
        if layout.detail_contains(column, row) {
            self.scroll_detail(lines);
        } else if layout.list_contains(column, row) {
            self.select_relative(lines as isize);
        }
    }
}

/// The facet a picker edits, as values in the query.
pub(super) fn facet_values(query: &mut Query, facet: Facet) -> Option<&mut Vec<String>> {
    match facet {
        Facet::Actor => Some(&mut query.actors),
        Facet::Weapon => Some(&mut query.weapons),
        Facet::Source => Some(&mut query.sources),
        Facet::From | Facet::To => None,
    }
}

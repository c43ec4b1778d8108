//! The source reader: an article's whole text with the passages events cite, the one at the
//! cursor highlighted, and the events citing it, one of which Enter jumps to.

use super::{Action, App, Screen};
use crate::passages::{Passage, passages};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reader {
    /// The source's id.
    pub source: String,
    /// Every cited passage of the article, in the article's order.
    pub passages: Vec<Passage>,
    /// The passage at the cursor (an index into `passages`), highlighted; n/N move it.
    pub current: Option<usize>,
    /// Which of the current passage's events Enter jumps to.
    pub event: usize,
    /// The first line shown.
    pub scroll: u16,
    /// Bring the current passage into view at the next frame (the frame measures where it is).
    pub reveal: bool,
}

impl Reader {
    /// The reader on `source`'s article, at the passage `quote` was found in (or the first).
    pub fn open(app: &App, source: &str, quote: Option<&str>) -> Self {
        let passages = passages(&app.dataset, source);
        let at_quote = quote.and_then(|q| passages.iter().position(|p| p.quote == q));
        let current = at_quote.or((!passages.is_empty()).then_some(0));
        // Start on the event the reader was opened from, when it cites this passage.
        let from = app.chronology.selected;
        let event =
            current.and_then(|c| passages[c].indices.iter().position(|&i| Some(i) == from)).unwrap_or(0);
        Self { source: source.to_string(), passages, current, event, scroll: 0, reveal: true }
    }

    pub fn current_passage(&self) -> Option<&Passage> {
        self.current.map(|c| &self.passages[c])
    }

    /// The dataset index of the event Enter jumps to.
    pub fn chosen_event(&self) -> Option<usize> {
        self.current_passage().and_then(|p| p.indices.get(self.event).copied())
    }

    fn step_passage(&mut self, forward: bool) {
        let Some(current) = self.current else { return };
        let last = self.passages.len() - 1;
        self.current = Some(match forward {
            true if current < last => current + 1,
            false if current > 0 => current - 1,
            _ => current,
        });
        self.event = 0;
        self.reveal = true;
    }

    fn step_event(&mut self, by: isize) {
        let count = self.current_passage().map_or(0, |p| p.indices.len());
        if count > 0 {
            self.event = (self.event as isize + by).rem_euclid(count as isize) as usize;
        }
    }
}

impl App {
    /// `o`: the reader on the selected event's first citation (or the one at the link cursor).
    pub(super) fn open_reader_here(&mut self) {
        let Some(index) = self.chronology.selected else { return };
        let event = self.dataset.event(index);
        let citation = match self.chronology.link.and_then(|l| self.links().get(l).cloned()) {
            Some(super::Link::Citation(n)) => event.citations.get(n),
            _ => event.citations.first(),
        };
        let Some(citation) = citation.cloned() else { return };
        self.open_reader(&citation.source, Some(&citation.quote));
    }

    pub(super) fn open_reader(&mut self, source: &str, quote: Option<&str>) {
        if self.dataset.article(source).is_none() {
            self.status = Some(format!("the article of {} is not available", crate::text::clean(source)));
            return;
        }
        let reader = Reader::open(self, source, quote);
        self.push_place();
        self.screens.push(Screen::Reader(Box::new(reader)));
    }

    pub(super) fn reader_update(&mut self, action: Action) {
        let rows = i32::from(self.measured.reader_rows);
        let max = self.measured.reader_lines.saturating_sub(self.measured.reader_rows);
        let Some(Screen::Reader(reader)) = self.screens.last_mut() else { return };
        let scroll_by = |scroll: u16, lines: i32| {
            u16::try_from((i32::from(scroll) + lines).max(0)).unwrap_or(u16::MAX).min(max)
        };
        match action {
            Action::Move(lines) => reader.scroll = scroll_by(reader.scroll, lines.clamp(-1000, 1000) as i32),
            Action::Wheel(_, lines) | Action::ScrollDetail(lines) => {
                reader.scroll = scroll_by(reader.scroll, lines)
            }
            Action::PageDown => reader.scroll = scroll_by(reader.scroll, (rows - 1).max(1)),
            Action::PageUp => reader.scroll = scroll_by(reader.scroll, -(rows - 1).max(1)),
            Action::First => reader.scroll = 0,
            Action::Last => reader.scroll = max,
            Action::NextPassage => reader.step_passage(true),
            Action::PreviousPassage => reader.step_passage(false),
            Action::NextLink => reader.step_event(1),
            Action::PreviousLink => reader.step_event(-1),
            Action::Submit => {
                if let Some(event) = reader.chosen_event() {
                    self.go_to_event(event);
                }
            }
            Action::Cancel => self.back(),
            Action::ShowHelp => self.overlay = Some(super::Overlay::Help { scroll: 0 }),
            _ => {}
        }
    }
}

//! The chronology screen: the list under year and month headings, its selection, and the
//! detail pane beside it.

use std::sync::Arc;

use super::{Action, App, Density, Overlay, Pane, View};
use crate::model::Dataset;
use crate::query::{Order, Query};

/// Which pane of the chronology the keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

/// One line of the chronology: a year heading, a month heading, or an event (dataset index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Year(i32),
    Month(i32, u32),
    Event(usize),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Chronology {
    /// Indices of the matching events, in chronological order.
    pub visible: Arc<Vec<usize>>,
    /// The chronology's lines: headings and events.
    pub rows: Vec<Row>,
    /// `event_rows[k]` is the row of `visible[k]`.
    pub event_rows: Vec<usize>,
    /// The selected event (a dataset index), always one of `visible` when there is any.
    pub selected: Option<usize>,
    /// The first row shown in the list pane.
    pub list_offset: usize,
    pub detail_scroll: u16,
    pub focus: Focus,
    pub density: Density,
    /// The order of `visible`.
    pub order: Order,
    /// Positions in `visible`, sorted by event index; empty when `visible` is itself so
    /// (in date order).
    pub by_event: Arc<Vec<usize>>,
    /// The link at the cursor in the detail pane (an index into `App::links`).
    pub link: Option<usize>,
    /// Bring the link at the cursor into view at the next frame.
    pub reveal_link: bool,
}

/// What a link in the detail pane leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Link {
    /// A related event, by id.
    Related(String),
    /// A citation of the selected event, by its position.
    Citation(usize),
}

impl Chronology {
    /// Show `view`, selecting `wanted` if it is there, else the event nearest it in time.
    pub(super) fn show(&mut self, dataset: &Dataset, view: View, wanted: Option<usize>) {
        self.visible = view.visible;
        self.rows = view.rows;
        self.event_rows = view.event_rows;
        self.density = view.density;
        self.order = view.order;
        self.by_event = view.by_event;
        let previous = self.selected;
        self.selected =
            wanted.and_then(|event| self.nearest_visible(dataset, event)).or(self.visible.first().copied());
        if self.selected != previous {
            self.detail_scroll = 0;
            self.link = None;
        }
    }

    /// The visible event at the `k`th place in event (chronological) order.
    fn by_event_at(&self, k: usize) -> Option<usize> {
        if self.by_event.is_empty() {
            self.visible.get(k).copied()
        } else {
            self.by_event.get(k).map(|&p| self.visible[p])
        }
    }

    /// Position in `visible` of `event`, if it is there.
    pub fn position_of(&self, event: usize) -> Option<usize> {
        if self.by_event.is_empty() {
            self.visible.binary_search(&event).ok()
        } else {
            let k = self.by_event.binary_search_by_key(&event, |&p| self.visible[p]).ok()?;
            Some(self.by_event[k])
        }
    }

    /// `event` if it is visible, else the visible event closest to it in time.
    fn nearest_visible(&self, dataset: &Dataset, event: usize) -> Option<usize> {
        if self.position_of(event).is_some() {
            return Some(event);
        }
        let at = if self.by_event.is_empty() {
            self.visible.partition_point(|&i| i < event)
        } else {
            self.by_event.partition_point(|&p| self.visible[p] < event)
        };
        let day = dataset.event(event).date.anchor().first_day();
        let distance = |i: usize| (dataset.event(i).date.anchor().first_day() - day).num_days().abs();
        let before = at.checked_sub(1).and_then(|k| self.by_event_at(k));
        let after = self.by_event_at(at);
        match (before, after) {
            (Some(b), Some(a)) => Some(if distance(a) < distance(b) { a } else { b }),
            (b, a) => b.or(a),
        }
    }

    /// Position of the selection in `visible`.
    pub fn selected_position(&self) -> Option<usize> {
        self.position_of(self.selected?)
    }

    /// The row of the selection in `rows`.
    pub fn selected_row(&self) -> Option<usize> {
        self.selected_position().map(|k| self.event_rows[k])
    }

    /// Scroll the list so the selected row is on screen, with its headings when near the top.
    fn reveal(&mut self, height: usize) {
        if height == 0 {
            // Nothing measured yet (before the first frame, or too small to draw): the next
            // measurement reveals the selection.
            return;
        }
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
}

impl App {
    pub(super) fn chronology_update(&mut self, action: Action) {
        match action {
            Action::Move(delta) => self.move_or_scroll(delta),
            Action::PageDown => self.page(1),
            Action::PageUp => self.page(-1),
            Action::First => self.select_position(0),
            Action::Last => self.select_position(self.chronology.visible.len().saturating_sub(1)),
            Action::PreviousMonth => self.jump_month(false),
            Action::NextMonth => self.jump_month(true),
            Action::ToggleFocus => {
                self.chronology.focus = match self.chronology.focus {
                    Focus::List => Focus::Detail,
                    Focus::Detail => Focus::List,
                }
            }
            Action::ScrollDetail(lines) => self.scroll_detail(lines),
            Action::DetailPage(pages) => {
                let step = i32::from(self.measured.detail_rows).saturating_sub(1).max(1);
                self.scroll_detail(pages.saturating_mul(step));
            }
            Action::DetailTop => self.chronology.detail_scroll = 0,
            Action::DetailBottom => self.chronology.detail_scroll = self.measured.detail_max_scroll(),
            Action::OpenPicker(facet) => self.open_picker(facet),
            Action::ToggleOrder => {
                let mut query = self.query.clone();
                query.order = query.order.toggled();
                self.set_query(query);
                self.status = Some(match self.query.order {
                    Order::Date => "in the order things happened".to_string(),
                    Order::Reported => "in the order things were claimed (order:reported)".to_string(),
                });
            }
            Action::ClearFilters => {
                self.set_query(Query::default());
                self.status = Some("all filters cleared".to_string());
            }
            Action::Click(pane) => self.click(pane),
            Action::OpenSource => self.open_reader_here(),
            Action::NextLink => self.step_link(1),
            Action::PreviousLink => self.step_link(-1),
            Action::Submit if self.chronology.focus == Focus::Detail => self.follow_link(),
            Action::Wheel(Pane::Detail, lines) => self.scroll_detail(lines),
            Action::Wheel(Pane::List { .. }, lines) => self.select_relative(lines as isize),
            action => self.open_overlay(action),
        }
    }

    /// j/k and the arrows move the selection in the list, or scroll the detail pane when it has focus.
    fn move_or_scroll(&mut self, delta: isize) {
        match self.chronology.focus {
            Focus::List => self.select_relative(delta),
            Focus::Detail => self.scroll_detail(delta.clamp(i32::MIN as isize, i32::MAX as isize) as i32),
        }
    }

    fn page(&mut self, direction: isize) {
        match self.chronology.focus {
            Focus::List => {
                let step = usize::from(self.measured.list_rows).saturating_sub(1).max(1);
                self.select_relative(direction * step as isize);
            }
            Focus::Detail => self.chronology_update(Action::DetailPage(direction as i32)),
        }
    }

    fn select_relative(&mut self, delta: isize) {
        let Some(position) = self.chronology.selected_position() else { return };
        let last = self.chronology.visible.len().saturating_sub(1);
        self.select_position(position.saturating_add_signed(delta).min(last));
    }

    pub(super) fn select_position(&mut self, position: usize) {
        let Some(&event) = self.chronology.visible.get(position) else { return };
        // The user's choice replaces the one a running search was keeping.
        self.selection_anchor = None;
        if self.chronology.selected != Some(event) {
            self.chronology.selected = Some(event);
            self.chronology.detail_scroll = 0;
            self.chronology.link = None;
        }
        self.reveal_selection();
    }

    /// `]` goes to the first event of the next month (or year, for year-only dates); `[` to
    /// the first event of the previous one.
    fn jump_month(&mut self, forward: bool) {
        let Some(position) = self.chronology.selected_position() else { return };
        let visible = &self.chronology.visible;
        let order = self.chronology.order;
        let group = |k: usize| {
            let date = order.date_of(&self.dataset, visible[k]);
            (date.year_number(), date.month_number())
        };
        let current = group(position);
        let target = if forward {
            (position + 1..visible.len()).find(|&k| group(k) != current)
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
        let scrolled = i32::from(self.chronology.detail_scroll).saturating_add(lines).max(0);
        let max = self.measured.detail_max_scroll();
        self.chronology.detail_scroll = u16::try_from(scrolled).unwrap_or(u16::MAX).min(max);
    }

    /// Keep the selected row on screen, as far as the last frame measured the list.
    pub(super) fn reveal_selection(&mut self) {
        self.chronology.reveal(usize::from(self.measured.list_rows));
    }

    fn click(&mut self, pane: Pane) {
        match pane {
            Pane::List { line } => {
                self.chronology.focus = Focus::List;
                let rows = &self.chronology.rows;
                let clicked = self.chronology.list_offset + usize::from(line);
                // A click on a heading selects the first event under it.
                let event_row = rows.iter().skip(clicked).position(|r| matches!(r, Row::Event(_)));
                if let Some(Row::Event(event)) = event_row.map(|k| rows[clicked + k]) {
                    if let Some(position) = self.chronology.position_of(event) {
                        self.select_position(position);
                    }
                }
            }
            Pane::Detail => self.chronology.focus = Focus::Detail,
        }
    }

    /// The selected event's links, in the order the detail pane shows them: related events
    /// (those that exist), then citations.
    pub fn links(&self) -> Vec<Link> {
        let Some(index) = self.chronology.selected else { return Vec::new() };
        let event = self.dataset.event(index);
        let related = event
            .related
            .iter()
            .filter(|id| self.dataset.event_index(id).is_some())
            .map(|id| Link::Related(id.clone()));
        related.chain((0..event.citations.len()).map(Link::Citation)).collect()
    }

    fn step_link(&mut self, by: isize) {
        let count = self.links().len();
        if count == 0 {
            return;
        }
        self.chronology.focus = Focus::Detail;
        let next = match self.chronology.link {
            None if by > 0 => 0,
            None => count - 1,
            Some(at) => (at as isize + by).clamp(0, count as isize - 1) as usize,
        };
        self.chronology.link = Some(next);
        self.chronology.reveal_link = true;
    }

    /// Enter on a link: a related event is selected, a citation opens the reader.
    fn follow_link(&mut self) {
        let Some(link) = self.chronology.link.and_then(|at| self.links().get(at).cloned()) else { return };
        match link {
            Link::Related(id) => {
                if let Some(target) = self.dataset.event_index(&id) {
                    self.push_place();
                    self.show_event(target);
                }
            }
            Link::Citation(_) => self.open_reader_here(),
        }
    }

    /// The keys that open an overlay over the chronology.
    fn open_overlay(&mut self, action: Action) {
        match action {
            Action::StartSearch => self.overlay = Some(Overlay::search(&self.query)),
            Action::OpenFacetMenu => self.overlay = Some(Overlay::Facets { cursor: 0 }),
            Action::OpenDatePrompt(bound) => {
                let current = match bound {
                    super::Bound::From => self.query.from,
                    super::Bound::To => self.query.to,
                };
                let input = current.map(|d| d.to_string()).unwrap_or_default();
                self.overlay = Some(Overlay::Date { bound, input, error: None });
            }
            Action::ShowHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            // One export at a time: the prompt that started one is the only one its outcome
            // may answer (an "exists" must never turn another name into an overwrite).
            Action::StartExport if self.exporting => {
                self.status = Some("an export is still being written; wait for it".to_string());
            }
            Action::StartExport => {
                let input = self.default_export_name();
                self.overlay = Some(Overlay::Export { input, confirm: false, error: None, empty: false });
            }
            _ => {}
        }
    }
}

//! Live curation: a new dataset replaces the old one keeping the user's place, a dataset
//! with problems opens a screen that lists them, and `E` asks to edit the record on screen.

use std::sync::Arc;

use super::{Action, App, Effect, Overlay, Reader, Screen};
use crate::model::Dataset;
use crate::query::{Facet, Query};

/// A loaded dataset, compared by identity (two loads are never the same answer).
#[derive(Clone)]
pub struct Loaded(pub Arc<Dataset>);

impl PartialEq for Loaded {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Loaded {}

impl std::fmt::Debug for Loaded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Loaded({} events)", self.0.events().len())
    }
}

/// What a reload brought: the new dataset, or its problems as `annals check` prints them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reloaded {
    Loaded(Loaded),
    Failed { problems: Vec<String>, summary: String },
}

/// The problems screen: what is wrong with the files, while the last good data is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems {
    pub problems: Vec<String>,
    pub summary: String,
    pub scroll: u16,
}

impl App {
    pub(super) fn reloaded(&mut self, reloaded: Reloaded) {
        match reloaded {
            Reloaded::Loaded(Loaded(dataset)) => {
                // Fixed: the problems screen goes away by itself.
                self.screens.retain(|s| !matches!(s, Screen::Problems(_)));
                self.replace_dataset(dataset);
            }
            Reloaded::Failed { problems, summary } => {
                let screen = Screen::Problems(Box::new(Problems { problems, summary, scroll: 0 }));
                match self.screens.iter().position(|s| matches!(s, Screen::Problems(_))) {
                    Some(at) => self.screens[at] = screen,
                    None => self.screens.push(screen),
                }
            }
        }
    }

    /// Show `dataset` instead of the current one, keeping the query (less ids that are gone),
    /// the selection (the same event by id, else the nearest in time), the open screen and
    /// its scroll.
    pub fn replace_dataset(&mut self, dataset: Arc<Dataset>) {
        let old = Arc::clone(&self.dataset);
        let selected = self.chronology.selected.map(|i| old.event(i));
        let wanted = selected.and_then(|event| {
            dataset
                .event_index(&event.id)
                .or_else(|| nearest_in_time(&dataset, event.date.anchor().first_day()))
        });
        let (query, dropped) = keep_known(&self.query, &dataset);
        self.mark_tables_stale(&old, &query);
        self.dataset = dataset;
        self.retired = Some(old);
        if matches!(self.overlay, Some(Overlay::Picker(_))) {
            // Its values and counts were the old dataset's.
            self.overlay = None;
        }
        self.reopen_readers();
        self.answered = None;
        // The shown rows are the old dataset's indices: nothing is listed until the new
        // search answers (at once in tests; within a frame or two in the TUI).
        self.chronology.visible = Arc::new(Vec::new());
        self.chronology.rows.clear();
        self.chronology.event_rows.clear();
        self.chronology.density = Default::default();
        self.chronology.selected = wanted;
        self.selection_anchor = wanted;
        self.query = query;
        self.refilter();
        let events = self.dataset.events().len();
        self.status = Some(match dropped.is_empty() {
            true => format!("reloaded: {events} events"),
            false => format!(
                "reloaded: {events} events; no longer in the data, so dropped from the query: {}",
                dropped.join(" ")
            ),
        });
    }

    /// Readers re-read their article's passages; a reader whose source is gone closes.
    fn reopen_readers(&mut self) {
        let mut screens = std::mem::take(&mut self.screens);
        screens.retain(|s| !matches!(s, Screen::Reader(r) if self.dataset.source(&r.source).is_none()));
        for screen in &mut screens {
            if let Screen::Reader(reader) = screen {
                let quote = reader.current_passage().map(|p| p.quote.clone());
                let mut fresh = Reader::open(self, &reader.source, quote.as_deref());
                fresh.scroll = reader.scroll;
                fresh.reveal = false;
                **reader = fresh;
            }
        }
        self.screens = if screens.is_empty() { vec![Screen::Chronology] } else { screens };
    }

    /// `E`: the record on screen in the user's editor, at its line.
    pub(super) fn edit(&mut self) {
        let Some(dir) = self.data_dir.clone() else {
            self.status = Some(
                "the bundled dataset is read-only: `annals init DIR` writes an editable copy, then `annals --data DIR --watch`"
                    .to_string(),
            );
            return;
        };
        let origin = match self.screen() {
            Screen::Reader(reader) => {
                self.dataset.origin_of_source(&reader.source).map(|o| (o.file.to_string(), o.line))
            }
            screen => {
                let event = match screen {
                    Screen::Figures(view) => view.figure_at_cursor().map(|f| f.event),
                    Screen::Claims(table) => table.rows.get(table.cursor).copied(),
                    _ => self.chronology.selected,
                };
                event.and_then(|i| self.dataset.origin_of_event(i)).map(|o| (o.file.to_string(), o.line))
            }
        };
        match origin {
            Some((file, line)) => self.pending = Some(Effect::Edit { path: dir.join(file), line }),
            None => self.status = Some("nothing selected to edit".to_string()),
        }
    }

    pub(super) fn problems_update(&mut self, action: Action) {
        let Some(Screen::Problems(problems)) = self.screens.last_mut() else { return };
        match action {
            Action::Move(lines) => {
                problems.scroll = problems.scroll.saturating_add_signed(lines.clamp(-100, 100) as i16)
            }
            Action::PageDown => problems.scroll = problems.scroll.saturating_add(10),
            Action::PageUp => problems.scroll = problems.scroll.saturating_sub(10),
            Action::First => problems.scroll = 0,
            // Esc: back to the last good data; the screen comes back if the files still have problems.
            Action::Cancel | Action::Back => {
                self.screens.pop();
            }
            Action::ShowHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            _ => {}
        }
    }
}

/// `query` without the ids (of actors, countries, weapons and sources) `dataset` no longer
/// has, and those ids as query terms; with anything else still unknown, no query at all.
fn keep_known(query: &Query, dataset: &Dataset) -> (Query, Vec<String>) {
    let mut kept = query.clone();
    let mut dropped = Vec::new();
    let countries = crate::query::countries(dataset);
    for facet in Facet::ALL {
        let known = |id: &str| match facet {
            Facet::Country => countries.iter().any(|c| c == id),
            Facet::Weapon => dataset.weapon(id).is_some(),
            Facet::Source => dataset.source(id).is_some(),
            f if f.takes_actors() => dataset.actor(id).is_some(),
            _ => true,
        };
        for excluded in [false, true] {
            let (values, prefix) =
                if excluded { (kept.excluded_mut(facet), "!") } else { (kept.values_mut(facet), "") };
            values.retain(|id| {
                let ok = known(id);
                if !ok {
                    dropped.push(format!("{prefix}{}:{id}", facet.key()));
                }
                ok
            });
        }
    }
    if kept.validate(dataset).is_err() {
        dropped.push(query.to_string());
        return (Query::default(), dropped);
    }
    (kept, dropped)
}

/// The event placed closest to `day` (by its anchor: its start, or the end of a date "by" then).
fn nearest_in_time(dataset: &Dataset, day: chrono::NaiveDate) -> Option<usize> {
    let events = dataset.events();
    let at = events.partition_point(|e| e.date.anchor().first_day() < day);
    let distance = |i: usize| (events[i].date.anchor().first_day() - day).num_days().abs();
    match (at.checked_sub(1), (at < events.len()).then_some(at)) {
        (Some(b), Some(a)) => Some(if distance(a) < distance(b) { a } else { b }),
        (b, a) => b.or(a),
    }
}

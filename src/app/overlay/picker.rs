//! The facet pickers (actor, weapon type, source): multi-select with live counts.

use super::{Overlay, edit_text};
use crate::app::chronology::facet_values;
use crate::app::{Action, App};
use crate::model::Dataset;
use crate::query::{Facet, Query};
use crate::search::WordMatcher;

/// The values of one facet an event has, as indices into the dataset's list of them.
type EventValues = fn(&Dataset, usize) -> &[u32];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerOption {
    pub id: String,
    pub label: String,
    /// A short description: the actor's kind, the weapon's category, the source's outlet.
    pub note: String,
    /// Events this value would give under the other active filters.
    pub count: usize,
    /// What type-to-narrow searches: label, id and aliases.
    search_text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub facet: Facet,
    /// Every value, most events first (in name order while counting).
    pub options: Vec<PickerOption>,
    /// What the user typed to narrow the list.
    pub narrow: String,
    /// Indices into `options` that match `narrow`.
    pub shown: Vec<usize>,
    /// Index into `shown`.
    pub cursor: usize,
    /// The ids ticked so far.
    pub chosen: Vec<String>,
    /// True until the counts are in (they are being worked out off the UI thread).
    pub counting: bool,
    /// Which count request answers this picker.
    pub ticket: u64,
}

impl Picker {
    /// The picker for `facet`, each value counted under the query's other filters. `answer` is
    /// what the query selects, when known: with none of this facet's values chosen, the other
    /// filters are the whole query, so those events are counted without searching again.
    pub fn open(
        facet: Facet,
        dataset: &Dataset,
        query: &Query,
        answer: Option<&[usize]>,
        matcher: &dyn WordMatcher,
    ) -> Self {
        let mut picker = Self::uncounted(facet, dataset, query);
        picker.count_under(dataset, query, answer, matcher);
        picker
    }

    /// Count each value under `query`'s other filters, here and now: over `answer` (what
    /// `query` selects, when known) if none of this facet's values is chosen, else over a
    /// search.
    pub fn count_under(
        &mut self,
        dataset: &Dataset,
        query: &Query,
        answer: Option<&[usize]>,
        matcher: &dyn WordMatcher,
    ) {
        let searched;
        let counted: &[usize] = match answer {
            Some(answer) if self.chosen.is_empty() => answer,
            _ => {
                searched = Self::counted_query(self.facet, query).filter(dataset, matcher);
                &searched
            }
        };
        self.count(dataset, counted, matcher);
    }

    /// The query whose events a picker for `facet` counts: `query` without that facet's values.
    pub fn counted_query(facet: Facet, query: &Query) -> Query {
        let mut others = query.clone();
        if let Some(values) = facet_values(&mut others, facet) {
            values.clear();
        }
        others
    }

    /// The picker for `facet` with its values not counted yet (`counting`), in name order;
    /// `count` fills the counts in.
    pub fn uncounted(facet: Facet, dataset: &Dataset, query: &Query) -> Self {
        let chosen = facet_values(&mut query.clone(), facet).map(std::mem::take).unwrap_or_default();
        let option = |id: &str, label: &str, note: String, names: Vec<&String>| {
            let mut search_text = format!("{label}\n{id}\n");
            for name in names {
                search_text.push_str(name);
                search_text.push('\n');
            }
            PickerOption { id: id.to_string(), label: label.to_string(), note, count: 0, search_text }
        };
        let mut options: Vec<PickerOption> = match facet {
            Facet::Actor => dataset
                .actors()
                .iter()
                .map(|a| option(&a.id, &a.name, a.kind.to_string(), a.aliases.iter().collect()))
                .collect(),
            Facet::Weapon => dataset
                .weapons()
                .iter()
                .map(|w| {
                    let names = w.designations.iter().chain(&w.aliases).collect();
                    option(&w.id, &w.name, w.category.to_string(), names)
                })
                .collect(),
            Facet::Source => dataset
                .sources()
                .iter()
                .map(|s| {
                    option(
                        &s.id,
                        &s.outlet,
                        format!("{} · grade {}", s.published, s.reliability),
                        vec![&s.title],
                    )
                })
                .collect(),
            Facet::From | Facet::To => Vec::new(),
        };
        options.sort_by(|a, b| a.label.cmp(&b.label));
        let shown = (0..options.len()).collect();
        Self { facet, options, narrow: String::new(), shown, cursor: 0, chosen, counting: true, ticket: 0 }
    }

    /// Count each value over `counted`, the events the other filters select: `tally`, then
    /// `take_counts`.
    pub fn count(&mut self, dataset: &Dataset, counted: &[usize], matcher: &dyn WordMatcher) {
        let tally = Self::tally(self.facet, dataset, counted);
        self.take_counts(dataset, &tally, matcher);
    }

    /// How many of `counted` have each value of `facet`, by the value's index in the dataset.
    /// The slow part of counting (a million events take tens of milliseconds), so it runs
    /// wherever the caller likes.
    pub fn tally(facet: Facet, dataset: &Dataset, counted: &[usize]) -> Vec<usize> {
        let (slots, of_event): (usize, EventValues) = match facet {
            Facet::Actor => (dataset.actors().len(), Dataset::event_actors),
            Facet::Weapon => (dataset.weapons().len(), Dataset::event_weapons),
            Facet::Source | Facet::From | Facet::To => (dataset.sources().len(), Dataset::event_sources),
        };
        // The dataset keeps each event's values as distinct indices: count them directly.
        let mut tally = vec![0usize; slots];
        for &index in counted {
            for &value in of_event(dataset, index) {
                tally[value as usize] += 1;
            }
        }
        tally
    }

    /// Show the counts of a `tally` (see `tally`), most events first. A cursor the user has
    /// moved stays on its value; else it is on the first.
    pub fn take_counts(&mut self, dataset: &Dataset, tally: &[usize], matcher: &dyn WordMatcher) {
        let position = |id: &str| match self.facet {
            Facet::Actor => dataset.actor_position(id),
            Facet::Weapon => dataset.weapon_position(id),
            Facet::Source | Facet::From | Facet::To => dataset.source_position(id),
        };
        for option in &mut self.options {
            option.count = position(&option.id).and_then(|p| tally.get(p as usize)).copied().unwrap_or(0);
        }
        let current = self.current().filter(|_| self.cursor > 0).map(|o| o.id.clone());
        self.options.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
        self.counting = false;
        self.renarrow(matcher);
        if let Some(current) = current {
            self.cursor = self.shown.iter().position(|&i| self.options[i].id == current).unwrap_or(0);
        }
    }

    pub fn is_chosen(&self, option: &PickerOption) -> bool {
        self.chosen.contains(&option.id)
    }

    pub fn current(&self) -> Option<&PickerOption> {
        self.shown.get(self.cursor).map(|&i| &self.options[i])
    }

    fn renarrow(&mut self, matcher: &dyn WordMatcher) {
        let words: Vec<&str> = self.narrow.split_whitespace().collect();
        self.shown = (0..self.options.len())
            .filter(|&i| words.iter().all(|w| matcher.match_word(&self.options[i].search_text, w).is_some()))
            .collect();
        self.cursor = 0;
    }

    fn toggle(&mut self) {
        let Some(id) = self.current().map(|o| o.id.clone()) else { return };
        match self.chosen.iter().position(|c| *c == id) {
            Some(at) => {
                self.chosen.remove(at);
            }
            None => self.chosen.push(id),
        }
    }

    fn move_cursor(&mut self, delta: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }
}

impl App {
    pub(in crate::app) fn picker(&mut self, action: Action) {
        let matcher = self.matcher.clone();
        let Some(Overlay::Picker(picker)) = &mut self.overlay else { return };
        match action {
            Action::PickerMove(delta) | Action::Move(delta) => picker.move_cursor(delta),
            Action::PageDown => picker.move_cursor(10),
            Action::PageUp => picker.move_cursor(-10),
            Action::First => picker.cursor = 0,
            Action::Last => picker.move_cursor(isize::MAX),
            Action::PickerToggle => picker.toggle(),
            Action::Input(_) | Action::Backspace | Action::ClearInput => {
                edit_text(&mut picker.narrow, &action);
                picker.renarrow(matcher.as_ref());
            }
            Action::Cancel => self.overlay = None,
            Action::Submit => {
                let (facet, chosen) = (picker.facet, picker.chosen.clone());
                let mut query = self.query.clone();
                if let Some(values) = facet_values(&mut query, facet) {
                    *values = chosen;
                }
                self.overlay = None;
                self.set_query(query);
            }
            _ => {}
        }
    }
}

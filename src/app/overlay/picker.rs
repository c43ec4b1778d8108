//! A facet's picker: every value with how many events it would give under the other
//! filters (a frequency table), narrowed by typing, several chosen with Space.

use std::cmp::Reverse;

use super::{Overlay, edit_text};
use crate::app::{Action, App};
use crate::model::{Dataset, EventKind, Grade, Status};
use crate::query::{Facet, Query, countries};
use crate::search::{Mode, NameScorer, Needle, WordMatcher};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerOption {
    /// The value as the query writes it.
    pub id: String,
    pub label: String,
    /// A short description: the actor's kind, the weapon's category, what a status means.
    pub note: String,
    /// Events this value would give under the other active filters.
    pub count: usize,
    /// Names that narrowing searches but the row does not show: aliases, designations, a
    /// source's title.
    aliases: Vec<String>,
    /// The hidden name that the narrowing text matched, when the label and id did not.
    pub matched_alias: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub facet: Facet,
    /// Every value, most events first (in name order while counting).
    pub options: Vec<PickerOption>,
    /// What the user typed to narrow the list.
    pub narrow: String,
    /// Indices into `options` that match `narrow`, as shown: the values chosen when the
    /// picker opened first, then matches on a label or id before matches on a hidden alias,
    /// each most events first.
    pub shown: Vec<usize>,
    /// Index into `shown`.
    pub cursor: usize,
    /// The values ticked so far.
    pub chosen: Vec<String>,
    /// The values chosen when the picker opened, pinned at the top.
    pinned: Vec<String>,
    /// Whether a value has been ticked or unticked since the picker opened: if not, Enter
    /// applies the highlighted value.
    pub toggled: bool,
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
        others.values_mut(facet).clear();
        others
    }

    /// The picker for `facet` with its values not counted yet (`counting`), in name order;
    /// `count` fills the counts in.
    pub fn uncounted(facet: Facet, dataset: &Dataset, query: &Query) -> Self {
        let chosen = query.values(facet).to_vec();
        let option = |id: &str, label: &str, note: String, aliases: Vec<&String>| PickerOption {
            id: id.to_string(),
            label: label.to_string(),
            note,
            count: 0,
            aliases: aliases.into_iter().cloned().collect(),
            matched_alias: None,
        };
        let actor = |a: &crate::model::Actor| {
            let note = match a.country.as_ref().and_then(|c| dataset.actor(c)) {
                Some(country) => format!("{} · {}", a.kind, country.name),
                None => a.kind.to_string(),
            };
            option(&a.id, &a.name, note, a.aliases.iter().collect())
        };
        let mut options: Vec<PickerOption> = match facet {
            Facet::Status => Status::ALL
                .iter()
                .map(|s| option(s.as_str(), s.as_str(), s.meaning().into(), vec![]))
                .collect(),
            Facet::Kind => EventKind::ALL
                .iter()
                .map(|k| option(k.as_str(), k.as_str(), k.meaning().into(), vec![]))
                .collect(),
            Facet::Grade => Grade::ALL
                .iter()
                .map(|g| option(&g.as_str().to_lowercase(), g.as_str(), g.meaning().into(), vec![]))
                .collect(),
            Facet::Country => {
                countries(dataset).iter().filter_map(|id| dataset.actor(id)).map(actor).collect()
            }
            Facet::Claimant | Facet::Sender | Facet::Receiver | Facet::Actor => {
                dataset.actors().iter().map(actor).collect()
            }
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
                    let note = format!("{} · grade {}", s.published, s.reliability);
                    option(&s.id, &s.outlet, note, vec![&s.title])
                })
                .collect(),
        };
        options.sort_by(|a, b| a.label.cmp(&b.label));
        let mut picker = Self {
            facet,
            options,
            narrow: String::new(),
            shown: Vec::new(),
            cursor: 0,
            pinned: chosen.clone(),
            chosen,
            toggled: false,
            counting: true,
            ticket: 0,
        };
        picker.renarrow(&crate::search::WordStartMatcher);
        picker
    }

    /// Count each value over `counted`, the events the other filters select: `tally`, then
    /// `take_counts`.
    pub fn count(&mut self, dataset: &Dataset, counted: &[usize], matcher: &dyn WordMatcher) {
        let tally = Self::tally(self.facet, dataset, counted);
        self.take_counts(dataset, &tally, matcher);
    }

    /// How many of `counted` have each value of `facet`, by the value's slot (`slot`). The
    /// slow part of counting (a million events take tens of milliseconds), so it runs
    /// wherever the caller likes.
    pub fn tally(facet: Facet, dataset: &Dataset, counted: &[usize]) -> Vec<usize> {
        let mut tally = vec![0usize; slots(facet, dataset)];
        let mut seen: Vec<usize> = Vec::new();
        let actor = |id: &String| dataset.actor_position(id).map(|p| p as usize);
        let grade_of: Vec<usize> = dataset.sources().iter().map(|s| grade_slot(s.reliability)).collect();
        let country_of = country_slots(dataset);
        for &index in counted {
            let event = dataset.event(index);
            seen.clear();
            match facet {
                Facet::Actor => seen.extend(dataset.event_actors(index).iter().map(|&a| a as usize)),
                Facet::Weapon => seen.extend(dataset.event_weapons(index).iter().map(|&w| w as usize)),
                Facet::Source => seen.extend(dataset.event_sources(index).iter().map(|&s| s as usize)),
                Facet::Claimant => seen.extend(event.claimed_by.iter().filter_map(actor)),
                Facet::Sender => seen.extend(event.from.iter().filter_map(actor)),
                Facet::Receiver => seen.extend(event.to.iter().filter_map(actor)),
                Facet::Status => seen.extend(Status::ALL.iter().position(|s| *s == event.status)),
                Facet::Kind => seen.extend(EventKind::ALL.iter().position(|k| *k == event.kind)),
                Facet::Grade => {
                    seen.extend(dataset.event_sources(index).iter().map(|&s| grade_of[s as usize]))
                }
                Facet::Country => seen.extend(
                    dataset
                        .event_actors(index)
                        .iter()
                        .flat_map(|&a| country_of[a as usize].iter().flatten())
                        .copied(),
                ),
            }
            // Each value counts an event once, however often the event names it.
            seen.sort_unstable();
            seen.dedup();
            for &slot in &seen {
                tally[slot] += 1;
            }
        }
        tally
    }

    /// Show the counts of a `tally` (see `tally`), most events first. A cursor the user has
    /// moved stays on its value; else it is on the first.
    pub fn take_counts(&mut self, dataset: &Dataset, tally: &[usize], matcher: &dyn WordMatcher) {
        for option in &mut self.options {
            option.count =
                slot(self.facet, dataset, &option.id).and_then(|s| tally.get(s)).copied().unwrap_or(0);
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

    /// Keep the options every narrowing word matches (as a word of the search does), pinned
    /// values first, then those matched on their label or id, then on a hidden alias; within
    /// each, the better fit first (`NameScorer`: a name that starts with what was typed before
    /// one that holds it further in), then most events.
    fn renarrow(&mut self, matcher: &dyn WordMatcher) {
        let words: Vec<(&str, Needle)> = self
            .narrow
            .split_whitespace()
            .map(|w| (w, Needle::new(w, Mode::Fuzzy)))
            .filter(|(_, n)| !n.is_empty())
            .collect();
        let scorer = NameScorer::default();
        let mut ranked: Vec<(bool, bool, Reverse<i64>, usize)> = Vec::new();
        for (index, option) in self.options.iter_mut().enumerate() {
            option.matched_alias = None;
            let found = |text: &str, needle: &Needle| matcher.match_word(text, needle).is_some();
            let fit = |text: &str, word: &str| scorer.score(text, word).unwrap_or(0);
            let (mut via_alias, mut matched, mut score) = (false, true, 0);
            for (word, needle) in &words {
                if found(&option.label, needle) || found(&option.id, needle) {
                    score += fit(&option.label, word).max(fit(&option.id, word));
                    continue;
                }
                match option.aliases.iter().find(|alias| found(alias, needle)) {
                    Some(alias) => {
                        via_alias = true;
                        score += fit(alias, word);
                        option.matched_alias.get_or_insert_with(|| alias.clone());
                    }
                    None => {
                        matched = false;
                        break;
                    }
                }
            }
            if matched {
                ranked.push((!self.pinned.contains(&option.id), via_alias, Reverse(score), index));
            }
        }
        // Stable: among equals, the options' order (most events first).
        ranked.sort_by_key(|&(unpinned, via_alias, score, _)| (unpinned, via_alias, score));
        self.shown = ranked.into_iter().map(|(.., index)| index).collect();
        self.cursor = 0;
    }

    fn toggle(&mut self) {
        let Some(id) = self.current().map(|o| o.id.clone()) else { return };
        self.toggled = true;
        match self.chosen.iter().position(|c| *c == id) {
            Some(at) => {
                self.chosen.remove(at);
            }
            None => self.chosen.push(id),
        }
    }

    /// The values Enter applies: those ticked, or, when nothing was ticked or unticked, the
    /// highlighted one too.
    pub fn to_apply(&self) -> Vec<String> {
        let mut chosen = self.chosen.clone();
        if let Some(current) = self.current().filter(|_| !self.toggled) {
            if !chosen.contains(&current.id) {
                chosen.push(current.id.clone());
            }
        }
        chosen
    }

    fn move_cursor(&mut self, delta: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
    }
}

/// How many values `tally` counts for `facet`.
fn slots(facet: Facet, dataset: &Dataset) -> usize {
    match facet {
        Facet::Status => Status::ALL.len(),
        Facet::Kind => EventKind::ALL.len(),
        Facet::Grade => Grade::ALL.len(),
        Facet::Weapon => dataset.weapons().len(),
        Facet::Source => dataset.sources().len(),
        Facet::Claimant | Facet::Sender | Facet::Receiver | Facet::Country | Facet::Actor => {
            dataset.actors().len()
        }
    }
}

/// Where a value's count is in a tally of `facet`.
fn slot(facet: Facet, dataset: &Dataset, id: &str) -> Option<usize> {
    let position = match facet {
        Facet::Status => return Status::ALL.iter().position(|s| s.as_str() == id),
        Facet::Kind => return EventKind::ALL.iter().position(|k| k.as_str() == id),
        Facet::Grade => return Grade::ALL.iter().position(|g| g.as_str().eq_ignore_ascii_case(id)),
        Facet::Weapon => dataset.weapon_position(id),
        Facet::Source => dataset.source_position(id),
        Facet::Claimant | Facet::Sender | Facet::Receiver | Facet::Country | Facet::Actor => {
            dataset.actor_position(id)
        }
    };
    position.map(|p| p as usize)
}

fn grade_slot(grade: Grade) -> usize {
    Grade::ALL.iter().position(|g| *g == grade).unwrap_or(0)
}

/// Per actor, the countries (as actor slots) it counts for: itself when it is one, and its country.
fn country_slots(dataset: &Dataset) -> Vec<[Option<usize>; 2]> {
    let countries = countries(dataset);
    dataset
        .actors()
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let own = countries.contains(&a.id).then_some(i);
            let country = a.country.as_ref().and_then(|c| dataset.actor_position(c)).map(|p| p as usize);
            [own, country.filter(|&c| Some(c) != own)]
        })
        .collect()
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
            Action::Input(_) | Action::Backspace | Action::ClearInput | Action::DeleteWord => {
                edit_text(&mut picker.narrow, &action);
                picker.renarrow(matcher.as_ref());
            }
            Action::Cancel => self.overlay = None,
            Action::Submit => {
                let (facet, chosen) = (picker.facet, picker.to_apply());
                let mut query = self.query.clone();
                *query.values_mut(facet) = chosen;
                self.overlay = None;
                self.set_query(query);
            }
            _ => {}
        }
    }
}

//! Which events a query keeps, on every core, in the order it asks for.

use std::borrow::Cow;

use rayon::prelude::*;

use super::check::countries;
use super::prefetch::{prefetch_quotes, prefetch_record, prefetch_text};
use super::terms::grade_bits;
use super::trail::{Mark, Track, Trail};
use super::{Facet, Query, needles};
use crate::date::Date;
use crate::model::{Dataset, Event, EventKind, SearchFields, Status};
use crate::search::{Needle, Place, WordMatcher};

impl Query {
    /// Indices of the matching events, in the query's order.
    pub fn filter(&self, dataset: &Dataset, matcher: &dyn WordMatcher) -> Vec<usize> {
        let mut events = self.filter_within(dataset, matcher, None, &|| false).unwrap_or_default();
        self.order.arrange(dataset, &mut events);
        events
    }

    /// The matching events among `within` (all events, chronologically, when None), in the
    /// order `within` has them, or None as soon as `stop` says the answer is no longer wanted.
    /// Runs on every core.
    pub fn filter_within(
        &self,
        dataset: &Dataset,
        matcher: &dyn WordMatcher,
        within: Option<&[usize]>,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<usize>> {
        self.filter_on_trail(dataset, matcher, within, stop, None)
    }

    /// `filter_within`, starting to read each event where `trail` says the word this query
    /// types on first matched, and marking where this query's word first matches (`Trail`;
    /// `track` is from `Trail::begin` for this query).
    pub fn filter_on_trail(
        &self,
        dataset: &Dataset,
        matcher: &dyn WordMatcher,
        within: Option<&[usize]>,
        stop: &(dyn Fn() -> bool + Sync),
        trail: Option<(&Trail, &Track)>,
    ) -> Option<Vec<usize>> {
        const CHUNK: usize = 4_096;
        let terms = Terms::new(self, dataset);
        // The trail is for the one word to find, when that is all the query's words.
        let trail = trail.filter(|_| terms.wanted.len() == 1 && terms.unwanted.is_empty());
        let keep = |chunk: &[usize]| -> Option<Vec<usize>> {
            if stop() {
                return None;
            }
            // First what the lookups (a few bytes an event, side by side) let through; then
            // those events themselves, each one's text asked of memory a few events ahead,
            // so that fetching one event's text overlaps matching another's.
            let passed: Vec<(usize, Reach)> = chunk
                .iter()
                .filter_map(|&i| terms.passes_lookups(dataset, i).map(|reach| (i, reach)))
                .collect();
            if !terms.reads_event() {
                return Some(passed.into_iter().map(|(i, _)| i).collect());
            }
            let mut fields = Vec::new();
            let mut quotes = Vec::new();
            let mut kept = Vec::with_capacity(passed.len());
            // Where each event's reading starts: the start, or where the trail says.
            let starts: Vec<Mark> = match trail {
                Some((trail, track)) => passed.iter().map(|&(index, _)| trail.start(track, index)).collect(),
                None => Vec::new(),
            };
            let start_of = |k: usize| starts.get(k).copied().unwrap_or(Mark::START);
            for (k, &(index, reach)) in passed.iter().enumerate() {
                if let Some(&(ahead, _)) = passed.get(k + 12) {
                    prefetch_record(dataset.event(ahead));
                }
                if let Some(&(ahead, reach)) = passed.get(k + 6) {
                    prefetch_text(dataset, ahead, reach.quotes, start_of(k + 6));
                }
                if let Some(&(ahead, Reach { quotes: true, .. })) = passed.get(k + 3) {
                    prefetch_quotes(dataset.event(ahead), start_of(k + 3));
                }
                let start = start_of(k);
                let scratch = (&mut fields, &mut quotes);
                if let Some(first) = terms.passes_event(dataset, index, reach, matcher, scratch, start) {
                    if let (Some((trail, track)), Some(first)) = (trail, first) {
                        trail.write(track, index, first);
                    }
                    kept.push(index);
                }
            }
            Some(kept)
        };
        let candidates = candidates(dataset, within);
        let parts: Option<Vec<Vec<usize>>> = candidates.par_chunks(CHUNK).map(keep).collect();
        parts.map(|parts| parts.concat())
    }
}

/// The events a search reads: `within`, or every event of `dataset`.
pub fn candidates<'a>(dataset: &Dataset, within: Option<&'a [usize]>) -> Cow<'a, [usize]> {
    match within {
        Some(within) => Cow::Borrowed(within),
        None => Cow::Owned((0..dataset.events().len()).collect()),
    }
}

/// A query's terms as the filter reads them: facet values as dataset indices, words prepared.
struct Terms {
    /// Tests read from the dataset's per-event lookups, each with whether it must pass
    /// (a chosen value) or fail (an excluded one).
    lookups: Vec<(Lookup, bool)>,
    /// Tests that read the event itself.
    fields: Vec<(Field, bool)>,
    from: Option<Date>,
    to: Option<Date>,
    wanted: Vec<Needle>,
    unwanted: Vec<Needle>,
}

enum Lookup {
    /// Any of these actors (by index) among those the event names.
    Actors(Vec<u32>),
    Weapons(Vec<u32>),
    Sources(Vec<u32>),
    /// A cited source whose grade bit (by source index) is among `bits`.
    Grades {
        bits: u8,
        of_source: Vec<u8>,
    },
}

enum Field {
    Status(Vec<Status>),
    Kind(Vec<EventKind>),
    Claimant(Vec<String>),
    Sender(Vec<String>),
    Receiver(Vec<String>),
}

impl Terms {
    fn new(query: &Query, dataset: &Dataset) -> Self {
        let (wanted, unwanted) = needles(&query.words);
        let mut terms = Terms {
            lookups: Vec::new(),
            fields: Vec::new(),
            from: query.from,
            to: query.to,
            wanted,
            unwanted,
        };
        for facet in Facet::ALL {
            for (values, keep) in [(query.values(facet), true), (query.excluded(facet), false)] {
                if !values.is_empty() {
                    terms.add(facet, values, keep, dataset);
                }
            }
        }
        terms
    }

    fn add(&mut self, facet: Facet, values: &[String], keep: bool, dataset: &Dataset) {
        let positions = |find: &dyn Fn(&str) -> Option<u32>| values.iter().filter_map(|v| find(v)).collect();
        let lookup = match facet {
            Facet::Actor => Lookup::Actors(positions(&|id| dataset.actor_position(id))),
            Facet::Country => Lookup::Actors(rolled_up(values, dataset)),
            Facet::Weapon => Lookup::Weapons(positions(&|id| dataset.weapon_position(id))),
            Facet::Source => Lookup::Sources(positions(&|id| dataset.source_position(id))),
            Facet::Grade => Lookup::Grades {
                bits: values.iter().filter_map(|v| grade_bits(v)).fold(0, |all, b| all | b),
                of_source: dataset.sources().iter().map(|s| super::grade_bit(s.reliability)).collect(),
            },
            _ => {
                let field = match facet {
                    Facet::Status => Field::Status(
                        Status::ALL
                            .iter()
                            .copied()
                            .filter(|s| values.iter().any(|v| v == s.as_str()))
                            .collect(),
                    ),
                    Facet::Kind => Field::Kind(
                        EventKind::ALL
                            .iter()
                            .copied()
                            .filter(|k| values.iter().any(|v| v == k.as_str()))
                            .collect(),
                    ),
                    Facet::Claimant => Field::Claimant(values.to_vec()),
                    Facet::Sender => Field::Sender(values.to_vec()),
                    _ => Field::Receiver(values.to_vec()),
                };
                self.fields.push((field, keep));
                return;
            }
        };
        self.lookups.push((lookup, keep));
    }

    /// Do the dataset's lookups for event `index` pass (its facet indices; for every word, the
    /// letter mask and pair signature of its text or of its quotes)? If so, which of its
    /// text and quotes a word may be in.
    fn passes_lookups(&self, dataset: &Dataset, index: usize) -> Option<Reach> {
        if !self.lookups.iter().all(|(lookup, keep)| lookup.holds(dataset, index) == *keep) {
            return None;
        }
        let mut reach = Reach::default();
        for needle in &self.wanted {
            let (text, quotes) = self.places(dataset, index, needle);
            if !(text || quotes) {
                return None;
            }
            reach.quotes |= quotes;
        }
        // A word to exclude is looked for wherever it may be.
        reach.quotes |= self.unwanted.iter().any(|needle| self.places(dataset, index, needle).1);
        Some(reach)
    }

    /// Whether `needle` may be in event `index`'s text (title, summary, names), and in its quotes.
    fn places(&self, dataset: &Dataset, index: usize, needle: &Needle) -> (bool, bool) {
        (
            needle.may_match(dataset.search_mask(index), dataset.search_pairs(index)),
            needle.may_match_triples(
                dataset.quote_mask(index),
                dataset.quote_pairs(index),
                dataset.quote_triples(index),
            ),
        )
    }

    /// Whether anything is left to test once the lookups pass.
    fn reads_event(&self) -> bool {
        !self.fields.is_empty()
            || self.from.is_some()
            || self.to.is_some()
            || !self.wanted.is_empty()
            || !self.unwanted.is_empty()
    }

    /// Does event `index`, whose lookups pass, hold? If so, where its first word to find first
    /// matches (None without words), read from `start` on. `scratch` is space for its text's
    /// fields and its quotes, each gathered only when a word is looked for there.
    fn passes_event<'d>(
        &self,
        dataset: &'d Dataset,
        index: usize,
        reach: Reach,
        matcher: &dyn WordMatcher,
        (fields, quotes): (&mut Vec<&'d str>, &mut Vec<&'d str>),
        start: Mark,
    ) -> Option<Option<Mark>> {
        let event = dataset.event(index);
        if !self.fields.is_empty() || self.from.is_some() || self.to.is_some() {
            if !self.fields.iter().all(|(field, keep)| field.holds(event) == *keep) {
                return None;
            }
            if (self.from.is_some() || self.to.is_some())
                && !event.span().overlaps(self.from.as_ref(), self.to.as_ref())
            {
                return None;
            }
        }
        if self.wanted.is_empty() && self.unwanted.is_empty() {
            return Some(None);
        }
        let ascii = dataset.search_is_ascii(index);
        let mut gathered = (false, false);
        let mut first = |needle: &Needle, start: Mark| -> Option<Mark> {
            let (in_text, in_quotes) = self.places(dataset, index, needle);
            if in_text && !start.in_quotes() {
                if !gathered.0 {
                    dataset.search_fields_into(index, fields);
                    gathered.0 = true;
                }
                let text = SearchFields { mask: dataset.search_mask(index), ascii, fields };
                if let Some(place) = matcher.first_match(&text, needle, start.place()) {
                    return Some(Mark::new(false, place));
                }
            }
            if !(in_quotes && reach.quotes) {
                return None;
            }
            if !gathered.1 {
                quotes.clear();
                quotes.extend(event.citations.iter().map(|c| c.quote.as_str()));
                gathered.1 = true;
            }
            let quoted = SearchFields { mask: dataset.quote_mask(index), ascii, fields: quotes };
            let from = if start.in_quotes() { start.place() } else { Place::START };
            matcher.first_match(&quoted, needle, from).map(|place| Mark::new(true, place))
        };
        let mut words = self.wanted.iter();
        let found = words.next().map(|needle| first(needle, start));
        if found.is_some_and(|mark| mark.is_none()) {
            return None;
        }
        let rest_found = words.all(|needle| first(needle, Mark::START).is_some());
        (rest_found && !self.unwanted.iter().any(|needle| first(needle, Mark::START).is_some()))
            .then_some(found.flatten())
    }
}

/// Where the words of a search may be in an event, as its lookups tell.
#[derive(Debug, Clone, Copy, Default)]
struct Reach {
    /// In its quotes (else only in its title, summary and names).
    quotes: bool,
}

impl Lookup {
    fn holds(&self, dataset: &Dataset, index: usize) -> bool {
        let any = |wanted: &[u32], have: &[u32]| wanted.iter().any(|w| have.contains(w));
        match self {
            Lookup::Actors(wanted) => any(wanted, dataset.event_actors(index)),
            Lookup::Weapons(wanted) => any(wanted, dataset.event_weapons(index)),
            Lookup::Sources(wanted) => any(wanted, dataset.event_sources(index)),
            Lookup::Grades { bits, of_source } => dataset
                .event_sources(index)
                .iter()
                .any(|&s| of_source.get(s as usize).is_some_and(|b| b & bits != 0)),
        }
    }
}

impl Field {
    fn holds(&self, event: &Event) -> bool {
        let named =
            |wanted: &[String], id: &Option<String>| id.as_ref().is_some_and(|id| wanted.contains(id));
        match self {
            Field::Status(wanted) => wanted.contains(&event.status),
            Field::Kind(wanted) => wanted.contains(&event.kind),
            Field::Claimant(wanted) => event.claimed_by.iter().any(|c| wanted.contains(c)),
            Field::Sender(wanted) => named(wanted, &event.from),
            Field::Receiver(wanted) => named(wanted, &event.to),
        }
    }
}

/// The actors (by index) that `country:` values take in: each country, and every actor
/// whose country it is.
fn rolled_up(values: &[String], dataset: &Dataset) -> Vec<u32> {
    let known = countries(dataset);
    let wanted: Vec<&String> = values.iter().filter(|v| known.contains(v)).collect();
    dataset
        .actors()
        .iter()
        .enumerate()
        .filter(|(_, a)| wanted.contains(&&a.id) || a.country.as_ref().is_some_and(|c| wanted.contains(&c)))
        .map(|(i, _)| i as u32)
        .collect()
}

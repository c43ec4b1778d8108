//! The one Query: facets, a date range and keywords, with a string form that parses back.
//!
//! `actor:north-korea actor:russia weapon:kn-23 from:2024 missiles` keeps events that name
//! North Korea OR Russia, AND involve the KN-23, AND overlap 2024 or later, AND match the
//! keyword `missiles`. Values of one facet are OR'd; facets are AND'd; every keyword must match.

use std::fmt;
use std::str::FromStr;

use rayon::prelude::*;

use crate::date::{Date, DateError};
use crate::model::{Dataset, SearchFields};
use crate::search::WordMatcher;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub actors: Vec<String>,
    pub weapons: Vec<String>,
    pub sources: Vec<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Free keywords, each matched fuzzily.
    pub words: Vec<String>,
}

/// The facets that take a value, in the order the string form writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    Actor,
    Weapon,
    Source,
    From,
    To,
}

impl Facet {
    pub const ALL: [Facet; 5] = [Facet::Actor, Facet::Weapon, Facet::Source, Facet::From, Facet::To];

    pub fn key(self) -> &'static str {
        match self {
            Facet::Actor => "actor",
            Facet::Weapon => "weapon",
            Facet::Source => "source",
            Facet::From => "from",
            Facet::To => "to",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("`{0}:` needs a value, e.g. {0}:{example}", example = example(*.0))]
    MissingValue(&'static str),
    #[error("bad date for {facet}: {error}")]
    BadDate { facet: &'static str, error: DateError },
    #[error("{facet} is given twice ({first} and {second}); keep one")]
    Repeated { facet: &'static str, first: Date, second: Date },
    #[error("`from` {from} is after `to` {to}; swap them")]
    Inverted { from: Date, to: Date },
    #[error("unknown {facet} \"{value}\"{suggestion}; valid {facet}s: {choices}")]
    Unknown { facet: &'static str, value: String, suggestion: String, choices: String },
}

fn example(facet: &str) -> &'static str {
    match facet {
        "from" | "to" => "2023-08",
        "weapon" => "kn-23",
        "source" => "SOURCE-ID",
        _ => "north-korea",
    }
}

impl Query {
    pub fn is_empty(&self) -> bool {
        *self == Query::default()
    }

    /// Add `other`'s terms to this query (flags added to `--query`). A date bound may be given once.
    pub fn merge(mut self, other: Query) -> Result<Query, QueryError> {
        for (mine, theirs) in [
            (&mut self.actors, other.actors),
            (&mut self.weapons, other.weapons),
            (&mut self.sources, other.sources),
        ] {
            for value in theirs {
                push_unique(mine, value);
            }
        }
        self.from = merge_bound("from", self.from, other.from)?;
        self.to = merge_bound("to", self.to, other.to)?;
        self.words.extend(other.words);
        self.check_range()?;
        Ok(self)
    }

    fn check_range(&self) -> Result<(), QueryError> {
        match (self.from, self.to) {
            (Some(from), Some(to)) if from.first_day() > to.last_day() => {
                Err(QueryError::Inverted { from, to })
            }
            _ => Ok(()),
        }
    }

    /// Every id the query names must exist in `dataset`.
    pub fn validate(&self, dataset: &Dataset) -> Result<(), QueryError> {
        let actors =
            dataset.actors().iter().map(|a| (&a.id, names(&a.id, [&a.name].into_iter().chain(&a.aliases))));
        check_ids("actor", &self.actors, actors.collect())?;
        let weapons = dataset
            .weapons()
            .iter()
            .map(|w| (&w.id, names(&w.id, [&w.name].into_iter().chain(&w.designations).chain(&w.aliases))));
        check_ids("weapon", &self.weapons, weapons.collect())?;
        let sources = dataset.sources().iter().map(|s| (&s.id, names(&s.id, [&s.outlet].into_iter())));
        check_ids("source", &self.sources, sources.collect())
    }

    /// Does event `index` of `dataset` match every term? `fields` is scratch space.
    fn matches<'d>(
        &self,
        dataset: &'d Dataset,
        index: usize,
        terms: &Terms,
        matcher: &dyn WordMatcher,
        fields: &mut Vec<&'d str>,
    ) -> bool {
        let any = |wanted: &[u32], have: &[u32]| wanted.iter().any(|w| have.contains(w));
        (self.actors.is_empty() || any(&terms.actors, dataset.event_actors(index)))
            && (self.weapons.is_empty() || any(&terms.weapons, dataset.event_weapons(index)))
            && (self.sources.is_empty() || any(&terms.sources, dataset.event_sources(index)))
            // Every letter and digit of every word must be somewhere in the record. This and the
            // facets are read from the dataset's lookups; only what passes reads the event.
            && (terms.words.is_empty() || terms.words_mask & !dataset.search_mask(index) == 0)
            && ((self.from.is_none() && self.to.is_none())
                || dataset.events()[index].span().overlaps(self.from.as_ref(), self.to.as_ref()))
            && (terms.words.is_empty() || {
                dataset.search_fields_into(index, fields);
                let record = SearchFields { mask: dataset.search_mask(index), fields };
                terms.words.iter().all(|word| matcher.matches(&record, word))
            })
    }

    /// Indices of the matching events, in the dataset's chronological order.
    pub fn filter(&self, dataset: &Dataset, matcher: &dyn WordMatcher) -> Vec<usize> {
        self.filter_within(dataset, matcher, None, &|| false).unwrap_or_default()
    }

    /// The matching events among `within` (all events when None), or None as soon as `stop`
    /// says the answer is no longer wanted. Runs on every core; the order stays chronological.
    pub fn filter_within(
        &self,
        dataset: &Dataset,
        matcher: &dyn WordMatcher,
        within: Option<&[usize]>,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<usize>> {
        const CHUNK: usize = 4_096;
        let terms = Terms {
            actors: self.actors.iter().filter_map(|id| dataset.actor_position(id)).collect(),
            weapons: self.weapons.iter().filter_map(|id| dataset.weapon_position(id)).collect(),
            sources: self.sources.iter().filter_map(|id| dataset.source_position(id)).collect(),
            words: self.words.iter().map(|w| crate::text::lowercase(w)).collect(),
            words_mask: self.words.iter().fold(0, |mask, w| mask | crate::text::char_mask(w)),
        };
        let keep = |chunk: &[usize]| -> Option<Vec<usize>> {
            if stop() {
                return None;
            }
            let mut fields = Vec::new();
            Some(
                chunk
                    .iter()
                    .copied()
                    .filter(|&i| self.matches(dataset, i, &terms, matcher, &mut fields))
                    .collect(),
            )
        };
        let candidates = candidates(dataset, within);
        let parts: Option<Vec<Vec<usize>>> = candidates.par_chunks(CHUNK).map(keep).collect();
        parts.map(|parts| parts.concat())
    }

    /// True when this query can only keep events `previous` keeps: the same facets and
    /// dates, and each of `previous`'s words continued (or kept), perhaps with words added.
    /// Word matching is monotone in this (see search.rs), so searching within `previous`'s
    /// result is exact.
    pub fn narrows(&self, previous: &Query) -> bool {
        self != previous
            && self.actors == previous.actors
            && self.weapons == previous.weapons
            && self.sources == previous.sources
            && self.from == previous.from
            && self.to == previous.to
            && self.words.len() >= previous.words.len()
            && self
                .words
                .iter()
                .zip(&previous.words)
                .all(|(now, before)| crate::text::lowercase(now).starts_with(&crate::text::lowercase(before)))
    }
}

/// The events a search reads: `within`, or every event of `dataset`.
pub fn candidates<'a>(dataset: &Dataset, within: Option<&'a [usize]>) -> std::borrow::Cow<'a, [usize]> {
    match within {
        Some(within) => std::borrow::Cow::Borrowed(within),
        None => std::borrow::Cow::Owned((0..dataset.events().len()).collect()),
    }
}

/// A query's terms as the filter reads them: facet values as dataset indices, words lower-cased.
struct Terms {
    actors: Vec<u32>,
    weapons: Vec<u32>,
    sources: Vec<u32>,
    words: Vec<String>,
    /// A bit for each ASCII letter and digit in any word.
    words_mask: u64,
}

fn push_unique(values: &mut Vec<String>, value: String) {
    if !values.contains(&value) {
        values.push(value);
    }
}

fn merge_bound(
    facet: &'static str,
    mine: Option<Date>,
    theirs: Option<Date>,
) -> Result<Option<Date>, QueryError> {
    match (mine, theirs) {
        (Some(first), Some(second)) if first != second => Err(QueryError::Repeated { facet, first, second }),
        (mine, theirs) => Ok(mine.or(theirs)),
    }
}

/// An id with the lower-cased names that should suggest it.
fn names<'a>(id: &str, names: impl Iterator<Item = &'a String>) -> Vec<(String, String)> {
    std::iter::once(id.to_string())
        .chain(names.map(|n| n.to_lowercase()))
        .map(|n| (n, id.to_string()))
        .collect()
}

fn check_ids(
    facet: &'static str,
    wanted: &[String],
    known: Vec<(&String, Vec<(String, String)>)>,
) -> Result<(), QueryError> {
    for value in wanted {
        if known.iter().any(|(id, _)| *id == value) {
            continue;
        }
        let candidates: Vec<(String, String)> =
            known.iter().flat_map(|(_, names)| names.iter().cloned()).collect();
        let pairs = candidates.iter().map(|(name, id)| (name.as_str(), id.as_str()));
        let suggestion = crate::text::suggest_id(value, pairs)
            .map(|s| format!(" (did you mean \"{s}\"?)"))
            .unwrap_or_default();
        let mut ids: Vec<&str> = known.iter().map(|(id, _)| id.as_str()).collect();
        ids.sort_unstable();
        return Err(QueryError::Unknown { facet, value: value.clone(), suggestion, choices: ids.join(", ") });
    }
    Ok(())
}

impl FromStr for Query {
    type Err = QueryError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut query = Query::default();
        for token in text.split_whitespace() {
            let facet = token.split_once(':').and_then(|(key, value)| {
                Facet::ALL.into_iter().find(|f| f.key().eq_ignore_ascii_case(key)).map(|f| (f, value))
            });
            let Some((facet, value)) = facet else {
                query.words.push(token.to_string());
                continue;
            };
            if value.is_empty() {
                return Err(QueryError::MissingValue(facet.key()));
            }
            let date = |value: &str| {
                value.parse::<Date>().map_err(|error| QueryError::BadDate { facet: facet.key(), error })
            };
            match facet {
                Facet::Actor => push_unique(&mut query.actors, value.to_string()),
                Facet::Weapon => push_unique(&mut query.weapons, value.to_string()),
                Facet::Source => push_unique(&mut query.sources, value.to_string()),
                Facet::From => query.from = merge_bound("from", query.from, Some(date(value)?))?,
                Facet::To => query.to = merge_bound("to", query.to, Some(date(value)?))?,
            }
        }
        query.check_range()?;
        Ok(query)
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut terms: Vec<String> = Vec::new();
        terms.extend(self.actors.iter().map(|v| format!("actor:{v}")));
        terms.extend(self.weapons.iter().map(|v| format!("weapon:{v}")));
        terms.extend(self.sources.iter().map(|v| format!("source:{v}")));
        terms.extend(self.from.iter().map(|d| format!("from:{d}")));
        terms.extend(self.to.iter().map(|d| format!("to:{d}")));
        terms.extend(self.words.iter().cloned());
        f.write_str(&terms.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str) -> Query {
        text.parse().unwrap()
    }

    #[test]
    fn parses_facets_dates_and_words() {
        let query = q("actor:north-korea weapon:kn-23 from:2024 missiles Actor:russia");
        assert_eq!(query.actors, ["north-korea", "russia"]);
        assert_eq!(query.weapons, ["kn-23"]);
        assert_eq!(query.from, Some("2024".parse().unwrap()));
        assert_eq!(query.words, ["missiles"]);
        assert_eq!(q("12:32 kn-23").words, ["12:32", "kn-23"], "unknown keys are plain words");
    }

    #[test]
    fn string_form_round_trips() {
        for text in [
            "",
            "actor:north-korea weapon:kn-23 from:2024 missiles",
            "actor:a actor:b weapon:w source:s from:2023-08 to:2023-11-01 artillery shells",
            "to:2025",
        ] {
            let query = q(text);
            assert_eq!(q(&query.to_string()), query, "{text:?}");
            assert_eq!(query.to_string(), text);
        }
        assert_eq!(
            q("shells  from:2023   actor:x").to_string(),
            "actor:x from:2023 shells",
            "canonical order"
        );
    }

    #[test]
    fn rejects_bad_values() {
        assert_eq!("actor:".parse::<Query>(), Err(QueryError::MissingValue("actor")));
        assert!(matches!("from:2023-13".parse::<Query>(), Err(QueryError::BadDate { facet: "from", .. })));
        assert!(matches!("from:2023 from:2024".parse::<Query>(), Err(QueryError::Repeated { .. })));
        assert!(matches!("from:2024 to:2023".parse::<Query>(), Err(QueryError::Inverted { .. })));
        assert!("from:2023 from:2023".parse::<Query>().is_ok(), "the same bound twice is harmless");
    }

    #[test]
    fn merge_adds_flags_to_the_query_string() {
        let merged = q("actor:a shells").merge(q("actor:b actor:a from:2023")).unwrap();
        assert_eq!(merged.to_string(), "actor:a actor:b from:2023 shells");
        assert!(q("from:2023").merge(q("from:2024")).is_err());
    }
}

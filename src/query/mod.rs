//! The one Query: facets, a date range, words and an order, with a string form that parses back.
//!
//! `actor:north-korea actor:russia weapon:kn-23 from:2024 missiles` keeps events that name
//! North Korea OR Russia, AND involve the KN-23, AND overlap 2024 or later, AND match the
//! word `missiles`. Values of one facet are OR'd; facets are AND'd; every word must match;
//! `!` excludes (`!status:denied`, `!kursk`).

mod check;
mod filter;
mod parse;
mod prefetch;
mod terms;
mod trail;

use crate::date::{Date, DateError};
use crate::search::Needle;

pub use check::countries;
pub use filter::candidates;
pub use terms::{FACETS, Facet, Order, TERMS, Word, grade_bit, grade_bits, keys, terms_help};
pub use trail::{Track, Trail};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Per facet (in `Facet::ALL` order): the values an event must have one of.
    values: [Vec<String>; FACETS],
    /// Per facet: the values an event must not have (`!key:value`).
    excluded: [Vec<String>; FACETS],
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// Free words, exact words and phrases, each perhaps excluded; every one must hold.
    pub words: Vec<Word>,
    pub order: Order,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QueryError {
    #[error("`{0}:` needs a value, e.g. {0}:{example}", example = example(.0))]
    MissingValue(&'static str),
    #[error("bad date for {facet}: {error}")]
    BadDate { facet: &'static str, error: DateError },
    #[error("{key} is given twice ({first} and {second}); keep one")]
    Repeated { key: &'static str, first: String, second: String },
    #[error("`from` {from} is after `to` {to}; swap them")]
    Inverted { from: Date, to: Date },
    #[error("unknown {facet} \"{value}\"{suggestion}; valid {plural}: {choices}", plural = plural(facet))]
    Unknown { facet: &'static str, value: String, suggestion: String, choices: String },
    #[error(
        "unknown key `{key}:`{suggestion}; keys: {keys}; to search for the text, quote it: \"{key}:…\"",
        keys = keys().collect::<Vec<_>>().join(", ")
    )]
    UnknownKey { key: String, suggestion: String },
    #[error("`{0}` has nothing to search for: write a word, 'word, \"a phrase\" or !key:value")]
    Empty(String),
    #[error("`{0}:` cannot be excluded; exclude facet values (!status:denied) or words (!kursk)")]
    NotNegatable(&'static str),
}

fn plural(noun: &str) -> String {
    match noun {
        "status" => "statuses".into(),
        "country" => "countries".into(),
        noun => format!("{noun}s"),
    }
}

fn example(key: &str) -> &'static str {
    match key {
        "from" | "to" => "2023-08",
        "order" => "reported",
        other => Facet::ALL.into_iter().find(|f| f.key() == other).map_or("north-korea", Facet::example),
    }
}

impl Query {
    pub fn is_empty(&self) -> bool {
        *self == Query::default()
    }

    /// The values chosen for `facet`: an event must have one of them.
    pub fn values(&self, facet: Facet) -> &[String] {
        &self.values[facet.index()]
    }

    pub fn values_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        &mut self.values[facet.index()]
    }

    /// The values excluded for `facet`: an event must have none of them.
    pub fn excluded(&self, facet: Facet) -> &[String] {
        &self.excluded[facet.index()]
    }

    pub fn excluded_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        &mut self.excluded[facet.index()]
    }

    /// This query with `values` added to `facet`'s (what a repeated flag gives).
    pub fn with_values(mut self, facet: Facet, values: impl IntoIterator<Item = String>) -> Self {
        for value in values {
            push_unique(self.values_mut(facet), value);
        }
        self
    }

    /// Add `other`'s terms to this query (flags added to `--query`). A date bound and the
    /// order may be given once.
    pub fn merge(mut self, other: Query) -> Result<Query, QueryError> {
        for facet in Facet::ALL {
            for value in &other.values[facet.index()] {
                push_unique(self.values_mut(facet), value.clone());
            }
            for value in &other.excluded[facet.index()] {
                push_unique(self.excluded_mut(facet), value.clone());
            }
        }
        self.from = merge_bound("from", self.from, other.from)?;
        self.to = merge_bound("to", self.to, other.to)?;
        self.order = merge_order(self.order, other.order)?;
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

    /// True when this query can only keep events `previous` keeps: the same facets and
    /// dates, and each of `previous`'s words continued (or kept), perhaps with words added.
    /// A word matches only where its beginning matched (see search.rs), so searching within
    /// `previous`'s result is exact; an excluded word, or a number, is only kept as it was.
    pub fn narrows(&self, previous: &Query) -> bool {
        self != previous
            && self.values == previous.values
            && self.excluded == previous.excluded
            && self.from == previous.from
            && self.to == previous.to
            && self.words.len() >= previous.words.len()
            && self.words.iter().zip(&previous.words).all(|(now, before)| now.continues(before))
    }
}

impl Query {
    /// What is left to test among the events `previous` selects, when this query narrows
    /// it (`narrows`): the words changed or added, in this query's order. Facets, dates and
    /// unchanged words hold for all of those events already.
    pub fn residual(&self, previous: &Query) -> Query {
        let changed = self.words.iter().enumerate().filter(|&(k, word)| previous.words.get(k) != Some(word));
        Query {
            words: changed.map(|(_, word)| word.clone()).collect(),
            order: self.order,
            ..Query::default()
        }
    }
}

/// The needles of a query's words: those that must match, and those that must not.
pub(crate) fn needles(words: &[Word]) -> (Vec<Needle>, Vec<Needle>) {
    let needle = |w: &Word| Needle::new(&w.text, w.mode);
    let wanted = words.iter().filter(|w| !w.negated).map(needle).collect();
    let unwanted = words.iter().filter(|w| w.negated).map(needle).collect();
    (wanted, unwanted)
}

fn push_unique(values: &mut Vec<String>, value: String) {
    if !values.contains(&value) {
        values.push(value);
    }
}

fn merge_bound(
    key: &'static str,
    mine: Option<Date>,
    theirs: Option<Date>,
) -> Result<Option<Date>, QueryError> {
    match (mine, theirs) {
        (Some(first), Some(second)) if first != second => {
            Err(QueryError::Repeated { key, first: first.to_string(), second: second.to_string() })
        }
        (mine, theirs) => Ok(mine.or(theirs)),
    }
}

fn merge_order(mine: Order, theirs: Order) -> Result<Order, QueryError> {
    match (mine, theirs) {
        (Order::Date, order) | (order, Order::Date) => Ok(order),
        (first, second) if first == second => Ok(first),
        (first, second) => {
            Err(QueryError::Repeated { key: "order", first: first.to_string(), second: second.to_string() })
        }
    }
}

#[cfg(test)]
mod tests;

//! The query's string form: reading it (every mistake an error) and writing it back.
//!
//! `status:disputed !kind:denial country:south-korea from:2024 'kim "long range" !kursk`:
//! `key:value` terms, `!` before a term excludes, `'` before a word matches it exactly, and
//! quotes make a phrase.

use std::fmt;
use std::str::FromStr;

use super::terms::{Facet, Order, Word, grade_bits, keys};
use super::{Query, QueryError, push_unique};
use crate::date::Date;
use crate::model::{EventKind, Status};
use crate::search::{Mode, Needle};

/// One term of the string form, before it is added to a query.
enum Token<'a> {
    Pair { negated: bool, key: &'a str, value: &'a str },
    Word(Word),
}

/// Cut `text` into terms: whitespace separates them, except inside quotes.
fn tokens(text: &str) -> impl Iterator<Item = Result<Token<'_>, QueryError>> {
    let mut rest = text;
    std::iter::from_fn(move || {
        rest = rest.trim_start();
        if rest.is_empty() {
            return None;
        }
        let negated = rest.starts_with('!');
        let body = if negated { &rest[1..] } else { rest };
        if let Some(inside) = body.strip_prefix('"') {
            // A phrase runs to the closing quote, or to the end while it is being typed.
            let (phrase, after) = inside.split_once('"').unwrap_or((inside, ""));
            rest = after;
            let text = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            return Some(word(text, Mode::Phrase, negated));
        }
        let end = body.find(char::is_whitespace).unwrap_or(body.len());
        let (token, after) = body.split_at(end);
        rest = after;
        if token.is_empty() {
            return Some(Err(QueryError::Empty("!".into())));
        }
        if let Some(exact) = token.strip_prefix('\'') {
            return Some(word(exact.to_string(), Mode::Exact, negated));
        }
        match token.split_once(':') {
            Some((key, value)) if key.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) => {
                Some(Ok(Token::Pair { negated, key, value }))
            }
            _ => Some(word(token.to_string(), Mode::Fuzzy, negated)),
        }
    })
}

fn word(text: String, mode: Mode, negated: bool) -> Result<Token<'static>, QueryError> {
    let word = Word { text, mode, negated };
    if Needle::new(&word.text, mode).is_empty() {
        return Err(QueryError::Empty(word.to_string()));
    }
    Ok(Token::Word(word))
}

impl FromStr for Query {
    type Err = QueryError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut query = Query::default();
        for token in tokens(text) {
            let (negated, key, value) = match token? {
                Token::Word(word) => {
                    query.words.push(word);
                    continue;
                }
                Token::Pair { negated, key, value } => (negated, key.to_ascii_lowercase(), value),
            };
            let Some(known) = keys().find(|k| *k == key) else {
                let suggestion = crate::text::suggest_id(&key, keys().map(|k| (k, k)))
                    .map(|k| format!(" (did you mean `{k}:`?)"))
                    .unwrap_or_default();
                return Err(QueryError::UnknownKey { key, suggestion });
            };
            if value.is_empty() {
                return Err(QueryError::MissingValue(known));
            }
            match Facet::ALL.into_iter().find(|f| f.key() == known) {
                Some(facet) if negated => query.exclude_value(facet, value)?,
                Some(facet) => query.add_value(facet, value)?,
                None if negated => return Err(QueryError::NotNegatable(known)),
                None => match known {
                    "order" => query.order = super::merge_order(query.order, value.parse()?)?,
                    bound => {
                        let date = value
                            .parse::<Date>()
                            .map_err(|error| QueryError::BadDate { facet: bound, error })?;
                        let slot = if bound == "from" { &mut query.from } else { &mut query.to };
                        *slot = super::merge_bound(bound, *slot, Some(date))?;
                    }
                },
            }
        }
        query.check_range()?;
        Ok(query)
    }
}

impl Query {
    /// Choose `value` for `facet` (as `key:value` does), checking a closed vocabulary's.
    pub fn add_value(&mut self, facet: Facet, value: &str) -> Result<(), QueryError> {
        let value = value.trim().to_lowercase();
        check_closed(facet, &value)?;
        push_unique(self.values_mut(facet), value);
        Ok(())
    }

    /// Exclude `value` for `facet` (as `!key:value` does).
    pub fn exclude_value(&mut self, facet: Facet, value: &str) -> Result<(), QueryError> {
        let value = value.trim().to_lowercase();
        check_closed(facet, &value)?;
        push_unique(self.excluded_mut(facet), value);
        Ok(())
    }
}

impl FromStr for Order {
    type Err = QueryError;

    /// `date` or `reported`; empty is the default order.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim().to_lowercase();
        if text.is_empty() {
            return Ok(Order::default());
        }
        Order::ALL
            .into_iter()
            .find(|o| o.as_str() == text)
            .ok_or_else(|| unknown_value("order", &text, &Order::ALL.map(Order::as_str)))
    }
}

/// Values of the closed vocabularies (status, kind, grade) are checked as they are read.
fn check_closed(facet: Facet, value: &str) -> Result<(), QueryError> {
    let known = |choices: Vec<&str>| {
        if choices.contains(&value) { Ok(()) } else { Err(unknown_value(facet.key(), value, &choices)) }
    };
    match facet {
        Facet::Status => known(Status::ALL.iter().map(|s| s.as_str()).collect()),
        Facet::Kind => known(EventKind::ALL.iter().map(|k| k.as_str()).collect()),
        Facet::Grade if grade_bits(value).is_none() => Err(QueryError::Unknown {
            facet: "grade",
            value: value.to_string(),
            suggestion: String::new(),
            choices: "a, b, c, d, e, f, or a range from the better to the worse such as a-c".into(),
        }),
        _ => Ok(()),
    }
}

pub(super) fn unknown_value(facet: &'static str, value: &str, choices: &[&str]) -> QueryError {
    let suggestion = crate::text::suggest_id(value, choices.iter().map(|c| (*c, *c)))
        .map(|s| format!(" (did you mean \"{s}\"?)"))
        .unwrap_or_default();
    QueryError::Unknown { facet, value: value.to_string(), suggestion, choices: choices.join(", ") }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut terms: Vec<String> = Vec::new();
        for facet in Facet::ALL {
            terms.extend(self.values(facet).iter().map(|v| format!("{}:{v}", facet.key())));
            terms.extend(self.excluded(facet).iter().map(|v| format!("!{}:{v}", facet.key())));
        }
        terms.extend(self.from.iter().map(|d| format!("from:{d}")));
        terms.extend(self.to.iter().map(|d| format!("to:{d}")));
        terms.extend(self.words.iter().map(Word::to_string));
        if self.order != Order::default() {
            terms.push(format!("order:{}", self.order));
        }
        f.write_str(&terms.join(" "))
    }
}

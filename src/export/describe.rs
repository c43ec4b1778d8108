//! The filters in plain words, for the head of an export: "Events naming North Korea or
//! Russia, with status disputed, from 2024 on."

use super::markdown::escape;
use crate::model::Dataset;
use crate::query::{Facet, Order, Query};
use crate::search::Mode;

/// The filters in plain words: "Events naming North Korea or Russia, from 2024 on."
pub fn describe(query: &Query, dataset: &Dataset) -> String {
    describe_with(query, dataset, &escape)
}

/// `describe`, with names and words from the data passed through `literal` (markdown's
/// `escape`, or HTML's).
pub(super) fn describe_with(query: &Query, dataset: &Dataset, literal: &dyn Fn(&str) -> String) -> String {
    let or = |names: Vec<String>| match names.len() {
        0 | 1 => names.join(""),
        _ => format!("{} or {}", names[..names.len() - 1].join(", "), names[names.len() - 1]),
    };
    let mut parts = Vec::new();
    for facet in Facet::ALL {
        for (values, excluded) in [(query.values(facet), false), (query.excluded(facet), true)] {
            if values.is_empty() {
                continue;
            }
            let names = values.iter().map(|value| value_name(facet, value, dataset, literal)).collect();
            let (verb, not) = verbs(facet);
            let mut part = format!("{} {}", if excluded { not } else { verb }, or(names));
            if facet == Facet::Country {
                part.push_str(" (with its agencies, forces and people)");
            }
            parts.push(part);
        }
    }
    match (query.from, query.to) {
        (Some(from), Some(to)) => parts.push(format!("between {from} and {to}")),
        (Some(from), None) => parts.push(format!("from {from} on")),
        (None, Some(to)) => parts.push(format!("up to {to}")),
        (None, None) => {}
    }
    for (negated, lead) in [(false, "matching"), (true, "not matching")] {
        let words: Vec<String> = query
            .words
            .iter()
            .filter(|w| w.negated == negated)
            .map(|w| match w.mode {
                Mode::Fuzzy => format!("“{}”", literal(&w.text)),
                Mode::Exact => format!("exactly “{}”", literal(&w.text)),
                Mode::Phrase => format!("the phrase “{}”", literal(&w.text)),
            })
            .collect();
        if !words.is_empty() {
            parts.push(format!("{lead} {}", words.join(if negated { " or " } else { " and " })));
        }
    }
    let order = match query.order {
        Order::Date => " In the order they happened.",
        Order::Reported => " In the order they were claimed (reported, else first published).",
    };
    if parts.is_empty() {
        format!("All events, unfiltered.{order}")
    } else {
        format!("Events {}.{order}", parts.join(", "))
    }
}

/// A facet value as a reader knows it: an actor's, weapon's or outlet's name, a grade in capitals.
fn value_name(facet: Facet, value: &str, dataset: &Dataset, literal: &dyn Fn(&str) -> String) -> String {
    match facet {
        Facet::Weapon => literal(dataset.weapon(value).map_or(value, |w| &w.name)),
        Facet::Source => literal(dataset.source(value).map_or(value, |s| &s.outlet)),
        Facet::Grade => value.to_uppercase().replace('-', "–"),
        f if f.takes_actors() => literal(dataset.actor(value).map_or(value, |a| &a.name)),
        _ => literal(value),
    }
}

/// How a facet's values read after "Events", chosen and excluded.
fn verbs(facet: Facet) -> (&'static str, &'static str) {
    match facet {
        Facet::Status => ("with status", "without status"),
        Facet::Kind => ("of kind", "not of kind"),
        Facet::Claimant => ("claimed by", "not claimed by"),
        Facet::Sender => ("sent by", "not sent by"),
        Facet::Receiver => ("sent to", "not sent to"),
        Facet::Grade => ("citing a source of grade", "citing no source of grade"),
        Facet::Country => ("naming", "naming none of"),
        Facet::Actor => ("naming", "not naming"),
        Facet::Weapon => ("involving", "not involving"),
        Facet::Source => ("citing", "not citing"),
    }
}

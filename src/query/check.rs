//! Every id a query names must exist in the dataset; a mistyped one is answered with the
//! closest id (did you mean) and the valid choices.

use super::{Facet, Query, QueryError};
use crate::model::{ActorKind, Dataset};

impl Query {
    /// Every id the query names (chosen or excluded) must exist in `dataset`.
    pub fn validate(&self, dataset: &Dataset) -> Result<(), QueryError> {
        for facet in Facet::ALL {
            let named: Vec<&String> = self.values(facet).iter().chain(self.excluded(facet)).collect();
            if named.is_empty() {
                continue;
            }
            let known = known_ids(facet, dataset);
            if known.is_empty() {
                continue; // A closed vocabulary, checked as it was read.
            }
            check_ids(facet.key(), &named, &known)?;
        }
        Ok(())
    }
}

/// The ids `facet` takes in `dataset`, each with the lower-cased names that should suggest
/// it; empty for the closed vocabularies.
fn known_ids(facet: Facet, dataset: &Dataset) -> Vec<(String, Vec<String>)> {
    let entry = |id: &str, names: Vec<&String>| {
        let names = std::iter::once(id.to_string()).chain(names.into_iter().map(|n| n.to_lowercase()));
        (id.to_string(), names.collect())
    };
    match facet {
        Facet::Country => countries(dataset)
            .into_iter()
            .filter_map(|id| {
                dataset.actor(&id).map(|a| entry(&a.id, [&a.name].into_iter().chain(&a.aliases).collect()))
            })
            .collect(),
        f if f.takes_actors() => dataset
            .actors()
            .iter()
            .map(|a| entry(&a.id, [&a.name].into_iter().chain(&a.aliases).collect()))
            .collect(),
        Facet::Weapon => dataset
            .weapons()
            .iter()
            .map(|w| entry(&w.id, [&w.name].into_iter().chain(&w.designations).chain(&w.aliases).collect()))
            .collect(),
        Facet::Source => dataset.sources().iter().map(|s| entry(&s.id, vec![&s.outlet])).collect(),
        _ => Vec::new(),
    }
}

/// The actors `country:` takes: every state, and every actor some actor's country is.
pub fn countries(dataset: &Dataset) -> Vec<String> {
    let mut ids: Vec<String> = dataset
        .actors()
        .iter()
        .filter(|a| a.kind == ActorKind::State)
        .map(|a| a.id.clone())
        .chain(dataset.actors().iter().filter_map(|a| a.country.clone()))
        .filter(|id| dataset.actor(id).is_some())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

fn check_ids(
    facet: &'static str,
    wanted: &[&String],
    known: &[(String, Vec<String>)],
) -> Result<(), QueryError> {
    for value in wanted {
        if known.iter().any(|(id, _)| id == *value) {
            continue;
        }
        let pairs = known.iter().flat_map(|(id, names)| names.iter().map(move |n| (n.as_str(), id.as_str())));
        let suggestion = crate::text::suggest_id(value, pairs)
            .map(|s| format!(" (did you mean \"{s}\"?)"))
            .unwrap_or_default();
        let mut ids: Vec<&str> = known.iter().map(|(id, _)| id.as_str()).collect();
        ids.sort_unstable();
        return Err(QueryError::Unknown {
            facet,
            value: value.to_string(),
            suggestion,
            choices: ids.join(", "),
        });
    }
    Ok(())
}

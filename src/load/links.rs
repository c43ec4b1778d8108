//! Checks across event files: ids that repeat, a dataset with no events, and `related`
//! references to events that don't exist.

use rayon::prelude::*;

use super::events::Placement;
use super::problems::ProblemLog;
use super::registry::{Registry, duplicate_id};
use crate::model::{Event, IdIndex};

/// An event's file (its index in the problem log) and where in it the event is written.
pub(crate) type Placed<'p> = (usize, &'p Placement);

/// Report repeated event ids, an empty dataset and unknown related events; the index of
/// the events' ids, for the dataset.
pub(crate) fn check_links(
    log: &mut ProblemLog<'_>,
    registry: &Registry,
    events: &[triomphe::Arc<Event>],
    placements: &[Placed<'_>],
) -> IdIndex {
    // Ids were checked in form with each event; repeats and references are found by an index
    // of hashes built on every core.
    let ids = IdIndex::new(events.par_iter().map(|e| e.id.as_str()));
    let id_of = |i: usize| events[i].id.as_str();
    for (later, first) in ids.repeats(id_of) {
        let ((file, at), (first_file, first)) = (placements[later], placements[first]);
        let first = log.location(first_file, first.id_offset);
        let id = id_of(later);
        let message = duplicate_id("event", id, &first);
        log.report(file, Some(at.id_offset), Some(format!("event {id}")), message);
    }
    if registry.complete && events.is_empty() && !registry.has_broken_records() {
        let file = log.add_file("data/events/");
        let message = "the dataset has no events; add [[event]] records to a .toml file in data/events/";
        log.report(file, None, None, message.into());
    }
    // Most events name no related event: their placements say so without reading the event.
    let relating = events.iter().zip(placements).filter(|(_, (_, p))| !p.related_offsets.is_empty());
    for (event, &(file, placement)) in relating {
        for (related, offset) in event.related.iter().zip(&placement.related_offsets) {
            if related != &event.id && ids.find(related, id_of).is_none() {
                let all_ids = events.iter().map(|e| e.id.as_str());
                if let Some(message) = registry.unknown(related, events.len(), all_ids) {
                    log.report(file, Some(*offset), Some(format!("event {}", event.id)), message);
                }
            }
        }
    }
    ids
}

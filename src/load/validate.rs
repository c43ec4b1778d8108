//! The order of the loader's steps: the dataset's name, the taxonomies and articles, every
//! event file in parallel, the checks across files, then the dataset, if nothing is wrong.

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::Progress;
use super::diagnose::Damage;
use super::events::{Checked, Placement, References, check_event};
use super::links::check_links;
use super::parse::{ParsedFile, parse_and_check};
use super::problems::ProblemLog;
use super::raw::RawEvent;
use super::registry::Registry;
use super::taxonomy::{self, Taxonomy};
use crate::model::{Dataset, Event, EventFacets, Place, Provenance};

pub(crate) fn validate(log: &mut ProblemLog<'_>, progress: &(dyn Fn(Progress) + Sync)) -> Option<Dataset> {
    let (name, description) = taxonomy::dataset_info(log);
    let mut provenance = Provenance::default();
    let taxonomy = taxonomy::read(log, &mut provenance);
    let refs = References {
        sources: &taxonomy.sources,
        actors: &taxonomy.actors,
        weapons: &taxonomy.weapons,
        articles: &taxonomy.articles,
    };
    let mut registry = Registry::new("event", "data/events/");
    let parsed_files = read_event_files(log, &mut registry, &refs, progress);
    let (events, facets, placements) = gather(log, &mut registry, parsed_files, &mut provenance);
    check_links(log, &registry, &events, &placements);
    drop(placements);

    if log.has_problems() {
        return None;
    }
    let Taxonomy { source_records, actor_records, weapon_records, .. } = taxonomy;
    let dataset = Dataset::assemble(
        name,
        source_records,
        actor_records,
        weapon_records,
        events,
        Some(facets),
        provenance,
    );
    Some(dataset.with_description(description))
}

/// Every event file, parsed and its events checked, on every core.
fn read_event_files(
    log: &mut ProblemLog<'_>,
    registry: &mut Registry,
    refs: &References<'_>,
    progress: &(dyn Fn(Progress) + Sync),
) -> Vec<ParsedFile<Checked>> {
    let files = log.files();
    match files.event_files() {
        Ok(paths) => {
            let done = AtomicUsize::new(0);
            let hint = "create it with [[event]] records (see docs/DATA.md)";
            let check = |raw: RawEvent, base: usize, damage: &Damage| check_event(raw, refs, base, damage);
            paths
                .par_iter()
                .map(|path| {
                    let parsed = parse_and_check(files, path, "event", hint, &check);
                    let files_done = done.fetch_add(1, Ordering::Relaxed) + 1;
                    progress(Progress { files_done, files_total: paths.len() });
                    parsed
                })
                .collect()
        }
        Err(error) => {
            registry.complete = false;
            let file = log.add_file("data/events/");
            let message = format!(
                "cannot list the event files ({error}); create data/events/ with one or more .toml files"
            );
            log.report(file, None, None, message);
            Vec::new()
        }
    }
}

/// Gather every file's events into one vector of the exact size (they are boxed, so only
/// pointers move); what the checks across files need is kept beside it, and where each
/// event is written goes to `provenance`.
#[expect(clippy::vec_box, reason = "boxed on purpose: moving events moves pointers")]
fn gather(
    log: &mut ProblemLog<'_>,
    registry: &mut Registry,
    parsed_files: Vec<ParsedFile<Checked>>,
    provenance: &mut Provenance,
) -> (Vec<Box<Event>>, Vec<EventFacets>, Vec<Placement>) {
    let total = parsed_files.iter().map(|f| f.records.len()).sum();
    let mut events = Vec::with_capacity(total);
    let mut facets = Vec::with_capacity(total);
    let mut placements = Vec::with_capacity(total);
    provenance.events = Vec::with_capacity(total);
    for parsed in parsed_files {
        let read = registry.absorb(log, parsed);
        let origin_file = provenance.add_file(&read.path);
        for ((event, event_facets, placement), line) in read.records.into_iter().zip(read.lines) {
            events.push(event);
            facets.push(event_facets);
            placements.push(Placement { file: read.file, ..placement });
            provenance.events.push(Place { file: origin_file, line });
        }
    }
    (events, facets, placements)
}

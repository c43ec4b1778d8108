//! The order of the loader's steps: the dataset's name, the taxonomies and articles, every
//! event file in parallel (or its records kept from the last load, see `cache`), the checks
//! across files, then the dataset, if nothing is wrong.

use std::sync::atomic::{AtomicUsize, Ordering};

use triomphe::Arc;

use super::Progress;
use super::cache::{Cache, Kept, Recorder};
use super::diagnose::Damage;
use super::events::{References, check_event};
use super::files::DatasetFiles;
use super::links::{Placed, check_links};
use super::parse::parse_and_check;
use super::problems::ProblemLog;
use super::raw::RawEvent;
use super::registry::Registry;
use super::taxonomy::{self, Taxonomy};
use crate::model::{Dataset, Event, EventFacets, Place, Provenance};

/// The dataset `log`'s files hold, or None with its problems in `log`. `recorder` is those
/// files, recording what is read before the event files: what the event checks depend on.
pub(crate) fn validate(
    log: &mut ProblemLog<'_>,
    progress: &(dyn Fn(Progress) + Sync),
    cache: &mut Cache,
    recorder: &Recorder<'_>,
) -> Option<Dataset> {
    let (name, description) = taxonomy::dataset_info(log);
    let mut provenance = Provenance::default();
    let taxonomy = taxonomy::read(log, &mut provenance, &|text| cache.fold(text));
    cache.checked_against(recorder.stop());
    let refs = References {
        sources: &taxonomy.sources,
        actors: &taxonomy.actors,
        weapons: &taxonomy.weapons,
        articles: &taxonomy.articles,
    };
    let mut registry = Registry::new("event", "data/events/");
    let event_files = read_event_files(log, &mut registry, &refs, progress, cache);
    let (events, facets, placements) = gather(log, &mut registry, event_files, &mut provenance);
    let event_ids = check_links(log, &registry, &events, &placements);
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
        Some((&facets, event_ids)),
        provenance,
    );
    Some(dataset.with_description(description))
}

/// Every event file, parsed and its events checked on every core, or kept from the last
/// load when it has not changed.
fn read_event_files<'c>(
    log: &mut ProblemLog<'_>,
    registry: &mut Registry,
    refs: &References<'_>,
    progress: &(dyn Fn(Progress) + Sync),
    cache: &'c mut Cache,
) -> &'c [Kept] {
    let files = log.files();
    match files.event_files() {
        Ok(paths) => {
            let done = AtomicUsize::new(0);
            let hint = "create it with [[event]] records (see docs/DATA.md)";
            let check = |raw: RawEvent, base: usize, damage: &Damage| check_event(raw, refs, base, damage);
            let parse =
                |files: &dyn DatasetFiles, path: &str| parse_and_check(files, path, "event", hint, &check);
            let done = || {
                let files_done = done.fetch_add(1, Ordering::Relaxed) + 1;
                progress(Progress { files_done, files_total: paths.len() });
            };
            cache.update(files, &paths, &parse, &done)
        }
        Err(error) => {
            registry.complete = false;
            let file = log.add_file("data/events/");
            let message = format!(
                "cannot list the event files ({error}); create data/events/ with one or more .toml files"
            );
            log.report(file, None, None, message);
            cache.forget();
            &[]
        }
    }
}

/// Every file's events in one vector of the exact size (they are shared, so only pointers
/// are copied); what the checks across files and the dataset need is borrowed beside it,
/// and where each event is written goes to `provenance`.
fn gather<'c>(
    log: &mut ProblemLog<'_>,
    registry: &mut Registry,
    event_files: &'c [Kept],
    provenance: &mut Provenance,
) -> (Vec<Arc<Event>>, Vec<&'c EventFacets>, Vec<Placed<'c>>) {
    let total = event_files.iter().map(|f| f.parsed.records.len()).sum();
    let mut events = Vec::with_capacity(total);
    let mut facets = Vec::with_capacity(total);
    let mut placements: Vec<Placed<'c>> = Vec::with_capacity(total);
    provenance.events = Vec::with_capacity(total);
    for Kept { parsed, .. } in event_files {
        let file = registry.take_in(log, parsed);
        let origin_file = provenance.add_file(&parsed.path);
        for ((event, event_facets, placement), &line) in parsed.records.iter().zip(&parsed.lines) {
            events.push(Arc::clone(event));
            facets.push(event_facets);
            placements.push((file, placement));
            provenance.events.push(Place { file: origin_file, line });
        }
    }
    (events, facets, placements)
}

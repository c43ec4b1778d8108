//! The records events refer to: the dataset's name, then sources, actors and weapon types,
//! each read from its file, its ids defined, checked and turned into the model's records.

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

use super::files::unreadable;
use super::limits::DATA_FILE_BYTES;
use super::problems::ProblemLog;
use super::provenance::{load_article, normalise_for_quote};
use super::raw::{RawActor, RawDatasetInfo, RawSource, RawWeapon};
use super::registry::{Records, Reference, Registry};
use crate::model::{Actor, ActorKind, Place, Provenance, Source, WeaponType};

const SOURCES: &str = "data/sources.toml";
const ACTORS: &str = "data/actors.toml";
const WEAPONS: &str = "data/weapons.toml";
const INFO: &str = "data/dataset.toml";

/// Sources, actors and weapon types as checked, with the ids of each and the articles.
pub(crate) struct Taxonomy {
    pub(crate) sources: Registry,
    pub(crate) actors: Registry,
    pub(crate) weapons: Registry,
    pub(crate) source_records: Vec<Source>,
    pub(crate) actor_records: Vec<Actor>,
    pub(crate) weapon_records: Vec<WeaponType>,
    /// Each source's article, normalised for quote matching.
    pub(crate) articles: HashMap<String, String>,
}

/// The name and description in `data/dataset.toml`; the name defaults to the folder's.
pub(crate) fn dataset_info(log: &mut ProblemLog<'_>) -> (String, Option<String>) {
    let fallback = log.files().label();
    let bytes = log.files().read(INFO, DATA_FILE_BYTES);
    if bytes.as_ref().is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) {
        return (fallback, None); // The file is optional.
    }
    let file = log.add_file(INFO);
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(error) => {
            log.report(file, None, None, unreadable(&error, "remove it or make it readable"));
            return (fallback, None);
        }
    };
    let Ok(text) = String::from_utf8(bytes) else {
        log.report(file, None, None, "the file is not valid UTF-8; save it as UTF-8".into());
        return (fallback, None);
    };
    let parsed = toml::Deserializer::parse(&text).and_then(RawDatasetInfo::deserialize);
    match parsed {
        Ok(info) => (info.name.filter(|n| !n.trim().is_empty()).unwrap_or(fallback), info.description),
        Err(error) => {
            let offset = error.span().map(|s| s.start);
            let message = format!("{}; this file takes `name` and `description`", error.message().trim());
            log.report(file, offset, None, message);
            (fallback, None)
        }
    }
}

/// Read, define and check the sources, actors and weapon types, and read the articles; where
/// each record is written and the articles go to `provenance`.
pub(crate) fn read(log: &mut ProblemLog<'_>, provenance: &mut Provenance) -> Taxonomy {
    let mut sources = Registry::new("source", SOURCES);
    let raw_sources = sources.read::<RawSource>(log, SOURCES, "source");
    let mut actors = Registry::new("actor", ACTORS);
    let raw_actors = actors.read::<RawActor>(log, ACTORS, "actor");
    let mut weapons = Registry::new("weapon", WEAPONS);
    let raw_weapons = weapons.read::<RawWeapon>(log, WEAPONS, "weapon");

    for source in &raw_sources.records {
        sources.define(log, raw_sources.file, source.id.get_ref(), source.id.span().start);
    }
    for actor in &raw_actors.records {
        actors.define(log, raw_actors.file, actor.id.get_ref(), actor.id.span().start);
        actors.add_names(&actor.id, std::iter::once(actor.name.get_ref()).chain(&actor.aliases));
    }
    for weapon in &raw_weapons.records {
        weapons.define(log, raw_weapons.file, weapon.id.get_ref(), weapon.id.span().start);
        let names = std::iter::once(weapon.name.get_ref()).chain(&weapon.designations).chain(&weapon.aliases);
        weapons.add_names(&weapon.id, names);
    }
    provenance.sources = places(provenance, &raw_sources);
    provenance.actors = places(provenance, &raw_actors);
    provenance.weapons = places(provenance, &raw_weapons);
    let actor_records = check_actors(log, &actors, &raw_actors);
    let weapon_records = check_weapons(log, &raw_weapons);
    let (source_records, articles, texts) = check_sources(log, &raw_sources);
    provenance.articles = texts;
    Taxonomy { sources, actors, weapons, source_records, actor_records, weapon_records, articles }
}

/// Where each record of one file is written.
fn places<T>(provenance: &mut Provenance, records: &Records<T>) -> Vec<Place> {
    let file = provenance.add_file(&records.path);
    records.lines.iter().map(|&line| Place { file, line }).collect()
}

fn check_actors(log: &mut ProblemLog<'_>, actors: &Registry, raw: &Records<RawActor>) -> Vec<Actor> {
    let states: HashSet<&str> =
        raw.records.iter().filter(|a| a.kind == ActorKind::State).map(|a| a.id.get_ref().as_str()).collect();
    let file = raw.file;
    raw.records
        .iter()
        .map(|actor| {
            let record = format!("actor {}", actor.id.get_ref());
            require_text(log, file, &record, "name", &actor.name);
            if let Some(country) = &actor.country {
                let at = Some(country.span().start);
                match actors.check(country.get_ref()) {
                    Reference::Unknown(message) => log.report(file, at, Some(record.clone()), message),
                    Reference::Known if !states.contains(country.get_ref().as_str()) => {
                        let message =
                            format!("country `{}` is not an actor of kind \"state\"", country.get_ref());
                        log.report(file, at, Some(record.clone()), message);
                    }
                    _ => {}
                }
            }
            Actor {
                id: actor.id.get_ref().clone(),
                name: actor.name.get_ref().clone(),
                kind: actor.kind,
                country: actor.country.as_ref().map(|c| c.get_ref().clone()),
                role: actor.role.clone(),
                aliases: actor.aliases.clone(),
            }
        })
        .collect()
}

fn check_weapons(log: &mut ProblemLog<'_>, raw: &Records<RawWeapon>) -> Vec<WeaponType> {
    raw.records
        .iter()
        .map(|weapon| {
            require_text(log, raw.file, &format!("weapon {}", weapon.id.get_ref()), "name", &weapon.name);
            WeaponType {
                id: weapon.id.get_ref().clone(),
                name: weapon.name.get_ref().clone(),
                category: weapon.category,
                designations: weapon.designations.clone(),
                aliases: weapon.aliases.clone(),
            }
        })
        .collect()
}

/// An article as written, and folded for quote matching.
type Article = (Arc<str>, String);

/// The sources; each one's article folded for quote matching, by source id; and each one's
/// article as written, in order (all of them, or none when one could not be read).
fn check_sources(
    log: &mut ProblemLog<'_>,
    raw: &Records<RawSource>,
) -> (Vec<Source>, HashMap<String, String>, Vec<Arc<str>>) {
    // Articles are read and folded on every core; their problems are reported in order after.
    let files = log.files();
    let loaded: Vec<Result<Article, String>> = raw
        .records
        .par_iter()
        .map(|source| {
            load_article(files, source.file.get_ref()).map(|text| {
                let folded = normalise_for_quote(&text);
                (text, folded)
            })
        })
        .collect();
    let mut articles: HashMap<String, String> = HashMap::default();
    let mut texts = Vec::with_capacity(raw.records.len());
    let file = raw.file;
    let sources = raw
        .records
        .iter()
        .zip(loaded)
        .map(|(source, article)| {
            let record = format!("source {}", source.id.get_ref());
            require_text(log, file, &record, "title", &source.title);
            require_text(log, file, &record, "outlet", &source.outlet);
            require_text(log, file, &record, "reliability_reason", &source.reliability_reason);
            match article {
                Ok((text, folded)) => {
                    articles.insert(source.id.get_ref().clone(), folded);
                    texts.push(text);
                }
                Err(message) => log.report(file, Some(source.file.span().start), Some(record), message),
            }
            Source {
                id: source.id.get_ref().clone(),
                title: source.title.get_ref().clone(),
                outlet: source.outlet.get_ref().clone(),
                author: source.author.clone(),
                published: source.published,
                published_basis: source.published_basis.clone(),
                file: source.file.get_ref().clone(),
                reliability: source.reliability,
                reliability_reason: source.reliability_reason.get_ref().clone(),
            }
        })
        .collect();
    if texts.len() != raw.records.len() {
        texts.clear();
    }
    (sources, articles, texts)
}

fn require_text(
    log: &mut ProblemLog<'_>,
    file: usize,
    record: &str,
    field: &str,
    value: &toml::Spanned<String>,
) {
    if value.get_ref().trim().is_empty() {
        let message = format!("`{field}` is empty; write it out");
        log.report(file, Some(value.span().start), Some(record.to_string()), message);
    }
}

//! The records events refer to: the dataset's name, then sources, actors and weapon types,
//! each read from its file, its ids defined, checked and turned into the model's records.

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

use super::problems::ProblemLog;
use super::provenance::load_article;
use super::raw::{RawActor, RawDatasetInfo, RawSource, RawWeapon};
use super::registry::{Reference, Registry};
use crate::model::{Actor, ActorKind, Source, WeaponType};

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
    let Ok(bytes) = log.files().read(INFO) else {
        return (fallback, None);
    };
    let file = log.add_file(INFO);
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

/// Read, define and check the sources, actors and weapon types, and read the articles.
pub(crate) fn read(log: &mut ProblemLog<'_>) -> Taxonomy {
    let mut sources = Registry::new("source", SOURCES);
    let raw_sources = sources.read::<RawSource>(log, SOURCES, "source");
    let mut actors = Registry::new("actor", ACTORS);
    let raw_actors = actors.read::<RawActor>(log, ACTORS, "actor");
    let mut weapons = Registry::new("weapon", WEAPONS);
    let raw_weapons = weapons.read::<RawWeapon>(log, WEAPONS, "weapon");

    for (file, source) in &raw_sources {
        sources.define(log, *file, source.id.get_ref(), source.id.span().start);
    }
    for (file, actor) in &raw_actors {
        actors.define(log, *file, actor.id.get_ref(), actor.id.span().start);
        actors.add_names(&actor.id, std::iter::once(actor.name.get_ref()).chain(&actor.aliases));
    }
    for (file, weapon) in &raw_weapons {
        weapons.define(log, *file, weapon.id.get_ref(), weapon.id.span().start);
        let names = std::iter::once(weapon.name.get_ref()).chain(&weapon.designations).chain(&weapon.aliases);
        weapons.add_names(&weapon.id, names);
    }
    let actor_records = check_actors(log, &actors, &raw_actors);
    let weapon_records = check_weapons(log, &raw_weapons);
    let (source_records, articles) = check_sources(log, &raw_sources);
    Taxonomy { sources, actors, weapons, source_records, actor_records, weapon_records, articles }
}

fn check_actors(log: &mut ProblemLog<'_>, actors: &Registry, raw: &[(usize, RawActor)]) -> Vec<Actor> {
    let states: HashSet<&str> = raw
        .iter()
        .filter(|(_, a)| a.kind == ActorKind::State)
        .map(|(_, a)| a.id.get_ref().as_str())
        .collect();
    raw.iter()
        .map(|(file, actor)| {
            let record = format!("actor {}", actor.id.get_ref());
            require_text(log, *file, &record, "name", &actor.name);
            if let Some(country) = &actor.country {
                let at = Some(country.span().start);
                match actors.check(country.get_ref()) {
                    Reference::Unknown(message) => log.report(*file, at, Some(record.clone()), message),
                    Reference::Known if !states.contains(country.get_ref().as_str()) => {
                        let message =
                            format!("country `{}` is not an actor of kind \"state\"", country.get_ref());
                        log.report(*file, at, Some(record.clone()), message);
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

fn check_weapons(log: &mut ProblemLog<'_>, raw: &[(usize, RawWeapon)]) -> Vec<WeaponType> {
    raw.iter()
        .map(|(file, weapon)| {
            require_text(log, *file, &format!("weapon {}", weapon.id.get_ref()), "name", &weapon.name);
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

/// The sources, and each one's article normalised for quote matching, by source id.
fn check_sources(
    log: &mut ProblemLog<'_>,
    raw: &[(usize, RawSource)],
) -> (Vec<Source>, HashMap<String, String>) {
    // Articles are read and normalised on every core; their problems are reported in order after.
    let files = log.files();
    let loaded: Vec<Result<String, String>> =
        raw.par_iter().map(|(_, source)| load_article(files, source.file.get_ref())).collect();
    let mut articles: HashMap<String, String> = HashMap::default();
    let sources = raw
        .iter()
        .zip(loaded)
        .map(|((file, source), article)| {
            let record = format!("source {}", source.id.get_ref());
            require_text(log, *file, &record, "title", &source.title);
            require_text(log, *file, &record, "outlet", &source.outlet);
            require_text(log, *file, &record, "reliability_reason", &source.reliability_reason);
            match article {
                Ok(text) => {
                    articles.insert(source.id.get_ref().clone(), text);
                }
                Err(message) => log.report(*file, Some(source.file.span().start), Some(record), message),
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
    (sources, articles)
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

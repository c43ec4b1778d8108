//! The records events refer to: the dataset's name, then sources, actors and weapon types,
//! each read from its file, its ids defined, checked and turned into the model's records.

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;

use toml::Spanned;

use super::confine::unreadable;
use super::diagnose::Damage;
use super::limits::{DATA_FILE_BYTES, NAME_CHARS, NAMES_PER_RECORD, SUMMARY_CHARS, too_long, too_many};
use super::problems::{ProblemLog, record_label};
use super::provenance::load_article;
use super::raw::{RawActor, RawDatasetInfo, RawSource, RawWeapon};
use super::registry::{Records, Reference, Registry};
use crate::model::{Actor, ActorKind, Place, Provenance, Source, Tally, WeaponType};

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

/// An article as written, and folded for quote matching, from the article as read (which
/// a reload may swap for an equal one it kept).
pub(crate) type Fold<'f> = dyn Fn(Arc<str>) -> Article + Sync + 'f;

/// Read, define and check the sources, actors and weapon types, and read the articles
/// (folded by `fold`); where each record is written and the articles go to `provenance`.
pub(crate) fn read(log: &mut ProblemLog<'_>, provenance: &mut Provenance, fold: &Fold<'_>) -> Taxonomy {
    let mut sources = Registry::new("source", SOURCES);
    let raw_sources = sources.read::<RawSource>(log, SOURCES, "source");
    let mut actors = Registry::new("actor", ACTORS);
    let raw_actors = actors.read::<RawActor>(log, ACTORS, "actor");
    let mut weapons = Registry::new("weapon", WEAPONS);
    let raw_weapons = weapons.read::<RawWeapon>(log, WEAPONS, "weapon");

    for (source, _) in &raw_sources.records {
        sources.define(log, raw_sources.file, source.id.get_ref(), source.id.span().start);
    }
    for (actor, _) in &raw_actors.records {
        actors.define(log, raw_actors.file, actor.id.get_ref(), actor.id.span().start);
        actors.add_names(&actor.id, std::iter::once(&actor.name).chain(&actor.aliases));
    }
    for (weapon, _) in &raw_weapons.records {
        weapons.define(log, raw_weapons.file, weapon.id.get_ref(), weapon.id.span().start);
        weapons.add_names(
            &weapon.id,
            std::iter::once(&weapon.name).chain(&weapon.designations).chain(&weapon.aliases),
        );
    }
    provenance.sources = places(provenance, &raw_sources);
    provenance.actors = places(provenance, &raw_actors);
    provenance.weapons = places(provenance, &raw_weapons);
    let actor_records = check_actors(log, &actors, &raw_actors);
    let weapon_records = check_weapons(log, &raw_weapons);
    let (source_records, articles, texts) = check_sources(log, &raw_sources, fold);
    provenance.articles = texts;
    Taxonomy { sources, actors, weapons, source_records, actor_records, weapon_records, articles }
}

/// Where each record of one file is written.
fn places<T>(provenance: &mut Provenance, records: &Records<T>) -> Vec<Place> {
    let file = provenance.add_file(&records.path);
    records.lines.iter().map(|&line| Place { file, line }).collect()
}

fn check_actors(
    log: &mut ProblemLog<'_>,
    actors: &Registry,
    raw: &Records<(RawActor, Damage)>,
) -> Vec<Actor> {
    // An actor whose kind can't be read may be a state: its country references aren't judged.
    let states: HashSet<&str> = raw
        .records
        .iter()
        .filter(|(a, damage)| a.kind == ActorKind::State || damage.has("kind"))
        .map(|(a, _)| a.id.get_ref().as_str())
        .collect();
    let file = raw.file;
    raw.records
        .iter()
        .map(|(actor, damage)| {
            let record = record_label("actor", actor.id.get_ref());
            let mut check = Texts { log: &mut *log, file, record: &record, damage };
            check.name("name", &actor.name);
            check.optional("role", actor.role.as_ref());
            check.names("aliases", &actor.aliases);
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
                role: actor.role.as_ref().map(|r| r.get_ref().clone()),
                aliases: texts(&actor.aliases),
            }
        })
        .collect()
}

fn check_weapons(log: &mut ProblemLog<'_>, raw: &Records<(RawWeapon, Damage)>) -> Vec<WeaponType> {
    raw.records
        .iter()
        .map(|(weapon, damage)| {
            let record = record_label("weapon", weapon.id.get_ref());
            let mut check = Texts { log: &mut *log, file: raw.file, record: &record, damage };
            check.name("name", &weapon.name);
            check.names("designations", &weapon.designations);
            check.names("aliases", &weapon.aliases);
            if Tally::parse(weapon.id.get_ref()).is_some() {
                // A quantity's item would mean the tally term, and the weapon could not be counted.
                let message = format!(
                    "\"{}\" is a tally term for quantities (docs/DATA.md, \"Items\"); give the weapon type another id",
                    weapon.id.get_ref()
                );
                check.report(&weapon.id, message);
            }
            WeaponType {
                id: weapon.id.get_ref().clone(),
                name: weapon.name.get_ref().clone(),
                category: weapon.category,
                designations: texts(&weapon.designations),
                aliases: texts(&weapon.aliases),
            }
        })
        .collect()
}

fn texts(values: &[Spanned<String>]) -> Vec<String> {
    values.iter().map(|value| value.get_ref().clone()).collect()
}

/// The checks of a taxonomy record's texts: written out, and within their limits.
struct Texts<'l, 'a> {
    log: &'l mut ProblemLog<'a>,
    file: usize,
    record: &'l str,
    /// Fields that are stand-ins, not checked.
    damage: &'l Damage,
}

impl Texts<'_, '_> {
    fn report(&mut self, value: &Spanned<String>, message: String) {
        self.log.report(self.file, Some(value.span().start), Some(self.record.to_string()), message);
    }

    /// A name that must be written out, within the length of a name.
    fn name(&mut self, field: &str, value: &Spanned<String>) {
        self.required(field, value, NAME_CHARS);
    }

    /// A text that must be written out, within `limit` characters.
    fn required(&mut self, field: &str, value: &Spanned<String>, limit: usize) {
        if self.damage.has(field) {
            return;
        }
        if value.get_ref().trim().is_empty() {
            self.report(value, format!("`{field}` is empty; write it out"));
        }
        self.within(field, value, limit);
    }

    /// A text that may be left out, within the length of a name.
    fn optional(&mut self, field: &str, value: Option<&Spanned<String>>) {
        if let Some(value) = value {
            self.within(field, value, NAME_CHARS);
        }
    }

    /// An optional web address: http or https, with no spaces or control characters.
    fn url(&mut self, field: &str, value: Option<&Spanned<String>>) {
        let Some(value) = value else { return };
        let text = value.get_ref();
        let scheme = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"));
        let valid = scheme.is_some_and(|rest| {
            !rest.is_empty() && !rest.chars().any(|c| c.is_whitespace() || c.is_control())
        });
        if !valid {
            self.report(
                value,
                format!("`{field}` must be a web address starting with https:// or http://, with no spaces"),
            );
        } else {
            self.within(field, value, SUMMARY_CHARS);
        }
    }

    fn within(&mut self, field: &str, value: &Spanned<String>, limit: usize) {
        if let Some(problem) = too_long(value.get_ref(), limit) {
            self.report(value, format!("`{field}` {problem}"));
        }
    }

    /// A list of names: not too many, none too long.
    fn names(&mut self, field: &str, values: &[Spanned<String>]) {
        if let Some(problem) = too_many(values.len(), NAMES_PER_RECORD) {
            self.report(&values[NAMES_PER_RECORD], format!("`{field}` {problem}"));
        }
        for value in values {
            if let Some(problem) = too_long(value.get_ref(), NAME_CHARS) {
                self.report(value, format!("an entry of `{field}` {problem}"));
            }
        }
    }
}

/// An article as written, and folded for quote matching.
pub(crate) type Article = (Arc<str>, String);

/// The sources; each one's article folded for quote matching, by source id; and each one's
/// article as written, in order (all of them, or none when one could not be read).
fn check_sources(
    log: &mut ProblemLog<'_>,
    raw: &Records<(RawSource, Damage)>,
    fold: &Fold<'_>,
) -> (Vec<Source>, HashMap<String, String>, Vec<Arc<str>>) {
    // Articles are read and folded on every core; their problems are reported in order after.
    let files = log.files();
    let loaded: Vec<Option<Result<Article, String>>> = raw
        .records
        .par_iter()
        .map(|(source, damage)| {
            let text = (!damage.has("file")).then(|| load_article(files, source.file.get_ref()))?;
            Some(text.map(fold))
        })
        .collect();
    let mut articles: HashMap<String, String> = HashMap::default();
    let mut texts = Vec::with_capacity(raw.records.len());
    let sources = raw
        .records
        .iter()
        .zip(loaded)
        .map(|((source, damage), article)| {
            let record = record_label("source", source.id.get_ref());
            let mut check = Texts { log: &mut *log, file: raw.file, record: &record, damage };
            check.name("title", &source.title);
            check.name("outlet", &source.outlet);
            check.optional("author", source.author.as_ref());
            check.required("reliability_reason", &source.reliability_reason, SUMMARY_CHARS);
            check.url("url", source.url.as_ref());
            check.url("archived_url", source.archived_url.as_ref());
            match article {
                Some(Ok((text, folded))) => {
                    articles.insert(source.id.get_ref().clone(), folded);
                    texts.push(text);
                }
                Some(Err(message)) => {
                    log.report(raw.file, Some(source.file.span().start), Some(record), message)
                }
                None => {}
            }
            Source {
                id: source.id.get_ref().clone(),
                title: source.title.get_ref().clone(),
                outlet: source.outlet.get_ref().clone(),
                author: source.author.as_ref().map(|a| a.get_ref().clone()),
                published: source.published,
                published_basis: source.published_basis.clone(),
                file: source.file.get_ref().clone(),
                reliability: source.reliability,
                reliability_reason: source.reliability_reason.get_ref().clone(),
                url: source.url.as_ref().map(|u| u.get_ref().clone()),
                archived_url: source.archived_url.as_ref().map(|u| u.get_ref().clone()),
            }
        })
        .collect();
    if texts.len() != raw.records.len() {
        texts.clear();
    }
    (sources, articles, texts)
}

//! Cross-record checks: ids, references, seed files, quotes and the rules of each record.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::Reader;
use super::files::is_inside_dataset;
use super::raw::{Id, RawActor, RawDatasetInfo, RawEvent, RawSource, RawWeapon};
use crate::model::{Actor, ActorKind, Citation, Dataset, Event, Qualifier, Quantity, Source, WeaponType};

const SOURCES: &str = "data/sources.toml";
const ACTORS: &str = "data/actors.toml";
const WEAPONS: &str = "data/weapons.toml";
const INFO: &str = "data/dataset.toml";

pub(crate) fn validate(reader: &mut Reader<'_>) -> Option<Dataset> {
    let (name, description) = dataset_info(reader);

    let mut sources = Registry::new("source", SOURCES);
    let raw_sources = sources.read::<RawSource>(reader, SOURCES, "source");
    let mut actors = Registry::new("actor", ACTORS);
    let raw_actors = actors.read::<RawActor>(reader, ACTORS, "actor");
    let mut weapons = Registry::new("weapon", WEAPONS);
    let raw_weapons = weapons.read::<RawWeapon>(reader, WEAPONS, "weapon");

    let mut events = Registry::new("event", "data/events/");
    let mut raw_events = Vec::new();
    match reader.files().event_files() {
        Ok(paths) => {
            for path in paths {
                raw_events.extend(events.read::<RawEvent>(reader, &path, "event"));
            }
        }
        Err(error) => {
            let file = reader.note_file("data/events/");
            reader.report(
                file,
                None,
                None,
                format!(
                    "cannot list the event files ({error}); create data/events/ with one or more .toml files"
                ),
            );
        }
    }

    for (file, source) in &raw_sources {
        sources.define(reader, *file, &source.id);
    }
    for (file, actor) in &raw_actors {
        actors.define(reader, *file, &actor.id);
        actors.add_names(&actor.id, std::iter::once(actor.name.get_ref()).chain(&actor.aliases));
    }
    for (file, weapon) in &raw_weapons {
        weapons.define(reader, *file, &weapon.id);
        weapons.add_names(
            &weapon.id,
            std::iter::once(weapon.name.get_ref()).chain(&weapon.designations).chain(&weapon.aliases),
        );
    }
    for (file, event) in &raw_events {
        events.define(reader, *file, &event.id);
    }
    if events.complete && raw_events.is_empty() && !events.has_broken_records() {
        let file = reader.note_file("data/events/");
        reader.report(
            file,
            None,
            None,
            "the dataset has no events; add [[event]] records to a .toml file in data/events/".into(),
        );
    }

    let states: HashSet<&str> = raw_actors
        .iter()
        .filter(|(_, a)| a.kind == ActorKind::State)
        .map(|(_, a)| a.id.get_ref().as_str())
        .collect();
    let actors_out: Vec<Actor> = raw_actors
        .iter()
        .map(|(file, actor)| {
            let record = format!("actor {}", actor.id.get_ref());
            require_text(reader, *file, &record, "name", &actor.name);
            if let Some(country) = &actor.country {
                if actors.resolves(reader, *file, &record, country)
                    && !states.contains(country.get_ref().as_str())
                {
                    let message =
                        format!("country `{}` is not an actor of kind \"state\"", country.get_ref());
                    reader.report(*file, Some(country.span().start), Some(record.clone()), message);
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
        .collect();

    let weapons_out: Vec<WeaponType> = raw_weapons
        .iter()
        .map(|(file, weapon)| {
            require_text(reader, *file, &format!("weapon {}", weapon.id.get_ref()), "name", &weapon.name);
            WeaponType {
                id: weapon.id.get_ref().clone(),
                name: weapon.name.get_ref().clone(),
                category: weapon.category,
                designations: weapon.designations.clone(),
                aliases: weapon.aliases.clone(),
            }
        })
        .collect();

    let mut articles: HashMap<String, String> = HashMap::new();
    let sources_out: Vec<Source> = raw_sources
        .iter()
        .map(|(file, source)| {
            let record = format!("source {}", source.id.get_ref());
            require_text(reader, *file, &record, "title", &source.title);
            require_text(reader, *file, &record, "outlet", &source.outlet);
            require_text(reader, *file, &record, "reliability_reason", &source.reliability_reason);
            if let Some(text) = read_article(reader, *file, &record, &source.file) {
                articles.insert(source.id.get_ref().clone(), normalise_for_quote(&text));
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

    let refs = References {
        sources: &sources,
        actors: &actors,
        weapons: &weapons,
        events: &events,
        articles: &articles,
    };
    let events_out: Vec<Event> =
        raw_events.into_iter().map(|(file, event)| check_event(reader, file, event, &refs)).collect();

    if reader.has_problems() {
        return None;
    }
    let mut dataset = Dataset::new(name, sources_out, actors_out, weapons_out, events_out);
    dataset.description = description;
    Some(dataset)
}

/// The name and description in `data/dataset.toml`; the name defaults to the folder's.
fn dataset_info(reader: &mut Reader<'_>) -> (String, Option<String>) {
    let fallback = reader.files().label();
    if reader.files().read(INFO).is_err() {
        return (fallback, None);
    }
    let Some(file) = reader.read_text(INFO, "") else {
        return (fallback, None);
    };
    let parsed = toml::Deserializer::parse(reader.text(file)).and_then(RawDatasetInfo::deserialize);
    match parsed {
        Ok(info) => (info.name.filter(|n| !n.trim().is_empty()).unwrap_or(fallback), info.description),
        Err(error) => {
            let offset = error.span().map(|s| s.start);
            let message = format!("{}; this file takes `name` and `description`", error.message().trim());
            reader.report(file, offset, None, message);
            (fallback, None)
        }
    }
}

/// Runs of white space count as one space; typographic quotes equal their plain forms.
pub fn normalise_for_quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        out.push(match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
            other => other,
        });
    }
    out
}

fn require_text(
    reader: &mut Reader<'_>,
    file: usize,
    record: &str,
    field: &str,
    value: &toml::Spanned<String>,
) {
    if value.get_ref().trim().is_empty() {
        let message = format!("`{field}` is empty; write it out");
        reader.report(file, Some(value.span().start), Some(record.to_string()), message);
    }
}

fn read_article(
    reader: &mut Reader<'_>,
    file: usize,
    record: &str,
    path: &toml::Spanned<String>,
) -> Option<String> {
    let at = Some(path.span().start);
    let record = Some(record.to_string());
    if !is_inside_dataset(path.get_ref()) {
        let message = format!(
            "`file` \"{}\" must be a path inside the dataset, such as seeds/article.txt",
            path.get_ref()
        );
        reader.report(file, at, record, message);
        return None;
    }
    let shown = reader.files().display_path(path.get_ref());
    match reader.files().read(path.get_ref()) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(text),
            Err(error) => {
                let message = format!(
                    "the article {shown} is not valid UTF-8 (first bad byte at offset {}); save it as UTF-8",
                    error.utf8_error().valid_up_to()
                );
                reader.report(file, at, record, message);
                None
            }
        },
        Err(error) => {
            let why = if error.kind() == std::io::ErrorKind::NotFound {
                "does not exist".to_string()
            } else {
                format!("cannot be read ({error})")
            };
            reader.report(
                file,
                at,
                record,
                format!("the article {shown} {why}; put the article there or correct `file`"),
            );
            None
        }
    }
}

/// The ids of one record type: where each is defined, and the names that suggest it.
struct Registry {
    kind: &'static str,
    home: &'static str,
    defined: HashMap<String, (usize, usize)>,
    /// Ids of records that failed to parse: references to them are not reported again.
    broken: Vec<String>,
    /// False when a file of this type could not be read or parsed, so references can't be judged.
    complete: bool,
    /// Lower-cased names and aliases, each with the id it belongs to, for suggestions.
    names: Vec<(String, String)>,
}

impl Registry {
    fn new(kind: &'static str, home: &'static str) -> Self {
        Self { kind, home, defined: HashMap::new(), broken: Vec::new(), complete: true, names: Vec::new() }
    }

    fn read<T: serde::de::DeserializeOwned>(
        &mut self,
        reader: &mut Reader<'_>,
        path: &str,
        key: &str,
    ) -> Vec<(usize, T)> {
        let hint = format!("create it with [[{key}]] records (see docs/DATA.md)");
        let Some(file) = reader.read_text(path, &hint) else {
            self.complete = false;
            return Vec::new();
        };
        match reader.records::<T>(file, key, &mut self.broken) {
            Some(records) => records.into_iter().map(|r| (file, r)).collect(),
            None => {
                self.complete = false;
                Vec::new()
            }
        }
    }

    fn has_broken_records(&self) -> bool {
        !self.broken.is_empty()
    }

    fn define(&mut self, reader: &mut Reader<'_>, file: usize, id: &Id) {
        let text = id.get_ref();
        let record = Some(format!("{} {text}", self.kind));
        if !is_valid_id(text) {
            let message = format!(
                "id \"{text}\" must be lower-case letters, digits and single hyphens, like \"north-korea\""
            );
            reader.report(file, Some(id.span().start), record.clone(), message);
        }
        if let Some(&(first_file, first_offset)) = self.defined.get(text) {
            let first = reader.location(first_file, first_offset);
            let message = format!(
                "duplicate {} id \"{text}\", first defined at {first}; give one of them another id",
                self.kind
            );
            reader.report(file, Some(id.span().start), record, message);
            return;
        }
        self.defined.insert(text.clone(), (file, id.span().start));
        self.names.push((text.clone(), text.clone()));
    }

    fn add_names<'n>(&mut self, id: &Id, names: impl Iterator<Item = &'n String>) {
        for name in names {
            self.names.push((name.to_lowercase(), id.get_ref().clone()));
        }
    }

    /// Report `reference` if it names no record of this type; true when it resolves.
    fn resolves(&self, reader: &mut Reader<'_>, file: usize, record: &str, reference: &Id) -> bool {
        let id = reference.get_ref();
        if self.defined.contains_key(id) {
            return true;
        }
        if !self.complete || self.broken.contains(id) {
            return false;
        }
        let suggestion =
            suggest_id(id, &self.names).map(|s| format!("did you mean \"{s}\"? ")).unwrap_or_default();
        let message = format!(
            "unknown {} \"{id}\"; {suggestion}use an id defined in {} or add one there",
            self.kind, self.home
        );
        reader.report(file, Some(reference.span().start), Some(record.to_string()), message);
        false
    }
}

/// Lower-case letters and digits in hyphen-separated words.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The id whose name or alias is closest to `input`, if any is close enough to be a likely typo.
/// A whole word of a name counts too, a little less than the whole name (`budanov`).
pub fn suggest_id<'a>(input: &str, names: &'a [(String, String)]) -> Option<&'a str> {
    let input = input.to_lowercase();
    let similarity = |name: &str| {
        let whole = strsim::normalized_damerau_levenshtein(&input, name);
        let best_word = name
            .split(|c: char| c == '-' || c.is_whitespace())
            .filter(|word| word.len() >= 3)
            .map(|word| 0.95 * strsim::normalized_damerau_levenshtein(&input, word))
            .fold(0.0, f64::max);
        whole.max(best_word)
    };
    names
        .iter()
        .map(|(name, id)| (similarity(name), id))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id.as_str())
}

struct References<'r> {
    sources: &'r Registry,
    actors: &'r Registry,
    weapons: &'r Registry,
    events: &'r Registry,
    /// Each source's article, normalised for quote matching.
    articles: &'r HashMap<String, String>,
}

fn check_event(reader: &mut Reader<'_>, file: usize, event: RawEvent, refs: &References<'_>) -> Event {
    let record = format!("event {}", event.id.get_ref());
    let report = |reader: &mut Reader<'_>, offset: usize, message: String| {
        reader.report(file, Some(offset), Some(record.clone()), message);
    };
    require_text(reader, file, &record, "title", &event.title);
    require_text(reader, file, &record, "summary", &event.summary);
    if let Some(until) = &event.until {
        if until.get_ref().last_day() < event.date.get_ref().first_day() {
            report(
                reader,
                until.span().start,
                format!(
                    "`until` {} is before `date` {}; swap them or correct one",
                    until.get_ref(),
                    event.date.get_ref()
                ),
            );
        }
    }
    for actor in event.actors.iter().chain(&event.from).chain(&event.to).chain(event.claimed_by.get_ref()) {
        refs.actors.resolves(reader, file, &record, actor);
    }
    if event.claimed_by.get_ref().is_empty() {
        report(
            reader,
            event.claimed_by.span().start,
            "`claimed_by` is empty; name who asserts this (an actor id)".into(),
        );
    }
    for weapon in &event.weapons {
        refs.weapons.resolves(reader, file, &record, weapon);
    }
    for related in &event.related {
        if related.get_ref() == event.id.get_ref() {
            report(
                reader,
                related.span().start,
                "an event cannot be related to itself; remove it from `related`".into(),
            );
        } else {
            refs.events.resolves(reader, file, &record, related);
        }
    }
    for quantity in &event.quantities {
        let q = quantity.get_ref();
        let between = q.qualifier.as_ref().is_some_and(|k| *k.get_ref() == Qualifier::Between);
        match (&q.amount_max, between) {
            (None, true) => {
                report(reader, quantity.span().start, "qualifier \"between\" needs `amount_max`".into())
            }
            (Some(max), _) if *max.get_ref() < q.amount => report(
                reader,
                max.span().start,
                format!("`amount_max` {} is less than `amount` {}", max.get_ref(), q.amount),
            ),
            (Some(max), false) if q.qualifier.is_some() => report(
                reader,
                max.span().start,
                "`amount_max` goes with qualifier \"between\" (or none)".into(),
            ),
            _ => {}
        }
        require_text(reader, file, &record, "unit", &q.unit);
    }
    if event.citations.is_empty() {
        report(
            reader,
            event.id.span().start,
            "the event has no citations; add [[event.citations]] with a source id and a verbatim quote"
                .into(),
        );
    }
    for citation in &event.citations {
        if !refs.sources.resolves(reader, file, &record, &citation.source) {
            continue;
        }
        let quote = normalise_for_quote(citation.quote.get_ref());
        let Some(article) = refs.articles.get(citation.source.get_ref()) else {
            continue; // The article could not be read; that is reported at the source.
        };
        if quote.is_empty() {
            report(
                reader,
                citation.quote.span().start,
                "the quote is empty; copy the supporting words from the article".into(),
            );
        } else if !article.contains(&quote) {
            let message = format!(
                "quote not found in source \"{}\"; copy it exactly from the article (only white space and typographic quotes may differ)",
                citation.source.get_ref()
            );
            report(reader, citation.quote.span().start, message);
        }
    }
    Event {
        id: event.id.into_inner(),
        date: event.date.into_inner(),
        until: event.until.map(toml::Spanned::into_inner),
        date_basis: event.date_basis,
        reported: event.reported,
        reported_basis: event.reported_basis,
        title: event.title.into_inner(),
        summary: event.summary.into_inner(),
        kind: event.kind,
        status: event.status,
        actors: event.actors.into_iter().map(toml::Spanned::into_inner).collect(),
        weapons: event.weapons.into_iter().map(toml::Spanned::into_inner).collect(),
        from: event.from.map(toml::Spanned::into_inner),
        to: event.to.map(toml::Spanned::into_inner),
        claimed_by: event.claimed_by.into_inner().into_iter().map(toml::Spanned::into_inner).collect(),
        related: event.related.into_iter().map(toml::Spanned::into_inner).collect(),
        quantities: event
            .quantities
            .into_iter()
            .map(|q| {
                let q = q.into_inner();
                Quantity {
                    amount: q.amount,
                    amount_max: q.amount_max.map(toml::Spanned::into_inner),
                    unit: q.unit.into_inner(),
                    item: q.item,
                    qualifier: q.qualifier.map(toml::Spanned::into_inner),
                }
            })
            .collect(),
        citations: event
            .citations
            .into_iter()
            .map(|c| Citation { source: c.source.into_inner(), quote: c.quote.into_inner() })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_forgive_white_space_and_typographic_quotes_only() {
        assert_eq!(normalise_for_quote("  “arms  for\n liftoff”  it’s "), "\"arms for liftoff\" it's");
        assert_ne!(normalise_for_quote("arms-for-liftoff"), normalise_for_quote("arms for liftoff"));
    }

    #[test]
    fn ids_are_kebab_case() {
        for good in ["north-korea", "kn-23", "m1989", "a"] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in ["", "North-Korea", "north_korea", "-x", "x-", "a--b", "é"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn suggests_the_nearest_id_or_alias() {
        let names = vec![
            ("north-korea".to_string(), "north-korea".to_string()),
            ("dprk".to_string(), "north-korea".to_string()),
            ("russia".to_string(), "russia".to_string()),
        ];
        assert_eq!(suggest_id("nort-korea", &names), Some("north-korea"));
        assert_eq!(suggest_id("DPRK", &names), Some("north-korea"));
        assert_eq!(suggest_id("rusia", &names), Some("russia"));
        assert_eq!(suggest_id("ukraine", &names), None);
        let people = vec![("kyrylo budanov".to_string(), "kyrylo-budanov".to_string())];
        assert_eq!(suggest_id("budanov", &people), Some("kyrylo-budanov"), "a word of the name");
    }
}

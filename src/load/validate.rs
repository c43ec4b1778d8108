//! Cross-record checks: ids, references, seed files, quotes and the rules of each record.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use serde::Deserialize;

use super::files::is_inside_dataset;
use super::raw::{Id, RawActor, RawDatasetInfo, RawEvent, RawSource, RawWeapon};
use super::{Progress, Reader, RecordProblem, parse_and_check, parse_file};
use crate::model::{
    Actor, ActorKind, Citation, Dataset, Event, EventFacets, IdIndex, Qualifier, Quantity, Source,
    WeaponType, group_thousands,
};
use crate::text::suggest_id;

const SOURCES: &str = "data/sources.toml";
const ACTORS: &str = "data/actors.toml";
const WEAPONS: &str = "data/weapons.toml";
const INFO: &str = "data/dataset.toml";

/// The longest a title, a summary and a quote may be, in characters: past these a record is
/// almost surely a paste gone wrong, and would swamp the screen and the export.
const TITLE_LIMIT: usize = 500;
const SUMMARY_LIMIT: usize = 20_000;
const QUOTE_LIMIT: usize = 10_000;

pub(crate) fn validate(reader: &mut Reader<'_>, progress: &(dyn Fn(Progress) + Sync)) -> Option<Dataset> {
    let (name, description) = dataset_info(reader);

    let mut sources = Registry::new("source", SOURCES);
    let raw_sources = sources.read::<RawSource>(reader, SOURCES, "source");
    let mut actors = Registry::new("actor", ACTORS);
    let raw_actors = actors.read::<RawActor>(reader, ACTORS, "actor");
    let mut weapons = Registry::new("weapon", WEAPONS);
    let raw_weapons = weapons.read::<RawWeapon>(reader, WEAPONS, "weapon");

    for (file, source) in &raw_sources {
        sources.define(reader, *file, source.id.get_ref(), source.id.span().start);
    }
    for (file, actor) in &raw_actors {
        actors.define(reader, *file, actor.id.get_ref(), actor.id.span().start);
        actors.add_names(&actor.id, std::iter::once(actor.name.get_ref()).chain(&actor.aliases));
    }
    for (file, weapon) in &raw_weapons {
        weapons.define(reader, *file, weapon.id.get_ref(), weapon.id.span().start);
        let names = std::iter::once(weapon.name.get_ref()).chain(&weapon.designations).chain(&weapon.aliases);
        weapons.add_names(&weapon.id, names);
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
                match actors.check(country.get_ref()) {
                    Err(Some(message)) => {
                        reader.report(*file, Some(country.span().start), Some(record.clone()), message)
                    }
                    Ok(()) if !states.contains(country.get_ref().as_str()) => {
                        let message =
                            format!("country `{}` is not an actor of kind \"state\"", country.get_ref());
                        reader.report(*file, Some(country.span().start), Some(record.clone()), message);
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

    // Articles are read and normalised on every core; their problems are reported in order after.
    let files = reader.files();
    let loaded: Vec<Result<String, String>> =
        raw_sources.par_iter().map(|(_, source)| load_article(files, source.file.get_ref())).collect();
    let mut articles: HashMap<String, String> = HashMap::default();
    let sources_out: Vec<Source> = raw_sources
        .iter()
        .zip(loaded)
        .map(|((file, source), article)| {
            let record = format!("source {}", source.id.get_ref());
            require_text(reader, *file, &record, "title", &source.title);
            require_text(reader, *file, &record, "outlet", &source.outlet);
            require_text(reader, *file, &record, "reliability_reason", &source.reliability_reason);
            match article {
                Ok(text) => {
                    articles.insert(source.id.get_ref().clone(), text);
                }
                Err(message) => {
                    reader.report(*file, Some(source.file.span().start), Some(record.clone()), message)
                }
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

    let refs = References { sources: &sources, actors: &actors, weapons: &weapons, articles: &articles };
    let mut events = Registry::new("event", "data/events/");
    let mut parsed_files = Vec::new();
    match reader.files().event_files() {
        Ok(paths) => {
            let files = reader.files();
            let done = AtomicUsize::new(0);
            let hint = "create it with [[event]] records (see docs/DATA.md)";
            let check = |raw: RawEvent, base: usize| check_event(raw, &refs, base);
            parsed_files = paths
                .par_iter()
                .map(|path| {
                    let parsed = parse_and_check(files, path, "event", hint, &check);
                    let files_done = done.fetch_add(1, Ordering::Relaxed) + 1;
                    progress(Progress { files_done, files_total: paths.len() });
                    parsed
                })
                .collect();
        }
        Err(error) => {
            events.complete = false;
            let file = reader.add_file("data/events/");
            let message = format!(
                "cannot list the event files ({error}); create data/events/ with one or more .toml files"
            );
            reader.report(file, None, None, message);
        }
    }
    // Gather every file's events into one vector of the exact size (they are boxed, so only
    // pointers move); what the checks across files need is kept beside it.
    let total = parsed_files.iter().map(|f| f.records.len()).sum();
    let mut events_out: Vec<Box<Event>> = Vec::with_capacity(total);
    let mut facets: Vec<EventFacets> = Vec::with_capacity(total);
    let mut placements: Vec<Placement> = Vec::with_capacity(total);
    for parsed in parsed_files {
        for (file, (event, event_facets, placement)) in events.absorb(reader, parsed) {
            events_out.push(event);
            facets.push(event_facets);
            placements.push(Placement { file, ..placement });
        }
    }
    // Ids were checked in form with each event; repeats and references are found by an index
    // of hashes built on every core.
    let ids = IdIndex::new(events_out.par_iter().map(|e| e.id.as_str()));
    let id_of = |i: usize| events_out[i].id.as_str();
    for (later, first) in ids.repeats(id_of) {
        let (at, first) = (&placements[later], &placements[first]);
        let first = reader.location(first.file, first.id_offset);
        let id = id_of(later);
        reader.report(
            at.file,
            Some(at.id_offset),
            Some(format!("event {id}")),
            duplicate_id("event", id, &first),
        );
    }
    if events.complete && events_out.is_empty() && !events.has_broken_records() {
        let file = reader.add_file("data/events/");
        let message = "the dataset has no events; add [[event]] records to a .toml file in data/events/";
        reader.report(file, None, None, message.into());
    }
    for (event, placement) in events_out.iter().zip(&placements) {
        for (related, offset) in event.related.iter().zip(&placement.related_offsets) {
            if related != &event.id && ids.find(related, id_of).is_none() {
                let all_ids = events_out.iter().map(|e| e.id.as_str());
                if let Some(message) = events.unknown(related, events_out.len(), all_ids) {
                    reader.report(
                        placement.file,
                        Some(*offset),
                        Some(format!("event {}", event.id)),
                        message,
                    );
                }
            }
        }
    }
    drop(placements);

    if reader.has_problems() {
        return None;
    }
    let dataset = Dataset::assemble(name, sources_out, actors_out, weapons_out, events_out, Some(facets));
    let dataset = dataset.with_description(description);
    Some(dataset)
}

/// The name and description in `data/dataset.toml`; the name defaults to the folder's.
fn dataset_info(reader: &mut Reader<'_>) -> (String, Option<String>) {
    let fallback = reader.files().label();
    let Ok(bytes) = reader.files().read(INFO) else {
        return (fallback, None);
    };
    let file = reader.add_file(INFO);
    let Ok(text) = String::from_utf8(bytes) else {
        reader.report(file, None, None, "the file is not valid UTF-8; save it as UTF-8".into());
        return (fallback, None);
    };
    let parsed = toml::Deserializer::parse(&text).and_then(RawDatasetInfo::deserialize);
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

/// `text` as `normalise_for_quote` would make it, borrowed when it already is (most quotes):
/// printable ASCII with single spaces, none at either end. The tests have no early exit, so
/// they compile to vector instructions.
fn normalised(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let printable = bytes.iter().fold(true, |all, &b| all & (b' '..=b'~').contains(&b));
    let pairs = bytes.iter().zip(bytes.iter().skip(1));
    let doubled = pairs.fold(false, |any, (&a, &b)| any | (a == b' ' && b == b' '));
    let ends = bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ');
    if text.is_empty() || (printable && !doubled && !ends) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(normalise_for_quote(text))
    }
}

/// Whether `needle` occurs in `haystack`. Building a searcher costs time in proportion to
/// the needle, more than searching an article does, so one is built for the needle's first
/// bytes only and each place they occur is compared in full.
fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    const HEAD: usize = 16;
    if needle.len() <= HEAD {
        return memchr::memmem::find(haystack, needle).is_some();
    }
    let finder = memchr::memmem::Finder::new(&needle[..HEAD]);
    let mut from = 0;
    while let Some(found) = finder.find(&haystack[from..]) {
        let at = from + found;
        if haystack[at..].starts_with(needle) {
            return true;
        }
        from = at + 1;
    }
    false
}

/// White space as `char::is_whitespace` sees it, for ASCII bytes (tab to carriage return, space).
fn is_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// Runs of white space count as one space; typographic quotes equal their plain forms.
pub fn normalise_for_quote(text: &str) -> String {
    if text.is_ascii() {
        // Most articles: work on bytes (ASCII has no typographic quotes to map).
        let mut out = Vec::with_capacity(text.len());
        let mut in_space = false;
        for &b in text.trim().as_bytes() {
            if is_space(b) {
                if !in_space {
                    out.push(b' ');
                }
                in_space = true;
            } else {
                in_space = false;
                out.push(b);
            }
        }
        // ASCII in, ASCII out: always valid UTF-8.
        return String::from_utf8(out).unwrap_or_default();
    }
    normalise_chars(text)
}

/// `normalise_for_quote` for any text, character by character.
fn normalise_chars(text: &str) -> String {
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

/// The article at `path`, normalised for quote matching, or what is wrong with it.
fn load_article(files: &dyn super::DatasetFiles, path: &str) -> Result<String, String> {
    if !is_inside_dataset(path) {
        return Err(format!(
            "`file` \"{path}\" must be a path inside the dataset, such as seeds/article.txt"
        ));
    }
    let shown = files.display_path(path);
    match files.read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok(normalise_for_quote(&text)),
            Err(error) => Err(format!(
                "the article {shown} is not valid UTF-8 (first bad byte at offset {}); save it as UTF-8",
                error.utf8_error().valid_up_to()
            )),
        },
        Err(error) => {
            let why = if error.kind() == std::io::ErrorKind::NotFound {
                "does not exist".to_string()
            } else {
                format!("cannot be read ({error})")
            };
            Err(format!("the article {shown} {why}; put the article there or correct `file`"))
        }
    }
}

/// The ids of one record type: where each is defined, and the names that suggest it.
struct Registry {
    kind: &'static str,
    home: &'static str,
    /// Each id's file, byte offset and position among the records of its type.
    defined: HashMap<String, (usize, usize, u32)>,
    /// How many records were defined (so the next one's position).
    records: u32,
    /// Ids of records that failed to parse: references to them are not reported again.
    broken: HashSet<String>,
    /// False when a file of this type could not be read or parsed, so references can't be judged.
    complete: bool,
    /// Lower-cased names and aliases, each with the id it belongs to, for suggestions.
    names: Vec<(String, String)>,
}

impl Registry {
    fn new(kind: &'static str, home: &'static str) -> Self {
        Self {
            kind,
            home,
            defined: HashMap::default(),
            records: 0,
            broken: HashSet::default(),
            complete: true,
            names: Vec::new(),
        }
    }

    fn read<T: serde::de::DeserializeOwned>(
        &mut self,
        reader: &mut Reader<'_>,
        path: &str,
        key: &str,
    ) -> Vec<(usize, T)> {
        let hint = format!("create it with [[{key}]] records (see docs/DATA.md)");
        let parsed = parse_file::<T>(reader.files(), path, key, &hint);
        self.absorb(reader, parsed).collect()
    }

    /// Take in one parsed file of this record type.
    fn absorb<T>(
        &mut self,
        reader: &mut Reader<'_>,
        parsed: super::ParsedFile<T>,
    ) -> impl Iterator<Item = (usize, T)> + use<T> {
        self.complete &= parsed.complete;
        self.broken.extend(parsed.broken.iter().cloned());
        let (file, records) = reader.absorb(parsed);
        records.into_iter().map(move |r| (file, r))
    }

    fn has_broken_records(&self) -> bool {
        !self.broken.is_empty()
    }

    fn define(&mut self, reader: &mut Reader<'_>, file: usize, text: &str, offset: usize) {
        let record = Some(format!("{} {text}", self.kind));
        if let Some(message) = invalid_id(text) {
            reader.report(file, Some(offset), record.clone(), message);
        }
        let position = self.records;
        self.records += 1;
        if let Some(&(first_file, first_offset, _)) = self.defined.get(text) {
            let first = reader.location(first_file, first_offset);
            reader.report(file, Some(offset), record, duplicate_id(self.kind, text, &first));
            return;
        }
        self.defined.insert(text.to_string(), (file, offset, position));
    }

    fn add_names<'n>(&mut self, id: &Id, names: impl Iterator<Item = &'n String>) {
        for name in names {
            self.names.push((name.to_lowercase(), id.get_ref().clone()));
        }
    }

    /// The position of the record with this id among those of its type.
    fn position(&self, id: &str) -> Option<u32> {
        self.defined.get(id).map(|&(_, _, position)| position)
    }

    /// Ok when `reference` names a record of this type; else the message to report, or
    /// None when it can't be judged (its file is broken, or the record failed to parse).
    fn check(&self, id: &str) -> Result<(), Option<String>> {
        if self.defined.contains_key(id) {
            return Ok(());
        }
        Err(self.unknown(id, self.defined.len(), self.defined.keys().map(String::as_str)))
    }

    /// What to say of a reference to `id`, an id no record of this type has (`ids` are those
    /// that are defined, `count` of them); None when it can't be judged (see `check`).
    fn unknown<'a>(&'a self, id: &str, count: usize, ids: impl Iterator<Item = &'a str>) -> Option<String> {
        if !self.complete || self.broken.contains(id) {
            return None;
        }
        // Comparing against every id costs a little per wrong reference; past a taxonomy's size
        // (a large event set) that would make a report of many errors slow, so don't guess there.
        let suggestion = if count <= MAX_SUGGESTION_CANDIDATES {
            let ids = ids.map(|k| (k, k));
            let names = self.names.iter().map(|(name, id)| (name.as_str(), id.as_str()));
            suggest_id(id, ids.chain(names)).map(|s| format!("did you mean \"{s}\"? ")).unwrap_or_default()
        } else {
            String::new()
        };
        Some(format!(
            "unknown {} \"{id}\"; {suggestion}use an id defined in {} or add one there",
            self.kind, self.home
        ))
    }
}

/// What is wrong with an id's form, if anything.
fn invalid_id(id: &str) -> Option<String> {
    (!is_valid_id(id)).then(|| {
        format!("id \"{id}\" must be lower-case letters, digits and single hyphens, like \"north-korea\"")
    })
}

/// The problem of a record that repeats the id of one at `first`.
fn duplicate_id(kind: &str, id: &str, first: &str) -> String {
    format!("duplicate {kind} id \"{id}\", first defined at {first}; give one of them another id")
}

/// Lower-case letters and digits in hyphen-separated words.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Beyond this many ids, an unknown reference gets no did-you-mean.
const MAX_SUGGESTION_CANDIDATES: usize = 10_000;

struct References<'r> {
    sources: &'r Registry,
    actors: &'r Registry,
    weapons: &'r Registry,
    /// Each source's article, normalised for quote matching.
    articles: &'r HashMap<String, String>,
}

fn tight(mut text: String) -> String {
    text.shrink_to_fit();
    text
}

fn exact<T>(mut items: Vec<T>) -> Vec<T> {
    items.shrink_to_fit();
    items
}

/// A checked event, what the filter reads of it, and where it is written.
type Checked = (Box<Event>, EventFacets, Placement);

/// Where an event is written, for the checks across files.
struct Placement {
    file: usize,
    id_offset: usize,
    /// Where each of the event's `related` ids is written.
    related_offsets: Vec<usize>,
}

/// Check one event against the taxonomies and its articles; safe on many threads at once.
/// References to other events are checked once every file is read.
/// Offsets are the spans' plus `base`, where the text they count from starts in the file.
fn check_event(event: RawEvent, refs: &References<'_>, base: usize) -> (Checked, Vec<RecordProblem>) {
    let mut problems: Vec<RecordProblem> = Vec::new();
    let mut report = |offset: usize, message: String| {
        problems.push((base + offset, format!("event {}", event.id.get_ref()), message))
    };
    for (field, value) in [("title", &event.title), ("summary", &event.summary)] {
        if value.get_ref().trim().is_empty() {
            report(value.span().start, format!("`{field}` is empty; write it out"));
        }
    }
    let long = |text: &str, limit: usize| text.len() > limit && text.chars().count() > limit;
    for (field, value, limit) in
        [("title", &event.title, TITLE_LIMIT), ("summary", &event.summary, SUMMARY_LIMIT)]
    {
        if long(value.get_ref(), limit) {
            let length = group_thousands(value.get_ref().chars().count() as u64);
            let limit = group_thousands(limit as u64);
            report(
                value.span().start,
                format!("`{field}` is {length} characters long; keep it under {limit}"),
            );
        }
    }
    for citation in &event.citations {
        if long(citation.quote.get_ref(), QUOTE_LIMIT) {
            let length = group_thousands(citation.quote.get_ref().chars().count() as u64);
            let limit = group_thousands(QUOTE_LIMIT as u64);
            let message = format!(
                "the quote is {length} characters long; cite the passage that supports the event, under {limit}"
            );
            report(citation.quote.span().start, message);
        }
    }
    if let Some(until) = &event.until {
        if until.get_ref().last_day() < event.date.get_ref().first_day() {
            let message = format!(
                "`until` {} is before `date` {}; swap them or correct one",
                until.get_ref(),
                event.date.get_ref()
            );
            report(until.span().start, message);
        }
    }
    let mut check = |registry: &Registry, reference: &Id| match registry.check(reference.get_ref()) {
        Ok(()) => true,
        Err(message) => {
            if let Some(message) = message {
                report(reference.span().start, message);
            }
            false
        }
    };
    for actor in event.actors.iter().chain(&event.from).chain(&event.to).chain(event.claimed_by.get_ref()) {
        check(refs.actors, actor);
    }
    for weapon in &event.weapons {
        check(refs.weapons, weapon);
    }
    let mut sources_known = Vec::with_capacity(event.citations.len());
    for citation in &event.citations {
        sources_known.push(check(refs.sources, &citation.source));
    }
    for related in event.related.iter().filter(|r| r.get_ref() == event.id.get_ref()) {
        report(related.span().start, "an event cannot be related to itself; remove it from `related`".into());
    }
    if event.claimed_by.get_ref().is_empty() {
        report(
            event.claimed_by.span().start,
            "`claimed_by` is empty; name who asserts this (an actor id)".into(),
        );
    }
    for quantity in &event.quantities {
        let q = quantity.get_ref();
        let between = q.qualifier.as_ref().is_some_and(|k| *k.get_ref() == Qualifier::Between);
        match (&q.amount_max, between) {
            (None, true) => report(quantity.span().start, "qualifier \"between\" needs `amount_max`".into()),
            (Some(max), _) if *max.get_ref() < q.amount => report(
                max.span().start,
                format!("`amount_max` {} is less than `amount` {}", max.get_ref(), q.amount),
            ),
            (Some(max), false) if q.qualifier.is_some() => {
                report(max.span().start, "`amount_max` goes with qualifier \"between\" (or none)".into())
            }
            _ => {}
        }
        if q.unit.get_ref().trim().is_empty() {
            report(q.unit.span().start, "`unit` is empty; write it out".into());
        }
    }
    if event.citations.is_empty() {
        let message =
            "the event has no citations; add [[event.citations]] with a source id and a verbatim quote";
        report(event.id.span().start, message.into());
    }
    for (citation, known) in event.citations.iter().zip(sources_known) {
        let Some(article) = refs.articles.get(citation.source.get_ref()).filter(|_| known) else {
            continue; // An unknown source is reported above; an unreadable article at the source.
        };
        let quote = normalised(citation.quote.get_ref());
        if quote.is_empty() {
            report(
                citation.quote.span().start,
                "the quote is empty; copy the supporting words from the article".into(),
            );
        } else if !contains(article.as_bytes(), quote.as_bytes()) {
            let message = format!(
                "quote not found in source \"{}\"; copy it exactly from the article (only white space and typographic quotes may differ)",
                citation.source.get_ref()
            );
            report(citation.quote.span().start, message);
        }
    }
    // Last, as when ids were checked after the other checks: problems at one place keep
    // their order.
    if let Some(message) = invalid_id(event.id.get_ref()) {
        report(event.id.span().start, message);
    }
    let id_offset = base + event.id.span().start;
    let related_offsets = event.related.iter().map(|r| base + r.span().start).collect();
    // Collected vectors reuse the larger buffers of their spanned sources and parsed strings
    // may carry spare room: build every field at its exact size, as the dataset keeps them all.
    let text = |s: toml::Spanned<String>| tight(s.into_inner());
    let texts = |v: Vec<Id>| -> Vec<String> { v.into_iter().map(text).collect() };
    let event = Event {
        id: text(event.id),
        date: event.date.into_inner(),
        until: event.until.map(toml::Spanned::into_inner),
        date_basis: event.date_basis.map(tight),
        reported: event.reported,
        reported_basis: event.reported_basis.map(tight),
        title: text(event.title),
        summary: text(event.summary),
        kind: event.kind,
        status: event.status,
        actors: exact(texts(event.actors)),
        weapons: exact(texts(event.weapons)),
        from: event.from.map(text),
        to: event.to.map(text),
        claimed_by: exact(texts(event.claimed_by.into_inner())),
        related: exact(texts(event.related)),
        quantities: exact(
            event
                .quantities
                .into_iter()
                .map(|q| {
                    let q = q.into_inner();
                    Quantity {
                        amount: q.amount,
                        amount_max: q.amount_max.map(toml::Spanned::into_inner),
                        unit: text(q.unit),
                        item: q.item.map(tight),
                        qualifier: q.qualifier.map(toml::Spanned::into_inner),
                    }
                })
                .collect(),
        ),
        citations: exact(
            event
                .citations
                .into_iter()
                .map(|c| Citation { source: text(c.source), quote: text(c.quote) })
                .collect(),
        ),
    };
    let facets = EventFacets::of(
        &event,
        |id| refs.actors.position(id),
        |id| refs.weapons.position(id),
        |id| refs.sources.position(id),
    );
    ((Box::new(event), facets, Placement { file: 0, id_offset, related_offsets }), problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_quotes_are_borrowed_and_agree_with_normalising() {
        for text in
            ["plain words", " lead", "two  spaces", "tab\there", "“curly”", "line\nbreak", "end ", "vt\u{b}x"]
        {
            assert_eq!(normalised(text), normalise_for_quote(text), "{text:?}");
        }
        assert!(matches!(normalised("plain words"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn contains_finds_needles_longer_than_the_searched_head() {
        let hay = b"aaaaaaaaaaaaaaaaaaaab and then aaaaaaaaaaaaaaaaaaaac, the end";
        assert!(contains(hay, b"aaaaaaaaaaaaaaaaaaac, the"), "a match overlapping an earlier head");
        assert!(contains(hay, b"aaaaaaaaaaaaaaaaaaaab"));
        assert!(!contains(hay, b"aaaaaaaaaaaaaaaaaaaad"));
        assert!(contains(hay, b"end"));
        assert!(!contains(b"short", b"longer than the haystack itself"));
    }

    proptest::proptest! {
        #[test]
        fn normalised_agrees_with_normalising(text in "[a \t\n\u{b}é“’]{0,12}") {
            proptest::prop_assert_eq!(normalised(&text), normalise_for_quote(&text));
        }

        #[test]
        fn contains_agrees_with_a_plain_search(hay in "[ab]{0,60}", needle in "[ab]{1,24}") {
            let expected = hay.as_bytes().windows(needle.len()).any(|w| w == needle.as_bytes());
            proptest::prop_assert_eq!(contains(hay.as_bytes(), needle.as_bytes()), expected);
        }
    }

    #[test]
    fn the_ascii_path_normalises_as_the_general_one() {
        for text in ["  a \t\n b  ", "x\u{b}\u{c}y", "plain", "", " "] {
            let general = normalise_chars(text);
            assert_eq!(normalise_for_quote(text), general, "{text:?}");
        }
    }

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
        let names = [
            ("north-korea".to_string(), "north-korea".to_string()),
            ("dprk".to_string(), "north-korea".to_string()),
            ("russia".to_string(), "russia".to_string()),
        ];
        let pairs = || names.iter().map(|(n, i)| (n.as_str(), i.as_str()));
        assert_eq!(suggest_id("nort-korea", pairs()), Some("north-korea"));
        assert_eq!(suggest_id("DPRK", pairs()), Some("north-korea"));
        assert_eq!(suggest_id("rusia", pairs()), Some("russia"));
        assert_eq!(suggest_id("ukraine", pairs()), None);
        let people = [("kyrylo budanov", "kyrylo-budanov")];
        assert_eq!(suggest_id("budanov", people.into_iter()), Some("kyrylo-budanov"), "a word of the name");
    }
}

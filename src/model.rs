//! The records of a dataset: sources, actors, weapon types and events.

use rustc_hash::FxHashMap as HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::date::{Date, DatePrecision, DaySpan};
use crate::search::{folded_char_mask, lowercase};

/// A closed vocabulary written in kebab-case in the data files.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// Admiralty source-reliability grade.
    Grade {
        A => "A", B => "B", C => "C", D => "D", E => "E", F => "F",
    }
}

impl Grade {
    pub fn meaning(self) -> &'static str {
        match self {
            Grade::A => "completely reliable",
            Grade::B => "usually reliable",
            Grade::C => "fairly reliable",
            Grade::D => "not usually reliable",
            Grade::E => "unreliable",
            Grade::F => "reliability cannot be judged",
        }
    }
}

vocabulary! {
    ActorKind {
        State => "state",
        Person => "person",
        Agency => "agency",
        ArmedForce => "armed-force",
        Organisation => "organisation",
        Media => "media",
    }
}

vocabulary! {
    WeaponCategory {
        ArtilleryAmmunition => "artillery-ammunition",
        Artillery => "artillery",
        RocketArtillery => "rocket-artillery",
        BallisticMissile => "ballistic-missile",
        Aircraft => "aircraft",
        SpaceTechnology => "space-technology",
        MissileTechnology => "missile-technology",
        NavalTechnology => "naval-technology",
        NuclearTechnology => "nuclear-technology",
        Munitions => "munitions",
        RawMaterials => "raw-materials",
        Personnel => "personnel",
        Other => "other",
    }
}

vocabulary! {
    EventKind {
        Meeting => "meeting",
        Visit => "visit",
        Correspondence => "correspondence",
        Transfer => "transfer",
        Deployment => "deployment",
        Production => "production",
        Agreement => "agreement",
        Pledge => "pledge",
        Statement => "statement",
        Assessment => "assessment",
        Denial => "denial",
        Condemnation => "condemnation",
        Casualties => "casualties",
        Withdrawal => "withdrawal",
        Other => "other",
    }
}

vocabulary! {
    Status {
        Reported => "reported",
        Confirmed => "confirmed",
        Denied => "denied",
        Disputed => "disputed",
        Pledged => "pledged",
        Planned => "planned",
    }
}

vocabulary! {
    Qualifier {
        Over => "over",
        AtLeast => "at-least",
        About => "about",
        Nearly => "nearly",
        UpTo => "up-to",
        Between => "between",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub outlet: String,
    pub author: Option<String>,
    pub published: Date,
    pub published_basis: String,
    /// The article's path inside the dataset, e.g. `seeds/003_1e972da549e7da1c.txt`.
    pub file: String,
    pub reliability: Grade,
    pub reliability_reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub country: Option<String>,
    pub role: Option<String>,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeaponType {
    pub id: String,
    pub name: String,
    pub category: WeaponCategory,
    pub designations: Vec<String>,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub amount: u64,
    pub amount_max: Option<u64>,
    pub unit: String,
    pub item: Option<String>,
    pub qualifier: Option<Qualifier>,
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let amount = group_thousands(self.amount);
        match (self.qualifier, self.amount_max) {
            (Some(Qualifier::Between), Some(max)) | (None, Some(max)) => {
                write!(f, "{amount}–{}", group_thousands(max))?
            }
            (Some(qualifier), _) => write!(f, "{} {amount}", qualifier.as_str().replace('-', " "))?,
            (None, None) => write!(f, "{amount}")?,
        }
        write!(f, " {}", self.unit)?;
        if let Some(item) = &self.item {
            write!(f, " ({item})")?;
        }
        Ok(())
    }
}

/// 1234567 → "1,234,567".
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    pub source: String,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub id: String,
    pub date: Date,
    pub until: Option<Date>,
    pub date_basis: Option<String>,
    pub reported: Option<Date>,
    pub reported_basis: Option<String>,
    pub title: String,
    pub summary: String,
    pub kind: EventKind,
    pub status: Status,
    pub actors: Vec<String>,
    pub weapons: Vec<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub claimed_by: Vec<String>,
    pub related: Vec<String>,
    pub quantities: Vec<Quantity>,
    pub citations: Vec<Citation>,
}

impl Event {
    pub fn span(&self) -> DaySpan {
        DaySpan::of(&self.date, self.until.as_ref())
    }

    /// Every actor the event names: its parties, the direction of a transfer and its claimants.
    pub fn involved_actors(&self) -> impl Iterator<Item = &str> {
        self.actors.iter().chain(&self.from).chain(&self.to).chain(&self.claimed_by).map(String::as_str)
    }

    /// The date as curated: `2023-08`, or a span `2023-08..2023-11-01`.
    pub fn date_label(&self) -> String {
        match &self.until {
            Some(until) => format!("{}..{}", self.date, until),
            None => self.date.to_string(),
        }
    }
}

/// A loaded, validated dataset; events in chronological order.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub name: String,
    pub description: Option<String>,
    pub sources: Vec<Source>,
    pub actors: Vec<Actor>,
    pub weapons: Vec<WeaponType>,
    /// In chronological order. Boxed, so loading gathers and sorts them by moving pointers.
    pub events: Vec<Box<Event>>,
    source_index: HashMap<String, usize>,
    actor_index: HashMap<String, usize>,
    weapon_index: HashMap<String, usize>,
    /// Per event (same order as `events`): what the filter reads, in a few bytes.
    lookups: Vec<EventLookup>,
    /// The actor, weapon and source indices that `lookups` point into.
    lookup_refs: Vec<u32>,
    /// Finds an event by id.
    event_ids: IdIndex,
    /// Per actor and per weapon type: its name, aliases and designations, lower-cased, one
    /// per line. A keyword search reads these for the events that name them.
    actor_names: Vec<String>,
    weapon_names: Vec<String>,
}

/// An event's facets as indices, and a bit for each letter and digit its searchable text has.
#[derive(Debug, Clone, Copy, Default)]
struct EventLookup {
    mask: u64,
    start: u32,
    actors: u16,
    weapons: u16,
    sources: u16,
}

/// Everything keyword search reads for one event, borrowed from the dataset.
pub struct SearchFields<'a> {
    /// A bit for each ASCII letter and digit in the fields, lower-cased.
    pub mask: u64,
    /// Title, summary, then the names of the actors and weapon types it involves.
    pub fields: &'a [&'a str],
}

impl Dataset {
    pub fn new(
        name: String,
        sources: Vec<Source>,
        actors: Vec<Actor>,
        weapons: Vec<WeaponType>,
        events: Vec<impl Into<Box<Event>>>,
    ) -> Self {
        // A vector of boxes is reused as it is.
        let events: Vec<Box<Event>> = events.into_iter().map(Into::into).collect();
        Self::assemble(name, sources, actors, weapons, events, None)
    }

    /// The dataset of checked records. Events are boxed, so that gathering and sorting them
    /// moves pointers, not records, and the dataset is never held twice. `facets`, one per
    /// event in the same order, are computed here when not given (the loader computes them
    /// while each event's text is still in the cache).
    #[expect(clippy::vec_box, reason = "boxed on purpose: moving events moves pointers, see above")]
    pub(crate) fn assemble(
        name: String,
        sources: Vec<Source>,
        actors: Vec<Actor>,
        weapons: Vec<WeaponType>,
        mut events: Vec<Box<Event>>,
        facets: Option<Vec<EventFacets>>,
    ) -> Self {
        let index = |ids: Vec<&String>| ids.into_iter().enumerate().map(|(i, id)| (id.clone(), i)).collect();
        let names = |all: Vec<Vec<&String>>| -> Vec<String> {
            all.into_iter()
                .map(|names| names.iter().map(|n| lowercase(n)).collect::<Vec<_>>().join("\n"))
                .collect()
        };
        let actor_names =
            names(actors.iter().map(|a| [&a.name].into_iter().chain(&a.aliases).collect()).collect());
        let weapon_names = names(
            weapons
                .iter()
                .map(|w| [&w.name].into_iter().chain(&w.designations).chain(&w.aliases).collect())
                .collect(),
        );
        let source_index: HashMap<String, usize> = index(sources.iter().map(|s| &s.id).collect());
        let actor_index: HashMap<String, usize> = index(actors.iter().map(|a| &a.id).collect());
        let weapon_index: HashMap<String, usize> = index(weapons.iter().map(|w| &w.id).collect());
        let facets = facets.unwrap_or_else(|| {
            let position = |index: &HashMap<String, usize>, id: &str| index.get(id).map(|&i| i as u32);
            events
                .par_iter()
                .map(|event| {
                    EventFacets::of(
                        event,
                        |id| position(&actor_index, id),
                        |id| position(&weapon_index, id),
                        |id| position(&source_index, id),
                    )
                })
                .collect()
        });
        let (mut lookups, lookup_refs) = lookups(&facets, &actor_names, &weapon_names);
        drop(facets);
        let order = chronological_order(&events);
        permute(&mut events, order.clone());
        permute(&mut lookups, order);
        let event_ids = IdIndex::new(events.par_iter().map(|e| e.id.as_str()));
        Self {
            name,
            description: None,
            source_index,
            actor_index,
            weapon_index,
            sources,
            actors,
            weapons,
            events,
            lookups,
            lookup_refs,
            event_ids,
            actor_names,
            weapon_names,
        }
    }

    /// The actor indices (into `actors`) event `index` names, as party, sender, receiver or claimant.
    pub fn event_actors(&self, index: usize) -> &[u32] {
        let l = &self.lookups[index];
        let start = l.start as usize;
        &self.lookup_refs[start..start + usize::from(l.actors)]
    }

    /// The weapon-type indices (into `weapons`) event `index` involves.
    pub fn event_weapons(&self, index: usize) -> &[u32] {
        let l = &self.lookups[index];
        let start = l.start as usize + usize::from(l.actors);
        &self.lookup_refs[start..start + usize::from(l.weapons)]
    }

    /// The source indices (into `sources`) event `index` cites.
    pub fn event_sources(&self, index: usize) -> &[u32] {
        let l = &self.lookups[index];
        let start = l.start as usize + usize::from(l.actors) + usize::from(l.weapons);
        &self.lookup_refs[start..start + usize::from(l.sources)]
    }

    /// A bit for each ASCII letter and digit in what keyword search reads for event `index`.
    pub fn search_mask(&self, index: usize) -> u64 {
        self.lookups[index].mask
    }

    /// Put what keyword search reads for event `index` into `fields` (cleared first): title,
    /// summary, then the names of the actors and weapon types it involves.
    pub fn search_fields_into<'a>(&'a self, index: usize, fields: &mut Vec<&'a str>) {
        let event = &self.events[index];
        fields.clear();
        fields.push(&event.title);
        fields.push(&event.summary);
        fields.extend(self.event_actors(index).iter().map(|&a| self.actor_names[a as usize].as_str()));
        fields.extend(self.event_weapons(index).iter().map(|&w| self.weapon_names[w as usize].as_str()));
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).map(|&i| &self.sources[i])
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_index.get(id).map(|&i| &self.actors[i])
    }

    pub fn weapon(&self, id: &str) -> Option<&WeaponType> {
        self.weapon_index.get(id).map(|&i| &self.weapons[i])
    }

    /// The event with this id.
    pub fn event_by_id(&self, id: &str) -> Option<&Event> {
        self.event_ids.find(id, |i| &self.events[i].id).map(|i| &*self.events[i])
    }

    pub fn actor_position(&self, id: &str) -> Option<u32> {
        self.actor_index.get(id).map(|&i| i as u32)
    }

    pub fn weapon_position(&self, id: &str) -> Option<u32> {
        self.weapon_index.get(id).map(|&i| i as u32)
    }

    pub fn source_position(&self, id: &str) -> Option<u32> {
        self.source_index.get(id).map(|&i| i as u32)
    }
}

/// What the filter reads of one event, before the dataset is put together: the indices of
/// its actors, weapon types and sources, and the letter mask of its title and summary.
pub(crate) struct EventFacets {
    text_mask: u64,
    /// Actor, then weapon, then source indices; each run sorted, without repeats.
    refs: Box<[u32]>,
    actors: u16,
    weapons: u16,
}

impl EventFacets {
    /// `event`'s facets, given the index of each actor, weapon and source id (None: unknown).
    pub(crate) fn of(
        event: &Event,
        actor: impl Fn(&str) -> Option<u32>,
        weapon: impl Fn(&str) -> Option<u32>,
        source: impl Fn(&str) -> Option<u32>,
    ) -> Self {
        let most = event.actors.len()
            + usize::from(event.from.is_some())
            + usize::from(event.to.is_some())
            + event.claimed_by.len()
            + event.weapons.len()
            + event.citations.len();
        let mut refs = Vec::with_capacity(most);
        let actors = push_indices(&mut refs, event.involved_actors().filter_map(actor));
        let weapons = push_indices(&mut refs, event.weapons.iter().filter_map(|w| weapon(w)));
        push_indices(&mut refs, event.citations.iter().filter_map(|c| source(&c.source)));
        let text_mask = folded_char_mask(&event.title) | folded_char_mask(&event.summary);
        Self { text_mask, refs: refs.into_boxed_slice(), actors, weapons }
    }
}

/// Append `indices` sorted and without repeats (at most `u16::MAX` of them); return how many
/// were appended.
fn push_indices(out: &mut Vec<u32>, indices: impl Iterator<Item = u32>) -> u16 {
    let start = out.len();
    out.extend(indices);
    out[start..].sort_unstable();
    let mut kept = start;
    for i in start..out.len() {
        if kept == start || out[kept - 1] != out[i] {
            out[kept] = out[i];
            kept += 1;
        }
    }
    out.truncate(kept.min(start + usize::from(u16::MAX)));
    u16::try_from(out.len() - start).unwrap_or(u16::MAX)
}

/// Each event's lookup (in the order of `facets`) and the references they point into. The
/// letter mask adds to the text's those of the names of the event's actors and weapon types,
/// each name's computed once. Built in runs on every core, joined after.
fn lookups(
    facets: &[EventFacets],
    actor_names: &[String],
    weapon_names: &[String],
) -> (Vec<EventLookup>, Vec<u32>) {
    let actor_masks: Vec<u64> = actor_names.iter().map(|n| folded_char_mask(n)).collect();
    let weapon_masks: Vec<u64> = weapon_names.iter().map(|n| folded_char_mask(n)).collect();
    let runs: Vec<(Vec<EventLookup>, Vec<u32>)> = facets
        .par_chunks(4096)
        .map(|run| {
            let mut lookups = Vec::with_capacity(run.len());
            let mut refs: Vec<u32> = Vec::with_capacity(run.iter().map(|f| f.refs.len()).sum());
            for facets in run {
                let (actors, weapons) = (usize::from(facets.actors), usize::from(facets.weapons));
                let names = facets.refs[..actors].iter().map(|&a| actor_masks[a as usize]);
                let names = names
                    .chain(facets.refs[actors..actors + weapons].iter().map(|&w| weapon_masks[w as usize]));
                lookups.push(EventLookup {
                    mask: names.fold(facets.text_mask, |all, m| all | m),
                    start: u32::try_from(refs.len()).unwrap_or(u32::MAX),
                    actors: facets.actors,
                    weapons: facets.weapons,
                    sources: u16::try_from(facets.refs.len() - actors - weapons).unwrap_or(u16::MAX),
                });
                refs.extend_from_slice(&facets.refs);
            }
            (lookups, refs)
        })
        .collect();
    let mut lookups = Vec::with_capacity(facets.len());
    let mut flat = Vec::with_capacity(runs.iter().map(|(_, refs)| refs.len()).sum());
    for (run, refs) in runs {
        let base = u32::try_from(flat.len()).unwrap_or(u32::MAX);
        lookups.extend(run.into_iter().map(|l| EventLookup { start: base.saturating_add(l.start), ..l }));
        flat.extend(refs);
    }
    (lookups, flat)
}

/// Ids by hash, each with its record's index, sorted: finds a record by id, and ids that
/// repeat, without a map of strings (which at a million records costs time and memory).
#[derive(Debug, Clone, Default)]
pub(crate) struct IdIndex(Vec<(u64, u32)>);

impl IdIndex {
    /// The index of records whose ids `ids` gives in order.
    pub(crate) fn new<'a>(ids: impl IndexedParallelIterator<Item = &'a str>) -> Self {
        let mut by_hash: Vec<(u64, u32)> = ids.enumerate().map(|(i, id)| (id_hash(id), i as u32)).collect();
        by_hash.par_sort_unstable();
        Self(by_hash)
    }

    /// The index of the record with this id; `id_of` gives each record's id by its index.
    pub(crate) fn find<'a>(&self, id: &str, id_of: impl Fn(usize) -> &'a str) -> Option<usize> {
        let hash = id_hash(id);
        let first = self.0.partition_point(|&(h, _)| h < hash);
        self.0[first..]
            .iter()
            .take_while(|&&(h, _)| h == hash)
            .map(|&(_, i)| i as usize)
            .find(|&i| id_of(i) == id)
    }

    /// Each record whose id an earlier record has, paired with the first record that has it;
    /// in record order.
    pub(crate) fn repeats<'a>(&self, id_of: impl Fn(usize) -> &'a str) -> Vec<(usize, usize)> {
        let mut repeats = Vec::new();
        for run in self.0.chunk_by(|a, b| a.0 == b.0).filter(|run| run.len() > 1) {
            // Equal hashes: sort by id (then index) to put equal ids side by side, however many.
            let mut same_hash: Vec<usize> = run.iter().map(|&(_, i)| i as usize).collect();
            same_hash.sort_by(|&a, &b| id_of(a).cmp(id_of(b)).then(a.cmp(&b)));
            for same_id in same_hash.chunk_by(|&a, &b| id_of(a) == id_of(b)) {
                repeats.extend(same_id[1..].iter().map(|&later| (later, same_id[0])));
            }
        }
        repeats.sort_unstable();
        repeats
    }
}

fn id_hash(id: &str) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault};
    BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(id)
}

/// An event's place in time: its first day, coarser precision first, then the date's last
/// day and the span's last day. Ties are broken by id.
type DateKey = (NaiveDate, DatePrecision, NaiveDate, NaiveDate);

fn date_key(event: &Event) -> DateKey {
    (event.date.first_day(), event.date.precision(), event.date.last_day(), event.span().last)
}

/// The one chronological order of `events` (see docs/DATA.md, "Sort order"): position k
/// takes the event now at `order[k]`. Sorted on precomputed keys, ties broken by id.
fn chronological_order(events: &[Box<Event>]) -> Vec<u32> {
    // Many events share a date: the id's first bytes, held in the key, settle most ties
    // without reading the id itself.
    let mut keyed: Vec<(DateKey, u128, u32)> =
        events.par_iter().enumerate().map(|(i, e)| (date_key(e), id_prefix(&e.id), i as u32)).collect();
    let id = |i: u32| events[i as usize].id.as_str();
    keyed.par_sort_unstable_by(|a, b| {
        (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| (id(a.2), a.2).cmp(&(id(b.2), b.2)))
    });
    keyed.into_iter().map(|(.., i)| i).collect()
}

/// An id's first 16 bytes, big-endian, zero-padded: ordered as the ids are, as far as it
/// goes (ids hold no NUL, so a shorter id that is a prefix of another sorts first).
fn id_prefix(id: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = id.len().min(16);
    bytes[..n].copy_from_slice(&id.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

/// Rearrange `items` in place so that position k holds the item that was at `order[k]`.
fn permute<T>(items: &mut [T], mut order: Vec<u32>) {
    for start in 0..order.len() {
        let mut k = start;
        while order[k] as usize != start {
            let from = order[k] as usize;
            items.swap(k, from);
            order[k] = k as u32;
            k = from;
        }
        order[k] = k as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_prefixes_order_as_their_ids() {
        let mut ids = ["b", "a", "ab", "abc", "abcdefghijklmnopq", "abcdefghijklmnop", "abd", "a-b", "a0"];
        let mut by_prefix = ids;
        by_prefix.sort_by(|a, b| id_prefix(a).cmp(&id_prefix(b)).then_with(|| a.cmp(b)));
        ids.sort();
        assert_eq!(by_prefix, ids);
    }

    #[test]
    fn id_index_finds_ids_and_each_repeat_with_its_first() {
        let ids = ["b", "a", "c", "a", "b", "a"];
        let index = IdIndex::new(ids.par_iter().copied());
        let id_of = |i: usize| ids[i];
        assert_eq!(index.find("c", id_of), Some(2));
        assert_eq!(index.find("a", id_of).map(|i| ids[i]), Some("a"));
        assert_eq!(index.find("d", id_of), None);
        assert_eq!(index.repeats(id_of), vec![(3, 1), (4, 0), (5, 1)]);
        let unique = ["x", "y"];
        assert!(IdIndex::new(unique.par_iter().copied()).repeats(|i| unique[i]).is_empty());
    }

    #[test]
    fn facets_the_loader_computes_equal_those_the_dataset_computes() {
        let loaded = crate::load::load(&crate::load::Bundled).expect("the bundled dataset loads");
        let (sources, actors, weapons) =
            (loaded.sources.clone(), loaded.actors.clone(), loaded.weapons.clone());
        let rebuilt = Dataset::new(loaded.name.clone(), sources, actors, weapons, loaded.events.clone());
        assert_eq!(rebuilt.events, loaded.events);
        for i in 0..loaded.events.len() {
            let id = &loaded.events[i].id;
            assert_eq!(rebuilt.event_actors(i), loaded.event_actors(i), "{id}");
            assert_eq!(rebuilt.event_weapons(i), loaded.event_weapons(i), "{id}");
            assert_eq!(rebuilt.event_sources(i), loaded.event_sources(i), "{id}");
            assert_eq!(rebuilt.search_mask(i), loaded.search_mask(i), "{id}");
            assert!(!loaded.event_actors(i).is_empty() && !loaded.event_sources(i).is_empty(), "{id}");
        }
    }

    #[test]
    fn each_event_mask_holds_the_letters_of_what_search_reads() {
        let dataset = crate::load::load(&crate::load::Bundled).expect("the bundled dataset loads");
        let mut fields = Vec::new();
        for index in 0..dataset.events.len() {
            dataset.search_fields_into(index, &mut fields);
            let expected = fields.iter().fold(0, |all, f| all | crate::search::char_mask(&lowercase(f)));
            assert_eq!(dataset.search_mask(index), expected, "{}", dataset.events[index].id);
        }
    }

    #[test]
    fn quantities_read_as_written() {
        let q = |amount, amount_max, qualifier, item: Option<&str>| Quantity {
            amount,
            amount_max,
            unit: "shells".into(),
            item: item.map(str::to_string),
            qualifier,
        };
        assert_eq!(q(1_000_000, None, Some(Qualifier::Over), None).to_string(), "over 1,000,000 shells");
        assert_eq!(q(120, None, Some(Qualifier::UpTo), None).to_string(), "up to 120 shells");
        assert_eq!(q(5000, Some(10000), Some(Qualifier::Between), None).to_string(), "5,000–10,000 shells");
        assert_eq!(q(10, None, None, Some("ammunition")).to_string(), "10 shells (ammunition)");
        assert_eq!(q(100, None, None, None).to_string(), "100 shells");
    }

    #[test]
    fn vocabulary_round_trips_through_its_text() {
        for kind in EventKind::ALL {
            let parsed: EventKind = serde_json::from_str(&format!("\"{kind}\"")).unwrap();
            assert_eq!(parsed, *kind);
        }
        assert_eq!(WeaponCategory::ArtilleryAmmunition.as_str(), "artillery-ammunition");
    }
}

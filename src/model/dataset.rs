//! The loaded, validated dataset: its records in chronological order and the indexes over them.

use std::sync::Arc;

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::index::{EventFacets, EventLookup, IdIndex, lookups};
use super::order::{chronological_order, permute};
use super::provenance::{Origin, Provenance};
use super::records::{Actor, Event, Source, WeaponType};
use super::vocabulary::Rating;
use crate::text::lowercase;

/// A loaded, validated dataset; events in chronological order.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    name: String,
    description: Option<String>,
    sources: Vec<Source>,
    actors: Vec<Actor>,
    weapons: Vec<WeaponType>,
    /// In chronological order. Behind pointers, so loading gathers and sorts them by moving
    /// pointers; shared, so a reload reuses the events of files that did not change. An Arc
    /// with no weak count: its 8-byte header keeps an event in the allocator's 384-byte
    /// class, where std's 16 bytes would put it in the 448-byte one.
    events: Vec<triomphe::Arc<Event>>,
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
    /// Where each record is written, and the sources' articles (empty unless loaded).
    provenance: Provenance,
}

/// Everything keyword search reads for one event, borrowed from the dataset.
pub struct SearchFields<'a> {
    /// A bit for each ASCII letter and digit in the fields, lower-cased.
    pub mask: u64,
    /// Whether every field is ASCII.
    pub ascii: bool,
    /// Title, summary, then the names of the actors (claimants too) and weapon types it
    /// involves; or its quotes, read after those.
    pub fields: &'a [&'a str],
}

impl Dataset {
    pub fn new(
        name: String,
        sources: Vec<Source>,
        actors: Vec<Actor>,
        weapons: Vec<WeaponType>,
        events: Vec<impl Into<triomphe::Arc<Event>>>,
    ) -> Self {
        let events: Vec<triomphe::Arc<Event>> = events.into_iter().map(Into::into).collect();
        Self::assemble(name, sources, actors, weapons, events, None, Provenance::default())
    }

    /// The dataset of checked records. Events are behind pointers, so that gathering and
    /// sorting them moves pointers, not records, and the dataset is never held twice; they
    /// are shared with the loader's cache (`load::Loader`). `indexed`: each event's facets
    /// (in the order of `events`) and the index of their ids, when the loader has them (it
    /// computes facets while each event's text is in the cache, and the index for its checks
    /// across files); else they are computed here. `provenance` gives each event's place in
    /// the order of `events`.
    pub(crate) fn assemble(
        name: String,
        sources: Vec<Source>,
        actors: Vec<Actor>,
        weapons: Vec<WeaponType>,
        mut events: Vec<triomphe::Arc<Event>>,
        indexed: Option<(&[&EventFacets], IdIndex)>,
        mut provenance: Provenance,
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
        // Computed here only when the loader did not give them.
        let computed: Vec<EventFacets>;
        let listed: Vec<&EventFacets>;
        let (facets, event_ids) = match indexed {
            Some((facets, ids)) => (facets, Some(ids)),
            None => {
                let position = |index: &HashMap<String, usize>, id: &str| index.get(id).map(|&i| i as u32);
                computed = events
                    .par_iter()
                    .map(|event| {
                        EventFacets::of(
                            event,
                            |id| position(&actor_index, id),
                            |id| position(&weapon_index, id),
                            |id| position(&source_index, id),
                        )
                    })
                    .collect();
                listed = computed.iter().collect();
                (&listed[..], None)
            }
        };
        let (mut lookups, lookup_refs) = lookups(facets, &actor_names, &weapon_names);
        let order = chronological_order(&events);
        permute(&mut events, order.clone());
        if provenance.events.len() == events.len() {
            permute(&mut provenance.events, order.clone());
        } else {
            provenance.events.clear();
        }
        let event_ids = match event_ids {
            Some(ids) => ids.reordered(&order),
            None => IdIndex::new(events.par_iter().map(|e| e.id.as_str())),
        };
        permute(&mut lookups, order);
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
            provenance,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The dataset with this description (data/dataset.toml's).
    pub fn with_description(mut self, description: Option<String>) -> Self {
        self.description = description;
        self
    }

    /// Every event, in chronological order.
    pub fn events(&self) -> &[triomphe::Arc<Event>] {
        &self.events
    }

    /// The event at `index` in chronological order.
    pub fn event(&self, index: usize) -> &Event {
        &self.events[index]
    }

    /// The chronological index of the event with this id.
    pub fn event_index(&self, id: &str) -> Option<usize> {
        self.event_ids.find(id, |i| &self.events[i].id)
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    pub fn weapons(&self) -> &[WeaponType] {
        &self.weapons
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

    /// Whether all that keyword search reads for event `index`, quotes too, is ASCII.
    pub fn search_is_ascii(&self, index: usize) -> bool {
        self.lookups[index].ascii
    }

    /// The pairs the words of event `index`'s title, summary and names begin with.
    pub fn search_pairs(&self, index: usize) -> &[u64] {
        &self.lookups[index].pairs
    }

    /// A bit for each ASCII letter and digit in event `index`'s quotes.
    pub fn quote_mask(&self, index: usize) -> u64 {
        self.lookups[index].quote_mask
    }

    /// The pairs the words of event `index`'s quotes begin with.
    pub fn quote_pairs(&self, index: usize) -> &[u64] {
        &self.lookups[index].quote_pairs
    }

    /// The triples the words of event `index`'s quotes begin with (`text::TripleSignature`).
    pub fn quote_triples(&self, index: usize) -> &[u64] {
        &self.lookups[index].quote_triples
    }

    /// Put what keyword search reads first for event `index` into `fields` (cleared first):
    /// the title, the names of the actors and weapon types it involves, then the summary.
    /// Its quotes come after, from the event. The short fields go first: a word found in a
    /// name (as `art` is, in "Artillery shells") need not wait for the summary to be read.
    pub fn search_fields_into<'a>(&'a self, index: usize, fields: &mut Vec<&'a str>) {
        let event = &self.events[index];
        fields.clear();
        fields.push(&event.title);
        fields.extend(self.event_actors(index).iter().map(|&a| self.actor_names[a as usize].as_str()));
        fields.extend(self.event_weapons(index).iter().map(|&w| self.weapon_names[w as usize].as_str()));
        fields.push(&event.summary);
    }

    /// Field `field` of what `search_fields_into` puts in for event `index`, in the same order.
    pub fn search_field(&self, index: usize, field: usize) -> Option<&str> {
        let event = &self.events[index];
        let (actors, weapons) = (self.event_actors(index), self.event_weapons(index));
        match field.checked_sub(1) {
            None => Some(&event.title),
            Some(k) if k < actors.len() => Some(&self.actor_names[actors[k] as usize]),
            Some(k) if k - actors.len() < weapons.len() => {
                Some(&self.weapon_names[weapons[k - actors.len()] as usize])
            }
            Some(k) if k == actors.len() + weapons.len() => Some(&event.summary),
            Some(_) => None,
        }
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).map(|&i| &self.sources[i])
    }

    /// The Admiralty pair for `event`: the best grade among the sources it cites (A is best)
    /// and its credibility.
    pub fn rating(&self, event: &Event) -> Rating {
        let grade =
            event.citations.iter().filter_map(|c| self.source(&c.source)).map(|s| s.reliability).min();
        Rating { grade, credibility: event.credibility }
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

    /// Where event `index` (in chronological order) is written, when it was loaded from files.
    pub fn origin_of_event(&self, index: usize) -> Option<Origin<'_>> {
        self.provenance.origin(&self.provenance.events, index)
    }

    /// Where the source with this id is written.
    pub fn origin_of_source(&self, id: &str) -> Option<Origin<'_>> {
        self.provenance.origin(&self.provenance.sources, *self.source_index.get(id)?)
    }

    /// Where the actor with this id is written.
    pub fn origin_of_actor(&self, id: &str) -> Option<Origin<'_>> {
        self.provenance.origin(&self.provenance.actors, *self.actor_index.get(id)?)
    }

    /// Where the weapon type with this id is written.
    pub fn origin_of_weapon(&self, id: &str) -> Option<Origin<'_>> {
        self.provenance.origin(&self.provenance.weapons, *self.weapon_index.get(id)?)
    }

    /// The article of the source with this id, as written (quotes are found in it with
    /// `load::locate`).
    pub fn article(&self, source_id: &str) -> Option<&str> {
        self.provenance.articles.get(*self.source_index.get(source_id)?).map(|text| &**text)
    }

    /// As `article`, shared, to hand to another thread.
    pub fn shared_article(&self, source_id: &str) -> Option<Arc<str>> {
        self.provenance.articles.get(*self.source_index.get(source_id)?).cloned()
    }
}

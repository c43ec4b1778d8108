//! What the filter reads of each event in a few bytes, and the index that finds an event by id.

use rayon::prelude::*;

use super::records::Event;
use crate::text::{
    PairSignature, QuoteSignature, TripleSignature, add_word_pairs, add_word_pairs_and_triples,
    folded_char_mask,
};

/// An event's facets as indices, and what a search may skip it by: a bit for each letter and
/// digit of its text (title, summary, names) and of its quotes, the pairs their words begin
/// with (`text::PairSignature`), and the triples its quotes' words begin with
/// (`text::TripleSignature`).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct EventLookup {
    pub(crate) mask: u64,
    pub(crate) pairs: PairSignature,
    pub(crate) quote_mask: u64,
    pub(crate) quote_pairs: QuoteSignature,
    pub(crate) quote_triples: TripleSignature,
    pub(crate) start: u32,
    pub(crate) actors: u16,
    pub(crate) weapons: u16,
    pub(crate) sources: u16,
    /// Whether all its searchable text is ASCII (then it is matched byte by byte).
    pub(crate) ascii: bool,
}

/// What the filter reads of one event, before the dataset is put together: the indices of
/// its actors, weapon types and sources, and the letter masks and pair signatures of its
/// title and summary, and of its quotes.
pub(crate) struct EventFacets {
    text_mask: u64,
    text_pairs: PairSignature,
    quote_mask: u64,
    quote_pairs: QuoteSignature,
    quote_triples: TripleSignature,
    text_ascii: bool,
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
        let mut text_pairs = PairSignature::default();
        add_word_pairs(&event.title, &mut text_pairs);
        add_word_pairs(&event.summary, &mut text_pairs);
        let quote_mask = event.citations.iter().fold(0, |mask, c| mask | folded_char_mask(&c.quote));
        let mut quote_pairs = QuoteSignature::default();
        let mut quote_triples = TripleSignature::default();
        for citation in &event.citations {
            add_word_pairs_and_triples(&citation.quote, &mut quote_pairs, &mut quote_triples);
        }
        let text_ascii = event.title.is_ascii()
            && event.summary.is_ascii()
            && event.citations.iter().all(|c| c.quote.is_ascii());
        Self {
            text_mask,
            text_pairs,
            quote_mask,
            quote_pairs,
            quote_triples,
            text_ascii,
            refs: refs.into_boxed_slice(),
            actors,
            weapons,
        }
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
/// letter mask and pair signature add to the text's those of the names of the event's actors
/// and weapon types, each name's computed once. Built in runs on every core, joined after.
pub(crate) fn lookups(
    facets: &[&EventFacets],
    actor_names: &[String],
    weapon_names: &[String],
) -> (Vec<EventLookup>, Vec<u32>) {
    let actor_masks: Vec<u64> = actor_names.iter().map(|n| folded_char_mask(n)).collect();
    let weapon_masks: Vec<u64> = weapon_names.iter().map(|n| folded_char_mask(n)).collect();
    let pairs_of = |names: &[String]| -> Vec<PairSignature> {
        names
            .iter()
            .map(|n| {
                let mut pairs = PairSignature::default();
                add_word_pairs(n, &mut pairs);
                pairs
            })
            .collect()
    };
    let (actor_pairs, weapon_pairs) = (pairs_of(actor_names), pairs_of(weapon_names));
    let actor_ascii: Vec<bool> = actor_names.iter().map(|n| n.is_ascii()).collect();
    let weapon_ascii: Vec<bool> = weapon_names.iter().map(|n| n.is_ascii()).collect();
    // Written in place, run by run on every core: each run's references go to its own part of
    // one vector, found from the runs' counts first. (Gathering runs and joining them after
    // held every lookup twice for a moment: 110 MiB more at the peak of a 1M load.)
    const RUN: usize = 4096;
    let counts: Vec<usize> =
        facets.par_chunks(RUN).map(|run| run.iter().map(|f| f.refs.len()).sum()).collect();
    let mut lookups = vec![EventLookup::default(); facets.len()];
    let mut flat = vec![0u32; counts.iter().sum()];
    let mut parts = Vec::with_capacity(counts.len());
    let mut rest = flat.as_mut_slice();
    let mut base = 0;
    for &count in &counts {
        let (part, after) = rest.split_at_mut(count);
        parts.push((part, base));
        rest = after;
        base += count;
    }
    lookups.par_chunks_mut(RUN).zip(facets.par_chunks(RUN)).zip(parts).for_each(
        |((out, run), (refs, base))| {
            let mut at = 0;
            for (slot, facets) in out.iter_mut().zip(run) {
                let (actors, weapons) = (usize::from(facets.actors), usize::from(facets.weapons));
                let names = facets.refs[..actors].iter().map(|&a| actor_masks[a as usize]);
                let names = names
                    .chain(facets.refs[actors..actors + weapons].iter().map(|&w| weapon_masks[w as usize]));
                let mut pairs = facets.text_pairs;
                let name_pairs = facets.refs[..actors].iter().map(|&a| &actor_pairs[a as usize]);
                let name_pairs = name_pairs
                    .chain(facets.refs[actors..actors + weapons].iter().map(|&w| &weapon_pairs[w as usize]));
                for name in name_pairs {
                    for (all, word) in pairs.iter_mut().zip(name) {
                        *all |= word;
                    }
                }
                *slot = EventLookup {
                    mask: names.fold(facets.text_mask, |all, m| all | m),
                    pairs,
                    quote_mask: facets.quote_mask,
                    quote_pairs: facets.quote_pairs,
                    quote_triples: facets.quote_triples,
                    start: u32::try_from(base + at).unwrap_or(u32::MAX),
                    actors: facets.actors,
                    weapons: facets.weapons,
                    sources: u16::try_from(facets.refs.len() - actors - weapons).unwrap_or(u16::MAX),
                    ascii: facets.text_ascii
                        && facets.refs[..actors].iter().all(|&a| actor_ascii[a as usize])
                        && facets.refs[actors..actors + weapons].iter().all(|&w| weapon_ascii[w as usize]),
                };
                refs[at..at + facets.refs.len()].copy_from_slice(&facets.refs);
                at += facets.refs.len();
            }
        },
    );
    (lookups, flat)
}

/// Ids by hash, each with its record's index, sorted: finds a record by id, and ids that
/// repeat, without a map of strings (which at a million records costs time and memory).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct IdIndex(Vec<(u64, u32)>);

impl IdIndex {
    /// The index of records whose ids `ids` gives in order.
    pub(crate) fn new<'a>(ids: impl IndexedParallelIterator<Item = &'a str>) -> Self {
        let mut by_hash: Vec<(u64, u32)> = ids.enumerate().map(|(i, id)| (id_hash(id), i as u32)).collect();
        by_hash.par_sort_unstable();
        Self(by_hash)
    }

    /// The index of the same records put in `order` (position k takes the record now at
    /// `order[k]`): what `new` gives for the reordered ids, without reading an id again.
    pub(crate) fn reordered(mut self, order: &[u32]) -> Self {
        let mut position = vec![0u32; order.len()];
        for (k, &i) in order.iter().enumerate() {
            position[i as usize] = k as u32;
        }
        for entry in &mut self.0 {
            entry.1 = position[entry.1 as usize];
        }
        // Records whose ids hash alike stay in record order.
        for run in self.0.chunk_by_mut(|a, b| a.0 == b.0).filter(|run| run.len() > 1) {
            run.sort_unstable();
        }
        self
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

//! A search in batches, with partial answers on a long one. Pure: the TUI's worker thread
//! runs it, and tests call it directly.

use std::time::{Duration, Instant};

use super::View;
use crate::model::Dataset;
use crate::query::{Query, Trail};
use crate::search::WordMatcher;

/// Events searched between checks for a newer request and, on a large dataset, between
/// partial answers.
const SEARCH_BATCH: usize = 65_536;
/// How often a long search shows what it has found so far.
const PARTIAL_EVERY: Duration = Duration::from_millis(100);

/// Run `query` in batches, handing `answer` a partial view now and then on a long search and
/// the complete view at the end. None when stopped (or when `answer` says to stop). With a
/// trail (of `dataset`), each event is read from where the last word this query's types on
/// first matched, and the trail then holds where this query's word does (`query::Trail`).
pub fn search(
    dataset: &Dataset,
    matcher: &dyn WordMatcher,
    query: &Query,
    within: Option<&[usize]>,
    stop: &(dyn Fn() -> bool + Sync),
    answer: &mut dyn FnMut(View, bool) -> bool,
    mut trail: Option<&mut Trail>,
) -> Option<()> {
    let track = trail.as_deref_mut().and_then(|trail| trail.begin(query));
    let candidates = crate::query::candidates(dataset, within);
    let mut found = Vec::new();
    let mut shown = Instant::now();
    let batches = candidates.len().div_ceil(SEARCH_BATCH);
    for (n, batch) in candidates.chunks(SEARCH_BATCH).enumerate() {
        let on_trail = trail.as_deref().zip(track.as_ref());
        found.extend(query.filter_on_trail(dataset, matcher, Some(batch), stop, on_trail)?);
        if n + 1 < batches && shown.elapsed() >= PARTIAL_EVERY {
            let mut partial = found.clone();
            query.order.arrange(dataset, &mut partial);
            if !answer(View::ordered(dataset, partial, query.order), false) {
                return None;
            }
            shown = Instant::now();
        }
    }
    if let (Some(trail), Some(track)) = (trail, track) {
        trail.settle(track);
    }
    query.order.arrange(dataset, &mut found);
    answer(View::ordered(dataset, found, query.order), true).then_some(())
}

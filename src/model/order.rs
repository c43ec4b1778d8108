//! The one chronological order of events (docs/DATA.md, "Sort order").

use chrono::NaiveDate;
use rayon::prelude::*;

use super::records::Event;
use crate::date::DatePrecision;

/// An event's place in time: its anchor's first day (the start, or for an open or unknown
/// start the end), coarser precision first, a date "by" then before one known to start
/// then, then the anchor's last day and the span's last day. Ties are broken by id.
type DateKey = (NaiveDate, DatePrecision, bool, NaiveDate, NaiveDate);

fn date_key(event: &Event) -> DateKey {
    let anchor = event.date.anchor();
    let start_known = event.date.start().known().is_some();
    (anchor.first_day(), anchor.precision(), start_known, anchor.last_day(), event.span().last)
}

/// The one chronological order of `events` (see docs/DATA.md, "Sort order"): position k
/// takes the event now at `order[k]`. Sorted on precomputed keys, ties broken by id.
pub(crate) fn chronological_order(events: &[triomphe::Arc<Event>]) -> Vec<u32> {
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
pub(crate) fn id_prefix(id: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = id.len().min(16);
    bytes[..n].copy_from_slice(&id.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

/// Rearrange `items` in place so that position k holds the item that was at `order[k]`.
pub(crate) fn permute<T>(items: &mut [T], mut order: Vec<u32>) {
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

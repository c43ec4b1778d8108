//! Asking memory, a few events ahead, for the parts of an event the filter will read: with a
//! hundred thousand events their text is not in cache, and fetching one event's while another
//! is matched keeps the cores busy.

use super::trail::Mark;
use crate::model::{Dataset, Event};

/// Ask memory for the part of `event` that holds where its text is (it is read a few events later).
pub(super) fn prefetch_record(event: &Event) {
    prefetch(std::ptr::from_ref(&event.title).cast());
    prefetch(std::ptr::from_ref(&event.citations).cast());
}

/// Ask memory for event `index`'s title and summary, and for where its quotes are when they
/// are read; or, reading from a mark, only for what is there.
pub(super) fn prefetch_text(dataset: &Dataset, index: usize, quotes: bool, start: Mark) {
    let event = dataset.event(index);
    if start == Mark::START {
        prefetch(event.title.as_ptr());
        prefetch(event.summary.as_ptr());
        if quotes {
            prefetch(event.citations.as_ptr().cast());
        }
    } else if start.in_quotes() {
        prefetch(event.citations.as_ptr().cast());
    } else if let Some(text) = dataset.search_field(index, start.place().field) {
        // A unit is a byte of ASCII text, else near one.
        prefetch(text.as_ptr().wrapping_add(start.place().unit));
    }
}

/// Ask memory for `event`'s quotes, or for the one a mark in them is in, where it is.
pub(super) fn prefetch_quotes(event: &Event, start: Mark) {
    if start.in_quotes() {
        let place = start.place();
        if let Some(citation) = event.citations.get(place.field) {
            prefetch(citation.quote.as_ptr().wrapping_add(place.unit));
        }
        return;
    }
    for citation in &event.citations {
        prefetch(citation.quote.as_ptr());
    }
}

/// A hint to bring the cache line at `address` in; nothing is read, so any address will do.
#[inline(always)]
fn prefetch(address: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing and cannot fault, whatever the address; SSE, which it
    // needs, is part of every x86_64 target.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(address.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = address;
}

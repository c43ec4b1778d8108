//! Where each event's first match of the last word searched was, so that the next keystroke,
//! which types that word on, starts reading each event there (`search::continues`): the
//! letters typed after the third read a word or two an event, not its whole text and quotes.

use std::sync::atomic::{AtomicU64, Ordering};

use super::{Query, Word};
use crate::search::Place;

/// The first match of a word in each event a search of it kept, stamped with that search.
/// One per dataset; the search worker keeps it between requests. Two sets of marks: one the
/// last search that ran to its end wrote, read by the next; the other written by the search
/// under way, so that a search stopped by a newer one (which typing fast does all the time)
/// leaves the marks it would have read for the next.
#[derive(Debug, Default)]
pub struct Trail {
    /// Per event: the stamp of the search that wrote it (high 32 bits) and its `Mark`.
    marks: [Vec<AtomicU64>; 2],
    /// The word of the last search that ran to its end, its stamp, and the marks it wrote:
    /// those with its stamp show where that word first matched.
    settled: Option<Settled>,
    /// The last stamp handed out.
    stamp: u32,
}

#[derive(Debug)]
struct Settled {
    word: Word,
    stamp: u32,
    marks: usize,
}

/// One search's use of a trail: which marks it may start from (a set and a stamp), and
/// where and with which stamp it writes its own.
#[derive(Debug, Clone)]
pub struct Track {
    word: Word,
    read: Option<(usize, u32)>,
    write: (usize, u32),
}

impl Trail {
    /// A trail for a dataset of `events` events, with no marks.
    pub fn new(events: usize) -> Self {
        let marks = || (0..events).map(|_| AtomicU64::new(0)).collect();
        Self { marks: [marks(), marks()], settled: None, stamp: 0 }
    }

    /// How a search of `query` (among some events, or all) uses the trail: it writes where
    /// its one word first matches, and starts from the marks of the last settled search when
    /// its word is that one's or continues it. None for a query of other than one word to find.
    pub fn begin(&mut self, query: &Query) -> Option<Track> {
        let mut words = query.words.iter();
        let (Some(word), None) = (words.next(), words.next()) else { return None };
        if word.negated {
            return None;
        }
        if self.stamp == u32::MAX {
            // Every stamp is used: forget them all, so that none is mistaken for a new one.
            self.marks.iter().flatten().for_each(|mark| mark.store(0, Ordering::Relaxed));
            self.settled = None;
            self.stamp = 0;
        }
        self.stamp += 1;
        let settled = self.settled.as_ref();
        let read = settled.filter(|settled| word.continues(&settled.word));
        Some(Track {
            word: word.clone(),
            read: read.map(|settled| (settled.marks, settled.stamp)),
            write: (settled.map_or(0, |settled| 1 - settled.marks), self.stamp),
        })
    }

    /// The search of `track` ran to its end: its marks are now the ones to start from.
    pub fn settle(&mut self, track: Track) {
        let (marks, stamp) = track.write;
        self.settled = Some(Settled { word: track.word, stamp, marks });
    }

    /// Where the search of `track` may start reading event `index`: where the settled word
    /// first matched, when it did.
    pub(crate) fn start(&self, track: &Track, index: usize) -> Mark {
        let Some((marks, stamp)) = track.read else { return Mark::START };
        let Some(mark) = self.marks[marks].get(index) else { return Mark::START };
        let mark = mark.load(Ordering::Relaxed);
        if (mark >> 32) as u32 == stamp { Mark(mark as u32) } else { Mark::START }
    }

    /// The search of `track` first matched its word in event `index` at `mark`.
    pub(crate) fn write(&self, track: &Track, index: usize, mark: Mark) {
        let (marks, stamp) = track.write;
        if let Some(slot) = self.marks[marks].get(index) {
            slot.store(u64::from(stamp) << 32 | u64::from(mark.0), Ordering::Relaxed);
        }
    }
}

/// A place in an event's searchable text: in its title, names and summary, or in its
/// quotes; which field of those; and which unit of it, in 32 bits. A place too far to write
/// is written as the start of its part, which is before it, so starting there still finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark(u32);

const QUOTES: u32 = 1 << 31;
const FIELD_BITS: u32 = 7;
const UNIT_BITS: u32 = 24;

impl Mark {
    pub(crate) const START: Mark = Mark(0);

    pub(crate) fn new(in_quotes: bool, place: Place) -> Self {
        let part = if in_quotes { QUOTES } else { 0 };
        match (u32::try_from(place.field), u32::try_from(place.unit)) {
            (Ok(field), Ok(unit)) if field < 1 << FIELD_BITS && unit < 1 << UNIT_BITS => {
                Mark(part | field << UNIT_BITS | unit)
            }
            _ => Mark(part),
        }
    }

    /// Whether the place is in the quotes (else in the title, names or summary).
    pub(crate) fn in_quotes(self) -> bool {
        self.0 & QUOTES != 0
    }

    /// The place within its part.
    pub(crate) fn place(self) -> Place {
        Place {
            field: ((self.0 & !QUOTES) >> UNIT_BITS) as usize,
            unit: (self.0 & ((1 << UNIT_BITS) - 1)) as usize,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_keeps_its_place_or_falls_back_to_its_parts_start() {
        for in_quotes in [false, true] {
            let place = Place { field: 3, unit: 1_000 };
            assert_eq!(Mark::new(in_quotes, place).place(), place);
            assert_eq!(Mark::new(in_quotes, place).in_quotes(), in_quotes);
            for far in [Place { field: 200, unit: 5 }, Place { field: 1, unit: 1 << 24 }] {
                assert_eq!(Mark::new(in_quotes, far).place(), Place::START);
                assert_eq!(Mark::new(in_quotes, far).in_quotes(), in_quotes);
            }
        }
    }

    #[test]
    fn marks_are_read_only_from_the_settled_search_of_a_word_continued() {
        let query = |text: &str| -> Query { text.parse().expect("query") };
        let at = |unit: usize| Mark::new(true, Place { field: 0, unit });
        let mut trail = Trail::new(3);
        let art = trail.begin(&query("art")).expect("one word");
        assert_eq!(art.read, None, "nothing settled yet");
        trail.write(&art, 1, at(9));
        trail.settle(art);
        let arti = trail.begin(&query("arti")).expect("one word");
        assert_eq!(trail.start(&arti, 1), at(9));
        assert_eq!(trail.start(&arti, 0), Mark::START, "event 0 was not kept");
        assert_eq!(trail.start(&arti, 7), Mark::START, "no such event");
        // `arti` is stopped before its end by `artil`, which still starts from `art`'s marks.
        trail.write(&arti, 1, at(20));
        let artil = trail.begin(&query("artil")).expect("one word");
        assert_eq!(trail.start(&artil, 1), at(9));
        trail.write(&artil, 1, at(30));
        trail.settle(artil);
        let artill = trail.begin(&query("artill")).expect("one word");
        assert_eq!(trail.start(&artill, 1), at(30));
        // Marks a search wrote two searches ago, in the same set, are not read.
        trail.write(&artill, 2, at(40));
        trail.settle(artill);
        let next = trail.begin(&query("artille")).expect("one word");
        trail.write(&next, 1, at(50));
        trail.settle(next);
        let last = trail.begin(&query("artiller")).expect("one word");
        assert_eq!(trail.start(&last, 2), Mark::START, "written by artill, not by artille");
        assert_eq!(trail.start(&last, 1), at(50));
        for other in ["kim", "ar", "!artillery", "'artiller", "artiller x"] {
            assert!(trail.begin(&query(other)).is_none_or(|track| track.read.is_none()), "{other}");
        }
    }
}

//! Word matching: one query term (a word, an exact word or a phrase) against a record's text,
//! with the matched character positions for highlighting.
//!
//! A record's words are runs of letters, numbers and unit symbols, so each part of a
//! hyphenated word starts a word (`liftoff` in `arms-for-liftoff`, `23` in `KN-23`) and a
//! number is one word with its separators (`8,000`). A query term is split the same way
//! (`text::pieces`): `152mm` is the number 152 followed by a word starting `mm`.

use crate::model::SearchFields;
use crate::text::{
    CharKind, Piece, Unit, char_mask, holds_pair, holds_triple, joins_number, lowercase, pair_slot, pieces,
    starts_word, triple_slot,
};

/// How a query term matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// A free word: the start of a record's word, typos forgiven (one letter skipped).
    Fuzzy,
    /// `'word`: the start of a record's word, letter for letter.
    Exact,
    /// `"long range"`: words in a row, letter for letter; every word but the last whole.
    Phrase,
}

/// A query term prepared for matching many records.
#[derive(Debug, Clone)]
pub struct Needle {
    pieces: Vec<Prepared>,
    /// Letters a record's word may have that the piece does not.
    skips: usize,
    /// A bit for each ASCII letter and digit the term has: a record without one can't match.
    mask: u64,
    /// Every piece is ASCII, so ASCII text is matched byte by byte.
    ascii: bool,
    /// The first two characters, as the slot of a pair signature (`text::PairSignature`) that
    /// a record's must hold.
    pair: Option<u8>,
    /// The first three characters, as the slot of a triple signature
    /// (`text::TripleSignature`) that a record's must hold.
    triple: Option<u8>,
}

#[derive(Debug, Clone)]
struct Prepared {
    kind: PieceKind,
    /// Lower-cased; never empty.
    chars: Vec<char>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PieceKind {
    Word,
    Number,
    Symbol,
}

impl Needle {
    pub fn new(text: &str, mode: Mode) -> Self {
        let mut mask = 0;
        let pieces: Vec<Prepared> = pieces(text, mode != Mode::Phrase)
            .into_iter()
            .map(|piece| {
                let (kind, text) = match piece {
                    Piece::Word(word) => (PieceKind::Word, word),
                    Piece::Number(digits) => (PieceKind::Number, digits),
                    Piece::Symbol(symbol) => (PieceKind::Symbol, symbol.to_string()),
                };
                mask |= char_mask(&text);
                Prepared { kind, chars: text.chars().collect() }
            })
            .collect();
        let ascii = pieces.iter().all(|p| p.chars.iter().all(char::is_ascii));
        let skips = if mode == Mode::Fuzzy { MAX_SKIPPED } else { 0 };
        let pair = pieces.first().filter(|p| p.chars.len() >= 2).map(|p| pair_slot(p.chars[0], p.chars[1]));
        let triple = pieces
            .first()
            .filter(|p| p.chars.len() >= 3)
            .map(|p| triple_slot(p.chars[0], p.chars[1], p.chars[2]));
        Self { pieces, skips, mask, ascii, pair, triple }
    }

    /// True when the term has nothing to match (only punctuation): it matches nothing.
    pub fn is_empty(&self) -> bool {
        self.pieces.is_empty()
    }

    /// A bit for each ASCII letter and digit of the term.
    pub fn mask(&self) -> u64 {
        self.mask
    }

    /// Could the term match text with this letter mask whose words begin with the pairs of
    /// `signature`? Text it cannot match need not be read at all.
    pub fn may_match(&self, mask: u64, signature: &[u64]) -> bool {
        self.mask & !mask == 0 && self.pair.is_none_or(|slot| holds_pair(signature, slot))
    }

    /// `may_match`, for text whose words begin with the triples of `triples` too.
    pub fn may_match_triples(&self, mask: u64, pairs: &[u64], triples: &[u64]) -> bool {
        self.may_match(mask, pairs) && self.triple.is_none_or(|slot| holds_triple(triples, slot))
    }
}

/// Does term `now` continue term `before`, typed on from it in `mode`? Then it matches only
/// where `before` matches, at the same word starts (see `WordMatcher::first_match`). A
/// number typed on is another number (`8`, then `80`), so a term ending in one is never
/// continued.
pub fn continues(now: &str, before: &str, mode: Mode) -> bool {
    let ends_with_number = matches!(pieces(before, mode != Mode::Phrase).last(), Some(Piece::Number(_)));
    !ends_with_number && lowercase(now).starts_with(&lowercase(before))
}

/// Every place a term matches inside a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordMatch {
    /// Character (not byte) indices into the text that matched, ascending.
    pub positions: Vec<usize>,
}

/// Finds query terms in text. Behind a trait so the engine can be swapped and measured.
pub trait WordMatcher: Send + Sync {
    /// Where `needle` matches in `text` (every match, for highlighting), or None.
    fn match_word(&self, text: &str, needle: &Needle) -> Option<WordMatch>;

    /// Does `needle` match any of a record's fields? Answered without positions, for filtering.
    fn matches(&self, record: &SearchFields<'_>, needle: &Needle) -> bool {
        self.matching_field(record, needle).is_some()
    }

    /// The first of a record's fields (in the order given: `Dataset::search_fields_into`'s, then quotes) that
    /// `needle` matches.
    fn matching_field(&self, record: &SearchFields<'_>, needle: &Needle) -> Option<usize> {
        self.first_match(record, needle, Place::START).map(|place| place.field)
    }

    /// Where `needle` first matches a record's fields at or after `from` (a field, then a unit
    /// in it): the field, and a unit of it at or before the match's start. A word that
    /// continues another can only match where that one did, so each keystroke may start from
    /// where the last one's word first matched (`query::Trail`).
    fn first_match(&self, record: &SearchFields<'_>, needle: &Needle, from: Place) -> Option<Place>;
}

/// A place in a record's fields: a field, and a unit of it (a byte of an ASCII field, else a
/// character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Place {
    pub field: usize,
    pub unit: usize,
}

impl Place {
    /// The start of the first field.
    pub const START: Place = Place { field: 0, unit: 0 };
}

/// The word-start matcher: a term matches a record's word that begins with the term's first
/// letter and holds the rest in order, with at most one letter skipped (none for an exact
/// word or a phrase): `artilery` finds `artillery`, `kn23` finds `KN-23`, `koksn` finds
/// `Koksan`, `sat` finds `satellite`, and `kim` finds neither `kilometres` nor the letters k,
/// i, m spread across a sentence. A number matches a whole number, whatever its thousands
/// separators. The rule is monotone for words: a longer word matches only what its prefix
/// matched, so each keystroke can search within the previous keystroke's result.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordStartMatcher;

impl WordMatcher for WordStartMatcher {
    fn match_word(&self, text: &str, needle: &Needle) -> Option<WordMatch> {
        let mut positions = Vec::new();
        if text.is_ascii() {
            if needle.ascii {
                let starts = byte_starts(text.as_bytes(), needle, 0);
                all_matches(text.as_bytes(), needle, starts, &mut positions);
            }
        } else {
            let chars: Vec<char> = text.chars().collect();
            all_matches(&chars, needle, char_starts(&chars, needle, 0), &mut positions);
        }
        (!positions.is_empty()).then_some(WordMatch { positions })
    }

    fn first_match(&self, record: &SearchFields<'_>, needle: &Needle, from: Place) -> Option<Place> {
        // A term with other letters than ASCII's cannot match ASCII text.
        if needle.pieces.is_empty() || needle.mask & !record.mask != 0 || (record.ascii && !needle.ascii) {
            return None;
        }
        let mut chars = Vec::new();
        record.fields.iter().enumerate().skip(from.field).find_map(|(field, text)| {
            let after = if field == from.field { from.unit } else { 0 };
            let unit = if record.ascii || text.is_ascii() {
                let bytes = text.as_bytes();
                needle.ascii.then(|| first_at(bytes, needle, byte_starts(bytes, needle, after))).flatten()
            } else {
                chars.clear();
                chars.extend(text.chars());
                first_at(&chars, needle, char_starts(&chars, needle, after))
            };
            unit.map(|unit| Place { field, unit })
        })
    }
}

/// How many letters of a record's word a fuzzy query word may skip (a missing letter, a hyphen).
const MAX_SKIPPED: usize = 1;

/// Where a match may start in ASCII text, from unit `after` on: each word start holding the
/// needle's first character, found by jumping (memchr) to each occurrence of it in either case.
fn byte_starts<'t>(text: &'t [u8], needle: &'t Needle, after: usize) -> impl Iterator<Item = usize> + 't {
    let first = needle.first().map_or(0, |c| c as u8);
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), text.get(after..).unwrap_or_default())
        .map(move |at| at + after)
        .filter(move |&at| needle.first().is_some() && starts_word(text, at))
}

/// Where a match may start in other text, from unit `after` on: each word start holding the
/// needle's first character.
fn char_starts<'t>(text: &'t [char], needle: &'t Needle, after: usize) -> impl Iterator<Item = usize> + 't {
    let first = needle.first();
    (after..text.len()).filter(move |&at| Some(text[at].folded()) == first && starts_word(text, at))
}

impl Needle {
    fn first(&self) -> Option<char> {
        self.pieces.first().map(|p| p.chars[0])
    }
}

/// The first of `starts` where `needle` matches.
fn first_at<U: Unit>(text: &[U], needle: &Needle, mut starts: impl Iterator<Item = usize>) -> Option<usize> {
    starts.find(|&start| match_at(text, start, needle, None).is_some())
}

/// Every match of `needle` in `text`, left to right without overlaps, into `positions`.
fn all_matches<U: Unit>(
    text: &[U],
    needle: &Needle,
    starts: impl Iterator<Item = usize>,
    positions: &mut Vec<usize>,
) {
    let mut after = 0;
    for start in starts {
        if start >= after {
            if let Some(end) = match_at(text, start, needle, Some(positions)) {
                after = end;
            }
        }
    }
}

/// Match every piece of `needle` from `start` (a word start), each piece starting the word
/// after the previous one with only separators between; the end of the match, with the
/// matched units' indices added to `positions` when given.
fn match_at<U: Unit>(
    text: &[U],
    start: usize,
    needle: &Needle,
    mut positions: Option<&mut Vec<usize>>,
) -> Option<usize> {
    let mark = positions.as_ref().map_or(0, |p| p.len());
    let last = needle.pieces.len().checked_sub(1)?;
    let mut at = start;
    for (k, piece) in needle.pieces.iter().enumerate() {
        if k > 0 {
            // Separators between the words, but not a line break (names are one per line).
            while at < text.len() && text[at].kind() == CharKind::Other && !text[at].is('\n') {
                at += 1;
            }
        }
        let end = if k > 0 && !starts_word(text, at) {
            None
        } else {
            match piece.kind {
                PieceKind::Word => {
                    match_word(text, at, &piece.chars, needle.skips, k == last, positions.as_deref_mut())
                }
                PieceKind::Number => match_number(text, at, &piece.chars, positions.as_deref_mut()),
                PieceKind::Symbol => text.get(at).is_some_and(|u| u.is(piece.chars[0])).then(|| {
                    if let Some(p) = positions.as_deref_mut() {
                        p.push(at);
                    }
                    at + 1
                }),
            }
        };
        match end {
            Some(end) => at = end,
            None => {
                if let Some(p) = positions {
                    p.truncate(mark);
                }
                return None;
            }
        }
    }
    Some(at)
}

/// A word piece from `start`: its first letter there, the rest in order within the record's
/// word (across inner hyphens and dots: `kn23` in `KN-23`), skipping at most `skips` units;
/// a piece before another must end where the record's word ends.
fn match_word<U: Unit>(
    text: &[U],
    start: usize,
    word: &[char],
    skips: usize,
    last: bool,
    mut positions: Option<&mut Vec<usize>>,
) -> Option<usize> {
    if text[start].folded() != word[0] {
        return None;
    }
    if let Some(p) = positions.as_deref_mut() {
        p.push(start);
    }
    let mut matched = 1;
    let mut skipped = 0;
    let mut at = start + 1;
    let mut previous_joiner = false;
    while matched < word.len() && at < text.len() {
        let unit = text[at];
        let free = match unit.kind() {
            CharKind::Letter | CharKind::Digit => {
                previous_joiner = false;
                false
            }
            _ if (unit.is('-') || unit.is('.'))
                && !previous_joiner
                && matches!(text.get(at + 1).map(|u| u.kind()), Some(CharKind::Letter | CharKind::Digit)) =>
            {
                previous_joiner = true;
                false
            }
            // A thousands separator is part of the number, never a skipped letter.
            _ if unit.is(',') && joins_number(text, at) => true,
            _ => break,
        };
        if unit.folded() == word[matched] {
            matched += 1;
            if let Some(p) = positions.as_deref_mut() {
                p.push(at);
            }
        } else if !free {
            skipped += 1;
            if skipped > skips {
                return None;
            }
        }
        at += 1;
    }
    let continues = |at: usize| {
        text.get(at).is_some_and(|u| matches!(u.kind(), CharKind::Letter | CharKind::Digit))
            && !starts_word(text, at)
    };
    (matched == word.len() && (last || !continues(at))).then_some(at)
}

/// A number piece from `start`: the record's whole number there has the same digits (and
/// decimal point), whatever its thousands separators.
fn match_number<U: Unit>(
    text: &[U],
    start: usize,
    digits: &[char],
    mut positions: Option<&mut Vec<usize>>,
) -> Option<usize> {
    let mut matched = 0;
    let mut at = start;
    while at < text.len() {
        let unit = text[at];
        let separator = matches!(unit.kind(), CharKind::Other) && joins_number(text, at);
        if unit.kind() == CharKind::Digit || (separator && unit.is('.')) {
            if digits.get(matched).is_none_or(|&d| !unit.is(d)) {
                return None;
            }
            matched += 1;
        } else if !separator {
            break;
        }
        if let Some(p) = positions.as_deref_mut() {
            p.push(at);
        }
        at += 1;
    }
    (matched == digits.len()).then_some(at)
}

mod names;

pub use names::NameScorer;

#[cfg(test)]
mod tests;

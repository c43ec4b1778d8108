//! How large each thing in a dataset may be (docs/DATA.md, "Limits"). Past these a value is
//! almost surely a mistake (a paste gone wrong, a wrong file), and would swamp the screen,
//! the exports or the loader; each is reported as a problem, never a hang.

use crate::model::group_thousands;

const MIB: u64 = 1024 * 1024;

/// The largest file of each kind, in bytes.
pub(crate) const ARTICLE_BYTES: u64 = 8 * MIB;
pub(crate) const EVENT_FILE_BYTES: u64 = 256 * MIB;
/// `dataset.toml`, `sources.toml`, `actors.toml`, `weapons.toml`.
pub(crate) const DATA_FILE_BYTES: u64 = 16 * MIB;

/// The longest an id may be, in bytes.
pub(crate) const ID_BYTES: usize = 200;
/// The longest texts, in characters: names (of actors and weapon types, and their aliases
/// and designations, and a source's title, outlet and author), an event's title, its summary
/// and the explanations of a date or a grade, and a quote.
pub(crate) const NAME_CHARS: usize = 500;
pub(crate) const TITLE_CHARS: usize = 500;
pub(crate) const SUMMARY_CHARS: usize = 20_000;
pub(crate) const QUOTE_CHARS: usize = 10_000;

/// The most aliases, and designations, a record may have.
pub(crate) const NAMES_PER_RECORD: usize = 64;
/// The most entries each list of an event (actors, weapons, claimed_by, related,
/// quantities, citations) may have.
pub(crate) const ENTRIES_PER_LIST: usize = 256;

/// The shortest a quote may be to prove anything, in words and in characters (once white
/// space is folded).
pub(crate) const QUOTE_MIN_WORDS: usize = 3;
pub(crate) const QUOTE_MIN_CHARS: usize = 12;

/// Past this many ids and names of one record type, an unknown reference gets no
/// did-you-mean: each suggestion compares the reference with every one of them.
pub(crate) const SUGGESTION_CANDIDATES: usize = 5_000;

/// What is wrong with a text longer than `limit` characters, to follow its name ("`summary`
/// is 30,000 characters long; …"); None when it is within. Nothing is allocated then: this
/// runs on every text of every record.
pub(crate) fn too_long(text: &str, limit: usize) -> Option<String> {
    // Counting characters costs a pass; a text within the limit in bytes is within it.
    if text.len() <= limit {
        return None;
    }
    let length = text.chars().count();
    (length > limit).then(|| {
        let (length, limit) = (group_thousands(length as u64), group_thousands(limit as u64));
        format!("is {length} characters long; keep it under {limit}")
    })
}

/// What is wrong with a list of more than `limit` entries, to follow its name; None when
/// it is within.
pub(crate) fn too_many(count: usize, limit: usize) -> Option<String> {
    (count > limit).then(|| format!("has {count} entries; keep it to {limit} at most"))
}

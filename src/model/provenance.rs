//! Where each record is written, and the text of each source's article: what the loader
//! read, kept so that a record can be opened at its line and a quote shown in its article.

use std::sync::Arc;

/// Where a record is written: a dataset-relative file (`data/events/2023.toml`) and the
/// 1-based line of its `[[event]]` (or `[[source]]`, …) header, the line an editor opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin<'a> {
    pub file: &'a str,
    pub line: u32,
}

/// A record's file (an index into `Provenance::files`) and line, in eight bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    pub(crate) file: u32,
    pub(crate) line: u32,
}

/// Where each record is written, file names held once; and each source's article.
#[derive(Debug, Clone, Default)]
pub(crate) struct Provenance {
    /// Dataset-relative paths of the files that hold records.
    pub(crate) files: Vec<Box<str>>,
    /// One per event, in the order the events are given to the dataset (then put in
    /// chronological order with them); empty when unknown.
    pub(crate) events: Vec<Place>,
    /// One per source, actor and weapon type, in the dataset's order; empty when unknown.
    pub(crate) sources: Vec<Place>,
    pub(crate) actors: Vec<Place>,
    pub(crate) weapons: Vec<Place>,
    /// Each source's article as written, in the order of the sources; empty when unknown.
    pub(crate) articles: Vec<Arc<str>>,
}

impl Provenance {
    /// Register a file that holds records; its index for `Place`.
    pub(crate) fn add_file(&mut self, path: &str) -> u32 {
        self.files.push(path.into());
        u32::try_from(self.files.len() - 1).unwrap_or(u32::MAX)
    }

    /// The origin of the record at `index` of `places`.
    pub(crate) fn origin(&self, places: &[Place], index: usize) -> Option<Origin<'_>> {
        let place = places.get(index)?;
        let file = self.files.get(place.file as usize)?;
        Some(Origin { file, line: place.line })
    }
}

//! Read and validate a dataset, collecting every problem with its file, line and column.
//!
//! Files are parsed in parallel and their text is dropped once parsed, so a large dataset
//! never sits in memory twice; a file is read again only to locate a problem found later.
//! The steps, lowest first: `files` (where the bytes come from), `parse` (TOML into raw
//! records), `problems` (where each problem is), `registry` (ids of one record type),
//! `taxonomy`, `events` and `quantities` (each record's checks), `links` (checks across files),
//! `provenance` (quotes in their articles) and `validate`, which runs them in order;
//! `cache` keeps what a reload can reuse (`Loader`).

mod cache;
mod confine;
mod diagnose;
mod events;
mod files;
mod limits;
mod links;
mod parse;
mod problems;
mod provenance;
mod quantities;
mod raw;
mod registry;
mod taxonomy;
mod validate;

pub use crate::text::suggest_id;
pub use cache::Loader;
pub use confine::Refusal;
pub use files::{Bundled, DatasetFiles, InMemory, OnDisk, Stamp};
pub use problems::Problem;
pub use provenance::{locate, normalise_for_quote};
pub use registry::is_valid_id;

use crate::model::Dataset;

/// Why a dataset could not be loaded: every problem found, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadFailure {
    pub problems: Vec<Problem>,
}

impl LoadFailure {
    /// "3 problems in 2 files"
    pub fn summary(&self) -> String {
        let mut files: Vec<&str> = self.problems.iter().map(|p| p.file.as_str()).collect();
        files.sort_unstable();
        files.dedup();
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!("{} in {}", plural(self.problems.len(), "problem"), plural(files.len(), "file"))
    }
}

/// How far loading has got: event files parsed out of all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub files_done: usize,
    pub files_total: usize,
}

/// Load the dataset `files` gives access to, or say everything that is wrong with it.
pub fn load(files: &dyn DatasetFiles) -> Result<Dataset, LoadFailure> {
    load_with_progress(files, &|_| {})
}

/// As `load`, reporting progress as event files are parsed (from worker threads).
pub fn load_with_progress(
    files: &dyn DatasetFiles,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Dataset, LoadFailure> {
    Loader::once().load_with_progress(files, progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_dataset_loads_cleanly() {
        let dataset = load(&Bundled).unwrap_or_else(|failure| {
            let lines: Vec<String> = failure.problems.iter().map(Problem::to_string).collect();
            panic!("{}\n{}", lines.join("\n"), failure.summary())
        });
        assert!(!dataset.events().is_empty());
    }

    #[test]
    fn summary_counts_problems_and_distinct_files() {
        let problem =
            |file: &str| Problem { file: file.into(), position: None, record: None, message: "x".into() };
        let failure = LoadFailure { problems: vec![problem("a"), problem("b"), problem("a")] };
        assert_eq!(failure.summary(), "3 problems in 2 files");
    }
}

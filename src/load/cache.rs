//! Loading a dataset again, reading again only what changed. A `Loader` keeps each event
//! file's checked records with the file's stamp (`files::Stamp`): a reload parses and checks
//! only the event files whose stamp changed, or, for a file written moments before it was
//! read, whose bytes did; it reuses the records of the others. What the event checks read
//! in other files (sources, actors, weapon types, articles) is read on every load and
//! compared, by a hash of its bytes, with what the kept records were checked against: if
//! any of it changed, every event file is checked again. An article whose text did not
//! change is not folded again for quote matching. The checks across files and the dataset
//! are made over all the records each time, so a reload gives exactly what a fresh load
//! gives.

use std::io;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::events::Checked;
use super::files::{DatasetFiles, Stamp, digest};
use super::limits::EVENT_FILE_BYTES;
use super::parse::ParsedFile;
use super::problems::ProblemLog;
use super::provenance::normalise_for_quote;
use super::taxonomy::Article;
use super::{LoadFailure, Progress, validate};
use crate::model::Dataset;

/// Loads a dataset again and again, reading again only the event files that changed since
/// its last load (see the module's comment). Each load gives what `load::load` gives.
pub struct Loader {
    cache: Cache,
}

impl Default for Loader {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Loader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Loader").field("kept_files", &self.kept_files()).finish()
    }
}

impl Loader {
    pub fn new() -> Self {
        Self { cache: Cache::new(true) }
    }

    /// A loader for one load: nothing is stamped, hashed or kept.
    pub(super) fn once() -> Self {
        Self { cache: Cache::new(false) }
    }

    /// Load the dataset `files` gives access to, or say everything that is wrong with it.
    pub fn load(&mut self, files: &dyn DatasetFiles) -> Result<Dataset, LoadFailure> {
        self.load_with_progress(files, &|_| {})
    }

    /// As `load`, reporting progress as event files are parsed or found unchanged (from
    /// worker threads).
    pub fn load_with_progress(
        &mut self,
        files: &dyn DatasetFiles,
        progress: &(dyn Fn(Progress) + Sync),
    ) -> Result<Dataset, LoadFailure> {
        let recorder = Recorder::new(files, self.cache.keep);
        let mut log = ProblemLog::new(&recorder);
        let dataset = validate::validate(&mut log, progress, &mut self.cache, &recorder);
        self.cache.loaded();
        let mut problems = log.resolve();
        if problems.is_empty() {
            // validate() returns None only after recording at least one problem.
            return dataset.ok_or_else(|| LoadFailure { problems: Vec::new() });
        }
        problems.sort_by(|a, b| (&a.file, a.position).cmp(&(&b.file, b.position)));
        Err(LoadFailure { problems })
    }

    /// How many event files' records are kept for the next load: those of the last load.
    pub fn kept_files(&self) -> usize {
        self.cache.files.len()
    }
}

/// What a loader keeps of its last load: each event file's records and what they were
/// checked against, and the articles as folded for quote matching.
pub(crate) struct Cache {
    /// False for a load made once: nothing is stamped, hashed or kept.
    keep: bool,
    /// Each event file of the last load, in the order listed.
    files: Vec<Kept>,
    /// What the records of `files` were checked against: each file read before the event
    /// files (dataset info, taxonomies, articles), and what reading it gave.
    inputs: HashMap<String, Outcome>,
    /// The articles of the last load, by a hash of their text: one whose text has not
    /// changed is not folded again, and its text is shared with the last load's dataset.
    articles: HashMap<u64, Article>,
    /// The articles of this load so far.
    folded: Mutex<HashMap<u64, Article>>,
}

/// One event file's checked records, and the file as it was when read.
pub(crate) struct Kept {
    /// None when the file had no stamp: it is read again next time.
    seen: Option<Seen>,
    pub(crate) parsed: ParsedFile<Checked>,
}

/// A file as it was when read: its stamp, and, when the stamp was not settled, what reading
/// it gave (to compare with what reading it gives next time).
struct Seen {
    stamp: Stamp,
    read: Option<Outcome>,
}

/// What reading a file gave: a hash of its bytes, or the error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    Read { len: usize, digest: u64 },
    Failed(String),
}

impl Outcome {
    fn of(read: &io::Result<Vec<u8>>) -> Self {
        match read {
            Ok(bytes) => Outcome::Read { len: bytes.len(), digest: digest(bytes) },
            Err(error) => Outcome::Failed(format!("{:?}: {error}", error.kind())),
        }
    }
}

/// How an event file is parsed and checked.
pub(crate) type ParseEvents<'p> = dyn Fn(&dyn DatasetFiles, &str) -> ParsedFile<Checked> + Sync + 'p;

impl Cache {
    fn new(keep: bool) -> Self {
        let (files, inputs, articles, folded) = Default::default();
        Self { keep, files, inputs, articles, folded }
    }

    /// `text` as written and folded for quote matching: as the last load folded it, if it
    /// had the same text (then its text is shared), else folded now.
    pub(crate) fn fold(&self, text: Arc<str>) -> Article {
        if !self.keep {
            let folded = normalise_for_quote(&text);
            return (text, folded);
        }
        let key = digest(text.as_bytes());
        let article = match self.articles.get(&key).filter(|(kept, _)| **kept == *text) {
            Some((kept, folded)) => (Arc::clone(kept), folded.clone()),
            None => {
                let folded = normalise_for_quote(&text);
                (text, folded)
            }
        };
        let mut folded = self.folded.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        folded.insert(key, (Arc::clone(&article.0), article.1.clone()));
        article
    }

    /// A load is over: the articles it folded are kept for the next, and only those.
    fn loaded(&mut self) {
        let folded = self.folded.get_mut().unwrap_or_else(|poisoned| poisoned.into_inner());
        self.articles = std::mem::take(folded);
    }

    /// Called with what was read before the event files: the records kept are dropped
    /// unless they were checked against the same.
    pub(crate) fn checked_against(&mut self, inputs: HashMap<String, Outcome>) {
        if inputs != self.inputs {
            self.files.clear();
        }
        self.inputs = inputs;
    }

    /// No event files: nothing is kept.
    pub(crate) fn forget(&mut self) {
        self.files.clear();
    }

    /// The event files at `paths`, in that order: each kept from the last load if it has not
    /// changed since, else read, parsed and checked by `parse`; `done` is called after each.
    /// What is kept afterwards is exactly these files.
    pub(crate) fn update(
        &mut self,
        files: &dyn DatasetFiles,
        paths: &[String],
        parse: &ParseEvents<'_>,
        done: &(dyn Fn() + Sync),
    ) -> &[Kept] {
        let mut last: HashMap<String, Kept> =
            self.files.drain(..).map(|kept| (kept.parsed.path.clone(), kept)).collect();
        let work: Vec<(&String, Option<Kept>)> = paths.iter().map(|path| (path, last.remove(path))).collect();
        drop(last); // files no longer listed
        let keep = self.keep;
        self.files = work
            .into_par_iter()
            .map(|(path, kept)| {
                let kept = refresh(files, path, kept, keep, parse);
                done();
                kept
            })
            .collect();
        &self.files
    }
}

/// The event file at `path`: `kept` if the file has not changed since, else read again.
fn refresh(
    files: &dyn DatasetFiles,
    path: &str,
    kept: Option<Kept>,
    keep: bool,
    parse: &ParseEvents<'_>,
) -> Kept {
    if !keep {
        return Kept { seen: None, parsed: parse(files, path) };
    }
    // Stamped before it is read: a write after this changes the stamp, so it can't be missed.
    let stamp = files.stamp(path).ok();
    if let (Some(stamp), Some(kept)) = (stamp, kept) {
        if let Some(seen) = kept.seen.as_ref().and_then(|seen| seen.unchanged(stamp, files, path)) {
            return Kept { seen: Some(seen), parsed: kept.parsed };
        }
    }
    match stamp {
        Some(stamp) if !stamp.settled => {
            let recorder = Recorder::new(files, true);
            let parsed = parse(&recorder, path);
            let read = recorder.stop().remove(path);
            Kept { seen: Some(Seen { stamp, read }), parsed }
        }
        Some(stamp) => Kept { seen: Some(Seen { stamp, read: None }), parsed: parse(files, path) },
        None => Kept { seen: None, parsed: parse(files, path) },
    }
}

impl Seen {
    /// The file as it is now, if it is as it was when seen; `now` is its stamp now.
    fn unchanged(&self, now: Stamp, files: &dyn DatasetFiles, path: &str) -> Option<Seen> {
        if !self.stamp.same_as(&now) {
            return None;
        }
        if self.stamp.settled {
            return Some(Seen { stamp: now, read: None });
        }
        // Written moments before it was read: a second write may have left the same stamp.
        let read = Outcome::of(&files.read(path, EVENT_FILE_BYTES));
        (self.read.as_ref() == Some(&read)).then(|| Seen { stamp: now, read: (!now.settled).then_some(read) })
    }
}

/// Dataset files that remember what the first read of each file gave, until stopped.
pub(crate) struct Recorder<'a> {
    files: &'a dyn DatasetFiles,
    /// None when not recording.
    reads: Mutex<Option<HashMap<String, Outcome>>>,
}

impl<'a> Recorder<'a> {
    fn new(files: &'a dyn DatasetFiles, recording: bool) -> Self {
        Self { files, reads: Mutex::new(recording.then(HashMap::default)) }
    }

    /// Stop recording; what each file read so far gave, by path.
    pub(crate) fn stop(&self) -> HashMap<String, Outcome> {
        let mut reads = self.reads.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        reads.take().unwrap_or_default()
    }
}

impl DatasetFiles for Recorder<'_> {
    fn label(&self) -> String {
        self.files.label()
    }

    fn display_path(&self, path: &str) -> String {
        self.files.display_path(path)
    }

    fn read(&self, path: &str, limit: u64) -> io::Result<Vec<u8>> {
        let read = self.files.read(path, limit);
        let mut reads = self.reads.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(reads) = reads.as_mut() {
            // The first read is the one parsed; later ones only locate problems.
            reads.entry(path.to_string()).or_insert_with(|| Outcome::of(&read));
        }
        read
    }

    fn event_files(&self) -> io::Result<Vec<String>> {
        self.files.event_files()
    }

    fn stamp(&self, path: &str) -> io::Result<Stamp> {
        self.files.stamp(path)
    }
}

//! Reloads that read again only what changed (`load::Loader`) give exactly what a fresh load
//! gives, whatever was edited, and keep nothing of files that are gone.

use std::io;
use std::path::Path;

use annals::load::{self, DatasetFiles, InMemory, Loader, OnDisk, Stamp};
use annals::model::Dataset;
use proptest::prelude::*;

#[path = "../../examples/generate.rs"]
#[allow(dead_code)]
mod generate;

/// Event files of the generated dataset, and events in each.
const EVENT_FILES: usize = 8;
const EVENTS_PER_FILE: usize = 20;

/// A generated dataset (quotes from five articles, related events across files), its events
/// split into `EVENT_FILES` files: every file, by path. Generated once.
fn generated() -> Vec<(String, Vec<u8>)> {
    static FILES: std::sync::OnceLock<Vec<(String, Vec<u8>)>> = std::sync::OnceLock::new();
    FILES.get_or_init(generate_split).clone()
}

fn generate_split() -> Vec<(String, Vec<u8>)> {
    let dir = tempfile::tempdir().expect("temp dir");
    generate::generate(EVENTS_PER_FILE * EVENT_FILES, dir.path(), 7).expect("generated");
    let shard = dir.path().join("data/events/shard-00000.toml");
    let text = std::fs::read_to_string(&shard).expect("the shard");
    std::fs::remove_file(shard).expect("removed");
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let records: Vec<&str> = text.split("[[event]]\n").filter(|r| !r.trim().is_empty()).collect();
    for (n, chunk) in records.chunks(EVENTS_PER_FILE).enumerate() {
        let body: String = chunk.iter().map(|record| format!("[[event]]\n{record}")).collect();
        files.push((format!("data/events/part-{n}.toml"), body.into_bytes()));
    }
    let rest = InMemory::from_dir(dir.path()).expect("read back");
    for path in ["data/dataset.toml", "data/actors.toml", "data/weapons.toml", "data/sources.toml"]
        .into_iter()
        .map(String::from)
        .chain((0..5).map(|a| format!("seeds/source-{a:05}.txt")))
    {
        files.push((path.clone(), rest.read(&path, u64::MAX).expect("generated file")));
    }
    assert_eq!(files.iter().filter(|(p, _)| p.starts_with("data/events/")).count(), EVENT_FILES);
    files
}

/// One edit of the dataset's files.
#[derive(Debug, Clone)]
enum Edit {
    /// Overwrite, insert or remove a byte of the `file`th file.
    Byte { file: usize, at: usize, byte: u8, how: u8 },
    /// Replace the first `from` in the file with `to` (ids, references, quotes).
    Replace { file: usize, from: &'static str, to: &'static str },
    /// Remove the file.
    Remove { file: usize },
    /// Copy the file to a new event file (its ids now repeat).
    Copy { file: usize },
    /// Put the file back as generated.
    Restore { file: usize },
    /// Write the file again as it is.
    Touch { file: usize },
}

/// Texts worth replacing: event ids (a repeat, or a `related` link broken), actor, weapon
/// and source ids (an unknown reference), an article's words (a quote no longer found), the
/// start of a record (a syntax error).
const REPLACEMENTS: &[(&str, &str)] = &[
    ("event-00000", "event-00001"),
    ("id = \"event-", "id = \"ev-"),
    ("\"russia\"", "\"rusia\""),
    ("id = \"russia\"", "id = \"russia-federation\""),
    ("id = \"kn-23\"", "id = \"kn23\""),
    ("\"kn-23\"", "\"kn-24\""),
    ("id = \"source-00001\"", "id = \"source-1\""),
    ("the ", "a "),
    ("[[event]]", "[[event]"),
    ("title = ", "titel = "),
];

fn edit() -> impl Strategy<Value = Edit> {
    let file = any::<usize>;
    prop_oneof![
        3 => (file(), file(), any::<u8>(), 0u8..3).prop_map(|(file, at, byte, how)| Edit::Byte { file, at, byte, how }),
        4 => (file(), prop::sample::select(REPLACEMENTS)).prop_map(|(file, (from, to))| Edit::Replace { file, from, to }),
        1 => file().prop_map(|file| Edit::Remove { file }),
        1 => file().prop_map(|file| Edit::Copy { file }),
        2 => file().prop_map(|file| Edit::Restore { file }),
        1 => file().prop_map(|file| Edit::Touch { file }),
    ]
}

/// A dataset's files as edited: what the test writes, by path, in order.
struct Files {
    now: Vec<(String, Vec<u8>)>,
    generated: Vec<(String, Vec<u8>)>,
    copies: usize,
}

impl Files {
    fn new(generated: Vec<(String, Vec<u8>)>) -> Self {
        Self { now: generated.clone(), generated, copies: 0 }
    }

    /// Apply `edit`; the paths written and removed.
    fn apply(&mut self, edit: &Edit) -> (Vec<String>, Vec<String>) {
        let n = self.now.len().max(1);
        let pick = |file: &usize, n: usize| file % n.max(1);
        match edit {
            Edit::Byte { file, at, byte, how } if !self.now.is_empty() => {
                let (path, bytes) = &mut self.now[file % n];
                let at = at % (bytes.len() + 1);
                match how {
                    0 if at < bytes.len() => bytes[at] = *byte,
                    1 => bytes.insert(at, *byte),
                    _ if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ => {}
                }
                (vec![path.clone()], vec![])
            }
            Edit::Replace { file, from, to } if !self.now.is_empty() => {
                let (path, bytes) = &mut self.now[file % n];
                let text = String::from_utf8_lossy(bytes).replacen(from, to, 1);
                *bytes = text.into_bytes();
                (vec![path.clone()], vec![])
            }
            Edit::Remove { file } if !self.now.is_empty() => {
                let (path, _) = self.now.remove(pick(file, self.now.len()));
                (vec![], vec![path])
            }
            Edit::Copy { file } if !self.now.is_empty() => {
                let (_, bytes) = self.now[pick(file, self.now.len())].clone();
                self.copies += 1;
                let path = format!("data/events/copy-{}.toml", self.copies);
                self.now.push((path.clone(), bytes));
                (vec![path], vec![])
            }
            Edit::Restore { file } => {
                let (path, bytes) = self.generated[pick(file, self.generated.len())].clone();
                match self.now.iter_mut().find(|(p, _)| *p == path) {
                    Some((_, now)) => *now = bytes,
                    None => self.now.push((path.clone(), bytes)),
                }
                (vec![path], vec![])
            }
            Edit::Touch { file } if !self.now.is_empty() => {
                (vec![self.now[pick(file, self.now.len())].0.clone()], vec![])
            }
            _ => (vec![], vec![]),
        }
    }

    fn in_memory(&self) -> InMemory {
        let mut files = InMemory::new();
        for (path, bytes) in &self.now {
            files.insert(path, bytes.clone());
        }
        files
    }

    fn event_files(&self) -> usize {
        self.now.iter().filter(|(path, _)| path.starts_with("data/events/")).count()
    }
}

/// What a load gave, compared whole: the dataset (every field, as `Debug` shows it) or
/// every problem.
fn outcome(loaded: Result<Dataset, load::LoadFailure>) -> Result<String, Vec<String>> {
    loaded
        .map(|dataset| format!("{dataset:?}"))
        .map_err(|f| f.problems.iter().map(|p| p.to_string()).collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 20, ..ProptestConfig::default() })]

    #[test]
    fn a_reload_gives_what_a_fresh_load_gives(steps in proptest::collection::vec(proptest::collection::vec(edit(), 1..4), 1..8)) {
        let mut files = Files::new(generated());
        let mut loader = Loader::new();
        prop_assert!(loader.load(&files.in_memory()).is_ok(), "the generated dataset loads");
        for edits in &steps {
            for edit in edits {
                files.apply(edit);
            }
            let now = files.in_memory();
            let fresh = outcome(load::load(&now));
            prop_assert_eq!(outcome(loader.load(&now)), fresh, "after {:?}", edits);
            prop_assert_eq!(loader.kept_files(), files.event_files(), "one entry per event file");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4, ..ProptestConfig::default() })]

    /// The same on disk, where files are stamped by their metadata: the test writes faster
    /// than stamps settle, so files are also compared by content.
    #[test]
    fn a_reload_from_disk_gives_what_a_fresh_load_gives(steps in proptest::collection::vec(proptest::collection::vec(edit(), 1..4), 1..6)) {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut files = Files::new(generated());
        for (path, bytes) in &files.now {
            write(dir.path(), path, bytes);
        }
        let disk = OnDisk::new(dir.path());
        let mut loader = Loader::new();
        prop_assert!(loader.load(&disk).is_ok(), "the generated dataset loads");
        for edits in &steps {
            for edit in edits {
                let (written, removed) = files.apply(edit);
                for path in written {
                    let bytes = files.now.iter().find(|(p, _)| *p == path).map(|(_, b)| b.clone()).unwrap_or_default();
                    write(dir.path(), &path, &bytes);
                }
                for path in removed {
                    std::fs::remove_file(dir.path().join(path)).expect("removed");
                }
            }
            let fresh = outcome(load::load(&disk));
            prop_assert_eq!(outcome(loader.load(&disk)), fresh, "after {:?}", edits);
            prop_assert_eq!(loader.kept_files(), files.event_files());
        }
    }
}

fn write(root: &Path, path: &str, bytes: &[u8]) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    std::fs::write(path, bytes).expect("written");
}

/// Files whose stamps never move, as when two saves fall within one tick of the file
/// system's clock; `settled` says whether the stamps claim to be settled.
struct Frozen {
    files: InMemory,
    settled: bool,
}

impl DatasetFiles for Frozen {
    fn label(&self) -> String {
        self.files.label()
    }
    fn display_path(&self, path: &str) -> String {
        self.files.display_path(path)
    }
    fn read(&self, path: &str, limit: u64) -> io::Result<Vec<u8>> {
        self.files.read(path, limit)
    }
    fn event_files(&self) -> io::Result<Vec<String>> {
        self.files.event_files()
    }
    fn stamp(&self, _path: &str) -> io::Result<Stamp> {
        let mut stamp = Stamp::of_bytes(b"the same stamp");
        stamp.settled = self.settled;
        Ok(stamp)
    }
}

#[test]
fn a_file_written_within_a_tick_of_its_reading_is_compared_by_content() {
    let mut files = Files::new(generated());
    let mut loader = Loader::new();
    assert!(loader.load(&Frozen { files: files.in_memory(), settled: false }).is_ok());
    let edit = Edit::Replace { file: 0, from: "title = ", to: "titel = " };
    files.apply(&edit);
    let edited = Frozen { files: files.in_memory(), settled: false };
    let problems = outcome(loader.load(&edited)).expect_err("the edit is seen though the stamp is the same");
    assert_eq!(Err(problems), outcome(load::load(&edited)));

    // A settled stamp is trusted: what it says has not changed is not read again.
    let mut trusting = Loader::new();
    let files = Files::new(generated());
    assert!(trusting.load(&Frozen { files: files.in_memory(), settled: true }).is_ok());
    let mut edited = Files::new(generated());
    edited.apply(&edit);
    let kept = trusting.load(&Frozen { files: edited.in_memory(), settled: true });
    assert!(kept.is_ok(), "the kept records were used");
}

#[test]
fn many_reloads_keep_one_entry_per_current_event_file() {
    let mut files = Files::new(generated());
    let mut loader = Loader::new();
    for round in 0..60usize {
        let file = round * 7919;
        let edit = match round % 4 {
            0 => Edit::Copy { file },
            1 => Edit::Replace { file, from: "the ", to: "a " },
            2 => Edit::Remove { file },
            _ => Edit::Restore { file },
        };
        files.apply(&edit);
        let _ = loader.load(&files.in_memory());
        assert_eq!(loader.kept_files(), files.event_files(), "round {round}: {edit:?}");
    }
}

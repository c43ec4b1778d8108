//! Where a dataset's files come from: a folder on disk, or the copy embedded in the binary.

use std::io;
use std::path::{Component, Path, PathBuf};

use include_dir::{Dir, include_dir};

static BUNDLED_DATA: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/data");
static BUNDLED_SEEDS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/seeds");

/// Read access to a dataset laid out as `data/…` and `seeds/…`, by dataset-relative path.
pub trait DatasetFiles: Sync {
    /// What to call the dataset when it has no `data/dataset.toml` name.
    fn label(&self) -> String;
    /// How to show a dataset-relative path to the user.
    fn display_path(&self, path: &str) -> String;
    fn read(&self, path: &str) -> io::Result<Vec<u8>>;
    /// The event files under `data/events/`, sorted by name.
    fn event_files(&self) -> io::Result<Vec<String>>;
}

/// The dataset compiled into the binary from this repository's `data/` and `seeds/`.
pub struct Bundled;

impl DatasetFiles for Bundled {
    fn label(&self) -> String {
        "bundled dataset".to_string()
    }

    fn display_path(&self, path: &str) -> String {
        path.to_string()
    }

    fn read(&self, path: &str) -> io::Result<Vec<u8>> {
        let not_found = || io::Error::new(io::ErrorKind::NotFound, "not in the bundled dataset");
        let (dir, rest) = if let Some(rest) = path.strip_prefix("data/") {
            (&BUNDLED_DATA, rest)
        } else if let Some(rest) = path.strip_prefix("seeds/") {
            (&BUNDLED_SEEDS, rest)
        } else {
            return Err(not_found());
        };
        dir.get_file(rest).map(|file| file.contents().to_vec()).ok_or_else(not_found)
    }

    fn event_files(&self) -> io::Result<Vec<String>> {
        let mut names: Vec<String> = BUNDLED_DATA
            .get_dir("events")
            .map(|dir| {
                dir.files()
                    .filter(|f| f.path().extension().is_some_and(|ext| ext == "toml"))
                    .map(|f| format!("data/{}", f.path().display()))
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        Ok(names)
    }
}

/// A dataset in a folder on disk (`annals --data DIR`).
pub struct OnDisk {
    root: PathBuf,
}

impl OnDisk {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }
}

impl DatasetFiles for OnDisk {
    fn label(&self) -> String {
        let canonical = self.root.canonicalize().unwrap_or_else(|_| self.root.clone());
        canonical
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.root.display().to_string())
    }

    fn display_path(&self, path: &str) -> String {
        self.root.join(path).display().to_string()
    }

    fn read(&self, path: &str) -> io::Result<Vec<u8>> {
        std::fs::read(self.root.join(path))
    }

    fn event_files(&self) -> io::Result<Vec<String>> {
        let mut names = Vec::new();
        for entry in std::fs::read_dir(self.root.join("data/events"))? {
            let path = entry?.path();
            if path.extension().is_some_and(|ext| ext == "toml") {
                if let Some(name) = path.file_name() {
                    names.push(format!("data/events/{}", name.to_string_lossy()));
                }
            }
        }
        names.sort();
        Ok(names)
    }
}

/// A source's `file` must name a file inside the dataset: relative, with no `..`.
pub fn is_inside_dataset(path: &str) -> bool {
    !path.is_empty() && Path::new(path).components().all(|c| matches!(c, Component::Normal(_)))
}

/// A dataset held in memory, by dataset-relative path: for tests, and for data that never
/// touched a disk.
#[derive(Debug, Clone, Default)]
pub struct InMemory {
    files: std::collections::BTreeMap<String, Vec<u8>>,
}

impl InMemory {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every file under `root`, read into memory.
    pub fn from_dir(root: &Path) -> io::Result<Self> {
        let mut dataset = Self::new();
        let mut stack = vec![PathBuf::new()];
        while let Some(relative) = stack.pop() {
            for entry in std::fs::read_dir(root.join(&relative))? {
                let entry = entry?;
                let path = relative.join(entry.file_name());
                if entry.file_type()?.is_dir() {
                    stack.push(path);
                } else {
                    dataset.insert(&path.to_string_lossy(), std::fs::read(entry.path())?);
                }
            }
        }
        Ok(dataset)
    }

    pub fn insert(&mut self, path: &str, bytes: Vec<u8>) {
        self.files.insert(path.to_string(), bytes);
    }
}

impl DatasetFiles for InMemory {
    fn label(&self) -> String {
        "in-memory dataset".to_string()
    }

    fn display_path(&self, path: &str) -> String {
        path.to_string()
    }

    fn read(&self, path: &str) -> io::Result<Vec<u8>> {
        self.files.get(path).cloned().ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no such file"))
    }

    fn event_files(&self) -> io::Result<Vec<String>> {
        Ok(self
            .files
            .keys()
            .filter(|path| path.starts_with("data/events/") && path.ends_with(".toml"))
            .cloned()
            .collect())
    }
}

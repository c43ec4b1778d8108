//! Where a dataset's files come from: a folder on disk, or the copy embedded in the binary.
//! A dataset reads nothing outside itself, and only regular files of bounded size.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::confine::{confine, regular, within};

static BUNDLED_DATA: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/data");
static BUNDLED_SEEDS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/seeds");

/// Read access to a dataset laid out as `data/…` and `seeds/…`, by dataset-relative path.
pub trait DatasetFiles: Sync {
    /// What to call the dataset when it has no `data/dataset.toml` name.
    fn label(&self) -> String;
    /// How to show a dataset-relative path to the user.
    fn display_path(&self, path: &str) -> String;
    /// The bytes of the file at `path`, which must be a regular file inside the dataset of
    /// at most `limit` bytes; else the error holds a `Refusal` that says why not.
    fn read(&self, path: &str, limit: u64) -> io::Result<Vec<u8>>;
    /// The event files under `data/events/`, sorted by name.
    fn event_files(&self) -> io::Result<Vec<String>>;
    /// What the file at `path` is now, told without reading it, so that a reload can tell
    /// whether it was written since (see `Stamp`); an error when it can't be told, and the
    /// file is then read each time.
    fn stamp(&self, _path: &str) -> io::Result<Stamp> {
        Err(io::ErrorKind::Unsupported.into())
    }
}

/// A file's size, times of change and identity. Two equal stamps of a file mean it was not
/// written in between, if the earlier was `settled`; else the content must be compared: a
/// file system's clock ticks coarsely (from milliseconds to two seconds), so two writes
/// within one tick leave the same times.
#[derive(Debug, Clone, Copy)]
pub struct Stamp {
    identity: Identity,
    /// The file's last change was long enough before the stamp was taken that any later
    /// write changes its times.
    pub settled: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Identity {
    /// Size, times of the last change and modification (nanoseconds), inode and device.
    Metadata { len: u64, changed: i128, modified: i128, inode: u64, device: u64 },
    /// Size and a hash of the bytes.
    Bytes { len: usize, digest: u64 },
}

impl Stamp {
    /// How long after a file's last change its times are sure to move on a write.
    const SETTLING: std::time::Duration = std::time::Duration::from_secs(3);

    /// The stamp of a file with this metadata, taken at `now`.
    pub fn of(metadata: &fs::Metadata, now: std::time::SystemTime) -> Self {
        use std::os::unix::fs::MetadataExt;
        let nanos = |seconds: i64, nanos: i64| i128::from(seconds) * 1_000_000_000 + i128::from(nanos);
        // The change time moves on every write and cannot be set back, unlike the
        // modification time (`touch -d`, `cp -p`); both are kept.
        let changed = nanos(metadata.ctime(), metadata.ctime_nsec());
        let modified = nanos(metadata.mtime(), metadata.mtime_nsec());
        let now = now.duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_nanos();
        let settling = Self::SETTLING.as_nanos();
        let settled = i128::try_from(now).is_ok_and(|now| now - changed.max(modified) >= settling as i128);
        let (len, inode, device) = (metadata.len(), metadata.ino(), metadata.dev());
        Self { identity: Identity::Metadata { len, changed, modified, inode, device }, settled }
    }

    /// The stamp of a file known by its bytes alone: exact, so always settled.
    pub fn of_bytes(bytes: &[u8]) -> Self {
        Self { identity: Identity::Bytes { len: bytes.len(), digest: digest(bytes) }, settled: true }
    }

    /// Whether `other` says what this stamp says of the file (settled or not).
    pub fn same_as(&self, other: &Stamp) -> bool {
        self.identity == other.identity
    }
}

/// A fast hash of a file's bytes, to tell whether it changed (not against malice).
pub(crate) fn digest(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

/// The dataset compiled into the binary from this repository's `data/` and `seeds/`.
pub struct Bundled;

impl Bundled {
    /// Every file of the bundled dataset, as (dataset-relative path, bytes), for `annals init`.
    pub fn files() -> Vec<(String, &'static [u8])> {
        fn walk(dir: &'static Dir<'static>, prefix: &str, out: &mut Vec<(String, &'static [u8])>) {
            for file in dir.files() {
                out.push((format!("{prefix}/{}", file.path().display()), file.contents()));
            }
            for sub in dir.dirs() {
                walk(sub, prefix, out);
            }
        }
        let mut out = Vec::new();
        walk(&BUNDLED_DATA, "data", &mut out);
        walk(&BUNDLED_SEEDS, "seeds", &mut out);
        out.sort();
        out
    }
}

impl DatasetFiles for Bundled {
    fn label(&self) -> String {
        "bundled dataset".to_string()
    }

    fn display_path(&self, path: &str) -> String {
        path.to_string()
    }

    fn read(&self, path: &str, limit: u64) -> io::Result<Vec<u8>> {
        let not_found = || io::Error::new(io::ErrorKind::NotFound, "not in the bundled dataset");
        let (dir, rest) = if let Some(rest) = path.strip_prefix("data/") {
            (&BUNDLED_DATA, rest)
        } else if let Some(rest) = path.strip_prefix("seeds/") {
            (&BUNDLED_SEEDS, rest)
        } else {
            return Err(not_found());
        };
        let contents = dir.get_file(rest).map(|file| file.contents()).ok_or_else(not_found)?;
        within(limit, contents.len())?;
        Ok(contents.to_vec())
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
    /// `root` with every symbolic link in it followed (None: it can't be, so nothing reads).
    real_root: Option<PathBuf>,
}

impl OnDisk {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        let root = root.into();
        let real_root = root.canonicalize().ok();
        Self { root, real_root }
    }

    /// The real path of `path` in the dataset and what it is, symbolic links followed.
    fn resolve(&self, path: &str) -> io::Result<(PathBuf, fs::Metadata)> {
        match &self.real_root {
            Some(root) => confine(root, Path::new(path)),
            None => Err(self.root.canonicalize().err().unwrap_or_else(|| io::ErrorKind::NotFound.into())),
        }
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

    fn read(&self, path: &str, limit: u64) -> io::Result<Vec<u8>> {
        let (real, metadata) = self.resolve(path)?;
        regular(&metadata)?;
        within(limit, metadata.len())?;
        // Whatever was opened (the file may have been replaced meanwhile) is checked again,
        // and read no further than the limit.
        let file = File::open(real)?;
        let opened = file.metadata()?;
        regular(&opened)?;
        let mut bytes = Vec::with_capacity(usize::try_from(opened.len().min(limit)).unwrap_or(0));
        file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
        within(limit, bytes.len())?;
        Ok(bytes)
    }

    fn stamp(&self, path: &str) -> io::Result<Stamp> {
        let (_, metadata) = self.resolve(path)?;
        regular(&metadata)?;
        Ok(Stamp::of(&metadata, std::time::SystemTime::now()))
    }

    fn event_files(&self) -> io::Result<Vec<String>> {
        let (events, _) = self.resolve("data/events")?;
        let mut names = Vec::new();
        for entry in fs::read_dir(events)? {
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
            for entry in fs::read_dir(root.join(&relative))? {
                let entry = entry?;
                let path = relative.join(entry.file_name());
                if entry.file_type()?.is_dir() {
                    stack.push(path);
                } else {
                    dataset.insert(&path.to_string_lossy(), fs::read(entry.path())?);
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

    fn read(&self, path: &str, limit: u64) -> io::Result<Vec<u8>> {
        let bytes =
            self.files.get(path).ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no such file"))?;
        within(limit, bytes.len())?;
        Ok(bytes.clone())
    }

    fn stamp(&self, path: &str) -> io::Result<Stamp> {
        let bytes =
            self.files.get(path).ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, "no such file"))?;
        Ok(Stamp::of_bytes(bytes))
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

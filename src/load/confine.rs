//! What a dataset refuses to read: a path that leads outside it, anything but a regular
//! file, a file over its size limit. Each refusal is an `io::Error` carrying a `Refusal`.

use std::fmt;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// Why a file of the dataset was not read, though something is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A symbolic link on its way leads outside the dataset.
    Outside,
    /// It is a directory, a FIFO, a socket or a device: what it is.
    NotAFile(&'static str),
    /// It is larger than this many bytes, the limit for its kind of file.
    TooLarge(u64),
}

impl Refusal {
    /// The refusal an error of `DatasetFiles::read` holds, if it is one.
    pub fn of(error: &io::Error) -> Option<Refusal> {
        error.get_ref()?.downcast_ref::<Refusal>().copied()
    }

    /// What to do about it.
    pub fn advice(&self) -> &'static str {
        match self {
            Refusal::Outside => "copy the file itself into the dataset",
            Refusal::NotAFile(_) => "put a regular file there",
            Refusal::TooLarge(_) => "split it or shorten it (docs/DATA.md gives the limits)",
        }
    }
}

/// What to say of a data file that could not be read; `missing_hint` says what to do when
/// it is not there.
pub(crate) fn unreadable(error: &io::Error, missing_hint: &str) -> String {
    match Refusal::of(error) {
        Some(refusal) => format!("the file {refusal}; {}", refusal.advice()),
        None if error.kind() == io::ErrorKind::NotFound => format!("file not found; {missing_hint}"),
        None => format!("cannot read the file ({error}); {missing_hint}"),
    }
}

/// Follows "the file …" or "the article …".
impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Outside => {
                write!(f, "leads outside the dataset through a symbolic link, so it is not read")
            }
            Refusal::NotAFile(what) => write!(f, "is a {what}, not a regular file"),
            Refusal::TooLarge(limit) => {
                write!(f, "is larger than {} MiB, the most this kind of file may be", limit / (1024 * 1024))
            }
        }
    }
}

impl std::error::Error for Refusal {}

impl From<Refusal> for io::Error {
    fn from(refusal: Refusal) -> Self {
        let kind = match refusal {
            Refusal::Outside => io::ErrorKind::PermissionDenied,
            Refusal::NotAFile(_) | Refusal::TooLarge(_) => io::ErrorKind::InvalidData,
        };
        io::Error::new(kind, refusal)
    }
}

/// The most symbolic links followed on the way to one file, as Linux allows.
const MAX_LINKS: usize = 40;

/// `relative` inside `root` (a real path), followed a component at a time: symbolic links
/// are followed while they stay inside `root`, and refused the moment one leads outside. So
/// nothing outside the dataset is opened, read or even looked at, and a refusal says
/// nothing of what is there. The real path and what is at it.
pub(super) fn confine(root: &Path, relative: &Path) -> io::Result<(PathBuf, fs::Metadata)> {
    let mut pending = Vec::new();
    push_parts(&mut pending, relative)?;
    let (mut current, mut depth, mut links) = (root.to_path_buf(), 0usize, 0);
    let mut metadata = fs::metadata(root)?;
    while let Some(part) = pending.pop() {
        let Some(name) = part else {
            if depth == 0 {
                return Err(Refusal::Outside.into());
            }
            current.pop();
            depth -= 1;
            metadata = fs::symlink_metadata(&current)?;
            continue;
        };
        let next = current.join(&name);
        let found = fs::symlink_metadata(&next)?;
        if !found.file_type().is_symlink() {
            (current, metadata, depth) = (next, found, depth + 1);
            continue;
        }
        links += 1;
        if links > MAX_LINKS {
            return Err(io::Error::other("too many symbolic links"));
        }
        let target = fs::read_link(&next)?;
        if target.is_absolute() {
            let inside = target.strip_prefix(root).map_err(|_| Refusal::Outside)?;
            (current, depth) = (root.to_path_buf(), 0);
            push_parts(&mut pending, inside)?;
        } else {
            push_parts(&mut pending, &target)?;
        }
    }
    Ok((current, metadata))
}

/// Push the components of a relative `path` onto `pending`, last first, so they pop in
/// order: a name, or None for `..`.
fn push_parts(pending: &mut Vec<Option<std::ffi::OsString>>, path: &Path) -> io::Result<()> {
    let start = pending.len();
    for component in path.components() {
        match component {
            Component::Normal(name) => pending.push(Some(name.to_os_string())),
            Component::ParentDir => pending.push(None),
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return Err(Refusal::Outside.into()),
        }
    }
    pending[start..].reverse();
    Ok(())
}

/// Only a regular file is read: a FIFO or a device could block or never end.
pub(super) fn regular(metadata: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::FileTypeExt;
    let kind = metadata.file_type();
    let what = if kind.is_file() {
        return Ok(());
    } else if kind.is_dir() {
        "directory"
    } else if kind.is_fifo() {
        "FIFO (a named pipe)"
    } else if kind.is_socket() {
        "socket"
    } else if kind.is_char_device() || kind.is_block_device() {
        "device"
    } else {
        "special file"
    };
    Err(Refusal::NotAFile(what).into())
}

/// A file of `size` bytes may be read under `limit`.
pub(super) fn within(limit: u64, size: impl TryInto<u64>) -> io::Result<()> {
    match size.try_into() {
        Ok(size) if size <= limit => Ok(()),
        _ => Err(Refusal::TooLarge(limit).into()),
    }
}

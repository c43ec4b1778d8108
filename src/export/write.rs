//! Writing a file so that it is either completely written or not touched at all, even when
//! the process is told to stop half-way.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};

use crate::text::clean;

/// Why an export could not be written. Nothing was written in any of these cases.
/// Paths are shown cleaned of control characters: they may come from the user.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{} already exists; nothing was written (overwrite it with --force, or choose another name)", shown(.0))]
    Exists(PathBuf),
    #[error("{} is a directory; give a file name, such as {}", shown(.0), shown(&.0.join("annals.md")))]
    IsDirectory(PathBuf),
    #[error("{} is not a regular file (a device or pipe); export to a file path instead", shown(.0))]
    NotAFile(PathBuf),
    #[error("{} is a symbolic link; export to the file it points to, or to another name", shown(.0))]
    SymbolicLink(PathBuf),
    #[error("cannot write {}: {reason}; nothing was written", shown(.path))]
    Io { path: PathBuf, reason: String },
}

fn shown(path: &Path) -> String {
    clean(&path.display().to_string())
}

/// The temporary files being written now, for `remove_temporary_files_on_signals`. Held
/// while one is created and while one is renamed into place, so that a signal sees each
/// either listed or finished.
static BEING_WRITTEN: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn being_written() -> MutexGuard<'static, Vec<PathBuf>> {
    BEING_WRITTEN.lock().unwrap_or_else(PoisonError::into_inner)
}

/// On SIGINT, SIGTERM, SIGHUP or SIGQUIT, delete the temporary file of any export being
/// written and exit with 128 + the signal's number. For the command line, where nothing else
/// handles these signals; the terminal UI has its own handling and waits for its export.
pub fn remove_temporary_files_on_signals() -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let arrived = ARRIVED.get_or_init(Arc::default);
    for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
        // Set in the handler itself, so an export sees it however late this thread runs.
        signal_hook::flag::register_usize(signal, Arc::clone(arrived), signal as usize)?;
    }
    let mut signals = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP, SIGQUIT])?;
    std::thread::Builder::new().name("export-signals".into()).spawn(move || {
        if let Some(signal) = signals.forever().next() {
            exit_removing_temporary_files(128 + signal);
        }
    })?;
    Ok(())
}

/// The number of the signal that arrived, once one has (0 before), when
/// `remove_temporary_files_on_signals` watches for them.
static ARRIVED: OnceLock<Arc<AtomicUsize>> = OnceLock::new();

/// If a signal has arrived, exit as its thread would: the thread that acts on it may not have
/// run yet (on a busy machine), and an export must not finish, or exit 0, after one.
fn exit_if_a_signal_arrived() {
    let arrived = ARRIVED.get().map_or(0, |arrived| arrived.load(Ordering::SeqCst));
    if let Ok(signal @ 1..) = i32::try_from(arrived) {
        exit_removing_temporary_files(128 + signal);
    }
}

/// Delete the temporary file of any export being written, and exit with `code`. Exits with
/// the list's lock held, so no export can start or finish a rename meanwhile.
pub fn exit_removing_temporary_files(code: i32) -> ! {
    let temporaries = being_written();
    for path in temporaries.iter() {
        let _ = std::fs::remove_file(path);
    }
    std::process::exit(code);
}

/// Takes a temporary file off the list when dropped, after the file itself is gone.
struct Listed(PathBuf);

impl Drop for Listed {
    fn drop(&mut self) {
        being_written().retain(|path| *path != self.0);
    }
}

/// Write `bytes` to `path` through a temporary file in the same directory, renamed into
/// place only once fully written and flushed to disk. Without `overwrite`, an existing
/// file is left alone (checked atomically by the rename itself).
pub fn write_atomically(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), WriteError> {
    if path.is_dir() {
        return Err(WriteError::IsDirectory(path.to_path_buf()));
    }
    // Renaming over a link or a device (/dev/full) would replace it: never touch what is not a file.
    let existing = std::fs::symlink_metadata(path).ok();
    if existing.as_ref().is_some_and(|m| m.file_type().is_symlink()) {
        return Err(WriteError::SymbolicLink(path.to_path_buf()));
    }
    if existing.as_ref().is_some_and(|m| !m.is_file()) {
        return Err(WriteError::NotAFile(path.to_path_buf()));
    }
    if !overwrite && path.exists() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let failed = |reason: String| WriteError::Io { path: path.to_path_buf(), reason };
    let io = |error: std::io::Error| failed(describe_io_error(&error));
    let directory = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    // The temporary file is deleted when dropped, so every early return leaves nothing behind.
    // A new file gets the usual mode (0666 less the umask), an overwritten one keeps its own;
    // a temporary file alone would be 0600.
    let mut builder = tempfile::Builder::new();
    builder.prefix(".annals-export-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // `_listed` is declared first so that it is dropped last: the file is deleted before it
    // leaves the list.
    let _listed;
    let mut temporary;
    {
        let mut list = being_written();
        temporary =
            builder.tempfile_in(directory).map_err(|error| failed(cannot_create_in(directory, &error)))?;
        list.push(temporary.path().to_path_buf());
        _listed = Listed(temporary.path().to_path_buf());
    }
    if let Some(existing) = &existing {
        std::fs::set_permissions(temporary.path(), kept_permissions(existing)).map_err(io)?;
    }
    temporary.write_all(bytes).map_err(io)?;
    temporary.as_file().sync_all().map_err(io)?;
    exit_if_a_signal_arrived();
    let listed_while_renaming = being_written();
    let persisted = if overwrite {
        temporary.persist(path).map(drop)
    } else {
        temporary.persist_noclobber(path).map(drop)
    };
    drop(listed_while_renaming);
    // A signal that came during the rename: the file is in place, and the exit says why it
    // ended.
    exit_if_a_signal_arrived();
    persisted.map_err(|error| match error.error.kind() {
        std::io::ErrorKind::AlreadyExists => WriteError::Exists(path.to_path_buf()),
        _ => {
            failed(format!("cannot rename the finished file into place: {}", describe_io_error(&error.error)))
        }
    })
}

/// An overwritten file's permissions for its replacement, without setuid, setgid or sticky
/// bits: a new file must not carry privileges its old contents had.
fn kept_permissions(existing: &std::fs::Metadata) -> std::fs::Permissions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(existing.permissions().mode() & 0o777)
    }
    #[cfg(not(unix))]
    existing.permissions()
}

/// Why no file could be created in `directory`: that it is missing or not a directory when
/// so, else what the system said (a "not found" in /proc is not a missing directory).
fn cannot_create_in(directory: &Path, error: &std::io::Error) -> String {
    match std::fs::metadata(directory) {
        Err(_) => format!("the directory {} does not exist", shown(directory)),
        Ok(meta) if !meta.is_dir() => format!("{} is not a directory", shown(directory)),
        Ok(_) if error.kind() == std::io::ErrorKind::PermissionDenied => {
            format!("permission denied in {}", shown(directory))
        }
        Ok(_) => format!("cannot create a file in {}: {}", shown(directory), describe_io_error(error)),
    }
}

/// An I/O error in a few plain words, or as the system says it (without the temporary
/// file's name that tempfile adds: that file no longer exists).
pub fn describe_io_error(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::StorageFull => "the disk is full".to_string(),
        _ => {
            let said = error.to_string();
            match said.rfind(" at path \"") {
                Some(at) => said[..at].to_string(),
                None => said,
            }
        }
    }
}

//! Writing a file so that it is either completely written or not touched at all.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why an export could not be written. Nothing was written in any of these cases.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{} already exists; nothing was written (overwrite it with --force, or choose another name)", .0.display())]
    Exists(PathBuf),
    #[error("{} is a directory; give a file name, such as {}", .0.display(), .0.join("annals.md").display())]
    IsDirectory(PathBuf),
    #[error("{} is not a regular file (a device or pipe); export to a file path instead", .0.display())]
    NotAFile(PathBuf),
    #[error("{} is a symbolic link; export to the file it points to, or to another name", .0.display())]
    SymbolicLink(PathBuf),
    #[error("cannot write {}: {reason}; nothing was written", .path.display())]
    Io { path: PathBuf, reason: String },
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
    let io = |error: std::io::Error| WriteError::Io { path: path.to_path_buf(), reason: describe(&error) };
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
    let mut temporary = builder.tempfile_in(directory).map_err(io)?;
    if let Some(existing) = &existing {
        std::fs::set_permissions(temporary.path(), existing.permissions()).map_err(io)?;
    }
    temporary.write_all(bytes).map_err(io)?;
    temporary.as_file().sync_all().map_err(io)?;
    let persisted = if overwrite {
        temporary.persist(path).map(drop)
    } else {
        temporary.persist_noclobber(path).map(drop)
    };
    persisted.map_err(|error| match error.error.kind() {
        std::io::ErrorKind::AlreadyExists => WriteError::Exists(path.to_path_buf()),
        _ => io(error.error),
    })
}

fn describe(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::NotFound => "the directory does not exist".to_string(),
        std::io::ErrorKind::StorageFull => "the disk is full".to_string(),
        _ => error.to_string(),
    }
}

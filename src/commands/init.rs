//! `annals init DIR`: the bundled dataset written out, to be edited and watched.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::console::{fail, say};
use crate::load::Bundled;

/// Write every bundled file under `dir`, refusing (before writing anything) if any exists.
pub fn init(dir: &Path) -> ExitCode {
    let files = Bundled::files();
    if let Some((existing, _)) = files.iter().find(|(path, _)| dir.join(path).symlink_metadata().is_ok()) {
        return fail(
            1,
            format_args!(
                "{} exists; annals init writes only new files, so nothing was written",
                dir.join(existing).display()
            ),
        );
    }
    for (path, bytes) in &files {
        let target = dir.join(path);
        let written = target
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            // create_new: a file that appeared meanwhile is still never overwritten.
            .and_then(|()| OpenOptions::new().write(true).create_new(true).open(&target))
            .and_then(|mut file| file.write_all(bytes).and_then(|()| file.sync_all()));
        if let Err(error) = written {
            return fail(
                1,
                format_args!(
                    "cannot write {}: {}",
                    target.display(),
                    crate::export::describe_io_error(&error)
                ),
            );
        }
    }
    say(format_args!(
        "wrote the bundled dataset ({} files) to {}; edit it with: annals --data {} --watch",
        files.len(),
        dir.display(),
        dir.display()
    ));
    ExitCode::SUCCESS
}

//! The file watcher for `--watch`: any change under `data/` or `seeds/` (saved in place,
//! truncated and written, written to a new file and renamed over the old, created, removed)
//! reaches the loop as one message per burst of changes.

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use super::sources::Message;

/// Changes closer together than this are one reload.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// Watch `dir/data` and `dir/seeds` (recursively) until the returned watcher is dropped.
pub fn watch(dir: &Path, messages: mpsc::Sender<Message>) -> Result<Debouncer<RecommendedWatcher>, String> {
    let mut debouncer = new_debouncer(DEBOUNCE, move |result: DebounceEventResult| {
        if result.is_ok_and(|events| !events.is_empty()) {
            let _ = messages.send(Message::FilesChanged);
        }
    })
    .map_err(|e| format!("cannot watch the files: {e}"))?;
    for sub in ["data", "seeds"] {
        let path = dir.join(sub);
        debouncer
            .watcher()
            .watch(&path, RecursiveMode::Recursive)
            .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
    }
    Ok(debouncer)
}

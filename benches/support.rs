//! Shared by the benchmarks and the measurement examples: generated datasets, cached on disk,
//! and the process's peak memory.
// Each benchmark and example that includes this file uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

#[path = "../examples/generate.rs"]
#[allow(dead_code)]
mod generate;

/// The queries a person types, one character at a time (the last has a typo).
pub const QUERIES: [&str; 4] = ["artillery shells", "kn23", "putin kim", "artilery"];

/// A generated dataset of `n` events under target/annals-bench/, made once (seed 42).
pub fn dataset_dir(n: usize) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/annals-bench/{n}"));
    if !dir.join("data/events").is_dir() {
        eprintln!("generating {n} events in {}", dir.display());
        generate::generate(n, &dir, 42).expect("writing the benchmark dataset");
    }
    dir
}

/// A copy of the generated dataset of `n` events, for the reload measurements to edit (made
/// once, under target/annals-bench/), with its edited file put back as generated.
pub fn editable_dataset_dir(n: usize) -> PathBuf {
    let generated = dataset_dir(n);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/annals-bench/{n}-edited"));
    if !dir.join("data/events").is_dir() {
        copy_tree(&generated, &dir).expect("copying the benchmark dataset");
    }
    std::fs::copy(generated.join(edited(n)), dir.join(edited(n))).expect("restoring the edited file");
    dir
}

/// The event file of the dataset of `n` events that the reload measurements change: the
/// middle one (the generator writes 1,000 events to a file).
fn edited(n: usize) -> String {
    format!("data/events/shard-{:05}.toml", n.div_ceil(1_000) / 2)
}

/// Change one event file of the editable copy of the dataset of `n` events (its first
/// title, marked with `round`), as a curator's save does.
pub fn edit_one_file(n: usize, round: usize) {
    let original = std::fs::read_to_string(dataset_dir(n).join(edited(n))).expect("the generated file");
    let changed = original.replacen("title = \"", &format!("title = \"Edited {round}: "), 1);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("target/annals-bench/{n}-edited"));
    std::fs::write(path.join(edited(n)), changed).expect("writing the edited file");
}

fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &to.join(entry.file_name()))?;
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

/// The process's resident set size now (VmRSS), in KiB; 0 where /proc is not there.
pub fn rss_kib() -> u64 {
    proc_status_kib("VmRSS:")
}

/// The process's peak resident set size (VmHWM), in KiB; 0 where /proc is not there.
pub fn peak_rss_kib() -> u64 {
    proc_status_kib("VmHWM:")
}

fn proc_status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|kib| kib.parse().ok())
        .unwrap_or(0)
}

//! Shared by the benchmarks and the measurement examples: generated datasets, cached on disk,
//! and the process's peak memory.
// Each benchmark and example that includes this file uses only part of it.
#![allow(dead_code)]

use std::path::PathBuf;

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

/// The process's peak resident set size (VmHWM), in KiB; 0 where /proc is not there.
pub fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|kib| kib.parse().ok())
        .unwrap_or(0)
}

//! Peak memory of loading and validating each generated dataset: `cargo bench --bench memory`.
//! Each size is loaded in a fresh process (this program, run again), so each figure is that
//! process's peak resident set, as the binary would have it. Datasets are generated under
//! target/annals-bench/ on first run (1M: 1.1 GB, about a minute).

use std::process::Command;
use std::time::Instant;

use annals::load::{self, OnDisk};

mod support;

// The binary's allocator, so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: [usize; 4] = [1_000, 10_000, 100_000, 1_000_000];

/// Set in the child process: the size it loads.
const CHILD: &str = "ANNALS_MEMORY_BENCH_SIZE";

fn main() {
    if let Some(n) = std::env::var(CHILD).ok().and_then(|n| n.parse::<usize>().ok()) {
        let start = Instant::now();
        let dataset = load::load(&OnDisk::new(support::dataset_dir(n))).expect("the generated dataset loads");
        let seconds = start.elapsed().as_secs_f64();
        println!("{} {} {seconds:.2}", dataset.events().len(), support::peak_rss_kib());
        std::mem::forget(dataset); // as the binary does: the OS takes it back at exit
        return;
    }
    let me = std::env::current_exe().expect("the benchmark's own path");
    println!("peak RSS of loading and validating, one fresh process per size");
    println!("{:>9}  {:>12}  {:>8}", "events", "peak RSS", "load");
    for n in SIZES {
        support::dataset_dir(n); // generate it here, so the child only loads
        let output = Command::new(&me).env(CHILD, n.to_string()).output().expect("the child runs");
        let report = String::from_utf8_lossy(&output.stdout);
        let fields: Vec<&str> = report.split_whitespace().collect();
        match fields.as_slice() {
            [events, kib, seconds] => {
                let mib = kib.parse::<u64>().unwrap_or(0) / 1024;
                println!("{events:>9}  {mib:>8} MiB  {seconds:>6} s");
            }
            _ => println!("{n:>9}  failed: {}", String::from_utf8_lossy(&output.stderr).trim()),
        }
    }
}

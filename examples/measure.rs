//! Load time and peak memory of one dataset, as `annals` loads it:
//! `cargo run --release --example measure -- DIR` (generate DIR first with the `generate` example).

use std::time::Instant;

use annals::load::{self, OnDisk, Progress};

#[path = "../benches/support.rs"]
mod support;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: measure DIR");
    let start = Instant::now();
    let progress = |p: Progress| {
        if p.files_done % 50 == 0 || p.files_done == p.files_total {
            eprint!("\rloading: {} of {} event files", p.files_done, p.files_total);
        }
    };
    let dataset = load::load_with_progress(&OnDisk::new(&dir), &progress).expect("the dataset loads");
    let elapsed = start.elapsed();
    eprintln!();
    println!(
        "{} events: load + validate {:.2} s, peak RSS {} MiB",
        dataset.events().len(),
        elapsed.as_secs_f64(),
        support::peak_rss_kib() / 1024
    );
    std::mem::forget(dataset);
}

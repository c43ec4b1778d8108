//! Reloads as `annals --watch` makes them, one event file changed before each, with the
//! time from the change to the new list on screen and the process's memory along the way:
//! `cargo run --release --example reload_rss -- [EVENTS [RELOADS [QUERY [full]]]]` (defaults:
//! 100000, 1000, no query; `full`: each reload a fresh `load::load`, as before the Loader).
//! The dataset is generated under target/annals-bench/ if need be.
//!
//! Each reload: write the changed file, `Loader::load`, `App::replace_dataset` (which answers
//! the query at once here; in the TUI the search worker does), one frame at 160×50. The old
//! dataset is freed after the timing and its memory given back, as the TUI does on a thread
//! of its own.

use std::sync::Arc;
use std::time::{Duration, Instant};

use annals::app::App;
use annals::load::{self, Loader, OnDisk};
use annals::query::Query;
use annals::search::WordStartMatcher;
use annals::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "../benches/support.rs"]
mod support;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().map_or(100_000, |a| a.parse().expect("EVENTS is a number"));
    let reloads: usize = args.next().map_or(1_000, |a| a.parse().expect("RELOADS is a number"));
    let query: Query = args.next().unwrap_or_default().parse().expect("a valid query");
    let full = args.next().is_some_and(|how| how == "full");
    let dir = support::editable_dataset_dir(n);

    let mut loader = Loader::new();
    let start = Instant::now();
    let dataset = loader.load(&OnDisk::new(&dir)).expect("the dataset loads");
    println!(
        "first load of {} events in {} files: {:.0} ms, RSS {} MiB",
        dataset.events().len(),
        loader.kept_files(),
        start.elapsed().as_secs_f64() * 1e3,
        support::rss_kib() / 1024
    );
    let mut app = App::new(Arc::new(dataset), Arc::new(WordStartMatcher), query);
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("test terminal");
    let theme = Theme::default();
    let draw = |terminal: &mut Terminal<TestBackend>, app: &App| {
        terminal
            .draw(|frame| {
                ui::draw(frame, app, &theme);
            })
            .expect("draws");
    };
    draw(&mut terminal, &app);

    let (mut loads, mut shown) = (Vec::with_capacity(reloads), Vec::with_capacity(reloads));
    let mut after_first = (0, 0);
    println!("{:>7}  {:>9}  {:>9}  {:>10}  {:>10}", "reloads", "RSS", "peak RSS", "files kept", "load p50");
    for round in 1..=reloads {
        support::edit_one_file(n, round);
        let start = Instant::now();
        let files = OnDisk::new(&dir);
        let dataset = if full { load::load(&files) } else { loader.load(&files) };
        let dataset = dataset.expect("the dataset loads");
        loads.push(start.elapsed());
        app.replace_dataset(Arc::new(dataset));
        draw(&mut terminal, &app);
        shown.push(start.elapsed());
        drop(app.retired.take());
        // As the TUI does after freeing the old dataset (src/tui/mod.rs).
        // SAFETY: mi_collect takes no pointers; it only returns memory already freed.
        unsafe { libmimalloc_sys::mi_collect(true) };
        if round == 1 {
            after_first = (support::rss_kib(), support::peak_rss_kib());
        }
        if round == 1 || round == 10 || round % 100 == 0 || round == reloads {
            println!(
                "{round:>7}  {:>5} MiB  {:>5} MiB  {:>10}  {:>7.1} ms",
                support::rss_kib() / 1024,
                support::peak_rss_kib() / 1024,
                loader.kept_files(),
                percentile(&mut loads.clone(), 50)
            );
        }
    }
    let growth = |now: u64, then: u64| (now as f64 / then.max(1) as f64 - 1.0) * 100.0;
    println!(
        "reload (load + assemble): p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms",
        percentile(&mut loads.clone(), 50),
        percentile(&mut loads.clone(), 90),
        percentile(&mut loads, 99)
    );
    println!(
        "change to screen (+ replace_dataset, search, frame): p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms",
        percentile(&mut shown.clone(), 50),
        percentile(&mut shown.clone(), 90),
        percentile(&mut shown, 99)
    );
    println!(
        "after {reloads} reloads: RSS {:+.1}%, peak RSS {:+.1}% against after the first",
        growth(support::rss_kib(), after_first.0),
        growth(support::peak_rss_kib(), after_first.1)
    );
}

/// The `p`th percentile of `times`, in milliseconds.
fn percentile(times: &mut [Duration], p: usize) -> f64 {
    times.sort_unstable();
    let at = (times.len() * p / 100).min(times.len().saturating_sub(1));
    times.get(at).map_or(0.0, |t| t.as_secs_f64() * 1e3)
}

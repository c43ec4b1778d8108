//! What typing a search feels like, keystroke by keystroke, at one dataset size:
//! `cargo run --release --example keystrokes -- N` (N events, generated on first use;
//! `ANNALS_REPEATS=3` for fewer runs).
//!
//! For each keystroke of each query it measures, as the TUI does it:
//! - keystroke → next frame: update() in background mode plus drawing 160×50 (the UI thread);
//! - keystroke → complete result on screen: that, plus the worker's search and the next frame
//!   (measured one after the other, so an upper bound: in the TUI they overlap).

use std::sync::Arc;
use std::time::{Duration, Instant};

use annals::app::{Action, App, Effect};
use annals::load::{self, OnDisk};
use annals::query::{Query, Trail};
use annals::search::{WordMatcher, WordStartMatcher};
use annals::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "../benches/support.rs"]
mod support;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Runs of each query; `ANNALS_REPEATS` overrides (at 1M, a few runs take minutes already).
fn repeats() -> usize {
    std::env::var("ANNALS_REPEATS").ok().and_then(|r| r.parse().ok()).unwrap_or(15)
}

fn main() {
    let n: usize =
        std::env::args().nth(1).and_then(|n| n.replace('_', "").parse().ok()).expect("usage: keystrokes N");
    let dataset = Arc::new(load::load(&OnDisk::new(support::dataset_dir(n))).expect("loads"));
    let matcher: Arc<dyn WordMatcher> = Arc::new(WordStartMatcher);
    let mut frames = Vec::new();
    let mut results = Vec::new();
    let mut first_partials = Vec::new();
    let runs = repeats();
    println!(
        "{n} events; per keystroke, median / p99 over {runs} runs (ms): frame | complete result on screen"
    );
    for query in support::QUERIES {
        let mut per_step: Vec<Vec<(Duration, Duration)>> = vec![Vec::new(); query.len()];
        for _ in 0..runs {
            let mut app = App::new(Arc::clone(&dataset), Arc::clone(&matcher), Query::default());
            app.background_search = true;
            // The worker's: where each keystroke's word first matched, for the next to start from.
            let mut trail = Trail::new(dataset.events().len());
            let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("terminal");
            app.update(Action::StartSearch);
            for (step, c) in query.chars().enumerate() {
                let start = Instant::now();
                let effect = app.update(Action::Input(c));
                terminal
                    .draw(|f| {
                        ui::draw(f, &app, &Theme::default());
                    })
                    .expect("draw");
                let frame = start.elapsed();
                if let Some(Effect::Search { generation, query, within }) = effect {
                    let mut answers = Vec::new();
                    annals::app::search(
                        &dataset,
                        matcher.as_ref(),
                        &query,
                        within.as_deref().map(Vec::as_slice),
                        &|| false,
                        &mut |view, complete| {
                            if !complete && answers.is_empty() {
                                first_partials.push(start.elapsed());
                            }
                            answers.push(Action::SearchDone { generation, view: Box::new(view), complete });
                            true
                        },
                        Some(&mut trail),
                    );
                    for answer in answers {
                        app.update(answer);
                    }
                    terminal
                        .draw(|f| {
                            ui::draw(f, &app, &Theme::default());
                        })
                        .expect("draw");
                }
                per_step[step].push((frame, start.elapsed()));
            }
        }
        for (step, times) in per_step.iter_mut().enumerate() {
            let mut frame: Vec<Duration> = times.iter().map(|t| t.0).collect();
            let mut result: Vec<Duration> = times.iter().map(|t| t.1).collect();
            frames.extend(&frame);
            results.extend(&result);
            println!(
                "  {:<18} {:>7.2} / {:>7.2} | {:>7.2} / {:>7.2}",
                format!("{:?}", &query[..=step]),
                ms(median(&mut frame)),
                ms(p99(&mut frame)),
                ms(median(&mut result)),
                ms(p99(&mut result)),
            );
        }
    }
    println!(
        "all keystrokes: frame p50 {:.2} ms, p99 {:.2} ms; complete result p50 {:.2} ms, p99 {:.2} ms",
        ms(median(&mut frames)),
        ms(p99(&mut frames)),
        ms(median(&mut results)),
        ms(p99(&mut results))
    );
    if !first_partials.is_empty() {
        println!(
            "long searches showed a first partial result after p50 {:.0} ms, p99 {:.0} ms",
            ms(median(&mut first_partials)),
            ms(p99(&mut first_partials))
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn p99(v: &mut [Duration]) -> Duration {
    v.sort();
    v[((v.len() as f64 * 0.99).ceil() as usize).clamp(1, v.len()) - 1]
}

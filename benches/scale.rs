//! Scale benchmarks: `cargo bench`. Datasets are generated under target/annals-bench/ on
//! first run. docs/PERFORMANCE.md lists the results against the targets.

use std::sync::{Arc, Mutex};

use annals::app::App;
use annals::load::{self, Loader, OnDisk};
use annals::query::{Query, Trail};
use annals::search::WordStartMatcher;
use annals::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod support;

// The binary's allocator, so the numbers are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn main() {
    divan::main();
}

/// The generated dataset of `n` events, loaded once for all the benchmarks that read it.
fn loaded(n: usize) -> Arc<annals::model::Dataset> {
    static LOADED: Mutex<Vec<(usize, Arc<annals::model::Dataset>)>> = Mutex::new(Vec::new());
    let mut loaded = LOADED.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((_, dataset)) = loaded.iter().find(|(size, _)| *size == n) {
        return Arc::clone(dataset);
    }
    let dataset =
        Arc::new(load::load(&OnDisk::new(support::dataset_dir(n))).expect("the generated dataset loads"));
    loaded.push((n, Arc::clone(&dataset)));
    dataset
}

/// Read, parse and validate every file, quotes included, and build the dataset.
#[divan::bench(args = SIZES, sample_count = 10, sample_size = 1)]
fn load_and_validate(bencher: divan::Bencher<'_, '_>, n: usize) {
    let dir = support::dataset_dir(n);
    bencher.bench(|| load::load(&OnDisk::new(&dir)).expect("loads"));
}

/// The same at a million events (1.1 GB of TOML, generated on first run: about a minute).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn load_and_validate_1m(bencher: divan::Bencher<'_, '_>) {
    let dir = support::dataset_dir(1_000_000);
    bencher.bench(|| load::load(&OnDisk::new(&dir)).expect("loads"));
}

/// A reload after one of the 100 event files of the 100k dataset changed (its first title),
/// as `--watch` and `r` do it: `full` is a fresh load (before the Loader), `incremental` the
/// Loader's, which reads and checks again only that file. `reload_ui_100k` is the rest of
/// the way to the screen.
#[divan::bench(args = ["full", "incremental"], sample_count = 20, sample_size = 1)]
fn reload_one_changed_file_100k(bencher: divan::Bencher<'_, '_>, how: &str) {
    const N: usize = 100_000;
    let dir = support::editable_dataset_dir(N);
    let mut loader = Loader::new();
    loader.load(&OnDisk::new(&dir)).expect("loads");
    let mut round = 0;
    bencher
        .with_inputs(|| {
            round += 1;
            support::edit_one_file(N, round);
        })
        .bench_local_values(|()| {
            let files = OnDisk::new(&dir);
            let dataset = if how == "full" { load::load(&files) } else { loader.load(&files) };
            dataset.expect("loads")
        });
}

/// The UI's part of showing a reloaded dataset of 100k events: `App::replace_dataset`, which
/// keeps the selection and answers the query (at once here; in the TUI the search worker
/// answers it and the UI thread swaps the answer in), for no query and for a typical one.
#[divan::bench(args = ["", "artillery shells"], sample_count = 20)]
fn reload_ui_100k(bencher: divan::Bencher<'_, '_>, query: &str) {
    let dataset = loaded(100_000);
    let query: Query = query.parse().expect("query");
    let mut app = App::new(Arc::clone(&dataset), Arc::new(WordStartMatcher), query);
    // The old dataset is freed off the UI thread: returned, so not timed.
    bencher.bench_local(|| {
        app.replace_dataset(Arc::clone(&dataset));
        app.retired.take()
    });
}

/// One full search pass over every event for a whole query, as the worker runs it.
#[divan::bench(args = support::QUERIES, sample_count = 20)]
fn full_search_pass_100k(bencher: divan::Bencher<'_, '_>, query: &str) {
    let dataset = loaded(100_000);
    let query: Query = query.parse().expect("query");
    let matcher = WordStartMatcher;
    bencher.bench(|| query.filter(&dataset, &matcher));
}

/// Every keystroke of every query in turn, each a full pass: the filter as the query grows
/// (the sum of steps, without narrowing; `keystroke_step` measures each step as the TUI runs
/// it, and `cargo run --release --example keystrokes` the UI's latencies).
#[divan::bench(args = SIZES, sample_count = 10)]
fn typing_all_queries(bencher: divan::Bencher<'_, '_>, n: usize) {
    let dataset = loaded(n);
    let matcher = WordStartMatcher;
    let steps: Vec<Query> = support::QUERIES
        .iter()
        .flat_map(|q| (1..=q.len()).map(move |k| q[..k].parse().expect("query")))
        .collect();
    bencher.bench(|| steps.iter().map(|q| q.filter(&dataset, &matcher).len()).sum::<usize>());
}

/// Every prefix of the realistic queries, each once: what the query line holds after each
/// keystroke.
fn keystroke_steps() -> impl Iterator<Item = String> {
    let mut steps: Vec<String> =
        support::QUERIES.iter().flat_map(|q| (1..=q.len()).map(move |k| q[..k].to_string())).collect();
    // A trailing space changes no query: the TUI does not search again.
    steps.retain(|step| !step.ends_with(' '));
    steps.sort();
    steps.dedup();
    steps.into_iter()
}

/// One keystroke of search, as the TUI's worker runs it: the query after the key, searched
/// among the events the query before it selected when it only narrows that (each later
/// letter of a word, a new word; then only the words changed are tested), else among all
/// events (the first letter); on the worker's trail, which holds where the search before
/// this key first matched its word in each event (`query::Trail`).
#[divan::bench(consts = SIZES, args = keystroke_steps(), sample_count = 10)]
fn keystroke_step<const N: usize>(bencher: divan::Bencher<'_, '_>, step: &str) {
    let dataset = loaded(N);
    let matcher = WordStartMatcher;
    let query: Query = step.parse().expect("query");
    let before: Query = step[..step.len() - 1].parse().expect("query");
    let narrows = query.narrows(&before);
    let within = narrows.then(|| before.filter(&dataset, &matcher));
    // Where the search before this key first matched its word (the last of `before`) in each
    // event: what the worker's trail holds now, whichever events that search read.
    let mut trail = Trail::new(dataset.events().len());
    if let Some(last) = before.words.last() {
        let mut word = Query::default();
        word.words = vec![last.clone()];
        if let Some(track) = trail.begin(&word) {
            word.filter_on_trail(&dataset, &matcher, None, &|| false, Some((&trail, &track)));
            trail.settle(track);
        }
    }
    let tested = if narrows { query.residual(&before) } else { query };
    let track = trail.begin(&tested);
    bencher.bench(|| {
        tested.filter_on_trail(
            &dataset,
            &matcher,
            within.as_deref(),
            &|| false,
            track.as_ref().map(|track| (&trail, track)),
        )
    });
}

/// One frame of the main screen at 160×50.
#[divan::bench(args = SIZES, sample_count = 50)]
fn render_main_screen(bencher: divan::Bencher<'_, '_>, n: usize) {
    let dataset = loaded(n);
    let app = App::new(dataset, Arc::new(WordStartMatcher), Query::default());
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("test terminal");
    bencher.bench_local(|| {
        terminal
            .draw(|frame| {
                ui::draw(frame, &app, &Theme::default());
            })
            .expect("draws");
    });
}

/// The figures of every event (what the figures view's thread computes when it opens
/// unfiltered): every quantity read, dated and grouped, and its marks found.
#[divan::bench(args = SIZES, sample_count = 20)]
fn figures_build(bencher: divan::Bencher<'_, '_>, n: usize) {
    let dataset = loaded(n);
    let events: Vec<usize> = (0..dataset.events().len()).collect();
    bencher.bench(|| annals::figures::Figures::build(&dataset, &events));
}

/// `#` to the figures on screen, 160×50, as the TUI does it: the key's update (which only
/// asks for the figures), their computation (on a thread of its own in the TUI), the
/// answer's update and the frame that shows them.
#[divan::bench(args = SIZES, sample_count = 20)]
fn open_figures_view(bencher: divan::Bencher<'_, '_>, n: usize) {
    use annals::app::{Action, Effect};
    let dataset = loaded(n);
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("test terminal");
    let mut app = App::new(dataset, Arc::new(WordStartMatcher), Query::default());
    app.background_search = true;
    bencher.bench_local(|| {
        let Some(Effect::ComputeFigures { ticket, events: Some(events), .. }) =
            app.update(Action::OpenFigures)
        else {
            panic!("the view asks for its figures")
        };
        let figures = Arc::new(annals::figures::Figures::build(&app.dataset, &events));
        app.update(Action::FiguresDone { ticket, figures, events: events.len() });
        draw_as_the_tui_does(&mut terminal, &mut app);
        app.update(Action::Back);
    });
}

/// What the UI thread does for `#` and for the answer: the two updates and the frame, with
/// the figures already computed (the part the user would wait on if it were not threaded
/// is `figures_build`).
#[divan::bench(args = SIZES, sample_count = 20)]
fn figures_view_ui_thread(bencher: divan::Bencher<'_, '_>, n: usize) {
    use annals::app::{Action, Effect};
    let dataset = loaded(n);
    let events: Vec<usize> = (0..dataset.events().len()).collect();
    let figures = Arc::new(annals::figures::Figures::build(&dataset, &events));
    let mut terminal = Terminal::new(TestBackend::new(160, 50)).expect("test terminal");
    let mut app = App::new(dataset, Arc::new(WordStartMatcher), Query::default());
    app.background_search = true;
    bencher.bench_local(|| {
        let Some(Effect::ComputeFigures { ticket, .. }) = app.update(Action::OpenFigures) else {
            panic!("the view asks for its figures")
        };
        app.update(Action::FiguresDone { ticket, figures: Arc::clone(&figures), events: events.len() });
        draw_as_the_tui_does(&mut terminal, &mut app);
        app.update(Action::Back);
    });
}

/// The claims table at 100k: opening it, then sorting by each column (on the UI thread).
#[divan::bench(args = ["date", "reported", "claimant", "status", "grade", "kind", "quantity", "title"], sample_count = 10)]
fn claims_sort_100k(bencher: divan::Bencher<'_, '_>, column: &str) {
    use annals::app::{Action, ClaimsColumn};
    let dataset = loaded(100_000);
    let column = ClaimsColumn::ALL.into_iter().find(|c| c.name() == column).expect("a column");
    let mut app = App::new(dataset, Arc::new(WordStartMatcher), Query::default());
    bencher.bench_local(|| {
        app.update(Action::OpenClaims);
        app.update(Action::SortBy(column));
        app.update(Action::Back);
    });
}

/// A frame, and another if it measured something new (as the TUI's loop does).
fn draw_as_the_tui_does(terminal: &mut Terminal<TestBackend>, app: &mut App) {
    let mut measured = app.measured;
    terminal.draw(|frame| measured = ui::draw(frame, app, &Theme::default())).expect("draws");
    if measured != app.measured {
        app.update(annals::app::Action::Measured(measured));
        terminal.draw(|frame| measured = ui::draw(frame, app, &Theme::default())).expect("draws");
    }
}

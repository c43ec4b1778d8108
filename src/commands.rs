//! The commands' bodies: load the dataset, then check, list, export or open the explorer.
//! `main.rs` only parses the arguments and calls `run`.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::cli::{Cli, Command, Filters, ListFormat};
use crate::export::{self, Export, ExportFormat};
use crate::load::{self, Bundled, LoadFailure, OnDisk, Progress};
use crate::model::Dataset;
use crate::query::Query;
use crate::search::WordStartMatcher;
use crate::tui::Ending;

/// How many problems are printed before the rest are summarised.
const PROBLEM_CAP: usize = 100;

/// Run what the command line asks for, with its exit code.
pub fn run(cli: Cli) -> ExitCode {
    let dataset = match &cli.data {
        Some(dir) => load_with_progress(&OnDisk::new(dir)),
        None => load::load(&Bundled),
    };
    match cli.command {
        Some(Command::Check) => {
            let code = check(&dataset);
            let_the_os_free(dataset);
            code
        }
        Some(Command::Export { ref filters, format, ref output, force }) => {
            let data_dir = cli.data.as_deref();
            with_query(dataset, &[&cli.filters, filters], |dataset, query| {
                let code = export(&dataset, &query, format, data_dir, output.as_deref(), force);
                let_the_os_free(dataset);
                code
            })
        }
        Some(Command::List { ref filters, format }) => {
            with_query(dataset, &[&cli.filters, filters], |dataset, query| {
                let code = list(&dataset, &query, format);
                let_the_os_free(dataset);
                code
            })
        }
        None => with_query(dataset, &[&cli.filters], |dataset, query| {
            let dataset = Arc::new(dataset);
            // Held past the UI's end so that quitting doesn't wait for the dataset to be freed.
            let_the_os_free(Arc::clone(&dataset));
            match crate::tui::run(dataset, query, cli.data.clone()) {
                Ok(Ending::Quit) => ExitCode::SUCCESS,
                Ok(Ending::Signal(signal)) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(u8::MAX)),
                Err(error) => {
                    eprintln!("error: {error}");
                    ExitCode::from(1)
                }
            }
        }),
    }
}

/// Load, showing "loading: N of M event files" on stderr while a large dataset loads (when
/// stderr is a terminal), and clearing the line after.
fn load_with_progress(files: &OnDisk) -> Result<Dataset, LoadFailure> {
    const WORTH_SHOWING: usize = 20;
    let interactive = io::stderr().is_terminal();
    let last = Mutex::new(Instant::now());
    let shown = AtomicBool::new(false);
    let progress = |p: Progress| {
        if !interactive || p.files_total < WORTH_SHOWING {
            return;
        }
        let mut last = last.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if last.elapsed() >= Duration::from_millis(100) || p.files_done == p.files_total {
            *last = Instant::now();
            shown.store(true, Ordering::Relaxed);
            eprint!("\rloading: {} of {} event files", p.files_done, p.files_total);
        }
    };
    let dataset = load::load_with_progress(files, &progress);
    if shown.load(Ordering::Relaxed) {
        eprint!("\r\x1b[2K");
    }
    dataset
}

/// A large dataset takes a noticeable moment to free piece by piece (a quarter second at
/// 100,000 events); the process is about to exit, and the OS takes its memory back at once.
fn let_the_os_free<T>(value: T) {
    std::mem::forget(value);
}

/// Refuse a broken dataset (exit 1) or a bad filter (exit 2), else run `then`.
fn with_query(
    dataset: Result<Dataset, LoadFailure>,
    filters: &[&Filters],
    then: impl FnOnce(Dataset, Query) -> ExitCode,
) -> ExitCode {
    let dataset = match dataset {
        Ok(dataset) => dataset,
        Err(failure) => return report_failure(&failure),
    };
    // Top-level flags and a subcommand's add up, through the same merge as --query's terms.
    let query = filters.iter().try_fold(Query::default(), |query, filters| query.merge(filters.to_query()?));
    match query.and_then(|q| q.validate(&dataset).map(|()| q)) {
        Ok(query) => then(dataset, query),
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

fn check(dataset: &Result<Dataset, LoadFailure>) -> ExitCode {
    match dataset {
        Ok(dataset) => {
            let quotes: usize = dataset.events().iter().map(|e| e.citations.len()).sum();
            println!(
                "ok: {} events, {} sources, {} actors, {} weapon types; {quotes} quotes found verbatim in their articles",
                dataset.events().len(),
                dataset.sources().len(),
                dataset.actors().len(),
                dataset.weapons().len(),
            );
            ExitCode::SUCCESS
        }
        Err(failure) => report_failure(failure),
    }
}

/// Print every problem (up to a cap) and a one-line summary to stderr; exit 1.
fn report_failure(failure: &LoadFailure) -> ExitCode {
    let mut err = io::stderr().lock();
    for problem in failure.problems.iter().take(PROBLEM_CAP) {
        let _ = writeln!(err, "{problem}");
    }
    if failure.problems.len() > PROBLEM_CAP {
        let _ = writeln!(err, "… and {} more problems not shown", failure.problems.len() - PROBLEM_CAP);
    }
    let _ = writeln!(err, "error: the dataset has {}", failure.summary());
    ExitCode::from(1)
}

fn export(
    dataset: &Dataset,
    query: &Query,
    format: Option<ExportFormat>,
    data_dir: Option<&Path>,
    output: Option<&Path>,
    force: bool,
) -> ExitCode {
    let events = query.filter(dataset, &WordStartMatcher);
    let output = output.filter(|path| *path != Path::new("-"));
    // Without --format, a file's extension chooses (as in the explorer's export); else markdown.
    let format = format.unwrap_or_else(|| output.map_or(ExportFormat::Md, ExportFormat::for_path));
    let generated = export::generated_now();
    let bytes =
        Export { dataset, events: &events, query, format, data_dir, output, generated: &generated }.render();
    let Some(path) = output else {
        let mut out = io::stdout().lock();
        return match out.write_all(&bytes).and_then(|()| out.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: cannot write the export: {error}");
                ExitCode::from(1)
            }
        };
    };
    match export::write_atomically(path, &bytes, force) {
        Ok(()) => {
            eprintln!("wrote {} of {} events to {}", events.len(), dataset.events().len(), path.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(1)
        }
    }
}

fn list(dataset: &Dataset, query: &Query, format: ListFormat) -> ExitCode {
    let events = query.filter(dataset, &WordStartMatcher);
    let mut out = io::stdout().lock();
    let written = match format {
        ListFormat::Text => export::write_text(&mut out, dataset, &events),
        ListFormat::Json => export::write_json(&mut out, dataset, &events),
        ListFormat::Csv => export::write_csv(&mut out, dataset, &events),
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`annals list | head`) is the reader's choice, not an error.
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: cannot write the list: {error}");
            ExitCode::from(1)
        }
    }
}

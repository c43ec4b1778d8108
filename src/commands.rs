//! The commands' bodies: load the dataset, then check, list, export or open the explorer;
//! or print a completion script or the manual page. `main.rs` only parses the arguments and
//! calls `run`.
//!
//! Exit codes: 0 success, 1 a broken dataset or output that could not be written, 2 a bad
//! argument, 128 + N ended by signal N. Nothing here panics on a closed or full stream.

mod console;
mod figures;
mod init;
mod show;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use console::{fail, print, printed, say};

use crate::cli::{Cli, Command, CsvFlags, Filters, Ids, ListFormat};
use crate::export::{self, Export, ExportFormat, Options};
use crate::load::{self, Bundled, LoadFailure, Loader, OnDisk, Progress};
use crate::model::Dataset;
use crate::query::Query;
use crate::search::WordStartMatcher;
use crate::tui::Ending;

/// How many problems are printed before the rest are summarised.
const PROBLEM_CAP: usize = 100;

/// Run what the command line asks for, with its exit code.
pub fn run(cli: Cli) -> ExitCode {
    match &cli.command {
        Some(Command::Completions { shell }) => {
            let script = crate::cli::completion_script(*shell, &bundled_ids());
            return printed(print(&script), "the completion script", ExitCode::SUCCESS);
        }
        Some(Command::Man { command }) => {
            let page = crate::cli::manual_page(command.as_deref());
            return printed(print(&page), "the manual page", ExitCode::SUCCESS);
        }
        _ => {}
    }
    if let Err(code) = check_arguments(&cli) {
        return code;
    }
    if let Some(Command::Init { dir }) = &cli.command {
        return init::init(dir);
    }
    // The explorer reloads its data: its loader keeps what the next load can reuse.
    let mut loader = (cli.command.is_none() && cli.data.is_some()).then(Loader::new);
    let dataset = match &cli.data {
        Some(dir) => load_with_progress(&OnDisk::new(dir), loader.as_mut()),
        None => load::load(&Bundled),
    };
    match cli.command {
        Some(Command::Show { ref id, format }) => {
            with_query(dataset, &[&cli.filters], |dataset, _| show::show(&dataset, id, format))
        }
        Some(Command::Coverage { ref sources, format }) => {
            with_query(dataset, &[&cli.filters], |dataset, _| show::coverage_of(&dataset, sources, format))
        }
        Some(Command::Check) => {
            let code = check(&dataset);
            let_the_os_free(dataset);
            code
        }
        Some(Command::Export { ref filters, format, ref output, force, csv }) => {
            let data_dir = cli.data.as_deref();
            with_query(dataset, &[&cli.filters, filters], |dataset, query| {
                let code = export(&dataset, &query, format, data_dir, output.as_deref(), force, csv);
                let_the_os_free(dataset);
                code
            })
        }
        Some(Command::List { ref filters, format, csv }) => {
            with_query(dataset, &[&cli.filters, filters], |dataset, query| {
                let code = list(&dataset, &query, format, csv);
                let_the_os_free(dataset);
                code
            })
        }
        Some(Command::Figures { ref filters, format, csv }) => {
            with_query(dataset, &[&cli.filters, filters], |dataset, query| {
                let code = figures::figures(&dataset, &query, format, csv);
                let_the_os_free(dataset);
                code
            })
        }
        Some(Command::Completions { .. } | Command::Man { .. } | Command::Init { .. }) => ExitCode::SUCCESS,
        None => {
            // With --watch a broken dataset opens on its problems, to be fixed while watching.
            let (dataset, problems) = match dataset {
                Err(failure) if cli.watch => (
                    Ok(Dataset::default()),
                    Some(crate::app::Reloaded::Failed {
                        problems: failure.problems.iter().map(ToString::to_string).collect(),
                        summary: failure.summary(),
                    }),
                ),
                other => (other, None),
            };
            let options = crate::tui::Options {
                data_dir: cli.data.clone(),
                watch: cli.watch,
                problems,
                loader: loader.unwrap_or_default(),
            };
            with_query(dataset, &[&cli.filters], |dataset, query| explore(dataset, query, options))
        }
    }
}

/// The terminal UI, until the user quits or a signal ends it.
fn explore(dataset: Dataset, query: Query, options: crate::tui::Options) -> ExitCode {
    let dataset = Arc::new(dataset);
    // Held past the UI's end so that quitting doesn't wait for the dataset to be freed.
    let_the_os_free(Arc::clone(&dataset));
    match crate::tui::run(dataset, query, options) {
        Ok(Ending::Quit) => ExitCode::SUCCESS,
        Ok(Ending::Signal(signal)) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(u8::MAX)),
        Err(error) => fail(1, error),
    }
}

/// Refuse, before loading anything, arguments that cannot work: a `--data` directory that
/// is not there, `--force` with nothing to overwrite.
fn check_arguments(cli: &Cli) -> Result<(), ExitCode> {
    if cli.watch && cli.data.is_none() {
        return Err(fail(
            2,
            "--watch needs --data DIR: the bundled dataset never changes (`annals init DIR` writes an editable copy)",
        ));
    }
    if cli.watch && cli.command.is_some() {
        return Err(fail(2, "--watch is for the explorer (annals with no command)"));
    }
    if let Some(dir) = &cli.data {
        match std::fs::metadata(dir) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => return Err(fail(2, format_args!("--data {}: not a directory", dir.display()))),
            Err(_) => return Err(fail(2, format_args!("--data {}: no such directory", dir.display()))),
        }
    }
    if let Some(Command::Export { force: true, output, .. }) = &cli.command {
        if to_file(output.as_deref()).is_none() {
            return Err(fail(
                2,
                "--force needs -o FILE: it allows overwriting FILE, and standard output is never a file",
            ));
        }
    }
    Ok(())
}

/// The file `-o` names, if any: `-` is standard output.
fn to_file(output: Option<&Path>) -> Option<&Path> {
    output.filter(|path| *path != Path::new("-"))
}

/// The bundled dataset's actor, weapon and source ids with their names, for completions.
fn bundled_ids() -> Ids {
    let Ok(dataset) = load::load(&Bundled) else { return Ids::default() };
    let pairs = |records: Vec<(&String, &String)>| {
        let mut pairs: Vec<(String, String)> =
            records.into_iter().map(|(id, name)| (id.clone(), name.clone())).collect();
        pairs.sort();
        pairs
    };
    Ids {
        actors: pairs(dataset.actors().iter().map(|a| (&a.id, &a.name)).collect()),
        weapons: pairs(dataset.weapons().iter().map(|w| (&w.id, &w.name)).collect()),
        sources: pairs(dataset.sources().iter().map(|s| (&s.id, &s.outlet)).collect()),
    }
}

/// Load (with `loader`, if given, for loads to come), showing "loading: N of M event files"
/// on stderr while a large dataset loads (when stderr is a terminal), and clearing the line
/// after.
fn load_with_progress(files: &OnDisk, loader: Option<&mut Loader>) -> Result<Dataset, LoadFailure> {
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
            let _ = write!(io::stderr(), "\rloading: {} of {} event files", p.files_done, p.files_total);
        }
    };
    let dataset = match loader {
        Some(loader) => loader.load_with_progress(files, &progress),
        None => load::load_with_progress(files, &progress),
    };
    if shown.load(Ordering::Relaxed) {
        let _ = write!(io::stderr(), "\r\x1b[2K");
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
        Err(error) => fail(2, error),
    }
}

fn check(dataset: &Result<Dataset, LoadFailure>) -> ExitCode {
    match dataset {
        Ok(dataset) => {
            let quotes: usize = dataset.events().iter().map(|e| e.citations.len()).sum();
            let line = format!(
                "ok: {} events, {} sources, {} actors, {} weapon types; {quotes} quotes found verbatim in their articles\n",
                dataset.events().len(),
                dataset.sources().len(),
                dataset.actors().len(),
                dataset.weapons().len(),
            );
            printed(print(line.as_bytes()), "the summary", ExitCode::SUCCESS)
        }
        Err(failure) => report_failure(failure),
    }
}

/// Print every problem (up to a cap) and a one-line summary to stderr; exit 1.
fn report_failure(failure: &LoadFailure) -> ExitCode {
    for problem in failure.problems.iter().take(PROBLEM_CAP) {
        say(problem);
    }
    if failure.problems.len() > PROBLEM_CAP {
        say(format_args!("… and {} more problems not shown", failure.problems.len() - PROBLEM_CAP));
    }
    fail(1, format_args!("the dataset has {}", failure.summary()))
}

fn export(
    dataset: &Dataset,
    query: &Query,
    format: Option<ExportFormat>,
    data_dir: Option<&Path>,
    output: Option<&Path>,
    force: bool,
    csv: CsvFlags,
) -> ExitCode {
    let output = to_file(output);
    if output.is_some() {
        if let Err(error) = export::remove_temporary_files_on_signals() {
            return fail(1, format_args!("cannot watch for signals: {error}"));
        }
    }
    let events = query.filter(dataset, &WordStartMatcher);
    if events.is_empty() {
        say("note: no events match these filters; the export lists none");
    }
    // Without --format, a file's extension chooses (as in the explorer's export); else markdown.
    let format = format.unwrap_or_else(|| output.map_or(ExportFormat::Md, ExportFormat::for_path));
    let generated = export::generated_now();
    let options = Options { terminal: output.is_none() && io::stdout().is_terminal(), raw_csv: csv.raw_csv };
    let bytes = Export { dataset, events: &events, query, format, data_dir, output, generated: &generated }
        .render_with(options);
    let Some(path) = output else {
        return printed(print(&bytes), "the export", ExitCode::SUCCESS);
    };
    match export::write_atomically(path, &bytes, force) {
        // Said on stderr, which may be closed: the file is written all the same, and exit 0 says so.
        Ok(()) => {
            say(format_args!(
                "wrote {} of {} events to {}",
                events.len(),
                dataset.events().len(),
                path.display()
            ));
            ExitCode::SUCCESS
        }
        Err(error) => fail(1, error),
    }
}

fn list(dataset: &Dataset, query: &Query, format: ListFormat, csv: CsvFlags) -> ExitCode {
    let events = query.filter(dataset, &WordStartMatcher);
    let stdout = io::stdout();
    let options = Options { terminal: stdout.is_terminal(), raw_csv: csv.raw_csv };
    let mut out = BufWriter::new(stdout.lock());
    let written = match format {
        ListFormat::Text => export::write_text(&mut out, dataset, &events),
        ListFormat::Json => export::write_json(&mut out, dataset, &events, options),
        ListFormat::Csv => export::write_csv(&mut out, dataset, &events, options),
    };
    let code = printed(written.and_then(|()| out.flush()), "the list", ExitCode::SUCCESS);
    // Only rows go to standard output; the count is for the person reading.
    if format == ListFormat::Text && code == ExitCode::SUCCESS {
        say(format_args!("{} of {} events", events.len(), dataset.events().len()));
    }
    code
}

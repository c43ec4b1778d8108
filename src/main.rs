use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;

use annals::cli::{Cli, Command, Filters, ListFormat};
use annals::export;
use annals::load::{self, Bundled, LoadFailure, OnDisk};
use annals::model::Dataset;
use annals::search::SkimWordMatcher;

/// How many problems `check` prints before summarising the rest.
const PROBLEM_CAP: usize = 100;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let dataset = match &cli.data {
        Some(dir) => load::load(&OnDisk::new(dir)),
        None => load::load(&Bundled),
    };
    match cli.command {
        Some(Command::Check) => check(&dataset),
        Some(Command::List { filters, format }) => match dataset {
            Ok(dataset) => list(&dataset, &filters, format),
            Err(failure) => report_failure(&failure),
        },
        None => {
            // The terminal UI is not built yet: say so plainly and show what does work.
            eprintln!("annals: the terminal UI is not available yet; use a subcommand:\n");
            let mut command = <Cli as clap::CommandFactory>::command();
            let _ = command.print_help();
            ExitCode::from(2)
        }
    }
}

fn check(dataset: &Result<Dataset, LoadFailure>) -> ExitCode {
    match dataset {
        Ok(dataset) => {
            let quotes: usize = dataset.events.iter().map(|e| e.citations.len()).sum();
            println!(
                "ok: {} events, {} sources, {} actors, {} weapon types; {quotes} quotes found verbatim in their articles",
                dataset.events.len(),
                dataset.sources.len(),
                dataset.actors.len(),
                dataset.weapons.len(),
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

fn list(dataset: &Dataset, filters: &Filters, format: ListFormat) -> ExitCode {
    let query = match filters.to_query().and_then(|q| q.validate(dataset).map(|()| q)) {
        Ok(query) => query,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::from(2);
        }
    };
    let events = query.filter(dataset, &SkimWordMatcher::default());
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

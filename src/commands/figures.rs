//! `annals figures`: the figures of the matching events, from the one code path the
//! explorer and the report also use.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use super::console::{printed, say};
use crate::cli::{CsvFlags, ListFormat};
use crate::export::{self, Options};
use crate::figures::Figures;
use crate::model::Dataset;
use crate::query::Query;
use crate::search::WordStartMatcher;

/// The figures of the matching events, a row each; the count goes to standard error.
pub fn figures(dataset: &Dataset, query: &Query, format: ListFormat, csv: CsvFlags) -> ExitCode {
    let events = query.filter(dataset, &WordStartMatcher);
    let figures = Figures::build(dataset, &events);
    let stdout = io::stdout();
    let options = Options { terminal: stdout.is_terminal(), raw_csv: csv.raw_csv };
    let mut out = BufWriter::new(stdout.lock());
    let written = match format {
        ListFormat::Text => export::write_figures_text(&mut out, dataset, &figures),
        ListFormat::Json => export::write_figures_json(&mut out, dataset, &figures, options),
        ListFormat::Csv => export::write_figures_csv(&mut out, dataset, &figures, options),
    };
    let code = printed(written.and_then(|()| out.flush()), "the figures", ExitCode::SUCCESS);
    if format == ListFormat::Text && code == ExitCode::SUCCESS {
        say(format_args!(
            "{} figure{} in {} series (item and unit), from {} of {} events",
            figures.len(),
            if figures.len() == 1 { "" } else { "s" },
            figures.series.len(),
            events.len(),
            dataset.events().len()
        ));
    }
    code
}

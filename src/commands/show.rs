//! `annals show ID` and `annals coverage [SOURCE-ID…]`.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use super::console::{fail, printed};
use crate::cli::ShowFormat;
use crate::export::{self, Options};
use crate::model::Dataset;
use crate::passages::coverage;
use crate::text::{clean, suggest_id};

/// A source's article, or an event; an unknown id is exit 2 with the closest id.
pub fn show(dataset: &Dataset, id: &str, format: ShowFormat) -> ExitCode {
    let stdout = io::stdout();
    let terminal = stdout.is_terminal();
    let options = Options { terminal, raw_csv: false };
    let mut out = BufWriter::new(stdout.lock());
    let written = if let Some(source) = dataset.source(id) {
        match format {
            ShowFormat::Text => export::write_article(&mut out, dataset, source, terminal),
            ShowFormat::Json => export::write_article_json(&mut out, dataset, source, options),
        }
    } else if let Some(event) = dataset.event_by_id(id) {
        match format {
            ShowFormat::Text => export::write_event(&mut out, dataset, event),
            ShowFormat::Json => export::write_event_json(&mut out, dataset, event, options),
        }
    } else {
        drop(out);
        return unknown(dataset, id);
    };
    printed(written.and_then(|()| out.flush()), "it", ExitCode::SUCCESS)
}

/// Coverage of the sources named (all when none are), in the dataset's order.
pub fn coverage_of(dataset: &Dataset, sources: &[String], format: ShowFormat) -> ExitCode {
    if let Some(missing) = sources.iter().find(|id| dataset.source(id).is_none()) {
        return unknown(dataset, missing);
    }
    let ids: Vec<&str> = if sources.is_empty() {
        dataset.sources().iter().map(|s| s.id.as_str()).collect()
    } else {
        sources.iter().map(String::as_str).collect()
    };
    let report: Vec<_> = ids.iter().map(|id| coverage(dataset, id)).collect();
    let stdout = io::stdout();
    let options = Options { terminal: stdout.is_terminal(), raw_csv: false };
    let mut out = BufWriter::new(stdout.lock());
    let written = match format {
        ShowFormat::Text => export::write_coverage(&mut out, &report),
        ShowFormat::Json => export::write_coverage_json(&mut out, &report, options),
    };
    printed(written.and_then(|()| out.flush()), "the coverage", ExitCode::SUCCESS)
}

fn unknown(dataset: &Dataset, id: &str) -> ExitCode {
    let sources = dataset.sources().iter().map(|s| (s.id.as_str(), s.id.as_str()));
    let events = dataset.events().iter().map(|e| (e.id.as_str(), e.id.as_str()));
    let hint =
        suggest_id(id, sources.chain(events)).map(|s| format!(" (did you mean {s}?)")).unwrap_or_default();
    fail(
        2,
        format_args!("no source or event has the id \"{}\"{hint}; `annals list` shows the events", clean(id)),
    )
}

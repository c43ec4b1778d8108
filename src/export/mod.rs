//! Writing a list of events out: markdown for reports, plain text for reading, JSON and
//! CSV for scripts. `annals list`, `annals export` and the TUI's export share these writers.

mod markdown;
mod write;

use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use crate::model::{Dataset, Event, Quantity};
use crate::query::Query;
use crate::text::clean;

pub use markdown::{Markdown, describe, escape};
pub use write::{WriteError, describe_io_error, remove_temporary_files_on_signals, write_atomically};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Markdown: chronology, footnoted quotes and sources
    Md,
    /// A JSON array of event objects (as `list --format json`)
    Json,
    /// CSV with a header row (as `list --format csv`)
    Csv,
}

impl ExportFormat {
    /// The format a file name implies: .json, .csv, else markdown.
    pub fn for_path(path: &Path) -> Self {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("json") => ExportFormat::Json,
            Some("csv") => ExportFormat::Csv,
            _ => ExportFormat::Md,
        }
    }
}

/// One export: which events, chosen how, in what format, and where it will be written.
pub struct Export<'a> {
    pub dataset: &'a Dataset,
    pub events: &'a [usize],
    pub query: &'a Query,
    pub format: ExportFormat,
    /// `--data DIR` as the user gave it, when not the bundled dataset.
    pub data_dir: Option<&'a Path>,
    /// The file written, or None for standard output.
    pub output: Option<&'a Path>,
    /// When it was generated, e.g. "2026-11-22 07:30 UTC".
    pub generated: &'a str,
}

impl Export<'_> {
    /// The `annals export …` command line that reproduces this export.
    pub fn command(&self) -> String {
        let mut words: Vec<String> = vec!["annals".into()];
        if let Some(dir) = self.data_dir {
            words.extend(["--data".into(), dir.display().to_string()]);
        }
        words.push("export".into());
        if !self.query.is_empty() {
            words.extend(["--query".into(), self.query.to_string()]);
        }
        match self.format {
            ExportFormat::Md => {}
            ExportFormat::Json => words.extend(["--format".into(), "json".into()]),
            ExportFormat::Csv => words.extend(["--format".into(), "csv".into()]),
        }
        if let Some(output) = self.output {
            words.extend(["-o".into(), output.display().to_string()]);
        }
        shell_words::join(words)
    }

    pub fn render(&self) -> Vec<u8> {
        let mut bytes = Vec::new();
        // Writing into a Vec cannot fail: io::Write for Vec<u8> never returns an error.
        let _ = match self.format {
            ExportFormat::Md => {
                let command = self.command();
                let markdown = Markdown {
                    dataset: self.dataset,
                    events: self.events,
                    query: self.query,
                    command: &command,
                    generated: self.generated,
                };
                bytes.extend_from_slice(markdown.render().as_bytes());
                Ok(())
            }
            ExportFormat::Json => write_json(&mut bytes, self.dataset, self.events),
            ExportFormat::Csv => write_csv(&mut bytes, self.dataset, self.events),
        };
        bytes
    }
}

/// The current time for the "generated" line, to the minute, in UTC.
pub fn generated_now() -> String {
    chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
        .format("%Y-%m-%d %H:%M UTC")
        .to_string()
}

/// One event as the JSON and CSV outputs present it, with each citation's article path.
#[derive(Debug, Serialize)]
pub struct EventRecord<'a> {
    pub id: &'a str,
    /// The date as curated (`2023`, `2023-08` or `2023-08-30`).
    pub date: String,
    pub date_precision: crate::date::DatePrecision,
    pub until: Option<String>,
    pub date_basis: Option<&'a str>,
    pub reported: Option<String>,
    pub reported_basis: Option<&'a str>,
    pub title: &'a str,
    pub summary: &'a str,
    pub kind: &'static str,
    pub status: &'static str,
    pub actors: &'a [String],
    pub weapons: &'a [String],
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub claimed_by: &'a [String],
    pub related: &'a [String],
    pub quantities: &'a [Quantity],
    pub citations: Vec<CitationRecord<'a>>,
}

#[derive(Debug, Serialize)]
pub struct CitationRecord<'a> {
    pub source: &'a str,
    /// The article's path as the dataset gives it, e.g. `seeds/003_1e972da549e7da1c.txt`.
    pub file: &'a str,
    pub quote: &'a str,
}

impl<'a> EventRecord<'a> {
    pub fn new(event: &'a Event, dataset: &'a Dataset) -> Self {
        Self {
            id: &event.id,
            date: event.date.to_string(),
            date_precision: event.date.precision(),
            until: event.until.map(|d| d.to_string()),
            date_basis: event.date_basis.as_deref(),
            reported: event.reported.map(|d| d.to_string()),
            reported_basis: event.reported_basis.as_deref(),
            title: &event.title,
            summary: &event.summary,
            kind: event.kind.as_str(),
            status: event.status.as_str(),
            actors: &event.actors,
            weapons: &event.weapons,
            from: event.from.as_deref(),
            to: event.to.as_deref(),
            claimed_by: &event.claimed_by,
            related: &event.related,
            quantities: &event.quantities,
            citations: event
                .citations
                .iter()
                .map(|c| CitationRecord {
                    source: &c.source,
                    file: dataset.source(&c.source).map_or("", |s| s.file.as_str()),
                    quote: &c.quote,
                })
                .collect(),
        }
    }
}

/// A JSON array of the events, pretty-printed, with a final newline.
pub fn write_json(out: &mut dyn Write, dataset: &Dataset, events: &[usize]) -> io::Result<()> {
    let records: Vec<EventRecord<'_>> =
        events.iter().map(|&i| EventRecord::new(&dataset.events()[i], dataset)).collect();
    serde_json::to_writer_pretty(&mut *out, &records)?;
    writeln!(out)
}

const CSV_HEADER: [&str; 17] = [
    "id",
    "date",
    "until",
    "date_basis",
    "title",
    "summary",
    "kind",
    "status",
    "actors",
    "weapons",
    "from",
    "to",
    "claimed_by",
    "related",
    "quantities",
    "sources",
    "quotes",
];

/// CSV with a header row; lists are joined with "; ", quotes with line breaks.
pub fn write_csv(out: &mut dyn Write, dataset: &Dataset, events: &[usize]) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_HEADER)?;
    for &i in events {
        let event = &dataset.events()[i];
        let quantities: Vec<String> = event.quantities.iter().map(Quantity::to_string).collect();
        let sources: Vec<&str> = event.citations.iter().map(|c| c.source.as_str()).collect();
        let quotes: Vec<&str> = event.citations.iter().map(|c| c.quote.as_str()).collect();
        writer.write_record([
            event.id.as_str(),
            &event.date.to_string(),
            &event.until.map(|d| d.to_string()).unwrap_or_default(),
            event.date_basis.as_deref().unwrap_or_default(),
            &event.title,
            &event.summary,
            event.kind.as_str(),
            event.status.as_str(),
            &event.actors.join("; "),
            &event.weapons.join("; "),
            event.from.as_deref().unwrap_or_default(),
            event.to.as_deref().unwrap_or_default(),
            &event.claimed_by.join("; "),
            &event.related.join("; "),
            &quantities.join("; "),
            &sources.join("; "),
            &quotes.join("\n"),
        ])?;
    }
    writer.flush()
}

/// One line an event (date, kind, status, title, id) in aligned columns, then the count.
/// Text for reading: control characters and invisible formatting are shown, not obeyed.
pub fn write_text(out: &mut dyn Write, dataset: &Dataset, events: &[usize]) -> io::Result<()> {
    let width =
        |f: &dyn Fn(&Event) -> usize| events.iter().map(|&i| f(&dataset.events()[i])).max().unwrap_or(0);
    let date_width = width(&|e| e.date_label().len());
    let kind_width = width(&|e| e.kind.as_str().len());
    let status_width = width(&|e| e.status.as_str().len());
    for &i in events {
        let event = &dataset.events()[i];
        writeln!(
            out,
            "{:date_width$}  {:kind_width$}  {:status_width$}  {}  [{}]",
            event.date_label(),
            event.kind.as_str(),
            event.status.as_str(),
            clean(&event.title),
            clean(&event.id),
        )?;
    }
    writeln!(out, "{} of {} events", events.len(), dataset.events().len())
}

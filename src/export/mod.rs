//! Writing a list of events out: markdown and HTML for reports, plain text for reading,
//! JSON, CSV and TimelineJS for other programs. `annals list`, `annals export` and the TUI's
//! export share these writers.

mod csv;
mod describe;
mod figures;
mod html;
mod json;
mod lines;
mod markdown;
mod paths;
mod records;
mod show;
mod timelinejs;
mod write;

use std::path::Path;

use crate::model::Dataset;
use crate::query::Query;
use crate::text::clean;

pub use csv::{neutralise, write_csv};
pub use describe::describe;
pub use figures::{FigureRecord, write_figures_csv, write_figures_json, write_figures_text};
pub use json::write_json;
pub use lines::write_text;
pub use markdown::{Markdown, escape};
pub use paths::{expand_tilde, expand_tilde_with};
pub use records::{CitationRecord, EventRecord};
pub use show::{
    write_article, write_article_json, write_coverage, write_coverage_json, write_event, write_event_json,
};
pub use timelinejs::write_timelinejs;
pub use write::{
    WriteError, describe_io_error, exit_removing_temporary_files, remove_temporary_files_on_signals,
    write_atomically,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Markdown: chronology, footnoted quotes and sources
    Md,
    /// The markdown report as one self-contained HTML page
    Html,
    /// A JSON array of event objects (as `list --format json`)
    Json,
    /// CSV with a header row (as `list --format csv`)
    Csv,
    /// TimelineJS3's JSON: a slide an event, dates at their precision
    #[value(name = "timelinejs")]
    TimelineJs,
}

impl ExportFormat {
    /// The format a file name implies: .html or .htm, .json, .csv, else markdown.
    pub fn for_path(path: &Path) -> Self {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("html" | "htm") => ExportFormat::Html,
            Some("json") => ExportFormat::Json,
            Some("csv") => ExportFormat::Csv,
            _ => ExportFormat::Md,
        }
    }

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Md => "md",
            ExportFormat::Html => "html",
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
            ExportFormat::TimelineJs => "timelinejs",
        }
    }
}

/// How data text is written, beyond the format itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// The output is a terminal: in JSON and CSV, control and invisible characters from the
    /// data become U+FFFD, as in text output. Off, JSON and CSV keep the data exact.
    pub terminal: bool,
    /// CSV cells that start like a formula are written as they are, without a leading `'`.
    pub raw_csv: bool,
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
    /// The `annals export …` command line that reproduces this export. What the user typed
    /// (the query, paths) is cleaned of control characters: it is shown to people.
    pub fn command(&self) -> String {
        let mut words: Vec<String> = vec!["annals".into()];
        if let Some(dir) = self.data_dir {
            words.extend(["--data".into(), clean(&dir.display().to_string())]);
        }
        words.push("export".into());
        if !self.query.is_empty() {
            words.extend(["--query".into(), clean(&self.query.to_string())]);
        }
        if self.format != ExportFormat::Md {
            words.extend(["--format".into(), self.format.name().into()]);
        }
        if let Some(output) = self.output {
            words.extend(["-o".into(), clean(&output.display().to_string())]);
        }
        shell_words::join(words)
    }

    /// The export's bytes, for a file: JSON and CSV exact, CSV formulas neutralised.
    pub fn render(&self) -> Vec<u8> {
        self.render_with(Options::default())
    }

    pub fn render_with(&self, options: Options) -> Vec<u8> {
        let mut bytes = Vec::new();
        let markdown = || {
            let command = self.command();
            Markdown {
                dataset: self.dataset,
                events: self.events,
                query: self.query,
                command: &command,
                generated: self.generated,
            }
            .render()
        };
        // Writing into a Vec cannot fail: io::Write for Vec<u8> never returns an error.
        let _ = match self.format {
            ExportFormat::Md => {
                bytes.extend_from_slice(markdown().as_bytes());
                Ok(())
            }
            ExportFormat::Html => {
                let title = format!("{}: chronology", self.dataset.name());
                bytes.extend_from_slice(html::page(&markdown(), &title).as_bytes());
                Ok(())
            }
            ExportFormat::Json => write_json(&mut bytes, self.dataset, self.events, options),
            ExportFormat::Csv => write_csv(&mut bytes, self.dataset, self.events, options),
            ExportFormat::TimelineJs => {
                write_timelinejs(&mut bytes, self.dataset, self.events, self.query, options)
            }
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

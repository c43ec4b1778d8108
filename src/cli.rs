//! The command line: clap definitions, one filter-argument group shared by every subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::date::Date;
use crate::export::ExportFormat;
use crate::query::{Query, QueryError};

#[derive(Debug, Parser)]
#[command(
    name = "annals",
    version,
    about = "Explore a chronology of source-cited events in the terminal",
    override_usage = "annals [OPTIONS] [FILTERS]          open the terminal UI\n       annals [OPTIONS] <COMMAND> [FILTERS]",
    long_about = "Explore a chronology of source-cited events.\n\n\
        The bundled dataset follows the North Korea–Russia arms relationship since 2023, \
        from five source articles. Every event cites its source with a verbatim quote, \
        and dates are shown exactly as precise as the sources allow.",
    after_help = "Query language (for --query): actor:ID weapon:ID source:ID from:DATE to:DATE and free words,\n\
        e.g. 'actor:north-korea weapon:kn-23 from:2024 missiles'. Values of one facet are OR'd,\n\
        facets are AND'd, every word must match (typos and partial words are forgiven).\n\
        Dates are YYYY, YYYY-MM or YYYY-MM-DD; --from/--to keep events that overlap the range.\n\n\
        In the explorer (annals with no command), press ? to see every key."
)]
pub struct Cli {
    /// Load the dataset in DIR (with data/ and seeds/) instead of the bundled one
    #[arg(long, value_name = "DIR", global = true)]
    pub data: Option<PathBuf>,

    /// Filters for the terminal UI to start with (and added to a subcommand's own)
    #[command(flatten)]
    pub filters: Filters,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the matching events in chronological order
    List {
        #[command(flatten)]
        filters: Filters,
        /// Output format
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[command(flatten)]
        csv: CsvFlags,
    },
    /// Export the matching events: markdown with footnoted quotes (default), HTML, JSON, CSV or TimelineJS
    Export {
        #[command(flatten)]
        filters: Filters,
        /// Output format [default: from FILE's extension (.html, .json, .csv), else md]
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// Write to FILE (atomically) instead of standard output; `-` is standard output
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Overwrite FILE if it exists
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        csv: CsvFlags,
    },
    /// Validate the dataset and print every problem; exit 0 when clean, 1 when not
    Check,
}

/// How CSV cells are written.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct CsvFlags {
    /// CSV: keep cells that start with = + - @ exactly as they are (by default they get a
    /// leading ' so that spreadsheets show them as text instead of running them as formulas)
    #[arg(long)]
    pub raw_csv: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// One line an event, for reading
    Text,
    /// A JSON array of event objects
    Json,
    /// CSV with a header row
    Csv,
}

/// The filters every subcommand takes; they add to --query.
#[derive(Debug, Clone, Default, Args)]
pub struct Filters {
    /// Keep events naming this actor (repeatable; any of them)
    #[arg(long = "actor", value_name = "ID")]
    pub actors: Vec<String>,
    /// Keep events involving this weapon type (repeatable; any of them)
    #[arg(long = "weapon", value_name = "ID")]
    pub weapons: Vec<String>,
    /// Keep events citing this source (repeatable; any of them)
    #[arg(long = "source", value_name = "ID")]
    pub sources: Vec<String>,
    /// Keep events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD; overlap counts)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<Date>,
    /// Keep events on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD; overlap counts)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<Date>,
    /// A query in the query language: facets and fuzzy keywords
    #[arg(long, short = 'q', value_name = "TEXT")]
    pub query: Option<String>,
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse().map_err(|e: crate::date::DateError| e.to_string())
}

impl Filters {
    /// The one Query these arguments describe: `--query` with the flags added to it.
    pub fn to_query(&self) -> Result<Query, QueryError> {
        let base: Query = self.query.as_deref().unwrap_or_default().parse()?;
        let flags = Query {
            actors: self.actors.clone(),
            weapons: self.weapons.clone(),
            sources: self.sources.clone(),
            from: self.from,
            to: self.to,
            words: Vec::new(),
        };
        base.merge(flags)
    }
}

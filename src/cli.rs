//! The command line: clap definitions, one filter-argument group shared by every subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::date::Date;
use crate::export::ExportFormat;
use crate::query::{Facet, Query, QueryError};

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
    after_help = "Query language (for --query): status: kind: claimant: sender: receiver: grade: country:\n\
        actor: weapon: source: (each KEY:VALUE), from:DATE to:DATE order:date|reported, and words,\n\
        e.g. 'actor:north-korea weapon:kn-23 from:2024 missiles'. Values of one facet are OR'd,\n\
        facets are AND'd, every word must match (typos and partial words are forgiven);\n\
        !TERM excludes, 'word matches exactly, \"two words\" is a phrase.\n\
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
    },
    /// Export the matching events: markdown with footnoted quotes (default), JSON or CSV
    Export {
        #[command(flatten)]
        filters: Filters,
        /// Output format [default: from FILE's extension (.json, .csv), else md]
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// Write to FILE (atomically) instead of standard output; `-` is standard output
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Overwrite FILE if it exists
        #[arg(long)]
        force: bool,
    },
    /// Validate the dataset and print every problem; exit 0 when clean, 1 when not
    Check,
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
    /// Keep events with this status: reported, confirmed, denied, disputed, pledged, planned (repeatable)
    #[arg(long = "status", value_name = "STATUS")]
    pub statuses: Vec<String>,
    /// Keep events of this kind, e.g. transfer, denial (repeatable)
    #[arg(long = "kind", value_name = "KIND")]
    pub kinds: Vec<String>,
    /// Keep events this actor asserts (repeatable)
    #[arg(long = "claimant", value_name = "ID")]
    pub claimants: Vec<String>,
    /// Keep transfers from this actor (repeatable)
    #[arg(long = "sender", value_name = "ID")]
    pub senders: Vec<String>,
    /// Keep transfers to this actor (repeatable)
    #[arg(long = "receiver", value_name = "ID")]
    pub receivers: Vec<String>,
    /// Keep events citing a source of this grade, or range of grades (b, a-c; repeatable)
    #[arg(long = "grade", value_name = "GRADE")]
    pub grades: Vec<String>,
    /// Keep events naming this country or any actor of it (repeatable)
    #[arg(long = "country", value_name = "ID")]
    pub countries: Vec<String>,
    /// Keep events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD; overlap counts)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<Date>,
    /// Keep events on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD; overlap counts)
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<Date>,
    /// A query in the query language: facets and fuzzy keywords
    #[arg(long, short = 'q', value_name = "TEXT")]
    pub query: Option<String>,
    /// Order the chronology by when a thing happened (date) or when it was claimed (reported)
    #[arg(long, value_name = "ORDER", value_parser = ["date", "reported"])]
    pub order: Option<String>,
}

fn parse_date(text: &str) -> Result<Date, String> {
    text.parse().map_err(|e: crate::date::DateError| e.to_string())
}

impl Filters {
    /// The one Query these arguments describe: `--query` with the flags added to it.
    pub fn to_query(&self) -> Result<Query, QueryError> {
        let base: Query = self.query.as_deref().unwrap_or_default().parse()?;
        let mut flags = Query::default();
        for (facet, values) in [
            (Facet::Status, &self.statuses),
            (Facet::Kind, &self.kinds),
            (Facet::Claimant, &self.claimants),
            (Facet::Sender, &self.senders),
            (Facet::Receiver, &self.receivers),
            (Facet::Grade, &self.grades),
            (Facet::Country, &self.countries),
            (Facet::Actor, &self.actors),
            (Facet::Weapon, &self.weapons),
            (Facet::Source, &self.sources),
        ] {
            for value in values {
                flags.add_value(facet, value)?;
            }
        }
        flags.from = self.from;
        flags.to = self.to;
        flags.order = self.order.as_deref().unwrap_or_default().parse()?;
        base.merge(flags)
    }
}

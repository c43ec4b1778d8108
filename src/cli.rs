//! The command line: clap definitions, one filter-argument group shared by every subcommand,
//! and what is generated from them (shell completions, the manual page).

use std::io::{self, Write};
use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum, ValueHint};
use clap_complete::Shell;

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
    #[arg(long, value_name = "DIR", global = true, value_hint = ValueHint::DirPath)]
    pub data: Option<PathBuf>,

    /// In the explorer, reload whenever a file under DIR/data or DIR/seeds changes (needs --data)
    #[arg(long)]
    pub watch: bool,

    /// Filters for the terminal UI to start with (and added to a subcommand's own)
    #[command(flatten)]
    pub filters: Filters,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the matching events, in the order they happened (or were claimed: --order reported)
    List {
        #[command(flatten)]
        filters: Filters,
        /// Output format
        #[arg(long, value_enum, ignore_case = true, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[command(flatten)]
        csv: CsvFlags,
    },
    /// Print the figures the matching events give: per item, in the order they held, each with its claimant
    #[command(
        after_help = "A row per figure: when it held, the item, the figure as the source qualified it, the range \
        the words allow (low to high), ≠ where figures held at the same time cannot both be right, = where \
        another event gives the same figure, who claims it, the event's status and its best source grade. \
        See \"Quantities\" in docs/DATA.md."
    )]
    Figures {
        #[command(flatten)]
        filters: Filters,
        /// Output format
        #[arg(long, value_enum, ignore_case = true, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[command(flatten)]
        csv: CsvFlags,
    },
    /// Export the matching events: markdown with footnoted quotes (default), HTML, JSON, CSV or TimelineJS
    Export {
        #[command(flatten)]
        filters: Filters,
        /// Output format [default: from FILE's extension (.html, .json, .csv), else md]
        #[arg(long, value_enum, ignore_case = true)]
        format: Option<ExportFormat>,
        /// Write to FILE (atomically) instead of standard output; `-` is standard output
        #[arg(short = 'o', long = "output", value_name = "FILE", value_hint = ValueHint::FilePath)]
        output: Option<PathBuf>,
        /// Overwrite FILE if it exists (only with -o FILE)
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        csv: CsvFlags,
    },
    /// Validate the dataset and print every problem; exit 0 when clean, 1 when not
    Check,
    /// Write the bundled dataset (data/ and seeds/) to DIR, to edit: then `annals --data DIR --watch`
    Init {
        /// Where to write it (created if needed); nothing there is ever overwritten
        #[arg(value_name = "DIR", value_hint = ValueHint::DirPath)]
        dir: PathBuf,
    },
    /// Print a source's article (cited passages marked on a terminal) or one event in full
    Show {
        /// A source id (its article) or an event id (everything the detail pane shows)
        #[arg(value_name = "ID")]
        id: String,
        /// Output format
        #[arg(long, value_enum, ignore_case = true, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// How much of each article the events cite: paragraphs cited, and the text of those not
    Coverage {
        /// The sources to report on [default: every source]
        #[arg(value_name = "SOURCE-ID")]
        sources: Vec<String>,
        /// Output format
        #[arg(long, value_enum, ignore_case = true, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Print the completion script for SHELL (subcommands, flags, formats and the bundled ids)
    #[command(after_help = "Load it for this session with, e.g., source <(annals completions bash);\n\
        or save it where your shell looks: ~/.local/share/bash-completion/completions/annals,\n\
        a directory in zsh's $fpath as _annals, ~/.config/fish/completions/annals.fish.")]
    Completions {
        #[arg(value_enum, ignore_case = true)]
        shell: Shell,
    },
    /// Print the manual page (roff): `annals man | man -l -`, or save it as annals.1
    Man {
        /// The page of one subcommand (annals-list(1) …) instead of annals(1)
        #[arg(value_name = "COMMAND", value_parser = ["list", "figures", "export", "check", "show", "coverage", "init", "completions", "man"])]
        command: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ShowFormat {
    /// For reading
    Text,
    /// JSON, with byte offsets into the article as written
    Json,
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
/// (Their argument ids, "actors", "weapons" and "sources", are named in `with_ids`.)
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
    /// A query in the query language: key:value terms, words, 'exact words, "phrases", ! to exclude
    #[arg(long, short = 'q', value_name = "TEXT", long_help = crate::query::terms_help())]
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

/// Parse the command line as `Cli::parse` does, but print argument errors with what the
/// user typed cleaned of control characters, so a hostile argument cannot drive the terminal.
pub fn parse() -> Cli {
    match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => error.exit(), // --help and --version: our own text
        Err(error) => {
            let rendered = error.render().to_string();
            let cleaned: Vec<String> = rendered.split('\n').map(crate::text::clean).collect();
            let _ = io::stderr().lock().write_all(cleaned.join("\n").as_bytes());
            std::process::exit(error.exit_code())
        }
    }
}

/// The ids a completion script offers for --actor, --weapon and --source, each with the
/// name shown beside it where the shell can (zsh, fish, PowerShell).
#[derive(Debug, Clone, Default)]
pub struct Ids {
    pub actors: Vec<(String, String)>,
    pub weapons: Vec<(String, String)>,
    pub sources: Vec<(String, String)>,
}

/// The completion script for `shell`. The ids are written into the script (clap_complete's
/// dynamic completion is unstable); they are the bundled dataset's, known when it is built.
pub fn completion_script(shell: Shell, ids: &Ids) -> Vec<u8> {
    let mut command = with_ids(Cli::command(), ids).mut_subcommands(|sub| with_ids(sub, ids));
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "annals", &mut script);
    script
}

/// The command with the filter flags offering `ids` as their values: for completions only,
/// since any id of a `--data` dataset must still parse.
fn with_ids(command: clap::Command, ids: &Ids) -> clap::Command {
    let values = |pairs: &[(String, String)]| {
        let values: Vec<PossibleValue> =
            pairs.iter().map(|(id, name)| PossibleValue::new(id.clone()).help(name.clone())).collect();
        clap::builder::PossibleValuesParser::new(values)
    };
    if command.get_arguments().all(|arg| arg.get_id() != "actors") {
        return command;
    }
    command
        .mut_arg("actors", |arg| arg.value_parser(values(&ids.actors)))
        .mut_arg("weapons", |arg| arg.value_parser(values(&ids.weapons)))
        .mut_arg("sources", |arg| arg.value_parser(values(&ids.sources)))
}

/// The roff manual page of annals, or of one of its subcommands (`annals-list(1)`), with an
/// EXIT STATUS section before VERSION.
pub fn manual_page(subcommand: Option<&str>) -> Vec<u8> {
    let mut command = Cli::command();
    command.build();
    let command = match subcommand.and_then(|name| command.find_subcommand(name)) {
        Some(sub) => sub.clone(),
        None => command,
    };
    let man = clap_mangen::Man::new(command).source(format!("annals {}", env!("CARGO_PKG_VERSION")));
    let mut page = Vec::new();
    // Writing into a Vec cannot fail.
    let _ = man.render(&mut page);
    let page = String::from_utf8_lossy(&page);
    let at = page.find(".SH VERSION").unwrap_or(page.len());
    format!("{}{EXIT_STATUS}{}", &page[..at], &page[at..]).into_bytes()
}

const EXIT_STATUS: &str = r#".SH "EXIT STATUS"
.TP
0
Success; also when a reader closes the pipe early (annals list | head).
.TP
1
The dataset has problems (each is printed), or the output could not be written.
.TP
2
A bad argument: an unknown id, a malformed date, \-\-force without \-o FILE, a \-\-data directory that does not exist.
.TP
128+N
Ended by signal N (130 for SIGINT, 143 for SIGTERM); an export being written leaves no temporary file.
"#;

//! Figures out: a row per figure as text, JSON or CSV (`annals figures`), and the report's
//! "Figures" section. The numbers are `crate::figures`', as the figures view shows them.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;

use super::Options;
use super::csv::neutralise;
use super::json::write_value;
use super::markdown::escape;
use crate::figures::{Figure, Figures, Series, claimants, item_name, marks, range_label, series_name};
use crate::model::Dataset;
use crate::text::clean;

/// One figure as `annals figures --format json` and `csv` present it.
#[derive(Debug, Serialize)]
pub struct FigureRecord<'a> {
    /// What it counts: a weapon type's id, or a tally term.
    pub item: &'a str,
    pub item_name: &'a str,
    pub unit: &'static str,
    /// As written (`over`, `up-to` …), or null for a figure as stated.
    pub qualifier: Option<&'static str>,
    pub amount: u64,
    pub amount_max: Option<u64>,
    /// The interval the qualifier means; null where the words set no bound.
    pub low: Option<u64>,
    pub best: u64,
    pub high: Option<u64>,
    /// The figure as the source qualified it: "over 1,000,000", "up to 40%".
    pub figure: String,
    pub as_of: String,
    pub claimed_by: &'a [String],
    pub status: &'static str,
    /// The best grade among the event's sources.
    pub grade: Option<&'static str>,
    /// The event's id, and its title.
    pub event: &'a str,
    pub event_title: &'a str,
    pub note: Option<&'a str>,
    /// Another figure held at the same time cannot be right with this one.
    pub disagrees: bool,
    /// Another event gives exactly this figure.
    pub repeated: bool,
}

impl<'a> FigureRecord<'a> {
    pub fn new(dataset: &'a Dataset, series: &'a Series, figure: &Figure) -> Self {
        let event = figure.event(dataset);
        let quantity = figure.quantity(dataset);
        Self {
            item: &series.item,
            item_name: item_name(dataset, &series.item),
            unit: series.unit.as_str(),
            qualifier: quantity.qualifier.map(|q| q.as_str()),
            amount: quantity.amount,
            amount_max: quantity.amount_max,
            low: figure.interval.low,
            best: figure.interval.best,
            high: figure.interval.high,
            figure: quantity.amount_label(),
            as_of: figure.as_of.to_string(),
            claimed_by: &event.claimed_by,
            status: event.status.as_str(),
            grade: figure.grade.map(|g| g.as_str()),
            event: &event.id,
            event_title: &event.title,
            note: quantity.note.as_deref(),
            disagrees: figure.disagrees,
            repeated: figure.repeated,
        }
    }
}

fn records<'a>(dataset: &'a Dataset, figures: &'a Figures) -> impl Iterator<Item = FigureRecord<'a>> {
    figures.iter().map(move |(series, figure)| FigureRecord::new(dataset, series, figure))
}

/// A JSON array of figure objects, series by series, each in `as_of` order.
pub fn write_figures_json(
    out: &mut dyn Write,
    dataset: &Dataset,
    figures: &Figures,
    options: Options,
) -> io::Result<()> {
    let records: Vec<FigureRecord<'_>> = records(dataset, figures).collect();
    write_value(out, &records, options)
}

const HEADER: [&str; 20] = [
    "item",
    "item_name",
    "unit",
    "qualifier",
    "amount",
    "amount_max",
    "low",
    "best",
    "high",
    "figure",
    "as_of",
    "claimed_by",
    "status",
    "grade",
    "event",
    "event_title",
    "note",
    "disagrees",
    "repeated",
    "marks",
];

/// CSV with a header row, a row a figure; an unbounded end is an empty cell.
pub fn write_figures_csv(
    out: &mut dyn Write,
    dataset: &Dataset,
    figures: &Figures,
    options: Options,
) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    let text = |value: &str| if options.terminal { clean(value) } else { value.to_string() };
    let number = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
    for (series, figure) in figures.iter() {
        let r = FigureRecord::new(dataset, series, figure);
        let cells = [
            text(r.item),
            text(r.item_name),
            r.unit.to_string(),
            r.qualifier.unwrap_or_default().to_string(),
            r.amount.to_string(),
            number(r.amount_max),
            number(r.low),
            r.best.to_string(),
            number(r.high),
            r.figure.clone(),
            r.as_of.clone(),
            r.claimed_by.iter().map(|c| text(c)).collect::<Vec<_>>().join("; "),
            r.status.to_string(),
            r.grade.unwrap_or_default().to_string(),
            text(r.event),
            text(r.event_title),
            text(r.note.unwrap_or_default()),
            r.disagrees.to_string(),
            r.repeated.to_string(),
            marks(figure).to_string(),
        ];
        if options.raw_csv {
            writer.write_record(&cells)?;
        } else {
            writer.write_record(cells.iter().map(|cell| neutralise(cell).into_owned()))?;
        }
    }
    writer.flush()
}

/// A line a figure, in aligned columns: as of, item, figure, range, marks, claimants,
/// status, grade, event id. Text for reading: control characters are shown, not obeyed.
pub fn write_figures_text(out: &mut dyn Write, dataset: &Dataset, figures: &Figures) -> io::Result<()> {
    let rows: Vec<[String; 8]> = figures
        .iter()
        .map(|(series, figure)| {
            let quantity = figure.quantity(dataset);
            let event = figure.event(dataset);
            [
                figure.as_of.to_string(),
                clean(&series_name(dataset, series)),
                quantity.amount_label(),
                range_label(&figure.interval, series.unit),
                marks(figure).to_string(),
                clean(&claimants(dataset, event)),
                event.status.as_str().to_string(),
                figure.grade.map(|g| g.as_str()).unwrap_or("-").to_string(),
            ]
        })
        .collect();
    let mut widths = [0; 8];
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    for (row, (_, figure)) in rows.iter().zip(figures.iter()) {
        for (cell, width) in row.iter().zip(widths) {
            write!(out, "{cell:width$}  ")?;
        }
        writeln!(out, "[{}]", clean(&figure.event(dataset).id))?;
    }
    Ok(())
}

/// The report's "Figures" section: per series, a table of its figures over time, each
/// linked to its event's heading (`anchors[k]` for the k-th of `events`).
pub fn markdown_section(
    out: &mut String,
    dataset: &Dataset,
    figures: &Figures,
    anchor: &dyn Fn(usize) -> String,
) {
    if figures.is_empty() {
        return;
    }
    out.push_str("## Figures\n\n");
    out.push_str(
        "Every figure the events above give, per item, in the order it held. The range is what \
         the words allow (docs/DATA.md, \"What a qualifier means\"); ≠ marks figures held at the same \
         time that cannot both be right, = a figure another event gives too.\n\n",
    );
    for series in &figures.series {
        let _ = writeln!(out, "### {}\n", escape(&series_name(dataset, series)));
        out.push_str("| as of | figure | range | claimed by | status | grade | event |\n");
        out.push_str("|---|---|---|---|---|---|---|\n");
        for figure in &series.figures {
            let quantity = figure.quantity(dataset);
            let event = figure.event(dataset);
            let mut said = escape(&quantity.amount_label());
            if let Some(note) = &quantity.note {
                let _ = write!(said, " ({})", escape(note));
            }
            let marks = match marks(figure) {
                "" => String::new(),
                marks => format!(" {marks}"),
            };
            let _ = writeln!(
                out,
                "| {} | {said}{marks} | {} | {} | {} | {} | [{}](#{}) |",
                figure.as_of,
                escape(&range_label(&figure.interval, series.unit)),
                escape(&claimants(dataset, event)),
                event.status,
                figure.grade.map_or("–", |g| g.as_str()),
                escape(&event.title),
                anchor(figure.event),
            );
        }
        out.push('\n');
    }
}

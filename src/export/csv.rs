//! CSV out: a header row and a row an event, for spreadsheets and scripts. An event's
//! quantities are in `quantities` as written, and as numbers in the `quantity_*` columns
//! (several quantities: one value each, joined by "; "; an unbounded end: empty).

use std::borrow::Cow;
use std::io::{self, Write};

use super::Options;
use crate::model::{Dataset, Quantity};
use crate::text::clean;

/// Columns added later come last, so scripts that read columns by position keep working.
const HEADER: [&str; 30] = [
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
    "edtf",
    "date_precision",
    "until_precision",
    "source_grade",
    "credibility",
    "credibility_reason",
    "rating",
    "reported",
    "quantity_item",
    "quantity_unit",
    "quantity_low",
    "quantity_best",
    "quantity_high",
];

/// CSV with a header row; lists are joined with "; ", quotes with line breaks. Cells that a
/// spreadsheet would run as a formula get a leading `'` unless `options.raw_csv`; for a
/// terminal, control and invisible characters in the data become U+FFFD.
pub fn write_csv(
    out: &mut dyn Write,
    dataset: &Dataset,
    events: &[usize],
    options: Options,
) -> io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(HEADER)?;
    // Each value from the data is cleaned before lists are joined, so the line breaks
    // between quotes stay line breaks.
    let text = |value: &str| if options.terminal { clean(value) } else { value.to_string() };
    let list = |values: &mut dyn Iterator<Item = &str>, separator: &str| {
        values.map(text).collect::<Vec<_>>().join(separator)
    };
    for &i in events {
        let event = &dataset.events()[i];
        let quantities: Vec<String> = event.quantities.iter().map(Quantity::to_string).collect();
        let rating = dataset.rating(event);
        // A number a quantity in each column, so that one figure is a plain number.
        let column = |cell: &dyn Fn(&Quantity) -> String| {
            event.quantities.iter().map(cell).collect::<Vec<_>>().join("; ")
        };
        let bound = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
        let cells = [
            text(&event.id),
            event.date.anchor().to_string(),
            event.date.closed_end().map(|d| d.to_string()).unwrap_or_default(),
            text(event.date_basis.as_deref().unwrap_or_default()),
            text(&event.title),
            text(&event.summary),
            event.kind.as_str().to_string(),
            event.status.as_str().to_string(),
            list(&mut event.actors.iter().map(String::as_str), "; "),
            list(&mut event.weapons.iter().map(String::as_str), "; "),
            text(event.from.as_deref().unwrap_or_default()),
            text(event.to.as_deref().unwrap_or_default()),
            list(&mut event.claimed_by.iter().map(String::as_str), "; "),
            list(&mut event.related.iter().map(String::as_str), "; "),
            list(&mut quantities.iter().map(String::as_str), "; "),
            list(&mut event.citations.iter().map(|c| c.source.as_str()), "; "),
            list(&mut event.citations.iter().map(|c| c.quote.as_str()), "\n"),
            event.date.to_string(),
            event.date.anchor().precision().as_str().to_string(),
            event.date.closed_end().map(|d| d.precision().as_str().to_string()).unwrap_or_default(),
            rating.grade.map(|g| g.to_string()).unwrap_or_default(),
            rating.credibility.map(|c| c.to_string()).unwrap_or_default(),
            text(event.credibility_reason.as_deref().unwrap_or_default()),
            rating.to_string(),
            event.reported.map(|d| d.to_string()).unwrap_or_default(),
            list(&mut event.quantities.iter().map(|q| q.item.as_str()), "; "),
            column(&|q| q.unit.as_str().to_string()),
            column(&|q| bound(q.interval().low)),
            column(&|q| q.interval().best.to_string()),
            column(&|q| bound(q.interval().high)),
        ];
        if options.raw_csv {
            writer.write_record(&cells)?;
        } else {
            let cells: Vec<Cow<'_, str>> = cells.iter().map(|cell| neutralise(cell)).collect();
            writer.write_record(cells.iter().map(|cell| cell.as_bytes()))?;
        }
    }
    writer.flush()
}

/// A cell a spreadsheet would take for a formula (it starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return), with a `'` before it so it shows as text: OWASP's advice against
/// CSV injection.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_get_a_leading_quote() {
        for formula in ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=x", "\r=x"] {
            assert_eq!(neutralise(formula), format!("'{formula}"));
        }
        for plain in ["2023-08", "north-korea", "a=b", " =x", ""] {
            assert_eq!(neutralise(plain), plain);
        }
    }
}

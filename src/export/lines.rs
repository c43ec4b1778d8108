//! Plain text for reading: one line an event.

use std::io::{self, Write};

use crate::model::{Dataset, Event};
use crate::text::clean;

/// One line an event (date, kind, status, rating, title, id) in aligned columns; no count, so that
/// standard output holds only rows (`annals list` says "N of M events" on standard error).
/// Text for reading: control characters and invisible formatting are shown, not obeyed.
pub fn write_text(out: &mut dyn Write, dataset: &Dataset, events: &[usize]) -> io::Result<()> {
    let width =
        |f: &dyn Fn(&Event) -> usize| events.iter().map(|&i| f(&dataset.events()[i])).max().unwrap_or(0);
    let date_width = width(&|e| e.date_label().chars().count());
    let kind_width = width(&|e| e.kind.as_str().len());
    let status_width = width(&|e| e.status.as_str().len());
    let rating_width = width(&|e| dataset.rating(e).to_string().len());
    for &i in events {
        let event = &dataset.events()[i];
        writeln!(
            out,
            "{:date_width$}  {:kind_width$}  {:status_width$}  {:rating_width$}  {}  [{}]",
            event.date_label(),
            event.kind.as_str(),
            event.status.as_str(),
            dataset.rating(event).to_string(),
            clean(&event.title),
            clean(&event.id),
        )?;
    }
    Ok(())
}

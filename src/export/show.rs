//! `annals show` and `annals coverage`: an article with its cited passages, one event with
//! everything the detail pane shows, and how much of each article the dataset cites.

use std::io::{self, Write};

use serde::Serialize;

use super::Options;
use super::json::write_value;
use super::records::EventRecord;
use crate::model::{Dataset, Event, Source};
use crate::passages::{Coverage, Passage, passages};
use crate::text::clean;

/// Where a cited passage starts and ends, on a terminal: reverse video (plain when piped).
const MARK_START: &str = "\x1b[7m";
const MARK_END: &str = "\x1b[27m";

/// The article of `source`, as written; cited passages in reverse video when `marked`.
pub fn write_article(
    out: &mut dyn Write,
    dataset: &Dataset,
    source: &Source,
    marked: bool,
) -> io::Result<()> {
    let text = dataset.article(&source.id).unwrap_or_default();
    if !marked {
        return out.write_all(text.as_bytes());
    }
    writeln!(out, "{} · {}", clean(&source.outlet), clean(&source.title))?;
    writeln!(
        out,
        "published {} · grade {} ({})\n",
        source.published,
        source.reliability,
        source.reliability.meaning()
    )?;
    let passages = passages(dataset, &source.id);
    let mut at = 0;
    for passage in &passages {
        let start = passage.start.max(at);
        if start >= passage.end {
            continue; // inside a passage already marked
        }
        write!(out, "{}{MARK_START}{}{MARK_END}", clean(&text[at..start]), clean(&text[start..passage.end]))?;
        at = passage.end;
    }
    writeln!(out, "{}", clean(&text[at..]))
}

/// The source's fields, its article exactly as in the file, and its cited passages with
/// byte offsets into that text.
#[derive(Serialize)]
struct ArticleRecord<'a> {
    #[serde(flatten)]
    source: &'a Source,
    text: &'a str,
    passages: Vec<Passage>,
}

pub fn write_article_json(
    out: &mut dyn Write,
    dataset: &Dataset,
    source: &Source,
    options: Options,
) -> io::Result<()> {
    let text = dataset.article(&source.id).unwrap_or_default();
    let record = ArticleRecord { source, text, passages: passages(dataset, &source.id) };
    write_value(out, &record, options)
}

/// One event as the detail pane shows it, in plain text.
pub fn write_event(out: &mut dyn Write, dataset: &Dataset, event: &Event) -> io::Result<()> {
    let actor = |id: &String| dataset.actor(id).map_or_else(|| id.clone(), |a| a.name.clone());
    let names = |ids: &[String]| ids.iter().map(actor).collect::<Vec<_>>().join(", ");
    writeln!(out, "{}", clean(&event.title))?;
    writeln!(out, "{}  ({})", event.date_label(), event.date.describe())?;
    if let Some(basis) = &event.date_basis {
        writeln!(out, "date basis: {}", clean(basis))?;
    }
    if let Some(reported) = &event.reported {
        let basis = event.reported_basis.as_deref().map(|b| format!(" ({})", clean(b))).unwrap_or_default();
        writeln!(out, "reported: {reported}{basis}")?;
    }
    writeln!(out, "kind: {}   status: {}", event.kind, event.status)?;
    let rating = dataset.rating(event);
    writeln!(out, "rating: {rating}  ({})", rating.meaning())?;
    if let Some(reason) = &event.credibility_reason {
        writeln!(out, "credibility basis: {}", clean(reason))?;
    }
    writeln!(out)?;
    writeln!(out, "{}\n", clean(&event.summary))?;
    match (&event.from, &event.to) {
        (Some(from), Some(to)) => {
            writeln!(out, "from → to: {} → {}", clean(&actor(from)), clean(&actor(to)))?
        }
        (Some(from), None) => writeln!(out, "from: {}", clean(&actor(from)))?,
        (None, Some(to)) => writeln!(out, "to: {}", clean(&actor(to)))?,
        (None, None) => {}
    }
    if !event.actors.is_empty() {
        writeln!(out, "actors: {}", clean(&names(&event.actors)))?;
    }
    if !event.weapons.is_empty() {
        let weapons: Vec<String> = event
            .weapons
            .iter()
            .map(|id| dataset.weapon(id).map_or_else(|| id.clone(), |w| w.name.clone()))
            .collect();
        writeln!(out, "weapons: {}", clean(&weapons.join("; ")))?;
    }
    if !event.quantities.is_empty() {
        let quantities: Vec<String> = event.quantities.iter().map(ToString::to_string).collect();
        writeln!(out, "quantities: {}", clean(&quantities.join("; ")))?;
    }
    writeln!(out, "claimed by: {}", clean(&names(&event.claimed_by)))?;
    if !event.related.is_empty() {
        writeln!(out, "related:")?;
        for id in &event.related {
            match dataset.event_by_id(id) {
                Some(related) => {
                    writeln!(out, "  • {}  {}  [{}]", related.date_label(), clean(&related.title), clean(id))?
                }
                None => writeln!(out, "  • {}", clean(id))?,
            }
        }
    }
    writeln!(out, "\nSources ({})", event.citations.len())?;
    for (n, citation) in event.citations.iter().enumerate() {
        match dataset.source(&citation.source) {
            Some(s) => writeln!(
                out,
                "[{}] {} · published {} · grade {} ({}) · {}",
                n + 1,
                clean(&s.outlet),
                s.published,
                s.reliability,
                s.reliability.meaning(),
                clean(&s.file)
            )?,
            None => writeln!(out, "[{}] {}", n + 1, clean(&citation.source))?,
        }
        writeln!(out, "    “{}”", clean(&citation.quote))?;
    }
    Ok(())
}

pub fn write_event_json(
    out: &mut dyn Write,
    dataset: &Dataset,
    event: &Event,
    options: Options,
) -> io::Result<()> {
    write_value(out, &EventRecord::new(event, dataset), options)
}

/// Per article: paragraphs, how many are cited and their share, then the uncited ones.
pub fn write_coverage(out: &mut dyn Write, coverage: &[Coverage]) -> io::Result<()> {
    for article in coverage {
        writeln!(
            out,
            "{}: {} of {} paragraphs cited ({:.0}%)",
            clean(&article.source),
            article.cited,
            article.paragraphs,
            article.share() * 100.0
        )?;
        for paragraph in &article.uncited {
            let text: String = clean(&paragraph.text.split_whitespace().collect::<Vec<_>>().join(" "));
            writeln!(out, "  uncited {}..{}: {}", paragraph.start, paragraph.end, text)?;
        }
    }
    Ok(())
}

pub fn write_coverage_json(out: &mut dyn Write, coverage: &[Coverage], options: Options) -> io::Result<()> {
    write_value(out, &coverage, options)
}

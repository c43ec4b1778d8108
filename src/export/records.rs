//! One event as the JSON and CSV outputs present it: every field, ids as written, and each
//! citation's article path.

use serde::Serialize;

use crate::date::DatePrecision;
use crate::model::{Credibility, Dataset, Event, Grade, Quantity};

/// One event as the JSON and CSV outputs present it, with each citation's article path.
#[derive(Debug, Serialize)]
pub struct EventRecord<'a> {
    pub id: &'a str,
    /// Where the event sits in time, as a plain date (`2023`, `2023-08` or `2023-08-30`): its
    /// start, or for an open or unknown start its end. `edtf` says the rest.
    pub date: String,
    pub date_precision: DatePrecision,
    /// The end of a span whose ends are both known, as a plain date.
    pub until: Option<String>,
    pub until_precision: Option<DatePrecision>,
    /// The date as curated, in EDTF: `2023-08~`, `2023-08/2023-11-01`, `../2023-08-30`.
    pub edtf: String,
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
    /// The best Admiralty grade among the cited sources (A best).
    pub source_grade: Option<Grade>,
    /// Admiralty information credibility, 1 to 6; none when not rated.
    pub credibility: Option<Credibility>,
    pub credibility_reason: Option<&'a str>,
    /// The pair as shown: "B2", or "B" when the credibility is not rated.
    pub rating: String,
}

#[derive(Debug, Serialize)]
pub struct CitationRecord<'a> {
    pub source: &'a str,
    /// The article's path as the dataset gives it, e.g. `seeds/003_1e972da549e7da1c.txt`.
    pub file: &'a str,
    pub quote: &'a str,
    /// The article's web address and an archived copy, where the dataset gives them.
    pub url: Option<&'a str>,
    pub archived_url: Option<&'a str>,
}

impl<'a> EventRecord<'a> {
    pub fn new(event: &'a Event, dataset: &'a Dataset) -> Self {
        Self {
            id: &event.id,
            date: event.date.anchor().to_string(),
            date_precision: event.date.anchor().precision(),
            until: event.date.closed_end().map(|d| d.to_string()),
            until_precision: event.date.closed_end().map(|d| d.precision()),
            edtf: event.date.to_string(),
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
                    url: dataset.source(&c.source).and_then(|s| s.url.as_deref()),
                    archived_url: dataset.source(&c.source).and_then(|s| s.archived_url.as_deref()),
                })
                .collect(),
            source_grade: dataset.rating(event).grade,
            credibility: event.credibility,
            credibility_reason: event.credibility_reason.as_deref(),
            rating: dataset.rating(event).to_string(),
        }
    }
}

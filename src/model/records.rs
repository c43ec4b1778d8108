//! The records a dataset is made of: sources, actors, weapon types, citations and events.

use serde::Serialize;

use super::quantity::Quantity;
use super::vocabulary::{ActorKind, Credibility, EventKind, Grade, Status, WeaponCategory};
use crate::date::{Date, DaySpan, EventDate};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub outlet: String,
    pub author: Option<String>,
    pub published: Date,
    pub published_basis: String,
    /// The article's path inside the dataset, e.g. `seeds/003_1e972da549e7da1c.txt`.
    pub file: String,
    pub reliability: Grade,
    pub reliability_reason: String,
    /// Where the article is published, and an archived copy; none for the bundled articles,
    /// whose texts carry no address.
    pub url: Option<String>,
    pub archived_url: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub country: Option<String>,
    pub role: Option<String>,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeaponType {
    pub id: String,
    pub name: String,
    pub category: WeaponCategory,
    pub designations: Vec<String>,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    pub source: String,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub id: String,
    /// When it happened: a date or an interval, in EDTF (docs/DATA.md, "Dates").
    pub date: EventDate,
    pub date_basis: Option<String>,
    pub reported: Option<Date>,
    pub reported_basis: Option<String>,
    pub title: String,
    pub summary: String,
    pub kind: EventKind,
    pub status: Status,
    pub actors: Vec<String>,
    pub weapons: Vec<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub claimed_by: Vec<String>,
    pub related: Vec<String>,
    pub quantities: Vec<Quantity>,
    pub citations: Vec<Citation>,
    /// How far the information is borne out (Admiralty 1–6); none when not rated.
    pub credibility: Option<Credibility>,
    /// Why, in a line; given with `credibility`.
    pub credibility_reason: Option<String>,
}

impl Event {
    pub fn span(&self) -> DaySpan {
        self.date.days()
    }

    /// Every actor the event names: its parties, the direction of a transfer and its claimants.
    pub fn involved_actors(&self) -> impl Iterator<Item = &str> {
        self.actors.iter().chain(&self.from).chain(&self.to).chain(&self.claimed_by).map(String::as_str)
    }

    /// The date as curated, written one way everywhere: `2023-08`, a span `2023-08 → 2023-11-01`,
    /// `by 2023-08-30` (on or before), `c. 2023-08` (approximate), `2023?` (uncertain).
    pub fn date_label(&self) -> String {
        self.date.label()
    }
}

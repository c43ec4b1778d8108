//! Records as written in the TOML files, with the spans validation needs to point at.

use serde::Deserialize;
use toml::Spanned;

use crate::date::Date;
use crate::model::{ActorKind, EventKind, Grade, Qualifier, Status, Unit, WeaponCategory};

pub type Id = Spanned<String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDatasetInfo {
    pub name: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: Id,
    pub title: Spanned<String>,
    pub outlet: Spanned<String>,
    pub author: Option<String>,
    pub published: Date,
    pub published_basis: String,
    pub file: Spanned<String>,
    pub reliability: Grade,
    pub reliability_reason: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActor {
    pub id: Id,
    pub name: Spanned<String>,
    pub kind: ActorKind,
    pub country: Option<Id>,
    pub role: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWeapon {
    pub id: Id,
    pub name: Spanned<String>,
    pub category: WeaponCategory,
    #[serde(default)]
    pub designations: Vec<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuantity {
    pub item: Id,
    #[serde(default)]
    pub unit: Unit,
    pub qualifier: Option<Spanned<Qualifier>>,
    pub amount: Spanned<u64>,
    pub amount_max: Option<Spanned<u64>>,
    pub as_of: Option<Spanned<Date>>,
    pub note: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCitation {
    pub source: Id,
    pub quote: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: Id,
    pub date: Spanned<Date>,
    pub until: Option<Spanned<Date>>,
    pub date_basis: Option<String>,
    pub reported: Option<Date>,
    pub reported_basis: Option<String>,
    pub title: Spanned<String>,
    pub summary: Spanned<String>,
    pub kind: EventKind,
    pub status: Status,
    pub actors: Vec<Id>,
    #[serde(default)]
    pub weapons: Vec<Id>,
    pub from: Option<Id>,
    pub to: Option<Id>,
    pub claimed_by: Spanned<Vec<Id>>,
    #[serde(default)]
    pub related: Vec<Id>,
    #[serde(default)]
    pub quantities: Vec<Spanned<RawQuantity>>,
    #[serde(default)]
    pub citations: Vec<RawCitation>,
}

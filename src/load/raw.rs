//! Records as written in the TOML files, with the spans validation needs to point at.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;

use crate::date::{Date, EventDate};
use crate::model::{
    ActorKind, Citation, Credibility, Event, EventKind, Grade, Qualifier, Quantity, Status, Unit,
    WeaponCategory,
};

pub type Id = Spanned<String>;

/// A record type as written, with the fields it cannot do without. Each comes with a
/// stand-in (a TOML value) that takes its place when it is missing or unreadable, so the
/// rest of the record can still be checked; checks skip the fields that are stand-ins.
pub trait Record: DeserializeOwned {
    const REQUIRED: &'static [(&'static str, &'static str)];
}

impl Record for RawSource {
    const REQUIRED: &'static [(&'static str, &'static str)] = &[
        ("id", "\"\""),
        ("title", "\"\""),
        ("outlet", "\"\""),
        ("published", "\"2000\""),
        ("published_basis", "\"\""),
        ("file", "\"\""),
        ("reliability", "\"F\""),
        ("reliability_reason", "\"\""),
    ];
}

impl Record for RawActor {
    const REQUIRED: &'static [(&'static str, &'static str)] =
        &[("id", "\"\""), ("name", "\"\""), ("kind", "\"organisation\"")];
}

impl Record for RawWeapon {
    const REQUIRED: &'static [(&'static str, &'static str)] =
        &[("id", "\"\""), ("name", "\"\""), ("category", "\"other\"")];
}

impl Record for RawEvent {
    const REQUIRED: &'static [(&'static str, &'static str)] = &[
        ("id", "\"\""),
        ("date", "\"2000\""),
        ("title", "\"\""),
        ("summary", "\"\""),
        ("kind", "\"other\""),
        ("status", "\"reported\""),
        ("actors", "[]"),
        ("claimed_by", "[]"),
    ];
}

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
    pub author: Option<Spanned<String>>,
    pub published: Date,
    pub published_basis: String,
    pub file: Spanned<String>,
    pub reliability: Grade,
    pub reliability_reason: Spanned<String>,
    /// Where the article is published, and an archived copy (web.archive.org, archive.today …).
    pub url: Option<Spanned<String>>,
    pub archived_url: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawActor {
    pub id: Id,
    pub name: Spanned<String>,
    pub kind: ActorKind,
    pub country: Option<Id>,
    pub role: Option<Spanned<String>>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWeapon {
    pub id: Id,
    pub name: Spanned<String>,
    pub category: WeaponCategory,
    #[serde(default)]
    pub designations: Vec<Spanned<String>>,
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
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
    pub date: Spanned<EventDate>,
    pub until: Option<Spanned<Date>>,
    pub date_basis: Option<String>,
    pub reported: Option<Spanned<Date>>,
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
    pub credibility: Option<Spanned<Credibility>>,
    pub credibility_reason: Option<Spanned<String>>,
}

fn tight(mut text: String) -> String {
    text.shrink_to_fit();
    text
}

fn exact<T>(mut items: Vec<T>) -> Vec<T> {
    items.shrink_to_fit();
    items
}

impl RawEvent {
    /// The model's event. Collected vectors reuse the larger buffers of their spanned sources and
    /// parsed strings may carry spare room: every field is built at its exact size, as the
    /// dataset keeps them all.
    pub fn into_event(self) -> Event {
        let event = self;
        let text = |s: toml::Spanned<String>| tight(s.into_inner());
        let texts = |v: Vec<Id>| -> Vec<String> { v.into_iter().map(text).collect() };
        let date = event.date.into_inner();
        let quantity = |q: toml::Spanned<RawQuantity>| {
            let q = q.into_inner();
            Quantity {
                item: text(q.item),
                unit: q.unit,
                amount: q.amount.into_inner(),
                amount_max: q.amount_max.map(toml::Spanned::into_inner),
                qualifier: q.qualifier.map(toml::Spanned::into_inner),
                as_of: q.as_of.map(toml::Spanned::into_inner),
                note: q.note.map(text),
            }
        };
        Event {
            id: text(event.id),
            // `until` before the date is reported by the checks; the date alone stands in for it.
            date: match event.until {
                Some(until) => date.until(until.into_inner()).unwrap_or(date),
                None => date,
            },
            date_basis: event.date_basis.map(tight),
            reported: event.reported.map(toml::Spanned::into_inner),
            reported_basis: event.reported_basis.map(tight),
            title: text(event.title),
            summary: text(event.summary),
            kind: event.kind,
            status: event.status,
            actors: exact(texts(event.actors)),
            weapons: exact(texts(event.weapons)),
            from: event.from.map(text),
            to: event.to.map(text),
            claimed_by: exact(texts(event.claimed_by.into_inner())),
            related: exact(texts(event.related)),
            quantities: exact(event.quantities.into_iter().map(quantity).collect()),
            citations: exact(
                event
                    .citations
                    .into_iter()
                    .map(|c| Citation { source: text(c.source), quote: text(c.quote) })
                    .collect(),
            ),
            credibility: event.credibility.map(toml::Spanned::into_inner),
            credibility_reason: event.credibility_reason.map(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use toml::de::{DeTable, DeValue, ValueDeserializer};

    /// A record of `T` made of the stand-ins, without `left_out`.
    fn stand_ins<T: Record>(left_out: Option<&str>) -> Result<T, toml::de::Error> {
        let text: String = T::REQUIRED
            .iter()
            .filter(|(field, _)| Some(*field) != left_out)
            .map(|(field, value)| format!("{field} = {value}\n"))
            .collect();
        let table = DeTable::parse(&text).expect("stand-ins are TOML");
        let span = table.span();
        T::deserialize(ValueDeserializer::from(Spanned::new(span, DeValue::Table(table.into_inner()))))
    }

    /// The stand-ins make a record, and each one is needed: exactly the fields serde requires.
    fn required_fields_are_exactly_those_serde_requires<T: Record>() {
        assert!(stand_ins::<T>(None).is_ok(), "{}", std::any::type_name::<T>());
        for (field, _) in T::REQUIRED {
            let error = stand_ins::<T>(Some(field)).err().map(|e| e.message().to_string());
            assert_eq!(error, Some(format!("missing field `{field}`")));
        }
    }

    #[test]
    fn each_record_type_lists_its_required_fields_with_stand_ins() {
        required_fields_are_exactly_those_serde_requires::<RawSource>();
        required_fields_are_exactly_those_serde_requires::<RawActor>();
        required_fields_are_exactly_those_serde_requires::<RawWeapon>();
        required_fields_are_exactly_those_serde_requires::<RawEvent>();
    }
}

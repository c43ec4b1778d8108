//! The records of a dataset: sources, actors, weapon types and events.

use std::collections::HashMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::{Date, DaySpan};

/// A closed vocabulary written in kebab-case in the data files.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// Admiralty source-reliability grade.
    Grade {
        A => "A", B => "B", C => "C", D => "D", E => "E", F => "F",
    }
}

impl Grade {
    pub fn meaning(self) -> &'static str {
        match self {
            Grade::A => "completely reliable",
            Grade::B => "usually reliable",
            Grade::C => "fairly reliable",
            Grade::D => "not usually reliable",
            Grade::E => "unreliable",
            Grade::F => "reliability cannot be judged",
        }
    }
}

vocabulary! {
    ActorKind {
        State => "state",
        Person => "person",
        Agency => "agency",
        ArmedForce => "armed-force",
        Organisation => "organisation",
        Media => "media",
    }
}

vocabulary! {
    WeaponCategory {
        ArtilleryAmmunition => "artillery-ammunition",
        Artillery => "artillery",
        RocketArtillery => "rocket-artillery",
        BallisticMissile => "ballistic-missile",
        Aircraft => "aircraft",
        SpaceTechnology => "space-technology",
        MissileTechnology => "missile-technology",
        NavalTechnology => "naval-technology",
        NuclearTechnology => "nuclear-technology",
        Munitions => "munitions",
        RawMaterials => "raw-materials",
        Personnel => "personnel",
        Other => "other",
    }
}

vocabulary! {
    EventKind {
        Meeting => "meeting",
        Visit => "visit",
        Correspondence => "correspondence",
        Transfer => "transfer",
        Deployment => "deployment",
        Production => "production",
        Agreement => "agreement",
        Pledge => "pledge",
        Statement => "statement",
        Assessment => "assessment",
        Denial => "denial",
        Condemnation => "condemnation",
        Casualties => "casualties",
        Withdrawal => "withdrawal",
        Other => "other",
    }
}

vocabulary! {
    Status {
        Reported => "reported",
        Confirmed => "confirmed",
        Denied => "denied",
        Disputed => "disputed",
        Pledged => "pledged",
        Planned => "planned",
    }
}

vocabulary! {
    Qualifier {
        Over => "over",
        AtLeast => "at-least",
        About => "about",
        Nearly => "nearly",
        UpTo => "up-to",
        Between => "between",
    }
}

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
pub struct Quantity {
    pub amount: u64,
    pub amount_max: Option<u64>,
    pub unit: String,
    pub item: Option<String>,
    pub qualifier: Option<Qualifier>,
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let amount = group_thousands(self.amount);
        match (self.qualifier, self.amount_max) {
            (Some(Qualifier::Between), Some(max)) | (None, Some(max)) => {
                write!(f, "{amount}–{}", group_thousands(max))?
            }
            (Some(qualifier), _) => write!(f, "{} {amount}", qualifier.as_str().replace('-', " "))?,
            (None, None) => write!(f, "{amount}")?,
        }
        write!(f, " {}", self.unit)?;
        if let Some(item) = &self.item {
            write!(f, " ({item})")?;
        }
        Ok(())
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Citation {
    pub source: String,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Event {
    pub id: String,
    pub date: Date,
    pub until: Option<Date>,
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
}

impl Event {
    pub fn span(&self) -> DaySpan {
        DaySpan::of(&self.date, self.until.as_ref())
    }

    /// Every actor the event names: its parties, the direction of a transfer and its claimants.
    pub fn involved_actors(&self) -> impl Iterator<Item = &str> {
        self.actors.iter().chain(&self.from).chain(&self.to).chain(&self.claimed_by).map(String::as_str)
    }

    /// The date as curated: `2023-08`, or a span `2023-08..2023-11-01`.
    pub fn date_label(&self) -> String {
        match &self.until {
            Some(until) => format!("{}..{}", self.date, until),
            None => self.date.to_string(),
        }
    }
}

/// A loaded, validated dataset; events in chronological order.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub name: String,
    pub description: Option<String>,
    pub sources: Vec<Source>,
    pub actors: Vec<Actor>,
    pub weapons: Vec<WeaponType>,
    pub events: Vec<Event>,
    /// What keyword search reads for each event (same order as `events`), built once at load.
    pub search_texts: Vec<String>,
    source_index: HashMap<String, usize>,
    actor_index: HashMap<String, usize>,
    weapon_index: HashMap<String, usize>,
}

impl Dataset {
    pub fn new(
        name: String,
        sources: Vec<Source>,
        actors: Vec<Actor>,
        weapons: Vec<WeaponType>,
        mut events: Vec<Event>,
    ) -> Self {
        events.sort_by(chronological);
        let index = |ids: Vec<&String>| ids.into_iter().enumerate().map(|(i, id)| (id.clone(), i)).collect();
        let mut dataset = Self {
            name,
            description: None,
            source_index: index(sources.iter().map(|s| &s.id).collect()),
            actor_index: index(actors.iter().map(|a| &a.id).collect()),
            weapon_index: index(weapons.iter().map(|w| &w.id).collect()),
            sources,
            actors,
            weapons,
            events,
            search_texts: Vec::new(),
        };
        dataset.search_texts =
            dataset.events.iter().map(|e| crate::search::event_search_text(e, &dataset)).collect();
        dataset
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).map(|&i| &self.sources[i])
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_index.get(id).map(|&i| &self.actors[i])
    }

    pub fn weapon(&self, id: &str) -> Option<&WeaponType> {
        self.weapon_index.get(id).map(|&i| &self.weapons[i])
    }
}

/// The one chronological order of events (see docs/DATA.md, "Sort order").
pub fn chronological(a: &Event, b: &Event) -> std::cmp::Ordering {
    a.date.cmp(&b.date).then_with(|| a.span().last.cmp(&b.span().last)).then_with(|| a.id.cmp(&b.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_read_as_written() {
        let q = |amount, amount_max, qualifier, item: Option<&str>| Quantity {
            amount,
            amount_max,
            unit: "shells".into(),
            item: item.map(str::to_string),
            qualifier,
        };
        assert_eq!(q(1_000_000, None, Some(Qualifier::Over), None).to_string(), "over 1,000,000 shells");
        assert_eq!(q(120, None, Some(Qualifier::UpTo), None).to_string(), "up to 120 shells");
        assert_eq!(q(5000, Some(10000), Some(Qualifier::Between), None).to_string(), "5,000–10,000 shells");
        assert_eq!(q(10, None, None, Some("ammunition")).to_string(), "10 shells (ammunition)");
        assert_eq!(q(100, None, None, None).to_string(), "100 shells");
    }

    #[test]
    fn vocabulary_round_trips_through_its_text() {
        for kind in EventKind::ALL {
            let parsed: EventKind = serde_json::from_str(&format!("\"{kind}\"")).unwrap();
            assert_eq!(parsed, *kind);
        }
        assert_eq!(WeaponCategory::ArtilleryAmmunition.as_str(), "artillery-ammunition");
    }
}

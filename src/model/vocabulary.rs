//! The closed vocabularies the data files write in kebab-case: grades, kinds, statuses, qualifiers.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A closed vocabulary written in kebab-case in the data files; with a label after each
/// term, also a name to show (`label`) and `parse`.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize,
        )]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal, $label:literal),+ $(,)? }) => {
        vocabulary! { $(#[$meta])* $name { $($variant => $text),+ } }

        impl $name {
            /// How it is shown to a reader.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn parse(text: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|term| term.as_str() == text)
            }
        }
    };
}

pub(super) use vocabulary;

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

impl Status {
    /// What the status says about the claim, in one line (docs/DATA.md and the help say the same).
    pub fn meaning(self) -> &'static str {
        match self {
            Status::Reported => "a source claims it; no one it concerns has confirmed or denied it",
            Status::Confirmed => {
                "the parties it concerns, or evidence the sources accept, confirm it happened"
            }
            Status::Denied => "the accused party says it did not happen",
            Status::Disputed => {
                "other sources contradict it (not the accused's own denial): use when credible claims conflict, and link them with related"
            }
            Status::Pledged => "a party has promised it; not yet done",
            Status::Planned => "reported as intended or scheduled; not yet happened",
        }
    }
}

impl EventKind {
    /// What the kind of event is, in one line (docs/DATA.md and the help say the same).
    pub fn meaning(self) -> &'static str {
        match self {
            EventKind::Meeting => "leaders or officials meet",
            EventKind::Visit => "an official goes to the other party's country",
            EventKind::Correspondence => "letters or messages are exchanged",
            EventKind::Transfer => {
                "something goes from one party to another (arms, troops, technology): give from and to"
            }
            EventKind::Deployment => "forces are sent to, or stationed in, a place",
            EventKind::Production => "something is made for the other party",
            EventKind::Agreement => "a treaty, deal or accord is concluded",
            EventKind::Pledge => "a party promises support or something to come",
            EventKind::Statement => "a party states a position",
            EventKind::Assessment => "an agency or analyst judges or estimates",
            EventKind::Denial => "a party says a claim about it is false",
            EventKind::Condemnation => "a party denounces another's actions",
            EventKind::Casualties => "people killed or wounded",
            EventKind::Withdrawal => "forces are pulled back",
            EventKind::Other => "none of the above",
        }
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

/// Admiralty information-credibility rating, 1 to 6: how far the claim itself is borne out,
/// rated apart from the grade of the source that carries it. Written as a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Credibility {
    Confirmed,
    ProbablyTrue,
    PossiblyTrue,
    Doubtful,
    Improbable,
    CannotBeJudged,
}

impl Credibility {
    pub const ALL: &'static [Credibility] = &[
        Credibility::Confirmed,
        Credibility::ProbablyTrue,
        Credibility::PossiblyTrue,
        Credibility::Doubtful,
        Credibility::Improbable,
        Credibility::CannotBeJudged,
    ];

    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    pub fn from_number(number: i64) -> Option<Self> {
        let index = usize::try_from(number.checked_sub(1)?).ok()?;
        Self::ALL.get(index).copied()
    }

    pub fn meaning(self) -> &'static str {
        match self {
            Credibility::Confirmed => "confirmed by other sources",
            Credibility::ProbablyTrue => "probably true",
            Credibility::PossiblyTrue => "possibly true",
            Credibility::Doubtful => "doubtful",
            Credibility::Improbable => "improbable",
            Credibility::CannotBeJudged => "truth cannot be judged",
        }
    }
}

impl fmt::Display for Credibility {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number())
    }
}

impl Serialize for Credibility {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.number())
    }
}

impl<'de> Deserialize<'de> for Credibility {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CredibilityVisitor)
    }
}

struct CredibilityVisitor;

impl serde::de::Visitor<'_> for CredibilityVisitor {
    type Value = Credibility;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a credibility from 1 (confirmed by other sources) to 6 (truth cannot be judged)")
    }

    fn visit_i64<E: serde::de::Error>(self, number: i64) -> Result<Credibility, E> {
        Credibility::from_number(number).ok_or_else(|| {
            E::custom(format!(
                "credibility {number} is not 1 (confirmed by other sources) to 6 (truth cannot be judged)"
            ))
        })
    }

    fn visit_u64<E: serde::de::Error>(self, number: u64) -> Result<Credibility, E> {
        self.visit_i64(i64::try_from(number).unwrap_or(i64::MAX))
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Credibility, E> {
        Err(E::custom(format!(
            "write the credibility as a number without quotes, 1 to 6 (credibility = {})",
            text.trim()
        )))
    }
}

/// The Admiralty pair: the best grade among an event's sources and the credibility of its
/// information, written "B2"; "B" alone when the credibility is not rated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rating {
    pub grade: Option<Grade>,
    pub credibility: Option<Credibility>,
}

impl Rating {
    /// In words: "source usually reliable; probably true".
    pub fn meaning(&self) -> String {
        let grade = self.grade.map_or("source not graded".to_string(), |g| format!("source {}", g.meaning()));
        let credibility = self.credibility.map_or("credibility not rated", Credibility::meaning);
        format!("{grade}; {credibility}")
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(grade) = self.grade {
            write!(f, "{grade}")?;
        }
        if let Some(credibility) = self.credibility {
            write!(f, "{credibility}")?;
        }
        Ok(())
    }
}

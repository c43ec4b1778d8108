//! The closed vocabularies the data files write in kebab-case: grades, kinds, statuses, qualifiers.

use std::fmt;

use serde::{Deserialize, Serialize};

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

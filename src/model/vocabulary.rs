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

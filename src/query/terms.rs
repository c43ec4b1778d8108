//! The terms a query is made of: the facets that take a value, the words, and the order.

use std::fmt;

use crate::date::Date;
use crate::model::{Dataset, Event, EventKind, Grade, Status};
use crate::search::Mode;

/// The facets that take a value, in the order the string form writes them and the facet
/// menu lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    /// The event's status (`reported`, `denied` …).
    Status,
    /// The event's kind (`transfer`, `denial` …).
    Kind,
    /// Who asserts it (`claimed_by`).
    Claimant,
    /// A transfer's from.
    Sender,
    /// A transfer's to.
    Receiver,
    /// The grade of a cited source: a letter, or a range of them (`a-c`).
    Grade,
    /// An actor's country: the state, and every actor whose country it is.
    Country,
    /// Anyone the event names: party, sender, receiver or claimant.
    Actor,
    Weapon,
    Source,
}

/// How many facets there are.
pub const FACETS: usize = 10;

impl Facet {
    pub const ALL: [Facet; FACETS] = [
        Facet::Status,
        Facet::Kind,
        Facet::Claimant,
        Facet::Sender,
        Facet::Receiver,
        Facet::Grade,
        Facet::Country,
        Facet::Actor,
        Facet::Weapon,
        Facet::Source,
    ];

    /// The key written before its values: `status:disputed`.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Status => "status",
            Facet::Kind => "kind",
            Facet::Claimant => "claimant",
            Facet::Sender => "sender",
            Facet::Receiver => "receiver",
            Facet::Grade => "grade",
            Facet::Country => "country",
            Facet::Actor => "actor",
            Facet::Weapon => "weapon",
            Facet::Source => "source",
        }
    }

    /// What the facet keeps, in a few words, for the facet menu and the help.
    pub fn about(self) -> &'static str {
        match self {
            Facet::Status => "how the claim stands: reported, confirmed, denied …",
            Facet::Kind => "what happened: a transfer, a meeting, a denial …",
            Facet::Claimant => "who asserts it",
            Facet::Sender => "who a transfer is from",
            Facet::Receiver => "who a transfer is to",
            Facet::Grade => "the grade of a cited source (A–F)",
            Facet::Country => "a state, with its agencies, forces and people",
            Facet::Actor => "anyone named: party, sender, receiver or claimant",
            Facet::Weapon => "a weapon type or other thing transferred",
            Facet::Source => "a cited article",
        }
    }

    /// An example value, for messages.
    pub fn example(self) -> &'static str {
        match self {
            Facet::Status => "disputed",
            Facet::Kind => "denial",
            Facet::Claimant => "nis",
            Facet::Sender | Facet::Country | Facet::Actor => "north-korea",
            Facet::Receiver => "russia",
            Facet::Grade => "a-b",
            Facet::Weapon => "kn-23",
            Facet::Source => "SOURCE-ID",
        }
    }

    pub(super) fn index(self) -> usize {
        self as usize
    }

    /// The facets whose values are actor ids.
    pub fn takes_actors(self) -> bool {
        matches!(self, Facet::Claimant | Facet::Sender | Facet::Receiver | Facet::Country | Facet::Actor)
    }
}

/// Every term of the query language with an example, for the help (README's query section
/// lists the same).
pub const TERMS: &[(&str, &str)] = &[
    ("status:disputed", "events with that status (see the statuses below)"),
    ("kind:denial", "events of that kind (see the kinds below)"),
    ("claimant:nis", "events that actor asserts"),
    ("sender:russia", "transfers from that actor"),
    ("receiver:north-korea", "transfers to that actor"),
    ("grade:b  grade:a-c", "events citing a source of that grade, or range of grades"),
    ("country:south-korea", "events naming the country or any of its agencies, forces and people"),
    ("actor:kim-jong-un", "events naming the actor: party, sender, receiver or claimant"),
    ("weapon:kn-23", "events involving the weapon type"),
    ("source:ID", "events citing the source"),
    ("from:2024  to:2024-06", "events overlapping the dates (YYYY, YYYY-MM or YYYY-MM-DD)"),
    (
        "order:reported",
        "in the order claimed (reported, else first published); order:date is when it happened",
    ),
    ("shells", "a word in the title, summary, names or quotes; typos forgiven"),
    ("'kim", "a word exactly as typed, no typo forgiven"),
    ("\"long range\"", "words in a row"),
    ("!kursk  !status:denied", "exclude: events that do not match"),
];

/// `--query`'s long help: every term with its example, one a line.
pub fn terms_help() -> String {
    let width = TERMS.iter().map(|(term, _)| term.chars().count()).max().unwrap_or(0);
    let mut help = String::from(
        "A query in the query language: key:value terms and words, each of which must hold \
         (values of one key: any of them).\n",
    );
    for (term, what) in TERMS {
        help.push_str(&format!("\n  {term:width$}  {what}"));
    }
    let width = EventKind::ALL.iter().map(|k| k.as_str().len()).max().unwrap_or(0);
    help.push_str("\n\nStatuses:");
    for status in Status::ALL {
        help.push_str(&format!("\n  {:width$}  {}", status.as_str(), status.meaning()));
    }
    help.push_str("\n\nKinds:");
    for kind in EventKind::ALL {
        help.push_str(&format!("\n  {:width$}  {}", kind.as_str(), kind.meaning()));
    }
    help
}

/// Every key of the query language: the facets, the date bounds and the order.
pub fn keys() -> impl Iterator<Item = &'static str> {
    Facet::ALL.into_iter().map(Facet::key).chain(["from", "to", "order"])
}

/// A word to search for: a free word, an exact word or a phrase, perhaps excluded.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Word {
    /// As typed, without the `!`, `'` or quotes; a phrase's spaces are single.
    pub text: String,
    pub mode: Mode,
    /// `!word`: the event must not match it.
    pub negated: bool,
}

impl Word {
    /// Is this word the other, or the other typed on, both to be found (`search::continues`)?
    /// Then it matches only where the other does.
    pub fn continues(&self, before: &Word) -> bool {
        self == before
            || (self.mode == before.mode
                && !self.negated
                && !before.negated
                && crate::search::continues(&self.text, &before.text, self.mode))
    }

    pub fn free(text: &str) -> Self {
        Self { text: text.to_string(), mode: Mode::Fuzzy, negated: false }
    }
}

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.negated {
            f.write_str("!")?;
        }
        match self.mode {
            Mode::Fuzzy => f.write_str(&self.text),
            Mode::Exact => write!(f, "'{}", self.text),
            Mode::Phrase => write!(f, "\"{}\"", self.text),
        }
    }
}

/// The order of the chronology.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Order {
    /// By when it happened (the event's date).
    #[default]
    Date,
    /// By when it was claimed: the event's `reported` date, else the earliest publication
    /// date of its sources, else its date.
    Reported,
}

impl Order {
    pub const ALL: [Order; 2] = [Order::Date, Order::Reported];

    pub fn as_str(self) -> &'static str {
        match self {
            Order::Date => "date",
            Order::Reported => "reported",
        }
    }

    /// The other order: what the order key switches to.
    pub fn toggled(self) -> Order {
        match self {
            Order::Date => Order::Reported,
            Order::Reported => Order::Date,
        }
    }

    /// The date event `index` sits under in this order.
    pub fn date_of(self, dataset: &Dataset, index: usize) -> Date {
        let event = dataset.event(index);
        match self {
            Order::Date => event.date.anchor(),
            Order::Reported => claimed(dataset, index, event),
        }
    }

    /// Put `events` (dataset indices) in this order: chronological for `Date`; by the date
    /// claimed for `Reported`, chronologically among equal dates.
    pub fn arrange(self, dataset: &Dataset, events: &mut [usize]) {
        match self {
            Order::Date => events.sort_unstable(),
            Order::Reported => {
                let mut keyed: Vec<(Date, usize)> =
                    events.iter().map(|&i| (claimed(dataset, i, dataset.event(i)), i)).collect();
                keyed.sort_unstable();
                for (slot, (_, index)) in events.iter_mut().zip(keyed) {
                    *slot = index;
                }
            }
        }
    }
}

/// When event `index` was claimed: `reported`, else its earliest source's publication.
fn claimed(dataset: &Dataset, index: usize, event: &Event) -> Date {
    event.reported.unwrap_or_else(|| {
        dataset
            .event_sources(index)
            .iter()
            .map(|&s| dataset.sources()[s as usize].published)
            .min()
            .unwrap_or_else(|| event.date.anchor())
    })
}

impl fmt::Display for Order {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A grade value: one letter (`b`) or a range (`a-c`), as a bit per grade it takes in.
pub fn grade_bits(value: &str) -> Option<u8> {
    let grade = |c: char| Grade::ALL.iter().position(|g| g.as_str().eq_ignore_ascii_case(&c.to_string()));
    let mut letters = value.chars();
    let bits = match (letters.next(), letters.next(), letters.next(), letters.next()) {
        (Some(one), None, None, None) => 1 << grade(one)?,
        (Some(low), Some('-'), Some(high), None) => {
            let (low, high) = (grade(low)?, grade(high)?);
            if low > high {
                return None;
            }
            (low..=high).fold(0, |bits, g| bits | 1 << g)
        }
        _ => return None,
    };
    Some(bits)
}

/// The bit `grade_bits` gives a grade.
pub fn grade_bit(grade: Grade) -> u8 {
    1 << Grade::ALL.iter().position(|g| *g == grade).unwrap_or(0)
}

//! A figure a record gives: what it counts (by id), in what unit, the amount as the source
//! qualified it, and the interval that qualifier means (docs/DATA.md, "Quantities").

use std::fmt;

use serde::Serialize;

use super::vocabulary::{Qualifier, vocabulary};
use crate::date::Date;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    /// What it counts: a weapon type's id, or a `Tally` term.
    pub item: String,
    pub unit: Unit,
    pub amount: u64,
    pub amount_max: Option<u64>,
    pub qualifier: Option<Qualifier>,
    /// When the figure held, where the event's own dates don't say it (see `as_of` in figures).
    pub as_of: Option<Date>,
    /// What the item and unit leave unsaid ("of the Russian army's shell needs").
    pub note: Option<String>,
}

vocabulary! {
    /// What a figure counts when it is not a weapon type. These ids are reserved: a weapon
    /// type that took one could not be counted.
    Tally {
        TroopsDeployed => "troops-deployed", "Troops deployed",
        TroopsInCombat => "troops-in-combat", "Troops in combat",
        TroopsKilled => "troops-killed", "Troops killed",
        TroopsWounded => "troops-wounded", "Troops wounded",
        Containers => "containers", "Containers of arms",
        Shipments => "shipments", "Shipments",
    }
}

vocabulary! {
    /// What an amount measures. Figures in different units are never compared or summed.
    Unit {
        Count => "count", "count",
        PerDay => "per-day", "a day",
        Percent => "percent", "percent",
        Months => "months", "months",
    }
}

/// Unless the data says otherwise, a figure counts.
impl Default for Unit {
    fn default() -> Self {
        Unit::Count
    }
}

/// What a qualified amount means, in the spirit of UCDP's low / best / high estimates: the
/// least and the most the words allow (None: the words set no bound there), and the figure
/// to plot. Whole numbers, rounded outward.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Interval {
    pub low: Option<u64>,
    pub best: u64,
    pub high: Option<u64>,
}

impl Interval {
    /// Whether every value of `self` is below every value of `other`, or above: the two
    /// figures cannot both be right.
    pub fn disjoint(&self, other: &Interval) -> bool {
        let below = |a: &Interval, b: &Interval| a.high.is_some_and(|high| high < b.low.unwrap_or(0));
        below(self, other) || below(other, self)
    }
}

impl Quantity {
    /// The interval the qualifier makes of the amount (docs/DATA.md, "What a qualifier means").
    pub fn interval(&self) -> Interval {
        let n = self.amount;
        // A tenth, rounded up, so "about 5" is 4–6 and "about 11,000" is 9,900–12,100.
        let tenth = n.div_ceil(10);
        let (low, best, high) = match (self.qualifier, self.amount_max) {
            (Some(Qualifier::Between) | None, Some(max)) => (Some(n), n + (max - n.min(max)) / 2, Some(max)),
            (None | Some(Qualifier::Between), None) => (Some(n), n, Some(n)),
            (Some(Qualifier::Over | Qualifier::AtLeast), _) => (Some(n), n, None),
            (Some(Qualifier::UpTo), _) => (None, n, Some(n)),
            (Some(Qualifier::About), _) => (Some(n - tenth), n, Some(n.saturating_add(tenth))),
            (Some(Qualifier::Nearly), _) => (Some(n - tenth), n, Some(n)),
        };
        // A share is never more than the whole.
        let cap = |v: u64| if self.unit == Unit::Percent { v.min(100) } else { v };
        let high = match high {
            None if self.unit == Unit::Percent => Some(100),
            high => high.map(cap),
        };
        Interval { low, best: cap(best), high }
    }

    /// The amount as the source qualified it, in its unit: "over 1,000,000", "up to 40%",
    /// "5,000–10,000 a day", "2 months".
    pub fn amount_label(&self) -> String {
        let amount = group_thousands(self.amount);
        let number = match (self.qualifier, self.amount_max) {
            (Some(Qualifier::Between) | None, Some(max)) => format!("{amount}–{}", group_thousands(max)),
            (Some(qualifier), _) => format!("{} {amount}", qualifier.as_str().replace('-', " ")),
            (None, None) => amount,
        };
        match self.unit {
            Unit::Count => number,
            Unit::PerDay => format!("{number} a day"),
            Unit::Percent => format!("{number}%"),
            Unit::Months if self.amount == 1 && self.amount_max.is_none() => format!("{number} month"),
            Unit::Months => format!("{number} months"),
        }
    }

    /// The figure in words, its item named by `item_name`: "Artillery shells: over
    /// 1,000,000", with the note after it in brackets.
    pub fn describe(&self, item_name: &str) -> String {
        let mut text = format!("{item_name}: {}", self.amount_label());
        if let Some(note) = &self.note {
            text.push_str(&format!(" ({note})"));
        }
        text
    }
}

/// The figure with its item's id: `artillery-shells: over 1,000,000`.
impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(&self.item))
    }
}

/// 1234567 → "1,234,567".
pub fn group_thousands(n: u64) -> String {
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

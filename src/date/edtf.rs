//! When an event happened, in the subset of EDTF (ISO 8601-2, level 1) that annals reads: a
//! date, perhaps qualified approximate or uncertain (`2023-08~`, `2023?`), or an interval whose
//! start or end may be open (`../2023-08-30`) or unknown (`/2023-08-30`). Unspecified digits
//! (`202X`), seasons and level-2 forms are refused: nothing here could show them honestly.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Date, DateError, DaySpan, QuotedVisitor};

/// EDTF's qualifiers: `?` uncertain, `~` approximate, `%` both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateQualifier {
    Uncertain,
    Approximate,
    UncertainAndApproximate,
}

impl DateQualifier {
    fn symbol(self) -> char {
        match self {
            DateQualifier::Uncertain => '?',
            DateQualifier::Approximate => '~',
            DateQualifier::UncertainAndApproximate => '%',
        }
    }

    fn from_symbol(symbol: char) -> Option<Self> {
        match symbol {
            '?' => Some(DateQualifier::Uncertain),
            '~' => Some(DateQualifier::Approximate),
            '%' => Some(DateQualifier::UncertainAndApproximate),
            _ => None,
        }
    }

    pub fn meaning(self) -> &'static str {
        match self {
            DateQualifier::Uncertain => "uncertain",
            DateQualifier::Approximate => "approximate",
            DateQualifier::UncertainAndApproximate => "approximate and uncertain",
        }
    }
}

/// A date with its EDTF qualifier, if any: `2023-08~`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct QualifiedDate {
    pub date: Date,
    pub qualifier: Option<DateQualifier>,
}

impl QualifiedDate {
    /// As a reader sees it, the date written by `write`: `c. 2023-08` (approximate), `2023?`
    /// (uncertain), `c. 2023?` (both).
    fn label(&self, write: &dyn Fn(&Date) -> String) -> String {
        let date = write(&self.date);
        match self.qualifier {
            None => date,
            Some(DateQualifier::Approximate) => format!("c. {date}"),
            Some(DateQualifier::Uncertain) => format!("{date}?"),
            Some(DateQualifier::UncertainAndApproximate) => format!("c. {date}?"),
        }
    }
}

impl fmt::Display for QualifiedDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date)?;
        match self.qualifier {
            Some(qualifier) => write!(f, "{}", qualifier.symbol()),
            None => Ok(()),
        }
    }
}

/// One end of an interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    Known(QualifiedDate),
    /// `..`: no end that way; for a start, "on or before" the other end.
    Open,
    /// Nothing written: there is an end that way, but it is not known.
    Unknown,
}

impl Bound {
    pub fn known(&self) -> Option<&QualifiedDate> {
        match self {
            Bound::Known(date) => Some(date),
            Bound::Open | Bound::Unknown => None,
        }
    }
}

impl fmt::Display for Bound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Bound::Known(date) => date.fmt(f),
            Bound::Open => f.write_str(".."),
            Bound::Unknown => Ok(()),
        }
    }
}

/// When an event happened: one date, or an interval with a known date at one end at least.
/// Written and shown in EDTF (`../2023-08-30`); read by people as its `label` ("by 2023-08-30").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EventDate {
    start: Bound,
    end: Bound,
    /// Written `start/end`; otherwise one date, and `start == end`.
    interval: bool,
}

impl EventDate {
    /// One date, unqualified.
    pub fn on(date: Date) -> Self {
        let known = Bound::Known(QualifiedDate { date, qualifier: None });
        Self { start: known, end: known, interval: false }
    }

    /// An interval: a known date at one end at least, and not ending before it begins.
    pub fn interval(start: Bound, end: Bound) -> Result<Self, DateError> {
        let written = || format!("{start}/{end}");
        match (start.known(), end.known()) {
            (None, None) => Err(DateError::NoKnownEnd(written())),
            (Some(first), Some(last)) if last.date.last_day() < first.date.first_day() => {
                Err(DateError::Reversed(written()))
            }
            _ => Ok(Self { start, end, interval: true }),
        }
    }

    /// This one date, ended at `end` (a record's `until`): the interval from one to the other;
    /// none when this is an interval already, or `end` is before it.
    pub fn until(self, end: Date) -> Option<Self> {
        let end = Bound::Known(QualifiedDate { date: end, qualifier: None });
        if self.interval { None } else { Self::interval(self.start, end).ok() }
    }

    pub fn start(&self) -> Bound {
        self.start
    }

    pub fn end(&self) -> Bound {
        self.end
    }

    pub fn is_interval(&self) -> bool {
        self.interval
    }

    /// The end of an interval whose ends are both known: what a record's `until` says.
    pub fn closed_end(&self) -> Option<Date> {
        match (self.start, self.end) {
            (Bound::Known(_), Bound::Known(end)) if self.interval => Some(end.date),
            _ => None,
        }
    }

    /// Where the event sits in time: its start when known, else its end (a date "by" then sits
    /// where its end would, as the report that bounds it put it).
    pub fn anchor(&self) -> Date {
        match (self.start, self.end) {
            (Bound::Known(start), _) | (_, Bound::Known(start)) => start.date,
            // `interval` refuses an interval with no known end; this is never reached.
            _ => Date::from(NaiveDate::MIN),
        }
    }

    /// The days the event may cover: an open or unknown end reaches as far as dates go.
    pub fn days(&self) -> DaySpan {
        DaySpan {
            first: self.start.known().map_or(NaiveDate::MIN, |d| d.date.first_day()),
            last: self.end.known().map_or(NaiveDate::MAX, |d| d.date.last_day()),
        }
    }

    /// As a reader sees it: `2023-08`, `c. 2023-08`, `2023?`, `2023-08 → 2023-11-01`,
    /// `by 2023-08-30` (open start), `? → 2023-08-30` (unknown start), `from 2025-07` (open
    /// end), `2025-07 → ?` (unknown end).
    pub fn label(&self) -> String {
        self.label_with(&Date::to_string)
    }

    /// `label`, with each date written by `write` (e.g. spoken: "by 30 August 2023").
    pub fn label_with(&self, write: &dyn Fn(&Date) -> String) -> String {
        let side = |bound: &Bound| bound.known().map(|d| d.label(write)).unwrap_or_default();
        let (start, end) = (side(&self.start), side(&self.end));
        if !self.interval {
            return start;
        }
        match (self.start, self.end) {
            (Bound::Open, _) => format!("by {end}"),
            (Bound::Unknown, _) => format!("? → {end}"),
            (_, Bound::Open) => format!("from {start}"),
            (_, Bound::Unknown) => format!("{start} → ?"),
            _ => format!("{start} → {end}"),
        }
    }

    /// What the label leaves unsaid, in words: "on or before; day precision",
    /// "approximate; month precision", "month to day precision".
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        match self.start {
            Bound::Open => parts.push("on or before".into()),
            Bound::Unknown => parts.push("start unknown".into()),
            Bound::Known(_) => {}
        }
        match self.end {
            Bound::Open => parts.push("end open".into()),
            Bound::Unknown => parts.push("end unknown".into()),
            Bound::Known(_) => {}
        }
        let known: Vec<&QualifiedDate> =
            [&self.start, &self.end].into_iter().filter_map(Bound::known).collect();
        let known = if self.interval { known } else { known[..1].to_vec() };
        for (n, date) in known.iter().enumerate() {
            if let Some(qualifier) = date.qualifier {
                let side = match (self.interval && known.len() == 2, n) {
                    (false, _) => "",
                    (true, 0) => "start ",
                    (true, _) => "end ",
                };
                parts.push(format!("{side}{}", qualifier.meaning()));
            }
        }
        let mut precisions: Vec<&str> = known.iter().map(|d| d.date.precision().as_str()).collect();
        precisions.dedup();
        parts.push(format!("{} precision", precisions.join(" to ")));
        parts.join("; ")
    }
}

/// EDTF as written: `2023-08~`, `2023-08/2023-11-01`, `../2023-08-30`, `/2023-08-30`.
impl fmt::Display for EventDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.interval { write!(f, "{}/{}", self.start, self.end) } else { self.start.fmt(f) }
    }
}

impl FromStr for EventDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        // A text without EDTF's marks is a plain date, refused with the plain date's message.
        let marked = text.contains(['/', '~', '?', '%']) || text.contains("..");
        let qualified = |part: &str| -> Result<QualifiedDate, DateError> {
            let symbol = part.chars().last().and_then(DateQualifier::from_symbol);
            let body = if symbol.is_some() { &part[..part.len() - 1] } else { part };
            match body.parse::<Date>() {
                Ok(date) => Ok(QualifiedDate { date, qualifier: symbol }),
                Err(DateError::Malformed(_)) if marked => {
                    Err(DateError::NotEdtf { text: text.to_string(), part: body.to_string() })
                }
                Err(error) => Err(error),
            }
        };
        let bound = |part: &str| match part {
            ".." => Ok(Bound::Open),
            "" => Ok(Bound::Unknown),
            _ => qualified(part).map(Bound::Known),
        };
        match text.split_once('/') {
            None => {
                let date = qualified(text)?;
                Ok(Self { start: Bound::Known(date), end: Bound::Known(date), interval: false })
            }
            Some((start, end)) => Self::interval(bound(start)?, bound(end)?),
        }
    }
}

impl Serialize for EventDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for EventDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(QuotedVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(text: &str) -> EventDate {
        text.parse().unwrap_or_else(|error| panic!("{text:?}: {error}"))
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn reads_the_subset_and_writes_it_back_as_written() {
        for text in [
            "2023",
            "2023-08",
            "2023-08-30",
            "2023-08~",
            "2023?",
            "2023-08-30%",
            "2023-08/2023-11-01",
            "../2023-08-30",
            "/2023-08-30",
            "2025-07/..",
            "2025-07/",
            "2023-08~/2023-11-01?",
            "../2023-11~",
        ] {
            assert_eq!(e(text).to_string(), text);
        }
        assert!(!e("2023-08").is_interval());
        assert_eq!(e("2023-08"), EventDate::on("2023-08".parse().unwrap()));
        assert_eq!(e("2023-08").until("2023-11-01".parse().unwrap()), Some(e("2023-08/2023-11-01")));
    }

    #[test]
    fn refuses_what_it_cannot_show_and_says_why() {
        let refused = |text: &str| text.parse::<EventDate>().map_err(|e| e.to_string()).unwrap_err();
        assert_eq!(
            refused("2023/09"),
            "\"2023/09\" is not an EDTF date: \"09\" is not YYYY, YYYY-MM or YYYY-MM-DD (write e.g. 2023-08/2023-11-01, ../2023-08-30 or 2023-08~)"
        );
        // Without EDTF's marks, a plain date's messages.
        assert!(matches!("2023-8".parse::<EventDate>(), Err(DateError::Malformed(_))));
        assert!(matches!("2023-02-30".parse::<EventDate>(), Err(DateError::Impossible(_))));
        assert!(
            matches!("2023-02-30/2023-03".parse::<EventDate>(), Err(DateError::Impossible(p)) if p == "2023-02-30")
        );
        for text in ["../..", "/", "../", "/.."] {
            assert!(matches!(text.parse::<EventDate>(), Err(DateError::NoKnownEnd(_))), "{text}");
        }
        assert!(matches!("2023-11/2023-08".parse::<EventDate>(), Err(DateError::Reversed(_))));
        for text in [
            "202X",
            "2023-21",
            "2023~~",
            "~2023",
            "2023-08~-30",
            "2023/2024/2025",
            "...",
            "../2023-08-30 ",
            " 2023",
            "2023-08-30T10:00",
            "[2023,2024]",
            "2023..2024",
            "..2023",
        ] {
            assert!(text.parse::<EventDate>().is_err(), "{text:?}");
        }
        assert!(e("../2023-08").until("2023-11-01".parse().unwrap()).is_none(), "until goes with one date");
        assert!(e("2023-08").until("2023-07".parse().unwrap()).is_none());
    }

    #[test]
    fn labels_say_what_is_known() {
        let shown = |text: &str| (e(text).label(), e(text).describe());
        assert_eq!(shown("2023-08"), ("2023-08".into(), "month precision".into()));
        assert_eq!(shown("2023-08~"), ("c. 2023-08".into(), "approximate; month precision".into()));
        assert_eq!(shown("2023?"), ("2023?".into(), "uncertain; year precision".into()));
        assert_eq!(shown("2023%"), ("c. 2023?".into(), "approximate and uncertain; year precision".into()));
        assert_eq!(
            shown("2023-08/2023-11-01"),
            ("2023-08 → 2023-11-01".into(), "month to day precision".into())
        );
        assert_eq!(shown("2024-10/2025-07"), ("2024-10 → 2025-07".into(), "month precision".into()));
        assert_eq!(shown("../2023-08-30"), ("by 2023-08-30".into(), "on or before; day precision".into()));
        assert_eq!(shown("/2023-08-30"), ("? → 2023-08-30".into(), "start unknown; day precision".into()));
        assert_eq!(shown("2025-07/.."), ("from 2025-07".into(), "end open; month precision".into()));
        assert_eq!(shown("2025-07/"), ("2025-07 → ?".into(), "end unknown; month precision".into()));
        assert_eq!(
            shown("2023-08~/2023-11-01?"),
            (
                "c. 2023-08 → 2023-11-01?".into(),
                "start approximate; end uncertain; month to day precision".into()
            )
        );
        assert_eq!(
            shown("../2023-11~"),
            ("by c. 2023-11".into(), "on or before; approximate; month precision".into())
        );
        let spoken = |d: &Date| format!("<{d}>");
        assert_eq!(e("../2023-08-30").label_with(&spoken), "by <2023-08-30>");
    }

    #[test]
    fn an_open_or_unknown_end_reaches_every_day_that_way() {
        assert_eq!(e("../2023-08-30").days(), DaySpan { first: NaiveDate::MIN, last: day("2023-08-30") });
        assert_eq!(e("/2023-08").days(), DaySpan { first: NaiveDate::MIN, last: day("2023-08-31") });
        assert_eq!(e("2025-07/..").days(), DaySpan { first: day("2025-07-01"), last: NaiveDate::MAX });
        assert_eq!(e("2023-08~").days(), e("2023-08").days(), "a qualifier widens nothing");
        let by = e("../2023-08-30").days();
        let d = |text: &str| text.parse::<Date>().unwrap();
        assert!(by.overlaps(None, Some(&d("2001"))), "it may have happened long before");
        assert!(by.overlaps(Some(&d("2023-08-30")), None));
        assert!(!by.overlaps(Some(&d("2023-08-31")), None), "but not after its end");
    }

    #[test]
    fn the_anchor_is_the_start_when_known_else_the_end() {
        let anchor = |text: &str| e(text).anchor().to_string();
        assert_eq!(anchor("2023-08~"), "2023-08");
        assert_eq!(anchor("2023-08/2023-11-01"), "2023-08");
        assert_eq!(anchor("../2023-08-30"), "2023-08-30");
        assert_eq!(anchor("/2023-11"), "2023-11");
        assert_eq!(anchor("2025-07/.."), "2025-07");
        let closed_end = |text: &str| e(text).closed_end().map(|d| d.to_string());
        assert_eq!(closed_end("2023-08/2023-11-01~").as_deref(), Some("2023-11-01"));
        assert_eq!(closed_end("2023-08"), None);
        assert_eq!(closed_end("../2023-08-30"), None);
        assert_eq!(closed_end("2025-07/"), None);
    }
}

//! Dates at the precision the source supports: a year, a month or a day; and when an event
//! happened, as the EDTF subset in `edtf` writes it.

mod edtf;

use std::cmp::Ordering;
use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub use edtf::{Bound, DateQualifier, EventDate, QualifiedDate};

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// How much of a date the source gave. Ordered coarse to fine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DatePrecision {
    Year,
    Month,
    Day,
}

impl DatePrecision {
    pub fn as_str(self) -> &'static str {
        match self {
            DatePrecision::Year => "year",
            DatePrecision::Month => "month",
            DatePrecision::Day => "day",
        }
    }
}

/// A calendar date known to a year, a month or a day; shown exactly as precise as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Date {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("\"{0}\" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2023, 2023-08, 2023-08-30)")]
    Malformed(String),
    #[error("\"{0}\" is not a real calendar date")]
    Impossible(String),
    /// Written with EDTF's marks (`/`, `..`, `~`, `?`, `%`), with a part that is not a date.
    #[error(
        "\"{text}\" is not an EDTF date: \"{part}\" is not YYYY, YYYY-MM or YYYY-MM-DD (write e.g. 2023-08/2023-11-01, ../2023-08-30 or 2023-08~)"
    )]
    NotEdtf { text: String, part: String },
    #[error("\"{0}\" names no date: an interval needs a date at one end at least (e.g. ../2023-08-30)")]
    NoKnownEnd(String),
    #[error("\"{0}\" ends before it begins; swap its ends or correct one")]
    Reversed(String),
}

impl Date {
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (None, _) => DatePrecision::Year,
            (Some(_), None) => DatePrecision::Month,
            (Some(_), Some(_)) => DatePrecision::Day,
        }
    }

    pub fn year_number(&self) -> i32 {
        self.year
    }

    /// The month, when the date is at least month-precise.
    pub fn month_number(&self) -> Option<u32> {
        self.month
    }

    /// The first day this date covers (2023-08 → 2023-08-01).
    pub fn first_day(&self) -> NaiveDate {
        let day = NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1));
        // Construction validated year, month and day, so every first day exists.
        day.expect("validated at construction")
    }

    /// The last day this date covers (2023-02 → 2023-02-28).
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(_), Some(_)) => self.first_day(),
            (Some(month), None) => last_day_of_month(self.year, month),
            (None, _) => last_day_of_month(self.year, 12),
        }
    }

    fn build(year: i32, month: Option<u32>, day: Option<u32>, text: &str) -> Result<Self, DateError> {
        let impossible = || DateError::Impossible(text.to_string());
        // chrono's range is far wider than any curated event; keep to four-digit years.
        if !(1..=9999).contains(&year) {
            return Err(impossible());
        }
        if let Some(month) = month {
            if !(1..=12).contains(&month) {
                return Err(impossible());
            }
            if let Some(day) = day {
                NaiveDate::from_ymd_opt(year, month, day).ok_or_else(impossible)?;
            }
        }
        Ok(Self { year, month, day })
    }
}

fn last_day_of_month(year: i32, month: u32) -> NaiveDate {
    let (next_year, next_month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    match NaiveDate::from_ymd_opt(next_year, next_month, 1).and_then(|d| d.pred_opt()) {
        Some(day) => day,
        // Only reachable for 9999-12, whose successor month chrono still represents.
        None => NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX),
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let malformed = || DateError::Malformed(text.to_string());
        let parts: Vec<&str> = text.split('-').collect();
        let widths = [4, 2, 2];
        if parts.is_empty() || parts.len() > 3 {
            return Err(malformed());
        }
        let mut numbers = [0u32; 3];
        for (i, part) in parts.iter().enumerate() {
            if part.len() != widths[i] || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(malformed());
            }
            numbers[i] = part.parse().map_err(|_| malformed())?;
        }
        let month = (parts.len() > 1).then_some(numbers[1]);
        let day = (parts.len() > 2).then_some(numbers[2]);
        Self::build(numbers[0] as i32, month, day, text)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl From<NaiveDate> for Date {
    fn from(day: NaiveDate) -> Self {
        Self { year: day.year(), month: Some(day.month()), day: Some(day.day()) }
    }
}

/// Chronological order: by first day covered, coarser precision first, then by last day.
impl Ord for Date {
    fn cmp(&self, other: &Self) -> Ordering {
        self.first_day()
            .cmp(&other.first_day())
            .then(self.precision().cmp(&other.precision()))
            .then(self.last_day().cmp(&other.last_day()))
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(QuotedVisitor(PhantomData))
    }
}

/// Dates are written in quotes; other shapes get a message saying exactly that.
struct QuotedVisitor<T>(PhantomData<T>);

impl<'de, T: FromStr<Err = DateError>> serde::de::Visitor<'de> for QuotedVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date in quotes, like \"2023\", \"2023-08\" or \"2023-08-30\"")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<T, E> {
        text.parse().map_err(E::custom)
    }

    fn visit_i64<E: serde::de::Error>(self, year: i64) -> Result<T, E> {
        Err(E::custom(format!("write the year in quotes: \"{year}\"")))
    }

    fn visit_u64<E: serde::de::Error>(self, year: u64) -> Result<T, E> {
        Err(E::custom(format!("write the year in quotes: \"{year}\"")))
    }

    // TOML's own date literals (date = 2023-08-30) arrive as a map.
    fn visit_map<A: serde::de::MapAccess<'de>>(self, _map: A) -> Result<T, A::Error> {
        Err(serde::de::Error::custom(
            "write the date in quotes, like \"2023-08-30\", so that a month or a year alone can be written the same way",
        ))
    }
}

/// The days an event may cover, from the first day of its start to the last day of its end.
/// An open or unknown start is `NaiveDate::MIN`, an open or unknown end `NaiveDate::MAX`:
/// the event may reach any day that way, and the overlap test needs no special case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DaySpan {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl DaySpan {
    /// Overlap with an optional `from` and `to` bound, each taken at its own precision.
    pub fn overlaps(&self, from: Option<&Date>, to: Option<&Date>) -> bool {
        from.is_none_or(|from| self.last >= from.first_day())
            && to.is_none_or(|to| self.first <= to.last_day())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn parses_each_precision_and_displays_it_unpadded() {
        assert_eq!(d("2023").precision(), DatePrecision::Year);
        assert_eq!(d("2023-08").precision(), DatePrecision::Month);
        assert_eq!(d("2023-08-30").precision(), DatePrecision::Day);
        for text in ["2023", "2023-08", "2023-08-30", "0999-01"] {
            assert_eq!(d(text).to_string(), text);
        }
    }

    #[test]
    fn rejects_malformed_and_impossible_dates() {
        for bad in ["", "23", "2023-8", "2023-08-1", "2023/08", "2023-08-30-1", "２０２３", "-2023", "2023-"]
        {
            assert!(matches!(bad.parse::<Date>(), Err(DateError::Malformed(_))), "{bad:?}");
        }
        for bad in ["2023-02-30", "2023-13", "2023-00", "2023-04-31", "0000", "2023-01-00"] {
            assert!(matches!(bad.parse::<Date>(), Err(DateError::Impossible(_))), "{bad:?}");
        }
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("2023-02-29".parse::<Date>().is_err());
    }

    #[test]
    fn first_and_last_days_follow_precision() {
        assert_eq!(d("2023").first_day(), NaiveDate::from_ymd_opt(2023, 1, 1).unwrap());
        assert_eq!(d("2023").last_day(), NaiveDate::from_ymd_opt(2023, 12, 31).unwrap());
        assert_eq!(d("2024-02").last_day(), NaiveDate::from_ymd_opt(2024, 2, 29).unwrap());
        assert_eq!(d("2023-02").last_day(), NaiveDate::from_ymd_opt(2023, 2, 28).unwrap());
        assert_eq!(d("9999-12").last_day(), NaiveDate::from_ymd_opt(9999, 12, 31).unwrap());
        assert_eq!(d("2023-08-30").last_day(), d("2023-08-30").first_day());
    }

    #[test]
    fn orders_mixed_precisions_coarse_first_within_a_start_day() {
        let mut dates =
            [d("2023-08-15"), d("2023-08-01"), d("2023-08"), d("2023"), d("2023-01"), d("2022-12-31")];
        dates.sort();
        let shown: Vec<String> = dates.iter().map(Date::to_string).collect();
        assert_eq!(shown, ["2022-12-31", "2023", "2023-01", "2023-08", "2023-08-01", "2023-08-15"]);
    }

    #[test]
    fn date_filters_test_overlap_at_each_bound_precision() {
        let days = |text: &str| text.parse::<EventDate>().unwrap().days();
        let august = days("2023-08");
        assert!(august.overlaps(Some(&d("2023-08-15")), None), "a month is inside a from-day within it");
        assert!(august.overlaps(None, Some(&d("2023-08-15"))));
        assert!(august.overlaps(Some(&d("2023")), Some(&d("2023"))));
        assert!(!august.overlaps(Some(&d("2023-09")), None));
        assert!(!august.overlaps(None, Some(&d("2023-07-31"))));
        let span = days("2023-08/2023-11-01");
        assert!(span.overlaps(Some(&d("2023-10")), Some(&d("2023-10"))));
        assert!(!span.overlaps(Some(&d("2023-11-02")), None));
        assert!(days("2024").overlaps(None, None));
    }
}

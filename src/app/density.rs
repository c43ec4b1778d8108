//! Events per month across the dataset's span, for the density strip.

use std::ops::RangeInclusive;

use crate::date::{Date, DatePrecision, EventDate};
use crate::model::Dataset;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Density {
    /// The first month of the whole dataset's span, as (year, month).
    pub first: Option<(i32, u32)>,
    /// Matching events in each month of the span, from `first` on: an event in its month, a
    /// span in every month it covers, a date "by" then in its end's month.
    pub counts: Vec<usize>,
    /// Matching events dated only to a year: they belong to no month, so no bar shows them.
    pub year_only: usize,
}

/// The first month `date` covers as a number, year × 12 + month − 1 (a year: its January).
fn first_month(date: &Date) -> i32 {
    date.year_number() * 12 + date.month_number().map_or(0, |m| m as i32 - 1)
}

/// The last month `date` covers as a number (a year: its December).
fn last_month(date: &Date) -> i32 {
    date.year_number() * 12 + date.month_number().map_or(11, |m| m as i32 - 1)
}

/// The months an event is drawn across, as month numbers: a closed span every month it
/// covers; one date, or an interval with an open or unknown end, the month of its known
/// date. None when that date is only a year: it belongs to no month.
fn months_drawn(date: &EventDate) -> Option<RangeInclusive<i32>> {
    match (date.start().known(), date.end().known()) {
        (Some(start), Some(end)) if date.is_interval() => {
            Some(first_month(&start.date)..=last_month(&end.date))
        }
        _ => {
            let anchor = date.anchor();
            let month = first_month(&anchor);
            (anchor.precision() != DatePrecision::Year).then_some(month..=month)
        }
    }
}

impl Density {
    /// Counts for `visible` over the span of every event in `dataset`.
    pub fn new(dataset: &Dataset, visible: &[usize]) -> Self {
        // A year-only date stretches the strip to its January, as it is marked there.
        let reach = |date: &EventDate| {
            months_drawn(date).unwrap_or_else(|| {
                let january = first_month(&date.anchor());
                january..=january
            })
        };
        let Some((start, last)) = dataset
            .events()
            .iter()
            .map(|e| reach(&e.date))
            .map(|months| (*months.start(), *months.end()))
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
        else {
            return Self::default();
        };
        let mut counts = vec![0; usize::try_from(last - start + 1).unwrap_or(0)];
        let mut year_only = 0;
        for &index in visible {
            let Some(months) = months_drawn(&dataset.events()[index].date) else {
                year_only += 1;
                continue;
            };
            for month in months {
                if let Some(count) = usize::try_from(month - start).ok().and_then(|m| counts.get_mut(m)) {
                    *count += 1;
                }
            }
        }
        Self { first: Some((start.div_euclid(12), start.rem_euclid(12) as u32 + 1)), counts, year_only }
    }

    /// The bars an event is drawn in (see `counts`); none when it is dated only to a year.
    pub fn bars_of(&self, date: &EventDate) -> Option<RangeInclusive<usize>> {
        let (year, month) = self.first?;
        let first = year * 12 + month as i32 - 1;
        let months = months_drawn(date)?;
        let bar = |month: i32| usize::try_from(month - first).ok().filter(|&m| m < self.counts.len());
        Some(bar(*months.start())?..=bar(*months.end())?)
    }

    /// (year, month) of bar `index`.
    pub fn month_at(&self, index: usize) -> Option<(i32, u32)> {
        let (year, month) = self.first?;
        let months = year * 12 + month as i32 - 1 + i32::try_from(index).ok()?;
        Some((months.div_euclid(12), months.rem_euclid(12) as u32 + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn months(text: &str) -> Option<RangeInclusive<i32>> {
        months_drawn(&text.parse().unwrap())
    }

    #[test]
    fn a_span_is_drawn_in_every_month_it_covers_and_a_date_by_then_at_its_end() {
        let month = |y: i32, m: i32| y * 12 + m - 1;
        assert_eq!(months("2024-10/2025-07"), Some(month(2024, 10)..=month(2025, 7)));
        assert_eq!(months("2023/2023-11"), Some(month(2023, 1)..=month(2023, 11)));
        assert_eq!(months("2023-08-30"), Some(month(2023, 8)..=month(2023, 8)));
        assert_eq!(months("2023-08~"), Some(month(2023, 8)..=month(2023, 8)));
        assert_eq!(months("../2023-11"), Some(month(2023, 11)..=month(2023, 11)));
        assert_eq!(months("2025-07/.."), Some(month(2025, 7)..=month(2025, 7)));
        assert_eq!(months("2023"), None);
        assert_eq!(months("../2024"), None, "by the end of a year: still no month");
    }
}

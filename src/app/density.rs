//! Events per month across the dataset's span, for the density strip.

use chrono::Datelike;

use crate::date::{Date, DatePrecision};
use crate::model::Dataset;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Density {
    /// The first month of the whole dataset's span, as (year, month).
    pub first: Option<(i32, u32)>,
    /// Matching events starting in each month of the span, from `first` on.
    pub counts: Vec<usize>,
    /// Matching events dated only to a year: they belong to no month, so no bar shows them.
    pub year_only: usize,
}

impl Density {
    /// Counts for `visible` over the span of every event in `dataset`.
    pub fn new(dataset: &Dataset, visible: &[usize]) -> Self {
        let months = |date: &Date| {
            let day = date.first_day();
            day.year() * 12 + day.month0() as i32
        };
        // Events are sorted by first day, so the span runs from the first one's start to the
        // last one's.
        let (Some(first), Some(last)) = (dataset.events().first(), dataset.events().last()) else {
            return Self::default();
        };
        let (start, last) = (months(&first.date), months(&last.date));
        let mut counts = vec![0; usize::try_from(last - start + 1).unwrap_or(0)];
        let mut year_only = 0;
        for &index in visible {
            let date = &dataset.events()[index].date;
            if date.precision() == DatePrecision::Year {
                year_only += 1;
            } else if let Some(count) =
                usize::try_from(months(date) - start).ok().and_then(|m| counts.get_mut(m))
            {
                *count += 1;
            }
        }
        Self { first: Some((start.div_euclid(12), start.rem_euclid(12) as u32 + 1)), counts, year_only }
    }

    /// The bar index of a date's month (for a year-only date, its January).
    pub fn month_index(&self, date: &Date) -> Option<usize> {
        let (year, month) = self.first?;
        let offset =
            (date.year_number() - year) * 12 + date.month_number().unwrap_or(1) as i32 - month as i32;
        usize::try_from(offset).ok().filter(|&m| m < self.counts.len())
    }

    /// (year, month) of bar `index`.
    pub fn month_at(&self, index: usize) -> Option<(i32, u32)> {
        let (year, month) = self.first?;
        let months = year * 12 + month as i32 - 1 + i32::try_from(index).ok()?;
        Some((months.div_euclid(12), months.rem_euclid(12) as u32 + 1))
    }
}

//! What a query shows: the matching events, the chronology's rows and the density strip.
//! Pure, so the search worker can build it off the UI thread.

use std::sync::Arc;

use super::{Density, Row};
use crate::model::Dataset;
use crate::query::Order;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    /// Indices of the matching events, in chronological order.
    pub visible: Arc<Vec<usize>>,
    /// The chronology's lines: headings and events.
    pub rows: Vec<Row>,
    /// `event_rows[k]` is the row of `visible[k]`.
    pub event_rows: Vec<usize>,
    pub density: Density,
    /// The order of `visible`, and the headings'.
    pub order: Order,
    /// Positions in `visible`, sorted by event index; empty in date order, where `visible`
    /// is itself sorted so.
    pub by_event: Arc<Vec<usize>>,
}

impl View {
    /// The view of `visible`, in date order.
    pub fn build(dataset: &Dataset, visible: Vec<usize>) -> Self {
        Self::ordered(dataset, visible, Order::Date)
    }

    /// The view of `visible`, given in `order`: headings by the year and month each event
    /// sits under in that order.
    pub fn ordered(dataset: &Dataset, visible: Vec<usize>, order: Order) -> Self {
        let mut rows = Vec::with_capacity(visible.len() + visible.len() / 8 + 2);
        let mut event_rows = Vec::with_capacity(visible.len());
        let mut year = None;
        let mut month = None;
        for &index in &visible {
            let date = order.date_of(dataset, index);
            if year != Some(date.year_number()) {
                year = Some(date.year_number());
                month = None;
                rows.push(Row::Year(date.year_number()));
            }
            if let Some(m) = date.month_number() {
                if month != Some(m) {
                    month = Some(m);
                    rows.push(Row::Month(date.year_number(), m));
                }
            }
            event_rows.push(rows.len());
            rows.push(Row::Event(index));
        }
        let density = Density::new(dataset, &visible);
        let by_event = match order {
            Order::Date => Vec::new(),
            Order::Reported => {
                let mut positions: Vec<usize> = (0..visible.len()).collect();
                positions.sort_unstable_by_key(|&p| visible[p]);
                positions
            }
        };
        Self { visible: Arc::new(visible), rows, event_rows, density, order, by_event: Arc::new(by_event) }
    }
}

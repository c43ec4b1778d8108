//! The figures of a list of events: every quantity read as an interval, dated by when it
//! held, grouped in one series per item and unit, and marked where figures disagree or
//! repeat (docs/DATA.md, "Quantities"). The figures view, `annals figures` and the report's
//! "Figures" section all read these, so their numbers cannot differ.

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use chrono::NaiveDate;

use crate::date::{Date, DatePrecision};
use crate::model::{Dataset, Event, Grade, Interval, Qualifier, Quantity, Tally, Unit, group_thousands};

/// One quantity of one event, as the figures show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The event's index in the dataset.
    pub event: usize,
    /// The quantity's position among the event's quantities.
    pub quantity: usize,
    /// When the figure held.
    pub as_of: Date,
    pub interval: Interval,
    /// The best grade among the sources the event cites.
    pub grade: Option<Grade>,
    /// Another figure of the series held at the same time and cannot be right with this one.
    pub disagrees: bool,
    /// Another event gives exactly this figure: the same claim, to be counted once.
    pub repeated: bool,
}

impl Figure {
    pub fn event<'d>(&self, dataset: &'d Dataset) -> &'d Event {
        dataset.event(self.event)
    }

    pub fn quantity<'d>(&self, dataset: &'d Dataset) -> &'d Quantity {
        &dataset.event(self.event).quantities[self.quantity]
    }
}

/// The figures for one item in one unit, in `as_of` order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    /// The item's id: a weapon type's, or a tally term.
    pub item: String,
    pub unit: Unit,
    pub figures: Vec<Figure>,
}

impl Series {
    /// Whether its figures are drawn on a logarithmic scale: when they span two orders of
    /// magnitude or more, so that a million and ten thousand both show.
    pub fn scale(&self) -> Scale {
        let values =
            self.figures.iter().flat_map(|f| [f.interval.low, Some(f.interval.best), f.interval.high]);
        let (least, most) = values
            .flatten()
            .filter(|&v| v > 0)
            .fold((u64::MAX, 0), |(least, most), v| (least.min(v), most.max(v)));
        if least != u64::MAX && most / least >= 100 { Scale::Log } else { Scale::Linear }
    }

    /// How many of its figures are marked as disagreeing.
    pub fn disagreements(&self) -> usize {
        self.figures.iter().filter(|f| f.disagrees).count()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Linear,
    Log,
}

/// Every figure of some events, in series.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    /// Weapon types in the dataset's order, then the tally terms; within an item, by unit.
    pub series: Vec<Series>,
}

impl Figures {
    /// The figures of `events` (dataset indices). Each event is read once, on both cores,
    /// and what the sorting and the marks need is taken while it is in the cache.
    pub fn build(dataset: &Dataset, events: &[usize]) -> Self {
        let read = |chunk: &[usize]| -> Groups<'_> {
            let mut groups: Groups<'_> = HashMap::default();
            for &index in chunk {
                let event = dataset.event(index);
                if event.quantities.is_empty() {
                    continue;
                }
                let grade = best_grade(dataset, index);
                for (position, quantity) in event.quantities.iter().enumerate() {
                    let as_of = as_of(event, quantity);
                    let figure = Figure {
                        event: index,
                        quantity: position,
                        as_of,
                        interval: quantity.interval(),
                        grade,
                        disagrees: false,
                        repeated: false,
                    };
                    // Date's order (docs/DATA.md, "Sort order"), its days worked out once.
                    let order = (as_of.first_day(), as_of.precision(), as_of.last_day(), index, position);
                    let said = (quantity.qualifier, quantity.amount, quantity.amount_max);
                    let reading = Reading { figure, order, said };
                    groups.entry((quantity.item.as_str(), quantity.unit)).or_default().push(reading);
                }
            }
            groups
        };
        let groups = events.par_chunks(4_096).map(read).reduce(HashMap::default, merge);
        let groups: Vec<((&str, Unit), Vec<Reading>)> = groups.into_iter().collect();
        let mut series: Vec<Series> = groups
            .into_par_iter()
            .map(|((item, unit), mut readings)| {
                // The marks don't depend on the order; the figures are then taken in order,
                // sorting small keys rather than moving whole readings about.
                mark_disagreements(&mut readings);
                mark_repeats(&mut readings);
                let mut order: Vec<_> = readings.iter().enumerate().map(|(k, r)| (r.order, k)).collect();
                order.sort_unstable();
                let figures = order.into_iter().map(|(_, k)| readings[k].figure.clone()).collect();
                Series { item: item.to_string(), unit, figures }
            })
            .collect();
        series.sort_by_cached_key(|s| (item_rank(dataset, &s.item), s.unit));
        Self { series }
    }

    /// How many figures there are in all.
    pub fn len(&self) -> usize {
        self.series.iter().map(|s| s.figures.len()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.series.is_empty()
    }

    /// Every figure with its series, series by series.
    pub fn iter(&self) -> impl Iterator<Item = (&Series, &Figure)> {
        self.series.iter().flat_map(|s| s.figures.iter().map(move |f| (s, f)))
    }
}

/// When a figure held: its own `as_of`, else the end of the event's span (an interval's known
/// end, "by" dates included), else the date it was reported, else the event's date (where it
/// sits in time). Each at the precision it is written in.
pub fn as_of(event: &Event, quantity: &Quantity) -> Date {
    let span_end = event.date.is_interval().then(|| event.date.end().known().map(|d| d.date)).flatten();
    quantity.as_of.or(span_end).or(event.reported).unwrap_or_else(|| event.date.anchor())
}

/// The name of an item: the weapon type's, or the tally term's; the id itself when neither.
pub fn item_name<'d>(dataset: &'d Dataset, item: &'d str) -> &'d str {
    match Tally::parse(item) {
        Some(term) => term.label(),
        None => dataset.weapon(item).map_or(item, |w| w.name.as_str()),
    }
}

/// A series' heading: the item's name, with the unit when it is not a count.
pub fn series_name(dataset: &Dataset, series: &Series) -> String {
    let name = item_name(dataset, &series.item);
    match series.unit {
        Unit::Count => name.to_string(),
        unit => format!("{name} ({})", unit.label()),
    }
}

/// The interval in numbers, in the series' unit: "9,900–12,100", "≥ 1,000,000", "≤ 120",
/// "300"; a share with its "%".
pub fn range_label(interval: &Interval, unit: Unit) -> String {
    let number = |n: u64| {
        let n = group_thousands(n);
        if unit == Unit::Percent { format!("{n}%") } else { n }
    };
    match (interval.low, interval.high) {
        (Some(low), Some(high)) if low == high => number(low),
        (Some(low), Some(high)) => format!("{}–{}", number(low), number(high)),
        (Some(low), None) => format!("≥ {}", number(low)),
        (None, Some(high)) => format!("≤ {}", number(high)),
        (None, None) => number(interval.best),
    }
}

/// The marks a figure carries, as shown: "≠" when it disagrees, "=" when it repeats.
pub fn marks(figure: &Figure) -> &'static str {
    match (figure.disagrees, figure.repeated) {
        (true, true) => "≠=",
        (true, false) => "≠",
        (false, true) => "=",
        (false, false) => "",
    }
}

/// The best (most reliable) grade among the sources event `index` cites.
pub fn best_grade(dataset: &Dataset, index: usize) -> Option<Grade> {
    let sources = dataset.sources();
    dataset.event_sources(index).iter().filter_map(|&s| sources.get(s as usize)).map(|s| s.reliability).min()
}

/// The names of who claims an event, joined: "NIS", "Kyrylo Budanov, Ukrainian military
/// intelligence".
pub fn claimants(dataset: &Dataset, event: &Event) -> String {
    let names: Vec<&str> = event
        .claimed_by
        .iter()
        .map(|id| dataset.actor(id).map_or(id.as_str(), |a| a.name.as_str()))
        .collect();
    names.join(", ")
}

/// Where an item sorts: weapon types in the dataset's order, then the tally terms in theirs,
/// then anything else by id.
fn item_rank(dataset: &Dataset, item: &str) -> (u8, u32, String) {
    if let Some(position) = dataset.weapon_position(item) {
        (0, position, String::new())
    } else if let Some(term) = Tally::parse(item) {
        (1, Tally::ALL.iter().position(|t| *t == term).unwrap_or(0) as u32, String::new())
    } else {
        (2, 0, item.to_string())
    }
}

/// The calendar period a date names, as (year, month or 0, day or 0). Periods nest, so two
/// overlap exactly when one contains the other.
type Period = (i32, u32, u32);

fn period(date: &Date) -> Period {
    let day = match date.precision() {
        DatePrecision::Day => chrono::Datelike::day(&date.first_day()),
        _ => 0,
    };
    (date.year_number(), date.month_number().unwrap_or(0), day)
}

/// The period and the larger ones that contain it, smallest first.
fn enclosing((year, month, day): Period) -> impl Iterator<Item = Period> {
    let month_of = (day != 0).then_some((year, month, 0));
    let year_of = (month != 0).then_some((year, 0, 0));
    std::iter::once((year, month, day)).chain(month_of).chain(year_of)
}

/// The highest low and the lowest high among some intervals (no bound: 0 and u64::MAX).
#[derive(Clone, Copy)]
struct Extremes {
    low: u64,
    high: u64,
}

impl Extremes {
    const NONE: Extremes = Extremes { low: 0, high: u64::MAX };

    fn add(&mut self, interval: &Interval) {
        self.low = self.low.max(interval.low.unwrap_or(0));
        self.high = self.high.min(interval.high.unwrap_or(u64::MAX));
    }

    fn join(self, other: Extremes) -> Extremes {
        Extremes { low: self.low.max(other.low), high: self.high.min(other.high) }
    }
}

/// Readings grouped by item and unit.
type Groups<'d> = HashMap<(&'d str, Unit), Vec<Reading>>;

fn merge<'d>(mut all: Groups<'d>, some: Groups<'d>) -> Groups<'d> {
    for (key, readings) in some {
        all.entry(key).or_default().extend(readings);
    }
    all
}

/// A figure being built, with what sorting it and marking it needs.
struct Reading {
    figure: Figure,
    /// Its `as_of` as (first day, precision, last day), then its event and position.
    order: (NaiveDate, DatePrecision, NaiveDate, usize, usize),
    said: Said,
}

/// What a figure says: its qualifier, amount and amount_max.
type Said = (Option<Qualifier>, u64, Option<u64>);

/// Mark the figures that some other figure held at the same time contradicts. In linear
/// time: a figure's period overlaps the figures in the periods that contain it and in the
/// ones inside it, so the extremes of those two groups are all it is compared with.
fn mark_disagreements(readings: &mut [Reading]) {
    let mut at: HashMap<Period, Extremes> = HashMap::default();
    let mut within: HashMap<Period, Extremes> = HashMap::default();
    for reading in readings.iter() {
        let figure = &reading.figure;
        let here = period(&figure.as_of);
        at.entry(here).or_insert(Extremes::NONE).add(&figure.interval);
        for outer in enclosing(here) {
            within.entry(outer).or_insert(Extremes::NONE).add(&figure.interval);
        }
    }
    for reading in readings.iter_mut() {
        let figure = &mut reading.figure;
        let here = period(&figure.as_of);
        let mut others = within.get(&here).copied().unwrap_or(Extremes::NONE);
        for outer in enclosing(here).skip(1) {
            others = others.join(at.get(&outer).copied().unwrap_or(Extremes::NONE));
        }
        let interval = figure.interval;
        figure.disagrees =
            others.high < interval.low.unwrap_or(0) || others.low > interval.high.unwrap_or(u64::MAX);
    }
}

/// Mark the figures another event gives too: same qualifier, amounts and `as_of`.
fn mark_repeats(readings: &mut [Reading]) {
    // The first event to give each figure, and whether another gave it too.
    let mut first: HashMap<(&Said, Date), (usize, bool)> = HashMap::default();
    for reading in readings.iter() {
        let entry =
            first.entry((&reading.said, reading.figure.as_of)).or_insert((reading.figure.event, false));
        entry.1 |= entry.0 != reading.figure.event;
    }
    let repeated: Vec<bool> = readings
        .iter()
        .map(|r| first.get(&(&r.said, r.figure.as_of)).is_some_and(|&(_, again)| again))
        .collect();
    for (reading, repeated) in readings.iter_mut().zip(repeated) {
        reading.figure.repeated = repeated;
    }
}

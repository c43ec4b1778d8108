//! TimelineJS3's JSON format (timeline.knightlab.com/docs/json-format.html): a title slide
//! from the dataset and a slide an event, each date at its own precision.

use std::io::{self, Write};

use chrono::Datelike;
use serde::Serialize;

use super::Options;
use super::describe::describe_with;
use super::html::text as html;
use super::json::write_value;
use crate::date::{Date, DatePrecision, MONTH_NAMES};
use crate::model::{Dataset, Event};
use crate::query::Query;

#[derive(Serialize)]
struct Timeline {
    title: Slide,
    events: Vec<Slide>,
}

/// A slide. Text is HTML (TimelineJS renders it), so everything from the data is escaped;
/// `autolink` is off, so no link appears that the data did not have.
#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<DateParts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<DateParts>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
    autolink: bool,
}

#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

/// A date object: the year always, the month and day only when the source gave them.
#[derive(Debug, Serialize, PartialEq, Eq)]
struct DateParts {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
}

impl From<&Date> for DateParts {
    fn from(date: &Date) -> Self {
        let day = (date.precision() == DatePrecision::Day).then(|| date.first_day().day());
        Self { year: date.year_number(), month: date.month_number(), day }
    }
}

/// The events as a TimelineJS3 timeline, pretty-printed JSON.
pub fn write_timelinejs(
    out: &mut dyn Write,
    dataset: &Dataset,
    events: &[usize],
    query: &Query,
    options: Options,
) -> io::Result<()> {
    let timeline = Timeline {
        title: title_slide(dataset, events.len(), query),
        events: events.iter().map(|&i| event_slide(dataset, &dataset.events()[i])).collect(),
    };
    write_value(out, &timeline, options)
}

fn title_slide(dataset: &Dataset, shown: usize, query: &Query) -> Slide {
    let mut text = String::new();
    if let Some(description) = dataset.description() {
        text.push_str(&format!("<p>{}</p>", html(description)));
    }
    let filters = describe_with(query, dataset, &html);
    text.push_str(&format!("<p>{shown} of {} events. {filters}</p>", dataset.events().len()));
    Slide {
        start_date: None,
        end_date: None,
        display_date: None,
        text: Text { headline: html(dataset.name()), text },
        group: None,
        unique_id: None,
        autolink: false,
    }
}

fn event_slide(dataset: &Dataset, event: &Event) -> Slide {
    let mut text = format!("<p>{}</p>", html(&event.summary));
    let rating = dataset.rating(event);
    let reason = event.credibility_reason.as_deref().map(|r| format!(": {}", html(r))).unwrap_or_default();
    text.push_str(&format!("<p>Rating {rating} ({}){reason}</p>", rating.meaning()));
    for citation in &event.citations {
        let source = match dataset.source(&citation.source) {
            Some(s) => {
                let online = s
                    .url
                    .as_deref()
                    .map(|url| format!(" (<a href=\"{}\">online</a>)", html(url)))
                    .unwrap_or_default();
                format!("{}, “{}”, published {}{online}", html(&s.outlet), html(&s.title), s.published)
            }
            None => html(&citation.source),
        };
        text.push_str(&format!("<blockquote>“{}”</blockquote><p>— {source}</p>", html(&citation.quote)));
    }
    // A date "by" then starts at its end, for the timeline to place it; the display says "by".
    Slide {
        start_date: Some(DateParts::from(&event.date.anchor())),
        end_date: event.date.closed_end().as_ref().map(DateParts::from),
        display_date: Some(event.date.label_with(&spoken)),
        text: Text { headline: html(&event.title), text },
        group: Some(event.kind.as_str()),
        unique_id: Some(event.id.clone()),
        autolink: false,
    }
}

/// A date as a reader says it, at its precision: "2023", "August 2023", "30 August 2023".
fn spoken(date: &Date) -> String {
    let year = date.year_number();
    match (date.month_number(), date.precision()) {
        (Some(month), DatePrecision::Day) => {
            format!("{} {} {year}", date.first_day().day(), MONTH_NAMES[month as usize - 1])
        }
        (Some(month), _) => format!("{} {year}", MONTH_NAMES[month as usize - 1]),
        (None, _) => year.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> DateParts {
        DateParts::from(&text.parse::<Date>().unwrap())
    }

    #[test]
    fn dates_keep_their_precision() {
        assert_eq!(parts("2023"), DateParts { year: 2023, month: None, day: None });
        assert_eq!(parts("2023-08"), DateParts { year: 2023, month: Some(8), day: None });
        assert_eq!(parts("2023-08-30"), DateParts { year: 2023, month: Some(8), day: Some(30) });
        assert_eq!(spoken(&"2023-08-30".parse().unwrap()), "30 August 2023");
        assert_eq!(spoken(&"2023-08".parse().unwrap()), "August 2023");
    }
}

//! The chronology: year and month headings, one row per event.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::text::{fit, highlighted, pad, width_of};
use super::theme::Theme;
use super::{match_positions, matched_outside_text, short_name};
use crate::app::{App, Focus, Row};
use crate::date::MONTH_NAMES as MONTHS;
use crate::model::Event;

/// The date column on a narrow list: a day (`2023-08-30`), or a span's start with its end
/// cut (`2023-08-30 →…`).
const NARROW_DATE_WIDTH: usize = 13;
/// Columns the title keeps before the tags get any room.
const TITLE_FIRST: usize = 36;

/// The columns of one frame's rows, the same for every row so they line up.
struct Columns {
    date: usize,
    /// The Admiralty pair ("B2"), with a space after it; none when no row has one.
    rating: usize,
    title: usize,
    tags: usize,
}

impl Columns {
    /// Dates are written whole when the list is wide enough for every span shown; tags get
    /// what the title leaves, or nothing on a narrow list.
    fn new(app: &App, first: usize, end: usize, width: usize) -> Self {
        let room = width.saturating_sub(2);
        let widest_date = (first..end)
            .filter_map(|r| match app.chronology.rows[r] {
                Row::Event(index) => Some(app.dataset.event(index).date_label().chars().count()),
                _ => None,
            })
            .max()
            .unwrap_or(10);
        let date = if room >= widest_date + 1 + TITLE_FIRST {
            widest_date
        } else {
            widest_date.min(NARROW_DATE_WIDTH)
        } + 1;
        let rating = (first..end)
            .filter_map(|r| match app.chronology.rows[r] {
                Row::Event(index) => Some(app.dataset.rating(app.dataset.event(index)).to_string().len()),
                _ => None,
            })
            .max()
            .map_or(0, |widest| if widest == 0 { 0 } else { widest + 1 });
        let rest = room.saturating_sub(date + rating);
        let tags = if rest > TITLE_FIRST + 8 { (rest - TITLE_FIRST).min(24) } else { 0 };
        Self { date, rating, title: rest.saturating_sub(tags), tags }
    }
}

pub fn render(frame: &mut Frame<'_>, app: &App, theme: &Theme, area: Rect) {
    let chronology = &app.chronology;
    let border = if chronology.focus == Focus::List { theme.focused_border() } else { theme.border() };
    let block = Block::bordered().title(" Chronology ").border_style(border);
    let inner = block.inner(area);
    let width = usize::from(inner.width);
    let selected_row = chronology.selected_row();
    let end = (chronology.list_offset + usize::from(inner.height)).min(chronology.rows.len());
    let columns = Columns::new(app, chronology.list_offset, end, width);
    let mut lines = Vec::with_capacity(end.saturating_sub(chronology.list_offset));
    for row_index in chronology.list_offset..end {
        let line = match chronology.rows[row_index] {
            Row::Year(year) => Line::styled(year.to_string(), theme.year_heading()),
            Row::Month(year, month) => Line::styled(
                format!("  {} {year}", MONTHS.get(month as usize - 1).copied().unwrap_or("?")),
                theme.month_heading(),
            ),
            Row::Event(index) => {
                event_line(app, theme, app.dataset.event(index), &columns, selected_row == Some(row_index))
            }
        };
        lines.push(line);
    }
    if chronology.visible.is_empty() {
        lines.push(Line::styled("No events match. Press c to clear the filters.", theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn event_line(app: &App, theme: &Theme, event: &Event, columns: &Columns, selected: bool) -> Line<'static> {
    let marker = if selected { "▶ " } else { "  " };
    let mut date = event.date_label();
    if date.chars().count() >= columns.date {
        // A span's end does not fit: its start, and the arrow that says it goes on; any
        // other date too long, as much as fits.
        date = match date.split_once(" → ") {
            Some((start, _)) if start.chars().count() + 3 < columns.date => format!("{start} →…"),
            _ => date.chars().take(columns.date.saturating_sub(2)).chain(['…']).collect(),
        };
    }
    let mut spans = vec![Span::raw(marker)];
    spans.extend(pad(vec![Span::styled(date, theme.date())], columns.date));
    if columns.rating > 0 {
        let rating = app.dataset.rating(event).to_string();
        spans.extend(pad(vec![Span::styled(rating, theme.key())], columns.rating));
    }
    // An event found only by a name or a quote ranks after those found in their own words.
    let base = if matched_outside_text(app, event) { theme.dim() } else { theme.plain() };
    let title = highlighted(&event.title, &match_positions(app, &event.title), base, theme.matched());
    spans.extend(pad(title, columns.title));
    if columns.tags > 0 {
        spans.push(Span::raw(" "));
        spans.extend(fit(vec![Span::styled(tags(app, event), theme.tag())], columns.tags - 1));
    }
    let width = 2 + columns.date + columns.rating + columns.title + columns.tags;
    let spans = fit(spans, width);
    let used = width_of(&spans);
    let mut line = Line::from(spans);
    if selected {
        if used < width {
            line.push_span(Span::raw(" ".repeat(width - used)));
        }
        line = line.style(theme.selected());
    }
    line
}

/// Short actor and weapon tags: "DPRK→Russia · shells".
fn tags(app: &App, event: &Event) -> String {
    let dataset = &app.dataset;
    let actor = |id: &str| {
        dataset
            .actor(id)
            .map(|a| crate::text::clean(short_name(&a.name, a.aliases.iter())))
            .unwrap_or_else(|| id.to_string())
    };
    let parties = match (&event.from, &event.to) {
        (Some(from), Some(to)) => format!("{}→{}", actor(from), actor(to)),
        _ => event.actors.iter().take(2).map(|id| actor(id)).collect::<Vec<_>>().join(","),
    };
    let weapons: Vec<String> = event
        .weapons
        .iter()
        .take(2)
        .filter_map(|id| dataset.weapon(id))
        .map(|w| crate::text::clean(short_name(&w.name, w.designations.iter().chain(&w.aliases))))
        .collect();
    match (parties.is_empty(), weapons.is_empty()) {
        (false, false) => format!("{parties} · {}", weapons.join(",")),
        (false, true) => parties,
        (true, _) => weapons.join(","),
    }
}

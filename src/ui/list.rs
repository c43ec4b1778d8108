//! The chronology: year and month headings, one row per event.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::text::{fit, highlighted, pad, width_of};
use super::{match_positions, short_name};
use crate::app::{App, Focus, Row};
use crate::date::MONTH_NAMES as MONTHS;
use crate::model::Event;

/// Columns for the date: the longest is `2023-08-30…`.
const DATE_WIDTH: usize = 12;

pub fn render(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.theme;
    let border = if app.focus == Focus::List { theme.focused_border() } else { theme.border() };
    let block = Block::bordered().title(" Chronology ").border_style(border);
    let inner = block.inner(area);
    let width = usize::from(inner.width);
    let selected_row = app.selected_row();
    let end = (app.list_offset + usize::from(inner.height)).min(app.rows.len());
    let mut lines = Vec::with_capacity(end.saturating_sub(app.list_offset));
    for row_index in app.list_offset..end {
        let line = match app.rows[row_index] {
            Row::Year(year) => Line::styled(year.to_string(), theme.year_heading()),
            Row::Month(year, month) => Line::styled(
                format!("  {} {year}", MONTHS.get(month as usize - 1).copied().unwrap_or("?")),
                theme.month_heading(),
            ),
            Row::Event(index) => {
                event_line(app, &app.dataset.events()[index], width, selected_row == Some(row_index))
            }
        };
        lines.push(line);
    }
    if app.visible.is_empty() {
        lines.push(Line::styled("No events match. Press c to clear the filters.", theme.dim()));
    }
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

fn event_line(app: &App, event: &Event, width: usize, selected: bool) -> Line<'static> {
    let theme = &app.theme;
    let marker = if selected { "▶ " } else { "  " };
    let date = match event.until {
        Some(_) => format!("{}…", event.date),
        None => event.date.to_string(),
    };
    let mut spans = vec![Span::raw(marker), Span::styled(format!("{date:DATE_WIDTH$}"), theme.date())];
    let tags = tags(app, event);
    let room = width.saturating_sub(2 + DATE_WIDTH);
    let tag_width = if tags.is_empty() {
        0
    } else {
        // Tags are a hint; the title gets most of the room.
        (unicode_width::UnicodeWidthStr::width(tags.as_str()) + 1).min(room / 4).min(24)
    };
    let title =
        highlighted(&event.title, &match_positions(app, &event.title), theme.plain(), theme.matched());
    let title = pad(title, room.saturating_sub(tag_width));
    spans.extend(title);
    if tag_width > 0 {
        spans.push(Span::raw(" "));
        spans.extend(fit(vec![Span::styled(tags, theme.tag())], tag_width - 1));
    }
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

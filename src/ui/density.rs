//! The density strip: a bar per month (or per group of months) across the dataset's span,
//! the selected event's month marked, and the years labelled.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::app::App;

const LEVELS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

pub fn render(frame: &mut Frame<'_>, app: &App, theme: &Theme, area: Rect) {
    let density = &app.chronology.density;
    let months = density.counts.len();
    let width = usize::from(area.width).saturating_sub(2);
    if months == 0 || width == 0 {
        return;
    }
    // Each column covers `per_column` months; when months are few, each month gets several columns.
    let per_column = months.div_ceil(width);
    let columns_per_month = if per_column == 1 { (width / months).clamp(1, 4) } else { 1 };
    let buckets: Vec<usize> = density.counts.chunks(per_column).map(|chunk| chunk.iter().sum()).collect();
    let max = buckets.iter().copied().max().unwrap_or(0).max(1);
    // A selection marks the months it is drawn in (a span, each of them); a year-only one
    // marks its whole year, more faintly, rather than pretending to a month; a date "by"
    // then marks its end's month with ◀: then, or before.
    let selected_date = app.chronology.selected.map(|event| &app.dataset.event(event).date);
    let selected_buckets = selected_date
        .and_then(|date| density.bars_of(date))
        .map(|bars| bars.start() / per_column..=bars.end() / per_column);
    let selected_year =
        selected_date.filter(|_| selected_buckets.is_none()).map(|d| d.anchor().year_number());
    let selected_mark =
        if selected_date.is_some_and(|d| d.start().known().is_none()) { '◀' } else { '▲' };

    let mut bars = vec![Span::raw(" ")];
    let mut marker = String::from(" ");
    let mut labels = String::from(" ");
    for (bucket, &count) in buckets.iter().enumerate() {
        let glyph = if count == 0 {
            '·'
        } else {
            LEVELS[(count * (LEVELS.len() - 1)).div_ceil(max).min(LEVELS.len() - 1)]
        };
        let cell: String = std::iter::repeat_n(glyph, columns_per_month).collect();
        let is_selected = selected_buckets.as_ref().is_some_and(|buckets| buckets.contains(&bucket));
        let style = match (is_selected, count) {
            (true, _) => theme.selected(),
            (false, 0) => theme.dim(),
            (false, _) => theme.bar(),
        };
        bars.push(Span::styled(cell, style));
        let in_selected_year = selected_year.is_some()
            && density.month_at(bucket * per_column).map(|(year, _)| year) == selected_year;
        let mark = if is_selected {
            selected_mark
        } else if in_selected_year {
            '△'
        } else {
            ' '
        };
        marker.extend(std::iter::repeat_n(mark, columns_per_month));
        // Label a year where it starts (or at the strip's start), if there is room.
        if let Some((year, month)) = density.month_at(bucket * per_column) {
            let starts_year = month <= per_column as u32 || bucket == 0;
            let label = year.to_string();
            if starts_year && labels.chars().count() <= 1 + bucket * columns_per_month {
                labels.truncate(1 + bucket * columns_per_month);
                while labels.chars().count() < 1 + bucket * columns_per_month {
                    labels.push(' ');
                }
                labels.push_str(&label);
            }
        }
    }
    if density.year_only > 0 {
        let note = format!("  +{} dated to a year only", density.year_only);
        if labels.chars().count() + note.chars().count() <= usize::from(area.width) {
            labels.push_str(&note);
        }
    }
    let lines = vec![Line::from(bars), Line::styled(marker, theme.key()), Line::styled(labels, theme.dim())];
    frame.render_widget(Paragraph::new(lines), area);
}

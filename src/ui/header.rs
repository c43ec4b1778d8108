//! The top line: " N of M events │ QUERY │ annals · NAME". The count and the query come
//! first, so a narrow terminal cuts the dataset's name, not them.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{fit, width_of};
use super::theme::Theme;
use crate::app::App;
use crate::text::clean;

pub fn render(frame: &mut Frame<'_>, app: &App, theme: &Theme, area: Rect) {
    let width = usize::from(area.width);
    let query = app.query.to_string();
    let mut spans = vec![Span::styled(
        format!(" {} of {} events", app.chronology.visible.len(), app.dataset.events().len()),
        theme.label(),
    )];
    if app.searching {
        spans.push(Span::styled(" · searching…", theme.dim()));
    }
    spans.push(Span::styled(" │ ", theme.dim()));
    spans.push(if query.is_empty() {
        Span::styled("no filters", theme.dim())
    } else {
        Span::styled(clean(&query), theme.key())
    });
    let name = vec![
        Span::styled(" │ ", theme.dim()),
        Span::styled("annals", theme.title()),
        Span::styled(" · ", theme.dim()),
        Span::styled(clean(app.dataset.name()), theme.plain()),
    ];
    // The name only where it fits whole after the count and query, or cut short at the end.
    if width_of(&spans) + 12 <= width {
        spans.extend(name);
    }
    frame.render_widget(Paragraph::new(Line::from(fit(spans, width))), area);
}

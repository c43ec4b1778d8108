use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::fit;
use crate::app::App;
use crate::text::clean;

/// " annals · NAME │ N of M events │ QUERY"
pub fn render(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.theme;
    let query = app.query.to_string();
    let spans = vec![
        Span::styled(" annals", theme.title()),
        Span::styled(" · ", theme.dim()),
        Span::styled(clean(&app.dataset.name()), theme.plain()),
        Span::styled(" │ ", theme.dim()),
        Span::styled(
            format!("{} of {} events", app.visible.len(), app.dataset.events().len()),
            theme.label(),
        ),
        Span::styled(if app.searching { " · searching…" } else { "" }, theme.dim()),
        Span::styled(" │ ", theme.dim()),
        if query.is_empty() {
            Span::styled("no filters", theme.dim())
        } else {
            Span::styled(clean(&query), theme.key())
        },
    ];
    frame.render_widget(Paragraph::new(Line::from(fit(spans, usize::from(area.width)))), area);
}

//! The detail pane: everything about the selected event, and every citation with its quote.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::match_positions;
use super::text::highlighted;
use crate::app::{App, Focus};
use crate::date::Date;
use crate::model::Event;
use crate::text::clean;

pub fn render(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.theme;
    let border = if app.focus == Focus::Detail { theme.focused_border() } else { theme.border() };
    let block = Block::bordered().title(" Detail ").border_style(border);
    frame.render_widget(paragraph(app).block(block).scroll((app.detail_scroll, 0)), area);
}

/// How far the detail pane can scroll: its wrapped height less the pane's.
pub fn max_scroll(app: &App) -> u16 {
    let inner = app.layout().detail_inner();
    let lines = paragraph(app).line_count(inner.width);
    u16::try_from(lines.saturating_sub(usize::from(inner.height))).unwrap_or(u16::MAX)
}

fn paragraph(app: &App) -> Paragraph<'static> {
    let lines = match app.selected {
        Some(index) => lines(app, &app.dataset.events()[index]),
        None => vec![Line::styled("Nothing selected.", app.theme.dim())],
    };
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

fn precision_word(date: &Date) -> &'static str {
    match date.precision() {
        crate::date::DatePrecision::Year => "year",
        crate::date::DatePrecision::Month => "month",
        crate::date::DatePrecision::Day => "day",
    }
}

fn lines(app: &App, event: &Event) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let dataset = &app.dataset;
    let field = |label: &str, value: String| {
        Line::from(vec![Span::styled(format!("{label}: "), theme.label()), Span::raw(clean(&value))])
    };
    let actor_name = |id: &str| dataset.actor(id).map_or_else(|| id.to_string(), |a| a.name.clone());

    let mut lines = Vec::new();
    let title =
        highlighted(&event.title, &match_positions(app, &event.title), theme.title(), theme.matched());
    lines.push(Line::from(title));
    let mut when = vec![Span::styled(event.date.to_string(), theme.date())];
    if let Some(until) = &event.until {
        when.push(Span::raw(" → "));
        when.push(Span::styled(until.to_string(), theme.date()));
    }
    when.push(Span::styled(format!("  ({} precision)", precision_word(&event.date)), theme.dim()));
    lines.push(Line::from(when));
    if let Some(basis) = &event.date_basis {
        lines.push(Line::from(vec![
            Span::styled("date basis: ", theme.dim()),
            Span::styled(clean(basis), theme.dim()),
        ]));
    }
    if let Some(reported) = &event.reported {
        let basis = event.reported_basis.as_deref().map(|b| format!(" ({})", clean(b))).unwrap_or_default();
        lines.push(Line::from(vec![
            Span::styled("reported: ", theme.dim()),
            Span::styled(format!("{reported}{basis}"), theme.dim()),
        ]));
    }
    lines.push(Line::from(vec![
        Span::styled("kind: ", theme.label()),
        Span::raw(event.kind.as_str()),
        Span::styled("   status: ", theme.label()),
        Span::styled(event.status.as_str(), theme.key()),
    ]));
    lines.push(Line::raw(""));
    lines.push(Line::from(highlighted(
        &event.summary,
        &match_positions(app, &event.summary),
        theme.plain(),
        theme.matched(),
    )));
    lines.push(Line::raw(""));
    match (&event.from, &event.to) {
        (Some(from), Some(to)) => {
            lines.push(field("from → to", format!("{} → {}", actor_name(from), actor_name(to))))
        }
        (Some(from), None) => lines.push(field("from", actor_name(from))),
        (None, Some(to)) => lines.push(field("to", actor_name(to))),
        (None, None) => {}
    }
    if !event.actors.is_empty() {
        lines.push(field(
            "actors",
            event.actors.iter().map(|id| actor_name(id)).collect::<Vec<_>>().join(", "),
        ));
    }
    if !event.weapons.is_empty() {
        let weapons: Vec<String> = event
            .weapons
            .iter()
            .map(|id| match dataset.weapon(id) {
                Some(w) if !w.designations.is_empty() => {
                    format!("{} ({})", w.name, w.designations.join(", "))
                }
                Some(w) => w.name.clone(),
                None => id.clone(),
            })
            .collect();
        lines.push(field("weapons", weapons.join("; ")));
    }
    if !event.quantities.is_empty() {
        lines.push(field(
            "quantities",
            event.quantities.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "),
        ));
    }
    lines.push(field(
        "claimed by",
        event.claimed_by.iter().map(|id| actor_name(id)).collect::<Vec<_>>().join(", "),
    ));
    if !event.related.is_empty() {
        lines.push(Line::styled("related:", theme.label()));
        for id in &event.related {
            let related = dataset.event_by_id(id);
            let text = related.map_or_else(|| id.clone(), |e| format!("{}  {}", e.date_label(), e.title));
            lines.push(Line::from(vec![Span::raw("  • "), Span::raw(clean(&text))]));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(format!("Sources ({})", event.citations.len()), theme.label()));
    for (n, citation) in event.citations.iter().enumerate() {
        let about = match dataset.source(&citation.source) {
            Some(s) => format!(
                "{} · published {} · grade {} ({})",
                s.outlet,
                s.published,
                s.reliability,
                s.reliability.meaning()
            ),
            None => citation.source.clone(),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("[{}] ", n + 1), theme.key()),
            Span::raw(clean(&about)),
        ]));
        lines.push(Line::from(vec![
            Span::raw("    “"),
            Span::styled(clean(&citation.quote), theme.plain()),
            Span::raw("”"),
        ]));
    }
    lines
}

//! The detail pane: everything about the selected event, and every citation with its quote.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::match_positions;
use super::text::highlighted;
use super::theme::Theme;
use crate::app::{App, Focus, Measured};
use crate::date::Date;
use crate::model::Event;
use crate::text::clean;

/// Draw the detail pane; returns its inside's rows and the lines its text wraps to.
pub fn render(frame: &mut Frame<'_>, app: &App, theme: &Theme, area: Rect) -> Measured {
    let focused = app.chronology.focus == Focus::Detail;
    let border = if focused { theme.focused_border() } else { theme.border() };
    let inner_width = usize::from(area.width.saturating_sub(2));
    let paragraph = paragraph(app, theme, inner_width);
    let rows = area.height.saturating_sub(2);
    let lines = u16::try_from(paragraph.line_count(area.width.saturating_sub(2))).unwrap_or(u16::MAX);
    let scroll = app.chronology.detail_scroll.min(lines.saturating_sub(rows));
    // Say when there is more below, and how to get to it.
    let more = if scroll.saturating_add(rows) < lines {
        if focused { " ↓ more: j/PgDn " } else { " ↓ more: Tab, then j " }
    } else {
        ""
    };
    let block = Block::bordered()
        .title(" Detail ")
        .title_bottom(Line::styled(more, theme.dim()).right_aligned())
        .border_style(border);
    frame.render_widget(paragraph.block(block).scroll((scroll, 0)), area);
    Measured { detail_rows: rows, detail_lines: lines, ..Measured::default() }
}

fn paragraph(app: &App, theme: &Theme, width: usize) -> Paragraph<'static> {
    let lines = match app.chronology.selected {
        Some(index) => lines(app, theme, app.dataset.event(index), width),
        None => vec![Line::styled("Nothing selected.", theme.dim())],
    };
    Paragraph::new(lines).wrap(Wrap { trim: false })
}

/// `text` wrapped at `width`, the first line after `first`, the others after `indent`.
fn indented(text: &str, first: &str, indent: &str, width: usize, style: Style) -> Vec<Line<'static>> {
    let options = textwrap::Options::new(width.max(indent.chars().count() + 8))
        .initial_indent(first)
        .subsequent_indent(indent);
    textwrap::wrap(text, options).into_iter().map(|line| Line::styled(line.into_owned(), style)).collect()
}

/// `indented`, with the characters at `positions` (character indices into `text`) in `matched`.
fn indented_highlighted(
    text: &str,
    positions: &[usize],
    (first, indent): (&str, &str),
    width: usize,
    (base, matched): (Style, Style),
) -> Vec<Line<'static>> {
    let lines = indented(text, first, indent, width, base);
    if positions.is_empty() {
        return lines;
    }
    // Each wrapped line, less its indent, is the text's next run of characters after spaces.
    let chars: Vec<char> = text.chars().collect();
    let mut at = 0;
    lines
        .into_iter()
        .enumerate()
        .map(|(k, line)| {
            let whole: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            let prefix = if k == 0 { first } else { indent };
            let content = whole.strip_prefix(prefix).unwrap_or(&whole);
            let wanted: Vec<char> = content.chars().collect();
            while at < chars.len() && chars[at].is_whitespace() && wanted.first() != Some(&chars[at]) {
                at += 1;
            }
            if chars.get(at..at + wanted.len()) != Some(wanted.as_slice()) {
                return line; // Not found as it was written: shown without highlights.
            }
            let local: Vec<usize> =
                positions.iter().filter_map(|&p| p.checked_sub(at).filter(|&q| q < wanted.len())).collect();
            at += wanted.len();
            let mut spans = vec![Span::styled(prefix.to_string(), base)];
            spans.extend(highlighted(content, &local, base, matched));
            Line::from(spans)
        })
        .collect()
}

fn precision_word(date: &Date) -> &'static str {
    match date.precision() {
        crate::date::DatePrecision::Year => "year",
        crate::date::DatePrecision::Month => "month",
        crate::date::DatePrecision::Day => "day",
    }
}

fn lines(app: &App, theme: &Theme, event: &Event, width: usize) -> Vec<Line<'static>> {
    let dataset = &app.dataset;
    // Names are searched too: the words that matched them are highlighted.
    let field = |label: &str, value: String| {
        let mut spans = vec![Span::styled(format!("{label}: "), theme.label())];
        spans.extend(highlighted(&value, &match_positions(app, &value), theme.plain(), theme.matched()));
        Line::from(spans)
    };
    let actor_name = |id: &str| dataset.actor(id).map_or_else(|| id.to_string(), |a| a.name.clone());

    let mut lines = Vec::new();
    let title =
        highlighted(&event.title, &match_positions(app, &event.title), theme.title(), theme.matched());
    lines.push(Line::from(title));
    let mut when = vec![Span::styled(event.date_label(), theme.date())];
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
            lines.extend(indented(&clean(&text), "  • ", "    ", width, theme.plain()));
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
        let quote = format!("“{}”", clean(&citation.quote));
        let positions = match_positions(app, &quote);
        let styles = (theme.plain(), theme.matched());
        lines.extend(indented_highlighted(&quote, &positions, ("    ", "     "), width, styles));
    }
    lines
}

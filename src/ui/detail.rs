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
use crate::model::Event;
use crate::text::clean;

/// Draw the detail pane; returns its inside's rows and the lines its text wraps to.
pub fn render(frame: &mut Frame<'_>, app: &App, theme: &Theme, area: Rect) -> Measured {
    let focused = app.chronology.focus == Focus::Detail;
    let border = if focused { theme.focused_border() } else { theme.border() };
    let inner_width = usize::from(area.width.saturating_sub(2));
    let (paragraph, link_line) = paragraph(app, theme, inner_width);
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
    Measured { detail_rows: rows, detail_lines: lines, detail_link_line: link_line, ..Measured::default() }
}

/// The pane's text, and the wrapped line the link at the cursor is on.
fn paragraph(app: &App, theme: &Theme, width: usize) -> (Paragraph<'static>, Option<u16>) {
    let (lines, link_line) = match app.chronology.selected {
        Some(index) => lines(app, theme, app.dataset.event(index), width),
        None => (vec![Line::styled("Nothing selected.", theme.dim())], None),
    };
    let wrapped_line = link_line.map(|at| {
        let before = Paragraph::new(lines[..at].to_vec()).wrap(Wrap { trim: false });
        u16::try_from(before.line_count(u16::try_from(width).unwrap_or(u16::MAX))).unwrap_or(u16::MAX)
    });
    (Paragraph::new(lines).wrap(Wrap { trim: false }), wrapped_line)
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

/// The detail pane's lines, and which of them holds the link at the cursor.
fn lines(app: &App, theme: &Theme, event: &Event, width: usize) -> (Vec<Line<'static>>, Option<usize>) {
    let mut lines = Vec::new();
    when_and_how_sure(&mut lines, app, theme, event);
    lines.push(Line::raw(""));
    lines.push(Line::from(highlighted(
        &event.summary,
        &match_positions(app, &event.summary),
        theme.plain(),
        theme.matched(),
    )));
    lines.push(Line::raw(""));
    who_and_what(&mut lines, app, theme, event);
    let link_line = links(&mut lines, app, theme, event, width);
    (lines, link_line)
}

/// Title, date and its basis, report, kind and status, the rating and its reason.
fn when_and_how_sure(lines: &mut Vec<Line<'static>>, app: &App, theme: &Theme, event: &Event) {
    let title =
        highlighted(&event.title, &match_positions(app, &event.title), theme.title(), theme.matched());
    lines.push(Line::from(title));
    lines.push(Line::from(vec![
        Span::styled(event.date_label(), theme.date()),
        Span::styled(format!("  ({})", event.date.describe()), theme.dim()),
    ]));
    let dim = |label: &str, text: String| {
        Line::from(vec![Span::styled(format!("{label}: "), theme.dim()), Span::styled(text, theme.dim())])
    };
    if let Some(basis) = &event.date_basis {
        lines.push(dim("date basis", clean(basis)));
    }
    if let Some(reported) = &event.reported {
        let basis = event.reported_basis.as_deref().map(|b| format!(" ({})", clean(b))).unwrap_or_default();
        lines.push(dim("reported", format!("{reported}{basis}")));
    }
    lines.push(Line::from(vec![
        Span::styled("kind: ", theme.label()),
        Span::raw(event.kind.as_str()),
        Span::styled("   status: ", theme.label()),
        Span::styled(event.status.as_str(), theme.key()),
    ]));
    let rating = app.dataset.rating(event);
    lines.push(Line::from(vec![
        Span::styled("rating: ", theme.label()),
        Span::styled(rating.to_string(), theme.key()),
        Span::styled(format!("  ({})", rating.meaning()), theme.dim()),
    ]));
    if let Some(reason) = &event.credibility_reason {
        lines.push(dim("credibility basis", clean(reason)));
    }
}

/// Direction, actors, weapons, figures and claimants.
fn who_and_what(lines: &mut Vec<Line<'static>>, app: &App, theme: &Theme, event: &Event) {
    let dataset = &app.dataset;
    // Names are searched too: the words that matched them are highlighted.
    let field = |label: &str, value: String| {
        let mut spans = vec![Span::styled(format!("{label}: "), theme.label())];
        spans.extend(highlighted(&value, &match_positions(app, &value), theme.plain(), theme.matched()));
        Line::from(spans)
    };
    let actor_name = |id: &String| dataset.actor(id).map_or_else(|| id.clone(), |a| a.name.clone());
    let names = |ids: &[String]| ids.iter().map(actor_name).collect::<Vec<_>>().join(", ");
    match (&event.from, &event.to) {
        (Some(from), Some(to)) => {
            lines.push(field("from → to", format!("{} → {}", actor_name(from), actor_name(to))))
        }
        (Some(from), None) => lines.push(field("from", actor_name(from))),
        (None, Some(to)) => lines.push(field("to", actor_name(to))),
        (None, None) => {}
    }
    if !event.actors.is_empty() {
        lines.push(field("actors", names(&event.actors)));
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
            event
                .quantities
                .iter()
                .map(|q| q.describe(crate::figures::item_name(&app.dataset, &q.item)))
                .collect::<Vec<_>>()
                .join("; "),
        ));
    }
    lines.push(field("claimed by", names(&event.claimed_by)));
}

/// Related events and citations, numbered as `App::links` numbers them; returns the line of
/// the one at the cursor.
fn links(
    lines: &mut Vec<Line<'static>>,
    app: &App,
    theme: &Theme,
    event: &Event,
    width: usize,
) -> Option<usize> {
    let dataset = &app.dataset;
    let mut link = 0;
    let mut link_line = None;
    let mut mark = |lines: &mut Vec<Line<'static>>, at_cursor: bool| {
        if at_cursor {
            link_line = Some(lines.len());
        }
        at_cursor
    };
    if !event.related.is_empty() {
        lines.push(Line::styled("related (n/N, Enter follows):", theme.label()));
        for id in &event.related {
            let related = dataset.event_by_id(id);
            let text = related.map_or_else(|| id.clone(), |e| format!("{}  {}", e.date_label(), e.title));
            let at_cursor = related.is_some() && mark(lines, app.chronology.link == Some(link));
            link += usize::from(related.is_some());
            let (bullet, style) =
                if at_cursor { ("▶ • ", theme.selected()) } else { ("  • ", theme.plain()) };
            lines.extend(indented(&clean(&text), bullet, "    ", width, style));
        }
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(format!("Sources ({})", event.citations.len()), theme.label()));
    for (n, citation) in event.citations.iter().enumerate() {
        let source = dataset.source(&citation.source);
        let about = match source {
            Some(s) => format!(
                "{} · published {} · grade {} ({})",
                s.outlet,
                s.published,
                s.reliability,
                s.reliability.meaning()
            ),
            None => citation.source.clone(),
        };
        let at_cursor = mark(lines, app.chronology.link == Some(link + n));
        let number = Span::styled(format!("{}[{}] ", if at_cursor { "▶" } else { "" }, n + 1), theme.key());
        let line = Line::from(vec![number, Span::raw(clean(&about))]);
        lines.push(if at_cursor { line.style(theme.selected()) } else { line });
        let quote = format!("“{}”", clean(&citation.quote));
        let positions = match_positions(app, &quote);
        let styles = (theme.plain(), theme.matched());
        lines.extend(indented_highlighted(&quote, &positions, ("    ", "     "), width, styles));
        let addresses =
            source.map(|s| [("online", &s.url), ("archived", &s.archived_url)]).into_iter().flatten();
        for (label, url) in addresses {
            if let Some(url) = url {
                lines.extend(indented(
                    &format!("{label}: {}", clean(url)),
                    "    ",
                    "    ",
                    width,
                    theme.dim(),
                ));
            }
        }
    }
    link_line
}

//! Drawn over the main screen: facet pickers, the date prompt, the help, and the
//! too-small message.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::layout::{MIN_HEIGHT, MIN_WIDTH, centered};
use super::text::{fit, pad};
use crate::app::{App, Bound, Picker};
use crate::keymap::HELP;
use crate::query::Facet;
use crate::text::clean;

pub fn picker(frame: &mut Frame<'_>, app: &App, picker: &Picker, area: Rect) {
    let theme = &app.theme;
    let noun = match picker.facet {
        Facet::Actor => "Actors",
        Facet::Weapon => "Weapon types",
        Facet::Source => "Sources",
        Facet::From | Facet::To => "",
    };
    let height = (picker.options.len() as u16).saturating_add(4).min(area.height.saturating_sub(2));
    let popup = centered(area, 64.min(area.width.saturating_sub(4)), height);
    let block = Block::bordered()
        .title(format!(
            " {noun} · {} chosen{} ",
            picker.chosen.len(),
            if picker.counting { " · counting…" } else { "" }
        ))
        .border_style(theme.focused_border());
    let inner = block.inner(popup);
    let width = usize::from(inner.width);
    let mut lines = vec![Line::from(vec![
        Span::styled("narrow: ", theme.label()),
        Span::raw(clean(&picker.narrow)),
        Span::styled("▏", theme.key()),
    ])];
    let rows = usize::from(inner.height.saturating_sub(1));
    // Keep the cursor in view.
    let first = picker.cursor.saturating_sub(rows.saturating_sub(1));
    for (k, &option_index) in picker.shown.iter().enumerate().skip(first).take(rows) {
        let option = &picker.options[option_index];
        let at_cursor = k == picker.cursor;
        let tick = if picker.is_chosen(option) { "[x] " } else { "[ ] " };
        let count = if picker.counting { format!(" {:>5}", "…") } else { format!(" {:>5}", option.count) };
        let label_width = width.saturating_sub(2 + tick.len() + count.len());
        let label = vec![
            Span::raw(clean(&option.label)),
            Span::styled(format!("  {}", clean(&option.note)), theme.dim()),
        ];
        let mut spans = vec![Span::raw(if at_cursor { "▶ " } else { "  " }), Span::raw(tick)];
        spans.extend(pad(label, label_width));
        spans.push(Span::raw(count));
        let mut line = Line::from(fit(spans, width));
        if option.count == 0 && !picker.counting {
            line = line.style(theme.dim());
        }
        if at_cursor {
            line = line.style(theme.selected());
        }
        lines.push(line);
    }
    if picker.shown.is_empty() {
        lines.push(Line::styled("  nothing matches", theme.dim()));
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

pub fn date_prompt(
    frame: &mut Frame<'_>,
    app: &App,
    bound: Bound,
    input: &str,
    error: Option<&str>,
    area: Rect,
) {
    let theme = &app.theme;
    let which = match bound {
        Bound::From => "From",
        Bound::To => "To",
    };
    let popup = centered(area, 60.min(area.width.saturating_sub(4)), 6);
    let block = Block::bordered().title(format!(" {which} date ")).border_style(theme.focused_border());
    let mut lines = vec![
        Line::styled("YYYY, YYYY-MM or YYYY-MM-DD; empty clears it", theme.dim()),
        Line::from(vec![
            Span::styled("> ", theme.key()),
            Span::raw(clean(input)),
            Span::styled("▏", theme.key()),
        ]),
    ];
    if let Some(error) = error {
        lines.push(Line::styled(clean(error), theme.error()));
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), popup);
}

pub fn export_prompt(
    frame: &mut Frame<'_>,
    app: &App,
    input: &str,
    confirm: bool,
    error: Option<&str>,
    area: Rect,
) {
    let theme = &app.theme;
    let popup = centered(area, 72.min(area.width.saturating_sub(4)), 7);
    let title = format!(" Export {} of {} events ", app.visible.len(), app.dataset.events().len());
    let block = Block::bordered().title(title).border_style(theme.focused_border());
    let mut lines = vec![
        Line::styled(
            "File (.md markdown, .json or .csv), in the current directory unless a path is given",
            theme.dim(),
        ),
        Line::from(vec![
            Span::styled("> ", theme.key()),
            Span::raw(clean(input)),
            Span::styled("▏", theme.key()),
        ]),
    ];
    if confirm {
        lines.push(Line::styled(format!("{} exists. Overwrite it? y/n", clean(input.trim())), theme.error()));
    }
    if let Some(error) = error {
        lines.push(Line::styled(clean(error), theme.error()));
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), popup);
}

pub fn help(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.theme;
    let key_width = HELP.iter().map(|(key, _)| key.chars().count()).max().unwrap_or(0);
    let text_width = HELP.iter().map(|(_, what)| what.chars().count()).max().unwrap_or(0);
    let height = (HELP.len() as u16).saturating_add(2).min(area.height);
    let popup =
        centered(area, u16::try_from(key_width + text_width + 5).unwrap_or(u16::MAX).min(area.width), height);
    let block = Block::bordered().title(" Keys · Esc closes ").border_style(theme.focused_border());
    let lines: Vec<Line<'_>> = HELP
        .iter()
        .map(|(key, what)| {
            Line::from(vec![Span::styled(format!(" {key:key_width$}  "), theme.key()), Span::raw(*what)])
        })
        .collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

pub fn too_small(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let message = format!(
        "annals needs at least {MIN_WIDTH}×{MIN_HEIGHT}; this terminal is {}×{}. Enlarge it, or press q to quit.",
        area.width, area.height
    );
    frame.render_widget(Paragraph::new(message).style(app.theme.error()).wrap(Wrap { trim: true }), area);
}

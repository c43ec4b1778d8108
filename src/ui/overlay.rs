//! Drawn over the main screen: facet pickers, the date and export prompts, and the
//! too-small message. The help has a module of its own.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::layout::{MIN_HEIGHT, MIN_WIDTH, centered};
use super::text::{fit, pad};
use super::theme::Theme;
use crate::app::{App, Bound, Picker};
use crate::query::Facet;
use crate::text::clean;

pub fn picker(frame: &mut Frame<'_>, theme: &Theme, picker: &Picker, area: Rect) {
    let noun = match picker.facet {
        Facet::Actor => "Actors",
        Facet::Weapon => "Weapon types",
        Facet::Source => "Sources",
        Facet::From | Facet::To => "",
    };
    let height = (picker.options.len() as u16).saturating_add(4).min(area.height.saturating_sub(2));
    // As wide as the longest row wants (label, note, count), within the screen.
    let wanted = picker
        .options
        .iter()
        .map(|o| o.label.chars().count() + o.note.chars().count() + 16)
        .max()
        .unwrap_or(40)
        .clamp(40, 100);
    let popup = centered(area, (wanted as u16).min(area.width.saturating_sub(2)), height);
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
        // The note (a source's date and grade, an actor's kind) keeps its room; a long name is cut.
        let note = format!("  {}", clean(&option.note));
        let note_width = note.chars().count().min(label_width.saturating_sub(8));
        let mut spans = vec![Span::raw(if at_cursor { "▶ " } else { "  " }), Span::raw(tick)];
        spans.extend(pad(vec![Span::raw(clean(&option.label))], label_width - note_width));
        spans.extend(pad(vec![Span::styled(note, theme.dim())], note_width));
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
    theme: &Theme,
    bound: Bound,
    input: &str,
    error: Option<&str>,
    area: Rect,
) {
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

/// What the export prompt is asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    Overwrite,
    Empty,
}

pub fn export_prompt(
    frame: &mut Frame<'_>,
    app: &App,
    theme: &Theme,
    input: &str,
    question: Option<Question>,
    error: Option<&str>,
    area: Rect,
) {
    let popup = centered(area, 72.min(area.width.saturating_sub(4)), 7);
    let title = format!(" Export {} of {} events ", app.chronology.visible.len(), app.dataset.events().len());
    let block = Block::bordered().title(title).border_style(theme.focused_border());
    let mut lines = vec![
        Line::styled(
            "File (.md, .html, .json or .csv), in the current directory unless a path is given; ~ is home",
            theme.dim(),
        ),
        Line::from(vec![
            Span::styled("> ", theme.key()),
            Span::raw(clean(input)),
            Span::styled("▏", theme.key()),
        ]),
    ];
    match question {
        Some(Question::Overwrite) => lines
            .push(Line::styled(format!("{} exists. Overwrite it? y/n", clean(input.trim())), theme.error())),
        Some(Question::Empty) => lines
            .push(Line::styled("The filtered view has no events. Write the file anyway? y/n", theme.error())),
        None => {}
    }
    if let Some(error) = error {
        lines.push(Line::styled(clean(error), theme.error()));
    }
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block).wrap(Wrap { trim: false }), popup);
}

pub fn too_small(frame: &mut Frame<'_>, theme: &Theme, area: Rect) {
    let message = format!(
        "annals needs at least {MIN_WIDTH}×{MIN_HEIGHT}; this terminal is {}×{}. Enlarge it, or press q to quit.",
        area.width, area.height
    );
    frame.render_widget(Paragraph::new(message).style(theme.error()).wrap(Wrap { trim: true }), area);
}

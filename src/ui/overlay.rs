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

/// What a picker of `facet` lists, for its title.
fn noun(facet: Facet) -> &'static str {
    match facet {
        Facet::Status => "Statuses",
        Facet::Kind => "Kinds",
        Facet::Claimant => "Claimants",
        Facet::Sender => "Senders",
        Facet::Receiver => "Receivers",
        Facet::Grade => "Source grades",
        Facet::Country => "Countries",
        Facet::Actor => "Actors",
        Facet::Weapon => "Weapon types",
        Facet::Source => "Sources",
    }
}

pub fn picker(frame: &mut Frame<'_>, theme: &Theme, picker: &Picker, area: Rect) {
    let noun = noun(picker.facet);
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
        // The note (a source's date and grade, an actor's kind) keeps its room; a long name is
        // cut. A value found by a hidden alias says which.
        let note = match &option.matched_alias {
            Some(alias) => format!("  ≈ {} · {}", clean(alias), clean(&option.note)),
            None => format!("  {}", clean(&option.note)),
        };
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

/// The facet menu: each facet's key, what it keeps, and the values the query has for it.
pub fn facet_menu(frame: &mut Frame<'_>, app: &App, theme: &Theme, cursor: usize, area: Rect) {
    let height = (Facet::ALL.len() as u16 + 2).min(area.height.saturating_sub(2));
    let popup = centered(area, 96.min(area.width.saturating_sub(2)), height);
    let block = Block::bordered()
        .title(" Facets · Enter picks values, each with its count ")
        .border_style(theme.focused_border());
    let width = usize::from(block.inner(popup).width);
    let key_width = Facet::ALL.iter().map(|f| f.key().len()).max().unwrap_or(0) + 2;
    let lines: Vec<Line<'static>> = Facet::ALL
        .iter()
        .enumerate()
        .map(|(k, &facet)| {
            let at_cursor = k == cursor;
            let chosen: Vec<String> = app
                .query
                .values(facet)
                .iter()
                .cloned()
                .chain(app.query.excluded(facet).iter().map(|v| format!("!{v}")))
                .collect();
            let chosen = if chosen.is_empty() { String::new() } else { format!("  = {}", chosen.join(", ")) };
            let mut spans = vec![
                Span::raw(if at_cursor { "▶ " } else { "  " }),
                Span::styled(format!("{:key_width$}", facet.key()), theme.key()),
            ];
            let room = width.saturating_sub(2 + key_width);
            let chosen_width = chosen.chars().count().min(room / 2);
            spans.extend(pad(vec![Span::styled(facet.about(), theme.dim())], room - chosen_width));
            spans.extend(pad(vec![Span::styled(clean(&chosen), theme.label())], chosen_width));
            let line = Line::from(fit(spans, width));
            if at_cursor { line.style(theme.selected()) } else { line }
        })
        .collect();
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

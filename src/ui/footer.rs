//! The bottom line: a prompt, a message, and the keys of the current context from the key
//! table, dropping the least important first so `? help` and `q quit` always show.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::{fit, width_of};
use super::theme::Theme;
use crate::app::{App, Overlay};
use crate::keymap::{self, Context, Hint};
use crate::text::clean;

pub fn render(frame: &mut Frame<'_>, app: &App, theme: &Theme, area: Rect) {
    let width = usize::from(area.width);
    let context = keymap::context(app);
    let mut lead: Vec<Span<'static>> = Vec::new();
    let mut show_hints = true;
    match &app.overlay {
        Some(Overlay::Search { input, cursor, error, .. }) => {
            let split = input.char_indices().nth(*cursor).map_or(input.len(), |(at, _)| at);
            let (before, after) = input.split_at(split);
            lead = vec![
                Span::styled("/", theme.key()),
                Span::raw(clean(before)),
                Span::styled("▏", theme.key()),
                Span::raw(clean(after)),
            ];
            if let Some(error) = error {
                lead.push(Span::styled(format!("  {}", clean(error)), theme.error()));
                show_hints = false;
            }
        }
        Some(Overlay::Export { error: Some(error), confirm: false, .. }) if !app.exporting => {
            lead = vec![Span::styled(format!(" {}", clean(error)), theme.error())];
        }
        Some(Overlay::Export { .. }) if app.exporting => {
            lead = vec![Span::styled(" writing…", theme.key())];
        }
        None => {
            if let Some(status) = &app.status {
                lead = vec![Span::styled(format!(" {}", clean(status)), theme.key())];
            }
        }
        _ => {}
    }
    let hints =
        if show_hints { hints(theme, context, width.saturating_sub(width_of(&lead))) } else { Vec::new() };
    // The lead gives way to the keys that must always show.
    let lead = fit(lead, width.saturating_sub(width_of(&hints)));
    let mut spans = lead;
    spans.extend(hints);
    frame.render_widget(Paragraph::new(Line::from(fit(spans, width))), area);
}

/// The context's hints that fit in `width`, in table order; the lowest priority goes first.
fn hints(theme: &Theme, context: Context, width: usize) -> Vec<Span<'static>> {
    let mut kept: Vec<(&str, Hint)> = keymap::hints(context);
    let must_keep = kept.iter().map(|(_, h)| h.priority).max().unwrap_or(0);
    let width_of_hints = |kept: &[(&str, Hint)]| {
        kept.iter().map(|(k, h)| k.chars().count() + h.text.chars().count() + 3).sum::<usize>()
    };
    while width_of_hints(&kept) > width {
        let lowest = kept
            .iter()
            .enumerate()
            .filter(|(_, (_, h))| h.priority < must_keep)
            .min_by_key(|(i, (_, h))| (h.priority, usize::MAX - i));
        match lowest {
            Some((at, _)) => {
                kept.remove(at);
            }
            None => break,
        }
    }
    let mut spans = Vec::new();
    for (key, hint) in kept {
        spans.push(Span::styled(format!(" {key}"), theme.key()));
        spans.push(Span::styled(format!(" {} ", hint.text), theme.dim()));
    }
    spans
}

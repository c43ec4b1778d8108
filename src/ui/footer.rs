//! The bottom line: the keys that work in the current mode, a prompt, or a message.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::text::fit;
use crate::app::{App, Mode};
use crate::text::clean;
use crate::ui::theme::Theme;

pub fn render(frame: &mut Frame<'_>, app: &App, area: Rect) {
    let theme = &app.theme;
    let spans = match &app.mode {
        Mode::Search { input, error, .. } => {
            let mut spans =
                vec![Span::styled("/", theme.key()), Span::raw(clean(input)), Span::styled("▏", theme.key())];
            match error {
                Some(error) => spans.push(Span::styled(format!("  {}", clean(error)), theme.error())),
                None => spans.extend(keys(theme, &[("Enter", "keep"), ("Esc", "clear"), ("↑/↓", "move")])),
            }
            spans
        }
        Mode::Picker(_) => keys(
            theme,
            &[
                ("↑/↓", "move"),
                ("space", "toggle"),
                ("type", "narrow"),
                ("Enter", "apply"),
                ("Esc", "cancel"),
            ],
        ),
        Mode::DatePrompt { .. } => keys(theme, &[("Enter", "apply (empty clears)"), ("Esc", "cancel")]),
        Mode::ExportPrompt { .. } if app.exporting => {
            vec![Span::styled(" writing…", theme.key()), Span::raw("  ")]
                .into_iter()
                .chain(keys(theme, &[("Esc", "leave it to finish")]))
                .collect()
        }
        Mode::ExportPrompt { confirm: true, .. } => keys(theme, &[("y", "overwrite"), ("n/Esc", "back")]),
        Mode::ExportPrompt { error: Some(error), .. } => {
            vec![Span::styled(format!(" {}", clean(error)), theme.error())]
        }
        Mode::ExportPrompt { .. } => {
            keys(theme, &[("Enter", "write"), ("Esc", "cancel"), ("Ctrl-U", "clear")])
        }
        Mode::Help => keys(theme, &[("Esc/?", "close"), ("q", "quit")]),
        Mode::Browse => match &app.status {
            Some(status) => vec![Span::styled(format!(" {}", clean(status)), theme.key())],
            None => keys(
                theme,
                &[
                    ("j/k", "move"),
                    ("[/]", "month"),
                    ("/", "search"),
                    ("a/w/s", "actor/weapon/source"),
                    ("f/t", "from/to"),
                    ("c", "clear"),
                    ("e", "export"),
                    ("Tab", "focus"),
                    ("?", "help"),
                    ("q", "quit"),
                ],
            ),
        },
    };
    frame.render_widget(Paragraph::new(Line::from(fit(spans, usize::from(area.width)))), area);
}

fn keys(theme: &Theme, pairs: &[(&str, &str)]) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    for (key, what) in pairs {
        spans.push(Span::styled(format!(" {key}"), theme.key()));
        spans.push(Span::styled(format!(" {what} "), theme.dim()));
    }
    spans
}

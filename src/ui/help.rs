//! The help overlay: every binding of the key table, by context, wrapped to the screen so
//! no row is cut, and scrolled when longer than the screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::layout::centered;
use super::theme::Theme;
use crate::keymap;
use crate::model::{EventKind, Status};
use crate::query::TERMS;

/// The widest the help grows on a large screen.
const MAX_WIDTH: u16 = 96;

/// Draw the help scrolled by `scroll` lines; returns the rows it shows and the lines it has.
pub fn render(frame: &mut Frame<'_>, theme: &Theme, scroll: u16, area: Rect) -> (u16, u16) {
    let popup_width = MAX_WIDTH.min(area.width);
    let inner_width = usize::from(popup_width.saturating_sub(2));
    let lines = lines(theme, inner_width);
    let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    // The footer row stays visible under it, with the keys that work here.
    let popup = centered(area, popup_width, total.saturating_add(2).min(area.height.saturating_sub(1)));
    let rows = popup.height.saturating_sub(2);
    let more = if scroll.saturating_add(rows) < total { " · ↓ more " } else { " " };
    let block = Block::bordered()
        .title(" Keys · Esc closes ")
        .title_bottom(Line::styled(more, theme.dim()))
        .border_style(theme.focused_border());
    let shown: Vec<Line<'static>> =
        lines.into_iter().skip(usize::from(scroll)).take(usize::from(rows)).collect();
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(shown).block(block), popup);
    (rows, total)
}

/// Every row, wrapped at `width`: a key column, then its text, continued under the text.
fn lines(theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut sections = keymap::help_sections();
    // The key column is as wide as the keys need; a longer search term has a line of its own.
    let key_width = sections
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(|(key, _)| key.chars().count()))
        .max()
        .unwrap_or(0)
        // A narrow screen gives the text most of the room.
        .min(width / 3);
    let text_width = width.saturating_sub(key_width + 3).max(8);
    sections.extend(words());
    let mut lines = Vec::new();
    for (heading, rows) in sections {
        if rows.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::styled(format!(" {heading}"), theme.label()));
        for (key, what) in rows {
            if key.chars().count() > key_width && width / 3 > key_width {
                lines.push(Line::styled(format!(" {key}"), theme.key()));
                let indent = " ".repeat(key_width + 3);
                let options =
                    textwrap::Options::new(width).initial_indent(&indent).subsequent_indent(&indent);
                lines.extend(textwrap::wrap(what, options).into_iter().map(|l| Line::raw(l.into_owned())));
                continue;
            }
            let keys = textwrap::wrap(key, key_width.max(1));
            let texts = textwrap::wrap(what, text_width);
            for k in 0..keys.len().max(texts.len()) {
                let key = keys.get(k).map(|s| s.to_string()).unwrap_or_default();
                let text = texts.get(k).map(|s| s.to_string()).unwrap_or_default();
                let pad = key_width.saturating_sub(unicode_width::UnicodeWidthStr::width(key.as_str()));
                lines.push(Line::from(vec![
                    Span::styled(format!(" {key}{}  ", " ".repeat(pad)), theme.key()),
                    Span::raw(text),
                ]));
            }
        }
    }
    lines
}

/// What the words of a search mean: the query's terms, each status and each kind.
fn words() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    vec![
        ("search terms (after /, or annals -q)", TERMS.to_vec()),
        ("statuses: how a claim stands", Status::ALL.iter().map(|s| (s.as_str(), s.meaning())).collect()),
        ("kinds: what happened", EventKind::ALL.iter().map(|k| (k.as_str(), k.meaning())).collect()),
    ]
}

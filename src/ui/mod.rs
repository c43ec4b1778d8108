//! Drawing: one render function per panel, each reading `&App` only.

pub mod detail;
pub mod layout;
pub mod text;
pub mod theme;

mod density;
mod footer;
mod header;
mod list;
mod overlay;

use ratatui::Frame;

use crate::app::{App, Mode};
use layout::{ScreenLayout, Size};

/// Draw the whole screen for the app's current state.
pub fn draw(frame: &mut Frame<'_>, app: &App) {
    let area = frame.area();
    let layout = ScreenLayout::new(Size { width: area.width, height: area.height });
    if layout.too_small {
        overlay::too_small(frame, app, area);
        return;
    }
    header::render(frame, app, layout.header);
    density::render(frame, app, layout.density);
    list::render(frame, app, layout.list);
    detail::render(frame, app, layout.detail);
    footer::render(frame, app, layout.footer);
    match &app.mode {
        Mode::Picker(picker) => overlay::picker(frame, app, picker, area),
        Mode::DatePrompt { bound, input, error } => {
            overlay::date_prompt(frame, app, *bound, input, error.as_deref(), area)
        }
        Mode::ExportPrompt { input, confirm, error } => {
            overlay::export_prompt(frame, app, input, *confirm, error.as_deref(), area)
        }
        Mode::Help => overlay::help(frame, app, area),
        Mode::Browse | Mode::Search { .. } => {}
    }
}

/// The shortest of a name and its aliases: "DPRK" for North Korea, "KN-23" for the missile.
fn short_name<'a>(name: &'a str, others: impl Iterator<Item = &'a String>) -> &'a str {
    others
        .map(String::as_str)
        .fold(name, |best, other| if other.chars().count() < best.chars().count() { other } else { best })
}

/// The character positions in `text` that the query's words match, for highlighting.
fn match_positions(app: &App, text: &str) -> Vec<usize> {
    let mut positions: Vec<usize> = app
        .query
        .words
        .iter()
        .filter_map(|word| app.matcher.match_word(text, word))
        .flat_map(|m| m.positions)
        .collect();
    positions.sort_unstable();
    positions.dedup();
    positions
}

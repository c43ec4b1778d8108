//! Drawing: one render module per screen part and overlay, each reading `&App` and the
//! theme only. `draw` returns what it measured, for the app to clamp its scrolling.

pub mod layout;
pub mod text;
pub mod theme;

mod claims;
mod density;
mod detail;
mod figures;
mod footer;
mod header;
mod help;
mod list;
mod overlay;
mod problems;
mod reader;

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::app::{App, Measured, Overlay, Pane, Screen};
use crate::search::Needle;
use layout::{ScreenLayout, Size};
use theme::Theme;

/// Draw the whole screen for the app's current state, and say what it measured.
pub fn draw(frame: &mut Frame<'_>, app: &App, theme: &Theme) -> Measured {
    let area = frame.area();
    let layout = ScreenLayout::new(Size { width: area.width, height: area.height });
    if layout.too_small {
        overlay::too_small(frame, theme, area);
        return Measured::default();
    }
    let mut measured = match app.screen() {
        Screen::Chronology => {
            header::render(frame, app, theme, layout.header);
            density::render(frame, app, theme, layout.density);
            list::render(frame, app, theme, layout.list);
            detail::render(frame, app, theme, layout.detail)
        }
        Screen::Reader(reader) => {
            let body = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
            reader::render(frame, app, reader, theme, body)
        }
        Screen::Figures(view) => {
            let body = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
            figures::render(frame, app, view, theme, body)
        }
        Screen::Claims(table) => {
            let body = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
            claims::render(frame, app, table, theme, body)
        }
        Screen::Problems(problems) => {
            let body = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
            problems::render(frame, problems, theme, body);
            Measured::default()
        }
    };
    measured.list_rows = layout.list_inner_height();
    footer::render(frame, app, theme, layout.footer);
    match &app.overlay {
        Some(Overlay::Picker(picker)) => overlay::picker(frame, theme, picker, area),
        Some(Overlay::Facets { cursor }) => overlay::facet_menu(frame, app, theme, *cursor, area),
        Some(Overlay::Date { bound, input, error }) => {
            overlay::date_prompt(frame, theme, *bound, input, error.as_deref(), area)
        }
        Some(Overlay::Export { input, confirm, error, empty }) => {
            let question = match (*confirm, *empty) {
                (true, true) => Some(overlay::Question::Empty),
                (true, false) => Some(overlay::Question::Overwrite),
                (false, _) => None,
            };
            overlay::export_prompt(frame, app, theme, input, question, error.as_deref(), area)
        }
        Some(Overlay::Help { scroll }) => {
            let (rows, lines) = help::render(frame, theme, *scroll, area);
            measured.help_rows = rows;
            measured.help_lines = lines;
        }
        Some(Overlay::Search { .. }) | None => {}
    }
    measured
}

/// What `draw` would measure at `area`, without a terminal (for tests and the first frame).
pub fn measure(app: &App, area: Rect) -> Measured {
    let backend = ratatui::backend::TestBackend::new(area.width, area.height);
    match ratatui::Terminal::new(backend) {
        Ok(mut terminal) => {
            let mut measured = Measured::default();
            let _ = terminal.draw(|frame| measured = draw(frame, app, &Theme::default()));
            measured
        }
        Err(_) => Measured::default(),
    }
}

/// The pane under a screen cell, for the mouse.
pub fn pane_at(area: Rect, column: u16, row: u16) -> Option<Pane> {
    let layout = ScreenLayout::new(Size { width: area.width, height: area.height });
    if layout.too_small {
        return None;
    }
    if let Some(line) = layout.list_line_at(column, row) {
        Some(Pane::List { line })
    } else if layout.detail_contains(column, row) {
        Some(Pane::Detail)
    } else if layout.list_contains(column, row) {
        // The list's border: the wheel still scrolls it; a click selects the first row shown.
        Some(Pane::List { line: 0 })
    } else {
        None
    }
}

/// The shortest of a name and its aliases: "DPRK" for North Korea, "KN-23" for the missile.
fn short_name<'a>(name: &'a str, others: impl Iterator<Item = &'a String>) -> &'a str {
    others
        .map(String::as_str)
        .fold(name, |best, other| if other.chars().count() < best.chars().count() { other } else { best })
}

/// Who claims an event, by their shortest names: "NIS", "Budanov, HUR".
fn claimants_short(app: &App, event: &crate::model::Event) -> String {
    let names: Vec<String> = event
        .claimed_by
        .iter()
        .map(|id| match app.dataset.actor(id) {
            Some(actor) => crate::text::clean(short_name(&actor.name, actor.aliases.iter())),
            None => crate::text::clean(id),
        })
        .collect();
    names.join(", ")
}

/// True when a word of the query matches `event` only outside its title and summary (in a
/// name or a quote): a weaker match, drawn after (dimmer than) those in the text itself.
fn matched_outside_text(app: &App, event: &crate::model::Event) -> bool {
    app.query.words.iter().filter(|word| !word.negated).any(|word| {
        let needle = Needle::new(&word.text, word.mode);
        [&event.title, &event.summary].iter().all(|text| app.matcher.match_word(text, &needle).is_none())
    })
}

/// The character positions in `text` that the query's words match, for highlighting.
fn match_positions(app: &App, text: &str) -> Vec<usize> {
    let mut positions: Vec<usize> = app
        .query
        .words
        .iter()
        .filter(|word| !word.negated)
        .filter_map(|word| app.matcher.match_word(text, &Needle::new(&word.text, word.mode)))
        .flat_map(|m| m.positions)
        .collect();
    positions.sort_unstable();
    positions.dedup();
    positions
}

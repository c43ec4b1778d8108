//! Key and mouse events, in the current mode, to actions.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind};

use crate::app::{Action, Bound, Mode};
use crate::query::Facet;

/// Every key, as the help overlay and the README list them.
pub const HELP: &[(&str, &str)] = &[
    ("j / k, ↓ / ↑", "next / previous event (scroll, in the detail pane)"),
    ("PgDn / PgUp", "a page down / up"),
    ("g / G, Home / End", "first / last event"),
    ("[ / ]", "previous / next month"),
    ("/", "search words or terms (actor:ID …), filtering as you type; Enter keeps, Esc clears"),
    ("a", "pick actors"),
    ("w", "pick weapon types"),
    ("s", "pick sources"),
    ("f / t", "set the from / to date (empty clears)"),
    ("c", "clear every filter"),
    ("e", "export the filtered view to a file (.md, .json or .csv)"),
    ("Tab", "move focus between the list and the detail pane"),
    ("?", "this help"),
    ("q, Ctrl-C", "quit"),
    ("in a picker", "↑/↓ move, space toggles, type to narrow, Enter applies, Esc cancels"),
    ("mouse", "wheel scrolls the pane under the pointer; click selects a row"),
];

pub fn key_action(mode: &Mode, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == KeyCode::Char('c') {
        return Some(Action::Quit);
    }
    match mode {
        Mode::Browse => browse_key(key.code),
        Mode::Search { .. } | Mode::DatePrompt { .. } | Mode::ExportPrompt { .. } => match key.code {
            KeyCode::Char('u') if ctrl => Some(Action::ClearInput),
            KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Enter => Some(Action::Submit),
            KeyCode::Esc => Some(Action::Cancel),
            KeyCode::Down => Some(Action::Move(1)),
            KeyCode::Up => Some(Action::Move(-1)),
            KeyCode::PageDown => Some(Action::PageDown),
            KeyCode::PageUp => Some(Action::PageUp),
            _ => None,
        },
        Mode::Picker(_) => match key.code {
            KeyCode::Char('u') if ctrl => Some(Action::ClearInput),
            KeyCode::Char(' ') => Some(Action::PickerToggle),
            KeyCode::Char(c) if !ctrl => Some(Action::Input(c)),
            KeyCode::Backspace => Some(Action::Backspace),
            KeyCode::Enter => Some(Action::Submit),
            KeyCode::Esc => Some(Action::Cancel),
            KeyCode::Down => Some(Action::PickerMove(1)),
            KeyCode::Up => Some(Action::PickerMove(-1)),
            KeyCode::PageDown => Some(Action::PageDown),
            KeyCode::PageUp => Some(Action::PageUp),
            KeyCode::Home => Some(Action::First),
            KeyCode::End => Some(Action::Last),
            _ => None,
        },
        Mode::Help => match key.code {
            KeyCode::Char('q') => Some(Action::Quit),
            KeyCode::Esc | KeyCode::Char('?') | KeyCode::Enter => Some(Action::Cancel),
            _ => None,
        },
    }
}

fn browse_key(code: KeyCode) -> Option<Action> {
    Some(match code {
        KeyCode::Char('q') => Action::Quit,
        KeyCode::Char('j') | KeyCode::Down => Action::Move(1),
        KeyCode::Char('k') | KeyCode::Up => Action::Move(-1),
        KeyCode::PageDown => Action::PageDown,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::Char('g') | KeyCode::Home => Action::First,
        KeyCode::Char('G') | KeyCode::End => Action::Last,
        KeyCode::Char('[') => Action::PreviousMonth,
        KeyCode::Char(']') => Action::NextMonth,
        KeyCode::Tab | KeyCode::BackTab => Action::ToggleFocus,
        KeyCode::Char('/') => Action::StartSearch,
        KeyCode::Char('a') => Action::OpenPicker(Facet::Actor),
        KeyCode::Char('w') => Action::OpenPicker(Facet::Weapon),
        KeyCode::Char('s') => Action::OpenPicker(Facet::Source),
        KeyCode::Char('f') => Action::OpenDatePrompt(Bound::From),
        KeyCode::Char('t') => Action::OpenDatePrompt(Bound::To),
        KeyCode::Char('c') => Action::ClearFilters,
        KeyCode::Char('e') => Action::StartExport,
        KeyCode::Char('?') => Action::ShowHelp,
        _ => return None,
    })
}

pub fn mouse_action(mouse: MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::Wheel { column, row, lines: 3 }),
        MouseEventKind::ScrollUp => Some(Action::Wheel { column, row, lines: -3 }),
        MouseEventKind::Down(ratatui::crossterm::event::MouseButton::Left) => {
            Some(Action::Click { column, row })
        }
        _ => None,
    }
}

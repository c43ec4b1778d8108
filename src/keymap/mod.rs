//! The one table of key bindings. Dispatch, the help overlay, the footer's hints and the
//! README's keys table all read it, so they cannot disagree.

use std::sync::LazyLock;

use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

mod table;

use crate::app::{Action, App, Focus, Overlay, Pane, Screen};

/// Where a key is pressed: the pane or overlay that has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// The chronology, with the list focused.
    List,
    /// The chronology, with the detail pane focused.
    Detail,
    Search,
    Picker,
    /// The facet menu.
    Facets,
    /// The date or export prompt.
    Prompt,
    /// The export prompt asking whether to overwrite.
    Confirm,
    /// The export prompt while the file is being written.
    Writing,
    Help,
    /// The source reader.
    Reader,
    /// The figures view.
    Figures,
    /// The claims table.
    Claims,
    /// The problems found in the data files on a reload.
    Problems,
}

impl Context {
    /// Every context, in the order the help overlay shows them.
    pub const ALL: [Context; 13] = [
        Context::List,
        Context::Detail,
        Context::Reader,
        Context::Figures,
        Context::Claims,
        Context::Problems,
        Context::Search,
        Context::Picker,
        Context::Facets,
        Context::Prompt,
        Context::Confirm,
        Context::Writing,
        Context::Help,
    ];

    /// What the help overlay and the README call it.
    pub fn name(self) -> &'static str {
        match self {
            Context::List => "list",
            Context::Detail => "detail pane",
            Context::Search => "search prompt",
            Context::Picker => "picker",
            Context::Facets => "facet menu",
            Context::Prompt => "date or export prompt",
            Context::Confirm => "export: write anyway?",
            Context::Writing => "while writing",
            Context::Help => "help",
            Context::Reader => "source reader",
            Context::Figures => "figures view",
            Context::Claims => "claims table",
            Context::Problems => "problems screen",
        }
    }

    /// Whether typed characters are text (a prompt or a picker's narrowing).
    fn takes_text(self) -> bool {
        matches!(self, Context::Search | Context::Picker | Context::Prompt)
    }
}

/// A key: its code, and whether Ctrl is held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), ctrl: true }
}

/// A footer hint: the text shown after the key, and its priority (higher stays longer when
/// the footer is narrow).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub text: &'static str,
    pub priority: u8,
}

/// One binding: some keys, in some contexts, doing one action.
#[derive(Debug, Clone)]
pub struct Binding {
    pub contexts: &'static [Context],
    pub keys: Vec<Key>,
    /// The keys as the help shows them (`j / ↓`).
    pub label: &'static str,
    /// The keys as the footer shows them (`j/k`); bindings that share a footer entry give it once.
    pub short: &'static str,
    pub action: Action,
    pub help: &'static str,
    pub hint: Option<Hint>,
}

/// Every binding, in the order the help lists them.
pub fn bindings() -> &'static [Binding] {
    static TABLE: LazyLock<Vec<Binding>> = LazyLock::new(table::table);
    &TABLE
}

/// Where the keys go now.
pub fn context(app: &App) -> Context {
    match &app.overlay {
        Some(Overlay::Search { .. }) => Context::Search,
        Some(Overlay::Picker(_)) => Context::Picker,
        Some(Overlay::Facets { .. }) => Context::Facets,
        Some(Overlay::Date { .. }) => Context::Prompt,
        Some(Overlay::Export { .. }) if app.exporting => Context::Writing,
        Some(Overlay::Export { confirm: true, .. }) => Context::Confirm,
        Some(Overlay::Export { .. }) => Context::Prompt,
        Some(Overlay::Help { .. }) => Context::Help,
        None => match app.screen() {
            Screen::Chronology => match app.chronology.focus {
                Focus::List => Context::List,
                Focus::Detail => Context::Detail,
            },
            Screen::Reader(_) => Context::Reader,
            Screen::Figures(_) => Context::Figures,
            Screen::Claims(_) => Context::Claims,
            Screen::Problems(_) => Context::Problems,
        },
    }
}

/// The action a key press asks for in `context`, if any.
pub fn key_action(context: Context, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let pressed = Key { code: key.code, ctrl: key.modifiers.contains(KeyModifiers::CONTROL) };
    let bound = bindings().iter().find(|b| b.contexts.contains(&context) && b.keys.contains(&pressed));
    match (bound, pressed) {
        (Some(binding), _) => Some(binding.action.clone()),
        (None, Key { code: KeyCode::Char(c), ctrl: false }) if context.takes_text() => Some(Action::Input(c)),
        _ => None,
    }
}

/// The action a mouse event asks for, given the pane under the pointer (the UI finds it).
pub fn mouse_action(mouse: MouseEvent, pane: Option<Pane>) -> Option<Action> {
    let pane = pane?;
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Action::Wheel(pane, 3)),
        MouseEventKind::ScrollUp => Some(Action::Wheel(pane, -3)),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(pane)),
        _ => None,
    }
}

/// The footer's hints for `context`, one per footer entry, in table order: (keys, text, priority).
pub fn hints(context: Context) -> Vec<(&'static str, Hint)> {
    bindings()
        .iter()
        .filter(|b| b.contexts.contains(&context))
        .filter_map(|b| b.hint.map(|hint| (b.short, hint)))
        .collect()
}

/// The help overlay's rows: a context heading, then (keys, what they do) for each binding.
pub fn help_sections() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    Context::ALL
        .iter()
        .map(|&context| {
            let rows = bindings()
                .iter()
                .filter(|b| b.contexts.first() == Some(&context))
                .map(|b| (b.label, b.help))
                .collect();
            (heading(context), rows)
        })
        .chain([("anywhere", extra_rows())])
        .collect()
}

/// What no single binding says: typing text, and the mouse.
fn extra_rows() -> Vec<(&'static str, &'static str)> {
    vec![
        ("type", "in a prompt: the text; in a picker: narrow the values"),
        ("mouse", "wheel scrolls the pane under the pointer; click selects a row or focuses the pane"),
    ]
}

fn heading(context: Context) -> &'static str {
    match context {
        Context::List => "the chronology (list and detail pane)",
        Context::Figures => "figures view and claims table",
        other => other.name(),
    }
}

/// The README's keys table, made from the table (a test keeps the README in step).
pub fn markdown_table() -> String {
    let mut out = String::from("| where | key | what it does |\n|---|---|---|\n");
    for (heading, rows) in help_sections() {
        for (keys, what) in rows {
            out.push_str(&format!("| {heading} | {} | {what} |\n", keys.replace('|', "\\|")));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::table::EVERYWHERE;
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    fn press(context: Context, code: KeyCode) -> Option<Action> {
        key_action(context, KeyEvent::from(code))
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for context in EVERYWHERE {
            let mut seen = Vec::new();
            for binding in bindings().iter().filter(|b| b.contexts.contains(context)) {
                for key in &binding.keys {
                    assert!(!seen.contains(key), "{key:?} bound twice in {context:?}");
                    seen.push(*key);
                }
            }
        }
    }

    #[test]
    fn the_list_and_the_detail_pane_give_the_same_key_their_own_meaning() {
        assert_eq!(press(Context::List, KeyCode::Char('j')), Some(Action::Move(1)));
        assert_eq!(press(Context::Detail, KeyCode::Char('j')), Some(Action::ScrollDetail(1)));
        assert_eq!(press(Context::List, KeyCode::Char('G')), Some(Action::Last));
        assert_eq!(press(Context::Detail, KeyCode::Char('G')), Some(Action::DetailBottom));
        assert_eq!(press(Context::Detail, KeyCode::PageDown), Some(Action::DetailPage(1)));
        assert_eq!(press(Context::List, KeyCode::Char('/')), Some(Action::StartSearch));
    }

    #[test]
    fn prompts_take_text_and_the_chronology_does_not() {
        assert_eq!(press(Context::Search, KeyCode::Char('q')), Some(Action::Input('q')));
        assert_eq!(press(Context::Picker, KeyCode::Char(' ')), Some(Action::PickerToggle));
        assert_eq!(press(Context::Prompt, KeyCode::Char('j')), Some(Action::Input('j')));
        assert_eq!(press(Context::List, KeyCode::Char('x')), None);
        assert_eq!(press(Context::Confirm, KeyCode::Char('y')), Some(Action::Input('y')));
        assert_eq!(press(Context::Confirm, KeyCode::Char('x')), None);
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for context in EVERYWHERE {
            assert_eq!(key_action(*context, ctrl_c), Some(Action::Quit), "{context:?}");
        }
    }

    #[test]
    fn help_and_quit_are_hints_the_footer_keeps_longest() {
        for context in [Context::List, Context::Detail] {
            let hints = hints(context);
            let top = hints.iter().map(|(_, h)| h.priority).max();
            for (keys, text) in [("?", "help"), ("q", "quit")] {
                let hint = hints.iter().find(|(k, h)| *k == keys && h.text == text).expect("hint");
                assert_eq!(Some(hint.1.priority), top);
            }
        }
    }

    #[test]
    fn every_binding_is_in_the_help() {
        let listed: Vec<&str> =
            help_sections().iter().flat_map(|(_, rows)| rows.iter().map(|r| r.1)).collect();
        for binding in bindings() {
            assert!(listed.contains(&binding.help), "{} is not in the help", binding.help);
        }
    }
}

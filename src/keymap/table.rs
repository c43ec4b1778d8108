//! The binding table itself: every key, where it works, what it does, its help and hint.

use ratatui::crossterm::event::KeyCode;

use super::{Binding, Context, Hint, Key, ch, ctrl, key};
use crate::app::{Action, Bound, ClaimsColumn};
use crate::query::Facet;

/// The priority that keeps a hint on the narrowest footer.
pub(super) const ALWAYS: u8 = 9;

const CHRONOLOGY: &[Context] = &[Context::List, Context::Detail];
const LIST: &[Context] = &[Context::List];
const DETAIL: &[Context] = &[Context::Detail];
const SEARCH: &[Context] = &[Context::Search];
const PICKER: &[Context] = &[Context::Picker];
const FACETS: &[Context] = &[Context::Facets];
const TEXT: &[Context] = &[Context::Search, Context::Picker, Context::Prompt];
const PROMPTS: &[Context] = &[Context::Prompt];
const CONFIRM: &[Context] = &[Context::Confirm];
const WRITING: &[Context] = &[Context::Writing];
const HELP: &[Context] = &[Context::Help];
const READER: &[Context] = &[Context::Reader];
const FIGURES: &[Context] = &[Context::Figures];
const CLAIMS: &[Context] = &[Context::Claims];
/// The figures view and the claims table move alike.
const TABLES: &[Context] = &[Context::Figures, Context::Claims];
const PROBLEMS: &[Context] = &[Context::Problems];
const EDITABLE: &[Context] =
    &[Context::List, Context::Detail, Context::Reader, Context::Figures, Context::Claims];
pub(super) const EVERYWHERE: &[Context] = &Context::ALL;

fn bind(
    contexts: &'static [Context],
    keys: &[Key],
    label: &'static str,
    short: &'static str,
    action: Action,
    help: &'static str,
    hint: Option<(&'static str, u8)>,
) -> Binding {
    let hint = hint.map(|(text, priority)| Hint { text, priority });
    Binding { contexts, keys: keys.to_vec(), label, short, action, help, hint }
}

/// Every binding, in the order the help lists them within each context.
pub(super) fn table() -> Vec<Binding> {
    [chronology(), overlays(), screens()].concat()
}

/// The chronology: its list, its detail pane, and the keys that open the rest.
#[rustfmt::skip]
fn chronology() -> Vec<Binding> {
    use KeyCode::*;
    vec![
        bind(LIST, &[ch('j'), key(Down)], "j / ↓", "j/k", Action::Move(1), "next event", Some(("move", 6))),
        bind(LIST, &[ch('k'), key(Up)], "k / ↑", "j/k", Action::Move(-1), "previous event", None),
        bind(LIST, &[key(PageDown)], "PgDn", "PgDn/PgUp", Action::PageDown, "a page down", None),
        bind(LIST, &[key(PageUp)], "PgUp", "PgDn/PgUp", Action::PageUp, "a page up", None),
        bind(LIST, &[ch('g'), key(Home)], "g / Home", "g/G", Action::First, "first event", None),
        bind(LIST, &[ch('G'), key(End)], "G / End", "g/G", Action::Last, "last event", None),
        bind(DETAIL, &[ch('j'), key(Down)], "j / ↓", "j/k", Action::ScrollDetail(1), "scroll the detail pane down", Some(("scroll", 6))),
        bind(DETAIL, &[ch('k'), key(Up)], "k / ↑", "j/k", Action::ScrollDetail(-1), "scroll the detail pane up", None),
        bind(DETAIL, &[key(PageDown)], "PgDn", "PgDn/PgUp", Action::DetailPage(1), "a page down in the detail pane", Some(("page", 3))),
        bind(DETAIL, &[key(PageUp)], "PgUp", "PgDn/PgUp", Action::DetailPage(-1), "a page up in the detail pane", None),
        bind(DETAIL, &[ch('g'), key(Home)], "g / Home", "g/G", Action::DetailTop, "top of the detail pane", Some(("top/end", 2))),
        bind(DETAIL, &[ch('G'), key(End)], "G / End", "g/G", Action::DetailBottom, "end of the detail pane", None),
        bind(CHRONOLOGY, &[ch('[')], "[", "[/]", Action::PreviousMonth, "previous month", Some(("month", 4))),
        bind(CHRONOLOGY, &[ch(']')], "]", "[/]", Action::NextMonth, "next month", None),
        bind(CHRONOLOGY, &[ch('/')], "/", "/", Action::StartSearch, "search words or terms (actor:ID …), filtering as you type", Some(("search", 8))),
        bind(CHRONOLOGY, &[ch('a')], "a", "a/w/s", Action::OpenPicker(Facet::Actor), "pick actors", Some(("actor/weapon/source", 5))),
        bind(CHRONOLOGY, &[ch('w')], "w", "a/w/s", Action::OpenPicker(Facet::Weapon), "pick weapon types", None),
        bind(CHRONOLOGY, &[ch('s')], "s", "a/w/s", Action::OpenPicker(Facet::Source), "pick sources", None),
        bind(CHRONOLOGY, &[ch('F')], "F", "F", Action::OpenFacetMenu, "pick any facet: status, kind, claimant, sender, receiver, grade, country …", Some(("facets", 5))),
        bind(CHRONOLOGY, &[ch('O')], "O", "O", Action::ToggleOrder, "order by when it happened, or by when it was claimed (order:reported)", Some(("order", 2))),
        bind(CHRONOLOGY, &[ch('f')], "f", "f/t", Action::OpenDatePrompt(Bound::From), "set the from date (empty clears)", Some(("from/to", 3))),
        bind(CHRONOLOGY, &[ch('t')], "t", "f/t", Action::OpenDatePrompt(Bound::To), "set the to date (empty clears)", None),
        bind(CHRONOLOGY, &[ch('c')], "c", "c", Action::ClearFilters, "clear every filter", Some(("clear", 2))),
        bind(CHRONOLOGY, &[ch('e')], "e", "e", Action::StartExport, "export the filtered view to a file (.md, .json or .csv)", Some(("export", 4))),
        bind(CHRONOLOGY, &[key(Tab), key(BackTab)], "Tab", "Tab", Action::ToggleFocus, "move focus between the list and the detail pane", Some(("focus", 5))),
        bind(CHRONOLOGY, &[ch('o')], "o", "o", Action::OpenSource, "read the article behind the event, its quote highlighted in place", Some(("source", 7))),
        bind(DETAIL, &[ch('n')], "n", "n/N", Action::NextLink, "next link: a related event or a citation", Some(("link", 6))),
        bind(DETAIL, &[ch('N')], "N", "n/N", Action::PreviousLink, "previous link", None),
        bind(DETAIL, &[key(Enter)], "Enter", "Enter", Action::Submit, "follow the link: select the related event, or read the cited article", Some(("follow", 6))),
        bind(CHRONOLOGY, &[ch('#')], "#", "#", Action::OpenFigures, "the figures of the filtered events: how much, says who, and how it changed", Some(("figures", 3))),
        bind(CHRONOLOGY, &[ch('T')], "T", "T", Action::OpenClaims, "the filtered events as a table of claims, sortable by any column", Some(("claims", 2))),
        bind(CHRONOLOGY, &[key(Backspace), ctrl('o')], "Backspace / Ctrl-O", "Bksp", Action::Back, "go back to where you were before the last jump", Some(("back", 1))),
        bind(CHRONOLOGY, &[ch('?')], "?", "?", Action::ShowHelp, "all the keys", Some(("help", ALWAYS))),
        bind(CHRONOLOGY, &[ch('q')], "q", "q", Action::Quit, "quit", Some(("quit", ALWAYS))),
        bind(EVERYWHERE, &[ctrl('c')], "Ctrl-C", "Ctrl-C", Action::Quit, "quit, from anywhere", None),
    ]
}

/// The prompts, the picker and the help, drawn over a screen.
#[rustfmt::skip]
fn overlays() -> Vec<Binding> {
    use KeyCode::*;
    vec![
        bind(SEARCH, &[key(Enter)], "Enter", "Enter", Action::Submit, "keep the search", Some(("keep", ALWAYS))),
        bind(SEARCH, &[key(Esc)], "Esc", "Esc", Action::Cancel, "put back the query as it was when the prompt opened", Some(("cancel", ALWAYS))),
        bind(SEARCH, &[key(Up)], "↑", "↑/↓", Action::HistoryPrevious, "an earlier search", Some(("history", 5))),
        bind(SEARCH, &[key(Down)], "↓", "↑/↓", Action::HistoryNext, "a later search", None),
        bind(SEARCH, &[key(Left)], "←", "←/→", Action::CursorLeft, "cursor left", None),
        bind(SEARCH, &[key(Right)], "→", "←/→", Action::CursorRight, "cursor right", None),
        bind(SEARCH, &[key(Home)], "Home", "Home/End", Action::CursorHome, "cursor to the start", None),
        bind(SEARCH, &[key(End)], "End", "Home/End", Action::CursorEnd, "cursor to the end", None),
        bind(SEARCH, &[ctrl('n')], "Ctrl-N", "Ctrl-N/P", Action::Move(1), "next event", Some(("move", 4))),
        bind(SEARCH, &[ctrl('p')], "Ctrl-P", "Ctrl-N/P", Action::Move(-1), "previous event", None),
        bind(SEARCH, &[key(PageDown)], "PgDn", "PgDn/PgUp", Action::PageDown, "a page down", None),
        bind(SEARCH, &[key(PageUp)], "PgUp", "PgDn/PgUp", Action::PageUp, "a page up", None),
        bind(PICKER, &[key(Down)], "↓", "↑/↓", Action::PickerMove(1), "next value", Some(("move", 5))),
        bind(PICKER, &[key(Up)], "↑", "↑/↓", Action::PickerMove(-1), "previous value", None),
        bind(PICKER, &[key(PageDown)], "PgDn", "PgDn/PgUp", Action::PageDown, "ten values down", None),
        bind(PICKER, &[key(PageUp)], "PgUp", "PgDn/PgUp", Action::PageUp, "ten values up", None),
        bind(PICKER, &[key(Home)], "Home", "Home/End", Action::First, "first value", None),
        bind(PICKER, &[key(End)], "End", "Home/End", Action::Last, "last value", None),
        bind(PICKER, &[ch(' ')], "Space", "space", Action::PickerToggle, "choose or unchoose the value", Some(("toggle", 7))),
        bind(PICKER, &[key(Enter)], "Enter", "Enter", Action::Submit, "apply the chosen values (none toggled: the highlighted one too)", Some(("apply", ALWAYS))),
        bind(PICKER, &[key(Esc)], "Esc", "Esc", Action::Cancel, "cancel", Some(("cancel", ALWAYS))),
        bind(FACETS, &[ch('j'), key(Down)], "j / ↓", "j/k", Action::Move(1), "next facet", Some(("move", 5))),
        bind(FACETS, &[ch('k'), key(Up)], "k / ↑", "j/k", Action::Move(-1), "previous facet", None),
        bind(FACETS, &[key(Enter), ch(' ')], "Enter", "Enter", Action::Submit, "pick values of the facet", Some(("pick", ALWAYS))),
        bind(FACETS, &[key(Esc), ch('F')], "Esc", "Esc", Action::Cancel, "close the menu", Some(("close", ALWAYS))),
        bind(PROMPTS, &[key(Enter)], "Enter", "Enter", Action::Submit, "apply (an empty date clears it; an export writes)", Some(("apply", ALWAYS))),
        bind(PROMPTS, &[key(Esc)], "Esc", "Esc", Action::Cancel, "cancel", Some(("cancel", ALWAYS))),
        bind(TEXT, &[key(Backspace)], "Backspace", "Backspace", Action::Backspace, "delete the character before the cursor", None),
        bind(TEXT, &[ctrl('w')], "Ctrl-W", "Ctrl-W", Action::DeleteWord, "delete the word before the cursor", None),
        bind(TEXT, &[ctrl('u')], "Ctrl-U", "Ctrl-U", Action::ClearInput, "clear what was typed", Some(("clear", 1))),
        bind(CONFIRM, &[ch('y'), ch('Y')], "y", "y", Action::Input('y'), "yes: overwrite the file, or write a view with no events", Some(("yes", ALWAYS))),
        bind(CONFIRM, &[ch('n'), ch('N'), key(Esc)], "n / Esc", "n/Esc", Action::Cancel, "back to the file name", Some(("back", ALWAYS))),
        bind(WRITING, &[key(Esc)], "Esc", "Esc", Action::Cancel, "close the prompt; the file is still written", Some(("leave it to finish", ALWAYS))),
        bind(HELP, &[ch('j'), key(Down)], "j / ↓", "j/k", Action::Move(1), "scroll down", Some(("scroll", 5))),
        bind(HELP, &[ch('k'), key(Up)], "k / ↑", "j/k", Action::Move(-1), "scroll up", None),
        bind(HELP, &[key(PageDown)], "PgDn", "PgDn/PgUp", Action::PageDown, "a page down", None),
        bind(HELP, &[key(PageUp)], "PgUp", "PgDn/PgUp", Action::PageUp, "a page up", None),
        bind(HELP, &[ch('g'), key(Home)], "g / Home", "g/G", Action::First, "top", None),
        bind(HELP, &[ch('G'), key(End)], "G / End", "g/G", Action::Last, "end", None),
        bind(HELP, &[key(Esc), ch('?'), key(Enter)], "Esc / ? / Enter", "Esc/?", Action::Cancel, "close the help", Some(("close", ALWAYS))),
        bind(HELP, &[ch('q')], "q", "q", Action::Quit, "quit", Some(("quit", ALWAYS))),
    ]
}

/// The screens over the chronology: the reader, the figures view and claims table, problems.
#[rustfmt::skip]
fn screens() -> Vec<Binding> {
    use KeyCode::*;
    vec![
        bind(READER, &[ch('j'), key(Down)], "j / ↓", "j/k", Action::Move(1), "scroll down", Some(("scroll", 4))),
        bind(READER, &[ch('k'), key(Up)], "k / ↑", "j/k", Action::Move(-1), "scroll up", None),
        bind(READER, &[key(PageDown)], "PgDn", "PgDn/PgUp", Action::PageDown, "a page down", None),
        bind(READER, &[key(PageUp)], "PgUp", "PgDn/PgUp", Action::PageUp, "a page up", None),
        bind(READER, &[ch('g'), key(Home)], "g / Home", "g/G", Action::First, "top of the article", None),
        bind(READER, &[ch('G'), key(End)], "G / End", "g/G", Action::Last, "end of the article", None),
        bind(READER, &[ch('n')], "n", "n/N", Action::NextPassage, "next cited passage", Some(("passage", 7))),
        bind(READER, &[ch('N')], "N", "n/N", Action::PreviousPassage, "previous cited passage", None),
        bind(READER, &[key(Tab)], "Tab", "Tab", Action::NextLink, "next of the events citing the passage", Some(("event", 5))),
        bind(READER, &[key(BackTab)], "Shift-Tab", "Tab", Action::PreviousLink, "previous of the events citing the passage", None),
        bind(READER, &[key(Enter)], "Enter", "Enter", Action::Submit, "show that event in the chronology", Some(("show event", 6))),
        bind(READER, &[key(Esc), key(Backspace), ctrl('o')], "Esc / Backspace / Ctrl-O", "Esc", Action::Back, "back to where you were", Some(("back", ALWAYS))),
        bind(READER, &[ch('?')], "?", "?", Action::ShowHelp, "all the keys", Some(("help", ALWAYS))),
        bind(READER, &[ch('q')], "q", "q", Action::Quit, "quit", Some(("quit", ALWAYS))),
        bind(TABLES, &[ch('j'), key(Down)], "j / ↓", "j/k", Action::Move(1), "next row", Some(("move", 5))),
        bind(TABLES, &[ch('k'), key(Up)], "k / ↑", "j/k", Action::Move(-1), "previous row", None),
        bind(TABLES, &[key(PageDown)], "PgDn", "PgDn/PgUp", Action::PageDown, "a page down", None),
        bind(TABLES, &[key(PageUp)], "PgUp", "PgDn/PgUp", Action::PageUp, "a page up", None),
        bind(TABLES, &[ch('g'), key(Home)], "g / Home", "g/G", Action::First, "first row", None),
        bind(TABLES, &[ch('G'), key(End)], "G / End", "g/G", Action::Last, "last row", None),
        bind(FIGURES, &[ch('n'), key(Tab)], "n / Tab", "n/N", Action::NextItem, "figures view: the next item's figures", Some(("item", 6))),
        bind(FIGURES, &[ch('N'), key(BackTab)], "N / Shift-Tab", "n/N", Action::PreviousItem, "figures view: the previous item's figures", None),
        bind(CLAIMS, &[ch('1')], "1", "1-8", Action::SortBy(ClaimsColumn::Date), "sort by date (again: the other way)", Some(("sort", 7))),
        bind(CLAIMS, &[ch('2')], "2", "1-8", Action::SortBy(ClaimsColumn::Reported), "sort by when it was reported", None),
        bind(CLAIMS, &[ch('3')], "3", "1-8", Action::SortBy(ClaimsColumn::Claimant), "sort by claimant", None),
        bind(CLAIMS, &[ch('4')], "4", "1-8", Action::SortBy(ClaimsColumn::Status), "sort by status", None),
        bind(CLAIMS, &[ch('5')], "5", "1-8", Action::SortBy(ClaimsColumn::Grade), "sort by source grade", None),
        bind(CLAIMS, &[ch('6')], "6", "1-8", Action::SortBy(ClaimsColumn::Kind), "sort by kind", None),
        bind(CLAIMS, &[ch('7')], "7", "1-8", Action::SortBy(ClaimsColumn::Quantity), "sort by quantity (its unit, then its best value)", None),
        bind(CLAIMS, &[ch('8')], "8", "1-8", Action::SortBy(ClaimsColumn::Title), "sort by title", None),
        bind(TABLES, &[key(Enter)], "Enter", "Enter", Action::Submit, "show the event in the chronology", Some(("show event", 6))),
        bind(TABLES, &[key(Esc), key(Backspace), ctrl('o')], "Esc / Backspace / Ctrl-O", "Esc", Action::Back, "back to where you were", Some(("back", ALWAYS))),
        bind(TABLES, &[ch('?')], "?", "?", Action::ShowHelp, "all the keys", Some(("help", ALWAYS))),
        bind(TABLES, &[ch('q')], "q", "q", Action::Quit, "quit", Some(("quit", ALWAYS))),
        bind(EDITABLE, &[ch('E')], "E", "E", Action::Edit, "edit the record (in the reader: the source) in $VISUAL or $EDITOR, at its line", Some(("edit", 2))),
        bind(EDITABLE, &[ch('r')], "r", "r", Action::Reload, "load the data files again (with --watch, saving does it)", Some(("reload", 1))),
        bind(PROBLEMS, &[ch('j'), key(Down)], "j / ↓", "j/k", Action::Move(1), "scroll down", Some(("scroll", 4))),
        bind(PROBLEMS, &[ch('k'), key(Up)], "k / ↑", "j/k", Action::Move(-1), "scroll up", None),
        bind(PROBLEMS, &[key(PageDown)], "PgDn", "PgDn/PgUp", Action::PageDown, "a page down", None),
        bind(PROBLEMS, &[key(PageUp)], "PgUp", "PgDn/PgUp", Action::PageUp, "a page up", None),
        bind(PROBLEMS, &[ch('r')], "r", "r", Action::Reload, "load the data files again", Some(("reload", 6))),
        bind(PROBLEMS, &[key(Esc)], "Esc", "Esc", Action::Cancel, "show the last good data (this screen comes back while the files have problems)", Some(("last good data", ALWAYS))),
        bind(PROBLEMS, &[ch('q')], "q", "q", Action::Quit, "quit", Some(("quit", ALWAYS))),
        bind(PROBLEMS, &[ch('?')], "?", "?", Action::ShowHelp, "all the keys", Some(("help", ALWAYS))),
    ]
}

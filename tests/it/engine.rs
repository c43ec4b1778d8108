//! One engine: the query string the TUI shows in its header, given to `annals list --query`,
//! lists exactly the events on screen, in the same order.

use std::sync::Arc;

use annals::app::{Action, App, Bound};
use annals::load::{self, Bundled};
use annals::query::{Facet, Query};
use annals::search::WordStartMatcher;
use assert_cmd::Command;

fn tui_then_cli(actions: &[Action]) {
    let dataset = load::load(&Bundled).expect("the bundled dataset loads");
    let mut app = App::new(Arc::new(dataset), Arc::new(WordStartMatcher), Query::default());
    for action in actions {
        app.update(action.clone());
    }
    let header_query = app.query.to_string();
    assert!(
        !app.chronology.visible.is_empty(),
        "a scenario that shows nothing proves nothing: {header_query:?}"
    );
    eprintln!("{header_query:?}: {} events", app.chronology.visible.len());
    let on_screen: Vec<&str> =
        app.chronology.visible.iter().map(|&i| app.dataset.events()[i].id.as_str()).collect();
    let output = Command::cargo_bin("annals")
        .expect("binary")
        .args(["list", "--format", "json", "--query", &header_query])
        .output()
        .expect("annals runs");
    assert!(output.status.success(), "{header_query}: {}", String::from_utf8_lossy(&output.stderr));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let listed: Vec<&str> =
        json.as_array().expect("array").iter().map(|e| e["id"].as_str().expect("id")).collect();
    assert_eq!(listed, on_screen, "query {header_query:?}");
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Input).collect()
}

#[test]
fn a_search_lists_the_same_events() {
    let mut actions = vec![Action::StartSearch];
    actions.extend(typed("artilery shels"));
    actions.push(Action::Submit);
    tui_then_cli(&actions);
}

#[test]
fn pickers_dates_and_words_list_the_same_events() {
    let mut actions = vec![Action::OpenPicker(Facet::Actor), Action::PickerToggle, Action::PickerMove(1)];
    actions.extend([
        Action::PickerToggle,
        Action::Submit,
        Action::OpenPicker(Facet::Weapon),
        Action::PickerToggle,
    ]);
    actions.extend([Action::Submit, Action::OpenDatePrompt(Bound::From)]);
    actions.extend(typed("2023-09"));
    actions.extend([Action::Submit, Action::StartSearch]);
    actions.extend(typed("korea"));
    tui_then_cli(&actions);
}

#[test]
fn a_source_and_an_end_date_list_the_same_events() {
    let mut actions =
        vec![Action::OpenPicker(Facet::Source), Action::PickerMove(2), Action::PickerToggle, Action::Submit];
    actions.push(Action::OpenDatePrompt(Bound::To));
    actions.extend(typed("2025-01"));
    actions.push(Action::Submit);
    tui_then_cli(&actions);
}

#[test]
fn no_filter_lists_everything() {
    tui_then_cli(&[]);
}

#[test]
fn the_new_terms_the_order_and_exclusions_list_the_same_events_in_the_same_order() {
    let mut actions = vec![Action::OpenFacetMenu, Action::Move(1), Action::Submit];
    actions.extend(typed("transf"));
    actions.extend([Action::Submit, Action::ToggleOrder, Action::StartSearch]);
    actions.extend(typed("!shells"));
    actions.push(Action::Submit);
    tui_then_cli(&actions);
}

//! `App::update` for every action, without a terminal.

use std::sync::Arc;

use annals::app::{Action, App, Bound, Focus, Overlay, Row};
use annals::model::{
    Actor, ActorKind, Citation, Dataset, Event, EventKind, Grade, Source, Status, WeaponCategory, WeaponType,
};
use annals::query::{Facet, Query};
use annals::search::WordStartMatcher;

fn event(id: &str, date: &str, title: &str, actors: &[&str], weapons: &[&str]) -> Event {
    Event {
        id: id.to_string(),
        date: date.parse().expect("valid test date"),
        date_basis: None,
        reported: None,
        reported_basis: None,
        title: title.to_string(),
        summary: format!("Summary of {title}."),
        kind: EventKind::Transfer,
        status: Status::Reported,
        actors: actors.iter().map(|a| a.to_string()).collect(),
        weapons: weapons.iter().map(|w| w.to_string()).collect(),
        from: None,
        to: None,
        claimed_by: vec!["nis".to_string()],
        related: Vec::new(),
        quantities: Vec::new(),
        citations: vec![Citation { source: "src".to_string(), quote: "q".to_string() }],
        credibility: None,
        credibility_reason: None,
    }
}

fn actor(id: &str, name: &str, kind: ActorKind) -> Actor {
    Actor { id: id.into(), name: name.into(), kind, country: None, role: None, aliases: Vec::new() }
}

fn dataset() -> Dataset {
    let events = vec![
        event("shells-aug", "2023-08", "Artillery shells shipped", &["north-korea", "russia"], &["shells"]),
        event("kirby", "2023-08-30", "Deal actively advancing", &["russia"], &[]),
        event("summit", "2023-09-13", "Summit at the cosmodrome", &["north-korea", "russia"], &[]),
        event("lavrov", "2023-10", "Lavrov visits Pyongyang", &["russia"], &[]),
        event("nis", "2023-11-01", "NIS briefing on shells", &["north-korea"], &["shells"]),
        event("plan", "2025", "KN-23 missiles planned", &["north-korea"], &["kn-23"]),
        event("troops", "2025-02", "Troops in Kursk", &["north-korea"], &[]),
    ];
    let source = Source {
        id: "src".into(),
        title: "An article".into(),
        outlet: "Outlet".into(),
        author: None,
        published: "2025-07".parse().expect("date"),
        published_basis: "test".into(),
        file: "seeds/a.txt".into(),
        reliability: Grade::B,
        reliability_reason: "test".into(),
        url: None,
        archived_url: None,
    };
    let weapon = |id: &str, name: &str| WeaponType {
        id: id.into(),
        name: name.into(),
        category: WeaponCategory::Other,
        designations: Vec::new(),
        aliases: Vec::new(),
    };
    Dataset::new(
        "Test".into(),
        vec![source],
        vec![
            actor("north-korea", "North Korea", ActorKind::State),
            actor("russia", "Russia", ActorKind::State),
            actor("nis", "National Intelligence Service", ActorKind::Agency),
        ],
        vec![weapon("shells", "Artillery shells"), weapon("kn-23", "KN-23")],
        events,
    )
}

use crate::common::Sized;

fn app_sized(width: u16, height: u16) -> Sized {
    Sized::new(App::new(Arc::new(dataset()), Arc::new(WordStartMatcher), Query::default()), width, height)
}

fn app() -> Sized {
    app_sized(100, 30)
}

fn selected_id(app: &App) -> &str {
    &app.dataset.events()[app.chronology.selected.expect("a selection")].id
}

fn visible_ids(app: &App) -> Vec<&str> {
    app.chronology.visible.iter().map(|&i| app.dataset.events()[i].id.as_str()).collect()
}

fn apply(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        app.update(action);
    }
}

fn type_text(app: &mut App, text: &str) {
    apply(app, text.chars().map(Action::Input));
}

#[test]
fn opens_on_the_first_event_with_headings() {
    let app = app();
    assert_eq!(selected_id(&app), "shells-aug");
    assert_eq!(app.chronology.rows[..3], [Row::Year(2023), Row::Month(2023, 8), Row::Event(0)]);
    // A year-only event sits under its year, with no month heading.
    let plan_row = app.chronology.rows.iter().position(|r| *r == Row::Event(5)).expect("plan is listed");
    assert_eq!(app.chronology.rows[plan_row - 1], Row::Year(2025));
}

#[test]
fn events_sort_by_first_day_coarser_first_then_id() {
    let long = "a-very-long-shared-id-prefix";
    let events = vec![
        event(&format!("{long}-b"), "2023-08-01", "t", &[], &[]),
        event("zulu", "2023-08", "t", &[], &[]),
        event(&format!("{long}-a"), "2023-08-01", "t", &[], &[]),
        event("alpha", "2023-08-01", "t", &[], &[]),
        event("year", "2023", "t", &[], &[]),
        event("a", "2023-08-01", "t", &[], &[]),
        event("later", "2023-08-02", "t", &[], &[]),
        event("ab", "2023-08-01", "t", &[], &[]),
    ];
    let dataset = Dataset::new("T".into(), vec![], vec![], vec![], events);
    let ids: Vec<&str> = dataset.events().iter().map(|e| e.id.as_str()).collect();
    let (a, b) = (format!("{long}-a"), format!("{long}-b"));
    assert_eq!(ids, ["year", "zulu", "a", a.as_str(), b.as_str(), "ab", "alpha", "later"]);
}

#[test]
fn a_date_by_then_sorts_at_its_end_before_what_is_known_to_start_there() {
    let events = vec![
        event("in-november", "2023-11", "t", &[], &[]),
        event("by-november", "../2023-11", "t", &[], &[]),
        event("august-on", "2023-08/2023-11-01", "t", &[], &[]),
        event("first-of-november", "2023-11-01", "t", &[], &[]),
        event("by-first-of-november", "../2023-11-01", "t", &[], &[]),
        event("about-november", "2023-11~", "t", &[], &[]),
        event("by-2023", "../2023", "t", &[], &[]),
    ];
    let dataset = Dataset::new("T".into(), vec![], vec![], vec![], events);
    let ids: Vec<&str> = dataset.events().iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "by-2023",
            "august-on",
            "by-november",
            "about-november",
            "in-november",
            "by-first-of-november",
            "first-of-november"
        ]
    );
    let app = App::new(Arc::new(dataset), Arc::new(WordStartMatcher), Query::default());
    // A date "by" then is listed under its end's month.
    let by = app.chronology.rows.iter().position(|r| *r == Row::Event(2)).expect("listed");
    assert_eq!(app.chronology.rows[by - 1], Row::Month(2023, 11));
}

#[test]
fn quit_sets_the_flag() {
    let mut app = app();
    app.update(Action::Quit);
    assert!(app.should_quit);
}

#[test]
fn move_steps_and_stops_at_the_ends() {
    let mut app = app();
    app.update(Action::Move(1));
    assert_eq!(selected_id(&app), "kirby");
    app.update(Action::Move(-5));
    assert_eq!(selected_id(&app), "shells-aug");
    app.update(Action::Move(100));
    assert_eq!(selected_id(&app), "troops");
}

#[test]
fn first_last_and_pages() {
    let mut app = app_sized(100, 16);
    app.update(Action::Last);
    assert_eq!(selected_id(&app), "troops");
    app.update(Action::First);
    assert_eq!(selected_id(&app), "shells-aug");
    app.update(Action::PageDown);
    let after_page = app.chronology.selected_position().expect("selection");
    assert!(after_page >= 2, "a page moves by more than one event: {after_page}");
    app.update(Action::PageUp);
    assert_eq!(selected_id(&app), "shells-aug");
}

#[test]
fn brackets_jump_between_months() {
    let mut app = app();
    app.update(Action::NextMonth);
    assert_eq!(selected_id(&app), "summit", "August has two events; ] skips to September");
    app.update(Action::NextMonth);
    assert_eq!(selected_id(&app), "lavrov");
    app.update(Action::PreviousMonth);
    assert_eq!(selected_id(&app), "summit");
    app.update(Action::PreviousMonth);
    assert_eq!(selected_id(&app), "shells-aug", "[ lands on the first event of the month");
    app.update(Action::PreviousMonth);
    assert_eq!(selected_id(&app), "shells-aug", "nothing before the first month");
    apply(&mut app, [Action::Last, Action::PreviousMonth]);
    assert_eq!(selected_id(&app), "plan", "a year-only date is its own group");
}

#[test]
fn tab_moves_focus_and_keys_then_scroll_the_detail() {
    let mut app = app_sized(100, 16);
    app.update(Action::ToggleFocus);
    assert_eq!(app.chronology.focus, Focus::Detail);
    app.update(Action::Move(1));
    assert_eq!(selected_id(&app), "shells-aug", "the selection stays");
    assert_eq!(app.chronology.detail_scroll, 1);
    app.update(Action::ScrollDetail(-10));
    assert_eq!(app.chronology.detail_scroll, 0, "never above the top");
    app.update(Action::ScrollDetail(1000));
    let max = app.measured.detail_max_scroll();
    assert_eq!(app.chronology.detail_scroll, max, "never past the end");
    app.update(Action::ToggleFocus);
    assert_eq!(app.chronology.focus, Focus::List);
    app.update(Action::Move(1));
    assert_eq!(app.chronology.detail_scroll, 0, "a new selection starts at the top");
}

#[test]
fn search_filters_live_and_enter_keeps_it() {
    let mut app = app();
    app.update(Action::StartSearch);
    type_text(&mut app, "shels");
    assert_eq!(visible_ids(&app), ["shells-aug", "nis"], "live, with a typo");
    app.update(Action::Backspace);
    app.update(Action::Backspace);
    assert_eq!(visible_ids(&app), ["shells-aug", "nis"], "`she` still matches");
    app.update(Action::Submit);
    assert_eq!(app.overlay, None);
    assert_eq!(app.query.to_string(), "she");
}

#[test]
fn search_escape_restores_the_query_and_keeps_other_filters() {
    let mut app = app();
    app.set_query("actor:russia".parse().expect("query"));
    app.update(Action::StartSearch);
    type_text(&mut app, "summit");
    assert_eq!(visible_ids(&app), ["summit"]);
    app.update(Action::Cancel);
    assert_eq!(app.overlay, None);
    assert_eq!(app.query.to_string(), "actor:russia");
    app.set_query("actor:russia summit".parse().expect("query"));
    app.update(Action::StartSearch);
    app.update(Action::Backspace);
    app.update(Action::Input('x'));
    assert_eq!(app.query.to_string(), "actor:russia summix");
    app.update(Action::Cancel);
    assert_eq!(app.query.to_string(), "actor:russia summit", "the words as they were, too");
    app.update(Action::StartSearch);
    app.update(Action::ClearInput);
    type_text(&mut app, "x");
    app.update(Action::ClearInput);
    assert_eq!(app.query.to_string(), "actor:russia");
}

#[test]
fn search_accepts_query_terms_and_reports_bad_ones_without_losing_the_list() {
    let mut app = app();
    app.update(Action::StartSearch);
    type_text(&mut app, "weapon:kn-23");
    assert_eq!(visible_ids(&app), ["plan"]);
    type_text(&mut app, " actor:nobody");
    let Some(Overlay::Search { error: Some(error), .. }) = &app.overlay else { panic!("an error is shown") };
    assert!(error.contains("unknown actor \"nobody\""), "{error}");
    // Every keystroke of " actor:nobody" after "actor" was invalid: the query stays the last valid one.
    assert_eq!(app.query.to_string(), "weapon:kn-23 actor", "the last good query stays in effect");
    app.update(Action::Submit);
    assert!(matches!(app.overlay, Some(Overlay::Search { .. })), "Enter does not keep a bad query");
}

#[test]
fn the_list_moves_while_searching() {
    let mut app = app();
    app.update(Action::StartSearch);
    app.update(Action::Move(1));
    assert_eq!(selected_id(&app), "kirby");
}

#[test]
fn selection_stays_on_its_event_or_moves_to_the_nearest_in_time() {
    let mut app = app();
    apply(&mut app, [Action::NextMonth, Action::NextMonth]);
    assert_eq!(selected_id(&app), "lavrov");
    app.set_query("actor:russia".parse().expect("query"));
    assert_eq!(selected_id(&app), "lavrov", "still matches, still selected");
    app.set_query("weapon:shells".parse().expect("query"));
    // lavrov (2023-10) is gone: nis (2023-11-01) is 31 days away, shells-aug (2023-08) 61.
    assert_eq!(selected_id(&app), "nis");
    app.set_query("weapon:kn-23".parse().expect("query"));
    assert_eq!(selected_id(&app), "plan");
    app.set_query("nothing-matches-this".parse().expect("query"));
    assert_eq!(app.chronology.selected, None);
    app.update(Action::ClearFilters);
    assert_eq!(selected_id(&app), "shells-aug", "with no previous selection, the first");
    assert_eq!(app.status.as_deref(), Some("all filters cleared"));
}

#[test]
fn picker_counts_under_the_other_filters_and_applies_on_enter() {
    let mut app = app();
    app.set_query("weapon:shells".parse().expect("query"));
    app.update(Action::OpenPicker(Facet::Actor));
    let Some(Overlay::Picker(picker)) = &app.overlay else { panic!("picker open") };
    let count = |id: &str| picker.options.iter().find(|o| o.id == id).map(|o| o.count);
    assert_eq!(count("north-korea"), Some(2));
    assert_eq!(count("russia"), Some(1));
    assert_eq!(count("nis"), Some(2), "claimants count");
    assert_eq!(picker.options[0].count, 2, "most events first");
    type_text(&mut app, "russ");
    let Some(Overlay::Picker(picker)) = &app.overlay else { panic!("picker open") };
    assert_eq!(picker.current().map(|o| o.id.as_str()), Some("russia"), "type to narrow");
    apply(&mut app, [Action::PickerToggle, Action::Submit]);
    assert_eq!(app.overlay, None);
    assert_eq!(app.query.to_string(), "actor:russia weapon:shells");
    assert_eq!(visible_ids(&app), ["shells-aug"]);
}

#[test]
fn picker_counts_ignore_the_facets_own_choice() {
    let mut app = app();
    // Russia is chosen: the actor picker still counts under the other filters only.
    app.set_query("actor:russia weapon:shells".parse().expect("query"));
    app.update(Action::OpenPicker(Facet::Actor));
    let Some(Overlay::Picker(picker)) = &app.overlay else { panic!("picker open") };
    let count = |id: &str| picker.options.iter().find(|o| o.id == id).map(|o| o.count);
    assert_eq!((count("north-korea"), count("russia"), count("nis")), (Some(2), Some(1), Some(2)));
    assert_eq!(picker.chosen, ["russia"]);
}

#[test]
fn picker_toggles_several_moves_and_cancels() {
    let mut app = app();
    app.update(Action::OpenPicker(Facet::Weapon));
    apply(&mut app, [Action::PickerToggle, Action::PickerMove(1), Action::PickerToggle]);
    let Some(Overlay::Picker(picker)) = &app.overlay else { panic!("picker open") };
    assert_eq!(picker.chosen.len(), 2);
    apply(&mut app, [Action::PickerToggle, Action::PickerMove(-1), Action::PickerMove(-1)]);
    let Some(Overlay::Picker(picker)) = &app.overlay else { panic!("picker open") };
    assert_eq!(picker.chosen.len(), 1, "space toggles off");
    assert_eq!(picker.cursor, 0, "the cursor stops at the top");
    app.update(Action::Cancel);
    assert_eq!(app.overlay, None);
    assert!(app.query.is_empty(), "Esc applies nothing");
    app.update(Action::OpenPicker(Facet::Source));
    app.update(Action::PickerToggle);
    app.update(Action::Submit);
    assert_eq!(app.query.to_string(), "source:src");
}

#[test]
fn date_prompt_applies_clears_and_explains_bad_dates() {
    let mut app = app();
    app.update(Action::OpenDatePrompt(Bound::From));
    type_text(&mut app, "2023-13");
    app.update(Action::Submit);
    let Some(Overlay::Date { error: Some(error), .. }) = &app.overlay else { panic!("error shown") };
    assert_eq!(error, "\"2023-13\" is not a real calendar date");
    app.update(Action::ClearInput);
    type_text(&mut app, "2023-09-20");
    app.update(Action::Submit);
    assert_eq!(app.overlay, None);
    assert_eq!(visible_ids(&app), ["lavrov", "nis", "plan", "troops"]);
    app.update(Action::OpenDatePrompt(Bound::To));
    type_text(&mut app, "2023-01");
    app.update(Action::Submit);
    assert!(
        matches!(&app.overlay, Some(Overlay::Date { error: Some(e), .. }) if e.contains("after")),
        "from after to"
    );
    app.update(Action::Cancel);
    app.update(Action::OpenDatePrompt(Bound::From));
    let Some(Overlay::Date { input, .. }) = &app.overlay else { panic!("prompt open") };
    assert_eq!(input, "2023-09-20", "the prompt starts with the current bound");
    app.update(Action::ClearInput);
    app.update(Action::Submit);
    assert!(app.query.from.is_none(), "an empty date clears the bound");
}

#[test]
fn help_opens_and_closes() {
    let mut app = app();
    app.update(Action::ShowHelp);
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
    app.update(Action::Move(1));
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })), "other keys don't act behind the overlay");
    assert_eq!(selected_id(&app), "shells-aug");
    app.update(Action::Cancel);
    assert_eq!(app.overlay, None);
}

#[test]
fn resize_keeps_the_selection_on_screen() {
    let mut app = app();
    app.update(Action::Last);
    app.resize(80, 15);
    let layout = app.layout();
    let row = app.chronology.selected_row().expect("selection");
    assert!(
        row >= app.chronology.list_offset
            && row < app.chronology.list_offset + usize::from(layout.list_inner_height())
    );
    for (w, h) in [(1, 1), (0, 0), (59, 13), (300, 100)] {
        app.resize(w, h);
        app.update(Action::PageDown);
    }
}

#[test]
fn a_resize_keeps_the_detail_scroll_within_its_text() {
    let mut app = app_sized(60, 14);
    app.update(Action::ToggleFocus);
    app.update(Action::ScrollDetail(1000));
    assert!(app.chronology.detail_scroll > 0);
    app.resize(240, 80);
    assert_eq!(app.chronology.detail_scroll, app.measured.detail_max_scroll());
}

#[test]
fn capitals_beyond_ascii_are_found_by_the_filter_too() {
    let mut istanbul = event("istanbul", "2024-03", "İstanbul talks", &["russia"], &[]);
    istanbul.summary = "Talks.".into();
    let dataset = Dataset::new(
        "T".into(),
        vec![],
        vec![actor("russia", "Russia", ActorKind::State)],
        vec![],
        vec![istanbul],
    );
    let query: Query = "istanbul".parse().expect("query");
    assert_eq!(
        query.filter(&dataset, &WordStartMatcher),
        vec![0],
        "İ folds to i in the mask as in the match"
    );
    assert!(dataset.event_by_id("istanbul").is_some());
    assert!(dataset.event_by_id("nowhere").is_none());
}

#[test]
fn clicks_select_rows_and_focus_panes() {
    let mut app = app();
    let layout = app.layout();
    let list = layout.list_inner();
    // Row 0 is the 2023 heading: clicking it selects the first event under it.
    app.click(list.x + 2, list.y);
    assert_eq!(selected_id(&app), "shells-aug");
    let summit_row =
        app.chronology.rows.iter().position(|r| *r == Row::Event(2)).expect("summit listed") as u16;
    app.click(list.x + 2, list.y + summit_row);
    assert_eq!(selected_id(&app), "summit");
    app.click(layout.detail.x + 2, layout.detail.y + 2);
    assert_eq!(app.chronology.focus, Focus::Detail);
    app.click(list.x + 2, list.y + 1);
    assert_eq!(app.chronology.focus, Focus::List);
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app_sized(100, 16);
    let layout = app.layout();
    app.wheel(layout.list.x + 3, layout.list.y + 3, 3);
    assert_eq!(selected_id(&app), "lavrov", "three events on");
    app.wheel(layout.detail.x + 3, layout.detail.y + 3, 3);
    assert_eq!(app.chronology.detail_scroll, 3.min(app.measured.detail_max_scroll()));
    assert_eq!(selected_id(&app), "lavrov", "the detail wheel leaves the list alone");
}

#[test]
fn density_counts_matching_events_per_month() {
    let mut app = app();
    let density = &app.chronology.density;
    assert_eq!(density.first, Some((2023, 8)));
    assert_eq!(density.counts.len(), 19, "August 2023 to February 2025");
    assert_eq!(density.counts[0], 2);
    assert_eq!(density.year_only, 1);
    app.set_query("weapon:shells".parse().expect("query"));
    assert_eq!(app.chronology.density.counts.iter().sum::<usize>(), 2);
    assert_eq!(app.chronology.density.counts.len(), 19, "the span is the dataset's, not the filter's");
}

mod background {
    use super::*;
    use annals::app::{Effect, Picker, View};
    use annals::query::Trail;

    fn trail(app: &App) -> Trail {
        Trail::new(app.dataset.events().len())
    }

    fn background_app() -> Sized {
        let mut app = app();
        app.background_search = true;
        app
    }

    /// Run a search effect as the worker does, synchronously, on the worker's trail, returning
    /// its answer.
    fn answer(app: &App, effect: Effect, trail: &mut Trail) -> Action {
        let Effect::Search { generation, query, within } = effect else { panic!("a search") };
        let mut last = None;
        annals::app::search(
            &app.dataset,
            app.matcher.as_ref(),
            &query,
            within.as_deref().map(Vec::as_slice),
            &|| false,
            &mut |view, complete| {
                last = Some(Action::SearchDone { generation, view: Box::new(view), complete });
                true
            },
            Some(trail),
        );
        last.expect("a complete answer")
    }

    #[test]
    fn a_picker_that_needs_a_search_opens_at_once_and_its_counts_follow() {
        let mut app = app();
        app.set_query("actor:russia weapon:shells".parse().expect("query"));
        app.background_search = true;
        let effect = app.update(Action::OpenPicker(Facet::Actor)).expect("the counts are asked for");
        let Effect::Count { ticket, facet, query, events } = effect else { panic!("a count") };
        assert_eq!(query.to_string(), "weapon:shells", "counted under the other filters");
        assert_eq!((facet, events), (Facet::Actor, None), "which needs a search");
        let Some(Overlay::Picker(picker)) = &app.overlay else { panic!("the picker opens at once") };
        assert!(picker.counting);
        assert_eq!(picker.chosen, ["russia"]);
        // The user moves while the counts are worked out; the cursor keeps its value.
        app.update(Action::PickerMove(2));
        let Some(Overlay::Picker(picker)) = &app.overlay else { panic!("picker open") };
        let moved_to = picker.current().map(|o| o.id.clone()).expect("a value");
        app.update(Action::Counted { ticket: ticket + 1, tally: Vec::new() });
        let Some(Overlay::Picker(picker)) = &app.overlay else { panic!("picker open") };
        assert!(picker.counting, "an answer for another picker is ignored");
        let events = query.filter(&app.dataset, app.matcher.as_ref());
        app.update(Action::Counted { ticket, tally: Picker::tally(facet, &app.dataset, &events) });
        let Some(Overlay::Picker(picker)) = &app.overlay else { panic!("picker open") };
        assert!(!picker.counting);
        let count = |id: &str| picker.options.iter().find(|o| o.id == id).map(|o| o.count);
        assert_eq!((count("north-korea"), count("russia"), count("nis")), (Some(2), Some(1), Some(2)));
        assert_eq!(picker.current().map(|o| o.id.as_str()), Some(moved_to.as_str()));
        assert!(picker.options.windows(2).all(|w| w[0].count >= w[1].count), "most events first");
    }

    #[test]
    fn a_picker_the_list_answers_is_counted_at_once() {
        let mut app = background_app();
        assert_eq!(app.update(Action::OpenPicker(Facet::Weapon)), None, "no search needed");
        let Some(Overlay::Picker(picker)) = &app.overlay else { panic!("picker open") };
        assert!(!picker.counting);
    }

    #[test]
    fn a_picker_over_a_long_list_counts_it_off_the_ui_thread() {
        let mut app = background_app();
        app.count_at_once = 3; // the fixture's 7 events stand for a million
        let effect = app.update(Action::OpenPicker(Facet::Weapon)).expect("the counts are asked for");
        let Effect::Count { ticket, facet, events, .. } = effect else { panic!("a count") };
        let events = events.expect("the list answers the query: no search, only counting");
        assert_eq!(events.len(), 7);
        let Some(Overlay::Picker(picker)) = &app.overlay else { panic!("the picker opens at once") };
        assert!(picker.counting);
        app.update(Action::Counted { ticket, tally: Picker::tally(facet, &app.dataset, &events) });
        let Some(Overlay::Picker(picker)) = &app.overlay else { panic!("picker open") };
        let at_once =
            Picker::open(Facet::Weapon, &app.dataset, &app.query, Some(&events), app.matcher.as_ref());
        assert_eq!(picker.options, at_once.options, "the same counts as counting at once");
    }

    #[test]
    fn a_new_query_asks_the_worker_and_the_list_waits_for_its_answer() {
        let mut app = background_app();
        let mut trail = trail(&app);
        app.update(Action::StartSearch);
        let effect = app.update(Action::Input('k')).expect("typing asks for a search");
        assert!(app.searching);
        assert_eq!(app.chronology.visible.len(), 7, "the shown list stays until the answer comes");
        let Effect::Search { generation, within, .. } = &effect else { panic!("a search") };
        assert_eq!(*generation, app.generation);
        assert_eq!(within.as_ref().map(|w| w.len()), Some(7), "a first word searches among all events shown");
        let done = answer(&app, effect, &mut trail);
        app.update(done);
        assert!(!app.searching);
        let mut sync = super::app();
        sync.set_query(app.query.clone());
        assert_eq!(visible_ids(&app), visible_ids(&sync), "the worker's answer is the filter's");
        assert_eq!(visible_ids(&app).len(), 5);
    }

    /// Each letter of a word searches among the last answer, starting each event where the
    /// letters before first matched (the worker's trail); each answer is what the filter
    /// gives, letter after letter, over words found in titles, summaries and names,
    /// and after a search of another word in between.
    #[test]
    fn typing_a_word_on_the_trail_finds_what_the_filter_finds() {
        for word in ["artilery", "cosmodrome", "pyongyang", "kursk", "summary", "kn23", "advancing"] {
            let mut app = background_app();
            let mut trail = trail(&app);
            app.update(Action::StartSearch);
            for (k, c) in word.chars().enumerate() {
                let Some(effect) = app.update(Action::Input(c)) else { continue };
                if k == 2 {
                    // A search of another word in between, whose answer is not wanted: its
                    // marks are not those of the word typed on.
                    let Effect::Search { query, .. } = &effect else { panic!("a search") };
                    let mut typo = query.clone();
                    typo.words[0].text.push('x');
                    annals::app::search(
                        &app.dataset,
                        app.matcher.as_ref(),
                        &typo,
                        None,
                        &|| false,
                        &mut |_, _| false,
                        Some(&mut trail),
                    );
                }
                let done = answer(&app, effect, &mut trail);
                app.update(done);
                let mut sync = super::app();
                sync.set_query(app.query.clone());
                assert_eq!(visible_ids(&app), visible_ids(&sync), "{:?}", app.query.to_string());
            }
            assert!(!app.chronology.visible.is_empty(), "{word} is in the fixture");
        }
    }

    #[test]
    fn stale_answers_are_dropped() {
        let mut app = background_app();
        let mut trail = trail(&app);
        app.update(Action::StartSearch);
        let first = app.update(Action::Input('k')).expect("a search");
        let second = app.update(Action::Input('n')).expect("a newer search");
        let stale = answer(&app, first, &mut trail);
        app.update(stale);
        assert!(app.searching, "an answer to an older query is ignored");
        assert_eq!(app.chronology.visible.len(), 7);
        let fresh = answer(&app, second, &mut trail);
        app.update(fresh);
        assert!(!app.searching);
        assert_eq!(app.query.to_string(), "kn");
    }

    #[test]
    fn adding_a_word_searches_within_the_last_answer() {
        let mut app = background_app();
        let mut trail = trail(&app);
        app.update(Action::StartSearch);
        let effect = app.update(Action::Input('s')).expect("a search");
        let done = answer(&app, effect, &mut trail);
        app.update(done);
        assert_eq!(app.update(Action::Input(' ')), None, "a space changes no query, so asks nothing");
        let effect = app.update(Action::Input('a')).expect("a second word");
        let Effect::Search { within: Some(within), .. } = &effect else { panic!("narrows: {effect:?}") };
        assert_eq!(within.as_slice(), app.chronology.visible.as_slice());
        let done = answer(&app, effect, &mut trail);
        app.update(done);
        let mut sync = super::app();
        sync.set_query(app.query.clone());
        assert_eq!(
            app.chronology.visible, sync.chronology.visible,
            "narrowing gives what a full search gives"
        );
    }

    #[test]
    fn a_message_outlives_the_answers_that_follow_it() {
        let mut app = background_app();
        let mut trail = trail(&app);
        app.set_query("actor:russia".parse().expect("query"));
        let effect = app.update(Action::ClearFilters).expect("clearing asks for a search");
        assert_eq!(app.status.as_deref(), Some("all filters cleared"));
        let done = answer(&app, effect, &mut trail);
        app.update(done);
        assert_eq!(app.status.as_deref(), Some("all filters cleared"), "the answer doesn't wipe it");
        app.update(Action::Move(1));
        assert_eq!(app.status, None, "the next keystroke does");
    }

    #[test]
    fn a_partial_answer_does_not_lose_the_selection_for_good() {
        let mut app = background_app();
        app.update(Action::Last);
        assert_eq!(selected_id(&app), "troops");
        app.update(Action::StartSearch);
        let effect = app.update(Action::Input('t')).expect("a search");
        let Effect::Search { generation, .. } = effect else { panic!("a search") };
        // A partial answer holding only an early event, then the complete one.
        let early = View::build(&app.dataset, vec![0]);
        app.update(Action::SearchDone { generation, view: Box::new(early), complete: false });
        assert_eq!(selected_id(&app), "shells-aug", "the nearest of what has arrived");
        let complete = View::build(&app.dataset, (0..app.dataset.events().len()).collect());
        app.update(Action::SearchDone { generation, view: Box::new(complete), complete: true });
        assert_eq!(selected_id(&app), "troops", "back on the event the user had");
    }

    #[test]
    fn partial_answers_show_progress_and_stopping_abandons_a_search() {
        let app = app();
        let query: Query = "".parse().expect("query");
        let mut answers = Vec::new();
        let done = annals::app::search(
            &app.dataset,
            app.matcher.as_ref(),
            &query,
            None,
            &|| false,
            &mut |view: View, complete| {
                answers.push((view.visible.len(), complete));
                true
            },
            None,
        );
        assert!(done.is_some());
        assert_eq!(answers.last(), Some(&(7, true)));
        let stopped = annals::app::search(
            &app.dataset,
            app.matcher.as_ref(),
            &query,
            None,
            &|| true,
            &mut |_, _| true,
            None,
        );
        assert!(stopped.is_none(), "a stopped search answers nothing");
    }
}

//! The query language on the bundled dataset: every term through the real binary, and the
//! TUI's pickers, facet menu, search prompt and order driving the same query.

use std::sync::Arc;

use annals::app::{Action, App, Overlay};
use annals::load::{self, Bundled};
use annals::model::{Dataset, EventKind, Status};
use annals::query::{Facet, Order, Query};
use annals::search::WordStartMatcher;
use assert_cmd::Command;
use ratatui::style::Modifier;
use serde_json::Value;

use crate::common::Sized;

fn annals() -> Command {
    Command::cargo_bin("annals").expect("the annals binary")
}

/// `annals list --format json ARGS` on the bundled dataset: each event as JSON.
fn listed(args: &[&str]) -> Vec<Value> {
    let output = annals().args(["list", "--format", "json"]).args(args).output().expect("annals runs");
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    let json: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    json.as_array().expect("an array").clone()
}

fn ids(args: &[&str]) -> Vec<String> {
    listed(args).iter().map(|e| e["id"].as_str().expect("id").to_string()).collect()
}

fn query_ids(query: &str) -> Vec<String> {
    ids(&["-q", query])
}

fn strings(event: &Value, field: &str) -> Vec<String> {
    event[field].as_array().expect(field).iter().map(|v| v.as_str().expect("text").to_string()).collect()
}

fn bundled() -> Dataset {
    load::load(&Bundled).expect("the bundled dataset loads")
}

#[test]
fn numbers_are_found_with_or_without_separators_and_units() {
    for (query, id) in [
        ("8,000", "budanov-8000-still-fighting-in-kursk"),
        ("8000", "budanov-8000-still-fighting-in-kursk"),
        ("11,000", "nis-11000-troops-sent"),
        ("40%", "budanov-40-percent-of-shell-needs"),
        ("152mm", "digest-12-million-152mm-shells"),
        ("152 mm", "digest-12-million-152mm-shells"),
    ] {
        assert!(query_ids(query).contains(&id.to_string()), "-q {query} finds {id}");
    }
    let thousands = query_ids("8,000");
    assert_eq!(thousands, query_ids("8000"), "the separator is not part of the number");
    assert!(!thousands.contains(&"digest-13000-personnel-sent".to_string()), "8,000 is not 18,000 or 80,000");
}

#[test]
fn each_part_of_a_hyphenated_word_is_found() {
    for (query, id) in [
        ("liftoff", "nis-russia-satellite-technology-for-arms"),
        ("range", "kyiv-post-200-long-range-artillery-units"),
        ("entry", "yoo-north-korea-lacks-icbm-reentry-technology"),
        ("propelled", "budanov-120-koksan-and-m-1991-supplied"),
    ] {
        assert!(query_ids(query).contains(&id.to_string()), "-q {query} finds {id}");
    }
}

#[test]
fn quotes_and_claimants_names_are_searched() {
    // Words only in a quote.
    assert_eq!(query_ids("gunfight"), ["cancian-russia-fires-5000-10000-rounds-a-day"]);
    assert_eq!(query_ids("despot"), ["putin-kim-exchange-letters-2023"]);
    // A claimant named nowhere else.
    let telegraph = listed(&["-q", "telegraph"]);
    assert!(!telegraph.is_empty());
    for event in &telegraph {
        assert!(strings(event, "claimed_by").contains(&"the-telegraph".to_string()), "{event}");
    }
}

#[test]
fn typo_tolerance_holds_and_short_words_stay_selective() {
    let typo = query_ids("artilery");
    assert_eq!(typo, query_ids("artillery"), "one letter skipped");
    assert!(query_ids("'artilery").is_empty(), "an exact word forgives no typo");
    for event in listed(&["-q", "kim"]) {
        let text = event.to_string().to_lowercase();
        assert!(text.contains("kim"), "kim finds Kim, not kilometres: {}", event["id"]);
    }
}

#[test]
fn phrases_match_words_in_a_row() {
    assert_eq!(query_ids("\"long range\""), ["kyiv-post-200-long-range-artillery-units"]);
    assert!(query_ids("\"range long\"").is_empty());
    assert_eq!(query_ids("\"arms for liftoff\""), ["nis-russia-satellite-technology-for-arms"]);
}

#[test]
fn status_and_kind_keep_what_they_say() {
    let disputed = listed(&["-q", "status:disputed"]);
    assert_eq!(disputed.len(), 3);
    assert!(disputed.iter().all(|e| e["status"] == "disputed"));
    let denials = listed(&["--kind", "denial"]);
    assert!(!denials.is_empty() && denials.iter().all(|e| e["kind"] == "denial"));
    assert_eq!(listed(&["--status", "disputed"]).len(), 3, "the flag is the term");
}

#[test]
fn sender_and_receiver_give_a_transfers_direction() {
    let to_north_korea = listed(&["-q", "receiver:north-korea"]);
    assert!(to_north_korea.iter().any(|e| e["id"] == "nis-russia-satellite-technology-for-arms"));
    assert!(to_north_korea.iter().all(|e| e["to"] == "north-korea"));
    assert_eq!(to_north_korea.len(), listed(&["--sender", "russia"]).len(), "what Russia gives in return");
    assert!(listed(&["-q", "sender:north-korea"]).iter().all(|e| e["from"] == "north-korea"));
}

#[test]
fn claimant_is_who_asserts_it_unlike_actor() {
    let claimed = listed(&["-q", "claimant:nis"]);
    assert!(claimed.iter().all(|e| strings(e, "claimed_by").contains(&"nis".to_string())));
    assert!(listed(&["-q", "actor:russia"]).len() > listed(&["-q", "claimant:russia"]).len());
}

#[test]
fn a_country_rolls_up_its_agencies_forces_and_people() {
    let south_korea = ids(&["-q", "country:south-korea"]);
    assert!(south_korea.len() > ids(&["-q", "actor:south-korea"]).len());
    for claimant in ["nis", "south-korea-mod", "south-korea-dia", "yoo-sang-bum"] {
        let theirs = ids(&["-q", &format!("claimant:{claimant}")]);
        assert!(!theirs.is_empty(), "{claimant} claims something");
        for id in theirs {
            assert!(south_korea.contains(&id), "{claimant}'s claim {id} is South Korean");
        }
    }
}

#[test]
fn grade_takes_a_letter_or_a_range() {
    let dataset = bundled();
    let graded = |grades: &str| -> Vec<String> {
        dataset
            .events()
            .iter()
            .filter(|e| {
                e.citations.iter().any(|c| {
                    let grade =
                        dataset.source(&c.source).expect("source").reliability.as_str().to_lowercase();
                    grades.contains(grade.as_str())
                })
            })
            .map(|e| e.id.clone())
            .collect()
    };
    assert_eq!(query_ids("grade:b"), graded("b"));
    assert_eq!(ids(&["--grade", "a-c"]), graded("abc"));
}

#[test]
fn exclusion_removes_values_and_words() {
    let not_reported = listed(&["-q", "!status:reported"]);
    assert!(!not_reported.is_empty() && not_reported.iter().all(|e| e["status"] != "reported"));
    let kursk = query_ids("kursk");
    let without = query_ids("kursk !withdrawal");
    assert!(without.len() < kursk.len());
    assert!(!without.contains(&"media-almost-total-withdrawal-from-kursk".to_string()));
}

#[test]
fn mistakes_are_errors_with_exit_code_2() {
    for (args, message) in [
        (&["-q", "bogus:x"][..], "error: unknown key `bogus:`; keys: status, kind, claimant"),
        (&["-q", "actr:north-korea"], "error: unknown key `actr:` (did you mean `actor:`?)"),
        (&["-q", "status:disputd"], "error: unknown status \"disputd\" (did you mean \"disputed\"?)"),
        (&["--status", "disputd"], "error: unknown status \"disputd\" (did you mean \"disputed\"?)"),
        (
            &["-q", "receiver:nort-korea"],
            "error: unknown receiver \"nort-korea\" (did you mean \"north-korea\"?)",
        ),
        (&["-q", "country:nis"], "error: unknown country \"nis\""),
        (&["-q", "grade:c-a"], "error: unknown grade \"c-a\""),
        (&["-q", "!"], "error: `!` has nothing to search for"),
    ] {
        let output = annals().arg("list").args(args).output().expect("annals runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.starts_with(message), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn order_reported_lists_by_when_it_was_claimed() {
    let dataset = bundled();
    let by_claim = ids(&["--order", "reported"]);
    assert_eq!(by_claim.len(), dataset.events().len(), "the same events");
    assert_ne!(by_claim, ids(&[]), "in another order");
    let claimed: Vec<_> = by_claim
        .iter()
        .map(|id| Order::Reported.date_of(&dataset, dataset.event_index(id).expect("event")))
        .collect();
    assert!(claimed.windows(2).all(|w| w[0] <= w[1]), "by claim date");
    assert_eq!(ids(&["-q", "order:reported"]), by_claim, "the flag is the term");
    let export =
        annals().args(["export", "--order", "reported", "--status", "disputed"]).output().expect("runs");
    let markdown = String::from_utf8(export.stdout).expect("UTF-8");
    assert!(markdown.contains("annals export --query 'status:disputed order:reported'"), "{markdown}");
    assert!(markdown.contains("Events with status disputed. In the order they were claimed"), "{markdown}");
}

#[test]
fn the_export_header_says_every_term_in_words() {
    let query: Query =
        "status:disputed !kind:denial claimant:nis sender:russia receiver:north-korea grade:a-b \
                        country:south-korea !kursk 'kim \"long range\""
            .parse()
            .expect("query");
    let described = annals::export::describe(&query, &bundled());
    for words in [
        "with status disputed",
        "not of kind denial",
        "claimed by National Intelligence Service",
        "sent by Russia",
        "sent to North Korea",
        "citing a source of grade A–B",
        "naming South Korea (with its agencies, forces and people)",
        "matching exactly “kim” and the phrase “long range”",
        "not matching “kursk”",
    ] {
        assert!(described.contains(words), "{words:?} in {described}");
    }
}

// The TUI, on the bundled dataset.

fn app() -> Sized {
    let app = App::new(Arc::new(bundled()), Arc::new(WordStartMatcher), Query::default());
    Sized::new(app, 120, 40)
}

fn type_text(app: &mut Sized, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

fn picker(app: &Sized) -> &annals::app::Picker {
    match &app.overlay {
        Some(Overlay::Picker(picker)) => picker,
        other => panic!("a picker is open, not {other:?}"),
    }
}

fn search_error(app: &Sized) -> Option<String> {
    match &app.overlay {
        Some(Overlay::Search { error, .. }) => error.clone(),
        other => panic!("the search prompt is open, not {other:?}"),
    }
}

#[test]
fn narrowing_ranks_names_above_hidden_aliases_and_shows_the_alias() {
    let mut app = app();
    app.update(Action::OpenPicker(Facet::Weapon));
    type_text(&mut app, "kn");
    let picker = picker(&app);
    let shown: Vec<&str> = picker.shown.iter().map(|&i| picker.options[i].id.as_str()).collect();
    assert_eq!(shown.first(), Some(&"kn-23"), "{shown:?}");
    let satellite = picker.options.iter().find(|o| o.id == "satellite-technology").expect("option");
    assert!(shown.contains(&"satellite-technology"), "still there, after");
    assert_eq!(satellite.matched_alias.as_deref(), Some("technology and know-how"));
    assert_eq!(picker.options.iter().find(|o| o.id == "kn-23").and_then(|o| o.matched_alias.clone()), None);
    let screen = app.render().backend().to_string();
    assert!(
        screen.contains("≈ technology and know-how"),
        "the picker shows the alias that matched: {screen}"
    );
}

#[test]
fn enter_with_nothing_toggled_applies_the_highlighted_value() {
    let mut app = app();
    app.update(Action::OpenPicker(Facet::Status));
    type_text(&mut app, "disp");
    app.update(Action::Submit);
    assert_eq!(app.query.to_string(), "status:disputed");
    assert_eq!(app.chronology.visible.len(), 3);
    // Once something was toggled, Enter applies exactly what is ticked.
    app.update(Action::OpenPicker(Facet::Status));
    app.update(Action::PickerToggle);
    app.update(Action::Submit);
    assert_eq!(app.query.to_string(), "", "disputed, pinned first, was unticked");
}

#[test]
fn chosen_values_are_pinned_at_the_top_when_the_picker_reopens() {
    let mut app = app();
    app.set_query("actor:yonhap actor:japan".parse().expect("query"));
    app.update(Action::OpenPicker(Facet::Actor));
    let picker = picker(&app);
    let first: Vec<&str> = picker.shown.iter().take(2).map(|&i| picker.options[i].id.as_str()).collect();
    assert_eq!(first.len(), 2);
    assert!(first.contains(&"yonhap") && first.contains(&"japan"), "{first:?}");
    assert_eq!(picker.current().map(|o| o.id.as_str()), first.first().copied());
}

#[test]
fn every_facet_has_a_picker_with_counts_under_the_other_filters() {
    let mut app = app();
    app.set_query("country:south-korea".parse().expect("query"));
    let shown = app.chronology.visible.len();
    for facet in Facet::ALL {
        app.update(Action::OpenPicker(facet));
        let picker = picker(&app);
        assert!(!picker.options.is_empty(), "{facet:?} has values");
        if facet != Facet::Country {
            let most = picker.options.iter().map(|o| o.count).max().unwrap_or(0);
            assert!(most > 0 && most <= shown, "{facet:?}: counted under country:south-korea");
        }
        app.update(Action::Cancel);
    }
    // Each count is what choosing the value gives.
    app.update(Action::OpenPicker(Facet::Claimant));
    let counts: Vec<(String, usize)> = picker(&app).options.iter().map(|o| (o.id.clone(), o.count)).collect();
    for (id, count) in counts.into_iter().take(5) {
        let query: Query = format!("country:south-korea claimant:{id}").parse().expect("query");
        assert_eq!(query.filter(&app.dataset, &WordStartMatcher).len(), count, "claimant:{id}");
    }
}

#[test]
fn the_facet_menu_opens_each_facets_picker() {
    let mut app = app();
    app.update(Action::OpenFacetMenu);
    assert_eq!(app.overlay, Some(Overlay::Facets { cursor: 0 }));
    app.update(Action::Move(5));
    app.update(Action::Submit);
    assert_eq!(picker(&app).facet, Facet::Grade);
    app.update(Action::Cancel);
    assert_eq!(app.overlay, None);
}

#[test]
fn the_search_prompt_edits_in_place_and_esc_restores_the_query() {
    let mut app = app();
    app.set_query("status:disputed kursk".parse().expect("query"));
    app.update(Action::StartSearch);
    app.update(Action::CursorHome);
    app.update(Action::Input('!'));
    assert_eq!(app.query.to_string(), "status:disputed !kursk", "typed at the cursor");
    app.update(Action::CursorEnd);
    type_text(&mut app, " troops");
    app.update(Action::DeleteWord);
    assert_eq!(app.query.to_string(), "status:disputed !kursk", "Ctrl-W deletes the word before the cursor");
    app.update(Action::Cancel);
    assert_eq!(app.overlay, None);
    assert_eq!(app.query.to_string(), "status:disputed kursk", "Esc puts back the query as it was");
    app.update(Action::StartSearch);
    app.update(Action::ClearInput);
    assert_eq!(app.query.to_string(), "status:disputed", "Ctrl-U still clears the words");
}

#[test]
fn up_and_down_recall_earlier_searches() {
    let mut app = app();
    for search in ["kursk", "shells"] {
        app.update(Action::StartSearch);
        app.update(Action::ClearInput);
        type_text(&mut app, search);
        app.update(Action::Submit);
    }
    app.update(Action::StartSearch);
    app.update(Action::ClearInput);
    type_text(&mut app, "sat");
    app.update(Action::HistoryPrevious);
    assert_eq!(app.query.to_string(), "shells");
    app.update(Action::HistoryPrevious);
    assert_eq!(app.query.to_string(), "kursk");
    app.update(Action::HistoryPrevious);
    assert_eq!(app.query.to_string(), "kursk", "the oldest stays");
    app.update(Action::HistoryNext);
    app.update(Action::HistoryNext);
    assert_eq!(app.query.to_string(), "sat", "past the newest, what was being typed");
}

#[test]
fn every_mistake_while_typing_shows_and_keeps_the_last_valid_query() {
    for mistake in
        [" bogus:x", " status:nope", " actor:nobody", " from:2023-13", " !", " !from:2024", " grade:c-a"]
    {
        let mut app = app();
        app.update(Action::StartSearch);
        type_text(&mut app, "kursk");
        let mut valid = (app.query.clone(), app.chronology.visible.clone());
        for c in mistake.chars() {
            app.update(Action::Input(c));
            if search_error(&app).is_none() {
                valid = (app.query.clone(), app.chronology.visible.clone());
            }
        }
        assert!(search_error(&app).is_some(), "{mistake:?} is reported");
        assert_eq!(app.query, valid.0, "{mistake:?}: the last valid query stays");
        assert_eq!(app.chronology.visible, valid.1, "{mistake:?}: and the list with it");
        app.update(Action::Submit);
        assert!(matches!(app.overlay, Some(Overlay::Search { .. })), "{mistake:?}: Enter keeps no mistake");
    }
}

#[test]
fn the_order_key_lists_by_claim_date_and_the_header_says_so() {
    let mut app = app();
    let by_date = app.chronology.visible.clone();
    app.update(Action::ToggleOrder);
    assert_eq!(app.query.order, Order::Reported);
    assert_ne!(app.chronology.visible, by_date);
    let dataset = Arc::clone(&app.dataset);
    let claimed: Vec<_> =
        app.chronology.visible.iter().map(|&i| Order::Reported.date_of(&dataset, i)).collect();
    assert!(claimed.windows(2).all(|w| w[0] <= w[1]));
    let header: String = {
        let terminal = app.render();
        let buffer = terminal.backend().buffer();
        (0..buffer.area.width).map(|x| buffer[(x, 0)].symbol().to_string()).collect()
    };
    assert!(header.contains("order:reported"), "{header}");
    // Moving, and the selection's position, follow the order shown.
    app.update(Action::First);
    app.update(Action::Move(1));
    assert_eq!(app.chronology.selected, app.chronology.visible.get(1).copied());
    app.update(Action::ToggleOrder);
    assert_eq!(app.chronology.visible, by_date);
}

/// The characters drawn highlighted (underlined) in the detail pane.
fn highlighted_in_detail(app: &Sized) -> String {
    let terminal = app.render();
    let buffer = terminal.backend().buffer();
    let detail = app.layout().detail;
    (detail.y..detail.bottom())
        .flat_map(|y| (detail.x..detail.right()).map(move |x| (x, y)))
        .filter(|&(x, y)| buffer[(x, y)].modifier.contains(Modifier::UNDERLINED))
        .map(|(x, y)| buffer[(x, y)].symbol().to_string())
        .collect()
}

#[test]
fn the_detail_pane_highlights_matches_in_quotes_and_names() {
    let mut app = app();
    app.update(Action::StartSearch);
    type_text(&mut app, "gunfight");
    app.update(Action::Submit);
    app.update(Action::ToggleFocus);
    app.update(Action::DetailBottom);
    assert_eq!(highlighted_in_detail(&app), "gunfight", "the word in the quote");
    app.update(Action::StartSearch);
    app.update(Action::ClearInput);
    type_text(&mut app, "telegraph");
    app.update(Action::Submit);
    app.update(Action::DetailTop);
    assert!(highlighted_in_detail(&app).starts_with("Telegraph"), "the claimant's name");
}

#[test]
fn the_docs_define_each_status_and_kind_and_list_every_term() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let data = std::fs::read_to_string(root.join("docs/DATA.md")).expect("docs/DATA.md");
    for status in Status::ALL {
        let line = format!("| `{}` | {} |", status.as_str(), status.meaning());
        assert!(data.contains(&line), "docs/DATA.md lacks {line}");
    }
    for kind in EventKind::ALL {
        let line = format!("| `{}` | {} |", kind.as_str(), kind.meaning());
        assert!(data.contains(&line), "docs/DATA.md lacks {line}");
    }
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    for key in annals::query::keys() {
        assert!(readme.contains(&format!("`{key}:`")), "README lacks `{key}:`");
    }
}

/// Whether the list draws the selected event's title dim.
fn selected_title_is_dim(app: &Sized) -> bool {
    let terminal = app.render();
    let buffer = terminal.backend().buffer();
    let list = app.layout().list;
    let title: String =
        app.dataset.event(app.chronology.selected.expect("a selection")).title.chars().take(8).collect();
    let row = (list.y..list.bottom())
        .find(|&y| (list.x..list.right()).any(|x| buffer[(x, y)].symbol() == "▶"))
        .expect("the selected row is drawn");
    let line: Vec<String> = (list.x..list.right()).map(|x| buffer[(x, row)].symbol().to_string()).collect();
    let at = (0..line.len()).find(|&k| line[k..].concat().starts_with(&title)).expect("the title is drawn");
    // The title's eighth character: after "Cancian", which a search for it highlights.
    buffer[(list.x + at as u16 + 7, row)].modifier.contains(Modifier::DIM)
}

#[test]
fn events_found_only_by_a_quote_or_a_name_rank_after_those_found_in_their_text() {
    let mut app = app();
    app.update(Action::StartSearch);
    type_text(&mut app, "gunfight");
    assert!(selected_title_is_dim(&app), "found in a quote only");
    app.update(Action::ClearInput);
    type_text(&mut app, "cancian");
    assert!(!selected_title_is_dim(&app), "found in its title");
}

#[test]
fn narrowing_puts_names_that_start_with_the_typed_word_first() {
    let mut app = app();
    app.update(Action::OpenPicker(Facet::Weapon));
    let by_count: Vec<String> = {
        let picker = picker(&app);
        picker.shown.iter().map(|&i| picker.options[i].id.clone()).collect()
    };
    let place = |id: &str| by_count.iter().position(|o| o == id).expect("a weapon");
    assert!(place("munitions") < place("multiple-launch-rocket-systems"), "by count: {by_count:?}");
    type_text(&mut app, "mul");
    let picker = picker(&app);
    let shown: Vec<&str> = picker.shown.iter().map(|&i| picker.options[i].id.as_str()).collect();
    // Skim (fuzzy-matcher) scores a name's own start highest: "Multiple launch rocket
    // systems" before "Munitions (multiple types)", though that has more events.
    assert_eq!(shown.first(), Some(&"multiple-launch-rocket-systems"), "{shown:?}");
    assert!(shown.contains(&"munitions") && shown.contains(&"m-1991"), "{shown:?}");
}

#[test]
fn the_query_flags_help_lists_every_term_status_and_kind() {
    let output = annals().args(["list", "--help"]).output().expect("annals runs");
    let help = String::from_utf8(output.stdout).expect("UTF-8");
    // clap wraps long lines: compare with the spaces folded.
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    let folded = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    for (term, _) in annals::query::TERMS {
        assert!(help.contains(&folded(term)), "--help lacks {term}");
    }
    for status in Status::ALL {
        let line = format!("{} {}", status.as_str(), status.meaning());
        assert!(help.contains(&line), "--help lacks {line}");
    }
    for kind in EventKind::ALL {
        let line = format!("{} {}", kind.as_str(), kind.meaning());
        assert!(help.contains(&line), "--help lacks {line}");
    }
    for flag in
        ["--status", "--kind", "--claimant", "--sender", "--receiver", "--grade", "--country", "--order"]
    {
        assert!(help.contains(flag), "--help lacks {flag}");
    }
}

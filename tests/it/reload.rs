//! Live curation: reloads that keep the user's place, the problems screen, the editor, init.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use annals::app::{Action, App, Effect, Loaded, Reloaded, Screen};
use annals::load::{self, OnDisk};
use annals::query::Query;
use annals::search::WordStartMatcher;
use assert_cmd::Command;

use crate::common::Sized;
use crate::common::copy_tree;

/// A copy of the good fixture to edit.
fn editable() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"), dir.path());
    let path = dir.path().to_path_buf();
    (dir, path)
}

fn app_on(dir: &Path) -> Sized {
    let dataset = load::load(&OnDisk::new(dir)).expect("loads");
    let mut app = App::new(Arc::new(dataset), Arc::new(WordStartMatcher), Query::default());
    app.data_dir = Some(dir.to_path_buf());
    Sized::new(app, 100, 30)
}

fn reload(app: &mut Sized, dir: &Path) {
    let reloaded = match load::load(&OnDisk::new(dir)) {
        Ok(dataset) => Reloaded::Loaded(Loaded(Arc::new(dataset))),
        Err(failure) => Reloaded::Failed {
            problems: failure.problems.iter().map(ToString::to_string).collect(),
            summary: failure.summary(),
        },
    };
    app.update(Action::Reloaded(reloaded));
}

fn selected_id(app: &App) -> String {
    app.dataset.event(app.chronology.selected.expect("selection")).id.clone()
}

fn edit_events(dir: &Path, edit: impl Fn(String) -> String) {
    let path = dir.join("data/events/2023.toml");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, edit(text)).expect("write");
}

#[test]
fn a_reload_keeps_the_selection_the_query_and_the_screen() {
    let (_keep, dir) = editable();
    let mut app = app_on(&dir);
    app.update(Action::Last);
    let chosen = selected_id(&app);
    app.set_query("actor:russia".parse().expect("query"));
    edit_events(&dir, |t| {
        t.replace("Kim and Putin meet at the Vostochny Cosmodrome", "Kim and Putin meet again")
    });
    reload(&mut app, &dir);
    assert_eq!(selected_id(&app), chosen, "the same event by id");
    assert_eq!(app.query.to_string(), "actor:russia");
    assert!(app.dataset.events().iter().any(|e| e.title == "Kim and Putin meet again"), "the new data");
    assert!(app.status.as_deref().is_some_and(|s| s.starts_with("reloaded")), "{:?}", app.status);
    assert!(app.retired.is_some(), "the old dataset is handed to the runtime to free");
}

#[test]
fn an_event_that_vanished_gives_way_to_the_nearest_in_time_and_gone_ids_leave_the_query() {
    let (_keep, dir) = editable();
    let mut app = app_on(&dir);
    app.update(Action::Move(1));
    assert_eq!(selected_id(&app), "putin-kim-meeting");
    app.set_query("source:aljazeera".parse().expect("query"));
    // Rename the event (it "vanishes") and the source.
    edit_events(&dir, |t| {
        t.replace("id = \"putin-kim-meeting\"", "id = \"putin-kim-summit\"")
            .replace("source = \"aljazeera\"", "source = \"aj\"")
    });
    let sources = dir.join("data/sources.toml");
    let text = std::fs::read_to_string(&sources).expect("read").replace("id = \"aljazeera\"", "id = \"aj\"");
    std::fs::write(&sources, text).expect("write");
    reload(&mut app, &dir);
    assert_eq!(selected_id(&app), "putin-kim-summit", "the nearest in time (here, the same date)");
    assert!(app.query.is_empty(), "source:aljazeera is gone");
    assert!(app.status.as_deref().is_some_and(|s| s.contains("source:aljazeera")), "{:?}", app.status);
}

#[test]
fn problems_open_a_screen_that_esc_leaves_and_a_fix_removes() {
    let (_keep, dir) = editable();
    let mut app = app_on(&dir);
    edit_events(&dir, |t| t.replace("kind = \"meeting\"", "kind = \"meeeting\""));
    reload(&mut app, &dir);
    let Screen::Problems(problems) = app.screen() else { panic!("the problems screen") };
    assert!(problems.problems[0].contains("data/events/2023.toml:"), "{:?}", problems.problems);
    assert!(problems.problems[0].contains("meeeting"), "{:?}", problems.problems);
    // The temporary folder's name, masked at its own length so the layout is unchanged.
    let shown = app.render().backend().to_string();
    let folder = dir.display().to_string();
    insta::assert_snapshot!(shown.replace(&folder, &format!("/{}", "X".repeat(folder.chars().count() - 1))));
    app.update(Action::Cancel);
    assert!(matches!(app.screen(), Screen::Chronology), "Esc: the last good data");
    assert_eq!(app.chronology.visible.len(), 3);
    reload(&mut app, &dir);
    assert!(matches!(app.screen(), Screen::Problems(_)), "still broken: back");
    edit_events(&dir, |t| t.replace("meeeting", "meeting"));
    reload(&mut app, &dir);
    assert!(matches!(app.screen(), Screen::Chronology), "fixed: the screen goes away by itself");
}

#[test]
fn e_asks_for_the_editor_at_the_record_and_the_bundled_dataset_says_how_to_edit() {
    let (_keep, dir) = editable();
    let mut app = app_on(&dir);
    app.update(Action::Move(1));
    let effect = app.update(Action::Edit);
    let Some(Effect::Edit { path, line }) = effect else { panic!("an edit: {effect:?}") };
    assert_eq!(path, dir.join("data/events/2023.toml"));
    let text = std::fs::read_to_string(&path).expect("read");
    let header_line = text.lines().nth(line as usize - 1).expect("line");
    let next = text.lines().nth(line as usize).expect("next line");
    assert_eq!(header_line, "[[event]]");
    assert_eq!(next, "id = \"putin-kim-meeting\"");
    app.update(Action::OpenSource);
    let Some(Effect::Edit { path, .. }) = app.update(Action::Edit) else { panic!("the source's file") };
    assert_eq!(path, dir.join("data/sources.toml"));

    let bundled = load::load(&load::Bundled).expect("bundled");
    let mut app = App::new(Arc::new(bundled), Arc::new(WordStartMatcher), Query::default());
    assert_eq!(app.update(Action::Edit), None);
    assert!(
        app.status.as_deref().is_some_and(|s| s.contains("read-only") && s.contains("annals init")),
        "{:?}",
        app.status
    );
}

#[test]
fn init_writes_the_bundled_dataset_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("copy");
    let out = Command::cargo_bin("annals").expect("bin").args(["init"]).arg(&target).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let check = Command::cargo_bin("annals")
        .expect("bin")
        .arg("--data")
        .arg(&target)
        .arg("check")
        .output()
        .expect("runs");
    assert!(check.status.success(), "the copy checks clean");
    let bundled = Command::cargo_bin("annals").expect("bin").arg("check").output().expect("runs");
    assert_eq!(check.stdout, bundled.stdout, "the same dataset");
    let before = std::fs::read(target.join("data/sources.toml")).expect("read");
    std::fs::write(target.join("data/sources.toml"), b"edited").expect("write");
    let again =
        Command::cargo_bin("annals").expect("bin").args(["init"]).arg(&target).output().expect("runs");
    assert_eq!(again.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&again.stderr).contains("exists"),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(
        std::fs::read(target.join("data/sources.toml")).expect("read"),
        b"edited",
        "nothing overwritten"
    );
    assert!(!before.is_empty());
}

#[test]
fn watch_on_the_bundled_dataset_is_refused() {
    let out = Command::cargo_bin("annals").expect("bin").arg("--watch").output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--data") && err.lines().count() == 1, "{err}");
}

/// The fixture with an earlier event that gives a figure too, so every event's index moves.
fn add_an_earlier_figure(text: String) -> String {
    let first = &text[..text.find("[[event]]\nid = \"satellite-help\"").expect("the second event")];
    let earlier = first
        .replace("id = \"shells-since-august\"", "id = \"shells-earlier\"")
        .replace("date = \"2023-08\"\nuntil = \"2023-11-01\"", "date = \"2023-01\"")
        .replace("amount = 1000000", "amount = 500");
    format!("{earlier}{text}")
}

#[test]
fn a_reload_keeps_the_figures_view_and_the_claims_table_on_their_event() {
    let (_keep, dir) = editable();
    let mut app = app_on(&dir);
    app.update(Action::OpenClaims);
    app.update(Action::Last);
    let Screen::Claims(table) = app.screen() else { panic!("the claims table") };
    let chosen = app.dataset.event(table.rows[table.cursor]).id.clone();
    edit_events(&dir, add_an_earlier_figure);
    reload(&mut app, &dir);
    let Screen::Claims(table) = app.screen() else { panic!("still the claims table") };
    assert_eq!(table.rows.len(), 4, "the new event is a row");
    assert_eq!(app.dataset.event(table.rows[table.cursor]).id, chosen, "the cursor on its event, by id");
    app.render();

    app.update(Action::Back);
    app.update(Action::OpenFigures);
    let Screen::Figures(view) = app.screen() else { panic!("the figures view") };
    assert_eq!(view.figures.as_ref().map(|f| f.len()), Some(2));
    app.update(Action::Last);
    edit_events(&dir, |t| t.replace("amount = 500", "amount = 600"));
    reload(&mut app, &dir);
    let Screen::Figures(view) = app.screen() else { panic!("still the figures view") };
    let figure = view.figure_at_cursor().expect("a figure at the cursor");
    assert_eq!(figure.event(&app.dataset).id, "shells-since-august", "the cursor on its event, by id");
    let amounts: Vec<u64> =
        view.figures.iter().flat_map(|f| f.iter()).map(|(_, f)| f.interval.best).collect();
    assert_eq!(amounts, [600, 1_000_000], "the figures of the new data");
    app.render();
    // Back in the history, a figures view of the old data is made again too.
    app.update(Action::Submit);
    edit_events(&dir, |t| t.replace("amount = 600", "amount = 700"));
    reload(&mut app, &dir);
    app.update(Action::Back);
    let Screen::Figures(view) = app.screen() else { panic!("the figures view again") };
    let amounts: Vec<u64> =
        view.figures.iter().flat_map(|f| f.iter()).map(|(_, f)| f.interval.best).collect();
    assert_eq!(amounts, [700, 1_000_000]);
    app.render();
}

#[test]
fn with_background_search_the_figures_are_asked_for_again_once_the_list_answers() {
    use annals::app::View;
    use annals::figures::Figures;
    let (_keep, dir) = editable();
    let mut app = app_on(&dir);
    app.background_search = true;
    let Some(Effect::ComputeFigures { ticket, .. }) = app.update(Action::OpenFigures) else {
        panic!("figures asked for")
    };
    let figures = Arc::new(Figures::build(&app.dataset, &app.chronology.visible));
    app.update(Action::FiguresDone { ticket, figures: Arc::clone(&figures), events: 3 });
    edit_events(&dir, add_an_earlier_figure);
    let dataset = Arc::new(load::load(&OnDisk::new(&dir)).expect("loads"));
    let effect = app.update(Action::Reloaded(Reloaded::Loaded(Loaded(Arc::clone(&dataset)))));
    let Some(Effect::Search { generation, .. }) = effect else { panic!("the list first: {effect:?}") };
    let Screen::Figures(view) = app.screen() else { panic!("the figures view") };
    assert!(view.figures.is_none(), "nothing of the old dataset is shown");
    app.render();
    // An answer computed on the old dataset, arriving late, is dropped.
    assert_eq!(app.update(Action::FiguresDone { ticket, figures, events: 3 }), None);
    let Screen::Figures(view) = app.screen() else { panic!("the figures view") };
    assert!(view.figures.is_none());
    let all = View::build(&dataset, (0..dataset.events().len()).collect());
    let effect = app.update(Action::SearchDone { generation, view: Box::new(all), complete: true });
    let Some(Effect::ComputeFigures { ticket, events, .. }) = effect else {
        panic!("then the figures: {effect:?}")
    };
    let events = events.expect("the list answers the view's query");
    let figures = Arc::new(Figures::build(&dataset, &events));
    app.update(Action::FiguresDone { ticket, figures, events: events.len() });
    let Screen::Figures(view) = app.screen() else { panic!("the figures view") };
    assert_eq!(view.figures.as_ref().map(|f| f.len()), Some(2));
    app.render();
}

//! The source reader, links in the detail pane, and the history that goes back through them.

use std::path::Path;
use std::sync::Arc;

use annals::app::{Action, App, Focus, Screen};
use annals::load::{self, OnDisk};
use annals::query::Query;
use annals::search::WordStartMatcher;
use ratatui::style::Modifier;

use crate::common::Sized;

fn fixture(width: u16, height: u16) -> Sized {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    let dataset = load::load(&OnDisk::new(dir)).expect("the good fixture loads");
    Sized::new(App::new(Arc::new(dataset), Arc::new(WordStartMatcher), Query::default()), width, height)
}

fn selected_id(app: &App) -> String {
    app.dataset.event(app.chronology.selected.expect("a selection")).id.clone()
}

fn reader(app: &App) -> &annals::app::Reader {
    match app.screen() {
        Screen::Reader(reader) => reader,
        other => panic!("the reader is open, not {other:?}"),
    }
}

/// The screen's text and, for each cell, whether it is reversed and bold (the highlight).
fn highlighted_text(app: &Sized) -> String {
    let terminal = app.render();
    let buffer = terminal.backend().buffer();
    buffer
        .content()
        .iter()
        .filter(|cell| cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD))
        .map(|cell| cell.symbol())
        .collect()
}

#[test]
fn o_opens_the_article_with_the_quote_highlighted_in_place() {
    let mut app = fixture(100, 30);
    assert_eq!(selected_id(&app), "shells-since-august");
    app.update(Action::OpenSource);
    let reader = reader(&app);
    assert_eq!(reader.source, "aljazeera");
    let passage = reader.current_passage().expect("a passage at the cursor");
    let article = app.dataset.article("aljazeera").expect("article");
    assert!(article[passage.start..passage.end].starts_with("Pyongyang has supplied Moscow"));
    let highlighted = highlighted_text(&app);
    assert!(highlighted.contains("Pyongyang"), "the quote is reversed and bold: {highlighted:?}");
    insta::assert_snapshot!(app.render().backend());
}

#[test]
fn the_highlight_survives_no_color() {
    let mut app = fixture(100, 30);
    app.theme = annals::ui::theme::Theme { color: false };
    app.update(Action::OpenSource);
    assert!(highlighted_text(&app).contains("Pyongyang"));
}

#[test]
fn n_walks_the_cited_passages_and_enter_shows_an_event_citing_it() {
    let mut app = fixture(100, 30);
    app.update(Action::OpenSource);
    let count = reader(&app).passages.len();
    assert_eq!(count, 3, "each event of the fixture cites one passage");
    let first = reader(&app).current;
    app.update(Action::NextPassage);
    assert_ne!(reader(&app).current, first);
    app.update(Action::PreviousPassage);
    assert_eq!(reader(&app).current, first);
    // The passages are in the article's order; the last one is cited by some event.
    app.update(Action::NextPassage);
    app.update(Action::NextPassage);
    let target = reader(&app).chosen_event().expect("an event cites it");
    app.update(Action::Submit);
    assert!(matches!(app.screen(), Screen::Chronology));
    assert_eq!(app.chronology.selected, Some(target));
}

#[test]
fn esc_returns_exactly_where_you_were() {
    let mut app = fixture(100, 20);
    app.update(Action::Move(1));
    app.update(Action::ToggleFocus);
    app.update(Action::ScrollDetail(2));
    let before = app.chronology.clone();
    app.update(Action::OpenSource);
    app.update(Action::PageDown);
    app.update(Action::Back);
    assert!(matches!(app.screen(), Screen::Chronology));
    assert_eq!(app.chronology, before);
    assert!(app.history.is_empty());
}

#[test]
fn links_in_the_detail_pane_are_followed_and_backspace_comes_back() {
    let mut app = fixture(100, 30);
    app.update(Action::Last);
    assert_eq!(selected_id(&app), "satellite-help");
    // A filter that hides the related event.
    app.set_query("programme".parse().expect("query"));
    assert_eq!(app.chronology.visible.len(), 1);
    app.update(Action::NextLink);
    assert_eq!(app.chronology.focus, Focus::Detail, "moving over links focuses the pane");
    assert_eq!(app.chronology.link, Some(0));
    app.update(Action::Submit);
    assert_eq!(selected_id(&app), "shells-since-august");
    assert!(app.query.is_empty(), "the filter was lifted to show it");
    assert!(app.status.as_deref().is_some_and(|s| s.contains("lifted")), "{:?}", app.status);
    app.update(Action::Back);
    assert_eq!(selected_id(&app), "satellite-help");
    assert_eq!(app.query.to_string(), "programme", "going back restores the query too");
}

#[test]
fn enter_on_a_citation_opens_the_reader_at_that_quote() {
    let mut app = fixture(100, 30);
    app.update(Action::Last);
    app.update(Action::NextLink); // the related event
    app.update(Action::NextLink); // the citation
    app.update(Action::Submit);
    let passage = reader(&app).current_passage().expect("passage");
    assert!(passage.quote.starts_with("In return, Russia is assumed"));
    app.update(Action::Back);
    assert!(matches!(app.screen(), Screen::Chronology));
    assert_eq!(app.chronology.link, Some(1), "the link cursor is where it was");
}

#[test]
fn the_reader_marks_paragraphs_no_event_cites() {
    let mut app = fixture(100, 40);
    app.update(Action::OpenSource);
    let text = app.render().backend().to_string();
    assert!(text.contains("▌ "), "cited paragraphs are marked");
    assert!(text.contains("· "), "uncited ones too, differently");
}

#[test]
fn history_is_bounded_and_back_without_history_leaves_the_reader() {
    let mut app = fixture(100, 30);
    for _ in 0..150 {
        app.update(Action::OpenSource);
        app.update(Action::Submit);
    }
    assert!(app.history.len() <= 100);
    app.history.clear();
    app.update(Action::OpenSource);
    app.history.clear();
    app.update(Action::Back);
    assert!(matches!(app.screen(), Screen::Chronology));
}

/// Ordered by when things were claimed, the list is not in dataset order: following a link
/// to a listed event must still find it there (not lift the query), and going back must
/// select again the event the link was followed from.
#[test]
fn links_and_back_find_listed_events_in_claim_date_order() {
    let dataset = load::load(&load::Bundled).expect("the bundled dataset loads");
    let mut app =
        Sized::new(App::new(Arc::new(dataset), Arc::new(WordStartMatcher), Query::default()), 120, 40);
    app.set_query("order:reported".parse().expect("query"));
    let listed = app.chronology.visible.len();
    let mut followed = 0;
    for k in 0..listed {
        app.update(Action::First);
        if k > 0 {
            app.update(Action::Move(k as isize));
        }
        let from = selected_id(&app);
        let related = app.dataset.event(app.chronology.selected.expect("a selection")).related.len();
        if related == 0 {
            continue;
        }
        app.update(Action::NextLink);
        app.update(Action::Submit);
        assert_eq!(app.query.to_string(), "order:reported", "following a link from {from} kept the query");
        assert!(app.status.as_deref().is_none_or(|s| !s.contains("lifted")), "{:?}", app.status);
        app.update(Action::Back);
        assert_eq!(selected_id(&app), from, "back selects the event the link was followed from");
        app.update(Action::ToggleFocus);
        followed += 1;
    }
    assert!(followed > 10, "{followed} links followed");
    // The claims table opens sorted by date, as its header says, whatever the list's order.
    app.update(Action::OpenClaims);
    let Screen::Claims(table) = app.screen() else { panic!("the claims table is open") };
    assert!(table.rows.windows(2).all(|pair| pair[0] < pair[1]), "in date order");
    assert_eq!(table.rows.len(), listed);
}

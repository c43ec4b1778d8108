//! Rendered screens: the app drawn into a TestBackend and compared with insta snapshots.

use std::path::Path;
use std::sync::Arc;

use annals::app::{Action, App, Bound};
use annals::load::{self, OnDisk};
use annals::query::{Facet, Query};
use annals::search::WordStartMatcher;
use annals::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

use crate::common::Sized;

fn fixture_app(width: u16, height: u16) -> Sized {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    let dataset = load::load(&OnDisk::new(dir)).expect("the good fixture loads");
    Sized::new(App::new(Arc::new(dataset), Arc::new(WordStartMatcher), Query::default()), width, height)
}

fn render(app: &Sized) -> Terminal<TestBackend> {
    app.render()
}

fn type_text(app: &mut Sized, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(c));
    }
}

/// The cells whose symbol is part of `needle` on the row that contains it.
fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    (0..buffer.area.height).find_map(|y| {
        let line: String = (0..buffer.area.width).map(|x| buffer[(x, y)].symbol().to_string()).collect();
        line.find(needle).map(|byte| (line[..byte].chars().count() as u16, y))
    })
}

#[test]
fn opening_screen() {
    let app = fixture_app(110, 30);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn search_with_highlights() {
    let mut app = fixture_app(110, 30);
    app.update(Action::StartSearch);
    type_text(&mut app, "artilery");
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    // Matched characters are bold and underlined, so they show without colour too.
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "artillery").expect("the matched title is on screen");
    let modifiers: Vec<bool> =
        (0..9).map(|i| buffer[(x + i, y)].modifier.contains(Modifier::BOLD | Modifier::UNDERLINED)).collect();
    // "artilery" matches a-r-t-i-l-[l]-e-r-y: every letter but one `l`.
    assert_eq!(modifiers.iter().filter(|m| **m).count(), 8, "{modifiers:?}");
}

#[test]
fn actor_picker() {
    let mut app = fixture_app(110, 30);
    app.update(Action::OpenPicker(Facet::Actor));
    app.update(Action::PickerToggle);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn weapon_picker_under_another_filter() {
    let mut app = fixture_app(110, 30);
    app.set_query("to:2023-09".parse().expect("query"));
    app.update(Action::OpenPicker(Facet::Weapon));
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    // A value that would give no events is dimmed.
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, "Satellite technology").expect("listed");
    assert!(buffer[(x, y)].modifier.contains(Modifier::DIM), "zero-count values are dimmed");
}

#[test]
fn a_picker_still_counting_says_so() {
    let mut app = fixture_app(110, 30);
    app.set_query("actor:russia".parse().expect("query"));
    app.background_search = true;
    app.update(Action::OpenPicker(Facet::Actor));
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    assert!(find(buffer, "counting…").is_some(), "the title says the counts are coming");
    let (_, row) = find(buffer, "[ ] North Korea").expect("values are listed while counting");
    let line: String = (0..buffer.area.width).map(|x| buffer[(x, row)].symbol()).collect();
    // Up to the popup's right border: the count's cell holds an ellipsis, not a number.
    let row_in_popup = line.split("[ ] North Korea").nth(1).and_then(|rest| rest.split('│').next());
    assert!(row_in_popup.is_some_and(|row| row.trim_end().ends_with('…')), "{line}");
}

#[test]
fn an_export_being_written_says_so_in_the_footer() {
    let mut app = fixture_app(110, 30);
    app.update(Action::StartExport);
    assert!(app.update(Action::Submit).is_some(), "an export is asked for");
    let terminal = render(&app);
    let (_, row) = find(terminal.backend().buffer(), "writing…").expect("the footer says so");
    assert_eq!(row, 29, "on the footer line");
}

#[test]
fn facet_menu() {
    let mut app = fixture_app(110, 30);
    app.set_query("status:reported !kind:meeting country:south-korea".parse().expect("query"));
    app.update(Action::OpenFacetMenu);
    app.update(Action::Move(2));
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn a_status_picker_says_what_each_status_means() {
    let mut app = fixture_app(110, 30);
    app.update(Action::OpenFacetMenu);
    app.update(Action::Submit);
    let screen = render(&app).backend().to_string();
    assert!(screen.contains("Statuses · 0 chosen"), "{screen}");
    assert!(screen.contains("reported") && screen.contains("a source claims it"), "{screen}");
}

#[test]
fn source_picker_narrowed() {
    let mut app = fixture_app(110, 30);
    app.update(Action::OpenPicker(Facet::Source));
    type_text(&mut app, "jazera");
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn date_prompt_with_an_error() {
    let mut app = fixture_app(110, 30);
    app.update(Action::OpenDatePrompt(Bound::From));
    type_text(&mut app, "2023-02-30");
    app.update(Action::Submit);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn help_overlay() {
    let mut app = fixture_app(110, 30);
    app.update(Action::ShowHelp);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn tiny_terminal() {
    let app = fixture_app(40, 10);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn detail_pane_scrolled() {
    let mut app = fixture_app(90, 16);
    app.update(Action::ToggleFocus);
    app.update(Action::PageDown);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn without_colour_the_selection_is_a_symbol_and_bold() {
    let mut app = fixture_app(110, 30);
    app.theme = Theme { color: false };
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert!(
            cell.fg == Color::Reset && cell.bg == Color::Reset,
            "no colour at all under NO_COLOR: {cell:?}"
        );
    }
    let (x, y) = find(buffer, "▶ 2023-08").expect("the selected row is marked");
    assert!(buffer[(x + 2, y)].modifier.contains(Modifier::BOLD));
}

#[test]
fn resizing_redraws_at_every_size_without_panicking() {
    let mut app = fixture_app(110, 30);
    for (width, height) in [(1, 1), (20, 5), (59, 14), (60, 14), (61, 13), (80, 24), (300, 100), (110, 30)] {
        app.resize(width, height);
        let terminal = render(&app);
        let text = terminal.backend().to_string();
        if width >= 60 && height >= 14 {
            assert!(text.contains("of 3 events"), "{width}×{height}");
        } else if width >= 20 {
            assert!(text.contains("annals needs"), "{width}×{height}: {text}");
        }
    }
}

fn hostile_app(width: u16, height: u16) -> Sized {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    let dataset = load::load(&OnDisk::new(dir)).expect("the hostile fixture is a valid dataset");
    Sized::new(App::new(Arc::new(dataset), Arc::new(WordStartMatcher), Query::default()), width, height)
}

/// No cell may hold a character a terminal would obey rather than show.
fn assert_nothing_raw(buffer: &Buffer) {
    for cell in buffer.content() {
        for c in cell.symbol().chars() {
            let invisible = matches!(c, '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}');
            assert!(!c.is_control() && !invisible, "raw {c:?} reached the screen in {:?}", cell.symbol());
        }
    }
}

/// The panes' borders stand in the same columns on every row, whatever the text's widths.
fn assert_borders_aligned(buffer: &Buffer, layout: annals::ui::layout::ScreenLayout) {
    for y in layout.list.y..layout.list.y + layout.list.height {
        for x in [
            layout.list.x,
            layout.list.x + layout.list.width - 1,
            layout.detail.x,
            layout.detail.x + layout.detail.width - 1,
        ] {
            let symbol = buffer[(x, y)].symbol();
            assert!("│┌┐└┘─".contains(symbol), "row {y}, column {x}: {symbol:?} where a border should be");
        }
    }
}

#[test]
fn escape_sequences_in_the_data_are_shown_not_obeyed() {
    let app = hostile_app(110, 30);
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    assert_nothing_raw(terminal.backend().buffer());
    assert_borders_aligned(terminal.backend().buffer(), app.layout());
}

#[test]
fn wide_and_combining_characters_keep_the_columns() {
    let mut app = hostile_app(110, 30);
    app.update(Action::Last);
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    assert_nothing_raw(terminal.backend().buffer());
    assert_borders_aligned(terminal.backend().buffer(), app.layout());
}

#[test]
fn a_ten_thousand_character_word_wraps_inside_its_pane() {
    let mut app = hostile_app(90, 24);
    app.update(Action::ToggleFocus);
    app.update(Action::ScrollDetail(3));
    let terminal = render(&app);
    insta::assert_snapshot!(terminal.backend());
    assert_borders_aligned(terminal.backend().buffer(), app.layout());
    for (field, list) in [("picker", Facet::Actor), ("weapon picker", Facet::Weapon)] {
        let mut app = hostile_app(90, 24);
        app.update(Action::OpenPicker(list));
        let terminal = render(&app);
        assert_nothing_raw(terminal.backend().buffer());
        let _ = field;
    }
}

/// The screen's rows as text.
fn rows(app: &Sized) -> Vec<String> {
    let terminal = render(app);
    let buffer = terminal.backend().buffer();
    (0..buffer.area.height)
        .map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol().to_string()).collect())
        .collect()
}

#[test]
fn at_80x24_the_footer_always_offers_help_and_quit() {
    let mut app = fixture_app(80, 24);
    let footer = |app: &Sized| rows(app).last().cloned().expect("a footer");
    for line in [footer(&app), {
        app.update(Action::ToggleFocus);
        footer(&app)
    }] {
        assert!(line.contains("? help") && line.contains("q quit"), "{line}");
    }
    assert!(footer(&app).contains("scroll"), "the detail pane's own keys: {}", footer(&app));
    app.update(Action::ShowHelp);
    assert!(footer(&app).contains("close") && footer(&app).contains("q quit"), "{}", footer(&app));
    for (width, height) in [(60, 14), (64, 20), (70, 24)] {
        app.update(Action::Cancel);
        app.resize(width, height);
        let line = footer(&app);
        assert!(line.contains("? help") && line.contains("q quit"), "{width}×{height}: {line}");
    }
}

#[test]
fn at_80x24_the_help_scrolls_and_cuts_no_row() {
    let mut app = fixture_app(80, 24);
    app.update(Action::ShowHelp);
    let mut seen = String::new();
    for _ in 0..40 {
        for row in rows(&app).iter().take(23) {
            // The popup spans the screen's width: its inside is between the borders.
            let inside: String = row.chars().skip(1).take(78).collect();
            seen.push_str(inside.trim_end());
            seen.push(' ');
        }
        app.update(Action::PageDown);
    }
    let seen = seen.split_whitespace().collect::<Vec<_>>().join(" ");
    for binding in annals::keymap::bindings() {
        let text = binding.help.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(seen.contains(&text), "the help shows {text:?} whole");
        assert!(seen.contains(binding.label), "the help shows the keys {:?}", binding.label);
    }
}

#[test]
fn the_header_keeps_the_count_and_the_query_before_the_name() {
    let mut app = fixture_app(80, 24);
    app.update(Action::StartSearch);
    type_text(&mut app, "shells actor:north-korea weapon:artillery-shells");
    app.update(Action::Submit);
    let header = rows(&app)[0].clone();
    assert!(header.starts_with(" 1 of 3 events │ "), "{header}");
    assert!(header.contains("shells"), "the query shows: {header}");
}

#[test]
fn the_detail_pane_says_when_there_is_more_below() {
    let mut app = fixture_app(80, 20);
    let screen = rows(&app).join("\n");
    assert!(screen.contains("↓ more"), "{screen}");
    app.update(Action::ToggleFocus);
    app.update(Action::DetailBottom);
    let screen = rows(&app).join("\n");
    assert!(!screen.contains("↓ more"), "at the end: {screen}");
}

#[test]
fn after_being_too_small_the_first_heading_shows_again() {
    let mut app = fixture_app(100, 30);
    app.update(Action::Last);
    app.resize(40, 8);
    app.resize(100, 30);
    let screen = rows(&app);
    assert!(screen[5].contains("2023"), "the first year heading is the first row: {}", screen[5]);
}

#[test]
fn spans_are_written_one_way_and_an_ellipsis_marks_only_a_cut() {
    let app = fixture_app(110, 30);
    let screen = rows(&app).join("\n");
    assert!(screen.contains("2023-08 → 2023-11-01 B North Korea"), "whole when it fits: {screen}");
    let narrow = fixture_app(70, 24);
    let screen = rows(&narrow).join("\n");
    assert!(screen.contains("2023-08 →…"), "the span's end cut, and marked: {screen}");
}

#[test]
fn a_source_picker_keeps_the_grade_visible() {
    let mut app = fixture_app(80, 24);
    app.update(Action::OpenPicker(Facet::Source));
    let screen = rows(&app).join("\n");
    assert!(screen.contains("grade B"), "{screen}");
}

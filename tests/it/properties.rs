//! Nothing panics, whatever comes in: property tests, bounded so `cargo test` stays quick.

use std::path::Path;
use std::sync::Arc;

use annals::app::Overlay;
use annals::app::{Action, App, Bound, ClaimsColumn, Screen};
use annals::date::{Date, EventDate};
use annals::load::{self, InMemory};
use annals::query::{Facet, Query, Trail};
use annals::search::WordStartMatcher;
use annals::ui::{
    self,
    layout::{ScreenLayout, Size},
    theme::Theme,
};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

fn good() -> InMemory {
    InMemory::from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"))
        .expect("the good fixture")
}

const EVENTS: &str = "data/events/2023.toml";

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn dates_parse_or_refuse_and_round_trip(text in "\\\\PC{0,12}|[0-9]{4}(-[0-9]{1,2}){0,2}") {
        if let Ok(date) = text.parse::<Date>() {
            prop_assert_eq!(date.to_string().parse::<Date>(), Ok(date));
            prop_assert!(date.first_day() <= date.last_day());
        }
    }

    #[test]
    fn event_dates_parse_or_refuse_and_round_trip(text in "\\PC{0,12}|(\\.\\.|[0-9]{4}(-[0-9]{1,2}){0,2}[~?%]?)?(/(\\.\\.|[0-9]{4}(-[0-9]{1,2}){0,2}[~?%]?)?)?") {
        if let Ok(date) = text.parse::<EventDate>() {
            prop_assert_eq!(date.to_string(), text);
            prop_assert!(date.days().first <= date.days().last);
            prop_assert!(!date.label().is_empty());
        }
    }

    #[test]
    fn queries_parse_or_refuse_and_round_trip(text in "\\\\PC{0,40}|(!?(actor|weapon|source|status|kind|grade|country|claimant|from|to|order):[a-z0-9-]{0,8} ?|[!']?[a-z0-9,%\"]{1,6} ){0,5}") {
        if let Ok(query) = text.parse::<Query>() {
            prop_assert_eq!(query.to_string().parse::<Query>(), Ok(query.clone()));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_in_a_data_file_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600), which in 0usize..4) {
        let mut files = good();
        let path = ["data/events/2023.toml", "data/actors.toml", "data/sources.toml", "data/dataset.toml"][which];
        files.insert(path, bytes);
        let _ = load::load(&files);
    }

    #[test]
    fn mutated_valid_files_never_panic(edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8)) {
        let mut files = good();
        let mut bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good").join(EVENTS)).expect("fixture");
        for (at, byte, kind) in edits {
            let at = at.index(bytes.len().max(1)).min(bytes.len());
            match kind {
                0 if at < bytes.len() => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ if at < bytes.len() => { bytes.remove(at); }
                _ => {}
            }
        }
        files.insert(EVENTS, bytes);
        if let Err(failure) = load::load(&files) {
            prop_assert!(!failure.problems.is_empty());
            for problem in &failure.problems {
                prop_assert!(!problem.to_string().contains('\n'), "a problem is one line");
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Typed a character at a time, each query that claims to narrow the last keeps, when
    /// searched within the last one's answer (whole, or only its changed words), exactly what
    /// a search of every event keeps.
    #[test]
    fn narrowing_gives_what_a_full_search_gives(typed in "[!'\" ]{0,1}[a-z0-9 ,%-]{1,9}") {
        let dataset = bundled();
        let matcher = WordStartMatcher;
        let mut previous: Option<(Query, Vec<usize>)> = None;
        let mut trail = Trail::new(dataset.events().len());
        for end in (1..=typed.len()).filter(|&end| typed.is_char_boundary(end)) {
            let Ok(query) = typed[..end].parse::<Query>() else { continue };
            let full = query.filter(dataset, &matcher);
            // As the worker searches: the changed words among the last answer when the query
            // narrows it, else all of it among every event; each event read from where the
            // word this one types on first matched.
            let narrowed = previous.as_ref().filter(|(before, _)| query.narrows(before));
            let tested = narrowed.map_or_else(|| query.clone(), |(before, _)| query.residual(before));
            let within = narrowed.map(|(_, answer)| answer.as_slice());
            let track = trail.begin(&tested);
            let on_trail = tested.filter_on_trail(dataset, &matcher, within, &|| false, track.as_ref().map(|t| (&trail, t)));
            let mut on_trail = on_trail.expect("not stopped");
            if let Some(track) = track {
                trail.settle(track);
            }
            query.order.arrange(dataset, &mut on_trail);
            prop_assert_eq!(&on_trail, &full, "{:?} on the trail", tested.to_string());
            if let Some((before, answer)) = &previous {
                if query.narrows(before) {
                    let within = query.filter_within(dataset, &matcher, Some(answer), &|| false).expect("not stopped");
                    prop_assert_eq!(&within, &full, "{:?} within {:?}", query.to_string(), before.to_string());
                    // As the TUI searches: only the words changed, among the last answer.
                    let rest = query.residual(before);
                    let mut within = rest.filter_within(dataset, &matcher, Some(answer), &|| false).expect("not stopped");
                    query.order.arrange(dataset, &mut within);
                    prop_assert_eq!(&within, &full, "{:?} within {:?}", rest.to_string(), before.to_string());
                }
            }
            previous = Some((query, full));
        }
    }
}

/// The bundled dataset, loaded once for the property tests that read it.
fn bundled() -> &'static annals::model::Dataset {
    static DATASET: std::sync::OnceLock<annals::model::Dataset> = std::sync::OnceLock::new();
    DATASET.get_or_init(|| load::load(&load::Bundled).expect("the bundled dataset loads"))
}

fn action() -> impl Strategy<Value = Action> {
    let text = prop_oneof![
        Just('a'),
        Just('k'),
        Just('2'),
        Just(' '),
        Just(':'),
        Just('é'),
        Just('\u{1b}'),
        any::<char>()
    ];
    prop_oneof![
        (-5isize..5).prop_map(Action::Move),
        Just(Action::PageDown),
        Just(Action::PageUp),
        Just(Action::First),
        Just(Action::Last),
        Just(Action::PreviousMonth),
        Just(Action::NextMonth),
        Just(Action::ToggleFocus),
        (-20i32..20).prop_map(Action::ScrollDetail),
        Just(Action::StartSearch),
        (0..Facet::ALL.len()).prop_map(|k| Action::OpenPicker(Facet::ALL[k])),
        Just(Action::OpenFacetMenu),
        Just(Action::ToggleOrder),
        Just(Action::CursorLeft),
        Just(Action::CursorHome),
        Just(Action::DeleteWord),
        Just(Action::HistoryPrevious),
        Just(Action::HistoryNext),
        prop_oneof![Just(Bound::From), Just(Bound::To)].prop_map(Action::OpenDatePrompt),
        Just(Action::ShowHelp),
        Just(Action::ClearFilters),
        text.prop_map(Action::Input),
        Just(Action::Backspace),
        Just(Action::ClearInput),
        Just(Action::Submit),
        Just(Action::Cancel),
        (-3isize..3).prop_map(Action::PickerMove),
        Just(Action::PickerToggle),
        Just(Action::StartExport),
        Just(Action::DetailTop),
        Just(Action::DetailBottom),
        (-2i32..2).prop_map(Action::DetailPage),
        Just(Action::Back),
        Just(Action::OpenFigures),
        Just(Action::OpenClaims),
        Just(Action::NextItem),
        Just(Action::PreviousItem),
        proptest::sample::select(ClaimsColumn::ALL.to_vec()).prop_map(Action::SortBy),
    ]
}

/// What happens to the app between frames: an action, a resize, or the mouse somewhere.
#[derive(Debug, Clone)]
enum Step {
    Act(Action),
    Resize(u16, u16),
    Click(u16, u16),
    Wheel(u16, u16, i32),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => action().prop_map(Step::Act),
        1 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Step::Resize(w, h)),
        1 => (0u16..300, 0u16..100).prop_map(|(column, row)| Step::Click(column, row)),
        1 => (0u16..300, 0u16..100, -6i32..6).prop_map(|(column, row, lines)| Step::Wheel(column, row, lines)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any keys, clicks and resizes, at any size from 1×1 to 300×100: nothing panics, every
    /// frame draws, and the selection is always one of the events shown (when any are).
    #[test]
    fn the_app_survives_any_input(start in (1u16..=300, 1u16..=100), steps in proptest::collection::vec(step(), 1..40)) {
        let dataset = load::load(&good()).expect("the good fixture loads");
        let mut size = Size { width: start.0, height: start.1 };
        let mut app = App::new(Arc::new(dataset), Arc::new(WordStartMatcher), Query::default());
        let theme = Theme::default();
        for step in steps {
            let area = Rect::new(0, 0, size.width, size.height);
            let action = match step {
                Step::Act(action) => Some(action),
                Step::Resize(width, height) => {
                    size = Size { width, height };
                    None
                }
                Step::Click(column, row) => ui::pane_at(area, column, row).map(Action::Click),
                Step::Wheel(column, row, lines) => ui::pane_at(area, column, row).map(|pane| Action::Wheel(pane, lines)),
            };
            if let Some(action) = action {
                if matches!(action, Action::Submit) && matches!(app.overlay, Some(Overlay::Export { .. })) {
                    continue; // Writing files is the export tests' business.
                }
                let _ = app.update(action);
            }
            // As the TUI does: draw, hand the app what the frame measured, draw again.
            let mut terminal = Terminal::new(TestBackend::new(size.width, size.height)).expect("terminal");
            let mut measured = app.measured;
            terminal.draw(|frame| measured = ui::draw(frame, &app, &theme)).expect("draws");
            app.update(Action::Measured(measured));
            terminal.draw(|frame| measured = ui::draw(frame, &app, &theme)).expect("draws");
            let chronology = &app.chronology;
            match chronology.selected {
                Some(selected) => prop_assert!(chronology.visible.contains(&selected), "the selection is shown"),
                None => prop_assert!(chronology.visible.is_empty(), "something is selected when anything is shown"),
            }
            prop_assert!(chronology.detail_scroll <= app.measured.detail_max_scroll(), "the detail scroll stays in its text");
            // The figures view's and the claims table's cursors stay on screen too.
            let rows = usize::from(app.measured.table_rows);
            let cursor = match app.screen() {
                Screen::Figures(view) => Some((view.cursor, view.offset, view.rows.len())),
                Screen::Claims(table) => Some((table.cursor, table.offset, table.rows.len())),
                _ => None,
            };
            if let Some((cursor, offset, len)) = cursor.filter(|_| rows > 0) {
                prop_assert!(len == 0 || cursor < len, "the cursor is on a row");
                prop_assert!(len == 0 || (cursor >= offset && cursor < offset + rows), "the cursor's row is on screen");
            }
            if let Some(row) = chronology.selected_row() {
                prop_assert!(row < chronology.rows.len());
                let layout = ScreenLayout::new(size);
                if !layout.too_small {
                    let height = usize::from(layout.list_inner_height());
                    prop_assert!(row >= chronology.list_offset && row < chronology.list_offset + height, "the selected row is on screen");
                }
            }
        }
    }
}

proptest! {
    /// Any text at all: cleaning keeps one character for each, and what it keeps is safe to
    /// show (cleaning it again changes nothing), so positions and widths stay honest.
    #[test]
    fn cleaning_any_text_keeps_its_length_and_leaves_nothing_to_obey(text in "\\PC*|[\\x00-\\x1f\\x7f-\\u{9f}\\u{2028}\\u{2029}\\u{202a}-\\u{202e}\\u{2066}-\\u{2069}\\u{fdd0}-\\u{fdef}\\u{fffe}\\u{ffff}a-z ]*") {
        let cleaned = annals::text::clean(&text);
        prop_assert_eq!(cleaned.chars().count(), text.chars().count());
        prop_assert_eq!(annals::text::clean(&cleaned), cleaned.clone());
        for c in cleaned.chars() {
            prop_assert!(!c.is_control() && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{fdd0}'..='\u{fdef}' | '\u{fffe}' | '\u{ffff}'), "{:?} kept", c);
        }
    }
}

//! Nothing panics, whatever comes in: property tests, bounded so `cargo test` stays quick.

use std::path::Path;
use std::sync::Arc;

use annals::app::{Action, App, Bound};
use annals::date::Date;
use annals::load::{self, InMemory};
use annals::query::{Facet, Query};
use annals::search::SkimWordMatcher;
use annals::ui::{self, layout::Size};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

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
    fn queries_parse_or_refuse_and_round_trip(text in "\\\\PC{0,40}|((actor|weapon|source|from|to):[a-z0-9-]{0,8} ?|[a-z]{1,6} ){0,5}") {
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
        prop_oneof![Just(Facet::Actor), Just(Facet::Weapon), Just(Facet::Source)]
            .prop_map(Action::OpenPicker),
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
        (1u16..=300, 1u16..=100).prop_map(|(w, h)| Action::Resize(w, h)),
        (0u16..300, 0u16..100).prop_map(|(column, row)| Action::Click { column, row }),
        (0u16..300, 0u16..100, -6i32..6).prop_map(|(column, row, lines)| Action::Wheel {
            column,
            row,
            lines
        }),
        Just(Action::StartExport),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Any keys, clicks and resizes, at any size from 1×1 to 300×100: nothing panics, every
    /// frame draws, and the selection is always one of the events shown (when any are).
    #[test]
    fn the_app_survives_any_input(start in (1u16..=300, 1u16..=100), actions in proptest::collection::vec(action(), 1..40)) {
        let dataset = load::load(&good()).expect("the good fixture loads");
        let size = Size { width: start.0, height: start.1 };
        let mut app = App::new(Arc::new(dataset), Arc::new(SkimWordMatcher::default()), Query::default(), size);
        for action in actions {
            if matches!(action, Action::Submit) && matches!(app.mode, annals::app::Mode::ExportPrompt { .. }) {
                continue; // Writing files is the export tests' business.
            }
            let _ = app.update(action);
            let mut terminal = Terminal::new(TestBackend::new(app.screen.width, app.screen.height)).expect("terminal");
            terminal.draw(|frame| ui::draw(frame, &app)).expect("draws");
            match app.selected {
                Some(selected) => prop_assert!(app.visible.contains(&selected), "the selection is shown"),
                None => prop_assert!(app.visible.is_empty(), "something is selected when anything is shown"),
            }
            if let Some(row) = app.selected_row() {
                prop_assert!(row < app.rows.len());
                let layout = app.layout();
                if !layout.too_small {
                    let height = usize::from(layout.list_inner_height());
                    prop_assert!(row >= app.list_offset && row < app.list_offset + height, "the selected row is on screen");
                }
            }
        }
    }
}

//! What the loader makes of an event's EDTF date and credibility, and what it refuses.

use std::path::Path;

use annals::load::{self, InMemory};
use annals::model::{Credibility, Dataset};

const EVENTS: &str = "data/events/2023.toml";

/// The good fixture with its first event's date lines replaced by `lines`.
fn load_with(lines: &str) -> Result<Dataset, Vec<String>> {
    let mut files = InMemory::from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"))
        .expect("the good fixture");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good").join(EVENTS);
    let text = std::fs::read_to_string(root).expect("the fixture's events");
    let text = text.replacen("date = \"2023-08\"\nuntil = \"2023-11-01\"\n", lines, 1);
    files.insert(EVENTS, text.into_bytes());
    load::load(&files).map_err(|failure| failure.problems.iter().map(ToString::to_string).collect())
}

fn first_event_label(dataset: &Dataset) -> String {
    dataset.event_by_id("shells-since-august").expect("the event").date_label()
}

#[test]
fn until_and_the_interval_it_stands_for_load_the_same() {
    let old = load_with("date = \"2023-08\"\nuntil = \"2023-11-01\"\n").expect("loads");
    let new = load_with("date = \"2023-08/2023-11-01\"\n").expect("loads");
    assert_eq!(old.events(), new.events());
    assert_eq!(first_event_label(&new), "2023-08 → 2023-11-01");
    let problems = load_with("date = \"2023-08/2023-11-01\"\nuntil = \"2023-12\"\n").expect_err("refused");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].ends_with("`until` goes with one date; write the interval's end in `date` (e.g. \"2023-08/2023-11-01\") and remove `until`"), "{problems:?}");
}

#[test]
fn open_starts_and_qualifiers_load_and_are_shown_as_they_are() {
    for (written, shown) in [
        ("../2023-11-01", "by 2023-11-01"),
        ("2023-08~", "c. 2023-08"),
        ("2023?", "2023?"),
        ("/2023-11", "? → 2023-11"),
    ] {
        let dataset = load_with(&format!("date = \"{written}\"\n")).expect(written);
        assert_eq!(first_event_label(&dataset), shown);
    }
    let problems = load_with("date = \"2023-11-01/2023-08\"\n").expect_err("refused");
    assert!(
        problems[0].ends_with("\"2023-11-01/2023-08\" ends before it begins; swap its ends or correct one"),
        "{problems:?}"
    );
    let problems = load_with("date = \"../..\"\n").expect_err("refused");
    assert!(problems[0].contains("names no date"), "{problems:?}");
}

#[test]
fn a_credibility_comes_with_its_reason_and_pairs_with_the_source_grade() {
    let rated = "date = \"2023-08\"\ncredibility = 2\ncredibility_reason = \"NIS, consistent with CNN.\"\n";
    let dataset = load_with(rated).expect("loads");
    let event = dataset.event_by_id("shells-since-august").expect("the event");
    assert_eq!(event.credibility, Some(Credibility::ProbablyTrue));
    assert_eq!(dataset.rating(event).to_string(), "B2");
    let unrated = dataset.event_by_id("putin-kim-meeting").expect("the event");
    assert_eq!(dataset.rating(unrated).to_string(), "B", "not rated: the grade alone");

    for (lines, message) in [
        ("credibility = 2\n", "`credibility` needs a `credibility_reason`: say in a line why"),
        (
            "credibility_reason = \"Why.\"\n",
            "`credibility_reason` needs a `credibility`: 1 (confirmed by other sources) to 6 (truth cannot be judged)",
        ),
        ("credibility = 3\ncredibility_reason = \" \"\n", "`credibility_reason` is empty; write it out"),
        (
            "credibility = 7\ncredibility_reason = \"Why.\"\n",
            "credibility 7 is not 1 (confirmed by other sources) to 6 (truth cannot be judged)",
        ),
        (
            "credibility = \"2\"\ncredibility_reason = \"Why.\"\n",
            "write the credibility as a number without quotes, 1 to 6 (credibility = 2)",
        ),
    ] {
        let problems = load_with(&format!("date = \"2023-08\"\n{lines}")).expect_err(lines);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains(message), "{lines}: {problems:?}");
    }
}

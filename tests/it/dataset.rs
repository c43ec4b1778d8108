//! The bundled dataset: every quote is verbatim in its article as committed under seeds/.

use std::path::Path;

use annals::date::MONTH_NAMES as MONTHS;
use annals::load::{self, Bundled, normalise_for_quote};

#[test]
fn every_bundled_quote_is_verbatim_in_its_article() {
    let dataset =
        load::load(&Bundled).unwrap_or_else(|failure| panic!("bundled dataset: {}", failure.summary()));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for event in dataset.events() {
        assert!(!event.citations.is_empty(), "{} has no citation", event.id);
        for citation in &event.citations {
            let source = dataset.source(&citation.source).expect("citations resolve");
            let article = std::fs::read_to_string(root.join(&source.file)).expect("the article is in seeds/");
            assert!(
                normalise_for_quote(&article).contains(&normalise_for_quote(&citation.quote)),
                "{}: quote not in {}: {:?}",
                event.id,
                source.file,
                citation.quote
            );
            checked += 1;
        }
    }
    assert!(checked > 0);
}

#[test]
fn bundled_seeds_are_the_shared_articles_byte_for_byte() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/seeds");
    if !shared.is_dir() {
        return; // Outside the workspace there is nothing to compare against; the files are committed.
    }
    for entry in std::fs::read_dir(&shared).expect("shared seeds readable") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let name = path.file_name().expect("a file name");
            let ours =
                std::fs::read(root.join("seeds").join(name)).expect("each shared article is in seeds/");
            assert_eq!(ours, std::fs::read(&path).expect("readable"), "{}", name.to_string_lossy());
        }
    }
}

fn bundled() -> annals::model::Dataset {
    load::load(&Bundled).unwrap_or_else(|failure| {
        let problems: Vec<String> = failure.problems.iter().map(|p| p.to_string()).collect();
        panic!("the bundled dataset must load cleanly:\n{}", problems.join("\n"))
    })
}

#[test]
fn no_two_events_share_an_id_and_every_reference_resolves() {
    let dataset = bundled();
    let mut ids: Vec<&str> = dataset.events().iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before, "duplicate event ids");
    for event in dataset.events() {
        for actor in event.involved_actors() {
            assert!(dataset.actor(actor).is_some(), "{}: actor {actor}", event.id);
        }
        for weapon in &event.weapons {
            assert!(dataset.weapon(weapon).is_some(), "{}: weapon {weapon}", event.id);
        }
        for related in &event.related {
            assert!(ids.binary_search(&related.as_str()).is_ok(), "{}: related {related}", event.id);
        }
        for citation in &event.citations {
            assert!(dataset.source(&citation.source).is_some(), "{}: source {}", event.id, citation.source);
        }
    }
}

#[test]
fn nothing_in_a_taxonomy_goes_unreferenced() {
    let dataset = bundled();
    for actor in dataset.actors() {
        let used = dataset.events().iter().any(|e| e.involved_actors().any(|id| id == actor.id))
            || dataset.actors().iter().any(|a| a.country.as_deref() == Some(actor.id.as_str()));
        assert!(used, "actor {} is never referenced", actor.id);
    }
    for weapon in dataset.weapons() {
        assert!(
            dataset.events().iter().any(|e| e.weapons.contains(&weapon.id)),
            "weapon {} is never referenced",
            weapon.id
        );
    }
    for source in dataset.sources() {
        let cited = dataset.events().iter().any(|e| e.citations.iter().any(|c| c.source == source.id));
        assert!(cited, "source {} is never cited", source.id);
    }
}

#[test]
fn related_events_name_each_other() {
    let dataset = bundled();
    for event in dataset.events() {
        for related in &event.related {
            let other = dataset.events().iter().find(|e| &e.id == related).expect("related ids resolve");
            assert!(other.related.contains(&event.id), "{} names {} but not the reverse", event.id, other.id);
        }
    }
}

/// A date with no `date_basis` must be stated in a quote at its own precision; any other
/// date is inferred, and must say how. So no event is more precise than its text allows.
#[test]
fn every_date_is_stated_in_a_quote_or_has_a_basis() {
    use annals::date::DatePrecision;
    let dataset = bundled();
    for event in dataset.events() {
        if let Some(basis) = &event.date_basis {
            assert!(basis.trim().len() > 10, "{}: the date basis must explain the inference", event.id);
            continue;
        }
        let date = event.date;
        let year = date.year_number().to_string();
        let month = date.month_number().map(|m| MONTHS[m as usize - 1]);
        let day = date.first_day().format("%-d").to_string();
        let stated = event.citations.iter().any(|c| {
            let quote = &c.quote;
            match date.precision() {
                DatePrecision::Year => quote.contains(&year),
                DatePrecision::Month => month.is_some_and(|m| quote.contains(m)),
                DatePrecision::Day => {
                    month.is_some_and(|m| quote.contains(m))
                        && quote.split(|c: char| !c.is_ascii_digit()).any(|n| n == day)
                }
            }
        });
        assert!(
            stated,
            "{}: date {} is not stated in its quotes, so it needs a date_basis",
            event.id, event.date
        );
    }
}

#[test]
fn no_event_is_dated_after_its_sources_unless_planned() {
    use annals::model::Status;
    let dataset = bundled();
    for event in dataset.events() {
        if matches!(event.status, Status::Planned | Status::Pledged) {
            continue;
        }
        let latest = event
            .citations
            .iter()
            .filter_map(|c| dataset.source(&c.source))
            .map(|s| s.published.last_day())
            .max()
            .expect("every event is cited");
        assert!(
            event.date.first_day() <= latest,
            "{}: dated {} but its latest source was published by {latest}",
            event.id,
            event.date
        );
        for bound in event.until.iter().chain(&event.reported) {
            assert!(bound.first_day() <= latest, "{}: {bound} is after its sources", event.id);
        }
    }
}

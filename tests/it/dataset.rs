//! The bundled dataset: every quote is verbatim in its article as committed under seeds/.

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use annals::date::MONTH_NAMES as MONTHS;
use annals::load::{self, Bundled, OnDisk, locate, normalise_for_quote};
use annals::model::{Dataset, Origin};
use proptest::prelude::*;

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
        let date = event.date.anchor();
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
            event.date.anchor().first_day() <= latest,
            "{}: dated {} but its latest source was published by {latest}",
            event.id,
            event.date
        );
        for bound in event.date.closed_end().iter().chain(&event.reported) {
            assert!(bound.first_day() <= latest, "{}: {bound} is after its sources", event.id);
        }
    }
}

/// The lines of the dataset file an origin names, read once per file.
struct Files(HashMap<String, Vec<String>>);

impl Files {
    /// The record written at `origin`: its header line, then its lines up to the next header.
    fn record(&mut self, origin: Origin<'_>) -> (String, Vec<String>) {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let lines = self.0.entry(origin.file.to_string()).or_insert_with(|| {
            let text = std::fs::read_to_string(root.join(origin.file)).expect("the origin's file exists");
            text.lines().map(str::to_string).collect()
        });
        let at = origin.line as usize - 1;
        let body = lines[at + 1..].iter().take_while(|l| !l.starts_with("[[")).cloned().collect();
        (lines[at].clone(), body)
    }
}

#[test]
fn every_record_knows_the_file_and_line_of_its_header() {
    let dataset = bundled();
    let mut files = Files(HashMap::new());
    let mut check = |origin: Option<Origin<'_>>, header: &str, id: &str| {
        let origin = origin.unwrap_or_else(|| panic!("{id} has an origin"));
        let (first, body) = files.record(origin);
        assert_eq!(first, header, "{id} at {}:{}", origin.file, origin.line);
        assert!(body.contains(&format!("id = \"{id}\"")), "{id} at {}:{}", origin.file, origin.line);
    };
    for (index, event) in dataset.events().iter().enumerate() {
        let origin = dataset.origin_of_event(index);
        assert!(origin.is_some_and(|o| o.file.starts_with("data/events/")), "{}", event.id);
        check(origin, "[[event]]", &event.id);
    }
    for source in dataset.sources() {
        check(dataset.origin_of_source(&source.id), "[[source]]", &source.id);
    }
    for actor in dataset.actors() {
        check(dataset.origin_of_actor(&actor.id), "[[actor]]", &actor.id);
    }
    for weapon in dataset.weapons() {
        check(dataset.origin_of_weapon(&weapon.id), "[[weapon]]", &weapon.id);
    }
    assert_eq!(dataset.origin_of_source("no-such-source"), None);
}

#[test]
fn a_dataset_on_disk_keeps_its_origins_and_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    let dataset = load::load(&OnDisk::new(&dir)).expect("the good fixture loads");
    let lines: Vec<u32> = (0..dataset.events().len())
        .filter_map(|i| dataset.origin_of_event(i))
        .map(|o| {
            assert_eq!(o.file, "data/events/2023.toml");
            o.line
        })
        .collect();
    assert_eq!(lines, vec![1, 44, 25], "in chronological order: the August span, September, November");
    assert_eq!(dataset.origin_of_actor("nis"), Some(Origin { file: "data/actors.toml", line: 13 }));
    let article = std::fs::read_to_string(dir.join("seeds/003_1e972da549e7da1c.txt")).expect("the article");
    assert_eq!(dataset.article("aljazeera"), Some(article.as_str()));
    assert_eq!(dataset.shared_article("aljazeera").as_deref(), Some(article.as_str()));
    // A dataset built in memory was written nowhere.
    let built =
        Dataset::new("x".into(), dataset.sources().to_vec(), vec![], vec![], dataset.events().to_vec());
    assert_eq!((built.origin_of_event(0), built.article("aljazeera")), (None, None));
}

static BUNDLED: LazyLock<Dataset> = LazyLock::new(bundled);

#[test]
fn every_bundled_quote_is_located_in_its_article_as_written() {
    for event in BUNDLED.events() {
        for citation in &event.citations {
            let article = BUNDLED.article(&citation.source).expect("every source's article is kept");
            let range = locate(article, &citation.quote)
                .unwrap_or_else(|| panic!("{}: {:?} not located", event.id, citation.quote));
            assert_eq!(
                normalise_for_quote(&article[range]),
                normalise_for_quote(&citation.quote),
                "{}",
                event.id
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Any passage of an article, cut anywhere, is found in it, and the range found folds to it.
    #[test]
    fn locate_finds_any_passage_of_an_article(
        which in any::<prop::sample::Index>(),
        from in any::<prop::sample::Index>(),
        chars in 1usize..400,
    ) {
        let source = &BUNDLED.sources()[which.index(BUNDLED.sources().len())];
        let article = BUNDLED.article(&source.id).expect("every source's article is kept");
        let bounds: Vec<usize> = article.char_indices().map(|(i, _)| i).chain([article.len()]).collect();
        let start = from.index(bounds.len());
        let passage = &article[bounds[start]..bounds[(start + chars).min(bounds.len() - 1)]];
        prop_assume!(!normalise_for_quote(passage).is_empty());
        let range = locate(article, passage);
        prop_assert!(range.is_some(), "{passage:?} not located in {}", source.file);
        let range = range.unwrap_or_default();
        prop_assert!(article.is_char_boundary(range.start) && article.is_char_boundary(range.end));
        prop_assert_eq!(normalise_for_quote(&article[range]), normalise_for_quote(passage));
    }
}

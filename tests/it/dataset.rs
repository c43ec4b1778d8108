//! The bundled dataset: every quote is verbatim in its article as committed under seeds/,
//! and the curation rules that are mechanical hold.

use std::collections::HashMap;
use std::path::Path;
use std::sync::LazyLock;

use crate::common::copy_tree;
use annals::date::MONTH_NAMES as MONTHS;
use annals::load::{self, Bundled, OnDisk, locate, normalise_for_quote};
use annals::model::{Dataset, Event, Origin, Status};
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

// The mechanical rules, each a finder that names what breaks it: the bundled data
// breaks none, and a doctored copy of it is caught by each.

/// Events dated after their report, unless planned or pledged: the whole date, an interval's
/// end too, must fall on or before the day it was reported (`reported`, else the latest of
/// its sources), and the report must not be after its sources.
fn dated_after_their_report(dataset: &Dataset) -> Vec<String> {
    let mut found = Vec::new();
    for event in dataset.events() {
        let Some(latest) = event
            .citations
            .iter()
            .filter_map(|c| dataset.source(&c.source))
            .map(|s| s.published.last_day())
            .max()
        else {
            continue; // uncited: another test's business
        };
        if let Some(reported) = event.reported.filter(|r| r.first_day() > latest) {
            found.push(format!("{}: reported {reported}, after its sources", event.id));
        }
        if matches!(event.status, Status::Planned | Status::Pledged) {
            continue;
        }
        let report = event.reported.map_or(latest, |r| r.last_day());
        if event.span().last > report {
            found.push(format!("{}: dated {}, which runs past its report of {report}", event.id, event.date));
        }
    }
    found
}

/// Weapon types listed as sent from A to B in one event and from B to A in another.
fn transferred_both_ways(dataset: &Dataset) -> Vec<String> {
    let mut directions: HashMap<(&str, &str, &str), Vec<&str>> = HashMap::new();
    for event in dataset.events() {
        let (Some(from), Some(to)) = (&event.from, &event.to) else { continue };
        for weapon in &event.weapons {
            directions.entry((weapon.as_str(), from.as_str(), to.as_str())).or_default().push(&event.id);
        }
    }
    let mut found: Vec<String> = directions
        .iter()
        .filter_map(|((weapon, from, to), ids)| {
            let back = directions.get(&(*weapon, *to, *from))?;
            Some(format!("{weapon} goes {from} → {to} in {ids:?} and {to} → {from} in {back:?}"))
        })
        .collect();
    found.sort();
    found
}

/// Words a title or summary puts in double quotation marks that none of its citations
/// quotes: quotation marks are for the articles' words, never the curator's.
fn quoted_but_not_cited(dataset: &Dataset) -> Vec<String> {
    let mut found = Vec::new();
    for event in dataset.events() {
        let quotes: Vec<String> = event.citations.iter().map(|c| normalise_for_quote(&c.quote)).collect();
        for (field, text) in [("title", &event.title), ("summary", &event.summary)] {
            let text = normalise_for_quote(text);
            // Folded, every quotation mark is `"`: the odd pieces are the quoted ones.
            for quoted in text.split('"').skip(1).step_by(2) {
                let quoted = quoted.trim_end_matches(['.', ',', ';', ':']);
                if !quotes.iter().any(|q| q.contains(quoted)) {
                    found.push(format!("{} {field}: \"{quoted}\"", event.id));
                }
            }
        }
    }
    found
}

/// Events without a credibility and a reason for it.
fn unrated(dataset: &Dataset) -> Vec<String> {
    let reasoned = |e: &Event| e.credibility_reason.as_deref().is_some_and(|r| r.trim().len() > 10);
    dataset
        .events()
        .iter()
        .filter(|e| e.credibility.is_none() || !reasoned(e))
        .map(|e| e.id.clone())
        .collect()
}

#[test]
fn no_event_is_dated_after_its_report_unless_planned_or_pledged() {
    assert_eq!(dated_after_their_report(&BUNDLED), Vec::<String>::new());
}

#[test]
fn no_weapon_is_transferred_both_ways() {
    assert_eq!(transferred_both_ways(&BUNDLED), Vec::<String>::new());
}

#[test]
fn text_in_quotation_marks_is_in_the_cited_quotes() {
    assert_eq!(quoted_but_not_cited(&BUNDLED), Vec::<String>::new());
}

#[test]
fn every_event_has_a_credibility_and_a_reason() {
    assert_eq!(unrated(&BUNDLED), Vec::<String>::new());
}

/// The bundled dataset with `edit` applied to the event `id`.
fn doctored(id: &str, edit: impl FnOnce(&mut Event)) -> Dataset {
    let mut events = BUNDLED.events().to_vec();
    edit(triomphe::Arc::make_mut(events.iter_mut().find(|e| e.id == id).expect("the event exists")));
    let (sources, actors, weapons) =
        (BUNDLED.sources().to_vec(), BUNDLED.actors().to_vec(), BUNDLED.weapons().to_vec());
    Dataset::new(BUNDLED.name().to_string(), sources, actors, weapons, events)
}

#[test]
fn each_rule_catches_what_breaks_it() {
    // The letters as the report's month, as they were dated before open starts.
    let month = doctored("putin-kim-exchange-letters-2023", |e| e.date = "2023-08".parse().expect("date"));
    assert_eq!(dated_after_their_report(&month).len(), 1, "a month that runs past a day's report");
    let later = doctored("burmistrov-denies-allegations", |e| e.date = "2023-12".parse().expect("date"));
    assert_eq!(dated_after_their_report(&later).len(), 1);
    let planned = doctored("engineers-and-sappers-for-kursk", |e| e.date = "2025-09".parse().expect("date"));
    assert!(dated_after_their_report(&planned).is_empty(), "a plan may be dated after its report");

    let back =
        doctored("nis-russia-satellite-technology-for-arms", |e| e.weapons.push("artillery-shells".into()));
    assert_eq!(transferred_both_ways(&back).len(), 2, "both directions are named");

    let invented = doctored("cnn-shells-in-ten-shipments", |e| e.title.push_str(" \"in ten boats\""));
    assert_eq!(quoted_but_not_cited(&invented), ["cnn-shells-in-ten-shipments title: \"in ten boats\""]);
    let typographic = doctored("cnn-shells-in-ten-shipments", |e| {
        e.summary = "They went “in ten separate shipments.”".into()
    });
    assert!(quoted_but_not_cited(&typographic).is_empty(), "curly quotes fold, trailing stops are let go");

    let unrated_event = doctored("kim-pledges-full-support-2025", |e| e.credibility = None);
    assert_eq!(unrated(&unrated_event), ["kim-pledges-full-support-2025"]);
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

// A dataset reads nothing outside itself, and only regular files of bounded size. Links,
// FIFOs and sockets can't be committed, so each case is made in a copy of the good fixture.

const ARTICLE: &str = "seeds/003_1e972da549e7da1c.txt";

/// A copy of the good fixture to break.
fn good_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"), dir.path());
    dir
}

/// Each problem of loading `dir`, its path shown from the dataset's root; loading must not
/// take more than a few seconds (a FIFO read would block for ever).
fn problems_of(dir: &Path) -> Vec<String> {
    let (sender, receiver) = std::sync::mpsc::channel();
    let root = dir.to_path_buf();
    std::thread::spawn(move || {
        let loaded = load::load(&OnDisk::new(&root)).map(|_| ());
        let _ = sender.send(loaded);
    });
    let loaded = receiver.recv_timeout(std::time::Duration::from_secs(20)).expect("loading never hangs");
    let prefix = format!("{}/", dir.display());
    match loaded {
        Ok(()) => Vec::new(),
        Err(failure) => failure.problems.iter().map(|p| p.to_string().replace(&prefix, "")).collect(),
    }
}

fn symlink(target: impl AsRef<Path>, link: &Path) {
    let _ = std::fs::remove_file(link);
    std::os::unix::fs::symlink(target, link).expect("a symbolic link");
}

fn set_article(dir: &Path, file: &str) {
    let path = dir.join("data/sources.toml");
    let text = std::fs::read_to_string(&path).expect("sources.toml").replace(ARTICLE, file);
    std::fs::write(path, text).expect("write sources.toml");
}

const OUTSIDE: &str = "leads outside the dataset through a symbolic link, so it is not read";

#[test]
fn an_article_linked_outside_the_dataset_is_refused_without_reading_it() {
    let dir = good_copy();
    let secret = tempfile::NamedTempFile::new().expect("a file outside");
    std::fs::write(secret.path(), "Pyongyang has supplied Moscow with more than one million").expect("write");
    for target in [secret.path(), Path::new("/etc/passwd"), Path::new("../../../../../../../etc/passwd")] {
        symlink(target, &dir.path().join(ARTICLE));
        assert_eq!(
            problems_of(dir.path()),
            vec![format!(
                "data/sources.toml:7:8: [source aljazeera] the article {ARTICLE} {OUTSIDE}; copy the article itself into the dataset"
            )],
            "{}: one problem, and nothing said of the quotes against it",
            target.display()
        );
    }
}

#[test]
fn a_folder_linked_to_the_root_of_the_file_system_is_refused() {
    let dir = good_copy();
    symlink("/", &dir.path().join("seeds/root"));
    set_article(dir.path(), "seeds/root/etc/passwd");
    assert_eq!(
        problems_of(dir.path()),
        vec![format!(
            "data/sources.toml:7:8: [source aljazeera] the article seeds/root/etc/passwd {OUTSIDE}; copy the article itself into the dataset"
        )]
    );
    // Nor can the events folder lead out.
    let dir = good_copy();
    std::fs::remove_dir_all(dir.path().join("data/events")).expect("remove");
    symlink("/", &dir.path().join("data/events"));
    let problems = problems_of(dir.path());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with(&format!("data/events/: cannot list the event files ({OUTSIDE})")));
}

#[test]
fn a_data_file_linked_to_a_credentials_file_is_refused_and_not_shown() {
    let credentials = tempfile::NamedTempFile::new().expect("a file outside");
    std::fs::write(credentials.path(), "name = \"hunter2\"\n").expect("write");
    // Actors that can't be read leave references to them unjudged: one problem either way.
    for file in ["data/dataset.toml", "data/actors.toml"] {
        let dir = good_copy();
        symlink(credentials.path(), &dir.path().join(file));
        let refusal = format!("{file}: the file {OUTSIDE}; copy the file itself into the dataset");
        assert_eq!(problems_of(dir.path()), vec![refusal]);
    }
}

#[test]
fn links_that_stay_inside_the_dataset_are_followed() {
    let dir = good_copy();
    std::fs::rename(dir.path().join(ARTICLE), dir.path().join("seeds/real.txt")).expect("rename");
    symlink("real.txt", &dir.path().join(ARTICLE));
    symlink(
        dir.path().canonicalize().expect("real path").join("data/actors.toml"),
        &dir.path().join("actors"),
    );
    std::fs::rename(dir.path().join("data/actors.toml"), dir.path().join("data/real-actors.toml"))
        .expect("mv");
    symlink("../seeds/../data/real-actors.toml", &dir.path().join("data/actors.toml"));
    assert_eq!(problems_of(dir.path()), Vec::<String>::new());
}

#[test]
fn fifos_sockets_devices_and_folders_are_refused_at_once() {
    let dir = good_copy();
    let article = dir.path().join(ARTICLE);
    std::fs::remove_file(&article).expect("remove");
    let made = std::process::Command::new("mkfifo").arg(&article).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo makes a FIFO");
    let refused = |what: &str| {
        vec![format!(
            "data/sources.toml:7:8: [source aljazeera] the article {ARTICLE} is a {what}, not a regular file; put the article there or correct `file`"
        )]
    };
    assert_eq!(problems_of(dir.path()), refused("FIFO (a named pipe)"));
    std::fs::remove_file(&article).expect("remove");
    let _socket = std::os::unix::net::UnixListener::bind(&article).expect("a socket");
    assert_eq!(problems_of(dir.path()), refused("socket"));
    // A device can be reached only through a link, which leads outside.
    for device in ["/dev/zero", "/dev/urandom"] {
        symlink(device, &article);
        assert!(problems_of(dir.path())[0].contains(OUTSIDE));
    }
    let events = dir.path().join("data/events/2024.toml");
    std::fs::create_dir(&events).expect("a folder where an event file should be");
    let problems = problems_of(dir.path());
    assert!(
        problems.contains(
            &"data/events/2024.toml: the file is a directory, not a regular file; put a regular file there"
                .to_string()
        ),
        "{problems:?}"
    );
}

#[test]
fn files_over_their_size_limit_are_refused_before_reading() {
    let dir = good_copy();
    // Sparse: as large as the limits say, at no cost.
    let grow = |file: &str, bytes: u64| {
        let handle = std::fs::OpenOptions::new().append(true).open(dir.path().join(file)).expect("open");
        handle.set_len(bytes).expect("grow");
    };
    grow(ARTICLE, 8 * 1024 * 1024 + 1);
    grow("data/events/2023.toml", 256 * 1024 * 1024 + 1);
    grow("data/actors.toml", 16 * 1024 * 1024 + 1);
    assert_eq!(
        problems_of(dir.path()),
        vec![
            "data/actors.toml: the file is larger than 16 MiB, the most this kind of file may be; split it or shorten it (docs/DATA.md gives the limits)".to_string(),
            "data/events/2023.toml: the file is larger than 256 MiB, the most this kind of file may be; split it or shorten it (docs/DATA.md gives the limits)".to_string(),
            format!("data/sources.toml:7:8: [source aljazeera] the article {ARTICLE} is larger than 8 MiB, the most this kind of file may be; keep the part the events cite, or correct `file`"),
        ]
    );
}

#[test]
/// Past 5,000 names no guess is made, so 2,000 unknown names among 200,000 aliases cost no
/// 2,000 × 200,000 comparisons (about 2 s in a debug build; no timing is asserted here, as
/// the machines tests run on are too noisy for one).
fn did_you_mean_is_skipped_among_two_hundred_thousand_aliases() {
    let mut files =
        load::InMemory::from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good"))
            .expect("the good fixture");
    let mut actors = String::from_utf8(files_read(&files, "data/actors.toml")).expect("UTF-8");
    for a in 0..3_200 {
        let aliases: Vec<String> = (0..63).map(|i| format!("\"alias {a} {i}\"")).collect();
        actors.push_str(&format!(
            "\n[[actor]]\nid = \"actor-{a}\"\nname = \"Actor {a}\"\nkind = \"person\"\naliases = [{}]\n",
            aliases.join(", ")
        ));
    }
    files.insert("data/actors.toml", actors.into_bytes());
    let events: String = (0..2_000)
        .map(|e| {
            format!(
                "[[event]]\nid = \"e{e}\"\ndate = \"2023\"\ntitle = \"t\"\nsummary = \"s\"\nkind = \"other\"\nstatus = \"reported\"\nactors = [\"actor-{e}x\"]\nclaimed_by = [\"nis\"]\n[[event.citations]]\nsource = \"aljazeera\"\nquote = \"Pyongyang has supplied Moscow\"\n"
            )
        })
        .collect();
    files.insert("data/events/2024.toml", events.into_bytes());
    let failure = load::load(&files).expect_err("2,000 unknown actors");
    assert_eq!(failure.problems.len(), 2_000);
    assert!(
        failure.problems.iter().all(|p| !p.message.contains("did you mean")),
        "too many names to guess among"
    );
}

fn files_read(files: &load::InMemory, path: &str) -> Vec<u8> {
    use load::DatasetFiles;
    files.read(path, u64::MAX).expect("in the fixture")
}

/// `search_field` gives each field `search_fields_into` gathers, at its place, and nothing past.
#[test]
fn each_search_field_is_the_one_gathered_at_its_place() {
    let dataset = bundled();
    let mut fields = Vec::new();
    for index in 0..dataset.events().len() {
        dataset.search_fields_into(index, &mut fields);
        for (k, field) in fields.iter().enumerate() {
            assert_eq!(dataset.search_field(index, k), Some(*field), "event {index}, field {k}");
        }
        assert_eq!(dataset.search_field(index, fields.len()), None);
    }
}

//! A source's optional `url` and `archived_url`: checked by the loader, shown in the reader,
//! the detail pane and every export. The bundled articles carry none, so nothing is invented.

use std::path::Path;
use std::sync::Arc;

use annals::app::{Action, App};
use annals::export::{Export, ExportFormat};
use annals::load::{self, OnDisk};
use annals::query::Query;
use annals::search::WordStartMatcher;

use crate::common::Sized;

const URL: &str = "https://www.aljazeera.com/news/2023/11/2/north-korea-sends-russia-artillery";
const ARCHIVED: &str = "https://web.archive.org/web/2023/https://www.aljazeera.com/news/x";

/// The good fixture with addresses on its source (or `url` set to `url`).
fn with_url(url: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    let status = std::process::Command::new("cp")
        .arg("-r")
        .arg(fixture.join("data"))
        .arg(fixture.join("seeds"))
        .arg(dir.path())
        .status()
        .expect("cp");
    assert!(status.success());
    let sources = dir.path().join("data/sources.toml");
    let text = std::fs::read_to_string(&sources).expect("read");
    let text = text.replacen(
        "id = \"aljazeera\"",
        &format!("id = \"aljazeera\"\nurl = \"{url}\"\narchived_url = \"{ARCHIVED}\""),
        1,
    );
    std::fs::write(&sources, text).expect("write");
    dir
}

#[test]
fn addresses_are_shown_everywhere() {
    let dir = with_url(URL);
    let dataset = load::load(&OnDisk::new(dir.path())).expect("loads");
    let source = dataset.source("aljazeera").expect("source");
    assert_eq!(source.url.as_deref(), Some(URL));
    let events: Vec<usize> = (0..dataset.events().len()).collect();
    for format in [ExportFormat::Md, ExportFormat::Html, ExportFormat::Json, ExportFormat::TimelineJs] {
        let export = Export {
            dataset: &dataset,
            events: &events,
            query: &Query::default(),
            format,
            data_dir: None,
            output: None,
            generated: "now",
        };
        let text = String::from_utf8(export.render()).expect("UTF-8");
        assert!(text.contains(URL), "{format:?} shows the address");
    }
    let mut app =
        Sized::new(App::new(Arc::new(dataset), Arc::new(WordStartMatcher), Query::default()), 110, 40);
    let detail = app.render().backend().to_string();
    assert!(detail.contains("online: https://www.aljazeera.com"), "the detail pane: {detail}");
    app.update(Action::OpenSource);
    let reader = app.render().backend().to_string();
    assert!(
        reader.contains("online: https://www.aljazeera.com")
            && reader.contains("archived: https://web.archive.org"),
        "{reader}"
    );
}

#[test]
fn a_bad_address_is_a_problem_and_the_bundled_sources_have_none() {
    for bad in ["www.example.com", "https://", "https://a b", "javascript:alert(1)"] {
        let dir = with_url(bad);
        let failure = load::load(&OnDisk::new(dir.path())).expect_err("refused");
        let text = failure.problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
        assert!(text.contains("`url` must be a web address starting with https://"), "{bad}: {text}");
    }
    let bundled = load::load(&load::Bundled).expect("bundled");
    assert!(bundled.sources().iter().all(|s| s.url.is_none() && s.archived_url.is_none()));
}

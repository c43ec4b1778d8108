//! The bundled dataset: every quote is verbatim in its article as committed under seeds/.

use std::path::Path;

use annals::load::{self, Bundled, normalise_for_quote};

#[test]
fn every_bundled_quote_is_verbatim_in_its_article() {
    let dataset =
        load::load(&Bundled).unwrap_or_else(|failure| panic!("bundled dataset: {}", failure.summary()));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut checked = 0;
    for event in &dataset.events {
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

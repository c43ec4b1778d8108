//! `annals show` and `annals coverage` through the binary.

use std::path::Path;

use assert_cmd::Command;

fn annals(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("annals").expect("binary").args(args).output().expect("annals runs")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn show_source_piped_is_the_article_exactly() {
    let out = annals(&["show", "aljazeera-2023-11"]);
    assert!(out.status.success());
    let listed = annals(&["list", "--format", "json", "--source", "aljazeera-2023-11"]);
    let json: serde_json::Value = serde_json::from_slice(&listed.stdout).expect("JSON");
    let file = json[0]["citations"][0]["file"].as_str().expect("file");
    let article = std::fs::read(root().join(file)).expect("article");
    assert_eq!(out.stdout, article, "plain, byte for byte, when piped");
}

#[test]
fn show_source_json_gives_offsets_into_the_text_as_written() {
    let out = annals(&["show", "twz-2023-08-30", "--format", "json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["id"], "twz-2023-08-30");
    let file = json["file"].as_str().expect("file");
    let article = std::fs::read_to_string(root().join(file)).expect("article");
    assert_eq!(json["text"].as_str(), Some(article.as_str()), "the article exactly as in the file");
    let passages = json["passages"].as_array().expect("passages");
    assert!(passages.len() >= 5, "{passages:?}");
    let fold = |s: &str| annals::load::normalise_for_quote(s);
    for passage in passages {
        let (start, end) = (
            passage["start"].as_u64().expect("start") as usize,
            passage["end"].as_u64().expect("end") as usize,
        );
        let quote = passage["quote"].as_str().expect("quote");
        assert!(
            article.is_char_boundary(start) && article.is_char_boundary(end),
            "offsets on character boundaries"
        );
        let slice = &article[start..end];
        assert_eq!(fold(slice), fold(quote), "bytes {start}..{end} hold the quote");
        assert!(!passage["events"].as_array().expect("events").is_empty());
    }
}

#[test]
fn show_event_prints_what_the_detail_pane_shows() {
    let out = annals(&["show", "shoigu-visits-north-korea-2023-07"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    for part in [
        "Kirby",
        "2023-07  (month precision)",
        "date basis:",
        "reported:",
        "claimed by:",
        "Sources (1)",
        "“The information",
    ] {
        assert!(text.contains(part), "{part:?} in\n{text}");
    }
    let json = annals(&["show", "shoigu-visits-north-korea-2023-07", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(value["id"], "shoigu-visits-north-korea-2023-07");
}

#[test]
fn an_unknown_id_is_exit_2_with_the_closest() {
    let out = annals(&["show", "aljazera-2023-11"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("did you mean aljazeera-2023-11"), "{err}");
    assert_eq!(annals(&["coverage", "nowhere"]).status.code(), Some(2));
}

#[test]
fn coverage_counts_cited_paragraphs_and_lists_the_others() {
    let out = annals(&["coverage", "--format", "json"]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let articles = json.as_array().expect("array");
    assert_eq!(articles.len(), 5, "every source");
    for article in articles {
        let (paragraphs, cited) =
            (article["paragraphs"].as_u64().expect("n"), article["cited"].as_u64().expect("n"));
        let uncited = article["uncited"].as_array().expect("uncited");
        assert_eq!(paragraphs, cited + uncited.len() as u64);
        assert!(cited > 0, "{}", article["source"]);
    }
    let text = String::from_utf8(annals(&["coverage", "kyiv-post-2025-02"]).stdout).expect("UTF-8");
    assert!(text.starts_with("kyiv-post-2025-02: "), "{text}");
    assert!(text.contains("paragraphs cited ("), "{text}");
}

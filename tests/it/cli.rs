//! The real binary, end to end: every bad fixture's exact message, the list formats, the
//! filters and the argument errors.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn annals() -> Command {
    Command::cargo_bin("annals").expect("the annals binary is built for integration tests")
}

/// `annals --data good …`
fn good(args: &[&str]) -> Command {
    let mut command = annals();
    command.arg("--data").arg(fixtures().join("good")).args(args);
    command
}

fn stdout_of(args: &[&str]) -> String {
    let output = good(args).output().expect("annals runs");
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

#[test]
fn every_bad_fixture_fails_with_its_exact_message() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures().join("bad"))
        .expect("tests/fixtures/bad exists")
        .map(|entry| entry.expect("readable entry").path())
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 25, "expected a fixture per kind of problem, found {}", cases.len());
    for case in cases {
        let expected =
            std::fs::read_to_string(case.join("expected.txt")).expect("each fixture has expected.txt");
        assert!(expected.starts_with("./data/"), "{}: the message names the file", case.display());
        // `check`, `list`, and the terminal UI (no subcommand) refuse alike, before using the terminal.
        for args in [&["check"][..], &["list"], &[]] {
            let output =
                annals().current_dir(&case).args(["--data", "."]).args(args).output().expect("annals runs");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(output.status.code(), Some(1), "{} {args:?}: {stderr}", case.display());
            assert_eq!(stderr, expected, "{} {args:?}", case.display());
            assert!(output.stdout.is_empty(), "{} {args:?}: nothing on stdout", case.display());
        }
    }
}

#[test]
fn thousands_of_problems_stay_readable() {
    let output = annals()
        .current_dir(fixtures().join("bad/thousands-of-errors"))
        .args(["--data", ".", "check"])
        .output()
        .expect("annals runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 102, "100 problems, the count of the rest, the summary");
    assert_eq!(lines[100], "… and 2400 more problems not shown");
    assert_eq!(lines[101], "error: the dataset has 2500 problems in 1 file");
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(&fixtures().join("good"), dir.path());
    for file in ["data/events/2023.toml", "data/actors.toml", "data/sources.toml"] {
        let path = dir.path().join(file);
        let mut bytes = "\u{feff}".as_bytes().to_vec();
        bytes.extend(std::fs::read(&path).expect("fixture file"));
        std::fs::write(&path, bytes).expect("write");
    }
    annals().arg("--data").arg(dir.path()).arg("check").assert().success();
}

fn copy_tree(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("readable") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

#[test]
fn problems_name_file_line_column_and_record() {
    let case = fixtures().join("bad/unknown-actor");
    annals()
        .current_dir(&case)
        .args(["--data", ".", "check"])
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "./data/events/2023.toml:12:8: [event shells-since-august] unknown actor \"nort-korea\"; did you mean \"north-korea\"?",
        ))
        .stderr(predicate::str::ends_with("error: the dataset has 1 problem in 1 file\n"));
}

#[test]
fn check_passes_a_clean_dataset_with_a_summary() {
    good(&["check"]).assert().success().stdout(
        "ok: 3 events, 1 sources, 5 actors, 2 weapon types; 3 quotes found verbatim in their articles\n",
    );
}

#[test]
fn the_bundled_dataset_checks_clean_from_any_directory() {
    let elsewhere = tempfile::tempdir().expect("temp dir");
    annals()
        .current_dir(elsewhere.path())
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("ok: "));
}

#[test]
fn list_prints_events_chronologically_at_their_precision() {
    let text = stdout_of(&["list"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4);
    assert!(lines[0].starts_with("2023-08 → 2023-11-01  transfer"), "{}", lines[0]);
    assert!(lines[1].starts_with("2023-09               meeting"), "{}", lines[1]);
    assert!(lines[2].starts_with("2023-11               transfer"), "{}", lines[2]);
    assert_eq!(lines[3], "3 of 3 events");
}

#[test]
fn list_json_carries_every_field_and_the_citation_file() {
    let json: serde_json::Value =
        serde_json::from_str(&stdout_of(&["list", "--format", "json"])).expect("valid JSON");
    let events = json.as_array().expect("an array");
    assert_eq!(events.len(), 3);
    let first = &events[0];
    for field in [
        "id",
        "date",
        "until",
        "title",
        "summary",
        "kind",
        "status",
        "actors",
        "weapons",
        "from",
        "to",
        "claimed_by",
        "quantities",
        "citations",
    ] {
        assert!(first.get(field).is_some(), "missing {field}");
    }
    assert_eq!(first["date"], "2023-08", "the date as curated, not padded");
    assert_eq!(first["until"], "2023-11-01");
    assert_eq!(first["from"], "north-korea");
    assert_eq!(first["quantities"][0]["amount"], 1_000_000);
    assert_eq!(first["quantities"][0]["qualifier"], "over");
    let citation = &first["citations"][0];
    assert_eq!(citation["source"], "aljazeera");
    assert_eq!(citation["file"], "seeds/003_1e972da549e7da1c.txt");
    assert!(citation["quote"].as_str().is_some_and(|q| q.starts_with("Pyongyang has supplied Moscow")));
    assert_eq!(events[1]["until"], serde_json::Value::Null);
}

#[test]
fn list_csv_has_a_header_and_a_row_an_event() {
    let csv = stdout_of(&["list", "--format", "csv", "--weapon", "artillery-shells"]);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().expect("a header").clone();
    assert_eq!(&header[0], "id");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), 1);
    assert_eq!(&rows[0][0], "shells-since-august");
    assert_eq!(&rows[0][1], "2023-08");
}

fn listed_ids(args: &[&str]) -> Vec<String> {
    let mut all = vec!["list", "--format", "json"];
    all.extend_from_slice(args);
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&all)).expect("valid JSON");
    json.as_array().expect("an array").iter().map(|e| e["id"].as_str().expect("an id").to_string()).collect()
}

#[test]
fn filters_combine_or_within_a_facet_and_and_across() {
    assert_eq!(listed_ids(&["--weapon", "artillery-shells", "--weapon", "satellite-technology"]).len(), 2);
    assert_eq!(listed_ids(&["--weapon", "satellite-technology", "--from", "2023-11-15"]), ["satellite-help"]);
    assert!(listed_ids(&["--weapon", "satellite-technology", "--to", "2023-10"]).is_empty());
    assert_eq!(
        listed_ids(&["--actor", "aljazeera-outlet"]),
        ["putin-kim-meeting"],
        "claimants count as actors"
    );
    assert_eq!(
        listed_ids(&["--from", "2023-08-15", "--to", "2023-08-20"]),
        ["shells-since-august"],
        "overlap"
    );
    assert_eq!(listed_ids(&["--query", "artilery"]), ["shells-since-august"], "typos match");
    assert_eq!(listed_ids(&["--query", "weapon:satellite-technology"]), ["satellite-help"]);
    assert_eq!(listed_ids(&["--query", "cosmodrome putin"]), ["putin-kim-meeting"], "every word must match");
    assert_eq!(
        listed_ids(&["--query", "from:2023-09", "--actor", "nis"]),
        ["shells-since-august", "satellite-help"]
    );
    assert_eq!(listed_ids(&["--query", "pyongyang"]).len(), 3, "actor aliases are searched");
}

#[test]
fn bad_arguments_are_one_line_errors_with_exit_code_2() {
    good(&["list", "--actor", "nort-korea"]).assert().code(2).stderr(
        "error: unknown actor \"nort-korea\" (did you mean \"north-korea\"?); valid actors: aljazeera-outlet, nis, north-korea, russia, south-korea\n",
    );
    good(&["list", "--weapon", "kn-23"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("valid weapons: artillery-shells, satellite-technology"));
    good(&["list", "--from", "2023-13"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\"2023-13\" is not a real calendar date"));
    good(&["list", "--to", "August"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("write YYYY, YYYY-MM or YYYY-MM-DD"));
    good(&["list", "--query", "from:2024 to:2023"])
        .assert()
        .code(2)
        .stderr("error: `from` 2024 is after `to` 2023; swap them\n");
    good(&["list", "--format", "yaml"]).assert().code(2);
}

#[test]
fn top_level_and_subcommand_filters_add_up_or_conflict_clearly() {
    good(&["--weapon", "artillery-shells", "list", "--format", "json", "--actor", "nis"]).assert().success();
    annals()
        .args(["--from", "2023", "list", "--from", "2025"])
        .assert()
        .code(2)
        .stderr("error: from is given twice (2023 and 2025); keep one\n");
}

#[test]
fn export_takes_its_format_from_the_file_name_unless_told() {
    let dir = tempfile::tempdir().expect("temp dir");
    let json = dir.path().join("out.json");
    annals().arg("export").arg("-o").arg(&json).assert().success();
    let text = std::fs::read_to_string(&json).expect("written");
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok(), "JSON, from .json");
    let forced = dir.path().join("out2.json");
    annals().arg("export").arg("--format").arg("md").arg("-o").arg(&forced).assert().success();
    assert!(std::fs::read_to_string(&forced).expect("written").starts_with("# "), "--format wins");
}

#[test]
fn every_subcommand_has_help() {
    for args in [&["--help"][..], &["list", "--help"], &["check", "--help"]] {
        annals().args(args).assert().success().stdout(predicate::str::contains("Usage: annals"));
    }
    annals()
        .args(["list", "--help"])
        .assert()
        .stdout(predicate::str::contains("--actor <ID>").and(predicate::str::contains("--format")));
}

#[test]
fn a_missing_data_folder_is_a_clear_error() {
    let empty = tempfile::tempdir().expect("temp dir");
    annals().current_dir(empty.path()).args(["--data", ".", "check"]).assert().code(1).stderr(
        predicate::str::contains("./data/sources.toml: file not found; create it with [[source]] records"),
    );
}

#[test]
fn the_readme_keys_table_is_the_key_table() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README");
    let table = annals::keymap::markdown_table();
    assert!(
        readme.contains(&table),
        "README's keys table is out of step with src/keymap.rs; paste this between the keys markers:\n{table}"
    );
}

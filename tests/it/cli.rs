//! The real binary, end to end: every bad fixture's exact message, the list formats, the
//! filters and the argument errors.

use std::path::{Path, PathBuf};

use crate::common::copy_tree;
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
    let output = good(&["list"]).output().expect("annals runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "only rows on standard output");
    assert!(lines[0].starts_with("2023-08 → 2023-11-01  transfer"), "{}", lines[0]);
    assert!(lines[1].starts_with("2023-09               meeting"), "{}", lines[1]);
    assert!(lines[2].starts_with("2023-11               transfer"), "{}", lines[2]);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "3 of 3 events\n", "the count on standard error");
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
        "README's keys table is out of step with src/keymap/; paste this between the keys markers:\n{table}"
    );
}

/// A copy of the good fixture with its events file edited, and the copy's path.
fn good_copy_with(edit: impl Fn(String) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_tree(&fixtures().join("good"), dir.path());
    let events = dir.path().join("data/events/2023.toml");
    let text = std::fs::read_to_string(&events).expect("events file");
    std::fs::write(&events, edit(text)).expect("write events");
    dir
}

const NORMAL_TITLE: &str = "title = \"North Korea ships over a million artillery shells to Russia\"";

#[test]
fn completion_scripts_come_for_every_shell_with_the_bundled_ids() {
    let dataset = annals::load::load(&annals::load::Bundled).expect("bundled dataset");
    for shell in ["bash", "zsh", "fish", "elvish", "powershell", "BASH"] {
        let output = annals().args(["completions", shell]).output().expect("annals runs");
        assert!(output.status.success(), "{shell}: {}", String::from_utf8_lossy(&output.stderr));
        let script = String::from_utf8(output.stdout).expect("UTF-8");
        for word in ["list", "export", "actor", "format"] {
            assert!(script.contains(word), "{shell}: no {word}");
        }
        // clap_complete's elvish and PowerShell scripts complete subcommands and flags only;
        // bash, zsh and fish also offer the values.
        if !matches!(shell, "elvish" | "powershell") {
            assert!(script.contains("timelinejs"), "{shell}: no formats");
            for id in dataset.actors().iter().map(|a| &a.id).chain(dataset.weapons().iter().map(|w| &w.id)) {
                assert!(script.contains(id.as_str()), "{shell}: no {id}");
            }
        }
    }
    annals().args(["completions", "tcsh"]).assert().code(2);
}

/// What bash offers after `words`, the last being the word being completed.
fn bash_completes(words: &[&str]) -> Vec<String> {
    let words_array: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let script = format!(
        "source <('{bin}' completions bash) || exit 3\n\
         COMP_WORDS=({words}); COMP_CWORD={cword}; COMP_LINE='{line}'; COMP_POINT=${{#COMP_LINE}}\n\
         _annals annals '{cur}' '{prev}'\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        bin = env!("CARGO_BIN_EXE_annals"),
        words = words_array.join(" "),
        cword = words.len() - 1,
        line = words.join(" "),
        cur = words[words.len() - 1],
        prev = words[words.len() - 2],
    );
    let output = std::process::Command::new("bash").arg("-c").arg(script).output().expect("bash runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8").lines().map(str::to_string).collect()
}

#[test]
fn bash_completes_subcommands_formats_and_actor_ids() {
    let script = annals().args(["completions", "bash"]).output().expect("annals runs").stdout;
    let syntax = std::process::Command::new("bash")
        .args(["-n", "/dev/stdin"])
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut bash| {
            use std::io::Write;
            bash.stdin.take().expect("stdin").write_all(&script)?;
            bash.wait()
        })
        .expect("bash -n runs");
    assert!(syntax.success(), "the script parses");

    let dataset = annals::load::load(&annals::load::Bundled).expect("bundled dataset");
    let mut actors: Vec<String> = dataset.actors().iter().map(|a| a.id.clone()).collect();
    actors.sort();
    let mut offered = bash_completes(&["annals", "list", "--actor", ""]);
    offered.sort();
    assert_eq!(offered, actors, "every bundled actor id, and nothing else");
    assert_eq!(bash_completes(&["annals", "list", "--actor", "kyr"]), ["kyrylo-budanov"]);
    assert_eq!(bash_completes(&["annals", "export", "--format", "t"]), ["timelinejs"]);
    let subcommands = bash_completes(&["annals", ""]);
    for name in ["list", "export", "check", "completions", "man"] {
        assert!(subcommands.iter().any(|s| s == name), "{name} in {subcommands:?}");
    }
}

#[test]
fn the_manual_page_is_roff_with_exit_codes_and_a_page_per_subcommand() {
    let page = stdout_of(&["man"]);
    assert!(page.contains(".TH annals 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS", ".SH \"EXIT STATUS\""] {
        assert!(page.contains(section), "no {section}");
    }
    assert!(page.contains("annals\\-export(1)"));
    let export = stdout_of(&["man", "export"]);
    assert!(export.contains(".TH annals-export 1") && export.contains("timelinejs"), "{export}");
    annals().args(["man", "nope"]).assert().code(2);
}

#[test]
fn format_names_are_accepted_in_any_case() {
    let lower = stdout_of(&["list", "--format", "json"]);
    assert_eq!(stdout_of(&["list", "--format", "JSON"]), lower);
    assert_eq!(stdout_of(&["export", "--format", "Json"]), lower);
    assert!(stdout_of(&["export", "--format", "TimelineJS"]).contains("\"events\""));
}

#[test]
fn force_without_a_file_and_a_missing_data_directory_are_one_line_errors() {
    for args in [&["export", "--force"][..], &["export", "--force", "-o", "-"]] {
        good(args).assert().code(2).stdout("").stderr(
            "error: --force needs -o FILE: it allows overwriting FILE, and standard output is never a file\n",
        );
    }
    let missing = fixtures().join("no-such-dir");
    annals()
        .arg("--data")
        .arg(&missing)
        .arg("list")
        .assert()
        .code(2)
        .stderr(format!("error: --data {}: no such directory\n", missing.display()));
    let file = fixtures().join("make_bad.py");
    annals()
        .arg("--data")
        .arg(&file)
        .arg("check")
        .assert()
        .code(2)
        .stderr(format!("error: --data {}: not a directory\n", file.display()));
}

#[test]
fn exporting_no_events_says_so() {
    good(&["export", "--query", "nothingmatchesthis"])
        .assert()
        .success()
        .stderr("note: no events match these filters; the export lists none\n")
        .stdout(predicate::str::contains("No events match these filters."));
}

/// `annals --data good …` as a plain process, for tests that wire its streams.
fn good_process(args: &[&str]) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_annals"));
    command.arg("--data").arg(fixtures().join("good")).args(args);
    command
}

/// Run annals with its standard output the write end of a pipe whose read end is closed.
fn with_stdout_closed(args: &[&str]) -> std::process::Output {
    let mut child = good_process(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("annals starts");
    drop(child.stdout.take()); // The reader goes away before annals has loaded anything.
    child.wait_with_output().expect("annals ends")
}

fn dev_full() -> std::fs::File {
    std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full")
}

#[test]
fn a_closed_pipe_ends_quietly_and_a_full_disk_is_reported() {
    // The JSON list is larger than a pipe's buffer, so it meets the closed pipe however soon it starts.
    for args in [&["check"][..], &["list"], &["list", "--format", "json"], &["export"], &["man"]] {
        let output = with_stdout_closed(args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
    for (args, what) in [
        (&["check"][..], "the summary"),
        (&["list"], "the list"),
        (&["export", "--format", "html"], "the export"),
        (&["completions", "zsh"], "the completion script"),
    ] {
        let output = good_process(args).stdout(dev_full()).output().expect("annals runs");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            format!("error: cannot write {what} to standard output: the disk is full\n"),
            "{args:?}"
        );
    }
}

#[test]
fn a_full_standard_error_neither_panics_nor_hides_a_written_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("out.md");
    let output = good_process(&["export", "-o"]).arg(&path).stderr(dev_full()).output().expect("annals runs");
    assert_eq!(output.status.code(), Some(0), "the file was written, and the exit code says so");
    assert!(std::fs::read_to_string(&path).expect("written").starts_with("# "));
    for (args, code) in [(&["list"][..], 0), (&["list", "--actor", "nope"], 2), (&["check"], 0)] {
        let output = good_process(args).stderr(dev_full()).output().expect("annals runs");
        assert_eq!(output.status.code(), Some(code), "{args:?}");
    }
    let mut broken = std::process::Command::new(env!("CARGO_BIN_EXE_annals"));
    broken.current_dir(fixtures().join("bad/unknown-actor")).args(["--data", ".", "check"]);
    let output = broken.stderr(dev_full()).output().expect("annals runs");
    assert_eq!(output.status.code(), Some(1));
}

/// Every character of `text` that must not reach a terminal raw.
fn unsafe_characters(text: &str) -> Vec<char> {
    text.chars().filter(|&c| c != '\n' && annals::text::clean_char(c) != c).collect()
}

#[test]
fn json_escapes_every_invisible_character_and_decodes_to_the_exact_data() {
    let hostile = "C1 \\u0085 \\u009B[31m DEL \\u007F bidi \\u202E \\u2066 zero \\u200B tag \\U000E0041 esc \\u001B]0;x\\u0007";
    let dir = good_copy_with(|text| text.replace(NORMAL_TITLE, &format!("title = \"{hostile}\"")));
    let output =
        annals().arg("--data").arg(dir.path()).args(["list", "--format", "json"]).output().expect("runs");
    let json = String::from_utf8(output.stdout).expect("UTF-8");
    assert_eq!(unsafe_characters(&json), Vec::<char>::new(), "{json}");
    assert!(
        json.contains(
            "C1 \\u0085 \\u009b[31m DEL \\u007f bidi \\u202e \\u2066 zero \\u200b tag \\udb40\\udc41"
        )
    );
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let title = value[0]["title"].as_str().expect("a title");
    assert_eq!(
        title,
        "C1 \u{85} \u{9b}[31m DEL \u{7f} bidi \u{202e} \u{2066} zero \u{200b} tag \u{e0041} esc \u{1b}]0;x\u{7}"
    );
}

#[test]
fn csv_cells_that_start_like_formulas_are_neutralised_unless_raw() {
    let formula = "=HYPERLINK(\\\"http://x.test\\\",\\\"click\\\")";
    let dir = good_copy_with(|text| {
        text.replace(NORMAL_TITLE, &format!("title = \"{formula}\"")).replacen(
            "summary = \"South Korea",
            "summary = \"@SUM(1) South Korea",
            1,
        )
    });
    let rows = |raw: bool| {
        let mut command = annals();
        command.arg("--data").arg(dir.path()).args([
            "list",
            "--format",
            "csv",
            "--weapon",
            "artillery-shells",
        ]);
        if raw {
            command.arg("--raw-csv");
        }
        let csv = command.output().expect("runs").stdout;
        let mut reader = csv::Reader::from_reader(csv.as_slice());
        reader.records().map(|r| r.expect("a row")).collect::<Vec<_>>()
    };
    let safe = rows(false);
    assert_eq!(&safe[0][4], "'=HYPERLINK(\"http://x.test\",\"click\")");
    assert!(safe[0][5].starts_with("'@SUM(1) South Korea"));
    assert_eq!(&safe[0][1], "2023-08", "ordinary cells are untouched");
    let raw = rows(true);
    assert_eq!(&raw[0][4], "=HYPERLINK(\"http://x.test\",\"click\")");
    assert!(raw[0][5].starts_with("@SUM(1) South Korea"));
}

/// What annals writes to a terminal (a pseudo-terminal), as bytes.
fn on_a_terminal(args: &[&str]) -> String {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    let pty = native_pty_system()
        .openpty(PtySize { rows: 50, cols: 200, pixel_width: 0, pixel_height: 0 })
        .expect("a pseudo-terminal");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_annals"));
    command.args(args);
    command.cwd(env!("CARGO_MANIFEST_DIR"));
    let mut child = pty.slave.spawn_command(command).expect("annals starts");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("pty reader");
    let reading = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        let mut buffer = [0u8; 8192];
        // Ends with EOF or EIO once annals has exited and its side of the terminal is closed.
        while let Ok(n) = std::io::Read::read(&mut reader, &mut buffer) {
            if n == 0 {
                break;
            }
            bytes.extend_from_slice(&buffer[..n]);
        }
        bytes
    });
    assert!(child.wait().expect("annals ends").success());
    drop(pty.master);
    String::from_utf8(reading.join().expect("reader")).expect("UTF-8")
}

#[test]
fn json_and_csv_are_cleaned_for_a_terminal_and_exact_for_a_pipe() {
    let hostile = fixtures().join("hostile");
    let hostile = hostile.to_str().expect("UTF-8 path");
    for format in ["json", "csv"] {
        let shown = on_a_terminal(&["--data", hostile, "list", "--format", format]);
        assert_eq!(unsafe_characters(&shown.replace('\r', "")), Vec::<char>::new(), "{format}: {shown}");
        assert!(shown.contains("Escapes \u{fffd}[31mred"), "{format}: {shown}");
    }
    let piped = annals().args(["--data", hostile, "list", "--format", "csv"]).output().expect("runs").stdout;
    assert!(String::from_utf8_lossy(&piped).contains("Escapes \u{1b}[31mred"), "a pipe gets the exact data");
}

#[test]
fn what_the_user_typed_is_cleaned_where_it_is_echoed() {
    let output = good(&["list", "--actor", "\u{1b}]0;pwned\u{7}x\u{202e}"]).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("error: unknown actor \"\u{fffd}]0;pwned\u{fffd}x\u{fffd}\""), "{stderr}");
    let output = good(&["list", "--from", "\u{1b}[31m"]).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(unsafe_characters(&String::from_utf8_lossy(&output.stderr)), Vec::<char>::new());

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("a\u{1b}[2Jb.md");
    let output =
        good(&["export", "--query", "shells \u{1b}[31mred\u{202e}", "-o"]).arg(&path).output().expect("runs");
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(unsafe_characters(&stderr), Vec::<char>::new(), "{stderr}");
    assert!(stderr.contains("a\u{fffd}[2Jb.md"), "{stderr}");
    let markdown = std::fs::read_to_string(&path).expect("written");
    assert_eq!(unsafe_characters(&markdown), Vec::<char>::new(), "the reproducing command is cleaned");
    assert!(markdown.contains("--query 'shells \u{fffd}[31mred\u{fffd}'"), "{markdown}");
}

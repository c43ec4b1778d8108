//! Export: markdown checked by a CommonMark/GFM parser, safe writes, and one writer for the
//! TUI and the CLI.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use annals::app::{Action, App, Effect, ExportOutcome};
use annals::export::{Export, ExportFormat};
use annals::load::{self, Bundled, OnDisk};
use annals::model::{
    Actor, ActorKind, Citation, Dataset, Event, EventKind, Grade, Quantity, Source, Status, WeaponCategory,
    WeaponType,
};
use annals::query::Query;
use annals::search::WordStartMatcher;
use assert_cmd::Command;
use predicates::prelude::*;
use pulldown_cmark::{Event as Md, HeadingLevel, Options, Parser, Tag, TagEnd};

fn annals() -> Command {
    Command::cargo_bin("annals").expect("binary")
}

fn markdown_of(dataset: &Dataset, query: &Query) -> String {
    let events = query.filter(dataset, &WordStartMatcher);
    let bytes = Export {
        dataset,
        events: &events,
        query,
        format: ExportFormat::Md,
        data_dir: None,
        output: None,
        generated: "2026-11-22 07:30 UTC",
    }
    .render();
    String::from_utf8(bytes).expect("UTF-8")
}

fn parse(markdown: &str) -> Vec<Md<'_>> {
    Parser::new_ext(
        markdown,
        Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    )
    .collect()
}

/// (level, text) of every heading, in order.
fn headings(events: &[Md<'_>]) -> Vec<(HeadingLevel, String)> {
    let mut out = Vec::new();
    let mut current: Option<(HeadingLevel, String)> = None;
    for event in events {
        match event {
            Md::Start(Tag::Heading { level, .. }) => current = Some((*level, String::new())),
            Md::Text(text) | Md::Code(text) => {
                if let Some((_, heading)) = &mut current {
                    heading.push_str(text);
                }
            }
            Md::End(TagEnd::Heading(_)) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

#[test]
fn the_bundled_export_has_a_sound_heading_tree_and_footnotes() {
    let dataset = load::load(&Bundled).expect("bundled dataset");
    let markdown = markdown_of(&dataset, &Query::default());
    let events = parse(&markdown);
    let headings = headings(&events);
    assert_eq!(headings[0], (HeadingLevel::H1, format!("{}: chronology", dataset.name())));
    assert_eq!(headings.iter().filter(|(l, _)| *l == HeadingLevel::H1).count(), 1);
    // Each level nests under the one above it: years (H2), months (H3), events (H4); then Sources.
    let mut years = Vec::new();
    for pair in headings.windows(2) {
        let ((above, _), (level, text)) = (&pair[0], &pair[1]);
        assert!(*level <= HeadingLevel::H2 || *level as usize <= *above as usize + 1, "{text} skips a level");
        if *level == HeadingLevel::H2 {
            years.push(text.clone());
        }
    }
    assert_eq!(years.last().map(String::as_str), Some("Sources"));
    let years: Vec<&String> = years[..years.len() - 1].iter().collect();
    assert_eq!(
        years,
        ["2023", "2024", "2025"].iter().map(|y| y.to_string()).collect::<Vec<_>>().iter().collect::<Vec<_>>()
    );
    let event_headings = headings.iter().filter(|(l, _)| *l == HeadingLevel::H4).count();
    assert_eq!(event_headings, dataset.events().len(), "one heading per event");

    let references: BTreeSet<String> = events
        .iter()
        .filter_map(|e| if let Md::FootnoteReference(l) = e { Some(l.to_string()) } else { None })
        .collect();
    let definitions: BTreeSet<String> = events
        .iter()
        .filter_map(
            |e| if let Md::Start(Tag::FootnoteDefinition(l)) = e { Some(l.to_string()) } else { None },
        )
        .collect();
    let quotes: usize = dataset.events().iter().map(|e| e.citations.len()).sum();
    assert_eq!(references.len(), quotes, "a footnote per citation");
    assert_eq!(references, definitions, "every footnote reference has its definition");
    assert!(markdown.contains(&format!(
        "**{} of {} events.**",
        dataset.events().len(),
        dataset.events().len()
    )));
    for source in dataset.sources() {
        assert!(
            markdown.contains(&format!("- **{}**", annals::export::escape(&source.outlet))),
            "{}",
            source.id
        );
    }
}

#[test]
fn a_filtered_export_states_its_filters_and_the_command_that_reproduces_it() {
    let dataset = load::load(&Bundled).expect("bundled dataset");
    let query: Query = "actor:kyrylo-budanov from:2025".parse().expect("query");
    let markdown = markdown_of(&dataset, &query);
    assert!(markdown.contains("Events naming Kyrylo Budanov, from 2025 on."), "{markdown}");
    assert!(
        markdown.contains("```sh\nannals export --query 'actor:kyrylo-budanov from:2025'\n```"),
        "{markdown}"
    );
    let count = query.filter(&dataset, &WordStartMatcher).len();
    assert!(markdown.contains(&format!("**{count} of {} events.**", dataset.events().len())));
    assert!(!markdown.contains("## 2023"), "only the matching years");
}

const HOSTILE: &str =
    "*bold* _em_ **x** <b>html</b> [link](http://x.test) `code` a|b ~~s~~ &amp; # h ![i](x)";

fn hostile_dataset() -> Dataset {
    let source = Source {
        id: "src".into(),
        title: format!("Title {HOSTILE}"),
        outlet: format!("Outlet {HOSTILE}"),
        author: None,
        published: "2024".parse().expect("date"),
        published_basis: "stated".into(),
        file: "seeds/a.txt".into(),
        reliability: Grade::C,
        reliability_reason: format!("reason {HOSTILE}"),
    };
    let event = Event {
        id: "e".into(),
        date: "2024-05".parse().expect("date"),
        until: None,
        date_basis: Some(format!("basis {HOSTILE}")),
        reported: None,
        reported_basis: None,
        title: format!("Title {HOSTILE}"),
        summary: format!("- looks like a list {HOSTILE}\n# and a heading\u{1b}[31m"),
        kind: EventKind::Statement,
        status: Status::Reported,
        actors: vec!["a".into()],
        weapons: vec!["w".into()],
        from: None,
        to: None,
        claimed_by: vec!["a".into()],
        related: Vec::new(),
        quantities: vec![Quantity {
            amount: 3,
            amount_max: None,
            unit: "units".into(),
            item: Some(HOSTILE.into()),
            qualifier: None,
        }],
        citations: vec![Citation { source: "src".into(), quote: format!("quote {HOSTILE}") }],
    };
    Dataset::new(
        format!("Name {HOSTILE}"),
        vec![source],
        vec![Actor {
            id: "a".into(),
            name: format!("Actor {HOSTILE}"),
            kind: ActorKind::State,
            country: None,
            role: None,
            aliases: vec![],
        }],
        vec![WeaponType {
            id: "w".into(),
            name: format!("Weapon {HOSTILE}"),
            category: WeaponCategory::Other,
            designations: vec![],
            aliases: vec![],
        }],
        vec![event],
    )
}

#[test]
fn hostile_strings_in_the_data_render_as_text() {
    let dataset = hostile_dataset();
    let markdown = markdown_of(&dataset, &Query::default());
    let events = parse(&markdown);
    for event in &events {
        assert!(
            !matches!(
                event,
                Md::Html(_)
                    | Md::InlineHtml(_)
                    | Md::Code(_)
                    | Md::Start(
                        Tag::Link { .. }
                            | Tag::Image { .. }
                            | Tag::Strikethrough
                            | Tag::List(_)
                            | Tag::Table(_)
                    )
            ) || matches!(event, Md::Start(Tag::List(None))),
            "data text became markup: {event:?}\n{markdown}"
        );
    }
    // Emphasis: only the "Generated" line is emphasised; strong: only our field labels.
    let emphasis = events.iter().filter(|e| matches!(e, Md::Start(Tag::Emphasis))).count();
    assert_eq!(emphasis, 1, "{markdown}");
    let text: String = events
        .iter()
        .filter_map(|e| match e {
            Md::Text(t) => Some(t.to_string()),
            Md::SoftBreak | Md::HardBreak => Some(" ".to_string()),
            _ => None,
        })
        .collect();
    for field in ["Name", "Title", "Actor", "Weapon", "quote", "basis", "reason", "Outlet"] {
        assert!(text.contains(&format!("{field} {HOSTILE}")), "{field} is not literal in:\n{text}");
    }
    assert!(text.contains(&format!("- looks like a list {HOSTILE} # and a heading\u{fffd}[31m")), "{text}");
    let h4 = headings(&events).into_iter().filter(|(l, _)| *l == HeadingLevel::H4).count();
    assert_eq!(h4, 1, "the summary's '#' made no heading");
    assert!(!markdown.contains('\u{1b}'), "no raw escape character reaches the file");
}

fn fixture_app() -> App {
    let dataset = load::load(&OnDisk::new(good_fixture())).expect("fixture");
    App::new(Arc::new(dataset), Arc::new(WordStartMatcher), Query::default())
}

fn good_fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good")
}

#[test]
fn cli_writes_markdown_to_stdout_by_default_and_json_csv_as_list_does() {
    let out = annals().args(["export", "--weapon", "kn-23"]).output().expect("runs");
    assert!(out.status.success());
    let markdown = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(markdown.starts_with("# North Korea–Russia arms relationship: chronology\n"));
    for format in ["json", "csv"] {
        let export = annals()
            .args(["export", "--format", format, "--actor", "nis", "-o", "-"])
            .output()
            .expect("runs");
        let list = annals().args(["list", "--format", format, "--actor", "nis"]).output().expect("runs");
        assert!(export.status.success() && list.status.success());
        assert_eq!(export.stdout, list.stdout, "{format}: export and list share one serialiser");
    }
}

#[test]
fn cli_never_overwrites_without_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.md");
    std::fs::write(&path, "precious").expect("seed file");
    annals()
        .arg("export")
        .arg("-o")
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists; nothing was written (overwrite it with --force"));
    assert_eq!(std::fs::read_to_string(&path).expect("still there"), "precious");
    annals()
        .arg("export")
        .arg("-o")
        .arg(&path)
        .arg("--force")
        .assert()
        .success()
        .stderr(predicate::str::starts_with("wrote 52 of 52 events to"));
    assert!(std::fs::read_to_string(&path).expect("written").starts_with("# North Korea"));
    let entries: Vec<_> = std::fs::read_dir(dir.path()).expect("dir").collect();
    assert_eq!(entries.len(), 1, "no temporary file is left behind");
}

#[test]
fn cli_refuses_a_directory_and_a_device() {
    let dir = tempfile::tempdir().expect("temp dir");
    annals()
        .arg("export")
        .arg("-o")
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a directory"));
    annals()
        .args(["export", "-o", "/dev/full", "--force"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not a regular file"));
    annals()
        .arg("export")
        .arg("-o")
        .arg(dir.path().join("missing/x.md"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the directory does not exist; nothing was written"));
}

/// Root ignores directory permissions, so run the binary as `nobody` when we are root.
fn as_unprivileged(command: &mut std::process::Command) -> bool {
    let uid = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string());
    if uid.ok().as_deref() != Some("0") {
        return true;
    }
    let program = command.get_program().to_owned();
    let args: Vec<_> = command.get_args().map(|a| a.to_owned()).collect();
    let mut wrapped = std::process::Command::new("setpriv");
    wrapped.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"]).arg(program).args(args);
    *command = wrapped;
    std::process::Command::new("setpriv").arg("--version").output().is_ok()
}

#[test]
fn a_failed_write_leaves_no_partial_file_and_no_changed_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let existing = dir.path().join("report.md");
    std::fs::write(&existing, "precious").expect("seed file");
    // The directory (and the file in it) read-only for everyone but root.
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o555)).expect("chmod");
    for target in [existing.clone(), dir.path().join("new.md")] {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_annals"));
        command.arg("export").arg("-o").arg(&target).arg("--force");
        assert!(as_unprivileged(&mut command), "setpriv is needed to drop root for this test");
        let output = command.output().expect("runs");
        assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
        assert!(String::from_utf8_lossy(&output.stderr).contains("permission denied; nothing was written"));
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["report.md"], "no partial or temporary file");
    assert_eq!(
        std::fs::read_to_string(&existing).expect("readable"),
        "precious",
        "the existing file is untouched"
    );
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).expect("chmod back");
}

/// The generated line is the one line allowed to differ.
fn without_generated_line(text: &str) -> String {
    text.lines().filter(|l| !l.starts_with("*Generated by annals")).collect::<Vec<_>>().join("\n")
}

#[test]
fn the_tui_and_the_cli_write_the_same_bytes_but_for_the_generated_line() {
    let mut app = fixture_app();
    app.data_dir = Some(good_fixture());
    app.update(Action::StartSearch);
    for c in "shells".chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit);
    let dir = tempfile::tempdir().expect("temp dir");
    for name in ["view.md", "view.json", "view.csv"] {
        let tui_path = dir.path().join(format!("tui-{name}"));
        let cli_path = dir.path().join(format!("cli-{name}"));
        let effect = submit_export(&mut app, &tui_path);
        assert_eq!(effect, Effect::Export { path: tui_path.clone(), overwrite: false });
        let outcome = annals::tui::export(&app, tui_path.clone(), false, "2026-11-22 07:30 UTC");
        assert_eq!(outcome, ExportOutcome::Written { path: tui_path.clone(), events: 1 });
        app.update(Action::ExportDone(outcome));
        assert_eq!(
            app.status.as_deref(),
            Some(format!("wrote 1 of 3 events to {}", tui_path.display()).as_str())
        );

        let format = ExportFormat::for_path(&tui_path);
        let format = match format {
            ExportFormat::Md => "md",
            ExportFormat::Json => "json",
            ExportFormat::Csv => "csv",
        };
        annals()
            .arg("--data")
            .arg(good_fixture())
            .args(["export", "--query", &app.query.to_string(), "--format", format, "-o"])
            .arg(&tui_path)
            .arg("--force")
            .assert()
            .success();
        std::fs::rename(&tui_path, &cli_path).expect("move the CLI's file aside");
        // Write the TUI's again, now that the path is free.
        annals::tui::export(&app, tui_path.clone(), false, "2026-11-22 07:30 UTC");
        let tui = std::fs::read_to_string(&tui_path).expect("tui file");
        let cli = std::fs::read_to_string(&cli_path).expect("cli file");
        assert_eq!(without_generated_line(&tui), without_generated_line(&cli), "{name}");
        if name.ends_with(".md") {
            assert_eq!(tui.lines().count(), cli.lines().count());
            let differing = tui.lines().zip(cli.lines()).filter(|(a, b)| a != b).count();
            assert!(differing <= 1, "only the generated line may differ");
        }
    }
}

#[test]
fn an_export_during_a_search_holds_exactly_what_its_query_selects() {
    let mut app = fixture_app();
    app.background_search = true;
    app.update(Action::StartSearch);
    for c in "shells".chars() {
        let _ = app.update(Action::Input(c)); // Asked of the worker; never answered here.
    }
    app.update(Action::Submit);
    assert!(app.searching, "the list still shows the last answer");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("during.json");
    let outcome = annals::tui::export(&app, path.clone(), false, "now");
    assert_eq!(outcome, ExportOutcome::Written { path: path.clone(), events: 1 });
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).expect("file")).expect("JSON");
    assert_eq!(json.as_array().map(Vec::len), Some(1), "the query's answer, not the stale list");
}

#[test]
fn exported_files_get_the_usual_mode_and_keep_an_existing_one() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let usual = dir.path().join("usual");
    std::fs::File::create(&usual).expect("a file made the ordinary way");
    let new = dir.path().join("new.md");
    annals().arg("export").arg("-o").arg(&new).assert().success();
    let mode = |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    assert_eq!(mode(&new), mode(&usual), "not the temporary file's 0600");
    std::fs::set_permissions(&new, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    annals().arg("export").arg("-o").arg(&new).arg("--force").assert().success();
    assert_eq!(mode(&new), 0o640, "an overwritten file keeps its mode");
}

#[test]
fn a_symbolic_link_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("target.md");
    std::fs::write(&target, "precious").expect("target");
    let link = dir.path().join("link.md");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    annals()
        .arg("export")
        .arg("-o")
        .arg(&link)
        .arg("--force")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("is a symbolic link"));
    assert!(std::fs::symlink_metadata(&link).expect("link").file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).expect("target"), "precious");
}

/// Carry out an export effect as the TUI's loop does.
/// Open the TUI's export prompt, type `path` and press Enter: the export it asks for.
fn submit_export(app: &mut App, path: &Path) -> Effect {
    app.update(Action::StartExport);
    app.update(Action::ClearInput);
    for c in path.display().to_string().chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit).expect("an export")
}

fn perform(app: &App, effect: Effect) -> ExportOutcome {
    let Effect::Export { path, overwrite } = effect else { panic!("an export effect") };
    annals::tui::export(app, path, overwrite, "now")
}

#[test]
fn the_tui_asks_before_overwriting_and_reports_errors_in_place() {
    let mut app = fixture_app();
    assert_eq!(app.default_export_name(), "annals-all-events.md");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("x.md");
    std::fs::write(&path, "precious").expect("seed");
    let effect = submit_export(&mut app, &path);
    let outcome = perform(&app, effect);
    assert_eq!(outcome, ExportOutcome::Exists(path.clone()));
    app.update(Action::ExportDone(outcome));
    assert!(matches!(app.overlay, Some(annals::app::Overlay::Export { confirm: true, .. })));
    assert_eq!(std::fs::read_to_string(&path).expect("file"), "precious", "nothing written before y");
    let effect = app.update(Action::Input('y')).expect("y confirms");
    assert_eq!(effect, Effect::Export { path: path.clone(), overwrite: true });
    let outcome = perform(&app, effect);
    app.update(Action::ExportDone(outcome));
    assert_eq!(app.overlay, None);
    assert!(std::fs::read_to_string(&path).expect("file").starts_with("# Test fixture"));

    let effect = submit_export(&mut app, dir.path());
    app.update(Action::ExportDone(perform(&app, effect)));
    let Some(annals::app::Overlay::Export { error: Some(error), .. }) = &app.overlay else {
        panic!("still in the prompt")
    };
    assert!(error.contains("is a directory"), "{error}");
    app.set_query("actor:nis shells".parse().expect("query"));
    assert_eq!(app.default_export_name(), "annals-actor-nis-shells.md");
}

#[test]
fn while_an_export_is_written_the_prompt_waits_and_esc_leaves_it_to_finish() {
    let mut app = fixture_app();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("y.md");
    let effect = submit_export(&mut app, &path);
    assert!(app.exporting);
    assert_eq!(app.update(Action::Submit), None, "one write at a time");
    app.update(Action::Input('z'));
    let Some(annals::app::Overlay::Export { input, .. }) = &app.overlay else {
        panic!("still in the prompt")
    };
    assert_eq!(input, &path.display().to_string(), "typing waits too");
    app.update(Action::Cancel);
    assert_eq!(app.overlay, None, "Esc leaves the write to finish");
    let outcome = perform(&app, effect);
    app.update(Action::ExportDone(outcome));
    assert!(!app.exporting);
    assert!(app.status.as_deref().is_some_and(|s| s.starts_with("wrote ")), "{:?}", app.status);
    assert!(path.exists());
}

#[test]
fn while_an_export_is_written_no_other_prompt_opens_and_its_outcome_leaves_other_modes_alone() {
    let mut app = fixture_app();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("typed.md");
    std::fs::write(&path, "precious").expect("seed");
    let effect = submit_export(&mut app, &path);
    app.update(Action::Cancel);
    // A second prompt would be answered by the first write's "exists": it does not open.
    app.update(Action::StartExport);
    assert_eq!(app.overlay, None);
    assert!(app.status.as_deref().is_some_and(|s| s.contains("still being written")), "{:?}", app.status);
    app.update(Action::OpenPicker(annals::query::Facet::Actor));
    app.update(Action::PickerToggle);
    app.update(Action::ExportDone(perform(&app, effect)));
    let Some(annals::app::Overlay::Picker(picker)) = &app.overlay else { panic!("the picker stays open") };
    assert_eq!(picker.chosen.len(), 1, "and keeps its ticks");
    assert_eq!(std::fs::read_to_string(&path).expect("file"), "precious");
    assert!(!app.exporting);
    app.update(Action::Cancel);
    assert!(app.status.as_deref().is_some_and(|s| s.contains("exists; nothing written")), "{:?}", app.status);
    app.update(Action::StartExport);
    assert!(matches!(app.overlay, Some(annals::app::Overlay::Export { .. })), "a new export may start now");
}

#[test]
fn the_readme_example_is_what_annals_writes() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README");
    let marker = "This is `annals export --weapon kn-23`, as it renders:\n\n";
    let start = readme.find(marker).expect("the README has the example") + marker.len();
    let example: Vec<&str> = readme[start..]
        .lines()
        .take_while(|l| l.starts_with('>'))
        .map(|l| l.strip_prefix("> ").unwrap_or(l.trim_start_matches('>')))
        .collect();
    let out = annals().args(["export", "--weapon", "kn-23"]).output().expect("runs");
    let actual = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(without_generated_line(&example.join("\n")), without_generated_line(actual.trim_end()));
}

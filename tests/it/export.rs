//! Export: markdown checked by a CommonMark/GFM parser, safe writes, and one writer for the
//! TUI and the CLI.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::common::copy_tree;
use annals::app::{Action, App, Effect, ExportOutcome};
use annals::date::DatePrecision;
use annals::export::{Export, ExportFormat};
use annals::load::{self, Bundled, OnDisk};
use annals::model::{
    Actor, ActorKind, Citation, Credibility, Dataset, Event, EventKind, Grade, Quantity, Source, Status,
    Unit, WeaponCategory, WeaponType,
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
    // Each level nests under the one above it: years (H2), months (H3), events (H4); then
    // Figures, Sources and About this file.
    let mut years = Vec::new();
    for pair in headings.windows(2) {
        let ((above, _), (level, text)) = (&pair[0], &pair[1]);
        assert!(*level <= HeadingLevel::H2 || *level as usize <= *above as usize + 1, "{text} skips a level");
        if *level == HeadingLevel::H2 {
            years.push(text.clone());
        }
    }
    assert_eq!(years[years.len() - 3..], ["Figures", "Sources", "About this file"]);
    let years: Vec<&String> = years[..years.len() - 3].iter().collect();
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
    let quotes: BTreeSet<(&str, &str)> = dataset
        .events()
        .iter()
        .flat_map(|e| e.citations.iter().map(|c| (c.source.as_str(), c.quote.as_str())))
        .collect();
    assert_eq!(references.len(), quotes.len(), "a footnote per distinct quote");
    let citations: usize = dataset.events().iter().map(|e| e.citations.len()).sum();
    assert!(quotes.len() < citations, "the bundled data cites some quotes twice: they share a footnote");
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
    hostile_dataset_with(HOSTILE)
}

/// Every text field of a one-event dataset holds `hostile`, after a word naming the field.
fn hostile_dataset_with(hostile: &str) -> Dataset {
    let source = Source {
        id: "src".into(),
        title: format!("Title {hostile}"),
        outlet: format!("Outlet {hostile}"),
        author: None,
        published: "2024".parse().expect("date"),
        published_basis: "stated".into(),
        file: "seeds/a.txt".into(),
        reliability: Grade::C,
        reliability_reason: format!("reason {hostile}"),
        url: None,
        archived_url: None,
    };
    let event = Event {
        id: "e".into(),
        date: "2024-05".parse().expect("date"),
        date_basis: Some(format!("basis {hostile}")),
        reported: None,
        reported_basis: None,
        title: format!("Title {hostile}"),
        summary: format!("- looks like a list {hostile}\n# and a heading\u{1b}[31m"),
        kind: EventKind::Statement,
        status: Status::Reported,
        actors: vec!["a".into()],
        weapons: vec!["w".into()],
        from: None,
        to: None,
        claimed_by: vec!["a".into()],
        related: Vec::new(),
        quantities: vec![Quantity {
            item: "w".into(),
            unit: Unit::Count,
            amount: 3,
            amount_max: None,
            qualifier: None,
            as_of: None,
            note: Some(hostile.into()),
        }],
        citations: vec![Citation { source: "src".into(), quote: format!("quote {hostile}") }],
        credibility: Some(Credibility::Doubtful),
        credibility_reason: Some(format!("credibility {hostile}")),
    };
    Dataset::new(
        format!("Name {hostile}"),
        vec![source],
        vec![Actor {
            id: "a".into(),
            name: format!("Actor {hostile}"),
            kind: ActorKind::State,
            country: None,
            role: None,
            aliases: vec![],
        }],
        vec![WeaponType {
            id: "w".into(),
            name: format!("Weapon {hostile}"),
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
    let whole = markdown_of(&dataset, &Query::default());
    // The figures section is a table with a link to the event, both written by annals.
    let (start, end) =
        (whole.find("## Figures").expect("figures"), whole.find("## Sources").expect("sources"));
    let markdown = format!("{}{}", &whole[..start], &whole[end..]);
    let figures = parse(&whole[start..end]);
    assert_eq!(figures.iter().filter(|e| matches!(e, Md::Start(Tag::Table(_)))).count(), 1);
    let links: Vec<&Md<'_>> = figures.iter().filter(|e| matches!(e, Md::Start(Tag::Link { .. }))).collect();
    assert!(
        matches!(links[..], [Md::Start(Tag::Link { dest_url, .. })] if dest_url.starts_with("#2024-05--title-")),
        "one link, to the event's heading: {links:?}"
    );
    let figure_text: String =
        figures.iter().filter_map(|e| if let Md::Text(t) = e { Some(t.to_string()) } else { None }).collect();
    assert!(figure_text.contains(&format!("({HOSTILE})")), "the note is literal: {figure_text}");
    let events = parse(&markdown);
    for event in &events {
        // The one code span annals writes: the article's path, shown literally.
        if matches!(event, Md::Code(path) if path.as_ref() == "seeds/a.txt") {
            continue;
        }
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
    for field in ["Name", "Title", "Actor", "Weapon", "quote", "basis", "reason", "Outlet", "credibility"] {
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
        .stderr(predicate::str::contains("missing does not exist; nothing was written"));
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
        let stderr = String::from_utf8_lossy(&output.stderr);
        let expected = format!("permission denied in {}; nothing was written", dir.path().display());
        assert!(stderr.contains(&expected), "{stderr}");
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

        let format = ExportFormat::for_path(&tui_path).name();
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

fn render(dataset: &Dataset, query: &Query, format: ExportFormat) -> String {
    let events = query.filter(dataset, &WordStartMatcher);
    let bytes = Export {
        dataset,
        events: &events,
        query,
        format,
        data_dir: None,
        output: None,
        generated: "2026-11-22 07:30 UTC",
    }
    .render();
    String::from_utf8(bytes).expect("UTF-8")
}

/// HTML's five escapes undone, to compare text with the data.
fn unescape_html(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn timelinejs_has_the_documented_fields_and_dates_at_their_own_precision() {
    let dataset = load::load(&Bundled).expect("bundled dataset");
    let out = annals().args(["export", "--format", "timelinejs"]).output().expect("runs");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // The documented properties (timeline.knightlab.com/docs/json-format.html); `events` is required.
    let keys = |value: &serde_json::Value| -> Vec<String> {
        value.as_object().expect("an object").keys().cloned().collect()
    };
    let documented = |keys: Vec<String>, allowed: &[&str], what: &str| {
        for key in keys {
            assert!(allowed.contains(&key.as_str()), "{what} has an undocumented {key}");
        }
    };
    documented(keys(&json), &["events", "title", "eras", "scale"], "the timeline");
    let slide_keys = [
        "start_date",
        "end_date",
        "text",
        "media",
        "group",
        "display_date",
        "background",
        "autolink",
        "unique_id",
    ];
    let date_keys = ["year", "month", "day", "hour", "minute", "second", "millisecond", "display_date"];
    let title = &json["title"];
    documented(keys(title), &slide_keys, "the title slide");
    assert_eq!(title["text"]["headline"], dataset.name());
    assert!(
        title["text"]["text"]
            .as_str()
            .is_some_and(|t| t.contains(&format!("{n} of {n} events", n = dataset.events().len())))
    );

    let slides = json["events"].as_array().expect("events is a list");
    assert_eq!(slides.len(), dataset.events().len());
    let mut ids = BTreeSet::new();
    let mut month_precise = 0;
    for (slide, event) in slides.iter().zip(dataset.events()) {
        documented(keys(slide), &slide_keys, &event.id);
        let start = &slide["start_date"];
        documented(keys(start), &date_keys, &event.id);
        // The slide starts where annals places the event: its start, or the end of a date "by" then.
        let date = event.date.anchor();
        assert_eq!(
            start["year"].as_i64(),
            Some(i64::from(date.year_number())),
            "{}: year, a number",
            event.id
        );
        let (month, day) = (start.get("month"), start.get("day"));
        match date.precision() {
            DatePrecision::Year => assert!(month.is_none() && day.is_none(), "{}", event.id),
            DatePrecision::Month => {
                month_precise += 1;
                assert_eq!(month.and_then(|m| m.as_u64()), date.month_number().map(u64::from));
                assert!(day.is_none(), "{}: a month-precision date has no day", event.id);
            }
            DatePrecision::Day => {
                let first = date.first_day();
                assert_eq!(day.and_then(|d| d.as_u64()), Some(u64::from(chrono::Datelike::day(&first))));
            }
        }
        assert_eq!(
            slide.get("end_date").is_some(),
            event.date.closed_end().is_some(),
            "{}: end_date for a span",
            event.id
        );
        if let Some(until) = &event.date.closed_end() {
            let end = &slide["end_date"];
            assert_eq!(end["year"].as_i64(), Some(i64::from(until.year_number())));
            assert_eq!(end.get("day").is_some(), until.precision() == DatePrecision::Day);
        }
        assert_eq!(unescape_html(slide["text"]["headline"].as_str().expect("headline")), event.title);
        let text = unescape_html(slide["text"]["text"].as_str().expect("text"));
        assert!(text.contains(&event.summary), "{}: the summary", event.id);
        for citation in &event.citations {
            assert!(text.contains(&citation.quote), "{}: each quote", event.id);
            let outlet = &dataset.source(&citation.source).expect("source").outlet;
            assert!(text.contains(outlet.as_str()), "{}: with its source", event.id);
        }
        assert_eq!(slide["group"], event.kind.as_str());
        assert_eq!(slide["unique_id"], event.id.as_str());
        assert!(ids.insert(event.id.clone()), "unique ids");
    }
    assert!(month_precise > 0, "the bundled data has month-precision dates to check");
}

#[test]
fn timelinejs_text_is_escaped_html() {
    let dataset = hostile_dataset_with("<img src=x onerror=alert(1)> & \u{1b}[31m");
    let json: serde_json::Value =
        serde_json::from_str(&render(&dataset, &Query::default(), ExportFormat::TimelineJs)).expect("JSON");
    let slide = &json["events"][0];
    assert_eq!(slide["text"]["headline"], "Title &lt;img src=x onerror=alert(1)&gt; &amp; \u{fffd}[31m");
    assert_eq!(slide["autolink"], false, "no links the data did not have");
    assert_eq!(slide["start_date"], serde_json::json!({ "year": 2024, "month": 5 }));
}

/// Every tag in `html` as its lower-case name and attributes (name, value). Panics on a `<`
/// that opens no tag: text must carry `&lt;` instead.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let end = after.find('>').expect("a tag closes");
        let inside = after[..end].trim_start_matches('/');
        let name_end = inside.find(char::is_whitespace).unwrap_or(inside.len());
        let name = inside[..name_end].to_ascii_lowercase();
        assert!(name.chars().all(|c| c.is_ascii_alphanumeric() || c == '!'), "a bare < in text: {inside}");
        let mut attributes = Vec::new();
        let mut text = inside[name_end..].trim();
        while !text.is_empty() {
            let key_end = text.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(text.len());
            let key = text[..key_end].to_ascii_lowercase();
            text = &text[key_end..];
            let value = match text.strip_prefix("=\"") {
                Some(quoted) => {
                    let close = quoted.find('"').expect("a closing quote");
                    text = &quoted[close + 1..];
                    quoted[..close].to_string()
                }
                None => String::new(),
            };
            attributes.push((key, value));
            text = text.trim_start();
        }
        found.push((name, attributes));
        rest = &after[end + 1..];
    }
    found
}

/// The page's tags and attributes are only those annals writes, its links only to its own
/// footnotes, and nothing is fetched or run.
fn assert_inert_page(html: &str) {
    const TAGS: [&str; 28] = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "h4", "p",
        "ul", "li", "strong", "em", "pre", "code", "sup", "a", "div", "table", "thead", "tbody", "tr", "th",
        "td",
    ];
    const ATTRIBUTES: [&str; 9] =
        ["html", "lang", "charset", "name", "content", "http-equiv", "class", "href", "id"];
    for (name, attributes) in tags(html) {
        assert!(TAGS.contains(&name.as_str()), "a <{name}> tag from the data");
        for (key, value) in attributes {
            assert!(ATTRIBUTES.contains(&key.as_str()), "a {key} attribute on <{name}> from the data");
            if key == "href" {
                assert!(value.starts_with('#'), "a link out of the page: {value}");
                assert!(html.contains(&format!("id=\"{}\"", &value[1..])), "a link to nowhere: {value}");
            }
        }
    }
    let style = &html[html.find("<style>").expect("a stylesheet")..html.find("</style>").expect("closed")];
    assert!(!style.contains("url(") && !style.contains("@import"), "nothing fetched by the stylesheet");
    assert!(html.contains("default-src 'none'"), "and the page forbids it");
}

#[test]
fn html_is_one_inert_page_where_nothing_from_the_data_becomes_a_tag_or_attribute() {
    let hostile = format!(
        "{HOSTILE} <script>alert(1)</script> <img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">x</a> \
         </main><style>@import url(http://x.test)</style> \" onmouseover=alert(1) ' <!-- c --> \u{1b}[31m \u{202e}"
    );
    let dataset = hostile_dataset_with(&hostile);
    let html = render(&dataset, &Query::default(), ExportFormat::Html);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"), "{html}");
    assert_inert_page(&html);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text: {html}");
    assert!(!html.contains('\u{1b}') && !html.contains('\u{202e}'), "control characters made visible");
    assert_eq!(html.matches("<h4 id=\"").count(), 1, "one event heading, with its anchor");
    assert!(html.contains("<a href=\"#1\">1</a>"), "the footnote is a link");
    assert!(html.contains("id=\"1\""), "to its definition");

    // The hostile fixture through the binary, and the format chosen by the file name.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("hostile.HTML");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile");
    annals().arg("--data").arg(&fixture).arg("export").arg("-o").arg(&path).assert().success();
    let html = std::fs::read_to_string(&path).expect("written");
    assert_inert_page(&html);
    assert!(!html.contains('\u{1b}') && !html.contains('\u{202e}'));
    assert!(html.contains("--format html"), "the reproducing command");
}

#[test]
fn the_figures_link_to_their_events_in_markdown_and_in_html() {
    let dataset = load::load(&Bundled).expect("bundled dataset");
    let markdown = markdown_of(&dataset, &Query::default());
    let figures = &markdown[markdown.find("## Figures").expect("a figures section")..];
    // GitHub's anchor for each event heading: its text lower-cased, punctuation dropped.
    let nis = "(#2023-08--2023-11-01--nis-north-korea-has-sent-russia-over-a-million-artillery-shells-since-august)";
    assert!(figures.contains(nis), "{figures}");
    let html = render(&dataset, &Query::default(), ExportFormat::Html);
    let ids: BTreeSet<&str> = html.split("id=\"").skip(1).filter_map(|rest| rest.split('"').next()).collect();
    // The figures section's links (related events are linked elsewhere in the page).
    let section =
        &html[html.find("id=\"figures\"").expect("figures")..html.find("id=\"sources\"").expect("sources")];
    let targets: Vec<&str> = section
        .split("href=\"#")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|target| !target.chars().all(|c| c.is_ascii_digit()))
        .collect();
    let figures = dataset.events().iter().map(|e| e.quantities.len()).sum::<usize>();
    assert_eq!(targets.len(), figures, "a link a figure");
    for target in targets {
        assert!(ids.contains(target), "#{target} is no heading's id");
    }
}

#[test]
fn a_failed_write_names_its_real_cause() {
    annals()
        .args(["export", "-o", "/proc/version", "--force"])
        .assert()
        .code(1)
        .stderr("error: cannot write /proc/version: cannot create a file in /proc: No such file or directory (os error 2); nothing was written\n");
    annals().args(["export", "-o", "/proc/version/x.md"]).assert().code(1).stderr(
        "error: cannot write /proc/version/x.md: /proc/version is not a directory; nothing was written\n",
    );
}

#[test]
fn force_never_carries_setuid_or_setgid_onto_the_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.md");
    std::fs::write(&path, "old").expect("seed");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o6755)).expect("chmod");
    assert_eq!(std::fs::metadata(&path).expect("metadata").permissions().mode() & 0o7777, 0o6755);
    annals().arg("export").arg("-o").arg(&path).arg("--force").assert().success();
    let mode = std::fs::metadata(&path).expect("metadata").permissions().mode() & 0o7777;
    assert_eq!(mode, 0o755, "the permission bits kept, the setuid and setgid bits dropped");
}

/// A dataset whose markdown export is some 7 MB, so that writing it takes a moment.
fn large_dataset() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_tree(&good_fixture(), dir.path());
        let events = dir.path().join("data/events/2023.toml");
        let mut text = std::fs::read_to_string(&events).expect("events");
        let summary = "A long summary of shells and launchers. ".repeat(450);
        for i in 0..400 {
            text.push_str(&format!(
                "\n[[event]]\nid = \"bulk-{i}\"\ndate = \"2023-08\"\ntitle = \"Bulk event {i}\"\nsummary = \"{summary}\"\n\
                 kind = \"transfer\"\nstatus = \"reported\"\nactors = [\"north-korea\"]\nclaimed_by = [\"nis\"]\n\n\
                 [[event.citations]]\nsource = \"aljazeera\"\n\
                 quote = \"Pyongyang has supplied Moscow with more than one million artillery shells since early August\"\n"
            ));
        }
        std::fs::write(&events, text).expect("write events");
        dir
    })
    .path()
}

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|name| name.starts_with(".annals-export-"))
                .collect()
        })
        .unwrap_or_default()
}

/// bash's own `kill`, so the test needs no procps.
fn kill(signal: &str, pid: u32) {
    let status = std::process::Command::new("bash").arg("-c").arg(format!("kill -{signal} {pid}")).status();
    assert!(status.expect("kill runs").success(), "kill -{signal} {pid}");
}

#[test]
fn an_export_interrupted_by_a_signal_leaves_no_temporary_file() {
    let data = large_dataset();
    for (signal, number) in [("INT", 2), ("TERM", 15), ("HUP", 1), ("QUIT", 3)] {
        let mut interrupted = false;
        // Catch the export while its temporary file exists: stop it as soon as the file is
        // seen, and signal it only if the file is still there (else try again).
        for _attempt in 0..30 {
            let out = tempfile::tempdir().expect("temp dir");
            let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_annals"))
                .arg("--data")
                .arg(data)
                .arg("export")
                .arg("-o")
                .arg(out.path().join("large.md"))
                .stderr(std::process::Stdio::null())
                .spawn()
                .expect("annals starts");
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
            while temporaries(out.path()).is_empty() && child.try_wait().expect("status").is_none() {
                assert!(std::time::Instant::now() < deadline, "the export never started writing");
                std::thread::sleep(std::time::Duration::from_micros(200));
            }
            kill("STOP", child.id());
            if temporaries(out.path()).is_empty() {
                kill("CONT", child.id());
                child.wait().expect("ends");
                continue;
            }
            kill(signal, child.id());
            kill("CONT", child.id());
            let status = child.wait().expect("ends");
            assert_eq!(status.code(), Some(128 + number), "SIG{signal}: exit 128 + the signal");
            assert_eq!(temporaries(out.path()), Vec::<String>::new(), "SIG{signal}: no temporary file left");
            interrupted = true;
            break;
        }
        assert!(interrupted, "SIG{signal}: never caught an export while it was writing");
    }
}

/// Type a file name into a freshly opened export prompt (clearing the suggested one).
fn submit_export_name(app: &mut App, name: &str) -> Option<Effect> {
    app.update(Action::StartExport);
    app.update(Action::ClearInput);
    for c in name.chars() {
        app.update(Action::Input(c));
    }
    app.update(Action::Submit)
}

#[test]
fn the_tui_export_prompt_reads_a_tilde_as_the_home_directory() {
    let mut app = fixture_app();
    let effect = submit_export_name(&mut app, "~/Desktop/kn23.md");
    let Some(Effect::Export { path, overwrite: false }) = effect else { panic!("an export: {effect:?}") };
    assert_eq!(path, annals::export::expand_tilde("~/Desktop/kn23.md"));
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        assert_eq!(path, Path::new(&home).join("Desktop/kn23.md"));
    }
}

#[test]
fn the_tui_asks_before_exporting_a_view_with_no_events() {
    let mut app = fixture_app();
    app.set_query("zzzqqq".parse().expect("query"));
    assert!(app.chronology.visible.is_empty());
    assert_eq!(submit_export_name(&mut app, "empty.md"), None, "nothing is written yet");
    assert!(matches!(app.overlay, Some(annals::app::Overlay::Export { confirm: true, empty: true, .. })));
    assert_eq!(app.update(Action::Cancel), None);
    assert!(
        matches!(app.overlay, Some(annals::app::Overlay::Export { confirm: false, .. })),
        "back to the name"
    );
    app.update(Action::Submit);
    let effect = app.update(Action::Input('y'));
    assert!(
        matches!(effect, Some(Effect::Export { overwrite: false, .. })),
        "written once confirmed: {effect:?}"
    );
}

#[test]
fn markdown_cites_like_a_report() {
    let dataset = load::load(&Bundled).expect("bundled");
    let markdown = markdown_of(&dataset, &Query::default());
    // An outlet once for a run of its footnotes.
    assert!(markdown.contains("]["), "consecutive footnotes of one outlet share its name");
    assert!(!markdown.contains("Al Jazeera[^1], Al Jazeera"), "no outlet repeated for consecutive footnotes");
    // A related event in the file is a link to its heading, and the heading's anchor exists.
    let html = render(&dataset, &Query::default(), ExportFormat::Html);
    let link = markdown.find("- **Related:** [").expect("a related event linked");
    let anchor = &markdown[link..];
    let anchor = &anchor[anchor.find("](#").expect("a link") + 3..];
    let anchor = &anchor[..anchor.find(')').expect("closed")];
    assert!(html.contains(&format!("id=\"{anchor}\"")), "the HTML page has the heading {anchor}");
    // Paths are code, not escaped text.
    assert!(markdown.contains("Text: `seeds/"), "a path in a code span");
    assert!(!markdown.contains("seeds/00\\_"), "no escapes in paths");
    // The command and the date come last.
    let about = markdown.find("## About this file").expect("a closing section");
    assert!(
        markdown[about..].contains("To reproduce it:") && markdown[about..].contains("*Generated by annals")
    );
    assert!(!markdown[..about].contains("To reproduce"), "not at the top any more");
}

//! Figures: what each qualifier means as an interval, when a figure held, series, and the
//! marks for figures that disagree or repeat.

use annals::figures::{Figures, Scale, as_of};
use annals::model::{
    Citation, Dataset, Event, EventKind, Grade, Interval, Qualifier, Quantity, Source, Status, Unit,
    WeaponCategory, WeaponType,
};

fn quantity(qualifier: Option<Qualifier>, amount: u64, amount_max: Option<u64>, unit: Unit) -> Quantity {
    Quantity { item: "shells".into(), unit, amount, amount_max, qualifier, as_of: None, note: None }
}

fn interval(low: Option<u64>, best: u64, high: Option<u64>) -> Interval {
    Interval { low, best, high }
}

#[test]
fn each_qualifier_reads_as_its_documented_interval() {
    use Qualifier::*;
    let count = |q, n| quantity(q, n, None, Unit::Count).interval();
    assert_eq!(count(None, 300), interval(Some(300), 300, Some(300)), "as stated");
    assert_eq!(count(Some(Over), 1_000_000), interval(Some(1_000_000), 1_000_000, None), "no upper bound");
    assert_eq!(count(Some(AtLeast), 150), interval(Some(150), 150, None));
    assert_eq!(count(Some(UpTo), 120), interval(None, 120, Some(120)), "no lower bound");
    assert_eq!(count(Some(About), 11_000), interval(Some(9_900), 11_000, Some(12_100)), "a tenth each way");
    assert_eq!(count(Some(About), 10), interval(Some(9), 10, Some(11)));
    assert_eq!(count(Some(About), 5), interval(Some(4), 5, Some(6)), "a tenth, rounded up");
    assert_eq!(count(Some(Nearly), 40), interval(Some(36), 40, Some(40)), "just under");
    let between = quantity(Some(Between), 5_000, Some(10_000), Unit::PerDay).interval();
    assert_eq!(between, interval(Some(5_000), 7_500, Some(10_000)), "halfway is the best");
    let range = quantity(None, 5, Some(8), Unit::Count).interval();
    assert_eq!(range, interval(Some(5), 6, Some(8)), "a range without a qualifier is a between");
}

#[test]
fn a_share_never_goes_above_the_whole() {
    let share = |q, n| quantity(Some(q), n, None, Unit::Percent).interval();
    assert_eq!(share(Qualifier::UpTo, 40), interval(None, 40, Some(40)));
    assert_eq!(share(Qualifier::Over, 90), interval(Some(90), 90, Some(100)));
    assert_eq!(share(Qualifier::About, 95), interval(Some(85), 95, Some(100)));
}

#[test]
fn intervals_are_disjoint_only_when_no_value_fits_both() {
    let up_to_8000 = interval(None, 8_000, Some(8_000));
    let about_11000 = interval(Some(9_900), 11_000, Some(12_100));
    let over_10000 = interval(Some(10_000), 10_000, None);
    assert!(up_to_8000.disjoint(&about_11000) && about_11000.disjoint(&up_to_8000));
    assert!(!about_11000.disjoint(&over_10000));
    assert!(!over_10000.disjoint(&interval(Some(50_000), 50_000, Some(50_000))), "over has no ceiling");
    assert!(up_to_8000.disjoint(&over_10000));
}

fn event(id: &str, date: &str, reported: Option<&str>, quantities: Vec<Quantity>) -> Event {
    Event {
        id: id.into(),
        date: date.parse().expect("date"),
        date_basis: None,
        reported: reported.map(|r| r.parse().expect("date")),
        reported_basis: None,
        title: format!("Title of {id}"),
        summary: "s".into(),
        kind: EventKind::Transfer,
        status: Status::Reported,
        actors: Vec::new(),
        weapons: vec!["shells".into()],
        from: None,
        to: None,
        claimed_by: vec!["nis".into()],
        related: Vec::new(),
        quantities,
        citations: vec![Citation { source: "src".into(), quote: "q".into() }],
        credibility: None,
        credibility_reason: None,
    }
}

fn dataset(events: Vec<Event>) -> Dataset {
    let source = Source {
        id: "src".into(),
        title: "An article".into(),
        outlet: "Outlet".into(),
        author: None,
        published: "2025".parse().expect("date"),
        published_basis: "test".into(),
        file: "seeds/a.txt".into(),
        reliability: Grade::C,
        reliability_reason: "test".into(),
        url: None,
        archived_url: None,
    };
    let shells = WeaponType {
        id: "shells".into(),
        name: "Shells".into(),
        category: WeaponCategory::ArtilleryAmmunition,
        designations: Vec::new(),
        aliases: Vec::new(),
    };
    Dataset::new("test".into(), vec![source], Vec::new(), vec![shells], events)
}

fn count(qualifier: Option<Qualifier>, amount: u64) -> Quantity {
    quantity(qualifier, amount, None, Unit::Count)
}

#[test]
fn a_figure_holds_at_its_as_of_else_the_span_end_else_the_report_else_the_date() {
    let held = |date: &str, reported: Option<&str>, own: Option<&str>| {
        let mut e = event("e", date, reported, vec![count(None, 1)]);
        e.quantities[0].as_of = own.map(|d| d.parse().expect("date"));
        as_of(&e, &e.quantities[0]).to_string()
    };
    assert_eq!(held("2023-08", Some("2023-12"), None), "2023-12", "one date: the report");
    assert_eq!(held("2023-08/2023-11-01", Some("2023-12"), None), "2023-11-01", "the span's end first");
    assert_eq!(held("../2023-08-30", Some("2023-12"), None), "2023-08-30", "a date \"by\" then: its end");
    assert_eq!(
        held("2023-08/2023-11-01", Some("2023-12"), Some("2023-10")),
        "2023-10",
        "its own as_of above all"
    );
    assert_eq!(held("2025-07/..", Some("2025-09"), None), "2025-09", "an open end: the report");
    assert_eq!(held("2025-07/..", None, None), "2025-07", "an open end, unreported: the start");
    assert_eq!(held("2023-08", None, None), "2023-08", "the date last");
    assert_eq!(held("2023~", None, None), "2023", "at the precision it is written in");
}

#[test]
fn figures_at_the_same_time_that_cannot_both_be_right_disagree_and_changes_do_not() {
    use Qualifier::*;
    let data = dataset(vec![
        event("a-jan", "2025-01", None, vec![count(Some(UpTo), 8_000)]),
        event("b-feb", "2025-02", None, vec![count(Some(About), 11_000)]),
        event("c-feb-10", "2025-02-10", None, vec![count(Some(Over), 20_000)]),
        event("d-2026", "2026", None, vec![count(Some(About), 13_000)]),
        event("e-2026-05", "2026-05", None, vec![count(Some(Over), 12_000)]),
    ]);
    let all: Vec<usize> = (0..data.events().len()).collect();
    let figures = Figures::build(&data, &all);
    assert_eq!(figures.series.len(), 1);
    let marks: Vec<(&str, bool)> =
        figures.series[0].figures.iter().map(|f| (f.event(&data).id.as_str(), f.disagrees)).collect();
    assert_eq!(
        marks,
        [
            // January's 8,000 and February's 11,000: a change, not a disagreement.
            ("a-jan", false),
            // February and a day in it overlap: about 11,000 and over 20,000 cannot both hold.
            ("b-feb", true),
            ("c-feb-10", true),
            // 2026 contains May 2026; about 13,000 (11,700–14,300) meets over 12,000.
            ("d-2026", false),
            ("e-2026-05", false),
        ]
    );
    // The view marks them, in the rows and the heading.
    let app = annals::app::App::new(
        std::sync::Arc::new(data),
        std::sync::Arc::new(annals::search::WordStartMatcher),
        annals::query::Query::default(),
    );
    let mut app = crate::common::Sized::new(app, 120, 30);
    app.update(annals::app::Action::OpenFigures);
    let screen = app.render().backend().to_string();
    assert!(screen.contains("Shells · 5 figures · 2 disagree ≠"), "{screen}");
    let marked: Vec<&str> = screen.lines().filter(|l| l.contains("Title of") && l.contains('≠')).collect();
    assert_eq!(marked.len(), 2, "{screen}");
    assert!(marked[0].contains("about 11,000") && marked[1].contains("over 20,000"), "{screen}");
}

#[test]
fn the_same_figure_in_two_events_is_a_repeat_and_units_are_separate_series() {
    use Qualifier::*;
    let mut share = quantity(Some(UpTo), 40, None, Unit::Percent);
    share.item = "shells".into();
    let data = dataset(vec![
        event("first", "2023-08", Some("2023-11-01"), vec![count(Some(Over), 1_000_000)]),
        event("route", "2023-09", Some("2023-11-01"), vec![count(Some(Over), 1_000_000), share]),
        event("later", "2025-07", None, vec![count(Some(Over), 12_000_000)]),
    ]);
    let all: Vec<usize> = (0..data.events().len()).collect();
    let figures = Figures::build(&data, &all);
    let units: Vec<Unit> = figures.series.iter().map(|s| s.unit).collect();
    assert_eq!(units, [Unit::Count, Unit::Percent], "a share is never put with counts");
    let counts = &figures.series[0];
    let repeated: Vec<bool> = counts.figures.iter().map(|f| f.repeated).collect();
    assert_eq!(repeated, [true, true, false], "the million shells twice, the later figure once");
    assert_eq!(counts.scale(), Scale::Linear, "one to twelve million: one order of magnitude");
    assert_eq!(figures.len(), 4);
    assert!(counts.figures.iter().all(|f| f.grade == Some(Grade::C)));
}

#[test]
fn figures_spanning_orders_of_magnitude_are_drawn_on_a_log_scale() {
    let data = dataset(vec![
        event("small", "2023", None, vec![count(Some(Qualifier::About), 5_000)]),
        event("large", "2024", None, vec![count(None, 1_000_000)]),
    ]);
    let figures = Figures::build(&data, &[0, 1]);
    assert_eq!(figures.series[0].scale(), Scale::Log);
    assert_eq!(Figures::build(&data, &[1]).series[0].scale(), Scale::Linear, "one figure");
}

fn figures_json(args: &[&str]) -> Vec<serde_json::Value> {
    let output = assert_cmd::Command::cargo_bin("annals")
        .expect("the binary")
        .args(["figures", "--format", "json"])
        .args(args)
        .output()
        .expect("annals runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("a JSON array")
}

/// The one figure of `item` in `unit` whose amount is `amount`.
fn find<'a>(figures: &'a [serde_json::Value], item: &str, amount: u64) -> &'a serde_json::Value {
    let found: Vec<&serde_json::Value> =
        figures.iter().filter(|f| f["item"] == item && f["amount"] == amount).collect();
    assert_eq!(found.len(), 1, "{item} {amount}: {found:?}");
    found[0]
}

#[test]
fn the_bundled_figures_say_how_much_who_says_so_and_how_it_changed() {
    use serde_json::json;
    let figures = figures_json(&[]);
    let fields = |f: &serde_json::Value| {
        json!([
            f["unit"],
            f["qualifier"],
            f["low"],
            f["best"],
            f["high"],
            f["as_of"],
            f["claimed_by"],
            f["status"]
        ])
    };
    let shells = find(&figures, "artillery-shells", 1_000_000);
    assert_eq!(
        fields(shells),
        json!(["count", "over", 1_000_000, 1_000_000, null, "2023-11-01", ["nis"], "denied"]),
        "over a million shells by November 2023, says the NIS (and North Korea denies it)"
    );
    assert_eq!(shells["event"], "nis-million-shells-since-august-2023");
    assert_eq!(shells["grade"], "B");
    // The digest gives the figure beside the DIA's containers, but does not credit it to the DIA.
    assert_eq!(
        fields(find(&figures, "shells-152mm", 12_000_000)),
        json!(["count", "over", 12_000_000, 12_000_000, null, "2025-07", ["unnamed-digest"], "reported"])
    );
    assert_eq!(
        fields(find(&figures, "troops-deployed", 11_000)),
        json!(["count", "about", 9_900, 11_000, 12_100, "2025-02", ["nis"], "reported"])
    );
    assert_eq!(
        fields(find(&figures, "troops-deployed", 13_000)),
        json!(["count", "about", 11_700, 13_000, 14_300, "2025-07", ["unnamed-digest"], "reported"])
    );
    let claimed_by_budanov = json!(["kyrylo-budanov", "ukraine-military-intelligence"]);
    assert_eq!(
        fields(find(&figures, "troops-in-combat", 8_000)),
        json!(["count", "up-to", null, 8_000, 8_000, "2025-01", claimed_by_budanov, "disputed"])
    );
    assert_eq!(
        fields(find(&figures, "artillery-systems", 120)),
        // Supplied "up to the start of 2025": dated "../2024", so the figure holds as of 2024.
        // One number for Koksan guns and M-1991 launchers together, so neither's alone.
        json!(["count", "up-to", null, 120, 120, "2024", claimed_by_budanov, "reported"])
    );
    assert_eq!(
        fields(find(&figures, "kn-23", 150)),
        json!(["count", "at-least", 150, 150, null, "2025-01", claimed_by_budanov, "planned"])
    );
    // CNN's ten shipments and Yoo's around ten: two claims, each its own, that agree.
    let shipments: Vec<serde_json::Value> =
        figures.iter().filter(|f| f["item"] == "shipments").map(fields).collect();
    assert_eq!(
        shipments,
        [
            json!(["count", "about", 9, 10, 11, "2023-11", ["yoo-sang-bum"], "denied"]),
            json!(["count", null, 10, 10, 10, "2023-11-01", ["cnn", "unnamed-news-site"], "denied"]),
        ]
    );
    // The estimate of troops sent, in the order it held: 11,000 then 13,000; a change, not a dispute.
    let deployed: Vec<&serde_json::Value> =
        figures.iter().filter(|f| f["item"] == "troops-deployed").collect();
    assert_eq!(
        deployed.iter().map(|f| f["amount"].clone()).collect::<Vec<_>>(),
        [json!(11_000), json!(13_000)]
    );
    assert!(
        figures.iter().all(|f| f["disagrees"] == false && f["repeated"] == false),
        "the data counts each once"
    );
    let share = find(&figures, "artillery-shells", 40);
    assert_eq!((share["unit"].clone(), share["high"].clone()), (json!("percent"), json!(40)));
    for figure in &figures {
        for key in [
            "item",
            "unit",
            "qualifier",
            "low",
            "best",
            "high",
            "as_of",
            "claimed_by",
            "status",
            "grade",
            "event",
        ] {
            assert!(figure.get(key).is_some(), "{key} in {figure}");
        }
    }
}

#[test]
fn figures_take_the_filters_and_come_as_text_and_csv_too() {
    let budanov = figures_json(&["--actor", "kyrylo-budanov"]);
    let items: Vec<&str> = budanov.iter().filter_map(|f| f["item"].as_str()).collect();
    assert_eq!(items, ["artillery-shells", "artillery-systems", "kn-23", "troops-in-combat"]);
    let output = assert_cmd::Command::cargo_bin("annals")
        .expect("the binary")
        .args(["figures", "--weapon", "kn-23"])
        .output()
        .expect("annals runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.starts_with("2025-01  KN-23 short-range ballistic missile  at least 150  ≥ 150"), "{text}");
    assert!(text.trim_end().ends_with("[budanov-150-kn-23-planned-for-2025]"), "{text}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("1 figure in 1 series"));
    let output = assert_cmd::Command::cargo_bin("annals")
        .expect("the binary")
        .args(["figures", "--format", "csv"])
        .output()
        .expect("annals runs");
    let mut reader = csv::Reader::from_reader(&output.stdout[..]);
    let header = reader.headers().expect("a header").clone();
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    assert_eq!(rows.len(), figures_json(&[]).len());
    let koksan = rows.iter().find(|r| &r[column("item")] == "artillery-systems").expect("Koksan and M-1991");
    assert_eq!((&koksan[column("low")], &koksan[column("high")]), ("", "120"), "unbounded: empty");
}

fn bundled_app(width: u16, height: u16) -> crate::common::Sized {
    use std::sync::Arc;
    let dataset = annals::load::load(&annals::load::Bundled).expect("the bundled dataset loads");
    let app = annals::app::App::new(
        Arc::new(dataset),
        Arc::new(annals::search::WordStartMatcher),
        annals::query::Query::default(),
    );
    crate::common::Sized::new(app, width, height)
}

fn view(app: &annals::app::App) -> &annals::app::FiguresView {
    match app.screen() {
        annals::app::Screen::Figures(view) => view,
        other => panic!("the figures view is open, not {other:?}"),
    }
}

/// The event of the figure at the cursor.
fn figure_event(app: &annals::app::App) -> String {
    let view = view(app);
    let (s, f) = view.at_cursor().expect("a figure at the cursor");
    let figures = view.figures.as_ref().expect("computed");
    app.dataset.event(figures.series[s].figures[f].event).id.clone()
}

fn selected_event(app: &annals::app::App) -> String {
    app.dataset.event(app.chronology.selected.expect("a selection")).id.clone()
}

#[test]
fn the_figures_view_walks_items_and_enter_shows_the_event() {
    use annals::app::{Action, Screen};
    let mut app = bundled_app(120, 40);
    app.update(Action::Move(3));
    let before = app.chronology.clone();
    app.update(Action::OpenFigures);
    assert_eq!(figure_event(&app), "nis-million-shells-since-august-2023", "the first figure");
    // To the troops deployed: the NIS's 11,000, then the digest's 13,000.
    while view(&app).figures.as_ref().is_some_and(|f| {
        let (s, _) = view(&app).at_cursor().expect("cursor");
        f.series[s].item != "troops-deployed"
    }) {
        app.update(Action::NextItem);
    }
    assert_eq!(figure_event(&app), "nis-11000-troops-sent");
    app.update(Action::Move(1));
    assert_eq!(figure_event(&app), "digest-13000-personnel-sent");
    app.update(Action::Submit);
    assert!(matches!(app.screen(), Screen::Chronology), "Enter goes to the chronology");
    assert_eq!(selected_event(&app), "digest-13000-personnel-sent");
    app.update(Action::Back);
    assert_eq!(figure_event(&app), "digest-13000-personnel-sent", "Backspace comes back to the figure");
    app.update(Action::Back);
    assert!(matches!(app.screen(), Screen::Chronology));
    assert_eq!(app.chronology.selected, before.selected, "and back to where you were");
    let before = app.chronology.clone();
    app.update(Action::OpenFigures);
    app.update(Action::Move(5));
    app.update(Action::Back);
    assert_eq!(app.chronology, before, "Esc returns exactly where you were");
}

#[test]
fn the_figures_are_computed_off_the_ui_thread_and_a_stale_answer_is_dropped() {
    use annals::app::{Action, Effect};
    use std::sync::Arc;
    let mut app = bundled_app(120, 40);
    app.background_search = true;
    let effect = app.update(Action::OpenFigures).expect("work for the runtime");
    let Effect::ComputeFigures { ticket, query, events } = effect else { panic!("{effect:?}") };
    assert!(query.is_empty());
    let events = events.expect("the list shown answers the query");
    assert!(view(&app).figures.is_none());
    assert!(app.render().backend().to_string().contains("Computing the figures…"));
    let figures = Arc::new(Figures::build(&app.dataset, &events));
    app.update(Action::FiguresDone {
        ticket: ticket + 1,
        figures: Arc::clone(&figures),
        events: events.len(),
    });
    assert!(view(&app).figures.is_none(), "an answer to another request is dropped");
    app.update(Action::FiguresDone { ticket, figures, events: events.len() });
    assert_eq!(figure_event(&app), "nis-million-shells-since-august-2023");
}

#[test]
fn the_figures_view_shows_the_filtered_figures_and_a_chart() {
    use annals::app::Action;
    let mut app = bundled_app(120, 40);
    app.set_query("actor:nis".parse().expect("query"));
    app.update(Action::OpenFigures);
    let figures = view(&app).figures.clone().expect("computed");
    let items: Vec<&str> = figures.series.iter().map(|s| s.item.as_str()).collect();
    assert_eq!(items, ["artillery-shells", "troops-deployed"], "the NIS's figures only");
    let mut app = bundled_app(120, 40);
    app.update(Action::OpenFigures);
    while figure_event(&app) != "nis-11000-troops-sent" {
        app.update(Action::NextItem);
    }
    insta::assert_snapshot!(app.render().backend());
}

fn claims(app: &annals::app::App) -> &annals::app::ClaimsTable {
    match app.screen() {
        annals::app::Screen::Claims(table) => table,
        other => panic!("the claims table is open, not {other:?}"),
    }
}

fn column_of(app: &annals::app::App, f: impl Fn(&Event) -> String) -> Vec<String> {
    claims(app).rows.iter().map(|&i| f(app.dataset.event(i))).collect()
}

#[test]
fn the_claims_table_sorts_by_any_column_and_enter_shows_the_event() {
    use annals::app::{Action, ClaimsColumn, Screen};
    let mut app = bundled_app(120, 30);
    app.set_query("actor:kyrylo-budanov".parse().expect("query"));
    let selected = selected_event(&app);
    app.update(Action::OpenClaims);
    assert_eq!(claims(&app).rows, *app.chronology.visible, "in date order, as the list");
    assert_eq!(
        app.dataset.event(claims(&app).rows[claims(&app).cursor]).id,
        selected,
        "on the selected event"
    );
    app.update(Action::SortBy(ClaimsColumn::Status));
    let statuses = column_of(&app, |e| e.status.as_str().to_string());
    assert_eq!(statuses, ["reported", "reported", "reported", "disputed", "disputed", "planned"]);
    app.update(Action::SortBy(ClaimsColumn::Status));
    assert_eq!(column_of(&app, |e| e.status.as_str().to_string())[0], "planned", "again: the other way");
    app.update(Action::SortBy(ClaimsColumn::Quantity));
    let quantities =
        column_of(&app, |e| e.quantities.first().map(|q| q.amount.to_string()).unwrap_or_default());
    assert_eq!(quantities, ["120", "150", "8000", "40", "", ""], "counts by size, then a share, then none");
    app.update(Action::First);
    app.update(Action::Move(1));
    app.update(Action::Submit);
    assert!(matches!(app.screen(), Screen::Chronology));
    assert_eq!(selected_event(&app), "budanov-150-kn-23-planned-for-2025");
    app.update(Action::Back);
    assert_eq!(claims(&app).sort, ClaimsColumn::Quantity, "back to the table as it was");
    insta::assert_snapshot!(app.render().backend());
}

/// (as of, the figure as qualified) of every figure, as `annals figures --format json` gives them.
fn cli_figures() -> Vec<(String, String, String)> {
    figures_json(&[])
        .iter()
        .map(|f| {
            let interval = Interval {
                low: f["low"].as_u64(),
                best: f["best"].as_u64().expect("best"),
                high: f["high"].as_u64(),
            };
            let unit = Unit::parse(f["unit"].as_str().expect("unit")).expect("a unit");
            (
                f["as_of"].as_str().expect("as_of").to_string(),
                f["figure"].as_str().expect("figure").to_string(),
                annals::figures::range_label(&interval, unit),
            )
        })
        .collect()
}

#[test]
fn the_tui_the_cli_and_the_report_show_the_same_numbers() {
    use annals::app::Action;
    let cli = cli_figures();
    assert_eq!(cli.len(), 17);
    let markdown = String::from_utf8(
        assert_cmd::Command::cargo_bin("annals")
            .expect("the binary")
            .arg("export")
            .output()
            .expect("runs")
            .stdout,
    )
    .expect("UTF-8");
    let section = &markdown
        [markdown.find("## Figures").expect("figures")..markdown.find("## Sources").expect("sources")];
    let report_rows: Vec<&str> = section.lines().filter(|l| l.starts_with("| 20")).collect();
    assert_eq!(report_rows.len(), cli.len(), "a row a figure");
    let mut app = bundled_app(160, 80);
    app.update(Action::OpenFigures);
    let screen = app.render().backend().to_string();
    for (as_of, figure, range) in &cli {
        let escaped = annals::export::escape(figure);
        assert!(
            report_rows.iter().any(|row| row.starts_with(&format!("| {as_of} | {escaped}"))
                && row.contains(&format!("| {range} |"))),
            "{as_of} {figure} {range} is not in the report:\n{section}"
        );
        assert!(
            screen.contains(&format!("{as_of:<10} {figure}")),
            "{as_of} {figure} is not in the TUI:\n{screen}"
        );
    }
}

#[test]
fn list_csv_gives_the_reported_date_and_each_quantity_in_numbers() {
    let output = assert_cmd::Command::cargo_bin("annals")
        .expect("the binary")
        .args(["list", "--format", "csv"])
        .output()
        .expect("annals runs");
    assert!(output.status.success());
    let mut reader = csv::Reader::from_reader(&output.stdout[..]);
    let header = reader.headers().expect("a header").clone();
    let added =
        ["reported", "quantity_item", "quantity_unit", "quantity_low", "quantity_best", "quantity_high"];
    assert_eq!(header.iter().skip(header.len() - added.len()).collect::<Vec<_>>(), added, "added at the end");
    let column = |name: &str| header.iter().position(|h| h == name).expect(name);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a row")).collect();
    let row = |id: &str| rows.iter().find(|r| &r[column("id")] == id).expect(id).clone();
    let cells = |r: &csv::StringRecord| added.map(|name| r[column(name)].to_string());
    assert_eq!(
        cells(&row("nis-million-shells-since-august-2023")),
        ["2023-11-01", "artillery-shells", "count", "1000000", "1000000", ""],
        "no upper bound: empty"
    );
    assert_eq!(
        cells(&row("north-korean-casualties-300-killed-2700-wounded")),
        ["", "troops-killed; troops-wounded", "count; count", "300; 2430", "300; 2700", "300; 2970"],
        "two quantities: a value each"
    );
    // The same numbers as `annals figures`, which reads the same intervals.
    for figure in figures_json(&[]) {
        let event = row(figure["event"].as_str().expect("an event id"));
        let items: Vec<&str> = event[column("quantity_item")].split("; ").collect();
        let at = items.iter().position(|i| *i == figure["item"]).expect("the item");
        let best: Vec<&str> = event[column("quantity_best")].split("; ").collect();
        assert_eq!(best[at], figure["best"].to_string(), "{figure}");
    }
}

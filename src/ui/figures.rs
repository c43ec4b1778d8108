//! The figures view: a header, the figures per item (a heading, then a row a figure: when
//! it held, the figure as qualified, its marks, who claims it, status, grade and event), and
//! a chart of the item at the cursor when it has two figures or more.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Chart, Dataset, Paragraph, Wrap};

use super::claimants_short;
use super::text::{fit, pad};
use super::theme::Theme;
use crate::app::{App, FigureRow, FiguresView, Measured};
use crate::date::Date;
use crate::figures::{Figure, Figures, Scale, Series, claimants, marks, range_label, series_name};
use crate::model::{Event, group_thousands};
use crate::text::clean;

/// Below this many rows for the view, the chart gives way to the list.
const CHART_MIN_BODY: u16 = 20;

/// Draw the view over the screen's body (everything but the footer); returns what it measured.
pub fn render(frame: &mut Frame<'_>, app: &App, view: &FiguresView, theme: &Theme, area: Rect) -> Measured {
    let chart_height = if area.height >= CHART_MIN_BODY { (area.height / 2).clamp(8, 14) } else { 0 };
    let [top, list, chart] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(3), Constraint::Length(chart_height)])
            .areas(area);
    frame.render_widget(Paragraph::new(header(app, view, theme, usize::from(top.width))), top);

    let block = Block::bordered().title(" Figures ").border_style(theme.focused_border());
    let inner = block.inner(list);
    frame.render_widget(block, list);
    let lines = match &view.figures {
        None => vec![Line::styled("Computing the figures…", theme.dim())],
        Some(figures) if figures.is_empty() => {
            vec![Line::styled(
                "None of these events gives a figure (docs/DATA.md, \"Quantities\").",
                theme.dim(),
            )]
        }
        Some(figures) => rows(app, view, figures, theme, inner),
    };
    frame.render_widget(Paragraph::new(lines), inner);

    if chart_height > 0 {
        let at = view.at_cursor();
        let figures = view.figures.as_deref();
        render_chart(frame, app, figures, at, theme, chart);
    }
    Measured { table_rows: inner.height, ..Measured::default() }
}

fn header(app: &App, view: &FiguresView, theme: &Theme, width: usize) -> Line<'static> {
    let mut spans = vec![Span::styled(" Figures", theme.title())];
    if let (Some(figures), Some(events)) = (&view.figures, view.events) {
        spans.push(Span::styled(
            format!(
                " · {} in {} series, from {} of {} events",
                plural(figures.len(), "figure"),
                figures.series.len(),
                group_thousands(events as u64),
                group_thousands(app.dataset.events().len() as u64)
            ),
            theme.plain(),
        ));
    }
    let filters =
        if view.query.is_empty() { "no filters".to_string() } else { clean(&view.query.to_string()) };
    spans.push(Span::styled(format!(" · {filters}"), theme.dim()));
    spans.push(Span::styled("  ≠ disagrees, = repeats", theme.dim()));
    Line::from(fit(spans, width))
}

fn plural(n: usize, word: &str) -> String {
    format!("{} {word}{}", group_thousands(n as u64), if n == 1 { "" } else { "s" })
}

/// The rows in view: headings and figures, the one at the cursor marked and bold.
fn rows(app: &App, view: &FiguresView, figures: &Figures, theme: &Theme, area: Rect) -> Vec<Line<'static>> {
    let width = usize::from(area.width);
    let shown = &view.rows[view.offset.min(view.rows.len())..];
    let shown = &shown[..shown.len().min(usize::from(area.height))];
    // Columns as wide as what they show on this page.
    let figure_at = |row: &FigureRow| match *row {
        FigureRow::Figure(s, f) => Some(&figures.series[s].figures[f]),
        FigureRow::Series(_) => None,
    };
    let said = |figure: &Figure| figure.quantity(&app.dataset).amount_label();
    let figure_width = shown.iter().filter_map(figure_at).map(|f| said(f).chars().count()).max().unwrap_or(0);
    let who = |event: &Event| claimants_short(app, event);
    let who_width = shown
        .iter()
        .filter_map(figure_at)
        .map(|f| who(f.event(&app.dataset)).chars().count())
        .max()
        .unwrap_or(0);
    let who_width = who_width.min(28);
    shown
        .iter()
        .enumerate()
        .map(|(k, row)| match *row {
            FigureRow::Series(s) => series_heading(app, &figures.series[s], theme, width),
            FigureRow::Figure(..) => {
                let Some(figure) = figure_at(row) else { return Line::default() };
                let selected = view.offset + k == view.cursor;
                let event = figure.event(&app.dataset);
                let marks = marks(figure);
                let spans = vec![
                    Span::raw(if selected { "▶ " } else { "  " }),
                    Span::styled(format!("{:<10} ", figure.as_of.to_string()), theme.date()),
                    Span::styled(format!("{:<figure_width$} ", said(figure)), theme.title()),
                    Span::styled(format!("{marks:<2} "), theme.error()),
                    Span::styled(format!("{} ", pad_to(&who(event), who_width)), theme.plain()),
                    Span::styled(format!("{:<9} ", event.status.as_str()), theme.tag()),
                    Span::styled(format!("{} ", figure.grade.map_or("-", |g| g.as_str())), theme.key()),
                    Span::raw(clean(&event.title)),
                ];
                let line = Line::from(pad(fit(spans, width), width));
                if selected { line.style(theme.selected()) } else { line }
            }
        })
        .collect()
}

fn series_heading(app: &App, series: &Series, theme: &Theme, width: usize) -> Line<'static> {
    let mut spans = vec![
        Span::styled(clean(&series_name(&app.dataset, series)), theme.year_heading()),
        Span::styled(format!(" · {}", plural(series.figures.len(), "figure")), theme.dim()),
    ];
    let disagreeing = series.disagreements();
    if disagreeing > 0 {
        spans.push(Span::styled(format!(" · {disagreeing} disagree ≠"), theme.error()));
    }
    Line::from(fit(spans, width))
}

/// `text` cut or padded to `width` characters.
fn pad_to(text: &str, width: usize) -> String {
    let cut: String = if text.chars().count() > width {
        text.chars().take(width.saturating_sub(1)).chain(['…']).collect()
    } else {
        text.to_string()
    };
    format!("{cut:<width$}")
}

/// The chart of the series at the cursor: a vertical range a figure (what the words allow,
/// to the axis' end where they set no bound), its figure as a dot, ≠ where it disagrees,
/// and ◆ at the cursor. Many figures are gathered in a range a column.
fn render_chart(
    frame: &mut Frame<'_>,
    app: &App,
    figures: Option<&Figures>,
    at: Option<(usize, usize)>,
    theme: &Theme,
    area: Rect,
) {
    let Some((series, cursor)) = figures.zip(at).map(|(all, (s, f))| (&all.series[s], f)) else {
        frame.render_widget(Block::bordered().title(" Chart ").border_style(theme.border()), area);
        return;
    };
    let name = clean(&series_name(&app.dataset, series));
    let about = about(app, series, &series.figures[cursor], theme);
    if series.figures.len() < 2 {
        let block = Block::bordered().title(format!(" {name} ")).border_style(theme.border());
        let mut lines = vec![about];
        let event = series.figures[cursor].event(&app.dataset);
        lines.push(Line::from(vec![
            Span::styled("claimed by ", theme.label()),
            Span::raw(clean(&claimants(&app.dataset, event))),
        ]));
        lines.push(Line::from(vec![Span::styled("event ", theme.label()), Span::raw(clean(&event.title))]));
        lines.push(Line::styled("One figure: a chart needs two or more.", theme.dim()));
        frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }).block(block), area);
        return;
    }
    let scale = series.scale();
    // Braille dots: two a column across, four a row down (less the borders, axis and labels).
    let dots = (
        usize::from(area.width.saturating_sub(12)).max(8) * 2,
        usize::from(area.height.saturating_sub(4)) * 4,
    );
    let plot = Plot::of(series, scale, dots);
    let at_cursor = plot.at(series, cursor, scale);
    // Four datasets, each one canvas, however many figures: the ranges as dots down each line.
    let datasets = vec![
        Dataset::default().marker(Marker::Braille).style(theme.bar()).data(&plot.ranges),
        Dataset::default().marker(Marker::Dot).style(theme.plain()).data(&plot.best),
        Dataset::default().marker(Marker::Custom('≠')).style(theme.error()).data(&plot.disagreeing),
        Dataset::default().marker(Marker::Custom('◆')).style(theme.key()).data(&at_cursor),
    ];
    let scale_name = match scale {
        Scale::Linear => "linear scale",
        Scale::Log => "log scale",
    };
    let title = format!(
        " {name}: {}, {scale_name}; ◆ the figure at the cursor ",
        plural(series.figures.len(), "figure")
    );
    let first = series.figures.first().map(|f| f.as_of.to_string()).unwrap_or_default();
    let last = series.figures.last().map(|f| f.as_of.to_string()).unwrap_or_default();
    let chart = Chart::new(datasets)
        .block(Block::bordered().title(title).title_bottom(about).border_style(theme.border()))
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds(plot.x)
                .labels([Span::styled(first, theme.date()), Span::styled(last, theme.date())]),
        )
        .y_axis(Axis::default().bounds(plot.y).labels([
            Span::raw(compact(plot.unscale(plot.y[0], scale))),
            Span::raw(compact(plot.unscale(plot.y[1], scale))),
        ]));
    frame.render_widget(chart, area);
}

/// The figure at the cursor in a line: as qualified, with its note, its range and when it held.
fn about(app: &App, series: &Series, figure: &Figure, theme: &Theme) -> Line<'static> {
    let quantity = figure.quantity(&app.dataset);
    let mut spans = vec![Span::styled(format!(" {}", quantity.amount_label()), theme.title())];
    if let Some(note) = &quantity.note {
        spans.push(Span::raw(format!(" ({})", clean(note))));
    }
    spans.push(Span::styled(
        format!(" · range {}", range_label(&figure.interval, series.unit)),
        theme.plain(),
    ));
    spans.push(Span::styled(format!(" · as of {} ", figure.as_of), theme.date()));
    if !marks(figure).is_empty() {
        let said = match (figure.disagrees, figure.repeated) {
            (true, true) => "disagrees with a figure of the same time; also given by another event",
            (true, false) => "disagrees with a figure of the same time",
            _ => "also given by another event",
        };
        spans.push(Span::styled(format!("· {} {said} ", marks(figure)), theme.error()));
    }
    Line::from(spans)
}

/// A series' figures as points and segments on the chart's axes.
struct Plot {
    x: [f64; 2],
    y: [f64; 2],
    /// Points down each figure's range, as close as the dots are.
    ranges: Vec<(f64, f64)>,
    best: Vec<(f64, f64)>,
    disagreeing: Vec<(f64, f64)>,
}

impl Plot {
    fn of(series: &Series, scale: Scale, (columns, rows): (usize, usize)) -> Self {
        let value = |v: u64| match scale {
            Scale::Linear => v as f64,
            Scale::Log => (v.max(1) as f64).log10(),
        };
        let finite = series
            .figures
            .iter()
            .flat_map(|f| [f.interval.low, Some(f.interval.best), f.interval.high])
            .flatten();
        let (least, most) = finite.fold((u64::MAX, 0), |(l, m), v| (l.min(v), m.max(v)));
        let y = match scale {
            // Counts start at nothing, so an "up to" range runs down to the axis.
            Scale::Linear => [0.0, (most as f64 * 1.1).max(1.0)],
            Scale::Log => [value(least).floor(), value(most).ceil().max(value(least).floor() + 1.0)],
        };
        let xs: Vec<f64> = series.figures.iter().map(|f| day(&f.as_of)).collect();
        let (first, last) = xs.iter().fold((f64::MAX, f64::MIN), |(a, b), &x| (a.min(x), b.max(x)));
        let margin = ((last - first) * 0.05).max(15.0);
        let x = [first - margin, last + margin];
        // A range a figure, or a range a column when there are more figures than columns.
        let column = |fx: f64| ((fx - x[0]) / (x[1] - x[0]).max(1.0) * columns as f64) as usize;
        let mut by_column: Vec<(usize, f64, f64, f64)> = Vec::new();
        for (figure, &fx) in series.figures.iter().zip(&xs) {
            let low = figure.interval.low.map_or(y[0], value);
            let high = figure.interval.high.map_or(y[1], value);
            let key = if series.figures.len() > columns { column(fx) } else { by_column.len() };
            match by_column.last_mut() {
                Some(last) if last.0 == key && series.figures.len() > columns => {
                    last.2 = last.2.min(low);
                    last.3 = last.3.max(high);
                }
                _ => by_column.push((key, fx, low, high)),
            }
        }
        let step = (y[1] - y[0]) / rows.max(1) as f64;
        let ranges = by_column
            .iter()
            .flat_map(|&(_, x, low, high)| {
                let count = ((high - low) / step).ceil().max(0.0) as usize;
                (0..=count).map(move |k| (x, (low + k as f64 * step).min(high)))
            })
            .collect();
        let best = series.figures.iter().zip(&xs).map(|(f, &x)| (x, value(f.interval.best))).collect();
        let disagreeing = series
            .figures
            .iter()
            .zip(&xs)
            .filter(|(f, _)| f.disagrees)
            .map(|(f, &x)| (x, value(f.interval.best)))
            .collect();
        Self { x, y, ranges, best, disagreeing }
    }

    fn at(&self, series: &Series, cursor: usize, scale: Scale) -> Vec<(f64, f64)> {
        let figure = &series.figures[cursor];
        let best = figure.interval.best;
        let y = match scale {
            Scale::Linear => best as f64,
            Scale::Log => (best.max(1) as f64).log10(),
        };
        vec![(day(&figure.as_of), y)]
    }

    fn unscale(&self, y: f64, scale: Scale) -> u64 {
        match scale {
            Scale::Linear => y.round() as u64,
            Scale::Log => 10f64.powf(y).round() as u64,
        }
    }
}

/// The middle of the days a date covers, as a day number.
fn day(date: &Date) -> f64 {
    use chrono::Datelike;
    f64::from(date.first_day().num_days_from_ce() + date.last_day().num_days_from_ce()) / 2.0
}

/// 12,000,000 → "12M", 28,000 → "28k", 40 → "40".
fn compact(n: u64) -> String {
    let short = |value: f64, suffix: &str| {
        let text =
            if value >= 10.0 || value.fract() == 0.0 { format!("{value:.0}") } else { format!("{value:.1}") };
        format!("{text}{suffix}")
    };
    match n {
        1_000_000_000.. => short(n as f64 / 1e9, "G"),
        1_000_000.. => short(n as f64 / 1e6, "M"),
        10_000.. => short(n as f64 / 1e3, "k"),
        _ => group_thousands(n),
    }
}

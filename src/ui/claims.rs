//! The claims table: a header, then a row an event under numbered column heads (the keys
//! that sort by them), the sorted column marked ▲ or ▼ and the row at the cursor marked ▶.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Paragraph, Row, Table};

use super::claimants_short;
use super::text::fit;
use super::theme::Theme;
use crate::app::{App, ClaimsColumn, ClaimsTable, Measured};
use crate::figures::{best_grade, item_name};
use crate::model::group_thousands;
use crate::text::clean;

/// Draw the table over the screen's body (everything but the footer); returns what it measured.
pub fn render(frame: &mut Frame<'_>, app: &App, table: &ClaimsTable, theme: &Theme, area: Rect) -> Measured {
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(fit(header(app, table, theme), usize::from(top.width)))),
        top,
    );

    let block = Block::bordered().title(" Claims ").border_style(theme.focused_border());
    let inner = block.inner(body);
    // The column heads take a row.
    let rows_shown = usize::from(inner.height.saturating_sub(1));
    // Each head carries the key that sorts by it, as a superscript: date¹ … title⁸.
    let heads: Vec<String> = ClaimsColumn::ALL
        .iter()
        .zip(["¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸"])
        .map(|(column, key)| {
            let mark = if *column == table.sort { direction(table) } else { "" };
            format!("{}{key}{mark}", column.name())
        })
        .collect();
    let rows: Vec<(bool, [String; 9])> = table
        .rows
        .iter()
        .enumerate()
        .skip(table.offset)
        .take(rows_shown)
        .map(|(k, &index)| (k == table.cursor, cells(app, index, k == table.cursor)))
        .collect();
    let widths = widths(&heads, &rows);
    let styles = [
        theme.plain(),
        theme.date(),
        theme.date(),
        theme.plain(),
        theme.tag(),
        theme.key(),
        theme.tag(),
        theme.title(),
        theme.plain(),
    ];
    let heads = Row::new(
        std::iter::once(Cell::from("")).chain(heads.into_iter().map(|h| Cell::from(h).style(theme.label()))),
    );
    let rows = rows.into_iter().map(|(selected, cells)| {
        let row = Row::new(cells.into_iter().zip(styles).map(|(cell, style)| Cell::from(cell).style(style)));
        if selected { row.style(theme.selected()) } else { row }
    });
    let widget = Table::new(rows, widths).header(heads).block(block).column_spacing(1);
    frame.render_widget(widget, body);
    if table.rows.is_empty() {
        // A table waiting to be made again after a reload is not an empty one.
        let note = match table.stale {
            Some(_) => "Reloading…",
            None => "No events match these filters.",
        };
        let below_heads = Rect { y: inner.y + 1, height: inner.height.saturating_sub(1), ..inner };
        frame.render_widget(Paragraph::new(Line::styled(note, theme.dim())), below_heads);
    }
    Measured { table_rows: u16::try_from(rows_shown).unwrap_or(u16::MAX), ..Measured::default() }
}

fn direction(table: &ClaimsTable) -> &'static str {
    if table.descending { "▼" } else { "▲" }
}

/// " Claims · 6 of 52 events · sorted by quantity ▲ · actor:kyrylo-budanov"
fn header(app: &App, table: &ClaimsTable, theme: &Theme) -> Vec<Span<'static>> {
    let filters =
        if table.query.is_empty() { "no filters".to_string() } else { clean(&table.query.to_string()) };
    vec![
        Span::styled(" Claims", theme.title()),
        Span::styled(
            format!(
                " · {} of {} events · sorted by {} {}",
                group_thousands(table.rows.len() as u64),
                group_thousands(app.dataset.events().len() as u64),
                table.sort.name(),
                direction(table)
            ),
            theme.plain(),
        ),
        Span::styled(format!(" · {filters}"), theme.dim()),
    ]
}

/// An event's row: the cursor mark, then a cell a column.
fn cells(app: &App, index: usize, selected: bool) -> [String; 9] {
    let event = app.dataset.event(index);
    let quantity = event
        .quantities
        .first()
        .map(|q| {
            let more = match event.quantities.len() {
                1 => String::new(),
                n => format!(" +{}", n - 1),
            };
            format!("{} · {}{more}", q.amount_label(), clean(item_name(&app.dataset, &q.item)))
        })
        .unwrap_or_default();
    [
        (if selected { "▶" } else { " " }).to_string(),
        event.date_label(),
        event.reported.map(|d| d.to_string()).unwrap_or_default(),
        claimants_short(app, event),
        event.status.as_str().to_string(),
        best_grade(&app.dataset, index).map_or("-", |g| g.as_str()).to_string(),
        event.kind.as_str().to_string(),
        quantity,
        clean(&event.title),
    ]
}

/// Each column as wide as its head and what it shows on this page, within a cap; the title
/// takes the rest.
fn widths(heads: &[String], rows: &[(bool, [String; 9])]) -> Vec<Constraint> {
    const CAPS: [usize; 8] = [20, 10, 18, 9, 6, 12, 24, usize::MAX];
    let width = |column: usize| {
        let content = rows.iter().map(|(_, cells)| cells[column + 1].chars().count()).max().unwrap_or(0);
        content.min(CAPS[column]).max(heads[column].chars().count())
    };
    let mut widths = vec![Constraint::Length(1)];
    widths.extend((0..7).map(|column| Constraint::Length(u16::try_from(width(column)).unwrap_or(u16::MAX))));
    widths.push(Constraint::Fill(1));
    widths
}

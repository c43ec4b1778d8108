//! The source reader: the source's header, the article wrapped with a gutter that tells
//! cited paragraphs from uncited ones, the passage at the cursor highlighted and the others
//! marked, and the events citing the passage at the cursor.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::text::fit;
use super::theme::Theme;
use crate::app::{App, Measured, Reader};
use crate::date::DatePrecision;
use crate::passages::{Passage, paragraphs};
use crate::text::clean;

/// Gutter marks: a paragraph some event cites, and one none does.
const CITED: &str = "▌ ";
const UNCITED: &str = "· ";

/// Draw the reader over the screen's body (everything but the footer); returns what it measured.
pub fn render(frame: &mut Frame<'_>, app: &App, reader: &Reader, theme: &Theme, area: Rect) -> Measured {
    let Some(source) = app.dataset.source(&reader.source) else { return Measured::default() };
    let text = app.dataset.article(&reader.source).unwrap_or_default();
    let header = header_lines(source, theme);
    let citing = reader.current_passage().map_or(0, |p| p.indices.len());
    let [top, body, bottom] = Layout::vertical([
        Constraint::Length(u16::try_from(header.len()).unwrap_or(4).saturating_add(1)),
        Constraint::Min(3),
        Constraint::Length(u16::try_from(citing.min(4)).unwrap_or(4).saturating_add(2)),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(header).wrap(Wrap { trim: false }), top);

    let block =
        Block::bordered().title(format!(" {} ", clean(&source.file))).border_style(theme.focused_border());
    let inner = block.inner(body);
    let (lines, passage_line) = article_lines(text, reader, theme, usize::from(inner.width));
    let total = u16::try_from(lines.len()).unwrap_or(u16::MAX);
    let scroll = reader.scroll.min(total.saturating_sub(inner.height));
    let position = match reader.current {
        Some(c) => format!(" passage {} of {} ", c + 1, reader.passages.len()),
        None => " no event cites this article ".to_string(),
    };
    let block = block.title_bottom(Line::styled(position, theme.dim()).right_aligned());
    let shown: Vec<Line<'static>> =
        lines.into_iter().skip(usize::from(scroll)).take(usize::from(inner.height)).collect();
    frame.render_widget(Paragraph::new(shown).block(block), body);

    render_citing(frame, app, reader, theme, bottom);
    Measured {
        reader_rows: inner.height,
        reader_lines: total,
        reader_passage_line: passage_line,
        ..Measured::default()
    }
}

/// Outlet and title; published date with its precision and basis; grade with its reason.
fn header_lines(source: &crate::model::Source, theme: &Theme) -> Vec<Line<'static>> {
    let precision = match source.published.precision() {
        DatePrecision::Year => "year",
        DatePrecision::Month => "month",
        DatePrecision::Day => "day",
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(format!(" {}", clean(&source.outlet)), theme.title()),
            Span::styled(" · ", theme.dim()),
            Span::styled(clean(&source.title), theme.plain()),
        ]),
        Line::from(vec![
            Span::styled(" published ", theme.label()),
            Span::styled(source.published.to_string(), theme.date()),
            Span::styled(
                format!(" ({precision} precision): {}", clean(&source.published_basis)),
                theme.dim(),
            ),
        ]),
        Line::from(vec![
            Span::styled(format!(" grade {}", source.reliability), theme.key()),
            Span::styled(format!(" ({}): ", source.reliability.meaning()), theme.label()),
            Span::styled(clean(&source.reliability_reason), theme.dim()),
        ]),
    ];
    for (label, url) in [("online", &source.url), ("archived", &source.archived_url)] {
        if let Some(url) = url {
            lines.push(Line::styled(format!(" {label}: {}", clean(url)), theme.dim()));
        }
    }
    lines
}

/// The article wrapped at `width` (gutter included), and the line where the passage at the
/// cursor starts.
fn article_lines(
    text: &str,
    reader: &Reader,
    theme: &Theme,
    width: usize,
) -> (Vec<Line<'static>>, Option<u16>) {
    let text_width = width.saturating_sub(CITED.chars().count()).max(1);
    let current = reader.current_passage().map(Passage::range);
    let style_at = |at: usize| -> Style {
        if current.as_ref().is_some_and(|r| r.contains(&at)) {
            theme.passage()
        } else if reader.passages.iter().any(|p| p.range().contains(&at)) {
            theme.cited()
        } else {
            theme.plain()
        }
    };
    let cited = |start: usize, end: usize| reader.passages.iter().any(|p| p.start < end && start < p.end);
    let mut lines = Vec::new();
    let mut passage_line = None;
    let mut at = 0;
    let paragraphs = paragraphs(text);
    for paragraph in &paragraphs {
        // The blank lines between paragraphs, as in the text.
        for _ in text[at..paragraph.start].matches('\n').skip(1) {
            lines.push(Line::raw(""));
        }
        at = paragraph.end;
        let gutter = if cited(paragraph.start, paragraph.end) {
            Span::styled(CITED, theme.key())
        } else {
            Span::styled(UNCITED, theme.dim())
        };
        for (start, row) in wrap(text, paragraph.start, paragraph.end, text_width) {
            // The first row that reaches past the passage's start holds it.
            if passage_line.is_none() && current.as_ref().is_some_and(|r| r.start < start + row.len().max(1))
            {
                passage_line = Some(u16::try_from(lines.len()).unwrap_or(u16::MAX));
            }
            let mut spans = vec![gutter.clone()];
            spans.extend(styled_runs(row, start, &style_at));
            lines.push(Line::from(fit(spans, width)));
        }
    }
    (lines, passage_line)
}

/// The rows `text[start..end]` wraps to at `width` columns, each with its byte offset.
fn wrap(text: &str, start: usize, end: usize, width: usize) -> Vec<(usize, &str)> {
    let mut rows = Vec::new();
    for (offset, line) in text[start..end].split('\n').scan(start, |at, line| {
        let here = *at;
        *at += line.len() + 1;
        Some((here, line))
    }) {
        let line = line.trim_end_matches('\r');
        let options = textwrap::Options::new(width)
            .break_words(true)
            .word_separator(textwrap::WordSeparator::AsciiSpace);
        for piece in textwrap::wrap(line, options) {
            // Wrapping without indents borrows from the line, so the piece's offset is known.
            let piece_start = match &piece {
                std::borrow::Cow::Borrowed(s) => offset + (s.as_ptr() as usize - line.as_ptr() as usize),
                std::borrow::Cow::Owned(_) => offset,
            };
            let piece_end = piece_start + piece.len();
            rows.push((piece_start, &text[piece_start..piece_end.min(text.len())]));
        }
    }
    rows
}

/// `row` (starting at byte `start` of the article) as spans, one per run of equal style,
/// each character cleaned for the terminal.
fn styled_runs(row: &str, start: usize, style_at: &dyn Fn(usize) -> Style) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_style = None;
    for (offset, c) in row.char_indices() {
        let style = style_at(start + offset);
        if run_style.is_some_and(|s| s != style) {
            spans.push(Span::styled(std::mem::take(&mut run), run_style.unwrap_or_default()));
        }
        run_style = Some(style);
        run.push(crate::text::clean_char(c));
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, run_style.unwrap_or_default()));
    }
    spans
}

/// The events citing the passage at the cursor; the one Enter shows is marked.
fn render_citing(frame: &mut Frame<'_>, app: &App, reader: &Reader, theme: &Theme, area: Rect) {
    let block =
        Block::bordered().title(" Cited by (Tab chooses, Enter shows it) ").border_style(theme.border());
    let width = usize::from(area.width.saturating_sub(2));
    let lines: Vec<Line<'static>> = match reader.current_passage() {
        None => vec![Line::styled("No event cites this article yet.", theme.dim())],
        Some(passage) => {
            let first = reader.event.saturating_sub(3);
            passage
                .indices
                .iter()
                .enumerate()
                .skip(first)
                .take(4)
                .map(|(k, &index)| {
                    let event = app.dataset.event(index);
                    let chosen = k == reader.event;
                    let spans = vec![
                        Span::raw(if chosen { "▶ " } else { "  " }),
                        Span::styled(format!("{}  ", event.date_label()), theme.date()),
                        Span::raw(clean(&event.title)),
                    ];
                    let line = Line::from(fit(spans, width));
                    if chosen { line.style(theme.selected()) } else { line }
                })
                .collect()
        }
    };
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

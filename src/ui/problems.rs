//! The problems screen: what `annals check` would print about the data files, while the
//! last good data waits under it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Theme;
use crate::app::Problems;
use crate::text::clean;

pub fn render(frame: &mut Frame<'_>, problems: &Problems, theme: &Theme, area: Rect) {
    let title = format!(
        " The data files have {}: fix and save, or press r · Esc: last good data ",
        clean(&problems.summary)
    );
    let block = Block::bordered().title(title).border_style(theme.focused_border());
    let lines: Vec<Line<'static>> =
        problems.problems.iter().map(|p| Line::styled(clean(p), theme.error())).collect();
    let paragraph = Paragraph::new(lines).wrap(Wrap { trim: false });
    let inner = block.inner(area);
    let total = u16::try_from(paragraph.line_count(inner.width)).unwrap_or(u16::MAX);
    let scroll = problems.scroll.min(total.saturating_sub(inner.height));
    frame.render_widget(paragraph.block(block).scroll((scroll, 0)), area);
}

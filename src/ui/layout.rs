//! Where each panel goes for a terminal size. Pure, so drawing and mouse hit-tests agree.

use ratatui::layout::{Constraint, Layout, Position, Rect};

/// Below this the layout can't show a usable list and detail pane.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 14;
/// Rows of the density strip: bars, the selection marker, year labels.
pub const DENSITY_HEIGHT: u16 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Size {
    pub width: u16,
    pub height: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScreenLayout {
    pub area: Rect,
    pub too_small: bool,
    pub header: Rect,
    pub density: Rect,
    /// The list pane including its border.
    pub list: Rect,
    /// The detail pane including its border.
    pub detail: Rect,
    pub footer: Rect,
}

impl ScreenLayout {
    pub fn new(size: Size) -> Self {
        let area = Rect::new(0, 0, size.width, size.height);
        if size.width < MIN_WIDTH || size.height < MIN_HEIGHT {
            let none = Rect::default();
            return Self {
                area,
                too_small: true,
                header: none,
                density: none,
                list: none,
                detail: none,
                footer: none,
            };
        }
        let [header, density, body, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(DENSITY_HEIGHT),
            Constraint::Min(0),
            Constraint::Length(1),
        ])
        .areas(area);
        let [list, detail] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(body);
        Self { area, too_small: false, header, density, list, detail, footer }
    }

    pub fn list_inner(&self) -> Rect {
        inner(self.list)
    }

    pub fn detail_inner(&self) -> Rect {
        inner(self.detail)
    }

    pub fn list_inner_height(&self) -> u16 {
        self.list_inner().height
    }

    pub fn detail_inner_height(&self) -> u16 {
        self.detail_inner().height
    }

    /// The list line (0 = first shown row) under a screen cell, if any.
    pub fn list_line_at(&self, column: u16, row: u16) -> Option<u16> {
        let inner = self.list_inner();
        inner.contains(Position::new(column, row)).then(|| row - inner.y)
    }

    pub fn list_contains(&self, column: u16, row: u16) -> bool {
        self.list.contains(Position::new(column, row))
    }

    pub fn detail_contains(&self, column: u16, row: u16) -> bool {
        self.detail.contains(Position::new(column, row))
    }
}

/// A bordered block's inside.
fn inner(rect: Rect) -> Rect {
    Rect::new(
        rect.x.saturating_add(1),
        rect.y.saturating_add(1),
        rect.width.saturating_sub(2),
        rect.height.saturating_sub(2),
    )
}

/// A rectangle of at most `width`×`height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_tile_the_screen() {
        let layout = ScreenLayout::new(Size { width: 100, height: 30 });
        assert!(!layout.too_small);
        assert_eq!(
            layout.header.height + layout.density.height + layout.list.height + layout.footer.height,
            30
        );
        assert_eq!(layout.list.width + layout.detail.width, 100);
        assert_eq!(layout.list_line_at(1, layout.list.y + 1), Some(0));
        assert_eq!(layout.list_line_at(0, layout.list.y + 1), None, "the border is not a line");
    }

    #[test]
    fn small_terminals_are_flagged() {
        assert!(ScreenLayout::new(Size { width: 59, height: 30 }).too_small);
        assert!(ScreenLayout::new(Size { width: 100, height: 13 }).too_small);
        assert!(ScreenLayout::new(Size { width: 0, height: 0 }).too_small);
    }
}

//! What the integration tests share: an app drawn at a size, as the TUI draws it.
#![allow(dead_code)]

use std::ops::{Deref, DerefMut};

use annals::app::{Action, App, Effect};
use annals::ui::layout::{ScreenLayout, Size};
use annals::ui::{self, theme::Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// An app on a terminal of a given size: every update is followed by a frame's measurements,
/// as in the TUI's loop, so paging, scrolling and revealing see the real pane sizes.
pub struct Sized {
    pub app: App,
    pub width: u16,
    pub height: u16,
    pub theme: Theme,
}

impl Sized {
    pub fn new(app: App, width: u16, height: u16) -> Self {
        let mut sized = Self { app, width, height, theme: Theme::default() };
        sized.remeasure();
        sized
    }

    /// Where the panes are at this size.
    pub fn layout(&self) -> ScreenLayout {
        ScreenLayout::new(Size { width: self.width, height: self.height })
    }

    pub fn area(&self) -> Rect {
        Rect::new(0, 0, self.width, self.height)
    }

    /// `App::update`, then the frame's measurements.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let effect = self.app.update(action);
        self.remeasure();
        effect
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.width = width;
        self.height = height;
        self.remeasure();
    }

    /// A click at a screen cell, found the way the TUI finds it.
    pub fn click(&mut self, column: u16, row: u16) {
        if let Some(pane) = ui::pane_at(self.area(), column, row) {
            self.update(Action::Click(pane));
        }
    }

    pub fn wheel(&mut self, column: u16, row: u16, lines: i32) {
        if let Some(pane) = ui::pane_at(self.area(), column, row) {
            self.update(Action::Wheel(pane, lines));
        }
    }

    pub fn remeasure(&mut self) {
        let measured = ui::measure(&self.app, self.area());
        if measured != self.app.measured || self.app.wants_measure() {
            self.app.update(Action::Measured(measured));
        }
    }

    pub fn render(&self) -> Terminal<TestBackend> {
        let mut terminal = Terminal::new(TestBackend::new(self.width, self.height)).expect("test terminal");
        terminal
            .draw(|frame| {
                ui::draw(frame, &self.app, &self.theme);
            })
            .expect("draws");
        terminal
    }
}

impl Deref for Sized {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl DerefMut for Sized {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}

/// Copy the folder `from` to `to` (made if need be), files and subfolders.
pub fn copy_tree(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

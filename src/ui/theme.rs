//! Every style the UI uses. Without colour (NO_COLOR), meaning is carried by bold,
//! underline, reverse and symbols, never by colour alone.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Default for Theme {
    fn default() -> Self {
        Self { color: true }
    }
}

impl Theme {
    /// Colour unless the NO_COLOR environment variable is set to a non-empty value (no-color.org).
    pub fn from_env() -> Self {
        Self { color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) }
    }

    fn paint(&self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    pub fn plain(&self) -> Style {
        Style::new()
    }

    pub fn title(&self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    pub fn year_heading(&self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD), Color::Yellow)
    }

    pub fn month_heading(&self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD), Color::Blue)
    }

    /// The selected row: bold and reversed, with a ▶ beside it.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }

    /// Characters a search matched: bold and underlined, so they show without colour.
    pub fn matched(&self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED), Color::Magenta)
    }

    /// The passage at the reader's cursor: reversed and bold, so it shows without colour.
    pub fn passage(&self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED), Color::Yellow)
    }

    /// Other cited passages, more quietly: underlined.
    pub fn cited(&self) -> Style {
        Style::new().add_modifier(Modifier::UNDERLINED)
    }

    pub fn date(&self) -> Style {
        self.paint(Style::new(), Color::Green)
    }

    pub fn tag(&self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::DIM), Color::Gray)
    }

    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn label(&self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD), Color::Gray)
    }

    pub fn error(&self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD), Color::Red)
    }

    pub fn key(&self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    pub fn bar(&self) -> Style {
        self.paint(Style::new(), Color::Cyan)
    }

    pub fn focused_border(&self) -> Style {
        self.paint(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    pub fn border(&self) -> Style {
        self.paint(Style::new(), Color::DarkGray)
    }
}

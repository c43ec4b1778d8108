//! The terminal edge: enter and leave the full-screen UI, and feed it events.
//! The terminal is restored however the UI ends: quit, error or panic.

use std::io::{self, IsTerminal, Stdout};
use std::path::PathBuf;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::app::{Action, App, Effect, ExportOutcome};
use crate::export::{Export, ExportFormat, WriteError, write_atomically};
use crate::keymap;
use crate::model::Dataset;
use crate::query::Query;
use crate::search::SkimWordMatcher;
use crate::ui::{self, layout::Size, theme::Theme};

/// Run the UI on `dataset`, starting with `query`, until the user quits.
pub fn run(dataset: Arc<Dataset>, query: Query, data_dir: Option<PathBuf>) -> io::Result<()> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(io::Error::other(
            "the terminal UI needs a terminal; for scripts use `annals list` (see `annals --help`)",
        ));
    }
    let mut session = Session::enter()?;
    let area = session.terminal.size()?;
    let mut app = App::new(
        dataset,
        Arc::new(SkimWordMatcher::default()),
        query,
        Size { width: area.width, height: area.height },
    );
    app.theme = Theme::from_env();
    app.data_dir = data_dir;
    while !app.should_quit {
        session.terminal.draw(|frame| ui::draw(frame, &app))?;
        let action = match event::read()? {
            Event::Key(key) => keymap::key_action(&app.mode, key),
            Event::Mouse(mouse) => keymap::mouse_action(mouse),
            Event::Resize(width, height) => Some(Action::Resize(width, height)),
            _ => None,
        };
        if let Some(effect) = action.and_then(|action| app.update(action)) {
            let outcome = perform(&app, effect, &crate::export::generated_now());
            app.update(Action::ExportDone(outcome));
        }
    }
    Ok(())
}

/// Carry out what the app asked for. The TUI's export is the CLI's: the same Export, the
/// same atomic write.
pub fn perform(app: &App, effect: Effect, generated: &str) -> ExportOutcome {
    match effect {
        Effect::Export { path, overwrite } => {
            let bytes = Export {
                dataset: &app.dataset,
                events: &app.visible,
                query: &app.query,
                format: ExportFormat::for_path(&path),
                data_dir: app.data_dir.as_deref(),
                output: Some(&path),
                generated,
            }
            .render();
            match write_atomically(&path, &bytes, overwrite) {
                Ok(()) => ExportOutcome::Written { path, events: app.visible.len() },
                Err(WriteError::Exists(path)) => ExportOutcome::Exists(path),
                Err(error) => ExportOutcome::Failed(error.to_string()),
            }
        }
    }
}

/// The terminal in full-screen mode; dropping it puts the terminal back.
struct Session {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Session {
    fn enter() -> io::Result<Self> {
        install_panic_hook();
        enable_raw_mode()?;
        let entered = execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)
            .and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())));
        match entered {
            Ok(mut terminal) => {
                terminal.hide_cursor()?;
                Ok(Self { terminal })
            }
            Err(error) => {
                restore();
                Err(error)
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode off, mouse capture off, alternate screen left, cursor shown. Safe to call twice.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ =
        execute!(io::stdout(), DisableMouseCapture, LeaveAlternateScreen, ratatui::crossterm::cursor::Show);
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

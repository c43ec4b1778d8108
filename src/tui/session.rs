//! The terminal in full-screen mode: entered, suspended (for an editor, or Ctrl-Z) and
//! resumed, and put back however the program ends: quit, error or panic.

use std::io::{self, Stdout};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// The terminal in full-screen mode; dropping it puts the terminal back.
pub struct Session {
    pub terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl Session {
    pub fn enter() -> io::Result<Self> {
        install_panic_hook();
        let terminal = take_over().and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())));
        match terminal {
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

    /// Give the terminal back for a while (an editor, a stop): as after quitting.
    pub fn suspend(&mut self) {
        restore();
    }

    /// Take the terminal again and redraw everything on the next frame. A new `Terminal`
    /// (empty buffers) rather than `Terminal::clear`, which asks the terminal where its
    /// cursor is and waits for an answer some terminals never send.
    pub fn resume(&mut self) -> io::Result<()> {
        take_over()?;
        execute!(io::stdout(), Clear(ClearType::All))?;
        self.terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        self.terminal.hide_cursor()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Raw mode on, the alternate screen, the mouse and bracketed paste (a pasted text arrives
/// as one event, so an Esc or Enter typed after it is not taken as part of it).
fn take_over() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, EnableBracketedPaste)
}

/// Raw mode off, mouse capture and bracketed paste off, alternate screen left, cursor
/// shown. Safe to call twice.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

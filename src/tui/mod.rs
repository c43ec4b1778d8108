//! The runtime: the terminal session, the sources that feed the loop (input, signals,
//! worker answers), and the effects the app asks for. The loop: draw, wait, update, perform.

mod editor;
mod effects;
mod session;
mod sources;
mod watch;
mod worker;

pub use effects::{ExportJob, export};
pub use session::restore;

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::sync::{Arc, mpsc};

use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;
use signal_hook::consts::{SIGCONT, SIGSTOP, SIGTSTP};

use crate::app::{Action, App, Effect, Measured};
use crate::keymap;
use crate::load::Loader;
use crate::model::Dataset;
use crate::query::Query;
use crate::search::{WordMatcher, WordStartMatcher};
use crate::ui::{self, theme::Theme};
use effects::Effects;
use session::Session;
use sources::{Input, Message};

/// How the UI ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) asked the program to stop; the terminal has
    /// been restored, and the caller should exit with 128 + the signal's number.
    Signal(i32),
}

/// How the UI starts: the data's folder (None: the bundled dataset), whether to reload when
/// its files change, the problems of a first load that failed (shown at once), and the
/// loader that made the first load, so that reloads read again only what changed.
#[derive(Debug, Default)]
pub struct Options {
    pub data_dir: Option<PathBuf>,
    pub watch: bool,
    pub problems: Option<crate::app::Reloaded>,
    pub loader: Loader,
}

/// Run the UI on `dataset`, starting with `query`, until the user quits or a signal arrives.
pub fn run(dataset: Arc<Dataset>, query: Query, options: Options) -> io::Result<Ending> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(io::Error::other(
            "the terminal UI needs a terminal; for scripts use `annals list` (see `annals --help`)",
        ));
    }
    let mut session = Session::enter()?;
    let matcher: Arc<dyn WordMatcher> = Arc::new(WordStartMatcher);
    let mut app = App::new(dataset, Arc::clone(&matcher), query);
    app.data_dir = options.data_dir.clone();
    app.background_search = true;
    if let Some(problems) = options.problems {
        app.update(Action::Reloaded(problems));
    }
    let theme = Theme::from_env();

    let (messages, inbox) = mpsc::channel();
    sources::forward_signals(messages.clone())?;
    let input = Input::start(messages.clone())?;
    // Kept alive for the UI's life; dropping it stops the watching.
    let _watcher = match (&options.data_dir, options.watch) {
        (Some(dir), true) => Some(watch::watch(dir, messages.clone()).map_err(io::Error::other)?),
        _ => None,
    };
    let mut effects = Effects::new(messages, matcher, options.data_dir.map(|dir| (dir, options.loader)));
    let mut ending = Ending::Quit;
    while !app.should_quit {
        let area = draw(&mut session, &mut app, &theme)?;
        // Wait for something to happen, then take everything that is waiting before drawing again.
        let Ok(first) = inbox.recv() else { break };
        let mut next = Some(first);
        while let Some(message) = next {
            let action = match act(message, &mut app, &mut effects, &mut session, &input, area)? {
                Step::Go(action) => action,
                Step::Stop(signal) => {
                    ending = Ending::Signal(signal);
                    Some(Action::Quit)
                }
            };
            if let Some(effect) = action.and_then(|action| app.update(action)) {
                if let Some(Effect::Edit { path, line }) = effects.perform(&app, effect) {
                    edit(&mut session, &input, &mut app, &path, line)?;
                    effects.reload();
                }
            }
            if let Some(old) = app.retired.take() {
                // Freeing a large dataset takes a while (a quarter second at 100k events).
                std::thread::spawn(move || {
                    drop(old);
                    return_freed_memory();
                });
            }
            next = inbox.try_recv().ok();
        }
    }
    if let Some(writing) = effects.writing.take() {
        if !writing.is_finished() {
            app.overlay = None;
            app.status = Some("finishing the export before quitting…".to_string());
            draw(&mut session, &mut app, &theme)?;
        }
        let _ = writing.join();
    }
    Ok(ending)
}

/// What a message comes to: an action for the app (or none), or a signal to stop on.
enum Step {
    Go(Option<Action>),
    Stop(i32),
}

/// The action a message asks for, after doing what only the runtime can (pastes, reloads,
/// stopping on Ctrl-Z). An error when the terminal is gone.
fn act(
    message: Message,
    app: &mut App,
    effects: &mut Effects,
    session: &mut Session,
    input: &Input,
    area: Rect,
) -> io::Result<Step> {
    let action = match message {
        Message::Input(Event::Key(key)) => keymap::key_action(keymap::context(app), key),
        Message::Input(Event::Mouse(mouse)) => {
            keymap::mouse_action(mouse, ui::pane_at(area, mouse.column, mouse.row))
        }
        Message::Input(Event::Paste(text)) => {
            // A paste is typed text: each character as typed, line breaks as spaces.
            for c in text.chars().map(|c| if c.is_control() { ' ' } else { c }) {
                if let Some(effect) = app.update(Action::Input(c)) {
                    effects.perform(app, effect);
                }
            }
            None
        }
        // A resize is drawn at once; the frame measures the new size.
        Message::Input(_) => None,
        Message::InputGone(error) => {
            session.suspend();
            return Err(io::Error::other(format!("the terminal can no longer be read ({error}); quitting")));
        }
        Message::Answer(action) => Some(action),
        Message::FilesChanged => {
            effects.reload();
            None
        }
        Message::Signal(SIGTSTP) => {
            stop_until_continued(session, input)?;
            None
        }
        Message::Signal(SIGCONT) => None,
        Message::Signal(signal) => return Ok(Step::Stop(signal)),
    };
    Ok(Step::Go(action))
}

/// Draw a frame; when it measured something new (a resize, a new selection's detail), let
/// the app adjust its scrolling and draw again. Returns the area drawn.
fn draw(session: &mut Session, app: &mut App, theme: &Theme) -> io::Result<Rect> {
    // A new size (the first frame, a resize), or a passage or link to bring into view, is
    // measured off screen before it is shown, so no frame shows the wrong scroll.
    let size = session.terminal.size()?;
    let area = Rect::new(0, 0, size.width, size.height);
    if session.terminal.get_frame().area() != area
        || app.measured == Measured::default()
        || app.wants_measure()
    {
        let measured = ui::measure(app, area);
        app.update(Action::Measured(measured));
    }
    let mut measured = app.measured;
    let area = session.terminal.draw(|frame| measured = ui::draw(frame, app, theme))?.area;
    if measured != app.measured {
        app.update(Action::Measured(measured));
        session.terminal.draw(|frame| measured = ui::draw(frame, app, theme))?;
        app.update(Action::Measured(measured));
    }
    Ok(area)
}

/// Give the terminal to the user's editor at `path`:`line`, and take it back after.
fn edit(
    session: &mut Session,
    input: &Input,
    app: &mut App,
    path: &std::path::Path,
    line: u32,
) -> io::Result<()> {
    input.pause();
    session.suspend();
    let outcome = editor::run(path, line);
    session.resume()?;
    input.resume();
    if let Err(message) = outcome {
        app.status = Some(message);
    }
    Ok(())
}

/// Ctrl-Z from outside (SIGTSTP): give the terminal back, stop, and take it again when continued.
fn stop_until_continued(session: &mut Session, input: &Input) -> io::Result<()> {
    input.pause();
    session.suspend();
    // Stops the process here; it goes on from here at SIGCONT.
    let _ = signal_hook::low_level::raise(SIGSTOP);
    session.resume()?;
    input.resume();
    Ok(())
}

/// Give the memory of a freed dataset back to the system now, not when the allocator next
/// gets round to it: without this, peak RSS crept up by 8–18% over the first hundred
/// reloads of a 100k dataset; with it, it stays within 2% over a thousand
/// (`cargo run --release --example reload_rss`, docs/PERFORMANCE.md).
fn return_freed_memory() {
    // SAFETY: mi_collect takes no pointers and may be called from any thread at any time;
    // it only frees what mimalloc holds of memory already freed. The binary's allocator is
    // mimalloc (src/main.rs); under another one this finds nothing to return.
    unsafe { libmimalloc_sys::mi_collect(true) };
}

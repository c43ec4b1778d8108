//! The terminal edge: enter and leave the full-screen UI, and feed it events.
//! The terminal is restored however the UI ends: quit, error or panic.

use std::io::{self, IsTerminal, Stdout};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::{Action, App, Effect, ExportOutcome, Picker, View};
use crate::export::{Export, ExportFormat, WriteError, write_atomically};
use crate::keymap;
use crate::model::Dataset;
use crate::query::Query;
use crate::search::{SkimWordMatcher, WordMatcher};
use crate::ui::{self, layout::Size, theme::Theme};

/// How the UI ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A signal (SIGTERM, SIGHUP, SIGINT, SIGQUIT) asked the program to stop; the terminal has
    /// been restored, and the caller should exit with 128 + the signal's number.
    Signal(i32),
}

/// Run the UI on `dataset`, starting with `query`, until the user quits or a signal arrives.
pub fn run(dataset: Arc<Dataset>, query: Query, data_dir: Option<PathBuf>) -> io::Result<Ending> {
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        return Err(io::Error::other(
            "the terminal UI needs a terminal; for scripts use `annals list` (see `annals --help`)",
        ));
    }
    let mut session = Session::enter()?;
    let area = session.terminal.size()?;
    let matcher: Arc<dyn WordMatcher> = Arc::new(SkimWordMatcher::default());
    let mut app = App::new(
        Arc::clone(&dataset),
        Arc::clone(&matcher),
        query,
        Size { width: area.width, height: area.height },
    );
    app.theme = Theme::from_env();
    app.data_dir = data_dir;
    app.background_search = true;

    let (messages, inbox) = mpsc::channel();
    // Termination signals end the loop like `q`, so the session is dropped and the terminal restored.
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    let on_signal = messages.clone();
    thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _ = on_signal.send(Message::Signal(signal));
        }
    });
    let input = messages.clone();
    thread::spawn(move || {
        // Blocks in read(); when the UI ends the process ends, and this thread with it.
        while let Ok(event) = event::read() {
            if input.send(Message::Input(event)).is_err() {
                break;
            }
        }
    });
    let worker = SearchWorker::spawn(dataset, matcher, messages.clone());
    let mut ending = Ending::Quit;
    // An export being written; waited for before the UI ends, so no half-written temporary
    // file is left behind.
    let mut writing: Option<thread::JoinHandle<()>> = None;
    while !app.should_quit {
        session.terminal.draw(|frame| ui::draw(frame, &app))?;
        // Wait for something to happen, then take everything that is waiting before drawing again.
        let Ok(first) = inbox.recv() else { break };
        let mut next = Some(first);
        while let Some(message) = next {
            let action = match message {
                Message::Input(Event::Key(key)) => keymap::key_action(&app.mode, key),
                Message::Input(Event::Mouse(mouse)) => keymap::mouse_action(mouse),
                Message::Input(Event::Resize(width, height)) => Some(Action::Resize(width, height)),
                Message::Input(_) => None,
                Message::Answer(action) => Some(action),
                Message::Signal(signal) => {
                    ending = Ending::Signal(signal);
                    Some(Action::Quit)
                }
            };
            if let Some(effect) = action.and_then(|action| app.update(action)) {
                match effect {
                    Effect::Export { path, overwrite } => {
                        // Rendering and writing a large view takes a while: not on this thread.
                        let job = ExportJob::new(&app, path, overwrite);
                        writing = Some(answer_from_thread(&messages, move || {
                            Action::ExportDone(job.run(&crate::export::generated_now()))
                        }));
                    }
                    Effect::Search { generation, query, within } => worker.search(generation, query, within),
                    Effect::Count { ticket, facet, query, events } => {
                        // Once per picker opened on a large view, and short: a thread of its own.
                        let (dataset, matcher) = (Arc::clone(&app.dataset), Arc::clone(&app.matcher));
                        answer_from_thread(&messages, move || {
                            let events =
                                events.unwrap_or_else(|| Arc::new(query.filter(&dataset, matcher.as_ref())));
                            Action::Counted { ticket, tally: Picker::tally(facet, &dataset, &events) }
                        });
                    }
                }
            }
            next = inbox.try_recv().ok();
        }
    }
    if let Some(writing) = writing {
        if !writing.is_finished() {
            app.mode = crate::app::Mode::Browse;
            app.status = Some("finishing the export before quitting…".to_string());
            session.terminal.draw(|frame| ui::draw(frame, &app))?;
        }
        let _ = writing.join();
    }
    Ok(ending)
}

/// Do `work` on a thread of its own and hand the action it ends with to the UI loop.
fn answer_from_thread(
    messages: &mpsc::Sender<Message>,
    work: impl FnOnce() -> Action + Send + 'static,
) -> thread::JoinHandle<()> {
    let answers = messages.clone();
    thread::spawn(move || {
        let _ = answers.send(Message::Answer(work()));
    })
}

/// What reaches the UI loop: a terminal event, an answer from the search worker, or a signal.
enum Message {
    Input(Event),
    Answer(Action),
    Signal(i32),
}

/// Write the current view to `path`. The TUI's export is the CLI's: the same Export, the
/// same atomic write.
pub fn export(app: &App, path: PathBuf, overwrite: bool, generated: &str) -> ExportOutcome {
    ExportJob::new(app, path, overwrite).run(generated)
}

/// What writing the current view needs, owned, so the UI thread can hand it to another.
pub struct ExportJob {
    dataset: Arc<Dataset>,
    matcher: Arc<dyn WordMatcher>,
    query: Query,
    /// The events shown, when they are the query's answer; None while a search is under way.
    events: Option<Arc<Vec<usize>>>,
    data_dir: Option<PathBuf>,
    path: PathBuf,
    overwrite: bool,
}

impl ExportJob {
    pub fn new(app: &App, path: PathBuf, overwrite: bool) -> Self {
        Self {
            dataset: Arc::clone(&app.dataset),
            matcher: Arc::clone(&app.matcher),
            query: app.query.clone(),
            events: (!app.searching).then(|| Arc::clone(&app.visible)),
            data_dir: app.data_dir.clone(),
            path,
            overwrite,
        }
    }

    pub fn run(self, generated: &str) -> ExportOutcome {
        // While a search is under way the list shown is not yet the query's answer: the file
        // must hold exactly what its stated query selects, so answer the query here.
        let events = match self.events {
            Some(events) => events,
            None => Arc::new(self.query.filter(&self.dataset, self.matcher.as_ref())),
        };
        let bytes = Export {
            dataset: &self.dataset,
            events: &events,
            query: &self.query,
            format: ExportFormat::for_path(&self.path),
            data_dir: self.data_dir.as_deref(),
            output: Some(&self.path),
            generated,
        }
        .render();
        match write_atomically(&self.path, &bytes, self.overwrite) {
            Ok(()) => ExportOutcome::Written { path: self.path, events: events.len() },
            Err(WriteError::Exists(path)) => ExportOutcome::Exists(path),
            Err(error) => ExportOutcome::Failed(error.to_string()),
        }
    }
}

/// Runs searches off the UI thread. Each request carries a generation; a newer request
/// makes the worker drop the one it is on between chunks, and answers are tagged so the
/// app ignores stale ones.
pub struct SearchWorker {
    requests: mpsc::Sender<SearchRequest>,
    latest: Arc<AtomicU64>,
}

/// A generation, its query, and the events to search among (all when None).
type SearchRequest = (u64, Query, Option<Arc<Vec<usize>>>);

/// Events searched between checks for a newer request and, on a large dataset, between
/// partial answers.
const SEARCH_BATCH: usize = 65_536;
/// How often a long search shows what it has found so far.
const PARTIAL_EVERY: Duration = Duration::from_millis(100);

impl SearchWorker {
    fn spawn(dataset: Arc<Dataset>, matcher: Arc<dyn WordMatcher>, answers: mpsc::Sender<Message>) -> Self {
        let (requests, inbox) = mpsc::channel::<SearchRequest>();
        let latest = Arc::new(AtomicU64::new(0));
        let current = Arc::clone(&latest);
        thread::spawn(move || {
            while let Ok(mut request) = inbox.recv() {
                // Only the newest request matters.
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                let (generation, query, within) = request;
                let answer = search(
                    &dataset,
                    matcher.as_ref(),
                    &query,
                    within.as_ref().map(|w| w.as_slice()),
                    &|| current.load(Ordering::Relaxed) != generation,
                    &mut |view, complete| {
                        let action = Action::SearchDone { generation, view: Box::new(view), complete };
                        answers.send(Message::Answer(action)).is_ok()
                    },
                );
                if answer.is_none() && current.load(Ordering::Relaxed) == generation {
                    break; // The UI is gone.
                }
            }
        });
        Self { requests, latest }
    }

    fn search(&self, generation: u64, query: Query, within: Option<Arc<Vec<usize>>>) {
        self.latest.store(generation, Ordering::Relaxed);
        let _ = self.requests.send((generation, query, within));
    }
}

/// Run `query` in batches, handing `answer` a partial view now and then on a long search and
/// the complete view at the end. None when stopped (or when `answer` says to stop).
pub fn search(
    dataset: &Dataset,
    matcher: &dyn WordMatcher,
    query: &Query,
    within: Option<&[usize]>,
    stop: &(dyn Fn() -> bool + Sync),
    answer: &mut dyn FnMut(View, bool) -> bool,
) -> Option<()> {
    let candidates = crate::query::candidates(dataset, within);
    let mut found = Vec::new();
    let mut shown = Instant::now();
    let batches = candidates.len().div_ceil(SEARCH_BATCH);
    for (n, batch) in candidates.chunks(SEARCH_BATCH).enumerate() {
        found.extend(query.filter_within(dataset, matcher, Some(batch), stop)?);
        if n + 1 < batches && shown.elapsed() >= PARTIAL_EVERY {
            if !answer(View::build(dataset, found.clone()), false) {
                return None;
            }
            shown = Instant::now();
        }
    }
    answer(View::build(dataset, found), true).then_some(())
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

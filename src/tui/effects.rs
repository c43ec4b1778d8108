//! Carrying out what the app asks for: exports and counts on threads of their own,
//! searches through the worker. Their outcomes come back to the UI loop as actions.

use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::thread;

use super::sources::Message;
use super::worker::{SearchRequest, SearchWorker};
use crate::app::{Action, App, Effect, ExportOutcome, Loaded, Picker, Reloaded};
use crate::export::{Export, ExportFormat, WriteError, write_atomically};
use crate::load::{Loader, OnDisk};
use crate::model::Dataset;
use crate::query::Query;
use crate::search::WordMatcher;

/// Runs the app's effects and remembers the one thread the UI must wait for on exit.
pub struct Effects {
    messages: mpsc::Sender<Message>,
    worker: SearchWorker,
    /// Loads the dataset again on request; None for the bundled dataset, which never changes.
    reloads: Option<mpsc::Sender<()>>,
    /// An export being written; waited for before the UI ends, so no half-written temporary
    /// file is left behind.
    pub writing: Option<thread::JoinHandle<()>>,
}

impl Effects {
    pub fn new(
        messages: mpsc::Sender<Message>,
        matcher: Arc<dyn WordMatcher>,
        data: Option<(PathBuf, Loader)>,
    ) -> Self {
        let worker = SearchWorker::spawn(matcher, messages.clone());
        let reloads = data.map(|(dir, loader)| spawn_reloader(dir, loader, messages.clone()));
        Self { messages, worker, reloads, writing: None }
    }

    /// Ask for the data files to be loaded again; a request made while a load runs is
    /// served by one more load after it.
    pub fn reload(&self) {
        if let Some(reloads) = &self.reloads {
            let _ = reloads.send(());
        }
    }

    /// Carry out `effect`, or hand it back when only the UI loop can (the editor needs the terminal).
    pub fn perform(&mut self, app: &App, effect: Effect) -> Option<Effect> {
        match effect {
            Effect::Export { path, overwrite } => {
                // Rendering and writing a large view takes a while: not on this thread.
                let job = ExportJob::new(app, path, overwrite);
                self.writing = Some(self.answer_from_thread(move || {
                    Action::ExportDone(job.run(&crate::export::generated_now()))
                }));
            }
            Effect::Search { generation, query, within } => {
                let dataset = Arc::clone(&app.dataset);
                self.worker.search(SearchRequest { generation, dataset, query, within });
            }
            Effect::ComputeFigures { ticket, query, events } => {
                // Once per figures view opened: a thread of its own, so the view opens at once.
                let (dataset, matcher) = (Arc::clone(&app.dataset), Arc::clone(&app.matcher));
                self.answer_from_thread(move || {
                    let events = events.unwrap_or_else(|| Arc::new(query.filter(&dataset, matcher.as_ref())));
                    let figures = Arc::new(crate::figures::Figures::build(&dataset, &events));
                    Action::FiguresDone { ticket, figures, events: events.len() }
                });
            }
            Effect::Count { ticket, facet, query, events } => {
                // Once per picker opened on a large view, and short: a thread of its own.
                let (dataset, matcher) = (Arc::clone(&app.dataset), Arc::clone(&app.matcher));
                self.answer_from_thread(move || {
                    let events = events.unwrap_or_else(|| Arc::new(query.filter(&dataset, matcher.as_ref())));
                    Action::Counted { ticket, tally: Picker::tally(facet, &dataset, &events) }
                });
            }
            Effect::Reload if self.reloads.is_none() => {
                let _ = self.messages.send(Message::Answer(Action::Reloaded(Reloaded::Failed {
                    problems: Vec::new(),
                    summary: "nothing to reload: the bundled dataset never changes; use --data DIR"
                        .to_string(),
                })));
            }
            Effect::Reload => self.reload(),
            Effect::Edit { .. } => return Some(effect),
        }
        None
    }

    /// Do `work` on a thread of its own and hand the action it ends with to the UI loop.
    fn answer_from_thread(&self, work: impl FnOnce() -> Action + Send + 'static) -> thread::JoinHandle<()> {
        let answers = self.messages.clone();
        thread::spawn(move || {
            let _ = answers.send(Message::Answer(work()));
        })
    }
}

/// The thread that loads `dir` again each time it is asked, answering with `Reloaded`.
/// Requests that pile up while it loads are served by a single load. `loader` made the
/// last load, and reads again only the files changed since.
fn spawn_reloader(dir: PathBuf, mut loader: Loader, messages: mpsc::Sender<Message>) -> mpsc::Sender<()> {
    let (requests, inbox) = mpsc::channel::<()>();
    thread::spawn(move || {
        while inbox.recv().is_ok() {
            while inbox.try_recv().is_ok() {}
            let reloaded = match loader.load(&OnDisk::new(&dir)) {
                Ok(dataset) => Reloaded::Loaded(Loaded(Arc::new(dataset))),
                Err(failure) => Reloaded::Failed {
                    problems: failure.problems.iter().map(ToString::to_string).collect(),
                    summary: failure.summary(),
                },
            };
            if messages.send(Message::Answer(Action::Reloaded(reloaded))).is_err() {
                return;
            }
        }
    });
    requests
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
            events: (!app.searching).then(|| Arc::clone(&app.chronology.visible)),
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

//! Carrying out what the app asks for: exports and counts on threads of their own,
//! searches through the worker. Their outcomes come back to the UI loop as actions.

use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::thread;

use super::sources::Message;
use super::worker::{SearchRequest, SearchWorker};
use crate::app::{Action, App, Effect, ExportOutcome, Picker};
use crate::export::{Export, ExportFormat, WriteError, write_atomically};
use crate::model::Dataset;
use crate::query::Query;
use crate::search::WordMatcher;

/// Runs the app's effects and remembers the one thread the UI must wait for on exit.
pub struct Effects {
    messages: mpsc::Sender<Message>,
    worker: SearchWorker,
    /// An export being written; waited for before the UI ends, so no half-written temporary
    /// file is left behind.
    pub writing: Option<thread::JoinHandle<()>>,
}

impl Effects {
    pub fn new(messages: mpsc::Sender<Message>, matcher: Arc<dyn WordMatcher>) -> Self {
        let worker = SearchWorker::spawn(matcher, messages.clone());
        Self { messages, worker, writing: None }
    }

    pub fn perform(&mut self, app: &App, effect: Effect) {
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
        }
    }

    /// Do `work` on a thread of its own and hand the action it ends with to the UI loop.
    fn answer_from_thread(&self, work: impl FnOnce() -> Action + Send + 'static) -> thread::JoinHandle<()> {
        let answers = self.messages.clone();
        thread::spawn(move || {
            let _ = answers.send(Message::Answer(work()));
        })
    }
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

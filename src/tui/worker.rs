//! The search worker: one thread running searches off the UI thread. Each request carries
//! the dataset it searches and a generation; a newer request makes the worker drop the one
//! it is on between batches, and answers are tagged so the app ignores stale ones.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Weak, mpsc};
use std::thread;

use super::sources::Message;
use crate::app::{self, Action};
use crate::model::Dataset;
use crate::query::{Query, Trail};
use crate::search::WordMatcher;

pub struct SearchWorker {
    requests: mpsc::Sender<SearchRequest>,
    latest: Arc<AtomicU64>,
}

/// What to search, and among which events (all when None).
pub struct SearchRequest {
    pub generation: u64,
    pub dataset: Arc<Dataset>,
    pub query: Query,
    pub within: Option<Arc<Vec<usize>>>,
}

impl SearchWorker {
    pub fn spawn(matcher: Arc<dyn WordMatcher>, answers: mpsc::Sender<Message>) -> Self {
        let (requests, inbox) = mpsc::channel::<SearchRequest>();
        let latest = Arc::new(AtomicU64::new(0));
        let current = Arc::clone(&latest);
        thread::spawn(move || {
            // Where the last search's word first matched in each event, for the next keystroke
            // to start from; of the dataset searched last (held weakly, so that a reload frees
            // the old one).
            let mut trail: Option<(Weak<Dataset>, Trail)> = None;
            while let Ok(mut request) = inbox.recv() {
                // Only the newest request matters.
                while let Ok(newer) = inbox.try_recv() {
                    request = newer;
                }
                let searched = Arc::downgrade(&request.dataset);
                if !trail.as_ref().is_some_and(|(dataset, _)| dataset.ptr_eq(&searched)) {
                    trail = Some((searched, Trail::new(request.dataset.events().len())));
                }
                let generation = request.generation;
                let answer = app::search(
                    &request.dataset,
                    matcher.as_ref(),
                    &request.query,
                    request.within.as_ref().map(|w| w.as_slice()),
                    &|| current.load(Ordering::Relaxed) != generation,
                    &mut |view, complete| {
                        let action = Action::SearchDone { generation, view: Box::new(view), complete };
                        answers.send(Message::Answer(action)).is_ok()
                    },
                    trail.as_mut().map(|(_, trail)| trail),
                );
                if answer.is_none() && current.load(Ordering::Relaxed) == generation {
                    break; // The UI is gone.
                }
            }
        });
        Self { requests, latest }
    }

    pub fn search(&self, request: SearchRequest) {
        self.latest.store(request.generation, Ordering::Relaxed);
        let _ = self.requests.send(request);
    }
}

//! What feeds the UI loop: terminal input (on a thread that can be paused, so an editor
//! run from the UI gets every key), signals, and answers from worker threads.

use std::io;
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::app::Action;

/// What reaches the UI loop.
pub enum Message {
    Input(Event),
    /// The terminal can no longer be read (it went away, or reading failed).
    InputGone(io::Error),
    Answer(Action),
    Signal(i32),
}

/// How long the input thread waits for a key before looking at its pause switch.
const POLL: Duration = Duration::from_millis(40);

/// The input thread's switch: the UI pauses it before handing the terminal to another
/// program, and waits until it has stopped reading.
#[derive(Clone)]
pub struct Input {
    state: Arc<(Mutex<InputState>, Condvar)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InputState {
    Reading,
    /// Asked to pause; the thread has not yet stopped reading.
    Pausing,
    Paused,
}

impl Input {
    /// Start reading the terminal on a thread of its own, sending every event to `messages`.
    pub fn start(messages: mpsc::Sender<Message>) -> Self {
        let input = Self { state: Arc::new((Mutex::new(InputState::Reading), Condvar::new())) };
        let switch = input.clone();
        thread::spawn(move || switch.read_loop(&messages));
        input
    }

    fn read_loop(&self, messages: &mpsc::Sender<Message>) {
        let (lock, changed) = &*self.state;
        loop {
            {
                let mut state = lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
                if *state == InputState::Pausing {
                    *state = InputState::Paused;
                    changed.notify_all();
                }
                while *state == InputState::Paused {
                    state = changed.wait(state).unwrap_or_else(|poisoned| poisoned.into_inner());
                }
            }
            let read = match event::poll(POLL) {
                Ok(true) => event::read().map(Some),
                Ok(false) => Ok(None),
                Err(error) => Err(error),
            };
            let message = match read {
                Ok(Some(event)) => Message::Input(event),
                Ok(None) => continue,
                Err(error) => Message::InputGone(error),
            };
            let gone = matches!(message, Message::InputGone(_));
            if messages.send(message).is_err() || gone {
                return;
            }
        }
    }

    /// Stop reading the terminal; returns once the thread is no longer reading.
    pub fn pause(&self) {
        let (lock, changed) = &*self.state;
        let mut state = lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        *state = InputState::Pausing;
        while *state == InputState::Pausing {
            let (next, timeout) =
                changed.wait_timeout(state, POLL * 4).unwrap_or_else(|poisoned| poisoned.into_inner());
            state = next;
            // A thread that ended (the terminal went away) never answers.
            if timeout.timed_out() {
                break;
            }
        }
    }

    pub fn resume(&self) {
        let (lock, changed) = &*self.state;
        *lock.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = InputState::Reading;
        changed.notify_all();
    }
}

/// Forward termination signals (to end the loop like `q`, so the terminal is restored) and
/// job-control ones (to give the terminal back before stopping, and take it again after).
pub fn forward_signals(messages: mpsc::Sender<Message>) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGTSTP, SIGCONT])?;
    thread::spawn(move || {
        for signal in signals.forever() {
            if messages.send(Message::Signal(signal)).is_err() {
                return;
            }
        }
    });
    Ok(())
}

//! What feeds the UI loop: terminal input (on a thread that can be paused, so an editor
//! run from the UI gets every key), signals, and answers from worker threads.

use std::io;
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::thread;
use std::time::Duration;

use ratatui::crossterm::event::{self, Event};
use signal_hook::consts::{SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2};
use signal_hook::iterator::Signals;

use crate::app::Action;

/// What reaches the UI loop.
pub enum Message {
    Input(Event),
    /// The terminal can no longer be read (it went away, or reading failed).
    InputGone(io::Error),
    Answer(Action),
    Signal(i32),
    /// Files under `data/` or `seeds/` changed (`--watch`).
    FilesChanged,
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
    pub fn start(messages: mpsc::Sender<Message>) -> io::Result<Self> {
        Self::start_reading(messages, terminal_event)
    }

    /// Read with `next` (the terminal, or a stand-in in tests) on a thread of its own. A
    /// thread that cannot be started is an error, not a UI that ignores every key.
    fn start_reading(
        messages: mpsc::Sender<Message>,
        next: impl FnMut() -> io::Result<Option<Event>> + Send + 'static,
    ) -> io::Result<Self> {
        let input = Self { state: Arc::new((Mutex::new(InputState::Reading), Condvar::new())) };
        let switch = input.clone();
        thread::Builder::new().name("input".into()).spawn(move || switch.read_loop(&messages, next))?;
        Ok(input)
    }

    fn read_loop(
        &self,
        messages: &mpsc::Sender<Message>,
        mut next: impl FnMut() -> io::Result<Option<Event>>,
    ) {
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
            let message = match next() {
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

/// The next terminal event, if one comes within `POLL`. End of input (the terminal went
/// away without a SIGHUP) is an error, so the UI ends instead of polling a dead terminal.
fn terminal_event() -> io::Result<Option<Event>> {
    match event::poll(POLL) {
        Ok(true) => event::read().map(Some),
        Ok(false) => Ok(None),
        Err(error) => Err(error),
    }
}

/// Forward termination signals (to end the loop like `q`, so the terminal is restored) and
/// job-control ones (to give the terminal back before stopping, and take it again after).
///
/// SIGUSR1, SIGUSR2 and SIGALRM would end the program without a word by default; here they
/// end it as SIGTERM does, so the terminal is restored. If the UI cannot act on a termination
/// signal within `GRACE` (its writes block because the terminal is not reading), raw mode is
/// switched off without writing anything and the program exits with 128 + the signal.
pub fn forward_signals(messages: mpsc::Sender<Message>) -> io::Result<()> {
    let mut signals =
        Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGTSTP, SIGCONT])?;
    thread::Builder::new().name("signals".into()).spawn(move || {
        for signal in signals.forever() {
            if messages.send(Message::Signal(signal)).is_err() {
                return;
            }
            if ![SIGTSTP, SIGCONT].contains(&signal) {
                thread::spawn(move || {
                    thread::sleep(GRACE);
                    let _ = ratatui::crossterm::terminal::disable_raw_mode();
                    crate::export::exit_removing_temporary_files(128 + signal);
                });
            }
        }
    })?;
    Ok(())
}

/// How long the UI has to end by itself after a termination signal (it waits for an export
/// being written; past this, the export's temporary file is removed).
const GRACE: Duration = Duration::from_secs(3);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_error_ends_the_input_and_says_so() {
        let (messages, inbox) = mpsc::channel();
        let mut calls = 0;
        let _input = Input::start_reading(messages, move || {
            calls += 1;
            if calls < 3 { Ok(None) } else { Err(io::Error::other("the terminal went away")) }
        })
        .expect("the thread starts");
        match inbox.recv_timeout(Duration::from_secs(5)) {
            Ok(Message::InputGone(error)) => assert!(error.to_string().contains("went away")),
            _ => panic!("the UI is told its input is gone"),
        }
        assert!(inbox.recv_timeout(Duration::from_millis(200)).is_err(), "and the thread has ended");
    }

    #[test]
    fn a_paused_input_reads_nothing_until_resumed() {
        let (messages, inbox) = mpsc::channel();
        let reads = Arc::new(Mutex::new(0u32));
        let counted = Arc::clone(&reads);
        let input = Input::start_reading(messages, move || {
            *counted.lock().expect("lock") += 1;
            std::thread::sleep(Duration::from_millis(5));
            Ok(None)
        })
        .expect("the thread starts");
        input.pause();
        let paused_at = *reads.lock().expect("lock");
        std::thread::sleep(Duration::from_millis(100));
        assert_eq!(*reads.lock().expect("lock"), paused_at, "no read while paused (an editor has the keys)");
        input.resume();
        std::thread::sleep(Duration::from_millis(100));
        assert!(*reads.lock().expect("lock") > paused_at, "reading again");
        drop(inbox);
    }
}

//! The real binary in a pseudo-terminal: what a person would see, and that the terminal is
//! given back. Every step waits for screen content (with a generous deadline), never a fixed sleep.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const DEADLINE: Duration = Duration::from_secs(30);

struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Session {
    fn start(args: &[&str]) -> Self {
        Self::start_with_env(args, &[])
    }

    fn start_with_env(args: &[&str], env: &[(&str, &str)]) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize { rows: 30, cols: 110, pixel_width: 0, pixel_height: 0 })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_annals"));
        command.args(args);
        command.cwd(Path::new(env!("CARGO_MANIFEST_DIR")));
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        for (name, value) in env {
            command.env(name, value);
        }
        let child = pty.slave.spawn_command(command).expect("annals starts");
        drop(pty.slave);
        let (rows, cols) = (NonZeroU16::new(30).expect("non-zero"), NonZeroU16::new(110).expect("non-zero"));
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let (parser_in, raw_in) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                parser_in.lock().expect("parser lock").process(&buffer[..n]);
                raw_in.lock().expect("raw lock").extend_from_slice(&buffer[..n]);
            }
        });
        let writer = pty.master.take_writer().expect("pty writer");
        Self { parser, raw, writer, child, _master: pty.master }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("parser lock").screen().contents()
    }

    fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(start.elapsed() < DEADLINE, "timed out waiting for {what}; the screen was:\n{screen}");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write to the pty");
        self.writer.flush().expect("flush the pty");
    }

    fn wait_for_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                return status;
            }
            assert!(start.elapsed() < DEADLINE, "annals did not exit; the screen was:\n{}", self.screen());
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

#[test]
fn search_pick_and_quit_in_a_real_terminal() {
    let mut session = Session::start(&["--data", "tests/fixtures/good"]);
    let screen = session.wait_for("the opening screen", |s| s.contains("3 of 3 events"));
    assert!(screen.contains("Chronology") && screen.contains("August 2023"), "{screen}");
    assert!(
        session.parser.lock().expect("lock").screen().alternate_screen(),
        "the UI runs on the alternate screen"
    );

    session.send("/artilery");
    // The search runs on a worker: wait for its answer on screen, not just for the typed text.
    let screen = session.wait_for("the search's answer", |s| {
        s.contains("/artilery") && s.contains("1 of 3 events │ artilery")
    });
    assert!(screen.contains("North Korea ships over a million"), "{screen}");

    session.send("\r");
    session.wait_for("the browse keys", |s| s.contains("? help"));
    session.send("a");
    let screen = session.wait_for("the actor picker", |s| s.contains("Actors · 0 chosen"));
    assert!(screen.contains("[ ] North Korea"), "{screen}");

    session.send("\x1b");
    session.wait_for("the picker to close", |s| !s.contains("Actors ·"));
    session.send("q");
    let status = session.wait_for_exit();
    assert!(status.success(), "annals exits cleanly: {status:?}");

    session.wait_for("the main screen to return", |_| {
        !session.parser.lock().expect("lock").screen().alternate_screen()
    });
    let raw = String::from_utf8_lossy(&session.raw.lock().expect("lock")).into_owned();
    assert!(raw.contains("\x1b[?1049l"), "left the alternate screen");
    assert!(raw.contains("\x1b[?1000l"), "turned mouse capture off");
    assert!(raw.contains("\x1b[?25h"), "showed the cursor again");
}

#[test]
fn esc_in_the_search_prompt_restores_the_query_being_edited() {
    let mut session = Session::start(&["--data", "tests/fixtures/good", "-q", "artilery"]);
    session.wait_for("the opening screen", |s| s.contains("1 of 3 events │ artilery"));
    session.send("/");
    session.wait_for("the prompt on the query's words", |s| s.contains("/artilery▏"));
    // Home, then a `!` typed at the cursor: the word is now excluded.
    session.send("\x1b[H");
    session.wait_for("the cursor at the start", |s| s.contains("/▏artilery"));
    session.send("!");
    session.wait_for("the edited query's answer", |s| s.contains("2 of 3 events │ !artilery"));
    session.send("\x1b");
    let screen = session.wait_for("the query as it was", |s| s.contains("1 of 3 events │ artilery │"));
    assert!(!screen.contains("/!artilery"), "the prompt is closed: {screen}");
    session.send("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn a_broken_dataset_is_refused_before_the_terminal_is_touched() {
    let mut session = Session::start(&["--data", "tests/fixtures/bad/unknown-actor"]);
    let status = session.wait_for_exit();
    assert_eq!(status.exit_code(), 1);
    let screen = session.wait_for("the problem report", |s| s.contains("error: the dataset has 1 problem"));
    assert!(screen.contains("unknown actor \"nort-korea\""), "{screen}");
    let raw = String::from_utf8_lossy(&session.raw.lock().expect("lock")).into_owned();
    assert!(!raw.contains("\x1b[?1049h"), "never entered the alternate screen");
}

#[test]
fn termination_signals_restore_the_terminal() {
    for (number, name) in [(15, "TERM"), (1, "HUP")] {
        let mut session = Session::start(&["--data", "tests/fixtures/good"]);
        session.wait_for("the opening screen", |s| s.contains("3 of 3 events"));
        let pid = session.child.process_id().expect("the child's pid");
        let sent = std::process::Command::new("kill").arg(format!("-{name}")).arg(pid.to_string()).status();
        assert!(sent.is_ok_and(|s| s.success()), "kill -{name}");
        let status = session.wait_for_exit();
        assert_eq!(status.exit_code(), 128 + number, "SIG{name}: exits as a signalled program does");
        session.wait_for("the main screen to return", |_| {
            !session.parser.lock().expect("lock").screen().alternate_screen()
        });
        let raw = String::from_utf8_lossy(&session.raw.lock().expect("lock")).into_owned();
        for (sequence, what) in [
            ("\x1b[?1049l", "alternate screen left"),
            ("\x1b[?1000l", "mouse capture off"),
            ("\x1b[?25h", "cursor shown"),
        ] {
            assert!(raw.contains(sequence), "SIG{name}: {what}");
        }
    }
}

#[test]
fn o_opens_the_reader_and_esc_returns() {
    let mut session = Session::start(&["--data", "tests/fixtures/good"]);
    session.wait_for("the opening screen", |s| s.contains("3 of 3 events"));
    session.send("j");
    session.wait_for("the second event", |s| s.contains("▶ 2023-09"));
    session.send("o");
    let screen = session.wait_for("the reader", |s| s.contains("Cited by") && s.contains("Al Jazeera ·"));
    assert!(
        screen.contains("North Korea’s leader Kim Jong Un met"),
        "the cited paragraph is on screen: {screen}"
    );
    session.send("\x1b");
    let screen =
        session.wait_for("the chronology again", |s| s.contains("Chronology") && !s.contains("Cited by"));
    assert!(screen.contains("▶ 2023-09"), "the same event is selected: {screen}");
    session.send("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn sigtstp_gives_the_terminal_back_and_sigcont_takes_it_again() {
    let mut session = Session::start(&["--data", "tests/fixtures/good"]);
    session.wait_for("the opening screen", |s| s.contains("3 of 3 events"));
    let pid = session.child.process_id().expect("the child's pid").to_string();
    let kill = |signal: &str| {
        std::process::Command::new("kill").args([signal, &pid]).status().is_ok_and(|s| s.success())
    };
    assert!(kill("-TSTP"));
    session.wait_for("the main screen while stopped", |_| {
        !session.parser.lock().expect("lock").screen().alternate_screen()
    });
    assert!(kill("-CONT"));
    session.wait_for("the UI again", |s| {
        session.parser.lock().expect("lock").screen().alternate_screen() && s.contains("3 of 3 events")
    });
    session.send("q");
    assert!(session.wait_for_exit().success());
}

/// A copy of the good fixture to edit while annals watches it.
fn watched_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let status = std::process::Command::new("cp")
        .arg("-r")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/data"))
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/seeds"))
        .arg(dir.path())
        .status()
        .expect("cp");
    assert!(status.success());
    dir
}

const TITLE: &str = "Kim and Putin meet at the Vostochny Cosmodrome";
/// What the list shows of it at 110 columns.
const SHOWN: &str = "Kim and Putin meet";

#[test]
fn watch_follows_every_way_an_editor_saves() {
    let dir = watched_copy();
    let events = dir.path().join("data/events/2023.toml");
    let data = dir.path().display().to_string();
    let mut session = Session::start(&["--data", &data, "--watch"]);
    session.wait_for("the opening screen", |s| s.contains("3 of 3 events") && s.contains(SHOWN));
    let original = std::fs::read_to_string(&events).expect("read");

    // In place.
    std::fs::write(&events, original.replace(TITLE, "Saved in place")).expect("write");
    session.wait_for("an in-place save", |s| s.contains("Saved in place"));

    // A new file renamed over the old (vim's and many editors' way).
    let temporary = dir.path().join("data/events/.2023.toml.swp");
    std::fs::write(&temporary, original.replace(TITLE, "Saved by rename")).expect("write");
    std::fs::rename(&temporary, &events).expect("rename");
    session.wait_for("a save by rename", |s| s.contains("Saved by rename") && !s.contains("Saved in place"));

    // A new events file, then removed.
    // The last event again, under a new id.
    let block = original.rsplit("[[event]]").next().expect("an event").replacen("id = \"", "id = \"new-", 1);
    let added = dir.path().join("data/events/2024.toml");
    std::fs::write(&added, format!("[[event]]{block}")).expect("write");
    session.wait_for("a new file", |s| s.contains("4 of 4 events"));
    std::fs::remove_file(&added).expect("remove");
    session.wait_for("a removed file", |s| s.contains("3 of 3 events"));

    // Broken, then fixed.
    std::fs::write(&events, original.replace("kind = \"meeting\"", "kind = \"meeeting\"")).expect("write");
    session.wait_for("the problems screen", |s| {
        s.contains("The data files have 1 problem") && s.contains("meeeting")
    });
    std::fs::write(&events, &original).expect("write");
    session.wait_for("the problems screen to go by itself", |s| {
        s.contains(SHOWN) && !s.contains("The data files have")
    });
    session.send("q");
    assert!(session.wait_for_exit().success());
}

#[test]
fn e_gives_the_terminal_to_the_editor_at_the_line_and_shows_the_edit() {
    let dir = watched_copy();
    let record = dir.path().join("editor-args");
    // A stand-in called `vim`, so it is given `+LINE FILE`: it records its arguments and edits the file.
    std::fs::create_dir(dir.path().join("bin")).expect("mkdir");
    let script = dir.path().join("bin/vim");
    let body = format!(
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}'\nsed -i 's/{TITLE}/Edited in the editor/' \"$2\"\n",
        record.display()
    );
    std::fs::write(&script, body).expect("script");
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).expect("chmod");
    let data = dir.path().display().to_string();
    let editor = script.display().to_string();
    let mut session = Session::start_with_env(&["--data", &data], &[("VISUAL", ""), ("EDITOR", &editor)]);
    session.wait_for("the opening screen", |s| s.contains(SHOWN));
    session.send("j");
    session.wait_for("the second event", |s| s.contains("▶ 2023-09"));
    session.send("E");
    session.wait_for("the edit, reloaded", |s| s.contains("Edited in the editor"));
    let events = dir.path().join("data/events/2023.toml");
    let text = std::fs::read_to_string(&events).expect("read");
    // The [[event]] header is the line before the id: its 1-based number is the id's 0-based index.
    let header = text.lines().position(|l| l.contains("\"putin-kim-meeting\"")).expect("id line");
    let args = std::fs::read_to_string(&record).expect("the editor ran");
    assert_eq!(args.lines().collect::<Vec<_>>(), [format!("+{header}"), events.display().to_string()]);
    assert!(session.parser.lock().expect("lock").screen().alternate_screen(), "the UI is back");
    session.send("q");
    assert!(session.wait_for_exit().success());
}

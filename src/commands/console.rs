//! Standard output and standard error for the commands, written so that a closed or full
//! stream never panics (as `println!` and `eprintln!` do) and a closed pipe is no error.

use std::fmt::Display;
use std::io::{self, Write};
use std::process::ExitCode;

use crate::export::describe_io_error;
use crate::text::clean;

/// A line on standard error, cleaned of control characters (it may echo what the user typed).
/// If standard error is closed or full there is nowhere left to say so: the line is dropped.
pub fn say(line: impl Display) {
    let line = clean(&line.to_string());
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{line}").and_then(|()| err.flush());
}

/// `error: …` on standard error; the exit code `code`.
pub fn fail(code: u8, message: impl Display) -> ExitCode {
    say(format_args!("error: {message}"));
    ExitCode::from(code)
}

/// Write `bytes` to standard output, then flush.
pub fn print(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes).and_then(|()| out.flush())
}

/// The exit code once writing `what` to standard output has ended: `success` when it was
/// all written, or when the reader closed the pipe (`annals list | head`: the reader's
/// choice); else 1, saying why.
pub fn printed(result: io::Result<()>, what: &str, success: ExitCode) -> ExitCode {
    match result {
        Ok(()) => success,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => success,
        Err(error) => {
            fail(1, format_args!("cannot write {what} to standard output: {}", describe_io_error(&error)))
        }
    }
}

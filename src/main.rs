//! The annals binary: parse the command line, run it. Everything else is in the library.

use std::process::ExitCode;

// Loading a large dataset makes millions of small allocations on every core; mimalloc
// handles that several times faster than the system allocator (see docs/PERFORMANCE.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    annals::commands::run(annals::cli::parse())
}

//! annals: a terminal timeline explorer for hand-curated, source-cited event records.
//!
//! The library owns everything testable; `main.rs` parses arguments and starts things.
#![deny(clippy::unwrap_used)]
// Tests state their expectations with unwrap; a failure there is the test failing.
#![cfg_attr(test, allow(clippy::unwrap_used))]

pub mod app;
pub mod cli;
pub mod commands;
pub mod date;
pub mod export;
pub mod figures;
pub mod keymap;
pub mod load;
pub mod model;
pub mod passages;
pub mod query;
pub mod search;
pub mod text;
pub mod tui;
pub mod ui;

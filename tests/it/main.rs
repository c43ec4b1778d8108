//! The integration tests, as modules of one crate: one binary to link, helpers shared.
//!
//! Levels: `app` drives the state without a terminal; `ui` renders it into a TestBackend
//! (insta snapshots); `cli`, `engine`, `export`, `query` and `pty` run the real binary, the last in a
//! pseudo-terminal (`query` drives the app too); `dataset`, `model` and `properties` check the data and the invariants;
//! `layers` keeps the module graph pointing one way.

mod common;

mod app;
mod cli;
mod dataset;
mod engine;
mod export;
mod layers;
mod model;
mod properties;
mod pty;
mod query;
mod ui;

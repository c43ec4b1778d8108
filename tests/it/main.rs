//! The integration tests, as modules of one crate: one binary to link, helpers shared.
//!
//! Levels: `app` drives the state without a terminal; `ui` renders it into a TestBackend
//! (insta snapshots); `cli`, `engine`, `export`, `query` and `pty` run the real binary, the
//! last in a pseudo-terminal (`query` drives the app too); `dataset`, `model` and
//! `properties` check the data and the invariants, `curation` what the loader makes of dates
//! and credibility;
//! `layers` keeps the module graph pointing one way.

mod common;

mod app;
mod cli;
mod curation;
mod dataset;
mod engine;
mod export;
mod figures;
mod incremental;
mod layers;
mod model;
mod properties;
mod pty;
mod query;
mod reader;
mod reload;
mod show;
mod ui;
mod urls;

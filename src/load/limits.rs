//! How large each thing in a dataset may be (docs/DATA.md, "Limits"). Past these a value is
//! almost surely a mistake (a paste gone wrong, a wrong file), and would swamp the screen,
//! the exports or the loader; each is reported as a problem, never a hang.

const MIB: u64 = 1024 * 1024;

/// The largest file of each kind, in bytes.
pub(crate) const ARTICLE_BYTES: u64 = 8 * MIB;
pub(crate) const EVENT_FILE_BYTES: u64 = 256 * MIB;
/// `dataset.toml`, `sources.toml`, `actors.toml`, `weapons.toml`.
pub(crate) const DATA_FILE_BYTES: u64 = 16 * MIB;

/// The longest texts, in characters: an event's title, its summary, and a quote.
pub(crate) const TITLE_CHARS: usize = 500;
pub(crate) const SUMMARY_CHARS: usize = 20_000;
pub(crate) const QUOTE_CHARS: usize = 10_000;

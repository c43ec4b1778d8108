//! Read and validate a dataset, collecting every problem with its file, line and column.

mod files;
mod problem;
mod raw;
mod validate;

use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

pub use files::{Bundled, DatasetFiles, OnDisk};
pub use problem::Problem;
pub use validate::{is_valid_id, normalise_for_quote, suggest_id};

use crate::model::Dataset;
use problem::{LineIndex, invalid_utf8_position};

/// Why a dataset could not be loaded: every problem found, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadFailure {
    pub problems: Vec<Problem>,
}

impl LoadFailure {
    /// "3 problems in 2 files"
    pub fn summary(&self) -> String {
        let mut files: Vec<&str> = self.problems.iter().map(|p| p.file.as_str()).collect();
        files.dedup();
        files.sort_unstable();
        files.dedup();
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        format!("{} in {}", plural(self.problems.len(), "problem"), plural(files.len(), "file"))
    }
}

/// Load the dataset `files` gives access to, or say everything that is wrong with it.
pub fn load(files: &dyn DatasetFiles) -> Result<Dataset, LoadFailure> {
    let mut reader = Reader { files, texts: Vec::new(), problems: Vec::new() };
    let dataset = validate::validate(&mut reader);
    let mut problems = reader.resolve();
    if problems.is_empty() {
        // validate() returns None only after recording at least one problem.
        return dataset.ok_or_else(|| LoadFailure { problems: Vec::new() });
    }
    problems.sort_by(|a, b| (&a.file, a.position).cmp(&(&b.file, b.position)));
    Err(LoadFailure { problems })
}

/// A problem whose position may still be a byte offset into one of the reader's texts.
struct PendingProblem {
    /// Index into the reader's texts.
    file: usize,
    at: At,
    record: Option<String>,
    message: String,
}

#[derive(Clone, Copy, Debug)]
enum At {
    /// The file as a whole (missing, unreadable).
    Whole,
    Offset(usize),
    LineColumn(usize, usize),
}

/// Reads files and keeps their text so that problems can be located at the end.
pub(crate) struct Reader<'a> {
    files: &'a dyn DatasetFiles,
    texts: Vec<(String, String)>,
    problems: Vec<PendingProblem>,
}

impl Reader<'_> {
    /// Read a UTF-8 text file; on failure record why and return None.
    pub(crate) fn read_text(&mut self, path: &str, missing_hint: &str) -> Option<usize> {
        let shown = self.files.display_path(path);
        let bytes = match self.files.read(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                let why = match error.kind() {
                    std::io::ErrorKind::NotFound => "file not found".to_string(),
                    _ => format!("cannot read the file ({error})"),
                };
                self.texts.push((shown, String::new()));
                self.push(self.texts.len() - 1, At::Whole, None, format!("{why}; {missing_hint}"));
                return None;
            }
        };
        let mut text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                let (line, column) = invalid_utf8_position(error.as_bytes(), &error.utf8_error());
                self.texts.push((shown, String::new()));
                let message = "the file is not valid UTF-8 at this byte; save it as UTF-8".to_string();
                self.push(self.texts.len() - 1, At::LineColumn(line, column), None, message);
                return None;
            }
        };
        // Editors on some systems start UTF-8 files with a byte-order mark; it carries no content.
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        self.texts.push((shown, text));
        Some(self.texts.len() - 1)
    }

    /// Register a path that has no text of its own (a folder), to report problems against.
    pub(crate) fn note_file(&mut self, path: &str) -> usize {
        self.texts.push((self.files.display_path(path), String::new()));
        self.texts.len() - 1
    }

    /// `FILE:LINE:COLUMN` of a byte offset, for messages that point at a second place.
    pub(crate) fn location(&self, file: usize, offset: usize) -> String {
        let (shown, text) = &self.texts[file];
        let (line, column) = LineIndex::new(text).position(offset);
        format!("{shown}:{line}:{column}")
    }

    pub(crate) fn text(&self, file: usize) -> &str {
        &self.texts[file].1
    }

    pub(crate) fn files(&self) -> &dyn DatasetFiles {
        self.files
    }

    /// Record a problem at a byte offset of file `file` (or the file as a whole).
    pub(crate) fn report(
        &mut self,
        file: usize,
        offset: Option<usize>,
        record: Option<String>,
        message: String,
    ) {
        self.push(file, offset.map_or(At::Whole, At::Offset), record, message);
    }

    fn push(&mut self, file: usize, at: At, record: Option<String>, message: String) {
        self.problems.push(PendingProblem { file, at, record, message });
    }

    pub(crate) fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    /// Parse the `[[key]]` records of one file; records that fail are reported and skipped.
    /// Returns None when the file is not TOML at all. `broken_ids` collects ids of failed records.
    pub(crate) fn records<T: DeserializeOwned>(
        &mut self,
        file: usize,
        key: &str,
        broken_ids: &mut Vec<String>,
    ) -> Option<Vec<T>> {
        let mut problems = Vec::new();
        let mut records = Vec::new();
        let text = self.text(file);
        let (table, errors) = DeTable::parse_recoverable(text);
        // Later syntax errors are mostly echoes of the first; the earliest is the one to fix.
        if let Some(error) = errors.iter().min_by_key(|e| e.span().map_or(usize::MAX, |s| s.start)) {
            let offset = error.span().map(|span| span.start);
            self.report(file, offset, None, format!("TOML syntax error: {}", error.message().trim()));
            return None;
        }
        for (name, value) in table.into_inner() {
            if name.get_ref().as_ref() != key {
                let message = format!(
                    "unexpected `{}`: this file holds only [[{key}]] records (see docs/DATA.md)",
                    name.get_ref()
                );
                problems.push((Some(name.span().start), None, message));
                // Records filed under the wrong key exist; don't also report references to them.
                if let DeValue::Array(items) = value.get_ref() {
                    broken_ids.extend(items.iter().filter_map(|item| record_id(item.get_ref())));
                }
                continue;
            }
            let value_span = value.span();
            let DeValue::Array(items) = value.into_inner() else {
                problems.push((
                    Some(value_span.start),
                    None,
                    format!("`{key}` must be written as [[{key}]] tables"),
                ));
                continue;
            };
            for item in items {
                let span = item.span();
                let id = record_id(item.get_ref());
                match T::deserialize(ValueDeserializer::from(item)) {
                    Ok(record) => records.push(record),
                    Err(error) => {
                        let offset = error.span().map_or(span.start, |s| s.start);
                        let record = id.clone().map(|id| format!("{key} {id}"));
                        problems.push((Some(offset), record, explain_field_error(error.message())));
                        broken_ids.extend(id);
                    }
                }
            }
        }
        for (offset, record, message) in problems {
            self.report(file, offset, record, message);
        }
        Some(records)
    }

    /// Turn byte offsets into lines and columns, building each file's line index once.
    fn resolve(self) -> Vec<Problem> {
        let mut indexes: Vec<Option<LineIndex<'_>>> = (0..self.texts.len()).map(|_| None).collect();
        let mut out = Vec::with_capacity(self.problems.len());
        for pending in self.problems {
            let (shown, text) = &self.texts[pending.file];
            let position = match pending.at {
                At::Whole => None,
                At::LineColumn(line, column) => Some((line, column)),
                At::Offset(offset) => {
                    let index = indexes[pending.file].get_or_insert_with(|| LineIndex::new(text));
                    Some(index.position(offset))
                }
            };
            out.push(Problem {
                file: shown.clone(),
                position,
                record: pending.record,
                message: pending.message,
            });
        }
        out
    }
}

fn record_id(value: &DeValue<'_>) -> Option<String> {
    let table = value.as_table()?;
    let (_, id) = table.iter().find(|(key, _)| key.get_ref().as_ref() == "id")?;
    id.get_ref().as_str().map(str::to_string)
}

/// serde's messages say what is wrong; add what to do.
fn explain_field_error(message: &str) -> String {
    let message = message.trim();
    if message.starts_with("missing field") {
        format!("{message}; add it (docs/DATA.md lists every field)")
    } else if message.starts_with("unknown field") {
        format!("{message}; fix the spelling or remove it")
    } else if message.starts_with("invalid type") {
        format!("{message}; docs/DATA.md gives each field's type")
    } else {
        message.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_dataset_loads_cleanly() {
        let dataset = load(&Bundled).unwrap_or_else(|failure| {
            let lines: Vec<String> = failure.problems.iter().map(Problem::to_string).collect();
            panic!("{}\n{}", lines.join("\n"), failure.summary())
        });
        assert!(!dataset.events.is_empty());
    }

    #[test]
    fn summary_counts_problems_and_distinct_files() {
        let problem =
            |file: &str| Problem { file: file.into(), position: None, record: None, message: "x".into() };
        let failure = LoadFailure { problems: vec![problem("a"), problem("b"), problem("a")] };
        assert_eq!(failure.summary(), "3 problems in 2 files");
    }
}

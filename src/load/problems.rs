//! Problems found in a dataset, located by file, line and column, and the log that collects
//! them while loading and turns byte offsets into lines and columns at the end.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

use super::files::DatasetFiles;
use super::limits::{EVENT_FILE_BYTES, ID_BYTES};

/// One thing wrong with a dataset, with where it is and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user should see it.
    pub file: String,
    /// 1-based line and column (in characters); absent for a file that is missing as a whole.
    pub position: Option<(usize, usize)>,
    /// The record concerned, e.g. `event nk-shells-2023`.
    pub record: Option<String>,
    /// What is wrong and what to do, in one sentence or two.
    pub message: String,
}

/// Problems quote the data (a bad id, a file name): show its control characters, don't obey them.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let clean = crate::text::clean;
        write!(f, "{}", clean(&self.file))?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": ")?;
        if let Some(record) = &self.record {
            write!(f, "[{}] ", clean(record))?;
        }
        // One problem is one line, whatever the underlying message contains.
        let mut lines = self.message.lines().map(str::trim).filter(|l| !l.is_empty());
        if let Some(first) = lines.next() {
            write!(f, "{}", clean(first))?;
        }
        for line in lines {
            write!(f, " {}", clean(line))?;
        }
        Ok(())
    }
}

/// How a record is named in a problem: `event some-id`.
pub(crate) fn record_label(kind: &str, id: &str) -> String {
    format!("{kind} {}", shown_id(id))
}

/// An id as a problem quotes it: one too long to be an id is cut short.
pub(crate) fn shown_id(id: &str) -> Cow<'_, str> {
    const SHOWN: usize = 64;
    if id.len() <= ID_BYTES {
        return Cow::Borrowed(id);
    }
    let end = (0..=SHOWN).rev().find(|&end| id.is_char_boundary(end)).unwrap_or(0);
    Cow::Owned(format!("{}…", &id[..end]))
}

/// Maps byte offsets of one text to 1-based line and character column.
pub struct LineIndex {
    text: String,
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: String) -> Self {
        let line_starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Self { text, line_starts }
    }

    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        // Count characters, not bytes, so the column matches what an editor shows.
        let column = self.text.get(start..offset).map_or(offset - start, |s| s.chars().count()) + 1;
        (line + 1, column)
    }
}

/// Line and column of the first invalid byte of a non-UTF-8 file.
pub fn invalid_utf8_position(bytes: &[u8], error: &std::str::Utf8Error) -> (usize, usize) {
    let valid = &bytes[..error.valid_up_to()];
    // The prefix up to valid_up_to is valid UTF-8 by definition.
    let valid = std::str::from_utf8(valid).unwrap_or_default();
    LineIndex::new(valid.to_string()).position(valid.len())
}

/// Where in its file a problem is.
#[derive(Clone, Copy, Debug)]
pub(crate) enum At {
    /// The file as a whole (missing, unreadable).
    Whole,
    Offset(usize),
    LineColumn(usize, usize),
}

/// A problem found while parsing one file, located already.
pub(crate) type FileProblem = (At, Option<String>, String);

/// A problem whose position may still be a byte offset into one of the log's files.
struct PendingProblem {
    /// Index into the log's entries.
    file: usize,
    at: At,
    record: Option<String>,
    message: String,
}

/// Collects problems against the dataset's files and turns offsets into lines and columns.
pub(crate) struct ProblemLog<'a> {
    files: &'a dyn DatasetFiles,
    /// Each file's dataset-relative path.
    entries: Vec<String>,
    problems: Vec<PendingProblem>,
    /// Line indexes of files read again to locate a problem (None: the file can't be read now).
    indexes: HashMap<usize, Option<LineIndex>>,
}

impl<'a> ProblemLog<'a> {
    pub(crate) fn new(files: &'a dyn DatasetFiles) -> Self {
        Self { files, entries: Vec::new(), problems: Vec::new(), indexes: HashMap::new() }
    }

    pub(crate) fn files(&self) -> &'a dyn DatasetFiles {
        self.files
    }

    /// Register a path (a file, or a folder) to report problems against.
    pub(crate) fn add_file(&mut self, path: &str) -> usize {
        self.entries.push(path.to_string());
        self.entries.len() - 1
    }

    /// Take in the problems found in one file, registering it; its index.
    pub(crate) fn absorb(&mut self, path: &str, problems: Vec<FileProblem>) -> usize {
        let file = self.add_file(path);
        for (at, record, message) in problems {
            self.problems.push(PendingProblem { file, at, record, message });
        }
        file
    }

    /// Record a problem at a byte offset of file `file` (or the file as a whole).
    pub(crate) fn report(
        &mut self,
        file: usize,
        offset: Option<usize>,
        record: Option<String>,
        message: String,
    ) {
        let at = offset.map_or(At::Whole, At::Offset);
        self.problems.push(PendingProblem { file, at, record, message });
    }

    pub(crate) fn has_problems(&self) -> bool {
        !self.problems.is_empty()
    }

    /// `FILE:LINE:COLUMN` of a byte offset, for messages that point at a second place.
    pub(crate) fn location(&mut self, file: usize, offset: usize) -> String {
        let shown = self.files.display_path(&self.entries[file]);
        match self.position(file, offset) {
            Some((line, column)) => format!("{shown}:{line}:{column}"),
            None => shown,
        }
    }

    fn position(&mut self, file: usize, offset: usize) -> Option<(usize, usize)> {
        let files = self.files;
        let path = &self.entries[file];
        let index = self.indexes.entry(file).or_insert_with(|| {
            let text =
                files.read(path, EVENT_FILE_BYTES).ok().and_then(|bytes| String::from_utf8(bytes).ok())?;
            Some(LineIndex::new(text))
        });
        index.as_ref().map(|index| index.position(offset))
    }

    /// Every problem with its file as the user should see it and its line and column,
    /// reading each file concerned once.
    pub(crate) fn resolve(mut self) -> Vec<Problem> {
        let problems = std::mem::take(&mut self.problems);
        let mut out = Vec::with_capacity(problems.len());
        for pending in problems {
            let position = match pending.at {
                At::Whole => None,
                At::LineColumn(line, column) => Some((line, column)),
                At::Offset(offset) => self.position(pending.file, offset),
            };
            let file = self.files.display_path(&self.entries[pending.file]);
            out.push(Problem { file, position, record: pending.record, message: pending.message });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let index = LineIndex::new("ab\nçd\n\nx".to_string());
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(2), (1, 3));
        assert_eq!(index.position(3), (2, 1));
        assert_eq!(index.position(5), (2, 2), "ç is one column though two bytes");
        assert_eq!(index.position(8), (4, 1));
        assert_eq!(index.position(99), (4, 2));
    }

    #[test]
    fn a_problem_is_one_line() {
        let problem = Problem {
            file: "data/events/2023.toml".into(),
            position: Some((3, 7)),
            record: Some("event x".into()),
            message: "unknown field `dat`\n  expected `date`".into(),
        };
        assert_eq!(
            problem.to_string(),
            "data/events/2023.toml:3:7: [event x] unknown field `dat` expected `date`"
        );
    }
}

//! A problem found in a dataset, located by file, line and column.

use std::fmt;

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

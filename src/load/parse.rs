//! Reading TOML files into records: each file is decoded, parsed (a record at a time when
//! it has no problem, else whole so that problems read as the file does) and each record
//! deserialized and checked on its own, so one bad record hides no other.

use std::borrow::Cow;

use rayon::prelude::*;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::confine::unreadable;
use super::diagnose::{Damage, diagnose};
use super::files::DatasetFiles;
use super::limits::{DATA_FILE_BYTES, EVENT_FILE_BYTES};
use super::problems::{At, FileProblem, LineIndex, invalid_utf8_position, record_label};
use super::raw::Record;

/// The records of one file, parsed on any thread, with the problems found in it.
pub(crate) struct ParsedFile<T> {
    pub path: String,
    pub records: Vec<T>,
    /// The 1-based line of each record's `[[key]]` header, in the order of `records`.
    pub lines: Vec<u32>,
    pub problems: Vec<FileProblem>,
    /// Ids of records that failed to parse: references to them are not reported again.
    pub broken: Vec<String>,
    /// False when the file could not be read or was not TOML.
    pub complete: bool,
}

/// Read, decode and parse the `[[key]]` records of one file. Each record is deserialized on its
/// own, so one bad record hides no other; records keep their byte offset for later problems.
/// A record with fields that could not be read comes with stand-ins for them, and says which.
pub(crate) fn parse_file<T: Record + Send>(
    files: &dyn DatasetFiles,
    path: &str,
    key: &str,
    missing_hint: &str,
) -> ParsedFile<(T, Damage)> {
    // Whole: these records keep their spans, which count from the file's start.
    let keep = |record: T, _, damage: &Damage| ((record, damage.clone()), Vec::new());
    parse(files, path, key, missing_hint, &keep, false)
}

/// A problem a record check found: byte offset, message.
pub(crate) type RecordProblem = (usize, String);

/// Checks and converts one record, given the byte offset in its file of the text its spans
/// count from, and which of its fields are stand-ins; offsets it returns are in the file.
pub(crate) type Check<'c, T, U> = dyn Fn(T, usize, &Damage) -> (U, Vec<RecordProblem>) + Sync + 'c;

/// As `parse_file`, then check and convert each record in the same thread, so a file's raw
/// records never outlive it and the check's problems are located while the text is at hand.
pub(crate) fn parse_and_check<T: Record, U: Send>(
    files: &dyn DatasetFiles,
    path: &str,
    key: &str,
    missing_hint: &str,
    check: &Check<'_, T, U>,
) -> ParsedFile<U> {
    parse(files, path, key, missing_hint, check, true)
}

/// Read and parse a file, a record at a time if `by_record` (see `parse_by_record`; `check`
/// must then add its base to every offset it keeps), else whole.
fn parse<T: Record, U: Send>(
    files: &dyn DatasetFiles,
    path: &str,
    key: &str,
    missing_hint: &str,
    check: &Check<'_, T, U>,
    by_record: bool,
) -> ParsedFile<U> {
    let mut parsed = ParsedFile {
        path: path.to_string(),
        records: Vec::new(),
        lines: Vec::new(),
        problems: Vec::new(),
        broken: Vec::new(),
        complete: false,
    };
    let Some(text) = read_text(files, path, missing_hint, &mut parsed.problems) else {
        return parsed;
    };
    if let Some((records, headers)) = by_record.then(|| parse_by_record(&text, key, check)).flatten() {
        parsed.records = records;
        parsed.lines = lines_at(&text, &headers);
        parsed.complete = true;
        return parsed;
    }
    let mut headers = Vec::new();
    // The plain parser is the faster; only a file with a syntax error is parsed again with
    // recovery, whose earliest error is the one to fix (later ones are mostly its echoes).
    let table = DeTable::parse(&text).map_err(|_| {
        let (_, errors) = DeTable::parse_recoverable(&text);
        errors.into_iter().min_by_key(|e| e.span().map_or(usize::MAX, |s| s.start))
    });
    match table {
        Err(error) => {
            let error = error.map_or((At::Whole, "the file is not valid TOML".to_string()), |e| {
                (e.span().map_or(At::Whole, |span| At::Offset(span.start)), e.message().trim().to_string())
            });
            parsed.problems.push((error.0, None, format!("TOML syntax error: {}", error.1)));
        }
        Ok(table) => {
            parsed.complete = true;
            read_table(table, key, check, &mut parsed, &mut headers);
        }
    }
    parsed.lines = lines_at(&text, &headers);
    // Locate this file's problems now, while its text is at hand; the text is dropped after.
    if parsed.problems.iter().any(|(at, ..)| matches!(at, At::Offset(_))) {
        let index = LineIndex::new(text);
        for (at, ..) in &mut parsed.problems {
            if let At::Offset(offset) = *at {
                let (line, column) = index.position(offset);
                *at = At::LineColumn(line, column);
            }
        }
    }
    parsed
}

/// The `[[key]]` records of a whole file's table into `parsed`, with the problems of any
/// other table and of each record.
fn read_table<T: Record, U>(
    table: toml::Spanned<DeTable<'_>>,
    key: &str,
    check: &Check<'_, T, U>,
    parsed: &mut ParsedFile<U>,
    headers: &mut Vec<usize>,
) {
    for (name, value) in table.into_inner() {
        if name.get_ref().as_ref() != key {
            let message = format!(
                "unexpected `{}`: this file holds only [[{key}]] records (see docs/DATA.md)",
                name.get_ref()
            );
            parsed.problems.push((At::Offset(name.span().start), None, message));
            // Records filed under the wrong key exist; don't also report references to them.
            if let DeValue::Array(items) = value.get_ref() {
                parsed
                    .broken
                    .extend(items.iter().filter_map(|item| record_id(item.get_ref())).map(Cow::into_owned));
            }
            continue;
        }
        let value_span = value.span();
        let DeValue::Array(items) = value.into_inner() else {
            let message = format!("`{key}` must be written as [[{key}]] tables");
            parsed.problems.push((At::Offset(value_span.start), None, message));
            continue;
        };
        for item in items {
            read_record(item, key, check, parsed, headers);
        }
    }
}

/// One record of a whole file's table: deserialized and checked, or its problems. The
/// offset of a record's header goes to `headers`.
fn read_record<T: Record, U>(
    item: toml::Spanned<DeValue<'_>>,
    key: &str,
    check: &Check<'_, T, U>,
    parsed: &mut ParsedFile<U>,
    headers: &mut Vec<usize>,
) {
    let span = item.span();
    let id = record_id(item.get_ref());
    let label = id.as_ref().map(|id| record_label(key, id));
    let (record, problems) = read_or_diagnose::<T>(&item);
    let mut located = |problems: Vec<RecordProblem>| {
        for (offset, message) in problems {
            parsed.problems.push((At::Offset(offset), label.clone(), message));
        }
    };
    located(problems);
    match record {
        Some((record, damage)) => {
            let (record, problems) = check(record, 0, &damage);
            located(problems);
            parsed.records.push(record);
            headers.push(span.start);
        }
        None => parsed.broken.extend(id.map(Cow::into_owned)),
    }
}

/// A record as serde reads it; or, when serde refuses it, every problem of its fields and
/// the record with stand-ins for what could not be read (see `diagnose`).
fn read_or_diagnose<T: Record>(
    item: &toml::Spanned<DeValue<'_>>,
) -> (Option<(T, Damage)>, Vec<RecordProblem>) {
    let span = item.span();
    // Serde reads a record in one go and stops at its first problem; only then is the record
    // read again a field at a time, to find them all.
    let error = match T::deserialize(ValueDeserializer::from(item.clone())) {
        Ok(record) => return (Some((record, Damage::default())), Vec::new()),
        Err(error) => error,
    };
    if let DeValue::Table(table) = item.get_ref() {
        let (record, problems) = diagnose::<T>(table, span.clone());
        if !problems.is_empty() {
            return (record, problems);
        }
    }
    let offset = error.span().map_or(span.start, |s| s.start);
    (None, vec![(offset, explain_field_error(error.message()))])
}

/// The checked records of a file that has no problem, parsed a record at a time: the text is
/// cut before each line that is exactly `[[key]]`, and each piece parsed on its own. A
/// megabyte's syntax tree does not fit in the cache; a record's does, and parsing is faster.
///
/// None if any piece has any problem, or if anything but comments and blank lines comes
/// before the first cut: the caller then parses the whole file, which gives the problems as
/// the file reads. Each piece after the first starts with its own `[[key]]` header, and
/// TOML reads such a piece the same alone as in its file, except where a cut falls inside a
/// multi-line string; that leaves the string open at the end of its piece, a syntax error.
/// What comes first could make the whole file invalid (`key = [...]` cannot be extended by
/// a `[[key]]` header), so it must hold nothing.
/// Each record comes with the offset of its header.
fn parse_by_record<T: Record, U: Send>(
    text: &str,
    key: &str,
    check: &Check<'_, T, U>,
) -> Option<(Vec<U>, Vec<usize>)> {
    let header = format!("\n[[{key}]]\n");
    let at_start = text.starts_with(&header[1..]).then_some(0);
    let cuts = memchr::memmem::find_iter(text.as_bytes(), header.as_bytes()).map(|at| at + 1);
    let starts: Vec<usize> = at_start.into_iter().chain(cuts).chain([text.len()]).collect();
    let preamble = &text[..starts[0]];
    if !DeTable::parse(preamble).ok()?.get_ref().is_empty() {
        return None;
    }
    // Pieces are parsed on every core: a reload that reads one changed file uses them all.
    let pieces: Option<Vec<Vec<(U, usize)>>> = starts
        .par_windows(2)
        .map(|piece| {
            let (start, end) = (piece[0], piece[1]);
            let mut records = Vec::with_capacity(1);
            for (name, value) in DeTable::parse(&text[start..end]).ok()?.into_inner() {
                let DeValue::Array(items) = value.into_inner() else { return None };
                if name.get_ref().as_ref() != key {
                    return None;
                }
                for item in items {
                    let header = start + item.span().start;
                    let record = T::deserialize(ValueDeserializer::from(item)).ok()?;
                    let (record, problems) = check(record, start, &Damage::default());
                    if !problems.is_empty() {
                        return None;
                    }
                    records.push((record, header));
                }
            }
            Some(records)
        })
        .collect();
    let mut records = Vec::with_capacity(starts.len());
    let mut headers = Vec::with_capacity(starts.len());
    for (record, header) in pieces?.into_iter().flatten() {
        records.push(record);
        headers.push(header);
    }
    Some((records, headers))
}

/// The 1-based line of each of `offsets` (in increasing order) in `text`.
fn lines_at(text: &str, offsets: &[usize]) -> Vec<u32> {
    let bytes = text.as_bytes();
    let (mut line, mut from) = (1u32, 0);
    offsets
        .iter()
        .map(|&offset| {
            let offset = offset.clamp(from, bytes.len());
            // A plain count, which compiles to vector instructions: newlines are too dense
            // for a searcher to pay.
            let newlines = bytes[from..offset].iter().filter(|&&b| b == b'\n').count();
            line = line.saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
            from = offset;
            line
        })
        .collect()
}

/// A UTF-8 text file (a leading byte-order mark dropped), or the problem that stops it.
fn read_text(
    files: &dyn DatasetFiles,
    path: &str,
    missing_hint: &str,
    problems: &mut Vec<FileProblem>,
) -> Option<String> {
    let limit = if path.starts_with("data/events/") { EVENT_FILE_BYTES } else { DATA_FILE_BYTES };
    let bytes = match files.read(path, limit) {
        Ok(bytes) => bytes,
        Err(error) => {
            problems.push((At::Whole, None, unreadable(&error, missing_hint)));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            // Editors on some systems start UTF-8 files with a byte-order mark; it carries no content.
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Some(text)
        }
        Err(error) => {
            let (line, column) = invalid_utf8_position(error.as_bytes(), &error.utf8_error());
            let message = "the file is not valid UTF-8 at this byte; save it as UTF-8".to_string();
            problems.push((At::LineColumn(line, column), None, message));
            None
        }
    }
}

/// A record's `id`, if it has one that is a string: borrowed from the file's text when it
/// needed no unescaping (ids almost never do), so the common case allocates nothing.
fn record_id<'i>(value: &DeValue<'i>) -> Option<Cow<'i, str>> {
    match value.as_table()?.get("id")?.get_ref() {
        DeValue::String(Cow::Borrowed(id)) => Some(Cow::Borrowed(*id)),
        DeValue::String(Cow::Owned(id)) => Some(Cow::Owned(id.clone())),
        _ => None,
    }
}

/// serde's messages say what is wrong; add what to do.
pub(crate) fn explain_field_error(message: &str) -> String {
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
    use crate::load::InMemory;

    #[derive(serde::Deserialize)]
    struct Note {
        id: toml::Spanned<String>,
        text: String,
    }

    /// Each note's id, the id's offset in the file, and its text.
    type NoteRecord = (String, usize, String);

    impl Record for Note {
        const REQUIRED: &'static [(&'static str, &'static str)] = &[("id", "\"\""), ("text", "\"\"")];
    }

    fn check_note(note: Note, base: usize, _: &Damage) -> (NoteRecord, Vec<RecordProblem>) {
        ((note.id.get_ref().clone(), base + note.id.span().start, note.text), Vec::new())
    }

    fn notes(text: &str) -> ParsedFile<NoteRecord> {
        let mut files = InMemory::new();
        files.insert("notes.toml", text.as_bytes().to_vec());
        parse_and_check(&files, "notes.toml", "note", "create it", &check_note)
    }

    #[test]
    fn records_parsed_one_at_a_time_keep_their_offsets_in_the_file() {
        let text = "# notes\n[[note]]\nid = \"a\"\ntext = \"x\"\n\n[[note]]\nid = \"b\"\ntext = \"y\"\n[[note]]\nid = \"c\"\ntext = \"z\"\n";
        assert!(parse_by_record(text, "note", &check_note).is_some(), "read a record at a time");
        let parsed = notes(text);
        assert_eq!(parsed.lines, vec![2, 6, 9], "each record's header line");
        let found: Vec<(&str, usize)> = parsed.records.iter().map(|(id, at, _)| (id.as_str(), *at)).collect();
        let at = |id: &str| text.find(&format!("id = \"{id}\"")).map(|i| i + "id = ".len());
        assert_eq!(
            found,
            vec![("a", at("a").unwrap_or(0)), ("b", at("b").unwrap_or(0)), ("c", at("c").unwrap_or(0))]
        );
    }

    #[test]
    fn records_of_a_file_parsed_whole_keep_their_header_lines() {
        let text = "[[note]]\nid = \"a\"\ntext = \"x\"\n\n[[note]]\nid = \"b\"\n\n[[note]]\nid = \"c\"\ntext = \"z\"\n";
        assert!(parse_by_record(text, "note", &check_note).is_none(), "note b has no text");
        let parsed = notes(text);
        assert_eq!(parsed.problems.len(), 1, "note b's missing text");
        // Note b is checked with a stand-in for its text.
        let ids: Vec<&str> = parsed.records.iter().map(|(id, ..)| id.as_str()).collect();
        assert_eq!((ids, parsed.lines), (vec!["a", "b", "c"], vec![1, 5, 8]));
    }

    #[test]
    fn a_file_valid_only_in_pieces_is_parsed_whole_and_refused() {
        // An inline array cannot be extended by a [[note]] header: invalid TOML, though each
        // piece alone is valid.
        let text = "note = [{ id = \"a\", text = \"x\" }]\n[[note]]\nid = \"b\"\ntext = \"y\"\n";
        assert!(parse_by_record(text, "note", &check_note).is_none());
        let parsed = notes(text);
        assert!(!parsed.complete && parsed.records.is_empty());
        assert_eq!(parsed.problems.len(), 1, "the syntax error");
    }

    #[test]
    fn a_header_line_inside_a_multi_line_string_is_text_not_a_cut() {
        let text = "[[note]]\nid = \"a\"\ntext = \"\"\"\nbefore\n[[note]]\nid = \"fake\"\n\"\"\"\n";
        assert!(parse_by_record(text, "note", &check_note).is_none(), "the cut piece fails to parse");
        let parsed = notes(text);
        assert!(parsed.complete && parsed.problems.is_empty());
        assert_eq!(parsed.lines, vec![1]);
        let texts: Vec<&str> = parsed.records.iter().map(|(_, _, text)| text.as_str()).collect();
        assert_eq!(texts, vec!["before\n[[note]]\nid = \"fake\"\n"]);
    }
}

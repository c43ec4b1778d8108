//! A record serde refused, read again a field at a time, so that every problem of its fields
//! is reported in one run (serde stops at the first), and the rest of the record is still
//! checked: fields that can't be read are replaced by stand-ins, which the checks skip.
//! Only records with a problem come here; the others are read by serde alone, at full speed.

use toml::Spanned;
use toml::de::{DeString, DeTable, DeValue, ValueDeserializer};

use super::parse::{RecordProblem, explain_field_error};
use super::raw::Record;

/// The fields of a record that could not be read as written: missing, of the wrong type, or
/// with some entries unreadable. Their problems are reported; the checks skip them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Damage(pub(crate) Vec<String>);

impl Damage {
    pub(crate) fn has(&self, field: &str) -> bool {
        self.0.iter().any(|f| f == field)
    }
}

/// The span given to a table made up to read one field alone: no value in a file has it, so
/// an error there is about the made-up record as a whole (its other fields are missing).
const MADE_UP: std::ops::Range<usize> = usize::MAX..usize::MAX;

/// Every problem of the fields of `table` (a record of `T` that serde refused), at offsets
/// as its spans give them; and the record with stand-ins for what could not be read, unless
/// its id is one of them (a record is known by its id) or it can't be made even so.
pub(crate) fn diagnose<T: Record>(
    table: &DeTable<'_>,
    span: std::ops::Range<usize>,
) -> (Option<(T, Damage)>, Vec<RecordProblem>) {
    let mut problems = Vec::new();
    let mut damage = Damage::default();
    let mut readable = DeTable::new();
    for (key, value) in table {
        let Err(error) = read_alone::<T>(key, value) else {
            readable.insert(key.clone(), value.clone());
            continue;
        };
        damage.0.push(key.get_ref().to_string());
        match readable_entries::<T>(key, value, &mut problems) {
            Some(entries) => {
                readable.insert(key.clone(), entries);
            }
            None => problems.push(problem(&error, span.start)),
        }
    }
    for (field, stand_in) in T::REQUIRED {
        if !table.contains_key(*field) {
            let missing = <toml::de::Error as serde::de::Error>::missing_field(field);
            problems.push(problem(&missing, span.start));
            damage.0.push((*field).to_string());
        }
        if !readable.contains_key(*field) {
            let Ok(value) = DeValue::parse(stand_in) else { continue };
            readable.insert(Spanned::new(span.start..span.start, DeString::Borrowed(*field)), value);
        }
    }
    let record = ValueDeserializer::from(Spanned::new(span, DeValue::Table(readable)));
    let record = T::deserialize(record).ok().filter(|_| !damage.has("id"));
    (record.map(|record| (record, damage)), problems)
}

/// Read one field of `T` alone: Ok unless that field is what is wrong.
fn read_alone<T: Record>(
    key: &Spanned<DeString<'_>>,
    value: &Spanned<DeValue<'_>>,
) -> Result<(), toml::de::Error> {
    let mut alone = DeTable::new();
    alone.insert(key.clone(), value.clone());
    match T::deserialize(ValueDeserializer::from(Spanned::new(MADE_UP, DeValue::Table(alone)))) {
        Err(error) if error.span() != Some(MADE_UP) => Err(error),
        _ => Ok(()),
    }
}

/// For a list some of whose entries are wrong: each wrong entry's problem, and the list of
/// the others. None when no entry is wrong alone (the list as a whole is).
fn readable_entries<'i, T: Record>(
    key: &Spanned<DeString<'i>>,
    value: &Spanned<DeValue<'i>>,
    problems: &mut Vec<RecordProblem>,
) -> Option<Spanned<DeValue<'i>>> {
    let DeValue::Array(entries) = value.get_ref() else { return None };
    let mut kept = Vec::with_capacity(entries.len());
    let found = problems.len();
    for entry in entries {
        let one = Spanned::new(value.span(), DeValue::Array(std::iter::once(entry.clone()).collect()));
        match read_alone::<T>(key, &one) {
            Ok(()) => kept.push(entry.clone()),
            Err(error) => problems.push(problem(&error, entry.span().start)),
        }
    }
    (problems.len() > found).then(|| Spanned::new(value.span(), DeValue::Array(kept.into_iter().collect())))
}

fn problem(error: &toml::de::Error, fallback: usize) -> RecordProblem {
    let offset = error.span().map_or(fallback, |s| s.start);
    (offset, explain_field_error(error.message()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::raw::{RawActor, RawEvent};

    /// The record, and each problem as the line it points at (from there) and its message.
    type Diagnosed<T> = (Option<(T, Damage)>, Vec<(String, String)>);

    fn diagnosed<T: Record>(text: &str) -> Diagnosed<T> {
        let table = DeTable::parse(text).expect("TOML");
        let span = table.span();
        let (record, problems) = diagnose::<T>(table.get_ref(), span);
        let at =
            |offset: usize| text.get(offset..).map_or("?", |s| s.lines().next().unwrap_or("")).to_string();
        (record, problems.into_iter().map(|(offset, message)| (at(offset), message)).collect())
    }

    #[test]
    fn every_field_problem_is_found_and_the_rest_is_read() {
        let (record, problems) = diagnosed::<RawActor>(
            "id = \"x\"\nkind = \"stat\"\nnmae = \"X\"\naliases = [\"a\", 3, \"b\", true]\n",
        );
        let found: Vec<&str> = problems.iter().map(|(at, _)| at.as_str()).collect();
        // Keys are read in order of name: aliases, kind, nmae; then what is missing.
        assert_eq!(
            found,
            ["3, \"b\", true]", "true]", "\"stat\"", "nmae = \"X\"", "id = \"x\""],
            "{problems:?}"
        );
        assert!(problems[4].1.starts_with("missing field `name`"), "{problems:?}");
        let (actor, damage) = record.expect("read with stand-ins");
        assert_eq!(actor.aliases.iter().map(|a| a.get_ref().as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert!(damage.has("kind") && damage.has("name") && damage.has("aliases") && !damage.has("id"));
    }

    #[test]
    fn a_record_whose_id_cannot_be_read_is_not_checked_further() {
        let (record, problems) = diagnosed::<RawEvent>("id = 7\ndate = \"2023\"\n");
        assert!(record.is_none());
        assert!(problems[0].1.starts_with("invalid type: integer `7`, expected a string"), "{problems:?}");
    }
}

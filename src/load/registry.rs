//! The ids of one record type: where each is defined, what form an id takes, and what to
//! say of a reference to an id that no record has (with a did-you-mean).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::parse::{ParsedFile, parse_file};
use super::problems::ProblemLog;
use super::raw::Id;
use crate::text::suggest_id;

/// The ids of one record type: where each is defined, and the names that suggest it.
pub(crate) struct Registry {
    kind: &'static str,
    home: &'static str,
    /// Each id's file, byte offset and position among the records of its type.
    defined: HashMap<String, (usize, usize, u32)>,
    /// How many records were defined (so the next one's position).
    records: u32,
    /// Ids of records that failed to parse: references to them are not reported again.
    broken: HashSet<String>,
    /// False when a file of this type could not be read or parsed, so references can't be judged.
    pub(crate) complete: bool,
    /// Lower-cased names and aliases, each with the id it belongs to, for suggestions.
    names: Vec<(String, String)>,
}

impl Registry {
    pub(crate) fn new(kind: &'static str, home: &'static str) -> Self {
        Self {
            kind,
            home,
            defined: HashMap::default(),
            records: 0,
            broken: HashSet::default(),
            complete: true,
            names: Vec::new(),
        }
    }

    pub(crate) fn read<T: serde::de::DeserializeOwned>(
        &mut self,
        log: &mut ProblemLog<'_>,
        path: &str,
        key: &str,
    ) -> Records<T> {
        let hint = format!("create it with [[{key}]] records (see docs/DATA.md)");
        let parsed = parse_file::<T>(log.files(), path, key, &hint);
        self.absorb(log, parsed)
    }

    /// Take in one parsed file of this record type: its problems go to the log, its
    /// records come back.
    pub(crate) fn absorb<T>(&mut self, log: &mut ProblemLog<'_>, parsed: ParsedFile<T>) -> Records<T> {
        self.complete &= parsed.complete;
        self.broken.extend(parsed.broken);
        let file = log.absorb(&parsed.path, parsed.problems);
        Records { file, path: parsed.path, records: parsed.records, lines: parsed.lines }
    }

    pub(crate) fn has_broken_records(&self) -> bool {
        !self.broken.is_empty()
    }

    pub(crate) fn define(&mut self, log: &mut ProblemLog<'_>, file: usize, text: &str, offset: usize) {
        let record = Some(format!("{} {text}", self.kind));
        if let Some(message) = invalid_id(text) {
            log.report(file, Some(offset), record.clone(), message);
        }
        let position = self.records;
        self.records += 1;
        if let Some(&(first_file, first_offset, _)) = self.defined.get(text) {
            let first = log.location(first_file, first_offset);
            log.report(file, Some(offset), record, duplicate_id(self.kind, text, &first));
            return;
        }
        self.defined.insert(text.to_string(), (file, offset, position));
    }

    pub(crate) fn add_names<'n>(&mut self, id: &Id, names: impl Iterator<Item = &'n String>) {
        for name in names {
            self.names.push((name.to_lowercase(), id.get_ref().clone()));
        }
    }

    /// The position of the record with this id among those of its type.
    pub(crate) fn position(&self, id: &str) -> Option<u32> {
        self.defined.get(id).map(|&(_, _, position)| position)
    }

    /// Whether a reference to `id` names a record of this type.
    pub(crate) fn check(&self, id: &str) -> Reference {
        if self.defined.contains_key(id) {
            return Reference::Known;
        }
        match self.unknown(id, self.defined.len(), self.defined.keys().map(String::as_str)) {
            Some(message) => Reference::Unknown(message),
            None => Reference::Unjudged,
        }
    }

    /// What to say of a reference to `id`, an id no record of this type has (`ids` are those
    /// that are defined, `count` of them); None when it can't be judged (see `check`).
    pub(crate) fn unknown<'a>(
        &'a self,
        id: &str,
        count: usize,
        ids: impl Iterator<Item = &'a str>,
    ) -> Option<String> {
        if !self.complete || self.broken.contains(id) {
            return None;
        }
        // Comparing against every id costs a little per wrong reference; past a taxonomy's size
        // (a large event set) that would make a report of many errors slow, so don't guess there.
        let suggestion = if count <= MAX_SUGGESTION_CANDIDATES {
            let ids = ids.map(|k| (k, k));
            let names = self.names.iter().map(|(name, id)| (name.as_str(), id.as_str()));
            suggest_id(id, ids.chain(names)).map(|s| format!("did you mean \"{s}\"? ")).unwrap_or_default()
        } else {
            String::new()
        };
        Some(format!(
            "unknown {} \"{id}\"; {suggestion}use an id defined in {} or add one there",
            self.kind, self.home
        ))
    }
}

/// The records of one file, taken in by a registry.
pub(crate) struct Records<T> {
    /// The file's index in the problem log.
    pub(crate) file: usize,
    /// Its dataset-relative path.
    pub(crate) path: String,
    pub(crate) records: Vec<T>,
    /// The 1-based line of each record's header.
    pub(crate) lines: Vec<u32>,
}

/// What a reference to a record turned out to be.
pub(crate) enum Reference {
    Known,
    /// No record has the id: the message to report.
    Unknown(String),
    /// It can't be judged: the record's file is broken, or the record failed to parse.
    Unjudged,
}

/// What is wrong with an id's form, if anything.
pub(crate) fn invalid_id(id: &str) -> Option<String> {
    (!is_valid_id(id)).then(|| {
        format!("id \"{id}\" must be lower-case letters, digits and single hyphens, like \"north-korea\"")
    })
}

/// The problem of a record that repeats the id of one at `first`.
pub(crate) fn duplicate_id(kind: &str, id: &str, first: &str) -> String {
    format!("duplicate {kind} id \"{id}\", first defined at {first}; give one of them another id")
}

/// Lower-case letters and digits in hyphen-separated words.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// Beyond this many ids, an unknown reference gets no did-you-mean.
const MAX_SUGGESTION_CANDIDATES: usize = 10_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_kebab_case() {
        for good in ["north-korea", "kn-23", "m1989", "a"] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in ["", "North-Korea", "north_korea", "-x", "x-", "a--b", "é"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn suggests_the_nearest_id_or_alias() {
        let names = [
            ("north-korea".to_string(), "north-korea".to_string()),
            ("dprk".to_string(), "north-korea".to_string()),
            ("russia".to_string(), "russia".to_string()),
        ];
        let pairs = || names.iter().map(|(n, i)| (n.as_str(), i.as_str()));
        assert_eq!(suggest_id("nort-korea", pairs()), Some("north-korea"));
        assert_eq!(suggest_id("DPRK", pairs()), Some("north-korea"));
        assert_eq!(suggest_id("rusia", pairs()), Some("russia"));
        assert_eq!(suggest_id("ukraine", pairs()), None);
        let people = [("kyrylo budanov", "kyrylo-budanov")];
        assert_eq!(suggest_id("budanov", people.into_iter()), Some("kyrylo-budanov"), "a word of the name");
    }
}

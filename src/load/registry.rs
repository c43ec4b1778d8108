//! The ids of one record type: where each is defined, what form an id takes, and what to
//! say of a reference to an id that no record has (with a did-you-mean).

use std::sync::Mutex;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use toml::Spanned;

use super::diagnose::Damage;
use super::limits::{ID_BYTES, NAME_CHARS, NAMES_PER_RECORD, SUGGESTION_CANDIDATES};
use super::parse::{ParsedFile, parse_file};
use super::problems::{ProblemLog, record_label, shown_id};
use super::raw::{Id, Record};
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
    /// The suggestion made for each unknown id so far: one id misspelt in many places is
    /// compared with every name once.
    suggestions: Mutex<HashMap<String, Option<String>>>,
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
            suggestions: Mutex::default(),
        }
    }

    /// The records of the file at `path`, each with the fields that are stand-ins.
    pub(crate) fn read<T: Record + Send>(
        &mut self,
        log: &mut ProblemLog<'_>,
        path: &str,
        key: &str,
    ) -> Records<(T, Damage)> {
        let hint = format!("create it with [[{key}]] records (see docs/DATA.md)");
        let parsed = parse_file::<T>(log.files(), path, key, &hint);
        self.absorb(log, parsed)
    }

    /// Take in one parsed file of this record type: its problems go to the log, its
    /// records come back.
    pub(crate) fn absorb<T>(&mut self, log: &mut ProblemLog<'_>, parsed: ParsedFile<T>) -> Records<T> {
        let file = self.take_in(log, &parsed);
        Records { file, path: parsed.path, records: parsed.records, lines: parsed.lines }
    }

    /// As `absorb`, leaving the records where they are (a reload's cache keeps them): the
    /// file's index in the log.
    pub(crate) fn take_in<T>(&mut self, log: &mut ProblemLog<'_>, parsed: &ParsedFile<T>) -> usize {
        self.complete &= parsed.complete;
        self.broken.extend(parsed.broken.iter().cloned());
        log.absorb(&parsed.path, parsed.problems.clone())
    }

    pub(crate) fn has_broken_records(&self) -> bool {
        !self.broken.is_empty()
    }

    pub(crate) fn define(&mut self, log: &mut ProblemLog<'_>, file: usize, text: &str, offset: usize) {
        let record = Some(record_label(self.kind, text));
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

    /// The names and aliases that suggest `id`; past the limits of a record (a name too
    /// long, too many aliases), the rest are left out.
    pub(crate) fn add_names<'n>(&mut self, id: &Id, names: impl Iterator<Item = &'n Spanned<String>>) {
        for name in names.take(1 + 2 * NAMES_PER_RECORD).filter(|name| name.get_ref().len() <= 4 * NAME_CHARS)
        {
            self.names.push((name.get_ref().to_lowercase(), id.get_ref().clone()));
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
        let suggestion =
            self.suggest(id, count, ids).map(|s| format!("did you mean \"{s}\"? ")).unwrap_or_default();
        Some(format!(
            "unknown {} \"{}\"; {suggestion}use an id defined in {} or add one there",
            self.kind,
            shown_id(id),
            self.home
        ))
    }

    /// The id `id` was likely meant to be, of the `count` `ids` and the names. Each guess
    /// compares `id` with every id and name, so past `SUGGESTION_CANDIDATES` of them (a large
    /// event set, a taxonomy with a great many aliases) there is none, and an id misspelt in
    /// many places is guessed at once.
    fn suggest<'a>(&'a self, id: &str, count: usize, ids: impl Iterator<Item = &'a str>) -> Option<String> {
        if count.saturating_add(self.names.len()) > SUGGESTION_CANDIDATES || id.len() > ID_BYTES {
            return None;
        }
        let known = |memo: &HashMap<String, Option<String>>| memo.get(id).cloned();
        if let Some(suggestion) = self.suggestions.lock().ok().and_then(|memo| known(&memo)) {
            return suggestion;
        }
        let names = self.names.iter().map(|(name, id)| (name.as_str(), id.as_str()));
        let suggestion = suggest_id(id, ids.map(|k| (k, k)).chain(names)).map(str::to_string);
        if let Ok(mut memo) = self.suggestions.lock() {
            memo.insert(id.to_string(), suggestion.clone());
        }
        suggestion
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
    if id.len() > ID_BYTES {
        return Some(format!("the id is {} bytes long; keep it under {ID_BYTES}", id.len()));
    }
    (!is_valid_id(id)).then(|| {
        format!("id \"{id}\" must be lower-case letters, digits and single hyphens, like \"north-korea\"")
    })
}

/// The problem of a record that repeats the id of one at `first`.
pub(crate) fn duplicate_id(kind: &str, id: &str, first: &str) -> String {
    let id = shown_id(id);
    format!("duplicate {kind} id \"{id}\", first defined at {first}; give one of them another id")
}

/// Lower-case letters and digits in hyphen-separated words.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|word| {
            !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

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

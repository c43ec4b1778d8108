//! One event's checks, each a small function for one family of problems (texts, dates,
//! lists, references, quantities (in `quantities`), citations), and its conversion into the model's `Event`.
//! Safe on many threads at once; references to other events are checked across files
//! (`links`).

use std::hash::Hash;

use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use triomphe::Arc;

use super::diagnose::Damage;
use super::limits::{
    ENTRIES_PER_LIST, QUOTE_CHARS, QUOTE_MIN_CHARS, QUOTE_MIN_WORDS, SUMMARY_CHARS, TITLE_CHARS, too_long,
    too_many,
};
use super::parse::RecordProblem;
use super::problems::shown_id;
use super::provenance::{find_quote, normalised};
use super::quantities::check_quantities;
use super::raw::{Id, RawCitation, RawEvent};
use super::registry::{Reference, Registry, invalid_id};
use crate::model::{Event, EventFacets, Status, group_thousands};

/// What an event's references are checked against.
pub(crate) struct References<'r> {
    pub(crate) sources: &'r Registry,
    pub(crate) actors: &'r Registry,
    pub(crate) weapons: &'r Registry,
    /// Each source's article, normalised for quote matching.
    pub(crate) articles: &'r HashMap<String, String>,
}

/// A checked event, what the filter reads of it, and where it is written.
pub(crate) type Checked = (Arc<Event>, EventFacets, Placement);

/// Where in its file an event is written, for the checks across files.
pub(crate) struct Placement {
    pub(crate) id_offset: usize,
    /// Where each of the event's `related` ids is written.
    pub(crate) related_offsets: Vec<usize>,
}

/// The problems found in one event, at offsets in its file.
pub(super) struct Findings {
    /// Where the text the event's spans count from starts in its file.
    base: usize,
    problems: Vec<RecordProblem>,
}

impl Findings {
    pub(super) fn add(&mut self, offset: usize, message: String) {
        self.problems.push((self.base + offset, message));
    }
}

/// Check one event against the taxonomies and its articles, and convert it. Fields that
/// are stand-ins (`damage`) are not checked: their problem is reported already.
/// Offsets are the spans' plus `base`, where the text they count from starts in the file.
pub(crate) fn check_event(
    event: RawEvent,
    refs: &References<'_>,
    base: usize,
    damage: &Damage,
) -> (Checked, Vec<RecordProblem>) {
    let mut findings = Findings { base, problems: Vec::new() };
    check_texts(&event, damage, &mut findings);
    check_dates(&event, damage, &mut findings);
    check_credibility(&event, damage, &mut findings);
    check_lists(&event, &mut findings);
    let sources_known = check_references(&event, refs, damage, &mut findings);
    check_quantities(&event, refs, damage, &mut findings);
    check_citations(&event, refs, &sources_known, damage, &mut findings);
    // Last, as when ids were checked after the other checks: problems at one place keep
    // their order.
    if let Some(message) = invalid_id(event.id.get_ref()) {
        findings.add(event.id.span().start, message);
    }
    let placement = Placement {
        id_offset: base + event.id.span().start,
        related_offsets: event.related.iter().map(|r| base + r.span().start).collect(),
    };
    let event = event.into_event();
    let facets = EventFacets::of(
        &event,
        |id| refs.actors.position(id),
        |id| refs.weapons.position(id),
        |id| refs.sources.position(id),
    );
    ((Arc::new(event), facets, placement), findings.problems)
}

/// Titles and summaries written out, and titles, summaries and quotes within their limits.
fn check_texts(event: &RawEvent, damage: &Damage, findings: &mut Findings) {
    let texts = [("title", &event.title, TITLE_CHARS), ("summary", &event.summary, SUMMARY_CHARS)];
    let texts = texts.into_iter().filter(|(field, ..)| !damage.has(field));
    for (field, value, _) in texts.clone() {
        if value.get_ref().trim().is_empty() {
            findings.add(value.span().start, format!("`{field}` is empty; write it out"));
        }
    }
    for (field, value, limit) in texts {
        if let Some(problem) = too_long(value.get_ref(), limit) {
            findings.add(value.span().start, format!("`{field}` {problem}"));
        }
    }
    for citation in &event.citations {
        let quote = citation.quote.get_ref();
        if too_long(quote, QUOTE_CHARS).is_some() {
            let (length, limit) =
                (group_thousands(quote.chars().count() as u64), group_thousands(QUOTE_CHARS as u64));
            let message = format!(
                "the quote is {length} characters long; cite the passage that supports the event, under {limit}"
            );
            findings.add(citation.quote.span().start, message);
        }
    }
}

/// A span does not end before it begins, `until` ends one date, not an interval, and what is
/// not planned is not reported before it can have happened.
fn check_dates(event: &RawEvent, damage: &Damage, findings: &mut Findings) {
    if damage.has("date") {
        return;
    }
    let date = event.date.get_ref();
    // The first day it may cover: none for an open or unknown start.
    let first = date.days().first;
    if let Some(until) = event.until.as_ref().filter(|_| date.is_interval()) {
        let message = "`until` goes with one date; write the interval's end in `date` (e.g. \"2023-08/2023-11-01\") and remove `until`";
        findings.add(until.span().start, message.into());
    } else if let Some(until) = event.until.as_ref().filter(|until| until.get_ref().last_day() < first) {
        let message =
            format!("`until` {} is before `date` {date}; swap them or correct one", until.get_ref());
        findings.add(until.span().start, message);
    }
    let ahead = matches!(event.status, Status::Planned | Status::Pledged) || damage.has("status");
    if let Some(reported) = event.reported.as_ref().filter(|r| !ahead && r.get_ref().last_day() < first) {
        let message = format!(
            "`reported` {} is before `date` {date}; only a planned or pledged event is reported before it happens: correct one",
            reported.get_ref()
        );
        findings.add(reported.span().start, message);
    }
}

/// A credibility comes with its reason, and a reason with its credibility.
fn check_credibility(event: &RawEvent, damage: &Damage, findings: &mut Findings) {
    if damage.has("credibility") || damage.has("credibility_reason") {
        return; // Its problem is reported already, and the other half would be reported alone.
    }
    match (&event.credibility, &event.credibility_reason) {
        (Some(credibility), None) => findings.add(
            credibility.span().start,
            "`credibility` needs a `credibility_reason`: say in a line why".into(),
        ),
        (None, Some(reason)) => findings.add(
            reason.span().start,
            "`credibility_reason` needs a `credibility`: 1 (confirmed by other sources) to 6 (truth cannot be judged)".into(),
        ),
        (_, Some(reason)) if reason.get_ref().trim().is_empty() => {
            findings.add(reason.span().start, "`credibility_reason` is empty; write it out".into())
        }
        _ => {}
    }
}

/// No list is too long or names anything twice, and a transfer goes between two parties.
fn check_lists(event: &RawEvent, findings: &mut Findings) {
    let lists = [
        ("actors", &event.actors),
        ("weapons", &event.weapons),
        ("claimed_by", event.claimed_by.get_ref()),
        ("related", &event.related),
    ];
    for (field, list) in lists {
        if let Some(problem) = too_many(list.len(), ENTRIES_PER_LIST) {
            findings.add(list[ENTRIES_PER_LIST].span().start, format!("`{field}` {problem}"));
            continue;
        }
        for repeat in repeats(list, |id| id.get_ref()) {
            let message =
                format!("`{field}` names \"{}\" twice; remove the repeat", shown_id(repeat.get_ref()));
            findings.add(repeat.span().start, message);
        }
    }
    let spans = [
        (
            "quantities",
            event.quantities.iter().map(|q| q.span().start).nth(ENTRIES_PER_LIST),
            event.quantities.len(),
        ),
        (
            "citations",
            event.citations.iter().map(|c| c.source.span().start).nth(ENTRIES_PER_LIST),
            event.citations.len(),
        ),
    ];
    for (field, beyond, count) in spans {
        if let (Some(problem), Some(at)) = (too_many(count, ENTRIES_PER_LIST), beyond) {
            findings.add(at, format!("`{field}` {problem}"));
        }
    }
    if let (Some(from), Some(to)) = (&event.from, &event.to) {
        if from.get_ref() == to.get_ref() {
            let message = format!(
                "`from` and `to` are both \"{}\"; a transfer goes from one party to another",
                shown_id(to.get_ref())
            );
            findings.add(to.span().start, message);
        }
    }
}

/// The entries of `items` equal (by `key`) to an earlier one, in order.
fn repeats<'a, T, K: Eq + Hash>(items: &'a [T], key: impl Fn(&'a T) -> K) -> Vec<&'a T> {
    if items.len() <= 16 {
        // Lists are short: comparing each pair beats building a set, for every event.
        let earlier = |i: usize| items[..i].iter().any(|other| key(other) == key(&items[i]));
        return (0..items.len()).filter(|&i| earlier(i)).map(|i| &items[i]).collect();
    }
    let mut seen = FxHashSet::default();
    items.iter().filter(|item| !seen.insert(key(item))).collect()
}

/// Every actor, weapon and source named exists; no event is related to itself; someone
/// claims it. Whether each citation's source is known, in order.
fn check_references(
    event: &RawEvent,
    refs: &References<'_>,
    damage: &Damage,
    findings: &mut Findings,
) -> Vec<bool> {
    let mut check = |registry: &Registry, reference: &Id| match registry.check(reference.get_ref()) {
        Reference::Known => true,
        Reference::Unknown(message) => {
            findings.add(reference.span().start, message);
            false
        }
        Reference::Unjudged => false,
    };
    for actor in event.actors.iter().chain(&event.from).chain(&event.to).chain(event.claimed_by.get_ref()) {
        check(refs.actors, actor);
    }
    for weapon in &event.weapons {
        check(refs.weapons, weapon);
    }
    let sources_known = event.citations.iter().map(|c| check(refs.sources, &c.source)).collect();
    for related in event.related.iter().filter(|r| r.get_ref() == event.id.get_ref()) {
        findings.add(
            related.span().start,
            "an event cannot be related to itself; remove it from `related`".into(),
        );
    }
    if event.claimed_by.get_ref().is_empty() && !damage.has("claimed_by") {
        let message = "`claimed_by` is empty; name who asserts this (an actor id)";
        findings.add(event.claimed_by.span().start, message.into());
    }
    sources_known
}

/// The event is cited, once by each citation; each quote is long enough to prove something,
/// and a known source's quote is in its article, in whole words.
fn check_citations<'e>(
    event: &'e RawEvent,
    refs: &References<'_>,
    sources_known: &[bool],
    damage: &Damage,
    findings: &mut Findings,
) {
    if event.citations.is_empty() && !damage.has("citations") {
        let message =
            "the event has no citations; add [[event.citations]] with a source id and a verbatim quote";
        findings.add(event.id.span().start, message.into());
    }
    let cited = |c: &'e RawCitation| (c.source.get_ref(), normalised(c.quote.get_ref()));
    for repeat in repeats(&event.citations, cited) {
        let message = "this citation repeats an earlier one (same source and quote); remove it";
        findings.add(repeat.source.span().start, message.into());
    }
    for (citation, &known) in event.citations.iter().zip(sources_known) {
        let quote = normalised(citation.quote.get_ref());
        let at = citation.quote.span().start;
        if quote.is_empty() {
            findings.add(at, "the quote is empty; copy the supporting words from the article".into());
            continue;
        }
        if quote.splitn(QUOTE_MIN_WORDS, ' ').count() < QUOTE_MIN_WORDS
            || quote.chars().take(QUOTE_MIN_CHARS).count() < QUOTE_MIN_CHARS
        {
            let message = format!(
                "the quote is too short to prove anything; cite at least {QUOTE_MIN_WORDS} words and {QUOTE_MIN_CHARS} characters of the article"
            );
            findings.add(at, message);
        }
        let Some(article) = refs.articles.get(citation.source.get_ref()).filter(|_| known) else {
            continue; // An unknown source is reported above; an unreadable article at the source.
        };
        match find_quote(article, &quote) {
            None => {
                let message = format!(
                    "quote not found in source \"{}\"; copy it exactly from the article (only white space and typographic quotes may differ)",
                    citation.source.get_ref()
                );
                findings.add(at, message);
            }
            Some(found) if !found.whole_words => {
                let message =
                    "the quote starts or ends inside a word of the article; extend it to whole words";
                findings.add(at, message.into());
            }
            Some(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(fields: &str) -> RawEvent {
        let text = format!(
            "id = \"e\"\ntitle = \"t\"\nsummary = \"s\"\nkind = \"other\"\nactors = []\nclaimed_by = [\"a\"]\n{fields}\n"
        );
        toml::from_str(&text).expect("an event")
    }

    fn problems(check: impl Fn(&RawEvent, &mut Findings), fields: &str) -> Vec<String> {
        let mut findings = Findings { base: 0, problems: Vec::new() };
        check(&event(fields), &mut findings);
        findings.problems.into_iter().map(|(_, message)| message).collect()
    }

    #[test]
    fn only_what_is_planned_or_pledged_is_reported_before_it_happens() {
        let dates = |fields: &str| problems(|e, f| check_dates(e, &Damage::default(), f), fields);
        assert_eq!(dates("date = \"2023-08\"\nreported = \"2023-08-31\"\nstatus = \"reported\"").len(), 0);
        assert_eq!(dates("date = \"2023-08\"\nreported = \"2023-07-31\"\nstatus = \"reported\"").len(), 1);
        assert_eq!(dates("date = \"2024\"\nreported = \"2023-07\"\nstatus = \"planned\"").len(), 0);
        assert_eq!(dates("date = \"2024\"\nreported = \"2023-07\"\nstatus = \"pledged\"").len(), 0);
        let damaged = Damage(vec!["date".into()]);
        let none = problems(
            |e, f| check_dates(e, &damaged, f),
            "date = \"2000\"\nuntil = \"1999\"\nstatus = \"reported\"",
        );
        assert!(none.is_empty(), "a stand-in date is not compared");
    }

    #[test]
    fn lists_name_each_thing_once_and_transfers_go_somewhere() {
        let lists = |fields: &str| problems(check_lists, fields);
        let base = "date = \"2023\"\nstatus = \"reported\"\n";
        assert!(lists(&format!("{base}weapons = [\"a\", \"b\"]\nfrom = \"x\"\nto = \"y\"")).is_empty());
        let found = lists(&format!("{base}weapons = [\"a\", \"b\", \"a\", \"a\"]\nfrom = \"x\"\nto = \"x\""));
        assert_eq!(found.len(), 3, "{found:?}: each repeat, and from = to");
        let many: Vec<String> = (0..300).map(|i| format!("\"w{i}\"")).collect();
        let found = lists(&format!("{base}weapons = [{}, \"w0\"]", many.join(", ")));
        assert_eq!(
            found,
            ["`weapons` has 301 entries; keep it to 256 at most"],
            "no more work on a list too long"
        );
    }

    #[test]
    fn repeats_are_found_in_short_and_long_lists_alike() {
        let short = [1, 2, 1, 3, 2, 1];
        assert_eq!(repeats(&short, |n| *n), [&1, &2, &1]);
        let long: Vec<u32> = (0..40).chain([5, 39, 5]).collect();
        assert_eq!(repeats(&long, |n| *n), [&5, &39, &5]);
    }
}

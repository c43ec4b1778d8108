//! One event's checks, each a small function for one family of problems (texts, dates,
//! references, quantities, citations), and its conversion into the model's `Event`. Safe on
//! many threads at once; references to other events are checked across files (`links`).

use rustc_hash::FxHashMap as HashMap;

use super::parse::RecordProblem;
use super::provenance::{contains, normalised};
use super::raw::{Id, RawEvent};
use super::registry::{Reference, Registry, invalid_id};
use crate::model::{Citation, Event, EventFacets, Qualifier, Quantity, Tally, Unit, group_thousands};
use crate::text::suggest_id;

/// The longest a title, a summary and a quote may be, in characters: past these a record is
/// almost surely a paste gone wrong, and would swamp the screen and the export.
const TITLE_LIMIT: usize = 500;
const SUMMARY_LIMIT: usize = 20_000;
const QUOTE_LIMIT: usize = 10_000;

/// What an event's references are checked against.
pub(crate) struct References<'r> {
    pub(crate) sources: &'r Registry,
    pub(crate) actors: &'r Registry,
    pub(crate) weapons: &'r Registry,
    /// Each source's article, normalised for quote matching.
    pub(crate) articles: &'r HashMap<String, String>,
}

/// A checked event, what the filter reads of it, and where it is written.
pub(crate) type Checked = (Box<Event>, EventFacets, Placement);

/// Where an event is written, for the checks across files.
pub(crate) struct Placement {
    /// The file's index in the problem log.
    pub(crate) file: usize,
    pub(crate) id_offset: usize,
    /// Where each of the event's `related` ids is written.
    pub(crate) related_offsets: Vec<usize>,
}

/// The problems found in one event, at offsets in its file.
struct Findings<'e> {
    /// Where the text the event's spans count from starts in its file.
    base: usize,
    id: &'e str,
    problems: Vec<RecordProblem>,
}

impl Findings<'_> {
    fn add(&mut self, offset: usize, message: String) {
        self.problems.push((self.base + offset, format!("event {}", self.id), message));
    }
}

/// Check one event against the taxonomies and its articles, and convert it.
/// Offsets are the spans' plus `base`, where the text they count from starts in the file.
pub(crate) fn check_event(
    event: RawEvent,
    refs: &References<'_>,
    base: usize,
) -> (Checked, Vec<RecordProblem>) {
    let mut findings = Findings { base, id: event.id.get_ref(), problems: Vec::new() };
    check_texts(&event, &mut findings);
    check_dates(&event, &mut findings);
    let sources_known = check_references(&event, refs, &mut findings);
    check_quantities(&event, refs, &mut findings);
    check_citations(&event, refs, &sources_known, &mut findings);
    // Last, as when ids were checked after the other checks: problems at one place keep
    // their order.
    if let Some(message) = invalid_id(event.id.get_ref()) {
        findings.add(event.id.span().start, message);
    }
    let problems = findings.problems;
    let placement = Placement {
        file: 0,
        id_offset: base + event.id.span().start,
        related_offsets: event.related.iter().map(|r| base + r.span().start).collect(),
    };
    let event = into_event(event);
    let facets = EventFacets::of(
        &event,
        |id| refs.actors.position(id),
        |id| refs.weapons.position(id),
        |id| refs.sources.position(id),
    );
    ((Box::new(event), facets, placement), problems)
}

/// Titles and summaries written out, and titles, summaries and quotes within their limits.
fn check_texts(event: &RawEvent, findings: &mut Findings<'_>) {
    for (field, value) in [("title", &event.title), ("summary", &event.summary)] {
        if value.get_ref().trim().is_empty() {
            findings.add(value.span().start, format!("`{field}` is empty; write it out"));
        }
    }
    let long = |text: &str, limit: usize| text.len() > limit && text.chars().count() > limit;
    let length = |text: &str| group_thousands(text.chars().count() as u64);
    for (field, value, limit) in
        [("title", &event.title, TITLE_LIMIT), ("summary", &event.summary, SUMMARY_LIMIT)]
    {
        if long(value.get_ref(), limit) {
            let (length, limit) = (length(value.get_ref()), group_thousands(limit as u64));
            findings.add(
                value.span().start,
                format!("`{field}` is {length} characters long; keep it under {limit}"),
            );
        }
    }
    for citation in &event.citations {
        if long(citation.quote.get_ref(), QUOTE_LIMIT) {
            let (length, limit) = (length(citation.quote.get_ref()), group_thousands(QUOTE_LIMIT as u64));
            let message = format!(
                "the quote is {length} characters long; cite the passage that supports the event, under {limit}"
            );
            findings.add(citation.quote.span().start, message);
        }
    }
}

/// A span does not end before it begins.
fn check_dates(event: &RawEvent, findings: &mut Findings<'_>) {
    if let Some(until) = &event.until {
        if until.get_ref().last_day() < event.date.get_ref().first_day() {
            let message = format!(
                "`until` {} is before `date` {}; swap them or correct one",
                until.get_ref(),
                event.date.get_ref()
            );
            findings.add(until.span().start, message);
        }
    }
}

/// Every actor, weapon and source named exists; no event is related to itself; someone
/// claims it. Whether each citation's source is known, in order.
fn check_references(event: &RawEvent, refs: &References<'_>, findings: &mut Findings<'_>) -> Vec<bool> {
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
    if event.claimed_by.get_ref().is_empty() {
        let message = "`claimed_by` is empty; name who asserts this (an actor id)";
        findings.add(event.claimed_by.span().start, message.into());
    }
    sources_known
}

/// `amount_max` goes with "between", is not less than `amount`; a share is at most 100
/// percent; the item is a weapon of the event's or a tally term; `as_of` is not before the
/// event's date.
fn check_quantities(event: &RawEvent, refs: &References<'_>, findings: &mut Findings<'_>) {
    for quantity in &event.quantities {
        let q = quantity.get_ref();
        let amount = *q.amount.get_ref();
        let between = q.qualifier.as_ref().is_some_and(|k| *k.get_ref() == Qualifier::Between);
        match (&q.amount_max, between) {
            (None, true) => {
                findings.add(quantity.span().start, "qualifier \"between\" needs `amount_max`".into())
            }
            (Some(max), _) if *max.get_ref() < amount => findings.add(
                max.span().start,
                format!("`amount_max` {} is less than `amount` {amount}", max.get_ref()),
            ),
            (Some(max), false) if q.qualifier.is_some() => findings
                .add(max.span().start, "`amount_max` goes with qualifier \"between\" (or none)".into()),
            _ => {}
        }
        if q.unit == Unit::Percent {
            for value in std::iter::once(&q.amount).chain(&q.amount_max).filter(|v| *v.get_ref() > 100) {
                let message =
                    format!("a percentage is at most 100, not {}; is the unit \"count\"?", value.get_ref());
                findings.add(value.span().start, message);
            }
        }
        check_item(event, &q.item, refs, findings);
        if let Some(as_of) = &q.as_of {
            if as_of.get_ref().last_day() < event.date.get_ref().first_day() {
                let message = format!(
                    "`as_of` {} is before the event's `date` {}; a figure holds during or after its event",
                    as_of.get_ref(),
                    event.date.get_ref()
                );
                findings.add(as_of.span().start, message);
            }
        }
        if let Some(note) = q.note.as_ref().filter(|n| n.get_ref().trim().is_empty()) {
            findings.add(note.span().start, "`note` is empty; write it out or remove it".into());
        }
    }
}

/// A quantity's item: a tally term, or a weapon type the event names in `weapons` (so that
/// filtering by the weapon finds the figure).
fn check_item(event: &RawEvent, item: &Id, refs: &References<'_>, findings: &mut Findings<'_>) {
    let id = item.get_ref();
    // A weapon the event lists is checked (and any problem reported) with `weapons`.
    if Tally::parse(id).is_some() || event.weapons.iter().any(|w| w.get_ref() == id) {
        return;
    }
    let terms = || Tally::ALL.iter().map(|t| t.as_str()).collect::<Vec<_>>().join(", ");
    // When one of the event's weapons is itself unknown, it is likely this item misspelt: said once, there.
    let weapons_known =
        || event.weapons.iter().all(|w| matches!(refs.weapons.check(w.get_ref()), Reference::Known));
    match refs.weapons.check(id) {
        Reference::Known if !weapons_known() => {}
        Reference::Known => findings.add(
            item.span().start,
            format!("the quantity counts \"{id}\", which is not in the event's `weapons`; add it there"),
        ),
        Reference::Unjudged => {}
        Reference::Unknown(message) => {
            // The event's own weapons and the tally terms are the likeliest meanings.
            let near = event
                .weapons
                .iter()
                .map(|w| w.get_ref().as_str())
                .chain(Tally::ALL.iter().map(|t| t.as_str()));
            let message = match suggest_id(id, near.map(|n| (n, n))) {
                Some(near) => format!(
                    "unknown item \"{id}\"; did you mean \"{near}\"? an item is a weapon id from data/weapons.toml or one of: {}",
                    terms()
                ),
                None => format!(
                    "{}; for what is not a weapon, use one of: {}",
                    message.replacen("unknown weapon", "unknown item", 1),
                    terms()
                ),
            };
            findings.add(item.span().start, message);
        }
    }
}

/// The event is cited, and each quote of a known source is in its article.
fn check_citations(
    event: &RawEvent,
    refs: &References<'_>,
    sources_known: &[bool],
    findings: &mut Findings<'_>,
) {
    if event.citations.is_empty() {
        let message =
            "the event has no citations; add [[event.citations]] with a source id and a verbatim quote";
        findings.add(event.id.span().start, message.into());
    }
    for (citation, &known) in event.citations.iter().zip(sources_known) {
        let Some(article) = refs.articles.get(citation.source.get_ref()).filter(|_| known) else {
            continue; // An unknown source is reported above; an unreadable article at the source.
        };
        let quote = normalised(citation.quote.get_ref());
        if quote.is_empty() {
            let message = "the quote is empty; copy the supporting words from the article";
            findings.add(citation.quote.span().start, message.into());
        } else if !contains(article.as_bytes(), quote.as_bytes()) {
            let message = format!(
                "quote not found in source \"{}\"; copy it exactly from the article (only white space and typographic quotes may differ)",
                citation.source.get_ref()
            );
            findings.add(citation.quote.span().start, message);
        }
    }
}

fn tight(mut text: String) -> String {
    text.shrink_to_fit();
    text
}

fn exact<T>(mut items: Vec<T>) -> Vec<T> {
    items.shrink_to_fit();
    items
}

/// The model's event. Collected vectors reuse the larger buffers of their spanned sources and
/// parsed strings may carry spare room: every field is built at its exact size, as the
/// dataset keeps them all.
fn into_event(event: RawEvent) -> Event {
    let text = |s: toml::Spanned<String>| tight(s.into_inner());
    let texts = |v: Vec<Id>| -> Vec<String> { v.into_iter().map(text).collect() };
    let quantity = |q: toml::Spanned<super::raw::RawQuantity>| {
        let q = q.into_inner();
        Quantity {
            item: text(q.item),
            unit: q.unit,
            amount: q.amount.into_inner(),
            amount_max: q.amount_max.map(toml::Spanned::into_inner),
            qualifier: q.qualifier.map(toml::Spanned::into_inner),
            as_of: q.as_of.map(toml::Spanned::into_inner),
            note: q.note.map(text),
        }
    };
    Event {
        id: text(event.id),
        date: event.date.into_inner(),
        until: event.until.map(toml::Spanned::into_inner),
        date_basis: event.date_basis.map(tight),
        reported: event.reported,
        reported_basis: event.reported_basis.map(tight),
        title: text(event.title),
        summary: text(event.summary),
        kind: event.kind,
        status: event.status,
        actors: exact(texts(event.actors)),
        weapons: exact(texts(event.weapons)),
        from: event.from.map(text),
        to: event.to.map(text),
        claimed_by: exact(texts(event.claimed_by.into_inner())),
        related: exact(texts(event.related)),
        quantities: exact(event.quantities.into_iter().map(quantity).collect()),
        citations: exact(
            event
                .citations
                .into_iter()
                .map(|c| Citation { source: text(c.source), quote: text(c.quote) })
                .collect(),
        ),
    }
}

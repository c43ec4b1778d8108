//! An event's quantities checked: amounts that read as an interval, shares within 100, an
//! item that names a weapon of the event or a tally term (with did-you-mean), and an `as_of`
//! not before the event (docs/DATA.md, "Quantities").

use super::diagnose::Damage;
use super::events::{Findings, References};
use super::raw::{Id, RawEvent};
use super::registry::Reference;
use crate::model::{Qualifier, Tally, Unit};
use crate::text::suggest_id;

/// `amount_max` goes with "between", is not less than `amount`; a share is at most 100
/// percent; the item is a weapon of the event's or a tally term; `as_of` is not before the
/// event's date.
pub(super) fn check_quantities(
    event: &RawEvent,
    refs: &References<'_>,
    damage: &Damage,
    findings: &mut Findings,
) {
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
        if !damage.has("weapons") {
            check_item(event, &q.item, refs, findings);
        }
        // The first day the event may cover: none for an open or unknown start.
        let start = event.date.get_ref().start();
        if let (Some(as_of), Some(start)) = (&q.as_of, start.known().filter(|_| !damage.has("date"))) {
            if as_of.get_ref().last_day() < start.date.first_day() {
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
fn check_item(event: &RawEvent, item: &Id, refs: &References<'_>, findings: &mut Findings) {
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

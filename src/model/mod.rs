//! The records of a dataset (sources, actors, weapon types, events), then the dataset that
//! indexes them. Records first, so the loader and the exports can build and read them alone.

mod dataset;
mod index;
mod order;
mod provenance;
mod quantity;
mod records;
mod vocabulary;

pub use dataset::{Dataset, SearchFields};
pub(crate) use index::{EventFacets, IdIndex};
pub use provenance::Origin;
pub(crate) use provenance::{Place, Provenance};
pub use quantity::{Interval, Quantity, Tally, Unit, group_thousands};
pub use records::{Actor, Citation, Event, Source, WeaponType};
pub use vocabulary::{ActorKind, Credibility, EventKind, Grade, Qualifier, Rating, Status, WeaponCategory};

#[cfg(test)]
mod tests {
    use super::*;
    use order::id_prefix;
    use rayon::prelude::*;

    #[test]
    fn id_prefixes_order_as_their_ids() {
        let mut ids = ["b", "a", "ab", "abc", "abcdefghijklmnopq", "abcdefghijklmnop", "abd", "a-b", "a0"];
        let mut by_prefix = ids;
        by_prefix.sort_by(|a, b| id_prefix(a).cmp(&id_prefix(b)).then_with(|| a.cmp(b)));
        ids.sort();
        assert_eq!(by_prefix, ids);
    }

    #[test]
    fn id_index_finds_ids_and_each_repeat_with_its_first() {
        let ids = ["b", "a", "c", "a", "b", "a"];
        let index = IdIndex::new(ids.par_iter().copied());
        let id_of = |i: usize| ids[i];
        assert_eq!(index.find("c", id_of), Some(2));
        assert_eq!(index.find("a", id_of).map(|i| ids[i]), Some("a"));
        assert_eq!(index.find("d", id_of), None);
        assert_eq!(index.repeats(id_of), vec![(3, 1), (4, 0), (5, 1)]);
        let unique = ["x", "y"];
        assert!(IdIndex::new(unique.par_iter().copied()).repeats(|i| unique[i]).is_empty());
    }

    #[test]
    fn an_id_index_reordered_is_the_index_of_the_reordered_ids() {
        let ids = ["b", "a", "c", "a", "b", "a", "d"];
        let order = [6u32, 3, 0, 5, 2, 1, 4];
        let reordered: Vec<&str> = order.iter().map(|&i| ids[i as usize]).collect();
        assert_eq!(
            IdIndex::new(ids.par_iter().copied()).reordered(&order),
            IdIndex::new(reordered.par_iter().copied())
        );
    }

    #[test]
    fn quantities_read_as_written() {
        let q = |amount, amount_max, qualifier, unit, note: Option<&str>| Quantity {
            item: "artillery-shells".into(),
            unit,
            amount,
            amount_max,
            qualifier,
            as_of: None,
            note: note.map(str::to_string),
        };
        let count = Unit::Count;
        assert_eq!(q(1_000_000, None, Some(Qualifier::Over), count, None).amount_label(), "over 1,000,000");
        assert_eq!(q(120, None, Some(Qualifier::UpTo), count, None).amount_label(), "up to 120");
        assert_eq!(
            q(5000, Some(10000), Some(Qualifier::Between), Unit::PerDay, None).amount_label(),
            "5,000–10,000 a day"
        );
        assert_eq!(q(40, None, Some(Qualifier::UpTo), Unit::Percent, None).amount_label(), "up to 40%");
        assert_eq!(q(2, None, None, Unit::Months, None).amount_label(), "2 months");
        assert_eq!(q(1, None, None, Unit::Months, None).amount_label(), "1 month");
        assert_eq!(
            q(10, None, Some(Qualifier::AtLeast), count, Some("in one month")).to_string(),
            "artillery-shells: at least 10 (in one month)"
        );
        assert_eq!(q(100, None, None, count, None).describe("Artillery shells"), "Artillery shells: 100");
    }

    #[test]
    fn vocabulary_round_trips_through_its_text() {
        for kind in EventKind::ALL {
            let parsed: EventKind = serde_json::from_str(&format!("\"{kind}\"")).unwrap();
            assert_eq!(parsed, *kind);
        }
        assert_eq!(WeaponCategory::ArtilleryAmmunition.as_str(), "artillery-ammunition");
    }

    #[test]
    fn credibility_is_a_number_from_one_to_six_and_pairs_with_the_grade() {
        for credibility in Credibility::ALL {
            let number = credibility.number();
            assert_eq!(Credibility::from_number(i64::from(number)), Some(*credibility));
            let parsed: Credibility = serde_json::from_str(&number.to_string()).unwrap();
            assert_eq!(parsed, *credibility);
        }
        for refused in ["0", "7", "-1", "\"2\"", "2.0"] {
            assert!(serde_json::from_str::<Credibility>(refused).is_err(), "{refused}");
        }
        let rating = |grade, credibility| Rating { grade, credibility }.to_string();
        assert_eq!(rating(Some(Grade::B), Some(Credibility::ProbablyTrue)), "B2");
        assert_eq!(rating(Some(Grade::D), None), "D", "not rated: the grade alone");
        let pair = Rating { grade: Some(Grade::B), credibility: Some(Credibility::ProbablyTrue) };
        assert_eq!(pair.meaning(), "source usually reliable; probably true");
    }
}

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
pub use quantity::{Quantity, group_thousands};
pub use records::{Actor, Citation, Event, Source, WeaponType};
pub use vocabulary::{ActorKind, EventKind, Grade, Qualifier, Status, WeaponCategory};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::lowercase;
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
    fn facets_the_loader_computes_equal_those_the_dataset_computes() {
        let loaded = crate::load::load(&crate::load::Bundled).expect("the bundled dataset loads");
        let (sources, actors, weapons) =
            (loaded.sources().to_vec(), loaded.actors().to_vec(), loaded.weapons().to_vec());
        let rebuilt =
            Dataset::new(loaded.name().to_string(), sources, actors, weapons, loaded.events().to_vec());
        assert_eq!(rebuilt.events(), loaded.events());
        for i in 0..loaded.events().len() {
            let id = &loaded.events()[i].id;
            assert_eq!(rebuilt.event_actors(i), loaded.event_actors(i), "{id}");
            assert_eq!(rebuilt.event_weapons(i), loaded.event_weapons(i), "{id}");
            assert_eq!(rebuilt.event_sources(i), loaded.event_sources(i), "{id}");
            assert_eq!(rebuilt.search_mask(i), loaded.search_mask(i), "{id}");
            assert!(!loaded.event_actors(i).is_empty() && !loaded.event_sources(i).is_empty(), "{id}");
        }
    }

    #[test]
    fn each_event_mask_holds_the_letters_of_what_search_reads() {
        let dataset = crate::load::load(&crate::load::Bundled).expect("the bundled dataset loads");
        let mut fields = Vec::new();
        for index in 0..dataset.events().len() {
            dataset.search_fields_into(index, &mut fields);
            let expected = fields.iter().fold(0, |all, f| all | crate::text::char_mask(&lowercase(f)));
            assert_eq!(dataset.search_mask(index), expected, "{}", dataset.events()[index].id);
        }
    }

    #[test]
    fn quantities_read_as_written() {
        let q = |amount, amount_max, qualifier, item: Option<&str>| Quantity {
            amount,
            amount_max,
            unit: "shells".into(),
            item: item.map(str::to_string),
            qualifier,
        };
        assert_eq!(q(1_000_000, None, Some(Qualifier::Over), None).to_string(), "over 1,000,000 shells");
        assert_eq!(q(120, None, Some(Qualifier::UpTo), None).to_string(), "up to 120 shells");
        assert_eq!(q(5000, Some(10000), Some(Qualifier::Between), None).to_string(), "5,000–10,000 shells");
        assert_eq!(q(10, None, None, Some("ammunition")).to_string(), "10 shells (ammunition)");
        assert_eq!(q(100, None, None, None).to_string(), "100 shells");
    }

    #[test]
    fn vocabulary_round_trips_through_its_text() {
        for kind in EventKind::ALL {
            let parsed: EventKind = serde_json::from_str(&format!("\"{kind}\"")).unwrap();
            assert_eq!(parsed, *kind);
        }
        assert_eq!(WeaponCategory::ArtilleryAmmunition.as_str(), "artillery-ammunition");
    }
}

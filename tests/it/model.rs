//! The dataset's indexes, checked against the bundled dataset as the loader builds it.

use annals::model::Dataset;
use annals::text::lowercase;

#[test]
fn facets_the_loader_computes_equal_those_the_dataset_computes() {
    let loaded = annals::load::load(&annals::load::Bundled).expect("the bundled dataset loads");
    let (sources, actors, weapons) =
        (loaded.sources().to_vec(), loaded.actors().to_vec(), loaded.weapons().to_vec());
    let rebuilt = Dataset::new(loaded.name().to_string(), sources, actors, weapons, loaded.events().to_vec());
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
    let dataset = annals::load::load(&annals::load::Bundled).expect("the bundled dataset loads");
    let mut fields = Vec::new();
    for index in 0..dataset.events().len() {
        dataset.search_fields_into(index, &mut fields);
        let expected = fields.iter().fold(0, |all, f| all | annals::text::char_mask(&lowercase(f)));
        assert_eq!(dataset.search_mask(index), expected, "{}", dataset.events()[index].id);
    }
}

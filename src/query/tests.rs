use super::*;
use crate::search::Mode;

fn q(text: &str) -> Query {
    text.parse().unwrap()
}

fn error(text: &str) -> String {
    text.parse::<Query>().unwrap_err().to_string()
}

#[test]
fn parses_facets_dates_and_words() {
    let query = q("actor:north-korea weapon:kn-23 from:2024 missiles Actor:russia");
    assert_eq!(query.values(Facet::Actor), ["north-korea", "russia"]);
    assert_eq!(query.values(Facet::Weapon), ["kn-23"]);
    assert_eq!(query.from, Some("2024".parse().unwrap()));
    assert_eq!(query.words, [Word::free("missiles")]);
    assert_eq!(
        q("12:32 kn-23").words,
        [Word::free("12:32"), Word::free("kn-23")],
        "a key begins with a letter"
    );
}

#[test]
fn every_facet_has_a_key() {
    let query = q("status:disputed kind:denial claimant:nis sender:russia receiver:north-korea grade:b \
                   country:south-korea actor:kim-jong-un weapon:kn-23 source:kyiv-post-2025-02");
    for (facet, value) in [
        (Facet::Status, "disputed"),
        (Facet::Kind, "denial"),
        (Facet::Claimant, "nis"),
        (Facet::Sender, "russia"),
        (Facet::Receiver, "north-korea"),
        (Facet::Grade, "b"),
        (Facet::Country, "south-korea"),
        (Facet::Actor, "kim-jong-un"),
        (Facet::Weapon, "kn-23"),
        (Facet::Source, "kyiv-post-2025-02"),
    ] {
        assert_eq!(query.values(facet), [value], "{facet:?}");
    }
    assert_eq!(q("Status:DISPUTED").values(Facet::Status), ["disputed"], "keys and values fold case");
}

#[test]
fn negation_excludes_values_and_words() {
    let query = q("!status:denied !kursk !'kim !\"long range\"");
    assert_eq!(query.excluded(Facet::Status), ["denied"]);
    assert!(query.values(Facet::Status).is_empty());
    let words: Vec<(String, Mode, bool)> =
        query.words.iter().map(|w| (w.text.clone(), w.mode, w.negated)).collect();
    assert_eq!(
        words,
        [
            ("kursk".to_string(), Mode::Fuzzy, true),
            ("kim".to_string(), Mode::Exact, true),
            ("long range".to_string(), Mode::Phrase, true)
        ]
    );
}

#[test]
fn exact_words_and_phrases() {
    let query = q("'kim \"long   range\" shells \"arms-for");
    let words: Vec<(&str, Mode)> = query.words.iter().map(|w| (w.text.as_str(), w.mode)).collect();
    assert_eq!(
        words,
        [
            ("kim", Mode::Exact),
            ("long range", Mode::Phrase),
            ("shells", Mode::Fuzzy),
            ("arms-for", Mode::Phrase)
        ],
        "a phrase's spaces are single, and an unclosed one runs to the end"
    );
}

#[test]
fn grades_are_a_letter_or_a_range() {
    assert_eq!(grade_bits("b"), Some(0b10));
    assert_eq!(grade_bits("a-c"), Some(0b111));
    assert_eq!(grade_bits("c-a"), None, "the better grade first");
    assert_eq!(grade_bits("g"), None);
    assert!(q("grade:A-C").values(Facet::Grade) == ["a-c"]);
    assert!(error("grade:z").contains("valid grades: a, b, c, d, e, f, or a range"));
}

#[test]
fn string_form_round_trips() {
    for text in [
        "",
        "actor:north-korea weapon:kn-23 from:2024 missiles",
        "actor:a actor:b weapon:w source:s from:2023-08 to:2023-11-01 artillery shells",
        "to:2025",
        "status:disputed !status:denied kind:denial claimant:nis sender:russia receiver:north-korea grade:a-c country:south-korea",
        "!kursk 'kim \"long range\" !\"arms for\" 8,000 order:reported",
    ] {
        let query = q(text);
        assert_eq!(q(&query.to_string()), query, "{text:?}");
        assert_eq!(query.to_string(), text);
    }
    assert_eq!(q("shells  from:2023   actor:x").to_string(), "actor:x from:2023 shells", "canonical order");
    assert_eq!(q("order:date").to_string(), "", "the default order is not written");
}

#[test]
fn rejects_bad_values() {
    assert_eq!("actor:".parse::<Query>(), Err(QueryError::MissingValue("actor")));
    assert!(matches!("from:2023-13".parse::<Query>(), Err(QueryError::BadDate { facet: "from", .. })));
    assert!(matches!("from:2023 from:2024".parse::<Query>(), Err(QueryError::Repeated { .. })));
    assert!(matches!("from:2024 to:2023".parse::<Query>(), Err(QueryError::Inverted { .. })));
    assert!("from:2023 from:2023".parse::<Query>().is_ok(), "the same bound twice is harmless");
    assert!(error("!from:2023").contains("cannot be excluded"));
    assert!(error("!").contains("nothing to search for"));
    assert!(error("'").contains("nothing to search for"));
    assert!(error("\"\"").contains("nothing to search for"));
    assert!(error("order:claimed").contains("valid orders: date, reported"));
}

#[test]
fn an_unknown_key_is_an_error_with_a_suggestion() {
    let message = error("actr:north-korea");
    assert!(message.starts_with("unknown key `actr:` (did you mean `actor:`?); keys:"), "{message}");
    assert!(message.contains(
        "status, kind, claimant, sender, receiver, grade, country, actor, weapon, source, from, to, order"
    ));
    assert!(error("bogus:x").starts_with("unknown key `bogus:`; keys:"));
    assert!(q("\"bogus:x\"").words.len() == 1, "quoted, it is text");
}

#[test]
fn closed_vocabularies_are_checked_with_did_you_mean() {
    assert_eq!(
        error("status:disputd"),
        "unknown status \"disputd\" (did you mean \"disputed\"?); valid statuses: reported, confirmed, denied, disputed, pledged, planned",
    );
    assert!(error("kind:denail").contains("(did you mean \"denial\"?)"));
}

#[test]
fn merge_adds_flags_to_the_query_string() {
    let merged = q("actor:a shells").merge(q("actor:b actor:a from:2023")).unwrap();
    assert_eq!(merged.to_string(), "actor:a actor:b from:2023 shells");
    assert!(q("from:2023").merge(q("from:2024")).is_err());
    assert_eq!(q("kursk").merge(q("order:reported")).unwrap().order, Order::Reported);
}

#[test]
fn narrowing_is_claimed_only_where_it_is_exact() {
    let narrows = |now: &str, before: &str| q(now).narrows(&q(before));
    assert!(narrows("artil", "art"));
    assert!(narrows("artillery shells", "artillery"));
    assert!(narrows("'kurs", "'kur"));
    assert!(narrows("\"long ra", "\"long"));
    assert!(narrows("kursk !denied", "kursk"), "an exclusion added keeps fewer");
    assert!(!narrows("!kursk", "!kur"), "a longer excluded word keeps more");
    assert!(!narrows("80", "8"), "8 and 80 are different numbers");
    assert!(!narrows("'art", "art"), "another way of matching");
    assert!(!narrows("art status:denied", "art"), "another facet: searched afresh");
    assert!(narrows("art order:reported", "art"), "another order keeps the same events");
}

#[test]
fn a_narrowing_query_leaves_only_its_new_words_to_test() {
    let residual = |now: &str, before: &str| q(now).residual(&q(before)).to_string();
    assert_eq!(residual("actor:x artillery sh", "actor:x artillery s"), "sh");
    assert_eq!(residual("artillery shells kim", "artillery shells"), "kim");
    assert_eq!(residual("art order:reported", "art"), "order:reported");
}

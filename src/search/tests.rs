use super::*;
use crate::text::folded_char_mask;
use crate::text::lowercase;

fn found(text: &str, term: &str, mode: Mode) -> Option<Vec<usize>> {
    WordStartMatcher.match_word(text, &Needle::new(term, mode)).map(|m| m.positions)
}

fn finds(text: &str, word: &str) -> bool {
    found(text, word, Mode::Fuzzy).is_some()
}

#[test]
fn folded_mask_is_the_mask_of_the_lower_cased_text() {
    for text in ["", "a", "abc", "abcd", "Kim Jong Un 2023", "İstanbul", "ÉCOLE 9", "x\u{0130}y", "Ω"] {
        assert_eq!(folded_char_mask(text), char_mask(&lowercase(text)), "{text:?}");
    }
}

#[test]
fn typos_and_partial_words_match() {
    assert!(finds("over a million artillery shells", "artilery"));
    assert!(finds("150 KN-23 short-range ballistic missiles", "kn23"));
    assert!(finds("M-1989 “Koksan” self-propelled guns", "koksn"));
    assert!(finds("satellite technology", "sat"));
    assert!(finds("Missiles", "missile"));
    assert!(finds("KN-23", "KN-23"));
}

#[test]
fn short_or_scattered_queries_do_not_match_everything() {
    assert!(!finds("the kilometres of trenches", "kim"), "letters spread across a word");
    assert!(!finds("Shoigu visited North Korea", "kim"), "letters spread across words");
    assert!(!finds("a satellite", "te"), "two letters must start a word");
    assert!(finds("Kim Jong Un", "ki"));
    assert!(!finds("artillery", "arty"), "two letters skipped");
    assert!(!finds("artillery", "illery"), "words match from their start");
}

#[test]
fn each_part_of_a_hyphenated_word_starts_a_word() {
    for (text, word) in [
        ("an arms-for-liftoff deal", "liftoff"),
        ("short-range ballistic missiles", "range"),
        ("atmospheric re-entry", "entry"),
        ("self-propelled artillery", "propelled"),
        ("KN-23", "23"),
    ] {
        assert!(finds(text, word), "{word} in {text}");
    }
    assert_eq!(found("an arms-for-liftoff deal", "liftoff", Mode::Fuzzy), Some((12..19).collect()));
}

#[test]
fn numbers_match_whole_whatever_their_separators() {
    for (text, term) in [
        ("up to 8,000 troops", "8,000"),
        ("up to 8,000 troops", "8000"),
        ("up to 8000 troops", "8,000"),
        ("about 11,000 North Korean troops", "11,000"),
        ("covers up to 40% of", "40%"),
        ("12 million 152 mm shells", "152mm"),
        ("12 million 152mm shells", "152mm"),
        ("12 million 152mm shells", "152"),
        ("a 2.5 km range", "2.5"),
        ("over 1,000,000 shells", "1000000"),
    ] {
        assert!(finds(text, term), "{term} in {text}");
    }
    for (text, term) in [
        ("up to 80,000 troops", "8,000"),
        ("up to 8,000,000 rounds", "8000"),
        ("up to 8,500 troops", "800"),
        ("covers up to 40 of", "40%"),
        ("152 shells, mm", "152mm"),
        ("a 2.5 km range", "2"),
    ] {
        assert!(!finds(text, term), "{term} is not in {text}");
    }
    assert_eq!(found("up to 8,000 troops", "8000", Mode::Fuzzy), Some(vec![6, 7, 8, 9, 10]));
    assert_eq!(found("12 million 152 mm shells", "152mm", Mode::Fuzzy), Some(vec![11, 12, 13, 15, 16]));
}

#[test]
fn an_exact_word_forgives_no_typo() {
    assert!(found("artillery", "artilery", Mode::Exact).is_none());
    assert!(found("artillery", "artill", Mode::Exact).is_some());
    assert!(found("a state visit", "sat", Mode::Fuzzy).is_some(), "s, a skipped t, then a and t");
    assert!(found("a state visit", "sat", Mode::Exact).is_none());
    assert!(found("KN-23", "kn23", Mode::Exact).is_none());
    assert!(found("8,000", "8000", Mode::Exact).is_some(), "separators are not typos");
}

#[test]
fn a_phrase_is_words_in_a_row() {
    assert!(found("200 long-range artillery units", "long range", Mode::Phrase).is_some());
    assert!(found("long range artillery", "long range", Mode::Phrase).is_some());
    assert!(found("long range artillery", "long ran", Mode::Phrase).is_some(), "the last word may be begun");
    assert!(found("longer range artillery", "long range", Mode::Phrase).is_none(), "earlier words are whole");
    assert!(found("range, long", "long range", Mode::Phrase).is_none(), "in order");
    assert!(found("long artillery range", "long range", Mode::Phrase).is_none(), "in a row");
    assert!(found("an arms-for-liftoff deal", "arms for liftoff", Mode::Phrase).is_some());
    assert!(found("North Korea\nRussia", "korea russia", Mode::Phrase).is_none(), "not across names");
    assert_eq!(found("the long-range guns", "long range", Mode::Phrase), Some((4..8).chain(9..14).collect()));
}

#[test]
fn positions_index_characters_of_the_whole_text() {
    assert_eq!(found("Ким and KN-23", "kn23", Mode::Fuzzy), Some(vec![8, 9, 11, 12]));
    assert_eq!(found("kim met Kim", "kim", Mode::Fuzzy), Some(vec![0, 1, 2, 8, 9, 10]), "every match");
}

/// The byte path must accept exactly what the character path accepts.
#[test]
fn ascii_text_matches_as_its_characters_do() {
    let mut rng = fastrand::Rng::with_seed(7);
    let alphabet = b"aAbBkK23n-., x%0";
    for _ in 0..100_000 {
        let text: Vec<u8> = (0..rng.usize(0..14)).map(|_| alphabet[rng.usize(..alphabet.len())]).collect();
        let word: String =
            (0..rng.usize(1..6)).map(|_| char::from(alphabet[rng.usize(..alphabet.len())])).collect();
        let mode = [Mode::Fuzzy, Mode::Exact, Mode::Phrase][rng.usize(..3)];
        let needle = Needle::new(&word, mode);
        let chars: Vec<char> = text.iter().map(|&b| char::from(b)).collect();
        let mut by_bytes = Vec::new();
        all_matches(&text, &needle, byte_starts(&text, &needle, 0), &mut by_bytes);
        let mut by_chars = Vec::new();
        all_matches(&chars, &needle, char_starts(&chars, &needle, 0), &mut by_chars);
        let text = String::from_utf8_lossy(&text);
        assert_eq!(by_bytes, by_chars, "text {text:?} word {word:?} {mode:?}");
        assert_eq!(
            first_at(chars.as_slice(), &needle, char_starts(&chars, &needle, 0)),
            by_chars.first().copied()
        );
    }
}

/// A word typed on from another matches only where that one did: so searching on from the
/// place the shorter word first matched (as the next keystroke does, `query::Trail`) finds
/// the same first match as searching from the start, in every mode, ASCII or not, across
/// fields.
#[test]
fn a_continued_word_first_matches_at_or_after_where_it_did() {
    let mut rng = fastrand::Rng::with_seed(11);
    let alphabet: Vec<char> = "aAbBkK23n-., x%0é\n".chars().collect();
    let text = |rng: &mut fastrand::Rng, most: usize| -> String {
        (0..rng.usize(0..most)).map(|_| alphabet[rng.usize(..alphabet.len())]).collect()
    };
    let mut continued = 0;
    for _ in 0..100_000 {
        let fields: Vec<String> = (0..rng.usize(1..4)).map(|_| text(&mut rng, 14)).collect();
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        let mask = fields.iter().fold(0, |mask, f| mask | crate::text::folded_char_mask(f));
        let record = SearchFields { mask, ascii: fields.iter().all(|f| f.is_ascii()), fields: &fields };
        let mode = [Mode::Fuzzy, Mode::Exact, Mode::Phrase][rng.usize(..3)];
        let word = text(&mut rng, 4);
        let longer = format!("{word}{}", text(&mut rng, 4));
        if word.is_empty() || !continues(&longer, &word, mode) {
            continue;
        }
        let Some(from) = WordStartMatcher.first_match(&record, &Needle::new(&word, mode), Place::START)
        else {
            continue;
        };
        continued += 1;
        let needle = Needle::new(&longer, mode);
        assert_eq!(
            WordStartMatcher.first_match(&record, &needle, from),
            WordStartMatcher.first_match(&record, &needle, Place::START),
            "fields {fields:?}: {word:?} then {longer:?}, {mode:?}"
        );
    }
    assert!(continued > 10_000, "only {continued} words continued one that matched");
}

/// A text's pair and triple signatures never turn away a term that matches it.
#[test]
fn the_signatures_hold_every_matching_terms_pair_and_triple() {
    let mut rng = fastrand::Rng::with_seed(13);
    let alphabet = "aAbBkK23n-., x%0é".chars().collect::<Vec<char>>();
    for _ in 0..100_000 {
        let text: String = (0..rng.usize(0..14)).map(|_| alphabet[rng.usize(..alphabet.len())]).collect();
        let word: String = (0..rng.usize(1..6)).map(|_| alphabet[rng.usize(..alphabet.len())]).collect();
        let mode = [Mode::Fuzzy, Mode::Exact, Mode::Phrase][rng.usize(..3)];
        let needle = Needle::new(&word, mode);
        let mut signature = crate::text::PairSignature::default();
        let mut narrow = crate::text::QuoteSignature::default();
        let mut triples = crate::text::TripleSignature::default();
        crate::text::add_word_pairs(&text, &mut signature);
        let mut quote_pairs = crate::text::QuoteSignature::default();
        crate::text::add_word_pairs_and_triples(&text, &mut quote_pairs, &mut triples);
        crate::text::add_word_pairs(&text, &mut narrow);
        assert_eq!(quote_pairs, narrow, "the pairs are the same, with triples or without");
        let mask = crate::text::folded_char_mask(&text);
        if WordStartMatcher.match_word(&text, &needle).is_some() {
            assert!(needle.may_match(mask, &signature), "{word:?} matches {text:?} ({mode:?})");
            assert!(needle.may_match(mask, &narrow), "{word:?} matches {text:?} ({mode:?}), 128 bits");
            assert!(
                needle.may_match_triples(mask, &narrow, &triples),
                "{word:?} matches {text:?} ({mode:?}), triples"
            );
        }
    }
}

/// A longer word (or phrase) matches only where its prefix matched: what narrowing relies on.
#[test]
fn a_longer_word_matches_only_where_its_prefix_did() {
    let mut rng = fastrand::Rng::with_seed(11);
    let alphabet = b"aAbBkK23n-. x";
    for _ in 0..100_000 {
        let text: String =
            (0..rng.usize(0..14)).map(|_| char::from(alphabet[rng.usize(..alphabet.len())])).collect();
        let word: String = (0..rng.usize(1..6)).map(|_| char::from(b"abkn- "[rng.usize(..6)])).collect();
        let mode = [Mode::Fuzzy, Mode::Exact, Mode::Phrase][rng.usize(..3)];
        if mode != Mode::Phrase && word.contains(' ') {
            continue;
        }
        let longer = Needle::new(&word, mode);
        let matches = |needle: &Needle| WordStartMatcher.match_word(&text, needle).is_some();
        for end in 1..word.len() {
            let prefix = Needle::new(&word[..end], mode);
            if !prefix.is_empty() && matches(&longer) {
                assert!(
                    matches(&prefix),
                    "{:?} matches {text:?} but {:?} does not ({mode:?})",
                    word,
                    &word[..end]
                );
            }
        }
    }
}

#[test]
fn capitals_beyond_ascii_match_and_highlight() {
    assert_eq!(found("Émile Zola", "émile", Mode::Fuzzy), Some(vec![0, 1, 2, 3, 4]));
    assert!(finds("Ким Чен Ын", "ким"));
    assert!(finds("Ötzi", "ötzi"));
}

#[test]
fn masks_have_a_bit_per_letter_and_digit_whatever_the_case() {
    assert_eq!(char_mask("aA"), 1);
    assert_eq!(char_mask("z9"), 1 << 25 | 1 << 35);
    assert_eq!(char_mask(" -é"), 0);
    assert_eq!(char_mask("KN-23"), char_mask("kn23"));
    assert_eq!(Needle::new("KN-23", Mode::Fuzzy).mask(), char_mask("kn23"));
}

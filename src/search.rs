//! Fuzzy keyword matching: one query word against one word of a record, with the matched
//! character positions for highlighting.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::{Dataset, Event};

/// A match of one query word inside a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordMatch {
    /// Higher is better; comparable only between matches of the same word.
    pub score: i64,
    /// Character (not byte) indices into the text that matched, ascending.
    pub positions: Vec<usize>,
}

/// Finds one query word in a text. Behind a trait so the engine can be swapped and measured.
pub trait WordMatcher: Send + Sync {
    fn match_word(&self, text: &str, word: &str) -> Option<WordMatch>;
}

/// fuzzy-matcher's skim algorithm, held to a single word of the text and to a compact match.
///
/// A query word matches a text word when its letters appear in order within that one word
/// with few letters skipped: a quarter of the query's length, rounded down (so `artilery`
/// finds `artillery`, `kn23` finds `KN-23`, `koksn` finds `Koksan`). Words of one or two
/// letters must begin a word. Matching within one word, not across the whole record, is
/// what keeps a short query from matching almost every record.
pub struct SkimWordMatcher {
    skim: SkimMatcherV2,
}

impl Default for SkimWordMatcher {
    fn default() -> Self {
        Self { skim: SkimMatcherV2::default().ignore_case() }
    }
}

impl WordMatcher for SkimWordMatcher {
    fn match_word(&self, text: &str, word: &str) -> Option<WordMatch> {
        let word_len = word.chars().count();
        if word_len == 0 {
            return None;
        }
        // Cheap whole-text test first: a word that is not a subsequence of the text can't match a token.
        self.skim.fuzzy_match(text, word)?;
        let mut best: Option<WordMatch> = None;
        for (start, token) in tokens(text) {
            if token.chars().count() < word_len {
                continue;
            }
            let Some((score, positions)) = self.skim.fuzzy_indices(token, word) else {
                continue;
            };
            if !is_compact(&positions, word_len) {
                continue;
            }
            if best.as_ref().is_none_or(|b| score > b.score) {
                best = Some(WordMatch { score, positions: positions.iter().map(|p| start + p).collect() });
            }
        }
        best
    }
}

fn is_compact(positions: &[usize], word_len: usize) -> bool {
    let (Some(&first), Some(&last)) = (positions.first(), positions.last()) else {
        return false;
    };
    let skipped = last - first + 1 - positions.len();
    let begins_word = first == 0;
    skipped <= word_len / 4 && (word_len > 2 || begins_word)
}

/// The words of a text with the character index each starts at. A word is a run of letters
/// and digits, joined by inner hyphens or dots (`KN-23`, `M-1989`).
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut chars = text.char_indices().enumerate().peekable();
    std::iter::from_fn(move || {
        while chars.peek().is_some_and(|(_, (_, c))| !c.is_alphanumeric()) {
            chars.next();
        }
        let &(start_char, (start_byte, _)) = chars.peek()?;
        let mut end_byte = start_byte;
        let mut previous_joiner = false;
        while let Some(&(_, (byte, c))) = chars.peek() {
            if c.is_alphanumeric() {
                end_byte = byte + c.len_utf8();
                previous_joiner = false;
            } else if (c == '-' || c == '.') && !previous_joiner {
                previous_joiner = true;
            } else {
                break;
            }
            chars.next();
        }
        Some((start_char, &text[start_byte..end_byte]))
    })
}

/// Everything a keyword search looks at for one event: title, summary, and the names,
/// aliases and designations of its actors and weapon types. Fields are separated by a
/// line break so that no word runs across two of them.
pub fn event_search_text(event: &Event, dataset: &Dataset) -> String {
    let mut text = String::with_capacity(event.title.len() + event.summary.len() + 64);
    let mut push = |field: &str| {
        text.push_str(field);
        text.push('\n');
    };
    push(&event.title);
    push(&event.summary);
    let mut seen = Vec::new();
    for id in event.involved_actors() {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        if let Some(actor) = dataset.actor(id) {
            push(&actor.name);
            actor.aliases.iter().for_each(|alias| push(alias));
        }
    }
    for id in &event.weapons {
        if let Some(weapon) = dataset.weapon(id) {
            push(&weapon.name);
            weapon.designations.iter().chain(&weapon.aliases).for_each(|name| push(name));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finds(text: &str, word: &str) -> bool {
        SkimWordMatcher::default().match_word(text, word).is_some()
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
        assert!(!finds("artillery", "arty"));
    }

    #[test]
    fn positions_index_characters_of_the_whole_text() {
        let found = SkimWordMatcher::default().match_word("Ким and KN-23", "kn23").unwrap();
        assert_eq!(found.positions, vec![8, 9, 11, 12]);
    }

    #[test]
    fn tokens_keep_inner_hyphens_and_dots() {
        let words: Vec<(usize, &str)> = tokens("M-1989 “Koksan”, KN-23; U.S. -x- end-").collect();
        assert_eq!(
            words,
            vec![(0, "M-1989"), (8, "Koksan"), (17, "KN-23"), (24, "U.S"), (30, "x"), (33, "end")]
        );
    }
}

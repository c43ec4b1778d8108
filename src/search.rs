//! Fuzzy keyword matching: one query word against one word of a record, with the matched
//! character positions for highlighting.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use crate::model::SearchFields;
use crate::text::{char_mask, lowercase, lowercase_char};

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
    /// The best match of `word` in `text`, with positions for highlighting.
    fn match_word(&self, text: &str, word: &str) -> Option<WordMatch>;

    /// Whether lower-case `word` matches any of a record's fields. Engines may answer
    /// faster than `match_word`, but must agree with it.
    fn matches(&self, record: &SearchFields<'_>, word: &str) -> bool {
        record.fields.iter().any(|field| self.match_word(field, word).is_some())
    }
}

/// fuzzy-matcher's skim algorithm, held to the start of a single word of the text.
///
/// A query word matches a word of the text that begins with the query's first letter and
/// holds the rest of its letters in order, with at most one letter skipped: `artilery` finds
/// `artillery`, `kn23` finds `KN-23`, `koksn` finds `Koksan`, `sat` finds `satellite`, and
/// `kim` finds neither `kilometres` nor the letters k, i, m spread across a sentence. The rule
/// is monotone: a longer query matches only what its prefix matched, so each keystroke can
/// search within the previous keystroke's result. Skim scores the match and places the
/// highlight; the acceptance test is this rule, answered fast for filtering.
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
        let word: Vec<char> = lowercase(word).chars().collect();
        if word.is_empty() {
            return None;
        }
        let needle: String = word.iter().collect();
        let mut buffer = Vec::new();
        let mut best: Option<WordMatch> = None;
        for (start, token) in tokens(text) {
            buffer.clear();
            buffer.extend(token.chars().map(lowercase_char));
            if !is_compact_in(&buffer, &word, |c| c) {
                continue;
            }
            // Skim folds only ASCII case: give it the token lower-cased (one char per char, so
            // positions stay valid) so that É, Ö, К highlight as they match.
            let folded: String = buffer.iter().collect();
            let Some((score, positions)) = self.skim.fuzzy_indices(&folded, &needle) else {
                continue;
            };
            if best.as_ref().is_none_or(|b| score > b.score) {
                best = Some(WordMatch { score, positions: positions.iter().map(|p| start + p).collect() });
            }
        }
        best
    }

    fn matches(&self, record: &SearchFields<'_>, word: &str) -> bool {
        if char_mask(word) & !record.mask != 0 {
            return false;
        }
        let mut chars = Vec::new();
        let mut word_chars: Option<Vec<char>> = None;
        record.fields.iter().any(|field| {
            if field.is_ascii() && word.is_ascii() {
                ascii_field_matches(field.as_bytes(), word.as_bytes())
            } else {
                let word = word_chars.get_or_insert_with(|| word.chars().collect());
                tokens(field).any(|(_, token)| {
                    chars.clear();
                    chars.extend(token.chars());
                    is_compact_in(&chars, word, lowercase_char)
                })
            }
        })
    }
}

/// The match rule on ASCII text without splitting it into tokens: jump (memchr) to each
/// occurrence of the word's first letter, in either case, keep those that begin a token, and
/// match forward within it. Agrees with `is_compact_in` over `ascii_tokens` (a test checks it).
fn ascii_field_matches(text: &[u8], word: &[u8]) -> bool {
    let n = word.len();
    let Some(&first) = word.first() else { return false };
    if !first.is_ascii_alphanumeric() {
        return false; // Every token begins with a letter or digit.
    }
    let is_alnum = |at: usize| text.get(at).is_some_and(u8::is_ascii_alphanumeric);
    let is_joiner = |at: usize| matches!(text.get(at), Some(b'-' | b'.'));
    for start in memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), text) {
        // A token begins after anything but a letter, or a joiner that itself follows a
        // letter (`kn-23`: `2` is inside the token).
        let begins_token = start == 0
            || !(is_alnum(start - 1) || (is_joiner(start - 1) && start >= 2 && is_alnum(start - 2)));
        if !begins_token {
            continue;
        }
        let mut matched = 1;
        let mut skipped = 0;
        let mut previous_joiner = false;
        let mut at = start + 1;
        while matched < n && at < text.len() {
            let b = text[at];
            let in_token = if b.is_ascii_alphanumeric() {
                previous_joiner = false;
                true
            } else if (b == b'-' || b == b'.') && !previous_joiner && is_alnum(at + 1) {
                previous_joiner = true;
                true
            } else {
                false
            };
            if !in_token {
                break;
            }
            if b.to_ascii_lowercase() == word[matched] {
                matched += 1;
            } else {
                skipped += 1;
                if skipped > MAX_SKIPPED {
                    break;
                }
            }
            at += 1;
        }
        if matched == n {
            return true;
        }
    }
    false
}

/// How many letters of a record's word a query word may skip (a missing letter, a hyphen).
const MAX_SKIPPED: usize = 1;

/// Does `token` begin with `word`'s first letter and hold the rest in order, skipping at most
/// `MAX_SKIPPED` letters? `key` folds case.
fn is_compact_in<T: Copy, K: PartialEq + Copy>(token: &[T], word: &[K], key: impl Fn(T) -> K) -> bool {
    let Some(&first) = word.first() else { return false };
    if token.is_empty() || key(token[0]) != first {
        return false;
    }
    let mut matched = 1;
    let mut skipped = 0;
    for &unit in &token[1..] {
        if matched == word.len() {
            break;
        }
        if key(unit) == word[matched] {
            matched += 1;
        } else {
            skipped += 1;
            if skipped > MAX_SKIPPED {
                return false;
            }
        }
    }
    matched == word.len()
}

/// `tokens` for ASCII text, on bytes: the same words, found without decoding. The reference
/// the fast path is tested against.
#[cfg(test)]
fn ascii_tokens(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() && !text[at].is_ascii_alphanumeric() {
            at += 1;
        }
        if at >= text.len() {
            return None;
        }
        let start = at;
        let mut end = at;
        let mut previous_joiner = false;
        while at < text.len() {
            let b = text[at];
            if b.is_ascii_alphanumeric() {
                end = at + 1;
                previous_joiner = false;
            } else if (b == b'-' || b == b'.') && !previous_joiner {
                previous_joiner = true;
            } else {
                break;
            }
            at += 1;
        }
        Some(&text[start..end])
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::folded_char_mask;

    #[test]
    fn folded_mask_is_the_mask_of_the_lower_cased_text() {
        for text in ["", "a", "abc", "abcd", "Kim Jong Un 2023", "İstanbul", "ÉCOLE 9", "x\u{0130}y", "Ω"]
        {
            assert_eq!(folded_char_mask(text), char_mask(&lowercase(text)), "{text:?}");
        }
    }

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
        assert!(!finds("artillery", "arty"), "two letters skipped");
        assert!(!finds("artillery", "illery"), "words match from their start");
    }

    #[test]
    fn positions_index_characters_of_the_whole_text() {
        let found = SkimWordMatcher::default().match_word("Ким and KN-23", "kn23").unwrap();
        assert_eq!(found.positions, vec![8, 9, 11, 12]);
    }

    /// The fast ASCII path must accept exactly what the token path accepts.
    #[test]
    fn the_fast_ascii_path_agrees_with_the_token_path() {
        let mut rng = fastrand::Rng::with_seed(7);
        let alphabet = b"aAbBkK23n-. x";
        for _ in 0..200_000 {
            let text: Vec<u8> =
                (0..rng.usize(0..14)).map(|_| alphabet[rng.usize(..alphabet.len())]).collect();
            let word: Vec<u8> = (0..rng.usize(1..6))
                .map(|_| alphabet[rng.usize(..alphabet.len())].to_ascii_lowercase())
                .collect();
            let slow =
                ascii_tokens(&text).any(|token| is_compact_in(token, &word, |b: u8| b.to_ascii_lowercase()));
            let fast = ascii_field_matches(&text, &word);
            assert_eq!(
                fast,
                slow,
                "text {:?} word {:?}",
                String::from_utf8_lossy(&text),
                String::from_utf8_lossy(&word)
            );
        }
    }

    #[test]
    fn capitals_beyond_ascii_match_and_highlight() {
        let found = SkimWordMatcher::default().match_word("Émile Zola", "émile").map(|m| m.positions);
        assert_eq!(found, Some(vec![0, 1, 2, 3, 4]));
        assert!(finds("Ким Чен Ын", "ким"));
        assert!(finds("Ötzi", "ötzi"));
    }

    #[test]
    fn masks_have_a_bit_per_letter_and_digit_whatever_the_case() {
        assert_eq!(char_mask("aA"), 1);
        assert_eq!(char_mask("z9"), 1 << 25 | 1 << 35);
        assert_eq!(char_mask(" -é"), 0);
        assert_eq!(char_mask("KN-23"), char_mask("kn23"));
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

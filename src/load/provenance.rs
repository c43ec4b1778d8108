//! Where a quote sits in its article: the folding that lets white space and typographic
//! quotes differ, the search of a folded quote in a folded article, and `locate`, which maps
//! a match back to a byte range of the article as written.

use std::ops::Range;
use std::sync::Arc;

use super::confine::Refusal;
use super::files::{DatasetFiles, is_inside_dataset};
use super::limits::ARTICLE_BYTES;

/// `text` as `normalise_for_quote` would make it, borrowed when it already is (most quotes):
/// printable ASCII with single spaces, none at either end. The tests have no early exit, so
/// they compile to vector instructions.
pub(crate) fn normalised(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let printable = bytes.iter().fold(true, |all, &b| all & (b' '..=b'~').contains(&b));
    let pairs = bytes.iter().zip(bytes.iter().skip(1));
    let doubled = pairs.fold(false, |any, (&a, &b)| any | (a == b' ' && b == b' '));
    let ends = bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ');
    if text.is_empty() || (printable && !doubled && !ends) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(normalise_for_quote(text))
    }
}

/// Where a folded quote was found in a folded article.
pub(crate) struct Found {
    /// Its byte offset in the folded article.
    pub(crate) at: usize,
    /// Whether it starts and ends on the edges of words of the article, not inside one.
    pub(crate) whole_words: bool,
}

/// The first place a folded `quote` is in a folded `article` in whole words, or else the
/// first place it is at all. A quote that starts or ends with a letter or a digit must not
/// have one next to it there.
pub(crate) fn find_quote(article: &str, quote: &str) -> Option<Found> {
    let (first, last) = (quote.chars().next()?, quote.chars().next_back()?);
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let mut found = None;
    for at in occurrences(article.as_bytes(), quote.as_bytes()) {
        // A match of whole UTF-8 text starts and ends on character boundaries.
        let before = article.get(..at).and_then(|s| s.chars().next_back());
        let after = article.get(at + quote.len()..).and_then(|s| s.chars().next());
        let inside = (word(before) && word(Some(first))) || (word(after) && word(Some(last)));
        let whole_words = !inside;
        if whole_words {
            return Some(Found { at, whole_words });
        }
        found.get_or_insert(Found { at, whole_words });
    }
    found
}

/// Where `needle` occurs in `haystack`, first to last (overlapping ones too). Building a
/// searcher costs time in proportion to the needle, more than searching an article does, so
/// one is built for the needle's first bytes only and each place they occur is compared in full.
fn occurrences<'h>(haystack: &'h [u8], needle: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
    const HEAD: usize = 16;
    let finder = memchr::memmem::Finder::new(&needle[..needle.len().min(HEAD)]);
    let mut from = 0;
    std::iter::from_fn(move || {
        while from <= haystack.len() {
            let at = from + finder.find(&haystack[from..])?;
            from = at + 1;
            if haystack[at..].starts_with(needle) {
                return Some(at);
            }
        }
        None
    })
}

/// White space as `char::is_whitespace` sees it, for ASCII bytes (tab to carriage return, space).
fn is_space(b: u8) -> bool {
    b == b' ' || (b'\t'..=b'\r').contains(&b)
}

/// Runs of white space count as one space; typographic quotes equal their plain forms.
pub fn normalise_for_quote(text: &str) -> String {
    if text.is_ascii() {
        // Most articles: work on bytes (ASCII has no typographic quotes to map).
        let mut out = Vec::with_capacity(text.len());
        let mut in_space = false;
        for &b in text.trim().as_bytes() {
            if is_space(b) {
                if !in_space {
                    out.push(b' ');
                }
                in_space = true;
            } else {
                in_space = false;
                out.push(b);
            }
        }
        // ASCII in, ASCII out: always valid UTF-8.
        return String::from_utf8(out).unwrap_or_default();
    }
    normalise_chars(text)
}

/// `normalise_for_quote` for any text, character by character.
fn normalise_chars(text: &str) -> String {
    folded(text).map(|(_, c)| c).collect()
}

/// What the quote check makes of a character that is not white space.
fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
        other => other,
    }
}

/// Each character of `text` as the quote check sees it, with the bytes of `text` it stands
/// for: a run of white space is one space (none at either end), a typographic quote its
/// plain form, any other character itself.
fn folded(text: &str) -> impl Iterator<Item = (Range<usize>, char)> + '_ {
    let mut chars = text.char_indices().peekable();
    let mut begun = false;
    std::iter::from_fn(move || {
        loop {
            let (at, c) = chars.next()?;
            if !c.is_whitespace() {
                begun = true;
                return Some((at..at + c.len_utf8(), fold_char(c)));
            }
            let mut end = at + c.len_utf8();
            while let Some(&(next, c)) = chars.peek().filter(|(_, c)| c.is_whitespace()) {
                end = next + c.len_utf8();
                chars.next();
            }
            chars.peek()?; // white space at the end stands for nothing
            if begun {
                return Some((at..end, ' '));
            }
        }
    })
}

/// The bytes of `article` (as written) that `quote` was found in by the quote check: the
/// first place where the two are equal once white space and typographic quotes are folded,
/// in whole words where there is one.
/// None when the quote is not in the article, or is only white space.
pub fn locate(article: &str, quote: &str) -> Option<Range<usize>> {
    let quote = normalised(quote);
    if quote.is_empty() {
        return None;
    }
    let haystack = normalise_for_quote(article);
    let start = find_quote(&haystack, &quote)?.at;
    let end = start + quote.len();
    // Walk the folded article to the characters that begin and end the match; neither is
    // a space, since a folded quote neither starts nor ends with one.
    let mut at = 0;
    let mut first = None;
    for (range, c) in folded(article) {
        if at == start {
            first = Some(range.start);
        }
        at += c.len_utf8();
        if at == end {
            return Some(first?..range.end);
        }
    }
    None
}

/// The article at `path`, as written, or what is wrong with it.
pub(crate) fn load_article(files: &dyn DatasetFiles, path: &str) -> Result<Arc<str>, String> {
    if !is_inside_dataset(path) {
        return Err(format!(
            "`file` \"{path}\" must be a path inside the dataset, such as seeds/article.txt"
        ));
    }
    let shown = files.display_path(path);
    match files.read(path, ARTICLE_BYTES) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok(text.into()),
            Err(error) => Err(format!(
                "the article {shown} is not valid UTF-8 (first bad byte at offset {}); save it as UTF-8",
                error.utf8_error().valid_up_to()
            )),
        },
        Err(error) => {
            let (why, advice) = match Refusal::of(&error) {
                Some(refusal @ Refusal::Outside) => {
                    (refusal.to_string(), "copy the article itself into the dataset")
                }
                Some(refusal @ Refusal::TooLarge(_)) => {
                    (refusal.to_string(), "keep the part the events cite, or correct `file`")
                }
                Some(refusal) => (refusal.to_string(), "put the article there or correct `file`"),
                None if error.kind() == std::io::ErrorKind::NotFound => {
                    ("does not exist".to_string(), "put the article there or correct `file`")
                }
                None => (format!("cannot be read ({error})"), "put the article there or correct `file`"),
            };
            Err(format!("the article {shown} {why}; {advice}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_quotes_are_borrowed_and_agree_with_normalising() {
        for text in
            ["plain words", " lead", "two  spaces", "tab\there", "“curly”", "line\nbreak", "end ", "vt\u{b}x"]
        {
            assert_eq!(normalised(text), normalise_for_quote(text), "{text:?}");
        }
        assert!(matches!(normalised("plain words"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn quotes_are_found_in_whole_words_where_they_can_be() {
        let found = |article: &str, quote: &str| find_quote(article, quote).map(|f| (f.at, f.whole_words));
        assert_eq!(found("the cat scattered", "cat"), Some((4, true)));
        assert_eq!(found("scattered cats", "cat"), Some((1, false)), "inside a word, the first place");
        assert_eq!(found("scattered cat", "cat"), Some((10, true)), "whole words win, later");
        assert_eq!(found("a \"cat\" b", "\"cat\""), Some((2, true)));
        assert_eq!(found("x\"cat\" b", "\"cat"), Some((1, true)), "a quote mark is no letter");
        assert_eq!(found("x\"caté b", "\"cat"), Some((1, false)));
        assert_eq!(found("él", "l"), Some((2, false)), "letters beyond ASCII count");
        assert_eq!(found("dog", "cat"), None);
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        occurrences(haystack, needle).next().is_some()
    }

    #[test]
    fn contains_finds_needles_longer_than_the_searched_head() {
        let hay = b"aaaaaaaaaaaaaaaaaaaab and then aaaaaaaaaaaaaaaaaaaac, the end";
        assert!(contains(hay, b"aaaaaaaaaaaaaaaaaaac, the"), "a match overlapping an earlier head");
        assert!(contains(hay, b"aaaaaaaaaaaaaaaaaaaab"));
        assert!(!contains(hay, b"aaaaaaaaaaaaaaaaaaaad"));
        assert!(contains(hay, b"end"));
        assert!(!contains(b"short", b"longer than the haystack itself"));
    }

    proptest::proptest! {
        #[test]
        fn normalised_agrees_with_normalising(text in "[a \t\n\u{b}é“’]{0,12}") {
            proptest::prop_assert_eq!(normalised(&text), normalise_for_quote(&text));
        }

        #[test]
        fn contains_agrees_with_a_plain_search(hay in "[ab]{0,60}", needle in "[ab]{1,24}") {
            let expected = hay.as_bytes().windows(needle.len()).any(|w| w == needle.as_bytes());
            proptest::prop_assert_eq!(contains(hay.as_bytes(), needle.as_bytes()), expected);
        }
    }

    #[test]
    fn the_ascii_path_normalises_as_the_general_one() {
        for text in ["  a \t\n b  ", "x\u{b}\u{c}y", "plain", "", " "] {
            let general = normalise_chars(text);
            assert_eq!(normalise_for_quote(text), general, "{text:?}");
        }
    }

    #[test]
    fn locate_maps_a_folded_match_back_to_the_text_as_written() {
        let article = "  He said: \u{201c}arms \n\t for  liftoff\u{201d} \u{2014} it\u{2019}s done.\n";
        let range = locate(article, "\"arms for liftoff\"").unwrap();
        assert_eq!(&article[range], "\u{201c}arms \n\t for  liftoff\u{201d}");
        let range = locate(article, "it's  done.").unwrap();
        assert_eq!(&article[range], "it\u{2019}s done.");
        assert_eq!(locate(article, "He"), Some(2..4));
        assert_eq!(locate(article, "arms for lift-off"), None);
        assert_eq!(locate(article, " \n "), None, "white space alone is no quote");
        assert_eq!(locate("", "x"), None);
    }

    proptest::proptest! {
        #[test]
        fn folding_with_positions_agrees_with_normalising(text in "[a \t\n\u{b}\u{a0}é“’\u{2003}]{0,16}") {
            let chars: String = folded(&text).map(|(_, c)| c).collect();
            proptest::prop_assert_eq!(&chars, &normalise_for_quote(&text));
            for (range, c) in folded(&text) {
                proptest::prop_assert_eq!(normalise_for_quote(&text[range.clone()]).chars().next().unwrap_or(' '), c);
            }
        }
    }

    #[test]
    fn quotes_forgive_white_space_and_typographic_quotes_only() {
        assert_eq!(normalise_for_quote("  “arms  for\n liftoff”  it’s "), "\"arms for liftoff\" it's");
        assert_ne!(normalise_for_quote("arms-for-liftoff"), normalise_for_quote("arms for liftoff"));
    }
}

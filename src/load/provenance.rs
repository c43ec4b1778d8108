//! Where a quote sits in its article: the folding that lets white space and typographic
//! quotes differ, the search of a folded quote in a folded article, and `locate`, which maps
//! a match back to a byte range of the article as written.

use super::files::{DatasetFiles, is_inside_dataset};

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

/// Whether `needle` occurs in `haystack`. Building a searcher costs time in proportion to
/// the needle, more than searching an article does, so one is built for the needle's first
/// bytes only and each place they occur is compared in full.
pub(crate) fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    const HEAD: usize = 16;
    if needle.len() <= HEAD {
        return memchr::memmem::find(haystack, needle).is_some();
    }
    let finder = memchr::memmem::Finder::new(&needle[..HEAD]);
    let mut from = 0;
    while let Some(found) = finder.find(&haystack[from..]) {
        let at = from + found;
        if haystack[at..].starts_with(needle) {
            return true;
        }
        from = at + 1;
    }
    false
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
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.trim().chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        out.push(match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' => '"',
            other => other,
        });
    }
    out
}

/// The article at `path`, normalised for quote matching, or what is wrong with it.
pub(crate) fn load_article(files: &dyn DatasetFiles, path: &str) -> Result<String, String> {
    if !is_inside_dataset(path) {
        return Err(format!(
            "`file` \"{path}\" must be a path inside the dataset, such as seeds/article.txt"
        ));
    }
    let shown = files.display_path(path);
    match files.read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Ok(normalise_for_quote(&text)),
            Err(error) => Err(format!(
                "the article {shown} is not valid UTF-8 (first bad byte at offset {}); save it as UTF-8",
                error.utf8_error().valid_up_to()
            )),
        },
        Err(error) => {
            let why = if error.kind() == std::io::ErrorKind::NotFound {
                "does not exist".to_string()
            } else {
                format!("cannot be read ({error})")
            };
            Err(format!("the article {shown} {why}; put the article there or correct `file`"))
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
    fn quotes_forgive_white_space_and_typographic_quotes_only() {
        assert_eq!(normalise_for_quote("  “arms  for\n liftoff”  it’s "), "\"arms for liftoff\" it's");
        assert_ne!(normalise_for_quote("arms-for-liftoff"), normalise_for_quote("arms for liftoff"));
    }
}

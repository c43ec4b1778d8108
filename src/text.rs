//! Text as every layer needs it: terminal-safe cleaning, case folding, letter masks and
//! did-you-mean. A leaf: it imports nothing of the crate.

/// Replace each character that must not reach the terminal raw with a visible U+FFFD:
/// control characters (which include ESC and so every ANSI/OSC sequence), format characters
/// (bidi overrides and isolates, zero-width and other invisible ones), the line and paragraph
/// separators U+2028/U+2029 (which some terminals treat as line breaks), and code points
/// that are unassigned or noncharacters (whose width a terminal can only guess). One
/// character in, one out, so highlight positions computed on the original text stay valid.
pub fn clean_char(c: char) -> char {
    use unicode_general_category::{GeneralCategory as G, get_general_category};
    if c.is_ascii() {
        return if c.is_ascii_control() { '\u{fffd}' } else { c };
    }
    match get_general_category(c) {
        G::Control | G::Format | G::LineSeparator | G::ParagraphSeparator | G::Unassigned | G::Surrogate => {
            '\u{fffd}'
        }
        _ => c,
    }
}

pub fn clean(text: &str) -> String {
    text.chars().map(clean_char).collect()
}

/// Lower-case one character for one, so character positions survive.
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.chars().map(lowercase_char).collect()
}

pub fn lowercase_char(c: char) -> char {
    if c.is_ascii() { c.to_ascii_lowercase() } else { c.to_lowercase().next().unwrap_or(c) }
}

/// A bit for each ASCII letter (either case) and digit present.
pub fn char_mask(text: &str) -> u64 {
    text.bytes().fold(0, |mask, b| mask | MASK_BITS[usize::from(b)])
}

/// `char_mask` of `text` as the matcher folds its case (İ counts as i): ASCII text is read as
/// it is, any other is lower-cased first. Four lanes, so the table lookups don't wait on
/// each other; this runs over every record's text at load.
pub fn folded_char_mask(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut lanes = [0u64; 4];
    let mut high = 0u8;
    let mut quads = bytes.chunks_exact(4);
    for quad in &mut quads {
        for (lane, &b) in lanes.iter_mut().zip(quad) {
            *lane |= MASK_BITS[usize::from(b)];
            high |= b;
        }
    }
    for &b in quads.remainder() {
        lanes[0] |= MASK_BITS[usize::from(b)];
        high |= b;
    }
    if high.is_ascii() { lanes.iter().fold(0, |all, lane| all | lane) } else { char_mask(&lowercase(text)) }
}

/// Each byte's bit in `char_mask`: letters a–z (either case) and digits, nothing for the rest.
const MASK_BITS: [u64; 256] = {
    let mut bits = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let lower = (b as u8).to_ascii_lowercase();
        bits[b] = match lower {
            b'a'..=b'z' => 1 << (lower - b'a'),
            b'0'..=b'9' => 1 << (26 + lower - b'0'),
            _ => 0,
        };
        b += 1;
    }
    bits
};

/// The id whose name or alias (lower case, paired with its id) is closest to `input`, if any
/// is close enough to be a likely typo. A whole word of a name counts too, a little less
/// than the whole name (`budanov`).
pub fn suggest_id<'a>(input: &str, names: impl Iterator<Item = (&'a str, &'a str)>) -> Option<&'a str> {
    let input = input.to_lowercase();
    let similarity = |name: &str| {
        let whole = strsim::normalized_damerau_levenshtein(&input, name);
        let best_word = name
            .split(|c: char| c == '-' || c.is_whitespace())
            .filter(|word| word.len() >= 3)
            .map(|word| 0.95 * strsim::normalized_damerau_levenshtein(&input, word))
            .fold(0.0, f64::max);
        whole.max(best_word)
    };
    names
        .map(|(name, id)| (similarity(name), id))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, id)| id)
}

mod words;

pub use words::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn everything_a_terminal_would_obey_or_misplace_is_made_visible() {
        let hidden = [
            '\u{1b}',
            '\u{7}',
            '\u{7f}',
            '\u{85}',
            '\u{9b}', // C0, DEL, C1
            '\u{202e}',
            '\u{2066}',
            '\u{200b}',
            '\u{feff}',
            '\u{ad}',
            '\u{e0041}', // format
            '\u{2028}',
            '\u{2029}', // line and paragraph separators
            '\u{fdd0}',
            '\u{fffe}',
            '\u{1ffff}', // noncharacters
            '\u{0378}',
            '\u{e0080}',
            '\u{0e5c}', // unassigned
        ];
        for c in hidden {
            assert_eq!(clean_char(c), '\u{fffd}', "{c:?}");
        }
        for c in ['a', ' ', 'é', '김', 'Ж', '—', '“', '\u{0301}', '😀'] {
            assert_eq!(clean_char(c), c, "{c:?} is shown as it is");
        }
    }
}

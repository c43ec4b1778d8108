//! Text as every layer needs it: terminal-safe cleaning, case folding, letter masks and
//! did-you-mean. A leaf: it imports nothing of the crate.

/// Replace each character that must not reach the terminal raw (control characters, which
/// include ESC and so every ANSI/OSC sequence, bidi overrides and isolates, zero-width and
/// other invisible format characters) with a visible U+FFFD. One character in, one out, so
/// highlight positions computed on the original text stay valid.
pub fn clean_char(c: char) -> char {
    // Unicode's format characters (category Cf) that render as nothing or reorder text.
    let invisible = matches!(c,
        '\u{00ad}' | '\u{061c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}' | '\u{1d173}'..='\u{1d17a}'
        | '\u{e0001}' | '\u{e0020}'..='\u{e007f}');
    if c.is_control() || invisible { '\u{fffd}' } else { c }
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

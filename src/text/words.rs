//! Words as the matcher reads them: the kinds of characters, where a word starts, numbers
//! with their separators, the pairs a text's words begin with, and a query word's pieces.

use super::lowercase_char;

/// What a character is to the word splitter, for record text and query words alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharKind {
    Letter = 0,
    /// An ASCII digit.
    Digit,
    /// A unit written beside a number: `%`, `$`, `€`, `£`, `¥`, `°`.
    Symbol,
    Other,
}

pub fn char_kind(c: char) -> CharKind {
    if c.is_ascii_digit() {
        CharKind::Digit
    } else if c.is_alphanumeric() {
        CharKind::Letter
    } else if matches!(c, '%' | '$' | '€' | '£' | '¥' | '°') {
        CharKind::Symbol
    } else {
        CharKind::Other
    }
}

/// A unit of text as the word splitter reads it: a byte of ASCII text, or a character.
pub trait Unit: Copy {
    fn kind(self) -> CharKind;
    /// Lower-cased, one for one.
    fn folded(self) -> char;
    fn is(self, c: char) -> bool;
}

impl Unit for u8 {
    #[inline]
    fn kind(self) -> CharKind {
        BYTE_KINDS[usize::from(self)]
    }
    #[inline]
    fn folded(self) -> char {
        char::from(self.to_ascii_lowercase())
    }
    #[inline]
    fn is(self, c: char) -> bool {
        u32::from(self) == u32::from(c)
    }
}

impl Unit for char {
    fn kind(self) -> CharKind {
        char_kind(self)
    }
    fn folded(self) -> char {
        lowercase_char(self)
    }
    fn is(self, c: char) -> bool {
        self == c
    }
}

/// `char_kind` of each ASCII byte (the rest are never read as bytes).
const BYTE_KINDS: [CharKind; 256] = {
    let mut kinds = [CharKind::Other; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        kinds[b] = if c.is_ascii_digit() {
            CharKind::Digit
        } else if c.is_ascii_alphabetic() {
            CharKind::Letter
        } else if c == b'%' || c == b'$' {
            CharKind::Symbol
        } else {
            CharKind::Other
        };
        b += 1;
    }
    kinds
};

/// Is the unit at `at` inside a number: a thousands separator (`,` before exactly three
/// digits) or a decimal point (`.` before a digit), after a digit? `8,000` is one number.
#[inline]
pub fn joins_number<U: Unit>(text: &[U], at: usize) -> bool {
    let digit = |i: usize| text.get(i).is_some_and(|u| u.kind() == CharKind::Digit);
    if at == 0 || !digit(at - 1) {
        return false;
    }
    let unit = text[at];
    if unit.is('.') {
        digit(at + 1)
    } else if unit.is(',') {
        digit(at + 1) && digit(at + 2) && digit(at + 3) && !digit(at + 4)
    } else {
        false
    }
}

/// Does a word of the record start at `at`? A word is a run of letters, a number, or a unit
/// symbol, so each part of `arms-for-liftoff`, `KN-23` or `152mm` starts one; `000` in
/// `8,000` does not.
#[inline]
pub fn starts_word<U: Unit>(text: &[U], at: usize) -> bool {
    let Some(&unit) = text.get(at) else { return false };
    match unit.kind() {
        CharKind::Other => false,
        CharKind::Symbol => true,
        CharKind::Letter => at == 0 || text[at - 1].kind() != CharKind::Letter,
        CharKind::Digit => {
            at == 0 || (text[at - 1].kind() != CharKind::Digit && !(at >= 2 && joins_number(text, at - 1)))
        }
    }
}

/// Which pairs of characters a text's words begin with, as bits: for each word start
/// (`starts_word`), its first character paired with each of the next two (and the third,
/// past a thousands separator). A word can match a text only if its first two characters
/// are such a pair, as the matcher skips at most one character: so a search reads only the
/// records whose signature holds each word's pair. 256 bits for an event's own text and
/// names, 128 for its quotes (`QuoteSignature`).
pub type PairSignature = [u64; 4];
pub type QuoteSignature = [u64; 2];

/// Which triples of characters a text's words begin with, as bits: for each word start, its
/// first character with two of the next three, in order (the three ways a word's first three
/// characters can be matched with at most one skipped). Quotes are read only when a word
/// could be there, and a pair is too common to tell (nine quotes in ten that hold an `ar`
/// pair hold no word like `artillery`): a word of three characters or more must find its
/// first three here. 256 bits, for an event's quotes.
pub type TripleSignature = [u64; 4];

/// Add the pairs `text`'s words begin with to `signature` (of any number of words).
pub fn add_word_pairs(text: &str, signature: &mut [u64]) {
    add_word_starts(text, signature, None);
}

/// Add the pairs and the triples `text`'s words begin with to `pairs` and `triples`.
pub fn add_word_pairs_and_triples(text: &str, pairs: &mut [u64], triples: &mut [u64]) {
    add_word_starts(text, pairs, Some(triples));
}

/// `add_pairs` over ASCII text byte by byte, over other text character by character.
fn add_word_starts(text: &str, pairs: &mut [u64], triples: Option<&mut [u64]>) {
    if text.is_ascii() {
        add_pairs(text.as_bytes(), pairs, triples);
    } else {
        add_pairs(&text.chars().collect::<Vec<char>>(), pairs, triples);
    }
}

/// Does `signature` hold the pair in `slot` (`pair_slot`)?
pub fn holds_pair(signature: &[u64], slot: u8) -> bool {
    let (word, bit) = slot_bit(signature, slot);
    signature[word] & bit != 0
}

/// The word of `signature` and the bit in it that hold `slot`. Signatures are 2 or 4 words, a
/// power of two, so the word is found with a mask, not a division (which, at every word start
/// of every record, was a tenth of a load).
fn slot_bit(signature: &[u64], slot: u8) -> (usize, u64) {
    debug_assert!(signature.len().is_power_of_two());
    ((usize::from(slot) / 64) & (signature.len() - 1), 1 << (slot % 64))
}

fn add_pairs<U: Unit>(text: &[U], signature: &mut [u64], mut triples: Option<&mut [u64]>) {
    let inside =
        |at: usize| matches!(text.get(at).map(|u| u.kind()), Some(CharKind::Letter | CharKind::Digit));
    // One pass, the kind of the unit before kept at hand: this runs over every record's text
    // at load. The word starts are those `starts_word` finds.
    let mut previous = CharKind::Other;
    for at in 0..text.len() {
        let kind = text[at].kind();
        // A table, not a match on the kinds: which kind comes next is as good as random, and a
        // branch on it is mispredicted every few characters.
        let starts = STARTS[previous as usize][kind as usize]
            && !(kind == CharKind::Digit
                && previous == CharKind::Other
                && at >= 2
                && joins_number(text, at - 1));
        previous = kind;
        if !starts {
            continue;
        }
        let first = text[at].folded();
        // The next units a match can reach, as the matcher walks a word: letters and digits,
        // a hyphen or dot between them, a thousands separator (which costs no skip). Pairs
        // take the first with each of the next two (and a separator among them); triples
        // the first with two of the next three, separators left out.
        let mut reached = ['\0'; 3];
        let mut counted = 0;
        let wanted = if triples.is_some() { 3 } else { 2 };
        let mut next = at + 1;
        while counted < wanted && next < text.len() {
            let unit = text[next];
            // Letters and digits first: nearly every unit reached is one.
            let letter_or_digit = matches!(unit.kind(), CharKind::Letter | CharKind::Digit);
            let separator = !letter_or_digit && unit.is(',') && joins_number(text, next);
            let joiner =
                !letter_or_digit && (unit.is('-') || unit.is('.')) && inside(next - 1) && inside(next + 1);
            if !(letter_or_digit || joiner || separator) {
                break;
            }
            if counted < 2 {
                let (word, bit) = slot_bit(signature, pair_slot(first, unit.folded()));
                signature[word] |= bit;
            }
            if !separator {
                reached[counted] = unit.folded();
                counted += 1;
            }
            next += 1;
        }
        if let Some(triples) = triples.as_deref_mut() {
            for (second, third) in [(0, 1), (0, 2), (1, 2)] {
                if third < counted {
                    let (word, bit) = slot_bit(triples, triple_slot(first, reached[second], reached[third]));
                    triples[word] |= bit;
                }
            }
        }
    }
}

/// `STARTS[previous][kind]`: does a word start at a unit of `kind` after one of `previous`, as
/// `starts_word` says (but for a digit after a thousands separator, which does not)?
const STARTS: [[bool; 4]; 4] = {
    let kinds = [CharKind::Letter, CharKind::Digit, CharKind::Symbol, CharKind::Other];
    let mut table = [[false; 4]; 4];
    let mut p = 0;
    while p < 4 {
        let mut k = 0;
        while k < 4 {
            table[p][k] = match kinds[k] {
                CharKind::Other => false,
                CharKind::Symbol => true,
                CharKind::Letter => !matches!(kinds[p], CharKind::Letter),
                CharKind::Digit => !matches!(kinds[p], CharKind::Digit),
            };
            k += 1;
        }
        p += 1;
    }
    table
};

/// Where the pair `first`, `second` (lower-cased) goes in a signature.
pub fn pair_slot(first: char, second: char) -> u8 {
    let hash = (u32::from(first).wrapping_mul(0x9e37_79b1) ^ u32::from(second).wrapping_mul(0x85eb_ca77))
        .wrapping_mul(0xc2b2_ae35);
    (hash >> 24) as u8
}

/// Where the triple `first`, `second`, `third` (lower-cased) goes in a signature.
pub fn triple_slot(first: char, second: char, third: char) -> u8 {
    let hash = (u32::from(first).wrapping_mul(0x9e37_79b1)
        ^ u32::from(second).wrapping_mul(0x85eb_ca77)
        ^ u32::from(third).wrapping_mul(0x27d4_eb2f))
    .wrapping_mul(0xc2b2_ae35);
    (hash >> 24) as u8
}

/// Does `signature` hold the triple in `slot` (`triple_slot`)?
pub fn holds_triple(signature: &[u64], slot: u8) -> bool {
    holds_pair(signature, slot)
}

/// A piece of a query word, split the way record text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Lower-cased letters; in a free word, with the digits and inner `-` or `.` that follow
    /// its first letter (`kn-23`, `arms-for-liftoff`).
    Word(String),
    /// A number's digits, thousands separators dropped, a decimal point kept (`8,000` → `8000`).
    Number(String),
    Symbol(char),
}

/// Split a query `word` the way record text is split: a number stands apart from what
/// follows it (`152mm` → 152, mm; `40%` → 40, %), thousands separators go (`8,000` → 8000),
/// other punctuation separates pieces. With `compounds`, a word that begins with a letter
/// stays whole across digits and inner hyphens and dots (`kn-23`), as free words are
/// matched; without (phrases), each run of letters is a piece of its own.
pub fn pieces(word: &str, compounds: bool) -> Vec<Piece> {
    let text: Vec<char> = word.chars().map(lowercase_char).collect();
    let mut pieces = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let start = at;
        match text[at].kind() {
            CharKind::Letter => {
                let mut end = at;
                while at < text.len() {
                    let kind = text[at].kind();
                    let joiner = compounds
                        && matches!(text[at], '-' | '.')
                        && at > start
                        && matches!(text[at - 1].kind(), CharKind::Letter | CharKind::Digit)
                        && matches!(
                            text.get(at + 1).map(|c| c.kind()),
                            Some(CharKind::Letter | CharKind::Digit)
                        );
                    let inside = kind == CharKind::Letter || (compounds && kind == CharKind::Digit) || joiner;
                    if !inside {
                        break;
                    }
                    at += 1;
                    if !joiner {
                        end = at;
                    }
                }
                pieces.push(Piece::Word(text[start..end].iter().collect()));
            }
            CharKind::Digit => {
                let mut digits = String::new();
                while at < text.len() && (text[at].kind() == CharKind::Digit || joins_number(&text, at)) {
                    if text[at] != ',' {
                        digits.push(text[at]);
                    }
                    at += 1;
                }
                pieces.push(Piece::Number(digits));
            }
            CharKind::Symbol => {
                pieces.push(Piece::Symbol(text[at]));
                at += 1;
            }
            CharKind::Other => at += 1,
        }
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(word: &str, compounds: bool) -> Vec<String> {
        pieces(word, compounds)
            .into_iter()
            .map(|p| match p {
                Piece::Word(w) => format!("w:{w}"),
                Piece::Number(n) => format!("n:{n}"),
                Piece::Symbol(s) => format!("s:{s}"),
            })
            .collect()
    }

    #[test]
    fn numbers_lose_their_separators_and_stand_apart_from_units() {
        assert_eq!(words("8,000", true), ["n:8000"]);
        assert_eq!(words("1,000,000", true), ["n:1000000"]);
        assert_eq!(words("2.5", true), ["n:2.5"]);
        assert_eq!(words("152mm", true), ["n:152", "w:mm"]);
        assert_eq!(words("40%", true), ["n:40", "s:%"]);
        assert_eq!(words("$500", true), ["s:$", "n:500"]);
        assert_eq!(words("2023-08", true), ["n:2023", "n:08"]);
        assert_eq!(words("8,00", true), ["n:8", "n:00"], "a separator is followed by three digits");
    }

    #[test]
    fn free_words_keep_compounds_and_phrases_split_them() {
        assert_eq!(words("KN-23", true), ["w:kn-23"]);
        assert_eq!(words("kn23", true), ["w:kn23"]);
        assert_eq!(words("arms-for-liftoff", true), ["w:arms-for-liftoff"]);
        assert_eq!(words("arms-for-liftoff", false), ["w:arms", "w:for", "w:liftoff"]);
        assert_eq!(words("kn-23", false), ["w:kn", "n:23"]);
        assert_eq!(words("u.s.", true), ["w:u.s"]);
        assert_eq!(words("(kursk)", true), ["w:kursk"]);
        assert_eq!(words("korea's", true), ["w:korea", "w:s"]);
        assert_eq!(words("Émile", true), ["w:émile"]);
    }

    #[test]
    fn words_start_at_each_part_of_a_compound_and_not_inside_a_number() {
        let starts = |text: &str| -> Vec<usize> {
            let bytes = text.as_bytes();
            (0..bytes.len()).filter(|&at| starts_word(bytes, at)).collect()
        };
        assert_eq!(starts("arms-for-liftoff"), [0, 5, 9]);
        assert_eq!(starts("KN-23"), [0, 3]);
        assert_eq!(starts("152mm"), [0, 3]);
        assert_eq!(starts("8,000 40%"), [0, 6, 8]);
        assert_eq!(starts("1,2"), [0, 2], "not a thousands separator");
        let chars: Vec<char> = "Ким-23".chars().collect();
        assert!(starts_word(&chars, 0) && starts_word(&chars, 4) && !starts_word(&chars, 1));
    }
}

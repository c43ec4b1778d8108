//! Heading anchors as GitHub makes them, so a report's links to its own headings work on
//! GitHub and in the HTML export alike (which gives its headings the same ids).

use rustc_hash::FxHashMap as HashMap;
use unicode_general_category::{GeneralCategory as G, get_general_category};

/// The anchors of a document's headings, made in order: a repeated heading gets `-1`, `-2` …
#[derive(Debug, Default)]
pub struct Slugger {
    seen: HashMap<String, usize>,
}

impl Slugger {
    /// The anchor of the next heading, whose text (as written in markdown, or as parsed:
    /// escapes and markup are punctuation, dropped either way) is `heading`.
    pub fn slug(&mut self, heading: &str) -> String {
        let base = slug(heading);
        let mut candidate = base.clone();
        while self.seen.contains_key(&candidate) {
            let count = self.seen.entry(base.clone()).or_default();
            *count += 1;
            candidate = format!("{base}-{count}");
        }
        self.seen.insert(candidate.clone(), 0);
        candidate
    }
}

/// GitHub's rule: lower-cased, punctuation and symbols dropped (but `-` and `_`), spaces
/// made `-`.
fn slug(heading: &str) -> String {
    let kept = |c: char| {
        c == '-'
            || c == '_'
            || c == ' '
            || matches!(
                get_general_category(c),
                G::UppercaseLetter
                    | G::LowercaseLetter
                    | G::TitlecaseLetter
                    | G::ModifierLetter
                    | G::OtherLetter
                    | G::NonspacingMark
                    | G::SpacingMark
                    | G::EnclosingMark
                    | G::DecimalNumber
                    | G::LetterNumber
                    | G::OtherNumber
            )
    };
    heading
        .trim()
        .chars()
        .filter(|&c| kept(c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_githubs() {
        let mut slugger = Slugger::default();
        assert_eq!(
            slugger.slug("2023-08 → 2023-11-01 · NIS: North Korea has sent Russia over a million shells"),
            "2023-08--2023-11-01--nis-north-korea-has-sent-russia-over-a-million-shells"
        );
        assert_eq!(slugger.slug("Figures"), "figures");
        assert_eq!(slugger.slug("Figures"), "figures-1", "a repeat is numbered");
        assert_eq!(slugger.slug("figures-1"), "figures-1-1");
        assert_eq!(slugger.slug(r"\*bold\* snake\_case \<b\>"), "bold-snake_case-b", "escapes drop out");
    }
}

//! Ranking a picker's values by how well typed text fits each name.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// How well typed text fits a name, as a reader scanning a list would judge it: fuzzy-matcher's
/// skim algorithm, which scores letters in a row, word starts and the name's own start high.
/// What ranks a picker's values among those the word matcher lets through.
pub struct NameScorer {
    skim: SkimMatcherV2,
}

impl Default for NameScorer {
    fn default() -> Self {
        Self { skim: SkimMatcherV2::default().ignore_case() }
    }
}

impl NameScorer {
    /// The score of `typed` in `name`; None when its letters are not in `name` in order.
    pub fn score(&self, name: &str, typed: &str) -> Option<i64> {
        self.skim.fuzzy_match(name, typed)
    }
}

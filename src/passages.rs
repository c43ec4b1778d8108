//! Where each citation sits in its article, and how much of each article the dataset
//! covers. The reader, `annals show` and `annals coverage` all read passages from here.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use crate::load::locate;
use crate::model::Dataset;

/// A span of an article that one or more events cite, with the quote as curated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Passage {
    /// Byte offsets into the article as written.
    pub start: usize,
    pub end: usize,
    pub quote: String,
    /// The ids of the events citing it, in chronological order.
    pub events: Vec<String>,
    /// The same events, as dataset indices.
    #[serde(skip)]
    pub indices: Vec<usize>,
}

impl Passage {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// Every passage of `source`'s article that some event cites, in the article's order. A
/// quote cited by several events is one passage.
pub fn passages(dataset: &Dataset, source: &str) -> Vec<Passage> {
    let Some(article) = dataset.article(source) else { return Vec::new() };
    let mut by_quote: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, event) in dataset.events().iter().enumerate() {
        for citation in event.citations.iter().filter(|c| c.source == source) {
            let citing = by_quote.entry(citation.quote.as_str()).or_default();
            if citing.last() != Some(&index) {
                citing.push(index);
            }
        }
    }
    let mut passages: Vec<Passage> = by_quote
        .into_iter()
        .filter_map(|(quote, indices)| {
            let range = locate(article, quote)?;
            let events = indices.iter().map(|&i| dataset.event(i).id.clone()).collect();
            Some(Passage { start: range.start, end: range.end, quote: quote.to_string(), events, indices })
        })
        .collect();
    passages.sort_by_key(|p| (p.start, p.end));
    passages
}

/// A paragraph of an article: a run of text between blank lines or, in an article that has
/// no blank lines, a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The paragraphs of `text`, blank-line separated when it has blank lines, else one a line.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line))
        })
        .collect();
    let blank_separated = lines.iter().any(|(_, line)| line.trim().is_empty());
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for (start, line) in lines {
        let content = line.trim_end_matches(['\n', '\r']);
        let blank = content.trim().is_empty();
        if blank || !blank_separated {
            if let Some(range) = current.take() {
                out.push(range);
            }
        }
        if !blank {
            let end = start + content.len();
            current = Some(current.map_or(start..end, |range| range.start..end));
        }
    }
    out.extend(current);
    out.into_iter()
        .map(|r| Paragraph { start: r.start, end: r.end, text: text[r.clone()].to_string() })
        .collect()
}

/// How much of one article the dataset cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Coverage {
    pub source: String,
    pub paragraphs: usize,
    pub cited: usize,
    pub uncited: Vec<Paragraph>,
}

impl Coverage {
    /// The cited share, 0 to 1 (1 for an article with no paragraphs).
    pub fn share(&self) -> f64 {
        if self.paragraphs == 0 { 1.0 } else { self.cited as f64 / self.paragraphs as f64 }
    }
}

/// The paragraphs of `source`'s article that at least one citation touches, and the text of
/// those none does.
pub fn coverage(dataset: &Dataset, source: &str) -> Coverage {
    let text = dataset.article(source).unwrap_or_default();
    let passages = passages(dataset, source);
    let all = paragraphs(text);
    let touched = |p: &Paragraph| passages.iter().any(|c| c.start < p.end && p.start < c.end);
    let paragraphs = all.len();
    let uncited: Vec<Paragraph> = all.into_iter().filter(|p| !touched(p)).collect();
    Coverage { source: source.to_string(), paragraphs, cited: paragraphs - uncited.len(), uncited }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_blank_line_separated_or_one_a_line() {
        let text = "First line\nstill first.\n\nSecond.\r\n\n\nThird";
        let found: Vec<&str> = paragraphs(text).iter().map(|p| &text[p.start..p.end]).collect();
        assert_eq!(found, ["First line\nstill first.", "Second.", "Third"]);
        let lines = "One.\nTwo.\nThree.\n";
        let found: Vec<String> = paragraphs(lines).into_iter().map(|p| p.text).collect();
        assert_eq!(found, ["One.", "Two.", "Three."]);
        assert!(paragraphs("").is_empty());
    }

    #[test]
    fn every_bundled_citation_is_a_passage_of_its_article() {
        let dataset = crate::load::load(&crate::load::Bundled).expect("the bundled dataset loads");
        for source in dataset.sources() {
            let article = dataset.article(&source.id).expect("article");
            let passages = passages(&dataset, &source.id);
            for passage in &passages {
                assert!(article.is_char_boundary(passage.start) && article.is_char_boundary(passage.end));
                assert!(!passage.events.is_empty());
            }
            let cited: usize =
                dataset.events().iter().filter(|e| e.citations.iter().any(|c| c.source == source.id)).count();
            let in_passages: std::collections::BTreeSet<&String> =
                passages.iter().flat_map(|p| &p.events).collect();
            assert_eq!(in_passages.len(), cited, "{}: every citing event has its passage", source.id);
            let coverage = coverage(&dataset, &source.id);
            assert!(coverage.cited > 0 && coverage.cited <= coverage.paragraphs, "{coverage:?}");
        }
    }
}

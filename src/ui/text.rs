//! Turning data text into styled spans: cleaning, highlighting and fitting to a width.

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::UnicodeWidthChar;

use crate::text::clean_char;

/// `text` as spans, with the characters at `positions` (character indices) in `matched`.
pub fn highlighted(text: &str, positions: &[usize], base: Style, matched: Style) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (i, c) in text.chars().enumerate() {
        let is_matched = positions.binary_search(&i).is_ok();
        if is_matched != run_matched && !run.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut run), if run_matched { matched } else { base }));
        }
        run_matched = is_matched;
        run.push(clean_char(c));
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_matched { matched } else { base }));
    }
    spans
}

pub fn width_of(spans: &[Span<'_>]) -> usize {
    spans.iter().map(|s| s.width()).sum()
}

/// Cut `spans` to at most `width` columns, ending with "…" when anything was cut. Wide
/// characters are never split.
pub fn fit(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    if width_of(&spans) <= width {
        return spans;
    }
    let Some(room) = width.checked_sub(1) else { return Vec::new() };
    let mut out = Vec::new();
    let mut used = 0;
    'spans: for span in spans {
        let mut kept = String::new();
        for c in span.content.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > room {
                if !kept.is_empty() {
                    out.push(Span::styled(kept, span.style));
                }
                break 'spans;
            }
            used += w;
            kept.push(c);
        }
        out.push(Span::styled(kept, span.style));
    }
    out.push(Span::raw("…"));
    out
}

/// Pad `spans` with spaces to exactly `width` columns (after fitting).
pub fn pad(mut spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    spans = fit(spans, width);
    let used = width_of(&spans);
    if used < width {
        spans.push(Span::raw(" ".repeat(width - used)));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::clean;

    fn text(spans: &[Span<'_>]) -> String {
        spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn cleaning_makes_escapes_and_invisibles_visible_one_for_one() {
        assert_eq!(clean("a\u{1b}[31mb\u{202e}c\u{200b}d\te"), "a\u{fffd}[31mb\u{fffd}c\u{fffd}d\u{fffd}e");
        assert_eq!(clean("김정은 Kim"), "김정은 Kim");
    }

    #[test]
    fn every_invisible_format_character_is_made_visible() {
        for c in [
            '\u{e0001}',
            '\u{e0041}',
            '\u{206a}',
            '\u{fff9}',
            '\u{180e}',
            '\u{1d173}',
            '\u{2066}',
            '\u{200d}',
        ] {
            assert_eq!(clean_char(c), '\u{fffd}', "{:?}", c);
        }
    }

    #[test]
    fn highlighting_splits_runs_at_matched_characters() {
        let spans = highlighted("KN-23", &[0, 1, 3, 4], Style::new(), Style::new().bold());
        let parts: Vec<&str> = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(parts, ["KN", "-", "23"]);
    }

    #[test]
    fn fitting_counts_columns_and_never_splits_wide_characters() {
        assert_eq!(text(&fit(vec![Span::raw("artillery")], 6)), "artil…");
        assert_eq!(text(&fit(vec![Span::raw("김정은")], 4)), "김…", "two columns each");
        assert_eq!(text(&fit(vec![Span::raw("short")], 10)), "short");
        assert_eq!(text(&pad(vec![Span::raw("ab")], 4)), "ab  ");
        assert!(fit(vec![Span::raw("abc")], 0).is_empty());
    }
}

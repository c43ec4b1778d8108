//! HTML out: the markdown report rendered as one self-contained page, with no scripts and
//! nothing fetched from elsewhere, that reads well on screen and on paper.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::text::clean_char;

/// The markdown report as a complete HTML page titled `title` (plain text).
pub fn page(markdown: &str, title: &str) -> String {
    // The markdown escapes every character of the data that could start markup, so the data
    // yields only text; were any raw HTML to get through, it is written as text all the same.
    // Tables: the report's "Figures" section.
    let options = Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES;
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, options)
        .map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            other => other,
        })
        .collect();
    let mut body = String::with_capacity(markdown.len() * 5 / 4);
    pulldown_cmark::html::push_html(&mut body, with_heading_ids(events).into_iter());
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        text(title)
    )
}

/// Each heading with the id GitHub would give it, so the report's links to related events
/// (`#slug`) work in the page as they do on GitHub.
fn with_heading_ids(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut slugs = super::markdown::Slugs::default();
    let mut out = Vec::with_capacity(events.len());
    let mut heading: Option<usize> = None;
    let mut text = String::new();
    for event in events {
        match &event {
            Event::Start(Tag::Heading { .. }) => {
                heading = Some(out.len());
                text.clear();
            }
            Event::Text(t) | Event::Code(t) if heading.is_some() => text.push_str(t),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(at) = heading.take() {
                    if let Event::Start(Tag::Heading { id, .. }) = &mut out[at] {
                        *id = Some(CowStr::from(slugs.add(&text)));
                    }
                }
            }
            _ => {}
        }
        out.push(event);
    }
    out
}

/// Text as HTML that shows it literally: `& < > " '` escaped, and control and invisible
/// characters (bidi overrides among them) shown as U+FFFD.
pub fn text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len() + 8);
    for c in raw.chars() {
        match clean_char(c) {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Readable on a screen in light or dark, and on paper: no page breaks inside an event's
/// fields or a footnote, and the reproducing command wrapped rather than cut off.
const STYLE: &str = "
:root { color-scheme: light dark; }
body { font: 1rem/1.55 Georgia, 'Times New Roman', serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4 { font-family: system-ui, sans-serif; line-height: 1.25; }
h2 { border-bottom: 1px solid #8886; padding-bottom: .2rem; }
h4 { margin-bottom: .4rem; }
ul { padding-left: 1.2rem; }
table { border-collapse: collapse; font-size: .9em; margin: .6rem 0 1.2rem; }
th, td { border: 1px solid #8886; padding: .2rem .4rem; text-align: left; vertical-align: top; }
pre { padding: .6rem; border: 1px solid #8886; white-space: pre-wrap; overflow-wrap: anywhere; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .9em; }
.footnote-definition { font-size: .9em; margin: .3rem 0 .3rem 1.6rem; }
.footnote-definition p { display: inline; }
.footnote-definition-label { margin-left: -1.4rem; margin-right: .4rem; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  h2, h3, h4 { break-after: avoid; }
  li, .footnote-definition, pre { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_cleaned() {
        assert_eq!(
            text("<b a=\"x\" b='y'>&</b>\u{1b}\u{202e}"),
            "&lt;b a=&quot;x&quot; b=&#39;y&#39;&gt;&amp;&lt;/b&gt;\u{fffd}\u{fffd}"
        );
    }

    #[test]
    fn raw_html_in_markdown_is_written_as_text() {
        let html = page("<script>alert(1)</script>\n\nx <img src=x onerror=alert(1)>", "t");
        assert!(!html.contains("<script>") && !html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
    }
}

//! HTML out: the markdown report rendered as one self-contained page, with no scripts and
//! nothing fetched from elsewhere, that reads well on screen and on paper.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::anchors::Slugger;

use crate::text::clean_char;

/// The markdown report as a complete HTML page titled `title` (plain text).
pub fn page(markdown: &str, title: &str) -> String {
    // The markdown escapes every character of the data that could start markup, so the data
    // yields only text; were any raw HTML to get through, it is written as text all the same.
    let options = Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES;
    let mut events: Vec<Event<'_>> = Parser::new_ext(markdown, options)
        .map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            other => other,
        })
        .collect();
    anchor_headings(&mut events);
    let mut body = String::with_capacity(markdown.len() * 5 / 4);
    pulldown_cmark::html::push_html(&mut body, events.into_iter());
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n",
        text(title)
    )
}

/// Give every heading the id GitHub would, so the report's links to its headings work here
/// too. Prefixed, here and in those links, so that no heading (`2023`) takes a footnote's id.
fn anchor_headings(events: &mut [Event<'_>]) {
    let mut slugger = Slugger::default();
    let mut at = 0;
    while at < events.len() {
        if let Event::Start(Tag::Link { dest_url, .. }) = &mut events[at] {
            if let Some(anchor) = dest_url.strip_prefix('#') {
                *dest_url = format!("#{HEADING}{anchor}").into();
            }
        }
        if matches!(events[at], Event::Start(Tag::Heading { .. })) {
            let mut text = String::new();
            let mut end = at + 1;
            while end < events.len() && !matches!(events[end], Event::End(TagEnd::Heading(_))) {
                if let Event::Text(t) | Event::Code(t) = &events[end] {
                    text.push_str(t);
                }
                end += 1;
            }
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[at] {
                *id = Some(format!("{HEADING}{}", slugger.slug(&text)).into());
            }
            at = end;
        }
        at += 1;
    }
}

/// What a heading's id starts with.
const HEADING: &str = "h-";

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

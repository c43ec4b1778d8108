//! JSON out: serde_json's pretty printer, with every character that could drive a terminal
//! or hide itself escaped, so the bytes are safe to show and still decode to the exact data.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CharEscape, Formatter, PrettyFormatter};

use super::Options;
use super::records::EventRecord;
use crate::model::Dataset;
use crate::text::clean_char;

/// A JSON array of the events, pretty-printed, with a final newline.
pub fn write_json(
    out: &mut dyn Write,
    dataset: &Dataset,
    events: &[usize],
    options: Options,
) -> io::Result<()> {
    let records: Vec<EventRecord<'_>> =
        events.iter().map(|&i| EventRecord::new(&dataset.events()[i], dataset)).collect();
    write_value(out, &records, options)
}

/// Any value as pretty JSON with a final newline, escaped as `write_json` escapes.
pub(super) fn write_value(out: &mut dyn Write, value: &impl Serialize, options: Options) -> io::Result<()> {
    let formatter = SafeFormatter { pretty: PrettyFormatter::new(), terminal: options.terminal };
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, formatter);
    value.serialize(&mut serializer).map_err(io::Error::from)?;
    writeln!(out)
}

/// serde_json escapes only C0 controls, `"` and `\`. This also escapes DEL, C1 controls,
/// bidi overrides and isolates and the other invisible characters `clean_char` names, as
/// `\uXXXX` (the data stays exact). For a terminal, every one of them, and the C0
/// controls too, becomes U+FFFD, as in text output.
struct SafeFormatter<'a> {
    pretty: PrettyFormatter<'a>,
    terminal: bool,
}

impl Formatter for SafeFormatter<'_> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|&(_, c)| clean_char(c) != c) {
            writer.write_all(&rest.as_bytes()[..at])?;
            if self.terminal {
                writer.write_all("\u{fffd}".as_bytes())?;
            } else {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    write!(writer, "\\u{unit:04x}")?;
                }
            }
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn write_char_escape<W: ?Sized + Write>(&mut self, writer: &mut W, escape: CharEscape) -> io::Result<()> {
        let escaped: &[u8] = match escape {
            CharEscape::Quote => b"\\\"",
            CharEscape::ReverseSolidus => b"\\\\",
            _ if self.terminal => "\u{fffd}".as_bytes(),
            CharEscape::Solidus => b"\\/",
            CharEscape::Backspace => b"\\b",
            CharEscape::FormFeed => b"\\f",
            CharEscape::LineFeed => b"\\n",
            CharEscape::CarriageReturn => b"\\r",
            CharEscape::Tab => b"\\t",
            CharEscape::AsciiControl(byte) => return write!(writer, "\\u{byte:04x}"),
        };
        writer.write_all(escaped)
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array(writer)
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.pretty.begin_array_value(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object(writer)
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.pretty.begin_object_key(writer, first)
    }

    fn end_object_key<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object_key(writer)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(value: &str, terminal: bool) -> String {
        let mut out = Vec::new();
        write_value(&mut out, &value, Options { terminal, ..Options::default() }).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn invisible_and_control_characters_are_escaped_and_decode_back() {
        let hostile =
            "a\u{1b}[31m b\u{7f} c\u{85} d\u{9b} e\u{202e}f\u{2066} g\u{200b} h\u{e0041} \"q\" \\ /";
        let written = json(hostile, false);
        assert_eq!(
            written,
            "\"a\\u001b[31m b\\u007f c\\u0085 d\\u009b e\\u202ef\\u2066 g\\u200b h\\udb40\\udc41 \\\"q\\\" \\\\ /\"\n"
        );
        assert!(written.chars().all(|c| clean_char(c) == c || c == '\n'), "only printable characters");
        assert_eq!(serde_json::from_str::<String>(&written).unwrap(), hostile, "exact after decoding");
    }

    #[test]
    fn for_a_terminal_they_become_replacement_characters() {
        assert_eq!(
            json("a\u{1b}b\nc\u{85}d\u{202e}e\"", true),
            "\"a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}e\\\"\"\n"
        );
    }
}

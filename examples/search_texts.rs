//! One line per event with exactly the text annals searches (title, summary, names of the
//! actors and weapon types, quotes), to time `fzf --filter` on the same records:
//! `cargo run --release --example search_texts -- DIR > texts.txt`.

use std::io::Write;

use annals::load::{self, OnDisk};

fn main() {
    let dir = std::env::args().nth(1).expect("usage: search_texts DIR");
    let dataset = load::load(&OnDisk::new(&dir)).expect("the dataset loads");
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut fields = Vec::new();
    for index in 0..dataset.events().len() {
        dataset.search_fields_into(index, &mut fields);
        fields.extend(dataset.event(index).citations.iter().map(|c| c.quote.as_str()));
        let line = fields.join(" ").replace('\n', " ");
        writeln!(out, "{line}").expect("write");
    }
}

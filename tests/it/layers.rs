//! The layers point one way: a module imports only from the layers below it
//! (docs/ARCHITECTURE.md). This test reads the sources and fails on any upward import.

use std::path::{Path, PathBuf};

/// Lowest first. `cli` and `commands` sit with `main`, on top.
const LAYERS: &[&str] = &[
    "date", "text", "model", "search", "query", "load", "passages", "figures", "export", "app", "keymap",
    "ui", "tui", "cli", "commands",
];

fn rank(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| *layer == module)
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules `text` names as `crate::NAME`.
fn imports(text: &str) -> Vec<String> {
    text.match_indices("crate::")
        .map(|(at, _)| {
            text[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

#[test]
fn no_layer_imports_a_higher_one() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut upward = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src");
        let top = relative.components().next().expect("a component").as_os_str().to_string_lossy();
        let module = top.trim_end_matches(".rs");
        let Some(own) = rank(module) else { continue }; // lib.rs, main.rs
        let text = std::fs::read_to_string(file).expect("readable");
        for import in imports(&text) {
            if rank(&import).is_some_and(|theirs| theirs > own) {
                upward.push(format!("{} imports crate::{import}", relative.display()));
            }
        }
    }
    assert!(upward.is_empty(), "imports that point up a layer:\n{}", upward.join("\n"));
    assert!(files.len() > 20, "the sources were found");
}

#[test]
fn every_module_has_a_layer() {
    let lib =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs")).expect("lib.rs");
    for line in lib.lines().filter_map(|l| l.strip_prefix("pub mod ")) {
        let module = line.trim_end_matches(';');
        assert!(rank(module).is_some(), "src/{module} has no place in LAYERS; add it where it belongs");
    }
}

#[test]
fn the_check_itself_sees_an_upward_import() {
    assert_eq!(imports("use crate::ui::theme; crate::app::App"), ["ui", "app"]);
}

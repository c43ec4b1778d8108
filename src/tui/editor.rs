//! The user's editor, opened at a file and line: `$VISUAL`, else `$EDITOR`, else `vi`, split
//! as a shell would split it (so `code --wait` and quoted paths work).

use std::path::Path;
use std::process::Command;

/// The program and arguments that open `path` at `line` with `editor` (as `$EDITOR` is
/// written): `+LINE FILE` for the vi family, nano, emacs, micro and helix; `-g FILE:LINE` for
/// VS Code and its relatives; the file alone for any other. None when `editor` is empty or
/// not a valid shell word list.
pub fn command(editor: &str, path: &Path, line: u32) -> Option<(String, Vec<String>)> {
    let mut words = shell_words::split(editor).ok()?;
    if words.is_empty() {
        return None;
    }
    let program = words.remove(0);
    let name = Path::new(&program).file_name().and_then(|n| n.to_str()).unwrap_or(&program).to_string();
    let file = path.display().to_string();
    match name.as_str() {
        "vi" | "vim" | "nvim" | "gvim" | "view" | "nano" | "emacs" | "emacsclient" | "micro" | "hx"
        | "helix" | "kak" | "joe" | "mg" => {
            words.push(format!("+{line}"));
            words.push(file);
        }
        "code" | "code-insiders" | "codium" | "vscodium" | "cursor" => {
            words.push("-g".to_string());
            words.push(format!("{file}:{line}"));
        }
        _ => words.push(file),
    }
    Some((program, words))
}

/// The editor the user asked for.
pub fn chosen() -> String {
    ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|var| std::env::var(var).ok())
        .find(|value| !value.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Run the editor on `path` at `line` and wait for it; the error says what went wrong.
pub fn run(path: &Path, line: u32) -> Result<(), String> {
    let editor = chosen();
    let (program, args) =
        command(&editor, path, line).ok_or_else(|| format!("cannot read the editor command {editor:?}"))?;
    match Command::new(&program).args(&args).status() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("{program} ended with {status}")),
        Err(error) => Err(format!("cannot start {program}: {error}; set $VISUAL or $EDITOR")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(editor: &str) -> (String, Vec<String>) {
        command(editor, Path::new("/d/data/events/2023.toml"), 42).expect("a command")
    }

    #[test]
    fn each_editor_family_gets_the_line_its_way() {
        for editor in ["vi", "vim", "/usr/bin/nvim", "nano", "emacs", "micro", "hx", "helix"] {
            assert_eq!(args(editor).1, ["+42", "/d/data/events/2023.toml"], "{editor}");
        }
        assert_eq!(
            args("code --wait"),
            ("code".into(), vec!["--wait".into(), "-g".into(), "/d/data/events/2023.toml:42".into()])
        );
        assert_eq!(args("gedit").1, ["/d/data/events/2023.toml"], "an editor we don't know gets the file");
        assert_eq!(args("'/opt/my editor/vim' -u NONE").0, "/opt/my editor/vim", "split as a shell splits");
        assert!(command("", Path::new("f"), 1).is_none());
        assert!(command("'unclosed", Path::new("f"), 1).is_none());
    }
}

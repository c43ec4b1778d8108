//! Paths as a person types them.

use std::path::{Path, PathBuf};

/// `~` and `~/…` as the home directory ($HOME), as a shell would expand them; any other
/// path as it is (`~user` too, and everything when HOME is unset or empty).
pub fn expand_tilde(path: &str) -> PathBuf {
    let home = std::env::var_os("HOME").filter(|home| !home.is_empty()).map(PathBuf::from);
    expand_tilde_with(path, home.as_deref())
}

/// `expand_tilde` with the home directory given.
pub fn expand_tilde_with(path: &str, home: Option<&Path>) -> PathBuf {
    match (path.strip_prefix('~'), home) {
        (Some(""), Some(home)) => home.to_path_buf(),
        (Some(rest), Some(home)) if rest.starts_with('/') => home.join(rest.trim_start_matches('/')),
        _ => PathBuf::from(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_tilde_is_the_home_directory() {
        let home = Some(Path::new("/home/ana"));
        assert_eq!(expand_tilde_with("~", home), Path::new("/home/ana"));
        assert_eq!(expand_tilde_with("~/", home), Path::new("/home/ana/"));
        assert_eq!(expand_tilde_with("~/notes/x.md", home), Path::new("/home/ana/notes/x.md"));
    }

    #[test]
    fn other_tildes_and_a_missing_home_leave_the_path_alone() {
        let home = Some(Path::new("/home/ana"));
        for path in ["~bob/x.md", "x~/y", "notes/~", "/abs/x.md", "", "~~"] {
            assert_eq!(expand_tilde_with(path, home), Path::new(path), "{path}");
        }
        assert_eq!(expand_tilde_with("~/x.md", None), Path::new("~/x.md"));
    }

    #[test]
    fn expand_tilde_reads_home() {
        // HOME is read, never set, here: tests run in parallel.
        match std::env::var_os("HOME").filter(|h| !h.is_empty()) {
            Some(home) => assert_eq!(expand_tilde("~/x"), Path::new(&home).join("x")),
            None => assert_eq!(expand_tilde("~/x"), Path::new("~/x")),
        }
    }
}

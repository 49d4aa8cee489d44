//! Where the REPL keeps its history between runs.
//!
//! The XDG base directory rules: `$XDG_DATA_HOME/letitcrash/history`, or
//! `~/.local/share/letitcrash/history` when that is unset. History is a
//! convenience, so every failure (no home, a read-only disk) just means no
//! history, never an error in front of an audience.

use std::path::{Path, PathBuf};

/// The history file, with its directory created; `None` when there is no
/// place for it.
pub fn path() -> Option<PathBuf> {
    let file = location(
        std::env::var_os("XDG_DATA_HOME").as_deref().map(Path::new),
        std::env::var_os("HOME").as_deref().map(Path::new),
    )?;
    std::fs::create_dir_all(file.parent()?).ok()?;
    Some(file)
}

/// The history file for these environment values (pure, for tests). A
/// relative `XDG_DATA_HOME` is invalid by the spec and ignored.
pub fn location(xdg_data_home: Option<&Path>, home: Option<&Path>) -> Option<PathBuf> {
    let data = match xdg_data_home {
        Some(dir) if dir.is_absolute() => dir.to_path_buf(),
        _ => home
            .filter(|h| !h.as_os_str().is_empty())?
            .join(".local/share"),
    };
    Some(data.join("letitcrash").join("history"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefers_xdg_data_home() {
        assert_eq!(
            location(Some(Path::new("/data")), Some(Path::new("/home/ada"))),
            Some(PathBuf::from("/data/letitcrash/history"))
        );
    }

    #[test]
    fn falls_back_to_local_share() {
        let expected = Some(PathBuf::from("/home/ada/.local/share/letitcrash/history"));
        assert_eq!(location(None, Some(Path::new("/home/ada"))), expected);
        assert_eq!(
            location(Some(Path::new("relative")), Some(Path::new("/home/ada"))),
            expected
        );
    }

    #[test]
    fn no_home_no_history() {
        assert_eq!(location(None, None), None);
    }
}

//! The toolchain `rust-toolchain.toml` pins: named in `gen`'s messages, and compared
//! with the rustc that compiled the stencils (their bytes depend on it).

use std::path::Path;

/// The file at the workspace root that pins the toolchain.
pub const FILE: &str = "rust-toolchain.toml";

/// The pinned channel (`channel = "1.95.0"`), if the file says one. The file is read as
/// lines, not as TOML: the one key needed is a plain string.
pub fn pinned(root: &Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join(FILE)).ok()?;
    channel(&text)
}

fn channel(text: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (key, value) = line.split_once('=')?;
        (key.trim() == "channel").then(|| value.trim().trim_matches('"').to_string())
    })
}

/// Whether `rustc --version` output is of the pinned channel. Only a numbered channel
/// can be compared ("stable" names no version): otherwise the answer is yes.
pub fn is_pinned(rustc_version: &str, channel: &str) -> bool {
    if !channel.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    rustc_version.split_whitespace().nth(1) == Some(channel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_channel_is_read_from_the_file() {
        assert_eq!(channel("[toolchain]\nchannel = \"1.95.0\"\ncomponents = [\"rustfmt\"]\n").as_deref(), Some("1.95.0"));
        assert_eq!(channel("[toolchain]\n"), None);
    }

    #[test]
    fn versions_compare_by_their_number() {
        assert!(is_pinned("rustc 1.95.0 (59807616e 2026-04-14)", "1.95.0"));
        assert!(!is_pinned("rustc 1.97.0-nightly (e50aa6fba 2026-05-19)", "1.95.0"));
        assert!(!is_pinned("rustc 1.95.1 (aaaaaaaaa 2026-05-01)", "1.95.0"));
        assert!(is_pinned("rustc 1.97.0-nightly (e50aa6fba 2026-05-19)", "nightly"));
    }

    /// The workspace pins a numbered toolchain: the one CI and every machine have.
    #[test]
    fn the_workspace_pins_a_version() {
        let root = crate::generate::workspace_root();
        let pinned = pinned(&root).expect("rust-toolchain.toml names a channel");
        assert!(pinned.starts_with(|c: char| c.is_ascii_digit()), "{pinned}");
    }
}

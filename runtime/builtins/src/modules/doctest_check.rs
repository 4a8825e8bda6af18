//! doctest's output checker: whether what an example printed is what it expects,
//! under the comparison flags (CPython's `OutputChecker`), and the text of the
//! difference a failure report shows.

use super::doctest_parse::{DONT_ACCEPT_BLANKLINE, DONT_ACCEPT_TRUE_FOR_1, ELLIPSIS, NORMALIZE_WHITESPACE};

const BLANKLINE: &str = "<BLANKLINE>";

/// CPython's `OutputChecker.check_output`.
pub fn check_output(want: &str, got: &str, flags: u32) -> bool {
    // Non-ASCII text compares as its backslash escapes (a want written as `\u1234`).
    let (want, got) = (to_ascii(want), to_ascii(got));
    if want == got {
        return true;
    }
    if flags & DONT_ACCEPT_TRUE_FOR_1 == 0 && matches!((got.as_str(), want.as_str()), ("True\n", "1\n") | ("False\n", "0\n")) {
        return true;
    }
    let (mut want, mut got) = (want, got);
    if flags & DONT_ACCEPT_BLANKLINE == 0 {
        want = map_lines(&want, |l| if l.strip_prefix(BLANKLINE).is_some_and(|r| r.trim().is_empty()) { "" } else { l });
        got = map_lines(&got, |l| if !l.is_empty() && l.chars().all(|c| c.is_whitespace()) { "" } else { l });
        if want == got {
            return true;
        }
    }
    if flags & NORMALIZE_WHITESPACE != 0 {
        got = got.split_whitespace().collect::<Vec<_>>().join(" ");
        want = want.split_whitespace().collect::<Vec<_>>().join(" ");
        if want == got {
            return true;
        }
    }
    flags & ELLIPSIS != 0 && ellipsis_match(&want, &got)
}

/// Each line (without its newline) replaced by `f` of it.
fn map_lines<'a>(s: &'a str, f: impl Fn(&'a str) -> &'a str) -> String {
    s.split('\n').map(f).collect::<Vec<_>>().join("\n")
}

/// `s.encode('ASCII', 'backslashreplace')` as text.
fn to_ascii(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c as u32 {
            0..0x80 => out.push(c),
            n @ 0x80..0x100 => out.push_str(&format!("\\x{n:02x}")),
            n @ 0x100..0x10000 => out.push_str(&format!("\\u{n:04x}")),
            n => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}

/// `...` in `want` stands for any text (CPython's worst-case linear matcher).
pub fn ellipsis_match(want: &str, got: &str) -> bool {
    if !want.contains("...") {
        return want == got;
    }
    let mut pieces: Vec<&str> = want.split("...").collect();
    let (mut start, mut end) = (0, got.len());
    let first = pieces[0];
    if !first.is_empty() {
        if !got.starts_with(first) {
            return false;
        }
        start = first.len();
        pieces.remove(0);
    }
    let last = pieces[pieces.len() - 1];
    if !last.is_empty() {
        if !got.ends_with(last) {
            return false;
        }
        end -= last.len();
        pieces.pop();
    }
    if start > end {
        return false;
    }
    for piece in pieces {
        match got[start..end].find(piece) {
            Some(at) => start += at + piece.len(),
            None => return false,
        }
    }
    true
}

/// Every non-empty line indented by four spaces.
pub fn indent(s: &str) -> String {
    s.split_inclusive('\n').map(|l| if l == "\n" || l.is_empty() { l.to_string() } else { format!("    {l}") }).collect()
}

/// CPython's `OutputChecker.output_difference` without the diff reports: what was
/// expected, then what was printed (blank lines shown as `<BLANKLINE>`).
pub fn output_difference(want: &str, got: &str, flags: u32) -> String {
    let got = if flags & DONT_ACCEPT_BLANKLINE == 0 {
        got.split_inclusive('\n')
            .map(|l| match l.strip_suffix('\n') {
                Some(body) if body.chars().all(|c| c == ' ') => format!("{BLANKLINE}\n"),
                _ => l.to_string(),
            })
            .collect()
    } else {
        got.to_string()
    };
    match (want.is_empty(), got.is_empty()) {
        (false, false) => format!("Expected:\n{}Got:\n{}", indent(want), indent(&got)),
        (false, true) => format!("Expected:\n{}Got nothing\n", indent(want)),
        (true, false) => format!("Expected nothing\nGot:\n{}", indent(&got)),
        (true, true) => "Expected nothing\nGot nothing\n".to_string(),
    }
}

/// CPython's `_strip_exception_details`: `pkg.Error: detail` to `Error`.
pub fn strip_exception_details(msg: &str) -> &str {
    let mut end = msg.find('\n').unwrap_or(msg.len());
    if let Some(i) = msg[..end].find(':') {
        end = i;
    }
    let start = msg[..end].rfind('.').map_or(0, |i| i + 1);
    &msg[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_widen_what_matches() {
        assert!(check_output("1\n", "True\n", 0));
        assert!(check_output("a\n<BLANKLINE>\nb\n", "a\n\nb\n", 0));
        assert!(!check_output("[1, 2]\n", "[1,\n 2]\n", 0));
        assert!(check_output("[1, 2]\n", "[1,\n 2]\n", NORMALIZE_WHITESPACE));
        assert!(check_output("[0, ..., 9]\n", "[0, 1, 2, 9]\n", ELLIPSIS));
        assert!(!check_output("aa...aa\n", "aaa\n", ELLIPSIS));
        assert_eq!(strip_exception_details("mod.Error: x\n"), "Error");
    }

    #[test]
    fn the_difference_shows_blank_lines() {
        assert_eq!(output_difference("1\n", "\n2\n", 0), "Expected:\n    1\nGot:\n    <BLANKLINE>\n    2\n");
        assert_eq!(output_difference("", "x\n", 0), "Expected nothing\nGot:\n    x\n");
    }
}

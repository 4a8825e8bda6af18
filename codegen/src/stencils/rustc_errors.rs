//! rustc's errors on the stencil crate, traced back to uops. The analysis reads bodies'
//! syntax but not their types, so a body can pass it and still not compile; an error
//! inside a stencil function is about that uop's body, and is reported at the uop.
//! rustc's whole output follows, as it is (an error of its own when no uop is to blame).

use super::error::{Error, at_uop};
use super::source::{SHARED_SUFFIX, STENCIL_PREFIX};
use std::path::Path;
use stitch_dsl::model::Analysis;

/// The error for a crate rustc refused: `source` is the crate's text, `crate_path`
/// where it was written, `stderr` what rustc printed (its human-readable format).
pub fn error(a: &Analysis, source: &str, crate_path: &Path, stderr: &str) -> Error {
    let mut e = Error::default();
    for (headline, line, col) in located(stderr) {
        let Some((uop, shared_oparg)) = stencil_at(source, line) else { continue };
        let Some(u) = a.uop(uop) else { continue };
        e.uops.push(
            at_uop(u, shared_oparg, &format!("does not compile: {headline}"))
                .note(format!("rustc's error is at {}:{line}:{col}, in the body as lowered for the JIT; its full output follows", crate_path.display())),
        );
    }
    let output = format!("rustc's output on the stencil crate ({}):\n{}", crate_path.display(), stderr.trim_end());
    if e.uops.is_empty() {
        e.build.push(format!("the stencil crate does not compile: {output}"));
    } else {
        e.details.push(output);
    }
    e
}

/// Each error's headline (`mismatched types [E0308]`) and its first location in
/// `stencils.rs` (line, column).
fn located(stderr: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut headline: Option<String> = None;
    for line in stderr.lines() {
        if let Some(rest) = line.strip_prefix("error") {
            headline = match rest.split_once(": ") {
                Some((code, text)) if !text.starts_with("aborting due to") => {
                    let code = code.trim_start_matches('[').trim_end_matches(']');
                    Some(if code.is_empty() { text.to_string() } else { format!("{text} [{code}]") })
                }
                _ => None,
            };
            continue;
        }
        let Some(at) = line.trim_start().strip_prefix("--> ") else { continue };
        let Some(h) = headline.take() else { continue };
        let mut parts = at.rsplitn(3, ':');
        let (Some(col), Some(row), Some(path)) = (parts.next(), parts.next(), parts.next()) else { continue };
        if let (Ok(row), Ok(col), true) = (row.parse(), col.parse(), path.ends_with("stencils.rs")) {
            out.push((h, row, col));
        }
    }
    out
}

/// The stencil function a 1-based line of the crate is in (stencil functions come last
/// in the crate, one after another), and whether it is the oparg-in-register variant.
fn stencil_at(source: &str, line: usize) -> Option<(&str, bool)> {
    let mut found = None;
    for text in source.lines().take(line) {
        if let Some(at) = text.find(&format!("fn {STENCIL_PREFIX}")) {
            let name = &text[at + 3 + STENCIL_PREFIX.len()..];
            found = name.split('(').next();
        }
    }
    let name = found?;
    Some(match name.strip_suffix(SHARED_SUFFIX) {
        Some(uop) => (uop, true),
        None => (name, false),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const STDERR: &str = "error[E0308]: mismatched types\n  --> stencils.rs:5:20\n   |\n5  |     res = Value(1.5);\n   |           ^^^ expected `u64`\n\nerror: aborting due to 1 previous error\n\nFor more information about this error, try `rustc --explain E0308`.\n";

    #[test]
    fn errors_are_read_with_their_first_location() {
        assert_eq!(located(STDERR), vec![("mismatched types [E0308]".to_string(), 5, 20)]);
        assert_eq!(located("error: linking failed\n"), vec![]);
    }

    #[test]
    fn a_line_belongs_to_the_stencil_function_it_is_in() {
        let source = "pub mod abi {}\n#[unsafe(no_mangle)]\npub unsafe extern \"C\" fn _JIT_STENCIL_A(frame: *mut Frame) -> u64 {\n}\npub unsafe extern \"C\" fn _JIT_STENCIL_B__oparg_in_register(frame: *mut Frame) -> u64 {\n    x\n}\n";
        assert_eq!(stencil_at(source, 1), None);
        assert_eq!(stencil_at(source, 4), Some(("A", false)));
        assert_eq!(stencil_at(source, 6), Some(("B", true)));
    }
}

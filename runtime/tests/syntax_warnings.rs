//! SyntaxWarnings as CPython 3.11 prints them: each program in `tests/warnings/`
//! runs under stitch and CPython, and the whole stderr and stdout must be the same
//! (CPython names the files by their absolute paths, and so does stitch here). The
//! module `warned_module.py` is imported by `literals.py`: its warnings come at the
//! import, after the main program's.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::python;

fn run(exe: &Path, args: &[&str], dir: &Path) -> (Option<i32>, String, String) {
    let out = Command::new(exe).args(args).current_dir(dir).env("PYTHONDONTWRITEBYTECODE", "1").output().unwrap();
    (out.status.code(), String::from_utf8_lossy(&out.stdout).to_string(), String::from_utf8_lossy(&out.stderr).to_string())
}

#[test]
fn syntax_warnings_are_printed_as_cpython_prints_them() {
    let Some(python) = python() else {
        eprintln!("python3 not found: skipped");
        return;
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/warnings");
    let stitch = PathBuf::from(env!("CARGO_BIN_EXE_stitch"));
    let mut failures = Vec::new();
    let cases: &[&[&str]] = &[&["literals.py"], &["clean.py"], &["-c", "print(2 is 2, 'x'[1.5] if False else 0)"]];
    for tier in ["1", "jit"] {
        for args in cases {
            let expected = run(&python, args, &dir);
            let mut with_tier = vec!["run", "--tier", tier];
            with_tier.extend_from_slice(args);
            let got = run(&stitch, &with_tier, &dir);
            if got != expected {
                failures.push(format!("{args:?} under tier {tier}:\n  cpython {expected:?}\n  stitch  {got:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

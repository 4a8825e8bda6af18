//! End-to-end tests of the front end: each `programs/NAME.py` runs under tier 1 and
//! must give the stdout, exit code and last stderr line recorded beside it (see
//! README.md).

use std::path::{Path, PathBuf};
use std::process::Command;

fn programs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/compiler/programs");
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.extension().is_some_and(|e| e == "py"));
    v.sort();
    v
}

/// A description of how the run differs from the recording, if it does.
fn check(py: &Path) -> Option<String> {
    let stdout = std::fs::read(py.with_extension("stdout")).unwrap_or_default();
    let status = std::fs::read_to_string(py.with_extension("status")).unwrap_or_default();
    let exit: i32 = status
        .lines()
        .find_map(|l| l.strip_prefix("exit: "))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    let stderr_last = status
        .lines()
        .find_map(|l| l.strip_prefix("stderr-last: "))
        .map(str::to_string);
    let out = Command::new(env!("CARGO_BIN_EXE_stitch"))
        .current_dir(py.parent()?)
        .args(["run", "--tier", "1"])
        .arg(py.file_name()?)
        .output()
        .ok()?;
    let name = py.file_name()?.to_string_lossy().to_string();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(str::to_string);
    let mut problems = Vec::new();
    if out.stdout != stdout {
        problems.push(format!(
            "stdout:\n{}\nexpected:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&stdout)
        ));
    }
    if out.status.code() != Some(exit) {
        problems.push(format!("exit {:?}, expected {exit}", out.status.code()));
    }
    if exit != 0 && last != stderr_last {
        problems.push(format!(
            "last stderr line {last:?}, expected {stderr_last:?}"
        ));
    }
    (!problems.is_empty()).then(|| format!("{name}: {}", problems.join("; ")))
}

#[test]
fn programs_give_the_recorded_results() {
    let programs = programs();
    assert!(!programs.is_empty(), "no programs found");
    let failures: Vec<String> = programs.iter().filter_map(|p| check(p)).collect();
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        programs.len(),
        failures.join("\n")
    );
}

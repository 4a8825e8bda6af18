//! Helpers shared by the integration tests.

use std::sync::Mutex;

/// Runs `check` on every item, on all cores; returns the failures it reported.
#[allow(dead_code)]
pub fn failures_in_parallel<T: Sync>(items: &[T], check: impl Fn(&T) -> Option<String> + Sync) -> Vec<String> {
    let failures = Mutex::new(Vec::new());
    let next = Mutex::new(0);
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap();
                        *n += 1;
                        *n - 1
                    };
                    let Some(item) = items.get(i) else { break };
                    if let Some(f) = check(item) {
                        failures.lock().unwrap().push(f);
                    }
                }
            });
        }
    });
    failures.into_inner().unwrap()
}

/// The frames of a traceback on stderr, as the tests compare them with CPython's: each
/// `File "PATH", line N, in NAME` line with the file named by its base name (CPython
/// names the program by its absolute path, stitch as given), and each `[Previous line
/// repeated N more times]`. Source lines and CPython's caret lines are left out.
/// `tests/programs/record.py` records the same lines (`traceback:` in NAME.status).
#[allow(dead_code)]
pub fn traceback_frames(stderr: &str) -> Vec<String> {
    let mut frames = Vec::new();
    for line in stderr.lines() {
        if let Some(rest) = line.strip_prefix("  File \"") {
            let Some((path, tail)) = rest.rsplit_once("\", line ") else { continue };
            let base = path.rsplit('/').next().unwrap_or(path);
            frames.push(format!("File \"{base}\", line {tail}"));
        } else if line.starts_with("  [Previous line repeated ") {
            frames.push(line.trim().to_string());
        }
    }
    frames
}

/// The last non-empty line of stderr (the exception, or stitch's refusal).
#[allow(dead_code)]
pub fn last_line(stderr: &str) -> Option<String> {
    stderr.lines().rev().find(|l| !l.trim().is_empty()).map(str::to_string)
}

/// The real CPython binary (`sys.executable`: the `python3` shim adds a start-up
/// cost), if there is one.
#[allow(dead_code)]
pub fn python() -> Option<std::path::PathBuf> {
    let out = std::process::Command::new("python3").args(["-c", "import sys; print(sys.executable)"]).output().ok()?;
    out.status.success().then(|| std::path::PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

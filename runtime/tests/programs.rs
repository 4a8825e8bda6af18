//! The conformance corpus: every `tests/programs/NAME.py` runs under every tier and
//! must give the stdout, exit code and traceback (every frame's file, line and function,
//! and the last line) that CPython 3.11 gave (recorded beside it as NAME.stdout and
//! NAME.status by `tests/programs/record.py`).

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

struct Expected {
    stdout: Vec<u8>,
    exit: i32,
    /// `traceback:` lines: the frames as `common::traceback_frames` gives them.
    traceback: Vec<String>,
    stderr_last: Option<String>,
}

fn expected(py: &Path) -> Expected {
    let stdout = std::fs::read(py.with_extension("stdout")).expect("NAME.stdout beside the program");
    // Without NAME.status the program is expected to succeed.
    let status = std::fs::read_to_string(py.with_extension("status")).unwrap_or_else(|_| "exit: 0\n".to_string());
    let mut exit = 0;
    let mut stderr_last = None;
    let mut traceback = Vec::new();
    for line in status.lines() {
        if let Some(v) = line.strip_prefix("exit: ") {
            exit = v.trim().parse().expect("an exit code");
        } else if let Some(v) = line.strip_prefix("stderr-last: ") {
            // Empty when the program failed silently (`sys.exit(3)`): no stderr at all.
            stderr_last = Some(v.to_string()).filter(|v| !v.is_empty());
        } else if let Some(v) = line.strip_prefix("traceback: ") {
            traceback.push(v.to_string());
        }
    }
    Expected { stdout, exit, traceback, stderr_last }
}

fn programs(dir: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .expect("the corpus directory")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py") && p.with_extension("stdout").exists())
        .collect();
    v.sort();
    v
}

/// Runs one program under one tier; returns a description of the mismatch, if any.
pub fn check(py: &Path, tier: &str, extra: &[&str]) -> Option<String> {
    let want = expected(py);
    let out = Command::new(env!("CARGO_BIN_EXE_stitch"))
        .current_dir(py.parent().unwrap())
        .args(["run", "--tier", tier])
        .args(extra)
        .arg(py.file_name().unwrap())
        .output()
        .expect("stitch runs");
    let name = format!("{} (--tier {tier} {})", py.file_name().unwrap().to_string_lossy(), extra.join(" "));
    let code = out.status.code().unwrap_or(-1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let last = common::last_line(&stderr);
    let mut problems = Vec::new();
    let stdout = without_directory(&out.stdout, py.parent().unwrap());
    if stdout != want.stdout {
        let got = String::from_utf8_lossy(&stdout);
        let exp = String::from_utf8_lossy(&want.stdout);
        let line = got.lines().zip(exp.lines()).position(|(a, b)| a != b).unwrap_or(got.lines().count().min(exp.lines().count()));
        problems.push(format!(
            "stdout differs at line {}: got {:?}, expected {:?}",
            line + 1,
            got.lines().nth(line).unwrap_or("<end>"),
            exp.lines().nth(line).unwrap_or("<end>")
        ));
    }
    if code != want.exit {
        problems.push(format!("exit code {code}, expected {}", want.exit));
    }
    if (want.exit != 0 || want.stderr_last.is_some()) && last != want.stderr_last {
        problems.push(format!("last stderr line {last:?}, expected {:?}", want.stderr_last));
    }
    let frames = common::traceback_frames(&stderr);
    if want.exit != 0 && frames != want.traceback {
        problems.push(format!("traceback {frames:#?}, expected {:#?}", want.traceback));
    }
    // A program that succeeds says nothing on stderr, unless CPython's said something
    // too (`unittest.main()` reports there): then its last line is compared.
    if want.exit == 0 && want.stderr_last.is_none() && !stderr.trim().is_empty() {
        problems.push(format!("unexpected stderr: {}", stderr.lines().last().unwrap_or("")));
    }
    (!problems.is_empty()).then(|| format!("{name}: {}", problems.join("; ")))
}

/// `stdout` with the program's directory (absolute, with its `/`) left out wherever
/// it is printed, as record.py records it: doctest's reports name the script by its
/// absolute path (`__file__`), which differs between checkouts.
fn without_directory(stdout: &[u8], dir: &Path) -> Vec<u8> {
    let dir = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let prefix = format!("{}/", dir.display());
    let prefix = prefix.as_bytes();
    let mut out = Vec::with_capacity(stdout.len());
    let mut i = 0;
    while i < stdout.len() {
        if stdout[i..].starts_with(prefix) {
            i += prefix.len();
        } else {
            out.push(stdout[i]);
            i += 1;
        }
    }
    out
}

/// Runs every program under `tier` on all cores; panics listing every failure.
fn run_corpus(dir: &str, tier: &str, extra: &[&str]) {
    let programs = programs(dir);
    assert!(programs.len() >= 40, "the corpus has {} programs", programs.len());
    let failures = common::failures_in_parallel(&programs, |py| check(py, tier, extra));
    assert!(failures.is_empty(), "{} of {} programs failed:\n{}", failures.len(), programs.len(), failures.join("\n"));
}

#[test]
fn corpus_under_tier_1() {
    run_corpus("tests/programs", "1", &[]);
}

#[test]
fn corpus_under_tier_2() {
    run_corpus("tests/programs", "2", &[]);
}

#[test]
fn corpus_under_tier_2_with_eager_thresholds() {
    // Loops and exits warm up at once: every executor and stitch path gets exercised.
    run_corpus("tests/programs", "2", &["--loop-threshold", "1", "--exit-hotness", "-1"]);
}

#[test]
fn corpus_under_the_jit() {
    run_corpus("tests/programs", "jit", &[]);
}

#[test]
fn corpus_under_the_jit_with_eager_thresholds() {
    run_corpus("tests/programs", "jit", &["--loop-threshold", "1", "--exit-hotness", "-1"]);
}

#[test]
fn corpus_with_a_cycle_collection_at_every_allocation() {
    // Every container allocated runs the collector first: a container left
    // inconsistent while something allocates, or a reference it holds that its
    // `traverse` misreports, shows up as a wrong output or a crash.
    for tier in ["1", "jit"] {
        run_corpus("tests/programs", tier, &["--gc-threshold", "0"]);
    }
}

#[test]
fn benchmarks_give_cpythons_output() {
    // Correctness only (timing is `cargo xtask bench`): the benchmark programs under the
    // fastest tier.
    let programs = programs("benchmarks");
    let failures: Vec<String> = programs.iter().filter_map(|p| check(p, "jit", &[])).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The expected outputs are CPython 3.11's: re-check them when python3 is here.
#[test]
fn expected_outputs_are_cpythons() {
    let python = Command::new("python3").arg("--version").output();
    let Ok(v) = python else {
        eprintln!("python3 not found: skipping the re-check of the recorded outputs");
        return;
    };
    let version = String::from_utf8_lossy(&v.stdout).to_string() + &String::from_utf8_lossy(&v.stderr);
    if !version.contains("3.11") {
        eprintln!("python3 is not 3.11 ({version}): skipping the re-check");
        return;
    }
    let out = Command::new("python3").arg(root().join("tests/programs/record.py")).arg("--check").output().unwrap();
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
}

/// Bytes that are not UTF-8: CPython's SyntaxError, naming the file as CPython does
/// (the working directory joined with the path as given), exit code 1.
#[test]
fn non_utf8_source_is_cpythons_syntax_error() {
    let dir = std::env::temp_dir().join(format!("stitch-non-utf8-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("sub/bad.py"), b"x = 1\ny = \"\xff\xfe\"\n").unwrap();
    let run = |program: &str, args: &[&str]| Command::new(program).args(args).arg("./sub/bad.py").current_dir(&dir).output();
    let out = run(env!("CARGO_BIN_EXE_stitch"), &["run"]).unwrap();
    let last = |b: &[u8]| String::from_utf8_lossy(b).lines().last().unwrap_or("").to_string();
    let cwd = dir.canonicalize().unwrap();
    let want = format!(
        "SyntaxError: Non-UTF-8 code starting with '\\xff' in file {}/./sub/bad.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details",
        cwd.display()
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(last(&out.stderr), want);
    if let Ok(py) = run("python3", &[]) {
        assert_eq!(last(&py.stderr), want, "CPython agrees");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A NUL byte anywhere: CPython's SyntaxError before anything runs, exit code 1.
#[test]
fn null_bytes_are_cpythons_syntax_error() {
    let dir = std::env::temp_dir().join(format!("stitch-nul-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("nul.py"), b"print(1)\ny = \"a\x00b\"\n").unwrap();
    let run = |program: &str, args: &[&str]| Command::new(program).args(args).arg("nul.py").current_dir(&dir).output();
    let out = run(env!("CARGO_BIN_EXE_stitch"), &["run"]).unwrap();
    let last = |b: &[u8]| String::from_utf8_lossy(b).lines().last().unwrap_or("").to_string();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "nothing runs");
    assert_eq!(last(&out.stderr), "SyntaxError: source code cannot contain null bytes");
    if let Ok(py) = run("python3", &[]) {
        assert_eq!(last(&py.stderr), last(&out.stderr), "CPython agrees");
        assert_eq!(String::from_utf8_lossy(&py.stderr), String::from_utf8_lossy(&out.stderr), "the whole report");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A complex result met only at run time (a negative base to a fractional power,
/// which the specialized float power leaves to the generic path): CPython's value,
/// under every tier and with eager thresholds, in a hot loop whose float
/// accumulator turns complex and in a callee its trace followed.
#[test]
fn a_complex_result_in_a_trace_is_cpythons() {
    let dir = std::env::temp_dir().join(format!("stitch-complex-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let programs = [
        (
            "complex.py",
            "print(2 ** 0.5)\ny = -8\nfor i in range(50):\n    y = y - 0.0\nprint(y ** 0.5)\n",
            "(1.7319121124709868e-16+2.8284271247461903j)",
        ),
        (
            "hot_complex.py",
            "print(2 ** 0.5)\nacc = 0.0\nfor b in [4.0] * 100 + [-8.0]:\n    acc += 1.0\n    acc += b ** 0.5\nprint(acc)\n",
            "(301+2.8284271247461903j)",
        ),
        (
            "callee_complex.py",
            "print(2 ** 0.5)\ndef root(b):\n    c = b + 0.0\n    return c ** 0.5\nacc = 0.0\nfor b in [4.0] * 100 + [-8.0]:\n    acc += root(b)\nprint(acc)\n",
            "(200+2.8284271247461903j)",
        ),
    ];
    let configs: [&[&str]; 5] = [
        &["--tier", "1"],
        &["--tier", "2"],
        &["--tier", "jit"],
        &["--tier", "2", "--loop-threshold", "2", "--exit-hotness", "-2"],
        &["--tier", "jit", "--loop-threshold", "2", "--exit-hotness", "-2"],
    ];
    for (name, source, last_line) in programs {
        std::fs::write(dir.join(name), source).unwrap();
        for config in configs {
            let out = Command::new(env!("CARGO_BIN_EXE_stitch")).arg("run").args(config).arg(name).current_dir(&dir).output().unwrap();
            let what = format!("{name} {}", config.join(" "));
            assert_eq!(out.status.code(), Some(0), "{what}: {}", String::from_utf8_lossy(&out.stderr));
            assert_eq!(String::from_utf8_lossy(&out.stdout), format!("1.4142135623730951\n{last_line}\n"), "{what}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every member of every family is chosen by the specializer in some program of the
/// corpus: a member the `.uops` file declares but no program reaches is dead code that
/// no test covers.
#[test]
fn every_family_member_is_chosen_by_some_program() {
    let programs = programs("tests/programs");
    let chosen = std::sync::Mutex::new(std::collections::BTreeSet::<String>::new());
    let dir = std::env::temp_dir().join(format!("stitch-members-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let failures = common::failures_in_parallel(&programs, |py| {
        let json = dir.join(py.file_name().unwrap()).with_extension("json");
        Command::new(env!("CARGO_BIN_EXE_stitch"))
            .current_dir(py.parent().unwrap())
            .args(["run", "--tier", "1", "--stats-json"])
            .arg(&json)
            .arg(py.file_name().unwrap())
            .output()
            .expect("stitch runs");
        let text = std::fs::read_to_string(&json).ok()?;
        let v: serde_json::Value = serde_json::from_str(&text).ok()?;
        let mut set = chosen.lock().unwrap();
        for name in v["specialized"].as_object()?.keys() {
            set.insert(name.clone());
        }
        None
    });
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty());
    let chosen = chosen.into_inner().unwrap();
    let dead: Vec<&str> = stitch_abi::FAMILIES
        .iter()
        .flat_map(|f| f.members.iter())
        .map(|&m| stitch_abi::INSTRUCTIONS[m as usize].name)
        .filter(|name| !chosen.contains(*name))
        .collect();
    assert!(dead.is_empty(), "family members no corpus program makes the specializer choose: {dead:?}");
}

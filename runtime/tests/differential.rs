//! Differential testing against CPython: random programs in the subset
//! (`tests/differential/generate.py SEED`: int and float arithmetic past the small
//! ints and i64, nested loops, followed calls, flipping branches, containers, globals
//! that change type; classes with dunders, properties, slots and super() that change
//! while the loop runs, generators, closures, try/finally and with, sets,
//! comprehensions and star-unpacking (`tests/differential/pieces.py`); every third
//! one then fails late in a hot loop, in a callee or a nested loop) must give CPython's
//! stdout, exit code and traceback (every frame's file, line and function, and the last
//! line) under every tier, with default and with eager thresholds, and with a cycle
//! collection at every allocation. Fixed seeds, so a failure repeats;
//! `STITCH_DIFF_SEEDS=FROM..TO` runs others. Needs python3 3.11 (skipped without it: it
//! is the oracle and the generator).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

const CONFIGS: [&[&str]; 6] = [
    &["--tier", "1"],
    &["--tier", "2"],
    &["--tier", "jit"],
    &["--tier", "2", "--loop-threshold", "1", "--exit-hotness", "-1"],
    &["--tier", "jit", "--loop-threshold", "1", "--exit-hotness", "-1"],
    // A container left inconsistent while something allocates, or a reference its
    // `traverse` misreports, shows as a wrong output or a crash.
    &["--tier", "jit", "--loop-threshold", "1", "--exit-hotness", "-1", "--gc-threshold", "0"],
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn python_311() -> bool {
    Command::new("python3").arg("--version").output().is_ok_and(|v| {
        let text = String::from_utf8_lossy(&v.stdout).to_string() + &String::from_utf8_lossy(&v.stderr);
        text.contains("3.11")
    })
}

/// Generates program `seed`, runs it under CPython and every configuration; returns
/// what differed.
fn check(seed: u64, dir: &Path) -> Option<String> {
    let generated = Command::new("python3").arg(root().join("tests/differential/generate.py")).arg(seed.to_string()).output().unwrap();
    assert!(generated.status.success(), "the generator fails for seed {seed}");
    let py = dir.join(format!("p{seed}.py"));
    std::fs::write(&py, &generated.stdout).unwrap();
    let run = |program: &str, args: &[&str]| -> Output { Command::new(program).args(args).arg(&py).output().unwrap() };
    let want = run("python3", &[]);
    // The traceback's frames and its last line.
    let report = |o: &Output| {
        let stderr = String::from_utf8_lossy(&o.stderr);
        (common::traceback_frames(&stderr), common::last_line(&stderr).unwrap_or_default())
    };
    let mut problems = Vec::new();
    for config in CONFIGS {
        let got = run(env!("CARGO_BIN_EXE_stitch"), &[&["run"], config].concat());
        let same = got.stdout == want.stdout && got.status.code() == want.status.code() && report(&got) == report(&want);
        if !same {
            problems.push(format!(
                "seed {seed} ({}): exit {:?}, traceback {:?}, stdout {:?}; CPython: exit {:?}, traceback {:?}, stdout {:?}",
                config.join(" "),
                got.status.code(),
                report(&got),
                String::from_utf8_lossy(&got.stdout),
                want.status.code(),
                report(&want),
                String::from_utf8_lossy(&want.stdout),
            ));
            break;
        }
    }
    if problems.is_empty() {
        let _ = std::fs::remove_file(&py);
        None
    } else {
        Some(format!("{} (program kept at {})", problems.join("\n"), py.display()))
    }
}

#[test]
fn random_programs_give_cpythons_output_under_every_tier() {
    if !python_311() {
        eprintln!("python3 3.11 not found: skipping the differential test");
        return;
    }
    let seeds: Vec<u64> = match std::env::var("STITCH_DIFF_SEEDS") {
        Ok(range) => {
            let (from, to) = range.split_once("..").expect("STITCH_DIFF_SEEDS=FROM..TO");
            (from.parse().unwrap()..to.parse().unwrap()).collect()
        }
        // Eight of each of the seven kinds (`generate.py`'s `KINDS`).
        Err(_) => (0..56).collect(),
    };
    let dir = std::env::temp_dir().join(format!("stitch-differential-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let failures = common::failures_in_parallel(&seeds, |&seed| check(seed, &dir));
    if failures.is_empty() {
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(failures.is_empty(), "{} of {} programs differ:\n{}", failures.len(), seeds.len(), failures.join("\n"));
}

//! No arbitrary size limits: programs whose opargs do not fit 16 bits (a loop body longer
//! than 65,536 code units, more than 65,536 constants, names or locals, a 100,000-term
//! `and` chain, stack effects of 70,000 items) compile and run as CPython runs them, under every tier, with default and
//! with eager thresholds. The programs are generated here, at test time; CPython 3.11
//! (when `python3` is it) gives the expected stdout, exit code and traceback, and the
//! tiers must agree with each other in any case.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

mod common;

const CONFIGS: [&[&str]; 5] = [
    &["--tier", "1"],
    &["--tier", "2"],
    &["--tier", "jit"],
    &["--tier", "2", "--loop-threshold", "2", "--exit-hotness", "-2"],
    &["--tier", "jit", "--loop-threshold", "2", "--exit-hotness", "-2"],
];

/// A hot `while` loop of 2,500 statements in a function that also holds 70,000
/// constants: the loop's jumps and the constants read in its body take EXTENDED_ARG
/// prefixes, and traces go through them. The last call raises at the end of the body
/// on its last iteration.
fn long_loop() -> String {
    let mut s = String::from("def work(n, last):\n    table = [");
    for k in 0..70_000 {
        let _ = write!(s, "{k}.25, ");
    }
    s.push_str("]\n    i = 0\n    x = 0\n    y = 0.5\n    while i < n:\n");
    let _ = writeln!(s, "        x = (x + {}) % 1000003", 70_001);
    for k in 0..2_500u32 {
        if k % 50 == 0 {
            let _ = writeln!(s, "        if i % 3 == {}:\n            y = y * 0.5 + {}.5\n        else:\n            y = y + 1.5", k % 3, 80_000 + k);
        } else {
            let _ = writeln!(s, "        x = (x * {} + i * {} - {}) % 1000003", k % 7 + 2, k % 5 + 1, 90_000 + k);
        }
    }
    s.push_str("        x = x + table[i % 70000] // (last - i)\n        i += 1\n    return x, y\n");
    s.push_str("print(work(40, 100))\nprint(work(3, 100))\nprint(work(40, 39))\n");
    s
}

/// A module with a 100,000-element list literal (more than 65,536 constants) that a hot
/// loop sums, and 70,000 global names, the last of them read in a hot loop, which ends
/// reading a name that is not defined (a NameError from a prefixed LOAD_GLOBAL).
fn many_constants_and_names() -> String {
    let mut s = String::from("a = [");
    for k in 0..100_000 {
        let _ = write!(s, "{k}, ");
    }
    s.push_str("]\ntotal = 0\nfor v in a:\n    total += v\nprint(len(a), total)\n");
    for k in 0..70_000 {
        let _ = writeln!(s, "g{k} = {k}");
    }
    s.push_str("t = 0\nfor i in range(100):\n    t = t + g69999 - g0 + i\nprint(t)\n");
    s.push_str("for i in range(100):\n    t = t + g69999 - g0 + i\n    if i == 99:\n        t = t + not_defined\nprint(t)\n");
    s
}

/// A function with 70,000 locals (LOAD_FAST and STORE_FAST with prefixes), called in a
/// hot loop.
fn many_locals() -> String {
    let mut s = String::from("def f(k):\n");
    for j in 0..70_000 {
        let _ = writeln!(s, "    v{j} = k + {}", j % 10);
    }
    s.push_str("    return v69999 + v0 + v35000\nt = 0\nfor i in range(20):\n    t += f(i)\nprint(t)\n");
    s
}

/// 100,000-term `and` and `or` chains: each term jumps to the end of the chain, most of
/// them past 16 bits of code units; the `or` chain runs in a hot loop, in a function.
fn long_chains() -> String {
    let terms = |op: &str, term: &str, last: &str| {
        let mut s = String::new();
        for _ in 0..99_999 {
            let _ = write!(s, "{term} {op} ");
        }
        s + last
    };
    let mut s = String::from("x = 1\n");
    let _ = writeln!(s, "y = {}", terms("and", "x", "x + 1"));
    s.push_str("print(y)\ndef f(z):\n");
    let _ = writeln!(s, "    return {}", terms("or", "z", "7"));
    s.push_str("t = 0\nfor i in range(30):\n    t += f(0) + f(i)\nprint(t)\n");
    let _ = writeln!(s, "if {}:\n    print('all true')", terms("and", "x", "x"));
    s
}

/// Stack effects past 16 bits, in a function a loop calls: a 66,000-item tuple, a call
/// with 66,000 arguments, an unpacking into 66,000 names (which fails on the last call:
/// one value short), a 66,000-entry dict.
fn wide_stack_effects() -> String {
    let n = 66_000;
    let list = |f: &dyn Fn(usize) -> String| (0..n).map(f).collect::<Vec<_>>().join(", ");
    let mut s = String::from("def g(i):\n");
    let _ = writeln!(s, "    t = ({})", list(&|_| "i".to_string()));
    let _ = writeln!(s, "    m = max({})", list(&|k| format!("i + {k}")));
    let _ = writeln!(s, "    u = t if i < 7 else t[1:]");
    let _ = writeln!(s, "    {} = u", list(&|k| format!("a{k}")));
    let _ = writeln!(s, "    d = {{{}}}", list(&|k| format!("{k}: i")));
    s.push_str("    return len(t) + m + a65999 + len(d) + d[65999]\nacc = 0\nfor i in range(8):\n    acc += g(i)\n    if i == 6:\n        print(acc)\n");
    s
}

fn python_311() -> bool {
    Command::new("python3").arg("--version").output().is_ok_and(|v| {
        let text = String::from_utf8_lossy(&v.stdout).to_string() + &String::from_utf8_lossy(&v.stderr);
        text.contains("3.11")
    })
}

/// What a run is compared on: stdout, exit code, the traceback's frames and last line.
fn report(o: &Output) -> (String, Option<i32>, Vec<String>, Option<String>) {
    let stderr = String::from_utf8_lossy(&o.stderr);
    (String::from_utf8_lossy(&o.stdout).to_string(), o.status.code(), common::traceback_frames(&stderr), common::last_line(&stderr))
}

fn stitch(args: &[&str], py: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stitch")).args(args).arg(py.file_name().unwrap()).current_dir(py.parent().unwrap()).output().unwrap()
}

/// Runs a program under every configuration; returns the mismatches.
fn check(name: &str, source: &str, dir: &Path, cpython: bool) -> Vec<String> {
    let py = dir.join(format!("{name}.py"));
    std::fs::write(&py, source).unwrap();
    let want = if cpython {
        let out = Command::new("python3").arg(py.file_name().unwrap()).current_dir(dir).output().unwrap();
        report(&out)
    } else {
        report(&stitch(&["run", "--tier", "1"], &py))
    };
    let mut problems = Vec::new();
    for config in CONFIGS {
        let got = report(&stitch(&[&["run"], config].concat(), &py));
        if got != want {
            problems.push(format!("{name} ({}): got {got:?}, expected {want:?}", config.join(" ")));
        }
    }
    problems
}

fn dir(what: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("stitch-large-{what}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn programs_past_16_bit_opargs_run_as_cpython_runs_them() {
    let cpython = python_311();
    if !cpython {
        eprintln!("python3 3.11 not found: the tiers are compared with each other only");
    }
    let dir = dir("programs");
    let programs: [(&str, fn() -> String); 5] = [
        ("long_loop", long_loop),
        ("many_constants_and_names", many_constants_and_names),
        ("many_locals", many_locals),
        ("long_chains", long_chains),
        ("wide_stack_effects", wide_stack_effects),
    ];
    let failures = common::failures_in_parallel(&programs, |(name, make)| {
        let problems = check(name, &make(), &dir, cpython);
        (!problems.is_empty()).then(|| problems.join("\n"))
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_long_loop_is_what_the_test_says() {
    // The loop's jumps and the constants its body reads have prefixes, and `stitch dis`
    // shows them as CPython's dis does: EXTENDED_ARG, then the whole oparg.
    let dir = dir("dis");
    let py = dir.join("long_loop.py");
    std::fs::write(&py, long_loop()).unwrap();
    let out = stitch(&["dis"], &py);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    let after_prefix = |name: &str| lines.windows(2).any(|w| w[0].contains(" EXTENDED_ARG ") && w[1].contains(&format!(" {name} ")));
    assert!(after_prefix("JUMP_BACKWARD"), "the back edge has a prefix");
    assert!(after_prefix("POP_JUMP_IF_FALSE"), "the loop's exit has a prefix");
    assert!(lines.iter().any(|l| l.contains(" LOAD_CONST ") && l.contains("(90001)")), "constants past 65535 are read");
    let wide = lines.iter().position(|l| l.contains("(90001)")).unwrap();
    assert!(lines[wide - 1].contains(" EXTENDED_ARG "));

    // Traces carry the whole oparg: an executor's uops read constants past 65535.
    let dump = dir.join("executors");
    let out = stitch(&["run", "--tier", "2", "--loop-threshold", "2", "--exit-hotness", "-2", "--dump-executors", dump.to_str().unwrap()], &py);
    assert_eq!(out.status.code(), Some(1), "the last call raises");
    let mut wide_uops = 0;
    for entry in std::fs::read_dir(&dump).unwrap() {
        let listing = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        wide_uops += listing
            .lines()
            .filter_map(|l| l.split(" oparg ").nth(1)?.split_whitespace().next()?.parse::<u32>().ok())
            .filter(|&oparg| oparg > u16::MAX as u32)
            .count();
    }
    assert!(wide_uops > 0, "no executor carries an oparg past 16 bits");
    let _ = std::fs::remove_dir_all(&dir);
}

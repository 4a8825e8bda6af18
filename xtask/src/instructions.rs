//! `cargo xtask instructions`: instructions executed by each benchmark under stitch's
//! tier 1, tier 2 and the JIT, counted by valgrind's callgrind. Counts do not move with
//! the load of this shared machine the way times do (the same binary gives the same
//! count), so they show what a change to the tiers did when times cannot; they do
//! not show latency (a float division costs one instruction).

use crate::bench::{benchmark_files, build_stitch};
use std::fmt::Write;
use std::path::Path;
use std::process::Command;

const TIERS: [&str; 3] = ["1", "2", "jit"];

/// Instructions `stitch run --tier T file` executes, and its output.
fn count(stitch: &Path, tier: &str, file: &Path) -> Result<(u64, Vec<u8>), String> {
    let out = Command::new("valgrind")
        // JIT code is written and then run: callgrind must notice code it has seen change.
        .args(["--tool=callgrind", "--smc-check=all", "--callgrind-out-file=/dev/null"])
        .arg(stitch)
        .args(["run", "--tier", tier])
        .arg(file)
        .output()
        .map_err(|e| format!("error: valgrind is needed (apt-get install valgrind): {e}"))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Err(format!("error: --tier {tier} failed on {}:\n{stderr}", file.display()));
    }
    let collected = stderr
        .lines()
        .find_map(|l| l.split("Collected :").nth(1))
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(|| format!("error: no instruction count in valgrind's output for {}:\n{stderr}", file.display()))?;
    Ok((collected, out.stdout))
}

pub fn run(root: &Path, baseline: Option<&Path>, only: &[String]) -> Result<String, String> {
    let stitch = build_stitch(root)?;
    let files = benchmark_files(root, only)?;
    let mut before = String::from("| benchmark | tier 1 | tier 2 | jit |\n|---|---:|---:|---:|\n");
    let mut table = String::from(
        "| benchmark | tier 1 | tier 2 | jit | tier 1 / tier 2 | tier 1 / jit |\n|---|---:|---:|---:|---:|---:|\n",
    );
    for f in &files {
        let expected = std::fs::read(f.with_extension("stdout")).map_err(|e| format!("{}: {e}", f.display()))?;
        let mut counts = Vec::new();
        for tier in TIERS {
            let (n, out) = count(&stitch, tier, f)?;
            if out != expected {
                return Err(format!("error: --tier {tier} gives a different output than CPython on {}", f.display()));
            }
            counts.push(n as f64);
        }
        let g = |n: f64| format!("{:.2} G", n / 1e9);
        if let Some(base) = baseline {
            // Positive: the build under test executes more instructions.
            let mut row = format!("| {} |", f.file_stem().unwrap().to_string_lossy());
            for (k, tier) in TIERS.iter().enumerate() {
                let (n, _) = count(base, tier, f)?;
                let _ = write!(row, " {} -> {} ({:+.2}%) |", g(n as f64), g(counts[k]), 100.0 * (counts[k] / n as f64 - 1.0));
            }
            let _ = writeln!(before, "{row}");
        }
        let _ = writeln!(
            table,
            "| {} | {} | {} | {} | {:.2}x | {:.2}x |",
            f.file_stem().unwrap().to_string_lossy(),
            g(counts[0]),
            g(counts[1]),
            g(counts[2]),
            counts[0] / counts[1],
            counts[0] / counts[2]
        );
    }
    if baseline.is_some() {
        let _ = write!(table, "\nAgainst the baseline (its count -> this build's):\n\n{before}");
    }
    Ok(table)
}

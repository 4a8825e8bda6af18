//! `cargo xtask tune`: how the tier-2 thresholds were chosen. Every benchmark runs
//! under the JIT with each pair of (back-edges before a loop is projected, takes before
//! a side exit is stitched); the table gives the geometric mean of the median times,
//! relative to the current defaults.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

const LOOP_THRESHOLDS: [u16; 5] = [2, 8, 16, 64, 256];
const EXIT_TAKES: [i16; 4] = [2, 8, 16, 64];

fn time(stitch: &Path, file: &Path, threshold: u16, takes: i16) -> Result<f64, String> {
    let t = Instant::now();
    let out = Command::new(stitch)
        .args(["run", "--tier", "jit", "--loop-threshold", &threshold.to_string(), "--exit-hotness", &(-takes).to_string()])
        .arg(file)
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!("{} failed: {}", file.display(), String::from_utf8_lossy(&out.stderr)));
    }
    Ok(t.elapsed().as_secs_f64())
}

pub fn run(root: &Path, runs: usize) -> Result<String, String> {
    let stitch = crate::bench::build_stitch(root)?;
    let files = crate::bench::benchmark_files(root, &[])?;
    let mut rows = Vec::new();
    for &th in &LOOP_THRESHOLDS {
        for &takes in &EXIT_TAKES {
            let mut logs = 0.0;
            for f in &files {
                let mut ts: Vec<f64> = (0..runs.max(1)).map(|_| time(&stitch, f, th, takes)).collect::<Result<_, _>>()?;
                ts.sort_by(|a, b| a.total_cmp(b));
                logs += ts[ts.len() / 2].ln();
            }
            rows.push((th, takes, (logs / files.len() as f64).exp()));
        }
    }
    let best = rows.iter().cloned().fold(f64::INFINITY, |m, r| m.min(r.2));
    let mut out = format!("geometric mean of median times over {} benchmarks ({} runs each), --tier jit\n\n", files.len(), runs);
    out.push_str("| loop threshold | exit takes | geomean (s) | vs best |\n|---:|---:|---:|---:|\n");
    for (th, takes, g) in rows {
        out.push_str(&format!("| {th} | {takes} | {g:.3} | {:.2}x |\n", g / best));
    }
    Ok(out)
}

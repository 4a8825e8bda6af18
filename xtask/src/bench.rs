//! `cargo xtask bench`: the benchmark programs under stitch's tiers, CPython and PyPy,
//! side by side in one run. Runs alternate between the runners, each program several
//! times; the table shows medians and ratios (against CPython and against tier 1) and
//! geometric means. Every output is checked against CPython's first: a mismatch is an
//! error, not a time.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Options {
    pub quick: bool,
    pub runs: usize,
    pub json: Option<PathBuf>,
    /// Another build of stitch, timed beside this one.
    pub baseline: Option<PathBuf>,
    pub only: Vec<String>,
}

#[derive(Clone)]
struct Runner {
    name: &'static str,
    program: PathBuf,
    args: Vec<String>,
}

impl Runner {
    fn command(&self, file: &Path) -> Command {
        let mut c = Command::new(&self.program);
        c.args(&self.args).arg(file);
        c
    }
}

/// The real CPython binary (the pyenv shim adds ~90 ms per start).
fn cpython() -> Option<PathBuf> {
    let out = Command::new("python3").args(["-c", "import sys; print(sys.executable)"]).output().ok()?;
    out.status.success().then(|| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

fn pypy() -> Option<PathBuf> {
    let out = Command::new("pypy3").args(["-c", "import sys; print(sys.executable)"]).output().ok()?;
    out.status.success().then(|| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()))
}

/// The benchmark programs (`benchmarks/*.py`), sorted; only those named in `only`
/// when it is not empty.
pub fn benchmark_files(root: &Path, only: &[String]) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("benchmarks"))
        .map_err(|e| format!("benchmarks/: {e}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .filter(|p| only.is_empty() || only.iter().any(|o| p.file_stem().is_some_and(|s| s == o.as_str())))
        .collect();
    files.sort();
    Ok(files)
}

pub fn build_stitch(root: &Path) -> Result<PathBuf, String> {
    let status = Command::new(env!("CARGO")).current_dir(root).args(["build", "--release", "-p", "stitch", "--quiet"]).status();
    match status {
        Ok(s) if s.success() => Ok(root.join("target/release/stitch")),
        _ => Err("error: cargo build --release -p stitch failed".to_string()),
    }
}

fn time_once(r: &Runner, file: &Path) -> Result<(Duration, Vec<u8>), String> {
    let start = Instant::now();
    let out = r.command(file).output().map_err(|e| format!("{}: {e}", r.name))?;
    let t = start.elapsed();
    if !out.status.success() {
        return Err(format!("{} failed on {}: {}", r.name, file.display(), String::from_utf8_lossy(&out.stderr)));
    }
    Ok((t, out.stdout))
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    let n = v.len();
    if n % 2 == 1 { v[n / 2] } else { (v[n / 2 - 1] + v[n / 2]) / 2.0 }
}

fn geomean(v: &[f64]) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    (v.iter().map(|x| x.ln()).sum::<f64>() / v.len() as f64).exp()
}

pub fn run(root: &Path, opts: &Options) -> Result<String, String> {
    let stitch = build_stitch(root)?;
    let python = cpython().ok_or("error: python3 (CPython 3.11) is needed as the reference")?;
    let mut runners = vec![
        Runner { name: "stitch tier 1", program: stitch.clone(), args: vec!["run".into(), "--tier".into(), "1".into()] },
        Runner { name: "stitch tier 2", program: stitch.clone(), args: vec!["run".into(), "--tier".into(), "2".into()] },
        Runner { name: "stitch jit", program: stitch.clone(), args: vec!["run".into(), "--tier".into(), "jit".into()] },
        Runner { name: "CPython 3.11", program: python.clone(), args: vec![] },
    ];
    let pypy = pypy();
    if let Some(p) = &pypy {
        runners.push(Runner { name: "PyPy", program: p.clone(), args: vec![] });
    }
    // The baseline's runners come last, so the columns before them keep their places.
    let first_baseline = runners.len();
    if let Some(b) = &opts.baseline {
        for (name, tier) in [("baseline tier 1", "1"), ("baseline tier 2", "2"), ("baseline jit", "jit")] {
            runners.push(Runner { name, program: b.clone(), args: vec!["run".into(), "--tier".into(), tier.into()] });
        }
    }
    let files = benchmark_files(root, &opts.only)?;
    let runs = if opts.quick { 1 } else { opts.runs.max(1) };

    // Correctness first: every runner's output must be CPython's.
    for f in &files {
        let expected = std::fs::read(f.with_extension("stdout")).map_err(|e| format!("{}: {e}", f.display()))?;
        for r in &runners {
            let (_, out) = time_once(r, f)?;
            if out != expected {
                return Err(format!("error: {} gives a different output than CPython on {}", r.name, f.display()));
            }
        }
    }

    // Timing: rounds alternate between runners.
    let mut times: Vec<Vec<Vec<f64>>> = vec![vec![Vec::new(); runners.len()]; files.len()];
    for _ in 0..runs {
        for (fi, f) in files.iter().enumerate() {
            for (ri, r) in runners.iter().enumerate() {
                let (t, _) = time_once(r, f)?;
                times[fi][ri].push(t.as_secs_f64());
            }
        }
    }
    let medians: Vec<Vec<f64>> = times.iter().map(|per| per.iter().cloned().map(median).collect()).collect();
    // A ratio is the median of the ratios within each round: the runs of one round
    // follow each other, so a slow spell of this shared machine slows both sides of a
    // ratio alike, where it would move the median of one side only.
    let ratio = |fi: usize, a: usize, b: usize| median(times[fi][a].iter().zip(&times[fi][b]).map(|(x, y)| x / y).collect());
    let startup = startup(&stitch, &python, if opts.quick { 5 } else { 21 })?;

    let cpy = runners.iter().position(|r| r.name.starts_with("CPython")).unwrap();
    let t1 = 0;
    let mut table = String::new();
    let _ = write!(table, "| benchmark |");
    for r in &runners {
        let _ = write!(table, " {} |", r.name);
    }
    for r in &runners {
        if !r.name.starts_with("CPython") {
            let _ = write!(table, " CPython / {} |", r.name);
        }
    }
    let _ = writeln!(table, " tier 1 / jit |");
    let ncols = runners.len() * 2;
    let _ = writeln!(table, "|---|{}", "---:|".repeat(ncols));
    let mut speedups: Vec<Vec<f64>> = vec![Vec::new(); runners.len()];
    let mut jit_over_t1 = Vec::new();
    for (fi, f) in files.iter().enumerate() {
        let name = f.file_stem().unwrap().to_string_lossy();
        let _ = write!(table, "| {name} |");
        for m in &medians[fi] {
            let _ = write!(table, " {:.3} s |", m);
        }
        for (ri, r) in runners.iter().enumerate() {
            if ri == cpy {
                continue;
            }
            let s = ratio(fi, cpy, ri);
            speedups[ri].push(s);
            let _ = write!(table, " {s:.2}x |");
            let _ = r;
        }
        let j = ratio(fi, t1, 2);
        jit_over_t1.push(j);
        let _ = writeln!(table, " {j:.2}x |");
    }
    let _ = write!(table, "| **geometric mean** |{}", " |".repeat(runners.len()));
    for (ri, _) in runners.iter().enumerate() {
        if ri != cpy {
            let _ = write!(table, " **{:.2}x** |", geomean(&speedups[ri]));
        }
    }
    let _ = writeln!(table, " **{:.2}x** |", geomean(&jit_over_t1));

    if opts.baseline.is_some() {
        // Each tier of this build against the same tier of the baseline: above 1, this
        // build is faster.
        let _ = writeln!(table, "\nAgainst the baseline build (its time / this build's time, per tier):\n");
        let _ = writeln!(table, "| benchmark | tier 1 | tier 2 | jit |\n|---|---:|---:|---:|");
        let mut per_tier: Vec<Vec<f64>> = vec![Vec::new(); 3];
        for (fi, f) in files.iter().enumerate() {
            let _ = write!(table, "| {} |", f.file_stem().unwrap().to_string_lossy());
            for (k, list) in per_tier.iter_mut().enumerate() {
                let r = ratio(fi, first_baseline + k, k);
                list.push(r);
                let _ = write!(table, " {r:.3}x |");
            }
            let _ = writeln!(table);
        }
        let _ = writeln!(table, "| **geometric mean** | **{:.3}x** | **{:.3}x** | **{:.3}x** |", geomean(&per_tier[0]), geomean(&per_tier[1]), geomean(&per_tier[2]));
    }
    let command = format!("cargo xtask bench{}", if opts.quick { " --quick" } else { "" });
    let date = Command::new("date").arg("-u").arg("+%Y-%m-%d").output().map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string()).unwrap_or_default();
    let mut md = format!(
        "# Benchmarks\n\n@generated by `{command}` on {date}: medians of {runs} runs per program, runs alternating between runners, on a shared 2-core machine; each ratio is the median of the ratios within each round of runs. Ratios above 1 mean faster than CPython (or, in the last column, the JIT faster than tier 1). Every runner's output was checked against CPython's before timing.\n\n{table}\nStartup (empty program, median of {} runs): stitch {:.1} ms, CPython `-c pass` {:.1} ms.\n\n![ratios](benchmarks/ratios.svg)\n",
        startup.2,
        startup.0 * 1000.0,
        startup.1 * 1000.0
    );
    if pypy.is_none() {
        md.push_str("\nPyPy was not installed for this run (`apt-get install pypy3`).\n");
    }
    std::fs::write(root.join("BENCHMARKS.md"), &md).map_err(|e| e.to_string())?;
    chart(&root.join("benchmarks/ratios.svg"), &files, &runners, &speedups, cpy)?;
    if let Some(path) = &opts.json {
        let rows: Vec<serde_json::Value> = files
            .iter()
            .enumerate()
            .map(|(fi, f)| {
                let per: serde_json::Map<String, serde_json::Value> =
                    runners.iter().enumerate().map(|(ri, r)| (r.name.to_string(), serde_json::json!(medians[fi][ri]))).collect();
                serde_json::json!({"benchmark": f.file_stem().unwrap().to_string_lossy(), "median_seconds": per})
            })
            .collect();
        let v = serde_json::json!({"runs": runs, "benchmarks": rows, "startup_seconds": {"stitch": startup.0, "cpython": startup.1}});
        std::fs::write(path, serde_json::to_string_pretty(&v).unwrap()).map_err(|e| e.to_string())?;
    }
    Ok(format!("{table}\nstartup: stitch {:.1} ms, CPython {:.1} ms\nwrote BENCHMARKS.md and benchmarks/ratios.svg", startup.0 * 1000.0, startup.1 * 1000.0))
}

/// Median start-to-exit time of an empty program.
fn startup(stitch: &Path, python: &Path, n: usize) -> Result<(f64, f64, usize), String> {
    let empty = std::env::temp_dir().join("stitch-empty.py");
    std::fs::write(&empty, "").map_err(|e| e.to_string())?;
    let mut a = Vec::new();
    let mut b = Vec::new();
    for _ in 0..n {
        let t = Instant::now();
        Command::new(stitch).arg("run").arg(&empty).output().map_err(|e| e.to_string())?;
        a.push(t.elapsed().as_secs_f64());
        let t = Instant::now();
        Command::new(python).args(["-c", "pass"]).output().map_err(|e| e.to_string())?;
        b.push(t.elapsed().as_secs_f64());
    }
    Ok((median(a), median(b), n))
}

fn chart(path: &Path, files: &[PathBuf], runners: &[Runner], speedups: &[Vec<f64>], cpy: usize) -> Result<(), String> {
    use plotters::prelude::*;
    let shown: Vec<usize> = (0..runners.len()).filter(|&r| r != cpy).collect();
    let max = speedups.iter().flatten().cloned().fold(1.0f64, f64::max) * 1.1;
    let root = SVGBackend::new(path, (900, 480)).into_drawing_area();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let n = files.len() * (shown.len() + 1);
    let mut chart = ChartBuilder::on(&root)
        .caption("Speed relative to CPython 3.11 (higher is faster)", ("sans-serif", 18))
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(50)
        .build_cartesian_2d(0..n, 0.0..max)
        .map_err(|e| e.to_string())?;
    let names: Vec<String> = files.iter().map(|f| f.file_stem().unwrap().to_string_lossy().to_string()).collect();
    let group = shown.len() + 1;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(files.len())
        .x_label_formatter(&|x| names.get(x / group).cloned().unwrap_or_default())
        .y_desc("x CPython")
        .draw()
        .map_err(|e| e.to_string())?;
    let colors = [BLUE, GREEN, RED, MAGENTA, CYAN];
    for (k, &r) in shown.iter().enumerate() {
        let color = colors[k % colors.len()];
        chart
            .draw_series(speedups[r].iter().enumerate().map(|(fi, s)| {
                let x = fi * group + k;
                Rectangle::new([(x, 0.0), (x + 1, *s)], color.filled())
            }))
            .map_err(|e| e.to_string())?
            .label(runners[r].name)
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], color.filled()));
    }
    chart.draw_series(std::iter::once(PathElement::new(vec![(0, 1.0), (n, 1.0)], BLACK))).map_err(|e| e.to_string())?;
    chart.configure_series_labels().border_style(BLACK).background_style(WHITE).draw().map_err(|e| e.to_string())?;
    root.present().map_err(|e| e.to_string())?;
    Ok(())
}

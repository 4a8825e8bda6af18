//! Project tasks: `cargo xtask gen [--check]`, `cargo xtask bench`,
//! `cargo xtask instructions`, `cargo xtask tune`.

mod bench;
mod check;
#[cfg(test)]
mod fixture;
mod generate;
mod instructions;
mod miri;
mod toolchain;
mod tune;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "cargo xtask", about = "stitch's project tasks")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Regenerate generated/ from runtime/bytecodes.uops.
    Gen {
        /// Write nothing; fail with a diff if anything in generated/ is stale (stencils
        /// made by another rustc than this one are reported as such, not diffed).
        #[arg(long)]
        check: bool,
    },
    /// Time the benchmark programs under stitch's tiers, CPython and PyPy.
    Bench {
        /// One run per program (a smoke test of the numbers).
        #[arg(long)]
        quick: bool,
        /// Runs per program and runner (medians are reported).
        #[arg(long, default_value_t = 5)]
        runs: usize,
        /// Also write the medians as JSON.
        #[arg(long, value_name = "PATH")]
        json: Option<std::path::PathBuf>,
        /// Also time a baseline build of stitch (another checkout's binary), side by
        /// side, and show the change against it.
        #[arg(long, value_name = "STITCH")]
        baseline: Option<std::path::PathBuf>,
        /// Only these benchmarks (by name).
        only: Vec<String>,
    },
    /// Count the instructions each benchmark executes under tier 1, tier 2 and the JIT
    /// (valgrind's callgrind: counts, unlike times, do not move with the machine's load).
    Instructions {
        /// Also count a baseline build of stitch (another checkout's binary) and show
        /// the change against it.
        #[arg(long, value_name = "STITCH")]
        baseline: Option<std::path::PathBuf>,
        /// Only these benchmarks (by name).
        only: Vec<String>,
    },
    /// Run the runtime's unit tests that reach its unsafe code under miri.
    Miri {
        /// Install miri with rustup first when it is missing.
        #[arg(long)]
        install: bool,
    },
    /// Measure the benchmarks under each pair of tier-2 thresholds.
    Tune {
        /// Runs per program and setting (medians are used).
        #[arg(long, default_value_t = 3)]
        runs: usize,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.task {
        Task::Gen { check } => generate::run(&generate::workspace_root(), check),
        Task::Miri { install } => miri::run(&generate::workspace_root(), install),
        Task::Tune { runs } => tune::run(&generate::workspace_root(), runs),
        Task::Instructions { baseline, only } => instructions::run(&generate::workspace_root(), baseline.as_deref(), &only),
        Task::Bench { quick, runs, json, baseline, only } => {
            bench::run(&generate::workspace_root(), &bench::Options { quick, runs, json, baseline, only })
        }
    };
    match result {
        Ok(message) => {
            if !message.is_empty() {
                println!("{message}");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

//! Counters tier 2 keeps while the program runs, and where exits lead: what the
//! program's `--stats` report (runtime/src/report.rs) is made of.

use super::executor::vm;
use stitch_abi::INSTRUCTIONS;
use stitch_core::objects::code::Code;
use std::collections::HashMap;

/// Counters kept while the program runs.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub executors_created: u64,
    /// Exits made (each starts cold).
    pub exits_total: u64,
    /// Exits taken by executors already freed (live ones are read when reporting).
    pub side_exits_taken: u64,
    pub exits_stitched: u64,
    /// Times tier 2 returned to tier 1.
    pub tier1_reentries: u64,
    pub invalidations: u64,
    /// Executors reclaimed because they stopped running.
    pub reclaimed: u64,
    /// Uops in all traces made (bodies and stubs).
    pub uops_projected: u64,
    /// Uops the optimizer removed (guards already proven).
    pub uops_optimized_away: u64,
    /// Times tier 1 entered an executor.
    pub executor_entries: u64,
    /// Starts of executors already freed, times their body length: uops they ran at
    /// most.
    pub freed_uop_estimate: u64,
    /// Starts (entries and loop iterations) of executors already freed.
    pub freed_runs: u64,
    /// Exits of freed executors, by where they lead.
    pub freed_exits: HashMap<ExitSite, u64>,
}

/// Where an exit leads: a tier-1 instruction in a function.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ExitSite {
    pub file: String,
    pub line: u32,
    pub function: String,
    pub instruction: &'static str,
}

/// Where exit `k` of an executor leads.
///
/// # Safety
/// `e` is a live executor.
pub unsafe fn exit_site(e: *mut stitch_abi::Executor, k: usize) -> ExitSite {
    // SAFETY: exit codes are live code objects (executors hold their code).
    unsafe {
        let exit = &super::executor::exits(e)[k];
        let code = &*(vm(e).exit_codes[k] as *mut Code);
        let op = *code.instrs_ptr().add(exit.target as usize);
        ExitSite {
            file: code.filename.to_string(),
            line: code.line_at(exit.target as usize),
            function: code.name.clone(),
            instruction: INSTRUCTIONS.get(op as usize).map_or("?", |i| i.name),
        }
    }
}


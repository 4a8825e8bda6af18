//! Counters tier 2 keeps while the program runs, and where exits lead: what the
//! program's `--stats` report (runtime/src/report.rs) is made of.

use super::executor::vm;
use stitch_abi::{INSTRUCTIONS, UOPS};
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
    /// Uops the tier-2 interpreter ran, by opcode (with `--stats`; JIT code is not
    /// counted per uop).
    pub uops_run: Vec<u64>,
}

impl Stats {
    #[inline]
    pub fn count_uop(&mut self, opcode: u16) {
        if self.uops_run.is_empty() {
            self.uops_run = vec![0; UOPS.len()];
        }
        self.uops_run[opcode as usize] += 1;
    }

    /// The guards the tier-2 interpreter ran (uops that only check their inputs and
    /// may leave: every output is an input left in place), by name, most run first.
    pub fn guards_run(&self) -> Vec<(&'static str, u64)> {
        let mut out: Vec<(&'static str, u64)> = self
            .uops_run
            .iter()
            .enumerate()
            .filter(|&(op, &n)| n > 0 && is_guard(op as u16))
            .map(|(op, &n)| (UOPS[op].name, n))
            .collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        out
    }
}

/// A uop that checks and leaves nothing new: it may exit, and its outputs are its
/// inputs, in place.
fn is_guard(op: u16) -> bool {
    let info = &UOPS[op as usize];
    super::facts::can_exit(op) && info.inputs.len() == info.outputs.len() && info.outputs.iter().all(|o| o.peek)
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


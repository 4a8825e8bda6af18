//! What users see of the tiers: the `--stats` summary and the `--stats-json` report,
//! made from the counters of the thread state, tier 2 and the JIT, and from the
//! executors alive at the end.

use std::fmt::Write;
use stitch_abi::Thread;
use stitch_tier2::Tier2State;
use stitch_tier2::executor::{exit_counts, vm};
use stitch_tier2::stats::{ExitSite, exit_site};

/// Everything the report says.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub tier: &'static str,
    pub tier1_instructions: u64,
    pub tier2_uops: u64,
    /// Whether `tier2_uops` is an estimate (JIT code is not instrumented per uop).
    pub tier2_uops_estimated: bool,
    pub executors_created: u64,
    pub executors_live: u64,
    pub executor_entries: u64,
    /// Starts of executors: entries from tier 1, from other executors, and loop
    /// iterations. Against `tier1_reentries`, how often tier 2 gives up to tier 1.
    pub executor_runs: u64,
    pub exits_total: u64,
    pub side_exits_taken: u64,
    pub cold_exits_taken: u64,
    pub exits_stitched: u64,
    pub tier1_reentries: u64,
    pub invalidations: u64,
    pub reclaimed: u64,
    pub uops_projected: u64,
    pub uops_optimized_away: u64,
    pub jit_code_bytes: u64,
    pub jit_padding_bytes: u64,
    pub jit_uops_compiled: u64,
    pub jit_compile_ns: u64,
    /// Executors over the JIT's code budget, left to the uop interpreter.
    pub jit_interpreted_executors: u64,
    pub cold_exit_bytes: u64,
    pub top_exits: Vec<(ExitSite, u64)>,
    /// How often the specializer chose each specialized instruction, by name.
    pub specialized: Vec<(&'static str, u32)>,
    /// Guards the tier-2 interpreter ran, by uop, most run first (none under the JIT,
    /// whose code is not counted per uop).
    pub guards: Vec<(&'static str, u64)>,
}

/// Reads the counters and the live executors (none when only tier 1 ran). Call before
/// the executors are freed.
pub fn collect(t2: Option<&Tier2State>, ts: &Thread, tier: &'static str) -> Report {
    let none = Tier2State::new(0);
    let t2 = t2.unwrap_or(&none);
    let s = &t2.stats;
    let mut exits = s.freed_exits.clone();
    let mut side = s.side_exits_taken;
    let mut estimate = s.freed_uop_estimate;
    let mut runs = s.freed_runs;
    for &e in &t2.live {
        // SAFETY: live executors are live.
        unsafe {
            for (k, &n) in exit_counts(e).iter().enumerate() {
                side += n as u64;
                if n > 0 {
                    *exits.entry(exit_site(e, k)).or_default() += n as u64;
                }
            }
            estimate += (*e).runs * vm(e).body_len as u64;
            runs += (*e).runs;
        }
    }
    let mut top: Vec<(ExitSite, u64)> = exits.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    top.truncate(10);
    let jit = t2.backend.as_ref().map(|b| b.stats());
    let interpreted = ts.tier2_uops;
    Report {
        tier,
        tier1_instructions: ts.tier1_instructions,
        tier2_uops: if jit.is_some() { estimate } else { interpreted },
        tier2_uops_estimated: jit.is_some(),
        executors_created: s.executors_created,
        executors_live: t2.live.len() as u64,
        executor_entries: s.executor_entries,
        executor_runs: runs,
        exits_total: s.exits_total,
        side_exits_taken: side,
        cold_exits_taken: ts.cold_exits,
        exits_stitched: s.exits_stitched,
        tier1_reentries: s.tier1_reentries,
        invalidations: s.invalidations,
        reclaimed: s.reclaimed,
        uops_projected: s.uops_projected,
        uops_optimized_away: s.uops_optimized_away,
        jit_code_bytes: jit.map_or(0, |j| j.code_bytes),
        jit_padding_bytes: jit.map_or(0, |j| j.padding_bytes),
        jit_uops_compiled: jit.map_or(0, |j| j.uops_compiled),
        jit_compile_ns: jit.map_or(0, |j| j.compile_nanos),
        jit_interpreted_executors: jit.map_or(0, |j| j.interpreted_executors),
        cold_exit_bytes: stitch_tier2::cold::data_bytes() as u64 + jit.map_or(0, |j| j.cold_code_bytes),
        top_exits: top,
        specialized: stitch_interp::specialize::specialization_counts(),
        guards: s.guards_run(),
    }
}

fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Report {
    /// The share of the work tier 2 did: its uops against tier-1 instructions.
    pub fn tier2_share(&self) -> f64 {
        let total = self.tier1_instructions + self.tier2_uops;
        if total == 0 { 0.0 } else { self.tier2_uops as f64 / total as f64 }
    }

    /// The readable summary (`--stats`).
    pub fn text(&self) -> String {
        let mut o = String::new();
        let row = |o: &mut String, name: &str, value: String| {
            let _ = writeln!(o, "  {name:<28} {value:>14}");
        };
        let _ = writeln!(o, "stitch statistics (--tier {})", self.tier);
        row(&mut o, "tier-1 instructions", thousands(self.tier1_instructions));
        let approx = if self.tier2_uops_estimated { "~" } else { "" };
        row(&mut o, "tier-2 uops", format!("{approx}{}", thousands(self.tier2_uops)));
        row(&mut o, "work done in tier 2", format!("{approx}{:.1}%", 100.0 * self.tier2_share()));
        row(&mut o, "executors created", thousands(self.executors_created));
        row(&mut o, "executors live at exit", thousands(self.executors_live));
        row(&mut o, "entries from tier 1", thousands(self.executor_entries));
        row(&mut o, "executor runs", thousands(self.executor_runs));
        row(&mut o, "exits made", thousands(self.exits_total));
        row(&mut o, "side exits taken", thousands(self.side_exits_taken));
        row(&mut o, "cold exits taken", thousands(self.cold_exits_taken));
        row(&mut o, "exits stitched", thousands(self.exits_stitched));
        row(&mut o, "re-entries into tier 1", thousands(self.tier1_reentries));
        row(&mut o, "invalidations", thousands(self.invalidations));
        row(&mut o, "executors reclaimed", thousands(self.reclaimed));
        row(&mut o, "uops in traces", thousands(self.uops_projected));
        row(&mut o, "uops optimized away", thousands(self.uops_optimized_away));
        if !self.guards.is_empty() {
            row(&mut o, "guards run", thousands(self.guards.iter().map(|g| g.1).sum()));
            for (name, n) in self.guards.iter().take(3) {
                row(&mut o, &format!("  {name}"), thousands(*n));
            }
        }
        if self.tier == "jit" {
            let pad = if self.jit_code_bytes == 0 { 0.0 } else { 100.0 * self.jit_padding_bytes as f64 / (self.jit_code_bytes + self.jit_padding_bytes) as f64 };
            row(&mut o, "jit code bytes (live)", thousands(self.jit_code_bytes));
            row(&mut o, "jit code bytes per executor", thousands(self.jit_bytes_per_executor()));
            row(&mut o, "jit padding", format!("{} ({pad:.1}%)", thousands(self.jit_padding_bytes)));
            let rate = if self.jit_compile_ns == 0 { 0.0 } else { self.jit_uops_compiled as f64 * 1000.0 / self.jit_compile_ns as f64 };
            row(&mut o, "jit uops compiled", format!("{} ({rate:.1}/us)", thousands(self.jit_uops_compiled)));
            row(&mut o, "executors too big to compile", thousands(self.jit_interpreted_executors));
        }
        row(&mut o, "cold exits (512) bytes", thousands(self.cold_exit_bytes));
        if !self.top_exits.is_empty() {
            let _ = writeln!(o, "  top exits:");
            for (site, n) in &self.top_exits {
                let _ = writeln!(o, "    {:>12}  {}:{} in {} ({})", thousands(*n), site.file, site.line, site.function, site.instruction);
            }
        }
        o
    }

    /// Mean bytes of machine code (and float data) per live executor: how much of the
    /// instruction cache one trace takes (a thunk counts as its few bytes).
    fn jit_bytes_per_executor(&self) -> u64 {
        self.jit_code_bytes.checked_div(self.executors_live).unwrap_or(0)
    }

    /// The JSON report (`--stats-json`).
    pub fn json(&self) -> String {
        let top: Vec<serde_json::Value> = self
            .top_exits
            .iter()
            .map(|(s, n)| serde_json::json!({"file": s.file, "line": s.line, "function": s.function, "instruction": s.instruction, "count": n}))
            .collect();
        let v = serde_json::json!({
            "tier": self.tier,
            "tier1_instructions": self.tier1_instructions,
            "tier2_uops": self.tier2_uops,
            "tier2_uops_estimated": self.tier2_uops_estimated,
            "tier2_share": self.tier2_share(),
            "executors_created": self.executors_created,
            "executors_live": self.executors_live,
            "executor_entries": self.executor_entries,
            "executor_runs": self.executor_runs,
            "exits_total": self.exits_total,
            "side_exits_taken": self.side_exits_taken,
            "cold_exits_taken": self.cold_exits_taken,
            "exits_stitched": self.exits_stitched,
            "tier1_reentries": self.tier1_reentries,
            "invalidations": self.invalidations,
            "executors_reclaimed": self.reclaimed,
            "uops_projected": self.uops_projected,
            "uops_optimized_away": self.uops_optimized_away,
            "jit_code_bytes": self.jit_code_bytes,
            "jit_padding_bytes": self.jit_padding_bytes,
            "jit_bytes_per_executor": self.jit_bytes_per_executor(),
            "jit_uops_compiled": self.jit_uops_compiled,
            "jit_compile_ns": self.jit_compile_ns,
            "jit_interpreted_executors": self.jit_interpreted_executors,
            "cold_exit_bytes": self.cold_exit_bytes,
            "top_exits": top,
            "guards_run": self.guards.iter().map(|(n, c)| (n.to_string(), serde_json::json!(c))).collect::<serde_json::Map<String, serde_json::Value>>(),
            "specialized": self.specialized.iter().map(|(n, c)| (n.to_string(), serde_json::json!(c))).collect::<serde_json::Map<String, serde_json::Value>>(),
        });
        serde_json::to_string_pretty(&v).expect("JSON of plain data") + "\n"
    }
}

//! `STITCH_PERF_MAP=1` writes `/tmp/perf-<pid>.map`, the file `perf report` reads to
//! name code it cannot find in any binary: every uop of every compiled executor gets
//! a symbol (`stitch:e<id>:<index>:<uop>`), so a profile says which uops of which
//! trace the time goes to.

use super::patch::Layout;
use stitch_abi::{Executor, UOPS, UopInst};
use std::io::Write;

pub struct PerfMap {
    file: std::fs::File,
}

impl PerfMap {
    pub fn from_env() -> Option<PerfMap> {
        std::env::var_os("STITCH_PERF_MAP").filter(|v| v != "0")?;
        let path = format!("/tmp/perf-{}.map", std::process::id());
        // A profile without names is still a profile: failing to write the map is not
        // an error for the program being run.
        std::fs::File::create(path).ok().map(|file| PerfMap { file })
    }

    /// # Safety
    /// `e` is a live executor.
    pub unsafe fn record(&mut self, e: *mut Executor, trace: &[UopInst], base: usize, layout: &Layout) {
        // SAFETY: the caller guarantees the executor is live.
        let id = unsafe { stitch_tier2::executor::vm(e).id };
        for (i, u) in trace.iter().enumerate() {
            let name = UOPS.get(u.opcode as usize).map_or("?", |x| x.name);
            let _ = writeln!(self.file, "{:x} {:x} stitch:e{id}:{i}:{name}", base + layout.offsets[i], layout.sizes[i].max(1));
        }
    }
}

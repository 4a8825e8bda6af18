//! The copy-and-patch JIT: executors become machine code made of the stencils that
//! `cargo xtask gen` compiled from the uop bodies (generated/src/stencils.rs).
//!
//! - `memory`: the executable arena (W^X, packed, reused);
//! - `patch`: size pass, copy, patch, direct jumps;
//! - `cold`: the cold exits' code, compiled once at startup;
//! - `perf_map`: symbols for profilers;
//! - `thunk`: executors too big for the instruction cache stay interpreted.

pub mod cold;
pub mod memory;
pub mod patch;
pub mod perf_map;
pub mod thunk;

use memory::{Arena, Region};
use stitch_abi::Executor;
use stitch_tier2::backend::{Backend, BackendStats};
use stitch_tier2::executor::trace;

/// Reserved address space for executor code.
const ARENA_BYTES: usize = 256 << 20;

pub struct JitState {
    arena: Arena,
    helpers: Vec<usize>,
    /// Where each executor's code is: (executor, address, length).
    blocks: Vec<(*mut Executor, *mut u8, usize)>,
    /// The cold exits' region (kept mapped).
    cold: Option<Region>,
    /// `STITCH_PERF_MAP=1`: names for the code, for `perf report`.
    perf_map: Option<perf_map::PerfMap>,
    /// Bytes of code an executor may take (`thunk::code_budget`).
    code_budget: usize,
    /// Executors over it, left to the interpreter behind a thunk.
    pub interpreted: u64,
    /// Uops compiled and time spent, for statistics.
    pub uops_compiled: u64,
    pub compile_nanos: u64,
}

/// Whether this build can run JIT code.
pub const AVAILABLE: bool = cfg!(all(target_arch = "x86_64", target_os = "linux"));

impl JitState {
    pub fn new() -> Option<JitState> {
        if !AVAILABLE {
            return None;
        }
        let helpers = stitch_interp::helper_table::helper_addresses().to_vec();
        let cold = cold::compile(&helpers)?;
        Some(JitState { arena: Arena::new(ARENA_BYTES)?, helpers, blocks: Vec::new(), cold: Some(cold), perf_map: perf_map::PerfMap::from_env(), code_budget: thunk::code_budget(), interpreted: 0, uops_compiled: 0, compile_nanos: 0 })
    }

    /// Bytes of live executor code and data.
    pub fn code_bytes(&self) -> usize {
        self.arena.used
    }

    /// Bytes lost to alignment between executors.
    pub fn padding_bytes(&self) -> usize {
        self.arena.allocated - self.arena.used
    }

    pub fn committed_bytes(&self) -> usize {
        self.arena.committed()
    }

    /// Bytes the cold exits' code takes (page rounded).
    pub fn cold_code_bytes(&self) -> usize {
        self.cold.as_ref().map_or(0, |r| r.len)
    }
}

impl Backend for JitState {
    /// Compiles an executor; returns false if the arena is full.
    ///
    /// # Safety
    /// `e` is a live executor that is not running.
    unsafe fn compile(&mut self, e: *mut Executor) -> bool {
        let start = std::time::Instant::now();
        // SAFETY: the executor and its trace are live.
        unsafe {
            let t = trace(e);
            let layout = patch::layout(t);
            if layout.len > self.code_budget {
                let Some(base) = self.arena.alloc(thunk::LEN) else { return false };
                self.arena.write(base, &thunk::code(e));
                (*e).jit_code = base;
                self.blocks.push((e, base, thunk::LEN));
                self.interpreted += 1;
                self.compile_nanos += start.elapsed().as_nanos() as u64;
                return true;
            }
            let Some(base) = self.arena.alloc(layout.len) else { return false };
            let code = patch::emit(t, e, base as usize, &layout, &self.helpers);
            self.arena.write(base, &code);
            (*e).jit_code = base;
            if let Some(map) = &mut self.perf_map {
                map.record(e, t, base as usize, &layout);
            }
            self.blocks.push((e, base, layout.len));
            self.uops_compiled += t.len() as u64;
        }
        self.compile_nanos += start.elapsed().as_nanos() as u64;
        true
    }

    /// Frees an executor's machine code.
    fn release(&mut self, e: *mut Executor) {
        if let Some(i) = self.blocks.iter().position(|&(x, _, _)| x == e) {
            let (_, at, len) = self.blocks.swap_remove(i);
            self.arena.free(at, len);
        }
    }

    fn stats(&self) -> BackendStats {
        BackendStats {
            code_bytes: self.code_bytes() as u64,
            padding_bytes: self.padding_bytes() as u64,
            uops_compiled: self.uops_compiled,
            compile_nanos: self.compile_nanos,
            cold_code_bytes: self.cold_code_bytes() as u64,
            interpreted_executors: self.interpreted,
        }
    }
}

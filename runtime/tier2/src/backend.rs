//! How a compiler of executors plugs into tier 2: the JIT (`stitch-jit`) sits above
//! this layer and is known here only through this trait.

use stitch_abi::Executor;

/// Compiles executors to machine code and frees it.
pub trait Backend {
    /// Compiles a new executor, setting its `jit_code`. False if there is no room:
    /// the executor is then dropped.
    ///
    /// # Safety
    /// `e` is a live executor that is not running.
    unsafe fn compile(&mut self, e: *mut Executor) -> bool;

    /// Frees an executor's machine code, if it has some.
    fn release(&mut self, e: *mut Executor);

    /// What the report says about the code.
    fn stats(&self) -> BackendStats;
}

/// A backend's figures for `--stats`.
#[derive(Clone, Copy, Debug, Default)]
pub struct BackendStats {
    /// Bytes of live executor code and data.
    pub code_bytes: u64,
    /// Bytes lost to alignment between executors.
    pub padding_bytes: u64,
    pub uops_compiled: u64,
    pub compile_nanos: u64,
    /// Bytes the cold exits' code takes.
    pub cold_code_bytes: u64,
    /// Executors whose code would have been too big, run by the uop interpreter.
    pub interpreted_executors: u64,
}

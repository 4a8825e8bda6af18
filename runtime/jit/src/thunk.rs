//! Executors too big to compile. A trace's machine code is about 120 bytes a uop, so a
//! long loop body (hundreds of unrolled statements) makes executors of tens of
//! kilobytes: past the instruction cache, every run streams its code in again, and
//! such code ran 6x slower than the uop interpreter on the same trace (benchmarks/unpack.py,
//! `perf record` with `STITCH_PERF_MAP=1`: all time in the stencils, none in helpers).
//! The interpreter's code is small and stays cached, so an executor whose code would
//! exceed `code_budget()` bytes gets only a thunk: JIT code that jumps to it (a stitched
//! exit, an entry) lands in the uop interpreter with the same registers plus the
//! executor.

use stitch_abi::Executor;

/// Bytes of machine code one executor may take; larger ones are interpreted. The
/// level-1 instruction cache is 32 KB on the x86-64 machines this runs on; executors
/// of the benchmarks' ordinary loops stay under 32 KB, unrolled bodies go far past it
/// (about 70 KB each for benchmarks/unpack.py). `STITCH_JIT_CODE_BUDGET=N` (bytes)
/// overrides it, for measuring.
pub const CODE_BUDGET: usize = 48 << 10;

pub fn code_budget() -> usize {
    std::env::var("STITCH_JIT_CODE_BUDGET").ok().and_then(|v| v.parse().ok()).unwrap_or(CODE_BUDGET)
}

/// The thunk's length in bytes.
pub const LEN: usize = 22;

/// `mov rcx, executor; mov rax, enter_from_jit; jmp rax`: the frame, stack pointer and
/// thread stay in rdi, rsi and rdx (the JIT's calling convention), the executor becomes
/// the fourth argument, and the interpreter returns straight to whoever entered the
/// JIT code (a tail jump keeps the stack as JIT code found it).
pub fn code(e: *mut Executor) -> [u8; LEN] {
    let enter = stitch_tier2::interpreter::enter_from_jit as *const () as usize as u64;
    let mut c = [0u8; LEN];
    c[0..2].copy_from_slice(&[0x48, 0xb9]);
    c[2..10].copy_from_slice(&(e as u64).to_le_bytes());
    c[10..12].copy_from_slice(&[0x48, 0xb8]);
    c[12..20].copy_from_slice(&enter.to_le_bytes());
    c[20..22].copy_from_slice(&[0xff, 0xe0]);
    c
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_thunk_loads_the_executor_and_jumps_to_the_interpreter() {
        let e = 0x1122_3344_5566_7788usize as *mut stitch_abi::Executor;
        let c = super::code(e);
        assert_eq!(&c[0..2], &[0x48, 0xb9]);
        assert_eq!(u64::from_le_bytes(c[2..10].try_into().unwrap()), 0x1122_3344_5566_7788);
        assert_eq!(u64::from_le_bytes(c[12..20].try_into().unwrap()), stitch_tier2::interpreter::enter_from_jit as *const () as usize as u64);
        assert_eq!(&c[20..], &[0xff, 0xe0]);
    }
}

//! The cold exits' machine code, compiled once at startup into one packed region: the
//! `_COLD_EXIT` stencil compiled with its oparg in a register, once, and for each of
//! the MAX_TRACE_LENGTH cold executors a 16-byte stub that loads its index and jumps
//! there. (CPython 3.13 gave each cold exit its own pages: 4 MB in all.)

use super::memory::Region;
use stitch_abi::MAX_TRACE_LENGTH;
use stitch_tier2::cold;
use stitch_generated::stencils::{COLD_EXIT_SHARED, HoleKind};

const STUB: usize = 16;

/// Compiles the cold exits and points each cold executor at its stub. Returns the
/// region (which lives as long as the process).
pub fn compile(helpers: &[usize]) -> Option<Region> {
    let n = MAX_TRACE_LENGTH as usize;
    let shared = &COLD_EXIT_SHARED;
    let body_at = n * STUB;
    let data_at = (body_at + shared.code.len()).div_ceil(8) * 8;
    let len = data_at + shared.data.len();
    let region = Region::new(len, |base| {
        let mut code = vec![0xccu8; len]; // int3 between the pieces
        for i in 0..n {
            let at = i * STUB;
            code[at] = 0xb9; // mov ecx, imm32: the fourth argument is the oparg
            code[at + 1..at + 5].copy_from_slice(&(i as u32).to_le_bytes());
            code[at + 5] = 0xe9; // jmp rel32 to the shared body
            let rel = body_at as i64 - (at + 10) as i64;
            code[at + 6..at + 10].copy_from_slice(&(rel as i32).to_le_bytes());
        }
        code[body_at..body_at + shared.code.len()].copy_from_slice(shared.code);
        code[data_at..].copy_from_slice(shared.data);
        for hole in shared.holes {
            let value: u64 = match hole.kind {
                HoleKind::Helper(h) => helpers[h as usize] as u64,
                HoleKind::Data => (base + data_at) as u64,
                // A cold exit uses no operand, target, executor or stub of its own,
                // and never falls through.
                _ => 0,
            };
            let at = body_at + hole.offset as usize;
            code[at..at + 8].copy_from_slice(&value.wrapping_add(hole.addend as u64).to_le_bytes());
        }
        code
    })?;
    for i in 0..n {
        // SAFETY: the stub lives as long as the region, which is never unmapped.
        unsafe { cold::set_jit_code(i as u32, (region.base as usize + i * STUB) as *const u8) };
    }
    Some(region)
}

//! Copy and patch: an executor's trace becomes machine code by copying each uop's
//! stencil in order and writing the holes. A size pass first lays the stencils out,
//! dropping each one's trailing jump to the next (which then just follows); jumps
//! through a hole become direct `jmp rel32` when they can.

use stitch_abi::{Executor, UopInst};
use stitch_generated::stencils::{HoleKind, STENCILS, Stencil};

/// A 7-byte no-op, to fill what a direct jump leaves of a 12-byte `movabs; jmp`.
const NOP7: [u8; 7] = [0x0f, 0x1f, 0x80, 0x00, 0x00, 0x00, 0x00];

/// The laid-out code of a trace, before it has an address.
pub struct Layout {
    /// Offset of each uop's code.
    pub offsets: Vec<usize>,
    /// Bytes of each uop's code copied (without a dropped tail).
    pub sizes: Vec<usize>,
    /// Where each stencil's data goes, by uop id.
    pub data: Vec<(u16, usize)>,
    pub code_len: usize,
    pub len: usize,
}

pub fn stencil(opcode: u16) -> &'static Stencil {
    STENCILS[opcode as usize].unwrap_or_else(|| panic!("uop {opcode} has no stencil: it cannot be in a trace"))
}

/// The size pass.
pub fn layout(trace: &[UopInst]) -> Layout {
    let mut offsets = Vec::with_capacity(trace.len());
    let mut sizes = Vec::with_capacity(trace.len());
    let mut at = 0;
    for (i, u) in trace.iter().enumerate() {
        let s = stencil(u.opcode);
        let size = if i + 1 < trace.len() { s.code.len() - s.tail as usize } else { s.code.len() };
        offsets.push(at);
        sizes.push(size);
        at += size;
    }
    let code_len = at;
    let mut data = Vec::new();
    let mut at = code_len.div_ceil(8) * 8;
    let mut seen: Vec<u16> = Vec::new();
    for u in trace {
        let s = stencil(u.opcode);
        if !s.data.is_empty() && !seen.contains(&u.opcode) {
            seen.push(u.opcode);
            data.push((u.opcode, at));
            at += s.data.len().div_ceil(8) * 8;
        }
    }
    Layout { offsets, sizes, data, code_len, len: at }
}

/// The code of a trace placed at `base`, holes written.
pub fn emit(trace: &[UopInst], executor: *mut Executor, base: usize, layout: &Layout, helpers: &[usize]) -> Vec<u8> {
    let mut out = vec![0u8; layout.len];
    for (&(opcode, at), _) in layout.data.iter().zip(0..) {
        let s = stencil(opcode);
        out[at..at + s.data.len()].copy_from_slice(s.data);
    }
    let address_of = |i: usize| base + layout.offsets[i];
    for (i, u) in trace.iter().enumerate() {
        let s = stencil(u.opcode);
        let start = layout.offsets[i];
        let size = layout.sizes[i];
        out[start..start + size].copy_from_slice(&s.code[..size]);
        for hole in s.holes {
            let at = hole.offset as usize;
            if at + 8 > size {
                continue; // in the dropped tail
            }
            let value: u64 = match hole.kind {
                HoleKind::Oparg => u.oparg as u64,
                HoleKind::Operand => u.operand,
                HoleKind::Target => u.target as u64,
                HoleKind::Executor => executor as u64,
                // The last uop never falls through (it jumps to the top or exits).
                HoleKind::Continue => if i + 1 < trace.len() { address_of(i + 1) as u64 } else { 0 },
                HoleKind::JumpTarget => address_of(u.jump_target as usize) as u64,
                HoleKind::ErrorTarget => address_of(u.error_target as usize) as u64,
                HoleKind::Top => address_of(u.oparg as usize) as u64,
                HoleKind::Helper(h) => helpers[h as usize] as u64,
                HoleKind::Data => {
                    let data_at = layout.data.iter().find(|(op, _)| *op == u.opcode).map(|(_, a)| *a).expect("laid out");
                    (base + data_at) as u64
                }
            };
            let value = value.wrapping_add(hole.addend as u64);
            let jump_from = base + start + at - 2;
            let rel = value as i64 - (jump_from as i64 + 5);
            if hole.jump && value != 0 && i32::try_from(rel).is_ok() {
                // `movabs reg, imm64; jmp reg` -> `jmp rel32` and a no-op.
                let p = start + at - 2;
                out[p] = 0xe9;
                out[p + 1..p + 5].copy_from_slice(&(rel as i32).to_le_bytes());
                out[p + 5..p + 12].copy_from_slice(&NOP7);
            } else {
                out[start + at..start + at + 8].copy_from_slice(&value.to_le_bytes());
            }
        }
    }
    out
}

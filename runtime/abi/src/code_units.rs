//! Reading tier-1 code: an instruction with the prefixes in front of it.
//!
//! A prefix (an instruction flagged `EXTENDS_OPARG`, declared with `extend_oparg!` in
//! the `.uops` file: EXTENDED_ARG) holds 16 more bits of the next instruction's oparg,
//! above the 16 of its own. Tier 1 executes the pair as one instruction; everything else
//! that reads code reads it as one too, through `decode`, and names the instruction by
//! the offset of its first prefix.

use crate::{INSTRUCTIONS, flags};

/// An instruction as tier 1 executes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// Where the instruction itself is (after its prefixes).
    pub at: usize,
    pub opcode: u16,
    /// Its oparg, with its prefixes' bits above its own.
    pub oparg: u32,
    /// Where the next instruction starts.
    pub next: usize,
}

/// Whether `opcode` is a prefix.
pub fn is_prefix(opcode: u16) -> bool {
    INSTRUCTIONS.get(opcode as usize).is_some_and(|i| i.flags & flags::EXTENDS_OPARG != 0)
}

/// The instruction that starts at `offset` (at its first prefix, if it has any). `None`
/// past the end, or for an unknown opcode.
pub fn decode(units: &[u16], offset: usize) -> Option<Decoded> {
    let mut at = offset;
    let mut oparg: u32 = 0;
    loop {
        let opcode = *units.get(at)?;
        let info = INSTRUCTIONS.get(opcode as usize)?;
        oparg = (oparg << 16) | *units.get(at + 1)? as u32;
        let next = at + info.size();
        if info.flags & flags::EXTENDS_OPARG == 0 {
            return Some(Decoded { at, opcode, oparg, next });
        }
        at = next;
    }
}

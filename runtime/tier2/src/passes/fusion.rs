//! Fusion: an adjacent pair of uops that a declared uop does the work of (`fuses A +
//! B`) becomes that uop: a `for` loop's exhaustion guard and the fetch of its next item
//! become one, a small constant loaded just before it becomes a word is loaded as one.
//! The fused uop takes the first's oparg, operand and target; one that can exit does so
//! where both would have (the pair must come from one instruction).

use super::{Edits, apply};
use crate::facts;
use crate::projector::Projection;
use stitch_abi::FUSIONS;

pub fn run(p: &mut Projection) {
    let mut edits = Edits::new(p.body.len());
    let mut i = 0;
    while i + 1 < p.body.len() {
        let (a, b) = (p.body[i], p.body[i + 1]);
        let fused = FUSIONS.iter().find(|f| {
            f.first == a.opcode
                && f.second == b.opcode
                && f.second_oparg.is_none_or(|o| o as u32 == b.oparg)
                && (!facts::can_exit(f.fused) || (a.target == b.target && p.codes[i] == p.codes[i + 1]))
        });
        match fused {
            Some(f) => {
                edits.replace[i] = Some(f.fused);
                edits.keep[i + 1] = false;
                // The fused uop is not the first of another pair.
                i += 2;
            }
            None => i += 1,
        }
    }
    apply(p, edits);
}

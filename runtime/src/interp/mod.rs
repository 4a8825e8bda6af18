//! Running code: frames, the tier-1 interpreter, calls, specialization, unwinding.

pub mod call;
pub mod frames;
pub mod specialize;
pub mod tier1;
pub mod tier2;
pub mod unwind;

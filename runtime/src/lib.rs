//! stitch: a Python subset on a specializing interpreter, trace executors with
//! stitched side exits, and a copy-and-patch JIT, all generated from
//! `runtime/bytecodes.uops`.

pub mod abi;
pub mod builtins;
pub mod compiler;
pub mod errors;
pub mod format;
pub mod interp;
pub mod jit;
pub mod objects;
pub mod ops;
pub mod program;

pub mod tier2;
pub mod vm;

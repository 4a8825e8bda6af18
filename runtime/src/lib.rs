//! stitch: a Python subset on a specializing interpreter, trace executors with
//! stitched side exits, and a copy-and-patch JIT, all generated from
//! `runtime/bytecodes.uops`.
//!
//! This crate is the top of the runtime's layers: it puts a machine together from them
//! and runs programs (`program`) with their own modules (`imports`) and reports what the tiers did (`report`). The
//! layers, lowest first, are crates of their own, so none can name one above it:
//! `stitch-abi` (the value word, layouts, metadata), `stitch-core` (objects and
//! operations), `stitch-builtins`, `stitch-compiler`, `stitch-interp` (tier 1 and the
//! helpers), `stitch-tier2` (executors and exits) and `stitch-jit`.

pub mod imports;
pub mod program;
pub mod report;
pub mod source_hooks;

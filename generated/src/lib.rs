//! The output of `cargo xtask gen` from `runtime/bytecodes.uops`. Only this file is
//! written by hand; `cargo xtask gen --check` (and `cargo test`) fail when the rest is
//! stale.
//!
//! This crate compiles the tables that need nothing from the runtime: [`metadata`] and
//! the JIT's [`stencils`].
//! The other files name runtime items (`Value`, helpers, layouts) and are pulled into
//! the runtime's layers with `include!`:
//! - `layouts.rs`: the shared `#[repr(C)]` layouts (runtime/abi/src/lib.rs);
//! - `helper_table.rs`: helper signature checks and addresses (runtime/interp/src/lib.rs);
//! - `tier1_cases.rs`: tier-1 instruction arms (runtime/interp/src/tier1.rs);
//! - `tier2_cases.rs`: tier-2 uop arms (runtime/tier2/src/interpreter.rs).
//!
//! `UOPS.md` documents the instruction set.
#![no_std]

pub mod metadata;
pub mod stencils;

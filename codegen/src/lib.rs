//! Generators, one per output file, each a pure function of the analysis.
//!
//! [`generate`] returns every file of `generated/` (paths relative to it); the JIT's
//! stencil tables are added by [`stencils`], which also needs a compiler.

mod docs;
mod emit;
pub mod format;
mod helpers;
mod layouts;
mod metadata;
mod shims;
pub mod specialize;
pub mod stencils;
mod tier1;
mod tier2;

use stitch_dsl::Analysis;

/// One output file: its path under `generated/` and its contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub path: &'static str,
    pub contents: String,
}

/// Every generated file that does not need a compiler, in a fixed order.
pub fn generate(a: &Analysis) -> Vec<Output> {
    vec![
        Output { path: "src/metadata.rs", contents: metadata::generate(a) },
        Output { path: "src/layouts.rs", contents: layouts::generate(a) },
        Output { path: "src/helper_table.rs", contents: helpers::generate(a) },
        Output { path: "src/helper_shims.rs", contents: shims::generate(a) },
        Output { path: "src/specialize.rs", contents: specialize::generate(a) },
        Output { path: "src/tier1_cases.rs", contents: tier1::generate(a) },
        Output { path: "src/tier2_cases.rs", contents: tier2::generate(a) },
        Output { path: "UOPS.md", contents: docs::generate(a) },
    ]
}

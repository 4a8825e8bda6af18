//! The JIT's stencils: generate a `#![no_std]` crate from the uop bodies (`source`),
//! compile it with rustc (`compile`), read the machine code and holes out of the object
//! (`extract`), and write them as tables (`tables`) that record which rustc made them
//! (`compiler`).

mod compile;
mod compiler;
mod extract;
mod source;
mod tables;

pub use compile::TARGET;
pub use compiler::recorded as recorded_compiler;

use crate::Output;
use std::path::Path;
use stitch_dsl::Analysis;

/// `generated/src/stencils.rs`, compiling in `work_dir`.
pub fn generate(a: &Analysis, work_dir: &Path) -> Result<Output, String> {
    let source = source::crate_source(a);
    let compiled = compile::compile(&source, work_dir)?;
    let object = &compiled.object;
    let bytes = std::fs::read(object).map_err(|e| format!("cannot read {}: {e}", object.display()))?;
    let helpers: Vec<String> = a.helpers.iter().map(|h| h.name.clone()).collect();
    let stencils = extract::extract(&bytes, &helpers)?;
    let expected = source::stencil_uops(a).count() + source::stencil_uops(a).filter(|u| u.name == source::SHARED_OPARG_UOP).count();
    if stencils.len() != expected {
        return Err(format!("error: expected {expected} stencils in the object, found {}", stencils.len()));
    }
    Ok(Output { path: "src/stencils.rs", contents: tables::generate(a, &stencils, &compiled.rustc_version) })
}

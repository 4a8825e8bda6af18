//! The JIT's stencils: generate a `#![no_std]` crate from the uop bodies (`source`),
//! compile it with rustc (`compile`), read the machine code and holes out of the object
//! (`extract`), and write them as tables (`tables`) that record which rustc made them
//! (`compiler`). What goes wrong with one uop's stencil is reported at that uop
//! (`error`, `rustc_errors`).

mod compile;
mod compiler;
mod error;
mod extract;
mod rustc_errors;
mod source;
mod tables;

pub use compile::TARGET;
pub use compiler::recorded as recorded_compiler;
pub use error::Error;

use crate::Output;
use compile::Failure;
use std::path::Path;
use stitch_dsl::Analysis;

/// `generated/src/stencils.rs`, compiling in `work_dir`.
pub fn generate(a: &Analysis, work_dir: &Path) -> Result<Output, Error> {
    let source = source::crate_source(a);
    let compiled = compile::compile(&source, work_dir).map_err(|f| match f {
        Failure::Setup(message) => Error::build(message),
        Failure::Rustc { crate_path, stderr } => rustc_errors::error(a, &source, &crate_path, &stderr),
    })?;
    let object = &compiled.object;
    let bytes = std::fs::read(object).map_err(|e| Error::build(format!("cannot read {}: {e}", object.display())))?;
    let stencils = extract::extract(&bytes, a)?;
    check_complete(a, &stencils)?;
    Ok(Output { path: "src/stencils.rs", contents: tables::generate(a, &stencils, &compiled.rustc_version) })
}

/// Every uop that can appear in a trace has its stencil (and the cold exit its shared
/// variant): rustc keeps every `#[no_mangle]` function, so a missing one is a bug of
/// the crate's generation, reported at the uop it would have been.
fn check_complete(a: &Analysis, stencils: &[extract::Stencil]) -> Result<(), Error> {
    let mut missing = Error::default();
    for u in source::stencil_uops(a) {
        let variants: &[bool] = if u.name == source::SHARED_OPARG_UOP { &[false, true] } else { &[false] };
        for &shared in variants {
            if !stencils.iter().any(|s| s.uop == u.name && s.shared_oparg == shared) {
                missing.uops.push(error::at_uop(u, shared, "is missing from the compiled object"));
            }
        }
    }
    if missing.is_empty() { Ok(()) } else { Err(missing) }
}

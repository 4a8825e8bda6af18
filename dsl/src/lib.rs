//! The `.uops` language: grammar, syntax tree, analysis and diagnostics.
//!
//! [`compile`] is the whole pipeline: parse (recovering at each definition), then
//! analyse (collecting every error). Generators read the resulting [`model::Analysis`]
//! and nothing else.

pub mod ast;
pub mod body;
pub mod decode;
pub mod diagnostic;
pub mod model;
pub mod parser;
pub mod size;
pub mod source;

mod analysis;

pub use decode::source_file;
pub use diagnostic::{Diagnostic, Diagnostics};
pub use model::Analysis;
pub use source::{SourceFile, Span};

/// Parses and analyses a `.uops` file. `load` reads the shared modules it names (paths
/// as written in the file). On failure, every error found is returned.
pub fn compile(file: &SourceFile, load: &dyn Fn(&str) -> Result<String, String>) -> Result<Analysis, Diagnostics> {
    let mut diags = Diagnostics::default();
    let ast = parser::parse(file, &mut diags);
    match analysis::analyse(file, &ast, load) {
        Ok(a) if diags.is_empty() => Ok(a),
        Ok(_) => Err(diags),
        Err(more) => {
            diags.errors.extend(more.errors);
            Err(diags)
        }
    }
}

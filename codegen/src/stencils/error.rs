//! What stencil generation reports. An error about one uop's stencil is a diagnostic at
//! the uop's name in the `.uops` file, rendered as the analysis renders its own; an
//! error about the build as a whole (rustc missing, an unreadable object, a crate rustc
//! refused where no uop is to blame) is a plain message.

use stitch_dsl::model::Uop;
use stitch_dsl::{Diagnostic, SourceFile};

#[derive(Clone, Debug, Default)]
pub struct Error {
    /// About particular uops' stencils, at their definitions.
    pub uops: Vec<Diagnostic>,
    /// About the build as a whole.
    pub build: Vec<String>,
    /// Not errors of their own: what explains the ones above (rustc's output, in full).
    pub details: Vec<String>,
}

impl Error {
    pub fn build(message: impl Into<String>) -> Error {
        Error { build: vec![message.into()], ..Error::default() }
    }

    pub fn is_empty(&self) -> bool {
        self.uops.is_empty() && self.build.is_empty()
    }

    /// Every error, uops' in source order first, then a summary line.
    pub fn render(&self, file: &SourceFile) -> String {
        let mut sorted: Vec<&Diagnostic> = self.uops.iter().collect();
        sorted.sort_by_key(|d| (d.primary.span.lo, d.message.clone()));
        let mut out = String::new();
        for d in sorted {
            out.push_str(&d.render(file));
            out.push('\n');
        }
        for message in &self.build {
            out.push_str(&format!("error: {}\n\n", message.trim_end()));
        }
        for text in &self.details {
            out.push_str(&format!("{}\n\n", text.trim_end()));
        }
        let n = self.uops.len() + self.build.len();
        out.push_str(&format!("error: could not compile the JIT stencils of `{}` due to {n} error{}\n", file.name, if n == 1 { "" } else { "s" }));
        out
    }
}

/// An error about `uop`'s stencil, at its name. `what` completes "the JIT stencil of
/// `UOP` ...".
pub fn at_uop(uop: &Uop, shared_oparg: bool, what: &str) -> Diagnostic {
    let variant = if shared_oparg { " (the variant with the oparg in a register)" } else { "" };
    Diagnostic::error(uop.name_span, format!("the JIT stencil of `{}`{variant} {what}", uop.name)).label("compiled to this stencil")
}

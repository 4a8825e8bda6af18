//! What the JIT's stencils need from the file. `cargo xtask gen` compiles every uop
//! that can appear in a trace into a stencil, a function of a crate built from this
//! file alone: its calling convention names the layouts `Frame` and `Thread`, and the
//! stencils' lowering of some special forms reads fields of them. Checked here, so a
//! missing layout or field is an error at a place in the file, found with all the
//! others, rather than rustc failing on a generated crate.

use super::Ctx;
use crate::ast::{self, Item};
use crate::body::{BodyFacts, Form};
use crate::diagnostic::Diagnostic;
use crate::model::{Layout, Viability};
use crate::source::Span;

/// The layouts every stencil takes: `(frame: *mut Frame, sp: *mut Value, ts: *mut Thread)`.
pub const CONVENTION: [&str; 2] = ["Frame", "Thread"];

/// The fields the stencils' lowering of a form reads (codegen's `emit.rs`, `Tier::Stencil`).
fn fields_read(form: Form) -> &'static [(&'static str, &'static str)] {
    match form {
        Form::SwitchFrame => &[("Frame", "sp")],
        Form::GotoTier1 | Form::ErrorExit => &[("Frame", "sp"), ("Frame", "ip"), ("Frame", "instrs"), ("Thread", "frame")],
        Form::GotoExecutor => &[("Executor", "jit_code")],
        _ => &[],
    }
}

/// The calling convention's layouts are declared. A missing one is reported at the
/// first uop (its body is what receives `frame` and `ts`), or at the start of a file
/// without uops.
pub fn check_convention(ctx: &mut Ctx, file: &ast::File) {
    let declared = |name: &str| file.items.iter().any(|i| matches!(i, Item::Layout(d) if d.name.name == name));
    let first_uop = file.items.iter().find_map(|i| match i {
        Item::Uop(d) => Some(&d.name),
        _ => None,
    });
    for name in CONVENTION.iter().filter(|n| !declared(n)) {
        let d = match first_uop {
            Some(uop) => Diagnostic::error(uop.span, format!("the JIT needs a layout named `{name}`"))
                .label(format!("this body receives `{}`", if *name == "Frame" { "frame: *mut Frame" } else { "ts: *mut Thread" })),
            None => Diagnostic::error(Span::new(0, 0), format!("the JIT needs a layout named `{name}`")).label("in this file"),
        };
        ctx.error(
            d.note("stencils are called as `(frame: *mut Frame, sp: *mut Value, ts: *mut Thread)`")
                .note(format!("declare it, e.g. `layout {name} {{}}` (a layout without fields is opaque)")),
        );
    }
}

/// A uop that gets a stencil uses only forms whose lowering finds the fields it reads:
/// one error per form use, listing what is missing. A missing `Frame` or `Thread` is
/// `check_convention`'s to report, once.
pub fn check_stencil_forms(ctx: &mut Ctx, uop: &str, facts: &BodyFacts, tier2: &Viability, layouts: &[Layout]) {
    if *tier2 != Viability::Viable {
        return;
    }
    for (form, span) in &facts.forms {
        let mut missing = Vec::new();
        for (layout, field) in fields_read(*form) {
            match layouts.iter().find(|l| l.name == *layout) {
                None if CONVENTION.contains(layout) => {}
                None => missing.push(format!("layout `{layout}`")),
                Some(l) if l.fields.iter().any(|f| f.name == *field) => {}
                Some(_) => missing.push(format!("`{layout}.{field}`")),
            }
        }
        missing.dedup();
        if missing.is_empty() {
            continue;
        }
        let reads: Vec<String> = fields_read(*form).iter().map(|(l, f)| format!("`(*{}).{f}`", var(l))).collect();
        ctx.error(
            Diagnostic::error(*span, format!("`{}!` in `{uop}` cannot be compiled to a JIT stencil", form.name()))
                .label(format!("needs {}", missing.join(", ")))
                .note(format!("`{uop}` can appear in a trace, so it gets a stencil, where `{}!` reads {}", form.name(), reads.join(", "))),
        );
    }
}

/// The name a layout is reached through in a stencil.
fn var(layout: &str) -> &'static str {
    match layout {
        "Frame" => "frame",
        "Thread" => "ts",
        _ => "executor",
    }
}

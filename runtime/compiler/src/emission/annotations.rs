//! Type hints. CPython 3.11 evaluates a function's annotations when the `def` runs
//! and a module's variable annotations into `__annotations__`; it never evaluates
//! those of a function's local variables, nor any under `from __future__ import
//! annotations`. What is built (`list[int]`, `Optional[int]`) is only observable
//! through `__annotations__`, which is outside the subset; what a hint can do to a
//! program is fail on a name that is not defined. So stitch evaluates the names a
//! hint refers to (`list` and `int` in `list[int]`, `typing.List` in
//! `typing.List[int]`) and discards them, and evaluates nothing else.

use crate::diagnostics::errors::CompileResult;
use super::codegen::CodeGen;
use super::imports::postponed_annotations;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;
use stitch_abi::op;

impl CodeGen<'_> {
    /// The names of the annotations of a `def`, in CPython's order (parameters, then the
    /// return), each loaded and discarded.
    pub fn function_annotations(&mut self, parameters: &ast::Parameters, returns: Option<&Expr>) -> CompileResult<()> {
        if postponed_annotations() {
            return Ok(());
        }
        let line = self.line;
        let hints = parameters
            .posonlyargs
            .iter()
            .chain(&parameters.args)
            .map(|p| &p.parameter)
            .chain(parameters.vararg.as_deref())
            .chain(parameters.kwonlyargs.iter().map(|p| &p.parameter))
            .chain(parameters.kwarg.as_deref())
            .filter_map(|p| p.annotation.as_deref())
            .chain(returns);
        for hint in hints {
            self.hint_names(hint)?;
        }
        self.line = line;
        Ok(())
    }

    /// `target: hint [= value]`.
    pub fn ann_assign(&mut self, s: &ast::StmtAnnAssign) -> CompileResult<()> {
        if let Some(value) = &s.value {
            self.expr(value)?;
            self.store_target(&s.target)?;
        } else {
            // CPython checks the target's object (and subscript) as it would for a
            // store, without storing.
            match &*s.target {
                Expr::Attribute(a) => {
                    self.expr(&a.value)?;
                    self.emit(op::POP_TOP, 0);
                }
                Expr::Subscript(sub) => {
                    self.expr(&sub.value)?;
                    self.emit(op::POP_TOP, 0);
                    self.expr(&sub.slice)?;
                    self.emit(op::POP_TOP, 0);
                }
                _ => {}
            }
        }
        if self.is_module_scope() && !postponed_annotations() {
            self.hint_names(&s.annotation)?;
        }
        Ok(())
    }

    /// Loads and discards each name a hint refers to.
    fn hint_names(&mut self, hint: &Expr) -> CompileResult<()> {
        match hint {
            Expr::Name(_) | Expr::Attribute(_) if is_dotted_name(hint) => {
                self.line = self.map.line(hint.start());
                self.expr(hint)?;
                self.emit(op::POP_TOP, 0);
            }
            Expr::Attribute(a) => self.hint_names(&a.value)?,
            Expr::Subscript(s) => {
                self.hint_names(&s.value)?;
                self.hint_names(&s.slice)?;
            }
            Expr::Tuple(t) => t.elts.iter().try_for_each(|e| self.hint_names(e))?,
            Expr::List(l) => l.elts.iter().try_for_each(|e| self.hint_names(e))?,
            Expr::BinOp(b) => {
                self.hint_names(&b.left)?;
                self.hint_names(&b.right)?;
            }
            // Strings (forward references), None, `...` and the rest: nothing to look up.
            _ => {}
        }
        Ok(())
    }
}

/// `a` or `a.b.c`.
fn is_dotted_name(e: &Expr) -> bool {
    match e {
        Expr::Name(_) => true,
        Expr::Attribute(a) => is_dotted_name(&a.value),
        _ => false,
    }
}

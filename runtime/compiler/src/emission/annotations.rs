//! Type hints. CPython 3.11 evaluates a function's annotations when the `def` runs
//! (into the function's `__annotations__`) and a module's or class's variable
//! annotations into `__annotations__`; it never evaluates those of a function's local
//! variables, nor any under `from __future__ import annotations`, which keeps their
//! text. Hints on other targets (`self.x: int`) are evaluated for their names only.

use crate::diagnostics::errors::CompileResult;
use super::codegen::CodeGen;
use super::imports::postponed_annotations;
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::{Ranged, TextRange};
use super::unit::Const;
use stitch_abi::op;

impl CodeGen<'_> {
    /// The annotations of a `def`, in CPython's order (parameters, then the return), as
    /// a tuple of name, value pairs for SET_FUNCTION_ATTRIBUTE 4: each hint evaluated,
    /// or its text under `from __future__ import annotations`. Whether there were any.
    pub fn function_annotations(&mut self, parameters: &ast::Parameters, returns: Option<&Expr>) -> CompileResult<bool> {
        let line = self.line;
        let hints: Vec<(&str, &Expr)> = parameters
            .posonlyargs
            .iter()
            .chain(&parameters.args)
            .map(|p| &p.parameter)
            .chain(parameters.vararg.as_deref())
            .chain(parameters.kwonlyargs.iter().map(|p| &p.parameter))
            .chain(parameters.kwarg.as_deref())
            .filter_map(|p| p.annotation.as_deref().map(|a| (p.name.as_str(), a)))
            .chain(returns.map(|r| ("return", r)))
            .collect();
        for &(name, hint) in &hints {
            self.load_const(Const::Str(name.to_string()));
            self.hint_value(hint)?;
        }
        self.line = line;
        if hints.is_empty() {
            return Ok(false);
        }
        self.emit(op::BUILD_TUPLE, 2 * hints.len() as u32);
        Ok(true)
    }

    /// A hint's value for `__annotations__`: evaluated, or its text under `from
    /// __future__ import annotations`.
    fn hint_value(&mut self, hint: &Expr) -> CompileResult<()> {
        if postponed_annotations() {
            let Some(text) = unparse(hint) else {
                return self.unsupported("this annotation under 'from __future__ import annotations'", hint.range());
            };
            self.load_const(Const::Str(text));
            return Ok(());
        }
        self.line = self.map.line(hint.start());
        self.expr(hint)
    }

    /// `target: hint [= value]`: the value is stored first; then, in a module or a
    /// class body, a simple name's hint is evaluated into `__annotations__` (its text
    /// under `from __future__ import annotations`), and any other target's hint is
    /// evaluated and discarded, as CPython 3.11 does.
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
        if !self.is_module_scope() && !self.is_class_scope() {
            return Ok(());
        }
        match &*s.target {
            Expr::Name(name) if s.simple => {
                let line = self.line;
                self.hint_value(&s.annotation)?;
                self.line = line;
                self.load_name("__annotations__", s.range)?;
                self.load_const(Const::Str(name.id.as_str().to_string()));
                self.emit(op::STORE_SUBSCR, 0);
            }
            _ if !postponed_annotations() => self.hint_names(&s.annotation)?,
            _ => {}
        }
        Ok(())
    }

    /// A module or class body with variable annotations starts with an empty
    /// `__annotations__` (CPython's SETUP_ANNOTATIONS; the name is never bound yet
    /// when a body starts, so a new dict is what it makes).
    pub fn setup_annotations(&mut self, body: &[ast::Stmt]) -> CompileResult<()> {
        if super::annotated_bodies::has_annotations(body) {
            let line = self.line;
            if let Some(first) = body.first() {
                self.line = self.map.line(first.range().start());
            }
            self.emit(op::BUILD_MAP, 0);
            self.store_name("__annotations__", TextRange::default())?;
            self.line = line;
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

/// A hint's text as CPython's unparser writes it under `from __future__ import
/// annotations`, for the forms hints take; None for any other expression.
fn unparse(e: &Expr) -> Option<String> {
    Some(match e {
        Expr::Name(n) => n.id.to_string(),
        Expr::Attribute(a) => format!("{}.{}", unparse(&a.value)?, a.attr.as_str()),
        Expr::Subscript(s) => {
            let inner = match &*s.slice {
                Expr::Tuple(t) if !t.elts.is_empty() => t.elts.iter().map(unparse).collect::<Option<Vec<_>>>()?.join(", "),
                other => unparse(other)?,
            };
            format!("{}[{inner}]", unparse(&s.value)?)
        }
        Expr::List(l) => format!("[{}]", l.elts.iter().map(unparse).collect::<Option<Vec<_>>>()?.join(", ")),
        Expr::BinOp(b) if b.op == ast::Operator::BitOr => {
            // `|` is left-associative: only a right operand that is itself `|` needs
            // parentheses.
            let right = unparse(&b.right)?;
            let right = if matches!(&*b.right, Expr::BinOp(_)) { format!("({right})") } else { right };
            format!("{} | {right}", unparse(&b.left)?)
        }
        Expr::NoneLiteral(_) => "None".to_string(),
        Expr::EllipsisLiteral(_) => "...".to_string(),
        Expr::StringLiteral(s) => {
            let text = s.value.to_str();
            if text.contains(['\'', '\\', '\n', '\r', '\t']) || !text.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
                return None;
            }
            format!("'{text}'")
        }
        _ => return None,
    })
}

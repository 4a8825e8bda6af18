//! Assignment, augmented assignment and `del`: the store targets.

use crate::diagnostics::errors::CompileResult;
use super::codegen::CodeGen;
use stitch_abi::{NB_INPLACE, op};
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

impl CodeGen<'_> {
    /// `a = b = value`: the value once, copied for every target but the last,
    /// stored left to right.
    pub fn assign(&mut self, a: &ast::StmtAssign) -> CompileResult<()> {
        if let [target] = &a.targets[..]
            && let Some((targets, values)) = swappable_unpack(target, &a.value)
        {
            // `a, b = b, a`: push the values and reorder them as UNPACK_SEQUENCE
            // would leave them (first on top), without building a tuple.
            for e in values {
                self.expr(e)?;
            }
            if values.len() > 1 {
                self.emit(op::SWAP, values.len() as u32);
            }
            return targets.iter().try_for_each(|t| self.store_target(t));
        }
        self.expr(&a.value)?;
        for (i, target) in a.targets.iter().enumerate() {
            if i + 1 < a.targets.len() {
                self.emit(op::COPY, 1);
            }
            self.store_target(target)?;
        }
        Ok(())
    }

    /// Stores the value on top of the stack into `target`.
    pub fn store_target(&mut self, target: &Expr) -> CompileResult<()> {
        let saved = self.enter(target.range());
        let result = self.store_target_inner(target);
        self.line = saved;
        result
    }

    fn store_target_inner(&mut self, target: &Expr) -> CompileResult<()> {
        match target {
            Expr::Name(name) => self.store_name(name.id.as_str(), name.range),
            // `a[i:j] = x` too: the slice is built (BUILD_SLICE) as for a load.
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(op::STORE_SUBSCR, 0);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                let starred: Vec<usize> = elts.iter().enumerate().filter(|(_, e)| e.is_starred_expr()).map(|(i, _)| i).collect();
                match starred[..] {
                    [] => self.emit(op::UNPACK_SEQUENCE, elts.len() as u32),
                    [at] => {
                        self.load_const(super::unit::Const::Int(num_bigint::BigInt::from(at)));
                        self.emit(op::UNPACK_EX, elts.len() as u32);
                    }
                    // CPython: "multiple starred expressions in assignment" (a SyntaxError
                    // the syntax checks report first).
                    _ => return self.unsupported("several starred targets", target.range()),
                }
                elts.iter().try_for_each(|e| match e {
                    Expr::Starred(s) => self.store_target(&s.value),
                    _ => self.store_target(e),
                })
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let name = self.name_index(a.attr.as_str());
                self.emit(op::STORE_ATTR, name);
                Ok(())
            }
            Expr::Starred(s) => self.unsupported("star-unpacking", s.range),
            other => self.unsupported("assignment target", other.range()),
        }
    }

    /// `x op= v`; for `c[k] op= v` the container and key are evaluated once.
    pub fn aug_assign(&mut self, a: &ast::StmtAugAssign) -> CompileResult<()> {
        let operator = self.binary_operator(a.op, a.range)? | NB_INPLACE;
        match a.target.as_ref() {
            Expr::Name(name) => {
                self.load_name(name.id.as_str(), name.range)?;
                self.expr(&a.value)?;
                self.emit(op::BINARY_OP, operator);
                self.store_name(name.id.as_str(), name.range)
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(op::COPY, 2);
                self.emit(op::COPY, 2);
                self.emit(op::BINARY_SUBSCR, 0);
                self.expr(&a.value)?;
                self.emit(op::BINARY_OP, operator);
                // value, container, key -> as STORE_SUBSCR wants them.
                self.emit(op::SWAP, 3);
                self.emit(op::SWAP, 2);
                self.emit(op::STORE_SUBSCR, 0);
                Ok(())
            }
            Expr::Attribute(attr) => {
                self.expr(&attr.value)?;
                self.emit(op::COPY, 1);
                let name = self.name_index(attr.attr.as_str());
                self.emit(op::LOAD_ATTR, name);
                self.expr(&a.value)?;
                self.emit(op::BINARY_OP, operator);
                // value, owner -> as STORE_ATTR wants them.
                self.emit(op::SWAP, 2);
                self.emit(op::STORE_ATTR, name);
                Ok(())
            }
            other => self.unsupported("assignment target", other.range()),
        }
    }

    pub fn delete_target(&mut self, target: &Expr) -> CompileResult<()> {
        let saved = self.enter(target.range());
        let result = match target {
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(op::DELETE_SUBSCR, 0);
                Ok(())
            }
            Expr::Tuple(ast::ExprTuple { elts, .. }) | Expr::List(ast::ExprList { elts, .. }) => {
                elts.iter().try_for_each(|e| self.delete_target(e))
            }
            Expr::Name(name) => match self.access(name.id.as_str(), name.range)? {
                super::codegen::Access::Fast(slot) => {
                    self.emit(op::DELETE_FAST, slot);
                    Ok(())
                }
                super::codegen::Access::Global(index) => {
                    self.emit(op::DELETE_GLOBAL, index);
                    Ok(())
                }
                super::codegen::Access::Deref(_) => self.unsupported("del of a captured name", name.range),
            },
            Expr::Attribute(attr) => {
                self.expr(&attr.value)?;
                let name = self.name_index(attr.attr.as_str());
                self.emit(op::DELETE_ATTR, name);
                Ok(())
            }
            other => self.unsupported("del target", other.range()),
        };
        self.line = saved;
        result
    }
}

/// The targets and values of `t1, ..., tn = v1, ..., vn` when n <= 3 and nothing
/// is starred: pushing the values then one SWAP gives the order UNPACK_SEQUENCE
/// would.
fn swappable_unpack<'e>(target: &'e Expr, value: &'e Expr) -> Option<(&'e [Expr], &'e [Expr])> {
    let targets = match target {
        Expr::Tuple(t) => &t.elts,
        Expr::List(l) => &l.elts,
        _ => return None,
    };
    let values = match value {
        Expr::Tuple(t) => &t.elts,
        Expr::List(l) => &l.elts,
        _ => return None,
    };
    let plain = |e: &Expr| !e.is_starred_expr();
    let ok = targets.len() == values.len()
        && (1..=3).contains(&targets.len())
        && targets.iter().all(plain)
        && values.iter().all(plain);
    ok.then_some((targets, values))
}

//! Comparisons, `and`/`or`, and conditions compiled straight into jumps.
//!
//! In value position `a and b` keeps the deciding operand:
//! `a; COPY 1; POP_JUMP_IF_FALSE end; POP_TOP; b; end:`. As the test of an `if`,
//! `while`, `assert`, conditional expression or comprehension `if`, it becomes a
//! chain of jumps with no value left over (CPython's `compiler_jump_if`).

use crate::assembly::assembler::Label;
use crate::diagnostics::errors::CompileResult;
use super::codegen::CodeGen;
use super::literal;
use stitch_abi::{CMP_EQ, CMP_GE, CMP_GT, CMP_LE, CMP_LT, CMP_NE, op};
use ruff_python_ast::{self as ast, BoolOp, CmpOp, Expr, UnaryOp};
use ruff_text_size::Ranged;

/// COMPARE_OP's oparg: the comparison, and which outcomes (less, equal, greater,
/// unordered: bits 0 to 3) make it true.
const LT: u32 = (CMP_LT << 4) | 0b0001;
const LE: u32 = (CMP_LE << 4) | 0b0011;
const EQ: u32 = (CMP_EQ << 4) | 0b0010;
const NE: u32 = (CMP_NE << 4) | 0b1101;
const GT: u32 = (CMP_GT << 4) | 0b0100;
const GE: u32 = (CMP_GE << 4) | 0b0110;

impl CodeGen<'_> {
    pub fn emit_compare(&mut self, cmp: CmpOp) {
        match cmp {
            CmpOp::Lt => self.emit(op::COMPARE_OP, LT),
            CmpOp::LtE => self.emit(op::COMPARE_OP, LE),
            CmpOp::Eq => self.emit(op::COMPARE_OP, EQ),
            CmpOp::NotEq => self.emit(op::COMPARE_OP, NE),
            CmpOp::Gt => self.emit(op::COMPARE_OP, GT),
            CmpOp::GtE => self.emit(op::COMPARE_OP, GE),
            CmpOp::In => self.emit(op::CONTAINS_OP, 0),
            CmpOp::NotIn => self.emit(op::CONTAINS_OP, 1),
            CmpOp::Is => self.emit(op::IS_OP, 0),
            CmpOp::IsNot => self.emit(op::IS_OP, 1),
        }
    }

    /// The right side of a comparison. For `in`, a list display of constants tests
    /// the same as the tuple CPython folds it into.
    fn comparand(&mut self, cmp: CmpOp, e: &Expr) -> CompileResult<()> {
        if matches!(cmp, CmpOp::In | CmpOp::NotIn)
            && let Expr::List(list) = e
            && let Some(items) = list
                .elts
                .iter()
                .map(literal::constant)
                .collect::<Option<Vec<_>>>()
        {
            let saved = self.enter(e.range());
            self.load_const(super::unit::Const::Tuple(items));
            self.line = saved;
            return Ok(());
        }
        self.expr(e)
    }

    /// `a < b < c` evaluates `b` once and stops at the first false comparison:
    ///
    /// ```text
    ///   a b SWAP 2; COPY 2; COMPARE_OP <       (b, a<b)
    ///   COPY 1; POP_JUMP_IF_FALSE cleanup; POP_TOP
    ///   c COMPARE_OP <; JUMP_FORWARD end
    /// cleanup: SWAP 2; POP_TOP                 (drop b, keep False)
    /// end:
    /// ```
    pub fn compare(&mut self, c: &ast::ExprCompare) -> CompileResult<()> {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 0 {
            return Ok(());
        }
        let cleanup = self.new_label();
        for (cmp, right) in c.ops.iter().zip(c.comparators.iter()).take(n - 1) {
            self.comparand(*cmp, right)?;
            self.emit(op::SWAP, 2);
            self.emit(op::COPY, 2);
            self.emit_compare(*cmp);
            self.emit(op::COPY, 1);
            self.emit_jump(op::POP_JUMP_IF_FALSE, cleanup);
            self.emit(op::POP_TOP, 0);
        }
        self.comparand(c.ops[n - 1], &c.comparators[n - 1])?;
        self.emit_compare(c.ops[n - 1]);
        if n > 1 {
            let end = self.new_label();
            self.emit_jump(op::JUMP_FORWARD, end);
            self.bind(cleanup);
            self.emit(op::SWAP, 2);
            self.emit(op::POP_TOP, 0);
            self.bind(end);
        }
        Ok(())
    }

    /// `a and b` / `a or b` as a value: the first operand that decides, else the last.
    pub fn bool_op(&mut self, b: &ast::ExprBoolOp) -> CompileResult<()> {
        let jump = match b.op {
            BoolOp::And => op::POP_JUMP_IF_FALSE,
            BoolOp::Or => op::POP_JUMP_IF_TRUE,
        };
        let end = self.new_label();
        let Some((last, rest)) = b.values.split_last() else {
            return Ok(());
        };
        for value in rest {
            self.expr(value)?;
            self.emit(op::COPY, 1);
            self.emit_jump(jump, end);
            self.emit(op::POP_TOP, 0);
        }
        self.expr(last)?;
        self.bind(end);
        Ok(())
    }

    /// Jumps to `target` (which must come later) when `expr` is truthy (`when`
    /// true) or falsy (`when` false); falls through otherwise. Leaves nothing on
    /// the stack either way.
    pub fn jump_if(&mut self, expr: &Expr, when: bool, target: Label) -> CompileResult<()> {
        let saved = self.enter(expr.range());
        let result = self.jump_if_inner(expr, when, target);
        self.line = saved;
        result
    }

    fn jump_if_inner(&mut self, expr: &Expr, when: bool, target: Label) -> CompileResult<()> {
        if let Some(c) = literal::constant(expr) {
            // `while True:` tests nothing; `if 0:` always skips.
            if c.truthy() == when {
                self.emit_jump(op::JUMP_FORWARD, target);
            }
            return Ok(());
        }
        match expr {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => self.jump_if(&u.operand, !when, target),
            Expr::BoolOp(b) => {
                let Some((last, rest)) = b.values.split_last() else {
                    return Ok(());
                };
                let is_or = b.op == BoolOp::Or;
                if is_or == when {
                    // `a or b` jumping when true (or `a and b` when false): any
                    // operand can decide on its own.
                    for value in b.values.iter() {
                        self.jump_if(value, when, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for value in rest {
                        self.jump_if(value, !when, skip)?;
                    }
                    self.jump_if(last, when, target)?;
                    self.bind(skip);
                }
                Ok(())
            }
            Expr::If(i) => {
                let (orelse, end) = (self.new_label(), self.new_label());
                self.jump_if(&i.test, false, orelse)?;
                self.jump_if(&i.body, when, target)?;
                self.emit_jump(op::JUMP_FORWARD, end);
                self.bind(orelse);
                self.jump_if(&i.orelse, when, target)?;
                self.bind(end);
                Ok(())
            }
            Expr::Compare(c) if c.ops.len() > 1 => self.jump_if_chain(c, when, target),
            _ => {
                self.expr(expr)?;
                let jump = if when {
                    op::POP_JUMP_IF_TRUE
                } else {
                    op::POP_JUMP_IF_FALSE
                };
                self.emit_jump(jump, target);
                Ok(())
            }
        }
    }

    /// A chained comparison as a condition: each link that fails leaves its middle
    /// operand to pop on the way out.
    fn jump_if_chain(
        &mut self,
        c: &ast::ExprCompare,
        when: bool,
        target: Label,
    ) -> CompileResult<()> {
        let n = c.ops.len();
        let cleanup = self.new_label();
        self.expr(&c.left)?;
        for (cmp, right) in c.ops.iter().zip(c.comparators.iter()).take(n - 1) {
            self.comparand(*cmp, right)?;
            self.emit(op::SWAP, 2);
            self.emit(op::COPY, 2);
            self.emit_compare(*cmp);
            self.emit_jump(op::POP_JUMP_IF_FALSE, cleanup);
        }
        self.comparand(c.ops[n - 1], &c.comparators[n - 1])?;
        self.emit_compare(c.ops[n - 1]);
        let jump = if when {
            op::POP_JUMP_IF_TRUE
        } else {
            op::POP_JUMP_IF_FALSE
        };
        self.emit_jump(jump, target);
        let end = self.new_label();
        self.emit_jump(op::JUMP_FORWARD, end);
        self.bind(cleanup);
        self.emit(op::POP_TOP, 0);
        if !when {
            self.emit_jump(op::JUMP_FORWARD, target);
        }
        self.bind(end);
        Ok(())
    }
}

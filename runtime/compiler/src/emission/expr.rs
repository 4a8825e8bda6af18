//! Expressions. Each leaves exactly one value on the stack; its instructions are
//! attributed to the line where it starts (sub-expressions to their own lines), as
//! CPython does, so a traceback names the line of the failing operation.

use crate::diagnostics::errors::CompileResult;
use super::codegen::{CodeGen, FunctionBody, FunctionParts};
use super::literal;
use super::unit::Const;
use stitch_abi::{
    NB_ADD, NB_AND, NB_FLOOR_DIVIDE, NB_LSHIFT, NB_MATRIX_MULTIPLY, NB_MULTIPLY, NB_OR, NB_POWER, NB_REMAINDER,
    NB_RSHIFT, NB_SUBTRACT, NB_TRUE_DIVIDE, NB_XOR, UNARY_INVERT, UNARY_NEGATIVE, UNARY_POSITIVE,
    op,
};
use ruff_python_ast::{Expr, Operator, UnaryOp};
use ruff_text_size::{Ranged, TextRange};

impl CodeGen<'_> {
    pub fn expr(&mut self, expr: &Expr) -> CompileResult<()> {
        let saved = self.enter(expr.range());
        let result = self.expr_inner(expr);
        self.line = saved;
        result
    }

    fn expr_inner(&mut self, expr: &Expr) -> CompileResult<()> {
        if let Some(c) = literal::constant(expr) {
            self.load_const(c);
            return Ok(());
        }
        match expr {
            Expr::Name(name) => self.load_name(name.id.as_str(), name.range),
            Expr::BinOp(b) => {
                let operator = self.binary_operator(b.op, b.range)?;
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(op::BINARY_OP, operator);
                Ok(())
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                match u.op {
                    UnaryOp::Not => self.emit(op::UNARY_NOT, 0),
                    UnaryOp::USub => self.emit(op::UNARY_OP, UNARY_NEGATIVE),
                    UnaryOp::UAdd => self.emit(op::UNARY_OP, UNARY_POSITIVE),
                    UnaryOp::Invert => self.emit(op::UNARY_OP, UNARY_INVERT),
                }
                Ok(())
            }
            Expr::BoolOp(b) => self.bool_op(b),
            Expr::Compare(c) => self.compare(c),
            Expr::If(i) => {
                let (orelse, end) = (self.new_label(), self.new_label());
                self.jump_if(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.emit_jump(op::JUMP_FORWARD, end);
                self.bind(orelse);
                self.expr(&i.orelse)?;
                self.bind(end);
                Ok(())
            }
            Expr::Dict(d) => {
                // The leading `key: value` pairs are built at once; after the first
                // `**`, each item goes into the dict in order (CPython 3.11's
                // DICT_UPDATE and MAP_ADD).
                let leading = d.items.iter().take_while(|item| item.key.is_some()).count();
                for item in &d.items[..leading] {
                    if let Some(key) = &item.key {
                        self.expr(key)?;
                    }
                    self.expr(&item.value)?;
                }
                self.emit(op::BUILD_MAP, leading as u32);
                for item in &d.items[leading..] {
                    match &item.key {
                        Some(key) => {
                            self.expr(key)?;
                            self.expr(&item.value)?;
                            self.emit(op::MAP_ADD, 1);
                        }
                        None => {
                            self.expr(&item.value)?;
                            self.emit(op::DICT_UPDATE, 1);
                        }
                    }
                }
                Ok(())
            }
            Expr::List(l) => self.display(&l.elts, false),
            Expr::Tuple(t) => self.display(&t.elts, true),
            Expr::Call(c) => self.call(c),
            Expr::ListComp(c) => self.list_comprehension(c),
            Expr::FString(f) => self.fstring(f),
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let name = self.name_index(a.attr.as_str());
                self.emit(op::LOAD_ATTR, name);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(op::BINARY_SUBSCR, 0);
                Ok(())
            }
            Expr::Slice(s) => {
                // Missing bounds are None, as in `slice(None, j)`.
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(e) => self.expr(e)?,
                        None => self.load_const(Const::None),
                    }
                }
                let mut count = 2;
                if let Some(step) = &s.step {
                    self.expr(step)?;
                    count = 3;
                }
                self.emit(op::BUILD_SLICE, count);
                Ok(())
            }
            Expr::Set(s) => self.set_display(&s.elts),
            Expr::SetComp(s) => self.set_comprehension(s),
            Expr::DictComp(d) => self.dict_comprehension(d),
            Expr::Generator(g) => self.generator_expression(g),
            Expr::Lambda(l) => {
                let line = self.line;
                let f = FunctionParts { name: "<lambda>", range: l.range, parameters: l.parameters.as_deref(), returns: None, body: FunctionBody::Expression(&l.body) };
                self.make_function(f, line)
            }
            Expr::Named(n) => {
                // The value stays on the stack as the expression's result.
                let Expr::Name(target) = n.target.as_ref() else {
                    return self.unsupported("walrus operator (:=) target", n.target.range());
                };
                self.expr(&n.value)?;
                self.emit(op::COPY, 1);
                self.store_name(target.id.as_str(), target.range)
            }
            Expr::Await(a) => self.await_expr(a),
            Expr::Yield(y) if self.is_module_scope() => self.unsupported("'yield' outside function", y.range),
            Expr::YieldFrom(y) if self.is_module_scope() => self.unsupported("'yield' outside function", y.range),
            Expr::Yield(y) => self.yield_expr(y),
            Expr::YieldFrom(y) => self.yield_from(y),
            Expr::Starred(s) => self.unsupported("star-unpacking", s.range),
            Expr::TString(t) => self.unsupported("t-string", t.range),
            Expr::IpyEscapeCommand(e) => self.unsupported("IPython escape command", e.range),
            // Literals that are not constants (a big int the parser could not read).
            other => self.unsupported("literal", other.range()),
        }
    }

    /// A list or tuple display. With `*` items, the leading plain items start a list
    /// that each later item extends or is appended to; a tuple is that list turned
    /// into one (LIST_TO_TUPLE), as CPython 3.11 compiles them.
    fn display(&mut self, elts: &[Expr], tuple: bool) -> CompileResult<()> {
        let build = if tuple { op::BUILD_TUPLE } else { op::BUILD_LIST };
        if !elts.iter().any(Expr::is_starred_expr) {
            for e in elts {
                self.expr(e)?;
            }
            self.emit(build, elts.len() as u32);
            return Ok(());
        }
        let leading = elts.iter().take_while(|e| !e.is_starred_expr()).count();
        for e in &elts[..leading] {
            self.expr(e)?;
        }
        self.emit(op::BUILD_LIST, leading as u32);
        for e in &elts[leading..] {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    let saved = self.enter(s.range);
                    self.emit(op::LIST_EXTEND, 1);
                    self.line = saved;
                }
                plain => {
                    self.expr(plain)?;
                    self.emit(op::LIST_APPEND, 1);
                }
            }
        }
        if tuple {
            self.emit(op::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    /// `{a, b, *c}`. As CPython 3.11: items before the first star are pushed and built
    /// (BUILD_SET n), later ones added (SET_ADD 1, SET_UPDATE 1 for a star).
    ///
    /// More than two constants CPython folds into a frozenset constant, which merging
    /// the code's constants rebuilds from its own iteration order, and which BUILD_SET 0
    /// + SET_UPDATE copies into a new set. Each step may size the table differently, and
    /// the table decides the order the set prints in, so stitch takes the same steps:
    /// the set of the items, a list of it, a set of that list, a copy of that set.
    fn set_display(&mut self, elts: &[Expr]) -> CompileResult<()> {
        let stars = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        let Some(first_star) = stars else {
            for e in elts {
                self.expr(e)?;
            }
            self.emit(op::BUILD_SET, elts.len() as u32);
            if elts.len() > 2 && elts.iter().all(is_folded_constant) {
                for (build, extend) in [(op::BUILD_LIST, op::LIST_EXTEND), (op::BUILD_SET, op::SET_UPDATE), (op::BUILD_SET, op::SET_UPDATE)] {
                    self.emit(build, 0);
                    self.emit(op::SWAP, 2);
                    self.emit(extend, 1);
                }
            }
            return Ok(());
        };
        for e in &elts[..first_star] {
            self.expr(e)?;
        }
        self.emit(op::BUILD_SET, first_star as u32);
        for e in &elts[first_star..] {
            match e {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    self.emit(op::SET_UPDATE, 1);
                }
                other => {
                    self.expr(other)?;
                    self.emit(op::SET_ADD, 1);
                }
            }
        }
        Ok(())
    }

    /// BINARY_OP's oparg for `operator`.
    pub fn binary_operator(&self, operator: Operator, _range: TextRange) -> CompileResult<u32> {
        Ok(match operator {
            Operator::Add => NB_ADD,
            Operator::Sub => NB_SUBTRACT,
            Operator::Mult => NB_MULTIPLY,
            Operator::Div => NB_TRUE_DIVIDE,
            Operator::FloorDiv => NB_FLOOR_DIVIDE,
            Operator::Mod => NB_REMAINDER,
            Operator::Pow => NB_POWER,
            Operator::LShift => NB_LSHIFT,
            Operator::RShift => NB_RSHIFT,
            Operator::BitOr => NB_OR,
            Operator::BitXor => NB_XOR,
            Operator::BitAnd => NB_AND,
            Operator::MatMult => NB_MATRIX_MULTIPLY,
        })
    }
}

/// Whether CPython's AST optimizer turns `e` into a constant: literals, signs applied to
/// number literals, and tuples of those.
fn is_folded_constant(e: &Expr) -> bool {
    match e {
        Expr::NumberLiteral(_) | Expr::StringLiteral(_) | Expr::BytesLiteral(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) => true,
        Expr::UnaryOp(u) => matches!(u.op, UnaryOp::USub | UnaryOp::UAdd | UnaryOp::Invert) && matches!(&*u.operand, Expr::NumberLiteral(_)),
        Expr::Tuple(t) => t.elts.iter().all(is_folded_constant),
        _ => false,
    }
}

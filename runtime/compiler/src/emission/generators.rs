//! Generators: `yield`, `yield from` and generator expressions, as CPython 3.11
//! compiles them.
//!
//! A generator function's prologue ends in `RETURN_GENERATOR; POP_TOP` (the POP_TOP
//! drops the None the first `next` sends in). `yield x` is `<x> YIELD_VALUE`, after
//! which the value sent in is on the stack. `yield from it`:
//!
//! ```text
//!   <it> GET_YIELD_FROM_ITER LOAD_CONST None
//! loop:
//!   SEND                          delegate, value -> delegate, result, done
//!   POP_JUMP_IF_TRUE end
//!   YIELD_VALUE 1                 (1: the delegate is below; `throw` goes to it)
//!   JUMP_BACKWARD loop
//! end:
//!   SWAP 2 POP_TOP                the delegate's return value
//! ```
//!
//! `await x` is the same loop over `<x> GET_AWAITABLE`.
//!
//! A generator expression is a generator function of its own (`<genexpr>`), called at
//! once with the iterator of its first iterable, which is evaluated where the
//! expression stands (so its errors are raised there); the rest runs lazily:
//!
//! ```text
//!   LOAD_FAST .0
//! top:
//!   FOR_ITER end  <store target>  <ifs>  <nested for clauses, or: <elt> YIELD_VALUE POP_TOP>
//!   JUMP_BACKWARD top
//! end:
//!   LOAD_CONST None RETURN_VALUE
//! ```

use super::codegen::{CodeGen, FunctionBody, FunctionParts};
use super::unit::Const;
use crate::diagnostics::errors::CompileResult;
use ruff_python_ast::{self as ast, Expr};
use stitch_abi::op;

impl CodeGen<'_> {
    /// `yield value` (None when bare): the value sent in when it resumes is pushed.
    pub fn yield_expr(&mut self, y: &ast::ExprYield) -> CompileResult<()> {
        match &y.value {
            Some(v) => self.expr(v)?,
            None => self.load_const(Const::None),
        }
        self.emit(op::YIELD_VALUE, 0);
        Ok(())
    }

    /// `yield from iterable`: the delegate's return value is pushed.
    pub fn yield_from(&mut self, y: &ast::ExprYieldFrom) -> CompileResult<()> {
        self.expr(&y.value)?;
        self.emit(op::GET_YIELD_FROM_ITER, 0);
        self.delegate()
    }

    /// `await awaitable`, in an `async def`: as `yield from`, with the delegate the
    /// awaitable's iterator (the coroutine itself, or what its `__await__` gives).
    pub fn await_expr(&mut self, a: &ast::ExprAwait) -> CompileResult<()> {
        self.expr(&a.value)?;
        self.emit(op::GET_AWAITABLE, 0);
        self.delegate()
    }

    /// The loop that runs the delegate on the stack to its end, yielding what it
    /// yields; its return value is pushed.
    pub fn delegate(&mut self) -> CompileResult<()> {
        self.load_const(Const::None);
        let (top, end) = (self.new_label(), self.new_label());
        self.bind(top);
        self.emit(op::SEND, 0);
        self.emit_jump(op::POP_JUMP_IF_TRUE, end);
        self.emit(op::YIELD_VALUE, 1);
        self.emit_jump(op::JUMP_BACKWARD, top);
        self.bind(end);
        self.emit(op::SWAP, 2);
        self.emit(op::POP_TOP, 0);
        Ok(())
    }

    /// A generator expression: the generator, its first iterable's iterator passed in.
    pub fn generator_expression(&mut self, g: &ast::ExprGenerator) -> CompileResult<()> {
        if let Some(c) = g.generators.iter().find(|c| c.is_async) {
            return self.unsupported("async comprehension", c.range);
        }
        let Some(first) = g.generators.first() else { return Ok(()) };
        let line = self.line;
        let f = FunctionParts { name: "<genexpr>", range: g.range, parameters: None, returns: None, body: FunctionBody::Generator(g) };
        self.make_function(f, line)?;
        self.emit(op::PUSH_NULL, 0);
        self.expr(&first.iter)?;
        self.line = line;
        self.emit(op::GET_ITER, 0);
        self.emit(op::CALL, 1);
        Ok(())
    }

    /// The body of a generator expression's function.
    pub fn generator_body(&mut self, g: &ast::ExprGenerator) -> CompileResult<()> {
        self.emit(op::LOAD_FAST, 0);
        self.generator_loop(&g.generators, 0, &g.elt)?;
        self.return_none();
        Ok(())
    }

    /// The `for` clause `index` and everything inside it.
    fn generator_loop(&mut self, clauses: &[ast::Comprehension], index: usize, elt: &Expr) -> CompileResult<()> {
        let Some(clause) = clauses.get(index) else { return Ok(()) };
        if index > 0 {
            self.expr(&clause.iter)?;
        }
        let saved = self.enter(clause.range);
        if index > 0 {
            self.emit(op::GET_ITER, 0);
        }
        let (top, next, end) = (self.new_label(), self.new_label(), self.new_label());
        self.bind(top);
        self.emit_jump(op::FOR_ITER, end);
        self.store_target(&clause.target)?;
        for condition in &clause.ifs {
            self.jump_if(condition, false, next)?;
        }
        if index + 1 < clauses.len() {
            self.generator_loop(clauses, index + 1, elt)?;
        } else {
            self.expr(elt)?;
            self.emit(op::YIELD_VALUE, 0);
            self.emit(op::POP_TOP, 0);
        }
        self.bind(next);
        self.emit_jump(op::JUMP_BACKWARD, top);
        self.bind(end);
        self.line = saved;
        Ok(())
    }
}

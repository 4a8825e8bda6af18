//! `with`, laid out as CPython 3.11 lays it out: the manager's `__exit__` stays on the
//! stack while the body runs, and the exception table sends an exception in the body
//! to a handler that calls it with the exception:
//!
//! ```text
//!        <manager> BEFORE_WITH      stack: D, exit, <__enter__()>
//!        <store target, or POP_TOP> (handler: h, depth D + 1)
//!        <body>                     (several managers: the next one here)
//!        PUSH_NULL; None; None; None; CALL 3; POP_TOP
//!        JUMP_FORWARD end
//! h:     PUSH_EXC_INFO              stack: D, exit, previous, exc
//!        WITH_EXCEPT_START          (handler: cleanup, depth D + 2) exit(type, exc, None)
//!        POP_JUMP_IF_TRUE suppress
//!        RERAISE
//! suppress: POP_TOP; POP_EXCEPT; POP_TOP
//!        JUMP_FORWARD end
//! cleanup: SWAP 2; POP_EXCEPT; RERAISE
//! end:
//! ```
//!
//! `async with` is the same with `__aenter__`/`__aexit__` (BEFORE_WITH 1,
//! WITH_EXCEPT_START 1), each of their results awaited (`GET_AWAITABLE` and the loop
//! of `generators.rs`) where `with` uses it.
//!
//! `break`, `continue` and `return` in the body call `exit(None, None, None)` on their
//! way out (`leaving`).

use super::blocks::Block;
use super::codegen::CodeGen;
use super::unit::Const;
use crate::diagnostics::errors::CompileResult;
use ruff_python_ast::{self as ast, Stmt};
use stitch_abi::op;

impl CodeGen<'_> {
    pub fn with_stmt(&mut self, s: &ast::StmtWith) -> CompileResult<()> {
        let line = self.map.line(s.range.start());
        self.with_items(&s.items, &s.body, line, s.is_async)
    }

    /// The first manager of `items` around the others and the body.
    fn with_items(&mut self, items: &[ast::WithItem], body: &[Stmt], line: u32, is_async: bool) -> CompileResult<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.body(body);
        };
        let depth = self.stmt_depth();
        self.expr(&item.context_expr)?;
        self.line = line;
        self.emit(op::BEFORE_WITH, is_async as u32);
        if is_async {
            // `__aenter__()`'s awaitable, awaited before the body's handler covers it.
            self.emit(op::GET_AWAITABLE, 0);
            self.delegate()?;
        }
        let (handler, end) = (self.new_label(), self.new_label());
        let h = self.new_handler(handler, depth + 1);
        let outside = self.handlers.len();
        self.push_handler(h);
        self.blocks.push(Block::With { handlers: outside, is_async });
        let inner = (|| {
            match &item.optional_vars {
                Some(target) => self.store_target(target)?,
                None => self.emit(op::POP_TOP, 0),
            }
            self.with_items(rest, body, line, is_async)
        })();
        self.blocks.pop();
        self.pop_handler();
        inner?;
        // Left normally.
        self.line = line;
        self.call_exit(is_async)?;
        self.emit_jump(op::JUMP_FORWARD, end);
        // Left by an exception: `__exit__` decides whether it goes on.
        self.bind(handler);
        self.emit(op::PUSH_EXC_INFO, 0);
        let cleanup = self.new_label();
        let c = self.new_handler(cleanup, depth + 2);
        self.push_handler(c);
        self.emit(op::WITH_EXCEPT_START, is_async as u32);
        if is_async {
            self.emit(op::GET_AWAITABLE, 0);
            self.delegate()?;
        }
        let suppress = self.new_label();
        self.emit_jump(op::POP_JUMP_IF_TRUE, suppress);
        self.emit(op::RERAISE, 0);
        self.bind(suppress);
        self.pop_handler();
        self.emit(op::POP_TOP, 0);
        self.emit(op::POP_EXCEPT, 0);
        self.emit(op::POP_TOP, 0);
        self.emit_jump(op::JUMP_FORWARD, end);
        self.cleanup(cleanup);
        self.bind(end);
        Ok(())
    }

    /// `exit(None, None, None)` of the `__exit__` on top of the stack (awaited, for
    /// an `async with`).
    pub fn call_exit(&mut self, is_async: bool) -> CompileResult<()> {
        self.emit(op::PUSH_NULL, 0);
        for _ in 0..3 {
            self.load_const(Const::None);
        }
        self.emit(op::CALL, 3);
        if is_async {
            self.emit(op::GET_AWAITABLE, 0);
            self.delegate()?;
        }
        self.emit(op::POP_TOP, 0);
        Ok(())
    }
}

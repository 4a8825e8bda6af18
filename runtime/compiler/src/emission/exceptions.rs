//! `raise` and `try`, laid out as CPython 3.11 lays them out: the protected code runs
//! with nothing set up (the exception table says where its handler is), and the
//! handlers are out of line:
//!
//! ```text
//!        <body>                     (handler: h, depth D)
//!        <else>
//!        JUMP_FORWARD end
//! h:     PUSH_EXC_INFO              stack: D, previous, exc
//!        <T> CHECK_EXC_MATCH        (handler: cleanup, depth D + 1, from here on)
//!        POP_JUMP_IF_FALSE next
//!        STORE_FAST e               stack: D, previous
//!        <clause body>              (handler: unbind, for `as e`)
//!        POP_EXCEPT; e = None; del e
//!        JUMP_FORWARD end
//! unbind: e = None; del e; RERAISE
//! next:  ... RERAISE                (no clause matched)
//! cleanup: SWAP 2; POP_EXCEPT; RERAISE
//! end:
//! ```
//!
//! A `finally` clause is compiled twice: inline after the body (and wherever
//! `break`, `continue` or `return` leave the body early), and as a handler that runs
//! it with the exception handled, then raises it again.

use super::blocks::Block;
use super::codegen::{Access, CodeGen};
use super::unit::Const;
use crate::diagnostics::errors::CompileResult;
use ruff_python_ast::{self as ast, ExceptHandler};
use ruff_text_size::{Ranged, TextRange};
use stitch_abi::op;

impl CodeGen<'_> {
    pub fn raise_stmt(&mut self, r: &ast::StmtRaise) -> CompileResult<()> {
        let mut count = 0;
        if let Some(exc) = &r.exc {
            self.expr(exc)?;
            count += 1;
            if let Some(cause) = &r.cause {
                self.expr(cause)?;
                count += 1;
            }
        }
        self.line = self.map.line(r.range.start());
        self.emit(op::RAISE_VARARGS, count);
        Ok(())
    }

    pub fn try_stmt(&mut self, t: &ast::StmtTry) -> CompileResult<()> {
        if t.is_star {
            return self.unsupported("except*", t.range);
        }
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        let depth = self.stmt_depth();
        let (handler, end) = (self.new_label(), self.new_label());
        let h = self.new_handler(handler, depth);
        let outside = self.handlers.len();
        self.push_handler(h);
        self.blocks.push(Block::TryFinally { handlers: outside, body: t.finalbody.to_vec() });
        let body = if t.handlers.is_empty() { self.body(&t.body) } else { self.try_except(t) };
        self.blocks.pop();
        self.pop_handler();
        body?;
        // Left normally: the clause runs inline.
        self.body(&t.finalbody)?;
        self.emit_jump(op::JUMP_FORWARD, end);
        // Left by an exception: the clause runs with it handled, then it is raised again.
        self.bind(handler);
        self.emit(op::PUSH_EXC_INFO, 0);
        let cleanup = self.new_label();
        let c = self.new_handler(cleanup, depth + 1);
        self.push_handler(c);
        self.blocks.push(Block::Handler { handlers: outside, name: None, raised: true });
        let clause = self.body(&t.finalbody);
        self.blocks.pop();
        clause?;
        self.emit(op::RERAISE, 0);
        self.pop_handler();
        self.cleanup(cleanup);
        self.bind(end);
        Ok(())
    }

    /// `try` with `except` clauses (and `else`); a `finally` is `try_stmt`'s.
    fn try_except(&mut self, t: &ast::StmtTry) -> CompileResult<()> {
        let depth = self.stmt_depth();
        let (handler, end) = (self.new_label(), self.new_label());
        let h = self.new_handler(handler, depth);
        let outside = self.handlers.len();
        self.push_handler(h);
        self.blocks.push(Block::TryExcept { handlers: outside });
        let body = self.body(&t.body);
        self.blocks.pop();
        self.pop_handler();
        body?;
        self.body(&t.orelse)?;
        self.emit_jump(op::JUMP_FORWARD, end);

        self.bind(handler);
        let first_line = t.handlers.first().map(|h| self.map.line(h.start()));
        if let Some(line) = first_line {
            self.line = line;
        }
        self.emit(op::PUSH_EXC_INFO, 0);
        let cleanup = self.new_label();
        let c = self.new_handler(cleanup, depth + 1);
        self.push_handler(c);
        for clause in &t.handlers {
            let ExceptHandler::ExceptHandler(clause) = clause;
            self.line = self.map.line(clause.range.start());
            let next = self.new_label();
            if let Some(ty) = &clause.type_ {
                self.expr(ty)?;
                self.emit(op::CHECK_EXC_MATCH, 0);
                self.emit_jump(op::POP_JUMP_IF_FALSE, next);
            }
            let name = clause.name.as_ref().map(|n| (n.as_str().to_string(), n.range));
            match &name {
                Some((n, range)) => self.store_name(n, *range)?,
                None => self.emit(op::POP_TOP, 0),
            }
            let unbind = self.new_label();
            if name.is_some() {
                let u = self.new_handler(unbind, depth + 1);
                self.push_handler(u);
            }
            self.blocks.push(Block::Handler { handlers: outside, name: name.clone(), raised: false });
            let body = self.body(&clause.body);
            self.blocks.pop();
            if name.is_some() {
                self.pop_handler();
            }
            body?;
            // Handled: the exception handled before is restored.
            let inner = self.truncate_handlers(outside);
            self.emit(op::POP_EXCEPT, 0);
            if let Some((n, range)) = &name {
                self.unbind(n, *range)?;
            }
            self.emit_jump(op::JUMP_FORWARD, end);
            self.restore_handlers(inner);
            if let Some((n, range)) = &name {
                // Raised in the clause: the name goes, the exception goes on.
                self.bind(unbind);
                self.unbind(n, *range)?;
                self.emit(op::RERAISE, 0);
            }
            self.bind(next);
        }
        // No clause matched.
        self.emit(op::RERAISE, 0);
        self.pop_handler();
        self.cleanup(cleanup);
        self.bind(end);
        Ok(())
    }

    /// The handler of a handler: the exception handled before is restored, and the
    /// new one goes on.
    pub fn cleanup(&mut self, label: crate::assembly::assembler::Label) {
        self.bind(label);
        self.emit(op::SWAP, 2);
        self.emit(op::POP_EXCEPT, 0);
        self.emit(op::RERAISE, 0);
    }

    /// `except ... as name` ends: the name is unbound (`name = None; del name`), so
    /// the exception and its traceback are not kept alive by it.
    pub fn unbind(&mut self, name: &str, range: TextRange) -> CompileResult<()> {
        self.load_const(Const::None);
        self.store_name(name, range)?;
        match self.access(name, range)? {
            Access::Fast(slot) => self.emit(op::DELETE_FAST, slot),
            Access::Global(index) => self.emit(op::DELETE_GLOBAL, index),
            // A cell keeps None: deleting a captured name is outside the subset.
            Access::Deref(_) => {}
        }
        Ok(())
    }
}

//! The blocks around a statement that leaving them early must undo: `for` loops (their
//! iterator is on the stack), `try` bodies (their handler stops covering), `finally`
//! clauses (their body runs on the way out), `except` clauses (the exception
//! handled before is restored), and `with` bodies (`__exit__` is called). `break`, `continue` and `return` unwind them innermost
//! first (`leaving`), as CPython's compiler unwinds its frame blocks.

use crate::assembly::assembler::Label;
use ruff_python_ast::Stmt;
use ruff_text_size::TextRange;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum LoopKind {
    /// A `for` loop: its iterator is on the stack while the body runs.
    For,
    While,
}

#[derive(Clone, Copy, Debug)]
pub struct Loop {
    pub kind: LoopKind,
    /// Where `continue` goes (FOR_ITER, or the `while` test).
    pub continue_to: Label,
    /// Where `break` goes: past the `else` clause.
    pub break_to: Label,
}

#[derive(Clone, Debug)]
pub enum Block {
    Loop(Loop),
    /// A `try` body with `except` clauses: their handler covers it.
    TryExcept { handlers: usize },
    /// A `try` body with a `finally` clause: leaving it runs the clause.
    TryFinally { handlers: usize, body: Vec<Stmt> },
    /// An `except` clause's body (or a `finally` clause run for an exception, `raised`:
    /// the exception is on the stack too): the exception handled before is under it.
    Handler { handlers: usize, name: Option<(String, TextRange)>, raised: bool },
    /// A value the statement keeps on the stack while a `finally` clause runs (the
    /// return value).
    Pending,
    /// A `with` body: the manager's `__exit__` is on the stack, and leaving calls it.
    With { handlers: usize, is_async: bool },
}

impl Block {
    /// Values this block keeps on the stack.
    pub fn depth(&self) -> u32 {
        match self {
            Block::Loop(l) => (l.kind == LoopKind::For) as u32,
            Block::TryExcept { .. } | Block::TryFinally { .. } => 0,
            Block::Handler { raised, .. } => 1 + *raised as u32,
            Block::Pending | Block::With { .. } => 1,
        }
    }
}

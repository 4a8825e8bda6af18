//! Which module and class bodies start by making `__annotations__` (the symbol table
//! binds the name, code generation makes the dict). Imports nothing else of emission,
//! so both may use it.

use ruff_python_ast as ast;

/// Whether a module or class body has a variable annotation of its own (in nested
/// blocks too, but not in the functions and classes it defines).
pub fn has_annotations(body: &[ast::Stmt]) -> bool {
    use ast::Stmt;
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::If(i) => has_annotations(&i.body) || i.elif_else_clauses.iter().any(|c| has_annotations(&c.body)),
        Stmt::For(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        Stmt::While(w) => has_annotations(&w.body) || has_annotations(&w.orelse),
        Stmt::With(w) => has_annotations(&w.body),
        Stmt::Try(t) => {
            has_annotations(&t.body)
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
                || t.handlers.iter().any(|ast::ExceptHandler::ExceptHandler(h)| has_annotations(&h.body))
        }
        Stmt::Match(m) => m.cases.iter().any(|c| has_annotations(&c.body)),
        _ => false,
    })
}

//! The SyntaxErrors CPython raises after parsing, which ruff's parser accepts:
//! first those of its future pass (`from __future__` placement and features), then those of CPython's symbol-table pass (`global` after use, duplicate
//! parameters, module-level `nonlocal`), then those of its code generator (`return`
//! outside a function, `break` outside a loop, repeated keyword arguments, ...).
//! They run over the whole module before code generation, so a syntax error
//! anywhere wins over an unsupported construct, as it would under CPython.

use super::errors::{CompileResult, SourceMap};
use super::{codegen_checks, future_checks, symtable_checks};
use ruff_python_ast::ModModule;

pub fn check_module(module: &ModModule, map: &SourceMap) -> CompileResult<()> {
    future_checks::check(module, map)?;
    symtable_checks::check(module, map)?;
    codegen_checks::check(module, map)
}

//! The front end: Python source to tier-1 code objects.
//!
//! The pipeline:
//! 1. `parse`: ruff parses the module for Python 3.11; syntax errors get CPython's
//!    wording (`syntax_messages`).
//! 2. `checks`: the SyntaxErrors CPython finds after parsing (`return` outside a
//!    function, `global` after use, ...), over the whole module, so they win over
//!    unsupported constructs.
//! 3. Code generation (`codegen` and the statement/expression files), with names
//!    resolved by `scope`. Constructs outside the subset are reported here, in
//!    evaluation order.
//! 4. `assembler`: dead code removed (`cfg`), LOAD_FAST_CHECK narrowed and the
//!    stack depth computed (`analysis`), jumps and caches laid out.
//! 5. `CodeUnit::into_value` turns the result into runtime values only once all
//!    went well, so a failed compilation creates no objects.
//!
//! Conventions the runtime relies on are described in the files that emit them:
//! calls (call.rs), loops and `return` (stmt.rs), comprehensions
//! (comprehension.rs), f-strings (fstring.rs), conditions (condition.rs).

mod analysis;
mod assembler;
mod assign;
mod call;
mod cfg;
mod checks;
mod codegen;
mod comprehension;
mod condition;
mod consts;
mod dis;
mod errors;
mod expr;
mod fstring;
mod lexical_checks;
mod literal;
mod parse;
mod scope;
mod stmt;
mod syntax_messages;
mod unit;
mod values;

#[cfg(test)]
mod tests;

pub use errors::CompileError;
pub use values::{CodeView, ConstView, read_code};

use crate::abi::Value;
use errors::SourceMap;
use std::rc::Rc;

/// Compiles a module. The result is a code object value (objects::code::Code::into_value).
pub fn compile_module(source: &str, filename: &str) -> Result<Value, CompileError> {
    let filename: Rc<str> = Rc::from(filename);
    Ok(compile_unit(source)?.into_value(&filename))
}

/// `stitch dis` output for a code object and, recursively, the code objects among its constants.
pub fn disassemble(code: Value) -> String {
    dis::disassemble(code)
}

/// Compiles a module to plain data (no runtime objects).
fn compile_unit(source: &str) -> Result<unit::CodeUnit, CompileError> {
    let map = SourceMap::new(source);
    let module = parse::parse(&map)?;
    checks::check_module(&module, &map)?;
    codegen::CodeGen::module(&module, &map)
}

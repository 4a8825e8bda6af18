//! The front end: Python source to tier-1 code objects.
//!
//! The pipeline (`compile_here`), on a thread with a deep stack since parsing and
//! code generation recurse on the nesting of the source:
//! 1. `depth::check_tokens`: absurdly deep input is refused before parsing.
//! 2. `parse`: ruff parses the module for Python 3.11. Syntax errors get CPython's
//!    message and position (`syntax_messages`, `syntax_guesses`, `syntax_targets`,
//!    `syntax_tokens`), plus the tokenizer errors ruff does not raise
//!    (`lexical_checks`).
//! 3. `depth::check_module` and `checks` (`symtable_checks`, `codegen_checks`):
//!    the errors CPython finds after parsing (`return` outside a function, `global`
//!    after use, RecursionError for too deep code), over the whole module, so they
//!    win over unsupported constructs as they would under CPython.
//! 4. Code generation: `codegen` holds the state of one code object and resolves
//!    names (with `scope`); `stmt`, `assign`, `expr`, `call`, `condition`,
//!    `comprehension`, `fstring` and `literal` compile the constructs. Constructs
//!    outside the subset are reported here, in evaluation order.
//! 5. `assembler`: dead code removed (`cfg`), LOAD_FAST_CHECK narrowed and the
//!    stack depth computed (`analysis`), jumps and caches laid out.
//! 6. `CodeUnit::into_value` (`unit`, `consts`) turns the result into runtime
//!    values only once all went well, so a failed compilation creates no objects.
//!
//! `dis` lists code objects, reading them back through `values` (the only unsafe
//! code here). Conventions the runtime relies on are described in the files that
//! emit them: calls (call.rs), loops and `return` (stmt.rs), comprehensions
//! (comprehension.rs), f-strings (fstring.rs), conditions (condition.rs).

mod analysis;
mod assembler;
mod assign;
mod call;
mod cfg;
mod checks;
mod codegen;
mod codegen_checks;
mod comprehension;
mod condition;
mod consts;
mod depth;
mod dis;
mod errors;
mod expr;
mod fstring;
mod lexical_checks;
mod literal;
mod parse;
mod resolved;
mod scope;
mod stmt;
mod superinstructions;
mod symtable_checks;
mod syntax_context;
mod syntax_guesses;
mod syntax_messages;
mod syntax_targets;
mod syntax_tokens;
mod unit;
mod values;

#[cfg(test)]
mod tests;

pub use errors::CompileError;
pub use values::{CodeView, ConstView, read_code};

use stitch_abi::Value;
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

/// Stack for compiling: parsing and code generation recurse on the nesting of the
/// source, which `depth` bounds (about 3000 levels, as CPython does).
const COMPILER_STACK: usize = 256 << 20;

/// Compiles a module to plain data (no runtime objects), on a thread with a stack
/// deep enough for any nesting `depth` lets through.
fn compile_unit(source: &str) -> Result<unit::CodeUnit, CompileError> {
    let owned = source.to_string();
    let thread = std::thread::Builder::new()
        .name("stitch-compiler".into())
        .stack_size(COMPILER_STACK)
        .spawn(move || compile_here(&owned));
    match thread {
        Ok(handle) => handle.join().unwrap_or_else(|_| {
            Err(CompileError::Unsupported {
                construct: "internal compiler error".into(),
                line: 1,
                col: 1,
            })
        }),
        // No thread to be had: compile on this one.
        Err(_) => compile_here(source),
    }
}

fn compile_here(source: &str) -> Result<unit::CodeUnit, CompileError> {
    depth::check_tokens(source)?;
    let map = SourceMap::new(source);
    let module = parse::parse(&map)?;
    depth::check_module(&module)?;
    checks::check_module(&module, &map)?;
    codegen::CodeGen::module(&module, &map)
}

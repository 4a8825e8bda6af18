//! The front end: Python source to tier-1 code objects.
//!
//! The crate is in four parts, each a folder; a part imports only the parts
//! listed before it here, and modules never import each other in a circle
//! (`tests/modules.rs` checks it):
//! - `diagnostics`: compile errors and where they are reported (`errors`), and
//!   every check that can refuse the source before code is emitted.
//! - `assembly`: instructions with symbolic jumps to code units.
//! - `emission`: the syntax tree to instructions, through `assembly`.
//! - `inspect`: code objects read back and listed (`stitch dis`).
//!
//! The pipeline (`compile_here`), on a thread with a deep stack since parsing and
//! code generation recurse on the nesting of the source:
//! 1. `diagnostics::depth::check_tokens`: absurdly deep input is refused before
//!    parsing.
//! 2. `diagnostics::parse`: ruff parses the module for Python 3.11. Syntax errors get
//!    CPython's message and position (`syntax_messages`, `syntax_guesses`,
//!    `syntax_targets`, `syntax_tokens`, reading a `syntax_context`), plus the
//!    tokenizer errors ruff does not raise (`lexical_checks`).
//! 3. `diagnostics::depth::check_module` and `diagnostics::checks`
//!    (`symtable_checks`, `codegen_checks`): the errors CPython finds after parsing
//!    (`return` outside a function, `global` after use, RecursionError for too deep
//!    code), over the whole module, so they win over unsupported constructs as they
//!    would under CPython. `diagnostics::warnings` collects the SyntaxWarnings
//!    (`x is 1`, `assert (x, msg)`, `[1, 2] (3)`) for the caller to print.
//! 4. `emission`: `codegen` holds the state of one code object and resolves names
//!    (with `scope`); `stmt`, `assign`, `expr`, `call`, `condition`,
//!    `comprehension`, `fstring` and `literal` compile the constructs, `consts`
//!    pools the constants. Constructs outside the subset are reported here, in
//!    evaluation order.
//! 5. `assembly::assembler`: dead code removed (`cfg`), LOAD_FAST_CHECK narrowed and
//!    the stack depth computed (`analysis`), pairs fused (`superinstructions`), all
//!    on `resolved` instructions; jumps and caches laid out.
//! 6. `CodeUnit::into_value` (`emission::unit`) turns the result into runtime
//!    values only once all went well, so a failed compilation creates no objects.
//!
//! `inspect::dis` lists code objects, reading them back through `inspect::values`
//! (the only unsafe code here). Conventions the runtime relies on are described in
//! the files that emit them (in `emission/`): calls (call.rs), loops and `return`
//! (stmt.rs), comprehensions (comprehension.rs), f-strings (fstring.rs), conditions
//! (condition.rs).

mod assembly;
mod diagnostics;
mod emission;
mod inspect;

#[cfg(test)]
mod tests;

pub use diagnostics::errors::CompileError;
pub use diagnostics::warnings::SyntaxWarning;
pub use inspect::values::{CodeView, ConstView, read_code};

use diagnostics::errors::SourceMap;
use diagnostics::{checks, depth, parse};
use emission::{codegen, unit};
use stitch_abi::Value;
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// Compiles a module. The result is a code object value (objects::code::Code::into_value).
pub fn compile_module(source: &str, filename: &str) -> Result<Value, CompileError> {
    compile_module_with(source, filename, Vec::new())
}

/// Compiles a module that may import the named modules (those the runtime provides)
/// and names no standard module has; importing another standard module is refused.
pub fn compile_module_with(source: &str, filename: &str, modules: Vec<String>) -> Result<Value, CompileError> {
    compile_module_in(source, filename, modules, None)
}

/// As `compile_module_with`, for a program whose own modules are found in `search`
/// (the script's directory).
pub fn compile_module_in(source: &str, filename: &str, modules: Vec<String>, search: Option<PathBuf>) -> Result<Value, CompileError> {
    Ok(compile_program(source, filename, modules, search)?.0)
}

/// As `compile_module_in`, with the SyntaxWarnings CPython's compiler would print
/// (`SyntaxWarning::render` gives their text), for the runtime to print before the
/// code runs.
pub fn compile_program(source: &str, filename: &str, modules: Vec<String>, search: Option<PathBuf>) -> Result<(Value, Vec<SyntaxWarning>), CompileError> {
    compile_source(source, filename, Mode::Exec, modules, search)
}

/// What source text is compiled as (the modes of the builtin `compile`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: statements.
    Exec,
    /// One expression: the code returns its value.
    Eval,
    /// One statement whose expression statements (outside functions and classes) are
    /// displayed, as the interactive prompt compiles them (PRINT_EXPR).
    Single,
}

/// As `compile_program`, compiling the source as `mode` says (`exec`, `eval` and
/// `compile` at run time).
pub fn compile_source(source: &str, filename: &str, mode: Mode, modules: Vec<String>, search: Option<PathBuf>) -> Result<(Value, Vec<SyntaxWarning>), CompileError> {
    let filename: Rc<str> = Rc::from(filename);
    let (unit, warnings) = compile_unit(source, mode, modules, search)?;
    Ok((unit.into_value(&filename), warnings))
}

/// The module or package named `name` in `dir` (its `__init__.py` for a package), as
/// CPython's path finder looks for one.
pub fn module_file_in(dir: &Path, name: &str) -> Option<PathBuf> {
    emission::imports::module_file_in(dir, name)
}

/// Whether `name`'s top-level package is one of CPython 3.11's standard modules.
pub fn is_standard_module(name: &str) -> bool {
    emission::stdlib_names::STDLIB.contains(&name.split('.').next().unwrap_or(name))
}

/// `stitch dis` output for a code object and, recursively, the code objects among its constants.
pub fn disassemble(code: Value) -> String {
    inspect::dis::disassemble(code)
}

/// Stack for compiling: parsing and code generation recurse on the nesting of the
/// source, which `depth` bounds (about 3000 levels, as CPython does).
const COMPILER_STACK: usize = 256 << 20;

/// Compiles a module to plain data (no runtime objects), on a thread with a stack
/// deep enough for any nesting `depth` lets through.
fn compile_unit(source: &str, mode: Mode, modules: Vec<String>, search: Option<PathBuf>) -> Result<(unit::CodeUnit, Vec<SyntaxWarning>), CompileError> {
    let owned = source.to_string();
    let thread = std::thread::Builder::new()
        .name("stitch-compiler".into())
        .stack_size(COMPILER_STACK)
        .spawn({
            let modules = modules.clone();
            let search = search.clone();
            move || compile_here(&owned, mode, modules, search)
        });
    match thread {
        Ok(handle) => handle.join().unwrap_or_else(|_| {
            Err(CompileError::Unsupported {
                construct: "internal compiler error".into(),
                line: 1,
                col: 1,
            })
        }),
        // No thread to be had: compile on this one.
        Err(_) => compile_here(source, mode, modules, search),
    }
}

fn compile_here(source: &str, mode: Mode, modules: Vec<String>, search: Option<PathBuf>) -> Result<(unit::CodeUnit, Vec<SyntaxWarning>), CompileError> {
    depth::check_tokens(source)?;
    let map = SourceMap::new(source);
    let parsed = parse::parse(&map)?;
    // Str literals holding lone surrogates, which the parser's text cannot hold, are
    // decoded from their tokens for emission.
    emission::surrogate_literals::install(parsed.tokens(), &map)?;
    let module = parsed.into_syntax();
    depth::check_module(&module)?;
    checks::check_module(&module, &map)?;
    emission::imports::begin(modules, search, &module);
    let unit = match mode {
        Mode::Exec => codegen::CodeGen::module(&module, &map)?,
        Mode::Eval => codegen::CodeGen::expression(&module, &map)?,
        Mode::Single => codegen::CodeGen::interactive(&module, &map)?,
    };
    Ok((unit, diagnostics::warnings::collect(&module, &map)))
}

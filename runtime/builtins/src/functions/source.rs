//! `exec`, `eval` and `compile`: source compiled and run while the program runs.
//! Compiling needs the compiler and running needs the interpreter, both in layers
//! above this one, so the `stitch` crate installs the two halves (`install`); this
//! file checks the arguments with CPython's messages and decides what is refused.

use crate::args::between;
use stitch_abi::{KIND_BUILTIN, KIND_CODE, KIND_DICT, KIND_STR, Value};
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::{Args, Builtin};
use stitch_core::objects::{self, Owned};
use stitch_core::ops;
use stitch_core::vm::Runtime;
use std::sync::OnceLock;

/// What `compile` compiles the source as (its `mode` argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Statements (a module).
    Exec,
    /// One expression, whose value the code returns.
    Eval,
    /// One statement, its expression statements displayed (the interactive prompt).
    Single,
}

/// Compiles `source` named `filename` to a code object (a SyntaxError as CPython's).
pub type Compile = fn(rt: &mut Runtime, source: &str, filename: &str, mode: Mode) -> PyResult<Value>;
/// Runs a code object in `globals` (a dict), or in the calling code's globals when
/// None; returns what the code returns. `caller` names the builtin in refusals.
pub type Run = fn(rt: &mut Runtime, code: Value, globals: Option<Value>, caller: &str) -> PyResult<Value>;

/// The globals of the Python code that called the running builtin (borrowed), if any.
pub type CallerGlobals = fn() -> Option<Value>;
/// The file and line of the Python frame so many frames out from the calling one.
pub type FrameLocation = fn(depth: usize) -> Option<(String, u32)>;
/// A line of the source of one of the program's own modules (by file name), as a
/// traceback shows it.
pub type SourceLine = fn(filename: &str, line: u32) -> Option<String>;

/// CPython's report of an exception object (borrowed), its chain and tracebacks.
pub type FormatException = fn(exc: Value) -> String;

/// The halves the layers above provide.
#[derive(Clone, Copy)]
pub struct Hooks {
    pub compile: Compile,
    pub run: Run,
    pub caller_globals: CallerGlobals,
    pub frame_location: FrameLocation,
    pub source_line: SourceLine,
    pub format_exception: FormatException,
}

static HOOKS: OnceLock<Hooks> = OnceLock::new();

/// Installs the compiler and the runner (once per process).
pub fn install(hooks: Hooks) {
    let _ = HOOKS.set(hooks);
}

fn hooks() -> PyResult<Hooks> {
    HOOKS.get().copied().ok_or_else(|| PyErr::unsupported("running source without the compiler"))
}

/// Compiles `source` named `filename` (for modules that run source: doctest).
pub fn compile_text(rt: &mut Runtime, source: &str, filename: &str, mode: Mode) -> PyResult<Value> {
    (hooks()?.compile)(rt, source, filename, mode)
}

/// Runs a code object in `globals` (a dict); what the code returns.
pub fn run_in(rt: &mut Runtime, code: Value, globals: Value, caller: &str) -> PyResult<Value> {
    (hooks()?.run)(rt, code, Some(globals), caller)
}

/// The globals of the calling Python code (borrowed).
pub fn caller_globals() -> Option<Value> {
    HOOKS.get().and_then(|h| (h.caller_globals)())
}

thread_local! {
    /// The globals of the script's module while it runs (borrowed from the runner).
    static MAIN_GLOBALS: std::cell::Cell<Option<Value>> = const { std::cell::Cell::new(None) };
}

/// Names the script's module globals while it runs (None once it ended): the runner
/// holds the dict meanwhile.
pub fn set_main_globals(globals: Option<Value>) {
    MAIN_GLOBALS.with(|g| g.set(globals));
}

/// The globals of the script's module (borrowed), which CPython names
/// `sys.modules['__main__']`.
pub fn main_globals() -> Option<Value> {
    MAIN_GLOBALS.with(|g| g.get())
}

/// The file and line of the Python frame `depth` frames out from the calling one.
pub fn frame_location(depth: usize) -> Option<(String, u32)> {
    HOOKS.get().and_then(|h| (h.frame_location)(depth))
}

/// A source line of one of the program's modules, when the runner knows the file.
pub fn source_line(filename: &str, line: u32) -> Option<String> {
    HOOKS.get().and_then(|h| (h.source_line)(filename, line))
}

/// The traceback report of an exception object, as an uncaught one's.
pub fn format_exception(exc: Value) -> PyResult<String> {
    Ok((hooks()?.format_exception)(exc))
}

/// Whether `callable` is `exec` or `eval`, which run Python code whatever their
/// arguments are (a specialized call must leave a trace for them), or one that reads
/// the calling frame (`globals`) or runs code in it (doctest's functions).
pub fn runs_source(callable: Value) -> bool {
    if !callable.is_kind(KIND_BUILTIN) {
        return false;
    }
    // SAFETY: the kind was checked.
    let b = unsafe { &*callable.cast::<Builtin>() };
    b.owner.is_none() && matches!(b.name, "exec" | "eval" | "globals" | "testmod" | "run_docstring_examples")
}

/// `exec(source, globals=None, locals=None)`: runs the statements; returns None.
pub fn exec(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let code = source_code(rt, "exec", args, Mode::Exec)?;
    let globals = globals_of("exec", args)?;
    let r = (hooks()?.run)(rt, code.get(), globals, "exec()")?;
    r.decref();
    Ok(Value::NONE)
}

/// `eval(source, globals=None, locals=None)`: the expression's value.
pub fn eval(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let code = source_code(rt, "eval", args, Mode::Eval)?;
    let globals = globals_of("eval", args)?;
    (hooks()?.run)(rt, code.get(), globals, "eval()")
}

/// `compile(source, filename, mode)`: a code object for `exec` or `eval`.
pub fn compile(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    const NAMES: [&str; 6] = ["source", "filename", "mode", "flags", "dont_inherit", "optimize"];
    let mut given: [Option<Value>; 6] = [None; 6];
    if args.positional.len() > NAMES.len() {
        return Err(PyErr::type_error(format!("compile() takes at most 6 arguments ({} given)", args.positional.len())));
    }
    for (i, &v) in args.positional.iter().enumerate() {
        given[i] = Some(v);
    }
    for &(name, v) in args.keywords {
        let Some(i) = NAMES.iter().position(|n| *n == name) else {
            return Err(PyErr::type_error(format!("compile() got an unexpected keyword argument '{name}'")));
        };
        if given[i].is_some() {
            return Err(PyErr::type_error(format!("argument for compile() given by name ('{name}') and position ({})", i + 1)));
        }
        given[i] = Some(v);
    }
    for (i, name) in NAMES.iter().enumerate().take(3) {
        if given[i].is_none() {
            return Err(PyErr::type_error(format!("compile() missing required argument '{name}' (pos {})", i + 1)));
        }
    }
    // Flags (future features, PyCF_ONLY_AST ...) and optimization levels change what
    // is compiled in ways stitch does not follow.
    let zero = |v: Option<Value>, default: i64| v.is_none_or(|v| v.is_int() && v.as_int() == default);
    if !zero(given[3], 0) || !zero(given[5], -1) {
        return Err(PyErr::unsupported("compile() with flags or an optimization level"));
    }
    let (source, filename, mode) = (given[0].unwrap_or(Value::NONE), given[1].unwrap_or(Value::NONE), given[2].unwrap_or(Value::NONE));
    if !filename.is_kind(KIND_STR) {
        return Err(PyErr::unsupported("compile() with a filename that is not a str"));
    }
    if !mode.is_kind(KIND_STR) {
        return Err(PyErr::type_error(format!("compile() argument 'mode' must be str, not {}", ops::type_name(mode))));
    }
    // SAFETY: both kinds were checked.
    let (filename, mode) = unsafe { (objects::str::text(filename)?, objects::str::text(mode)?) };
    let mode = match &*mode {
        "exec" => Mode::Exec,
        "eval" => Mode::Eval,
        "single" => Mode::Single,
        _ => return Err(PyErr::new(ExcKind::ValueError, "compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if source.is_kind(KIND_CODE) {
        source.incref();
        return Ok(source);
    }
    if !source.is_kind(KIND_STR) {
        return Err(PyErr::unsupported(format!("compile() of a {} source", ops::type_name(source))));
    }
    // SAFETY: the kind was checked.
    let text = unsafe { objects::str::text(source)? };
    (hooks()?.compile)(rt, &text, &filename, mode)
}

/// `globals()`: the calling code's globals dict.
pub fn globals(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    if !args.keywords.is_empty() {
        return Err(PyErr::type_error("globals() takes no keyword arguments"));
    }
    if !args.positional.is_empty() {
        return Err(PyErr::type_error(format!("globals() takes no arguments ({} given)", args.positional.len())));
    }
    let g = caller_globals().ok_or_else(|| PyErr::unsupported("globals() called from outside Python code"))?;
    g.incref();
    Ok(g)
}

/// The code `name`'s first argument stands for: a code object as it is, a str
/// compiled as `<string>`.
fn source_code(rt: &mut Runtime, name: &str, args: &Args, mode: Mode) -> PyResult<Owned> {
    if !args.keywords.is_empty() {
        return Err(PyErr::type_error(format!("{name}() takes no keyword arguments")));
    }
    let a = between(name, args, 0, 1, Some(3))?;
    let source = a[0];
    if source.is_kind(KIND_CODE) {
        source.incref();
        return Ok(Owned(source));
    }
    if !source.is_kind(KIND_STR) {
        let kind = ops::type_name(source);
        if matches!(kind, "bytes" | "bytearray" | "memoryview") {
            return Err(PyErr::unsupported(format!("{name}() of bytes")));
        }
        return Err(PyErr::type_error(format!("{name}() arg 1 must be a string, bytes or code object")));
    }
    // SAFETY: the kind was checked.
    let text = unsafe { objects::str::text(source)? };
    // eval ignores the spaces and tabs that start its source (exec does not).
    let text = if mode == Mode::Eval { text.trim_start_matches([' ', '\t']) } else { &text };
    Ok(Owned((hooks()?.compile)(rt, text, "<string>", mode)?))
}

/// The globals `name` runs in: the dict given, or None for the caller's. Separate
/// locals would need a namespace stitch's module code does not have.
fn globals_of(name: &str, args: &Args) -> PyResult<Option<Value>> {
    let globals = args.positional.get(1).copied().filter(|&g| g != Value::NONE);
    let locals = args.positional.get(2).copied().filter(|&l| l != Value::NONE);
    if let Some(g) = globals
        && !g.is_kind(KIND_DICT)
    {
        return Err(PyErr::type_error(match name {
            "exec" => format!("exec() globals must be a dict, not {}", ops::type_name(g)),
            _ => "globals must be a dict".to_string(),
        }));
    }
    if let Some(l) = locals
        && Some(l) != globals
    {
        return Err(PyErr::unsupported(format!("{name}() with locals other than its globals")));
    }
    Ok(globals)
}

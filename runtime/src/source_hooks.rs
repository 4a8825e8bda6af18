//! `exec`, `eval` and `compile` at run time: the compiler and the runner the builtins
//! call (`stitch_builtins::functions::source`), installed here because only this
//! layer can both compile and run code.
//!
//! Code runs as module code: with the globals given, or the caller's when it is module
//! code itself. A function's or a class body's locals are not a dict stitch can hand to
//! code (CPython gives such code a snapshot of them), so that case is refused.

use stitch_abi::{KIND_DICT, Value};
use stitch_builtins::functions::source::Mode;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::{dict, str as strs};
use stitch_core::vm::Runtime;

/// Installs the hooks (once per process).
pub fn install() {
    stitch_builtins::functions::source::install(stitch_builtins::functions::source::Hooks {
        compile,
        run,
        caller_globals: || stitch_interp::reenter::calling_frame().map(|(globals, _, _)| globals),
        frame_location: stitch_interp::reenter::frame_location,
        source_line: crate::imports::source_line,
        format_exception: crate::program::format_exception,
    });
}

/// The code object of `source`; a SyntaxError is raised as CPython's.
fn compile(rt: &mut Runtime, source: &str, filename: &str, mode: Mode) -> PyResult<Value> {
    let mode = match mode {
        Mode::Exec => stitch_compiler::Mode::Exec,
        Mode::Eval => stitch_compiler::Mode::Eval,
        Mode::Single => stitch_compiler::Mode::Single,
    };
    let compiled = stitch_compiler::compile_source(source, filename, mode, stitch_builtins::modules::names(), crate::imports::search_dir());
    match compiled {
        Ok((code, warnings)) => {
            if !warnings.is_empty() {
                rt.flush()?;
                let text: String = warnings.iter().map(|w| w.render(filename, source)).collect();
                eprint!("{text}");
            }
            crate::program::prepare_code(code, crate::imports::loop_threshold());
            Ok(code)
        }
        Err(e) => Err(crate::imports::compile_failure(rt, e, filename, source)),
    }
}

/// Runs `code` in `globals` (or the caller's), with the builtins CPython would use:
/// the dict under `__builtins__`, put there (the caller's builtins) when missing.
fn run(_rt: &mut Runtime, code: Value, globals: Option<Value>, caller: &str) -> PyResult<Value> {
    let Some((caller_globals, caller_builtins, module_code)) = stitch_interp::reenter::calling_frame() else {
        return Err(PyErr::unsupported(format!("{caller} called from outside Python code")));
    };
    let Some(globals) = globals else {
        if !module_code {
            return Err(PyErr::unsupported(format!("{caller} without globals inside a function or class body (its locals)")));
        }
        return stitch_interp::reenter::run_code(code, caller_globals, caller_builtins);
    };
    let key = strs::new_str("__builtins__");
    // SAFETY: `globals` is a dict (the builtin checked it) and `key` a new str.
    let builtins = unsafe {
        let hash = strs::as_str(key).hash();
        match dict::get(globals.cast(), key, hash) {
            Some(b) => {
                key.decref();
                if !b.is_kind(KIND_DICT) {
                    return Err(PyErr::unsupported(format!("{caller} with a __builtins__ that is not a dict")));
                }
                b
            }
            None => {
                caller_builtins.incref();
                dict::set(globals.cast(), key, hash, caller_builtins);
                caller_builtins
            }
        }
    };
    // The globals dict holds the builtins, and the caller holds the globals.
    builtins.incref();
    let r = stitch_interp::reenter::run_code(code, globals, builtins);
    builtins.decref();
    r
}

//! `sys`: `argv`, `exit` (CPython's SystemExit as it ends a program with no `try`),
//! `maxsize`. Other names are outside the subset for now.

use crate::args::between;
use stitch_abi::Value;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::{bigint, list, str as strs};
use stitch_core::ops::{self, num::as_int};
use stitch_core::vm::Runtime;
use std::sync::OnceLock;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[("exit", exit)];

static ARGV: OnceLock<Vec<String>> = OnceLock::new();

/// The program's `sys.argv` (the script as given, then its arguments); set once by
/// the command line before anything runs.
pub fn set_argv(argv: Vec<String>) {
    let _ = ARGV.set(argv);
}

pub fn namespace() -> Value {
    let argv = ARGV.get().cloned().unwrap_or_default();
    let argv = list::from_vec(argv.iter().map(|a| strs::new_str(a)).collect());
    super::namespace_of(FUNCTIONS, vec![("argv", argv), ("maxsize", bigint::from_i64(i64::MAX))])
}

/// `sys.exit([status])`: raises SystemExit, which the program's runner turns into the
/// exit code and message CPython gives (see `system_exit`).
fn exit(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::no_keywords("exit", args)?;
    let a = between("exit", args, 0, 0, Some(1))?;
    let status = a.first().copied().unwrap_or(Value::NONE);
    // CPython's handle_system_exit: None is 0, an int is the code, anything else is
    // printed (its str) to stderr with code 1.
    let (code, text) = if status == Value::NONE {
        (0, String::new())
    } else if let Some(i) = as_int(status) {
        // The process exit status is the low byte, as the OS keeps it.
        let code = match i.to_i64() {
            Some(c) => c as i32,
            None => -1,
        };
        (code, String::new())
    } else {
        (1, format!("{}\n", ops::str(status)?))
    };
    Err(system_exit(code, &text))
}

/// A SystemExit carrying an exit code and the text to print on stderr, as
/// `"<code>\n<text>"` in its message.
pub fn system_exit(code: i32, text: &str) -> PyErr {
    PyErr::new(ExcKind::SystemExit, format!("{code}\n{text}"))
}

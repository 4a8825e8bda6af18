//! `print`.

use crate::args::{check_keywords, keyword};
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::{self, builtin::Args};
use stitch_core::ops::{repr, types::type_name};
use stitch_core::vm::Runtime;

/// A `sep=`/`end=` argument: None or absent means the default.
fn text_option(args: &Args, name: &str, default: &str) -> PyResult<String> {
    match keyword(args, name) {
        None => Ok(default.to_string()),
        Some(v) if v == Value::NONE => Ok(default.to_string()),
        // SAFETY: the kind was checked.
        Some(v) if v.is_kind(KIND_STR) => Ok(unsafe { objects::str::text(v) }.to_string()),
        Some(v) => Err(PyErr::type_error(format!("{name} must be None or a string, not {}", type_name(v)))),
    }
}

/// `print(*objects, sep=' ', end='\n')`. `file=None` and `flush=` are accepted; other
/// files are not supported.
pub fn print(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    check_keywords("print", args, &["sep", "end", "file", "flush"])?;
    if keyword(args, "file").is_some_and(|f| f != Value::NONE) {
        return Err(PyErr::type_error("print(file=...) is not supported"));
    }
    let sep = text_option(args, "sep", " ")?;
    let end = text_option(args, "end", "\n")?;
    // Written piece by piece like CPython, so output before a failing str() appears.
    for (i, &v) in args.positional.iter().enumerate() {
        if i > 0 {
            rt.write_out(&sep)?;
        }
        rt.write_out(&repr::str(v)?)?;
    }
    rt.write_out(&end)?;
    Ok(Value::NONE)
}

/// `input([prompt])`: the prompt on stdout (written out first), then a line of stdin
/// without its newline; EOFError at the end of input.
pub fn input(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::no_keywords("input", args)?;
    let a = crate::args::between("input", args, 0, 0, Some(1))?;
    if let Some(&prompt) = a.first() {
        rt.write_out(&repr::str(prompt)?)?;
    }
    rt.flush()?;
    let line = stitch_core::input::read_line()?;
    if line.is_empty() {
        return Err(PyErr::new(stitch_core::errors::ExcKind::EOFError, "EOF when reading a line"));
    }
    let line = line.strip_suffix('\n').unwrap_or(&line);
    Ok(stitch_core::objects::str::new_str(line))
}

//! OSError's three-argument form: `OSError(errno, strerror, filename)` keeps the first
//! two as `args` and all three as the attributes `errno`, `strerror` and `filename`,
//! and its `str` is `[Errno 2] No such file or directory: 'x.txt'`, as CPython's.
//! The runtime's own failures on files (the `os` functions) are made the same way.

use crate::classes::{dict_get, dict_set};
use crate::errors::{ExcKind, PyErr, PyResult};
use crate::objects::exception::{as_exception, new_exception};
use crate::objects::{dict, str as strs, tuple};
use stitch_abi::Value;

/// The attributes the three-argument form sets.
const ATTRIBUTES: [&str; 3] = ["errno", "strerror", "filename"];

/// Whether `kind(*args)` takes the three-argument form (CPython: 2 to 5 arguments).
pub fn takes_errno_form(kind: ExcKind, args: &[Value]) -> bool {
    kind.is_subclass(ExcKind::OSError) && (2..=5).contains(&args.len())
}

/// A new `kind(errno, strerror[, filename])` from borrowed arguments. Four or five
/// arguments (Windows' winerror, filename2) are outside the subset.
pub fn new_errno_form(kind: ExcKind, args: &[Value]) -> PyResult<Value> {
    if args.len() > 3 {
        return Err(PyErr::unsupported(format!("{}() with more than three arguments", kind.name())));
    }
    let kind = if kind == ExcKind::OSError { subclass_for(args[0])? } else { kind };
    args[..2].iter().for_each(|a| a.incref());
    let exc = new_exception(kind, tuple::from_vec(args[..2].to_vec()));
    let d = dict::new_dict();
    for (name, v) in ATTRIBUTES.iter().zip(args.iter().copied().chain(std::iter::once(Value::NONE))) {
        dict_set(d, name, v);
    }
    // SAFETY: the exception object just made; its dict was NONE.
    unsafe { as_exception(exc) }.dict = d;
    Ok(exc)
}

/// `OSError(errno, ...)` makes the subclass CPython maps errno to (Linux's numbers):
/// FileNotFoundError, BrokenPipeError, PermissionError, FileExistsError,
/// NotADirectoryError, IsADirectoryError, the connection errors, TimeoutError and the
/// rest, or OSError for an errno with no subclass.
fn subclass_for(errno: Value) -> PyResult<ExcKind> {
    if !errno.is_int() {
        return Ok(ExcKind::OSError);
    }
    Ok(match errno.as_int() {
        2 => ExcKind::FileNotFoundError,
        32 | 108 => ExcKind::BrokenPipeError,
        1 | 13 => ExcKind::PermissionError,
        17 => ExcKind::FileExistsError,
        20 => ExcKind::NotADirectoryError,
        21 => ExcKind::IsADirectoryError,
        3 => ExcKind::ProcessLookupError,
        4 => ExcKind::InterruptedError,
        10 => ExcKind::ChildProcessError,
        11 | 114 | 115 => ExcKind::BlockingIOError,
        103 => ExcKind::ConnectionAbortedError,
        104 => ExcKind::ConnectionResetError,
        110 => ExcKind::TimeoutError,
        111 => ExcKind::ConnectionRefusedError,
        _ => ExcKind::OSError,
    })
}

/// The error for a failed call on `filename` with the C library's `errno` and text.
pub fn file_error(kind: ExcKind, errno: i32, strerror: &str, filename: &str) -> PyErr {
    let args = [Value::int(errno as i64), strs::new_str(strerror), strs::new_str(filename)];
    let made = new_errno_form(kind, &args);
    args.iter().for_each(|a| a.decref());
    match made {
        Ok(exc) => crate::exceptions::to_err(exc),
        Err(e) => e,
    }
}

/// `errno`, `strerror` or `filename` of an OSError (a new reference; None when the
/// exception was not made with the three-argument form), or None for another name.
pub fn attribute(exc: Value, name: &str) -> Option<Value> {
    if !ATTRIBUTES.contains(&name) {
        return None;
    }
    // SAFETY: callers pass exception objects.
    let e = unsafe { as_exception(exc) };
    if !e.kind.is_subclass(ExcKind::OSError) {
        return None;
    }
    let v = if e.dict.is_object() { dict_get(e.dict, name).unwrap_or(Value::NONE) } else { Value::NONE };
    v.incref();
    Some(v)
}

/// `str(e)` of an OSError made with the three-argument form, or None.
pub fn errno_str(exc: Value) -> Option<PyResult<String>> {
    // SAFETY: callers pass exception objects.
    let e = unsafe { as_exception(exc) };
    if !e.kind.is_subclass(ExcKind::OSError) || !e.dict.is_object() {
        return None;
    }
    let errno = dict_get(e.dict, "errno")?;
    let strerror = dict_get(e.dict, "strerror")?;
    let filename = dict_get(e.dict, "filename").unwrap_or(Value::NONE);
    let text = || -> PyResult<String> {
        let head = format!("[Errno {}] {}", crate::ops::str(errno)?, crate::ops::str(strerror)?);
        if filename == Value::NONE { Ok(head) } else { Ok(format!("{head}: {}", crate::ops::repr(filename)?)) }
    };
    Some(text())
}

//! `format(v, spec)` (f-string replacement fields): ints, bools, floats and strs go to
//! the format-spec implementations in `crate::format`; other types only accept an
//! empty spec, as `object.__format__` does.

use super::num::{Int, as_int};
use super::repr;
use super::types::type_name;
use stitch_abi::*;
use crate::errors::{ExcKind, PyErr, PyResult};
use crate::format;
use crate::objects;

pub fn format(v: Value, spec: &str) -> PyResult<String> {
    if v.is_float() {
        return format::format_float(v.as_float(), spec).map_err(error_from_line);
    }
    if let Some((re, im)) = objects::complex::parts(v) {
        return format::format_complex(re, im, spec).map_err(error_from_line);
    }
    if v.is_bool() && spec.is_empty() {
        // bool inherits int.__format__, which gives str(self) for an empty spec.
        return repr::str(v);
    }
    if crate::special::overrides(v)
        && let Some(r) = crate::special::format(v, spec)
    {
        // A str or int of a class with its own `__format__`.
        return r;
    }
    // SAFETY: the kind is checked first.
    if spec.is_empty() && v.is_kind(stitch_abi::KIND_BIGINT) && unsafe { objects::subclass::flagged(v.object()) } {
        // int.__format__ with no spec is str(self): a class deriving from int may define
        // `__str__`.
        return repr::str(v);
    }
    if let Some(i) = as_int(v) {
        return match i {
            Int::Small(x) if spec.is_empty() => Ok(x.to_string()),
            _ => format::format_int(&i.big(), spec).map_err(error_from_line),
        };
    }
    if v.is_kind(KIND_STR) {
        // SAFETY: the kind was checked.
        let text = unsafe { objects::str::text(v) }?;
        if spec.is_empty() {
            // str.__format__ with no spec is str(self): a class deriving from str may
            // define `__str__`.
            return repr::str(v);
        }
        return format::format_str(text, spec).map_err(error_from_line);
    }
    if let Some(r) = crate::special::format(v, spec) {
        return r;
    }
    if let Some(f) = crate::float_subclass::value(v)
        && !spec.is_empty()
    {
        // float.__format__ (with no spec it is str(self), below).
        return format::format_float(f, spec).map_err(error_from_line);
    }
    if spec.is_empty() {
        return repr::str(v);
    }
    Err(PyErr::type_error(format!("unsupported format string passed to {}.__format__", type_name(v))))
}

/// Turns an error line of `crate::format` (`"ValueError: ..."`, `"MemoryError"`) into
/// the exception.
pub fn error_from_line(line: String) -> PyErr {
    let (name, message) = match line.split_once(": ") {
        Some((n, m)) => (n.to_string(), Some(m.to_string())),
        None => (line.clone(), None),
    };
    let kind = match name.as_str() {
        "ValueError" => ExcKind::ValueError,
        "OverflowError" => ExcKind::OverflowError,
        "MemoryError" => ExcKind::MemoryError,
        "TypeError" => ExcKind::TypeError,
        "ZeroDivisionError" => ExcKind::ZeroDivisionError,
        "IndexError" => ExcKind::IndexError,
        "unsupported" => ExcKind::Unsupported,
        // Not a known exception name: the whole line is a ValueError's message.
        _ => return PyErr::value_error(line),
    };
    PyErr { kind, message, object: None, hint: None }
}

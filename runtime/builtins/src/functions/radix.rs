//! `hex`, `bin`, `oct` and `format`: ints in a base, any value by a format spec, through
//! the format-spec code f-strings use.

use crate::args::{between, no_keywords, one};
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::{builtin::Args, str as strs};
use stitch_core::ops::num::require_int;
use stitch_core::vm::Runtime;

/// `hex(x)`, `bin(x)`, `oct(x)`: the int with its prefix (`-0xff`).
fn radix(name: &str, args: &Args, spec: &str) -> PyResult<Value> {
    let x = one(name, args, 0)?;
    require_int(x)?;
    // A bool formats as its int.
    let x = if x.is_bool() { Value::int(i64::from(x == Value::TRUE)) } else { x };
    Ok(strs::from_string(stitch_core::ops::format(x, spec)?))
}

pub fn hex(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    radix("hex", args, "#x")
}

pub fn bin(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    radix("bin", args, "#b")
}

pub fn oct(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    radix("oct", args, "#o")
}

/// `format(value, spec="")`.
pub fn format(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("format", args)?;
    let a = between("format", args, 0, 1, Some(2))?;
    let spec = match a.get(1) {
        None => "",
        // SAFETY: the kind was checked.
        Some(&s) if s.is_kind(KIND_STR) => unsafe { strs::text(s) }?,
        Some(&s) => {
            return Err(PyErr::type_error(format!(
                "format() argument 2 must be str, not {}",
                stitch_core::ops::type_name(s)
            )));
        }
    };
    Ok(strs::from_string(stitch_core::ops::format(a[0], spec)?))
}

//! `int.from_bytes(bytes, byteorder='big', *, signed=False)` and
//! `int.to_bytes(length=1, byteorder='big', *, signed=False)`.

use crate::args::bind;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, Zero};
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::bigint;
use stitch_core::objects::builtin::Args;
use stitch_core::objects::bytes::{bytes_of, new_bytes};
use stitch_core::ops::num::{as_int, require_i64};
use stitch_core::ops::types::{truthy, type_name};
use stitch_core::vm::Runtime;

/// True for 'little', false for 'big'; CPython's errors otherwise.
fn little(order: Option<Value>, func: &str) -> PyResult<bool> {
    let Some(v) = order else { return Ok(false) };
    if !v.is_kind(KIND_STR) {
        return Err(PyErr::type_error(format!("{func}() argument 'byteorder' must be str, not {}", type_name(v))));
    }
    // SAFETY: the kind was checked.
    match unsafe { stitch_core::objects::str::text(v) }? {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(PyErr::value_error("byteorder must be either 'little' or 'big'")),
    }
}

/// `signed=` (keyword-only): its truth.
fn signed(args: &Args) -> bool {
    crate::args::keyword(args, "signed").is_some_and(truthy)
}

/// The positional and keyword arguments without the keyword-only `signed`.
fn without_signed<'a>(args: &Args<'a>, keywords: &'a mut Vec<(&'a str, Value)>) -> Args<'a> {
    keywords.extend(args.keywords.iter().filter(|(k, _)| *k != "signed").copied());
    Args { positional: args.positional, keywords }
}

/// `int.from_bytes(...)`: reached through the type (no receiver); through an int, the
/// receiver comes first and is skipped.
pub fn from_bytes(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let skip = usize::from(args.positional.first().is_some_and(|&v| as_int(v).is_some()) && args.positional.len() > 1);
    let mut kw = Vec::new();
    let rest = without_signed(args, &mut kw);
    let a = bind("from_bytes", &rest, skip, &["bytes", "byteorder"], 0, 1)?;
    let source = a[0].unwrap_or(Value::NONE);
    let data = match bytes_of(source) {
        Some(d) => d,
        None if !source.is_kind(KIND_STR) && stitch_core::ops::iter::is_iterable(source) => {
            stitch_core::ops::bytes::ints_of(source)?
        }
        None => return Err(PyErr::type_error(format!("cannot convert '{}' object to bytes", type_name(source)))),
    };
    let le = little(a[1], "from_bytes")?;
    let mut be = data;
    if le {
        be.reverse();
    }
    let n = if signed(args) { BigInt::from_signed_bytes_be(&be) } else { BigInt::from_bytes_be(Sign::Plus, &be) };
    Ok(bigint::from_bigint(n))
}

/// `n.to_bytes(length=1, byteorder='big', *, signed=False)`.
pub fn to_bytes(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let me = *args.positional.first().ok_or_else(|| PyErr::type_error("unbound method int.to_bytes() needs an argument"))?;
    let n = as_int(me)
        .ok_or_else(|| PyErr::type_error(format!("descriptor 'to_bytes' for 'int' objects doesn't apply to a '{}' object", type_name(me))))?
        .big()
        .into_owned();
    let mut kw = Vec::new();
    let rest = without_signed(args, &mut kw);
    let a = bind("to_bytes", &rest, 1, &["length", "byteorder"], 0, 0)?;
    let length = match a[0] {
        Some(v) => require_i64(v)?,
        None => 1,
    };
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let le = little(a[1], "to_bytes")?;
    let is_signed = signed(args);
    if !is_signed && n.is_negative() {
        return Err(PyErr::overflow("can't convert negative int to unsigned"));
    }
    let minimal = if n.is_zero() {
        Vec::new()
    } else if is_signed {
        n.to_signed_bytes_be()
    } else {
        n.to_bytes_be().1
    };
    if minimal.len() as i64 > length {
        return Err(PyErr::overflow("int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    let mut out = vec![fill; length as usize - minimal.len()];
    out.extend_from_slice(&minimal);
    if le {
        out.reverse();
    }
    Ok(new_bytes(out))
}

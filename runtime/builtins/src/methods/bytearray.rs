//! The methods only `bytearray` has: the ones that change it in place. Its lookup
//! falls back to the methods it shares with bytes (`methods::bytes`).

use crate::args::{between, none, one};
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::bytes::{data, data_mut, new_bytearray};
use stitch_core::ops::bytes::{byte_value, ints_of};
use stitch_core::ops::num::require_i64;
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("append", append),
    ("extend", extend),
    ("pop", pop),
    ("insert", insert),
    ("remove", remove),
    ("reverse", reverse),
    ("clear", clear),
    ("copy", copy),
];

/// The receiver, checked to be a bytearray.
fn this(args: &Args, method: &str) -> PyResult<Value> {
    super::receiver(args, "bytearray", method)
}

/// Runs `f` on the bytearray's buffer. Arguments are converted before, so no code
/// runs while the buffer is borrowed.
fn with_buf<R>(ba: Value, f: impl FnOnce(&mut Vec<u8>) -> R) -> R {
    // SAFETY: `ba` is a live bytearray (checked by `this`) and this is the only
    // borrow of its buffer.
    f(unsafe { data_mut(ba) })
}

fn append(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let ba = this(args, "append")?;
    let b = byte_value(one("append", args, 1)?)?;
    with_buf(ba, |v| v.push(b));
    Ok(Value::NONE)
}

fn extend(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let ba = this(args, "extend")?;
    let other = one("extend", args, 1)?;
    if !stitch_core::ops::iter::is_iterable(other) {
        return Err(PyErr::type_error(format!("can't extend bytearray with {}", type_name(other))));
    }
    let new = ints_of(other)?;
    with_buf(ba, |v| v.extend_from_slice(&new));
    Ok(Value::NONE)
}

fn pop(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let ba = this(args, "pop")?;
    let a = between("pop", args, 1, 0, Some(1))?;
    let i = match a.first() {
        Some(&v) => require_i64(v)?,
        None => -1,
    };
    with_buf(ba, |v| {
        if v.is_empty() {
            return Err(PyErr::index_error("pop from empty bytearray"));
        }
        match stitch_core::ops::subscript::normalize(i, v.len()) {
            Some(i) => Ok(Value::int(v.remove(i) as i64)),
            None => Err(PyErr::index_error("pop index out of range")),
        }
    })
}

fn insert(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let ba = this(args, "insert")?;
    let a = between("insert", args, 1, 2, Some(2))?;
    let i = require_i64(a[0])?;
    let b = byte_value(a[1])?;
    with_buf(ba, |v| {
        // Positions past either end insert at that end, as list.insert does.
        let n = v.len() as i64;
        let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
        v.insert(at as usize, b);
    });
    Ok(Value::NONE)
}

fn remove(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let ba = this(args, "remove")?;
    let b = byte_value(one("remove", args, 1)?)?;
    with_buf(ba, |v| match v.iter().position(|&x| x == b) {
        Some(i) => {
            v.remove(i);
            Ok(Value::NONE)
        }
        None => Err(PyErr::value_error("value not found in bytearray")),
    })
}

fn reverse(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let ba = this(args, "reverse")?;
    none("reverse", args, 1)?;
    with_buf(ba, |v| v.reverse());
    Ok(Value::NONE)
}

fn clear(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let ba = this(args, "clear")?;
    none("clear", args, 1)?;
    with_buf(ba, Vec::clear);
    Ok(Value::NONE)
}

fn copy(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let ba = this(args, "copy")?;
    none("copy", args, 1)?;
    // SAFETY: a live bytearray, copied at once.
    Ok(new_bytearray(unsafe { data(ba) }.to_vec()))
}


//! `tuple` methods: `index` and `count`.

use super::receiver;
use crate::args::{between, no_keywords, one};
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::tuple;
use stitch_core::ops::compare::eq;
use stitch_core::ops::num::as_int;
use stitch_core::vm::Runtime;

pub const METHODS: &[(&str, BuiltinFn)] = &[("index", index), ("count", count)];

fn items<'a>(args: &Args, method: &str) -> PyResult<&'a [Value]> {
    let t = receiver(args, "tuple", method)?;
    // SAFETY: `receiver` checked the type; tuples do not change.
    Ok(unsafe { tuple::items(t.cast()) })
}

/// A start/stop bound of `index`: clamped like a slice index.
fn bound(v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    let Some(&v) = v else { return Ok(default) };
    let i = as_int(v).ok_or_else(|| PyErr::type_error("slice indices must be integers or have an __index__ method"))?;
    let i = i.to_i64().unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
    let len = len as i64;
    Ok(if i < 0 { i.saturating_add(len).max(0) } else { i.min(len) } as usize)
}

/// `t.index(value, start=0, stop=len)`.
fn index(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let all = items(args, "index")?;
    no_keywords("tuple.index", args)?;
    let a = between("index", args, 1, 1, Some(3))?;
    let start = bound(a.get(1), all.len(), 0)?;
    let stop = bound(a.get(2), all.len(), all.len())?;
    for (i, &x) in all.iter().enumerate().take(stop).skip(start) {
        if x == a[0] || eq(x, a[0])? {
            return Ok(Value::int(i as i64));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

fn count(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let all = items(args, "count")?;
    let v = one("tuple.count", args, 1)?;
    let mut n = 0;
    for &x in all {
        if x == v || eq(x, v)? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

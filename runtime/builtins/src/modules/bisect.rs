//! `bisect`, as CPython's `_bisect` module: the same comparisons (`<` only) in the
//! same order, `key` applied to the list's items and not to `x` for the searches.

use crate::args::bind;
use stitch_abi::{KIND_LIST, Value};
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::{Owned, list};
use stitch_core::ops::num::require_i64;
use stitch_core::ops::{call, compare, subscript, types};
use stitch_core::vm::Runtime;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("bisect_right", bisect_right),
    ("bisect_left", bisect_left),
    ("bisect", bisect_right),
    ("insort_right", insort_right),
    ("insort_left", insort_left),
    ("insort", insort_right),
];

pub fn namespace() -> Value {
    super::namespace_of(FUNCTIONS, vec![])
}

struct Search {
    a: Value,
    x: Value,
    lo: i64,
    hi: i64,
    key: Option<Value>,
}

fn parse(name: &str, args: &Args) -> PyResult<Search> {
    let p = bind(name, args, 0, &["a", "x", "lo", "hi", "key"], 0, 2)?;
    let a = p[0].unwrap_or(Value::NONE);
    let lo = match p[2] {
        Some(v) => require_i64(v)?,
        None => 0,
    };
    if lo < 0 {
        return Err(PyErr::value_error("lo must be non-negative"));
    }
    let hi = match p[3] {
        Some(v) if v != Value::NONE => require_i64(v)?,
        _ => types::len(a).ok_or_else(|| PyErr::type_error(format!("object of type '{}' has no len()", types::type_name(a))))? as i64,
    };
    let key = p[4].filter(|&k| k != Value::NONE);
    Ok(Search { a, x: p[1].unwrap_or(Value::NONE), lo, hi, key })
}

/// The item at `i`, through the key function if any (owned).
fn item(rt: &mut Runtime, s: &Search, i: i64) -> PyResult<Owned> {
    let v = Owned(subscript::getitem(s.a, Value::int(i))?);
    match s.key {
        Some(k) => Ok(Owned(call::call(rt, k, &Args { positional: &[v.get()], keywords: &[] })?)),
        None => Ok(v),
    }
}

fn search(rt: &mut Runtime, s: &Search, x: Value, right: bool) -> PyResult<i64> {
    let (mut lo, mut hi) = (s.lo, s.hi);
    while lo < hi {
        let mid = (lo as u64 + hi as u64) as i64 / 2;
        let v = item(rt, s, mid)?;
        let go_right = if right { !compare::lt(x, v.get())? } else { compare::lt(v.get(), x)? };
        if go_right {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect_right(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = parse("bisect_right", args)?;
    Ok(Value::int(search(rt, &s, s.x, true)?))
}

fn bisect_left(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = parse("bisect_left", args)?;
    Ok(Value::int(search(rt, &s, s.x, false)?))
}

fn insort(rt: &mut Runtime, name: &str, args: &Args, right: bool) -> PyResult<Value> {
    let s = parse(name, args)?;
    // With a key, the search compares key(x) (insort applies it, bisect does not).
    let kx = match s.key {
        Some(k) => Owned(call::call(rt, k, &Args { positional: &[s.x], keywords: &[] })?),
        None => {
            s.x.incref();
            Owned(s.x)
        }
    };
    let i = search(rt, &s, kx.get(), right)?;
    if !s.a.is_kind(KIND_LIST) {
        return Err(PyErr::unsupported(format!("{name}() into a {}", types::type_name(s.a))));
    }
    s.x.incref();
    // SAFETY: the kind was checked; the list takes the new reference.
    unsafe {
        list::with_vec(s.a.cast(), |v| {
            let at = (i.max(0) as usize).min(v.len());
            v.insert(at, s.x);
        })
    };
    Ok(Value::NONE)
}

fn insort_right(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    insort(rt, "insort_right", args, true)
}

fn insort_left(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    insort(rt, "insort_left", args, false)
}

//! `list` methods.

use super::receiver;
use stitch_abi::*;
use crate::args::{between, no_keywords, none, one};
use crate::functions::iteration::sort_list;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::list;
use stitch_core::ops::compare::eq;
use stitch_core::ops::subscript::normalize;
use stitch_core::ops::{repr, sequence};
use stitch_core::vm::Runtime;

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("append", append),
    ("pop", pop),
    ("insert", insert),
    ("extend", extend),
    ("index", index),
    ("count", count),
    ("remove", remove),
    ("reverse", reverse),
    ("sort", sort),
    ("copy", copy),
    ("clear", clear),
];

fn this(args: &Args, method: &str) -> PyResult<*mut List> {
    receiver(args, "list", method).map(|v| v.cast::<List>())
}

/// The items of a list, borrowed.
fn items<'a>(l: *mut List) -> &'a [Value] {
    // SAFETY: `l` is a live list (checked by `this`), not changed while the borrow is
    // used (comparisons cannot run code that mutates it).
    unsafe { list::items(l) }
}

fn append(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let l = this(args, "append")?;
    let v = one("list.append", args, 1)?;
    v.incref();
    // SAFETY: a live list; the item is a new reference.
    unsafe { list::push(l, v) };
    Ok(Value::NONE)
}

/// `lst.pop(index=-1)`.
fn pop(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let l = this(args, "pop")?;
    no_keywords("list.pop", args)?;
    let a = between("pop", args, 1, 0, Some(1))?;
    let i = match a.first() {
        // CPython converts to a machine word: OverflowError, not IndexError.
        Some(&v) => stitch_core::ops::num::require_i64(v)?,
        None => -1,
    };
    let len = items(l).len();
    if len == 0 {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let i = normalize(i, len).ok_or_else(|| PyErr::index_error("pop index out of range"))?;
    // SAFETY: a live list; the removed item's reference goes to the caller.
    Ok(unsafe { list::with_vec(l, |v| v.remove(i)) })
}

/// `lst.insert(index, item)`: the index is clamped into the list.
fn insert(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let l = this(args, "insert")?;
    no_keywords("list.insert", args)?;
    let a = between("insert", args, 1, 2, Some(2))?;
    let i = stitch_core::ops::num::require_i64(a[0])?;
    let len = items(l).len() as i64;
    let at = if i < 0 { i.saturating_add(len).max(0) } else { i.min(len) } as usize;
    a[1].incref();
    // SAFETY: a live list; the item is a new reference.
    unsafe { list::with_vec(l, |v| v.insert(at, a[1])) };
    Ok(Value::NONE)
}

fn extend(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let l = this(args, "extend")?;
    let other = one("list.extend", args, 1)?;
    sequence::extend(Value::from_object(l), other)?;
    Ok(Value::NONE)
}

/// A start/stop bound of `index`: clamped like a slice index.
fn bound(v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    let Some(&v) = v else { return Ok(default) };
    let i = stitch_core::ops::num::as_int(v)
        .ok_or_else(|| PyErr::type_error("slice indices must be integers or have an __index__ method"))?;
    let i = i.to_i64().unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
    let len = len as i64;
    Ok(if i < 0 { (i.saturating_add(len)).max(0) } else { i.min(len) } as usize)
}

/// `lst.index(value, start=0, stop=len)`.
fn index(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let l = this(args, "index")?;
    no_keywords("list.index", args)?;
    let a = between("index", args, 1, 1, Some(3))?;
    let all = items(l);
    let start = bound(a.get(1), all.len(), 0)?;
    let stop = bound(a.get(2), all.len(), all.len())?;
    for (i, &x) in all.iter().enumerate().take(stop).skip(start) {
        if x == a[0] || eq(x, a[0])? {
            return Ok(Value::int(i as i64));
        }
    }
    Err(PyErr::value_error(format!("{} is not in list", repr::repr(a[0])?)))
}

fn count(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let l = this(args, "count")?;
    let v = one("list.count", args, 1)?;
    let mut n = 0;
    for &x in items(l) {
        if x == v || eq(x, v)? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

fn remove(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let l = this(args, "remove")?;
    let v = one("list.remove", args, 1)?;
    let mut found = None;
    for (i, &x) in items(l).iter().enumerate() {
        if x == v || eq(x, v)? {
            found = Some(i);
            break;
        }
    }
    let i = found.ok_or_else(|| PyErr::value_error("list.remove(x): x not in list"))?;
    // SAFETY: a live list; `i` is in range.
    let removed = unsafe { list::with_vec(l, |v| v.remove(i)) };
    removed.decref();
    Ok(Value::NONE)
}

fn reverse(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let l = this(args, "reverse")?;
    none("list.reverse", args, 1)?;
    // SAFETY: a live list.
    unsafe { list::with_vec(l, |v| v.reverse()) };
    Ok(Value::NONE)
}

fn sort(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let l = this(args, "sort")?;
    sort_list(rt, Value::from_object(l), args, 1)?;
    Ok(Value::NONE)
}

fn copy(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let l = this(args, "copy")?;
    none("list.copy", args, 1)?;
    let copied = items(l).to_vec();
    for &v in &copied {
        v.incref();
    }
    Ok(list::from_vec(copied))
}

fn clear(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let l = this(args, "clear")?;
    none("list.clear", args, 1)?;
    // SAFETY: a live list; its references are dropped after it is emptied.
    let old = unsafe { list::with_vec(l, std::mem::take) };
    for v in old {
        v.decref();
    }
    Ok(Value::NONE)
}

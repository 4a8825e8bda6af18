//! `heapq`, as CPython's `_heapq`: the same sift algorithms (siftup to a leaf, then
//! siftdown), so lists end in the same order, comparing with `<` only.

use crate::args::{between, no_keywords};
use stitch_abi::{KIND_LIST, Value};
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::list;
use stitch_core::ops::compare;
use stitch_core::vm::Runtime;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("heappush", heappush),
    ("heappop", heappop),
    ("heapify", heapify),
    ("heapreplace", heapreplace),
    ("heappushpop", heappushpop),
    ("nlargest", nlargest),
    ("nsmallest", nsmallest),
    ("merge", super::heapq_merge::merge),
];

pub fn namespace() -> Value {
    super::namespace_of(FUNCTIONS, vec![])
}

/// `nlargest(n, iterable, key=None)`: what CPython documents it equals,
/// `sorted(iterable, key=key, reverse=True)[:n]` (its heap algorithm keeps ties in
/// their original order to give exactly that).
fn nlargest(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    select("nlargest", rt, args, true)
}

/// `nsmallest(n, iterable, key=None)`: `sorted(iterable, key=key)[:n]`.
fn nsmallest(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    select("nsmallest", rt, args, false)
}

fn select(name: &str, rt: &mut Runtime, args: &Args, largest: bool) -> PyResult<Value> {
    crate::args::check_keywords(name, args, &["key"])?;
    let a = between(name, args, 0, 2, Some(2))?;
    let n = stitch_core::ops::num::require_int(a[0])?;
    let mut items = stitch_core::ops::consume::collect(a[1])?;
    let r = crate::functions::iteration::sort_items(rt, &mut items, crate::args::keyword(args, "key"), largest);
    if let Err(e) = r {
        for v in items {
            v.decref();
        }
        return Err(e);
    }
    let keep = if n.is_negative() { 0 } else { n.to_i64().map_or(usize::MAX, |n| n as usize).min(items.len()) };
    for v in items.drain(keep..) {
        v.decref();
    }
    Ok(list::from_vec(items))
}

/// The heap argument, which must be a list.
fn heap_arg<'a>(name: &str, args: &Args<'a>, n: usize) -> PyResult<&'a [Value]> {
    no_keywords(name, args)?;
    let a = between(name, args, 0, n, Some(n))?;
    if !a[0].is_kind(KIND_LIST) {
        return Err(PyErr::type_error("heap argument must be a list"));
    }
    Ok(a)
}

/// Runs `f` on the list's items (the list is not resized meanwhile: comparisons of
/// the subset's values run no Python code).
fn with_items<R>(l: Value, f: impl FnOnce(&mut Vec<Value>) -> R) -> R {
    // SAFETY: callers checked the kind.
    unsafe { list::with_vec(l.cast(), f) }
}

/// CPython's `siftdown`: moves the item at `pos` up towards `start`.
fn siftdown(heap: &mut [Value], start: usize, mut pos: usize) -> PyResult<()> {
    let newitem = heap[pos];
    while pos > start {
        let parentpos = (pos - 1) >> 1;
        let parent = heap[parentpos];
        if compare::lt(newitem, parent)? {
            heap[pos] = parent;
            pos = parentpos;
            continue;
        }
        break;
    }
    heap[pos] = newitem;
    Ok(())
}

/// CPython's `siftup`: moves the smaller child up until a leaf, then sifts down.
fn siftup(heap: &mut [Value], mut pos: usize) -> PyResult<()> {
    let endpos = heap.len();
    let startpos = pos;
    let newitem = heap[pos];
    let limit = endpos >> 1;
    while pos < limit {
        let mut childpos = 2 * pos + 1;
        if childpos + 1 < endpos {
            if !compare::lt(heap[childpos], heap[childpos + 1])? {
                childpos += 1;
            }
        }
        heap[pos] = heap[childpos];
        pos = childpos;
    }
    heap[pos] = newitem;
    siftdown(heap, startpos, pos)
}

fn heappush(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = heap_arg("heappush", args, 2)?;
    a[1].incref();
    with_items(a[0], |v| {
        v.push(a[1]);
        let n = v.len();
        siftdown(v, 0, n - 1)
    })?;
    Ok(Value::NONE)
}

fn heappop(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("heappop", args)?;
    let a = between("heappop", args, 0, 1, Some(1))?;
    if !a[0].is_kind(KIND_LIST) {
        return Err(PyErr::type_error("heap argument must be a list"));
    }
    with_items(a[0], |v| {
        let Some(last) = v.pop() else {
            return Err(PyErr::index_error("index out of range"));
        };
        if v.is_empty() {
            return Ok(last);
        }
        let top = std::mem::replace(&mut v[0], last);
        siftup(v, 0)?;
        Ok(top)
    })
}

fn heapify(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("heapify", args)?;
    let a = between("heapify", args, 0, 1, Some(1))?;
    if !a[0].is_kind(KIND_LIST) {
        return Err(PyErr::type_error("heap argument must be a list"));
    }
    with_items(a[0], |v| {
        let n = v.len();
        for i in (0..n / 2).rev() {
            siftup(v, i)?;
        }
        Ok(())
    })?;
    Ok(Value::NONE)
}

fn heapreplace(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = heap_arg("heapreplace", args, 2)?;
    with_items(a[0], |v| {
        if v.is_empty() {
            return Err(PyErr::index_error("index out of range"));
        }
        a[1].incref();
        let top = std::mem::replace(&mut v[0], a[1]);
        siftup(v, 0)?;
        Ok(top)
    })
}

fn heappushpop(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = heap_arg("heappushpop", args, 2)?;
    with_items(a[0], |v| {
        a[1].incref();
        if v.is_empty() || !compare::lt(v[0], a[1])? {
            return Ok(a[1]);
        }
        let top = std::mem::replace(&mut v[0], a[1]);
        siftup(v, 0)?;
        Ok(top)
    })
}

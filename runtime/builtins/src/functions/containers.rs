//! Container constructors: `list`, `tuple`, `dict`, `set`, `frozenset`, `range`.

use stitch_abi::*;
use crate::args::{between, no_keywords};
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::{self, Owned, builtin::Args, dict, list, tuple};
use stitch_core::ops::consume::{collect, for_each};
use stitch_core::ops::iter::is_iterable;
use stitch_core::ops::num::require_int;
use stitch_core::ops::hash;
use stitch_core::vm::Runtime;

pub fn list(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("list", args)?;
    let a = between("list", args, 0, 0, Some(1))?;
    Ok(list::from_vec(match a.first() {
        Some(&v) => collect(v)?,
        None => Vec::new(),
    }))
}

pub fn tuple(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("tuple", args)?;
    let a = between("tuple", args, 0, 0, Some(1))?;
    match a.first() {
        // Tuples are immutable: tuple(t) is t.
        // (A namedtuple gives a plain tuple.)
        Some(&v) if v.is_kind(KIND_TUPLE) && stitch_core::objects::subclass::subclass_of(v).is_none() => {
            v.incref();
            Ok(v)
        }
        Some(&v) => Ok(tuple::from_vec(collect(v)?)),
        None => Ok(tuple::from_vec(Vec::new())),
    }
}

/// `set()`, `set(iterable)`.
pub fn set(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    if !args.keywords.is_empty() {
        return Err(PyErr::type_error("set() takes no keyword arguments"));
    }
    let a = between("set", args, 0, 0, Some(1))?;
    match a.first() {
        Some(&v) => stitch_core::ops::set::from_iterable(KIND_SET, v),
        None => Ok(objects::set::new_set(KIND_SET)),
    }
}

/// `frozenset()`, `frozenset(iterable)`; a frozenset is its own frozenset.
pub fn frozenset(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    if !args.keywords.is_empty() {
        return Err(PyErr::type_error("frozenset() takes no keyword arguments"));
    }
    let a = between("frozenset", args, 0, 0, Some(1))?;
    match a.first() {
        Some(&v) if v.is_kind(KIND_FROZENSET) => {
            v.incref();
            Ok(v)
        }
        Some(&v) => stitch_core::ops::set::from_iterable(KIND_FROZENSET, v),
        None => Ok(objects::set::new_set(KIND_FROZENSET)),
    }
}

/// `dict()`, `dict(mapping)`, `dict(iterable_of_pairs)`, plus keyword items.
pub fn dict(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = between("dict", args, 0, 0, Some(1))?;
    let d = Owned(dict::new_dict());
    if let Some(&src) = a.first() {
        update_from(d.get(), src)?;
    }
    for &(k, v) in args.keywords {
        store(d.get(), objects::str::new_str(k), v)?;
    }
    Ok(d.into_raw())
}

/// Stores `value` (borrowed) under `key` (owned).
fn store(d: Value, key: Value, value: Value) -> PyResult<()> {
    let key = Owned(key);
    let h = hash(key.get())?;
    value.incref();
    // SAFETY: `d` is a live dict; key and value are new references.
    unsafe { dict::set(d.cast(), key.into_raw(), h, value) };
    stitch_core::ops::compare::key_error_pending()
}

/// `d.update(src)`: from a dict, or from an iterable of key/value pairs.
pub fn update_from(d: Value, src: Value) -> PyResult<()> {
    if src.is_kind(KIND_DICT) {
        // SAFETY: a live dict; the entries are copied before `d` (maybe the same dict)
        // changes.
        let entries: Vec<(Value, u64, Value)> =
            unsafe { dict::entries(src.cast()) }.map(|e| (e.key, e.hash, e.value)).collect();
        for (k, h, v) in entries {
            k.incref();
            v.incref();
            // SAFETY: `d` is a live dict; key and value are new references.
            unsafe { dict::set(d.cast(), k, h, v) };
            stitch_core::ops::compare::key_error_pending()?;
        }
        return Ok(());
    }
    // An instance with `keys` is a mapping (ChainMap, the program's own): its keys and
    // `src[key]`, as CPython's dict takes them.
    if src.is_kind(KIND_INSTANCE)
        && let Some(keys) = stitch_core::classes::lookup(stitch_core::classes::class_of(src), "keys")
    {
        let keys = Owned(stitch_core::special::call_method(keys, src, &[])?);
        return for_each(keys.get(), |key| {
            let value = Owned(stitch_core::ops::getitem(src, key.get())?);
            store(d, key.into_raw(), value.get())?;
            Ok(true)
        });
    }
    let mut index = 0;
    for_each(src, |pair| {
        if !is_iterable(pair.get()) {
            return Err(PyErr::type_error(format!(
                "cannot convert dictionary update sequence element #{index} to a sequence"
            )));
        }
        let items: Vec<Owned> = collect(pair.get())?.into_iter().map(Owned).collect();
        if items.len() != 2 {
            return Err(PyErr::value_error(format!(
                "dictionary update sequence element #{index} has length {}; 2 is required",
                items.len()
            )));
        }
        items[0].get().incref();
        store(d, items[0].get(), items[1].get())?;
        index += 1;
        Ok(true)
    })
}

/// `range(stop)`, `range(start, stop[, step])`.
pub fn range(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("range", args)?;
    let a = between("range", args, 0, 1, Some(3))?;
    let mut bounds = [0i128, 0, 1];
    for (slot, &v) in bounds.iter_mut().zip(a) {
        // CPython takes any int; stitch refuses bounds past 128 bits as outside the subset.
        *slot = require_int(v)?.to_i128().ok_or_else(|| PyErr::unsupported("range() bounds beyond 128 bits"))?;
    }
    let (start, stop, step) = if a.len() == 1 { (0, bounds[0], 1) } else { (bounds[0], bounds[1], bounds[2]) };
    if step == 0 {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(objects::range::new_range(start, stop, step))
}

//! `set` and `frozenset` methods: thin wrappers over `ops::set`, which follows
//! CPython's steps so results print in CPython's order.

use crate::args::{none, one};
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::set::is_any_set;
use stitch_core::objects::{Owned, set as sets};
use stitch_core::ops::set as algebra;
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;

pub const SET_METHODS: &[(&str, BuiltinFn)] = &[
    ("add", add),
    ("clear", clear),
    ("copy", copy),
    ("difference", difference),
    ("difference_update", difference_update),
    ("discard", discard),
    ("intersection", intersection),
    ("intersection_update", intersection_update),
    ("isdisjoint", isdisjoint),
    ("issubset", issubset),
    ("issuperset", issuperset),
    ("pop", pop),
    ("remove", remove),
    ("symmetric_difference", symmetric_difference),
    ("symmetric_difference_update", symmetric_difference_update),
    ("union", union),
    ("update", update),
];

pub const FROZENSET_METHODS: &[(&str, BuiltinFn)] = &[
    ("copy", copy),
    ("difference", difference),
    ("intersection", intersection),
    ("isdisjoint", isdisjoint),
    ("issubset", issubset),
    ("issuperset", issuperset),
    ("symmetric_difference", symmetric_difference),
    ("union", union),
];

/// The receiver: a set (`mutable`) or either kind.
fn this(args: &Args, method: &str, mutable: bool) -> PyResult<Value> {
    let owner = if mutable { "set" } else { "frozenset" };
    match args.positional.first() {
        Some(&v) if v.is_kind(KIND_SET) || (!mutable && is_any_set(v)) => Ok(v),
        Some(&v) => Err(PyErr::type_error(format!(
            "descriptor '{method}' for '{owner}' objects doesn't apply to a '{}' object",
            type_name(v)
        ))),
        None => Err(PyErr::type_error(format!("unbound method {owner}.{method}() needs an argument"))),
    }
}

/// The arguments after the receiver (methods taking `*others`).
fn others<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a [Value]> {
    crate::args::no_keywords(name, args)?;
    Ok(&args.positional[1..])
}

/// A key to remove or discard: a set stands for the frozenset of its items.
fn as_key(v: Value) -> PyResult<Owned> {
    if v.is_kind(KIND_SET) { algebra::from_iterable(KIND_FROZENSET, v).map(Owned) } else { Ok(Owned::new_ref(v)) }
}

fn add(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "add", true)?;
    algebra::add(s, one("set.add", args, 1)?)?;
    Ok(Value::NONE)
}

fn clear(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "clear", true)?;
    none("set.clear", args, 1)?;
    // SAFETY: a live set.
    unsafe { sets::clear(s.cast()) };
    Ok(Value::NONE)
}

fn copy(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "copy", false)?;
    none("set.copy", args, 1)?;
    if s.is_kind(KIND_FROZENSET) {
        // Immutable: the copy is the frozenset itself.
        s.incref();
        return Ok(s);
    }
    algebra::copy(s)
}

fn difference(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "difference", false)?;
    let rest = others("set.difference", args)?;
    let Some((&first, rest)) = rest.split_first() else { return algebra::copy(s) };
    let result = Owned(algebra::difference(s, first)?);
    for &o in rest {
        algebra::difference_update(result.get(), o)?;
    }
    Ok(result.into_raw())
}

fn difference_update(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "difference_update", true)?;
    for &o in others("set.difference_update", args)? {
        algebra::difference_update(s, o)?;
    }
    Ok(Value::NONE)
}

fn discard(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "discard", true)?;
    let key = as_key(one("set.discard", args, 1)?)?;
    algebra::discard(s, key.get())?;
    Ok(Value::NONE)
}

/// `s.intersection(*others)`: each step intersects the previous result.
fn intersection_of(s: Value, rest: &[Value]) -> PyResult<Value> {
    if rest.is_empty() {
        return algebra::copy(s);
    }
    let mut result = Owned::new_ref(s);
    for &o in rest {
        result = Owned(algebra::intersection(result.get(), o)?);
    }
    Ok(result.into_raw())
}

fn intersection(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "intersection", false)?;
    intersection_of(s, others("set.intersection", args)?)
}

fn intersection_update(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "intersection_update", true)?;
    let tmp = Owned(intersection_of(s, others("set.intersection_update", args)?)?);
    // SAFETY: both are live sets.
    unsafe { sets::swap_bodies(s.cast(), tmp.get().cast()) };
    Ok(Value::NONE)
}

fn isdisjoint(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "isdisjoint", false)?;
    algebra::isdisjoint(s, one("set.isdisjoint", args, 1)?).map(Value::bool)
}

fn issubset(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "issubset", false)?;
    algebra::issubset(s, one("set.issubset", args, 1)?).map(Value::bool)
}

fn issuperset(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "issuperset", false)?;
    algebra::issuperset(s, one("set.issuperset", args, 1)?).map(Value::bool)
}

fn pop(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "pop", true)?;
    none("set.pop", args, 1)?;
    // SAFETY: a live set.
    unsafe { sets::pop(s.cast()) }
        .ok_or_else(|| stitch_core::exceptions::key_error(Owned(stitch_core::objects::str::new_str("pop from an empty set")).get()))
}

fn remove(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "remove", true)?;
    let key = as_key(one("set.remove", args, 1)?)?;
    if algebra::discard(s, key.get())? {
        Ok(Value::NONE)
    } else {
        Err(stitch_core::exceptions::key_error(key.get()))
    }
}

fn symmetric_difference(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "symmetric_difference", false)?;
    algebra::symmetric_difference(s, one("set.symmetric_difference", args, 1)?)
}

fn symmetric_difference_update(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "symmetric_difference_update", true)?;
    algebra::symmetric_difference_update(s, one("set.symmetric_difference_update", args, 1)?)?;
    Ok(Value::NONE)
}

fn union(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "union", false)?;
    let result = Owned(algebra::copy(s)?);
    for &o in others("set.union", args)? {
        algebra::update(result.get(), o)?;
    }
    Ok(result.into_raw())
}

fn update(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = this(args, "update", true)?;
    for &o in others("set.update", args)? {
        algebra::update(s, o)?;
    }
    Ok(Value::NONE)
}

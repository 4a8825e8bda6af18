//! Generic operations on values: Python's semantics for every type of the subset.
//! The interpreter's helpers call these; each function borrows its `Value`
//! arguments and returns new references.
//!
//! One file per job: numbers (`num`, `int`, `pow_mod`, `float`, `arith`), sequences
//! (`sequence`, `slice`, `subscript`), comparison and hashing (`compare`, `hash`),
//! text (`repr`, `format_value`, `printf`, `unicode_tables`), iteration (`iter`,
//! `consume`, `contains`),
//! and calls (`call`). Attributes are the builtins layer's (`stitch_builtins::attr`):
//! the only attributes of the subset are the methods of builtin types.

pub mod arith;
pub mod bytes;
pub mod call;
pub mod compare;
pub mod complex;
pub mod consume;
pub mod contains;
pub mod depth;
pub mod dict_views;
pub mod float;
pub mod format_value;
pub mod hash;
pub mod int;
pub mod iter;
pub mod num;
pub mod pow_mod;
pub mod printf;
pub mod repr;
pub mod sequence;
pub mod set;
pub mod slice;
pub mod subscript;
pub mod types;
pub mod unicode_tables;

#[cfg(test)]
mod tests;

use stitch_abi::Value;
use crate::errors::PyResult;
use crate::vm::Runtime;

pub use compare::{eq, eq_keys};
pub use hash::hash;
pub use types::{truthy, type_name};

/// `a (op) b`; `op` is an NB_* number, possibly with NB_INPLACE.
pub fn binary_op(rt: &mut Runtime, a: Value, b: Value, op: u32) -> PyResult<Value> {
    arith::binary_op(rt, a, b, op)
}

/// `-a`, `+a`, `~a` (UNARY_* numbers).
pub fn unary_op(a: Value, op: u32) -> PyResult<Value> {
    arith::unary_op(a, op)
}

/// `a (op) b` for a CMP_* number: a bool value.
pub fn compare(a: Value, b: Value, op: u32) -> PyResult<Value> {
    compare::compare(a, b, op)
}

/// `item in container`.
pub fn contains(container: Value, item: Value) -> PyResult<bool> {
    contains::contains(container, item)
}

pub fn getitem(container: Value, sub: Value) -> PyResult<Value> {
    subscript::getitem(container, sub)
}

/// `container[sub] = value` (`value` borrowed).
pub fn setitem(container: Value, sub: Value, value: Value) -> PyResult<()> {
    subscript::setitem(container, sub, value)
}

pub fn delitem(container: Value, sub: Value) -> PyResult<()> {
    subscript::delitem(container, sub)
}

pub fn get_iter(v: Value) -> PyResult<Value> {
    iter::get_iter(v)
}

/// The next item, or `None` when the iterator is exhausted.
pub fn iter_next(it: Value) -> PyResult<Option<Value>> {
    iter::iter_next(it)
}

pub fn repr(v: Value) -> PyResult<String> {
    repr::repr(v)
}

/// `ascii(v)`.
pub fn ascii(v: Value) -> PyResult<String> {
    repr::ascii(v)
}

pub fn str(v: Value) -> PyResult<String> {
    repr::str(v)
}

/// `format(v, spec)`.
pub fn format(v: Value, spec: &str) -> PyResult<String> {
    format_value::format(v, spec)
}

/// `a, *rest, z = seq`: see `consume::unpack_ex`.
pub fn unpack_ex(seq: Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
    consume::unpack_ex(seq, before, after)
}

/// Exactly `n` items of `seq`, as new references.
pub fn unpack(seq: Value, n: usize) -> PyResult<Vec<Value>> {
    consume::unpack(seq, n)
}

/// Two strs concatenated.
pub fn str_concat(a: Value, b: Value) -> PyResult<Value> {
    sequence::try_str_concat(a, b)
}

/// Two strs compared; `oparg`'s low 4 bits are the mask of true outcomes.
pub fn str_compare(a: Value, b: Value, oparg: u32) -> bool {
    compare::str_compare(a, b, oparg)
}

/// `s[i]` of a str, `None` when out of range.
pub fn str_getitem(s: Value, i: i64) -> Option<Value> {
    subscript::str_getitem(s, i)
}

pub fn call(rt: &mut Runtime, callable: Value, args: &crate::objects::builtin::Args) -> PyResult<Value> {
    call::call(rt, callable, args)
}

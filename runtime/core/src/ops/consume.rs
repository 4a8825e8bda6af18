//! Consuming iterables: visiting each item, collecting them, unpacking exactly `n`.

use super::iter::{get_iter, is_iterable, iter_next};
use super::types::type_name;
use stitch_abi::*;
use crate::errors::{PyErr, PyResult};
use crate::objects::{Owned, kind, list, tuple};

/// Every item of an iterable, as new references.
pub fn collect(v: Value) -> PyResult<Vec<Value>> {
    // SAFETY: the kinds are checked before the layouts are read.
    unsafe {
        let borrowed: Option<&[Value]> = match kind(v) {
            // A class's own `__iter__` decides (CPython's fast path is for exact types).
            _ if crate::special::overrides(v) => None,
            KIND_LIST => Some(list::items(v.cast())),
            KIND_TUPLE => Some(tuple::items(v.cast())),
            _ => None,
        };
        if let Some(items) = borrowed {
            for &x in items {
                x.incref();
            }
            return Ok(items.to_vec());
        }
    }
    if v.is_kind(KIND_RANGE) {
        // CPython takes the length first: OverflowError past a machine word.
        // SAFETY: the kind was checked.
        unsafe { (*v.cast::<crate::objects::range::Range>()).len_ssize()? };
    }
    let mut out = crate::memory::vec_with_capacity(super::types::len(v).unwrap_or(0))?;
    let r = for_each(v, |x| {
        out.push(x.into_raw());
        Ok(true)
    });
    match r {
        Ok(()) => Ok(out),
        Err(e) => {
            for x in out {
                x.decref();
            }
            Err(e)
        }
    }
}

/// Runs `f` on each item of an iterable (owned), until it returns `Ok(false)`.
pub fn for_each(v: Value, mut f: impl FnMut(Owned) -> PyResult<bool>) -> PyResult<()> {
    let it = Owned(get_iter(v)?);
    while let Some(x) = iter_next(it.get())? {
        if !f(Owned(x))? {
            break;
        }
    }
    Ok(())
}

/// Unpacking `a, b = seq`: exactly `n` items as new references.
pub fn unpack(seq: Value, n: usize) -> PyResult<Vec<Value>> {
    // SAFETY: the kinds are checked before the layouts are read.
    let known: Option<&[Value]> = unsafe {
        match kind(seq) {
            // A class's own `__iter__` decides (CPython's fast path is for exact types).
            _ if crate::special::overrides(seq) => None,
            KIND_LIST => Some(list::items(seq.cast())),
            KIND_TUPLE => Some(tuple::items(seq.cast())),
            _ => None,
        }
    };
    if let Some(items) = known {
        if items.len() != n {
            return Err(count_error(n, items.len()));
        }
        for &x in items {
            x.incref();
        }
        return Ok(items.to_vec());
    }
    if !is_iterable(seq) {
        return Err(PyErr::type_error(format!("cannot unpack non-iterable {} object", type_name(seq))));
    }
    let mut out: Vec<Owned> = Vec::with_capacity(n);
    let mut too_many = false;
    for_each(seq, |x| {
        if out.len() == n {
            too_many = true;
            return Ok(false);
        }
        out.push(x);
        Ok(true)
    })?;
    if too_many {
        return Err(count_error(n, n + 1));
    }
    if out.len() != n {
        return Err(count_error(n, out.len()));
    }
    Ok(out.into_iter().map(Owned::into_raw).collect())
}

/// `a, *rest, z = seq`: the `before` first items, a list of the middle ones, and the
/// `after` last ones, in target order (new references).
pub fn unpack_ex(seq: Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
    if !is_iterable(seq) {
        return Err(PyErr::type_error(format!("cannot unpack non-iterable {} object", type_name(seq))));
    }
    let mut items: Vec<Owned> = Vec::new();
    for_each(seq, |x| {
        items.push(x);
        Ok(true)
    })?;
    if items.len() < before + after {
        return Err(PyErr::value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let mut items: Vec<Value> = items.into_iter().map(Owned::into_raw).collect();
    let tail = items.split_off(items.len() - after);
    let middle = items.split_off(before);
    items.push(crate::objects::list::from_vec(middle));
    items.extend(tail);
    Ok(items)
}

fn count_error(expected: usize, got: usize) -> PyErr {
    if got > expected {
        PyErr::value_error(format!("too many values to unpack (expected {expected})"))
    } else {
        PyErr::value_error(format!("not enough values to unpack (expected {expected}, got {got})"))
    }
}

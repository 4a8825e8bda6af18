//! The set operators of dict key and item views (`d1.keys() & d2.keys()`,
//! `d.items() - pairs`), computed as `Objects/dictobject.c` computes them: a new set
//! made from the view (from the dict itself for the keys of a plain dict, which sizes
//! the table at once) then updated with the other operand, so the result's table, and
//! the order it prints in, are CPython's.

use super::set::{difference_update, len as set_len, symmetric_difference_update, update};
use super::consume::for_each;
use stitch_abi::*;
use crate::errors::PyResult;
use crate::objects::iter::{DictPart, IterState, is_dict_view, state_mut};
use crate::objects::Owned;
use crate::objects::set::new_set;

/// The dict and part behind a view, if `v` is a keys or items view.
fn set_view(v: Value) -> Option<(Value, DictPart)> {
    if !is_dict_view(v) {
        return None;
    }
    // SAFETY: a dict view is an `Iter` object holding a live dict.
    match unsafe { state_mut(v) } {
        IterState::Dict { dict, part: part @ (DictPart::Keys | DictPart::Items), .. } => Some((dict.get(), *part)),
        _ => None,
    }
}

/// Whether `v` is a keys or items view (the views with set operators).
pub fn is_set_view(v: Value) -> bool {
    set_view(v).is_some()
}

/// `set(view)`.
fn to_set(v: Value) -> PyResult<Owned> {
    let s = Owned(new_set(KIND_SET));
    match set_view(v) {
        Some((d, DictPart::Keys)) if crate::objects::subclass::subclass_of(d).is_none() => update(s.get(), d)?,
        _ => update(s.get(), v)?,
    }
    Ok(s)
}

/// `a (op) b` for `| & - ^` when either is a keys or items view; `None` otherwise.
pub fn binary_op(a: Value, b: Value, nb: u32) -> Option<PyResult<Value>> {
    if !matches!(nb, NB_OR | NB_AND | NB_SUBTRACT | NB_XOR) || !(is_set_view(a) || is_set_view(b)) {
        return None;
    }
    Some(match nb {
        NB_AND => intersect(a, b),
        _ => (|| {
            let s = to_set(a)?;
            match nb {
                NB_OR => update(s.get(), b)?,
                NB_SUBTRACT => difference_update(s.get(), b)?,
                _ => {
                    let other = to_set(b)?;
                    symmetric_difference_update(s.get(), other.get())?
                }
            }
            Ok(s.into_raw())
        })(),
    })
}

/// `view & other` (`_PyDictView_Intersect`): with the view on the left; a plain set
/// at least as long does the work itself; otherwise the shorter side is walked.
fn intersect(a: Value, b: Value) -> PyResult<Value> {
    let (mut view, mut other) = if is_set_view(a) { (a, b) } else { (b, a) };
    let view_len = super::types::len(view).unwrap_or(0);
    if other.is_kind(KIND_SET) && view_len <= set_len(other) {
        return super::set::intersection(other, view);
    }
    if is_set_view(other) && super::types::len(other).unwrap_or(0) > view_len {
        std::mem::swap(&mut view, &mut other);
    }
    let result = Owned(new_set(KIND_SET));
    for_each(other, |item| {
        // SAFETY: `view` is a live dict view.
        if unsafe { super::contains::view_contains(view, item.get())? } {
            super::set::add(result.get(), item.get())?;
        }
        Ok(true)
    })?;
    Ok(result.into_raw())
}

/// `view.isdisjoint(other)`: whether no item of `other` is in the view.
pub fn isdisjoint(view: Value, other: Value) -> PyResult<bool> {
    let mut disjoint = true;
    for_each(other, |item| {
        // SAFETY: callers pass a live dict view.
        if unsafe { super::contains::view_contains(view, item.get())? } {
            disjoint = false;
            return Ok(false);
        }
        Ok(true)
    })?;
    Ok(disjoint)
}

/// `a (op) b` for an ordering comparison between a keys or items view and a set or
/// another such view (`dictview_richcompare`: the subset relations); `None` otherwise.
pub fn compare(a: Value, b: Value, op: u32) -> Option<PyResult<bool>> {
    let set_like = |v: Value| is_set_view(v) || crate::objects::set::is_any_set(v);
    if !(is_set_view(a) || is_set_view(b)) || !set_like(a) || !set_like(b) {
        return None;
    }
    let as_set = |v: Value| if is_set_view(v) { to_set(v) } else { Ok(Owned::new_ref(v)) };
    Some((|| {
        let (x, y) = (as_set(a)?, as_set(b)?);
        super::set::compare(x.get(), y.get(), op)
    })())
}

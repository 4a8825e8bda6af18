//! Set algebra: what the `set`/`frozenset` methods and the `| & - ^` operators and
//! comparisons do, step for step as `Objects/setobject.c`, since the steps decide the
//! table each result ends with and so the order it prints in.

use super::consume::for_each;
use super::hash;
use stitch_abi::*;
use crate::errors::PyResult;
use crate::objects::set::{self, SetObject, as_set, is_any_set, new_set};
use crate::objects::{Owned, dict, kind};

/// The set behind `v` (checked by the caller).
fn raw(v: Value) -> *mut SetObject {
    as_set(v)
}

/// The number of items of a set.
pub fn len(v: Value) -> usize {
    // SAFETY: callers pass sets.
    unsafe { set::len(raw(v)) }
}

/// Adds `item` (borrowed) to the set `s`.
pub fn add(s: Value, item: Value) -> PyResult<()> {
    let h = hash(item)?;
    // SAFETY: `s` is a live set.
    unsafe { set::add(raw(s), item, h) }
}

/// Whether the set `s` holds `item`.
pub fn contains(s: Value, item: Value) -> PyResult<bool> {
    let h = hash(item)?;
    // SAFETY: `s` is a live set.
    unsafe { set::contains(raw(s), item, h) }
}

/// Removes `item`; whether it was there.
pub fn discard(s: Value, item: Value) -> PyResult<bool> {
    let h = hash(item)?;
    // SAFETY: `s` is a live set.
    unsafe { set::discard(raw(s), item, h) }
}

/// Adds every item of `iterable` (`set_update_internal`).
pub fn update(s: Value, iterable: Value) -> PyResult<()> {
    let so = raw(s);
    // SAFETY: `s` is a live set; a dict's entries are copied out before adding.
    unsafe {
        if is_any_set(iterable) {
            return set::merge(so, raw(iterable));
        }
        if iterable.is_kind(KIND_DICT) {
            let d = iterable.cast::<Dict>();
            set::reserve_for(so, (*d).len);
            let keys: Vec<Owned> = dict::entries(d).map(|e| Owned::new_ref(e.key)).collect();
            for k in &keys {
                add(s, k.get())?;
            }
            return Ok(());
        }
    }
    for_each(iterable, |item| {
        add(s, item.get())?;
        Ok(true)
    })
}

/// A new set or frozenset (`kind`) of the items of `iterable`.
pub fn from_iterable(kind: u8, iterable: Value) -> PyResult<Value> {
    let s = Owned(new_set(kind));
    update(s.get(), iterable)?;
    Ok(s.into_raw())
}

/// A copy of the set `v` of its own kind (`set_copy`).
pub fn copy(v: Value) -> PyResult<Value> {
    from_iterable(kind(v), v)
}

/// Active keys of a set with their hashes, held while the caller compares them.
fn held_entries(v: Value) -> Vec<(Owned, u64)> {
    // SAFETY: `v` is a live set; the keys are held before anything else runs.
    unsafe { set::entries(raw(v)) }.into_iter().map(|e| (Owned::new_ref(e.key), e.hash)).collect()
}

/// The items of any iterable as a set to search: the set itself, or a new one.
fn as_searchable(other: Value) -> PyResult<Owned> {
    if is_any_set(other) { Ok(Owned::new_ref(other)) } else { from_iterable(KIND_SET, other).map(Owned) }
}

/// `a | b` and `a.union(b)` for one `b`: a copy of `a` updated with `b`.
pub fn union(a: Value, b: Value) -> PyResult<Value> {
    let result = Owned(copy(a)?);
    if a != b {
        update(result.get(), b)?;
    }
    Ok(result.into_raw())
}

/// `a & b` and `a.intersection(b)` (`set_intersection`).
pub fn intersection(a: Value, b: Value) -> PyResult<Value> {
    if a == b {
        return copy(a);
    }
    let result = Owned(new_set(kind(a)));
    let r = raw(result.get());
    if is_any_set(b) {
        // Walk the smaller, search the larger.
        let (small, large) = if len(b) > len(a) { (a, b) } else { (b, a) };
        for (k, h) in held_entries(small) {
            // SAFETY: both are live sets.
            if unsafe { set::contains(raw(large), k.get(), h)? } {
                // SAFETY: `result` is a live set.
                unsafe { set::add(r, k.get(), h)? };
            }
        }
        return Ok(result.into_raw());
    }
    for_each(b, |item| {
        let h = hash(item.get())?;
        // SAFETY: both are live sets.
        if unsafe { set::contains(raw(a), item.get(), h)? } {
            // SAFETY: `result` is a live set.
            unsafe { set::add(r, item.get(), h)? };
        }
        Ok(true)
    })?;
    Ok(result.into_raw())
}

/// `a &= b` and `a.intersection_update(b)`: `a` takes the intersection's table.
pub fn intersection_update(a: Value, b: Value) -> PyResult<()> {
    let tmp = Owned(intersection(a, b)?);
    // SAFETY: both are live sets.
    unsafe { set::swap_bodies(raw(a), raw(tmp.get())) };
    Ok(())
}

/// `a -= b` and `a.difference_update(b)` (`set_difference_update_internal`).
pub fn difference_update(a: Value, b: Value) -> PyResult<()> {
    let so = raw(a);
    if a == b {
        // SAFETY: a live set.
        unsafe { set::clear(so) };
        return Ok(());
    }
    if is_any_set(b) {
        for (k, h) in held_entries(b) {
            // SAFETY: a live set.
            unsafe { set::discard(so, k.get(), h)? };
        }
    } else {
        for_each(b, |item| {
            discard(a, item.get())?;
            Ok(true)
        })?;
    }
    // SAFETY: a live set.
    unsafe { set::compact(so) };
    Ok(())
}

/// `a - b` and `a.difference(b)` (`set_difference`).
pub fn difference(a: Value, b: Value) -> PyResult<Value> {
    let other_len = if is_any_set(b) {
        len(b)
    } else if b.is_kind(KIND_DICT) {
        // SAFETY: a live dict.
        unsafe { (*b.cast::<Dict>()).len }
    } else {
        return copy_and_difference(a, b);
    };
    if (len(a) >> 2) > other_len {
        return copy_and_difference(a, b);
    }
    let result = Owned(new_set(kind(a)));
    let other = as_searchable(b)?;
    for (k, h) in held_entries(a) {
        // SAFETY: live sets.
        if !unsafe { set::contains(raw(other.get()), k.get(), h)? } {
            // SAFETY: a live set.
            unsafe { set::add(raw(result.get()), k.get(), h)? };
        }
    }
    Ok(result.into_raw())
}

fn copy_and_difference(a: Value, b: Value) -> PyResult<Value> {
    let result = Owned(copy(a)?);
    difference_update(result.get(), b)?;
    Ok(result.into_raw())
}

/// `a ^= b` and `a.symmetric_difference_update(b)`.
pub fn symmetric_difference_update(a: Value, b: Value) -> PyResult<()> {
    if a == b {
        // SAFETY: a live set.
        unsafe { set::clear(raw(a)) };
        return Ok(());
    }
    let other = if is_any_set(b) { Owned::new_ref(b) } else { Owned(from_iterable(kind(a), b)?) };
    for (k, h) in held_entries(other.get()) {
        // SAFETY: a live set.
        unsafe {
            if !set::discard(raw(a), k.get(), h)? {
                set::add(raw(a), k.get(), h)?;
            }
        }
    }
    Ok(())
}

/// `a ^ b` and `a.symmetric_difference(b)`: a set of `b`'s items updated with `a`.
pub fn symmetric_difference(a: Value, b: Value) -> PyResult<Value> {
    let result = Owned(from_iterable(kind(a), b)?);
    symmetric_difference_update(result.get(), a)?;
    Ok(result.into_raw())
}

/// `a <= b` for any iterable `b`.
pub fn issubset(a: Value, b: Value) -> PyResult<bool> {
    let other = as_searchable(b)?;
    if len(a) > len(other.get()) {
        return Ok(false);
    }
    for (k, h) in held_entries(a) {
        // SAFETY: a live set.
        if !unsafe { set::contains(raw(other.get()), k.get(), h)? } {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `a >= b` for any iterable `b`.
pub fn issuperset(a: Value, b: Value) -> PyResult<bool> {
    if is_any_set(b) {
        return issubset(b, a);
    }
    let mut all = true;
    for_each(b, |item| {
        all = contains(a, item.get())?;
        Ok(all)
    })?;
    Ok(all)
}

/// `a.isdisjoint(b)`.
pub fn isdisjoint(a: Value, b: Value) -> PyResult<bool> {
    if a == b {
        return Ok(len(a) == 0);
    }
    if is_any_set(b) {
        let (small, large) = if len(b) > len(a) { (a, b) } else { (b, a) };
        for (k, h) in held_entries(small) {
            // SAFETY: a live set.
            if unsafe { set::contains(raw(large), k.get(), h)? } {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let mut disjoint = true;
    for_each(b, |item| {
        disjoint = !contains(a, item.get())?;
        Ok(disjoint)
    })?;
    Ok(disjoint)
}

/// `a == b` for two sets (of either kind).
pub fn eq(a: Value, b: Value) -> PyResult<bool> {
    if len(a) != len(b) {
        return Ok(false);
    }
    if a.is_kind(KIND_FROZENSET) && b.is_kind(KIND_FROZENSET) {
        // SAFETY: live frozensets.
        let (ha, hb) = unsafe { (set::frozen_hash(raw(a)), set::frozen_hash(raw(b))) };
        if ha != hb {
            return Ok(false);
        }
    }
    issubset(a, b)
}

/// `a (op) b` for CMP_* orderings between two sets: subset and superset tests.
pub fn compare(a: Value, b: Value, op: u32) -> PyResult<bool> {
    match op {
        CMP_EQ => eq(a, b),
        CMP_NE => eq(a, b).map(|e| !e),
        CMP_LE => issubset(a, b),
        CMP_GE => issuperset(a, b),
        CMP_LT => Ok(len(a) < len(b) && issubset(a, b)?),
        _ => Ok(len(a) > len(b) && issuperset(a, b)?),
    }
}

/// `a (op) b` for the set operators when both are sets; `None` for other operators.
/// The in-place forms change a `set` and return it; on a frozenset they make a new one.
pub fn binary_op(a: Value, b: Value, nb: u32, inplace: bool) -> Option<PyResult<Value>> {
    if !is_any_set(a) || !is_any_set(b) {
        return None;
    }
    if inplace && a.is_kind(KIND_SET) {
        let r = match nb {
            NB_OR => update(a, b),
            NB_AND => intersection_update(a, b),
            NB_SUBTRACT => difference_update(a, b),
            NB_XOR => symmetric_difference_update(a, b),
            _ => return None,
        };
        return Some(r.map(|()| {
            a.incref();
            a
        }));
    }
    Some(match nb {
        NB_OR => union(a, b),
        NB_AND => intersection(a, b),
        NB_SUBTRACT => difference(a, b),
        NB_XOR => symmetric_difference(a, b),
        _ => return None,
    })
}

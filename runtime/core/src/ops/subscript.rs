//! `container[sub]`, `container[sub] = value`, `del container[sub]`.

use super::hash::hash;
use super::consume::collect;
use super::num::{as_int, index_from_int};
use super::slice::{indices, slice_items, slice_range, slice_str};
use super::types::type_name;
use stitch_abi::*;
use crate::errors::{PyErr, PyResult};
use crate::objects::slice::Slice;
use crate::objects::{self, dict, kind, list, range::Range, tuple};

/// A position from an index that may count from the end; `None` when out of range.
pub fn normalize(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i.checked_add(len as i64)? } else { i };
    (0..len as i64).contains(&i).then_some(i as usize)
}

/// The index value of `sub` for a sequence subscript, or `None` if `sub` is not an int.
fn index_of(sub: Value) -> PyResult<Option<i64>> {
    match as_int(sub) {
        Some(i) => index_from_int(i).map(Some),
        None => Ok(None),
    }
}

fn as_slice<'a>(sub: Value) -> Option<&'a Slice> {
    // SAFETY: the kind is checked; the slice outlives the borrow (it is an argument).
    sub.is_kind(KIND_SLICE).then(|| unsafe { &*sub.cast::<Slice>() })
}

pub fn key_error(key: Value) -> PyErr {
    crate::exceptions::key_error(key)
}

pub fn getitem(container: Value, sub: Value) -> PyResult<Value> {
    if let Some(r) = crate::special::getitem(container, sub) {
        return r;
    }
    // SAFETY: each arm reads the layout of the kind it matched.
    unsafe {
        match kind(container) {
            KIND_LIST => {
                let items = list::items(container.cast());
                seq_getitem(items, sub, "list", list::from_vec)
            }
            KIND_TUPLE => {
                let items = tuple::items(container.cast());
                seq_getitem(items, sub, "tuple", tuple::from_vec)
            }
            KIND_STR => str_getitem_value(container, sub),
            KIND_BYTES | KIND_BYTEARRAY => super::bytes::getitem(container, sub),
            KIND_DICT => {
                let h = hash(sub)?;
                match dict::get(container.cast(), sub, h) {
                    Some(v) => {
                        v.incref();
                        Ok(v)
                    }
                    None => {
                        super::compare::key_error_pending()?;
                        // `__missing__` of a defaultdict or Counter.
                        if let Some(r) = crate::objects::subclass::behaviour(container).and_then(|b| b.missing(container, sub)) {
                            return r;
                        }
                        Err(key_error(sub))
                    }
                }
            }
            KIND_RANGE => range_getitem(&*container.cast::<Range>(), sub),
            // `List[int]`, `dict[str, int]` in a type alias: a hint placeholder.
            KIND_TYPE => Ok(crate::objects::builtin::hint_placeholder()),
            KIND_BUILTIN if crate::objects::builtin::is_hint_placeholder(container) => {
                container.incref();
                Ok(container)
            }
            KIND_NATIVE if let Some(r) = crate::objects::native::get(container).and_then(|n| n.getitem(sub)) => r,
            _ => Err(PyErr::type_error(format!("'{}' object is not subscriptable", type_name(container)))),
        }
    }
}

fn seq_getitem(items: &[Value], sub: Value, name: &str, build: impl FnOnce(Vec<Value>) -> Value) -> PyResult<Value> {
    if let Some(i) = index_of(sub)? {
        return match normalize(i, items.len()) {
            Some(i) => {
                items[i].incref();
                Ok(items[i])
            }
            None => Err(PyErr::index_error(format!("{name} index out of range"))),
        };
    }
    if let Some(s) = as_slice(sub) {
        let ix = indices(s, items.len())?;
        return slice_items(items, &ix).map(build);
    }
    Err(PyErr::type_error(format!("{name} indices must be integers or slices, not {}", type_name(sub))))
}

/// # Safety
/// `s` is a live str.
unsafe fn str_getitem_value(s: Value, sub: Value) -> PyResult<Value> {
    // SAFETY: the caller guarantees the str.
    let st = unsafe { objects::str::as_str(s) };
    if let Some(i) = index_of(sub)? {
        return match normalize(i, st.chars) {
            Some(i) => Ok(objects::str::char_at(st, i)),
            None => Err(PyErr::index_error("string index out of range")),
        };
    }
    if let Some(sl) = as_slice(sub) {
        let ix = indices(sl, st.chars)?;
        return slice_str(st, &ix);
    }
    Err(PyErr::type_error(format!("string indices must be integers, not '{}'", type_name(sub))))
}

fn range_getitem(r: &Range, sub: Value) -> PyResult<Value> {
    if let Some(i) = as_int(sub) {
        // CPython indexes a range with any int.
        let n = r.len();
        let at = i.to_i128().and_then(|i| if i < 0 { i.checked_add(n) } else { Some(i) });
        return match at {
            Some(i) if (0..n).contains(&i) => Ok(objects::bigint::from_i128(r.at(i))),
            _ => Err(PyErr::index_error("range object index out of range")),
        };
    }
    if let Some(s) = as_slice(sub) {
        return slice_range(r, s);
    }
    Err(PyErr::type_error(format!("range indices must be integers or slices, not {}", type_name(sub))))
}

/// `s[i]` for the STR-specialized subscript: `None` when out of range.
pub fn str_getitem(s: Value, i: i64) -> Option<Value> {
    // SAFETY: the specialized instruction guards that `s` is a str.
    let st = unsafe { objects::str::as_str(s) };
    normalize(i, st.chars).map(|i| objects::str::char_at(st, i))
}

/// `container[sub] = value`; `value` is borrowed (what is stored is a new reference).
pub fn setitem(container: Value, sub: Value, value: Value) -> PyResult<()> {
    if let Some(r) = crate::special::setitem(container, sub, value) {
        return r;
    }
    match kind(container) {
        KIND_LIST => list_setitem(container.cast(), sub, value),
        KIND_BYTEARRAY => super::bytes::setitem(container, sub, value),
        KIND_DICT => {
            let h = hash(sub)?;
            sub.incref();
            value.incref();
            // SAFETY: the kind was checked; key and value are new references.
            unsafe { dict::set(container.cast(), sub, h, value) };
            super::compare::key_error_pending()
        }
        KIND_NATIVE if let Some(r) = crate::objects::native::get(container).and_then(|n| n.setitem(sub, value)) => r,
        _ => Err(PyErr::type_error(format!("'{}' object does not support item assignment", type_name(container)))),
    }
}

fn list_setitem(l: *mut List, sub: Value, value: Value) -> PyResult<()> {
    if let Some(i) = index_of(sub)? {
        // SAFETY: `l` is a live list.
        unsafe {
            let Some(i) = normalize(i, (*l).len) else {
                return Err(PyErr::index_error("list assignment index out of range"));
            };
            value.incref();
            let slot = (*l).items.add(i);
            let old = *slot;
            *slot = value;
            old.decref();
        }
        return Ok(());
    }
    if let Some(s) = as_slice(sub) {
        return list_set_slice(l, s, value);
    }
    Err(PyErr::type_error(format!("list indices must be integers or slices, not {}", type_name(sub))))
}

/// `lst[a:b:c] = iterable`. The new items are collected first, so `a[:] = a` works.
fn list_set_slice(l: *mut List, s: &Slice, value: Value) -> PyResult<()> {
    if !super::iter::is_iterable(value) {
        return Err(PyErr::type_error("can only assign an iterable"));
    }
    let new = collect(value)?;
    // SAFETY: `l` is a live list; nothing else touches it meanwhile.
    unsafe {
        let ix = indices(s, (*l).len)?;
        if ix.step == 1 {
            let start = ix.start as usize;
            let old: Vec<Value> = list::with_vec(l, |v| v.splice(start..start + ix.len, new).collect());
            for v in old {
                v.decref();
            }
            return Ok(());
        }
        if new.len() != ix.len {
            let (got, want) = (new.len(), ix.len);
            for v in new {
                v.decref();
            }
            return Err(PyErr::value_error(format!(
                "attempt to assign sequence of size {got} to extended slice of size {want}"
            )));
        }
        for (pos, v) in ix.positions().zip(new) {
            let slot = (*l).items.add(pos);
            let old = *slot;
            *slot = v;
            old.decref();
        }
    }
    Ok(())
}

pub fn delitem(container: Value, sub: Value) -> PyResult<()> {
    if let Some(r) = crate::special::delitem(container, sub) {
        return r;
    }
    match kind(container) {
        KIND_LIST => list_delitem(container.cast(), sub),
        KIND_BYTEARRAY => super::bytes::delitem(container, sub),
        KIND_DICT => {
            let h = hash(sub)?;
            // SAFETY: the kind was checked.
            match unsafe { dict::remove(container.cast(), sub, h) } {
                Some(v) => {
                    v.decref();
                    Ok(())
                }
                None => {
                    super::compare::key_error_pending()?;
                    Err(key_error(sub))
                }
            }
        }
        KIND_TUPLE | KIND_STR | KIND_RANGE | KIND_BYTES => {
            Err(PyErr::type_error(format!("'{}' object doesn't support item deletion", type_name(container))))
        }
        _ => Err(PyErr::type_error(format!("'{}' object does not support item deletion", type_name(container)))),
    }
}

fn list_delitem(l: *mut List, sub: Value) -> PyResult<()> {
    if let Some(i) = index_of(sub)? {
        // SAFETY: `l` is a live list.
        let removed = unsafe {
            let Some(i) = normalize(i, (*l).len) else {
                return Err(PyErr::index_error("list assignment index out of range"));
            };
            list::with_vec(l, |v| v.remove(i))
        };
        removed.decref();
        return Ok(());
    }
    if let Some(s) = as_slice(sub) {
        // SAFETY: `l` is a live list.
        let removed: Vec<Value> = unsafe {
            let ix = indices(s, (*l).len)?;
            let mut doomed = vec![false; (*l).len];
            for p in ix.positions() {
                doomed[p] = true;
            }
            list::with_vec(l, |v| {
                let mut removed = Vec::with_capacity(ix.len);
                let mut k = 0;
                v.retain(|&x| {
                    let keep = !doomed[k];
                    k += 1;
                    if !keep {
                        removed.push(x);
                    }
                    keep
                });
                removed
            })
        };
        for v in removed {
            v.decref();
        }
        return Ok(());
    }
    Err(PyErr::type_error(format!("list indices must be integers or slices, not {}", type_name(sub))))
}

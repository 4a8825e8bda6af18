//! `item in container`.

use super::compare::eq;
use super::hash::hash;
use super::consume::for_each;
use super::iter::is_iterable;
use super::num::{Num, as_num};
use super::types::type_name;
use stitch_abi::*;
use crate::errors::{PyErr, PyResult};
use crate::objects::iter::{DictPart, IterState, is_dict_view, state_mut};
use crate::objects::{self, dict, kind, list, range::Range, tuple};

pub fn contains(container: Value, item: Value) -> PyResult<bool> {
    if let Some(r) = crate::special::contains(container, item) {
        return r;
    }
    // SAFETY: each arm reads the layout of the kind it matched.
    unsafe {
        match kind(container) {
            KIND_LIST => seq_contains(list::items(container.cast()), item),
            KIND_TUPLE => seq_contains(tuple::items(container.cast()), item),
            KIND_DICT => dict_contains(container.cast(), item),
            // A set looked for in a set is looked for as a frozenset, as CPython does.
            KIND_SET | KIND_FROZENSET if item.is_kind(KIND_SET) => {
                let frozen = objects::Owned(super::set::from_iterable(KIND_FROZENSET, item)?);
                super::set::contains(container, frozen.get())
            }
            KIND_SET | KIND_FROZENSET => super::set::contains(container, item),
            KIND_STR => {
                if !item.is_kind(KIND_STR) {
                    return Err(PyErr::type_error(format!(
                        "'in <string>' requires string as left operand, not {}",
                        type_name(item)
                    )));
                }
                let (s, sub) = (objects::str::as_str(container), objects::str::as_str(item));
                if s.has_surrogates() || sub.has_surrogates() {
                    // Generalized UTF-8 is self-synchronizing, as UTF-8 is: a byte match
                    // is a code point match.
                    let (h, n) = (s.bytes(), sub.bytes());
                    return Ok(n.is_empty() || h.windows(n.len()).any(|w| w == n));
                }
                Ok(s.text()?.contains(sub.text()?))
            }
            KIND_BYTES | KIND_BYTEARRAY => super::bytes::contains(container, item),
            KIND_RANGE => range_contains(&*container.cast::<Range>(), item),
            KIND_DICT_ITER if is_dict_view(container) => view_contains(container, item),
            _ if is_iterable(container) => {
                // Iterators are consumed up to the item, as in CPython.
                let mut found = false;
                for_each(container, |x| {
                    found = x.get() == item || eq(x.get(), item)?;
                    Ok(!found)
                })?;
                Ok(found)
            }
            _ => Err(PyErr::type_error(format!("argument of type '{}' is not iterable", type_name(container)))),
        }
    }
}

/// The same value counts as contained without a comparison (CPython's identity
/// shortcut; an unboxed float is "the same object" when its bits are).
fn seq_contains(items: &[Value], item: Value) -> PyResult<bool> {
    for &x in items {
        if x == item || eq(x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// # Safety
/// `d` is a live dict.
pub unsafe fn dict_contains(d: *mut Dict, key: Value) -> PyResult<bool> {
    let h = hash(key)?;
    // SAFETY: the caller guarantees the dict.
    let found = unsafe { dict::find(d, key, h) }.is_some();
    super::compare::key_error_pending()?;
    Ok(found)
}

/// Ints are checked arithmetically; other values are compared with each item, as
/// CPython does (`1.0 in range(3)` is True).
fn range_contains(r: &Range, item: Value) -> PyResult<bool> {
    if let Some(Num::Int(i)) = as_num(item) {
        // Range bounds are i128s, so a big int beyond them is never inside.
        let Some(x) = i.to_i128() else { return Ok(false) };
        let (start, stop, step) = (r.start, r.stop, r.step);
        let inside = if step > 0 { start <= x && x < stop } else { stop < x && x <= start };
        return Ok(inside && (x - start) % step == 0);
    }
    for k in 0..r.len() {
        let v = objects::bigint::from_i128(r.at(k));
        let equal = eq(v, item);
        v.decref();
        if equal? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// # Safety
/// `view` is a live dict view.
pub(crate) unsafe fn view_contains(view: Value, item: Value) -> PyResult<bool> {
    // SAFETY: views are `Iter` objects holding a live dict.
    unsafe {
        let (d, part) = match state_mut(view) {
            IterState::Dict { dict, part, .. } => (dict.get().cast::<Dict>(), *part),
            _ => return Ok(false),
        };
        match part {
            DictPart::Keys => dict_contains(d, item),
            DictPart::Values => {
                let values: Vec<Value> = dict::entries(d).map(|e| e.value).collect();
                seq_contains(&values, item)
            }
            DictPart::Items => {
                // `(k, v) in d.items()`: look the key up, compare the value.
                if !item.is_kind(KIND_TUPLE) {
                    return Ok(false);
                }
                let kv = tuple::items(item.cast());
                if kv.len() != 2 {
                    return Ok(false);
                }
                let h = hash(kv[0])?;
                match dict::get(d, kv[0], h) {
                    Some(v) => Ok(v == kv[1] || eq(v, kv[1])?),
                    None => {
                        super::compare::key_error_pending()?;
                        Ok(false)
                    }
                }
            }
        }
    }
}

//! The binary operators on sequences: concatenation (`+`), repetition (`*`), and
//! the in-place `lst += iterable`.

use super::consume::collect;
use super::num::{Int, Num, as_num};
use super::types::type_name;
use stitch_abi::*;
use crate::errors::{ExcKind, PyErr, PyResult};
use crate::memory;
use crate::objects::{self, kind, list, tuple};

/// Result sizes beyond this are a MemoryError instead of an allocation failure.
const MAX_ITEMS: usize = 1 << 36;

/// `a + b` when `a` is a str, list or tuple; `None` when `a` is not a sequence.
pub fn concat(a: Value, b: Value, inplace: bool) -> Option<PyResult<Value>> {
    let name = match kind(a) {
        KIND_STR => "str",
        KIND_LIST => "list",
        KIND_TUPLE => "tuple",
        _ => return None,
    };
    if inplace && a.is_kind(KIND_LIST) {
        return Some(extend_in_place(a, b));
    }
    if kind(a) == KIND_STR && kind(b) == KIND_STR {
        return Some(try_str_concat(a, b));
    }
    if kind(b) != kind(a) {
        return Some(Err(PyErr::type_error(format!(
            "can only concatenate {name} (not \"{}\") to {name}",
            type_name(b)
        ))));
    }
    // SAFETY: both are live objects of the kind just checked.
    Some(unsafe {
        match kind(a) {
            KIND_LIST => joined(list::items(a.cast()), list::items(b.cast())).map(list::from_vec),
            _ => joined(tuple::items(a.cast()), tuple::items(b.cast())).and_then(tuple::try_from_vec),
        }
    })
}

fn joined(a: &[Value], b: &[Value]) -> PyResult<Vec<Value>> {
    let mut out = memory::vec_with_capacity(a.len().checked_add(b.len()).ok_or_else(memory::no_memory)?)?;
    for &v in a.iter().chain(b) {
        v.incref();
        out.push(v);
    }
    Ok(out)
}

/// `lst += iterable`: extends the list in place and returns it.
fn extend_in_place(l: Value, other: Value) -> PyResult<Value> {
    extend(l, other)?;
    l.incref();
    Ok(l)
}

/// `lst.extend(iterable)` (also `lst += iterable`). The new items are collected
/// first, so `lst.extend(lst)` doubles the list once.
pub fn extend(l: Value, other: Value) -> PyResult<()> {
    let items = collect(other)?;
    // SAFETY: `l` is a live list.
    let grown = unsafe { list::with_vec(l.cast(), |v| memory::reserve(v, items.len())) };
    if let Err(e) = grown {
        for v in items {
            v.decref();
        }
        return Err(e);
    }
    // SAFETY: as above; the room is reserved.
    unsafe { list::with_vec(l.cast(), |v| v.extend(items)) };
    Ok(())
}

/// Two strs concatenated, as a new str; MemoryError when there is no room.
pub fn try_str_concat(a: Value, b: Value) -> PyResult<Value> {
    // SAFETY: the callers check (or the specialized instruction guards) that both are strs.
    unsafe { objects::str::concat(a, b) }
}

/// `seq * n` or `n * seq`; `None` when neither side is a sequence.
pub fn repeat(a: Value, b: Value) -> Option<PyResult<Value>> {
    let (seq, count) = if is_sequence(a) {
        (a, b)
    } else if is_sequence(b) {
        (b, a)
    } else {
        return None;
    };
    let n = match as_num(count) {
        Some(Num::Int(Int::Small(n))) => n.max(0) as usize,
        Some(Num::Int(Int::Big(_))) => {
            // CPython converts the count to a machine word first, whatever its sign.
            return Some(Err(PyErr::overflow("cannot fit 'int' into an index-sized integer")));
        }
        _ => {
            return Some(Err(PyErr::type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                type_name(count)
            ))));
        }
    };
    Some(repeat_n(seq, n))
}

/// `lst *= n`: repeats the list's items in place (others holding the list see it) and
/// returns it.
pub fn repeat_in_place(l: Value, count: Value) -> Option<PyResult<Value>> {
    Some(repeat_count(count).and_then(|n| {
        // SAFETY: `l` is a live list; the copies are made before the list changes.
        let items = repeated(unsafe { list::items(l.cast()) }, n)?;
        // SAFETY: as above; the old items' references are released after the swap.
        let old = unsafe { list::with_vec(l.cast(), |v| std::mem::replace(v, items)) };
        for v in old {
            v.decref();
        }
        l.incref();
        Ok(l)
    }))
}

/// The count of a repetition: negative counts are 0.
fn repeat_count(count: Value) -> PyResult<usize> {
    match as_num(count) {
        Some(Num::Int(Int::Small(n))) => Ok(n.max(0) as usize),
        // CPython converts the count to a machine word first, whatever its sign.
        Some(Num::Int(Int::Big(_))) => Err(PyErr::overflow("cannot fit 'int' into an index-sized integer")),
        _ => Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(count)))),
    }
}

fn is_sequence(v: Value) -> bool {
    matches!(kind(v), KIND_STR | KIND_LIST | KIND_TUPLE)
}

fn repeat_n(seq: Value, n: usize) -> PyResult<Value> {
    // SAFETY: `seq` is a live str, list or tuple.
    unsafe {
        match kind(seq) {
            KIND_STR if objects::str::as_str(seq).has_surrogates() => {
                let bytes = objects::str::bytes(seq);
                if bytes.len().checked_mul(n).is_none_or(|total| total > isize::MAX as usize) {
                    return Err(PyErr::overflow("repeated string is too long"));
                }
                check_size(bytes.len(), n)?;
                let mut out: Vec<u8> = memory::vec_with_capacity(bytes.len().saturating_mul(n))?;
                for _ in 0..n {
                    out.extend_from_slice(bytes);
                }
                Ok(objects::str::from_wtf8(out))
            }
            KIND_STR => {
                let text = objects::str::text(seq)?;
                if text.len().checked_mul(n).is_none_or(|total| total > isize::MAX as usize) {
                    return Err(PyErr::overflow("repeated string is too long"));
                }
                check_size(text.len(), n)?;
                let mut out = memory::string_with_capacity(text.len() * n)?;
                for _ in 0..n {
                    out.push_str(text);
                }
                Ok(objects::str::from_string(out))
            }
            KIND_LIST => Ok(list::from_vec(repeated(list::items(seq.cast()), n)?)),
            _ => tuple::try_from_vec(repeated(tuple::items(seq.cast()), n)?),
        }
    }
}

fn check_size(len: usize, n: usize) -> PyResult<()> {
    match len.checked_mul(n) {
        Some(total) if total <= MAX_ITEMS => Ok(()),
        _ => Err(PyErr::bare(ExcKind::MemoryError)),
    }
}

fn repeated(items: &[Value], n: usize) -> PyResult<Vec<Value>> {
    check_size(items.len(), n)?;
    let mut out = memory::vec_with_capacity(items.len() * n)?;
    for _ in 0..n {
        for &v in items {
            v.incref();
            out.push(v);
        }
    }
    Ok(out)
}

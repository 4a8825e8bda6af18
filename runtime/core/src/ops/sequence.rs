//! The binary operators on sequences: concatenation (`+`), repetition (`*`), and
//! the in-place `lst += iterable`.

use super::consume::collect;
use super::num::{Int, Num, as_num};
use super::types::type_name;
use stitch_abi::*;
use crate::errors::{ExcKind, PyErr, PyResult};
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
    if kind(b) != kind(a) {
        return Some(Err(PyErr::type_error(format!(
            "can only concatenate {name} (not \"{}\") to {name}",
            type_name(b)
        ))));
    }
    // SAFETY: both are live objects of the kind just checked.
    Some(Ok(unsafe {
        match kind(a) {
            KIND_STR => str_concat(a, b),
            KIND_LIST => list::from_vec(joined(list::items(a.cast()), list::items(b.cast()))),
            _ => tuple::from_vec(joined(tuple::items(a.cast()), tuple::items(b.cast()))),
        }
    }))
}

fn joined(a: &[Value], b: &[Value]) -> Vec<Value> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    for &v in a.iter().chain(b) {
        v.incref();
        out.push(v);
    }
    out
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
    unsafe { list::with_vec(l.cast(), |v| v.extend(items)) };
    Ok(())
}

/// Two strs concatenated, as a new str.
pub fn str_concat(a: Value, b: Value) -> Value {
    // SAFETY: the callers check (or the specialized instruction guards) that both are strs.
    let (x, y) = unsafe { (objects::str::text(a), objects::str::text(b)) };
    let mut s = String::with_capacity(x.len() + y.len());
    s.push_str(x);
    s.push_str(y);
    objects::str::from_string(s)
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
        Some(Num::Int(i @ Int::Big(_))) => {
            if i.is_negative() {
                0
            } else {
                return Some(Err(PyErr::overflow("cannot fit 'int' into an index-sized integer")));
            }
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

fn is_sequence(v: Value) -> bool {
    matches!(kind(v), KIND_STR | KIND_LIST | KIND_TUPLE)
}

fn repeat_n(seq: Value, n: usize) -> PyResult<Value> {
    // SAFETY: `seq` is a live str, list or tuple.
    unsafe {
        match kind(seq) {
            KIND_STR => {
                let text = objects::str::text(seq);
                if text.len().checked_mul(n).is_none_or(|total| total > isize::MAX as usize) {
                    return Err(PyErr::overflow("repeated string is too long"));
                }
                check_size(text.len(), n)?;
                Ok(objects::str::from_string(text.repeat(n)))
            }
            KIND_LIST => Ok(list::from_vec(repeated(list::items(seq.cast()), n)?)),
            _ => Ok(tuple::from_vec(repeated(tuple::items(seq.cast()), n)?)),
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
    let mut out = Vec::with_capacity(items.len() * n);
    for _ in 0..n {
        for &v in items {
            v.incref();
            out.push(v);
        }
    }
    Ok(out)
}

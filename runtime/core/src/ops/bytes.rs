//! The operations of `bytes` and `bytearray` that are not methods: `+`, `*`,
//! subscripts (reading, and a bytearray's item and slice assignment and deletion),
//! and `in`, with CPython's errors.

use super::consume::collect;
use super::num::{Int, Num, as_int, as_num, index_from_int, require_int};
use super::slice::indices;
use super::subscript::normalize;
use super::types::type_name;
use stitch_abi::*;
use crate::errors::{ExcKind, PyErr, PyResult};
use crate::memory;
use crate::objects::bytes::{bytes_of, data, data_mut, is_bytes_like, new_like};
use crate::objects::slice::Slice;
use crate::objects::{Owned, kind};

/// Results beyond this many bytes are a MemoryError instead of an allocation failure.
const MAX_BYTES: usize = 1 << 36;

fn out_of_range() -> PyErr {
    PyErr::value_error("byte must be in range(0, 256)")
}

/// An int that must be a byte (`bytearray.append(x)`, `ba[i] = x`, `x in b`).
pub fn byte_value(v: Value) -> PyResult<u8> {
    match require_int(v)?.to_i64() {
        Some(i) if (0..256).contains(&i) => Ok(i as u8),
        _ => Err(out_of_range()),
    }
}

/// The bytes of a bytes-like argument; CPython's TypeError for anything else.
pub fn needle(v: Value) -> PyResult<Vec<u8>> {
    bytes_of(v).ok_or_else(|| PyErr::type_error(format!("a bytes-like object is required, not '{}'", type_name(v))))
}

/// The bytes of an iterable of ints (the constructors, `extend`, slice assignment).
pub fn ints_of(v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_of(v) {
        return Ok(b);
    }
    let items: Vec<Owned> = collect(v)?.into_iter().map(Owned).collect();
    items.iter().map(|x| byte_value(x.get())).collect()
}

/// `a + b` and `a * n` (and their in-place forms) where `a` is bytes-like; `None`
/// when `a` is not.
pub fn binary(a: Value, b: Value, nb: u32, inplace: bool) -> Option<PyResult<Value>> {
    match nb {
        NB_ADD if is_bytes_like(a) => Some(concat(a, b, inplace)),
        NB_MULTIPLY if is_bytes_like(a) => Some(repeat(a, b, inplace)),
        NB_MULTIPLY if is_bytes_like(b) && as_int(a).is_some() => Some(repeat(b, a, false)),
        NB_REMAINDER if is_bytes_like(a) => Some(super::printf::format_bytes(a, b)),
        _ => None,
    }
}

fn concat(a: Value, b: Value, inplace: bool) -> PyResult<Value> {
    let Some(right) = bytes_of(b) else {
        return Err(PyErr::type_error(format!("can't concat {} to {}", type_name(b), type_name(a))));
    };
    if inplace && a.is_kind(KIND_BYTEARRAY) {
        // SAFETY: a live bytearray; the right side was copied out.
        let buf = unsafe { data_mut(a) };
        memory::reserve(buf, right.len())?;
        buf.extend_from_slice(&right);
        a.incref();
        return Ok(a);
    }
    // SAFETY: a live bytes-like object, borrowed only to copy it.
    let left = unsafe { data(a) };
    let mut out = memory::vec_with_capacity(left.len() + right.len())?;
    out.extend_from_slice(left);
    out.extend_from_slice(&right);
    Ok(new_like(a, out))
}

fn repeat(seq: Value, count: Value, inplace: bool) -> PyResult<Value> {
    let n = match as_num(count) {
        Some(Num::Int(Int::Small(n))) => n.max(0) as usize,
        Some(Num::Int(Int::Big(_))) => return Err(PyErr::overflow("cannot fit 'int' into an index-sized integer")),
        _ => return Err(PyErr::type_error(format!("can't multiply sequence by non-int of type '{}'", type_name(count)))),
    };
    // SAFETY: a live bytes-like object, copied out before anything changes.
    let one = unsafe { data(seq) }.to_vec();
    if one.len().checked_mul(n).is_none_or(|total| total > MAX_BYTES) {
        return Err(PyErr::bare(ExcKind::MemoryError));
    }
    let out = one.repeat(n);
    if inplace && seq.is_kind(KIND_BYTEARRAY) {
        // SAFETY: a live bytearray; no borrow of its buffer is in use.
        unsafe { *data_mut(seq) = out };
        seq.incref();
        return Ok(seq);
    }
    Ok(new_like(seq, out))
}

fn as_slice<'a>(sub: Value) -> Option<&'a Slice> {
    // SAFETY: the kind is checked; the slice outlives the borrow (it is an argument).
    sub.is_kind(KIND_SLICE).then(|| unsafe { &*sub.cast::<Slice>() })
}

/// What CPython calls the object in its index errors: "index" for bytes,
/// "bytearray index" for a bytearray.
fn index_name(v: Value) -> &'static str {
    if v.is_kind(KIND_BYTEARRAY) { "bytearray index" } else { "index" }
}

fn indices_error(v: Value, sub: Value) -> PyErr {
    let name = if v.is_kind(KIND_BYTEARRAY) { "bytearray" } else { "byte" };
    PyErr::type_error(format!("{name} indices must be integers or slices, not {}", type_name(sub)))
}

/// `b[i]` (an int) or `b[i:j:k]` (of the same kind).
pub fn getitem(v: Value, sub: Value) -> PyResult<Value> {
    // SAFETY: a live bytes-like object; nothing runs while it is borrowed.
    let d = unsafe { data(v) };
    if let Some(i) = as_int(sub) {
        let i = index_from_int(i)?;
        return match normalize(i, d.len()) {
            Some(i) => Ok(Value::int(d[i] as i64)),
            None => Err(PyErr::index_error(format!("{} out of range", index_name(v)))),
        };
    }
    if let Some(s) = as_slice(sub) {
        let ix = indices(s, d.len())?;
        return Ok(new_like(v, ix.positions().map(|p| d[p]).collect()));
    }
    Err(indices_error(v, sub))
}

/// `ba[i] = x` and `ba[i:j:k] = bytes-like or iterable of ints`.
pub fn setitem(v: Value, sub: Value, value: Value) -> PyResult<()> {
    if let Some(i) = as_int(sub) {
        let i = index_from_int(i)?;
        let b = byte_value(value)?;
        // SAFETY: a live bytearray; no other borrow of its buffer is in use.
        let buf = unsafe { data_mut(v) };
        let Some(i) = normalize(i, buf.len()) else {
            return Err(PyErr::index_error("bytearray index out of range"));
        };
        buf[i] = b;
        return Ok(());
    }
    let Some(s) = as_slice(sub) else {
        return Err(indices_error(v, sub));
    };
    if value.is_kind(KIND_STR) || as_int(value).is_some() || !super::iter::is_iterable(value) {
        return Err(PyErr::type_error(format!(
            "can assign only bytes, buffers, or iterables of ints in range(0, 256)"
        )));
    }
    let new = ints_of(value)?;
    // SAFETY: a live bytearray; the new bytes were collected first.
    let buf = unsafe { data_mut(v) };
    let ix = indices(s, buf.len())?;
    if ix.step == 1 {
        let start = ix.start as usize;
        buf.splice(start..start + ix.len, new);
        return Ok(());
    }
    if new.len() != ix.len {
        return Err(PyErr::value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            new.len(),
            ix.len
        )));
    }
    for (pos, b) in ix.positions().zip(new) {
        buf[pos] = b;
    }
    Ok(())
}

/// `del ba[i]` and `del ba[i:j:k]`.
pub fn delitem(v: Value, sub: Value) -> PyResult<()> {
    // SAFETY: a live bytearray; no other borrow of its buffer is in use.
    let buf = unsafe { data_mut(v) };
    if let Some(i) = as_int(sub) {
        let i = index_from_int(i)?;
        let Some(i) = normalize(i, buf.len()) else {
            return Err(PyErr::index_error("bytearray index out of range"));
        };
        buf.remove(i);
        return Ok(());
    }
    let Some(s) = as_slice(sub) else {
        return Err(indices_error(v, sub));
    };
    let ix = indices(s, buf.len())?;
    let mut doomed = vec![false; buf.len()];
    for p in ix.positions() {
        doomed[p] = true;
    }
    let mut k = 0;
    buf.retain(|_| {
        k += 1;
        !doomed[k - 1]
    });
    Ok(())
}

/// `x in b`: an int is looked for as a byte, a bytes-like object as a substring.
pub fn contains(v: Value, item: Value) -> PyResult<bool> {
    if as_int(item).is_some() {
        let b = byte_value(item)?;
        // SAFETY: a live bytes-like object.
        return Ok(unsafe { data(v) }.contains(&b));
    }
    let n = needle(item)?;
    // SAFETY: as above.
    Ok(find(unsafe { data(v) }, &n, 0).is_some())
}

/// The first position at or after `from` where `n` occurs in `h`.
pub fn find(h: &[u8], n: &[u8], from: usize) -> Option<usize> {
    if n.is_empty() {
        return (from <= h.len()).then_some(from);
    }
    if from >= h.len() {
        return None;
    }
    h[from..].windows(n.len()).position(|w| w == n).map(|p| p + from)
}

/// Whether `kind(v)` is one the operations here serve.
pub fn serves(v: Value) -> bool {
    matches!(kind(v), KIND_BYTES | KIND_BYTEARRAY)
}

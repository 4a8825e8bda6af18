//! `bytes` and `bytearray`: a header and a byte buffer. Both kinds share the struct;
//! only a bytearray's buffer ever changes. They hold no references, so they are leaves
//! for the cycle collector and are allocated untracked, as a str is.

use super::{header, new_object};
use stitch_abi::{KIND_BYTEARRAY, KIND_BYTES, Object, Value};
use std::cell::{Cell, UnsafeCell};

#[repr(C)]
pub struct Bytes {
    pub header: Object,
    /// Cached hash of a bytes (0: not computed yet; a bytearray has none).
    hash: Cell<u64>,
    data: UnsafeCell<Vec<u8>>,
}

/// A new `bytes` holding `data`.
pub fn new_bytes(data: Vec<u8>) -> Value {
    new_object(Bytes { header: header(KIND_BYTES), hash: Cell::new(0), data: UnsafeCell::new(data) })
}

/// A new `bytearray` holding `data`.
pub fn new_bytearray(data: Vec<u8>) -> Value {
    new_object(Bytes { header: header(KIND_BYTEARRAY), hash: Cell::new(0), data: UnsafeCell::new(data) })
}

/// A new object of the same kind as `like` (bytes or bytearray) holding `data`:
/// slices, `+`, `*` and most methods keep the kind of their receiver.
pub fn new_like(like: Value, data: Vec<u8>) -> Value {
    if like.is_kind(KIND_BYTEARRAY) { new_bytearray(data) } else { new_bytes(data) }
}

/// Whether `v` is a bytes or a bytearray (a bytes-like object).
pub fn is_bytes_like(v: Value) -> bool {
    v.is_kind(KIND_BYTES) || v.is_kind(KIND_BYTEARRAY)
}

/// The bytes of a bytes or bytearray, borrowed.
///
/// # Safety
/// `v` is a live bytes or bytearray, and a bytearray is not changed while the slice is
/// used.
pub unsafe fn data<'a>(v: Value) -> &'a [u8] {
    // SAFETY: guaranteed by the caller.
    unsafe { &*(*v.cast::<Bytes>()).data.get() }
}

/// The bytes of `v` if it is bytes-like (copied out, so callers may run code).
pub fn bytes_of(v: Value) -> Option<Vec<u8>> {
    // SAFETY: the kind is checked, and the copy is made at once.
    is_bytes_like(v).then(|| unsafe { data(v) }.to_vec())
}

/// A bytearray's buffer, to change.
///
/// # Safety
/// `v` is a live bytearray and no other borrow of its buffer is in use.
pub unsafe fn data_mut<'a>(v: Value) -> &'a mut Vec<u8> {
    debug_assert!(v.is_kind(KIND_BYTEARRAY));
    // SAFETY: guaranteed by the caller.
    unsafe { &mut *(*v.cast::<Bytes>()).data.get() }
}

/// The hash of a bytes (cached): the same function as a str's over its bytes, so an
/// ASCII bytes hashes as the str of the same text does, as in CPython.
///
/// # Safety
/// `v` is a live bytes.
pub unsafe fn hash(v: Value) -> u64 {
    // SAFETY: guaranteed by the caller.
    let b = unsafe { &*v.cast::<Bytes>() };
    let h = b.hash.get();
    if h != 0 {
        return h;
    }
    // SAFETY: a bytes never changes.
    let h = super::str::hash_bytes(unsafe { data(v) });
    b.hash.set(h);
    h
}

/// # Safety
/// `v` has no references left.
pub unsafe fn free(v: *mut Bytes) {
    // SAFETY: allocated by `new_object` (a Box) and no longer referenced.
    drop(unsafe { Box::from_raw(v) });
}

/// CPython's repr of bytes: `b'...'` with `'` as the quote unless the bytes hold a
/// `'` and no `"`; printable ASCII as itself, `\t \n \r` named, the rest `\xhh`.
pub fn repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in data {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{c:02x}")),
        }
    }
    out.push(quote);
    out
}

/// The repr of a bytes or bytearray value (`bytearray(b'...')` for the latter).
///
/// # Safety
/// `v` is a live bytes or bytearray.
pub unsafe fn repr_value(v: Value) -> String {
    // SAFETY: guaranteed by the caller.
    let r = repr(unsafe { data(v) });
    if v.is_kind(KIND_BYTEARRAY) { format!("bytearray({r})") } else { r }
}

//! `str`: immutable text. Python indexes strings by character, so each string knows
//! its length in characters, and ASCII strings (the common case) index by byte.
//! A str holding a lone surrogate keeps its bytes in generalized UTF-8 (`wtf8`) and is
//! flagged: only the operations written over bytes (`bytes()`) serve it, every other
//! one asks `text()`, which refuses it rather than hand out invalid UTF-8.

use super::{header, immortal_header, new_object};
use stitch_abi::{KIND_STR, Object, Value};
use crate::errors::{PyErr, PyResult};
use std::cell::Cell;
use std::sync::OnceLock;

/// The refusal of an operation stitch has no byte-level version of on a str holding a
/// lone surrogate.
#[cold]
fn refused() -> PyErr {
    PyErr::unsupported("lone surrogates in str (this operation on a str holding one)")
}

/// A str's bytes are a prefix of a buffer. A str *owns* its buffer (`owner` is NULL)
/// or *borrows* a prefix of the buffer of a longer str it holds a reference to. Only an
/// owner can grow: `s + t` where `s` owns a buffer with room after its bytes writes `t`
/// there, and the result takes the buffer over (`s` now borrows from it). Nobody reads
/// past their own length, and a buffer never moves while borrowed, so `s += "ab"` in a
/// loop is amortized linear, as CPython's in-place append is, in every tier.
#[repr(C)]
pub struct Str {
    pub header: Object,
    /// Cached hash (0: not computed yet).
    hash: Cell<u64>,
    /// Length in characters.
    pub chars: usize,
    ptr: *mut u8,
    /// Length in bytes.
    len: usize,
    /// The buffer's capacity in bytes while this str owns it (0 when it borrows).
    cap: Cell<usize>,
    /// The str whose buffer this one borrows (a reference), or NULL.
    owner: Cell<Value>,
    /// The bytes hold a lone surrogate (so are not UTF-8).
    surrogates: bool,
}

impl Str {
    /// The text; a str holding a lone surrogate has none as Rust text, and the
    /// operation asking is refused as outside the subset.
    #[inline]
    pub fn text(&self) -> PyResult<&str> {
        if self.surrogates {
            return Err(refused());
        }
        // SAFETY: without surrogates the bytes are UTF-8 (every constructor checks).
        Ok(unsafe { std::str::from_utf8_unchecked(self.bytes()) })
    }

    /// The bytes, in generalized UTF-8 (plain UTF-8 unless `has_surrogates`).
    #[inline]
    pub fn bytes(&self) -> &[u8] {
        // SAFETY: `ptr` holds `len` initialized bytes that never change while this str
        // lives (appends write past every existing str's end).
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }

    pub fn has_surrogates(&self) -> bool {
        self.surrogates
    }

    /// The text for a message: each surrogate as `\udXXX`, as CPython writes a str to
    /// stderr.
    pub fn display(&self) -> std::borrow::Cow<'_, str> {
        match self.text() {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(_) => std::borrow::Cow::Owned(super::wtf8::escaped(self.bytes())),
        }
    }

    pub fn is_ascii(&self) -> bool {
        self.chars == self.len
    }

    /// The hash, computed once: FNV-1a, never 0.
    pub fn hash(&self) -> u64 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        let h = hash_bytes(self.bytes());
        self.hash.set(h);
        h
    }
}

/// The hash a str of `text` has (FNV-1a, never 0): lets a lookup by name probe a dict
/// of str keys without making a str.
pub fn hash_text(text: &str) -> u64 {
    hash_bytes(text.as_bytes())
}

/// FNV-1a over a str's bytes (generalized UTF-8 for one holding surrogates), never 0.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    if h == 0 { 1 } else { h }
}

/// Hashes identifiers as strs do (FNV-1a): interning sits on attribute stores.
#[derive(Default)]
struct TextHasher(u64);

impl std::hash::Hasher for TextHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        // `str`'s Hash writes the bytes, then a 0xff terminator.
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Interned = std::collections::HashMap<Box<str>, Value, std::hash::BuildHasherDefault<TextHasher>>;

thread_local! {
    /// Identifiers made into strs once (each holds one reference from here).
    static INTERNED: std::cell::RefCell<Interned> = Default::default();
}

/// The one str of the identifier `text` (a new reference). Code objects' names and the
/// keys that attribute stores add to instance dicts are interned, so the attribute
/// families' guards compare a dict entry's key with the name by pointer.
pub fn intern(text: &str) -> Value {
    let v = INTERNED.with(|t| {
        *t.borrow_mut().entry(text.into()).or_insert_with(|| new_str(text))
    });
    v.incref();
    v
}

/// A new str holding `text`.
pub fn new_str(text: &str) -> Value {
    if text.len() == 1 {
        return ascii_char(text.as_bytes()[0]);
    }
    from_string(text.to_string())
}

/// A str object owning `text`'s buffer (with `chars` characters). `text` is UTF-8, or
/// generalized UTF-8 when `surrogates`.
fn owning(text: Vec<u8>, chars: usize, header: Object, surrogates: bool) -> Str {
    let mut text = std::mem::ManuallyDrop::new(text);
    Str {
        header,
        hash: Cell::new(0),
        chars,
        ptr: text.as_mut_ptr(),
        len: text.len(),
        cap: Cell::new(text.capacity()),
        owner: Cell::new(Value::NULL),
        surrogates,
    }
}

/// A new str taking ownership of `text`.
pub fn from_string(text: String) -> Value {
    if text.len() == 1 {
        return ascii_char(text.as_bytes()[0]);
    }
    let chars = if text.is_ascii() { text.len() } else { text.chars().count() };
    new_object(owning(text.into_bytes(), chars, header(KIND_STR), false))
}

/// A new str from well-formed generalized UTF-8 (which may hold lone surrogates).
pub fn from_wtf8(bytes: Vec<u8>) -> Value {
    match String::from_utf8(bytes) {
        Ok(text) => from_string(text),
        Err(e) => {
            let bytes = e.into_bytes();
            let chars = super::wtf8::count(&bytes);
            new_object(owning(bytes, chars, header(KIND_STR), true))
        }
    }
}

/// The one-character str of code point `cp` (below 0x110000; a surrogate included).
pub fn from_code_point(cp: u32) -> Value {
    match char::from_u32(cp) {
        Some(c) if c.is_ascii() => ascii_char(c as u8),
        Some(c) => from_string(c.to_string()),
        None => {
            let mut b = Vec::with_capacity(3);
            super::wtf8::push(&mut b, cp);
            new_object(owning(b, 1, header(KIND_STR), true))
        }
    }
}

/// A new str holding bytes `b` of str `s` (cut at character boundaries).
pub fn sub(s: &Str, b: &[u8]) -> Value {
    if !s.surrogates {
        // SAFETY: a cut at character boundaries of UTF-8 is UTF-8.
        return new_str(unsafe { std::str::from_utf8_unchecked(b) });
    }
    from_wtf8(b.to_vec())
}

/// `a + b` for two strs: in place in `a`'s buffer when `a` owns it and it has room
/// (see `Str`), else in a new buffer, with room to grow when a short text is appended
/// to a longer one (the `s += piece` pattern). MemoryError when there is no memory.
///
/// # Safety
/// `a` and `b` are live strs.
pub unsafe fn concat(a: Value, b: Value) -> crate::errors::PyResult<Value> {
    // SAFETY: the caller guarantees both are strs.
    let (sa, sb) = unsafe { (as_str(a), as_str(b)) };
    let (x, y) = (sa.len, sb.len);
    let total = x.checked_add(y).ok_or_else(crate::memory::no_memory)?;
    if y == 0 || x == 0 {
        let keep = if y == 0 { a } else { b };
        // An instance of a class deriving from str is kept only as a plain str (the
        // sum is a str, never the subclass, as in CPython).
        return Ok(plain(keep));
    }
    let chars = sa.chars + sb.chars;
    if sa.owner.get().is_null() && sa.cap.get() - x >= y && sa.header.refcnt < super::IMMORTAL {
        // SAFETY: the bytes after `x` in `a`'s buffer belong to no str (only the
        // buffer's owner, the longest str on it, can append); `b`'s bytes do not overlap
        // them (they are `a`'s own or another allocation's).
        unsafe { std::ptr::copy_nonoverlapping(sb.ptr, sa.ptr.add(x), y) };
        let grown = Str {
            header: header(KIND_STR),
            hash: Cell::new(0),
            chars,
            ptr: sa.ptr,
            len: total,
            cap: Cell::new(sa.cap.get()),
            owner: Cell::new(Value::NULL),
            surrogates: sa.surrogates || sb.surrogates,
        };
        let v = new_object(grown);
        // `a` now borrows from the longer str, which keeps the buffer alive.
        v.incref();
        sa.owner.set(v);
        sa.cap.set(0);
        return Ok(v);
    }
    // Appending a short piece to a longer str: leave room for more of them.
    let cap = if y.saturating_mul(4) <= x { total.saturating_mul(2) } else { total };
    let mut out = Vec::new();
    if out.try_reserve_exact(cap).is_err() && (cap == total || out.try_reserve_exact(total).is_err()) {
        return Err(crate::memory::no_memory());
    }
    out.extend_from_slice(sa.bytes());
    out.extend_from_slice(sb.bytes());
    Ok(new_object(owning(out, chars, header(KIND_STR), sa.surrogates || sb.surrogates)))
}

/// Frees a str: its buffer if it owns it, else its reference to the owner (and the
/// owner too when that was the last reference, and so on along the chain, without
/// recursing).
///
/// # Safety
/// `s` has no references left.
pub unsafe fn free(s: *mut Str) {
    let mut s = s;
    loop {
        // SAFETY: `s` is live until freed below; its header is readable.
        if unsafe { super::subclass::flagged(s) } {
            // SAFETY: the flag says it has a subclass object.
            unsafe { super::subclass::detach(Value::from_object(s.cast::<Object>())) };
        }
        // SAFETY: allocated by `new_object`, no references left.
        let b = unsafe { Box::from_raw(s) };
        let owner = b.owner.get();
        if owner.is_null() {
            // SAFETY: the buffer came from a String of this capacity.
            drop(unsafe { Vec::from_raw_parts(b.ptr, 0, b.cap.get()) });
            return;
        }
        drop(b);
        // SAFETY: the owner is a live str this one held a reference to.
        unsafe {
            let o = owner.object();
            (*o).refcnt -= 1;
            if (*o).refcnt != 0 {
                return;
            }
        }
        s = owner.cast();
    }
}

/// A new str of `s`'s text in a buffer of its own: never a shared str (the
/// one-character ones, interned names), so it can be made an instance of a class
/// deriving from str (`objects::subclass`).
pub fn unshared_copy(s: &Str) -> Value {
    new_object(owning(s.bytes().to_vec(), s.chars, header(KIND_STR), s.surrogates))
}

/// `v` (a str, borrowed) as a plain str, a new reference: `v` itself, or a copy when
/// `v` is an instance of a class deriving from str. What str's own operations return
/// is a plain str even when they would hand back their operand.
pub fn plain(v: Value) -> Value {
    // SAFETY: callers pass live strs.
    if unsafe { super::subclass::flagged(v.object()) } {
        // SAFETY: as above.
        return unshared_copy(unsafe { as_str(v) });
    }
    v.incref();
    v
}

/// The shared one-character strings of ASCII (indexing and iteration make many).
pub fn ascii_char(b: u8) -> Value {
    static TABLE: OnceLock<Vec<usize>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0u8..128)
            .map(|c| {
                let s = owning(vec![c], 1, immortal_header(KIND_STR), false);
                Box::into_raw(Box::new(s)) as usize
            })
            .collect()
    });
    match table.get(b as usize) {
        Some(&p) => Value::from_object(p as *mut Str),
        // Not ASCII: a fresh string of that one byte would not be valid UTF-8, so the
        // caller never asks; make the replacement character instead of panicking.
        None => from_string('\u{FFFD}'.to_string()),
    }
}

/// The str behind a value known to be a str.
///
/// # Safety
/// `v` is a live str object, and the returned reference is not used after it dies.
pub unsafe fn as_str<'a>(v: Value) -> &'a Str {
    // SAFETY: the caller guarantees `v` is a live str.
    unsafe { &*v.cast::<Str>() }
}

/// The text of a value known to be a str (refused when it holds a lone surrogate).
///
/// # Safety
/// As `as_str`.
pub unsafe fn text<'a>(v: Value) -> PyResult<&'a str> {
    // SAFETY: as above.
    unsafe { as_str(v).text() }
}

/// The text of a value known to be a str for a message or a name: a lone surrogate
/// written `\\udXXX`, as CPython writes it to stderr. Names the compiler made from
/// identifiers never hold one.
///
/// # Safety
/// As `as_str`.
pub unsafe fn display<'a>(v: Value) -> std::borrow::Cow<'a, str> {
    // SAFETY: as above.
    unsafe { as_str(v).display() }
}

/// The bytes (generalized UTF-8) of a value known to be a str.
///
/// # Safety
/// As `as_str`.
pub unsafe fn bytes<'a>(v: Value) -> &'a [u8] {
    // SAFETY: as above.
    unsafe { as_str(v).bytes() }
}

/// The `i`th character (0-based, in range) as a new str.
pub fn char_at(s: &Str, i: usize) -> Value {
    if s.is_ascii() {
        return ascii_char(s.bytes()[i]);
    }
    match super::wtf8::code_points(s.bytes()).nth(i) {
        Some((_, cp)) => from_code_point(cp),
        None => Value::NULL,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn release(v: Value) {
        v.decref();
    }

    #[test]
    fn surrogate_strs_concatenate_slice_and_hash_by_bytes() {
        let hi = from_code_point(0xD800);
        // SAFETY: all values below are live strs until released.
        unsafe {
            assert!(as_str(hi).has_surrogates() && as_str(hi).chars == 1);
            assert!(as_str(hi).text().is_err());
            assert_eq!(as_str(hi).display(), "\\ud800");
            let abc = new_str("abcé");
            let joined = concat(abc, hi).unwrap();
            let s = as_str(joined);
            assert!(s.has_surrogates());
            assert_eq!(s.chars, 5);
            assert_eq!(s.bytes(), b"abc\xC3\xA9\xED\xA0\x80");
            // The text before the surrogate has none; a str of the same bytes hashes alike.
            let head = sub(s, &s.bytes()[..5]);
            assert!(!as_str(head).has_surrogates());
            assert_eq!(as_str(head).text().unwrap(), "abcé");
            let again = from_wtf8(s.bytes().to_vec());
            assert_eq!(as_str(again).hash(), s.hash());
            let last = char_at(s, 4);
            assert_eq!(as_str(last).bytes(), as_str(hi).bytes());
            // Appending in place keeps the flag of either side.
            let grown = concat(joined, new_str("xy")).unwrap();
            assert!(as_str(grown).has_surrogates() && as_str(grown).chars == 7);
            for v in [grown, last, again, head, joined, abc, hi] {
                release(v);
            }
        }
    }
}

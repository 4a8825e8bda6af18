//! `str`: immutable text. Python indexes strings by character, so each string knows
//! its length in characters, and ASCII strings (the common case) index by byte.

use super::{header, immortal_header, new_object};
use stitch_abi::{KIND_STR, Object, Value};
use std::cell::Cell;
use std::sync::OnceLock;

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
}

impl Str {
    /// The text.
    #[inline]
    pub fn text(&self) -> &str {
        // SAFETY: `ptr` holds `len` bytes of UTF-8 that never change while this str
        // lives (appends write past every existing str's end).
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.ptr, self.len)) }
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
        let h = hash_text(self.text());
        self.hash.set(h);
        h
    }
}

/// The hash a str of `text` has (FNV-1a, never 0): lets a lookup by name probe a dict
/// of str keys without making a str.
pub fn hash_text(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
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

/// A str object owning `text`'s buffer (with `chars` characters).
fn owning(text: String, chars: usize, header: Object) -> Str {
    let mut text = std::mem::ManuallyDrop::new(text);
    Str {
        header,
        hash: Cell::new(0),
        chars,
        ptr: text.as_mut_ptr(),
        len: text.len(),
        cap: Cell::new(text.capacity()),
        owner: Cell::new(Value::NULL),
    }
}

/// A new str taking ownership of `text`.
pub fn from_string(text: String) -> Value {
    if text.len() == 1 {
        return ascii_char(text.as_bytes()[0]);
    }
    let chars = if text.is_ascii() { text.len() } else { text.chars().count() };
    new_object(owning(text, chars, header(KIND_STR)))
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
        keep.incref();
        return Ok(keep);
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
    let mut out = String::new();
    if out.try_reserve_exact(cap).is_err() && (cap == total || out.try_reserve_exact(total).is_err()) {
        return Err(crate::memory::no_memory());
    }
    out.push_str(sa.text());
    out.push_str(sb.text());
    Ok(new_object(owning(out, chars, header(KIND_STR))))
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

/// The shared one-character strings of ASCII (indexing and iteration make many).
pub fn ascii_char(b: u8) -> Value {
    static TABLE: OnceLock<Vec<usize>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0u8..128)
            .map(|c| {
                let s = owning((c as char).to_string(), 1, immortal_header(KIND_STR));
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

/// The text of a value known to be a str.
///
/// # Safety
/// As `as_str`.
pub unsafe fn text<'a>(v: Value) -> &'a str {
    // SAFETY: as above.
    unsafe { as_str(v).text() }
}

/// The `i`th character (0-based, in range) as a new str.
pub fn char_at(s: &Str, i: usize) -> Value {
    if s.is_ascii() {
        return ascii_char(s.text().as_bytes()[i]);
    }
    match s.text().chars().nth(i) {
        Some(c) => from_string(c.to_string()),
        None => Value::NULL,
    }
}

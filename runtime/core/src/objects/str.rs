//! `str`: immutable text. Python indexes strings by character, so each string knows
//! its length in characters, and ASCII strings (the common case) index by byte.

use super::{header, immortal_header, new_object};
use stitch_abi::{KIND_STR, Object, Value};
use std::cell::Cell;
use std::sync::OnceLock;

#[repr(C)]
pub struct Str {
    pub header: Object,
    /// Cached hash (0: not computed yet).
    hash: Cell<u64>,
    /// Length in characters.
    pub chars: usize,
    pub text: Box<str>,
}

impl Str {
    pub fn is_ascii(&self) -> bool {
        self.chars == self.text.len()
    }

    /// The hash, computed once: FNV-1a, never 0.
    pub fn hash(&self) -> u64 {
        let h = self.hash.get();
        if h != 0 {
            return h;
        }
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in self.text.bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        let h = if h == 0 { 1 } else { h };
        self.hash.set(h);
        h
    }
}

/// A new str holding `text`.
pub fn new_str(text: &str) -> Value {
    if text.len() == 1 {
        return ascii_char(text.as_bytes()[0]);
    }
    from_string(text.to_string())
}

/// A new str taking ownership of `text`.
pub fn from_string(text: String) -> Value {
    if text.len() == 1 {
        return ascii_char(text.as_bytes()[0]);
    }
    let chars = if text.is_ascii() { text.len() } else { text.chars().count() };
    new_object(Str { header: header(KIND_STR), hash: Cell::new(0), chars, text: text.into_boxed_str() })
}

/// The shared one-character strings of ASCII (indexing and iteration make many).
pub fn ascii_char(b: u8) -> Value {
    static TABLE: OnceLock<Vec<usize>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0u8..128)
            .map(|c| {
                let s = Str {
                    header: immortal_header(KIND_STR),
                    hash: Cell::new(0),
                    chars: 1,
                    text: (c as char).to_string().into_boxed_str(),
                };
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
    unsafe { &as_str(v).text }
}

/// The `i`th character (0-based, in range) as a new str.
pub fn char_at(s: &Str, i: usize) -> Value {
    if s.is_ascii() {
        return ascii_char(s.text.as_bytes()[i]);
    }
    match s.text.chars().nth(i) {
        Some(c) => from_string(c.to_string()),
        None => Value::NULL,
    }
}

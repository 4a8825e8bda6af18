//! A cache of class attribute lookups along the MRO (CPython's type attribute cache):
//! keyed by the class's type version and the name's text, so the generic paths (a
//! polymorphic `obj.method()`, the special methods `special.rs` asks for, `a + b` of
//! instances) do not hash the name and probe every dict of the MRO each time.
//!
//! Any change to a class or a class of its MRO gives it a new type version, and
//! versions are never reused, so an entry of an old version simply never matches
//! again; the value it holds is borrowed from the class's dict, which cannot change
//! without that renumbering. Classes whose version is 0 (the tags ran out) and names
//! longer than an entry holds are not cached.

use std::cell::UnsafeCell;
use stitch_abi::Value;

const ENTRIES: usize = 1024;
const TEXT: usize = 40;

#[derive(Clone, Copy)]
struct Entry {
    version: u32,
    len: u32,
    text: [u8; TEXT],
    /// The attribute (borrowed), or NULL when the MRO has no such name.
    value: Value,
}

const EMPTY: Entry = Entry { version: 0, len: 0, text: [0; TEXT], value: Value::NULL };

thread_local! {
    static CACHE: UnsafeCell<[Entry; ENTRIES]> = const { UnsafeCell::new([EMPTY; ENTRIES]) };
}

/// The slot of a (version, name): names are mostly interned strs or literals, so their
/// address and length tell them apart cheaply; the text is compared on a hit anyway.
fn slot(version: u32, name: &str) -> usize {
    let p = name.as_ptr() as usize;
    ((p >> 3) ^ (p >> 13) ^ name.len() ^ (version as usize).wrapping_mul(0x9E37_79B1)) % ENTRIES
}

/// The cached lookup of `name` on a class of this version: `Some(None)` when it is
/// cached as absent, `None` when not cached.
pub fn get(version: u32, name: &str) -> Option<Option<Value>> {
    if version == 0 || name.len() > TEXT {
        return None;
    }
    CACHE.with(|c| {
        // SAFETY: the cache is this thread's, and no reference into it outlives this
        // call (nothing here calls out).
        let e = unsafe { &(*c.get())[slot(version, name)] };
        (e.version == version && e.len as usize == name.len() && &e.text[..name.len()] == name.as_bytes())
            .then(|| (!e.value.is_null()).then_some(e.value))
    })
}

/// Records the lookup of `name` on a class of this version.
pub fn put(version: u32, name: &str, value: Option<Value>) {
    if version == 0 || name.len() > TEXT {
        return;
    }
    CACHE.with(|c| {
        // SAFETY: as in `get`.
        let e = unsafe { &mut (*c.get())[slot(version, name)] };
        e.version = version;
        e.len = name.len() as u32;
        e.text[..name.len()].copy_from_slice(name.as_bytes());
        e.value = value.unwrap_or(Value::NULL);
    })
}

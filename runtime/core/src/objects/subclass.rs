//! Dicts and tuples of the library's subclasses of them (`defaultdict`, `Counter`,
//! `OrderedDict`; the classes `namedtuple` makes), and lists, dicts, tuples and strs of
//! user classes deriving from `list`, `dict`, `tuple`, `str` or `int` (an int of such a
//! class is always a heap int, whatever its value)
//! (`crate::builtin_subclasses`): plain objects, so every
//! path and specialization takes them as they are, with a header flag and, in a
//! side table, the native object (`objects::native`) that says what differs: the
//! type name, the repr, what a missing key gives, the attributes. Plain dicts and
//! tuples pay one flag test, on the paths that differ only.

use super::native::{self, Native};
use stitch_abi::{KIND_BIGINT, KIND_DICT, KIND_LIST, KIND_STR, KIND_TUPLE, Object, Value};
use std::cell::RefCell;
use std::collections::HashMap;

/// Header flag of a dict or tuple that has a subclass object in the side table (it
/// lives in the ABI crate, whose `Value::is_exact_kind` reads it).
pub use stitch_abi::SUBCLASS_FLAG;

/// Hashes object addresses: one multiply by an odd constant (Fibonacci hashing), so a
/// lookup on every field read of a namedtuple costs no SipHash.
#[derive(Default)]
struct AddressHasher(u64);

impl std::hash::Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        // The table indexes by the low bits: fold the well-mixed high ones into them.
        self.0 ^ (self.0 >> 32)
    }
    fn write(&mut self, bytes: &[u8]) {
        // Only u64 keys are hashed; this keeps the hasher total for other writes.
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (n >> 4).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

type Table = HashMap<u64, Value, std::hash::BuildHasherDefault<AddressHasher>>;

thread_local! {
    /// Object address -> its subclass object (owned).
    static SUBCLASS: RefCell<Table> = RefCell::new(Table::default());
}

/// Makes the new dict or tuple `d` one of the subclass `behaviour` says (takes the
/// reference).
pub fn attach(d: Value, behaviour: Value) {
    let old = SUBCLASS.with(|t| t.borrow_mut().insert(d.0, behaviour));
    // SAFETY: `d` is a live dict.
    unsafe { (*d.object()).flags |= SUBCLASS_FLAG };
    if let Some(o) = old {
        o.decref();
    }
}

/// The subclass object of `d` (borrowed), if `d` is a dict or tuple of a subclass.
pub fn subclass_of(d: Value) -> Option<Value> {
    // SAFETY: the header of a live object is readable once its kind is checked.
    if !(d.is_kind(KIND_DICT) || d.is_kind(KIND_TUPLE) || d.is_kind(KIND_LIST) || d.is_kind(KIND_STR) || d.is_kind(KIND_BIGINT)) || unsafe { (*d.object()).flags } & SUBCLASS_FLAG == 0 {
        return None;
    }
    SUBCLASS.with(|t| t.borrow().get(&d.0).copied())
}

/// What `d`'s subclass does, if it has one.
pub fn behaviour<'a>(d: Value) -> Option<&'a dyn Native> {
    native::get(subclass_of(d)?)
}

/// Drops the subclass object of a dict or tuple being freed or cleared.
///
/// # Safety
/// `d` is a dict or tuple whose flag says it has one.
pub unsafe fn detach(d: Value) {
    // SAFETY: guaranteed by the caller.
    unsafe { (*d.object()).flags &= !SUBCLASS_FLAG };
    if let Some(o) = SUBCLASS.try_with(|t| t.borrow_mut().remove(&d.0)).ok().flatten() {
        o.decref();
    }
}

/// Whether the dict or tuple `d` (live) has a subclass object.
///
/// # Safety
/// `d` is a live object.
pub unsafe fn flagged<T>(d: *mut T) -> bool {
    // SAFETY: guaranteed by the caller; objects start with their header.
    unsafe { (*d.cast::<Object>()).flags & SUBCLASS_FLAG != 0 }
}

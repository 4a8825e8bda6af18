//! Dicts and tuples of the library's subclasses of them (`defaultdict`, `Counter`,
//! `OrderedDict`; the classes `namedtuple` makes), and lists and dicts of user classes
//! deriving from `list` or `dict` (`crate::builtin_subclasses`): plain objects, so every
//! path and specialization takes them as they are, with a header flag and, in a
//! side table, the native object (`objects::native`) that says what differs: the
//! type name, the repr, what a missing key gives, the attributes. Plain dicts and
//! tuples pay one flag test, on the paths that differ only.

use super::native::{self, Native};
use stitch_abi::{KIND_DICT, KIND_LIST, KIND_TUPLE, Object, Value};
use std::cell::RefCell;
use std::collections::HashMap;

/// Header flag of a dict or tuple that has a subclass object in the side table.
pub const SUBCLASS_FLAG: u8 = 1;

thread_local! {
    /// Object address -> its subclass object (owned).
    static SUBCLASS: RefCell<HashMap<u64, Value>> = RefCell::new(HashMap::new());
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
    if !(d.is_kind(KIND_DICT) || d.is_kind(KIND_TUPLE) || d.is_kind(KIND_LIST)) || unsafe { (*d.object()).flags } & SUBCLASS_FLAG == 0 {
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

//! Iterators. List and range iterators use the shared layouts (FOR_ITER's
//! specializations read them inline); the others share one struct.

use super::{Owned, header, new_object};
use crate::abi::{KIND_LIST_ITER, KIND_RANGE_ITER, List, ListIter, Object, RangeIter, Value};

#[repr(C)]
pub struct Iter {
    pub header: Object,
    pub state: IterState,
}

pub enum IterState {
    Tuple { seq: Owned, index: usize },
    Str { s: Owned, byte: usize },
    Dict { dict: Owned, index: usize, part: DictPart },
    /// A range whose values do not all fit in small ints.
    LongRange { next: i128, step: i128, remaining: i128 },
    Enumerate { inner: Owned, count: i64 },
    Zip { inners: Vec<Owned> },
    /// Over a list, tuple or str from the end: `remaining` items to go.
    Reversed { seq: Owned, remaining: usize },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

pub fn new_iter(kind: u8, state: IterState) -> Value {
    new_object(Iter { header: header(kind), state })
}

/// An iterator over `list` (takes a new reference to it).
pub fn new_list_iter(list: Value) -> Value {
    list.incref();
    new_object(ListIter { header: header(KIND_LIST_ITER), list: list.cast::<List>(), index: 0 })
}

/// A small-int range iterator.
pub fn new_range_iter(next: i64, step: i64, remaining: i64) -> Value {
    new_object(RangeIter { header: header(KIND_RANGE_ITER), next, step, remaining })
}

/// # Safety
/// `it` has no references left.
pub unsafe fn free_list_iter(it: *mut ListIter) {
    // SAFETY: we own the iterator and its reference to the list.
    unsafe {
        let it = Box::from_raw(it);
        Value::from_object(it.list).decref();
    }
}

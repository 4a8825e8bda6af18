//! Iterators. List and range iterators use the shared layouts (FOR_ITER's
//! specializations read them inline); the others share one struct.

use super::{Owned, header, new_object};
use crate::errors::PyErr;
use stitch_abi::{KIND_LIST_ITER, KIND_RANGE_ITER, List, ListIter, Object, RangeIter, Value};

#[repr(C)]
pub struct Iter {
    pub header: Object,
    pub state: IterState,
}

pub enum IterState {
    Tuple { seq: Owned, index: usize },
    Str { s: Owned, byte: usize },
    /// Over a bytes or bytearray: its ints.
    Bytes { seq: Owned, index: usize },
    Dict { dict: Owned, index: usize, part: DictPart },
    /// A range whose values do not all fit in small ints.
    LongRange { next: i128, step: i128, remaining: i128 },
    Enumerate { inner: Owned, count: i64 },
    /// `strict`: the inner iterators must end together (ValueError otherwise).
    Zip { inners: Vec<Owned>, strict: bool },
    /// Over a list, tuple or str from the end: `remaining` items to go.
    Reversed { seq: Owned, remaining: usize },
    /// `map(func, *iterables)`: each item is `func` called with one item of each.
    Map { func: Owned, inners: Vec<Owned> },
    /// `filter(func, iterable)`: the items for which `func` (truth itself when it is
    /// None) is true. `ahead` is the next item, or the error finding it raised, when
    /// `has_next` went looking for it.
    Filter { func: Owned, inner: Owned, ahead: Option<Result<Owned, PyErr>> },
    /// Over a set's table from slot `slot`; `used` is the set's length when the
    /// iterator was made (a change raises, as in CPython).
    Set { set: Owned, slot: usize, used: usize },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictPart {
    Keys,
    Values,
    Items,
}

pub fn new_iter(kind: u8, state: IterState) -> Value {
    let runs_python = match &state {
        IterState::Map { .. } | IterState::Filter { .. } => true,
        IterState::Enumerate { inner, .. } => runs_python(inner.get()),
        IterState::Zip { inners, .. } => inners.iter().any(|i| runs_python(i.get())),
        _ => false,
    };
    let it = Value::from_object(super::gc::new_tracked(Iter { header: header(kind), state }));
    if runs_python {
        // SAFETY: `it` was just allocated with a header.
        unsafe { (*it.object()).flags |= RUNS_PYTHON_FLAG };
    }
    it
}

/// Header flag of an `Iter` object whose advancing may run Python code: a `map`, a
/// `filter`, and the iterators made over one.
pub const RUNS_PYTHON_FLAG: u8 = 2;

/// Whether advancing `v` (or searching or unpacking it) may run Python code. Traces
/// rely on it: what runs no Python code stores no global.
pub fn runs_python(v: Value) -> bool {
    use stitch_abi::{KIND_ENUMERATE, KIND_FILTER, KIND_GENERATOR, KIND_MAP, KIND_ZIP};
    match super::kind(v) {
        // Native iterators and instances may call functions (takewhile, starmap,
        // __next__, ...).
        KIND_MAP | KIND_FILTER | stitch_abi::KIND_NATIVE | stitch_abi::KIND_INSTANCE | KIND_GENERATOR => true,
        // SAFETY: a live object's header is readable.
        KIND_ENUMERATE | KIND_ZIP => unsafe { (*v.object()).flags & RUNS_PYTHON_FLAG != 0 },
        _ => false,
    }
}

/// Calls `visit` with the references an iterator's state owns (the collector's
/// `traverse`).
pub fn traverse(state: &IterState, visit: &mut dyn FnMut(Value)) {
    match state {
        IterState::Tuple { seq, .. } | IterState::Reversed { seq, .. } | IterState::Bytes { seq, .. } => visit(seq.get()),
        IterState::Str { s, .. } => visit(s.get()),
        IterState::Dict { dict, .. } => visit(dict.get()),
        IterState::Set { set, .. } => visit(set.get()),
        IterState::LongRange { .. } => {}
        IterState::Enumerate { inner, .. } => visit(inner.get()),
        IterState::Zip { inners, .. } => inners.iter().for_each(|i| visit(i.get())),
        IterState::Map { func, inners } => {
            visit(func.get());
            inners.iter().for_each(|i| visit(i.get()));
        }
        IterState::Filter { func, inner, ahead } => {
            visit(func.get());
            visit(inner.get());
            if let Some(Ok(item)) = ahead {
                visit(item.get());
            }
        }
    }
}

/// An iterator over `list` (takes a new reference to it).
pub fn new_list_iter(list: Value) -> Value {
    list.incref();
    Value::from_object(super::gc::new_tracked(ListIter { header: header(KIND_LIST_ITER), list: list.cast::<List>(), index: 0 }))
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
        let it = super::gc::take(it);
        Value::from_object(it.list).decref();
    }
}

/// Header flag of a `KIND_DICT_ITER` object that is a dict view (`d.keys()`,
/// `d.values()`, `d.items()`) rather than an iterator: a view is re-iterable and only
/// needs the dict and which part it shows, which the `IterState::Dict` state holds.
pub const DICT_VIEW_FLAG: u8 = 1;

/// A view of `dict`'s keys, values or items (takes a new reference to the dict).
pub fn new_dict_view(dict: Value, part: DictPart) -> Value {
    let view = new_iter(stitch_abi::KIND_DICT_ITER, IterState::Dict { dict: Owned::new_ref(dict), index: 0, part });
    // SAFETY: `view` was just allocated with a header.
    unsafe { (*view.object()).flags |= DICT_VIEW_FLAG };
    view
}

/// Whether `v` is a dict view (see `DICT_VIEW_FLAG`).
pub fn is_dict_view(v: Value) -> bool {
    // SAFETY: the header of a live object is readable once its kind is checked.
    v.is_kind(stitch_abi::KIND_DICT_ITER) && unsafe { (*v.object()).flags & DICT_VIEW_FLAG != 0 }
}

/// The iterator state of an object of one of the `Iter` kinds.
///
/// # Safety
/// `v` is a live object of a kind allocated as `Iter`, and no other reference to its
/// state is in use while the returned one is.
pub unsafe fn state_mut<'a>(v: Value) -> &'a mut IterState {
    // SAFETY: guaranteed by the caller.
    unsafe { &mut (*v.cast::<Iter>()).state }
}

//! `list`: the shared `List` layout (uops read items inline) over a buffer that is a
//! `Vec<Value>` taken apart. `with_vec` puts the Vec back together to change it.

use super::header;
use stitch_abi::{KIND_LIST, List, Value};
use std::mem::ManuallyDrop;

/// A new list that takes ownership of `items`.
pub fn from_vec(items: Vec<Value>) -> Value {
    let mut items = ManuallyDrop::new(items);
    let list = List { header: header(KIND_LIST), len: items.len(), capacity: items.capacity(), items: items.as_mut_ptr() };
    Value::from_object(super::gc::new_tracked(list))
}

/// Runs `f` on the list's items as a Vec (which may grow), then stores it back.
///
/// # Safety
/// `l` is a live list, and `f` does not reach this list through another path.
pub unsafe fn with_vec<R>(l: *mut List, f: impl FnOnce(&mut Vec<Value>) -> R) -> R {
    // SAFETY: items/len/capacity came from a Vec<Value> (see `from_vec`), and we own
    // them until we store them back.
    unsafe {
        let mut v = Vec::from_raw_parts((*l).items, (*l).len, (*l).capacity);
        let r = f(&mut v);
        let mut v = ManuallyDrop::new(v);
        (*l).items = v.as_mut_ptr();
        (*l).len = v.len();
        (*l).capacity = v.capacity();
        r
    }
}

/// The items, borrowed.
///
/// # Safety
/// `l` is live and not changed while the slice is used.
pub unsafe fn items<'a>(l: *mut List) -> &'a [Value] {
    // SAFETY: `items` points at `len` initialized values.
    unsafe { std::slice::from_raw_parts((*l).items, (*l).len) }
}

/// Appends, taking ownership of `item`.
///
/// # Safety
/// `l` is a live list.
pub unsafe fn push(l: *mut List, item: Value) {
    // SAFETY: fast path writes within capacity; otherwise the Vec grows.
    unsafe {
        if (*l).len < (*l).capacity {
            *(*l).items.add((*l).len) = item;
            (*l).len += 1;
        } else {
            with_vec(l, |v| v.push(item));
        }
    }
}

/// # Safety
/// `l` has no references left.
pub unsafe fn free(l: *mut List) {
    // SAFETY: we own the list and its buffer.
    unsafe {
        if super::subclass::flagged(l) {
            super::subclass::detach(Value::from_object(l.cast::<stitch_abi::Object>()));
        }
        let list = super::gc::take(l);
        let items = Vec::from_raw_parts(list.items, list.len, list.capacity);
        for v in items {
            v.decref();
        }
    }
}

//! `tuple`: the shared `Tuple` layout, items stored after the header in one allocation.

use super::header;
use stitch_abi::access::tuple_items;
use stitch_abi::{KIND_TUPLE, Tuple, Value};
use std::alloc::{Layout, dealloc};

fn layout(len: usize) -> Layout {
    let base = Layout::new::<Tuple>();
    let items = Layout::array::<Value>(len).expect("tuple length overflows");
    base.extend(items).expect("tuple layout overflows").0.pad_to_align()
}

/// A new tuple taking ownership of `items`.
pub fn from_vec(items: Vec<Value>) -> Value {
    let len = items.len();
    match try_from_vec(items) {
        Ok(t) => t,
        Err(_) => std::alloc::handle_alloc_error(layout(len)),
    }
}

/// A new tuple taking ownership of `items`; MemoryError (the items released) when there
/// is no room for it.
pub fn try_from_vec(items: Vec<Value>) -> crate::errors::PyResult<Value> {
    let len = items.len();
    // SAFETY: the layout holds the header and `len` values; all are written before use.
    unsafe {
        let p = super::gc::alloc_object(layout(len)) as *mut Tuple;
        if p.is_null() {
            for v in items {
                v.decref();
            }
            return Err(crate::memory::no_memory());
        }
        p.write(Tuple { header: header(KIND_TUPLE), len, items: [] });
        let dst = tuple_items(p);
        for (i, v) in items.into_iter().enumerate() {
            dst.add(i).write(v);
        }
        super::gc::track(p.cast());
        Ok(Value::from_object(p))
    }
}

/// The items, borrowed.
///
/// # Safety
/// `t` is a live tuple.
pub unsafe fn items<'a>(t: *mut Tuple) -> &'a [Value] {
    // SAFETY: a tuple holds `len` initialized values after its header.
    unsafe { std::slice::from_raw_parts(tuple_items(t), (*t).len) }
}

/// # Safety
/// `t` has no references left.
pub unsafe fn free(t: *mut Tuple) {
    // SAFETY: allocated by `try_from_vec` with `layout(len)` (tracked), or by
    // `std::alloc` when not tracked.
    unsafe {
        if super::subclass::flagged(t) {
            super::subclass::detach(Value::from_object(t));
        }
        let len = (*t).len;
        for v in items(t) {
            v.decref();
        }
        if (*t).header.flags & super::gc::TRACKED_FLAG != 0 {
            super::gc::dealloc_object(t.cast(), layout(len));
        } else {
            dealloc(t as *mut u8, layout(len));
        }
    }
}

//! Objects whose behaviour the builtins layer defines (`collections.deque`, the
//! `itertools` iterators, `functools.partial`, ...): one kind whose struct holds a
//! trait object, so a library type needs no kind of its own and no arm in every
//! operation. Implementations keep their state behind `Cell`/`RefCell` and release
//! it before running Python code, which may reach the same object again.

use super::{Owned, header};
use crate::errors::PyResult;
use crate::objects::builtin::Args;
use stitch_abi::{KIND_NATIVE, Object, Value};
use std::any::Any;
use std::cell::RefCell;

/// What a native object does. Every operation but `type_name`, `traverse` and
/// `clear` is optional: `None` means the object does not support it.
pub trait Native: Any {
    /// CPython's name of its type (`type(v).__name__`); also the key of its methods.
    fn type_name(&self) -> &'static str;
    /// Calls `visit` with every reference it holds (the collector's traverse).
    fn traverse(&self, visit: &mut dyn FnMut(Value));
    /// Drops the references it holds (the collector breaking a cycle).
    fn clear(&self);
    /// Whether it is an iterator (`next` gives its items).
    fn is_iterator(&self) -> bool {
        false
    }
    /// An iterator's next item (a new reference), `Ok(None)` at the end; `None` if it
    /// is no iterator. `me` is the object itself (borrowed).
    fn next(&self, _me: Value) -> Option<PyResult<Option<Value>>> {
        None
    }
    /// A new iterator over an iterable that is not its own iterator (a sized native
    /// object is taken to be iterable).
    fn iter(&self) -> Option<PyResult<Value>> {
        None
    }
    fn len(&self) -> Option<usize> {
        None
    }
    fn repr(&self) -> Option<PyResult<String>> {
        None
    }
    fn getitem(&self, _sub: Value) -> Option<PyResult<Value>> {
        None
    }
    fn setitem(&self, _sub: Value, _value: Value) -> Option<PyResult<()>> {
        None
    }
    /// For the subclass object of a dict or tuple: the attribute `name` of `obj`.
    fn instance_getattr(&self, _obj: Value, _name: &str) -> Option<PyResult<Value>> {
        None
    }
    /// A data attribute (methods are found by type name in the builtins' tables).
    fn getattr(&self, _name: &str) -> Option<PyResult<Value>> {
        None
    }
    fn is_callable(&self) -> bool {
        false
    }
    /// Whether, found on a class, it binds to the instance as a function does (an
    /// `lru_cache` wrapper; a `partial` does not).
    fn binds_as_method(&self) -> bool {
        false
    }
    fn call(&self, _args: &Args) -> Option<PyResult<Value>> {
        None
    }
    /// `self == other` when `other` is a native object too.
    fn eq(&self, _other: &dyn Native) -> Option<PyResult<bool>> {
        None
    }
    /// For the subclass object of a dict (`objects::subclass`): what `d[key]`
    /// gives for a missing key (`__missing__`).
    fn missing(&self, _dict: Value, _key: Value) -> Option<PyResult<Value>> {
        None
    }
    /// For the subclass object of a dict or tuple: its repr.
    fn dict_repr(&self, _dict: Value) -> Option<PyResult<String>> {
        None
    }
    /// `a (nb) b` (NB_INPLACE included) where `a` or `b` is this object, or the dict
    /// this is the subclass object of.
    fn binary(&self, _a: Value, _b: Value, _nb: u32) -> Option<PyResult<Value>> {
        None
    }
    /// `self (op) other` for an ordering `CMP_*` op, when `other` is a native object.
    fn compare(&self, _other: &dyn Native, _op: u32) -> Option<PyResult<bool>> {
        None
    }
    fn as_any(&self) -> &dyn Any;
}

#[repr(C)]
pub struct NativeObject {
    pub header: Object,
    /// The item `has_next` found ahead of `next` (or the error finding it raised).
    ahead: RefCell<Option<PyResult<Owned>>>,
    pub inner: Box<dyn Native>,
}

/// A new native object (tracked by the cycle collector).
pub fn new_native(inner: Box<dyn Native>) -> Value {
    Value::from_object(super::gc::new_tracked(NativeObject { header: header(KIND_NATIVE), ahead: RefCell::new(None), inner }))
}

/// The behaviour of a native object, or `None` for other values.
pub fn get<'a>(v: Value) -> Option<&'a dyn Native> {
    // SAFETY: the kind is checked; the object lives while the caller borrows `v`,
    // and the trait object is only ever shared.
    v.is_kind(KIND_NATIVE).then(|| unsafe { &*(*v.cast::<NativeObject>()).inner })
}

/// The native object `v` as its concrete type `T`.
pub fn downcast<'a, T: Native>(v: Value) -> Option<&'a T> {
    get(v)?.as_any().downcast_ref::<T>()
}

/// `next(v)` of a native iterator (`None` if it is no iterator).
pub fn next(v: Value) -> Option<PyResult<Option<Value>>> {
    let n = get(v)?;
    // SAFETY: the kind was checked by `get`; `ahead` is only borrowed here.
    let ahead = unsafe { (*v.cast::<NativeObject>()).ahead.borrow_mut().take() };
    match ahead {
        Some(found) => Some(found.map(|o| Some(o.into_raw()))),
        None => n.next(v),
    }
}

/// Whether `next(v)` would give an item (or raise): finds the item and keeps it.
pub fn has_next(v: Value) -> bool {
    // SAFETY: callers pass native objects; `ahead` is borrowed only for the check.
    if unsafe { (*v.cast::<NativeObject>()).ahead.borrow().is_some() } {
        return true;
    }
    let found = match next(v) {
        Some(Ok(None)) => return false,
        None => return true,
        Some(Ok(Some(x))) => Ok(Owned(x)),
        Some(Err(e)) => Err(e),
    };
    // SAFETY: as above; finding the item ran code that did not keep a borrow.
    unsafe { *(*v.cast::<NativeObject>()).ahead.borrow_mut() = Some(found) };
    true
}

/// The collector's traverse of a native object.
///
/// # Safety
/// `v` is a live native object.
pub unsafe fn traverse(v: Value, visit: &mut dyn FnMut(Value)) {
    // SAFETY: guaranteed by the caller.
    let o = unsafe { &*v.cast::<NativeObject>() };
    if let Ok(a) = o.ahead.try_borrow()
        && let Some(Ok(x)) = &*a
    {
        visit(x.get());
    }
    o.inner.traverse(visit);
}

/// The collector's clear of a native object.
///
/// # Safety
/// `v` is a live native object.
pub unsafe fn clear(v: Value) {
    // SAFETY: guaranteed by the caller.
    let o = unsafe { &*v.cast::<NativeObject>() };
    let ahead = o.ahead.borrow_mut().take();
    drop(ahead);
    o.inner.clear();
}

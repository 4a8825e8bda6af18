//! Heap objects. Every object starts with the `Object` header; its `kind` says which
//! struct follows. Objects are reference counted: `Value::incref`/`decref`, and the
//! last `decref` calls `free` here.
//!
//! One file per kind of object; each owns its struct, its constructor and its drop.

pub mod builtin;
pub mod bytes;
pub mod bigint;
pub mod class;
pub mod code;
pub mod complex;
pub mod dict;
pub mod subclass;
pub mod exception;
pub mod function;
pub mod gc;
pub mod generator;
pub mod iter;
pub mod list;
pub mod module;
pub mod native;
pub mod range;
pub mod set;
pub mod slice;
pub mod str;
pub mod wtf8;
pub mod tuple;

use stitch_abi::{Object, Value};
use std::cell::{Cell, RefCell};
use stitch_abi::{
    KIND_BIGINT, KIND_BOUND_METHOD, KIND_BUILTIN, KIND_CODE, KIND_DICT, KIND_DICT_ITER, KIND_ENUMERATE, KIND_FUNCTION,
    KIND_LIST, KIND_LIST_ITER, KIND_RANGE, KIND_RANGE_ITER, KIND_REVERSED, KIND_SLICE, KIND_STR, KIND_STR_ITER,
    KIND_TUPLE, KIND_TUPLE_ITER, KIND_TYPE, KIND_ZIP,
};

/// A header for a new object of `kind`, holding one reference.
pub const fn header(kind: u8) -> Object {
    Object { refcnt: 1, kind, flags: 0, spare: 0 }
}

/// Reference count of objects that are never freed (interned strings, builtins).
pub const IMMORTAL: u32 = 1 << 30;

/// A header for an object that lives as long as the process.
pub const fn immortal_header(kind: u8) -> Object {
    Object { refcnt: IMMORTAL, kind, flags: 0, spare: 0 }
}

/// Boxes an object and returns it as a value.
pub fn new_object<T>(object: T) -> Value {
    Value::from_object(Box::into_raw(Box::new(object)))
}

/// The kind of an object value (0 for non-objects).
#[inline]
pub fn kind(v: Value) -> u8 {
    // SAFETY: object values point at live headers.
    if v.is_object() { unsafe { (*v.object()).kind } } else { 0 }
}

/// The object layer's side of `stitch_abi::helpers::dealloc`: `Value::decref`, in the
/// layer below, frees objects through this symbol.
///
/// # Safety
/// As `free`.
#[unsafe(no_mangle)]
pub unsafe fn stitch_free_object(v: Value) {
    // SAFETY: forwarded.
    unsafe { free(v) }
}

/// How many frees of containers may nest on the native stack before the rest are
/// deferred (CPython's trashcan): freeing a list that holds the only reference to a list
/// that holds ... frees them one after another instead of recursing 100,000 deep.
const FREE_NESTING: u32 = 32;

thread_local! {
    /// Frees of containers under way on the native stack.
    static FREE_DEPTH: Cell<u32> = const { Cell::new(0) };
    /// Containers whose free was deferred; the outermost free frees them.
    static DEFERRED: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

/// Frees an object whose reference count reached zero.
///
/// # Safety
/// `v` is an object value with no references left.
pub unsafe fn free(v: Value) {
    // SAFETY: a live header.
    let kind = unsafe { (*v.object()).kind };
    if matches!(kind, KIND_STR | KIND_BIGINT | KIND_RANGE | KIND_RANGE_ITER | stitch_abi::KIND_BYTES | stitch_abi::KIND_BYTEARRAY | stitch_abi::KIND_COMPLEX) {
        // Leaves free no other objects.
        // SAFETY: forwarded.
        return unsafe { free_one(v) };
    }
    let depth = FREE_DEPTH.with(Cell::get);
    if depth >= FREE_NESTING {
        DEFERRED.with(|d| d.borrow_mut().push(v));
        return;
    }
    FREE_DEPTH.with(|d| d.set(depth + 1));
    // SAFETY: forwarded.
    unsafe { free_one(v) };
    if depth == 0 {
        // The outermost free: free what was deferred (each of which may defer more).
        while let Some(next) = DEFERRED.with(|d| d.borrow_mut().pop()) {
            // SAFETY: deferred objects have no references left.
            unsafe { free_one(next) };
        }
    }
    FREE_DEPTH.with(|d| d.set(depth));
}

/// Frees one object (its contents' frees may nest or be deferred).
///
/// # Safety
/// As `free`.
unsafe fn free_one(v: Value) {
    // SAFETY: each kind was allocated by `Box::new` of its struct (tuples by
    // `tuple::alloc`), and nobody refers to it any more.
    unsafe {
        match (*v.object()).kind {
            KIND_STR => str::free(v.cast()),
            KIND_LIST => list::free(v.cast()),
            KIND_TUPLE => tuple::free(v.cast()),
            KIND_DICT => dict::free(v.cast()),
            stitch_abi::KIND_SET | stitch_abi::KIND_FROZENSET => set::free(v.cast()),
            KIND_BIGINT => {
                if subclass::flagged(v.object()) {
                    subclass::detach(v);
                }
                drop(Box::from_raw(v.cast::<bigint::BigIntObject>()))
            }
            KIND_FUNCTION => function::free(v.cast()),
            stitch_abi::KIND_CELL => function::free_cell(v.cast()),
            KIND_CODE => drop(Box::from_raw(v.cast::<code::Code>())),
            KIND_RANGE => drop(Box::from_raw(v.cast::<range::Range>())),
            KIND_RANGE_ITER => drop(Box::from_raw(v.cast::<stitch_abi::RangeIter>())),
            KIND_LIST_ITER => iter::free_list_iter(v.cast()),
            KIND_TUPLE_ITER | KIND_STR_ITER | KIND_DICT_ITER | KIND_ENUMERATE | KIND_ZIP | KIND_REVERSED
            | stitch_abi::KIND_LONG_RANGE_ITER | stitch_abi::KIND_MAP | stitch_abi::KIND_FILTER | stitch_abi::KIND_SET_ITER
            | stitch_abi::KIND_BYTES_ITER => {
                drop(gc::take(v.cast::<iter::Iter>()))
            }
            KIND_BUILTIN => drop(Box::from_raw(v.cast::<builtin::Builtin>())),
            KIND_BOUND_METHOD => drop(gc::take(v.cast::<builtin::BoundMethod>())),
            KIND_SLICE => drop(Box::from_raw(v.cast::<slice::Slice>())),
            stitch_abi::KIND_COMPLEX => drop(Box::from_raw(v.cast::<complex::Complex>())),
            KIND_TYPE => drop(Box::from_raw(v.cast::<builtin::TypeObject>())),
            stitch_abi::KIND_EXCEPTION => drop(Box::from_raw(v.cast::<exception::ExcObject>())),
            stitch_abi::KIND_MODULE => module::free(v.cast()),
            stitch_abi::KIND_CLASS => drop(gc::take(v.cast::<class::ClassObject>())),
            stitch_abi::KIND_INSTANCE => drop(gc::take(v.cast::<class::Instance>())),
            stitch_abi::KIND_SUPER => drop(Box::from_raw(v.cast::<class::SuperObject>())),
            stitch_abi::KIND_DESCRIPTOR => drop(Box::from_raw(v.cast::<class::Descriptor>())),
            stitch_abi::KIND_NATIVE => drop(gc::take(v.cast::<native::NativeObject>())),
            stitch_abi::KIND_GENERATOR => generator::free(v),
            stitch_abi::KIND_BYTES | stitch_abi::KIND_BYTEARRAY => bytes::free(v.cast()),
            other => unreachable!("free of an object of unknown kind {other}"),
        }
    }
}

/// An owned reference that is dropped (decref'd) with the Rust value holding it.
#[repr(transparent)]
pub struct Owned(pub Value);

impl Owned {
    /// Takes a new reference to `v`.
    pub fn new_ref(v: Value) -> Owned {
        v.incref();
        Owned(v)
    }

    pub fn get(&self) -> Value {
        self.0
    }

    /// Gives the reference away.
    pub fn into_raw(self) -> Value {
        let v = self.0;
        std::mem::forget(self);
        v
    }
}

impl Drop for Owned {
    fn drop(&mut self) {
        self.0.decref();
    }
}

impl Clone for Owned {
    fn clone(&self) -> Owned {
        Owned::new_ref(self.0)
    }
}

//! Python functions (the shared `Function` layout: specialized calls read it inline)
//! and the cells of the variables closures capture (`Cell`: LOAD_DEREF reads it
//! inline).

use super::header;
use super::code::Code as CodeObject;
use stitch_abi::{Cell, Code, Dict, Function, KIND_CELL, KIND_FUNCTION, Tuple, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};

thread_local! {
    /// Live code objects by the version of their functions: the trace projector
    /// follows a specialized call into the code its cache names.
    static BY_VERSION: RefCell<HashMap<u32, usize>> = RefCell::new(HashMap::new());
}

/// The live code object whose functions have this version, if any (borrowed).
pub fn by_version(version: u32) -> Option<*mut Code> {
    BY_VERSION.with(|m| m.borrow().get(&version).map(|&p| p as *mut Code))
}

/// A code object is going away: no function has its version any more.
pub fn forget_version(version: u32) {
    if version != 0 {
        // The map is gone already when the thread ends.
        let _ = BY_VERSION.try_with(|m| m.borrow_mut().remove(&version));
    }
}

/// Each code object gets its own version for its functions, so a guard on the
/// version is a guard on the code that runs: the closures a factory makes share it.
fn version_of(c: &CodeObject) -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    if c.version.get() == 0 {
        let v = NEXT.fetch_add(1, Ordering::Relaxed);
        c.version.set(v);
        BY_VERSION.with(|m| m.borrow_mut().insert(v, c as *const CodeObject as usize));
    }
    c.version.get()
}

/// A new function of `code` (owned) with no defaults and no closure: its name,
/// qualified name and docstring are the code's.
pub fn new_function(code: Value, globals: *mut Dict) -> Value {
    // SAFETY: the caller gives a code object.
    let c = unsafe { &*code.cast::<CodeObject>() };
    let doc = match &c.doc {
        Some(d) => super::str::new_str(d),
        None => Value::NONE,
    };
    let f = Function {
        header: header(KIND_FUNCTION),
        code: code.cast::<Code>(),
        globals,
        version: version_of(c),
        argcount: if c.binds_more_than_positional() { u32::MAX } else { c.argcount },
        defaults: std::ptr::null_mut(),
        name: super::str::new_str(&c.name),
        closure: std::ptr::null_mut(),
        kwdefaults: std::ptr::null_mut(),
        qualname: super::str::new_str(&c.qualname),
        doc,
        dict: std::ptr::null_mut(),
        annotations: std::ptr::null_mut(),
    };
    Value::from_object(super::gc::new_tracked(f))
}

/// The code object of a function.
///
/// # Safety
/// `f` is a live function; the reference does not outlive it.
pub unsafe fn code_of<'a>(f: *mut Function) -> &'a CodeObject {
    // SAFETY: a function holds its code.
    unsafe { &*((*f).code as *mut CodeObject) }
}

/// Replaces an owned pointer field (a tuple or dict, or null) with `new` (owned).
fn replace_object<T>(slot: &mut *mut T, new: *mut T) {
    let old = std::mem::replace(slot, new);
    if !old.is_null() {
        Value::from_object(old).decref();
    }
}

/// Sets the defaults: a tuple (owned), or None for none.
///
/// # Safety
/// `f` is a live function.
pub unsafe fn set_defaults(f: *mut Function, defaults: Value) {
    let new = if defaults.is_kind(stitch_abi::KIND_TUPLE) && !unsafe { super::tuple::items(defaults.cast()) }.is_empty() {
        defaults.cast::<Tuple>()
    } else {
        defaults.decref();
        std::ptr::null_mut()
    };
    // SAFETY: the caller guarantees the function.
    replace_object(unsafe { &mut (*f).defaults }, new);
}

/// Sets the keyword-only defaults: a dict (owned), or None for none.
///
/// # Safety
/// `f` is a live function.
pub unsafe fn set_kwdefaults(f: *mut Function, kwdefaults: Value) {
    let new = if kwdefaults.is_kind(stitch_abi::KIND_DICT) {
        kwdefaults.cast::<Dict>()
    } else {
        kwdefaults.decref();
        std::ptr::null_mut()
    };
    // SAFETY: the caller guarantees the function.
    replace_object(unsafe { &mut (*f).kwdefaults }, new);
}

/// Sets the annotations from the tuple of name, value pairs (owned) the compiler builds,
/// as a dict.
///
/// # Safety
/// `f` is a live function; `pairs` is a tuple of even length whose even items are strs.
pub unsafe fn set_annotations(f: *mut Function, pairs: Value) {
    let d = super::dict::new_dict();
    // SAFETY: the caller guarantees the tuple; keys are strs, whose hash is their text's.
    unsafe {
        for kv in super::tuple::items(pairs.cast()).chunks_exact(2) {
            kv[0].incref();
            kv[1].incref();
            let hash = super::str::hash_text(super::str::text(kv[0]).unwrap_or(""));
            super::dict::set(d.cast(), kv[0], hash, kv[1]);
        }
        pairs.decref();
        replace_object(&mut (*f).annotations, d.cast::<Dict>());
    }
}

/// `f.__annotations__` (a new reference): the function's dict of annotations, made
/// empty the first time a function without any is asked, as CPython does.
///
/// # Safety
/// `f` is a live function.
pub unsafe fn annotations(f: *mut Function) -> Value {
    // SAFETY: the caller guarantees the function.
    unsafe {
        if (*f).annotations.is_null() {
            (*f).annotations = super::dict::new_dict().cast::<Dict>();
        }
        let d = Value::from_object((*f).annotations);
        d.incref();
        d
    }
}

/// Sets the closure: a tuple of cells (owned).
///
/// # Safety
/// `f` is a live function; `closure` is a tuple of cells.
pub unsafe fn set_closure(f: *mut Function, closure: Value) {
    // SAFETY: the caller guarantees the function.
    replace_object(unsafe { &mut (*f).closure }, closure.cast::<Tuple>());
}

/// The dict of attributes set on the function, made when first needed (borrowed).
///
/// # Safety
/// `f` is a live function.
pub unsafe fn attribute_dict(f: *mut Function) -> *mut Dict {
    // SAFETY: the caller guarantees the function.
    unsafe {
        if (*f).dict.is_null() {
            (*f).dict = super::dict::new_dict().cast::<Dict>();
        }
        (*f).dict
    }
}

/// # Safety
/// `f` has no references left.
pub unsafe fn free(f: *mut Function) {
    // SAFETY: we own the function and the references it holds. Globals are borrowed:
    // the module dict outlives every function.
    unsafe {
        let f = super::gc::take(f);
        Value::from_object(f.code).decref();
        for p in [f.defaults.cast::<u8>(), f.closure.cast(), f.kwdefaults.cast(), f.dict.cast(), f.annotations.cast()] {
            if !p.is_null() {
                Value::from_object(p).decref();
            }
        }
        f.name.decref();
        f.qualname.decref();
        f.doc.decref();
    }
}

/// Calls `visit` with the references the function owns (the collector's `traverse`;
/// its globals are borrowed, and its code holds no container).
///
/// # Safety
/// `f` is a live function.
pub unsafe fn traverse(f: *mut Function, visit: &mut dyn FnMut(Value)) {
    // SAFETY: the caller guarantees the function; the fields are owned or null.
    unsafe {
        for p in [(*f).defaults.cast::<u8>(), (*f).closure.cast(), (*f).kwdefaults.cast(), (*f).dict.cast(), (*f).annotations.cast()] {
            if !p.is_null() {
                visit(Value::from_object(p));
            }
        }
    }
}

/// Drops the defaults, closure and attribute dict (the collector breaking a cycle).
///
/// # Safety
/// `f` is a live function.
pub unsafe fn clear(f: *mut Function) {
    // SAFETY: the caller guarantees the function.
    unsafe {
        replace_object(&mut (*f).defaults, std::ptr::null_mut());
        replace_object(&mut (*f).closure, std::ptr::null_mut());
        replace_object(&mut (*f).kwdefaults, std::ptr::null_mut());
        replace_object(&mut (*f).dict, std::ptr::null_mut());
        replace_object(&mut (*f).annotations, std::ptr::null_mut());
    }
}

/// A new cell holding `value` (owned; NULL for an unbound variable).
pub fn new_cell(value: Value) -> Value {
    Value::from_object(super::gc::new_tracked(Cell { header: header(KIND_CELL), value }))
}

/// # Safety
/// `c` has no references left.
pub unsafe fn free_cell(c: *mut Cell) {
    // SAFETY: we own the cell and its value.
    unsafe { super::gc::take(c).value.decref() }
}

//! Python functions: the shared `Function` layout (specialized calls read it inline).

use super::header;
use stitch_abi::{Code, Dict, Function, KIND_FUNCTION, Tuple, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};

thread_local! {
    /// Live functions by version: the trace projector follows a specialized call to the
    /// function its cache names.
    static BY_VERSION: RefCell<HashMap<u32, usize>> = RefCell::new(HashMap::new());
}

/// The live function with this version, if any (borrowed).
pub fn by_version(version: u32) -> Option<*mut Function> {
    BY_VERSION.with(|m| m.borrow().get(&version).map(|&p| p as *mut Function))
}

/// Each function object gets its own version, so a guard on the version is a guard
/// on the function's identity.
fn next_version() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A new function; takes ownership of `code`, `defaults` (or null) and `name`.
pub fn new_function(code: Value, globals: *mut Dict, defaults: *mut Tuple, name: Value, argcount: u32) -> Value {
    let f = Function {
        header: header(KIND_FUNCTION),
        code: code.cast::<Code>(),
        globals,
        version: next_version(),
        argcount,
        defaults,
        name,
    };
    let version = f.version;
    let p = Box::into_raw(Box::new(f));
    BY_VERSION.with(|m| m.borrow_mut().insert(version, p as usize));
    Value::from_object(p)
}

/// # Safety
/// `f` has no references left.
pub unsafe fn free(f: *mut Function) {
    // SAFETY: we own the function and the references it holds. Globals are borrowed:
    // the module dict outlives every function.
    unsafe {
        let f = Box::from_raw(f);
        BY_VERSION.with(|m| m.borrow_mut().remove(&f.version));
        Value::from_object(f.code).decref();
        if !f.defaults.is_null() {
            Value::from_object(f.defaults).decref();
        }
        f.name.decref();
    }
}

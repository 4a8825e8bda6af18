//! Module objects: a name and a namespace dict. A module's functions see the same dict
//! as their globals, so `LOAD_ATTR_MODULE` and `LOAD_GLOBAL_MODULE` read it alike.

use super::{dict, new_object, str as strs};
use stitch_abi::{Dict, KIND_MODULE, Module, Value};

/// A new module named `name` whose namespace is `namespace` (a dict; consumed), with
/// `__name__` set in it.
pub fn new_module(name: &str, namespace: Value) -> Value {
    let key = strs::new_str("__name__");
    // SAFETY: `namespace` is a live dict; key and value are new references.
    unsafe { dict::set(namespace.cast(), key, strs::as_str(key).hash(), strs::new_str(name)) };
    new_object(Module { header: super::header(KIND_MODULE), dict: namespace.cast(), name: strs::new_str(name) })
}

/// The namespace of a module (borrowed).
///
/// # Safety
/// `m` is a live module.
pub unsafe fn namespace(m: Value) -> *mut Dict {
    // SAFETY: the caller guarantees the kind.
    unsafe { (*m.cast::<Module>()).dict }
}

/// The module's name (borrowed str).
///
/// # Safety
/// `m` is a live module.
pub unsafe fn name<'a>(m: Value) -> &'a str {
    // SAFETY: the caller guarantees the kind; the name is a live str.
    let name = unsafe { strs::as_str((*m.cast::<Module>()).name) };
    // A module is named by an import statement's identifiers, which hold no surrogate.
    name.text().unwrap_or("<module>")
}

/// The value bound to `name` in the module (borrowed), if any.
///
/// # Safety
/// `m` is a live module.
pub unsafe fn get(m: Value, name: &str) -> Option<Value> {
    let key = strs::new_str(name);
    // SAFETY: the namespace is a live dict; the key a live str.
    let found = unsafe { dict::get(namespace(m), key, strs::as_str(key).hash()) };
    key.decref();
    found
}

/// Frees a module.
///
/// # Safety
/// `m` is a module with no references left.
pub unsafe fn free(m: *mut Module) {
    // SAFETY: the module owns its dict and name.
    unsafe {
        let m = Box::from_raw(m);
        Value::from_object(m.dict).decref();
        m.name.decref();
    }
}

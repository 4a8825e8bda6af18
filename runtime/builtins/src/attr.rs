//! Attribute lookup and assignment: the methods of builtin types, and the attributes
//! of functions (`__name__`, `__qualname__`, `__doc__`, `__defaults__`,
//! `__kwdefaults__`, `__module__`, `__dict__`, and whatever a program sets on them).

use stitch_core::ops::type_name;
use stitch_abi::*;
use crate::methods;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::{TypeObject, bind};
use stitch_core::objects::{dict, function, str as strs};
use stitch_core::ops::hash;

fn no_attribute(owner: Value, name: &str) -> PyErr {
    PyErr::new(ExcKind::AttributeError, format!("'{}' object has no attribute '{name}'", type_name(owner)))
}

/// The method `name` of `owner`'s type, unbound: an immortal builtin that takes the
/// receiver as its first positional argument (LOAD_METHOD pushes `owner` after it).
/// For a function, the attribute itself (LOAD_METHOD then pushes no receiver).
pub fn load_method(owner: Value, name: &str) -> PyResult<Value> {
    if owner.is_kind(KIND_TYPE) || owner.is_kind(KIND_FUNCTION) {
        // `str.upper("x")`: the unbound method; `ops::call` drops the type that
        // LOAD_METHOD pushes as self.
        return load_attr(owner, name);
    }
    methods::lookup(type_name(owner), name).ok_or_else(|| no_attribute(owner, name))
}

/// `owner.name` as a value: a method bound to `owner`, on a type object the type's
/// unbound method (`str.upper`), on a function its attribute.
pub fn load_attr(owner: Value, name: &str) -> PyResult<Value> {
    if owner.is_kind(KIND_TYPE) {
        // SAFETY: the kind was checked.
        let type_name = unsafe { (*owner.cast::<TypeObject>()).name };
        return methods::lookup(type_name, name).ok_or_else(|| {
            PyErr::new(ExcKind::AttributeError, format!("type object '{type_name}' has no attribute '{name}'"))
        });
    }
    if owner.is_kind(KIND_FUNCTION) {
        // SAFETY: the kind was checked.
        return unsafe { function_attr(owner.cast(), name) };
    }
    let method = load_method(owner, name)?;
    Ok(bind(method, owner))
}

/// Attributes CPython's functions have that the subset does not model.
const UNMODELLED: &[&str] = &["__code__", "__closure__", "__globals__", "__annotations__", "__builtins__", "__class__", "__call__", "__get__"];

/// An attribute of a function, as a new reference.
///
/// # Safety
/// `f` is a live function.
unsafe fn function_attr(f: *mut Function, name: &str) -> PyResult<Value> {
    // SAFETY: the function's fields are live objects or null.
    unsafe {
        let owned = |v: Value| {
            v.incref();
            Ok(v)
        };
        let or_none = |p: Value| if p.is_null() { Ok(Value::NONE) } else { owned(p) };
        if let Some(v) = dict_get((*f).dict, name) {
            return owned(v);
        }
        match name {
            "__name__" => owned((*f).name),
            "__qualname__" => owned((*f).qualname),
            "__doc__" => owned((*f).doc),
            "__defaults__" => or_none(Value::from_object((*f).defaults)),
            "__kwdefaults__" => or_none(Value::from_object((*f).kwdefaults)),
            "__module__" => Ok(dict_get((*f).globals, "__name__").map_or(Value::NONE, |v| {
                v.incref();
                v
            })),
            "__dict__" => owned(Value::from_object(function::attribute_dict(f))),
            _ if UNMODELLED.contains(&name) => Err(PyErr::unsupported(format!("the function attribute {name}"))),
            _ => Err(no_attribute(Value::from_object(f), name)),
        }
    }
}

/// The value under a str key of a dict (null: none), borrowed.
///
/// # Safety
/// `d` is null or a live dict.
unsafe fn dict_get(d: *mut Dict, key: &str) -> Option<Value> {
    if d.is_null() {
        return None;
    }
    let k = strs::new_str(key);
    // SAFETY: the caller guarantees the dict; the key is a live str.
    let found = unsafe { dict::get(d, k, strs::as_str(k).hash()) };
    k.decref();
    found
}

/// `owner.name = value` (borrowed): on functions; other objects' attributes are their
/// types' methods, which cannot be set.
pub fn store_attr(owner: Value, name: &str, value: Value) -> PyResult<()> {
    if !owner.is_kind(KIND_FUNCTION) {
        if methods::lookup(type_name(owner), name).is_some() {
            return Err(PyErr::new(
                ExcKind::AttributeError,
                format!("'{}' object attribute '{name}' is read-only", type_name(owner)),
            ));
        }
        return Err(no_attribute(owner, name));
    }
    let f = owner.cast::<Function>();
    let must_be = |what: &str| PyErr::type_error(format!("{name} must be set to a {what} object"));
    // SAFETY: the kind was checked; the fields swapped hold owned references.
    unsafe {
        let swap = |slot: &mut Value| {
            value.incref();
            std::mem::replace(slot, value).decref();
        };
        match name {
            "__name__" if !value.is_kind(KIND_STR) => return Err(must_be("string")),
            "__qualname__" if !value.is_kind(KIND_STR) => return Err(must_be("string")),
            "__name__" => swap(&mut (*f).name),
            "__qualname__" => swap(&mut (*f).qualname),
            "__doc__" => swap(&mut (*f).doc),
            "__defaults__" if value != Value::NONE && !value.is_kind(KIND_TUPLE) => return Err(must_be("tuple")),
            "__kwdefaults__" if value != Value::NONE && !value.is_kind(KIND_DICT) => return Err(must_be("dict")),
            "__defaults__" => {
                value.incref();
                function::set_defaults(f, value);
            }
            "__kwdefaults__" => {
                value.incref();
                function::set_kwdefaults(f, value);
            }
            "__dict__" => {
                if !value.is_kind(KIND_DICT) {
                    return Err(PyErr::type_error(format!("__dict__ must be set to a dictionary, not a '{}'", type_name(value))));
                }
                value.incref();
                let old = std::mem::replace(&mut (*f).dict, value.cast());
                if !old.is_null() {
                    Value::from_object(old).decref();
                }
            }
            _ if UNMODELLED.contains(&name) => return Err(PyErr::unsupported(format!("the function attribute {name}"))),
            _ => {
                let d = function::attribute_dict(f);
                let key = strs::new_str(name);
                let h = hash(key)?;
                value.incref();
                dict::set(d, key, h, value);
            }
        }
    }
    Ok(())
}

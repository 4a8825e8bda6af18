//! `typing.TypedDict`: `class Movie(TypedDict, total=False): title: str` and
//! `TypedDict("Movie", {"title": str})`. As in CPython, such a class derives from
//! `dict` only (a TypedDict base gives its keys, not its place in the MRO), and
//! calling it makes a plain dict: its `__new__` (a native here) builds the dict, and
//! `__init__` is not run for what is no instance of the class. The class keeps
//! `__annotations__`, `__total__`, `__required_keys__` and `__optional_keys__`.

use crate::classes::{build_class, dict_get, dict_set};
use crate::errors::{PyErr, PyResult};
use crate::objects::builtin::Args;
use crate::objects::native::{Native, downcast, new_native};
use crate::objects::{Owned, dict, set, str as strs, tuple};
use stitch_abi::{KIND_BUILTIN, KIND_CLASS, KIND_DICT, KIND_FROZENSET, KIND_STR, Value};
use std::any::Any;

/// Hook for `dict` (the builtin type lives in the builtins layer).
static DICT_TYPE: std::sync::OnceLock<usize> = std::sync::OnceLock::new();

/// Records the `dict` type object (immortal), the one base of the classes made here.
pub fn set_dict_type(t: Value) {
    let _ = DICT_TYPE.set(t.0 as usize);
}

/// `typing.TypedDict` itself (a builtin of the `typing` module).
fn is_typed_dict(b: Value) -> bool {
    crate::objects::builtin::is_hint_placeholder(b)
        // SAFETY: placeholders are builtins.
        && b.is_kind(KIND_BUILTIN) && unsafe { (*b.cast::<crate::objects::builtin::Builtin>()).name } == "TypedDict"
}

/// A class this module made (its own `__new__` is the dict-making native).
pub fn is_typed_dict_class(b: Value) -> bool {
    // SAFETY: the kind is checked first.
    b.is_kind(KIND_CLASS)
        && dict_get(unsafe { crate::objects::class::as_class(b) }.dict, "__new__").is_some_and(|f| downcast::<MakeDict>(f).is_some())
}

/// Whether a class statement with these bases makes a TypedDict.
pub fn is_base(bases: &[Value]) -> bool {
    bases.iter().any(|&b| is_typed_dict(b) || is_typed_dict_class(b))
}

/// `class qualname(TypedDict, total=...): body`: the keys are the body's annotations
/// (after those of TypedDict bases); `kwargs` (a dict or None) holds `total`.
pub fn from_class_body(qualname: &str, bases: &[Value], namespace: Value, kwargs: Value) -> PyResult<Value> {
    let mut total = true;
    if kwargs.is_kind(KIND_DICT) {
        // SAFETY: the compiler builds the keywords dict with str keys.
        for e in unsafe { dict::entries(kwargs.cast()) } {
            // SAFETY: as above.
            match unsafe { strs::text(e.key) }? {
                "total" => total = crate::ops::truthy(e.value),
                k => {
                    return Err(PyErr::type_error(format!("__init_subclass__() takes no keyword arguments ({k})")));
                }
            }
        }
    }
    for &b in bases {
        if !is_typed_dict(b) && !is_typed_dict_class(b) && !crate::objects::builtin::is_hint_placeholder(b) {
            return Err(PyErr::type_error("cannot inherit from both a TypedDict type and a non-TypedDict base class"));
        }
    }
    let own = dict_get(namespace, "__annotations__").filter(|a| a.is_kind(KIND_DICT));
    make(qualname, bases, own, total, Some(namespace))
}

/// `TypedDict(name, fields, total=True)`, the functional form.
pub fn functional(name: &str, fields: Value, total: bool) -> PyResult<Value> {
    if !fields.is_kind(KIND_DICT) {
        return Err(PyErr::type_error("TypedDict takes a dict as its second argument"));
    }
    make(name, &[], Some(fields), total, None)
}

/// The class: `own` (a dict of key → type, borrowed) adds keys to those of the
/// TypedDict classes among `bases`; `body` (borrowed) adds the class body's entries.
fn make(qualname: &str, bases: &[Value], own: Option<Value>, total: bool, body: Option<Value>) -> PyResult<Value> {
    let Some(&dict_type) = DICT_TYPE.get() else { return Err(PyErr::unsupported("TypedDict before builtins exist")) };
    let annotations = Owned(dict::new_dict());
    let mut required: Vec<Value> = Vec::new();
    let mut optional: Vec<Value> = Vec::new();
    let add = |d: Value| -> PyResult<()> {
        // SAFETY: annotation dicts are live dicts.
        for e in unsafe { dict::entries(d.cast()) } {
            if !e.key.is_kind(KIND_STR) {
                return Err(PyErr::unsupported("a TypedDict key that is not a str"));
            }
            // SAFETY: the kind was checked.
            dict_set(annotations.get(), unsafe { strs::text(e.key) }?, e.value);
        }
        Ok(())
    };
    for &b in bases.iter().filter(|&&b| is_typed_dict_class(b)) {
        // SAFETY: the kind was checked by `is_typed_dict_class`.
        let ns = unsafe { crate::objects::class::as_class(b) }.dict;
        if let Some(a) = dict_get(ns, "__annotations__").filter(|a| a.is_kind(KIND_DICT)) {
            add(a)?;
        }
        for (which, into) in [("__required_keys__", &mut required), ("__optional_keys__", &mut optional)] {
            if let Some(s) = dict_get(ns, which).filter(|s| s.is_kind(KIND_FROZENSET)) {
                // SAFETY: a live frozenset.
                into.extend(unsafe { set::entries(set::as_set(s)) }.iter().map(|e| e.key));
            }
        }
    }
    if let Some(own) = own {
        add(own)?;
        // SAFETY: a live dict.
        let keys = unsafe { dict::entries(own.cast()) }.map(|e| e.key);
        if total { required.extend(keys) } else { optional.extend(keys) }
    }
    let ns = Owned(dict::new_dict());
    if let Some(body) = body {
        // SAFETY: a class body's namespace is a live dict of str keys.
        for e in unsafe { dict::entries(body.cast()) } {
            // SAFETY: as above.
            dict_set(ns.get(), unsafe { strs::text(e.key) }?, e.value);
        }
    }
    dict_set(ns.get(), "__annotations__", annotations.get());
    dict_set(ns.get(), "__total__", Value::bool(total));
    for (which, keys) in [("__required_keys__", &required), ("__optional_keys__", &optional)] {
        let s = Owned(set::new_set(KIND_FROZENSET));
        for &k in keys.iter() {
            k.incref();
            // SAFETY: a new frozenset; the key is a str (hashable) and a new reference.
            unsafe { set::add(set::as_set(s.get()), k, crate::ops::hash(k)?) }?;
        }
        dict_set(ns.get(), which, s.get());
    }
    let make_dict = Owned(new_native(Box::new(MakeDict)));
    dict_set(ns.get(), "__new__", make_dict.get());
    let dict_type = Value(dict_type as u64);
    dict_type.incref();
    let bases = Owned(tuple::from_vec(vec![dict_type]));
    build_class(qualname, bases.get(), ns.get())
}

/// A TypedDict class's `__new__(cls, *args, **kwargs)`: the plain dict `dict(*args,
/// **kwargs)` would make (a mapping argument, then the keywords).
struct MakeDict;

impl Native for MakeDict {
    fn type_name(&self) -> &'static str {
        "function"
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn is_callable(&self) -> bool {
        true
    }
    fn call(&self, args: &Args) -> Option<PyResult<Value>> {
        Some((|| {
            let rest = args.positional.get(1..).unwrap_or(&[]);
            let d = Owned(dict::new_dict());
            match rest {
                [] => {}
                [m] if m.is_kind(KIND_DICT) => {
                    // SAFETY: a live dict.
                    for e in unsafe { dict::entries(m.cast()) } {
                        e.key.incref();
                        e.value.incref();
                        // SAFETY: `d` is a new dict; key and value are new references.
                        unsafe { dict::set(d.get().cast(), e.key, e.hash, e.value) };
                    }
                }
                [_] => return Err(PyErr::unsupported("a TypedDict made from something other than a dict")),
                _ => return Err(PyErr::type_error(format!("dict expected at most 1 argument, got {}", rest.len()))),
            }
            for &(k, v) in args.keywords {
                dict_set(d.get(), k, v);
            }
            Ok(d.into_raw())
        })())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

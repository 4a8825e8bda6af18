//! `isinstance` and `type`.

use stitch_abi::*;
use crate::args::{between, no_keywords};
use crate::types::{as_type, is_instance, type_id_of, type_object};
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::{builtin::Args, tuple};
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;

/// `isinstance(x, T)` where `T` is a type or a (nested) tuple of types. Like CPython,
/// a tuple is searched in order and a bad entry only matters if reached.
pub fn isinstance(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("isinstance", args)?;
    let a = between("isinstance", args, 0, 2, Some(2))?;
    matches(a[0], a[1]).map(Value::bool)
}

pub(crate) fn matches(v: Value, t: Value) -> PyResult<bool> {
    if let Some(r) = super::abc_checks::protocol_isinstance(v, t) {
        return r;
    }
    if stitch_core::typed_dict::is_typed_dict_class(t) {
        return Err(PyErr::type_error("TypedDict does not support instance and class checks"));
    }
    if stitch_core::metaclass::is_metaclass(t) {
        // `isinstance(C, Meta)`: the class's metaclass derives from `Meta`.
        return Ok(stitch_core::metaclass::is_instance(v, t));
    }
    if t.is_kind(KIND_CLASS) {
        return Ok(stitch_core::classes::user_class_of(v).is_some_and(|c| stitch_core::classes::is_subclass(c, t)));
    }
    if let Some(id) = as_type(t) {
        if id == stitch_core::objects::builtin::TypeId::Native(crate::modules::abc::ABC_META) {
            // `isinstance(C, ABCMeta)`: the classes `type()` gives ABCMeta for.
            return Ok(v.is_kind(KIND_CLASS) && stitch_core::abstract_methods::derives_from_abc(v));
        }
        return Ok(is_instance(v, id));
    }
    if let Some(yes) = super::abc_checks::isinstance(v, t) {
        return Ok(yes);
    }
    if let Some(members) = stitch_core::union_type::args(t) {
        return members.iter().try_fold(false, |found, &m| Ok(found || matches(v, m)?));
    }
    if t.is_kind(KIND_TUPLE) {
        // SAFETY: the kind was checked.
        for &item in unsafe { tuple::items(t.cast()) } {
            if matches(v, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    Err(PyErr::type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
}

/// `type(x)`, for the values whose types have type objects here.
pub fn type_(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    if args.positional.len() == 3 {
        return make_class(&args.positional[..3]);
    }
    if args.positional.len() != 1 || !args.keywords.is_empty() {
        return Err(PyErr::type_error("type() takes 1 or 3 arguments"));
    }
    type_of(args.positional[0])
}

/// `type(name, bases, namespace)`: a class, as a class statement with that body would
/// make it (the namespace is copied; `__init_subclass__` runs).
fn make_class(a: &[Value]) -> PyResult<Value> {
    let (name, bases, ns) = (a[0], a[1], a[2]);
    let wrong = |n: usize, want: &str, v: Value| {
        PyErr::type_error(format!("type.__new__() argument {n} must be {want}, not {}", type_name(v)))
    };
    if !name.is_kind(KIND_STR) {
        return Err(wrong(1, "str", name));
    }
    if !bases.is_kind(KIND_TUPLE) {
        return Err(wrong(2, "tuple", bases));
    }
    if !ns.is_kind(KIND_DICT) {
        return Err(wrong(3, "dict", ns));
    }
    let copy = stitch_core::objects::Owned(stitch_core::objects::dict::new_dict());
    // SAFETY: `ns` is a live dict (the kind was checked); `copy` is a new one.
    for e in unsafe { stitch_core::objects::dict::entries(ns.cast()) } {
        if !e.key.is_kind(KIND_STR) {
            return Err(PyErr::unsupported("type() with a namespace key that is not a str"));
        }
        // SAFETY: the key is a str (checked), so its hash is its text's.
        let hash = stitch_core::objects::str::hash_text(unsafe { stitch_core::objects::str::text(e.key) }?);
        e.key.incref();
        e.value.incref();
        // SAFETY: `copy` is live; key and value are new references.
        unsafe { stitch_core::objects::dict::set(copy.get().cast(), e.key, hash, e.value) };
    }
    // SAFETY: the kind was checked.
    let name = unsafe { stitch_core::objects::str::text(name) }?.to_string();
    let cls = stitch_core::classes::build_class(&name, bases, copy.get())?;
    if let Err(e) = stitch_core::classes::init_subclass(cls, Value::NONE) {
        cls.decref();
        return Err(e);
    }
    Ok(cls)
}

/// `type(v)` and `v.__class__`: the type or class of `v` (a new reference).
pub fn type_of(v: Value) -> PyResult<Value> {
    if v.is_kind(KIND_CLASS) && stitch_core::enums::is_enum_class(v) {
        return Err(PyErr::unsupported("type() of an enum class (the metaclass EnumType)"));
    }
    if v.is_kind(KIND_CLASS) && stitch_core::abstract_methods::derives_from_abc(v) {
        // A class deriving from `ABC` or made with `metaclass=ABCMeta`.
        return Ok(crate::modules::native_type(crate::modules::abc::ABC_META));
    }
    if let Some(meta) = stitch_core::metaclass::meta_of(v) {
        meta.incref();
        return Ok(meta);
    }
    if stitch_core::classes::is_plain_object(v) {
        let t = stitch_core::classes::object_type_value();
        t.incref();
        return Ok(t);
    }
    if let Some(c) = stitch_core::classes::user_class_of(v) {
        c.incref();
        return Ok(c);
    }
    if v.is_kind(KIND_TUPLE) && stitch_core::objects::subclass::subclass_of(v).is_some() {
        return Err(PyErr::unsupported("type() of a struct sequence"));
    }
    match type_id_of(v) {
        Some(id) => Ok(type_object(id)),
        None => Err(PyErr::unsupported(format!("type() of a '{}' object", type_name(v)))),
    }
}

/// `callable(x)`: functions, builtins, methods, types and classes, and instances (or
/// builtin-type subclass objects) of a class with `__call__`.
pub fn callable(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("callable", args)?;
    let x = between("callable", args, 0, 1, Some(1))?[0];
    let yes = match stitch_core::objects::kind(x) {
        KIND_FUNCTION | KIND_BUILTIN | KIND_BOUND_METHOD | KIND_TYPE | KIND_CLASS => true,
        KIND_INSTANCE => stitch_core::classes::lookup(stitch_core::classes::class_of(x), "__call__").is_some(),
        // A partial, an lru_cache wrapper, a method total_ordering made.
        KIND_NATIVE => stitch_core::objects::native::get(x).is_some_and(|n| n.is_callable()),
        // A list, dict, tuple, str or int of a class with `__call__`.
        _ => stitch_core::builtin_subclasses::class_of(x).is_some_and(|c| stitch_core::classes::lookup(c, "__call__").is_some()),
    };
    Ok(Value::bool(yes))
}

/// `id(x)`: the object's address (CPython's), or the value word of an unboxed value.
pub fn id(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("id", args)?;
    let x = between("id", args, 0, 1, Some(1))?[0];
    let bits = if x.is_object() { x.object() as usize as u64 } else { x.0 };
    Ok(stitch_core::objects::bigint::from_i128(i128::from(bits)))
}

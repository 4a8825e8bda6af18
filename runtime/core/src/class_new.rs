//! `__new__`: a class that defines it is called as CPython's `type.__call__` does —
//! `__new__(cls, *args, **kwargs)` makes the object, and `__init__` runs only when
//! that object is an instance of the class — and the base types' `__new__`s that a
//! class's own one ends in (`object.__new__`, `tuple.__new__`), found on the types,
//! through `super()` and on classes that do not define one.

use crate::classes::{class_name, is_object_type, is_subclass, lookup, user_class_of};
use crate::errors::{PyErr, PyResult};
use crate::objects::builtin::{Args, TypeObject};
use crate::objects::class::{Descriptor, DescriptorKind, as_class, new_instance};
use crate::vm::Runtime;
use stitch_abi::{KIND_CLASS, KIND_DESCRIPTOR, KIND_TYPE, Value};

/// The `__new__` a class or a class of its MRO defines (borrowed; the function a
/// static method wraps), if any.
pub fn own_new(cls: Value) -> Option<Value> {
    let f = lookup(cls, "__new__")?;
    if f.is_kind(KIND_DESCRIPTOR) {
        // SAFETY: the kind was checked.
        let d = unsafe { &*f.cast::<Descriptor>() };
        if d.which == DescriptorKind::StaticMethod {
            return Some(d.func);
        }
    }
    Some(f)
}

/// `Class(args)` for a class with its own `__new__`.
pub fn instantiate_with_new(rt: &mut Runtime, cls: Value, new: Value, args: &Args) -> PyResult<Value> {
    // SAFETY: callers pass classes.
    if unsafe { as_class(cls) }.exc_base.is_some() {
        return Err(PyErr::unsupported("__new__ in an exception class"));
    }
    let mut positional = Vec::with_capacity(args.positional.len() + 1);
    positional.push(cls);
    positional.extend_from_slice(args.positional);
    let obj = crate::ops::call(rt, new, &Args { positional: &positional, keywords: args.keywords })?;
    // Anything else `__new__` returns (a cached instance of another class, a plain
    // value) is the call's result as it is.
    let Some(of) = user_class_of(obj).filter(|&c| is_subclass(c, cls)) else { return Ok(obj) };
    let Some(init) = lookup(of, "__init__") else {
        // object.__init__ (and tuple's, which is object's) ignores the arguments
        // when `__new__` is overridden.
        return Ok(obj);
    };
    crate::classes::run_init(rt, init, obj, args)
}

/// The `__new__` of the builtin type a class derives from, as `Class.__new__` and
/// `super().__new__` give it when no class of the MRO defines one.
pub fn base_new(cls: Value) -> PyResult<Value> {
    // SAFETY: callers pass classes.
    let c = unsafe { as_class(cls) };
    if c.is_meta.get() {
        // `super().__new__(mcls, name, bases, ns)` in a metaclass's `__new__`.
        return Ok(crate::metaclass::type_new_builtin());
    }
    if c.exc_base.is_some() {
        return Err(PyErr::unsupported("BaseException.__new__"));
    }
    match c.builtin_base.map(|b| b.type_name()) {
        None => Ok(object_new_builtin()),
        Some("tuple") => Ok(tuple_new_builtin()),
        Some("str") => Ok(str_new_builtin()),
        Some("int") => Ok(int_new_builtin()),
        Some("float") => Ok(crate::float_subclass::float_new_builtin()),
        Some(t) => Err(PyErr::unsupported(format!("{t}.__new__"))),
    }
}

/// `object.__new__` (an immortal builtin).
pub fn object_new_builtin() -> Value {
    static F: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let p = *F.get_or_init(|| crate::objects::builtin::immortal_builtin("__new__", Some("object"), object_new).object() as usize);
    Value::from_object(p as *mut stitch_abi::Object)
}

/// `tuple.__new__` (an immortal builtin).
pub fn tuple_new_builtin() -> Value {
    static F: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let p = *F.get_or_init(|| {
        crate::objects::builtin::immortal_builtin("__new__", Some("tuple"), |rt, args| {
            let Some((&cls, rest)) = args.positional.split_first() else {
                return Err(PyErr::type_error("tuple.__new__(): not enough arguments"));
            };
            crate::builtin_subclasses::tuple_new(rt, cls, &Args { positional: rest, keywords: args.keywords })
        })
        .object() as usize
    });
    Value::from_object(p as *mut stitch_abi::Object)
}

/// `str.__new__` (an immortal builtin).
pub fn str_new_builtin() -> Value {
    static F: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let p = *F.get_or_init(|| {
        crate::objects::builtin::immortal_builtin("__new__", Some("str"), |rt, args| {
            let Some((&cls, rest)) = args.positional.split_first() else {
                return Err(PyErr::type_error("str.__new__(): not enough arguments"));
            };
            crate::builtin_subclasses::value_new(rt, cls, &Args { positional: rest, keywords: args.keywords }, "str")
        })
        .object() as usize
    });
    Value::from_object(p as *mut stitch_abi::Object)
}

/// `int.__new__` (an immortal builtin).
pub fn int_new_builtin() -> Value {
    static F: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let p = *F.get_or_init(|| {
        crate::objects::builtin::immortal_builtin("__new__", Some("int"), |rt, args| {
            let Some((&cls, rest)) = args.positional.split_first() else {
                return Err(PyErr::type_error("int.__new__(): not enough arguments"));
            };
            crate::builtin_subclasses::value_new(rt, cls, &Args { positional: rest, keywords: args.keywords }, "int")
        })
        .object() as usize
    });
    Value::from_object(p as *mut stitch_abi::Object)
}

/// The name of a type or class, for the messages about `__new__`'s first argument.
pub fn type_or_class_name(t: Value) -> Option<&'static str> {
    if t.is_kind(KIND_CLASS) {
        return Some(class_name(t));
    }
    // SAFETY: the kind is checked first.
    t.is_kind(KIND_TYPE).then(|| unsafe { (*t.cast::<TypeObject>()).name })
}

/// `object.__new__(cls, *args, **kwargs)`: a new instance of a plain class, with
/// CPython's checks of the class and of the arguments.
fn object_new(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let Some((&cls, rest)) = args.positional.split_first() else {
        return Err(PyErr::type_error("object.__new__(): not enough arguments"));
    };
    let Some(name) = type_or_class_name(cls) else {
        return Err(PyErr::type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            crate::ops::type_name(cls)
        )));
    };
    if !cls.is_kind(KIND_CLASS) {
        if is_object_type(cls) && rest.is_empty() && args.keywords.is_empty() {
            return crate::ops::call(_rt, cls, &Args { positional: &[], keywords: &[] });
        }
        return Err(PyErr::unsupported(format!("object.__new__({name})")));
    }
    // SAFETY: the kind was checked.
    let c = unsafe { as_class(cls) };
    if let Some(b) = c.builtin_base {
        return Err(PyErr::type_error(format!("object.__new__({name}) is not safe, use {}.__new__()", b.type_name())));
    }
    if c.exc_base.is_some() {
        return Err(PyErr::type_error(format!("object.__new__({name}) is not safe, use BaseException.__new__()")));
    }
    if !rest.is_empty() || !args.keywords.is_empty() {
        if lookup(cls, "__new__").is_some() {
            return Err(PyErr::type_error("object.__new__() takes exactly one argument (the type to instantiate)"));
        }
        if lookup(cls, "__init__").is_none() {
            return Err(PyErr::type_error(format!("{name}() takes no arguments")));
        }
    }
    crate::abstract_methods::check_instantiable(cls)?;
    Ok(new_instance(cls))
}

//! The builtins of classes: `super`, `staticmethod`, `classmethod`, `property`,
//! `issubclass`, and `getattr`/`setattr`/`hasattr`.

use crate::args::{between, no_keywords, one};
use crate::attr::{load_attr, store_attr};
use crate::types::{as_type, is_subtype};
use stitch_abi::*;
use stitch_core::classes;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::Args;
use stitch_core::objects::class::{DescriptorKind, new_descriptor};
use stitch_core::objects::{str as strs, tuple};
use stitch_core::ops::type_name;
use stitch_core::vm::Runtime;

/// `super(cls, obj)`; the compiler turns `super()` in a method into
/// `super(__class__, self)`, as CPython does when it runs.
pub fn super_(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("super", args)?;
    match args.positional {
        [cls, obj] => classes::new_super(*cls, *obj),
        [] => Err(PyErr::new(ExcKind::RuntimeError, "super(): no arguments")),
        _ => Err(PyErr::unsupported("super() with one argument")),
    }
}

pub fn staticmethod(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    Ok(new_descriptor(DescriptorKind::StaticMethod, one("staticmethod", args, 0)?))
}

pub fn classmethod(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    Ok(new_descriptor(DescriptorKind::ClassMethod, one("classmethod", args, 0)?))
}

/// `property(fget, fset=None, fdel=None)`, by position or by keyword (a `doc` is
/// refused: properties keep no docstring here).
pub fn property(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    const NAMES: [&str; 3] = ["fget", "fset", "fdel"];
    if args.positional.len() > 3 {
        return Err(PyErr::type_error(format!("property() takes at most 4 arguments ({} given)", args.positional.len())));
    }
    let mut parts = [None; 3];
    for (i, &v) in args.positional.iter().enumerate() {
        parts[i] = Some(v);
    }
    for &(k, v) in args.keywords {
        let Some(i) = NAMES.iter().position(|n| *n == k) else {
            return Err(PyErr::unsupported(format!("property() with the keyword {k}")));
        };
        if parts[i].is_some() {
            return Err(PyErr::type_error(format!("argument for property() given by name ('{k}') and position ({})", i + 1)));
        }
        parts[i] = Some(v);
    }
    let Some(get) = parts[0] else {
        return Err(PyErr::unsupported("property() without a getter"));
    };
    let none = |p: Option<Value>| p.unwrap_or(Value::NONE);
    Ok(crate::methods::property::new_property(get, none(parts[1]), none(parts[2])))
}

/// `issubclass(C, B)` where `B` is a class or a (nested) tuple of classes.
pub fn issubclass(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("issubclass", args)?;
    let a = between("issubclass", args, 0, 2, Some(2))?;
    if !a[0].is_kind(KIND_CLASS) && !a[0].is_kind(KIND_TYPE) {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    }
    subclass_of(a[0], a[1]).map(Value::bool)
}

fn subclass_of(c: Value, t: Value) -> PyResult<bool> {
    if stitch_core::metaclass::is_metaclass(c)
        && t.is_kind(KIND_TYPE)
        // SAFETY: the kind was checked.
        && matches!(unsafe { (*t.cast::<stitch_core::objects::builtin::TypeObject>()).name }, "type" | "object")
    {
        return Ok(true);
    }
    if t.is_kind(KIND_CLASS) {
        return Ok(classes::is_subclass(c, t));
    }
    if let Some(id) = as_type(t) {
        return Ok(is_subtype(c, id));
    }
    if let Some(members) = stitch_core::union_type::args(t) {
        return members.iter().try_fold(false, |found, &m| Ok(found || subclass_of(c, m)?));
    }
    if t.is_kind(KIND_TUPLE) {
        // SAFETY: the kind was checked.
        for &item in unsafe { tuple::items(t.cast()) } {
            if subclass_of(c, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    Err(PyErr::type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
}

/// The attribute name argument of `getattr` and friends.
pub(crate) fn name_arg<'a>(f: &str, v: Value) -> PyResult<&'a str> {
    if !v.is_kind(KIND_STR) {
        return Err(PyErr::type_error(format!("{f}(): attribute name must be string, not '{}'", type_name(v))));
    }
    // SAFETY: the kind was checked; the argument outlives the call.
    unsafe { strs::text(v) }
}

/// `getattr(obj, name[, default])`: the default only replaces an AttributeError.
pub fn getattr(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("getattr", args)?;
    let a = args.positional;
    if a.len() < 2 || a.len() > 3 {
        return Err(PyErr::type_error(format!("getattr expected at least 2 arguments, got {}", a.len())));
    }
    let name = name_arg("getattr", a[1])?;
    match load_attr(a[0], name) {
        Err(e) if e.kind == ExcKind::AttributeError && a.len() == 3 => {
            // A `__getattr__` may have raised it: its frames are no one's traceback.
            rt.traceback.clear();
            a[2].incref();
            Ok(a[2])
        }
        r => r,
    }
}

pub fn hasattr(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("hasattr", args)?;
    let a = args.positional;
    if a.len() != 2 {
        return Err(PyErr::type_error(format!("hasattr expected 2 arguments, got {}", a.len())));
    }
    let name = name_arg("hasattr", a[1])?;
    match load_attr(a[0], name) {
        Ok(v) => {
            v.decref();
            Ok(Value::TRUE)
        }
        Err(e) if e.kind == ExcKind::AttributeError => {
            rt.traceback.clear();
            Ok(Value::FALSE)
        }
        Err(e) => Err(e),
    }
}

pub fn setattr(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("setattr", args)?;
    let a = args.positional;
    if a.len() != 3 {
        return Err(PyErr::type_error(format!("setattr expected 3 arguments, got {}", a.len())));
    }
    let name = name_arg("setattr", a[1])?;
    store_attr(a[0], name, a[2])?;
    Ok(Value::NONE)
}

/// `delattr(obj, name)`: `del obj.name`.
pub fn delattr(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("delattr", args)?;
    let a = args.positional;
    if a.len() != 2 {
        return Err(PyErr::type_error(format!("delattr expected 2 arguments, got {}", a.len())));
    }
    if !a[1].is_kind(KIND_STR) {
        return Err(PyErr::type_error(format!("attribute name must be string, not '{}'", type_name(a[1]))));
    }
    // SAFETY: the kind was checked; the argument outlives the call.
    let name = unsafe { strs::text(a[1]) }?;
    crate::attr::delete_attr(a[0], name)?;
    Ok(Value::NONE)
}

/// `callable(x)`.
pub fn callable(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = one("callable", args, 0)?;
    Ok(Value::bool(stitch_core::ops::call::is_callable(v)))
}

/// `id(x)`: the object's address (a value in the word itself has its bits).
pub fn id(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = one("id", args, 0)?;
    let n = if v.is_object() { v.object() as usize as i64 } else { (v.0 & ((1 << 48) - 1)) as i64 };
    Ok(stitch_core::objects::bigint::from_i64(n))
}

/// `vars(obj)`: an instance's `__dict__`.
/// `dir(obj)` of an instance of a plain class or of such a class: the sorted names of
/// the instance, its class and bases, and `object`. Other objects (whose names are
/// their types'), slotted and enum classes and `dir()` of the caller's scope are refused.
pub fn dir(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("dir", args)?;
    if args.positional.is_empty() {
        return Err(PyErr::unsupported("dir() without an argument"));
    }
    let a = between("dir", args, 0, 1, Some(1))?;
    let v = a[0];
    let cls = if v.is_kind(KIND_INSTANCE) { classes::class_of(v) } else { v };
    // SAFETY: the kind is checked first.
    let plain = cls.is_kind(stitch_abi::KIND_CLASS) && {
        let c = unsafe { stitch_core::objects::class::as_class(cls) };
        c.builtin_base.is_none() && c.exc_base.is_none() && !c.enum_class.get()
    };
    if !plain || classes::lookup(cls, "__slots__").is_some() {
        return Err(PyErr::unsupported(format!("dir() of a '{}' object", stitch_core::ops::type_name(v))));
    }
    let names = if v.is_kind(KIND_INSTANCE) { classes::dir_names(v) } else { classes::class_dir_names(v) };
    Ok(stitch_core::objects::list::from_vec(names.iter().map(|n| stitch_core::objects::str::new_str(n)).collect()))
}

pub fn vars(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("vars", args)?;
    if args.positional.is_empty() {
        // The caller's locals, which builtins cannot see.
        return Err(PyErr::unsupported("vars() without an argument"));
    }
    let a = between("vars", args, 0, 1, Some(1))?;
    if a[0].is_kind(KIND_INSTANCE) {
        return classes::instance_getattr(a[0], "__dict__").map_err(|e| {
            if e.kind == stitch_core::errors::ExcKind::AttributeError {
                // A slotted instance.
                PyErr::type_error("vars() argument must have __dict__ attribute")
            } else {
                e
            }
        });
    }
    if let Some(r) = stitch_core::builtin_subclasses::getattr(a[0], "__dict__") {
        return r;
    }
    if a[0].is_kind(stitch_abi::KIND_MODULE) {
        return crate::attr::load_attr(a[0], "__dict__");
    }
    use stitch_abi::{KIND_CLASS, KIND_EXCEPTION, KIND_FUNCTION, KIND_NATIVE, KIND_TYPE};
    if matches!(stitch_core::objects::kind(a[0]), KIND_CLASS | KIND_EXCEPTION | KIND_FUNCTION | KIND_NATIVE | KIND_TYPE) {
        // These have a `__dict__` in CPython (a mappingproxy for classes and types).
        return Err(PyErr::unsupported(format!("vars() of a '{}' object", stitch_core::ops::type_name(a[0]))));
    }
    Err(PyErr::type_error("vars() argument must have __dict__ attribute"))
}

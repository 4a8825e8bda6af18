//! Attribute lookup and assignment: the methods of builtin types, the names of
//! builtins and types (`__name__`, `__qualname__`, `__module__`), and the attributes
//! of functions (`__name__`, `__qualname__`, `__doc__`, `__defaults__`,
//! `__kwdefaults__`, `__module__`, `__dict__`, and whatever a program sets on them).
//! CPython's objects have many more `__dunder__` attributes: asking for one of those
//! is outside the subset, not an AttributeError.

use stitch_core::ops::type_name;
use stitch_abi::*;
use crate::methods;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::{BoundMethod, Builtin, TypeObject, bind};
use stitch_core::objects::{dict, function, str as strs};
use stitch_core::ops::hash;
use stitch_core::classes;

/// `owner.name(...)`: the attribute to call and the self to call it with (a new
/// reference, or NULL): LOAD_METHOD pushes both, so a method call makes no bound method.
pub fn load_method_with_self(owner: Value, name: &str) -> PyResult<(Value, Value)> {
    match stitch_core::objects::kind(owner) {
        KIND_INSTANCE => match float_base_attr(owner, name) {
            Some(r) => Ok((r?, Value::NULL)),
            None => classes::instance_method(owner, name),
        },
        KIND_SUPER => super_attr(owner, name, true),
        KIND_EXCEPTION if classes::exception_class(owner).is_some() => {
            // A method of the user class: called with the exception as self.
            if let Some(cls) = classes::exception_class(owner)
                && let Some(f) = classes::lookup(cls, name)
                && f.is_kind(KIND_FUNCTION)
                && !matches!(name, "args")
            {
                f.incref();
                owner.incref();
                return Ok((f, owner));
            }
            Ok((load_attr(owner, name)?, Value::NULL))
        }
        KIND_CLASS | KIND_FUNCTION | KIND_MODULE => Ok((load_attr(owner, name)?, Value::NULL)),
        // `prop.fget(obj)`: the wrapped function, called without the property.
        stitch_abi::KIND_DESCRIPTOR if methods::lookup(type_name(owner), name).is_none() => Ok((load_attr(owner, name)?, Value::NULL)),
        KIND_NATIVE if methods::lookup(type_name(owner), name).is_none() => Ok((load_attr(owner, name)?, Value::NULL)),
        KIND_LIST | KIND_DICT | KIND_TUPLE | KIND_STR | KIND_BIGINT if stitch_core::builtin_subclasses::class_of(owner).is_some() => {
            // A class deriving from list, dict, tuple or str: its own methods and attributes first.
            if let Some(r) = stitch_core::builtin_subclasses::method(owner, name) {
                return Ok(r);
            }
            if let Some(r) = stitch_core::builtin_subclasses::getattr(owner, name) {
                return Ok((r?, Value::NULL));
            }
            let m = match load_method(owner, name) {
                Err(e) if e.kind == ExcKind::AttributeError => {
                    return Ok((stitch_core::builtin_subclasses::getattr_fallback(owner, name).unwrap_or(Err(e))?, Value::NULL));
                }
                r => r?,
            };
            owner.incref();
            Ok((m, owner))
        }
        KIND_TUPLE if stitch_core::objects::subclass::subclass_of(owner).is_some() => Ok((load_attr(owner, name)?, Value::NULL)),
        _ => {
            let m = load_method(owner, name)?;
            owner.incref();
            Ok((m, owner))
        }
    }
}

/// `super().name` (`classes::super_getattr`); what no class after the start of the
/// MRO has may be a plain method of the builtin type an instance's class derives from
/// (`super().keys()` in a dict subclass), which lives in this crate's tables.
fn super_attr(sup: Value, name: &str, for_call: bool) -> PyResult<(Value, Value)> {
    let err = match classes::super_getattr(sup, name, for_call) {
        Err(e) if e.kind == ExcKind::AttributeError => e,
        r => return r,
    };
    // SAFETY: callers pass super objects.
    let obj = unsafe { (*sup.cast::<stitch_core::objects::class::SuperObject>()).obj };
    let Some(m) = stitch_core::builtin_subclasses::methods_type_name(obj).and_then(|t| methods::lookup(t, name)) else {
        return Err(err);
    };
    if for_call {
        obj.incref();
        return Ok((m, obj));
    }
    Ok((bind(m, obj), Value::NULL))
}

fn no_attribute(owner: Value, name: &str) -> PyErr {
    if crate::cpython_names::type_has(type_name(owner), name) {
        // CPython has it; stitch does not yet: outside the subset, not the program's bug.
        return PyErr::unsupported(format!("the method {}.{name}", type_name(owner)));
    }
    if is_dunder(name) && !methods::dunders::lacks(type_name(owner), name) {
        return PyErr::unsupported(format!("the attribute {name} of a {} object", type_name(owner)));
    }
    let hint = stitch_core::suggest::attribute_error_hint(type_name(owner), name);
    PyErr::new(ExcKind::AttributeError, format!("'{}' object has no attribute '{name}'", type_name(owner))).with_hint(hint)
}

fn is_dunder(name: &str) -> bool {
    name.len() > 4 && name.starts_with("__") && name.ends_with("__")
}

/// `__name__`, `__qualname__` and `__module__` of a builtin function or method, or of a
/// type: (name, owner type, module).
fn builtin_names(owner: Value) -> Option<(&'static str, Option<&'static str>, Value)> {
    // SAFETY: each arm reads the layout of the kind it matched.
    unsafe {
        let builtins = || strs::new_str("builtins");
        match stitch_core::objects::kind(owner) {
            KIND_BUILTIN => {
                let b = &*owner.cast::<Builtin>();
                Some((b.name, b.owner, if b.owner.is_none() { builtins() } else { Value::NONE }))
            }
            KIND_BOUND_METHOD => {
                let m = &*owner.cast::<BoundMethod>();
                builtin_names(m.func).map(|(n, o, _)| (n, o, Value::NONE))
            }
            KIND_TYPE => Some(((*owner.cast::<TypeObject>()).name, None, builtins())),
            _ => None,
        }
    }
}

/// The name attributes of builtins and types.
fn builtin_attr(owner: Value, name: &str) -> Option<Value> {
    let (n, owner_type, module) = builtin_names(owner)?;
    let v = match name {
        "__name__" => strs::new_str(n),
        "__qualname__" => match owner_type {
            Some(t) => strs::from_string(format!("{t}.{n}")),
            None => strs::new_str(n),
        },
        "__module__" => return Some(module),
        _ => {
            module.decref();
            return None;
        }
    };
    module.decref();
    Some(v)
}

/// The method `name` of `owner`'s type, unbound: an immortal builtin that takes the
/// receiver as its first positional argument (LOAD_METHOD pushes `owner` after it).
/// For a function, the attribute itself (LOAD_METHOD then pushes no receiver).
pub fn load_method(owner: Value, name: &str) -> PyResult<Value> {
    if owner.is_kind(KIND_TYPE) || owner.is_kind(KIND_FUNCTION) || owner.is_kind(KIND_MODULE) || classes::is_class_kind(owner) || owner.is_kind(KIND_SUPER) {
        // `str.upper("x")`: the unbound method; `ops::call` drops the type that
        // LOAD_METHOD pushes as self.
        return load_attr(owner, name);
    }
    let table = stitch_core::builtin_subclasses::methods_type_name(owner).unwrap_or_else(|| type_name(owner));
    methods::lookup(table, name).ok_or_else(|| no_attribute(owner, name))
}

/// `owner.name` as a value: a method bound to `owner`, on a type object the type's
/// unbound method (`str.upper`), on a function its attribute.
pub fn load_attr(owner: Value, name: &str) -> PyResult<Value> {
    match lookup_attr(owner, name) {
        // A list, dict, tuple, str or int of a class with `__getattr__`: asked last.
        Err(e) if e.kind == ExcKind::AttributeError && stitch_core::builtin_subclasses::class_of(owner).is_some() => {
            stitch_core::builtin_subclasses::getattr_fallback(owner, name).unwrap_or(Err(e))
        }
        r => r,
    }
}

/// `obj.name` of an instance of a class deriving from float when neither its class
/// nor the instance has `name` and float does (`m.is_integer`, `m.real`): float's
/// attribute of its value (bound to that plain float, as float's methods only read it).
fn float_base_attr(owner: Value, name: &str) -> Option<PyResult<Value>> {
    let f = stitch_core::float_subclass::value(owner)?;
    let cls = classes::class_of(owner);
    // SAFETY: `owner` is an instance (the value says so), which holds its dict.
    let own = classes::dict_get(unsafe { stitch_core::objects::class::as_instance(owner) }.dict, name);
    if classes::lookup(cls, name).is_some() || own.is_some() || matches!(name, "__class__" | "__dict__") {
        return None;
    }
    lookup_attr(Value::float(f), name).ok().map(Ok)
}

fn lookup_attr(owner: Value, name: &str) -> PyResult<Value> {
    if owner.is_kind(KIND_MODULE) {
        return module_attr(owner, name);
    }
    match stitch_core::objects::kind(owner) {
        KIND_INSTANCE => return float_base_attr(owner, name).unwrap_or_else(|| classes::instance_getattr(owner, name)),
        KIND_CLASS => return classes::class_getattr(owner, name),
        KIND_SUPER => return super_attr(owner, name, false).map(|(v, _)| v),
        KIND_CELL if name == "cell_contents" => {
            // SAFETY: the kind was checked; a cell's value is owned, or NULL when unbound.
            let v = unsafe { (*owner.cast::<Cell>()).value };
            if v.is_null() {
                return Err(PyErr::value_error("Cell is empty"));
            }
            v.incref();
            return Ok(v);
        }
        KIND_NATIVE => {
            if let Some(r) = stitch_core::objects::native::get(owner).and_then(|n| n.getattr(name)) {
                return r;
            }
        }
        KIND_DICT | KIND_TUPLE | KIND_LIST | KIND_STR | KIND_BIGINT => {
            if let Some(r) = stitch_core::builtin_subclasses::getattr(owner, name) {
                return r;
            }
            if let Some(r) = stitch_core::objects::subclass::behaviour(owner).and_then(|n| n.instance_getattr(owner, name)) {
                return r;
            }
        }
        stitch_abi::KIND_DESCRIPTOR => {
            if let Some(v) = descriptor_attr(owner, name) {
                return Ok(v);
            }
        }
        _ => {}
    }
    if let Some(r) = python_method_attr(owner, name) {
        return r;
    }
    if let Some(v) = builtin_attr(owner, name) {
        return Ok(v);
    }
    if owner.is_kind(KIND_EXCEPTION)
        && let Some(v) = exception_attr(owner, name)
    {
        return Ok(v);
    }
    if owner.is_kind(KIND_EXCEPTION)
        && let Some(r) = classes::exception_getattr(owner, name)
    {
        return r;
    }
    if owner.is_kind(KIND_TYPE) {
        if name == "__new__" {
            // `object.__new__(cls)`, `tuple.__new__(cls, items)` in a class's `__new__`.
            // SAFETY: the kind was checked.
            match unsafe { (*owner.cast::<TypeObject>()).name } {
                "object" => return Ok(stitch_core::class_new::object_new_builtin()),
                "tuple" => return Ok(stitch_core::class_new::tuple_new_builtin()),
                "str" => return Ok(stitch_core::class_new::str_new_builtin()),
                "int" => return Ok(stitch_core::class_new::int_new_builtin()),
                "float" => return Ok(stitch_core::float_subclass::float_new_builtin()),
                // `type.__new__(mcls, name, bases, ns)` in a metaclass's `__new__`.
                "type" => return Ok(stitch_core::metaclass::type_new_builtin()),
                _ => {}
            }
        }
        // SAFETY: the kind was checked.
        if unsafe { (*owner.cast::<TypeObject>()).name } == "type" {
            // `type.__init__(cls, ...)` and `type.__call__(cls, ...)` in a metaclass's own.
            match name {
                "__init__" => return Ok(stitch_core::metaclass::type_init_builtin()),
                "__call__" => return Ok(stitch_core::metaclass::type_call_builtin()),
                _ => {}
            }
        }
        if let Some(v) = builtin_type_lineage(owner, name) {
            return Ok(v);
        }
        if name == "__getattribute__" && classes::is_object_type(owner) {
            // `object.__getattribute__(self, name)` in a class's own `__getattribute__`.
            return Ok(classes::object_getattribute_builtin());
        }
        if name == "__setattr__" && classes::is_object_type(owner) {
            // `object.__setattr__(self, name, value)`: how a frozen dataclass's
            // `__post_init__` (or a class's own `__setattr__`) stores past itself.
            return Ok(classes::object_setattr_builtin());
        }
        if name == "__delattr__" && classes::is_object_type(owner) {
            // `object.__delattr__(self, name)`: a class's own `__delattr__` ending in it.
            return Ok(classes::object_delattr_builtin());
        }
        // SAFETY: the kind was checked.
        let type_name = unsafe { (*owner.cast::<TypeObject>()).name };
        return methods::lookup_static(type_name, name)
            .or_else(|| methods::lookup(type_name, name))
            .or_else(|| stitch_core::base_specials::lookup(type_name, name))
            .ok_or_else(|| {
            if is_dunder(name) || crate::cpython_names::type_has(type_name, name) {
                return PyErr::unsupported(format!("the attribute {name} of a type"));
            }
            // `dir(str)` has the names `dir("")` has.
            let hint = stitch_core::suggest::attribute_error_hint(type_name, name);
            PyErr::new(ExcKind::AttributeError, format!("type object '{type_name}' has no attribute '{name}'")).with_hint(hint)
        });
    }
    if owner.is_kind(KIND_FUNCTION) {
        // SAFETY: the kind was checked.
        return unsafe { function_attr(owner.cast(), name) };
    }
    if let Some(v) = number_attr(owner, name) {
        return v;
    }
    if name == "__class__" {
        return methods::dunders::class_of(owner);
    }
    let method = load_method(owner, name)?;
    Ok(bind(method, owner))
}

/// `__mro__` and `__bases__` of a builtin type object (`owner`): every one derives
/// from `object` directly, except `bool` (from `int`) and `object` itself.
fn builtin_type_lineage(owner: Value, name: &str) -> Option<Value> {
    use stitch_core::objects::builtin::TypeId;
    let object = crate::types::type_object(TypeId::Object);
    let mut mro = vec![owner];
    if crate::types::as_type(owner) == Some(TypeId::Bool) {
        mro.push(crate::types::type_object(TypeId::Int));
    }
    if owner != object {
        mro.push(object);
    }
    let items: Vec<Value> = match name {
        "__mro__" => mro,
        "__bases__" => mro.into_iter().skip(1).take(1).collect(),
        _ => return None,
    };
    items.iter().for_each(|v| v.incref());
    Some(stitch_core::objects::tuple::from_vec(items))
}

/// The attributes of a method bound to a Python function: `__func__`, `__self__`, and
/// those a method reads through from its function (its names, `__doc__`, and what
/// was stored on the function, as `unittest`'s decorators store their marks).
fn python_method_attr(owner: Value, name: &str) -> Option<PyResult<Value>> {
    if !owner.is_kind(KIND_BOUND_METHOD) {
        return None;
    }
    // SAFETY: the kind was checked; a bound method holds live values.
    let m = unsafe { &*owner.cast::<BoundMethod>() };
    if !m.func.is_kind(KIND_FUNCTION) {
        return None;
    }
    let v = match name {
        "__func__" => m.func,
        "__self__" => m.receiver,
        // SAFETY: the kind was checked.
        "__name__" | "__qualname__" | "__doc__" | "__module__" => return Some(unsafe { function_attr(m.func.cast(), name) }),
        _ => {
            // SAFETY: as above; a function's attribute dict is null or a live dict.
            let own = unsafe { dict_get((*m.func.cast::<Function>()).dict, name) }?;
            own
        }
    };
    v.incref();
    Some(Ok(v))
}

/// The functions a property (`fget`, `fset`, `fdel`) or a static or class method
/// (`__func__`) wraps (a new reference).
fn descriptor_attr(owner: Value, name: &str) -> Option<Value> {
    use stitch_core::objects::class::{Descriptor, DescriptorKind};
    // SAFETY: callers pass a live descriptor.
    let d = unsafe { &*owner.cast::<Descriptor>() };
    let v = match (d.which, name) {
        (DescriptorKind::Property, "fget") | (DescriptorKind::StaticMethod | DescriptorKind::ClassMethod, "__func__") => d.func,
        (DescriptorKind::Property, "fset") => d.setter,
        (DescriptorKind::Property, "fdel") => d.deleter,
        _ => return None,
    };
    v.incref();
    Some(v)
}

/// The data attributes of numbers: `real`, `imag`, and an int's `numerator` and
/// `denominator`.
fn number_attr(owner: Value, name: &str) -> Option<PyResult<Value>> {
    if let Some((re, im)) = stitch_core::objects::complex::parts(owner) {
        return match name {
            "real" => Some(Ok(Value::float(re))),
            "imag" => Some(Ok(Value::float(im))),
            _ => None,
        };
    }
    let int = owner.is_int() || owner.is_bool() || owner.is_kind(KIND_BIGINT);
    if !int && !owner.is_float() {
        return None;
    }
    let as_int = |v: Value| -> PyResult<Value> {
        if v.is_bool() { Ok(Value::int(i64::from(v == Value::TRUE))) } else if v.is_kind(KIND_BIGINT) && stitch_core::builtin_subclasses::class_of(v).is_some() {
            // An int of a class deriving from int gives a plain int, as int's getters do.
            stitch_core::ops::num::as_int(v).map(|i| i.to_value()).ok_or_else(|| PyErr::type_error("not an int"))
        } else {
            v.incref();
            Ok(v)
        }
    };
    Some(match name {
        "real" if owner.is_float() => Ok(owner),
        "imag" if owner.is_float() => Ok(Value::float(0.0)),
        "real" | "numerator" => as_int(owner),
        "imag" => Ok(Value::int(0)),
        "denominator" if int => Ok(Value::int(1)),
        _ => return None,
    })
}

/// `module.name`: the module's namespace, then `__dict__`.
fn module_attr(m: Value, name: &str) -> PyResult<Value> {
    // SAFETY: callers pass modules.
    unsafe {
        if let Some(v) = stitch_core::objects::module::get(m, name) {
            v.incref();
            return Ok(v);
        }
        if name == "__dict__" {
            let d = Value::from_object(stitch_core::objects::module::namespace(m));
            d.incref();
            return Ok(d);
        }
    }
    Err(crate::modules::missing(m, name))
}

/// Attributes CPython's functions have that the subset does not model.
const UNMODELLED: &[&str] = &[
    "__builtins__", "__call__", "__class__", "__code__", "__delattr__", "__dir__",
    "__eq__", "__format__", "__ge__", "__getattribute__", "__globals__", "__gt__", "__hash__", "__init__",
    "__getstate__", "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__",
    "__setattr__", "__sizeof__", "__str__", "__subclasshook__",
];

/// `function.__get__(f, obj, type=None)`: `f` bound to `obj` as a method, or `f`
/// itself for no instance, as attribute lookup on a class binds it.
fn function_get() -> Value {
    thread_local! {
        static GET: Value = stitch_core::objects::builtin::immortal_builtin("__get__", Some("function"), |_rt, args| {
            let p = crate::args::bind("__get__", args, 0, &["self", "instance", "owner"], 3, 2)?;
            let (f, obj) = (p[0].unwrap_or(Value::NONE), p[1].unwrap_or(Value::NONE));
            if obj == Value::NONE {
                f.incref();
                return Ok(f);
            }
            Ok(bind(f, obj))
        });
    }
    GET.with(|g| *g)
}

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
        let or_none = |p: *mut u8| if p.is_null() { Ok(Value::NONE) } else { owned(Value::from_object(p)) };
        if let Some(v) = dict_get((*f).dict, name) {
            return owned(v);
        }
        match name {
            "__name__" => owned((*f).name),
            "__qualname__" => owned((*f).qualname),
            "__doc__" => owned((*f).doc),
            "__defaults__" => or_none((*f).defaults.cast()),
            "__kwdefaults__" => or_none((*f).kwdefaults.cast()),
            "__module__" => Ok(dict_get((*f).globals, "__name__").map_or(Value::NONE, |v| {
                v.incref();
                v
            })),
            "__dict__" => owned(Value::from_object(function::attribute_dict(f))),
            "__annotations__" => Ok(function::annotations(f)),
            "__closure__" => or_none((*f).closure.cast()),
            "__get__" => Ok(bind(function_get(), Value::from_object(f))),
            _ if UNMODELLED.contains(&name) => Err(PyErr::unsupported(format!("the function attribute {name}"))),
            _ => Err(PyErr::new(ExcKind::AttributeError, format!("'function' object has no attribute '{name}'"))),
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
    if owner.is_kind(KIND_MODULE) {
        // A module's namespace is other code's globals, which traces watch: the dict
        // tells tier 2 of a store to a watched name itself.
        let key = strs::new_str(name);
        value.incref();
        // SAFETY: a live module; key and value are new references.
        unsafe { dict::set(stitch_core::objects::module::namespace(owner), key, strs::as_str(key).hash(), value) };
        return Ok(());
    }
    match stitch_core::objects::kind(owner) {
        KIND_INSTANCE => return classes::instance_setattr(owner, name, value),
        KIND_CLASS => return classes::class_setattr(owner, name, value),
        KIND_EXCEPTION => return classes::exception_setattr(owner, name, value),
        KIND_LIST | KIND_DICT | KIND_TUPLE | KIND_STR | KIND_BIGINT if stitch_core::builtin_subclasses::setattr(owner, name, value)? => return Ok(()),
        _ => {}
    }
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
            "__dict__" | "__annotations__" => {
                if !value.is_kind(KIND_DICT) {
                    return Err(PyErr::type_error(match name {
                        "__dict__" => format!("__dict__ must be set to a dictionary, not a '{}'", type_name(value)),
                        _ => "__annotations__ must be set to a dict object".to_string(),
                    }));
                }
                value.incref();
                let slot = if name == "__dict__" { &mut (*f).dict } else { &mut (*f).annotations };
                let old = std::mem::replace(slot, value.cast());
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

/// `del owner.name` (`delattr`): of modules, instances, classes, exceptions and
/// functions; other objects' attributes are their types' methods, which cannot be
/// deleted.
pub fn delete_attr(owner: Value, name: &str) -> PyResult<()> {
    if owner.is_kind(KIND_MODULE) {
        let key = strs::new_str(name);
        // SAFETY: a live module and a live key; the dict tells tier 2 of the removal of
        // a watched name.
        let removed = unsafe { dict::remove(stitch_core::objects::module::namespace(owner), key, strs::as_str(key).hash()) };
        key.decref();
        return match removed {
            Some(v) => {
                v.decref();
                Ok(())
            }
            None => Err(PyErr::new(ExcKind::AttributeError, format!("'module' object has no attribute '{name}'"))),
        };
    }
    match stitch_core::objects::kind(owner) {
        KIND_INSTANCE => return classes::instance_delattr(owner, name),
        KIND_CLASS => return classes::class_delattr(owner, name),
        KIND_EXCEPTION => return classes::exception_delattr(owner, name),
        KIND_LIST | KIND_DICT | KIND_TUPLE | KIND_STR | KIND_BIGINT if stitch_core::builtin_subclasses::delattr(owner, name)? => return Ok(()),
        _ => {}
    }
    if !owner.is_kind(KIND_FUNCTION) {
        if methods::lookup(type_name(owner), name).is_some() {
            return Err(PyErr::new(
                ExcKind::AttributeError,
                format!("'{}' object attribute '{name}' is read-only", type_name(owner)),
            ));
        }
        if crate::cpython_names::type_has(type_name(owner), name) || is_dunder(name) {
            return Err(PyErr::unsupported(format!("deleting the attribute {name} of a {}", type_name(owner))));
        }
        return Err(no_attribute(owner, name));
    }
    let f = owner.cast::<Function>();
    // SAFETY: the kind was checked; the fields replaced hold owned references.
    unsafe {
        match name {
            "__name__" | "__qualname__" => return Err(PyErr::type_error(format!("{name} must be set to a string object"))),
            "__dict__" => return Err(PyErr::type_error("cannot delete __dict__")),
            "__doc__" => std::mem::replace(&mut (*f).doc, Value::NONE).decref(),
            "__defaults__" => function::set_defaults(f, Value::NONE),
            "__kwdefaults__" => function::set_kwdefaults(f, Value::NONE),
            _ if UNMODELLED.contains(&name) => return Err(PyErr::unsupported(format!("the function attribute {name}"))),
            _ => {
                let d = (*f).dict;
                let removed = if d.is_null() {
                    None
                } else {
                    let key = strs::new_str(name);
                    let r = dict::remove(d, key, strs::as_str(key).hash());
                    key.decref();
                    r
                };
                match removed {
                    Some(v) => v.decref(),
                    None => return Err(PyErr::new(ExcKind::AttributeError, format!("'function' object has no attribute '{name}'"))),
                }
            }
        }
    }
    Ok(())
}

/// The attributes of an exception object: `args`, `__cause__`, `__context__`,
/// `__suppress_context__` (a new reference, or None for another name).
fn exception_attr(exc: Value, name: &str) -> Option<Value> {
    // SAFETY: the caller checked the kind; the borrow ends here.
    let e = unsafe { stitch_core::objects::exception::as_exception(exc) };
    let v = match name {
        "args" => e.args,
        "__cause__" => e.cause,
        "__context__" => e.context,
        "__suppress_context__" => Value::bool(e.suppress_context),
        // SystemExit's exit code: its argument, None without one, the tuple with more.
        "code" if e.kind == stitch_core::errors::ExcKind::SystemExit => {
            // SAFETY: an exception's args are a tuple.
            match unsafe { stitch_core::objects::tuple::items(e.args.cast()) } {
                [] => Value::NONE,
                [only] => *only,
                _ => e.args,
            }
        }
        // StopIteration's value (a generator's return value): its first argument.
        "value" if e.kind.is_subclass(stitch_core::errors::ExcKind::StopIteration) => {
            // SAFETY: an exception's args are a tuple.
            unsafe { stitch_core::objects::tuple::items(e.args.cast()) }.first().copied().unwrap_or(Value::NONE)
        }
        _ => return stitch_core::os_errors::attribute(exc, name),
    };
    v.incref();
    Some(v)
}

//! Instances of user classes that derive from `list` or `dict` (`class Stack(list)`,
//! `class Graph(dict)`): plain lists and dicts, so every operation and specialization
//! takes them as they are, flagged, with a side-table object (`objects::subclass`)
//! that holds their class and their attribute dict. The fast paths never ask for the
//! class, so a class that overrides a special method they would skip (`__getitem__`,
//! `__len__`, `__iter__`, `__eq__`, ...) is refused when it is made; the methods it may
//! define are plain methods, `__init__`, `__repr__`/`__str__` (asked by `repr` and
//! `str`) and, for a dict, `__missing__` (asked by the lookup that misses).

use crate::errors::{PyErr, PyResult};
use crate::objects::builtin::{Args, TypeObject};
use crate::objects::class::{BuiltinBase, as_class};
use crate::objects::native::{self, Native, new_native};
use crate::objects::{dict, list, subclass};
use crate::vm::Runtime;
use stitch_abi::{KIND_DICT, KIND_FUNCTION, KIND_LIST, Value};
use std::any::Any;

/// The special methods such a class may define: those the runtime asks the class for
/// on the paths that reach it (the rest would be skipped by the fast paths).
pub const ALLOWED_SPECIALS: &[&str] = &[
    "__init__", "__repr__", "__str__", "__missing__", "__module__", "__qualname__", "__doc__", "__classcell__",
    "__annotations__", "__slots__",
];

/// The side-table object of one instance.
struct SubclassInstance {
    /// Owned class.
    class: Value,
    /// Owned dict of the instance's attributes.
    dict: Value,
}

impl Drop for SubclassInstance {
    fn drop(&mut self) {
        self.class.decref();
        self.dict.decref();
    }
}

impl Native for SubclassInstance {
    fn type_name(&self) -> &'static str {
        // SAFETY: the instance holds its class.
        unsafe { as_class(self.class) }.name
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.class);
        visit(self.dict);
    }
    fn clear(&self) {
        // SAFETY: the attribute dict is live while this object is.
        unsafe { dict::clear(self.dict.cast()) };
    }
    fn missing(&self, d: Value, key: Value) -> Option<PyResult<Value>> {
        let f = crate::classes::lookup(self.class, "__missing__")?;
        Some(call_with_self(f, d, self.class, &[key]))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// `f(obj, *args)` for a function found on `cls`; other attributes are bound first
/// (a static method is called as it is).
fn call_with_self(f: Value, obj: Value, cls: Value, args: &[Value]) -> PyResult<Value> {
    if f.is_kind(KIND_FUNCTION) {
        let mut positional = Vec::with_capacity(args.len() + 1);
        positional.push(obj);
        positional.extend_from_slice(args);
        return crate::ops::call::call_any(f, &Args { positional: &positional, keywords: &[] });
    }
    let bound = crate::classes::bind_attribute(f, obj, cls)?;
    let r = crate::ops::call::call_any(bound, &Args { positional: args, keywords: &[] });
    bound.decref();
    r
}

fn side_object(v: Value) -> Option<&'static SubclassInstance> {
    // The side table holds the object while `v` lives; callers borrow `v`.
    native::downcast::<SubclassInstance>(subclass::subclass_of(v)?)
}

/// The user class of a list or dict made by calling one (borrowed).
pub fn class_of(v: Value) -> Option<Value> {
    if !(v.is_kind(KIND_LIST) || v.is_kind(KIND_DICT)) {
        return None;
    }
    side_object(v).map(|s| s.class)
}

/// The name of the type whose methods such an instance has after its class's: `list`
/// or `dict`.
pub fn methods_type_name(v: Value) -> Option<&'static str> {
    base_of(class_of(v)?).map(BuiltinBase::type_name)
}

/// The attribute dict of such an instance (borrowed).
pub fn attributes(v: Value) -> Option<Value> {
    side_object(v).map(|s| s.dict)
}

/// The builtin base of a class, if it derives from `list` or `dict`.
pub fn base_of(cls: Value) -> Option<BuiltinBase> {
    // SAFETY: callers pass live classes.
    cls.is_kind(stitch_abi::KIND_CLASS).then(|| unsafe { as_class(cls) }.builtin_base).flatten()
}

/// Whether `t` is a type object a class may derive from here.
pub fn derivable(t: Value) -> Option<BuiltinBase> {
    // SAFETY: the kind is checked before the type object is read.
    (t.is_kind(stitch_abi::KIND_TYPE) && matches!(unsafe { (*t.cast::<TypeObject>()).name }, "list" | "dict"))
        .then_some(BuiltinBase(t))
}

/// `Class(args)` for a class deriving from `base`: `base.__new__` makes an empty list
/// or dict that knows its class; `__init__` (the class's, else the base's) fills it.
pub fn instantiate(rt: &mut Runtime, cls: Value, base: BuiltinBase, args: &Args) -> PyResult<Value> {
    let init = crate::classes::lookup(cls, "__init__");
    let no_args = Args { positional: &[], keywords: &[] };
    let obj = construct(rt, base, if init.is_some() { &no_args } else { args })?;
    cls.incref();
    subclass::attach(obj, new_native(Box::new(SubclassInstance { class: cls, dict: dict::new_dict() })));
    let Some(init) = init else { return Ok(obj) };
    let called = if init.is_kind(KIND_FUNCTION) {
        let mut positional = Vec::with_capacity(args.positional.len() + 1);
        positional.push(obj);
        positional.extend_from_slice(args.positional);
        crate::ops::call::call_any(init, &Args { positional: &positional, keywords: args.keywords })
    } else {
        Err(PyErr::unsupported("an __init__ that is not a function"))
    };
    let r = match called {
        Ok(r) => r,
        Err(e) => {
            obj.decref();
            return Err(e);
        }
    };
    if r != Value::NONE {
        let e = PyErr::type_error(format!("__init__() should return None, not '{}'", crate::ops::type_name(r)));
        r.decref();
        obj.decref();
        return Err(e);
    }
    Ok(obj)
}

/// A plain list or dict as `list(*args)` or `dict(*args, **kwargs)` makes it.
fn construct(rt: &mut Runtime, base: BuiltinBase, args: &Args) -> PyResult<Value> {
    // SAFETY: built from a live (immortal) type object.
    let make = unsafe { (*base.0.cast::<TypeObject>()).constructor };
    make(rt, args)
}

/// `list.__init__(self, *args)` / `dict.__init__(self, *args, **kwargs)` reached
/// through `super().__init__(...)`: the contents are replaced (a list's) or updated (a
/// dict's) with what the constructor makes of the arguments.
pub fn base_init(rt: &mut Runtime, obj: Value, args: &Args) -> PyResult<Value> {
    let cls = class_of(obj).ok_or_else(|| PyErr::unsupported("__init__ of a builtin type on this object"))?;
    let base = base_of(cls).ok_or_else(|| PyErr::unsupported("__init__ of a builtin type on this object"))?;
    let made = construct(rt, base, args)?;
    // SAFETY: `obj` and `made` are live objects of the base's kind; the items and
    // entries moved over are new references.
    unsafe {
        if base.is_dict() {
            for e in dict::entries(made.cast()) {
                e.key.incref();
                e.value.incref();
                let h = crate::ops::hash::hash(e.key)?;
                dict::set(obj.cast(), e.key, h, e.value);
            }
        } else {
            let old = list::with_vec(obj.cast(), std::mem::take);
            for &v in list::items(made.cast()) {
                v.incref();
                list::push(obj.cast(), v);
            }
            old.into_iter().for_each(Value::decref);
        }
    }
    made.decref();
    Ok(Value::NONE)
}

/// The class attribute or instance attribute `name` of such an instance, as a value
/// (functions bound); None when neither has it (the base type's methods come next).
pub fn getattr(obj: Value, name: &str) -> Option<PyResult<Value>> {
    let s = side_object(obj)?;
    let special = match name {
        "__class__" => Some(s.class),
        "__dict__" => Some(s.dict),
        _ => None,
    };
    if let Some(v) = special {
        v.incref();
        return Some(Ok(v));
    }
    if let Some(v) = crate::classes::dict_get(s.dict, name) {
        v.incref();
        return Some(Ok(v));
    }
    let attr = crate::classes::lookup(s.class, name)?;
    Some(crate::classes::bind_attribute(attr, obj, s.class))
}

/// For `obj.name(...)`: the class's function and `obj` as its self (new references),
/// when the class (not the instance) has a function of that name.
pub fn method(obj: Value, name: &str) -> Option<(Value, Value)> {
    let s = side_object(obj)?;
    if crate::classes::dict_get(s.dict, name).is_some() {
        return None;
    }
    let f = crate::classes::lookup(s.class, name).filter(|f| f.is_kind(KIND_FUNCTION))?;
    f.incref();
    obj.incref();
    Some((f, obj))
}

/// `obj.name = value` (value borrowed): into the instance's attribute dict. False when
/// `obj` is no such instance.
pub fn setattr(obj: Value, name: &str, value: Value) -> PyResult<bool> {
    let Some(s) = side_object(obj) else { return Ok(false) };
    if let Some(attr) = crate::classes::lookup(s.class, name)
        && attr.is_kind(stitch_abi::KIND_DESCRIPTOR)
    {
        return Err(PyErr::unsupported("a property of a subclass of a builtin type"));
    }
    let key = crate::objects::str::intern(name);
    let h = crate::objects::str::hash_text(name);
    value.incref();
    // SAFETY: the attribute dict is live; key and value are new references.
    unsafe { dict::set(s.dict.cast(), key, h, value) };
    Ok(true)
}

/// The class's `__repr__` or `__str__` (`which`) run on the instance, if the class
/// defines it.
pub fn text_method(obj: Value, which: &str) -> Option<PyResult<String>> {
    let s = side_object(obj)?;
    let f = crate::classes::lookup(s.class, which)?;
    Some(call_with_self(f, obj, s.class, &[]).and_then(|v| crate::classes::text_of(v, which)))
}

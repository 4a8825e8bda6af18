//! Instances of user classes that derive from `list`, `dict`, `tuple`, `str` or `int` (`class
//! Stack(list)`, `class Graph(dict)`, `class Vec(tuple)`, the classes `namedtuple`
//! makes, `class Token(str)`, `class Mod(int)`): plain lists, dicts, tuples, strs and
//! heap ints (never a small int: the object carries the class), so every operation and specialization
//! takes them as they are, flagged, with a side-table object (`objects::subclass`)
//! that holds their class and their attribute dict. The fast paths never ask for the
//! class: an object whose class overrides a special method they would skip
//! (`OVERRIDABLE`: `__getitem__`, `__len__`, `__iter__`, `__eq__`, `__add__`, ...)
//! carries a second flag (`OVERRIDES_FLAG`) that the specialized families' guards
//! refuse, so it takes the generic operations, which ask its class
//! (`crate::special`). Besides those, such a class may define plain methods,
//! `__init__`, `__repr__`/`__str__` (asked by `repr` and `str`) and, for a dict,
//! `__missing__` (asked by the lookup that misses).

use crate::errors::{ExcKind, PyErr, PyResult};
use crate::objects::builtin::{Args, TypeObject};
use crate::objects::class::{BuiltinBase, Descriptor, DescriptorKind, as_class};
use crate::objects::native::{self, Native, new_native};
use crate::objects::{dict, list, subclass};
use crate::vm::Runtime;
use stitch_abi::{KIND_BIGINT, KIND_DICT, KIND_FUNCTION, KIND_LIST, KIND_STR, KIND_TUPLE, Value};
use std::any::Any;

/// The special methods such a class may define: those the runtime asks the class for
/// on the paths that reach it (the rest would be skipped by the fast paths).
pub const ALLOWED_SPECIALS: &[&str] = &[
    "__init__", "__repr__", "__str__", "__missing__", "__module__", "__qualname__", "__doc__", "__classcell__",
    "__annotations__", "__slots__", "__new__", "__match_args__",
    // Asked by attribute lookup and assignment (`crate::classes` and the builtins'
    // `attr`), which no fast path skips for these objects.
    "__getattr__", "__setattr__",
];

/// The special methods the generic operations ask a builtin-type subclass object's
/// class for (`crate::special`); an object whose class defines one is flagged so that
/// no fast path skips it.
pub const OVERRIDABLE: &[&str] = &[
    "__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__", "__pow__", "__matmul__",
    "__lshift__", "__rshift__", "__and__", "__or__", "__xor__",
    "__radd__", "__rsub__", "__rmul__", "__rtruediv__", "__rfloordiv__", "__rmod__", "__rpow__", "__rmatmul__",
    "__rlshift__", "__rrshift__", "__rand__", "__ror__", "__rxor__",
    "__iadd__", "__isub__", "__imul__", "__itruediv__", "__ifloordiv__", "__imod__", "__ipow__", "__imatmul__",
    "__ilshift__", "__irshift__", "__iand__", "__ior__", "__ixor__",
    "__neg__", "__pos__", "__invert__", "__abs__",
    "__int__", "__float__", "__round__", "__floor__", "__ceil__", "__trunc__",
    "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
    "__bool__", "__len__", "__contains__", "__getitem__", "__setitem__", "__delitem__", "__iter__", "__format__",
    // Calling the object, advancing it as an iterator, `with` (generic paths only).
    "__call__", "__next__", "__enter__", "__exit__",
];

/// The side-table object of one instance.
struct SubclassInstance {
    /// Owned class.
    class: Value,
    /// Owned dict of the instance's attributes, made when first asked for (most
    /// tuples of a namedtuple class never have one): NULL until then.
    dict: std::cell::Cell<Value>,
}

impl SubclassInstance {
    /// The attribute dict (borrowed), made if the instance has none yet.
    fn dict(&self) -> Value {
        if self.dict.get().is_null() {
            self.dict.set(dict::new_dict());
        }
        self.dict.get()
    }

    /// `name` in the attribute dict (borrowed), if the instance has one.
    fn own(&self, name: &str) -> Option<Value> {
        let d = self.dict.get();
        if d.is_null() { None } else { crate::classes::dict_get(d, name) }
    }
}

impl Drop for SubclassInstance {
    fn drop(&mut self) {
        self.class.decref();
        if !self.dict.get().is_null() {
            self.dict.get().decref();
        }
    }
}

impl Native for SubclassInstance {
    fn type_name(&self) -> &'static str {
        // SAFETY: the instance holds its class.
        unsafe { as_class(self.class) }.name
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.class);
        if !self.dict.get().is_null() {
            visit(self.dict.get());
        }
    }
    fn clear(&self) {
        if !self.dict.get().is_null() {
            // SAFETY: the attribute dict is live while this object is.
            unsafe { dict::clear(self.dict.get().cast()) };
        }
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
    if !(v.is_kind(KIND_LIST) || v.is_kind(KIND_DICT) || v.is_kind(KIND_TUPLE) || v.is_kind(KIND_STR) || v.is_kind(KIND_BIGINT)) {
        return None;
    }
    side_object(v).map(|s| s.class)
}

/// The name of the type whose methods such an instance has after its class's: `list`,
/// `dict`, `tuple` or `str`.
pub fn methods_type_name(v: Value) -> Option<&'static str> {
    base_of(class_of(v)?).map(BuiltinBase::type_name)
}

/// The attribute dict of such an instance (borrowed).
pub fn attributes(v: Value) -> Option<Value> {
    side_object(v).map(SubclassInstance::dict)
}

/// Whether such an instance has attributes of its own.
pub fn has_attributes(v: Value) -> bool {
    // SAFETY: an instance's attribute dict is a live dict.
    side_object(v).is_some_and(|s| !s.dict.get().is_null() && unsafe { dict::entries(s.dict.get().cast()) }.next().is_some())
}

/// The builtin base of a class, if it derives from `list`, `dict` or `tuple`.
pub fn base_of(cls: Value) -> Option<BuiltinBase> {
    // SAFETY: callers pass live classes.
    cls.is_kind(stitch_abi::KIND_CLASS).then(|| unsafe { as_class(cls) }.builtin_base).flatten()
}

/// Whether `t` is a type object a class may derive from here.
pub fn derivable(t: Value) -> Option<BuiltinBase> {
    // SAFETY: the kind is checked before the type object is read.
    (t.is_kind(stitch_abi::KIND_TYPE) && matches!(unsafe { (*t.cast::<TypeObject>()).name }, "list" | "dict" | "tuple" | "str" | "int" | "float"))
        .then_some(BuiltinBase(t))
}

/// `Class(args)` for a class deriving from `base`: `base.__new__` makes an empty list
/// or dict that knows its class; `__init__` (the class's, else the base's) fills it.
pub fn instantiate(rt: &mut Runtime, cls: Value, base: BuiltinBase, args: &Args) -> PyResult<Value> {
    let init = crate::classes::lookup(cls, "__init__");
    let obj = if base.type_name() == "float" {
        // float.__new__ takes the argument (an instance that holds the value).
        crate::float_subclass::float_new(rt, cls, args)?
    } else if base.type_name() == "tuple" {
        // tuple.__new__ takes the arguments, whatever `__init__` does with them.
        tuple_new(rt, cls, args)?
    } else if matches!(base.type_name(), "str" | "int") {
        // So do str.__new__ and int.__new__.
        value_new(rt, cls, args, base.type_name())?
    } else {
        let no_args = Args { positional: &[], keywords: &[] };
        let obj = construct(rt, base, if init.is_some() { &no_args } else { args })?;
        mark(obj, cls);
        obj
    };
    let Some(init) = init else { return Ok(obj) };
    if !init.is_kind(KIND_FUNCTION) {
        obj.decref();
        return Err(PyErr::unsupported("an __init__ that is not a function"));
    }
    crate::classes::run_init(rt, init, obj, args)
}

/// Makes the new list, dict or tuple `obj` (no other reference to it exists) an
/// instance of `cls` (borrowed), with an empty attribute dict.
fn mark(obj: Value, cls: Value) {
    cls.incref();
    subclass::attach(obj, new_native(Box::new(SubclassInstance { class: cls, dict: std::cell::Cell::new(Value::NULL) })));
    if crate::classes::overrides_specials(cls) {
        // SAFETY: `obj` is a live object that no one else sees yet.
        unsafe { (*obj.object()).flags |= stitch_abi::OVERRIDES_FLAG };
    }
}

/// `tuple.__new__(cls, iterable=())`: a new tuple of `cls` (`tuple` itself or a class
/// deriving from it) holding the iterable's items. The tuple is always a new one, as
/// the flag marks it: `tuple(t)` may give `t` itself.
pub fn tuple_new(rt: &mut Runtime, cls: Value, args: &Args) -> PyResult<Value> {
    let Some(name) = crate::class_new::type_or_class_name(cls) else {
        return Err(PyErr::type_error(format!("tuple.__new__(X): X is not a type object ({})", crate::ops::type_name(cls))));
    };
    if cls.is_kind(stitch_abi::KIND_TYPE) && name == "tuple" {
        // SAFETY: the kind was checked.
        let make = unsafe { (*cls.cast::<TypeObject>()).constructor };
        return make(rt, args);
    }
    if base_of(cls).is_none_or(|b| b.type_name() != "tuple") {
        return Err(PyErr::type_error(format!("tuple.__new__({name}): {name} is not a subtype of tuple")));
    }
    if !args.keywords.is_empty() && crate::classes::lookup(cls, "__init__").is_none() {
        return Err(PyErr::type_error("tuple() takes no keyword arguments"));
    }
    let items = match args.positional {
        [] => Vec::new(),
        [it] => crate::ops::consume::collect(*it)?,
        more => return Err(PyErr::type_error(format!("tuple expected at most 1 argument, got {}", more.len()))),
    };
    tuple_of_class(cls, items)
}

/// The new tuple of `values` (taken) as an instance of `cls`, a class deriving from
/// tuple (`tuple.__new__(cls, values)`).
pub fn tuple_of_class(cls: Value, values: Vec<Value>) -> PyResult<Value> {
    if base_of(cls).is_none_or(|b| b.type_name() != "tuple") {
        values.into_iter().for_each(Value::decref);
        let name = crate::class_new::type_or_class_name(cls).unwrap_or("X");
        return Err(PyErr::type_error(format!("tuple.__new__({name}): {name} is not a subtype of tuple")));
    }
    let t = crate::objects::tuple::try_from_vec(values)?;
    mark(t, cls);
    Ok(t)
}

/// A new int or str of `cls` (a class deriving from int or str) with the value of
/// `value` (borrowed, a plain int or str): an enum's mixed-in member.
pub fn value_of_class(cls: Value, value: Value) -> PyResult<Value> {
    let copy = if value.is_kind(KIND_STR) {
        // SAFETY: the kind was checked.
        Some(crate::objects::str::unshared_copy(unsafe { crate::objects::str::as_str(value) }))
    } else {
        crate::objects::bigint::unshared_copy(value)
    };
    let copy = copy.ok_or_else(|| PyErr::type_error("a member's value is not of the mixed-in type"))?;
    mark(copy, cls);
    Ok(copy)
}

/// `str.__new__(cls, *args, **kwargs)` and `int.__new__(...)` (`ty`): a new str or int
/// of `cls` (the type itself or a class deriving from it) holding what `str(*args,
/// **kwargs)` or `int(...)` makes, as an object of its own (the flag marks the object,
/// and `str(s)` may give a shared str, `int(x)` a small int, which is no object).
pub fn value_new(rt: &mut Runtime, cls: Value, args: &Args, ty: &str) -> PyResult<Value> {
    let Some(name) = crate::class_new::type_or_class_name(cls) else {
        return Err(PyErr::type_error(format!("{ty}.__new__(X): X is not a type object ({})", crate::ops::type_name(cls))));
    };
    if cls.is_kind(stitch_abi::KIND_TYPE) && name == ty {
        return construct(rt, BuiltinBase(cls), args);
    }
    let Some(base) = base_of(cls).filter(|b| b.type_name() == ty) else {
        return Err(PyErr::type_error(format!("{ty}.__new__({name}): {name} is not a subtype of {ty}")));
    };
    let v = construct(rt, base, args)?;
    let copy = if v.is_kind(KIND_STR) {
        // SAFETY: the kind was checked.
        Some(crate::objects::str::unshared_copy(unsafe { crate::objects::str::as_str(v) }))
    } else {
        crate::objects::bigint::unshared_copy(v)
    };
    v.decref();
    let copy = copy.ok_or_else(|| PyErr::type_error(format!("{ty}() did not return a {ty}")))?;
    mark(copy, cls);
    Ok(copy)
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
    let cls = class_of(obj)
        .or_else(|| crate::float_subclass::is(obj).then(|| crate::classes::class_of(obj)))
        .ok_or_else(|| PyErr::unsupported("__init__ of a builtin type on this object"))?;
    let base = base_of(cls).ok_or_else(|| PyErr::unsupported("__init__ of a builtin type on this object"))?;
    if matches!(base.type_name(), "tuple" | "str" | "int" | "float") {
        // tuple's, str's, int's and float's `__init__` is object's, reached from a class's own `__init__`.
        if !args.positional.is_empty() || !args.keywords.is_empty() {
            return Err(PyErr::type_error("object.__init__() takes exactly one argument (the instance to initialize)"));
        }
        return Ok(Value::NONE);
    }
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
        "__dict__" => Some(s.dict()),
        _ => None,
    };
    if let Some(v) = special {
        v.incref();
        return Some(Ok(v));
    }
    let found = crate::classes::lookup(s.class, name);
    // A property (a namedtuple's field) comes before the instance's own attributes.
    if let Some(attr) = found.filter(|&a| property_of(a).is_some()) {
        // A namedtuple's field: its item, read here without a call.
        if let Some(p) = property_of(attr)
            && let Some(i) = crate::namedtuple_class::field_index(p.func)
            && obj.is_kind(KIND_TUPLE)
            // SAFETY: the kind was checked.
            && let Some(&v) = unsafe { crate::objects::tuple::items(obj.cast()) }.get(i)
        {
            v.incref();
            return Some(Ok(v));
        }
        return Some(crate::classes::bind_attribute(attr, obj, s.class));
    }
    if let Some(v) = s.own(name) {
        v.incref();
        return Some(Ok(v));
    }
    Some(crate::classes::bind_attribute(found?, obj, s.class))
}

/// `obj.name` through the class's `__getattr__`, asked when the ordinary lookup (the
/// class, the instance, the base type's methods) raised AttributeError: None when the
/// class has none.
pub fn getattr_fallback(obj: Value, name: &str) -> Option<PyResult<Value>> {
    let s = side_object(obj)?;
    let f = crate::classes::lookup(s.class, "__getattr__")?;
    let n = crate::objects::str::new_str(name);
    let r = call_with_self(f, obj, s.class, &[n]);
    n.decref();
    Some(r)
}

/// For `obj.name(...)`: the class's function and `obj` as its self (new references),
/// when the class (not the instance) has a function of that name.
pub fn method(obj: Value, name: &str) -> Option<(Value, Value)> {
    let s = side_object(obj)?;
    if s.own(name).is_some() {
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
    if let Some(f) = crate::classes::lookup(s.class, "__setattr__") {
        let n = crate::objects::str::new_str(name);
        let r = call_with_self(f, obj, s.class, &[n, value]);
        n.decref();
        r?.decref();
        return Ok(true);
    }
    store(obj, name, value)
}

/// `object.__setattr__(obj, name, value)` of such an instance (value borrowed): a
/// property's setter, else the instance's attribute dict, past any `__setattr__` of
/// its class. False when `obj` is no such instance.
pub fn store(obj: Value, name: &str, value: Value) -> PyResult<bool> {
    let Some(s) = side_object(obj) else { return Ok(false) };
    let class_name = crate::classes::class_name(s.class);
    if let Some(p) = crate::classes::lookup(s.class, name).and_then(property_of) {
        if crate::namedtuple_class::is_field_getter(p.func) {
            return Err(PyErr::new(ExcKind::AttributeError, "can't set attribute"));
        }
        if p.setter == Value::NONE {
            return Err(crate::classes::missing_accessor(p, s.class, "setter"));
        }
        crate::ops::call::call_any(p.setter, &Args { positional: &[obj, value], keywords: &[] })?.decref();
        return Ok(true);
    }
    if crate::classes::lookup(s.class, "__slots__").is_some() && !crate::classes::slots_allow(s.class, name) {
        return Err(PyErr::new(ExcKind::AttributeError, format!("'{class_name}' object has no attribute '{name}'")));
    }
    let key = crate::objects::str::intern(name);
    let h = crate::objects::str::hash_text(name);
    value.incref();
    // SAFETY: the attribute dict is live; key and value are new references.
    unsafe { dict::set(s.dict().cast(), key, h, value) };
    Ok(true)
}

/// `del obj.name` of such an instance: the class's `__delattr__`, a property's
/// deleter, else the name leaves the attribute dict. False when `obj` is no such
/// instance.
pub fn delattr(obj: Value, name: &str) -> PyResult<bool> {
    let Some(s) = side_object(obj) else { return Ok(false) };
    let class_name = crate::classes::class_name(s.class);
    if let Some(f) = crate::classes::lookup(s.class, "__delattr__") {
        let n = crate::objects::str::new_str(name);
        let r = call_with_self(f, obj, s.class, &[n]);
        n.decref();
        r?.decref();
        return Ok(true);
    }
    if let Some(p) = crate::classes::lookup(s.class, name).and_then(property_of) {
        if crate::namedtuple_class::is_field_getter(p.func) {
            return Err(PyErr::new(ExcKind::AttributeError, "can't delete attribute"));
        }
        if p.deleter == Value::NONE {
            return Err(crate::classes::missing_accessor(p, s.class, "deleter"));
        }
        crate::ops::call::call_any(p.deleter, &Args { positional: &[obj], keywords: &[] })?.decref();
        return Ok(true);
    }
    let d = s.dict.get();
    let removed = if d.is_null() {
        None
    } else {
        let key = crate::objects::str::new_str(name);
        // SAFETY: the attribute dict is live; the removed value is owned and released.
        let r = unsafe { dict::remove(d.cast(), key, crate::objects::str::hash_text(name)) };
        key.decref();
        r
    };
    match removed {
        Some(v) => {
            v.decref();
            Ok(true)
        }
        None => Err(PyErr::new(ExcKind::AttributeError, format!("'{class_name}' object has no attribute '{name}'"))),
    }
}

/// The property `attr` is, if it is one.
fn property_of<'a>(attr: Value) -> Option<&'a Descriptor> {
    if !attr.is_kind(stitch_abi::KIND_DESCRIPTOR) {
        return None;
    }
    // SAFETY: the kind was checked; class attributes outlive the borrow.
    let d = unsafe { &*attr.cast::<Descriptor>() };
    (d.which == DescriptorKind::Property).then_some(d)
}

/// The class's `__repr__` or `__str__` (`which`) run on the instance, if the class
/// defines it.
pub fn text_method(obj: Value, which: &str) -> Option<PyResult<String>> {
    let s = side_object(obj)?;
    let f = crate::classes::lookup(s.class, which)?;
    Some(call_with_self(f, obj, s.class, &[]).and_then(|v| crate::classes::text_of(v, which)))
}

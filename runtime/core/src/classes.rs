//! What user classes do: making a class from its body's namespace (C3 MRO, the
//! `__class__` cell), calling it (a new instance, then `__init__`), attribute lookup
//! and assignment on instances, classes and `super()` objects (methods bound, static
//! and class methods, properties), subclass checks, and their default `repr`.
//!
//! The special methods the generic operations run (`crate::special`) are listed in
//! `SUPPORTED_DUNDERS`: a class defining another one is refused when it is made, so
//! no operation silently ignores a method the program wrote.

use crate::errors::{ExcKind, PyErr, PyResult};
use crate::objects::builtin::{Args, BoundMethod, TypeObject, bind};
use crate::objects::class::{
    ClassObject, Descriptor, DescriptorKind, Instance, SuperObject, as_class, as_instance, new_class, new_instance,
};
use crate::objects::{dict, kind, str as strs, tuple};
use crate::ops::call::call_any;
use crate::vm::Runtime;
use stitch_abi::{Cell, KIND_CELL, KIND_CLASS, KIND_DESCRIPTOR, KIND_FUNCTION, KIND_INSTANCE, KIND_LIST, KIND_STR, KIND_TUPLE, KIND_TYPE, Value};

/// Dunders that mean something to CPython even when bound to data.
const DATA_WITH_MEANING: &[&str] = &["__dict__", "__weakref__", "__class__", "__abstractmethods__", "__orig_bases__", "__mro_entries__"];

/// The special methods a class may define (plus the names every class namespace has).
const SUPPORTED_DUNDERS: &[&str] = &[
    "__init__", "__repr__", "__str__", "__module__", "__qualname__", "__doc__", "__classcell__", "__annotations__",
    // `Class[item]` (`crate::generic_alias`); run for each new subclass.
    "__class_getitem__", "__init_subclass__",
    // Called by `Class(...)` before `__init__` (`crate::class_new`).
    "__new__",
    // Called by every attribute load of an instance (`instance_getattr`).
    "__getattribute__",
    // Called by `reversed()`.
    "__reversed__",
    // A path object's str: called by `open()`, `os.fspath` and `os.path`'s functions
    // (written in Python); the native `posix` functions refuse such an object.
    "__fspath__",
    // A dict subclass's lookup of a missing key (an ordinary method elsewhere).
    "__missing__",
    // Called by the __init__ `@dataclass` makes.
    "__post_init__",
    // Called by `copy.copy` and `copy.deepcopy`.
    "__copy__", "__deepcopy__",
    // Operators (`crate::special::binary`, `unary`).
    "__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__mod__", "__pow__", "__matmul__",
    "__lshift__", "__rshift__", "__and__", "__or__", "__xor__",
    "__radd__", "__rsub__", "__rmul__", "__rtruediv__", "__rfloordiv__", "__rmod__", "__rpow__", "__rmatmul__",
    "__rlshift__", "__rrshift__", "__rand__", "__ror__", "__rxor__",
    "__iadd__", "__isub__", "__imul__", "__itruediv__", "__ifloordiv__", "__imod__", "__ipow__", "__imatmul__",
    "__ilshift__", "__irshift__", "__iand__", "__ior__", "__ixor__",
    "__neg__", "__pos__", "__invert__", "__abs__",
    // `divmod()` (`crate::special::divmod`).
    "__divmod__", "__rdivmod__",
    // Numeric conversions (`int()`, `float()`, `round()`, `math.floor`/`ceil`/`trunc`).
    "__int__", "__float__", "__round__", "__floor__", "__ceil__", "__trunc__",
    // Comparison and hashing.
    "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__hash__",
    // Containers, iteration, calls, formatting, attributes.
    "__bool__", "__len__", "__contains__", "__getitem__", "__setitem__", "__delitem__", "__iter__", "__next__",
    "__call__", "__format__", "__getattr__", "__setattr__", "__delattr__",
    // Instances without a dict: the attributes they may have (`slots_allow`).
    "__slots__",
    // Context managers (`with`), awaitables (`await`, `stitch_interp::generators`) and
    // asynchronous context managers (`async with`).
    "__enter__", "__exit__", "__await__", "__aenter__", "__aexit__",
    // Class patterns' positional sub-patterns (`case Point(x, y)`).
    "__match_args__",
    // Descriptors: instances of such a class stored in another class's namespace
    // (`user_descriptor`), and the hook run when one is (`set_names`).
    "__get__", "__set__", "__delete__", "__set_name__",
];

/// `d[name]` (borrowed), for a dict of str keys: probed by the name's text, so no
/// str is made for the lookup.
pub fn dict_get(d: Value, name: &str) -> Option<Value> {
    // SAFETY: class and instance dicts are live dicts.
    unsafe { dict::find_str(d.cast(), name, strs::hash_text(name)).map(|i| (*(*d.cast::<stitch_abi::Dict>()).entries.add(i)).value) }
}

/// A class namespace's `__module__`, when its body did not set one: `module`
/// (borrowed), the `__name__` of the globals the class statement ran in.
pub fn default_module(namespace: Value, module: Value) {
    if module.is_kind(KIND_STR) && dict_get(namespace, "__module__").is_none() {
        dict_set(namespace, "__module__", module);
    }
}

/// `d[name] = value` (value borrowed). A new key is the interned str of the name, as
/// the code objects' names are, so the attribute families find it by pointer.
pub(crate) fn dict_set(d: Value, name: &str, value: Value) {
    let hash = strs::hash_text(name);
    value.incref();
    // SAFETY: a live dict; an existing entry's value is replaced in place (the old one
    // released after), a new key and the value are new references.
    unsafe {
        let dp = d.cast::<stitch_abi::Dict>();
        if let Some(i) = dict::find_str(dp, name, hash) {
            let e = (*dp).entries.add(i);
            let old = (*e).value;
            (*e).value = value;
            old.decref();
            return;
        }
        dict::set(dp, strs::intern(name), hash, value);
    }
}

/// The class and every class of its MRO after it (borrowed).
pub fn full_mro(cls: Value) -> Vec<Value> {
    // SAFETY: callers pass live classes.
    let c = unsafe { as_class(cls) };
    std::iter::once(cls).chain(c.mro.iter().copied()).collect()
}

/// `name` looked up along the MRO of `cls` (borrowed).
pub fn lookup(cls: Value, name: &str) -> Option<Value> {
    // SAFETY: callers pass live classes; MRO entries are live classes.
    let c = unsafe { as_class(cls) };
    if let Some(hit) = crate::lookup_cache::get(c.version, name) {
        return hit;
    }
    let found = lookup_mro(c, cls, name);
    crate::lookup_cache::put(c.version, name, found);
    found
}

/// `lookup` without the cache.
fn lookup_mro(c: &ClassObject, cls: Value, name: &str) -> Option<Value> {
    let hash = strs::hash_text(name);
    // SAFETY: as above; class dicts are live dicts.
    let get = |k: Value| unsafe {
        let d = as_class(k).dict.cast::<stitch_abi::Dict>();
        dict::find_str(d, name, hash).map(|i| (*(*d).entries.add(i)).value)
    };
    get(cls).or_else(|| c.mro.iter().find_map(|&k| get(k)))
}

/// The class's namespace changed: it and every class whose MRO has it get a new type
/// version, so the instructions and traces specialized on the old one leave.
pub fn modified(cls: Value) {
    fn renumber(c: &ClassObject) {
        // A version once 0 stays 0 (the tags ran out).
        let next = if c.version == 0 { 0 } else { crate::objects::class::next_version() };
        // SAFETY: classes are used by one thread; no reference to the field is held.
        unsafe { (*(c as *const ClassObject as *mut ClassObject)).version = next };
        let subs = c.subclasses.borrow().clone();
        // SAFETY: subclasses remove themselves from this list when freed.
        subs.into_iter().for_each(|s| renumber(unsafe { &*s }));
    }
    // SAFETY: callers pass live classes.
    renumber(unsafe { as_class(cls) });
}

/// An instance of `cls` now has an attribute `name` in its dict: if that hides a class
/// attribute, methods of the class may no longer be read off the type version alone.
fn instance_key_added(cls: Value, name: &str) {
    if lookup(cls, name).is_some() {
        mark_shadowed(cls);
    }
}

/// Instances of `cls` may hide class attributes (or their dicts are in the program's
/// hands): renumbered, so method loads specialized on it leave and stay generic.
pub fn mark_shadowed(cls: Value) {
    // SAFETY: callers pass live classes; classes are used by one thread.
    let c = unsafe { &mut *cls.cast::<ClassObject>() };
    if !c.shadowed {
        c.shadowed = true;
        modified(cls);
    }
}

/// `mark_shadowed` for the class and every class whose MRO has it.
fn shadow_tree(cls: Value) {
    // SAFETY: callers pass live classes; subclasses remove themselves when freed.
    unsafe {
        let c = as_class(cls);
        let subs = c.subclasses.borrow().clone();
        (*cls.cast::<ClassObject>()).shadowed = true;
        for s in subs {
            shadow_tree(Value::from_object(s as *mut ClassObject as *mut stitch_abi::Object));
        }
    }
}

/// For `obj.name` (`name` an interned str of a code object's names): the type version
/// and the entry of the instance's dict that hold it, when a load may read that entry
/// directly as long as the version stands (CPython 3.11's LOAD_ATTR_WITH_HINT).
/// `store`: for `obj.name = value`, which also needs no `__setattr__`.
pub fn attr_hint(obj: Value, name: Value, store: bool) -> Option<(u32, u16)> {
    if !obj.is_kind(KIND_INSTANCE) || is_plain_object(obj) {
        return None;
    }
    // SAFETY: an instance; names are strs (a name with a lone surrogate takes the
    // generic path).
    let (i, text) = unsafe { (as_instance(obj), strs::text(name).ok()?) };
    // SAFETY: instances hold live classes.
    let version = unsafe { as_class(i.class) }.version;
    if version == 0 || is_dunder(text) {
        return None;
    }
    if lookup(i.class, text).is_some_and(is_data_descriptor) || (store && lookup(i.class, "__setattr__").is_some()) {
        return None;
    }
    // SAFETY: instance dicts are live dicts.
    unsafe {
        let d = i.dict.cast::<stitch_abi::Dict>();
        let entry = dict::find_str(d, text, strs::hash_text(text))?;
        ((*(*d).entries.add(entry)).key == name).then_some(())?;
        Some((version, u16::try_from(entry).ok()?))
    }
}

/// For `obj.name = value` when the instance has no `name` yet (every store in a fresh
/// instance's `__init__`): the type version and the entry the attribute goes in, the
/// dict's next one. While the version stands, no class of the MRO has `name` (so the
/// store hides nothing and no property or `__setattr__` runs) and the class's
/// `__slots__`, if any, allow the name; instances built by the same code get their attributes at the same
/// entries, which the loads' hints then find.
pub fn new_attr_hint(obj: Value, name: Value) -> Option<(u32, u16)> {
    if !obj.is_kind(KIND_INSTANCE) || is_plain_object(obj) {
        return None;
    }
    // SAFETY: an instance; names are strs (a name with a lone surrogate takes the
    // generic path).
    let (i, text) = unsafe { (as_instance(obj), strs::text(name).ok()?) };
    // SAFETY: instances hold live classes.
    let version = unsafe { as_class(i.class) }.version;
    // A class with `__slots__` keeps its instances' values in their dicts all the
    // same: once the name is one the slots allow, the store is the plain one (the
    // version guard keeps the MRO, and so the slots, as they were). HAS_OVERRIDES
    // concerns objects of builtin types' subclasses, which are no instances here
    // (a `Vec` with `__add__` is no reason to leave its `__init__` generic).
    let flags = store_flags(i.class);
    if version == 0
        || is_dunder(text)
        || lookup(i.class, text).is_some()
        || flags & HAS_SETATTR != 0
        || flags & HAS_SLOTS != 0 && !slots_allow(i.class, text)
    {
        return None;
    }
    // SAFETY: instance dicts are live dicts.
    unsafe {
        let d = i.dict.cast::<stitch_abi::Dict>();
        if dict::find_str(d, text, strs::hash_text(text)).is_some() {
            return None;
        }
        Some((version, u16::try_from((*d).used).ok()?))
    }
}

/// For `obj.name(...)`: the type version and the function of the class to call with
/// `obj` as self, when the version alone keeps them right (CPython's
/// LOAD_ATTR_METHOD_WITH_VALUES: no instance of the class hides a class attribute).
pub fn method_for_version(obj: Value, name: Value) -> Option<(u32, Value)> {
    if !obj.is_kind(KIND_INSTANCE) {
        return None;
    }
    // SAFETY: an instance; names are strs; instances hold live classes.
    let (i, text) = unsafe { (as_instance(obj), strs::text(name).ok()?) };
    // SAFETY: as above.
    let c = unsafe { as_class(i.class) };
    if c.version == 0 || c.shadowed {
        return None;
    }
    let f = lookup(i.class, text).filter(|f| f.is_kind(KIND_FUNCTION))?;
    dict_get(i.dict, text).is_none().then_some((c.version, f))
}

/// Whether `instance_getattr` and `class_getattr` hand the class attribute `attr` out
/// as it is (no binding, no getter, no unwrapping): what the specialized loads of class
/// values may cache. `for_instance`: read through an instance, where functions and
/// native callables that bind as methods are bound.
fn is_plain_class_value(attr: Value, for_instance: bool) -> bool {
    if attr.is_kind(KIND_DESCRIPTOR) || user_descriptor(attr, "__get__").is_some() {
        return false;
    }
    !for_instance || !(attr.is_kind(KIND_FUNCTION) || crate::objects::native::get(attr).is_some_and(|n| n.binds_as_method()))
}

/// For `Class.name` (`Config.SIZE`, `Color.RED`): the class's type version and the value
/// (borrowed: the class's namespace holds it while the version stands) when the load
/// may read it off the version alone (CPython's LOAD_ATTR_CLASS). Type versions are
/// never reused, so the version also says which class the owner is.
pub fn class_value_for_version(cls: Value, name: Value) -> Option<(u32, Value)> {
    if !cls.is_kind(KIND_CLASS) {
        return None;
    }
    // SAFETY: a class; names are strs (a name with a lone surrogate takes the generic
    // path).
    let (c, text) = unsafe { (as_class(cls), strs::text(name).ok()?) };
    if c.version == 0 || is_dunder(text) {
        return None;
    }
    let v = lookup(cls, text).filter(|&v| is_plain_class_value(v, false))?;
    Some((c.version, v))
}

/// For `obj.name` where the instance lacks `name` and its class holds a plain value
/// (`self.LIMIT` of a class constant; CPython's LOAD_ATTR_NONDESCRIPTOR_WITH_VALUES):
/// the type version and the value (borrowed, as in `class_value_for_version`). As for
/// `method_for_version`, the version stands only while no instance of the class hides a
/// class attribute, so no instance's dict has the name either.
pub fn instance_class_value_for_version(obj: Value, name: Value) -> Option<(u32, Value)> {
    if !obj.is_kind(KIND_INSTANCE) || is_plain_object(obj) {
        return None;
    }
    // SAFETY: an instance; names are strs; instances hold live classes.
    let (i, text) = unsafe { (as_instance(obj), strs::text(name).ok()?) };
    // SAFETY: as above.
    let c = unsafe { as_class(i.class) };
    if c.version == 0 || c.shadowed || is_dunder(text) {
        return None;
    }
    let v = lookup(i.class, text).filter(|&v| is_plain_class_value(v, true))?;
    dict_get(i.dict, text).is_none().then_some((c.version, v))
}

/// For `obj.name` where the class's `name` is a property whose getter is a Python
/// function of exactly one parameter: the type version and the getter (borrowed: the
/// property, which the class holds while the version stands, holds it), which the
/// load then calls as a pushed frame (CPython's LOAD_ATTR_PROPERTY).
pub fn property_getter_for_version(obj: Value, name: Value) -> Option<(u32, Value)> {
    if !obj.is_kind(KIND_INSTANCE) || is_plain_object(obj) {
        return None;
    }
    // SAFETY: an instance; names are strs; instances hold live classes.
    let (i, text) = unsafe { (as_instance(obj), strs::text(name).ok()?) };
    // SAFETY: as above.
    let c = unsafe { as_class(i.class) };
    if c.version == 0 || is_dunder(text) {
        return None;
    }
    let prop = lookup(i.class, text).filter(|&p| is_property(p))?;
    // SAFETY: a property; its getter is owned by it.
    let getter = unsafe { (*prop.cast::<Descriptor>()).func };
    // SAFETY: the kind is checked first.
    let one_param = getter.is_kind(KIND_FUNCTION) && unsafe { (*getter.cast::<stitch_abi::Function>()).argcount } == 1;
    one_param.then_some((c.version, getter))
}

/// For `Class(args)` with `nargs` positional arguments: the class's type version and
/// its `__init__` (borrowed: the class holds it while the version stands) when the
/// call may allocate a plain instance and push `__init__`'s frame (CPython's
/// CALL_ALLOC_AND_ENTER_INIT): no enum, no `__new__`, no builtin or exception base, no
/// abstract methods left, and an `__init__` that is a Python function (not a
/// generator) taking exactly the instance and the arguments.
pub fn init_for_version(cls: Value, nargs: u32) -> Option<(u32, Value)> {
    // A class of a program's metaclass (whose `__call__` may change) and a metaclass
    // are called generically.
    if !cls.is_kind(KIND_CLASS) || crate::enums::is_enum_class(cls) || crate::metaclass::meta_of(cls).is_some() || crate::metaclass::is_metaclass(cls) {
        return None;
    }
    // SAFETY: a class.
    let c = unsafe { as_class(cls) };
    if c.version == 0 || c.builtin_base.is_some() || c.exc_base.is_some() || crate::class_new::own_new(cls).is_some() {
        return None;
    }
    crate::abstract_methods::check_instantiable(cls).ok()?;
    let init = lookup(cls, "__init__").filter(|f| f.is_kind(KIND_FUNCTION))?;
    // SAFETY: a function; its code is a live code object.
    let (argcount, generator) = unsafe {
        let f = init.cast::<stitch_abi::Function>();
        let code = &*((*f).code as *mut crate::objects::code::Code);
        ((*f).argcount, code.flags & (crate::objects::code::CO_GENERATOR | crate::objects::code::CO_COROUTINE) != 0)
    };
    (argcount == nargs + 1 && !generator).then_some((c.version, init))
}

/// The `__init__` of a class that `init_for_version` accepted at the version it still
/// has (borrowed).
pub fn init_of(cls: Value) -> Value {
    lookup(cls, "__init__").expect("the type version pins the class's __init__")
}

/// Whether `cls` is `base` or derives from it (both classes).
pub fn is_subclass(cls: Value, base: Value) -> bool {
    cls.is_kind(KIND_CLASS) && full_mro(cls).contains(&base)
}

/// The name of a class object.
pub fn class_name(cls: Value) -> &'static str {
    // SAFETY: callers pass classes.
    unsafe { as_class(cls) }.name
}

/// The class of an instance (borrowed).
pub fn class_of(obj: Value) -> Value {
    // SAFETY: callers pass instances.
    unsafe { as_instance(obj) }.class
}

/// C3 linearization of the bases' MROs (CPython's `mro_implementation`).
fn c3(bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut seqs: Vec<Vec<Value>> = bases.iter().map(|&b| full_mro(b)).collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let head = seqs.iter().map(|s| s[0]).find(|&h| !seqs.iter().any(|s| s[1..].contains(&h)));
        let Some(head) = head else {
            let names: Vec<&str> = bases.iter().map(|&b| class_name(b)).collect();
            return Err(PyErr::type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        out.push(head);
        for s in &mut seqs {
            if s[0] == head {
                s.remove(0);
            }
        }
    }
}

/// Whether `cls` was made with `Protocol` among its bases (`typing.Protocol`): the
/// flag the class statement set (its `_is_protocol` says the same).
pub fn is_protocol(cls: Value) -> bool {
    // SAFETY: the kind is checked first.
    cls.is_kind(KIND_CLASS) && unsafe { as_class(cls) }.protocol.get()
}

/// `Generic`, `Generic[T]` or `Protocol` (typing's placeholders).
fn is_generic_base(b: Value) -> bool {
    crate::objects::builtin::is_hint_placeholder(b)
        // SAFETY: placeholders are builtins.
        && matches!(unsafe { (*b.cast::<crate::objects::builtin::Builtin>()).name }, "Generic" | "Protocol")
}

/// Records the builtin base `k` a class base brings (none, or the same one again, is
/// fine); two different ones are the `conflict` error.
fn merge_base<T: PartialEq + Copy>(slot: &mut Option<T>, k: Option<T>, conflict: impl FnOnce() -> PyErr) -> PyResult<()> {
    match (*slot, k) {
        (_, None) => Ok(()),
        (None, k) => {
            *slot = k;
            Ok(())
        }
        (Some(a), Some(b)) if a == b => Ok(()),
        _ => Err(conflict()),
    }
}

/// `class qualname(*bases): ...`: the class, from the tuple of bases and the namespace
/// its body made (all borrowed). `qualname`'s last part is the class's name.
pub fn build_class(qualname: &str, bases: Value, namespace: Value) -> PyResult<Value> {
    let name = qualname.rsplit('.').next().unwrap_or(qualname);
    // SAFETY: the compiler passes a tuple of bases.
    let given = if bases.is_kind(KIND_TUPLE) { unsafe { tuple::items(bases.cast()) } } else { &[] };
    if given.iter().any(|&b| crate::namedtuple_class::is_named_tuple_base(b)) {
        return crate::namedtuple_class::from_class_body(qualname, given, namespace);
    }
    let mut classes = Vec::new();
    let mut generic = false;
    let mut protocol = false;
    let mut derives_type = false;
    let mut exc_base: Option<ExcKind> = None;
    // CPython allows some of these (when one layout extends the other).
    // Of two exception bases along one line (`class Invalid(AppError, ValueError)` where
    // AppError derives from Exception), the more derived one is the class's.
    let mut add_exc_base = |k: Option<ExcKind>| match (exc_base, k) {
        (Some(a), Some(b)) if a.is_subclass(b) => Ok(()),
        (Some(a), Some(b)) if b.is_subclass(a) => {
            exc_base = Some(b);
            Ok(())
        }
        _ => merge_base(&mut exc_base, k, || PyErr::unsupported("a class with two builtin exception bases")),
    };
    let mut builtin_base = None;
    let mut add_builtin_base = |k: Option<crate::objects::class::BuiltinBase>| {
        merge_base(&mut builtin_base, k, || PyErr::type_error("multiple bases have instance lay-out conflict"))
    };
    for &b in given {
        generic |= crate::generic_alias::makes_generic(b);
        let b = crate::generic_alias::origin_of(b).unwrap_or(b);
        if b.is_kind(KIND_CLASS) {
            if classes.contains(&b) {
                return Err(PyErr::type_error(format!("duplicate base class {}", class_name(b))));
            }
            // SAFETY: the kind was checked.
            derives_type |= unsafe { as_class(b) }.is_meta.get();
            // SAFETY: the kind was checked.
            add_exc_base(unsafe { as_class(b) }.exc_base)?;
            // SAFETY: the kind was checked.
            add_builtin_base(unsafe { as_class(b) }.builtin_base)?;
            classes.push(b);
        } else if b.is_kind(KIND_TYPE) && is_object_type(b) {
            // `class A(object)`: every class derives from object already.
        } else if b.is_kind(KIND_TYPE) && unsafe { (*b.cast::<TypeObject>()).name } == "type" {
            // `class Meta(type)`: a metaclass (`crate::metaclass`); `type` itself stays
            // out of the MRO, as `object` does.
            derives_type = true;
        } else if is_generic_base(b) {
            // `class Box(Generic[T])`: typing's base for generic classes is not kept
            // in `__mro__` (stitch does not model it); what it gives, `Box[int]`,
            // comes with the namespace below (`crate::generic_alias`).
            generic = true;
            // SAFETY: placeholders are builtins.
            protocol |= unsafe { (*b.cast::<crate::objects::builtin::Builtin>()).name } == "Protocol";
        } else if let Some(k) = crate::exceptions::kind_of_class(b) {
            add_exc_base(Some(k))?;
        } else if let Some(base) = crate::builtin_subclasses::derivable(b) {
            add_builtin_base(Some(base))?;
        } else if b.is_kind(KIND_TYPE) {
            // SAFETY: the kind was checked.
            let base = unsafe { (*b.cast::<TypeObject>()).name };
            return Err(PyErr::unsupported(format!("a subclass of the builtin class {base}")));
        } else if b.is_kind(stitch_abi::KIND_NATIVE) {
            // A namedtuple class, a library type's object.
            return Err(PyErr::unsupported(format!("a subclass of a {}", crate::ops::type_name(b))));
        } else {
            return Err(PyErr::type_error(format!(
                "bases must be types, not {}",
                crate::ops::type_name(b)
            )));
        }
    }
    if exc_base.is_some() && builtin_base.is_some() {
        return Err(PyErr::type_error("multiple bases have instance lay-out conflict"));
    }
    if derives_type && (exc_base.is_some() || builtin_base.is_some() || generic) {
        return Err(PyErr::unsupported("a metaclass with another builtin base"));
    }
    let mro = c3(&classes)?;
    // The namespace becomes the class's dict; the `__class__` cell is filled, not kept.
    let d = dict::new_dict();
    let mut classcell = None;
    // SAFETY: the body's namespace is a live dict of str keys.
    for e in unsafe { dict::entries(namespace.cast()) } {
        // SAFETY: keys are strs.
        let k = match unsafe { strs::text(e.key) } {
            Ok(k) => k,
            Err(err) => {
                d.decref();
                return Err(err);
            }
        };
        if k == "__classcell__" {
            classcell = Some(e.value);
            continue;
        }
        // A dunder bound to plain data (`__version__ = "1.0"`, a TypedDict's
        // `__total__`) is an ordinary class attribute; one bound to a function, a
        // descriptor or None is a special method CPython would call (or disable).
        let data = e.value != Value::NONE && !e.value.is_kind(KIND_DESCRIPTOR) && !crate::ops::call::is_callable(e.value);
        if k.len() > 4 && k.starts_with("__") && k.ends_with("__") && !SUPPORTED_DUNDERS.contains(&k) && !(data && !DATA_WITH_MEANING.contains(&k)) {
            d.decref();
            return Err(PyErr::unsupported(format!("the special method {k}")));
        }
        if derives_type && is_dunder(k) && !data && !crate::metaclass::SUPPORTED_SPECIALS.contains(&k) {
            // Operators and protocols of the classes themselves (`len(C)`, `C[k]`,
            // `iter(C)`) are not dispatched to a metaclass.
            d.decref();
            return Err(PyErr::unsupported(format!("the special method {k} in a metaclass")));
        }
        if let Some(base) = builtin_base
            && is_dunder(k)
            && !data
            && !crate::builtin_subclasses::ALLOWED_SPECIALS.contains(&k)
            && !crate::builtin_subclasses::OVERRIDABLE.contains(&k)
        {
            d.decref();
            return Err(PyErr::unsupported(format!("the special method {k} in a subclass of {}", base.type_name())));
        }
        if k == "__new__" && e.value.is_kind(KIND_FUNCTION) {
            // CPython makes a class's `__new__` a static method implicitly: it is
            // called with the class as its first argument, never bound.
            let m = crate::objects::class::new_descriptor(DescriptorKind::StaticMethod, e.value);
            dict_set(d, k, m);
            m.decref();
            continue;
        }
        if matches!(k, "__init_subclass__" | "__class_getitem__") && e.value.is_kind(KIND_FUNCTION) {
            // And these two class methods.
            let m = crate::objects::class::new_descriptor(DescriptorKind::ClassMethod, e.value);
            dict_set(d, k, m);
            m.decref();
            continue;
        }
        dict_set(d, k, e.value);
    }
    // typing's marks of a protocol class (checked by `isinstance`), which CPython
    // also sets to False on the ordinary classes deriving from one.
    if protocol {
        dict_set(d, "_is_protocol", Value::TRUE);
    } else if classes.iter().any(|&c| is_protocol(c)) {
        dict_set(d, "_is_protocol", Value::FALSE);
    }
    if dict_get(d, "__class_getitem__").is_none() {
        if generic {
            dict_set(d, "__class_getitem__", crate::generic_alias::generic_class_getitem());
        } else if classes.iter().any(|&c| crate::generic_alias::is_generic_class(c)) {
            dict_set(d, "__class_getitem__", crate::generic_alias::not_generic_class_getitem());
        }
    }
    // CPython: a class that defines `__eq__` without `__hash__` is unhashable.
    if dict_get(d, "__eq__").is_some() && dict_get(d, "__hash__").is_none() {
        dict_set(d, "__hash__", Value::NONE);
    }
    // SAFETY: the new dict's keys are strs.
    let special = unsafe { dict::entries(d.cast()).any(|e| strs::text(e.key).is_ok_and(is_special_method)) };
    if special {
        TEXT_METHODS.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    if dict_get(d, "__module__").is_none() {
        let m = strs::new_str("__main__");
        dict_set(d, "__module__", m);
        m.decref();
    }
    // CPython's type() gives every class a `__doc__` of its own: None without a
    // docstring (so a base's docstring is not inherited).
    if dict_get(d, "__doc__").is_none() {
        dict_set(d, "__doc__", Value::NONE);
    }
    if let Err(e) = crate::abstract_methods::record(d, &classes, &mro) {
        d.decref();
        return Err(e);
    }
    classes.iter().chain(&mro).for_each(|c| c.incref());
    let cls = new_class(name, qualname.to_string(), classes, mro, d, exc_base, builtin_base);
    // SAFETY: a new class.
    unsafe { as_class(cls) }.protocol.set(protocol);
    // SAFETY: a new class.
    unsafe { as_class(cls) }.is_meta.set(derives_type);
    if lookup(cls, "__getattribute__").is_some() {
        // SAFETY: a new class, which nothing else borrows yet.
        let c = unsafe { &mut *cls.cast::<ClassObject>() };
        c.getattribute.set(true);
        // Every load must call it: no family may read the instance past it (a
        // version of 0 is never specialized on, and stays 0 when renumbered).
        c.version = 0;
    }
    if let Some(cell) = classcell
        && cell.is_kind(KIND_CELL)
    {
        cls.incref();
        // SAFETY: a live cell; its old value (NULL) needs no release.
        unsafe {
            let old = std::mem::replace(&mut (*cell.cast::<Cell>()).value, cls);
            old.decref();
        }
    }
    // SAFETY: a new class.
    if unsafe { as_class(cls) }.bases.iter().any(|&b| crate::enums::is_enum_class(b))
        && let Err(e) = crate::enums::finish(cls)
    {
        cls.decref();
        return Err(e);
    }
    Ok(cls)
}

/// Whether a builtin type object is `object`.
pub fn is_object_type(t: Value) -> bool {
    // SAFETY: callers pass type objects.
    t.is_kind(KIND_TYPE) && unsafe { (*t.cast::<TypeObject>()).name } == "object"
}

/// `Point(args)`: a new instance, initialized by `__init__` when the class has one;
/// a metaclass's `__call__` runs instead when the class's metaclass defines one.
pub fn instantiate(rt: &mut Runtime, cls: Value, args: &Args) -> PyResult<Value> {
    if let Some(call) = crate::metaclass::own_call(cls) {
        let mut positional = vec![cls];
        positional.extend_from_slice(args.positional);
        return call_any(call, &Args { positional: &positional, keywords: args.keywords });
    }
    if crate::metaclass::is_metaclass(cls) {
        return crate::metaclass::call_metaclass(rt, cls, args);
    }
    instantiate_past_meta(rt, cls, args)
}

/// `type.__call__(cls, ...)`: `instantiate` past the metaclass's `__call__`.
pub fn instantiate_past_meta(rt: &mut Runtime, cls: Value, args: &Args) -> PyResult<Value> {
    if crate::enums::is_enum_class(cls) {
        return crate::enums::call(cls, args);
    }
    if let Some(new) = crate::class_new::own_new(cls) {
        return crate::class_new::instantiate_with_new(rt, cls, new, args);
    }
    // SAFETY: callers pass classes.
    if let Some(base) = unsafe { as_class(cls) }.builtin_base {
        return crate::builtin_subclasses::instantiate(rt, cls, base, args);
    }
    // SAFETY: callers pass classes.
    let exc_base = unsafe { as_class(cls) }.exc_base;
    let obj = match exc_base {
        // BaseException.__new__: the arguments become `args` whatever __init__ does.
        Some(k) => {
            if !args.keywords.is_empty() && lookup(cls, "__init__").is_none() {
                return Err(PyErr::type_error(format!("{}() takes no keyword arguments", class_name(cls))));
            }
            args.positional.iter().for_each(|a| a.incref());
            let e = crate::objects::exception::new_exception(k, tuple::from_vec(args.positional.to_vec()));
            cls.incref();
            // SAFETY: a new exception object.
            unsafe { crate::objects::exception::as_exception(e) }.class = cls;
            if lookup(cls, "__init__").is_none() {
                return Ok(e);
            }
            e
        }
        None => {
            // object.__new__: surplus arguments are reported before abstract methods.
            if lookup(cls, "__init__").is_none() && (!args.positional.is_empty() || !args.keywords.is_empty()) {
                return Err(PyErr::type_error(format!("{}() takes no arguments", class_name(cls))));
            }
            crate::abstract_methods::check_instantiable(cls)?;
            new_instance(cls)
        }
    };
    match lookup(cls, "__init__") {
        Some(init) => run_init(rt, init, obj, args),
        None if !args.positional.is_empty() || !args.keywords.is_empty() => {
            obj.decref();
            Err(PyErr::type_error(format!("{}() takes no arguments", class_name(cls))))
        }
        None => Ok(obj),
    }
}

/// Runs `init` (a class's `__init__`) on the new `obj` (owned) with the call's
/// arguments: `obj` back, or the error (and `obj` released), CPython's TypeError when
/// `__init__` returns something other than None.
pub(crate) fn run_init(rt: &mut Runtime, init: Value, obj: Value, args: &Args) -> PyResult<Value> {
    let mut positional = Vec::with_capacity(args.positional.len() + 1);
    positional.push(obj);
    positional.extend_from_slice(args.positional);
    let r = match crate::ops::call(rt, init, &Args { positional: &positional, keywords: args.keywords }) {
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

/// What an attribute found on a class gives when read through `obj` (an instance, or
/// the class itself when `obj` is NULL): functions bind, static methods unwrap, class
/// methods bind to the class, properties run their getter. A new reference.
pub(crate) fn bind_attribute(attr: Value, obj: Value, cls: Value) -> PyResult<Value> {
    if let Some(get) = user_descriptor(attr, "__get__") {
        let instance = if obj.is_null() { Value::NONE } else { obj };
        return call_any(get, &Args { positional: &[attr, instance, cls], keywords: &[] });
    }
    let binds = attr.is_kind(KIND_FUNCTION) || crate::objects::native::get(attr).is_some_and(|n| n.binds_as_method());
    if binds && !obj.is_null() {
        return Ok(bind(attr, obj));
    }
    if attr.is_kind(KIND_DESCRIPTOR) {
        // SAFETY: the kind was checked.
        let d = unsafe { &*attr.cast::<Descriptor>() };
        match d.which {
            DescriptorKind::StaticMethod => {
                d.func.incref();
                return Ok(d.func);
            }
            DescriptorKind::ClassMethod => return Ok(bind(d.func, cls)),
            DescriptorKind::Property if !obj.is_null() => return call_any(d.func, &Args { positional: &[obj], keywords: &[] }),
            DescriptorKind::Property => {}
        }
    }
    attr.incref();
    Ok(attr)
}

pub(crate) fn is_dunder(name: &str) -> bool {
    name.len() > 4 && name.starts_with("__") && name.ends_with("__")
}

/// A dunder of a class namespace that a builtin may call (`__repr__`, `__lt__`,
/// `__hash__`, ...), as opposed to the data every class body or class statement puts
/// there (`__module__`, `__qualname__`, `__doc__`, `__slots__`, ...) and `__init__`,
/// which no builtin given an existing object runs. Every class has `__module__`: were
/// it counted, the first class of a program would make every call of a builtin with a
/// container argument (`out.append(x)`) take the generic call, which ends traces.
fn is_special_method(name: &str) -> bool {
    is_dunder(name)
        && !matches!(
            name,
            "__init__"
                | "__module__"
                | "__qualname__"
                | "__doc__"
                | "__slots__"
                | "__annotations__"
                | "__classcell__"
                | "__match_args__"
                | "__orig_bases__"
                | "__dict__"
                | "__weakref__"
        )
}

/// CPython's AttributeError for an instance, or a refusal for a special attribute the
/// subset does not model (CPython's `object` has many).
fn no_attribute(obj: Value, name: &str) -> PyErr {
    if is_dunder(name) && !is_absent_special(name) {
        return PyErr::unsupported(format!("the attribute {name} of an instance"));
    }
    let hint = crate::suggest::closest(&dir_names(obj).iter().map(String::as_str).collect::<Vec<_>>(), name)
        .map_or(String::new(), |s| format!(". Did you mean: '{s}'?"));
    PyErr::new(ExcKind::AttributeError, format!("'{}' object has no attribute '{name}'", class_name(class_of(obj)))).with_hint(hint)
}

/// A special method the class may define that `object` does not have: a class
/// without it has no such attribute (`hasattr(C, "__len__")` is false).
fn is_absent_special(name: &str) -> bool {
    SUPPORTED_DUNDERS.contains(&name) && !OBJECT_DIR.contains(&name)
}

/// What `object` gives every instance, for `dir()`.
const OBJECT_DIR: &[&str] = &[
    "__class__", "__delattr__", "__dict__", "__dir__", "__doc__", "__eq__", "__format__", "__ge__", "__getattribute__",
    "__getstate__", "__gt__", "__hash__", "__init__", "__init_subclass__", "__le__", "__lt__", "__module__", "__ne__",
    "__new__", "__reduce__", "__reduce_ex__", "__repr__", "__setattr__", "__sizeof__", "__str__", "__subclasshook__",
    "__weakref__",
];

/// `dir(obj)` of an instance, sorted: what CPython's AttributeError suggestions search.
pub fn dir_names(obj: Value) -> Vec<String> {
    // SAFETY: callers pass instances.
    names_of(Some(unsafe { as_instance(obj) }.dict), class_of(obj))
}

/// `dir(cls)` of a class, sorted: its and its bases' names, and object's.
pub fn class_dir_names(cls: Value) -> Vec<String> {
    names_of(None, cls)
}

/// `object`'s names, the class's and its MRO's, and those of `own` (an instance's dict).
fn names_of(own: Option<Value>, cls: Value) -> Vec<String> {
    let mut names: Vec<String> = OBJECT_DIR.iter().map(|s| s.to_string()).collect();
    // SAFETY: classes are live; dict keys are strs.
    unsafe {
        let dicts = own.into_iter().chain(full_mro(cls).into_iter().map(|c| as_class(c).dict));
        for d in dicts {
            for e in dict::entries(d.cast()) {
                names.push(strs::as_str(e.key).display().into_owned());
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

/// `obj.name` of an instance: its class's `__getattribute__` when it has one, then
/// (on AttributeError) its `__getattr__`; else `object.__getattribute__` and
/// `__getattr__` as `generic_getattr` does them.
pub fn instance_getattr(obj: Value, name: &str) -> PyResult<Value> {
    let cls = class_of(obj);
    // SAFETY: an instance's class is live.
    if unsafe { as_class(cls) }.getattribute.get()
        && let Some(f) = lookup(cls, "__getattribute__")
    {
        let n = strs::new_str(name);
        let r = crate::special::call_method(f, obj, &[n]);
        let r = match (r, lookup(cls, "__getattr__")) {
            // Only an AttributeError reaches `__getattr__`.
            (Err(e), Some(g)) if e.kind == ExcKind::AttributeError => crate::special::call_method(g, obj, &[n]),
            (r, _) => r,
        };
        n.decref();
        return r;
    }
    generic_getattr(obj, name, true)
}

/// `object.__getattribute__(obj, name)` of an instance: its own and its class's
/// attributes, past any `__getattribute__` and `__getattr__` of its class.
pub fn object_getattribute(obj: Value, name: &str) -> PyResult<Value> {
    generic_getattr(obj, name, false)
}

/// A property or the instance's own attribute, then the class's (bound); then, when
/// `fallback`, the class's `__getattr__`.
fn generic_getattr(obj: Value, name: &str, fallback: bool) -> PyResult<Value> {
    let (cls, d) = {
        // SAFETY: callers pass instances.
        let i: &Instance = unsafe { as_instance(obj) };
        (i.class, i.dict)
    };
    match name {
        "__class__" => {
            cls.incref();
            return Ok(cls);
        }
        "__dict__" if !slots_allow(cls, "__dict__") => {
            // Slot values live in the dict here, but CPython's slotted instances have
            // none to show.
            return Err(PyErr::new(
                ExcKind::AttributeError,
                format!("'{}' object has no attribute '__dict__'", class_name(cls)),
            ));
        }
        "__dict__" => {
            // The program may add keys behind the stores' backs.
            mark_shadowed(cls);
            d.incref();
            return Ok(d);
        }
        _ => {}
    }
    let found = lookup(cls, name);
    if let Some(attr) = found
        && is_data_descriptor(attr)
    {
        return bind_attribute(attr, obj, cls);
    }
    if let Some(v) = dict_get(d, name) {
        v.incref();
        return Ok(v);
    }
    match found {
        Some(attr) => bind_attribute(attr, obj, cls),
        None if !fallback => Err(no_attribute(obj, name)),
        None => match lookup(cls, "__getattr__") {
            // Only what normal lookup did not find reaches `__getattr__`.
            Some(f) => {
                let n = strs::new_str(name);
                let r = crate::special::call_method(f, obj, &[n]);
                n.decref();
                r
            }
            None => Err(no_attribute(obj, name)),
        },
    }
}

/// `obj.name(...)`: the attribute to call, and the self to call it with (a new
/// reference) when it is a function of the class: no bound method is made.
pub fn instance_method(obj: Value, name: &str) -> PyResult<(Value, Value)> {
    let cls = class_of(obj);
    // SAFETY: an instance's class is live.
    if unsafe { as_class(cls) }.getattribute.get() {
        // Its `__getattribute__` decides what the name is.
        return Ok((instance_getattr(obj, name)?, Value::NULL));
    }
    if let Some(attr) = lookup(cls, name)
        && attr.is_kind(KIND_FUNCTION)
        // SAFETY: instances are live.
        && dict_get(unsafe { as_instance(obj) }.dict, name).is_none()
    {
        attr.incref();
        obj.incref();
        return Ok((attr, obj));
    }
    Ok((instance_getattr(obj, name)?, Value::NULL))
}

fn is_property(attr: Value) -> bool {
    // SAFETY: the kind is checked first.
    attr.is_kind(KIND_DESCRIPTOR) && unsafe { (*attr.cast::<Descriptor>()).which } == DescriptorKind::Property
}

/// `method` (`__get__`, `__set__` or `__delete__`) of the class of `attr` (borrowed),
/// when `attr` is an instance of a Python class defining it: a descriptor the program
/// wrote, which attribute access calls instead of handing `attr` out.
fn user_descriptor(attr: Value, method: &str) -> Option<Value> {
    if !attr.is_kind(KIND_INSTANCE) {
        return None;
    }
    // SAFETY: the kind was checked; instances hold live classes.
    let cls = unsafe { as_instance(attr) }.class;
    lookup(cls, method)
}

/// Whether the class attribute `attr` takes precedence over an instance's own
/// attribute of the same name: a property, or a descriptor with `__set__` or
/// `__delete__` (CPython's data descriptors).
fn is_data_descriptor(attr: Value) -> bool {
    is_property(attr) || user_descriptor(attr, "__set__").is_some() || user_descriptor(attr, "__delete__").is_some()
}

/// Gives each property of the new class `cls` the name it has there (the last, when it
/// has several), as `property.__set_name__` does in CPython.
fn name_properties(cls: Value) {
    // SAFETY: callers pass classes; no Python code runs meanwhile.
    for e in unsafe { dict::entries(as_class(cls).dict.cast()) } {
        if is_property(e.value) {
            e.key.incref();
            // SAFETY: a property, a live descriptor.
            unsafe { std::mem::replace(&mut (*e.value.cast::<Descriptor>()).name, e.key) }.decref();
        }
    }
}

/// CPython's AttributeError for setting (`what` "setter") or deleting ("deleter") through
/// the property `prop` of an instance of `cls` without that accessor: the property's
/// name, when a class statement gave it one, and the class's qualified name.
pub fn missing_accessor(prop: &Descriptor, cls: Value, what: &str) -> PyErr {
    // SAFETY: callers pass classes.
    let qualname = &unsafe { as_class(cls) }.qualname;
    // SAFETY: a property's name is NONE or a str.
    let message = match (prop.name != Value::NONE).then(|| unsafe { strs::text(prop.name) }) {
        Some(Ok(name)) => format!("property '{name}' of '{qualname}' object has no {what}"),
        _ => format!("property of '{qualname}' object has no {what}"),
    };
    PyErr::new(ExcKind::AttributeError, message)
}

/// Calls `__set_name__(owner, name)` of each attribute of the new class `cls` whose
/// class defines it, in the namespace's order, as CPython's `type.__new__` does before
/// `__init_subclass__`. An error is wrapped in CPython 3.11's RuntimeError.
pub fn set_names(cls: Value) -> PyResult<()> {
    name_properties(cls);
    // SAFETY: callers pass classes; the pairs are copied (with references) before any
    // hook runs, as a hook may change the class's dict.
    let pairs: Vec<(Value, Value)> = unsafe { dict::entries(as_class(cls).dict.cast()) }
        .filter(|e| user_descriptor(e.value, "__set_name__").is_some())
        .map(|e| {
            e.key.incref();
            e.value.incref();
            (e.key, e.value)
        })
        .collect();
    let mut result = Ok(());
    for &(key, value) in &pairs {
        if result.is_err() {
            break;
        }
        let Some(hook) = user_descriptor(value, "__set_name__") else { continue };
        result = call_any(hook, &Args { positional: &[value, cls, key], keywords: &[] }).map(Value::decref).map_err(|mut e| {
            // SAFETY: keys are strs.
            let name = unsafe { strs::text(key) }.unwrap_or("?");
            let inner = crate::exceptions::materialize(&mut e);
            let mut outer = PyErr::new(
                ExcKind::RuntimeError,
                format!("Error calling __set_name__ on '{}' instance '{name}' in '{}'", class_name(class_of(value)), class_name(cls)),
            );
            let o = crate::exceptions::materialize(&mut outer);
            crate::exceptions::set_context(o, inner);
            // SAFETY: a live exception object; `inner`'s reference moves to it.
            unsafe {
                let x = crate::objects::exception::as_exception(o);
                std::mem::replace(&mut x.cause, inner).decref();
                x.suppress_context = true;
            }
            o.decref();
            outer
        });
    }
    pairs.iter().for_each(|&(k, v)| {
        k.decref();
        v.decref();
    });
    result
}

/// The class (or its MRO) defines `__setattr__`.
const HAS_SETATTR: u8 = 1;
/// A class of its MRO declares `__slots__`.
const HAS_SLOTS: u8 = 2;

/// The class defines (or inherits from a class) a special method the fast paths
/// of a builtin base type would skip (`builtin_subclasses::OVERRIDABLE`).
const HAS_OVERRIDES: u8 = 4;

/// Whether objects of `cls`, a class deriving from a builtin type, must take the
/// generic operations, which ask the class for its special methods.
pub fn overrides_specials(cls: Value) -> bool {
    store_flags(cls) & HAS_OVERRIDES != 0
}

/// `HAS_SETATTR | HAS_SLOTS | HAS_OVERRIDES` of `cls`, looked up once per type version.
fn store_flags(cls: Value) -> u8 {
    // SAFETY: callers pass live classes.
    let c = unsafe { as_class(cls) };
    let (version, flags) = c.store_flags.get();
    if version == c.version && version != 0 {
        return flags;
    }
    let mut flags = 0;
    if lookup(cls, "__setattr__").is_some() {
        flags |= HAS_SETATTR;
    }
    if lookup(cls, "__slots__").is_some() {
        flags |= HAS_SLOTS;
    }
    if crate::builtin_subclasses::OVERRIDABLE.iter().any(|n| lookup(cls, n).is_some()) {
        flags |= HAS_OVERRIDES;
    }
    c.store_flags.set((c.version, flags));
    flags
}

/// `obj.name = value` of an instance: a property's setter, else the instance's dict.
pub fn instance_setattr(obj: Value, name: &str, value: Value) -> PyResult<()> {
    if store_flags(class_of(obj)) & HAS_SETATTR == 0 {
        return object_setattr(obj, name, value);
    }
    if let Some(f) = lookup(class_of(obj), "__setattr__") {
        let n = strs::new_str(name);
        let r = crate::special::call_method(f, obj, &[n, value]);
        n.decref();
        r?.decref();
        return Ok(());
    }
    object_setattr(obj, name, value)
}

/// `object.__setattr__(obj, name, value)`: a property's setter, else the instance's
/// dict.
pub fn object_setattr(obj: Value, name: &str, value: Value) -> PyResult<()> {
    if is_plain_object(obj) {
        return Err(PyErr::new(ExcKind::AttributeError, format!("'object' object has no attribute '{name}'")));
    }
    let cls = class_of(obj);
    if let Some(attr) = lookup(cls, name)
        && is_property(attr)
    {
        // SAFETY: a property.
        let setter = unsafe { (*attr.cast::<Descriptor>()).setter };
        if setter == Value::NONE {
            // SAFETY: a property.
            return Err(missing_accessor(unsafe { &*attr.cast::<Descriptor>() }, cls, "setter"));
        }
        let r = call_any(setter, &Args { positional: &[obj, value], keywords: &[] })?;
        r.decref();
        return Ok(());
    }
    if let Some(attr) = lookup(cls, name)
        && is_data_descriptor(attr)
    {
        let Some(set) = user_descriptor(attr, "__set__") else {
            // Only `__delete__`: CPython finds no setter slot to call.
            return Err(PyErr::new(ExcKind::AttributeError, "__set__"));
        };
        call_any(set, &Args { positional: &[attr, obj, value], keywords: &[] })?.decref();
        return Ok(());
    }
    // Data dunders (`__doc__`, `__module__`) are ordinary attributes of an instance.
    if is_special_method(name) || matches!(name, "__class__" | "__dict__") {
        return Err(PyErr::unsupported(format!("assigning the attribute {name} of an instance")));
    }
    if store_flags(cls) & HAS_SLOTS != 0 && !slots_allow(cls, name) {
        return Err(PyErr::new(ExcKind::AttributeError, format!("'{}' object has no attribute '{name}'", class_name(cls))));
    }
    // SAFETY: instances are live.
    let d = unsafe { as_instance(obj) }.dict;
    if dict_get(d, name).is_none() {
        instance_key_added(cls, name);
    }
    dict_set(d, name, value);
    Ok(())
}

/// `del obj.name` of an instance: the class's `__delattr__`, else `object_delattr`.
pub fn instance_delattr(obj: Value, name: &str) -> PyResult<()> {
    if let Some(f) = lookup(class_of(obj), "__delattr__") {
        let n = strs::new_str(name);
        let r = crate::special::call_method(f, obj, &[n]);
        n.decref();
        r?.decref();
        return Ok(());
    }
    object_delattr(obj, name)
}

/// `object.__delattr__(obj, name)`: a property's deleter, else the name leaves the
/// instance's dict, with CPython's AttributeError when it has no such attribute.
pub fn object_delattr(obj: Value, name: &str) -> PyResult<()> {
    if is_plain_object(obj) {
        return Err(PyErr::new(ExcKind::AttributeError, format!("'object' object has no attribute '{name}'")));
    }
    let cls = class_of(obj);
    if let Some(attr) = lookup(cls, name)
        && is_property(attr)
    {
        // SAFETY: a property.
        let deleter = unsafe { (*attr.cast::<Descriptor>()).deleter };
        if deleter == Value::NONE {
            // SAFETY: a property.
            return Err(missing_accessor(unsafe { &*attr.cast::<Descriptor>() }, cls, "deleter"));
        }
        let r = call_any(deleter, &Args { positional: &[obj], keywords: &[] })?;
        r.decref();
        return Ok(());
    }
    if let Some(attr) = lookup(cls, name)
        && is_data_descriptor(attr)
    {
        let Some(delete) = user_descriptor(attr, "__delete__") else {
            // Only `__set__`: CPython finds no deleter slot to call.
            return Err(PyErr::new(ExcKind::AttributeError, "__delete__"));
        };
        call_any(delete, &Args { positional: &[attr, obj], keywords: &[] })?.decref();
        return Ok(());
    }
    if is_dunder(name) {
        return Err(PyErr::unsupported(format!("deleting the attribute {name} of an instance")));
    }
    let slotted = store_flags(cls) & HAS_SLOTS != 0 && !slots_allow(cls, "__dict__");
    // SAFETY: instances are live; the removed value is owned and released here.
    let removed = unsafe {
        let d = as_instance(obj).dict;
        let key = strs::new_str(name);
        let r = dict::remove(d.cast(), key, strs::hash_text(name));
        key.decref();
        r
    };
    match removed {
        Some(v) => {
            v.decref();
            Ok(())
        }
        // An unset slot: CPython's member descriptor says only the name.
        None if slotted && slots_allow(cls, name) => Err(PyErr::new(ExcKind::AttributeError, name.to_string())),
        None => Err(PyErr::new(ExcKind::AttributeError, format!("'{}' object has no attribute '{name}'", class_name(cls)))),
    }
}

/// Whether instances of `cls` may have the attribute `name`: always, unless every
/// class in its MRO declares `__slots__` (without `__dict__`), as CPython gives
/// instances a dict then only. (Stitch keeps slot values in the instance's dict all
/// the same: only which names are allowed is observable.)
pub(crate) fn slots_allow(cls: Value, name: &str) -> bool {
    let mut named = false;
    for c in full_mro(cls) {
        // SAFETY: MRO entries are live classes.
        let class = unsafe { as_class(c) };
        if class.exc_base.is_some() {
            return true;
        }
        let Some(slots) = dict_get(class.dict, "__slots__") else { return true };
        let names: Vec<Value> = if slots.is_kind(KIND_STR) {
            vec![slots]
        } else if slots.is_kind(KIND_TUPLE) {
            // SAFETY: the kind was checked.
            unsafe { crate::objects::tuple::items(slots.cast()) }.to_vec()
        } else if slots.is_kind(KIND_LIST) {
            // SAFETY: the kind was checked.
            unsafe { crate::objects::list::items(slots.cast()) }.to_vec()
        } else {
            return true;
        };
        for n in names {
            // SAFETY: the kind is checked first.
            if n.is_kind(KIND_STR) && unsafe { strs::bytes(n) } == b"__dict__" {
                return true;
            }
            // SAFETY: as above.
            named |= n.is_kind(KIND_STR) && unsafe { strs::bytes(n) } == name.as_bytes();
        }
    }
    named
}

/// `Class.name`: its names, then its attributes along the MRO (functions plain, class
/// methods bound to it).
pub fn class_getattr(cls: Value, name: &str) -> PyResult<Value> {
    // SAFETY: callers pass classes.
    let c: &ClassObject = unsafe { as_class(cls) };
    match name {
        "__name__" => return Ok(strs::new_str(c.name)),
        "__qualname__" => return Ok(strs::new_str(&c.qualname)),
        "__mro__" => {
            // A builtin base (`tuple`) sits before `object`, as in CPython's MRO.
            let builtin = c.builtin_base.map(|b| b.0).or_else(|| crate::metaclass::type_in_mro(cls));
            // An exception class's builtin bases, from the one it derives from up to
            // BaseException, after its own classes (as C3 puts them).
            let mut exceptions = Vec::new();
            let mut k = c.exc_base;
            while let Some(kind) = k {
                exceptions.push(crate::exceptions::type_object(kind));
                k = (kind.parent() != kind).then(|| kind.parent());
            }
            let items: Vec<Value> =
                full_mro(cls).into_iter().chain(builtin).chain(exceptions).chain(std::iter::once(object_type())).collect();
            items.iter().for_each(|v| v.incref());
            return Ok(tuple::from_vec(items));
        }
        // A class's own annotations (CPython 3.10+: not inherited; a class without
        // any gets an empty dict of its own).
        "__annotations__" => {
            if let Some(a) = dict_get(c.dict, "__annotations__") {
                a.incref();
                return Ok(a);
            }
            let a = crate::objects::dict::new_dict();
            dict_set(c.dict, "__annotations__", a);
            modified(cls);
            return Ok(a);
        }
        "__members__" if crate::enums::is_enum_class(cls) => return Ok(crate::enums::members_dict(cls)),
        "__bases__" => {
            let items: Vec<Value> = match c.builtin_base {
                _ if !c.bases.is_empty() => c.bases.clone(),
                Some(b) => vec![b.0],
                None => vec![crate::metaclass::type_in_mro(cls).unwrap_or_else(object_type)],
            };
            items.iter().for_each(|v| v.incref());
            return Ok(tuple::from_vec(items));
        }
        _ => {}
    }
    if name == "__class__"
        && let Some(meta) = crate::metaclass::meta_of(cls)
    {
        meta.incref();
        return Ok(meta);
    }
    if lookup(cls, name).is_none()
        && let Some(r) = crate::metaclass::class_attr_from_meta(cls, name)
    {
        return r;
    }
    match lookup(cls, name) {
        Some(attr) => bind_attribute(attr, Value::NULL, cls),
        // `object.__new__` or `tuple.__new__`, which no class's dict has.
        None if name == "__new__" => crate::class_new::base_new(cls),
        None if is_dunder(name) && !is_absent_special(name) => Err(PyErr::unsupported(format!("the attribute {name} of a class"))),
        None => Err(PyErr::new(ExcKind::AttributeError, format!("type object '{}' has no attribute '{name}'", c.name))),
    }
}

/// The class's own `name` (borrowed), not looked up along the MRO.
pub fn own_attr(cls: Value, name: &str) -> Option<Value> {
    // SAFETY: callers pass classes.
    dict_get(unsafe { as_class(cls) }.dict, name)
}

/// Sets the class's own `name` (value borrowed), dunders included: for the class
/// decorators the runtime provides (dataclasses), which add methods after the class
/// statement made it.
pub fn set_own_attr(cls: Value, name: &str, value: Value) {
    if is_special_method(name) {
        TEXT_METHODS.store(true, std::sync::atomic::Ordering::Relaxed);
    }
    // SAFETY: callers pass classes.
    dict_set(unsafe { as_class(cls) }.dict, name, value);
    modified(cls);
}

/// Removes the class's own `name`, if it has it.
pub fn remove_own_attr(cls: Value, name: &str) {
    // SAFETY: callers pass classes; the key is probed by its text, the removed value
    // is owned by the caller here and released.
    unsafe {
        let d = as_class(cls).dict;
        let key = strs::new_str(name);
        if let Some(old) = dict::remove(d.cast(), key, strs::hash_text(name)) {
            old.decref();
        }
        key.decref();
    }
    modified(cls);
}

/// `Class.name = value`.
pub fn class_setattr(cls: Value, name: &str, value: Value) -> PyResult<()> {
    if crate::enums::is_enum_class(cls) {
        crate::enums::check_setattr(cls, name)?;
    }
    if is_dunder(name) {
        return Err(PyErr::unsupported(format!("assigning the attribute {name} of a class")));
    }
    if lookup(cls, name).is_none() {
        // A name new to the class may be one that instances (of it or of a subclass)
        // already hold in their dicts, which would hide it: their methods are no
        // longer read off the type version alone.
        shadow_tree(cls);
    }
    // SAFETY: callers pass classes.
    dict_set(unsafe { as_class(cls) }.dict, name, value);
    modified(cls);
    Ok(())
}

/// `del Class.name`: the class's own attribute leaves its dict (one inherited from a
/// base is not the class's to delete, as in CPython).
pub fn class_delattr(cls: Value, name: &str) -> PyResult<()> {
    if crate::enums::is_enum_class(cls) {
        return Err(PyErr::unsupported("deleting an attribute of an enum class"));
    }
    if is_dunder(name) {
        return Err(PyErr::unsupported(format!("deleting the attribute {name} of a class")));
    }
    if own_attr(cls, name).is_none() {
        return Err(PyErr::new(
            ExcKind::AttributeError,
            format!("type object '{}' has no attribute '{name}'", class_name(cls)),
        ));
    }
    remove_own_attr(cls, name);
    Ok(())
}

/// `super(cls, obj)`: checks that `obj` is an instance (or subclass) of `cls`.
pub fn new_super(cls: Value, obj: Value) -> PyResult<Value> {
    if !cls.is_kind(KIND_CLASS) {
        return Err(PyErr::type_error(format!("super() argument 1 must be a type, not {}", crate::ops::type_name(cls))));
    }
    let of = user_class_of(obj).unwrap_or(obj);
    if !is_subclass(of, cls) && !crate::metaclass::is_instance(obj, cls) {
        return Err(PyErr::type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    Ok(crate::objects::class::new_super(cls, obj))
}

/// `super().name`: `name` looked up after the class in the MRO of the object's class,
/// bound to the object. Also returns whether it is a function to call with the object
/// as self (for `super().m(...)`, without a bound method).
pub fn super_getattr(sup: Value, name: &str, for_call: bool) -> PyResult<(Value, Value)> {
    // SAFETY: callers pass super objects.
    let s: &SuperObject = unsafe { &*sup.cast::<SuperObject>() };
    let (start, obj) = (s.class, s.obj);
    if crate::metaclass::is_metaclass(start) && crate::metaclass::is_instance(obj, start) && !is_subclass(obj, start) {
        // `super().__call__(...)` in a metaclass's method, whose self is a class.
        return crate::metaclass::super_attr(start, obj, name, for_call);
    }
    let instance_class = user_class_of(obj);
    let is_instance = instance_class.is_some();
    let of = instance_class.unwrap_or(obj);
    let mro = full_mro(of);
    let after = mro.iter().position(|&c| c == start).map_or(mro.len(), |i| i + 1);
    // SAFETY: MRO entries are live classes.
    let found = mro[after..].iter().find_map(|&c| dict_get(unsafe { as_class(c) }.dict, name));
    let Some(attr) = found else {
        // SAFETY: `of` is a class.
        if name == "__init__" && is_instance && unsafe { as_class(of) }.builtin_base.is_some() {
            // list.__init__ / dict.__init__.
            let init = builtin_base_init();
            return Ok(bound_to(init, obj, for_call));
        }
        if name == "__init__" && unsafe { as_class(of) }.exc_base.is_some() {
            // BaseException.__init__ (the exception's own, not in any class's dict).
            let init = exception_init();
            return Ok(bound_to(init, obj, for_call));
        }
        if matches!(name, "__str__" | "__repr__") && obj.is_kind(stitch_abi::KIND_EXCEPTION) {
            // BaseException's, which an exception class's own ends in.
            return Ok(bound_to(exception_text_builtin(name == "__str__"), obj, for_call));
        }
        if name == "__new__" && !is_instance {
            // `super().__new__(cls)` in a `__new__`: the base type's, a static method.
            return Ok((crate::class_new::base_new(of)?, Value::NULL));
        }
        if name == "__init_subclass__" && !is_instance {
            // object.__init_subclass__, which a class's own ends in.
            return Ok(bound_to(object_init_subclass(), obj, for_call));
        }
        if name == "__getattribute__" && obj.is_kind(KIND_INSTANCE) {
            // object.__getattribute__, which a class's own ends in.
            return Ok(bound_to(object_getattribute_builtin(), obj, for_call));
        }
        if name == "__setattr__" && is_instance {
            // object.__setattr__, which a class's own `__setattr__` ends in.
            let f = object_setattr_builtin();
            return Ok(bound_to(f, obj, for_call));
        }
        if name == "__delattr__" && obj.is_kind(KIND_INSTANCE) {
            // object.__delattr__, which a class's own `__delattr__` ends in.
            return Ok(bound_to(object_delattr_builtin(), obj, for_call));
        }
        if is_instance
            && let Some(base) = crate::builtin_subclasses::base_of(of)
            && let Some(f) = crate::base_specials::lookup(base.type_name(), name)
        {
            // `super().__getitem__(i)` in a class deriving from a builtin type.
            return Ok(bound_to(f, obj, for_call));
        }
        if is_dunder(name) {
            return Err(PyErr::unsupported(format!("the attribute {name} of super()")));
        }
        return Err(PyErr::new(ExcKind::AttributeError, format!("'super' object has no attribute '{name}'")));
    };
    if attr.is_kind(KIND_FUNCTION) && is_instance {
        attr.incref();
        if for_call {
            obj.incref();
            return Ok((attr, obj));
        }
        let m = bind(attr, obj);
        attr.decref();
        return Ok((m, Value::NULL));
    }
    Ok((bind_attribute(attr, if is_instance { obj } else { Value::NULL }, of)?, Value::NULL))
}

/// After a class statement made `cls`: the `__init_subclass__` of the first class
/// after it in its MRO, with the class statement's keywords (`kwargs`: a dict, or
/// None when there were none), as CPython's `type.__new__` calls it; first, as there,
/// the `__set_name__` hooks of its attributes (`set_names`).
pub fn init_subclass(cls: Value, kwargs: Value) -> PyResult<()> {
    set_names(cls)?;
    let mro = full_mro(cls);
    // SAFETY: MRO entries are live classes.
    let found = mro[1..].iter().find_map(|&c| dict_get(unsafe { as_class(c) }.dict, "__init_subclass__"));
    let mut keywords: Vec<(&str, Value)> = Vec::new();
    if kwargs.is_kind(stitch_abi::KIND_DICT) {
        // SAFETY: the compiler builds the dict from the statement's keywords (str keys).
        for e in unsafe { dict::entries(kwargs.cast()) } {
            // SAFETY: as above.
            keywords.push((unsafe { strs::text(e.key) }?, e.value));
        }
    }
    let method = match found {
        None => object_init_subclass(),
        Some(f) if f.is_kind(KIND_DESCRIPTOR) => {
            // SAFETY: the kind was checked.
            let d = unsafe { &*f.cast::<Descriptor>() };
            if !matches!(d.which, DescriptorKind::ClassMethod) {
                return Err(PyErr::unsupported("an __init_subclass__ that is not a class method"));
            }
            d.func
        }
        Some(f) => f,
    };
    let r = call_any(method, &Args { positional: &[cls], keywords: &keywords })?;
    r.decref();
    Ok(())
}

/// `object.__init_subclass__(cls)`: takes no keywords (an immortal builtin).
fn object_init_subclass() -> Value {
    static F: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let p = *F.get_or_init(|| {
        crate::objects::builtin::immortal_builtin("__init_subclass__", None, |_rt, args| {
            if !args.keywords.is_empty() || args.positional.len() > 1 {
                let name = args.positional.first().filter(|c| c.is_kind(KIND_CLASS)).map_or("object", |&c| class_name(c));
                return Err(PyErr::type_error(if args.keywords.is_empty() {
                    format!("{name}.__init_subclass__() takes no arguments ({} given)", args.positional.len() - 1)
                } else {
                    format!("{name}.__init_subclass__() takes no keyword arguments")
                }));
            }
            Ok(Value::NONE)
        })
        .object() as usize
    });
    Value::from_object(p as *mut stitch_abi::Object)
}

/// `list.__init__(self, ...)` or `dict.__init__(self, ...)` of an instance of a class
/// deriving from one (an immortal builtin).
fn builtin_base_init() -> Value {
    static INIT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let p = *INIT.get_or_init(|| {
        crate::objects::builtin::immortal_builtin("__init__", None, |rt, args| {
            let (obj, rest) = args.positional.split_first().ok_or_else(|| PyErr::type_error("__init__() needs an argument"))?;
            crate::builtin_subclasses::base_init(rt, *obj, &Args { positional: rest, keywords: args.keywords })
        })
        .object() as usize
    });
    Value::from_object(p as *mut stitch_abi::Object)
}

/// `BaseException.__init__(self, *args)`: sets `args` (an immortal builtin).
fn exception_init() -> Value {
    static INIT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let p = *INIT.get_or_init(|| {
        crate::objects::builtin::immortal_builtin("__init__", Some("BaseException"), base_exception_init).object() as usize
    });
    Value::from_object(p as *mut stitch_abi::Object)
}

/// `BaseException.__str__` (`str`) or `__repr__` as an immortal builtin taking the
/// exception.
fn exception_text_builtin(str: bool) -> Value {
    static F: [std::sync::OnceLock<usize>; 2] = [std::sync::OnceLock::new(), std::sync::OnceLock::new()];
    let p = *F[usize::from(str)].get_or_init(|| {
        let (name, f): (&'static str, crate::objects::builtin::BuiltinFn) = if str {
            ("__str__", |_rt, args| match args.positional {
                [e] if e.is_kind(stitch_abi::KIND_EXCEPTION) => Ok(strs::from_string(crate::exceptions::base_str_of(*e)?)),
                _ => Err(PyErr::type_error("descriptor '__str__' of 'BaseException' object needs an argument")),
            })
        } else {
            ("__repr__", |_rt, args| match args.positional {
                [e] if e.is_kind(stitch_abi::KIND_EXCEPTION) => Ok(strs::from_string(crate::exceptions::base_repr_of(*e)?)),
                _ => Err(PyErr::type_error("descriptor '__repr__' of 'BaseException' object needs an argument")),
            })
        };
        crate::objects::builtin::immortal_builtin(name, Some("BaseException"), f).object() as usize
    });
    Value::from_object(p as *mut stitch_abi::Object)
}

fn base_exception_init(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    if !args.keywords.is_empty() {
        return Err(PyErr::type_error("BaseException.__init__() takes no keyword arguments"));
    }
    let Some((&exc, rest)) = args.positional.split_first() else {
        return Err(PyErr::type_error("descriptor '__init__' of 'BaseException' object needs an argument"));
    };
    if !exc.is_kind(stitch_abi::KIND_EXCEPTION) {
        return Err(PyErr::type_error("descriptor '__init__' requires a 'BaseException' object"));
    }
    rest.iter().for_each(|a| a.incref());
    let t = tuple::from_vec(rest.to_vec());
    // SAFETY: the kind was checked.
    let old = std::mem::replace(&mut unsafe { crate::objects::exception::as_exception(exc) }.args, t);
    old.decref();
    Ok(Value::NONE)
}

/// The user class of an exception object, if it has one (borrowed).
pub fn exception_class(exc: Value) -> Option<Value> {
    if !exc.is_kind(stitch_abi::KIND_EXCEPTION) {
        return None;
    }
    // SAFETY: the kind was checked.
    let c = unsafe { crate::objects::exception::as_exception(exc) }.class;
    c.is_kind(KIND_CLASS).then_some(c)
}

/// The class of an instance or of an exception object of a user class (borrowed).
pub fn user_class_of(v: Value) -> Option<Value> {
    if v.is_kind(KIND_INSTANCE) {
        return Some(class_of(v));
    }
    exception_class(v).or_else(|| crate::builtin_subclasses::class_of(v))
}

/// `exc.name` of an exception object of a user class: what its methods set, then the
/// class's attributes (bound). None when neither has it.
pub fn exception_getattr(exc: Value, name: &str) -> Option<PyResult<Value>> {
    let cls = exception_class(exc)?;
    // SAFETY: exception objects are live.
    let d = unsafe { crate::objects::exception::as_exception(exc) }.dict;
    if d.is_object()
        && let Some(v) = dict_get(d, name)
    {
        v.incref();
        return Some(Ok(v));
    }
    if name == "__class__" {
        cls.incref();
        return Some(Ok(cls));
    }
    lookup(cls, name).map(|attr| bind_attribute(attr, exc, cls))
}

/// `exc.name = value` of an exception object (of a user class, or not: CPython's
/// exceptions take attributes too).
pub fn exception_setattr(exc: Value, name: &str, value: Value) -> PyResult<()> {
    if is_dunder(name) || matches!(name, "args") {
        return Err(PyErr::unsupported(format!("assigning the attribute {name} of an exception")));
    }
    // SAFETY: callers pass exception objects.
    let e = unsafe { crate::objects::exception::as_exception(exc) };
    if !e.dict.is_object() {
        e.dict = dict::new_dict();
    }
    dict_set(e.dict, name, value);
    Ok(())
}

/// `del exc.name` of an exception object: an attribute the program gave it.
pub fn exception_delattr(exc: Value, name: &str) -> PyResult<()> {
    if name == "args" {
        return Err(PyErr::type_error("args may not be deleted"));
    }
    if is_dunder(name) {
        return Err(PyErr::unsupported(format!("deleting the attribute {name} of an exception")));
    }
    // SAFETY: callers pass exception objects; the removed value is owned and released.
    let removed = unsafe {
        let e = crate::objects::exception::as_exception(exc);
        if e.dict.is_object() {
            let key = strs::new_str(name);
            let r = dict::remove(e.dict.cast(), key, strs::hash_text(name));
            key.decref();
            r
        } else {
            None
        }
    };
    match removed {
        Some(v) => {
            v.decref();
            Ok(())
        }
        None => Err(PyErr::new(
            ExcKind::AttributeError,
            format!("'{}' object has no attribute '{name}'", crate::ops::type_name(exc)),
        )),
    }
}

/// `str(exc)` of an exception object whose class defines `__str__`.
pub fn exception_str(exc: Value) -> Option<PyResult<String>> {
    let cls = exception_class(exc)?;
    let f = lookup(cls, "__str__")?;
    Some(call_method_of(f, exc, cls).and_then(|v| text_of(v, "__str__")))
}

/// `repr(exc)` of an exception object whose class defines `__repr__`.
pub fn exception_repr(exc: Value) -> Option<PyResult<String>> {
    let cls = exception_class(exc)?;
    let f = lookup(cls, "__repr__")?;
    Some(call_method_of(f, exc, cls).and_then(|v| text_of(v, "__repr__")))
}

fn call_method_of(f: Value, obj: Value, cls: Value) -> PyResult<Value> {
    let bound = bind_attribute(f, obj, cls)?;
    let r = call_any(bound, &Args { positional: &[], keywords: &[] });
    bound.decref();
    r
}

/// `repr(obj)` of an instance: its `__repr__`, or `<__main__.Point object at 0x...>`.
pub fn instance_repr(obj: Value) -> PyResult<String> {
    if obj == crate::special::not_implemented() {
        return Ok("NotImplemented".to_string());
    }
    if obj == crate::special::ellipsis() {
        return Ok("Ellipsis".to_string());
    }
    let cls = class_of(obj);
    if let Some(f) = lookup(cls, "__repr__") {
        return text_of(call_method(f, obj)?, "__repr__");
    }
    if let Some(f) = crate::float_subclass::value(obj) {
        // float's repr (float has no `__str__` of its own: str() comes here too).
        return Ok(crate::format::float_repr(f));
    }
    Ok(format!("<{} object at {:#x}>", full_name(cls), obj.object() as usize))
}

/// `str(obj)` of an instance: its `__str__`, else its repr.
pub fn instance_str(obj: Value) -> PyResult<String> {
    let cls = class_of(obj);
    if let Some(f) = lookup(cls, "__str__") {
        return text_of(call_method(f, obj)?, "__str__");
    }
    instance_repr(obj)
}

/// Calls a method found on the class with `obj` as self.
fn call_method(f: Value, obj: Value) -> PyResult<Value> {
    let bound = bind_attribute(f, obj, class_of(obj))?;
    let r = call_any(bound, &Args { positional: &[], keywords: &[] });
    bound.decref();
    r
}

/// The str a `__repr__` or `__str__` returned (consumed), or CPython's TypeError.
pub(crate) fn text_of(v: Value, method: &str) -> PyResult<String> {
    let r = if v.is_kind(KIND_STR) {
        // SAFETY: the kind was checked.
        unsafe { strs::text(v) }.map(str::to_string)
    } else {
        Err(PyErr::type_error(format!("{method} returned non-string (type {})", crate::ops::type_name(v))))
    };
    v.decref();
    r
}

/// `__main__.Point` (`__module__` and `__qualname__`).
pub fn full_name(cls: Value) -> String {
    // SAFETY: callers pass classes.
    let c = unsafe { as_class(cls) };
    match dict_get(c.dict, "__module__") {
        // SAFETY: the kind was checked.
        // CPython leaves the module of builtin classes out (`<object object at ...>`).
        Some(m) if m.is_kind(KIND_STR) && unsafe { strs::bytes(m) } != b"builtins" => format!("{}.{}", unsafe { strs::as_str(m) }.display(), c.qualname),
        _ => c.qualname.clone(),
    }
}

/// `repr` of a method bound to an instance or class: `<bound method Point.norm of ...>`.
pub fn bound_method_repr(m: &BoundMethod) -> PyResult<String> {
    // SAFETY: the function is live.
    let q = unsafe { strs::as_str((*m.func.cast::<stitch_abi::Function>()).qualname) }.display();
    Ok(format!("<bound method {q} of {}>", crate::ops::repr(m.receiver)?))
}

/// Set once a class defining a special method other than `__init__` exists: from then
/// on the repr, comparison or hashing of any container's items may run Python code.
static TEXT_METHODS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether `v` itself may run Python code of a user class when a builtin that never
/// looks at a container's items (`list.append`, `len`) is given it: an instance, an
/// exception object of a user class, or an object of a builtin type's subclass.
pub fn may_run_python_itself(v: Value) -> bool {
    use stitch_abi::{KIND_BIGINT, KIND_DICT, KIND_EXCEPTION, OVERRIDES_FLAG, SUBCLASS_FLAG};
    // Asked of every argument of every builtin call: one look at the kind, and at the
    // header's flags for the kinds a user class can derive from.
    if !v.is_object() {
        return false;
    }
    match kind(v) {
        KIND_INSTANCE => true,
        KIND_EXCEPTION => exception_class(v).is_some(),
        KIND_LIST | KIND_DICT | KIND_TUPLE | KIND_STR | KIND_BIGINT => {
            // SAFETY: a live object's header is readable.
            let flags = unsafe { (*v.object()).flags };
            flags & (OVERRIDES_FLAG | SUBCLASS_FLAG) != 0 && (crate::special::overrides(v) || crate::builtin_subclasses::class_of(v).is_some())
        }
        _ => false,
    }
}

/// Whether a builtin given `v` may run Python code of a user class (`print(p)` runs
/// `p.__str__`): an instance, an exception object of a user class, or a container
/// (which may hold one) once some class defines `__repr__` or `__str__`. Items are not
/// searched: the answer is needed on every specialized builtin call.
pub fn may_run_python(v: Value) -> bool {
    if !v.is_object() {
        return false;
    }
    match kind(v) {
        KIND_INSTANCE => true,
        stitch_abi::KIND_EXCEPTION => exception_class(v).is_some(),
        stitch_abi::KIND_LIST | stitch_abi::KIND_TUPLE | stitch_abi::KIND_DICT | stitch_abi::KIND_DICT_ITER => {
            TEXT_METHODS.load(std::sync::atomic::Ordering::Relaxed)
        }
        _ => false,
    }
}

/// `kind(v)` is one of the kinds this module owns.
pub fn is_class_kind(v: Value) -> bool {
    matches!(kind(v), KIND_CLASS | KIND_INSTANCE)
}

/// Hook for `object` (the builtin type lives in the builtins layer).
static OBJECT_TYPE: std::sync::OnceLock<usize> = std::sync::OnceLock::new();

/// Records the `object` type object (immortal), for `__mro__` and `__bases__`.
pub fn set_object_type(t: Value) {
    let _ = OBJECT_TYPE.set(t.0 as usize);
}

fn object_type() -> Value {
    Value(*OBJECT_TYPE.get().unwrap_or(&(Value::NONE.0 as usize)) as u64)
}

/// The class behind `object()`'s instances: a user-class layout named `object` in
/// `builtins`, made once and never freed; `type()` of its instances is `object`.
fn plain_object_class() -> Value {
    static CLASS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let p = *CLASS.get_or_init(|| {
        let d = dict::new_dict();
        let m = strs::new_str("builtins");
        dict_set(d, "__module__", m);
        m.decref();
        new_class("object", "object".to_string(), vec![], vec![], d, None, None).object() as usize
    });
    Value::from_object(p as *mut stitch_abi::Object)
}

/// `object()`: a featureless instance (a sentinel).
pub fn new_plain_object() -> Value {
    new_instance(plain_object_class())
}

/// Whether `v` was made by `object()`.
pub fn is_plain_object(v: Value) -> bool {
    v.is_kind(KIND_INSTANCE) && class_of(v) == plain_object_class()
}

/// The `object` type object (for `type(object())`).
pub fn object_type_value() -> Value {
    object_type()
}

/// `object.__getattribute__` as `super().__getattribute__` and `object.__getattribute__`
/// find it (an immortal builtin).
pub fn object_getattribute_builtin() -> Value {
    static F: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let p = *F.get_or_init(|| {
        crate::objects::builtin::immortal_builtin("__getattribute__", Some("object"), |_rt, args| {
            let [obj, name] = args.positional else {
                return Err(PyErr::type_error(format!("expected 2 arguments, got {}", args.positional.len())));
            };
            if !name.is_kind(KIND_STR) {
                return Err(PyErr::type_error(format!(
                    "attribute name must be string, not '{}'",
                    crate::ops::type_name(*name)
                )));
            }
            if !obj.is_kind(KIND_INSTANCE) || !args.keywords.is_empty() {
                return Err(PyErr::unsupported("object.__getattribute__ of this object"));
            }
            // SAFETY: the kind was checked.
            object_getattribute(*obj, unsafe { strs::text(*name) }?)
        })
        .object() as usize
    });
    Value::from_object(p as *mut stitch_abi::Object)
}

/// `object.__setattr__` as `super().__setattr__` and `object.__setattr__` find it (an
/// immortal builtin).
pub fn object_setattr_builtin() -> Value {
    static F: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let p = *F.get_or_init(|| {
        crate::objects::builtin::immortal_builtin("__setattr__", Some("object"), object_setattr_call).object() as usize
    });
    Value::from_object(p as *mut stitch_abi::Object)
}

fn object_setattr_call(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let [obj, name, value] = args.positional else {
        return Err(PyErr::type_error(format!("expected 3 arguments, got {}", args.positional.len())));
    };
    let subclass_object = crate::builtin_subclasses::class_of(*obj).is_some();
    if !args.keywords.is_empty() || !(obj.is_kind(KIND_INSTANCE) || subclass_object) {
        return Err(PyErr::unsupported("object.__setattr__ of this object"));
    }
    if !name.is_kind(KIND_STR) {
        return Err(PyErr::type_error(format!("attribute name must be string, not '{}'", crate::ops::type_name(*name))));
    }
    if subclass_object {
        // SAFETY: the kind was checked.
        crate::builtin_subclasses::store(*obj, unsafe { strs::text(*name) }?, *value)?;
        return Ok(Value::NONE);
    }
    // SAFETY: the kind was checked.
    object_setattr(*obj, unsafe { strs::text(*name) }?, *value)?;
    Ok(Value::NONE)
}

/// `object.__delattr__` as `super().__delattr__` and `object.__delattr__` find it (an
/// immortal builtin).
pub fn object_delattr_builtin() -> Value {
    static F: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let p = *F.get_or_init(|| {
        crate::objects::builtin::immortal_builtin("__delattr__", Some("object"), object_delattr_call).object() as usize
    });
    Value::from_object(p as *mut stitch_abi::Object)
}

fn object_delattr_call(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let [obj, name] = args.positional else {
        return Err(PyErr::type_error(format!("expected 2 arguments, got {}", args.positional.len())));
    };
    if !args.keywords.is_empty() || !obj.is_kind(KIND_INSTANCE) {
        return Err(PyErr::unsupported("object.__delattr__ of this object"));
    }
    if !name.is_kind(KIND_STR) {
        return Err(PyErr::type_error(format!("attribute name must be string, not '{}'", crate::ops::type_name(*name))));
    }
    // SAFETY: the kind was checked.
    object_delattr(*obj, unsafe { strs::text(*name) }?)?;
    Ok(Value::NONE)
}

/// A function found past `super()` for the object `obj`: with `obj` as the receiver
/// for a call (LOAD_METHOD's pair), else bound to it. New references.
fn bound_to(f: Value, obj: Value, for_call: bool) -> (Value, Value) {
    obj.incref();
    if for_call {
        return (f, obj);
    }
    let m = bind(f, obj);
    obj.decref();
    (m, Value::NULL)
}

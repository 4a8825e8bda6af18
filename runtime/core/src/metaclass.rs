//! Metaclasses a program defines (`class Meta(type)`), as CPython runs them: a class
//! statement whose metaclass is one (given by `metaclass=` or inherited from a base)
//! calls `Meta.__new__(Meta, name, bases, namespace, **kw)` and then
//! `Meta.__init__(cls, ...)`; calling the class runs `Meta.__call__` when the
//! metaclass defines one; attributes the class lacks are looked up on the metaclass
//! (bound to the class). `type.__new__` makes the class (running `__init_subclass__`
//! with the keywords) and records its metaclass in `ClassObject::meta`.
//! `__prepare__` is refused (the class body has already run when the metaclass is
//! known here), and so are metaclasses deriving from `ABCMeta` or `EnumType`.

use crate::classes::{class_name, full_mro, init_subclass, is_subclass, lookup};
use crate::errors::{ExcKind, PyErr, PyResult};
use crate::objects::builtin::Args;
use crate::objects::class::as_class;
use crate::objects::{str as strs, tuple};
use crate::ops::call::call_any;
use crate::vm::Runtime;
use stitch_abi::{KIND_CLASS, KIND_DICT, KIND_STR, KIND_TUPLE, Value};

/// The special methods a metaclass may define: those run when classes are made,
/// called and shown (the names every class body has are data).
pub const SUPPORTED_SPECIALS: &[&str] = &["__new__", "__init__", "__call__", "__repr__", "__str__", "__init_subclass__", "__module__", "__qualname__", "__doc__", "__classcell__"];

/// The builtin `type` (immortal), recorded when the builtins are made, for the
/// `__mro__` and `__bases__` of metaclasses.
static TYPE_TYPE: std::sync::OnceLock<u64> = std::sync::OnceLock::new();

pub fn set_type_type(t: Value) {
    let _ = TYPE_TYPE.set(t.0);
}

/// `type` after a metaclass's own classes in its `__mro__`, when `cls` is one.
pub fn type_in_mro(cls: Value) -> Option<Value> {
    if !is_metaclass(cls) {
        return None;
    }
    TYPE_TYPE.get().map(|&t| Value(t))
}

/// Whether `v` is a class deriving from `type`.
pub fn is_metaclass(v: Value) -> bool {
    // SAFETY: the kind is checked first.
    v.is_kind(KIND_CLASS) && unsafe { as_class(v) }.is_meta.get()
}

/// The program's metaclass of the class `cls` (borrowed), if it has one.
pub fn meta_of(cls: Value) -> Option<Value> {
    if !cls.is_kind(KIND_CLASS) {
        return None;
    }
    // SAFETY: the kind was checked.
    let m = unsafe { as_class(cls) }.meta.get();
    (!m.is_null()).then_some(m)
}

/// The metaclass a class statement uses: the explicit one (`None`: none given, or
/// `type`) reconciled with those of the bases, the most derived winning; `None` when
/// it is `type` (or a metaclass stitch models without one).
pub fn winner(explicit: Option<Value>, bases: &[Value]) -> PyResult<Option<Value>> {
    let mut best = explicit;
    for &b in bases {
        let Some(m) = meta_of(b) else { continue };
        match best {
            None => best = Some(m),
            Some(w) if is_subclass(m, w) => best = Some(m),
            Some(w) if is_subclass(w, m) => {}
            Some(_) => {
                return Err(PyErr::type_error(
                    "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                ));
            }
        }
    }
    Ok(best)
}

/// `class Name(bases, **kwargs)` with the metaclass `meta`: `meta.__new__` then
/// `meta.__init__`, as `type.__call__(meta, name, bases, namespace, **kwargs)` runs
/// them. `kwargs` is a dict of str keys or None.
pub fn make_class(rt: &mut Runtime, meta: Value, qualname: &str, bases: Value, namespace: Value, kwargs: Value) -> PyResult<Value> {
    let name = strs::new_str(qualname.rsplit('.').next().unwrap_or(qualname));
    let keywords = keyword_pairs(kwargs)?;
    let kw: Vec<(&str, Value)> = keywords.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let r = new_and_init(rt, meta, &[name, bases, namespace], &kw, Some(qualname));
    name.decref();
    r
}

/// The keyword arguments of a class statement (a dict or None), borrowed.
fn keyword_pairs(kwargs: Value) -> PyResult<Vec<(String, Value)>> {
    if !kwargs.is_kind(KIND_DICT) {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    // SAFETY: a live dict whose keys the compiler made strs.
    for e in unsafe { crate::objects::dict::entries(kwargs.cast()) } {
        // SAFETY: as above.
        out.push((unsafe { strs::text(e.key) }?.to_string(), e.value));
    }
    Ok(out)
}

/// `meta(name, bases, namespace, **kw)`: the metaclass's `__new__` (its own or
/// `type.__new__`), then its `__init__` when the result is an instance of it.
fn new_and_init(rt: &mut Runtime, meta: Value, args: &[Value], kw: &[(&str, Value)], qualname: Option<&str>) -> PyResult<Value> {
    let cls = match lookup(meta, "__new__") {
        Some(new) => {
            let f = crate::classes::bind_attribute(new, Value::NULL, meta)?;
            let mut positional = vec![meta];
            positional.extend_from_slice(args);
            let r = call_any(f, &Args { positional: &positional, keywords: kw });
            f.decref();
            r?
        }
        None => type_new(rt, meta, args, kw, qualname)?,
    };
    if meta_of(cls).is_some_and(|m| is_subclass(m, meta))
        && let Some(init) = lookup(meta, "__init__")
    {
        let mut positional = vec![cls];
        positional.extend_from_slice(args);
        if let Err(e) = call_any(init, &Args { positional: &positional, keywords: kw }).map(|v| v.decref()) {
            cls.decref();
            return Err(e);
        }
    }
    Ok(cls)
}

/// `type.__new__(meta, name, bases, namespace, **kw)`: the class, whose metaclass is
/// `meta`, its base's `__init_subclass__` run with the keywords.
fn type_new(_rt: &mut Runtime, meta: Value, args: &[Value], kw: &[(&str, Value)], qualname: Option<&str>) -> PyResult<Value> {
    let [name, bases, namespace] = args else {
        return Err(PyErr::type_error("type.__new__() takes exactly 3 arguments"));
    };
    if !name.is_kind(KIND_STR) {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            crate::ops::type_name(*name)
        )));
    }
    if !bases.is_kind(KIND_TUPLE) {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            crate::ops::type_name(*bases)
        )));
    }
    if !namespace.is_kind(KIND_DICT) {
        return Err(PyErr::type_error(format!(
            "type.__new__() argument 3 must be dict, not {}",
            crate::ops::type_name(*namespace)
        )));
    }
    if !is_metaclass(meta) {
        return Err(PyErr::unsupported("type.__new__ of a class that does not derive from type"));
    }
    // SAFETY: the kind was checked.
    let given = unsafe { tuple::items(bases.cast()) };
    // The namespace is the metaclass's to change: an attribute it added is kept.
    // SAFETY: the kind was checked.
    let text = unsafe { strs::text(*name) }?;
    let qualname = match crate::classes::dict_get(*namespace, "__qualname__") {
        Some(q) if q.is_kind(KIND_STR) => {
            // SAFETY: the kind was checked.
            unsafe { strs::text(q) }?.to_string()
        }
        _ => qualname.filter(|q| q.rsplit('.').next() == Some(text)).unwrap_or(text).to_string(),
    };
    if let Some(w) = winner(Some(meta), given)?
        && w != meta
        && !is_subclass(meta, w)
    {
        return Err(PyErr::type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    let cls = crate::classes::build_class(&qualname, *bases, *namespace)?;
    meta.incref();
    // SAFETY: a new class with no metaclass yet.
    unsafe { as_class(cls) }.meta.set(meta);
    let kwargs = if kw.is_empty() {
        Value::NONE
    } else {
        let d = crate::objects::dict::new_dict();
        for &(k, v) in kw {
            crate::classes::dict_set(d, k, v);
        }
        d
    };
    let r = init_subclass(cls, kwargs);
    kwargs.decref();
    if let Err(e) = r {
        cls.decref();
        return Err(e);
    }
    Ok(cls)
}

/// `Meta(name, bases, namespace, **kw)` called directly (and `Meta(obj)`, refused).
pub fn call_metaclass(rt: &mut Runtime, meta: Value, args: &Args) -> PyResult<Value> {
    if args.positional.len() != 3 {
        return Err(PyErr::unsupported(format!("calling the metaclass {} with other than 3 arguments", class_name(meta))));
    }
    new_and_init(rt, meta, args.positional, args.keywords, None)
}

/// `Meta.__call__` of a class whose metaclass defines one (borrowed).
pub fn own_call(cls: Value) -> Option<Value> {
    lookup(meta_of(cls)?, "__call__")
}

/// `Class.name` the class's MRO lacks: the metaclass's attribute bound to the class
/// (a function becomes a method of the class, a property runs its getter).
pub fn class_attr_from_meta(cls: Value, name: &str) -> Option<PyResult<Value>> {
    let meta = meta_of(cls)?;
    let attr = lookup(meta, name)?;
    Some(crate::classes::bind_attribute(attr, cls, meta))
}

/// `repr(cls)` or `str(cls)` (`which`) when the class's metaclass defines it.
pub fn text(cls: Value, which: &str) -> Option<PyResult<String>> {
    let f = lookup(meta_of(cls)?, which)?;
    Some(crate::special::call_method(f, cls, &[]).and_then(|v| crate::classes::text_of(v, which)))
}

/// `isinstance(v, meta)` for a metaclass `meta`.
pub fn is_instance(v: Value, meta: Value) -> bool {
    meta_of(v).is_some_and(|m| is_subclass(m, meta))
}

/// `super(start, cls).name` where `start` is a metaclass and `cls` a class of it: the
/// attribute after `start` in the MRO of the class's metaclass, ending in `type`'s
/// `__new__`, `__init__` and `__call__`. New references: the function and the self
/// to call it with (NULL when the function is already bound).
pub fn super_attr(start: Value, cls: Value, name: &str, for_call: bool) -> PyResult<(Value, Value)> {
    let Some(meta) = meta_of(cls) else {
        return Err(PyErr::unsupported("super() of a metaclass outside a class of it"));
    };
    let mro = full_mro(meta);
    let after = mro.iter().position(|&c| c == start).map_or(mro.len(), |i| i + 1);
    for &c in &mro[after..] {
        // SAFETY: MRO entries are live classes.
        if let Some(attr) = crate::classes::dict_get(unsafe { as_class(c) }.dict, name) {
            if attr.is_kind(stitch_abi::KIND_FUNCTION) && for_call {
                attr.incref();
                cls.incref();
                return Ok((attr, cls));
            }
            return Ok((crate::classes::bind_attribute(attr, cls, meta)?, Value::NULL));
        }
    }
    let f = match name {
        // `super().__new__(mcls, name, bases, ns)`: a static method, never bound.
        "__new__" => return Ok((type_new_builtin(), Value::NULL)),
        "__init__" => type_init_builtin(),
        "__call__" => type_call_builtin(),
        _ => return crate::classes::class_getattr(cls, name).map(|v| (v, Value::NULL)),
    };
    if for_call {
        cls.incref();
        return Ok((f, cls));
    }
    Ok((crate::objects::builtin::bind(f, cls), Value::NULL))
}

/// An immortal builtin made once.
fn immortal(cell: &'static std::sync::OnceLock<usize>, name: &'static str, f: crate::objects::builtin::BuiltinFn) -> Value {
    let p = *cell.get_or_init(|| crate::objects::builtin::immortal_builtin(name, Some("type"), f).object() as usize);
    Value::from_object(p as *mut stitch_abi::Object)
}

/// `type.__new__` (an immortal builtin): `type.__new__(meta, name, bases, ns, **kw)`.
pub fn type_new_builtin() -> Value {
    static F: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    immortal(&F, "__new__", |rt, args| {
        let Some((&meta, rest)) = args.positional.split_first() else {
            return Err(PyErr::type_error("type.__new__(): not enough arguments"));
        };
        if !meta.is_kind(KIND_CLASS) {
            return Err(PyErr::unsupported("type.__new__ of a builtin type"));
        }
        if rest.len() != 3 {
            return Err(PyErr::type_error("type.__new__() takes exactly 3 arguments"));
        }
        type_new(rt, meta, rest, args.keywords, None)
    })
}

/// `type.__init__` (an immortal builtin): nothing to do once `__new__` made the class.
pub fn type_init_builtin() -> Value {
    static F: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    immortal(&F, "__init__", |_rt, args| match args.positional.len() {
        2 | 4 => Ok(Value::NONE),
        _ => Err(PyErr::type_error("type.__init__() takes 1 or 3 arguments")),
    })
}

/// `type.__call__` (an immortal builtin): `cls(*args, **kw)` past the metaclass's own
/// `__call__`: `__new__` and `__init__` of the class.
pub fn type_call_builtin() -> Value {
    static F: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    immortal(&F, "__call__", |rt, args| {
        let Some((&cls, rest)) = args.positional.split_first() else {
            return Err(PyErr::type_error("descriptor '__call__' of 'type' object needs an argument"));
        };
        if !cls.is_kind(KIND_CLASS) {
            return Err(PyErr::unsupported("type.__call__ of a builtin type"));
        }
        crate::classes::instantiate_past_meta(rt, cls, &Args { positional: rest, keywords: args.keywords })
    })
}

/// The error of a class attribute missing from the class and its metaclass.
pub fn missing(cls: Value, name: &str) -> PyErr {
    PyErr::new(ExcKind::AttributeError, format!("type object '{}' has no attribute '{name}'", class_name(cls)))
}

//! What the pattern-matching instructions ask of values (`match` statements, as CPython
//! 3.11 runs them): whether a subject is a sequence or a mapping for the patterns,
//! looking a mapping pattern's keys up, and the attributes a class pattern binds.

use crate::attr::load_attr;
use crate::functions::introspect::matches;
use crate::types::as_type;
use stitch_abi::*;
use stitch_core::classes;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::{TypeId, TypeObject};
use stitch_core::objects::{Owned, dict, tuple};
use stitch_core::ops;

/// Whether a sequence pattern can match `v`: CPython's sequence types (list, tuple,
/// range, deque), not str (nor bytes, which sequence patterns leave alone).
pub fn is_sequence(v: Value) -> bool {
    match stitch_core::objects::kind(v) {
        KIND_LIST | KIND_TUPLE | KIND_RANGE => true,
        KIND_NATIVE => stitch_core::objects::native::get(v).is_some_and(|n| n.type_name() == "deque"),
        _ => false,
    }
}

/// Whether a mapping pattern can match `v`: dicts and the dicts of `collections`.
pub fn is_mapping(v: Value) -> bool {
    v.is_kind(KIND_DICT)
}

/// A mapping pattern's keys looked up in `subject` (a dict), as `subject.get(key)`
/// does (a defaultdict's default is not made): a tuple of the values, or None when a
/// key is missing. A key given twice is a ValueError, as in CPython.
pub fn match_keys(subject: Value, keys: Value) -> PyResult<Value> {
    // SAFETY: the compiler builds the keys as a tuple.
    let keys = unsafe { tuple::items(keys.cast()) };
    let seen = Owned(dict::new_dict());
    let mut values = Vec::with_capacity(keys.len());
    let release = |values: Vec<Value>| values.into_iter().for_each(|v| v.decref());
    for &key in keys {
        let hash = match ops::hash(key) {
            Ok(h) => h,
            Err(e) => {
                release(values);
                return Err(e);
            }
        };
        // SAFETY: `seen` is a live dict; `subject` is a dict (MATCH_MAPPING said so).
        unsafe {
            let repeated = dict::find(seen.get().cast(), key, hash).is_some();
            if let Err(e) = ops::compare::key_error_pending() {
                release(values);
                return Err(e);
            }
            if repeated {
                release(values);
                return Err(PyErr::value_error(format!("mapping pattern checks duplicate key ({})", ops::repr(key)?)));
            }
            key.incref();
            dict::set(seen.get().cast(), key, hash, Value::NONE);
            let found = dict::get(subject.cast(), key, hash);
            if let Err(e) = ops::compare::key_error_pending() {
                release(values);
                return Err(e);
            }
            match found {
                Some(v) => {
                    v.incref();
                    values.push(v);
                }
                None => {
                    release(values);
                    return Ok(Value::NONE);
                }
            }
        }
    }
    Ok(tuple::from_vec(values))
}

/// The builtin types whose class pattern's one positional sub-pattern matches the
/// subject itself (`int(x)`, `str()`): CPython's `_Py_TPFLAGS_MATCH_SELF`.
fn matches_self(id: TypeId) -> bool {
    matches!(
        id,
        TypeId::Bool | TypeId::Int | TypeId::Float | TypeId::Complex | TypeId::Str | TypeId::Bytes | TypeId::ByteArray | TypeId::List | TypeId::Tuple | TypeId::Dict | TypeId::Set | TypeId::FrozenSet
    )
}

/// What a class pattern's class says about its positional sub-patterns.
struct Positional {
    /// The class's name, for the messages.
    name: String,
    /// `__match_args__`, when the class defines it.
    names: Option<Vec<Value>>,
    match_self: bool,
}

/// `cls`'s `__match_args__` (new references), or the builtin types' matching of
/// themselves.
fn positional(cls: Value) -> PyResult<Positional> {
    if let Some(id) = as_type(cls) {
        // SAFETY: `as_type` checked the kind.
        let name = unsafe { (*cls.cast::<TypeObject>()).name }.to_string();
        // defaultdict, Counter and OrderedDict derive from dict, and so match themselves.
        let library_dict = crate::modules::collections::DICT_SUBCLASSES.contains(&name.as_str());
        // CPython names a type written in C by its `tp_name`, module included.
        let name = match name.as_str() {
            "deque" | "defaultdict" | "OrderedDict" => format!("collections.{name}"),
            "partial" => "functools.partial".to_string(),
            "array" => "array.array".to_string(),
            _ => name,
        };
        return Ok(Positional { name, names: None, match_self: matches_self(id) || library_dict });
    }
    let name = classes::class_name(cls).to_string();
    let Some(args) = classes::lookup(cls, "__match_args__") else {
        // A class deriving from list or dict inherits their matching of themselves.
        let match_self = stitch_core::builtin_subclasses::base_of(cls).is_some();
        return Ok(Positional { name, names: None, match_self });
    };
    if !args.is_kind(KIND_TUPLE) || stitch_core::objects::subclass::subclass_of(args).is_some() {
        return Err(PyErr::type_error(format!("{name}.__match_args__ must be a tuple (got {})", ops::type_name(args))));
    }
    // SAFETY: the kind was checked.
    let items = unsafe { tuple::items(args.cast()) };
    items.iter().for_each(|v| v.incref());
    Ok(Positional { name, names: Some(items.to_vec()), match_self: false })
}

/// A class pattern `cls(p1, ..., k1=q1, ...)` on `subject`: the tuple of the values
/// its `nargs` positional sub-patterns and its keyword ones (`names`) match against,
/// or None when `subject` is no instance of `cls` or lacks an attribute.
pub fn match_class(subject: Value, cls: Value, names: Value, nargs: usize) -> PyResult<Value> {
    let is_class = cls.is_kind(KIND_TYPE) || cls.is_kind(KIND_CLASS);
    if !is_class {
        return Err(PyErr::type_error("called match pattern must be a type"));
    }
    if !matches(subject, cls)? {
        return Ok(Value::NONE);
    }
    let mut attrs: Vec<Owned> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    if nargs > 0 {
        let p = positional(cls)?;
        let names_owned: Vec<Owned> = p.names.unwrap_or_default().into_iter().map(Owned).collect();
        let allowed = if p.match_self { 1 } else { names_owned.len() };
        if allowed < nargs {
            let plural = if allowed == 1 { "" } else { "s" };
            return Err(PyErr::type_error(format!("{}() accepts {allowed} positional sub-pattern{plural} ({nargs} given)", p.name)));
        }
        if p.match_self {
            subject.incref();
            attrs.push(Owned(subject));
        } else {
            for name in &names_owned[..nargs] {
                let name = name.get();
                if !name.is_kind(KIND_STR) {
                    return Err(PyErr::type_error(format!("__match_args__ elements must be strings (got {})", ops::type_name(name))));
                }
                // SAFETY: the kind was checked.
                let text = unsafe { stitch_core::objects::str::text(name) }?.to_string();
                match attribute(subject, &p.name, &text, &mut seen)? {
                    Some(v) => attrs.push(v),
                    None => return Ok(Value::NONE),
                }
            }
        }
    }
    // SAFETY: the compiler makes the keyword names a tuple of strs.
    for &name in unsafe { tuple::items(names.cast()) } {
        // SAFETY: the names are strs (the compiler makes them).
        let text = unsafe { stitch_core::objects::str::text(name) }?.to_string();
        let class_name = type_name_of(cls);
        match attribute(subject, &class_name, &text, &mut seen)? {
            Some(v) => attrs.push(v),
            None => return Ok(Value::NONE),
        }
    }
    Ok(tuple::from_vec(attrs.into_iter().map(Owned::into_raw).collect()))
}

fn type_name_of(cls: Value) -> String {
    if as_type(cls).is_some() {
        // SAFETY: `as_type` checked the kind.
        return unsafe { (*cls.cast::<TypeObject>()).name }.to_string();
    }
    classes::class_name(cls).to_string()
}

/// `subject.name` for a class pattern: None when there is no such attribute; a name
/// matched twice is a TypeError.
fn attribute(subject: Value, class_name: &str, name: &str, seen: &mut Vec<String>) -> PyResult<Option<Owned>> {
    if seen.iter().any(|s| s == name) {
        return Err(PyErr::type_error(format!("{class_name}() got multiple sub-patterns for attribute '{name}'")));
    }
    seen.push(name.to_string());
    match load_attr(subject, name) {
        Ok(v) => Ok(Some(Owned(v))),
        Err(e) if e.kind == ExcKind::AttributeError => Ok(None),
        Err(e) => Err(e),
    }
}

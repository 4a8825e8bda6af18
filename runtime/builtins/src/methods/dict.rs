//! `dict` methods. `keys()`, `values()` and `items()` return live views.

use super::receiver;
use stitch_abi::*;
use crate::args::{between, no_keywords, none};
use crate::functions::containers::update_from;
use stitch_core::errors::PyResult;
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::iter::{DictPart, new_dict_view};
use stitch_core::objects::{self, dict};
use stitch_core::ops::hash;
use stitch_core::ops::subscript::key_error;
use stitch_core::vm::Runtime;

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("get", get),
    ("keys", keys),
    ("values", values),
    ("items", items),
    ("pop", pop),
    ("popitem", popitem),
    ("setdefault", setdefault),
    ("update", update),
    ("copy", copy),
    ("clear", clear),
    ("fromkeys", fromkeys_of_instance),
];

fn this(args: &Args, method: &str) -> PyResult<*mut Dict> {
    receiver(args, "dict", method).map(|v| v.cast::<Dict>())
}

/// `d.get(key, default=None)`.
fn get(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let d = this(args, "get")?;
    no_keywords("dict.get", args)?;
    let a = between("get", args, 1, 1, Some(2))?;
    let h = hash(a[0])?;
    // SAFETY: a live dict.
    let v = unsafe { dict::get(d, a[0], h) };
    stitch_core::ops::compare::key_error_pending()?;
    let v = v.unwrap_or(a.get(1).copied().unwrap_or(Value::NONE));
    v.incref();
    Ok(v)
}

fn view(args: &Args, name: &str, part: DictPart) -> PyResult<Value> {
    let d = receiver(args, "dict", name)?;
    none(&format!("dict.{name}"), args, 1)?;
    Ok(new_dict_view(d, part))
}

fn keys(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    view(args, "keys", DictPart::Keys)
}

fn values(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    view(args, "values", DictPart::Values)
}

fn items(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    view(args, "items", DictPart::Items)
}

/// `d.pop(key[, default])`.
fn pop(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let d = this(args, "pop")?;
    no_keywords("dict.pop", args)?;
    let a = between("pop", args, 1, 1, Some(2))?;
    // SAFETY: a live dict.
    if unsafe { (*d).len } == 0 && a.len() == 1 {
        // CPython answers an empty dict before hashing the key.
        return Err(key_error(a[0]));
    }
    let h = hash(a[0])?;
    // SAFETY: a live dict; the removed value's reference goes to the caller.
    let removed = unsafe { dict::remove(d, a[0], h) };
    stitch_core::ops::compare::key_error_pending()?;
    match removed {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(&default) => {
                default.incref();
                Ok(default)
            }
            None => Err(key_error(a[0])),
        },
    }
}

/// `d.popitem()`: the last inserted item.
fn popitem(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let d = this(args, "popitem")?;
    none("dict.popitem", args, 1)?;
    // SAFETY: a live dict; the key is kept alive by a new reference across removal.
    unsafe {
        let Some((key, h)) = dict::entries(d).last().map(|e| (e.key, e.hash)) else {
            return Err(stitch_core::exceptions::key_error(stitch_core::objects::str::new_str("popitem(): dictionary is empty")));
        };
        key.incref();
        let value = dict::remove(d, key, h).unwrap_or(Value::NONE);
        Ok(objects::tuple::from_vec(vec![key, value]))
    }
}

/// `d.setdefault(key, default=None)`.
fn setdefault(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let d = this(args, "setdefault")?;
    no_keywords("dict.setdefault", args)?;
    let a = between("setdefault", args, 1, 1, Some(2))?;
    let h = hash(a[0])?;
    // SAFETY: a live dict; stored key and value are new references.
    unsafe {
        if let Some(v) = dict::get(d, a[0], h) {
            v.incref();
            return Ok(v);
        }
        stitch_core::ops::compare::key_error_pending()?;
        let default = a.get(1).copied().unwrap_or(Value::NONE);
        a[0].incref();
        default.incref();
        dict::set(d, a[0], h, default);
        default.incref();
        Ok(default)
    }
}

/// `d.update([other], **kwargs)`.
fn update(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let d = receiver(args, "dict", "update")?;
    let a = between("update", args, 1, 0, Some(1))?;
    if let Some(&src) = a.first() {
        update_from(d, src)?;
    }
    for &(k, v) in args.keywords {
        let key = objects::str::new_str(k);
        let h = hash(key)?;
        v.incref();
        // SAFETY: a live dict; key and value are new references.
        unsafe { dict::set(d.cast(), key, h, v) };
    }
    Ok(Value::NONE)
}

fn copy(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let d = receiver(args, "dict", "copy")?;
    none("dict.copy", args, 1)?;
    let new = dict::new_dict();
    if let Err(e) = update_from(new, d) {
        new.decref();
        return Err(e);
    }
    Ok(new)
}

fn clear(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let d = this(args, "clear")?;
    none("dict.clear", args, 1)?;
    // SAFETY: a live dict; keys are collected before the table changes.
    unsafe {
        let keys: Vec<(Value, u64)> = dict::entries(d).map(|e| (e.key, e.hash)).collect();
        for (k, h) in keys {
            k.incref();
            if let Some(v) = dict::remove(d, k, h) {
                v.decref();
            }
            k.decref();
        }
    }
    Ok(Value::NONE)
}

/// `dict.fromkeys(iterable, value=None)`, called on the type: a new dict whose keys
/// are the iterable's items, each with the same value.
pub fn fromkeys(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("dict.fromkeys", args)?;
    let a = between("fromkeys", args, 0, 1, Some(2))?;
    let value = a.get(1).copied().unwrap_or(Value::NONE);
    let d = objects::Owned(dict::new_dict());
    stitch_core::ops::consume::for_each(a[0], |key| {
        let h = hash(key.get())?;
        value.incref();
        // SAFETY: the new dict; the key and value are new references.
        unsafe { dict::set(d.get().cast(), key.into_raw(), h, value) };
        stitch_core::ops::compare::key_error_pending()?;
        Ok(true)
    })?;
    Ok(d.into_raw())
}

/// `d.fromkeys(...)` or `OrderedDict.fromkeys(...)`: the static method reached
/// through a dict, a collections dict subclass or its type object; the new dict is of
/// the same subclass, as CPython's classmethod makes it.
fn fromkeys_of_instance(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    use stitch_core::objects::builtin::TypeId;
    let first = args.positional.first().copied().unwrap_or(Value::NULL);
    let rest = Args { positional: args.positional.get(1..).unwrap_or(&[]), keywords: args.keywords };
    // The class the new dict is made by: the type object, or the instance's type.
    let class = match crate::types::as_type(first) {
        Some(TypeId::Native(q)) => q.strip_prefix("collections.").unwrap_or(q),
        Some(TypeId::Dict) => "dict",
        _ if !first.is_null() && first.is_kind(KIND_DICT) => stitch_core::ops::types::type_name(first),
        _ => "",
    };
    let none = Args { positional: &[], keywords: &[] };
    let like = match class {
        "dict" => None,
        "OrderedDict" => Some(objects::Owned(crate::modules::collections::ordered_dict(rt, &none)?)),
        "defaultdict" => Some(objects::Owned(crate::modules::collections::defaultdict(rt, &none)?)),
        "Counter" => {
            return Err(stitch_core::errors::PyErr::new(
                stitch_core::errors::ExcKind::NotImplementedError,
                "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.",
            ));
        }
        _ => {
            return Err(stitch_core::errors::PyErr::unsupported(format!(
                "fromkeys() of a {}",
                if first.is_null() { "dict" } else { stitch_core::ops::types::type_name(first) }
            )));
        }
    };
    let made = objects::Owned(fromkeys(rt, &rest)?);
    let Some(like) = like else { return Ok(made.into_raw()) };
    // SAFETY: both are dicts; the items are copied as new references.
    for e in unsafe { dict::entries(made.get().cast()) } {
        e.key.incref();
        e.value.incref();
        unsafe { dict::set(like.get().cast(), e.key, e.hash, e.value) };
    }
    Ok(like.into_raw())
}

/// The methods of the keys and items views.
pub const VIEW_METHODS: &[(&str, BuiltinFn)] = &[("isdisjoint", view_isdisjoint)];

fn view_isdisjoint(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("isdisjoint", args)?;
    let a = between("isdisjoint", args, 1, 1, Some(1))?;
    let view = args.positional[0];
    if !stitch_core::ops::dict_views::is_set_view(view) {
        return Err(stitch_core::errors::PyErr::type_error("descriptor 'isdisjoint' for 'dict_keys' objects doesn't apply to this object"));
    }
    Ok(Value::bool(stitch_core::ops::dict_views::isdisjoint(view, a[0])?))
}

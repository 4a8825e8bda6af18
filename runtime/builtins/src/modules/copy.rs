//! `copy`: `copy` and `deepcopy` of the builtin containers, deques and instances of
//! the program's classes (their `__copy__`/`__deepcopy__`, else a new instance of the
//! class with the attributes copied, as CPython's `__reduce_ex__` path does). The
//! atoms (numbers, strs, None, functions, types) are their own copies, as in CPython.

use super::collections::{Deque, copy_of, map_copy};
use crate::args::bind;
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::native::downcast;
use stitch_core::objects::subclass::subclass_of;
use stitch_core::objects::{Owned, dict, kind, list, tuple};
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;
use std::collections::HashMap;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[("copy", copy), ("deepcopy", deepcopy)];

pub fn namespace() -> Value {
    super::namespace_of(FUNCTIONS, vec![])
}

fn is_atom(v: Value) -> bool {
    !v.is_object()
        || matches!(kind(v), KIND_STR | KIND_BIGINT | KIND_COMPLEX | KIND_FUNCTION | KIND_BUILTIN | KIND_TYPE | KIND_CLASS | KIND_RANGE | KIND_CODE | KIND_MODULE)
}

/// A new set or frozenset (`kind`) of `copy` of each item of the set `v`.
fn set_of(kind: u8, v: Value, mut copy: impl FnMut(Value) -> PyResult<Value>) -> PyResult<Value> {
    use stitch_core::objects::set;
    let out = Owned(set::new_set(kind));
    // SAFETY: `v` is a live set; its entries are copied out before any copy runs, and
    // each is held while it is copied.
    for e in unsafe { set::entries(set::as_set(v)) } {
        let item = Owned::new_ref(e.key);
        let c = Owned(copy(item.get())?);
        let hash = if c.get() == item.get() { e.hash } else { stitch_core::ops::hash::hash(c.get())? };
        // SAFETY: `out` is a live set; `add` takes its own reference.
        unsafe { set::add(set::as_set(out.get()), c.get(), hash)? };
    }
    Ok(out.into_raw())
}

fn refused(v: Value, what: &str) -> PyErr {
    PyErr::unsupported(format!("{what} of a '{}' object", type_name(v)))
}

/// The class of `v` when `v` is an instance of a namedtuple class (or of a class
/// deriving from one that keeps its `__new__`) without attributes of its own: what
/// the copies here can remake.
fn namedtuple_class(v: Value) -> Option<Value> {
    let cls = stitch_core::builtin_subclasses::class_of(v).filter(|_| v.is_kind(KIND_TUPLE))?;
    let plain = !stitch_core::builtin_subclasses::has_attributes(v);
    (plain && stitch_core::namedtuple_class::has_generated_new(cls)).then_some(cls)
}

fn copy(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("copy", args, 0, &["x"], 1, 1)?;
    let v = p[0].unwrap_or(Value::NONE);
    if let Some(cls) = namedtuple_class(v) {
        // CPython makes a new one through the class's `__new__`.
        // SAFETY: a namedtuple is a tuple.
        let items: Vec<Value> = unsafe { tuple::items(v.cast()) }.to_vec();
        items.iter().for_each(|i| i.incref());
        return stitch_core::builtin_subclasses::tuple_of_class(cls, items);
    }
    if stitch_core::builtin_subclasses::class_of(v).is_some() {
        // CPython copies the class and the attributes too.
        return Err(refused(v, "copy.copy"));
    }
    if is_atom(v) || v.is_kind(KIND_TUPLE) {
        v.incref();
        return Ok(v);
    }
    // SAFETY: each arm reads the layout of the kind it matched.
    unsafe {
        match kind(v) {
            KIND_LIST => {
                let items = list::items(v.cast()).to_vec();
                items.iter().for_each(|i| i.incref());
                Ok(list::from_vec(items))
            }
            KIND_DICT if subclass_of(v).is_some() => Ok(super::dict_subclasses::copy_of(v)),
            KIND_DICT => {
                let d = dict::new_dict();
                for e in dict::entries(v.cast()) {
                    e.key.incref();
                    e.value.incref();
                    dict::set(d.cast(), e.key, e.hash, e.value);
                }
                Ok(d)
            }
            KIND_INSTANCE => copy_instance(v),
            KIND_FROZENSET => {
                v.incref();
                Ok(v)
            }
            KIND_SET => set_of(KIND_SET, v, |i| {
                i.incref();
                Ok(i)
            }),
            _ => match downcast::<Deque>(v) {
                Some(dq) => Ok(copy_of(dq)),
                None => Err(refused(v, "copy.copy")),
            },
        }
    }
}

pub(crate) fn deepcopy(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("deepcopy", args, 0, &["x", "memo"], 0, 1)?;
    let given = p[1].filter(|&m| m != Value::NONE);
    let mut memo = HashMap::new();
    if let Some(m) = given {
        memo_from_dict(m, &mut memo)?;
    }
    let r = deep(p[0].unwrap_or(Value::NONE), &mut memo);
    if let Some(m) = given {
        // A `__deepcopy__` passing its memo on sees what was copied meanwhile.
        memo_into_dict(&memo, m)?;
    }
    memo.into_values().for_each(|c: Owned| drop(c));
    r
}

/// The memo key of an object: its `id()`, as CPython's memo dicts use.
fn memo_key(v: Value) -> u64 {
    v.object() as usize as u64
}

/// Reads a memo dict (`id(x)` -> copy) a `__deepcopy__` was given.
fn memo_from_dict(m: Value, memo: &mut HashMap<u64, Owned>) -> PyResult<()> {
    if !m.is_kind(KIND_DICT) {
        return Err(PyErr::unsupported("deepcopy with a memo that is not a dict"));
    }
    // SAFETY: the kind was checked.
    for e in unsafe { dict::entries(m.cast()) } {
        if let Some(stitch_core::ops::num::Int::Small(k)) = stitch_core::ops::num::as_int(e.key) {
            memo.insert(k as u64, Owned::new_ref(e.value));
        }
    }
    Ok(())
}

/// Writes the memo back into the dict a `__deepcopy__` was given.
fn memo_into_dict(memo: &HashMap<u64, Owned>, m: Value) -> PyResult<()> {
    for (&k, c) in memo {
        let key = Owned(stitch_core::objects::bigint::from_i64(k as i64));
        stitch_core::ops::setitem(m, key.get(), c.get())?;
    }
    Ok(())
}

/// `copy.copy` of an instance: its `__copy__()`, else a new instance of its class
/// (no `__init__` run) with the same attributes.
fn copy_instance(v: Value) -> PyResult<Value> {
    let cls = stitch_core::classes::class_of(v);
    if stitch_core::classes::lookup(cls, "__copy__").is_some() {
        let f = Owned(crate::attr::load_attr(v, "__copy__")?);
        return stitch_core::ops::call::call_any(f.get(), &Args { positional: &[], keywords: &[] });
    }
    let c = stitch_core::objects::class::new_instance(cls);
    // SAFETY: both are live instances; the entries are copied out first.
    unsafe {
        let src = stitch_core::objects::class::as_instance(v).dict;
        let dst = stitch_core::objects::class::as_instance(c).dict;
        let entries: Vec<(Owned, Owned, u64)> =
            dict::entries(src.cast()).map(|e| (Owned::new_ref(e.key), Owned::new_ref(e.value), e.hash)).collect();
        for (k, val, h) in entries {
            dict::set(dst.cast(), k.into_raw(), h, val.into_raw());
        }
    }
    Ok(c)
}

/// `copy.deepcopy` of an instance: its `__deepcopy__(memo)`, else a new instance of
/// its class, in the memo before its attributes are deep-copied into it.
fn deep_instance(v: Value, memo: &mut HashMap<u64, Owned>) -> PyResult<Value> {
    let cls = stitch_core::classes::class_of(v);
    if stitch_core::classes::lookup(cls, "__deepcopy__").is_some() {
        let f = Owned(crate::attr::load_attr(v, "__deepcopy__")?);
        let m = Owned(dict::new_dict());
        memo_into_dict(memo, m.get())?;
        let r = Owned(stitch_core::ops::call::call_any(f.get(), &Args { positional: &[m.get()], keywords: &[] })?);
        memo_from_dict(m.get(), memo)?;
        memo.insert(memo_key(v), Owned::new_ref(r.get()));
        return Ok(r.into_raw());
    }
    let c = stitch_core::objects::class::new_instance(cls);
    memo.insert(memo_key(v), Owned::new_ref(c));
    // SAFETY: both are live instances; the entries are copied out before any Python
    // code (a nested `__deepcopy__`) runs.
    let entries: Vec<(Owned, Owned)> = unsafe {
        let src = stitch_core::objects::class::as_instance(v).dict;
        dict::entries(src.cast()).map(|e| (Owned::new_ref(e.key), Owned::new_ref(e.value))).collect()
    };
    for (k, val) in entries {
        let r = deep(val.get(), memo).map(Owned).and_then(|copy| {
            // SAFETY: `c` is a live instance.
            let dst = unsafe { stitch_core::objects::class::as_instance(c) }.dict;
            stitch_core::ops::setitem(dst, k.get(), copy.get())
        });
        if let Err(e) = r {
            c.decref();
            return Err(e);
        }
    }
    Ok(c)
}

/// The deep copy of `v` (a new reference); `memo` maps the addresses of the objects
/// copied so far to their copies, so shared and cyclic references stay so.
fn deep(v: Value, memo: &mut HashMap<u64, Owned>) -> PyResult<Value> {
    if is_atom(v) {
        v.incref();
        return Ok(v);
    }
    if stitch_core::builtin_subclasses::class_of(v).is_some() && namedtuple_class(v).is_none() {
        return Err(refused(v, "copy.deepcopy"));
    }
    let key = memo_key(v);
    if let Some(c) = memo.get(&key) {
        return Ok(c.clone().into_raw());
    }
    let _level = stitch_core::ops::depth::enter(" while calling a Python object")?;
    // SAFETY: each arm reads the layout of the kind it matched; the items are
    // copied out before anything runs that could change the container.
    unsafe {
        match kind(v) {
            KIND_LIST => {
                let l = list::from_vec(Vec::new());
                memo.insert(key, Owned::new_ref(l));
                let items: Vec<Owned> = list::items(v.cast()).iter().map(|&i| Owned::new_ref(i)).collect();
                for i in items {
                    let c = deep(i.get(), memo);
                    match c {
                        Ok(c) => list::push(l.cast(), c),
                        Err(e) => {
                            l.decref();
                            return Err(e);
                        }
                    }
                }
                Ok(l)
            }
            KIND_DICT => {
                let d = super::dict_subclasses::new_like(v);
                memo.insert(key, Owned::new_ref(d));
                let entries: Vec<(Owned, Owned)> =
                    dict::entries(v.cast()).map(|e| (Owned::new_ref(e.key), Owned::new_ref(e.value))).collect();
                for (k, val) in entries {
                    let r = deep(k.get(), memo).and_then(|k2| {
                        let k2 = Owned(k2);
                        let v2 = Owned(deep(val.get(), memo)?);
                        stitch_core::ops::setitem(d, k2.get(), v2.get())
                    });
                    if let Err(e) = r {
                        d.decref();
                        return Err(e);
                    }
                }
                Ok(d)
            }
            KIND_TUPLE => {
                let items: Vec<Owned> = tuple::items(v.cast()).iter().map(|&i| Owned::new_ref(i)).collect();
                let mut copies = Vec::with_capacity(items.len());
                for i in &items {
                    copies.push(Owned(deep(i.get(), memo)?));
                }
                // A tuple cycle comes back through the memo of a list or dict inside.
                if let Some(c) = memo.get(&key) {
                    return Ok(c.clone().into_raw());
                }
                if let Some(cls) = namedtuple_class(v) {
                    // Always a new one, made by the class (as `copy.copy`).
                    let t = stitch_core::builtin_subclasses::tuple_of_class(cls, copies.into_iter().map(Owned::into_raw).collect())?;
                    memo.insert(key, Owned::new_ref(t));
                    return Ok(t);
                }
                if copies.iter().zip(&items).all(|(c, i)| c.get() == i.get()) {
                    v.incref();
                    return Ok(v);
                }
                let t = tuple::from_vec(copies.into_iter().map(Owned::into_raw).collect());
                if let Some(class) = subclass_of(v) {
                    // A namedtuple stays one.
                    class.incref();
                    stitch_core::objects::subclass::attach(t, class);
                }
                memo.insert(key, Owned::new_ref(t));
                Ok(t)
            }
            KIND_INSTANCE => deep_instance(v, memo),
            KIND_SET | KIND_FROZENSET => {
                // Set items are hashable, so no cycle runs through them back to the set.
                let c = set_of(kind(v), v, |i| deep(i, memo))?;
                memo.insert(key, Owned::new_ref(c));
                Ok(c)
            }
            _ => match downcast::<Deque>(v) {
                Some(dq) => {
                    let c = map_copy(dq, |i| deep(i, memo))?;
                    memo.insert(key, Owned::new_ref(c));
                    Ok(c)
                }
                None => Err(refused(v, "copy.deepcopy")),
            },
        }
    }
}

//! `collections.defaultdict`, `Counter` and `OrderedDict`: dicts with a subclass
//! object (`objects::subclass`) saying what differs from a dict.

use crate::args::{bind, no_keywords, takes};
use crate::functions::containers;
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::subclass::{attach, behaviour, subclass_of};
use stitch_core::objects::native::{Native, new_native};
use stitch_core::objects::{Owned, dict, list, str as strs, tuple};
use stitch_core::ops::call::{call_any, is_callable};
use stitch_core::ops::compare::lt;
use stitch_core::ops::consume::for_each;
use stitch_core::ops::hash::hash;
use stitch_core::ops::repr::{dict_items_repr, repr};
use stitch_core::ops::types::{truthy, type_name};
use stitch_core::vm::Runtime;
use std::any::Any;
use std::cmp::Ordering;

/// The type names of the dict subclasses (their methods fall back to dict's).
pub const DICT_SUBCLASSES: &[&str] = &["defaultdict", "Counter", "OrderedDict"];

#[derive(Clone, Copy, PartialEq)]
enum Sub {
    Default,
    Counter,
    Ordered,
}

struct DictSub {
    sub: Sub,
    /// A defaultdict's `default_factory` (None included).
    factory: Option<Owned>,
}

/// A new dict of the subclass (its items: those `dict(*args)` would have).
fn make(rt: &mut Runtime, sub: Sub, factory: Option<Owned>, args: &Args) -> PyResult<Value> {
    let d = containers::dict(rt, args)?;
    attach(d, new_native(Box::new(DictSub { sub, factory })));
    Ok(d)
}

/// A new empty dict of the same subclass as `like`.
fn empty_like(like: Value) -> Value {
    let d = dict::new_dict();
    if let Some(s) = subclass_of(like) {
        s.incref();
        attach(d, s);
    }
    d
}

fn items(d: Value) -> Vec<(Owned, Owned)> {
    // SAFETY: callers pass dicts; the items are copied out as new references.
    unsafe { dict::entries(d.cast()) }.map(|e| (Owned::new_ref(e.key), Owned::new_ref(e.value))).collect()
}

fn get(d: Value, key: Value) -> PyResult<Option<Value>> {
    let h = hash(key)?;
    // SAFETY: callers pass dicts.
    Ok(unsafe { dict::get(d.cast(), key, h) })
}

fn set(d: Value, key: Value, value: Value) -> PyResult<()> {
    stitch_core::ops::setitem(d, key, value)
}

fn add(a: Value, b: Value, nb: u32) -> PyResult<Owned> {
    let f = match nb {
        NB_SUBTRACT => super::operator::sub_function(),
        _ => super::operator::add_function(),
    };
    call_any(f, &Args { positional: &[a, b], keywords: &[] }).map(Owned)
}

impl Native for DictSub {
    fn type_name(&self) -> &'static str {
        match self.sub {
            Sub::Default => "defaultdict",
            Sub::Counter => "Counter",
            Sub::Ordered => "OrderedDict",
        }
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        self.factory.iter().for_each(|f| visit(f.get()));
    }
    fn clear(&self) {}
    fn instance_getattr(&self, _obj: Value, name: &str) -> Option<PyResult<Value>> {
        match (self.sub, name) {
            (Sub::Default, "default_factory") => Some(Ok(self.factory.clone().map_or(Value::NONE, Owned::into_raw))),
            _ => None,
        }
    }
    fn missing(&self, dict: Value, key: Value) -> Option<PyResult<Value>> {
        match self.sub {
            Sub::Default => {
                let f = self.factory.clone().filter(|f| f.get() != Value::NONE)?;
                Some((|| {
                    let v = Owned(call_any(f.get(), &Args { positional: &[], keywords: &[] })?);
                    set(dict, key, v.get())?;
                    Ok(v.into_raw())
                })())
            }
            Sub::Counter => Some(Ok(Value::int(0))),
            Sub::Ordered => None,
        }
    }
    fn dict_repr(&self, d: Value) -> Option<PyResult<String>> {
        Some((|| match self.sub {
            Sub::Default => {
                let f = self.factory.as_ref().map_or(Ok("None".to_string()), |f| repr(f.get()))?;
                Ok(format!("defaultdict({f}, {})", dict_items_repr(d)?))
            }
            Sub::Counter => {
                if dict_len(d) == 0 {
                    return Ok("Counter()".to_string());
                }
                let sorted = most_common(d)?;
                let mut out = String::from("Counter({");
                for (i, (k, v)) in sorted.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&repr(k.get())?);
                    out.push_str(": ");
                    out.push_str(&repr(v.get())?);
                }
                out.push_str("})");
                Ok(out)
            }
            Sub::Ordered => {
                if dict_len(d) == 0 {
                    return Ok("OrderedDict()".to_string());
                }
                let pairs: PyResult<Vec<String>> =
                    items(d).iter().map(|(k, v)| Ok(format!("({}, {})", repr(k.get())?, repr(v.get())?))).collect();
                Ok(format!("OrderedDict([{}])", pairs?.join(", ")))
            }
        })())
    }
    fn binary(&self, a: Value, b: Value, op: u32) -> Option<PyResult<Value>> {
        let nb = op & !NB_INPLACE;
        let both = behaviour(a).is_some_and(|x| x.type_name() == "Counter") && behaviour(b).is_some_and(|x| x.type_name() == "Counter");
        match (self.sub, nb) {
            (Sub::Counter, NB_ADD | NB_SUBTRACT) if both => Some(counter_arith(a, b, nb)),
            (Sub::Counter, NB_ADD | NB_SUBTRACT) => None,
            _ if a.is_kind(KIND_DICT) && b.is_kind(KIND_DICT) => {
                Some(Err(PyErr::unsupported(format!("the operator on a {}", type_name(a)))))
            }
            _ => None,
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn dict_len(d: Value) -> usize {
    // SAFETY: callers pass dicts.
    unsafe { (*d.cast::<Dict>()).len }
}

/// `Counter.most_common()`: the items by count, highest first, ties in insertion
/// order (CPython sorts stably in reverse).
fn most_common(d: Value) -> PyResult<Vec<(Owned, Owned)>> {
    let mut all = items(d);
    let mut err = None;
    all.sort_by(|(_, x), (_, y)| {
        if err.is_some() {
            return Ordering::Equal;
        }
        match (lt(y.get(), x.get()), lt(x.get(), y.get())) {
            (Ok(true), _) => Ordering::Less,
            (Ok(false), Ok(true)) => Ordering::Greater,
            (Ok(false), Ok(false)) => Ordering::Equal,
            (Err(e), _) | (_, Err(e)) => {
                err = Some(e);
                Ordering::Equal
            }
        }
    });
    match err {
        Some(e) => Err(e),
        None => Ok(all),
    }
}

/// `a + b` and `a - b` of two Counters: the positive counts.
fn counter_arith(a: Value, b: Value, nb: u32) -> PyResult<Value> {
    let out = Owned(empty_like(a));
    for (k, v) in items(a) {
        let other = get(b, k.get())?.unwrap_or(Value::int(0));
        let n = add(v.get(), other, nb)?;
        if lt(Value::int(0), n.get())? {
            set(out.get(), k.get(), n.get())?;
        }
    }
    for (k, v) in items(b) {
        if get(a, k.get())?.is_some() {
            continue;
        }
        let n = if nb == NB_ADD { v } else { add(Value::int(0), v.get(), NB_SUBTRACT)? };
        if lt(Value::int(0), n.get())? {
            set(out.get(), k.get(), n.get())?;
        }
    }
    Ok(out.into_raw())
}

pub fn defaultdict(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (factory, rest) = match args.positional.split_first() {
        Some((&f, rest)) => {
            if f != Value::NONE && !is_callable(f) {
                return Err(PyErr::type_error("first argument must be callable or None"));
            }
            (Some(Owned::new_ref(f)), rest)
        }
        None => (None, &[][..]),
    };
    make(rt, Sub::Default, factory, &Args { positional: rest, keywords: args.keywords })
}

pub fn ordered_dict(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    make(rt, Sub::Ordered, None, args)
}

pub fn counter(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    takes("Counter", args, 0, 0, 1)?;
    let c = Owned(make(rt, Sub::Counter, None, &Args { positional: &[], keywords: &[] })?);
    count_into(c.get(), args, NB_ADD)?;
    Ok(c.into_raw())
}

/// Counter's `update` and `subtract` (`nb`): from a mapping's counts or by counting
/// an iterable's items, then from keyword arguments.
fn count_into(c: Value, args: &Args, nb: u32) -> PyResult<()> {
    if let Some(&src) = args.positional.first()
        && src != Value::NONE
    {
        if src.is_kind(KIND_DICT) {
            for (k, v) in items(src) {
                let old = get(c, k.get())?.unwrap_or(Value::int(0));
                let n = add(old, v.get(), nb)?;
                set(c, k.get(), n.get())?;
            }
        } else {
            for_each(src, |x| {
                let old = get(c, x.get())?.unwrap_or(Value::int(0));
                let n = add(old, Value::int(1), nb)?;
                set(c, x.get(), n.get())?;
                Ok(true)
            })?;
        }
    }
    for &(k, v) in args.keywords {
        let key = Owned(strs::new_str(k));
        let old = get(c, key.get())?.unwrap_or(Value::int(0));
        let n = add(old, v, nb)?;
        set(c, key.get(), n.get())?;
    }
    Ok(())
}

/// The receiver of a method of a subclass, checked.
fn this(args: &Args, owner: &str, method: &str) -> PyResult<Value> {
    match args.positional.first() {
        Some(&v) if type_name(v) == owner => Ok(v),
        _ => Err(PyErr::type_error(format!("descriptor '{method}' for '{owner}' objects doesn't apply to this object"))),
    }
}

pub const DEFAULTDICT_METHODS: &[(&str, BuiltinFn)] = &[("copy", copy)];
pub const COUNTER_METHODS: &[(&str, BuiltinFn)] = &[
    ("most_common", counter_most_common),
    ("elements", elements),
    ("update", update),
    ("subtract", subtract),
    ("total", total),
    ("copy", copy),
];
pub const ORDERED_METHODS: &[(&str, BuiltinFn)] = &[("move_to_end", move_to_end), ("popitem", popitem), ("copy", copy)];

/// `d.copy()`: a dict of the same subclass.
fn copy(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("copy", args)?;
    takes("copy", args, 1, 0, 0)?;
    let d = args.positional[0];
    Ok(copy_of(d))
}

/// A shallow copy of a dict of a subclass (also `copy.copy`).
pub fn copy_of(d: Value) -> Value {
    let out = empty_like(d);
    // SAFETY: `d` and `out` are dicts; the copied key and value get new references.
    unsafe {
        for e in dict::entries(d.cast()) {
            e.key.incref();
            e.value.incref();
            dict::set(out.cast(), e.key, e.hash, e.value);
        }
    }
    out
}

/// A new empty dict of `like`'s subclass, or a plain one (for `copy.deepcopy`).
pub fn new_like(like: Value) -> Value {
    empty_like(like)
}

fn pair(k: Owned, v: Owned) -> Value {
    tuple::from_vec(vec![k.into_raw(), v.into_raw()])
}

fn counter_most_common(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let c = this(args, "Counter", "most_common")?;
    let p = bind("most_common", args, 1, &["n"], 0, 0)?;
    let mut all = most_common(c)?;
    if let Some(n) = p[0].filter(|&n| n != Value::NONE) {
        let n = stitch_core::ops::num::require_i64(n)?.max(0) as usize;
        all.truncate(n);
    }
    Ok(list::from_vec(all.into_iter().map(|(k, v)| pair(k, v)).collect()))
}

fn elements(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let c = this(args, "Counter", "elements")?;
    takes("elements", args, 1, 0, 0)?;
    let mut out = Vec::new();
    for (k, v) in items(c) {
        let n = stitch_core::ops::num::require_i64(v.get())?;
        for _ in 0..n.max(0) {
            out.push(k.clone().into_raw());
        }
    }
    let l = Owned(list::from_vec(out));
    Ok(stitch_core::objects::iter::new_list_iter(l.get()))
}

fn update(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let c = this(args, "Counter", "update")?;
    takes("update", args, 1, 0, 1)?;
    count_into(c, &Args { positional: &args.positional[1..], keywords: args.keywords }, NB_ADD)?;
    Ok(Value::NONE)
}

fn subtract(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let c = this(args, "Counter", "subtract")?;
    takes("subtract", args, 1, 0, 1)?;
    count_into(c, &Args { positional: &args.positional[1..], keywords: args.keywords }, NB_SUBTRACT)?;
    Ok(Value::NONE)
}

fn total(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let c = this(args, "Counter", "total")?;
    takes("total", args, 1, 0, 0)?;
    let mut sum = Owned(Value::int(0));
    for (_, v) in items(c) {
        sum = add(sum.get(), v.get(), NB_ADD)?;
    }
    Ok(sum.into_raw())
}

fn last_arg(name: &str, args: &Args, skip: usize) -> PyResult<bool> {
    let p = bind(name, args, skip, &["last"], 0, 0)?;
    Ok(p[0].is_none_or(truthy))
}

fn move_to_end(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let d = this(args, "OrderedDict", "move_to_end")?;
    let key = *args.positional.get(1).ok_or_else(|| PyErr::type_error("move_to_end() missing required argument 'key' (pos 1)"))?;
    let last = last_arg("move_to_end", &Args { positional: &args.positional[1..], keywords: args.keywords }, 1)?;
    let h = hash(key)?;
    // SAFETY: a live dict; the removed key and value move back in.
    unsafe {
        let Some(i) = dict::find(d.cast(), key, h) else {
            return Err(stitch_core::ops::subscript::key_error(key));
        };
        let k = dict::entry_at(d.cast(), i).map(|e| Owned::new_ref(e.key)).expect("a found entry");
        let v = dict::remove(d.cast(), k.get(), h).expect("a found entry");
        if last {
            dict::set(d.cast(), k.into_raw(), h, v);
        } else {
            // Put first: rebuild the order with this entry ahead of the rest.
            let rest: Vec<(Value, u64)> = dict::entries(d.cast()).map(|e| (e.key, e.hash)).collect();
            let mut taken = Vec::with_capacity(rest.len());
            for (rk, rh) in rest {
                // The dict's reference to the key goes with the removal: take one first.
                rk.incref();
                let rv = dict::remove(d.cast(), rk, rh).expect("a listed entry");
                taken.push((rk, rh, rv));
            }
            dict::set(d.cast(), k.into_raw(), h, v);
            for (rk, rh, rv) in taken {
                dict::set(d.cast(), rk, rh, rv);
            }
        }
    }
    Ok(Value::NONE)
}

fn popitem(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let d = this(args, "OrderedDict", "popitem")?;
    let last = last_arg("popitem", args, 1)?;
    // SAFETY: a live dict; the key is kept alive by a new reference across removal.
    unsafe {
        let entry = if last { dict::entries(d.cast()).last() } else { dict::entries(d.cast()).next() };
        let Some((key, h)) = entry.map(|e| (e.key, e.hash)) else {
            return Err(stitch_core::exceptions::key_error(strs::new_str("dictionary is empty")));
        };
        key.incref();
        let value = dict::remove(d.cast(), key, h).unwrap_or(Value::NONE);
        Ok(tuple::from_vec(vec![key, value]))
    }
}

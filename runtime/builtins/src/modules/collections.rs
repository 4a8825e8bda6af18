//! `collections`: `deque`, a native object (`objects::native`) over a `VecDeque`.

use crate::args::{bind, no_keywords, takes};
use stitch_abi::Value;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::native::{Native, downcast, new_native};
use stitch_core::objects::{Owned, list};
use stitch_core::ops::compare::eq;
use stitch_core::ops::consume::collect;
use stitch_core::ops::num::{as_int, index_from_int, require_i64};
use stitch_core::ops::repr::repr;
use stitch_core::ops::subscript::normalize;
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;
use std::any::Any;
use std::cell::RefCell;
use std::collections::VecDeque;

pub use super::dict_subclasses::{
    COUNTER_METHODS, DEFAULTDICT_METHODS, DICT_SUBCLASSES, ORDERED_METHODS, counter, defaultdict, ordered_dict,
};

pub fn namespace() -> Value {
    let names = ["deque", "defaultdict", "Counter", "OrderedDict"];
    let types = names.iter().map(|&n| (n, super::native_type(qualified(n)))).collect();
    super::namespace_of(&[("namedtuple", super::namedtuple::namedtuple)], types)
}

fn qualified(name: &str) -> &'static str {
    match name {
        "deque" => "collections.deque",
        "defaultdict" => "collections.defaultdict",
        "Counter" => "collections.Counter",
        _ => "collections.OrderedDict",
    }
}

pub struct Deque {
    items: RefCell<VecDeque<Value>>,
    maxlen: Option<usize>,
}

impl Drop for Deque {
    fn drop(&mut self) {
        self.items.get_mut().drain(..).for_each(Value::decref);
    }
}

impl Deque {
    /// The items, as new references (for work that may run Python code).
    fn snapshot(&self) -> Vec<Owned> {
        self.items.borrow().iter().map(|&v| Owned::new_ref(v)).collect()
    }

    /// Appends `v` (a new reference) at the right or left end, dropping from the
    /// other end past `maxlen`.
    fn push(&self, v: Value, left: bool) {
        let dropped = {
            let mut items = self.items.borrow_mut();
            if self.maxlen == Some(0) {
                Some(v)
            } else {
                if left {
                    items.push_front(v);
                } else {
                    items.push_back(v);
                }
                match self.maxlen {
                    Some(m) if items.len() > m => {
                        if left {
                            items.pop_back()
                        } else {
                            items.pop_front()
                        }
                    }
                    _ => None,
                }
            }
        };
        if let Some(d) = dropped {
            d.decref();
        }
    }
}

impl Native for Deque {
    fn type_name(&self) -> &'static str {
        "deque"
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        if let Ok(items) = self.items.try_borrow() {
            items.iter().for_each(|&v| visit(v));
        }
    }
    fn clear(&self) {
        let old: Vec<Value> = self.items.borrow_mut().drain(..).collect();
        old.into_iter().for_each(Value::decref);
    }
    fn iter(&self) -> Option<PyResult<Value>> {
        // Iterates a copy: CPython fails an iteration over a deque that changes.
        let l = list::from_vec(self.snapshot().into_iter().map(Owned::into_raw).collect());
        let it = stitch_core::objects::iter::new_list_iter(l);
        l.decref();
        Some(Ok(it))
    }
    fn len(&self) -> Option<usize> {
        Some(self.items.borrow().len())
    }
    fn repr(&self) -> Option<PyResult<String>> {
        Some((|| {
            let mut out = String::from("deque([");
            for (i, v) in self.snapshot().iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&repr(v.get())?);
            }
            out.push(']');
            if let Some(m) = self.maxlen {
                out.push_str(&format!(", maxlen={m}"));
            }
            out.push(')');
            Ok(out)
        })())
    }
    fn getitem(&self, sub: Value) -> Option<PyResult<Value>> {
        Some((|| {
            let i = index(sub)?;
            let items = self.items.borrow();
            let i = normalize(i, items.len()).ok_or_else(|| PyErr::index_error("deque index out of range"))?;
            items[i].incref();
            Ok(items[i])
        })())
    }
    fn setitem(&self, sub: Value, value: Value) -> Option<PyResult<()>> {
        Some((|| {
            let i = index(sub)?;
            let old = {
                let mut items = self.items.borrow_mut();
                let i = normalize(i, items.len()).ok_or_else(|| PyErr::index_error("deque index out of range"))?;
                value.incref();
                std::mem::replace(&mut items[i], value)
            };
            old.decref();
            Ok(())
        })())
    }
    fn getattr(&self, name: &str) -> Option<PyResult<Value>> {
        match name {
            "maxlen" => Some(Ok(self.maxlen.map_or(Value::NONE, |m| Value::int(m as i64)))),
            _ => None,
        }
    }
    /// `d += iterable` extends in place; `d + other_deque` is a new deque.
    fn binary(&self, a: Value, b: Value, op: u32) -> Option<PyResult<Value>> {
        let me = downcast::<Deque>(a).filter(|d| std::ptr::eq(*d, self))?;
        match op {
            o if o == stitch_abi::NB_ADD | stitch_abi::NB_INPLACE => Some(collect(b).map(|items| {
                items.into_iter().for_each(|v| me.push(v, false));
                a.incref();
                a
            })),
            stitch_abi::NB_ADD => {
                let other = downcast::<Deque>(b)?;
                let out = copy_of(me);
                let d = downcast::<Deque>(out).expect("a new deque");
                for v in other.snapshot() {
                    d.push(v.into_raw(), false);
                }
                Some(Ok(out))
            }
            _ => None,
        }
    }
    fn eq(&self, other: &dyn Native) -> Option<PyResult<bool>> {
        let other = other.as_any().downcast_ref::<Deque>()?;
        Some((|| {
            let (a, b) = (self.snapshot(), other.snapshot());
            if a.len() != b.len() {
                return Ok(false);
            }
            for (x, y) in a.iter().zip(&b) {
                if !eq(x.get(), y.get())? {
                    return Ok(false);
                }
            }
            Ok(true)
        })())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn index(sub: Value) -> PyResult<i64> {
    match as_int(sub) {
        Some(i) => index_from_int(i),
        None => Err(PyErr::type_error(format!("sequence index must be integer, not '{}'", type_name(sub)))),
    }
}

/// `deque(iterable=(), maxlen=None)`.
pub fn deque(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("deque", args, 0, &["iterable", "maxlen"], 0, 0)?;
    let maxlen = match p[1] {
        Some(m) if m != Value::NONE => {
            let m = require_i64(m)?;
            if m < 0 {
                return Err(PyErr::value_error("maxlen must be non-negative"));
            }
            Some(m as usize)
        }
        _ => None,
    };
    let items = match p[0] {
        Some(it) => collect(it)?,
        None => Vec::new(),
    };
    let d = Deque { items: RefCell::new(VecDeque::new()), maxlen };
    for v in items {
        d.push(v, false);
    }
    Ok(new_native(Box::new(d)))
}

pub const DEQUE_METHODS: &[(&str, BuiltinFn)] = &[
    ("append", append),
    ("appendleft", appendleft),
    ("pop", pop),
    ("popleft", popleft),
    ("extend", extend),
    ("extendleft", extendleft),
    ("rotate", rotate),
    ("clear", clear),
    ("count", count),
    ("index", index_method),
    ("remove", remove),
    ("reverse", reverse),
    ("copy", copy),
];

/// The deque a method is called on, and its other arguments.
fn this<'a>(args: &Args<'a>, method: &str, min: usize, max: usize) -> PyResult<(&'a Deque, &'a [Value])> {
    no_keywords(method, args)?;
    let d = args.positional.first().and_then(|&v| downcast::<Deque>(v)).ok_or_else(|| {
        PyErr::type_error(format!("descriptor '{method}' for 'collections.deque' objects doesn't apply to this object"))
    })?;
    let rest = takes(method, args, 1, min, max)?;
    Ok((d, rest))
}

fn append(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (d, a) = this(args, "append", 1, 1)?;
    a[0].incref();
    d.push(a[0], false);
    Ok(Value::NONE)
}

fn appendleft(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (d, a) = this(args, "appendleft", 1, 1)?;
    a[0].incref();
    d.push(a[0], true);
    Ok(Value::NONE)
}

fn pop(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (d, _) = this(args, "pop", 0, 0)?;
    d.items.borrow_mut().pop_back().ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

fn popleft(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (d, _) = this(args, "popleft", 0, 0)?;
    d.items.borrow_mut().pop_front().ok_or_else(|| PyErr::index_error("pop from an empty deque"))
}

fn extend(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (d, a) = this(args, "extend", 1, 1)?;
    for v in collect(a[0])? {
        d.push(v, false);
    }
    Ok(Value::NONE)
}

fn extendleft(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (d, a) = this(args, "extendleft", 1, 1)?;
    for v in collect(a[0])? {
        d.push(v, true);
    }
    Ok(Value::NONE)
}

fn rotate(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (d, a) = this(args, "rotate", 0, 1)?;
    let n = match a.first() {
        Some(&v) => require_i64(v)?,
        None => 1,
    };
    let mut items = d.items.borrow_mut();
    let len = items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        items.rotate_right(k);
    }
    Ok(Value::NONE)
}

fn clear(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (d, _) = this(args, "clear", 0, 0)?;
    Native::clear(d);
    Ok(Value::NONE)
}

fn count(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (d, a) = this(args, "count", 1, 1)?;
    let mut n = 0;
    for v in d.snapshot() {
        if eq(v.get(), a[0])? {
            n += 1;
        }
    }
    Ok(Value::int(n))
}

fn index_method(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (d, a) = this(args, "index", 1, 3)?;
    let items = d.snapshot();
    let len = items.len() as i64;
    let bound = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        let i = match v {
            Some(&v) => require_i64(v)?,
            None => default,
        };
        Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
    };
    let (start, stop) = (bound(a.get(1), 0)?, bound(a.get(2), len)?);
    for i in start..stop {
        if eq(items[i as usize].get(), a[0])? {
            return Ok(Value::int(i));
        }
    }
    Err(PyErr::value_error(format!("{} is not in deque", repr(a[0])?)))
}

fn remove(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (d, a) = this(args, "remove", 1, 1)?;
    for (i, v) in d.snapshot().iter().enumerate() {
        if eq(v.get(), a[0])? {
            let old = d.items.borrow_mut().remove(i);
            if let Some(old) = old {
                old.decref();
            }
            return Ok(Value::NONE);
        }
    }
    Err(PyErr::value_error(format!("{} is not in deque", repr(a[0])?)))
}

fn reverse(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (d, _) = this(args, "reverse", 0, 0)?;
    d.items.borrow_mut().make_contiguous().reverse();
    Ok(Value::NONE)
}

fn copy(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (d, _) = this(args, "copy", 0, 0)?;
    Ok(copy_of(d))
}

/// A shallow copy of a deque (also `copy.copy`).
pub fn copy_of(d: &Deque) -> Value {
    let items = d.snapshot().into_iter().map(Owned::into_raw).collect();
    new_native(Box::new(Deque { items: RefCell::new(items), maxlen: d.maxlen }))
}

/// `copy.deepcopy` of a deque: `item` copies each item.
pub fn map_copy(d: &Deque, mut item: impl FnMut(Value) -> PyResult<Value>) -> PyResult<Value> {
    let mut items = VecDeque::new();
    for v in d.snapshot() {
        match item(v.get()) {
            Ok(c) => items.push_back(c),
            Err(e) => {
                items.into_iter().for_each(Value::decref);
                return Err(e);
            }
        }
    }
    Ok(new_native(Box::new(Deque { items: RefCell::new(items), maxlen: d.maxlen })))
}

//! Builtins over iterables: `len`, `enumerate`, `zip`, `reversed`, `map`, `filter`,
//! `sorted`, `any`, `all`, `iter`.

use stitch_abi::*;
use crate::args::{between, bind, check_keywords, keyword, no_keywords, one};
use crate::sort;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::iter::{IterState, new_iter, new_range_iter};
use stitch_core::objects::{Owned, builtin::Args, list, range::Range, tuple};
use stitch_core::ops::consume::{collect, for_each};
use stitch_core::ops::iter::get_iter;
use stitch_core::ops::num::require_int;
use stitch_core::ops::{call, truthy, types};
use stitch_core::vm::Runtime;

pub fn len(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    len_of(one("len", args, 0)?)
}

/// `len(v)` as an int (a sequence or mapping pattern's GET_LEN too).
pub fn len_of(v: Value) -> PyResult<Value> {
    if v.is_kind(KIND_RANGE) {
        // SAFETY: the kind was checked.
        return Ok(stitch_core::objects::bigint::from_i64(unsafe { (*v.cast::<Range>()).len_ssize()? }));
    }
    if let Some(n) = stitch_core::special::len(v) {
        return Ok(stitch_core::objects::bigint::from_i64(n? as i64));
    }
    match types::len(v) {
        Some(n) => Ok(stitch_core::objects::bigint::from_i64(n as i64)),
        None => Err(PyErr::type_error(format!("object of type '{}' has no len()", types::type_name(v)))),
    }
}

/// `enumerate(iterable, start=0)`.
pub fn enumerate(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = bind("enumerate", args, 0, &["iterable", "start"], 0, 1)?;
    let start = match a[1] {
        Some(s) => require_int(s)?
            .to_i64()
            .ok_or_else(|| PyErr::unsupported("enumerate() with a start beyond 64 bits"))?,
        None => 0,
    };
    let inner = Owned(get_iter(a[0].unwrap_or(Value::NONE))?);
    Ok(new_iter(KIND_ENUMERATE, IterState::Enumerate { inner, count: start }))
}

/// `zip(*iterables, strict=False)`.
pub fn zip(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    check_keywords("zip", args, &["strict"])?;
    let strict = keyword(args, "strict").is_some_and(truthy);
    let mut inners = Vec::with_capacity(args.positional.len());
    for &v in args.positional {
        inners.push(Owned(get_iter(v)?));
    }
    Ok(new_iter(KIND_ZIP, IterState::Zip { inners, strict }))
}

/// `map(func, *iterables)`: lazy, as in CPython; `func` runs as items are taken.
pub fn map(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("map", args)?;
    if args.positional.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let mut inners = Vec::with_capacity(args.positional.len() - 1);
    for &v in &args.positional[1..] {
        inners.push(Owned(get_iter(v)?));
    }
    Ok(new_iter(KIND_MAP, IterState::Map { func: Owned::new_ref(args.positional[0]), inners }))
}

/// `filter(func, iterable)`: lazy; `func` None keeps the true items.
pub fn filter(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("filter", args)?;
    let a = between("filter", args, 0, 2, Some(2))?;
    let inner = Owned(get_iter(a[1])?);
    Ok(new_iter(KIND_FILTER, IterState::Filter { func: Owned::new_ref(a[0]), inner, ahead: None }))
}

/// `reversed(seq)` for lists, tuples, strs, ranges, dicts and instances with `__reversed__`.
pub fn reversed(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("reversed", args)?;
    let seq = between("reversed", args, 0, 1, Some(1))?[0];
    if seq.is_kind(KIND_INSTANCE) {
        let cls = stitch_core::classes::class_of(seq);
        if let Some(f) = stitch_core::classes::lookup(cls, "__reversed__") {
            // The class's own, whatever it returns (CPython checks nothing).
            return stitch_core::special::call_method(f, seq, &[]);
        }
        if stitch_core::classes::lookup(cls, "__len__").is_some() && stitch_core::classes::lookup(cls, "__getitem__").is_some() {
            // CPython's reversed object indexes such a sequence lazily, last first.
            return Err(PyErr::unsupported("reversed() of an instance through __len__ and __getitem__"));
        }
    }
    // SAFETY: each arm reads the layout of the kind it matched.
    let remaining = unsafe {
        match stitch_core::objects::kind(seq) {
            KIND_LIST => list::items(seq.cast()).len(),
            KIND_TUPLE => tuple::items(seq.cast()).len(),
            KIND_STR => stitch_core::objects::str::as_str(seq).chars,
            // Walks the entry array backwards, skipping deleted entries.
            KIND_DICT => (*seq.cast::<Dict>()).used,
            KIND_RANGE => return Ok(reversed_range(&*seq.cast::<Range>())),
            // A bytes or bytearray: its ints now, last first.
            KIND_BYTES | KIND_BYTEARRAY => {
                let items: Vec<Value> = stitch_core::objects::bytes::data(seq).iter().rev().map(|&b| Value::int(b as i64)).collect();
                let l = list::from_vec(items);
                let it = stitch_core::objects::iter::new_list_iter(l);
                l.decref();
                return Ok(it);
            }
            // `reversed(Color)`: what CPython's EnumType.__reversed__ does.
            _ if stitch_core::enums::is_enum_class(seq) => return Ok(stitch_core::enums::reversed(seq)),
            // A deque: its items now, last first.
            _ if stitch_core::objects::native::downcast::<crate::modules::collections::Deque>(seq).is_some() => {
                let mut items = stitch_core::ops::consume::collect(seq)?;
                items.reverse();
                let l = list::from_vec(items);
                let it = stitch_core::objects::iter::new_list_iter(l);
                l.decref();
                return Ok(it);
            }
            _ => {
                return Err(PyErr::type_error(format!("'{}' object is not reversible", types::type_name(seq))));
            }
        }
    };
    Ok(new_iter(KIND_REVERSED, IterState::Reversed { seq: Owned::new_ref(seq), remaining }))
}

/// `reversed(range)` is a range iterator running the other way, as in CPython.
fn reversed_range(r: &Range) -> Value {
    let n = r.len();
    if n == 0 {
        return new_range_iter(0, 1, 0);
    }
    let last = r.at(n - 1);
    let step = -r.step;
    let fits = |x: i128| i64::try_from(x).is_ok_and(Value::fits_int);
    if fits(last) && fits(r.start) && i64::try_from(r.start + step).is_ok() && i64::try_from(n).is_ok() {
        new_range_iter(last as i64, step as i64, n as i64)
    } else {
        new_iter(KIND_LONG_RANGE_ITER, IterState::LongRange { next: last, step, remaining: n })
    }
}

/// `sorted(iterable, key=None, reverse=False)`: a new sorted list.
pub fn sorted(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let seq = between("sorted", args, 0, 1, Some(1))?[0];
    let l = Owned(list::from_vec(collect(seq)?));
    sort_list(rt, l.get(), args, 1)?;
    Ok(l.into_raw())
}

/// `lst.sort(key=None, reverse=False)` on the list `l`; positional arguments after
/// `skip` are errors (both are keyword-only).
pub fn sort_list(rt: &mut Runtime, l: Value, args: &Args, skip: usize) -> PyResult<()> {
    if args.positional.len() > skip {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    check_keywords("sort", args, &["key", "reverse"])?;
    let reverse = match keyword(args, "reverse") {
        // CPython parses `reverse` as an int.
        Some(r) => !require_int(r)?.is_zero(),
        None => false,
    };
    // As in CPython, the list is empty while it is sorted (key functions see it
    // empty), and the sorted items are put back afterwards.
    // SAFETY: `l` is a live list.
    let mut items: Vec<Value> = unsafe { list::with_vec(l.cast(), std::mem::take) };
    let r = sort_items(rt, &mut items, keyword(args, "key"), reverse);
    // SAFETY: as above; the items go back with the ownership they had.
    let meanwhile = unsafe { list::with_vec(l.cast(), |v| std::mem::replace(v, items)) };
    let modified = !meanwhile.is_empty();
    for v in meanwhile {
        v.decref();
    }
    r?;
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(())
}

pub fn sort_items(rt: &mut Runtime, items: &mut [Value], key: Option<Value>, reverse: bool) -> PyResult<()> {
    let Some(f) = key.filter(|&f| f != Value::NONE) else {
        return sort::sort(items, None, reverse);
    };
    let mut keys = Vec::with_capacity(items.len());
    for &item in items.iter() {
        keys.push(Owned(call::call(rt, f, &Args { positional: &[item], keywords: &[] })?));
    }
    let mut key_values: Vec<Value> = keys.iter().map(Owned::get).collect();
    sort::sort(items, Some(&mut key_values), reverse)
}

pub fn any(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = one("any", args, 0)?;
    let mut found = false;
    for_each(v, |x| {
        found = stitch_core::special::truth(x.get())?;
        Ok(!found)
    })?;
    Ok(Value::bool(found))
}

pub fn all(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = one("all", args, 0)?;
    let mut ok = true;
    for_each(v, |x| {
        ok = stitch_core::special::truth(x.get())?;
        Ok(ok)
    })?;
    Ok(Value::bool(ok))
}

/// `iter(x)`, and `iter(callable, sentinel)`: an iterator calling `callable` until it
/// returns `sentinel`.
pub fn iter(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("iter", args)?;
    let a = between("iter", args, 0, 1, Some(2))?;
    if let [f, sentinel] = a[..] {
        if !stitch_core::ops::call::is_callable(f) {
            return Err(PyErr::type_error("iter(v, w): v must be callable"));
        }
        let it = CallIter { func: std::cell::RefCell::new(Some((Owned::new_ref(f), Owned::new_ref(sentinel)))) };
        return Ok(stitch_core::objects::native::new_native(Box::new(it)));
    }
    get_iter(a[0])
}

/// `iter(callable, sentinel)`'s iterator (CPython's `callable_iterator`): the pair is
/// dropped once the sentinel came back, so it stays exhausted.
struct CallIter {
    func: std::cell::RefCell<Option<(Owned, Owned)>>,
}

impl stitch_core::objects::native::Native for CallIter {
    fn type_name(&self) -> &'static str {
        "callable_iterator"
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        if let Some((f, s)) = &*self.func.borrow() {
            visit(f.get());
            visit(s.get());
        }
    }
    fn clear(&self) {
        self.func.borrow_mut().take();
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, _me: Value) -> Option<PyResult<Option<Value>>> {
        // The pair is cloned out: the call may run code that reaches this iterator.
        let Some((f, sentinel)) = self.func.borrow().clone() else { return Some(Ok(None)) };
        Some((|| {
            let v = Owned(stitch_core::ops::call::call_any(f.get(), &Args { positional: &[], keywords: &[] })?);
            if v.get() == sentinel.get() || stitch_core::ops::compare::compare_bool(v.get(), sentinel.get(), stitch_abi::CMP_EQ)? {
                self.func.borrow_mut().take();
                return Ok(None);
            }
            Ok(Some(v.into_raw()))
        })())
    }
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// `next(iterator[, default])`: a generator's return value goes with its StopIteration.
pub fn next(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("next", args)?;
    let a = between("next", args, 0, 1, Some(2))?;
    let it = a[0];
    let default = a.get(1).copied();
    let done = |returned: Value| match default {
        Some(d) => {
            returned.decref();
            d.incref();
            Ok(d)
        }
        None => Err(crate::methods::generator::stop_iteration(returned)),
    };
    // SAFETY: the kind was checked; the borrow ends before the generator runs.
    if it.is_kind(KIND_GENERATOR)
        && !stitch_core::objects::generator::is_coroutine(it)
        && unsafe { stitch_core::objects::generator::as_generator(it) }.ahead.is_none()
    {
        use stitch_core::objects::generator::{Resume, Step};
        return match call::resume(it, Resume::Send(Value::NONE))? {
            Step::Yielded(v) => Ok(v),
            Step::Returned(v) => done(v),
        };
    }
    if !stitch_core::ops::iter::is_iterator(it) {
        return Err(PyErr::type_error(format!("'{}' object is not an iterator", types::type_name(it))));
    }
    match stitch_core::ops::iter::iter_next(it)? {
        Some(v) => Ok(v),
        None => done(Value::NONE),
    }
}

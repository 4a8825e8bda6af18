//! `functools`: `reduce`, and callables as native objects (`objects::native`):
//! `partial`, the `lru_cache`/`cache` wrapper, `cmp_to_key`'s keys.
//! The rest (`wraps`, `singledispatch`, `cached_property`, ...) is `python/_stitch_functools.py`.

use crate::args::{bind, no_keywords, takes};
use crate::attr::load_attr;
use stitch_abi::{CMP_EQ, Value};
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::native::{Native, downcast, new_native};
use stitch_core::objects::{Owned, dict, tuple};
use stitch_core::ops::call::{call, call_any, is_callable};
use stitch_core::ops::compare::compare_bool;
use stitch_core::ops::hash::hash;
use stitch_core::ops::iter::{get_iter, iter_next};
use stitch_core::ops::num::require_i64;
use stitch_core::ops::repr::repr;
use stitch_core::vm::Runtime;
use std::any::Any;
use std::cell::Cell;

const FUNCTIONS: &[(&str, BuiltinFn)] =
    &[("reduce", reduce), ("lru_cache", lru_cache), ("cache", cache), ("cmp_to_key", cmp_to_key), ("total_ordering", super::total_ordering::total_ordering)];

pub fn namespace() -> Value {
    super::namespace_of(FUNCTIONS, vec![("partial", super::native_type("functools.partial"))])
}

/// Owned positional arguments and keyword arguments of a call kept for later.
fn call_with(func: Value, positional: &[Value], keywords: &[(String, Owned)]) -> PyResult<Value> {
    let kw: Vec<(&str, Value)> = keywords.iter().map(|(k, v)| (k.as_str(), v.get())).collect();
    call_any(func, &Args { positional, keywords: &kw })
}

fn reduce(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("reduce", args)?;
    let a = takes("reduce", args, 0, 2, 3)?;
    let it = Owned(get_iter(a[1]).map_err(|_| PyErr::type_error(format!("reduce() arg 2 must support iteration")))?);
    let mut acc = match a.get(2) {
        Some(&init) => Owned::new_ref(init),
        None => match iter_next(it.get())? {
            Some(x) => Owned(x),
            None => return Err(PyErr::type_error("reduce() of empty iterable with no initial value")),
        },
    };
    while let Some(x) = iter_next(it.get())? {
        let x = Owned(x);
        acc = Owned(call(rt, a[0], &Args { positional: &[acc.get(), x.get()], keywords: &[] })?);
    }
    Ok(acc.into_raw())
}

// partial

struct Partial {
    func: Owned,
    args: Vec<Owned>,
    keywords: Vec<(String, Owned)>,
}

impl Native for Partial {
    fn type_name(&self) -> &'static str {
        "partial"
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.func.get());
        self.args.iter().chain(self.keywords.iter().map(|(_, v)| v)).for_each(|v| visit(v.get()));
    }
    fn clear(&self) {}
    fn is_callable(&self) -> bool {
        true
    }
    fn call(&self, args: &Args) -> Option<PyResult<Value>> {
        let mut positional: Vec<Value> = self.args.iter().map(Owned::get).collect();
        positional.extend_from_slice(args.positional);
        let mut keywords: Vec<(String, Owned)> =
            self.keywords.iter().filter(|(k, _)| !args.keywords.iter().any(|(n, _)| n == k)).cloned().collect();
        keywords.extend(args.keywords.iter().map(|&(k, v)| (k.to_string(), Owned::new_ref(v))));
        Some(call_with(self.func.get(), &positional, &keywords))
    }
    fn getattr(&self, name: &str) -> Option<PyResult<Value>> {
        match name {
            "func" => Some(Ok(self.func.clone().into_raw())),
            "args" => Some(Ok(tuple::from_vec(self.args.iter().map(|a| a.clone().into_raw()).collect()))),
            "keywords" => {
                let d = dict::new_dict();
                for (k, v) in &self.keywords {
                    let key = stitch_core::objects::str::new_str(k);
                    // SAFETY: `d` is a new dict; key and value are new references.
                    unsafe { dict::set(d.cast(), key, stitch_core::objects::str::as_str(key).hash(), v.clone().into_raw()) };
                }
                Some(Ok(d))
            }
            _ => None,
        }
    }
    fn repr(&self) -> Option<PyResult<String>> {
        Some((|| {
            let mut parts = vec![repr(self.func.get())?];
            for a in &self.args {
                parts.push(repr(a.get())?);
            }
            for (k, v) in &self.keywords {
                parts.push(format!("{k}={}", repr(v.get())?));
            }
            Ok(format!("functools.partial({})", parts.join(", ")))
        })())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn partial(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let Some((&func, rest)) = args.positional.split_first() else {
        return Err(PyErr::type_error("type 'partial' takes at least one argument"));
    };
    if !is_callable(func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    // partial(partial(f, a), b) flattens to partial(f, a, b), as CPython's does.
    let (func, mut pargs, mut keywords) = match downcast::<Partial>(func) {
        Some(p) => (p.func.clone(), p.args.clone(), p.keywords.clone()),
        None => (Owned::new_ref(func), Vec::new(), Vec::new()),
    };
    pargs.extend(rest.iter().map(|&v| Owned::new_ref(v)));
    for &(k, v) in args.keywords {
        match keywords.iter_mut().find(|(n, _)| n == k) {
            Some(slot) => slot.1 = Owned::new_ref(v),
            None => keywords.push((k.to_string(), Owned::new_ref(v))),
        }
    }
    Ok(new_native(Box::new(Partial { func, args: pargs, keywords })))
}

// lru_cache and cache

struct LruCache {
    func: Owned,
    /// Keys (the arguments) to results, least recently used first.
    cache: Owned,
    maxsize: Option<usize>,
    hits: Cell<i64>,
    misses: Cell<i64>,
}

/// Separates positional from keyword arguments in a cache key (an object no
/// program can pass).
fn kwd_mark() -> Value {
    thread_local! {
        static MARK: Value = stitch_core::objects::builtin::immortal_builtin("kwd_mark", Some("functools"), cache);
    }
    MARK.with(|m| *m)
}

impl LruCache {
    fn key(args: &Args) -> Value {
        let mut items: Vec<Value> = args.positional.to_vec();
        if !args.keywords.is_empty() {
            items.push(kwd_mark());
            for &(k, v) in args.keywords {
                items.push(stitch_core::objects::str::new_str(k));
                items.push(v);
                // The str is owned by the tuple; `v` gets its reference below.
                v.incref();
            }
            for &v in args.positional {
                v.incref();
            }
            kwd_mark().incref();
            // Keys made above are new references already; positional ones were
            // increfed just now.
            return tuple::from_vec(items);
        }
        for &v in &items {
            v.incref();
        }
        tuple::from_vec(items)
    }

    fn dict(&self) -> *mut stitch_abi::Dict {
        self.cache.get().cast()
    }

    fn call_cached(&self, args: &Args) -> PyResult<Value> {
        if self.maxsize == Some(0) {
            self.misses.set(self.misses.get() + 1);
            return call_any(self.func.get(), args);
        }
        let key = Owned(Self::key(args));
        let h = hash(key.get())?;
        // SAFETY: the cache is a live dict only this wrapper holds.
        let found = unsafe { dict::get(self.dict(), key.get(), h) };
        if let Some(v) = found {
            self.hits.set(self.hits.get() + 1);
            v.incref();
            if self.maxsize.is_some() {
                // Most recently used goes last.
                // SAFETY: as above; the removed value's reference moves back in.
                unsafe {
                    if let Some(old) = dict::remove(self.dict(), key.get(), h) {
                        dict::set(self.dict(), key.clone().into_raw(), h, old);
                    }
                }
            }
            return Ok(v);
        }
        self.misses.set(self.misses.get() + 1);
        let result = call_any(self.func.get(), args)?;
        // SAFETY: as above; key and value are new references.
        unsafe {
            if dict::get(self.dict(), key.get(), h).is_none() {
                if let Some(m) = self.maxsize
                    && (*self.dict()).len >= m
                    && let Some(e) = dict::entries(self.dict()).next()
                {
                    let (oldest, oh) = (Owned::new_ref(e.key), e.hash);
                    if let Some(v) = dict::remove(self.dict(), oldest.get(), oh) {
                        v.decref();
                    }
                }
                result.incref();
                dict::set(self.dict(), key.clone().into_raw(), h, result);
            }
        }
        Ok(result)
    }
}

impl Native for LruCache {
    fn type_name(&self) -> &'static str {
        "_lru_cache_wrapper"
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.func.get());
        visit(self.cache.get());
    }
    fn clear(&self) {}
    fn is_callable(&self) -> bool {
        true
    }
    fn call(&self, args: &Args) -> Option<PyResult<Value>> {
        Some(self.call_cached(args))
    }
    fn binds_as_method(&self) -> bool {
        true
    }
    fn getattr(&self, name: &str) -> Option<PyResult<Value>> {
        match name {
            "__wrapped__" => Some(Ok(self.func.clone().into_raw())),
            "__name__" | "__qualname__" | "__doc__" | "__module__" => Some(load_attr(self.func.get(), name)),
            _ => None,
        }
    }
    fn repr(&self) -> Option<PyResult<String>> {
        None
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn wrap(func: Value, maxsize: Option<usize>) -> PyResult<Value> {
    if !is_callable(func) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    Ok(new_native(Box::new(LruCache {
        func: Owned::new_ref(func),
        cache: Owned(dict::new_dict()),
        maxsize,
        hits: Cell::new(0),
        misses: Cell::new(0),
    })))
}

/// `lru_cache(maxsize=128)` called without the function: the decorator.
struct LruDecorator {
    maxsize: Option<usize>,
}

impl Native for LruDecorator {
    fn type_name(&self) -> &'static str {
        "function"
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn is_callable(&self) -> bool {
        true
    }
    fn call(&self, args: &Args) -> Option<PyResult<Value>> {
        Some(match args.positional {
            [f] if args.keywords.is_empty() => wrap(*f, self.maxsize),
            _ => Err(PyErr::type_error("decorating_function() takes 1 positional argument")),
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn lru_cache(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("lru_cache", args, 0, &["maxsize", "typed"], 0, 0)?;
    if p[1].is_some_and(stitch_core::ops::types::truthy) {
        return Err(PyErr::unsupported("lru_cache(typed=True)"));
    }
    let m = p[0].unwrap_or(Value::int(128));
    if m != Value::NONE && is_callable(m) {
        return wrap(m, Some(128));
    }
    let maxsize = if m == Value::NONE {
        None
    } else if stitch_core::ops::num::is_int_like(m) {
        Some(require_i64(m)?.max(0) as usize)
    } else {
        return Err(PyErr::type_error("Expected first argument to be an integer, a callable, or None"));
    };
    Ok(new_native(Box::new(LruDecorator { maxsize })))
}

fn cache(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("cache", args)?;
    let a = takes("cache", args, 0, 1, 1)?;
    wrap(a[0], None)
}

pub const LRU_METHODS: &[(&str, BuiltinFn)] = &[("cache_info", cache_info), ("cache_clear", cache_clear)];

fn this<'a>(args: &Args<'a>, method: &str) -> PyResult<&'a LruCache> {
    no_keywords(method, args)?;
    takes(method, args, 1, 0, 0)?;
    args.positional.first().and_then(|&v| downcast::<LruCache>(v)).ok_or_else(|| PyErr::type_error(format!("{method}() needs a cache wrapper")))
}

fn cache_info(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let c = this(args, "cache_info")?;
    // SAFETY: the cache is a live dict.
    let size = unsafe { (*c.dict()).len } as i64;
    let maxsize = c.maxsize.map_or(Value::NONE, |m| Value::int(m as i64));
    Ok(new_native(Box::new(CacheInfo { fields: [Value::int(c.hits.get()), Value::int(c.misses.get()), maxsize, Value::int(size)] })))
}

fn cache_clear(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let c = this(args, "cache_clear")?;
    c.hits.set(0);
    c.misses.set(0);
    // SAFETY: the cache is a live dict.
    unsafe { dict::clear(c.dict()) };
    Ok(Value::NONE)
}

/// What `cache_info()` returns: four ints (or None) with CPython's names and repr.
struct CacheInfo {
    fields: [Value; 4],
}

const CACHE_INFO_FIELDS: [&str; 4] = ["hits", "misses", "maxsize", "currsize"];

impl Native for CacheInfo {
    fn type_name(&self) -> &'static str {
        "CacheInfo"
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn getattr(&self, name: &str) -> Option<PyResult<Value>> {
        CACHE_INFO_FIELDS.iter().position(|&f| f == name).map(|i| Ok(self.fields[i]))
    }
    fn getitem(&self, sub: Value) -> Option<PyResult<Value>> {
        let i = require_i64(sub).ok()?;
        let i = stitch_core::ops::subscript::normalize(i, 4)?;
        Some(Ok(self.fields[i]))
    }
    fn repr(&self) -> Option<PyResult<String>> {
        let parts: PyResult<Vec<String>> =
            CACHE_INFO_FIELDS.iter().zip(self.fields).map(|(n, v)| Ok(format!("{n}={}", repr(v)?))).collect();
        Some(parts.map(|p| format!("CacheInfo({})", p.join(", "))))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

// cmp_to_key

struct CmpToKey {
    cmp: Owned,
}

struct KeyObject {
    cmp: Owned,
    obj: Owned,
}

impl Native for CmpToKey {
    fn type_name(&self) -> &'static str {
        "functools.KeyWrapper"
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.cmp.get());
    }
    fn clear(&self) {}
    fn is_callable(&self) -> bool {
        true
    }
    fn call(&self, args: &Args) -> Option<PyResult<Value>> {
        Some(match args.positional {
            [obj] if args.keywords.is_empty() => {
                Ok(new_native(Box::new(KeyObject { cmp: self.cmp.clone(), obj: Owned::new_ref(*obj) })))
            }
            _ => Err(PyErr::type_error(format!("K() takes exactly 1 positional argument ({} given)", args.positional.len()))),
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl KeyObject {
    fn cmp_with(&self, other: &dyn Native, op: u32) -> Option<PyResult<bool>> {
        let other = other.as_any().downcast_ref::<KeyObject>()?;
        let r = call_any(self.cmp.get(), &Args { positional: &[self.obj.get(), other.obj.get()], keywords: &[] });
        Some(r.and_then(|r| {
            let r = Owned(r);
            compare_bool(r.get(), Value::int(0), op)
        }))
    }
}

impl Native for KeyObject {
    fn type_name(&self) -> &'static str {
        "functools.KeyWrapper"
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.cmp.get());
        visit(self.obj.get());
    }
    fn clear(&self) {}
    fn eq(&self, other: &dyn Native) -> Option<PyResult<bool>> {
        self.cmp_with(other, CMP_EQ)
    }
    fn compare(&self, other: &dyn Native, op: u32) -> Option<PyResult<bool>> {
        self.cmp_with(other, op)
    }
    fn getattr(&self, name: &str) -> Option<PyResult<Value>> {
        (name == "obj").then(|| Ok(self.obj.clone().into_raw()))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn cmp_to_key(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("cmp_to_key", args, 0, &["mycmp"], 0, 1)?;
    Ok(new_native(Box::new(CmpToKey { cmp: Owned::new_ref(p[0].unwrap_or(Value::NONE)) })))
}

//! The iteration protocol: `iter(v)` and `next(it)` for every iterable type.

use super::types::type_name;
use stitch_abi::*;
use crate::errors::{PyErr, PyResult};
use crate::objects::iter::{
    DictPart, IterState, is_dict_view, new_iter, new_list_iter, new_range_iter, state_mut,
};
pub use crate::objects::iter::runs_python;
use crate::objects::builtin::Args;
use crate::objects::generator::{Resume, Step, as_generator};
use crate::objects::{self, Owned, dict, kind, list, range::Range, tuple};

/// Whether `iter(v)` succeeds.
pub fn is_iterable(v: Value) -> bool {
    if objects::generator::is_coroutine(v) {
        return false;
    }
    crate::input::is_stdin(v) || crate::special::is_iterable(v) || matches!(
        kind(v),
        KIND_LIST
            | KIND_TUPLE
            | KIND_STR
            | KIND_BYTES
            | KIND_BYTEARRAY
            | KIND_BYTES_ITER
            | KIND_DICT
            | KIND_RANGE
            | KIND_RANGE_ITER
            | KIND_LONG_RANGE_ITER
            | KIND_LIST_ITER
            | KIND_TUPLE_ITER
            | KIND_STR_ITER
            | KIND_DICT_ITER
            | KIND_ENUMERATE
            | KIND_ZIP
            | KIND_REVERSED
            | KIND_MAP
            | KIND_FILTER
            | KIND_SET
            | KIND_FROZENSET
            | KIND_SET_ITER
            | KIND_GENERATOR
    ) || objects::native::get(v).is_some_and(|n| n.is_iterator() || n.len().is_some())
}

/// Whether `v` is an iterator (its own `iter`).
pub fn is_iterator(v: Value) -> bool {
    if objects::generator::is_coroutine(v) {
        return false;
    }
    matches!(
        kind(v),
        KIND_RANGE_ITER
            | KIND_LONG_RANGE_ITER
            | KIND_LIST_ITER
            | KIND_TUPLE_ITER
            | KIND_STR_ITER
            | KIND_BYTES_ITER
            | KIND_ENUMERATE
            | KIND_ZIP
            | KIND_REVERSED
            | KIND_MAP
            | KIND_FILTER
            | KIND_SET_ITER
            | KIND_GENERATOR
    ) || (v.is_kind(KIND_DICT_ITER) && !is_dict_view(v))
        || native_is_iterator(v)
        || crate::special::is_iterator(v)
}

/// Whether `v` is a native object that is its own iterator.
fn native_is_iterator(v: Value) -> bool {
    objects::native::get(v).is_some_and(|n| n.is_iterator())
}

pub fn not_iterable(v: Value) -> PyErr {
    PyErr::type_error(format!("'{}' object is not iterable", type_name(v)))
}

/// `iter(v)`: a new iterator, or the iterator itself (a new reference).
pub fn get_iter(v: Value) -> PyResult<Value> {
    if let Some(r) = crate::special::get_iter(v) {
        return r;
    }
    if is_iterator(v) {
        v.incref();
        return Ok(v);
    }
    // SAFETY: each arm reads the layout of the kind it matched.
    unsafe {
        match kind(v) {
            KIND_LIST => Ok(new_list_iter(v)),
            KIND_TUPLE => Ok(new_iter(KIND_TUPLE_ITER, IterState::Tuple { seq: Owned::new_ref(v), index: 0 })),
            KIND_STR => Ok(new_iter(KIND_STR_ITER, IterState::Str { s: Owned::new_ref(v), byte: 0 })),
            KIND_BYTES | KIND_BYTEARRAY => Ok(new_iter(KIND_BYTES_ITER, IterState::Bytes { seq: Owned::new_ref(v), index: 0 })),
            KIND_DICT => Ok(dict_iter(v, DictPart::Keys)),
            KIND_SET | KIND_FROZENSET => {
                let used = crate::objects::set::len(v.cast());
                Ok(new_iter(KIND_SET_ITER, IterState::Set { set: Owned::new_ref(v), slot: 0, used }))
            }
            KIND_DICT_ITER => match state_mut(v) {
                // A view: a fresh iterator over its dict.
                IterState::Dict { dict, part, .. } => Ok(dict_iter(dict.get(), *part)),
                _ => Err(not_iterable(v)),
            }
            KIND_RANGE => Ok(range_iter(&*v.cast::<Range>())),
            // `for line in sys.stdin`: the lines left, read now (the same lines a
            // program reading a pipe or a file gets).
            KIND_MODULE if crate::input::is_stdin(v) => {
                let lines = crate::input::read_lines()?;
                let l = list::from_vec(lines.iter().map(|s| objects::str::new_str(s)).collect());
                let it = objects::iter::new_list_iter(l);
                l.decref();
                Ok(it)
            }
            KIND_NATIVE => match objects::native::get(v).and_then(|n| n.iter()) {
                Some(r) => r,
                None => Err(not_iterable(v)),
            },
            _ => Err(not_iterable(v)),
        }
    }
}

/// A dict iterator. Its header's spare field keeps the dict's size (low 16 bits) at
/// creation: CPython fails an iteration whose dict changed size meanwhile, and
/// without the check a loop adding keys would never end.
fn dict_iter(d: Value, part: DictPart) -> Value {
    let it = new_iter(KIND_DICT_ITER, IterState::Dict { dict: Owned::new_ref(d), index: 0, part });
    // SAFETY: `it` is new and `d` a live dict.
    unsafe { (*it.object()).spare = (*d.cast::<Dict>()).len as u16 };
    it
}

/// CPython's error for a dict whose size changed under an iterator.
fn changed_size() -> PyErr {
    PyErr::new(crate::errors::ExcKind::RuntimeError, "dictionary changed size during iteration")
}

/// The shared small-int layout when every value it yields, and the value one step
/// past the last (the inline FOR_ITER computes it), fit; otherwise a long range.
fn range_iter(r: &Range) -> Value {
    let n = r.len();
    let last = r.at((n - 1).max(0));
    let fits = |x: i128| i64::try_from(x).is_ok_and(Value::fits_int);
    if fits(r.start) && fits(last) && last.checked_add(r.step).is_some_and(|x| i64::try_from(x).is_ok()) {
        new_range_iter(r.start as i64, r.step as i64, n as i64)
    } else {
        new_iter(KIND_LONG_RANGE_ITER, IterState::LongRange { next: r.start, step: r.step, remaining: n })
    }
}

/// `next(it)`: `Ok(None)` when the iterator is exhausted. The item is a new reference.
pub fn iter_next(it: Value) -> PyResult<Option<Value>> {
    if let Some(r) = crate::special::iter_next(it) {
        return r;
    }
    // SAFETY: each arm reads the layout of the kind it matched; the `Iter` state is
    // borrowed only while no other iterator is advanced.
    unsafe {
        match kind(it) {
            KIND_LIST_ITER => {
                let li = it.cast::<ListIter>();
                let l = (*li).list;
                if (*li).index < (*l).len {
                    let v = *(*l).items.add((*li).index);
                    v.incref();
                    (*li).index += 1;
                    Ok(Some(v))
                } else {
                    // Exhausted for good, even if the list grows later (as CPython).
                    (*li).index = usize::MAX;
                    Ok(None)
                }
            }
            KIND_RANGE_ITER => {
                let r = it.cast::<RangeIter>();
                if (*r).remaining <= 0 {
                    return Ok(None);
                }
                let v = Value::int((*r).next);
                (*r).remaining -= 1;
                // `get_iter` checked that one step past the last value fits.
                (*r).next += (*r).step;
                Ok(Some(v))
            }
            KIND_LONG_RANGE_ITER | KIND_TUPLE_ITER | KIND_STR_ITER | KIND_BYTES_ITER | KIND_DICT_ITER | KIND_SET_ITER | KIND_ENUMERATE | KIND_ZIP
            | KIND_REVERSED | KIND_MAP | KIND_FILTER => {
                if is_dict_view(it) {
                    return Err(not_an_iterator(it));
                }
                next_state(it)
            }
            KIND_NATIVE => objects::native::next(it).unwrap_or_else(|| Err(not_an_iterator(it))),
            KIND_GENERATOR if !objects::generator::is_coroutine(it) => generator_next(it),
            _ => Err(not_an_iterator(it)),
        }
    }
}

/// Whether `iter_next(it)` would give an item or raise, rather than say the iterator
/// is exhausted, found without advancing anything but a `filter`, which looks for its
/// next item (running its function) and keeps it: exact for every iterator of the
/// subset, so a trace can leave before the call when it is false.
pub fn has_next(it: Value) -> bool {
    // SAFETY: each arm reads the layout of the kind it matched; nothing is advanced.
    unsafe {
        match kind(it) {
            KIND_LIST_ITER => {
                let li = it.cast::<ListIter>();
                (*li).index < (*(*li).list).len
            }
            KIND_RANGE_ITER => (*it.cast::<RangeIter>()).remaining > 0,
            KIND_LONG_RANGE_ITER | KIND_TUPLE_ITER | KIND_STR_ITER | KIND_BYTES_ITER | KIND_DICT_ITER | KIND_SET_ITER | KIND_ENUMERATE | KIND_ZIP
            | KIND_REVERSED | KIND_MAP | KIND_FILTER => {
                // A dict view is not an iterator: `iter_next` raises.
                is_dict_view(it) || state_has_next(it)
            }
            KIND_NATIVE => objects::native::has_next(it),
            KIND_INSTANCE => crate::special::has_next(it),
            // A builtin-type subclass object whose class defines `__next__`.
            _ if crate::special::overrides(it) && crate::special::is_iterator(it) => crate::special::has_next(it),
            KIND_GENERATOR => generator_has_next(it),
            // Not an iterator: `iter_next` raises.
            _ => true,
        }
    }
}

/// `has_next` of the iterators that share the `Iter` struct.
///
/// # Safety
/// `it` is a live `Iter` object.
unsafe fn state_has_next(it: Value) -> bool {
    // SAFETY: forwarded; the state is only read.
    unsafe {
        match state_mut(it) {
            IterState::Tuple { seq, index } => *index < tuple::items(seq.get().cast()).len(),
            IterState::Bytes { seq, index } => *index < objects::bytes::data(seq.get()).len(),
            IterState::Str { s, byte } => *byte < objects::str::bytes(s.get()).len(),
            IterState::Dict { dict, index, .. } => {
                let d = dict.get().cast::<Dict>();
                if *index != usize::MAX && (*d).len as u16 != (*it.object()).spare {
                    return true; // `iter_next` raises: the dict changed size.
                }
                (*index..(*d).used).any(|i| dict::entry_at(d, i).is_some())
            }
            IterState::LongRange { remaining, .. } => *remaining > 0,
            IterState::Set { set, slot, used } => {
                let so = set.get().cast();
                // A changed size: `iter_next` raises.
                *used != crate::objects::set::len(so) || crate::objects::set::next_entry(so, *slot).is_some()
            }
            // Inner iterators are copied out: a filter among them runs Python code.
            IterState::Enumerate { inner, .. } => {
                let inner = inner.clone();
                nested(|| has_next(inner.get()))
            }
            // Zip stops at the first inner iterator that is exhausted.
            IterState::Zip { inners, strict } => {
                let (inners, strict) = (inners.clone(), *strict);
                let more = inners.iter().filter(|i| nested(|| has_next(i.get()))).count();
                // A strict zip whose inner iterators end unevenly raises.
                !inners.is_empty() && (more == inners.len() || (strict && more > 0))
            }
            IterState::Map { inners, .. } => {
                // Copied out: advancing a filter below runs Python code.
                let inners: Vec<Owned> = inners.clone();
                !inners.is_empty() && inners.iter().all(|i| nested(|| has_next(i.get())))
            }
            IterState::Filter { ahead: Some(_), .. } => true,
            IterState::Filter { .. } => {
                let found = match filter_next(it) {
                    Ok(None) => return false,
                    Ok(Some(v)) => Ok(Owned(v)),
                    Err(e) => Err(e),
                };
                // Re-borrow: finding the item ran Python code.
                if let IterState::Filter { ahead, .. } = state_mut(it) {
                    *ahead = Some(found);
                }
                true
            }
            IterState::Reversed { seq, remaining } => {
                let s = seq.get();
                *remaining > 0
                    && match kind(s) {
                        KIND_LIST => *remaining - 1 < list::items(s.cast()).len(),
                        KIND_DICT => (0..*remaining).any(|i| dict::entry_at(s.cast(), i).is_some()),
                        // Immutable: `remaining` never passes their length.
                        _ => true,
                    }
            }
        }
    }
}

/// Runs `f`, an iterator's step into the iterator it wraps, on a new stack segment when
/// this one runs low: `enumerate(enumerate(...))` nested 100,000 deep steps through
/// every level, as CPython does.
fn nested<R>(f: impl FnOnce() -> R) -> R {
    // Miri cannot read the stack pointer (stacker's inline assembly).
    if cfg!(miri) {
        return f();
    }
    stacker::maybe_grow(64 * 1024, 1024 * 1024, f)
}

/// The next item a `filter` keeps, found by advancing its iterator (the item it kept
/// ahead aside).
///
/// # Safety
/// `it` is a live filter.
unsafe fn filter_next(it: Value) -> PyResult<Option<Value>> {
    // SAFETY: the state is copied out before any Python code runs, and read again
    // only after.
    unsafe {
        let (func, inner) = match state_mut(it) {
            IterState::Filter { func, inner, .. } => (func.clone(), inner.clone()),
            _ => return Ok(None),
        };
        loop {
            let Some(x) = iter_next(inner.get())? else { return Ok(None) };
            let x = Owned(x);
            let keep = if func.get() == Value::NONE {
                super::truthy(x.get())
            } else {
                let r = Owned(super::call::call_any(func.get(), &Args { positional: &[x.get()], keywords: &[] })?);
                super::truthy(r.get())
            };
            if keep {
                return Ok(Some(x.into_raw()));
            }
        }
    }
}

/// The next item of a `map`: its function called with the next item of each iterator.
///
/// # Safety
/// `it` is a live map.
unsafe fn map_next(it: Value) -> PyResult<Option<Value>> {
    // SAFETY: the state is copied out before any Python code runs.
    unsafe {
        let (func, inners) = match state_mut(it) {
            IterState::Map { func, inners } => (func.clone(), inners.clone()),
            _ => return Ok(None),
        };
        let mut items = Vec::with_capacity(inners.len());
        for inner in &inners {
            match iter_next(inner.get())? {
                Some(v) => items.push(Owned(v)),
                None => return Ok(None),
            }
        }
        let args: Vec<Value> = items.iter().map(Owned::get).collect();
        super::call::call_any(func.get(), &Args { positional: &args, keywords: &[] }).map(Some)
    }
}

pub fn not_an_iterator(v: Value) -> PyErr {
    PyErr::type_error(format!("'{}' object is not an iterator", type_name(v)))
}

/// `next` of the iterators that share the `Iter` struct.
///
/// # Safety
/// `it` is a live `Iter` object.
unsafe fn next_state(it: Value) -> PyResult<Option<Value>> {
    // SAFETY: forwarded; inner iterators are distinct objects (an iterator cannot
    // contain itself), and their values are copied out before they are advanced.
    unsafe {
        match state_mut(it) {
            IterState::Tuple { seq, index } => {
                let items = tuple::items(seq.get().cast());
                Ok(items.get(*index).map(|&v| {
                    *index += 1;
                    v.incref();
                    v
                }))
            }
            IterState::Bytes { seq, index } => {
                // A bytearray may shrink under its iterator: it ends there.
                Ok(objects::bytes::data(seq.get()).get(*index).map(|&b| {
                    *index += 1;
                    Value::int(b as i64)
                }))
            }
            IterState::Str { s, byte } => {
                let str = objects::str::as_str(s.get());
                if str.has_surrogates() {
                    let rest = &str.bytes()[*byte..];
                    return Ok(objects::wtf8::code_points(rest).next().map(|(_, cp)| {
                        *byte += objects::wtf8::code_points(rest).nth(1).map_or(rest.len(), |(at, _)| at);
                        objects::str::from_code_point(cp)
                    }));
                }
                let text = str.text()?;
                Ok(text[*byte..].chars().next().map(|c| {
                    *byte += c.len_utf8();
                    char_value(c)
                }))
            }
            IterState::Dict { dict, index, part } => {
                let d = dict.get().cast::<Dict>();
                if *index != usize::MAX && (*d).len as u16 != (*it.object()).spare {
                    *index = usize::MAX;
                    return Err(changed_size());
                }
                while *index < (*d).used {
                    let i = *index;
                    *index += 1;
                    if let Some(e) = dict::entry_at(d, i) {
                        return Ok(Some(dict_part(e, *part)));
                    }
                }
                Ok(None)
            }
            IterState::Set { set, slot, used } => {
                let so = set.get().cast();
                if *used != crate::objects::set::len(so) {
                    // Sticky, as CPython's: every later step raises too.
                    *used = usize::MAX;
                    return Err(PyErr::new(crate::errors::ExcKind::RuntimeError, "Set changed size during iteration"));
                }
                Ok(crate::objects::set::next_entry(so, *slot).map(|(e, next)| {
                    *slot = next;
                    e.key.incref();
                    e.key
                }))
            }
            IterState::LongRange { next, step, remaining } => {
                if *remaining <= 0 {
                    return Ok(None);
                }
                let v = objects::bigint::from_i128(*next);
                *next += *step;
                *remaining -= 1;
                Ok(Some(v))
            }
            IterState::Enumerate { inner, count } => {
                let inner = inner.get();
                let n = *count;
                match nested(|| iter_next(inner))? {
                    Some(v) => {
                        // Re-borrow: advancing the inner iterator used no reference
                        // to this state.
                        if let IterState::Enumerate { count, .. } = state_mut(it) {
                            // Counts past i64 are out of reach of any real loop.
                            *count = count.saturating_add(1);
                        }
                        Ok(Some(tuple::from_vec(vec![objects::bigint::from_i64(n), v])))
                    }
                    None => Ok(None),
                }
            }
            IterState::Zip { inners, strict } => {
                let strict = *strict;
                let inners: Vec<Owned> = inners.clone();
                if inners.is_empty() {
                    return Ok(None);
                }
                let mut items = Vec::with_capacity(inners.len());
                for (i, inner) in inners.iter().enumerate() {
                    match nested(|| iter_next(inner.get())) {
                        Ok(Some(v)) => items.push(v),
                        other => {
                            for v in items {
                                v.decref();
                            }
                            if strict && matches!(other, Ok(None)) {
                                return uneven_zip(&inners, i);
                            }
                            return other.map(|_| None);
                        }
                    }
                }
                Ok(Some(tuple::from_vec(items)))
            }
            IterState::Map { .. } => map_next(it),
            IterState::Filter { ahead, .. } => match ahead.take() {
                Some(found) => found.map(|v| Some(v.into_raw())),
                None => filter_next(it),
            }
            IterState::Reversed { seq, remaining } => {
                let s = seq.get();
                while *remaining > 0 {
                    *remaining -= 1;
                    let i = *remaining;
                    let item = match kind(s) {
                        KIND_LIST => list::items(s.cast()).get(i).copied(),
                        KIND_DICT => match dict::entry_at(s.cast(), i) {
                            Some(e) => Some(e.key),
                            // A deleted entry: keep walking back.
                            None => continue,
                        },
                        KIND_TUPLE => tuple::items(s.cast()).get(i).copied(),
                        KIND_STR => {
                            return Ok(Some(objects::str::char_at(objects::str::as_str(s), i)));
                        }
                        _ => None,
                    };
                    match item {
                        Some(v) => {
                            v.incref();
                            return Ok(Some(v));
                        }
                        // The list shrank: CPython's reverse iterator ends there.
                        None => {
                            *remaining = 0;
                        }
                    }
                }
                Ok(None)
            }
        }
    }
}

/// `next(gen)`: the value it yields next (or the one a trace's `has_next` found).
fn generator_next(it: Value) -> PyResult<Option<Value>> {
    // SAFETY: a live generator; the borrow ends before it runs.
    if let Some(found) = unsafe { as_generator(it) }.ahead.take() {
        return found.map(|v| Some(v.into_raw()));
    }
    match nested(|| super::call::resume(it, Resume::Send(Value::NONE)))? {
        Step::Yielded(v) => Ok(Some(v)),
        Step::Returned(v) => {
            v.decref();
            Ok(None)
        }
    }
}

/// `has_next` of a generator: it runs to its next `yield` to find out, and keeps what
/// it found for `generator_next`.
fn generator_has_next(it: Value) -> bool {
    // SAFETY: a live generator; each borrow ends before it runs.
    unsafe {
        if as_generator(it).ahead.is_some() {
            return true;
        }
        let found = match nested(|| super::call::resume(it, Resume::Send(Value::NONE))) {
            Ok(Step::Yielded(v)) => Ok(Owned(v)),
            Ok(Step::Returned(v)) => {
                v.decref();
                return false;
            }
            Err(e) => Err(e),
        };
        as_generator(it).ahead = Some(found);
        true
    }
}

/// A one-character str.
pub fn char_value(c: char) -> Value {
    if c.is_ascii() {
        objects::str::ascii_char(c as u8)
    } else {
        let mut buf = [0u8; 4];
        objects::str::new_str(c.encode_utf8(&mut buf))
    }
}

/// The key, value or `(key, value)` of a dict entry, as a new reference.
pub fn dict_part(e: &DictEntry, part: DictPart) -> Value {
    match part {
        DictPart::Keys => {
            e.key.incref();
            e.key
        }
        DictPart::Values => {
            e.value.incref();
            e.value
        }
        DictPart::Items => {
            e.key.incref();
            e.value.incref();
            tuple::from_vec(vec![e.key, e.value])
        }
    }
}

/// A strict zip whose inner iterator `ended` (0-based) is exhausted: CPython's
/// ValueError if another ends sooner or later, else the end.
fn uneven_zip(inners: &[Owned], ended: usize) -> PyResult<Option<Value>> {
    let earlier = |n: usize| if n == 1 { "argument 1".to_string() } else { format!("arguments 1-{n}") };
    if ended > 0 {
        return Err(PyErr::value_error(format!("zip() argument {} is shorter than {}", ended + 1, earlier(ended))));
    }
    for (j, inner) in inners.iter().enumerate().skip(1) {
        match nested(|| iter_next(inner.get()))? {
            Some(v) => {
                v.decref();
                return Err(PyErr::value_error(format!("zip() argument {} is longer than {}", j + 1, earlier(j))));
            }
            None => {}
        }
    }
    Ok(None)
}

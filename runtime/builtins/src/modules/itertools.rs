//! `itertools`: lazy iterators, each a native object (`objects::native`) advancing
//! the iterators it wraps one item per `next`, in CPython's order of calls.

use crate::args::{bind, keyword, no_keywords, takes};
use stitch_abi::Value;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::native::{Native, downcast, new_native};
use stitch_core::objects::{Owned, tuple};
use stitch_core::ops::call::call_any;
use stitch_core::ops::compare::eq;
use stitch_core::ops::consume::collect;
use stitch_core::ops::iter::{get_iter, iter_next};
use stitch_core::ops::num::require_i64;
use stitch_core::ops::repr::repr;
use stitch_core::ops::types::truthy;
use stitch_core::vm::Runtime;
use std::any::Any;
use std::cell::{Cell, RefCell, RefMut};
use std::rc::Rc;

pub fn namespace() -> Value {
    let types = super::NATIVE_TYPES
        .iter()
        .filter(|(_, ctor)| TYPES.iter().any(|t| std::ptr::fn_addr_eq(*t, *ctor)))
        .map(|&(qualified, _)| (qualified.trim_start_matches("itertools."), super::native_type(qualified)))
        .collect();
    super::namespace_of(&[("tee", tee)], types)
}

/// The constructors of this module's types (the rest of `NATIVE_TYPES` is others').
const TYPES: &[BuiltinFn] = &[
    count,
    cycle,
    repeat,
    accumulate,
    chain,
    compress,
    dropwhile,
    takewhile,
    filterfalse,
    groupby,
    islice,
    starmap,
    zip_longest,
    product,
    permutations,
    combinations,
    combinations_with_replacement,
    pairwise,
];

pub const CHAIN_METHODS: &[(&str, BuiltinFn)] = &[("from_iterable", from_iterable)];

fn call1(f: Value, x: Value) -> PyResult<Owned> {
    call_any(f, &Args { positional: &[x], keywords: &[] }).map(Owned)
}

fn next_of(it: &Owned) -> PyResult<Option<Owned>> {
    Ok(iter_next(it.get())?.map(Owned))
}

fn new_tuple(items: Vec<Owned>) -> Value {
    tuple::from_vec(items.into_iter().map(Owned::into_raw).collect())
}

/// An itertools iterator: its CPython type name and its state.
struct Tool {
    name: &'static str,
    state: RefCell<State>,
}

enum State {
    Count { next: Owned, step: Owned },
    Cycle { it: Option<Owned>, saved: Vec<Owned>, index: usize },
    Repeat { obj: Owned, left: Option<i64> },
    Accumulate { it: Owned, func: Option<Owned>, total: Option<Owned>, initial: Option<Owned> },
    Chain { sources: Owned, current: Option<Owned> },
    Compress { data: Owned, selectors: Owned },
    DropWhile { pred: Owned, it: Owned, dropping: bool },
    TakeWhile { pred: Owned, it: Owned, done: bool },
    FilterFalse { pred: Option<Owned>, it: Owned },
    ISlice { it: Option<Owned>, next: i64, stop: Option<i64>, step: i64, consumed: i64 },
    StarMap { func: Owned, it: Owned },
    ZipLongest { its: Vec<Option<Owned>>, fill: Owned, active: usize },
    /// product, permutations, combinations (with replacement): indices into pools.
    Combinatoric { pools: Vec<Vec<Owned>>, how: How, indices: Vec<usize>, cycles: Vec<usize>, r: usize, started: bool, done: bool },
    Pairwise { it: Owned, last: Option<Owned> },
}

#[derive(Clone, Copy, PartialEq)]
enum How {
    Product,
    Permutations,
    Combinations,
    WithReplacement,
}

impl Tool {
    fn new(name: &'static str, state: State) -> Value {
        new_native(Box::new(Tool { name, state: RefCell::new(state) }))
    }

    fn state(&self) -> PyResult<RefMut<'_, State>> {
        self.state.try_borrow_mut().map_err(|_| PyErr::unsupported(format!("re-entering an itertools.{} iterator", self.name)))
    }

    fn advance(&self) -> PyResult<Option<Value>> {
        let mut s = self.state()?;
        match &mut *s {
            State::Count { next, step } => {
                let v = next.clone();
                *next = Owned(add(next.get(), step.get())?);
                Ok(Some(v.into_raw()))
            }
            State::Cycle { it, saved, index } => {
                if let Some(i) = it {
                    match next_of(i)? {
                        Some(x) => {
                            saved.push(x.clone());
                            return Ok(Some(x.into_raw()));
                        }
                        None => *it = None,
                    }
                }
                if saved.is_empty() {
                    return Ok(None);
                }
                let x = saved[*index % saved.len()].clone();
                *index = (*index + 1) % saved.len();
                Ok(Some(x.into_raw()))
            }
            State::Repeat { obj, left } => match left {
                Some(0) => Ok(None),
                Some(n) => {
                    *n -= 1;
                    Ok(Some(obj.clone().into_raw()))
                }
                None => Ok(Some(obj.clone().into_raw())),
            },
            State::Accumulate { it, func, total, initial } => {
                if let Some(i) = initial.take() {
                    *total = Some(i.clone());
                    return Ok(Some(i.into_raw()));
                }
                let Some(x) = next_of(it)? else { return Ok(None) };
                let t = match (total.take(), func) {
                    (None, _) => x,
                    (Some(t), Some(f)) => Owned(call_any(f.get(), &Args { positional: &[t.get(), x.get()], keywords: &[] })?),
                    (Some(t), None) => Owned(add(t.get(), x.get())?),
                };
                *total = Some(t.clone());
                Ok(Some(t.into_raw()))
            }
            State::Chain { sources, current } => loop {
                if let Some(c) = current {
                    if let Some(x) = next_of(c)? {
                        return Ok(Some(x.into_raw()));
                    }
                    *current = None;
                }
                let Some(src) = next_of(sources)? else { return Ok(None) };
                *current = Some(Owned(get_iter(src.get())?));
            },
            State::Compress { data, selectors } => loop {
                let Some(d) = next_of(data)? else { return Ok(None) };
                let Some(sel) = next_of(selectors)? else { return Ok(None) };
                if truthy(sel.get()) {
                    return Ok(Some(d.into_raw()));
                }
            },
            State::DropWhile { pred, it, dropping } => loop {
                let Some(x) = next_of(it)? else { return Ok(None) };
                if !*dropping || !truthy(call1(pred.get(), x.get())?.get()) {
                    *dropping = false;
                    return Ok(Some(x.into_raw()));
                }
            },
            State::TakeWhile { pred, it, done } => {
                if *done {
                    return Ok(None);
                }
                let Some(x) = next_of(it)? else { return Ok(None) };
                if truthy(call1(pred.get(), x.get())?.get()) {
                    return Ok(Some(x.into_raw()));
                }
                *done = true;
                Ok(None)
            }
            State::FilterFalse { pred, it } => loop {
                let Some(x) = next_of(it)? else { return Ok(None) };
                let t = match pred {
                    Some(p) => truthy(call1(p.get(), x.get())?.get()),
                    None => truthy(x.get()),
                };
                if !t {
                    return Ok(Some(x.into_raw()));
                }
            },
            // CPython's islice_next.
            State::ISlice { it, next, stop, step, consumed } => {
                let Some(i) = it.clone() else { return Ok(None) };
                if stop.is_some_and(|s| *consumed >= s) {
                    *it = None;
                    return Ok(None);
                }
                while *consumed < *next {
                    if next_of(&i)?.is_none() {
                        *it = None;
                        return Ok(None);
                    }
                    *consumed += 1;
                }
                if stop.is_some_and(|s| *consumed >= s) {
                    *it = None;
                    return Ok(None);
                }
                let Some(x) = next_of(&i)? else {
                    *it = None;
                    return Ok(None);
                };
                *consumed += 1;
                *next = next.saturating_add(*step);
                if let Some(s) = *stop
                    && *next > s
                {
                    *next = s;
                }
                Ok(Some(x.into_raw()))
            }
            State::StarMap { func, it } => {
                let Some(x) = next_of(it)? else { return Ok(None) };
                let args: Vec<Owned> = collect(x.get())?.into_iter().map(Owned).collect();
                let args: Vec<Value> = args.iter().map(Owned::get).collect();
                Ok(Some(call_any(func.get(), &Args { positional: &args, keywords: &[] })?))
            }
            State::ZipLongest { its, fill, active } => {
                if *active == 0 {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(its.len());
                for slot in its.iter_mut() {
                    let item = match slot {
                        Some(i) => match next_of(i)? {
                            Some(x) => x,
                            None => {
                                *slot = None;
                                *active -= 1;
                                if *active == 0 {
                                    return Ok(None);
                                }
                                fill.clone()
                            }
                        },
                        None => fill.clone(),
                    };
                    out.push(item);
                }
                Ok(Some(new_tuple(out)))
            }
            State::Combinatoric { pools, how, indices, cycles, r, started, done } => {
                if *done {
                    return Ok(None);
                }
                if *started && !step_indices(*how, pools, indices, cycles, *r) {
                    *done = true;
                    return Ok(None);
                }
                *started = true;
                let items = match how {
                    How::Product => indices.iter().zip(pools.iter()).map(|(&i, p)| p[i].clone()).collect(),
                    _ => indices[..*r].iter().map(|&i| pools[0][i].clone()).collect(),
                };
                Ok(Some(new_tuple(items)))
            }
            State::Pairwise { it, last } => {
                let old = match last.take() {
                    Some(o) => o,
                    None => match next_of(it)? {
                        Some(o) => o,
                        None => return Ok(None),
                    },
                };
                let Some(new) = next_of(it)? else { return Ok(None) };
                *last = Some(new.clone());
                Ok(Some(new_tuple(vec![old, new])))
            }
        }
    }
}

/// The next indices of a combinatoric iterator after the first (CPython's
/// algorithms); false when there are no more.
fn step_indices(how: How, pools: &[Vec<Owned>], indices: &mut [usize], cycles: &mut [usize], r: usize) -> bool {
    match how {
        How::Product => {
            for i in (0..indices.len()).rev() {
                indices[i] += 1;
                if indices[i] < pools[i].len() {
                    return true;
                }
                indices[i] = 0;
            }
            false
        }
        How::Permutations => {
            let n = indices.len();
            for i in (0..r).rev() {
                cycles[i] -= 1;
                if cycles[i] == 0 {
                    indices[i..].rotate_left(1);
                    cycles[i] = n - i;
                } else {
                    let j = cycles[i];
                    indices.swap(i, n - j);
                    return true;
                }
            }
            false
        }
        How::Combinations => {
            let n = pools[0].len();
            let Some(i) = (0..r).rev().find(|&i| indices[i] != i + n - r) else { return false };
            indices[i] += 1;
            for j in i + 1..r {
                indices[j] = indices[j - 1] + 1;
            }
            true
        }
        How::WithReplacement => {
            let n = pools[0].len();
            let Some(i) = (0..r).rev().find(|&i| indices[i] != n - 1) else { return false };
            let v = indices[i] + 1;
            indices[i..r].iter_mut().for_each(|x| *x = v);
            true
        }
    }
}

/// `a + b` with the runtime the call hook supplies (`operator.add`).
fn add(a: Value, b: Value) -> PyResult<Value> {
    call_any(super::operator::add_function(), &Args { positional: &[a, b], keywords: &[] })
}

impl Native for Tool {
    fn type_name(&self) -> &'static str {
        self.name
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        let Ok(s) = self.state.try_borrow() else { return };
        let mut v = |o: &Owned| visit(o.get());
        match &*s {
            State::Count { next, step } => {
                v(next);
                v(step)
            }
            State::Cycle { it, saved, .. } => it.iter().chain(saved).for_each(v),
            State::Repeat { obj, .. } => v(obj),
            State::Accumulate { it, func, total, initial } => {
                v(it);
                func.iter().chain(total).chain(initial).for_each(v)
            }
            State::Chain { sources, current } => {
                v(sources);
                current.iter().for_each(v)
            }
            State::Compress { data, selectors } => {
                v(data);
                v(selectors)
            }
            State::DropWhile { pred, it, .. } | State::TakeWhile { pred, it, .. } | State::StarMap { func: pred, it } => {
                v(pred);
                v(it)
            }
            State::FilterFalse { pred, it } => {
                pred.iter().for_each(&mut v);
                v(it)
            }
            State::ISlice { it, .. } => it.iter().for_each(v),
            State::ZipLongest { its, fill, .. } => {
                its.iter().flatten().for_each(&mut v);
                v(fill)
            }
            State::Combinatoric { pools, .. } => pools.iter().flatten().for_each(v),
            State::Pairwise { it, last } => {
                v(it);
                last.iter().for_each(v)
            }
        }
    }
    fn clear(&self) {
        // Ends the iterator: what it held goes with the state it leaves.
        let old = std::mem::replace(&mut *self.state.borrow_mut(), State::Repeat { obj: Owned::new_ref(Value::NONE), left: Some(0) });
        drop(old);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, _me: Value) -> Option<PyResult<Option<Value>>> {
        Some(self.advance())
    }
    fn repr(&self) -> Option<PyResult<String>> {
        let s = self.state.try_borrow().ok()?;
        match &*s {
            State::Count { next, step } => {
                let (next, step) = (next.clone(), step.clone());
                drop(s);
                Some((|| {
                    let is_one = step.get() == Value::int(1);
                    Ok(if is_one { format!("count({})", repr(next.get())?) } else { format!("count({}, {})", repr(next.get())?, repr(step.get())?) })
                })())
            }
            State::Repeat { obj, left } => {
                let (obj, left) = (obj.clone(), *left);
                drop(s);
                Some(repr(obj.get()).map(|o| match left {
                    Some(n) => format!("repeat({o}, {n})"),
                    None => format!("repeat({o})"),
                }))
            }
            _ => None,
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn iter_of(v: Value) -> PyResult<Owned> {
    get_iter(v).map(Owned)
}

pub fn count(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("count", args, 0, &["start", "step"], 0, 0)?;
    let start = p[0].unwrap_or(Value::int(0));
    let step = p[1].unwrap_or(Value::int(1));
    for v in [start, step] {
        if stitch_core::ops::num::as_num(v).is_none() {
            return Err(PyErr::type_error("a number is required"));
        }
    }
    Ok(Tool::new("count", State::Count { next: Owned::new_ref(start), step: Owned::new_ref(step) }))
}

pub fn cycle(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("cycle", args)?;
    let a = takes("cycle", args, 0, 1, 1)?;
    Ok(Tool::new("cycle", State::Cycle { it: Some(iter_of(a[0])?), saved: Vec::new(), index: 0 }))
}

pub fn repeat(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("repeat", args, 0, &["object", "times"], 0, 1)?;
    let left = match p[1] {
        Some(t) => Some(require_i64(t)?.max(0)),
        None => None,
    };
    Ok(Tool::new("repeat", State::Repeat { obj: Owned::new_ref(p[0].unwrap_or(Value::NONE)), left }))
}

pub fn accumulate(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("accumulate", args, 0, &["iterable", "func", "initial"], 0, 1)?;
    let func = p[1].filter(|&f| f != Value::NONE).map(Owned::new_ref);
    let initial = p[2].filter(|&f| f != Value::NONE).map(Owned::new_ref);
    Ok(Tool::new("accumulate", State::Accumulate { it: iter_of(p[0].unwrap_or(Value::NONE))?, func, total: None, initial }))
}

pub fn chain(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("chain", args)?;
    let t = Owned(tuple::from_vec(args.positional.iter().map(|&v| {
        v.incref();
        v
    }).collect()));
    Ok(Tool::new("chain", State::Chain { sources: iter_of(t.get())?, current: None }))
}

fn from_iterable(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("from_iterable", args)?;
    let a = takes("from_iterable", args, 0, 1, 1)?;
    Ok(Tool::new("chain", State::Chain { sources: iter_of(a[0])?, current: None }))
}

pub fn compress(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("compress", args, 0, &["data", "selectors"], 0, 2)?;
    let (d, s) = (p[0].unwrap_or(Value::NONE), p[1].unwrap_or(Value::NONE));
    Ok(Tool::new("compress", State::Compress { data: iter_of(d)?, selectors: iter_of(s)? }))
}

fn pred_and_iter(name: &str, args: &Args) -> PyResult<(Owned, Owned)> {
    no_keywords(name, args)?;
    let a = takes(name, args, 0, 2, 2)?;
    Ok((Owned::new_ref(a[0]), iter_of(a[1])?))
}

pub fn dropwhile(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (pred, it) = pred_and_iter("dropwhile", args)?;
    Ok(Tool::new("dropwhile", State::DropWhile { pred, it, dropping: true }))
}

pub fn takewhile(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (pred, it) = pred_and_iter("takewhile", args)?;
    Ok(Tool::new("takewhile", State::TakeWhile { pred, it, done: false }))
}

pub fn filterfalse(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (pred, it) = pred_and_iter("filterfalse", args)?;
    let pred = (pred.get() != Value::NONE).then_some(pred);
    Ok(Tool::new("filterfalse", State::FilterFalse { pred, it }))
}

pub fn starmap(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (func, it) = pred_and_iter("starmap", args)?;
    Ok(Tool::new("starmap", State::StarMap { func, it }))
}

pub fn pairwise(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("pairwise", args)?;
    let a = takes("pairwise", args, 0, 1, 1)?;
    Ok(Tool::new("pairwise", State::Pairwise { it: iter_of(a[0])?, last: None }))
}

/// An islice bound: None or an int in 0..=sys.maxsize.
fn slice_bound(v: Option<Value>, message: &str) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(v) if v == Value::NONE => Ok(None),
        Some(v) => match require_i64(v) {
            Ok(i) if i >= 0 => Ok(Some(i)),
            _ => Err(PyErr::value_error(message)),
        },
    }
}

pub fn islice(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("islice", args)?;
    let a = takes("islice", args, 0, 2, 4)?;
    let (start, stop, step) = if a.len() == 2 {
        (None, slice_bound(Some(a[1]), "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")?, None)
    } else {
        let bad = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        (slice_bound(Some(a[1]), bad)?, slice_bound(Some(a[2]), bad)?, a.get(3).copied())
    };
    let step = match step {
        None => 1,
        Some(s) if s == Value::NONE => 1,
        Some(s) => match require_i64(s) {
            Ok(s) if s >= 1 => s,
            _ => return Err(PyErr::value_error("Step for islice() must be a positive integer or None.")),
        },
    };
    let it = iter_of(a[0])?;
    Ok(Tool::new("islice", State::ISlice { it: Some(it), next: start.unwrap_or(0), stop, step, consumed: 0 }))
}

pub fn zip_longest(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::check_keywords("zip_longest", args, &["fillvalue"])?;
    let fill = Owned::new_ref(keyword(args, "fillvalue").unwrap_or(Value::NONE));
    let its = args.positional.iter().map(|&v| iter_of(v).map(Some)).collect::<PyResult<Vec<_>>>()?;
    let active = its.len();
    Ok(Tool::new("zip_longest", State::ZipLongest { its, fill, active }))
}

fn pool(v: Value) -> PyResult<Vec<Owned>> {
    Ok(collect(v)?.into_iter().map(Owned).collect())
}

fn combinatoric(name: &'static str, pools: Vec<Vec<Owned>>, how: How, r: usize) -> Value {
    let n = pools.first().map_or(0, Vec::len);
    let (indices, cycles, done) = match how {
        How::Product => (vec![0; pools.len()], vec![], pools.iter().any(Vec::is_empty)),
        How::Permutations => ((0..n).collect(), (0..r).map(|i| n - i).collect(), r > n),
        How::Combinations => ((0..r).collect(), vec![], r > n),
        How::WithReplacement => (vec![0; r], vec![], n == 0 && r > 0),
    };
    Tool::new(name, State::Combinatoric { pools, how, indices, cycles, r, started: false, done })
}

pub fn product(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::check_keywords("product", args, &["repeat"])?;
    let times = match keyword(args, "repeat") {
        Some(v) => require_i64(v)?,
        None => 1,
    };
    if times < 0 {
        return Err(PyErr::value_error("repeat argument cannot be negative"));
    }
    let once = args.positional.iter().map(|&v| pool(v)).collect::<PyResult<Vec<_>>>()?;
    let mut pools = Vec::new();
    for _ in 0..times {
        pools.extend(once.iter().cloned());
    }
    Ok(combinatoric("product", pools, How::Product, 0))
}

/// The pool and `r` of permutations and the combinations.
fn pool_and_r(name: &str, args: &Args, r_required: bool) -> PyResult<(Vec<Owned>, Option<usize>)> {
    let p = bind(name, args, 0, &["iterable", "r"], 0, if r_required { 2 } else { 1 })?;
    let pool = pool(p[0].unwrap_or(Value::NONE))?;
    let r = match p[1] {
        Some(v) if v != Value::NONE => {
            let r = require_i64(v)?;
            if r < 0 {
                return Err(PyErr::value_error("r must be non-negative"));
            }
            Some(r as usize)
        }
        _ => None,
    };
    Ok((pool, r))
}

pub fn permutations(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (pool, r) = pool_and_r("permutations", args, false)?;
    let r = r.unwrap_or(pool.len());
    Ok(combinatoric("permutations", vec![pool], How::Permutations, r))
}

pub fn combinations(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (pool, r) = pool_and_r("combinations", args, true)?;
    Ok(combinatoric("combinations", vec![pool], How::Combinations, r.unwrap_or(0)))
}

pub fn combinations_with_replacement(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (pool, r) = pool_and_r("combinations_with_replacement", args, true)?;
    Ok(combinatoric("combinations_with_replacement", vec![pool], How::WithReplacement, r.unwrap_or(0)))
}

// groupby, as CPython's: the groupby object and its current `_grouper` share the
// current item; advancing the groupby abandons the group before.

struct GroupBy {
    it: Owned,
    key: Option<Owned>,
    cur: RefCell<GroupState>,
    /// The id of the grouper that may still read the current group.
    current_grouper: Cell<u64>,
}

#[derive(Default)]
struct GroupState {
    tgtkey: Option<Owned>,
    currkey: Option<Owned>,
    currvalue: Option<Owned>,
}

impl GroupBy {
    /// CPython's groupby_step: the next item and its key; false at the end.
    fn step(&self) -> PyResult<bool> {
        let Some(v) = next_of(&self.it)? else { return Ok(false) };
        let k = match &self.key {
            Some(f) => call1(f.get(), v.get())?,
            None => v.clone(),
        };
        let mut c = self.cur.borrow_mut();
        c.currvalue = Some(v);
        c.currkey = Some(k);
        Ok(true)
    }

    /// Whether the current key equals the group's key.
    fn same_key(&self, tgt: &Owned) -> PyResult<bool> {
        let cur = self.cur.borrow().currkey.clone();
        match cur {
            Some(k) => eq(tgt.get(), k.get()),
            None => Ok(false),
        }
    }
}

fn next_grouper_id() -> u64 {
    thread_local! { static NEXT: Cell<u64> = const { Cell::new(1) }; }
    NEXT.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    })
}

impl GroupBy {
    /// CPython's groupby_next: skips to the next group, gives its key and grouper.
    fn advance(&self, me: Value) -> PyResult<Option<Value>> {
        self.current_grouper.set(0);
        loop {
            let (has_cur, tgt) = {
                let c = self.cur.borrow();
                (c.currkey.is_some(), c.tgtkey.clone())
            };
            if has_cur {
                match tgt {
                    None => break,
                    Some(t) if !self.same_key(&t)? => break,
                    Some(_) => {}
                }
            }
            if !self.step()? {
                return Ok(None);
            }
        }
        let key = {
            let mut c = self.cur.borrow_mut();
            c.tgtkey = c.currkey.clone();
            c.currkey.clone().expect("a current key after a step")
        };
        let id = next_grouper_id();
        self.current_grouper.set(id);
        let g = new_native(Box::new(Grouper { parent: Owned::new_ref(me), tgtkey: key.clone(), id }));
        Ok(Some(new_tuple(vec![key, Owned(g)])))
    }
}

impl Native for GroupBy {
    fn type_name(&self) -> &'static str {
        "groupby"
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.it.get());
        self.key.iter().for_each(|k| visit(k.get()));
        if let Ok(c) = self.cur.try_borrow() {
            c.tgtkey.iter().chain(&c.currkey).chain(&c.currvalue).for_each(|o| visit(o.get()));
        }
    }
    fn clear(&self) {
        let old = std::mem::take(&mut *self.cur.borrow_mut());
        drop(old);
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, me: Value) -> Option<PyResult<Option<Value>>> {
        Some(self.advance(me))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

struct Grouper {
    parent: Owned,
    tgtkey: Owned,
    id: u64,
}

impl Native for Grouper {
    fn type_name(&self) -> &'static str {
        "_grouper"
    }
    fn traverse(&self, visit: &mut dyn FnMut(Value)) {
        visit(self.parent.get());
        visit(self.tgtkey.get());
    }
    fn clear(&self) {}
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, _me: Value) -> Option<PyResult<Option<Value>>> {
        let g = downcast::<GroupBy>(self.parent.get())?;
        Some((|| {
            if g.current_grouper.get() != self.id {
                return Ok(None);
            }
            if g.cur.borrow().currvalue.is_none() && !g.step()? {
                return Ok(None);
            }
            if !g.same_key(&self.tgtkey)? {
                return Ok(None);
            }
            let mut c = g.cur.borrow_mut();
            c.currkey = None;
            Ok(c.currvalue.take().map(Owned::into_raw))
        })())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

pub fn groupby(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("groupby", args, 0, &["iterable", "key"], 0, 1)?;
    let it = iter_of(p[0].unwrap_or(Value::NONE))?;
    let key = p[1].filter(|&k| k != Value::NONE).map(Owned::new_ref);
    Ok(new_native(Box::new(GroupBy { it, key, cur: RefCell::new(GroupState::default()), current_grouper: Cell::new(0) })))
}

// tee: iterators sharing one buffer of the items read from the source.

struct TeeData {
    it: Owned,
    buffer: Vec<Owned>,
}

struct Tee {
    data: Rc<RefCell<TeeData>>,
    index: Cell<usize>,
}

impl Native for Tee {
    fn type_name(&self) -> &'static str {
        "_tee"
    }
    // The shared data is not visited: its references are held once for every tee,
    // so a cycle through a tee is left alive rather than freed too soon.
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, _me: Value) -> Option<PyResult<Option<Value>>> {
        Some((|| {
            let i = self.index.get();
            let buffered = self.data.borrow().buffer.get(i).cloned();
            let x = match buffered {
                Some(x) => x,
                None => {
                    let it = self.data.borrow().it.clone();
                    let Some(x) = next_of(&it)? else { return Ok(None) };
                    self.data.borrow_mut().buffer.push(x.clone());
                    x
                }
            };
            self.index.set(i + 1);
            Ok(Some(x.into_raw()))
        })())
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn tee(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("tee", args)?;
    let a = takes("tee", args, 0, 1, 2)?;
    let n = match a.get(1) {
        Some(&v) => require_i64(v)?,
        None => 2,
    };
    if n < 0 {
        return Err(PyErr::value_error("n must be >= 0"));
    }
    let data = Rc::new(RefCell::new(TeeData { it: iter_of(a[0])?, buffer: Vec::new() }));
    let tees = (0..n).map(|_| new_native(Box::new(Tee { data: data.clone(), index: Cell::new(0) }))).collect();
    Ok(tuple::from_vec(tees))
}

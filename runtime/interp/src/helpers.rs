//! The runtime helpers declared in the `.uops` file: what uop bodies call. Each is
//! `extern "C"` so JIT code can call it through a hole; the interpreters call them
//! directly. The generated `helper_table` checks every signature against its
//! declaration.
//!
//! Helpers are thin: they convert between the value-word world (errors as
//! `Value::ERROR` with the exception stored in the runtime) and the Rust world
//! (`PyResult`), and call into `ops`, `objects` and `interp`. Those that may run
//! Python code (a builtin calling a key function, a `map` advancing) take the running
//! frame and record it first (`reenter::calling_down`): the call lays its frames out
//! past it.

#![allow(clippy::missing_safety_doc)]

use crate::hooks;
use stitch_abi::access::local;
use stitch_abi::layouts::*;
use stitch_abi::value::Value;
use stitch_abi::{KIND_BOUND_METHOD, KIND_BUILTIN, KIND_DICT, KIND_FUNCTION, KIND_LIST, KIND_STR, KIND_TUPLE, KIND_TYPE};
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use crate::frames::{clear_frame, code_of};
use crate::reenter::calling_down;
use crate::unwind::runtime;
use crate::{call, specialize};
use stitch_core::objects::builtin::Args;
use stitch_core::objects::str::{as_str, display, text};
use stitch_core::objects::{self, Owned, dict, list, str as strs, tuple};
use stitch_core::ops;

// The helpers that only forward to a runtime function, generated from their
// declarations.
include!("../../../generated/src/helper_shims.rs");

/// Tells tier 2 that a global executors may depend on was stored.
///
/// # Safety
/// `ts` is the live thread state; `globals` a live dict.
pub(crate) unsafe fn global_stored(ts: *mut Thread, globals: *mut Dict, key: Value) {
    // SAFETY: forwarded.
    unsafe {
        if let Some(h) = hooks::tier2(ts) {
            (h.global_stored)(ts, globals, key);
        }
    }
}

/// The waiting SIGINT, raised as KeyboardInterrupt at a loop's back edge.
///
/// # Safety
/// `ts` is the live thread state and `frame` its running frame.
pub unsafe extern "C" fn raise_interrupt(ts: *mut Thread, frame: *mut Frame) -> bool {
    // SAFETY: the live thread state; the word is written by the signal handler too,
    // hence volatile.
    unsafe {
        std::ptr::write_volatile(&mut (*ts).interrupt, 0);
        calling_down(ts, frame);
    }
    if !stitch_core::output::take_interrupt() {
        return true;
    }
    raise(ts, PyErr::bare(stitch_core::errors::ExcKind::KeyboardInterrupt));
    false
}

/// Stores the error in the runtime and returns the error marker.
fn raise(ts: *mut Thread, e: PyErr) -> Value {
    // SAFETY: helpers receive the live thread state.
    unsafe { runtime(ts).exception = Some(e) };
    Value::ERROR
}

fn value_or_raise(ts: *mut Thread, r: PyResult<Value>) -> Value {
    r.unwrap_or_else(|e| raise(ts, e))
}

fn bool_or_raise(ts: *mut Thread, r: PyResult<()>) -> bool {
    match r {
        Ok(()) => true,
        Err(e) => {
            raise(ts, e);
            false
        }
    }
}

/// Borrowed view of `count` values at `p`.
unsafe fn slice<'a>(p: *mut Value, count: u32) -> &'a [Value] {
    // SAFETY: callers pass stack arrays of `count` values.
    unsafe { std::slice::from_raw_parts(p, count as usize) }
}

/// The `i`th name of the frame's code.
pub(crate) unsafe fn name_of<'a>(frame: *mut Frame, i: u32) -> &'a str {
    // SAFETY: names are strs owned by the code, which outlives the frame.
    let name = unsafe { as_str(code_of(frame).names[i as usize]) };
    // The names are the source's identifiers, which hold no surrogate.
    name.text().unwrap_or_default()
}

pub unsafe extern "C" fn raise_unbound_local(ts: *mut Thread, frame: *mut Frame, index: u32) {
    // SAFETY: the frame is live.
    let slot = unsafe { code_of(frame).varnames[index as usize].clone() };
    // Comprehension variables live in hidden slots named `x@comp`: users wrote `x`.
    let name = slot.split('@').next().unwrap_or(&slot).to_string();
    raise(
        ts,
        PyErr::new(ExcKind::UnboundLocalError, format!("cannot access local variable '{name}' where it is not associated with a value")),
    );
}

pub unsafe extern "C" fn load_global(ts: *mut Thread, frame: *mut Frame, name: u32) -> Value {
    // SAFETY: the frame's names are live.
    unsafe { global_or_builtin(ts, frame, code_of(frame).names[name as usize]) }
}

/// A class body's read of a name the body binds, before it is bound (CPython's
/// LOAD_NAME passing on to the globals): the global or builtin of that name.
pub unsafe extern "C" fn load_unbound_class_local(ts: *mut Thread, frame: *mut Frame, index: u32) -> Value {
    // SAFETY: the frame is live.
    let key = stitch_core::objects::Owned(stitch_core::objects::str::new_str(unsafe { &code_of(frame).varnames[index as usize] }));
    // SAFETY: forwarded.
    unsafe { global_or_builtin(ts, frame, key.get()) }
}

/// The global, else the builtin, named `key` (a str); NameError with CPython's hint if
/// neither exists.
///
/// # Safety
/// `frame` is live.
unsafe fn global_or_builtin(ts: *mut Thread, frame: *mut Frame, key: Value) -> Value {
    // SAFETY: the frame's globals and builtins are live.
    unsafe {
        let hash = as_str(key).hash();
        let found = dict::get((*frame).globals, key, hash).or_else(|| dict::get((*frame).builtins, key, hash));
        match found {
            Some(v) => {
                v.incref();
                v
            }
            None => {
                // CPython's suggestion: the frame's variables, then its globals, then the
                // builtins.
                let code = code_of(frame);
                let varnames: Vec<&str> = code.varnames.iter().map(String::as_str).collect();
                // A global named with a lone surrogate is no identifier's neighbour.
                let globals: Vec<&str> = dict::entries((*frame).globals)
                    .filter(|e| e.key.is_kind(stitch_abi::KIND_STR))
                    .filter_map(|e| text(e.key).ok())
                    .collect();
                let name = display(key);
                if stitch_builtins::cpython_names::is_builtin(&name) {
                    // A builtin CPython has and stitch lacks.
                    return raise(ts, PyErr::unsupported(format!("the builtin {name}")));
                }
                let hint = stitch_core::suggest::name_error_hint(&name, &varnames, &globals);
                raise(ts, PyErr::new(ExcKind::NameError, format!("name '{name}' is not defined")).with_hint(hint))
            }
        }
    }
}

pub unsafe extern "C" fn store_global(_ts: *mut Thread, frame: *mut Frame, name: u32, value: Value) {
    // SAFETY: as `load_global`.
    unsafe {
        let key = code_of(frame).names[name as usize];
        let hash = as_str(key).hash();
        key.incref();
        let globals = (*frame).globals;
        dict::set(globals, key, hash, value);
    }
}

pub unsafe extern "C" fn store_global_entry(ts: *mut Thread, frame: *mut Frame, index: u64, value: Value) {
    // SAFETY: the trace checked the keys version under which `index` is an entry.
    unsafe {
        let globals = (*frame).globals;
        let entry = (*globals).entries.add(index as usize);
        let old = std::mem::replace(&mut (*entry).value, value);
        if dict::may_be_watched(globals, (*entry).hash) {
            global_stored(ts, globals, (*entry).key);
        }
        old.decref();
    }
}

pub unsafe extern "C" fn binary_op(ts: *mut Thread, frame: *mut Frame, lhs: Value, rhs: Value, op: u32) -> Value {
    // SAFETY: the helper's frame is the running one; special methods run past it.
    unsafe { calling_down(ts, frame) };
    if let Some(v) = ops::arith::word_binary_op(lhs, rhs, op) {
        return v;
    }
    // SAFETY: the runtime is live.
    let r = unsafe { ops::arith::binary_op_general(runtime(ts), lhs, rhs, op) };
    value_or_raise(ts, r)
}

pub unsafe extern "C" fn truth(ts: *mut Thread, frame: *mut Frame, value: Value) -> i32 {
    // SAFETY: the helper's frame is the running one; `__bool__` runs past it.
    unsafe { calling_down(ts, frame) };
    match stitch_core::special::truth(value) {
        Ok(t) => t as i32,
        Err(e) => {
            raise(ts, e);
            -1
        }
    }
}

pub unsafe extern "C" fn str_concat(ts: *mut Thread, lhs: Value, rhs: Value) -> Value {
    value_or_raise(ts, ops::str_concat(lhs, rhs))
}

pub unsafe extern "C" fn unary_op(ts: *mut Thread, frame: *mut Frame, value: Value, op: u32) -> Value {
    // SAFETY: the helper's frame is the running one; special methods run past it.
    unsafe { calling_down(ts, frame) };
    value_or_raise(ts, ops::unary_op(value, op))
}

pub unsafe extern "C" fn compare_op(ts: *mut Thread, frame: *mut Frame, lhs: Value, rhs: Value, oparg: u32) -> Value {
    // SAFETY: the helper's frame is the running one; special methods run past it.
    unsafe { calling_down(ts, frame) };
    value_or_raise(ts, ops::compare(lhs, rhs, oparg >> 4))
}

pub unsafe extern "C" fn contains(ts: *mut Thread, frame: *mut Frame, container: Value, item: Value) -> i32 {
    // SAFETY: the helper's frame is the running one.
    unsafe { calling_down(ts, frame) };
    // SAFETY: forwarded.
    unsafe { contains_plain(ts, frame, container, item) }
}

pub unsafe extern "C" fn contains_plain(ts: *mut Thread, frame: *mut Frame, container: Value, item: Value) -> i32 {
    // SAFETY: the helper's frame is the running one; special methods run past it.
    unsafe { calling_down(ts, frame) };
    match ops::contains(container, item) {
        Ok(b) => b as i32,
        Err(e) => {
            raise(ts, e);
            -1
        }
    }
}

pub unsafe extern "C" fn binary_subscr(ts: *mut Thread, frame: *mut Frame, container: Value, sub: Value) -> Value {
    // SAFETY: the helper's frame is the running one; special methods run past it.
    unsafe { calling_down(ts, frame) };
    value_or_raise(ts, ops::getitem(container, sub))
}

pub unsafe extern "C" fn dict_getitem(ts: *mut Thread, frame: *mut Frame, dict: Value, key: Value) -> Value {
    // SAFETY: the helper's frame is the running one; special methods run past it.
    unsafe { calling_down(ts, frame) };
    value_or_raise(ts, ops::getitem(dict, key))
}

pub unsafe extern "C" fn str_getitem(s: Value, index: i64) -> Value {
    ops::str_getitem(s, index).unwrap_or(Value::NULL)
}

pub unsafe extern "C" fn bytes_getitem(b: Value, index: i64) -> Value {
    // SAFETY: the uop checked that `b` is a live bytes or bytearray; the byte is
    // copied out at once.
    let data = unsafe { stitch_core::objects::bytes::data(b) };
    let i = if index < 0 { index + data.len() as i64 } else { index };
    if (0..data.len() as i64).contains(&i) { Value::int(data[i as usize] as i64) } else { Value::NULL }
}

pub unsafe extern "C" fn store_subscr(ts: *mut Thread, frame: *mut Frame, container: Value, sub: Value, value: Value) -> bool {
    // SAFETY: the helper's frame is the running one; special methods run past it.
    unsafe { calling_down(ts, frame) };
    bool_or_raise(ts, ops::setitem(container, sub, value))
}

pub unsafe extern "C" fn dict_setitem(ts: *mut Thread, frame: *mut Frame, dict: Value, key: Value, value: Value) -> bool {
    // SAFETY: the helper's frame is the running one; special methods run past it.
    unsafe { calling_down(ts, frame) };
    bool_or_raise(ts, ops::setitem(dict, key, value))
}

pub unsafe extern "C" fn delete_subscr(ts: *mut Thread, frame: *mut Frame, container: Value, sub: Value) -> bool {
    // SAFETY: the helper's frame is the running one; special methods run past it.
    unsafe { calling_down(ts, frame) };
    bool_or_raise(ts, ops::delitem(container, sub))
}

pub unsafe extern "C" fn build_list(values: *mut Value, count: u32) -> Value {
    // SAFETY: `count` owned values on the stack, moved into the list.
    list::from_vec(unsafe { slice(values, count) }.to_vec())
}

pub unsafe extern "C" fn build_tuple(values: *mut Value, count: u32) -> Value {
    // SAFETY: as `build_list`.
    tuple::from_vec(unsafe { slice(values, count) }.to_vec())
}

pub unsafe extern "C" fn build_map(ts: *mut Thread, frame: *mut Frame, values: *mut Value, count: u32) -> Value {
    // SAFETY: the helper's frame is the running one; special methods run past it.
    unsafe { calling_down(ts, frame) };
    // SAFETY: `2 * count` owned values, key then value.
    let items = unsafe { slice(values, count * 2) };
    let d = dict::with_capacity(count as usize);
    let mut pairs = items.chunks_exact(2);
    for pair in pairs.by_ref() {
        let (k, v) = (pair[0], pair[1]);
        let stored = match ops::hash(k) {
            Ok(h) => {
                // SAFETY: `d` is the new dict; key and value are moved in.
                unsafe { dict::set(d.cast(), k, h, v) };
                ops::compare::key_error_pending()
            }
            Err(e) => {
                k.decref();
                v.decref();
                Err(e)
            }
        };
        match stored {
            Ok(()) => {}
            Err(e) => {
                for rest in pairs.flatten() {
                    rest.decref();
                }
                d.decref();
                return raise(ts, e);
            }
        }
    }
    d
}

pub unsafe extern "C" fn build_string(pieces: *mut Value, count: u32) -> Value {
    // SAFETY: `count` owned strs.
    let pieces = unsafe { slice(pieces, count) };
    // SAFETY: f-string pieces are strs.
    if pieces.iter().any(|&p| unsafe { as_str(p) }.has_surrogates()) {
        let mut b = Vec::new();
        for &p in pieces {
            // SAFETY: as above.
            b.extend_from_slice(unsafe { strs::bytes(p) });
            p.decref();
        }
        return strs::from_wtf8(b);
    }
    let mut s = String::new();
    for &p in pieces {
        // SAFETY: as above; no piece holds a surrogate.
        s.push_str(unsafe { text(p) }.unwrap_or_default());
        p.decref();
    }
    strs::from_string(s)
}

pub unsafe extern "C" fn build_slice(values: *mut Value, count: u32) -> Value {
    // SAFETY: 2 or 3 owned values.
    let v = unsafe { slice(values, count) };
    let step = if count == 3 { v[2] } else { Value::NONE };
    objects::slice::new_slice(v[0], v[1], step)
}

pub unsafe extern "C" fn list_append(l: Value, item: Value) {
    // SAFETY: LIST_APPEND's target is the comprehension's list.
    unsafe { list::push(l.cast(), item) }
}

pub unsafe extern "C" fn unpack(ts: *mut Thread, frame: *mut Frame, seq: Value, out: *mut Value, count: u32) -> bool {
    // SAFETY: the helper's frame is the running one.
    unsafe { calling_down(ts, frame) };
    // SAFETY: `out` has room for `count` values.
    unsafe { push_unpacked(ts, ops::unpack(seq, count as usize), out) }
}

pub unsafe extern "C" fn unpack_ex(ts: *mut Thread, frame: *mut Frame, seq: Value, out: *mut Value, before: u32, count: u32) -> bool {
    // SAFETY: the helper's frame is the running one.
    unsafe { calling_down(ts, frame) };
    let before = before.min(count.saturating_sub(1));
    let items = ops::unpack_ex(seq, before as usize, (count - 1 - before) as usize);
    // SAFETY: `out` has room for every target.
    unsafe { push_unpacked(ts, items, out) }
}

/// Writes unpacked items to `out`, the first ending on top of the stack.
///
/// # Safety
/// `out` has room for every item.
unsafe fn push_unpacked(ts: *mut Thread, items: PyResult<Vec<Value>>, out: *mut Value) -> bool {
    match items {
        Ok(items) => {
            for (i, v) in items.into_iter().rev().enumerate() {
                // SAFETY: as the caller promises.
                unsafe { out.add(i).write(v) };
            }
            true
        }
        Err(e) => {
            raise(ts, e);
            false
        }
    }
}

pub unsafe extern "C" fn get_iter(ts: *mut Thread, frame: *mut Frame, iterable: Value) -> Value {
    // SAFETY: the helper's frame is the running one; special methods run past it.
    unsafe { calling_down(ts, frame) };
    value_or_raise(ts, ops::get_iter(iterable))
}

pub unsafe extern "C" fn iter_next(ts: *mut Thread, frame: *mut Frame, iter: Value) -> Value {
    // SAFETY: the helper's frame is the running one.
    unsafe { calling_down(ts, frame) };
    match ops::iter_next(iter) {
        Ok(Some(v)) => v,
        Ok(None) => Value::NULL,
        Err(e) => raise(ts, e),
    }
}

/// The next item of an iterator known to have one (`iter_has_next`): an item, or an
/// error raised.
pub unsafe extern "C" fn iter_has_next(ts: *mut Thread, frame: *mut Frame, iter: Value) -> bool {
    // SAFETY: the helper's frame is the running one.
    unsafe { calling_down(ts, frame) };
    ops::iter::has_next(iter)
}

pub unsafe extern "C" fn iter_next_present(ts: *mut Thread, frame: *mut Frame, iter: Value) -> Value {
    // SAFETY: the helper's frame is the running one.
    unsafe { calling_down(ts, frame) };
    match ops::iter_next(iter) {
        Ok(Some(v)) => v,
        Ok(None) => raise(ts, PyErr::new(ExcKind::RuntimeError, "stitch: an iterator said it had an item, then had none")),
        Err(e) => raise(ts, e),
    }
}

/// Splits a call's arguments into owned positional and keyword arguments.
unsafe fn split_arguments(self_or_null: Value, args: *mut Value, nargs: u32, kwnames: Value) -> (Vec<Owned>, Vec<(String, Owned)>) {
    // SAFETY: `args` holds `nargs` owned values; `kwnames` is a tuple of strs or NULL.
    unsafe {
        let all = slice(args, nargs);
        let names: &[Value] = if kwnames.is_null() { &[] } else { tuple::items(kwnames.cast()) };
        let npos = all.len() - names.len();
        let mut positional = Vec::with_capacity(npos + 1);
        if !self_or_null.is_null() {
            positional.push(Owned(self_or_null));
        }
        positional.extend(all[..npos].iter().map(|&v| Owned(v)));
        let keywords = names.iter().zip(&all[npos..]).map(|(&n, &v)| (display(n).into_owned(), Owned(v))).collect();
        kwnames.decref();
        (positional, keywords)
    }
}

pub unsafe extern "C" fn push_py_frame(
    ts: *mut Thread,
    frame: *mut Frame,
    callable: Value,
    self_or_null: Value,
    args: *mut Value,
    nargs: u32,
    kwnames: Value,
) -> *mut Frame {
    // SAFETY: forwarded; every input is consumed.
    unsafe {
        if kwnames.is_null()
            && let Some(r) = call::push_positional_frame(ts, frame, callable, self_or_null, args, nargs)
        {
            return r.unwrap_or_else(|e| {
                raise(ts, e);
                std::ptr::null_mut()
            });
        }
        let (positional, keywords) = split_arguments(self_or_null, args, nargs, kwnames);
        match call::push_function_frame(ts, frame, callable, positional, keywords) {
            Ok(f) => f,
            Err(e) => {
                raise(ts, e);
                std::ptr::null_mut()
            }
        }
    }
}

pub unsafe extern "C" fn push_frame_exact(ts: *mut Thread, frame: *mut Frame, callable: Value, args: *mut Value, nargs: u32) -> *mut Frame {
    // SAFETY: CALL_PY_EXACT_ARGS checked that the callable takes `nargs` parameters.
    match unsafe { call::push_exact_frame(ts, frame, callable, args, nargs) } {
        Ok(f) => f,
        Err(e) => {
            raise(ts, e);
            std::ptr::null_mut()
        }
    }
}

pub unsafe extern "C" fn call_object(
    ts: *mut Thread,
    frame: *mut Frame,
    callable: Value,
    self_or_null: Value,
    args: *mut Value,
    nargs: u32,
    kwnames: Value,
) -> Value {
    // SAFETY: every input is consumed here.
    unsafe {
        calling_down(ts, frame);
        let callable = Owned(callable);
        if kwnames.is_null() {
            // The arguments are already in a row on the stack, `self` (if any) just
            // below them: borrow them where they are.
            let (first, count) = if self_or_null.is_null() { (args, nargs) } else { (args.sub(1), nargs + 1) };
            let positional = slice(first, count);
            let r = ops::call(runtime(ts), callable.get(), &Args { positional, keywords: &[] });
            for v in positional {
                v.decref();
            }
            return value_or_raise(ts, r);
        }
        let (positional, keywords) = split_arguments(self_or_null, args, nargs, kwnames);
        let pos: Vec<Value> = positional.iter().map(Owned::get).collect();
        let kw: Vec<(&str, Value)> = keywords.iter().map(|(k, v)| (k.as_str(), v.get())).collect();
        let r = ops::call(runtime(ts), callable.get(), &Args { positional: &pos, keywords: &kw });
        value_or_raise(ts, r)
    }
}

pub unsafe extern "C" fn call_builtin(ts: *mut Thread, frame: *mut Frame, callable: Value, self_or_null: Value, args: *mut Value, nargs: u32) -> Value {
    // SAFETY: as `call_object`.
    unsafe { call_object(ts, frame, callable, self_or_null, args, nargs, Value::NULL) }
}

pub unsafe extern "C" fn args_run_python(callable: Value, self_or_null: Value, args: *mut Value, nargs: u32) -> bool {
    if stitch_builtins::functions::source::runs_source(callable) {
        return true;
    }
    // SAFETY: `nargs` values on the stack.
    let args = unsafe { slice(args, nargs) };
    let may_run = if touches_no_items(callable) { stitch_core::classes::may_run_python_itself } else { stitch_core::classes::may_run_python };
    // Small ints, floats and None run nothing: no call for them.
    let python = |v: Value| v.is_object() && (ops::iter::runs_python(v) || may_run(v));
    python(self_or_null) || args.iter().any(|&a| python(a))
}

/// Builtins that never compare, hash, print or otherwise ask the items of a container
/// they are given: a list of instances whose class has `__eq__` or `__repr__` runs
/// no Python code through them, so `out.append(x)` and `len(out)` stay CALL_BUILTIN
/// (and in traces) in a program that defines such a class.
fn touches_no_items(callable: Value) -> bool {
    if !callable.is_kind(KIND_BUILTIN) {
        return false;
    }
    // SAFETY: the kind was checked.
    let b = unsafe { &*callable.cast::<stitch_core::objects::builtin::Builtin>() };
    match b.owner {
        Some("list") => matches!(b.name, "append" | "pop" | "insert" | "clear" | "copy" | "reverse" | "extend"),
        None => matches!(b.name, "len" | "isinstance" | "id"),
        _ => false,
    }
}

pub unsafe extern "C" fn print_expr(ts: *mut Thread, frame: *mut Frame, value: Value) -> bool {
    if value == Value::NONE {
        return true;
    }
    // SAFETY: the live thread state and its running frame, whose builtins dict lives
    // as long as it; a `__repr__` runs past the frame.
    unsafe {
        calling_down(ts, frame);
        let shown = ops::repr(value).and_then(|text| runtime(ts).write_out(&(text + "\n")));
        if let Err(e) = shown {
            raise(ts, e);
            return false;
        }
        // CPython's display hook binds `_` in the builtins (after printing).
        let key = strs::new_str("_");
        value.incref();
        dict::set((*frame).builtins, key, as_str(key).hash(), value);
    }
    true
}

/// CPython's `_PyObject_FunctionStr`: how errors about a call's arguments name the
/// callable (`__main__.f()`, `len()`).
fn function_str(callable: Value) -> String {
    // SAFETY: each arm reads the layout of the kind it matched.
    unsafe {
        match objects::kind(callable) {
            KIND_FUNCTION => {
                let f = callable.cast::<Function>();
                let module = stitch_builtins::attr::load_attr(callable, "__module__").ok().map(Owned);
                let qualname = display((*f).qualname);
                match module {
                    Some(m) if m.get().is_kind(KIND_STR) && strs::bytes(m.get()) != b"builtins" => format!("{}.{qualname}()", display(m.get())),
                    _ => format!("{qualname}()"),
                }
            }
            KIND_BUILTIN => {
                let b = &*callable.cast::<objects::builtin::Builtin>();
                match b.owner {
                    Some(owner) => format!("{owner}.{}()", b.name),
                    None => format!("{}()", b.name),
                }
            }
            KIND_BOUND_METHOD => function_str((*callable.cast::<objects::builtin::BoundMethod>()).func),
            KIND_TYPE => format!("{}()", (*callable.cast::<objects::builtin::TypeObject>()).name),
            _ => format!("{} object", ops::type_name(callable)),
        }
    }
}

/// The arguments of `callable(*callargs, **kwargs)` as owned positional and keyword
/// arguments; consumes `callargs` and `kwargs`.
///
/// # Safety
/// `kwargs`, when given, is a dict (the compiler builds it).
unsafe fn ex_arguments(callable: Value, callargs: Value, kwargs: Option<Value>) -> PyResult<(Vec<Owned>, Vec<(String, Owned)>)> {
    let callargs = Owned(callargs);
    let kwargs = kwargs.map(Owned);
    let positional = match objects::kind(callargs.get()) {
        // SAFETY: the kinds were checked.
        KIND_TUPLE => unsafe { tuple::items(callargs.get().cast()) }.iter().map(|&v| Owned::new_ref(v)).collect(),
        KIND_LIST => unsafe { list::items(callargs.get().cast()) }.iter().map(|&v| Owned::new_ref(v)).collect(),
        _ if ops::iter::is_iterable(callargs.get()) => ops::consume::collect(callargs.get())?.into_iter().map(Owned).collect(),
        _ => {
            return Err(PyErr::type_error(format!(
                "{} argument after * must be an iterable, not {}",
                function_str(callable),
                ops::type_name(callargs.get())
            )));
        }
    };
    let mut keywords = Vec::new();
    if let Some(d) = &kwargs {
        // SAFETY: the compiler gives a dict.
        for e in unsafe { dict::entries(d.get().cast()) } {
            if !e.key.is_kind(KIND_STR) {
                return Err(PyErr::type_error("keywords must be strings"));
            }
            // SAFETY: the kind was checked.
            keywords.push((unsafe { text(e.key) }?.to_string(), Owned::new_ref(e.value)));
        }
    }
    Ok((positional, keywords))
}

pub unsafe extern "C" fn push_py_frame_ex(ts: *mut Thread, frame: *mut Frame, callable: Value, callargs: Value, kwargs: *mut Value, has_kwargs: u32) -> *mut Frame {
    // SAFETY: every input is consumed; making the arguments may run Python code past
    // the running frame.
    unsafe {
        calling_down(ts, frame);
        let kwargs = (has_kwargs == 1).then(|| *kwargs);
        let pushed = match ex_arguments(callable, callargs, kwargs) {
            Ok((positional, keywords)) => call::push_function_frame(ts, frame, callable, positional, keywords),
            Err(e) => {
                callable.decref();
                Err(e)
            }
        };
        pushed.unwrap_or_else(|e| {
            raise(ts, e);
            std::ptr::null_mut()
        })
    }
}

pub unsafe extern "C" fn call_object_ex(ts: *mut Thread, frame: *mut Frame, callable: Value, callargs: Value, kwargs: *mut Value, has_kwargs: u32) -> Value {
    // SAFETY: every input is consumed.
    unsafe {
        calling_down(ts, frame);
        let callable = Owned(callable);
        let kwargs = (has_kwargs == 1).then(|| *kwargs);
        let r = ex_arguments(callable.get(), callargs, kwargs).and_then(|(positional, keywords)| {
            let pos: Vec<Value> = positional.iter().map(Owned::get).collect();
            let kw: Vec<(&str, Value)> = keywords.iter().map(|(k, v)| (k.as_str(), v.get())).collect();
            ops::call(runtime(ts), callable.get(), &Args { positional: &pos, keywords: &kw })
        });
        value_or_raise(ts, r)
    }
}

pub unsafe extern "C" fn list_extend(ts: *mut Thread, frame: *mut Frame, l: Value, iterable: Value) -> bool {
    // SAFETY: the helper's frame is the running one; `l` is the list being built.
    unsafe {
        calling_down(ts, frame);
        if !ops::iter::is_iterable(iterable) {
            raise(ts, PyErr::type_error(format!("Value after * must be an iterable, not {}", ops::type_name(iterable))));
            return false;
        }
        match ops::consume::collect(iterable) {
            Ok(items) => {
                list::with_vec(l.cast(), |v| v.extend(items));
                true
            }
            Err(e) => {
                raise(ts, e);
                false
            }
        }
    }
}

pub unsafe extern "C" fn dict_merge(ts: *mut Thread, callable: Value, d: Value, update: Value) -> bool {
    if !update.is_kind(KIND_DICT) {
        let e = PyErr::type_error(format!("{} argument after ** must be a mapping, not {}", function_str(callable), ops::type_name(update)));
        raise(ts, e);
        return false;
    }
    // SAFETY: both are dicts; the entries are copied before `d` changes.
    unsafe {
        let entries: Vec<(Value, u64, Value)> = dict::entries(update.cast()).map(|e| (e.key, e.hash, e.value)).collect();
        for (k, h, v) in entries {
            if dict::find(d.cast(), k, h).is_some() {
                let name = if k.is_kind(KIND_STR) { display(k).into_owned() } else { ops::repr(k).unwrap_or_default() };
                raise(ts, PyErr::type_error(format!("{} got multiple values for keyword argument '{name}'", function_str(callable))));
                return false;
            }
            k.incref();
            v.incref();
            dict::set(d.cast(), k, h, v);
        }
        true
    }
}

pub unsafe extern "C" fn dict_update(ts: *mut Thread, d: Value, update: Value) -> bool {
    if !update.is_kind(KIND_DICT) {
        // A user mapping (`keys` and `__getitem__`) would be read through its methods.
        let e = if update.is_kind(stitch_abi::KIND_INSTANCE) {
            PyErr::unsupported("dict unpacking (**) of an instance")
        } else {
            PyErr::type_error(format!("'{}' object is not a mapping", ops::type_name(update)))
        };
        raise(ts, e);
        return false;
    }
    // SAFETY: both are dicts; the entries are copied before `d` changes (`{**d, **d}`).
    unsafe {
        let entries: Vec<(Value, u64, Value)> = dict::entries(update.cast()).map(|e| (e.key, e.hash, e.value)).collect();
        for (k, h, v) in entries {
            k.incref();
            v.incref();
            dict::set(d.cast(), k, h, v);
        }
    }
    true
}

pub unsafe extern "C" fn list_to_tuple(l: Value) -> Value {
    // SAFETY: LIST_TO_TUPLE's operand is the list its display built.
    let items = unsafe { list::items(l.cast()) }.to_vec();
    for v in &items {
        v.incref();
    }
    tuple::from_vec(items)
}

pub unsafe extern "C" fn pop_frame(ts: *mut Thread, frame: *mut Frame, mut retval: Value) -> *mut Frame {
    // SAFETY: the frame is returning: its stack is empty, its locals are released here;
    // the caller is live and has room for the value it called for.
    unsafe {
        if (*frame).spare & crate::frames::INIT_FRAME != 0 {
            // An `__init__` that returned None (RETURN_VALUE checked): the caller gets
            // the instance the frame kept.
            (*frame).spare &= !crate::frames::INIT_FRAME;
            retval.decref();
            retval = *(*frame).limit.sub(1);
        }
        if (*frame).spare & crate::frames::BINARY_FRAME != 0 {
            // An operator's method that returned a value (RETURN_VALUE checked): the
            // operands the frame kept go.
            (*frame).spare = 0;
            (*(*frame).limit.sub(1)).decref();
            (*(*frame).limit.sub(2)).decref();
        }
        let caller = (*frame).previous;
        (*frame).sp = local(frame, code_of(frame).nlocals);
        clear_frame(frame);
        (*ts).depth -= 1;
        *(*caller).sp = retval;
        (*caller).sp = (*caller).sp.add(1);
        caller
    }
}

/// RETURN_VALUE of an `__init__` frame that CALL_ALLOC_AND_ENTER_INIT pushed (the
/// caller checked the flag): true, with CPython's TypeError raised and `retval`
/// released, when `__init__` returned something other than None. The error belongs to
/// the caller's call, as in CPython, where `__init__` has returned by then: the
/// unwinder leaves this frame out of the traceback and its handlers.
pub unsafe extern "C" fn init_returned_other(ts: *mut Thread, retval: Value) -> bool {
    if retval == Value::NONE {
        return false;
    }
    let e = PyErr::type_error(format!("__init__() should return None, not '{}'", ops::type_name(retval)));
    retval.decref();
    crate::unwind::skip_innermost_frame();
    raise(ts, e);
    true
}

/// RETURN_VALUE of a frame whose `spare` is set (the caller checked): an `__init__`
/// frame's check (`init_returned_other`), or, for the method of a binary operator that
/// BINARY_OP_INSTANCE pushed, CPython's TypeError when it returned NotImplemented (true,
/// `retval` released; as for `__init__`, the error belongs to the caller's
/// instruction).
pub unsafe extern "C" fn frame_return(ts: *mut Thread, frame: *mut Frame, retval: Value) -> bool {
    // SAFETY: the frame is live; a BINARY_FRAME keeps the operands before its limit.
    unsafe {
        let spare = (*frame).spare;
        if spare & crate::frames::INIT_FRAME != 0 {
            return init_returned_other(ts, retval);
        }
        if spare & crate::frames::BINARY_FRAME == 0 || retval != stitch_core::special::not_implemented() {
            return false;
        }
        let (a, b) = (*(*frame).limit.sub(2), *(*frame).limit.sub(1));
        let e = stitch_core::special::binary_declined(a, b, spare >> crate::frames::BINARY_OP_SHIFT);
        retval.decref();
        crate::unwind::skip_innermost_frame();
        raise(ts, e);
        true
    }
}

/// Pushes the frame of the method BINARY_OP_INSTANCE cached (`method`, borrowed from
/// the class its type version guard pinned), the two operands at `args` moved in as
/// its arguments. Null on error.
pub unsafe extern "C" fn push_binary_frame(ts: *mut Thread, frame: *mut Frame, method: Value, args: *mut Value, op: u32) -> *mut Frame {
    method.incref();
    // SAFETY: the guard pinned `method`, a function of exactly two parameters.
    match unsafe { call::push_binary_frame(ts, frame, method, args, op) } {
        Ok(f) => f,
        Err(e) => {
            raise(ts, e);
            std::ptr::null_mut()
        }
    }
}

/// A new instance of `cls` (a class CALL_ALLOC_AND_ENTER_INIT specialized for), for
/// its `__init__` frame.
pub unsafe extern "C" fn alloc_instance(cls: Value) -> Value {
    stitch_core::objects::class::new_instance(cls)
}

/// Pushes the `__init__` frame of the class `cls` (consumed) for `Class(args)`: `args`
/// are the new instance and the `nargs - 1` arguments, moved into the frame.
pub unsafe extern "C" fn push_init_frame(ts: *mut Thread, frame: *mut Frame, cls: Value, args: *mut Value, nargs: u32) -> *mut Frame {
    let init = stitch_core::classes::init_of(cls);
    init.incref();
    cls.decref();
    // SAFETY: the type version guard pinned `init`, which takes exactly `nargs`.
    match unsafe { call::push_init_frame(ts, frame, init, args, nargs) } {
        Ok(f) => f,
        Err(e) => {
            raise(ts, e);
            std::ptr::null_mut()
        }
    }
}

pub unsafe extern "C" fn make_function(_ts: *mut Thread, frame: *mut Frame, code: Value) -> Value {
    // SAFETY: `code` is an owned code object; the frame's globals are live.
    objects::function::new_function(code, unsafe { (*frame).globals })
}

pub unsafe extern "C" fn set_function_attribute(func: Value, attr: Value, which: u32) {
    let f = func.cast::<Function>();
    // SAFETY: MAKE_FUNCTION made `func`; the compiler gives a tuple of defaults, a dict
    // of keyword-only defaults, a tuple of annotation pairs or a tuple of cells.
    unsafe {
        match which {
            1 => objects::function::set_defaults(f, attr),
            2 => objects::function::set_kwdefaults(f, attr),
            4 => objects::function::set_annotations(f, attr),
            _ => objects::function::set_closure(f, attr),
        }
    }
}

pub unsafe extern "C" fn make_cell(frame: *mut Frame, index: u32) {
    // SAFETY: the compiler gives a local of the frame.
    unsafe {
        let slot = local(frame, index);
        *slot = objects::function::new_cell(*slot);
    }
}

pub unsafe extern "C" fn copy_free_vars(frame: *mut Frame, count: u32) {
    // SAFETY: the frame runs a function whose closure has `count` cells, for its last
    // `count` locals (unbound until now).
    unsafe {
        let f = (*frame).function.cast::<Function>();
        let cells = tuple::items((*f).closure);
        let first = code_of(frame).firstfree;
        for (i, &cell) in cells.iter().enumerate().take(count as usize) {
            cell.incref();
            *local(frame, first + i as u32) = cell;
        }
    }
}

pub unsafe extern "C" fn raise_unbound_deref(ts: *mut Thread, frame: *mut Frame, index: u32) {
    // SAFETY: the frame is live.
    let code = unsafe { code_of(frame) };
    let slot = &code.varnames[index as usize];
    let name = slot.split('@').next().unwrap_or(slot);
    let err = if (code.firstfree..code.firstfree + code.nfreevars).contains(&index) {
        PyErr::new(ExcKind::NameError, format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"))
    } else {
        PyErr::new(ExcKind::UnboundLocalError, format!("cannot access local variable '{name}' where it is not associated with a value"))
    };
    raise(ts, err);
}

pub unsafe extern "C" fn store_attr(ts: *mut Thread, frame: *mut Frame, owner: Value, name: u32, value: Value) -> bool {
    // SAFETY: the frame is live.
    unsafe { calling_down(ts, frame) };
    // SAFETY: the frame is live.
    bool_or_raise(ts, stitch_builtins::attr::store_attr(owner, unsafe { name_of(frame, name) }, value))
}

pub unsafe extern "C" fn delete_attr(ts: *mut Thread, frame: *mut Frame, owner: Value, name: u32) -> bool {
    // SAFETY: the frame is live.
    unsafe { calling_down(ts, frame) };
    // SAFETY: the frame is live.
    bool_or_raise(ts, stitch_builtins::attr::delete_attr(owner, unsafe { name_of(frame, name) }))
}

pub unsafe extern "C" fn format_value(ts: *mut Thread, frame: *mut Frame, value: Value, spec: Value) -> Value {
    // SAFETY: the helper's frame is the running one; special methods run past it.
    unsafe { calling_down(ts, frame) };
    // SAFETY: `spec` is a str or NULL.
    let spec = if spec.is_null() {
        ""
    } else {
        // SAFETY: as above.
        match unsafe { text(spec) } {
            Ok(spec) => spec,
            Err(e) => return value_or_raise(ts, Err(e)),
        }
    };
    // SAFETY: the kind is checked first; a live str's header is readable.
    if spec.is_empty() && value.is_kind(KIND_STR) && !unsafe { stitch_core::objects::subclass::flagged(value.object()) } {
        // `format(s, '')` is `s` itself (also when it holds a lone surrogate).
        value.incref();
        return value;
    }
    value_or_raise(ts, ops::format(value, spec).map(strs::from_string))
}

pub unsafe extern "C" fn convert_value(ts: *mut Thread, frame: *mut Frame, value: Value, kind: u32) -> Value {
    // SAFETY: the helper's frame is the running one; special methods run past it.
    unsafe { calling_down(ts, frame) };
    let r = match kind {
        2 => ops::repr(value),
        3 => ops::ascii(value),
        _ => ops::str(value),
    };
    value_or_raise(ts, r.map(strs::from_string))
}

thread_local! {
    /// The self `load_method` found, until LOAD_METHOD takes it (`take_receiver`).
    static RECEIVER: std::cell::Cell<Value> = const { std::cell::Cell::new(Value::NULL) };
}

pub unsafe extern "C" fn load_method(ts: *mut Thread, frame: *mut Frame, owner: Value, name: u32) -> Value {
    // SAFETY: the frame is live.
    unsafe {
        calling_down(ts, frame);
        match stitch_builtins::attr::load_method_with_self(owner, name_of(frame, name)) {
            Ok((method, receiver)) => {
                RECEIVER.set(receiver);
                method
            }
            Err(e) => value_or_raise(ts, Err(e)),
        }
    }
}

pub unsafe extern "C" fn take_receiver() -> Value {
    RECEIVER.replace(Value::NULL)
}

pub unsafe extern "C" fn load_locals(ts: *mut Thread, frame: *mut Frame) -> Value {
    // SAFETY: the frame is live.
    value_or_raise(ts, unsafe { crate::classes::load_locals(frame) })
}

pub unsafe extern "C" fn build_class(ts: *mut Thread, frame: *mut Frame, name: Value, bases: Value, kwargs: Value, namespace: Value) -> Value {
    // SAFETY: the compiler pushes a str name; the frame (running the class statement)
    // is live, and so are its globals.
    let r = unsafe {
        calling_down(ts, frame);
        // CPython's class bodies start with `__module__ = __name__`: the module the
        // class statement runs in, not always `__main__`.
        let globals = Value::from_object((*frame).globals);
        if let Some(module) = stitch_core::classes::dict_get(globals, "__name__") {
            stitch_core::classes::default_module(namespace, module);
        }
        // SAFETY: the compiler passes a tuple of bases.
        let given = if bases.is_kind(stitch_abi::KIND_TUPLE) { stitch_core::objects::tuple::items(bases.cast()) } else { &[] };
        match abc_bases(runtime(ts), given) {
            Err(e) => Err(e),
            Ok(replaced) => {
                let (bases, given) = match &replaced {
                    // SAFETY: `abc_bases` makes a tuple.
                    Some(t) => (t.get(), stitch_core::objects::tuple::items(t.get().cast())),
                    None => (bases, given),
                };
                let (meta, kwargs) = split_metaclass(kwargs);
                let r = build_class_with(runtime(ts), &strs::display(name), bases, given, meta, kwargs.get(), namespace);
                if let Some(m) = meta {
                    m.decref();
                }
                r
            }
        }
    };
    value_or_raise(ts, r)
}

/// The `metaclass=` of a class statement's keywords (a new reference) and the other
/// keywords (a dict, or None).
///
/// # Safety
/// `kwargs` is a live dict of str keys, or None.
/// The bases of a class statement with collections.abc's ABCs (native placeholders,
/// also reached as typing's aliases or subscripted, `Mapping[str, int]`) replaced by
/// the classes written in Python that carry their abstract and mixin methods
/// (`_stitch_collections_abc`); None when no base is one.
fn abc_bases(rt: &mut stitch_core::vm::Runtime, given: &[Value]) -> PyResult<Option<Owned>> {
    let abc_name = |b: Value| -> Option<&'static str> {
        let b = stitch_core::generic_alias::origin_of(b).unwrap_or(b);
        if !b.is_kind(stitch_abi::KIND_BUILTIN) {
            return None;
        }
        // SAFETY: the kind was checked.
        let (owner, name) = unsafe { ((*b.cast::<objects::builtin::Builtin>()).owner, (*b.cast::<objects::builtin::Builtin>()).name) };
        match owner {
            Some("collections.abc") => Some(name),
            // typing.Set is the builtin set's alias, not the ABC.
            Some("typing") if name != "Set" && ABC_NAMES.contains(&name) => Some(name),
            _ => None,
        }
    };
    if !given.iter().any(|&b| abc_name(b).is_some()) {
        return Ok(None);
    }
    let module = Owned(stitch_builtins::modules::import(rt, "_stitch_collections_abc", true)?);
    let mut items = Vec::with_capacity(given.len());
    for &b in given {
        let item = match abc_name(b) {
            // SAFETY: the import made a module.
            Some(name) => match unsafe { objects::module::get(module.get(), name) } {
                Some(cls) => cls,
                None => return Err(PyErr::unsupported(format!("a subclass of collections.abc.{name}"))),
            },
            None => b,
        };
        item.incref();
        items.push(item);
    }
    Ok(Some(Owned(stitch_core::objects::tuple::from_vec(items))))
}

/// collections.abc's ABCs, which typing re-exports under the same names.
const ABC_NAMES: &[&str] = &[
    "Hashable", "Awaitable", "Coroutine", "AsyncIterable", "AsyncIterator", "AsyncGenerator", "Iterable", "Iterator",
    "Reversible", "Generator", "Sized", "Container", "Collection", "Callable", "MutableSet", "Mapping", "MappingView",
    "KeysView", "ItemsView", "ValuesView", "MutableMapping", "Sequence", "ByteString", "MutableSequence",
];

unsafe fn split_metaclass(kwargs: Value) -> (Option<Value>, Owned) {
    if kwargs.is_kind(KIND_DICT) {
        let key = strs::new_str("metaclass");
        // SAFETY: as the caller promises; the copy is a new dict.
        let found = unsafe { dict::get(kwargs.cast(), key, as_str(key).hash()) };
        if found.is_some() {
            let rest = dict::new_dict();
            // SAFETY: as above.
            for e in unsafe { dict::entries(kwargs.cast()) } {
                if !(e.key.is_kind(KIND_STR) && unsafe { strs::bytes(e.key) } == b"metaclass") {
                    e.key.incref();
                    e.value.incref();
                    // SAFETY: the keys are strs, already hashed once.
                    unsafe { dict::set(rest.cast(), e.key, as_str(e.key).hash(), e.value) };
                }
            }
            key.decref();
            let meta = found.inspect(|m| m.incref());
            // SAFETY: `rest` is a dict.
            let empty = unsafe { (*rest.cast::<Dict>()).len } == 0;
            if empty {
                rest.decref();
                return (meta, Owned(Value::NONE));
            }
            return (meta, Owned(rest));
        }
        key.decref();
    }
    (None, Owned::new_ref(kwargs))
}

/// The class of a class statement: through a program's metaclass (`metaclass=` or a
/// base's), else made here with its base's `__init_subclass__` run, then `type` or
/// `ABCMeta` applied.
fn build_class_with(rt: &mut stitch_core::vm::Runtime, qualname: &str, bases: Value, given: &[Value], meta: Option<Value>, kwargs: Value, namespace: Value) -> PyResult<Value> {
    let program_meta = meta.filter(|&m| stitch_core::metaclass::is_metaclass(m));
    if let Some(winner) = stitch_core::metaclass::winner(program_meta, given)? {
        if meta.is_some() && program_meta.is_none() && !is_type_object(meta) {
            return Err(PyErr::unsupported("abc.ABCMeta with a base whose metaclass is a program's"));
        }
        if stitch_core::typed_dict::is_base(given) {
            return Err(PyErr::unsupported("a TypedDict class with a metaclass"));
        }
        return stitch_core::metaclass::make_class(rt, winner, qualname, bases, namespace, kwargs);
    }
    if stitch_core::typed_dict::is_base(given) && meta.is_none() {
        return stitch_core::typed_dict::from_class_body(qualname, given, namespace, kwargs);
    }
    let cls = stitch_core::classes::build_class(qualname, bases, namespace)?;
    let applied = stitch_core::classes::init_subclass(cls, kwargs)
        .and_then(|()| meta.map_or(Ok(()), |m| stitch_builtins::modules::abc::apply_metaclass(m, cls)));
    if let Err(e) = applied {
        cls.decref();
        return Err(e);
    }
    Ok(cls)
}

/// Whether `meta` is the builtin `type`.
fn is_type_object(meta: Option<Value>) -> bool {
    // SAFETY: the kind is checked first.
    meta.is_some_and(|m| m.is_kind(KIND_TYPE) && unsafe { (*m.cast::<stitch_core::objects::builtin::TypeObject>()).name } == "type")
}

pub unsafe extern "C" fn load_attr(ts: *mut Thread, frame: *mut Frame, owner: Value, name: u32) -> Value {
    // SAFETY: the frame is live.
    unsafe { calling_down(ts, frame) };
    // SAFETY: the frame is live.
    value_or_raise(ts, stitch_builtins::attr::load_attr(owner, unsafe { name_of(frame, name) }))
}

pub unsafe extern "C" fn raise_assertion(ts: *mut Thread, message: *mut Value, count: u32) {
    let err = if count == 0 {
        PyErr::bare(ExcKind::AssertionError)
    } else {
        // SAFETY: one owned message value.
        let m = unsafe { *message };
        let text = ops::str(m);
        m.decref();
        match text {
            Ok(t) => PyErr::new(ExcKind::AssertionError, t),
            Err(e) => e,
        }
    };
    raise(ts, err);
}

pub unsafe extern "C" fn optimize(ts: *mut Thread, frame: *mut Frame, instr: *mut u16, oparg: u32) -> *mut Executor {
    // SAFETY: forwarded.
    unsafe {
        match hooks::tier2(ts) {
            Some(h) => (h.optimize)(ts, frame, instr, oparg),
            None => {
                // Only tier 1 runs: the loop's counter waits longer before it asks again.
                *instr.add(2) = specialize::backoff(*instr.add(2));
                std::ptr::null_mut()
            }
        }
    }
}

pub unsafe extern "C" fn code_executor(frame: *mut Frame, index: u32) -> *mut Executor {
    // SAFETY: ENTER_EXECUTOR's oparg indexes its code's executors.
    unsafe { code_of(frame).executors.borrow()[index as usize] }
}

pub unsafe extern "C" fn stitch_exit(ts: *mut Thread, frame: *mut Frame, executor: *mut Executor, index: u32) -> *mut Executor {
    // SAFETY: forwarded; cold exits only run in tier 2.
    unsafe { hooks::tier2(ts).map_or(std::ptr::null_mut(), |h| (h.stitch_exit)(ts, frame, executor, index)) }
}


pub unsafe extern "C" fn import_name(ts: *mut Thread, frame: *mut Frame, name: u32, fromlist: Value, level: Value) -> Value {
    // SAFETY: the frame and the runtime are live; an import may run a module's code,
    // laid out past this frame.
    unsafe {
        calling_down(ts, frame);
        let name = name_of(frame, name);
        let r = import_with(ts, frame, name, fromlist, level);
        value_or_raise(ts, r)
    }
}

/// IMPORT_NAME's work: a relative name made absolute from the importer's
/// `__package__`, the module imported, and a package's submodules in the fromlist.
unsafe fn import_with(ts: *mut Thread, frame: *mut Frame, name: &str, fromlist: Value, level: Value) -> PyResult<Value> {
    // SAFETY: the frame, its globals and the runtime are live; the compiler pushes a
    // small int level and None or a tuple of strs as the fromlist.
    unsafe {
        let level = if level.is_int() { level.as_int().max(0) as usize } else { 0 };
        let full = if level > 0 {
            let key = strs::new_str("__package__");
            let package = dict::get((*frame).globals, key, as_str(key).hash()).filter(|p| p.is_kind(KIND_STR));
            key.decref();
            stitch_builtins::modules::resolve_relative(package.map(|p| display(p)).as_deref(), name, level)?
        } else {
            name.to_string()
        };
        let names: Vec<String> = if fromlist.is_kind(KIND_TUPLE) {
            tuple::items(fromlist.cast()).iter().filter(|v| v.is_kind(KIND_STR)).map(|&v| display(v).into_owned()).collect()
        } else {
            Vec::new()
        };
        let leaf = fromlist != Value::NONE;
        let module = stitch_builtins::modules::import(runtime(ts), &full, leaf)?;
        if leaf && let Err(e) = stitch_builtins::modules::import_fromlist(runtime(ts), module, &names) {
            module.decref();
            return Err(e);
        }
        Ok(module)
    }
}

pub unsafe extern "C" fn import_from(ts: *mut Thread, frame: *mut Frame, module: Value, name: u32) -> Value {
    // SAFETY: the frame is live; IMPORT_NAME pushed a module.
    unsafe {
        let name = name_of(frame, name);
        let r = match objects::module::get(module, name) {
            Some(v) => {
                v.incref();
                Ok(v)
            }
            None => import_from_missing(ts, module, name),
        };
        value_or_raise(ts, r)
    }
}

/// `from m import name` where `m` has no attribute `name`: a submodule of a package
/// being initialized (a circular import) is found among the imported modules, as
/// CPython does; otherwise a program's own module gets CPython's ImportError, and a
/// provided one is refused unless stitch provides all of it.
unsafe fn import_from_missing(ts: *mut Thread, module: Value, name: &str) -> PyResult<Value> {
    // SAFETY: `module` is a live module; the runtime is live.
    unsafe {
        let module_name = objects::module::name(module);
        let full = format!("{module_name}.{name}");
        if let Some(m) = runtime(ts).module(&full) {
            m.incref();
            return Ok(m);
        }
        if let Some(file) = objects::module::get(module, "__file__").filter(|f| f.is_kind(KIND_STR)) {
            return Err(PyErr::new(ExcKind::ImportError, format!("cannot import name '{name}' from '{module_name}' ({})", display(file))));
        }
        // CPython's ImportError names the module's file, which stitch's modules do not
        // have.
        Err(match stitch_builtins::attr::load_attr(module, name) {
            Err(e) if e.kind == ExcKind::Unsupported => e,
            _ => PyErr::unsupported(format!("importing the missing name '{name}' from module '{module_name}'")),
        })
    }
}

pub unsafe extern "C" fn import_star(_ts: *mut Thread, frame: *mut Frame, module: Value) -> bool {
    // SAFETY: the frame and its globals are live; IMPORT_NAME pushed a module.
    unsafe {
        let names: Vec<(Value, Value)> = dict::entries(objects::module::namespace(module))
            .filter(|e| e.key.is_kind(KIND_STR) && strs::bytes(e.key).first() != Some(&b'_'))
            .map(|e| (e.key, e.value))
            .collect();
        let globals = (*frame).globals;
        for (key, value) in names {
            let hash = as_str(key).hash();
            key.incref();
            value.incref();
            dict::set(globals, key, hash, value);
        }
        true
    }
}

// `with`: see `managers`.
pub use crate::managers::{with_enter, with_except_start, with_exit};

// Generators: see `generators`.
pub use crate::generators::{generator_next, get_awaitable, get_yield_from_iter, return_generator, send, send_done, yield_value};

// A handler in the frame a trace raised in: see `unwind`.
pub use crate::unwind::{can_catch, catch_in_frame as catch_exception};

// Raising and handling: see `raising`.
pub use crate::raising::{check_exc_match, delete_fast, delete_global, pop_except, push_exc_info, raise_varargs, reraise};

pub unsafe extern "C" fn build_set(ts: *mut Thread, values: *mut Value, count: u32) -> Value {
    // SAFETY: `count` owned values on the stack; the set takes its own references.
    let items: Vec<Owned> = unsafe { slice(values, count) }.iter().map(|&v| Owned(v)).collect();
    let s = Owned(objects::set::new_set(stitch_abi::KIND_SET));
    for item in &items {
        if let Err(e) = ops::set::add(s.get(), item.get()) {
            return raise(ts, e);
        }
    }
    s.into_raw()
}

pub unsafe extern "C" fn set_add(ts: *mut Thread, set: Value, item: Value) -> bool {
    bool_or_raise(ts, ops::set::add(set, item))
}

pub unsafe extern "C" fn set_update(ts: *mut Thread, frame: *mut Frame, set: Value, iterable: Value) -> bool {
    // SAFETY: the helper's frame is the running one.
    unsafe { calling_down(ts, frame) };
    if !ops::iter::is_iterable(iterable) {
        raise(ts, PyErr::type_error(format!("'{}' object is not iterable", ops::type_name(iterable))));
        return false;
    }
    bool_or_raise(ts, ops::set::update(set, iterable))
}

pub unsafe extern "C" fn get_len(ts: *mut Thread, frame: *mut Frame, obj: Value) -> Value {
    // SAFETY: the helper's frame is the running one; `__len__` runs past it.
    unsafe { calling_down(ts, frame) };
    value_or_raise(ts, stitch_builtins::functions::iteration::len_of(obj))
}

pub unsafe extern "C" fn match_keys(ts: *mut Thread, frame: *mut Frame, subject: Value, keys: Value) -> Value {
    // SAFETY: the helper's frame is the running one; keys' `__eq__` runs past it.
    unsafe { calling_down(ts, frame) };
    value_or_raise(ts, stitch_builtins::matching::match_keys(subject, keys))
}

pub unsafe extern "C" fn match_class(ts: *mut Thread, frame: *mut Frame, subject: Value, cls: Value, names: Value, nargs: u32) -> Value {
    // SAFETY: the helper's frame is the running one; properties and `__getattr__` run past it.
    unsafe { calling_down(ts, frame) };
    value_or_raise(ts, stitch_builtins::matching::match_class(subject, cls, names, nargs as usize))
}

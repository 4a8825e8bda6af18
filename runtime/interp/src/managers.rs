//! The helpers behind `with`: BEFORE_WITH finds the manager's `__exit__` and calls its
//! `__enter__`; WITH_EXCEPT_START calls `__exit__` with the exception raised in the
//! body. Managers are instances of classes defining both methods.

#![allow(clippy::missing_safety_doc)]

use crate::reenter::calling_down;
use crate::unwind::runtime;
use stitch_abi::layouts::{Frame, Thread};
use stitch_abi::value::Value;
use stitch_abi::{KIND_EXCEPTION, KIND_INSTANCE};
use stitch_core::classes;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::exceptions;
use stitch_core::objects::builtin::Args;
use stitch_core::objects::Owned;
use stitch_core::ops;

fn raise(ts: *mut Thread, r: PyResult<Value>) -> Value {
    r.unwrap_or_else(|e| {
        // SAFETY: helpers receive the live thread state.
        unsafe { runtime(ts).exception = Some(e) };
        Value::ERROR
    })
}

/// The manager's `__exit__`, bound to it (a new reference), once it is known to have
/// `__enter__` too; CPython 3.11's TypeError otherwise. Borrows `manager`.
pub unsafe extern "C" fn with_exit(ts: *mut Thread, manager: Value, is_async: u32) -> Value {
    let (enter, exit) = if is_async != 0 { ("__aenter__", "__aexit__") } else { ("__enter__", "__exit__") };
    // A library object (`io.StringIO`) is a manager when its type's methods say so.
    let native = stitch_core::objects::native::get(manager).map(|n| n.type_name());
    let has = |name: &str| match native {
        Some(t) => stitch_builtins::methods::lookup(t, name).is_some(),
        None if manager.is_kind(KIND_INSTANCE) => classes::lookup(classes::class_of(manager), name).is_some(),
        // A list, dict, tuple, str or int of a class defining the methods.
        None => stitch_core::builtin_subclasses::class_of(manager).is_some_and(|c| classes::lookup(c, name).is_some()),
    };
    let name = ops::type_name(manager);
    let protocol = if is_async != 0 { "asynchronous context manager" } else { "context manager" };
    if !has(enter) {
        return raise(ts, Err(PyErr::type_error(format!("'{name}' object does not support the {protocol} protocol"))));
    }
    if !has(exit) {
        return raise(
            ts,
            Err(PyErr::type_error(format!("'{name}' object does not support the {protocol} protocol (missed {exit} method)"))),
        );
    }
    if !manager.is_kind(KIND_INSTANCE) {
        return raise(ts, stitch_builtins::attr::load_attr(manager, exit));
    }
    raise(ts, classes::instance_getattr(manager, exit))
}

/// `manager.__enter__()`; borrows `manager`.
pub unsafe extern "C" fn with_enter(ts: *mut Thread, frame: *mut Frame, manager: Value, is_async: u32) -> Value {
    // SAFETY: the helper's frame is the running one.
    unsafe { calling_down(ts, frame) };
    raise(ts, call_method(manager, if is_async != 0 { "__aenter__" } else { "__enter__" }, &[]))
}

/// `exit(type(exc), exc, None)` for the exception `exc` raised in a `with` body: True
/// when the exit suppresses it (its result is true), False, or the error marker.
/// Borrows both.
pub unsafe extern "C" fn with_except_start(ts: *mut Thread, frame: *mut Frame, exit: Value, exc: Value, is_async: u32) -> Value {
    // SAFETY: the helper's frame is the running one.
    unsafe { calling_down(ts, frame) };
    let class = match classes::exception_class(exc) {
        Some(c) => c,
        None if exc.is_kind(KIND_EXCEPTION) => exceptions::type_object(exceptions::kind_of(exc).unwrap_or(stitch_core::errors::ExcKind::BaseException)),
        None => Value::NONE,
    };
    let r = ops::call::call_any(exit, &Args { positional: &[class, exc, Value::NONE], keywords: &[] });
    // `async with` awaits the result, and tests what the awaiting gives.
    let r = if is_async != 0 { r } else { r.map(|v| Value::bool(ops::truthy(Owned(v).get()))) };
    raise(ts, r)
}

fn call_method(obj: Value, name: &str, args: &[Value]) -> PyResult<Value> {
    if !obj.is_kind(KIND_INSTANCE) {
        let f = Owned(stitch_builtins::attr::load_attr(obj, name)?);
        return ops::call::call_any(f.get(), &Args { positional: args, keywords: &[] });
    }
    let (f, receiver) = classes::instance_method(obj, name)?;
    let (f, receiver) = (Owned(f), Owned(receiver));
    let mut positional = Vec::with_capacity(args.len() + 1);
    if !receiver.get().is_null() {
        positional.push(receiver.get());
    }
    positional.extend_from_slice(args);
    ops::call::call_any(f.get(), &Args { positional: &positional, keywords: &[] })
}

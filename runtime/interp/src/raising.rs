//! The helpers behind `raise` and `except`: what RAISE_VARARGS, PUSH_EXC_INFO,
//! POP_EXCEPT, CHECK_EXC_MATCH and RERAISE call. The exception being handled
//! (CPython's `exc_info`) is the runtime's `handled`; each handler keeps the one before
//! it on the value stack.

#![allow(clippy::missing_safety_doc)]

use crate::unwind::runtime;
use stitch_abi::layouts::Thread;
use stitch_abi::value::Value;
use stitch_core::errors::{ExcKind, PyErr};
use stitch_core::exceptions;
use stitch_core::objects::exception::as_exception;

pub unsafe extern "C" fn raise_varargs(ts: *mut Thread, args: *mut Value, count: u32) {
    // SAFETY: the thread state is live; `args` holds `count` owned values.
    unsafe {
        let rt = runtime(ts);
        let values: Vec<Value> = (0..count as usize).map(|i| *args.add(i)).collect();
        let err = match values[..] {
            [] => {
                let handled = rt.handled;
                if handled == Value::NONE {
                    PyErr::new(ExcKind::RuntimeError, "No active exception to reraise")
                } else {
                    handled.incref();
                    return reraise(ts, handled);
                }
            }
            [exc] => match exceptions::raisable(exc) {
                Ok(e) => exceptions::to_err(e),
                Err(e) => e,
            },
            [exc, cause] => match (exceptions::raisable(exc), exceptions::cause(cause)) {
                (Ok(e), Ok(c)) => {
                    let o = as_exception(e);
                    std::mem::replace(&mut o.cause, c).decref();
                    o.suppress_context = true;
                    exceptions::to_err(e)
                }
                (Ok(e), Err(err)) => {
                    e.decref();
                    err
                }
                (Err(err), Ok(c)) => {
                    c.decref();
                    err
                }
                (Err(err), Err(_)) => err,
            },
            _ => PyErr::type_error("raise takes at most two values"),
        };
        values.iter().for_each(|v| v.decref());
        // An object raised again (`raise e`) carries the traceback it had.
        if let Some(o) = &err.object {
            rt.traceback = std::mem::take(&mut as_exception(o.get()).traceback);
        }
        rt.exception = Some(err);
    }
}

pub unsafe extern "C" fn push_exc_info(ts: *mut Thread, exc: Value) -> Value {
    // SAFETY: the thread state is live.
    unsafe { std::mem::replace(&mut runtime(ts).handled, exc) }
}

pub unsafe extern "C" fn pop_except(ts: *mut Thread, previous: Value) {
    // SAFETY: the thread state is live.
    unsafe { std::mem::replace(&mut runtime(ts).handled, previous).decref() }
}

pub unsafe extern "C" fn check_exc_match(ts: *mut Thread, exc: Value, classes: Value) -> i32 {
    match exceptions::matches(exc, classes) {
        Ok(m) => m as i32,
        Err(e) => {
            // SAFETY: the thread state is live.
            unsafe { runtime(ts).exception = Some(e) };
            -1
        }
    }
}

pub unsafe extern "C" fn reraise(ts: *mut Thread, exc: Value) {
    // SAFETY: the thread state is live; `exc` is an owned exception object.
    unsafe {
        let rt = runtime(ts);
        rt.traceback = std::mem::take(&mut as_exception(exc).traceback);
        rt.reraise = true;
        rt.exception = Some(exceptions::to_err(exc));
    }
}

pub unsafe extern "C" fn delete_fast(ts: *mut Thread, frame: *mut stitch_abi::layouts::Frame, index: u32) -> bool {
    // SAFETY: the frame is live and `index` one of its locals.
    unsafe {
        let slot = stitch_abi::access::local(frame, index);
        let old = std::mem::replace(&mut *slot, Value::NULL);
        if old.is_null() {
            crate::helpers::raise_unbound_local(ts, frame, index);
            return false;
        }
        old.decref();
        true
    }
}

pub unsafe extern "C" fn delete_global(ts: *mut Thread, frame: *mut stitch_abi::layouts::Frame, name: u32) -> bool {
    use stitch_core::objects::dict;
    // SAFETY: the frame's globals and names are live.
    unsafe {
        let key = crate::frames::code_of(frame).names[name as usize];
        let hash = stitch_core::objects::str::as_str(key).hash();
        let globals = (*frame).globals;
        match dict::remove(globals, key, hash) {
            Some(v) => {
                v.decref();
                true
            }
            None => {
                let name = stitch_core::objects::str::display(key);
                runtime(ts).exception = Some(PyErr::new(ExcKind::NameError, format!("name '{name}' is not defined")));
                false
            }
        }
    }
}

//! Calls of Python functions: a new frame on the data stack with the arguments bound
//! to the parameters (positional, keyword, defaults), with CPython's error messages.

use super::frames::{enter_call, init_frame, next_slot};
use super::unwind::runtime;
use stitch_abi::access::{local, tuple_items};
use stitch_abi::{Dict, Frame, Function, Thread, Value};
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::Owned;
use stitch_core::objects::code::Code;

/// A frame for a call of the Python function `callable`, arguments bound. Takes
/// ownership of the callable and of every argument, also on error.
///
/// # Safety
/// `callable` is a function; `positional` and `keywords` hold owned references.
pub unsafe fn push_function_frame(
    ts: *mut Thread,
    caller: *mut Frame,
    callable: Value,
    positional: Vec<Owned>,
    keywords: Vec<(String, Owned)>,
) -> PyResult<*mut Frame> {
    let callable = Owned(callable);
    // SAFETY: the function, its code and its globals are live while it is.
    unsafe {
        let f = callable.get().cast::<Function>();
        let code = &*((*f).code as *mut Code);
        let argcount = code.argcount as usize;
        if positional.len() > argcount || !keywords.is_empty() || positional.len() < argcount {
            check_arguments(f, code, positional.len(), &keywords)?;
        }
        let frame = new_frame(ts, caller, callable.into_raw())?;
        for (i, arg) in positional.into_iter().enumerate() {
            *local(frame, i as u32) = arg.into_raw();
        }
        for (k, v) in keywords {
            let i = code.varnames[..argcount].iter().position(|n| *n == k).expect("checked above");
            *local(frame, i as u32) = v.into_raw();
        }
        let defaults = (*f).defaults;
        if !defaults.is_null() {
            let n = (*defaults).len;
            for j in 0..n {
                let i = argcount - n + j;
                let slot = local(frame, i as u32);
                if (*slot).is_null() {
                    let d = *tuple_items(defaults).add(j);
                    d.incref();
                    *slot = d;
                }
            }
        }
        Ok(frame)
    }
}

/// A frame for the function `callable` (whose reference it takes), its locals unbound:
/// the call depth is counted and the frame laid out past `caller`.
///
/// # Safety
/// `callable` is a live function; `caller` is the running frame.
unsafe fn new_frame(ts: *mut Thread, caller: *mut Frame, callable: Value) -> PyResult<*mut Frame> {
    // SAFETY: the function's code and globals outlive the frame, which holds it.
    unsafe {
        if let Err(e) = enter_call(ts) {
            callable.decref();
            return Err(e);
        }
        let f = callable.cast::<Function>();
        let rt = runtime(ts);
        let made = init_frame(
            next_slot(caller, std::ptr::null_mut()),
            (*ts).stack_end,
            (*f).code as *mut Code,
            (*f).globals,
            rt.builtins.cast::<Dict>(),
            caller,
            callable,
        );
        if made.is_err() {
            (*ts).depth -= 1;
            callable.decref();
        }
        made
    }
}

/// The specialized call: exactly as many positional arguments as parameters (the
/// caller checked). Moves the callable and the arguments into a new frame.
///
/// # Safety
/// `callable` is a function taking `nargs` parameters; the values are owned.
#[inline]
pub unsafe fn push_exact_frame(ts: *mut Thread, caller: *mut Frame, callable: Value, args: *mut Value, nargs: u32) -> PyResult<*mut Frame> {
    // SAFETY: the frame is laid out in free data-stack space past the caller, checked
    // against the stack's end before anything is written.
    unsafe {
        if (*ts).depth >= (*ts).limit {
            callable.decref();
            for i in 0..nargs as usize {
                (*args.add(i)).decref();
            }
            return Err(PyErr::new(stitch_core::errors::ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        let f = callable.cast::<Function>();
        let code = &*((*f).code as *mut Code);
        let at = (*caller).limit;
        let limit = at.add(super::frames::HEADER_SLOTS + code.frame_slots());
        if limit > (*ts).stack_end {
            callable.decref();
            for i in 0..nargs as usize {
                (*args.add(i)).decref();
            }
            return Err(PyErr::new(stitch_core::errors::ExcKind::MemoryError, "stack overflow"));
        }
        (*ts).depth += 1;
        let frame = at as *mut Frame;
        frame.write(Frame {
            code: (*f).code,
            instrs: code.instrs_ptr(),
            ip: code.instrs_ptr(),
            sp: std::ptr::null_mut(),
            consts: code.consts.as_ptr(),
            globals: (*f).globals,
            builtins: (*caller).builtins,
            previous: caller,
            function: callable,
            nlocalsplus: code.frame_slots() as u32,
            spare: 0,
            limit,
            localsplus: [],
        });
        for i in 0..nargs {
            *local(frame, i) = *args.add(i as usize);
        }
        for i in nargs..code.nlocals {
            *local(frame, i) = Value::NULL;
        }
        (*frame).sp = local(frame, code.nlocals);
        Ok(frame)
    }
}

/// The common call: positional arguments only, as many as the function can take.
/// Moves the callable, `self_or_null` and the `nargs` values at `args` into a new
/// frame. `None` (nothing consumed) when the arguments do not fit: the caller then
/// takes the general path, which reports the error.
///
/// # Safety
/// `callable` is a function; the values are owned references.
pub unsafe fn push_positional_frame(
    ts: *mut Thread,
    caller: *mut Frame,
    callable: Value,
    self_or_null: Value,
    args: *mut Value,
    nargs: u32,
) -> Option<PyResult<*mut Frame>> {
    // SAFETY: the function, its code and its defaults are live; the new frame is laid
    // out in free data-stack space before anything is written to it.
    unsafe {
        let f = callable.cast::<Function>();
        let code = &*((*f).code as *mut Code);
        let with_self = !self_or_null.is_null() as u32;
        let npos = nargs + with_self;
        let defaults = (*f).defaults;
        let ndefaults = if defaults.is_null() { 0 } else { (*defaults).len as u32 };
        if npos > code.argcount || npos + ndefaults < code.argcount {
            return None;
        }
        let frame = match new_frame(ts, caller, callable) {
            Ok(frame) => frame,
            Err(e) => {
                self_or_null.decref();
                for i in 0..nargs as usize {
                    (*args.add(i)).decref();
                }
                return Some(Err(e));
            }
        };
        if with_self == 1 {
            *local(frame, 0) = self_or_null;
        }
        local(frame, with_self).copy_from_nonoverlapping(args, nargs as usize);
        for i in npos..code.argcount {
            let d = *tuple_items(defaults).add((i + ndefaults - code.argcount) as usize);
            d.incref();
            *local(frame, i) = d;
        }
        Some(Ok(frame))
    }
}

/// Checks positional count, keyword names and missing parameters, with CPython's
/// messages.
///
/// # Safety
/// `f` is a live function with code `code`.
unsafe fn check_arguments(f: *mut Function, code: &Code, npositional: usize, keywords: &[(String, Owned)]) -> PyResult<()> {
    // SAFETY: the defaults tuple is live if not null.
    let ndefaults = unsafe { if (*f).defaults.is_null() { 0 } else { (*(*f).defaults).len } };
    let argcount = code.argcount as usize;
    let name = &code.name;
    if npositional > argcount {
        let takes = if ndefaults > 0 {
            format!("from {} to {argcount} positional arguments", argcount - ndefaults)
        } else {
            format!("{argcount} positional argument{}", if argcount == 1 { "" } else { "s" })
        };
        let given = format!("{npositional} {}", if npositional == 1 { "was" } else { "were" });
        return Err(PyErr::type_error(format!("{name}() takes {takes} but {given} given")));
    }
    let params = &code.varnames[..argcount];
    let mut bound = vec![false; argcount];
    bound[..npositional].iter_mut().for_each(|b| *b = true);
    for (k, _) in keywords {
        match params.iter().position(|p| p == k) {
            None => return Err(PyErr::type_error(format!("{name}() got an unexpected keyword argument '{k}'"))),
            Some(i) if bound[i] => return Err(PyErr::type_error(format!("{name}() got multiple values for argument '{k}'"))),
            Some(i) => bound[i] = true,
        }
    }
    let missing: Vec<String> =
        (0..argcount - ndefaults).filter(|&i| !bound[i]).map(|i| format!("'{}'", params[i])).collect();
    if !missing.is_empty() {
        let list = match missing.as_slice() {
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            [init @ .., last] => format!("{}, and {last}", init.join(", ")),
            [] => unreachable!(),
        };
        let n = missing.len();
        return Err(PyErr::type_error(format!(
            "{name}() missing {n} required positional argument{}: {list}",
            if n == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

//! Calls of Python functions: a new frame on the data stack with the arguments bound
//! to the parameters (positional-only, positional, keyword-only, `*args`, `**kwargs`,
//! defaults), as CPython 3.11's `initialize_locals` binds them, with its error messages.

use super::frames::{enter_call, init_frame, next_slot};
use super::unwind::runtime;
use stitch_abi::access::{local, tuple_items};
use stitch_abi::{Dict, Frame, Function, Thread, Value};
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::code::{CO_VARARGS, CO_VARKEYWORDS, Code};
use stitch_core::objects::{Owned, dict, str as strs, tuple};

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
    // SAFETY: the function, its code, defaults and globals are live while it is.
    unsafe {
        let f = callable.get().cast::<Function>();
        let slots = bind(f, positional, keywords)?;
        let frame = new_frame(ts, caller, callable.into_raw())?;
        for (i, v) in slots.into_iter().enumerate() {
            if let Some(v) = v {
                *local(frame, i as u32) = v.into_raw();
            }
        }
        Ok(frame)
    }
}

/// The values of the parameters of `f` for a call: one slot per positional and
/// keyword-only parameter, then `*args` and `**kwargs` when the function has them.
///
/// # Safety
/// `f` is a live function.
unsafe fn bind(f: *mut Function, positional: Vec<Owned>, keywords: Vec<(String, Owned)>) -> PyResult<Vec<Option<Owned>>> {
    // SAFETY: the function's code, defaults and keyword-only defaults are live.
    unsafe {
        let code = stitch_core::objects::function::code_of(f);
        let qualname = strs::display((*f).qualname);
        let qualname: &str = &qualname;
        let argcount = code.argcount as usize;
        let total = argcount + code.kwonlyargcount as usize;
        let has_varargs = code.flags & CO_VARARGS != 0;
        let has_varkw = code.flags & CO_VARKEYWORDS != 0;
        let mut slots: Vec<Option<Owned>> = Vec::with_capacity(total + 2);
        slots.resize_with(total, || None);
        let given = positional.len();
        let mut positional = positional.into_iter();
        for slot in slots.iter_mut().take(argcount.min(given)) {
            *slot = positional.next();
        }
        let extra: Vec<Owned> = positional.collect();
        let kwdict = has_varkw.then(|| Owned(dict::new_dict()));
        let names = &code.varnames;
        let posonly = code.posonlyargcount as usize;
        for (name, value) in &keywords {
            match names[posonly..total].iter().position(|n| n == name).map(|i| i + posonly) {
                Some(i) if slots[i].is_some() => {
                    return Err(PyErr::type_error(format!("{qualname}() got multiple values for argument '{name}'")));
                }
                Some(i) => slots[i] = Some(value.clone()),
                None => match &kwdict {
                    Some(d) => {
                        let key = strs::new_str(name);
                        value.get().incref();
                        dict::set(d.get().cast(), key, strs::as_str(key).hash(), value.get());
                    }
                    None => {
                        // Positional-only parameters named by keyword, in parameter order.
                        let conflicts: Vec<&str> = names[..posonly]
                            .iter()
                            .filter(|p| keywords.iter().any(|(k, _)| k == *p))
                            .map(String::as_str)
                            .collect();
                        if !conflicts.is_empty() {
                            return Err(PyErr::type_error(format!(
                                "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                                conflicts.join(", ")
                            )));
                        }
                        return Err(PyErr::type_error(format!("{qualname}() got an unexpected keyword argument '{name}'")));
                    }
                },
            }
        }
        drop(keywords);
        let defaults: &[Value] = if (*f).defaults.is_null() { &[] } else { tuple::items((*f).defaults) };
        if given > argcount && !has_varargs {
            let kwonly_given = slots[argcount..].iter().filter(|s| s.is_some()).count();
            return Err(too_many_positional(qualname, argcount, defaults.len(), given, kwonly_given));
        }
        if given < argcount {
            // The parameters without a default (the defaults are the last ones).
            let m = argcount.saturating_sub(defaults.len());
            if slots[given.min(m)..m].iter().any(Option::is_none) {
                let missing = (0..m).filter(|&i| slots[i].is_none()).map(|i| names[i].as_str()).collect();
                return Err(missing_arguments(qualname, "positional", missing));
            }
            // Parameter `i` takes default `i + len(defaults) - argcount`.
            for i in given..argcount {
                if slots[i].is_none()
                    && let Some(&d) = (i + defaults.len()).checked_sub(argcount).and_then(|j| defaults.get(j))
                {
                    slots[i] = Some(Owned::new_ref(d));
                }
            }
        }
        if total > argcount {
            let kwdefaults = (*f).kwdefaults;
            for i in argcount..total {
                if slots[i].is_none() && !kwdefaults.is_null() {
                    let key = strs::new_str(&names[i]);
                    let found = dict::get(kwdefaults, key, strs::as_str(key).hash());
                    key.decref();
                    slots[i] = found.map(Owned::new_ref);
                }
            }
            if slots[argcount..].iter().any(Option::is_none) {
                let missing = (argcount..total).filter(|&i| slots[i].is_none()).map(|i| names[i].as_str()).collect();
                return Err(missing_arguments(qualname, "keyword-only", missing));
            }
        }
        if has_varargs {
            slots.push(Some(Owned(tuple::from_vec(extra.into_iter().map(Owned::into_raw).collect()))));
        }
        if let Some(d) = kwdict {
            slots.push(Some(d));
        }
        Ok(slots)
    }
}

/// CPython's `too_many_positional`.
fn too_many_positional(qualname: &str, argcount: usize, defcount: usize, given: usize, kwonly_given: usize) -> PyErr {
    let s = |n: usize| if n == 1 { "" } else { "s" };
    let (sig, plural) = if defcount > 0 {
        (format!("from {} to {argcount}", argcount.saturating_sub(defcount)), "s")
    } else {
        (argcount.to_string(), s(argcount))
    };
    let kwonly = if kwonly_given > 0 {
        format!(" positional argument{} (and {kwonly_given} keyword-only argument{})", s(given), s(kwonly_given))
    } else {
        String::new()
    };
    let verb = if given == 1 && kwonly_given == 0 { "was" } else { "were" };
    PyErr::type_error(format!("{qualname}() takes {sig} positional argument{plural} but {given}{kwonly} {verb} given"))
}

/// CPython's `missing_arguments`: `f() missing 2 required positional arguments: 'a'
/// and 'b'`.
fn missing_arguments(qualname: &str, kind: &str, names: Vec<&str>) -> PyErr {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [init @ .., last] => format!("{}, and {last}", init.join(", ")),
        [] => String::new(),
    };
    let n = quoted.len();
    PyErr::type_error(format!("{qualname}() missing {n} required {kind} argument{}: {list}", if n == 1 { "" } else { "s" }))
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
    // SAFETY: as `push_frame_keeping`, which this is without a kept value.
    unsafe { push_frame_keeping(ts, caller, callable, args, nargs, &[], 0) }
}

/// `push_exact_frame` for an `__init__` called by `Class(args)`: the frame also keeps
/// the new instance (`args[0]`, a second reference), which its return hands the caller
/// in place of the None `__init__` returns (`frames::INIT_FRAME`).
///
/// # Safety
/// As `push_exact_frame`; `nargs >= 1`.
pub unsafe fn push_init_frame(ts: *mut Thread, caller: *mut Frame, init: Value, args: *mut Value, nargs: u32) -> PyResult<*mut Frame> {
    // SAFETY: the caller guarantees the arguments; the instance is the first of them.
    unsafe {
        let instance = *args;
        instance.incref();
        let r = push_frame_keeping(ts, caller, init, args, nargs, &[instance], super::frames::INIT_FRAME);
        if r.is_err() {
            instance.decref();
        }
        r
    }
}

/// `push_exact_frame` for the method of a binary operator (`args`: the two operands):
/// the frame also keeps second references to both, for the TypeError CPython raises
/// when the method returns NotImplemented (`frames::BINARY_FRAME`).
///
/// # Safety
/// As `push_exact_frame` with `nargs` 2.
pub unsafe fn push_binary_frame(ts: *mut Thread, caller: *mut Frame, method: Value, args: *mut Value, op: u32) -> PyResult<*mut Frame> {
    // SAFETY: the caller guarantees the two operands.
    unsafe {
        let (a, b) = (*args, *args.add(1));
        a.incref();
        b.incref();
        let spare = super::frames::BINARY_FRAME | (op << super::frames::BINARY_OP_SHIFT);
        let r = push_frame_keeping(ts, caller, method, args, 2, &[a, b], spare);
        if r.is_err() {
            a.decref();
            b.decref();
        }
        r
    }
}

/// Lays out the frame; the `kept` values take slots past the frame's own (the last
/// just before its `limit`), and the frame's `spare` says what they are.
///
/// # Safety
/// As `push_exact_frame`; the `kept` values are owned.
#[inline]
unsafe fn push_frame_keeping(
    ts: *mut Thread,
    caller: *mut Frame,
    callable: Value,
    args: *mut Value,
    nargs: u32,
    kept: &[Value],
    spare: u32,
) -> PyResult<*mut Frame> {
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
        let extra = kept.len();
        let limit = at.add(super::frames::HEADER_SLOTS + code.frame_slots() + extra);
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
            names: code.names.as_ptr(),
            globals: (*f).globals,
            builtins: (*caller).builtins,
            previous: caller,
            function: callable,
            nlocalsplus: code.frame_slots() as u32,
            spare,
            limit,
            localsplus: [],
        });
        for (i, v) in kept.iter().enumerate() {
            *limit.sub(extra - i) = *v;
        }
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

/// The common call: positional arguments only, as many as the function can take, to
/// a function with positional parameters only. Moves the callable, `self_or_null` and
/// the `nargs` values at `args` into a new frame. `None` (nothing consumed) when the
/// arguments do not fit: the caller then takes the general path, which reports the
/// error.
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
        if (*f).argcount == u32::MAX {
            // `*args`, `**kwargs` or keyword-only parameters: the general path.
            return None;
        }
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

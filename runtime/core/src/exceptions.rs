//! What programs see of exceptions: the builtin exception classes as type objects,
//! exception objects made from the runtime's `PyErr`s and back, their `str` and
//! `repr`, and which `except` clause matches them.

use crate::errors::{ExcKind, ExcObjectRef, PyErr, PyResult};
use crate::objects::builtin::{Args, TypeId, TypeObject, immortal_type};
use crate::objects::exception::{as_exception, new_exception, with_message};
use crate::objects::{kind, tuple};
use crate::vm::Runtime;
use stitch_abi::{KIND_EXCEPTION, KIND_TUPLE, KIND_TYPE, Value};
use std::sync::OnceLock;

/// The class object of every exception kind, made once (immortal: the table holds
/// words), in `ExcKind::ALL`'s order.
fn table() -> &'static [Value] {
    static TABLE: OnceLock<Vec<Value>> = OnceLock::new();
    TABLE.get_or_init(|| ExcKind::ALL.iter().map(|&k| immortal_type(k.name(), TypeId::Exception(k), not_called)).collect())
}

/// Exception classes are called through `construct` (the kind is in their id); this
/// stands in the type object's constructor slot.
fn not_called(_rt: &mut Runtime, _args: &Args) -> PyResult<Value> {
    Err(PyErr::type_error("exception class called without its kind"))
}

/// The class object of `kind`.
pub fn type_object(kind: ExcKind) -> Value {
    let i = ExcKind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
    table()[i]
}

/// Every exception class with its name (for the builtins dict).
pub fn all() -> impl Iterator<Item = (&'static str, Value)> {
    ExcKind::ALL.iter().map(|&k| (k.name(), type_object(k)))
}

/// Whether `v` is a user class derived from a builtin exception class.
pub fn is_exception_class(v: Value) -> bool {
    // SAFETY: the kind is checked first.
    v.is_kind(stitch_abi::KIND_CLASS) && unsafe { crate::objects::class::as_class(v) }.exc_base.is_some()
}

/// The exception kind a class object stands for.
pub fn kind_of_class(v: Value) -> Option<ExcKind> {
    if !v.is_kind(KIND_TYPE) {
        return None;
    }
    // SAFETY: the kind was checked.
    match unsafe { (*v.cast::<TypeObject>()).id } {
        TypeId::Exception(k) => Some(k),
        _ => None,
    }
}

/// The kind of an exception object.
pub fn kind_of(exc: Value) -> Option<ExcKind> {
    // SAFETY: the kind is checked first; the borrow ends here.
    exc.is_kind(KIND_EXCEPTION).then(|| unsafe { as_exception(exc) }.kind)
}

/// `ValueError("x", 3)`: a new exception with the positional arguments as `args`.
pub fn construct(kind: ExcKind, args: &Args) -> PyResult<Value> {
    if !args.keywords.is_empty() {
        return Err(PyErr::type_error(format!("{}() takes no keyword arguments", kind.name())));
    }
    if crate::os_errors::takes_errno_form(kind, args.positional) {
        return crate::os_errors::new_errno_form(kind, args.positional);
    }
    args.positional.iter().for_each(|a| a.incref());
    Ok(new_exception(kind, tuple::from_vec(args.positional.to_vec())))
}

/// The arguments of an exception object.
fn args_of<'a>(exc: Value) -> &'a [Value] {
    // SAFETY: callers pass exception objects; `args` is always a tuple.
    unsafe { tuple::items(as_exception(exc).args.cast()) }
}

/// `str(e)`: nothing for no arguments, the argument's `str` for one (its `repr` for a
/// KeyError, whose argument is the missing key), else the `str` of the tuple.
pub fn str_of(exc: Value) -> PyResult<String> {
    if let Some(s) = crate::classes::exception_str(exc) {
        return s;
    }
    base_str_of(exc)
}

/// `BaseException.__str__(e)` (or OSError's): `str_of` past the class's own `__str__`.
pub fn base_str_of(exc: Value) -> PyResult<String> {
    if let Some(s) = crate::os_errors::errno_str(exc) {
        return s;
    }
    let args = args_of(exc);
    match args {
        [] => Ok(String::new()),
        [only] if kind_of(exc) == Some(ExcKind::KeyError) => crate::ops::repr(*only),
        [only] => crate::ops::str(*only),
        // SAFETY: an exception's args are a tuple.
        _ => crate::ops::repr(unsafe { as_exception(exc) }.args),
    }
}

/// `repr(e)`: `ValueError('x')`, `KeyError(3)`, `ValueError()`, `ValueError(1, 2)`.
pub fn repr_of(exc: Value) -> PyResult<String> {
    if let Some(s) = crate::classes::exception_repr(exc) {
        return s;
    }
    base_repr_of(exc)
}

/// `BaseException.__repr__(e)`: `repr_of` past the class's own `__repr__`.
pub fn base_repr_of(exc: Value) -> PyResult<String> {
    let name = class_name_of(exc);
    let args = args_of(exc);
    match args {
        [only] => Ok(format!("{name}({})", crate::ops::repr(*only)?)),
        // SAFETY: an exception's args are a tuple.
        _ => Ok(format!("{name}{}", crate::ops::repr(unsafe { as_exception(exc) }.args)?)),
    }
}

/// The name of an exception object's class: its user class's, or its builtin kind's.
pub fn class_name_of(exc: Value) -> &'static str {
    match crate::classes::exception_class(exc) {
        Some(c) => crate::classes::class_name(c),
        None => kind_of(exc).map_or("BaseException", ExcKind::name),
    }
}

/// What the traceback's last line names an exception object's class: a user class by
/// its module and qualified name (`json.decoder.JSONDecodeError`), CPython leaving out
/// the module for `__main__` and `builtins`.
pub fn traceback_name(exc: Value) -> Option<String> {
    let c = crate::classes::exception_class(exc)?;
    let full = crate::classes::full_name(c);
    Some(full.strip_prefix("__main__.").map_or(full.clone(), str::to_string))
}

/// The error that raising `exc` (an owned exception object) gives: the traceback's
/// last line is computed now, from the object.
pub fn to_err(exc: Value) -> PyErr {
    let kind = kind_of(exc).unwrap_or(ExcKind::BaseException);
    let message = match str_of(exc) {
        Ok(m) if m.is_empty() => None,
        Ok(m) => Some(m),
        // CPython prints `<exception str() failed>`; the subset's str() does not fail
        // on what exception arguments can hold, but say so rather than panic.
        Err(_) => Some("<exception str() failed>".to_string()),
    };
    // SAFETY: an exception object (the caller's reference, now the error's).
    let hint = unsafe { crate::objects::exception::as_exception(exc) }.hint.clone();
    PyErr { kind, message, object: Some(ExcObjectRef::from_owned(exc)), hint }
}

/// The exception object of `err` (a new reference), made now if it has none: its
/// message becomes its one argument. The error keeps the object, so catching it
/// again gives the same one.
pub fn materialize(err: &mut PyErr) -> Value {
    if let Some(o) = &err.object {
        o.get().incref();
        return o.get();
    }
    let exc = with_message(err.kind, err.message.as_deref());
    // SAFETY: the exception object just made.
    unsafe { crate::objects::exception::as_exception(exc) }.hint = err.hint.clone();
    exc.incref();
    err.object = Some(ExcObjectRef::from_owned(exc));
    exc
}

/// A KeyError for a missing `key` (borrowed): its argument is the key itself.
pub fn key_error(key: Value) -> PyErr {
    key.incref();
    to_err(new_exception(ExcKind::KeyError, tuple::from_vec(vec![key])))
}

/// `except T`: whether the exception object `exc` is matched by `t`, a class or a
/// (nested) tuple of classes. Anything else is CPython's TypeError.
pub fn matches(exc: Value, t: Value) -> PyResult<bool> {
    let kind = kind_of(exc).unwrap_or(ExcKind::BaseException);
    if let Some(k) = kind_of_class(t) {
        return Ok(kind.is_subclass(k));
    }
    if is_exception_class(t) {
        return Ok(crate::classes::exception_class(exc).is_some_and(|c| crate::classes::is_subclass(c, t)));
    }
    if t.is_kind(KIND_TUPLE) {
        // SAFETY: the kind was checked.
        for &item in unsafe { tuple::items(t.cast()) } {
            if matches(exc, item)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    Err(PyErr::type_error("catching classes that do not inherit from BaseException is not allowed"))
}

/// What `raise X` raises: an exception object (a new reference), from a class (called
/// without arguments) or an instance.
pub fn raisable(x: Value) -> PyResult<Value> {
    if let Some(k) = kind_of_class(x) {
        return Ok(new_exception(k, tuple::from_vec(Vec::new())));
    }
    if is_exception_class(x) {
        let e = crate::ops::call::call_any(x, &Args { positional: &[], keywords: &[] })?;
        if kind(e) == KIND_EXCEPTION {
            return Ok(e);
        }
        e.decref();
        return Err(PyErr::type_error("calling an exception class did not return an exception"));
    }
    if kind(x) == KIND_EXCEPTION {
        x.incref();
        return Ok(x);
    }
    Err(PyErr::type_error("exceptions must derive from BaseException"))
}

/// `raise X from Y`: `Y` as a cause (a new reference, or NONE).
pub fn cause(y: Value) -> PyResult<Value> {
    if y == Value::NONE {
        return Ok(Value::NONE);
    }
    if kind_of_class(y).is_some() || is_exception_class(y) || kind(y) == KIND_EXCEPTION {
        return raisable(y);
    }
    Err(PyErr::type_error("exception causes must derive from BaseException"))
}

/// Records `context` (borrowed) as the `__context__` of `exc`, unless that would make
/// the chain of contexts a circle (CPython breaks it the same way: the link back to
/// `exc` is cut).
pub fn set_context(exc: Value, context: Value) {
    if exc == context || !context.is_kind(KIND_EXCEPTION) {
        return;
    }
    // Cut `exc` out of the context's own chain.
    let mut o = context;
    while o.is_kind(KIND_EXCEPTION) {
        // SAFETY: exception objects in a live chain; one borrow at a time.
        let next = unsafe { as_exception(o) }.context;
        if next == exc {
            // SAFETY: as above.
            unsafe { as_exception(o) }.context = Value::NONE;
            exc.decref();
            break;
        }
        o = next;
    }
    context.incref();
    // SAFETY: a live exception object.
    let old = std::mem::replace(&mut unsafe { as_exception(exc) }.context, context);
    old.decref();
}

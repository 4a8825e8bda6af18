//! Calling builtins, bound builtin methods and type objects. A Python function is
//! called through the interpreter layer above, by the hook it installs (`install`):
//! a builtin calling a key function, a `map` advancing.

use super::types::type_name;
use stitch_abi::*;
use crate::errors::{PyErr, PyResult};
use crate::objects::builtin::{Args, BoundMethod, Builtin, TypeObject};
use crate::objects::generator::{Resume, Step};
use crate::objects::kind;
use crate::vm::Runtime;
use std::sync::OnceLock;

/// The interpreter layer's entry points for code below it.
pub struct CallHooks {
    /// Calls a Python function: a frame of its own on the running thread, run to its
    /// return (or its exception, with the traceback of the frames it unwound).
    pub call_function: fn(callable: Value, args: &Args) -> PyResult<Value>,
    /// Calls any callable, for code with no runtime at hand (an iterator advancing).
    pub call_any: fn(callable: Value, args: &Args) -> PyResult<Value>,
    /// Forgets the traceback of an exception raised below and caught by the caller
    /// (StopIteration ending a `__next__` iteration).
    pub discard_traceback: fn(),
    /// Runs a generator (borrowed) until it yields, returns or raises.
    pub resume: fn(generator: Value, how: Resume) -> PyResult<Step>,
    /// Closes a suspended generator whose last reference is being dropped, when the
    /// interpreter can run it now (`can_finalize`).
    pub finalize: fn(generator: Value) -> PyResult<()>,
    /// Whether a generator can be closed from a free now.
    pub can_finalize: fn() -> bool,
}

static HOOKS: OnceLock<&'static CallHooks> = OnceLock::new();

/// Installs the interpreter layer's hooks (once per process; later calls change
/// nothing).
pub fn install(hooks: &'static CallHooks) {
    let _ = HOOKS.set(hooks);
}

fn hooks() -> PyResult<&'static CallHooks> {
    HOOKS.get().copied().ok_or_else(|| PyErr::new(crate::errors::ExcKind::RuntimeError, "no interpreter to call a Python function"))
}

/// Calls any callable (borrowed arguments; a new reference back) from code that has no
/// runtime at hand.
pub fn call_any(callable: Value, args: &Args) -> PyResult<Value> {
    (hooks()?.call_any)(callable, args)
}

/// An exception a call raised was handled by the code below (it ends an iteration):
/// its traceback must not reach the next exception's.
pub fn discard_traceback() {
    if let Ok(h) = hooks() {
        (h.discard_traceback)();
    }
}

/// Runs a generator (see `CallHooks::resume`).
pub fn resume(generator: Value, how: Resume) -> PyResult<Step> {
    (hooks()?.resume)(generator, how)
}

/// Closes a generator being freed (see `CallHooks::finalize`).
pub fn finalize_generator(generator: Value) -> PyResult<()> {
    (hooks()?.finalize)(generator)
}

/// Whether `finalize_generator` may run now.
pub fn can_finalize() -> bool {
    HOOKS.get().is_some_and(|h| (h.can_finalize)())
}

pub fn call(rt: &mut Runtime, callable: Value, args: &Args) -> PyResult<Value> {
    // SAFETY: each arm reads the layout of the kind it matched; the callable is
    // borrowed for the whole call.
    unsafe {
        match kind(callable) {
            KIND_BUILTIN => {
                let b = &*callable.cast::<Builtin>();
                // `str.upper("x")`: LOAD_METHOD found the method on the type object
                // and pushed the type as self; the receiver is the next argument.
                if let (Some(owner), Some(&first)) = (b.owner, args.positional.first())
                    && first.is_kind(KIND_TYPE)
                    && (*first.cast::<TypeObject>()).name == owner
                {
                    return (b.func)(rt, &Args { positional: &args.positional[1..], keywords: args.keywords });
                }
                (b.func)(rt, args)
            }
            KIND_BOUND_METHOD => {
                let m = &*callable.cast::<BoundMethod>();
                let mut positional = Vec::with_capacity(args.positional.len() + 1);
                positional.push(m.receiver);
                positional.extend_from_slice(args.positional);
                call(rt, m.func, &Args { positional: &positional, keywords: args.keywords })
            }
            KIND_TYPE => {
                if let crate::objects::builtin::TypeId::Exception(k) = (*callable.cast::<TypeObject>()).id {
                    return crate::exceptions::construct(k, args);
                }
                let f = (*callable.cast::<TypeObject>()).constructor;
                f(rt, args)
            }
            KIND_FUNCTION => (hooks()?.call_function)(callable, args),
            KIND_CLASS => crate::classes::instantiate(rt, callable, args),
            KIND_NATIVE if let Some(r) = crate::objects::native::get(callable).and_then(|n| n.call(args)) => r,
            KIND_INSTANCE => crate::special::call(callable, args),
            // A list, dict, tuple, str or int of a class defining `__call__`.
            _ if crate::special::overrides(callable) => crate::special::call(callable, args),
            _ => Err(PyErr::type_error(format!("'{}' object is not callable", type_name(callable)))),
        }
    }
}

/// Whether `call` can call `v`.
pub fn is_callable(v: Value) -> bool {
    matches!(kind(v), KIND_BUILTIN | KIND_BOUND_METHOD | KIND_TYPE | KIND_FUNCTION | KIND_CLASS)
        || crate::objects::native::get(v).is_some_and(|n| n.is_callable())
        || crate::special::is_callable(v)
}

//! Calling builtins, bound builtin methods and type objects. Python functions are
//! called by the interpreter itself and never reach here.

use super::types::type_name;
use stitch_abi::*;
use crate::errors::{PyErr, PyResult};
use crate::objects::builtin::{Args, BoundMethod, Builtin, TypeObject};
use crate::objects::kind;
use crate::vm::Runtime;

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
                let f = (*callable.cast::<TypeObject>()).constructor;
                f(rt, args)
            }
            KIND_FUNCTION => Err(PyErr::type_error(
                "calling a Python function from a builtin is not supported (key functions must be builtins)",
            )),
            _ => Err(PyErr::type_error(format!("'{}' object is not callable", type_name(callable)))),
        }
    }
}

/// Whether `call` can call `v`.
pub fn is_callable(v: Value) -> bool {
    matches!(kind(v), KIND_BUILTIN | KIND_BOUND_METHOD | KIND_TYPE | KIND_FUNCTION)
}

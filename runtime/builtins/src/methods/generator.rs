//! Methods of generators: `send`, `throw` and `close` (the frame runs through the
//! interpreter's hook, `ops::call::resume`).

use super::receiver;
use crate::args::{between, no_keywords};
use stitch_abi::Value;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::exceptions;
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::generator::{self, Resume, Step};
use stitch_core::ops::call::resume;
use stitch_core::vm::Runtime;

pub const METHODS: &[(&str, BuiltinFn)] = &[("send", send), ("throw", throw), ("close", close)];

/// What a generator's step gives a caller of `send`/`throw`: the value yielded, or
/// StopIteration carrying the value returned.
pub fn yielded(step: Step) -> PyResult<Value> {
    match step {
        Step::Yielded(v) => Ok(v),
        Step::Returned(v) => Err(stop_iteration(v)),
    }
}

/// StopIteration for a generator that returned `v` (consumed): its argument is the
/// value, unless that is None.
pub fn stop_iteration(v: Value) -> PyErr {
    if v == Value::NONE {
        return PyErr::bare(ExcKind::StopIteration);
    }
    exceptions::to_err(stitch_core::objects::exception::new_exception(
        ExcKind::StopIteration,
        stitch_core::objects::tuple::from_vec(vec![v]),
    ))
}

/// A generator or a coroutine (which share their methods).
fn generator_receiver(args: &Args, method: &str) -> PyResult<Value> {
    match args.positional.first() {
        Some(&v) if v.is_kind(stitch_abi::KIND_GENERATOR) => Ok(v),
        _ => receiver(args, "generator", method),
    }
}

fn send(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("send", args)?;
    let g = generator_receiver(args, "send")?;
    let a = between("send", args, 1, 1, Some(1))?;
    yielded(resume(g, Resume::Send(a[0]))?)
}

/// `gen.throw(exc)`: a class or an instance of an exception.
fn throw(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("throw", args)?;
    let g = generator_receiver(args, "throw")?;
    let a = between("throw", args, 1, 1, Some(1))?;
    let exc = exceptions::raisable(a[0])?;
    yielded(resume(g, Resume::Throw(exceptions::to_err(exc)))?)
}

fn close(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("close", args)?;
    let g = generator_receiver(args, "close")?;
    generator::close(g)?;
    // The GeneratorExit it raised ended there: the frames it went through are no
    // traceback of anything.
    rt.traceback.clear();
    Ok(Value::NONE)
}

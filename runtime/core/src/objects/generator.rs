//! Generator objects: the suspended frame of a call of a generator function. The
//! frame is kept here between runs (its header, then its locals and the values on its
//! stack); the interpreter copies it onto the data stack to resume it and back when it
//! yields (`stitch_interp::generators`), so frames on the data stack keep their
//! layout and nothing points into a generator while it is suspended.

use super::{Owned, header};
use crate::errors::{ExcKind, PyErr, PyResult};
use stitch_abi::{Frame, KIND_GENERATOR, Object, Value};

/// CPython's `gi_frame_state`, reduced to what the subset needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    /// Made, not started: the frame stands at the POP_TOP after RETURN_GENERATOR.
    Created,
    Suspended,
    /// Its frame is on the data stack, running (or running something it called).
    Running,
    /// Returned or raised: the frame is gone.
    Completed,
}

#[repr(C)]
pub struct Generator {
    pub header: Object,
    pub state: GenState,
    /// The frame's header while it is not running. Its `function` is owned by the
    /// generator until the frame completes; `previous`, `sp` and `limit` are set when
    /// it is resumed.
    pub frame: Frame,
    /// The frame's locals and stack (owned values, NULL for unbound locals) while it is
    /// not running.
    pub values: Vec<Value>,
    /// Suspended in a `yield from`: the delegate is on top of the stack.
    pub delegating: bool,
    /// The exception its frame was handling when it yielded (owned), or NONE: CPython's
    /// `gi_exc_state`, handled again when it resumes.
    pub handled: Value,
    /// The next item or error, when a trace asked whether there is one
    /// (`has_next` runs the generator to find out, as a `filter` does).
    pub ahead: Option<Result<Owned, PyErr>>,
    /// Made by an `async def`: a coroutine, which is awaited, not iterated.
    pub coroutine: bool,
}

impl Drop for Generator {
    fn drop(&mut self) {
        for v in self.values.drain(..) {
            v.decref();
        }
        std::mem::replace(&mut self.handled, Value::NONE).decref();
        if self.state != GenState::Completed {
            std::mem::replace(&mut self.frame.function, Value::NULL).decref();
        }
    }
}

/// A new generator over a frame just laid out (takes over its values and its
/// function).
pub fn new_generator(frame: Frame, values: Vec<Value>, coroutine: bool) -> Value {
    Value::from_object(super::gc::new_tracked(Generator {
        header: header(KIND_GENERATOR),
        state: GenState::Created,
        frame,
        values,
        delegating: false,
        handled: Value::NONE,
        ahead: None,
        coroutine,
    }))
}

/// Whether `v` is a coroutine (a generator made by an `async def`).
pub fn is_coroutine(v: Value) -> bool {
    // SAFETY: the kind is checked first.
    v.is_kind(KIND_GENERATOR) && unsafe { as_generator(v) }.coroutine
}

/// The generator behind `v`.
///
/// # Safety
/// `v` is a live generator, and the borrow ends before it is freed or another borrow
/// of it is made.
pub unsafe fn as_generator<'a>(v: Value) -> &'a mut Generator {
    // SAFETY: as the caller promises.
    unsafe { &mut *v.cast::<Generator>() }
}

/// The collector's `traverse`: the suspended frame's values and its function.
pub fn traverse(g: &Generator, visit: &mut dyn FnMut(Value)) {
    for &v in &g.values {
        if v.is_object() {
            visit(v);
        }
    }
    if g.state != GenState::Completed && g.frame.function.is_object() {
        visit(g.frame.function);
    }
    if let Some(Ok(item)) = &g.ahead {
        visit(item.get());
    }
    if g.handled.is_object() {
        visit(g.handled);
    }
}

/// The collector's `clear`: a suspended generator in a cycle drops its frame's values
/// (CPython would close it first; its `finally` blocks do not run here).
pub fn clear(g: &mut Generator) {
    for v in std::mem::take(&mut g.values) {
        v.decref();
    }
    if g.state != GenState::Completed {
        g.state = GenState::Completed;
        std::mem::replace(&mut g.frame.function, Value::NULL).decref();
    }
    g.ahead = None;
    std::mem::replace(&mut g.handled, Value::NONE).decref();
}

/// The generator function's name (`gen.__name__`, its repr).
pub fn qualname(g: &Generator) -> String {
    // SAFETY: the code outlives the generator while it has a function; a completed
    // generator keeps its code pointer, and code objects of a program live to its end
    // (they are constants of the module's code).
    unsafe { (*(g.frame.code as *mut super::code::Code)).qualname.clone() }
}

/// How a generator is resumed.
pub enum Resume {
    /// `next(gen)` (None) or `gen.send(value)`: the value (borrowed) becomes the result
    /// of the `yield` it stands at.
    Send(Value),
    /// `gen.throw(exc)`, `gen.close()`: raised at the `yield` it stands at.
    Throw(PyErr),
}

/// What a run of a generator ended with (a new reference).
pub enum Step {
    Yielded(Value),
    /// Its `return` (StopIteration's value).
    Returned(Value),
}

/// Frees a generator with no references left. A suspended one is closed first, as
/// CPython finalizes it: its `finally` blocks run (through the interpreter's hook).
///
/// # Safety
/// `v` is a generator with no references left.
pub unsafe fn free(v: Value) {
    // SAFETY: forwarded; the object is alive until `take`.
    unsafe {
        if as_generator(v).state == GenState::Suspended && crate::ops::call::can_finalize() {
            // Resurrected for the close: the reference the close runs with.
            (*v.object()).refcnt = 1;
            let _ = crate::ops::call::finalize_generator(v);
            (*v.object()).refcnt -= 1;
            if (*v.object()).refcnt > 0 {
                // Something the `finally` ran kept it.
                return;
            }
        }
        drop(super::gc::take(v.cast::<Generator>()));
    }
}

/// `gen.close()`: GeneratorExit raised at its `yield`; an error if it yields again.
pub fn close(generator: Value) -> PyResult<()> {
    // SAFETY: a live generator.
    if !matches!(unsafe { as_generator(generator) }.state, GenState::Suspended) {
        if unsafe { as_generator(generator) }.state == GenState::Created {
            // SAFETY: as above.
            clear(unsafe { as_generator(generator) });
        }
        return Ok(());
    }
    match crate::ops::call::resume(generator, Resume::Throw(PyErr::bare(ExcKind::GeneratorExit))) {
        Ok(Step::Yielded(v)) => {
            v.decref();
            Err(PyErr::new(ExcKind::RuntimeError, "generator ignored GeneratorExit"))
        }
        Ok(Step::Returned(v)) => {
            v.decref();
            Ok(())
        }
        Err(e) if e.kind == ExcKind::GeneratorExit || e.kind == ExcKind::StopIteration => Ok(()),
        Err(e) => Err(e),
    }
}


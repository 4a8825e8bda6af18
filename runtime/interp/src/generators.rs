//! Running generators. Calling a generator function runs its prologue and then
//! RETURN_GENERATOR, which moves the frame into a new generator object
//! (`stitch_core::objects::generator`) and returns that to the caller. Each `next`,
//! `send` or `throw` copies the frame back onto the data stack, past an exit frame
//! (as any call from below the interpreter, `reenter`), and runs it on a nested tier-1
//! loop until YIELD_VALUE hands a value to the exit frame (the frame is then copied
//! back into the generator) or the frame returns or raises (the generator is done).
//!
//! A generator dropped while suspended is closed (GeneratorExit raised at its `yield`,
//! so its `finally` blocks run), as CPython finalizes it. A free can happen anywhere,
//! when the thread's record of the frame that called down may be stale, so that run is
//! laid out in a region of the data stack reserved for it (`FINALIZER_SLOTS`).

#![allow(clippy::missing_safety_doc)]

use super::frames::{HEADER_SLOTS, code_of, enter_call};
use super::reenter;
use super::unwind::{runtime, unwind};
use stitch_abi::access::local;
use stitch_abi::{Frame, Thread, Value};
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::exceptions;
use stitch_core::objects::exception::as_exception;
use stitch_core::objects::generator::{GenState, Resume, Step, as_generator, new_generator};
use std::cell::Cell;

/// Data-stack slots kept past the thread's `stack_end` for the runs that close
/// generators being freed.
pub const FINALIZER_SLOTS: usize = 1 << 18;

thread_local! {
    /// The frame YIELD_VALUE suspended last, and whether it was in a `yield from`.
    static YIELDED: Cell<(*mut Frame, bool)> = const { Cell::new((std::ptr::null_mut(), false)) };
    /// A generator is being closed from a free.
    static FINALIZING: Cell<bool> = const { Cell::new(false) };
}

/// RETURN_GENERATOR: the frame (its prologue done, its stack empty) moves into a new
/// generator, which is returned to the caller. `next_instr` is where it resumes.
pub unsafe extern "C" fn return_generator(ts: *mut Thread, frame: *mut Frame, next_instr: *mut u16) -> *mut Frame {
    // SAFETY: the running frame's locals are initialized values it owns; they and its
    // function move to the generator, and the frame is left empty.
    unsafe {
        let n = code_of(frame).nlocals;
        let values: Vec<Value> = (0..n).map(|i| *local(frame, i)).collect();
        let mut header = *frame;
        header.ip = next_instr;
        header.previous = std::ptr::null_mut();
        header.sp = std::ptr::null_mut();
        header.limit = std::ptr::null_mut();
        let coroutine = code_of(frame).flags & stitch_core::objects::code::CO_COROUTINE != 0;
        let generator = new_generator(header, values, coroutine);
        (*frame).function = Value::NULL;
        (*frame).sp = local(frame, 0);
        let caller = (*frame).previous;
        (*ts).depth -= 1;
        *(*caller).sp = generator;
        (*caller).sp = (*caller).sp.add(1);
        caller
    }
}

/// YIELD_VALUE: hands `value` to the exit frame the generator was resumed from; the
/// resumer copies the frame back into the generator.
pub unsafe extern "C" fn yield_value(ts: *mut Thread, frame: *mut Frame, value: Value, delegating: u32) -> *mut Frame {
    // SAFETY: a generator's frame runs only from `resume`, right above its exit frame.
    unsafe {
        let caller = (*frame).previous;
        (*ts).depth -= 1;
        YIELDED.set((frame, delegating != 0));
        *(*caller).sp = value;
        (*caller).sp = (*caller).sp.add(1);
        caller
    }
}

/// Runs `generator` (borrowed) until it yields, returns or raises.
pub fn resume(generator: Value, how: Resume) -> PyResult<Step> {
    let ts = reenter::thread();
    if ts.is_null() {
        return Err(PyErr::new(ExcKind::RuntimeError, "no interpreter runs on this thread"));
    }
    // SAFETY: the generator is live (the caller holds it); its frame is copied to free
    // data-stack space past the exit frame, and its values' ownership moves with it.
    unsafe {
        let g = as_generator(generator);
        match (g.state, how) {
            (GenState::Running, _) => return Err(PyErr::value_error("generator already executing")),
            (GenState::Completed, Resume::Send(_)) => return Ok(Step::Returned(Value::NONE)),
            (GenState::Completed, Resume::Throw(e)) => return Err(e),
            (GenState::Created, Resume::Send(v)) if v != Value::NONE => {
                return Err(PyErr::type_error("can't send non-None value to a just-started generator"));
            }
            (GenState::Created, Resume::Throw(e)) => {
                // Thrown in before it started: it never runs.
                stitch_core::objects::generator::clear(g);
                return Err(e);
            }
            (_, how) => run(ts, generator, how),
        }
    }
}

/// Copies the suspended frame onto the data stack and runs it.
///
/// # Safety
/// `ts` is the live thread state; `generator` a live, created or suspended generator.
unsafe fn run(ts: *mut Thread, generator: Value, how: Resume) -> PyResult<Step> {
    // SAFETY: see `resume`.
    unsafe {
        let caller = (*ts).frame;
        let exit = reenter::exit_frame(ts)?;
        let g = as_generator(generator);
        let at = (*exit).limit;
        let slots = HEADER_SLOTS + g.frame.nlocalsplus as usize;
        if at.add(slots) > (*ts).stack_end {
            return Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        enter_call(ts)?;
        let frame = at as *mut Frame;
        frame.write(g.frame);
        // The values move to the frame; the vector keeps its room for the next yield.
        let live = g.values.len();
        std::ptr::copy_nonoverlapping(g.values.as_ptr(), local(frame, 0), live);
        g.values.set_len(0);
        (*frame).previous = exit;
        (*frame).sp = local(frame, live as u32);
        (*frame).limit = at.add(slots);
        g.state = GenState::Running;
        let delegating = std::mem::replace(&mut g.delegating, false);
        // The exception the frame was handling when it yielded is handled again; one
        // raised in a frame that handles none has the caller's as its context.
        let outer = runtime(ts).handled;
        let swapped = g.handled != Value::NONE;
        if swapped {
            runtime(ts).handled = std::mem::replace(&mut g.handled, Value::NONE);
        }
        let result = match how {
            Resume::Send(v) => {
                v.incref();
                *(*frame).sp = v;
                (*frame).sp = (*frame).sp.add(1);
                reenter::run_nested(ts, frame)
            }
            Resume::Throw(e) => throw_into(ts, frame, e, delegating),
        };
        (*ts).frame = caller;
        let (yielded, in_yield_from) = YIELDED.replace((std::ptr::null_mut(), false));
        let now = runtime(ts).handled;
        let own = if swapped || now != outer {
            runtime(ts).handled = outer;
            now
        } else {
            Value::NONE
        };
        let g = as_generator(generator);
        if yielded == frame && result.is_ok() {
            g.handled = own;
        } else {
            own.decref();
        }
        match result {
            Ok(v) if yielded == frame => {
                g.frame = *frame;
                let live = (*frame).sp.offset_from(local(frame, 0)) as usize;
                g.values.extend((0..live as u32).map(|i| *local(frame, i)));
                g.state = GenState::Suspended;
                g.delegating = in_yield_from;
                Ok(Step::Yielded(v))
            }
            Ok(v) => {
                g.state = GenState::Completed;
                Ok(Step::Returned(v))
            }
            Err(e) => {
                g.state = GenState::Completed;
                Err(stop_iteration_escaped(ts, e))
            }
        }
    }
}

/// Raises `e` at the `yield` the frame (on the data stack, ready to run) stands at.
/// In a `yield from`, the delegate gets it first.
///
/// # Safety
/// As `run`'s.
unsafe fn throw_into(ts: *mut Thread, frame: *mut Frame, e: PyErr, delegating: bool) -> PyResult<Value> {
    // SAFETY: the frame's stack holds the delegate on top when it is delegating.
    unsafe {
        let mut e = e;
        if delegating {
            let delegate = *(*frame).sp.sub(1);
            let thrown = if delegate.is_kind(stitch_abi::KIND_GENERATOR) {
                // The delegate's frames go past this one.
                (*ts).frame = frame;
                Some(resume(delegate, Resume::Throw(e.clone())))
            } else {
                None
            };
            match thrown {
                Some(Ok(Step::Yielded(v))) => {
                    // The delegate stays suspended and so does this frame: it yields
                    // the delegate's value (YIELD_VALUE is the instruction before).
                    (*frame).ip = (*frame).ip.sub(2);
                    *(*frame).sp = v;
                    (*frame).sp = (*frame).sp.add(1);
                    return reenter::run_nested(ts, frame);
                }
                Some(Ok(Step::Returned(v))) => {
                    // The delegate is done: its value is the `yield from`'s. The loop
                    // `SEND; POP_JUMP_IF_TRUE; YIELD_VALUE; JUMP_BACKWARD` is left as
                    // SEND does when the delegate returns: [delegate, value, True] at
                    // the POP_JUMP_IF_TRUE (3 code units) after SEND.
                    *(*frame).sp = v;
                    *(*frame).sp.add(1) = Value::TRUE;
                    (*frame).sp = (*frame).sp.add(2);
                    (*frame).ip = (*frame).ip.sub(5);
                    return reenter::run_nested(ts, frame);
                }
                Some(Err(err)) => e = err,
                None => {}
            }
        }
        runtime(ts).exception = Some(e);
        // The exception is raised at the YIELD_VALUE itself.
        (*frame).ip = (*frame).ip.sub(2);
        let handler = unwind(ts, frame);
        if handler.is_null() {
            return Err(runtime(ts).exception.take().unwrap_or_else(|| PyErr::type_error("error without an exception")));
        }
        reenter::run_nested(ts, handler)
    }
}

/// PEP 479: a StopIteration leaving a generator's frame becomes a RuntimeError raised
/// from it.
///
/// # Safety
/// `ts` is the live thread state.
unsafe fn stop_iteration_escaped(ts: *mut Thread, mut e: PyErr) -> PyErr {
    if !e.kind.is_subclass(ExcKind::StopIteration) {
        return e;
    }
    // SAFETY: the thread state is live; the exception objects are new or owned.
    unsafe {
        let rt = runtime(ts);
        let cause = exceptions::materialize(&mut e);
        // Raised where the generator was resumed: its frames are the cause's.
        as_exception(cause).traceback = std::mem::take(&mut rt.traceback);
        let err = stitch_core::objects::exception::with_message(ExcKind::RuntimeError, Some("generator raised StopIteration"));
        let o = as_exception(err);
        o.cause = cause;
        cause.incref();
        o.context = cause;
        o.suppress_context = true;
        exceptions::to_err(err)
    }
}

/// Whether a generator being freed can be closed now: an interpreter runs, and no
/// other such close is running.
pub fn can_finalize() -> bool {
    let ts = reenter::thread();
    // SAFETY: a non-null thread state is live.
    !ts.is_null() && !FINALIZING.get() && !unsafe { (*ts).frame }.is_null()
}

/// Closes a suspended generator whose last reference is being dropped, in the data
/// stack's reserved region, keeping the exception state of whatever was running.
pub fn finalize(generator: Value) -> PyResult<()> {
    let ts = reenter::thread();
    // SAFETY: the thread state is live; the reserved region past `stack_end` is unused
    // (one finalizer runs at a time), and everything changed is put back.
    unsafe {
        let rt = runtime(ts);
        let saved_exception = rt.exception.take();
        let saved_traceback = std::mem::take(&mut rt.traceback);
        let saved_reraise = std::mem::take(&mut rt.reraise);
        let saved_frame = (*ts).frame;
        let saved_end = (*ts).stack_end;
        // A frame whose `limit` is the start of the region: the exit frame goes there.
        let mut base: Frame = *reserved_base(ts);
        base.limit = saved_end;
        (*ts).frame = &mut base;
        (*ts).stack_end = saved_end.add(FINALIZER_SLOTS);
        FINALIZING.set(true);
        let r = stitch_core::objects::generator::close(generator);
        FINALIZING.set(false);
        (*ts).stack_end = saved_end;
        (*ts).frame = saved_frame;
        let rt = runtime(ts);
        rt.exception = saved_exception;
        rt.traceback = saved_traceback;
        rt.reraise = saved_reraise;
        r
    }
}

/// A frame header to copy the globals and builtins of the exit frame from.
///
/// # Safety
/// `ts` is the live thread state.
unsafe fn reserved_base(ts: *mut Thread) -> *mut Frame {
    // SAFETY: some frame ran on the thread (the one whose instruction freed the
    // generator): its header is readable even if it has returned since.
    unsafe { (*ts).frame }
}

/// GET_YIELD_FROM_ITER: a generator delegates as itself; anything else through its
/// iterator. A new reference, or the error marker.
pub unsafe extern "C" fn get_yield_from_iter(ts: *mut Thread, iterable: Value) -> Value {
    if iterable.is_kind(stitch_abi::KIND_GENERATOR) {
        iterable.incref();
        return iterable;
    }
    match stitch_core::ops::get_iter(iterable) {
        Ok(v) => v,
        Err(e) => {
            // SAFETY: helpers receive the live thread state.
            unsafe { runtime(ts).exception = Some(e) };
            Value::ERROR
        }
    }
}

/// GET_AWAITABLE: what `await` delegates to — a coroutine itself, or the iterator an
/// object's `__await__` returns. A new reference, or the error marker.
pub unsafe extern "C" fn get_awaitable(ts: *mut Thread, frame: *mut Frame, awaitable: Value) -> Value {
    // SAFETY: the helper's frame is the running one.
    unsafe { reenter::calling_down(ts, frame) };
    let r = if stitch_core::objects::generator::is_coroutine(awaitable) {
        awaitable.incref();
        Ok(awaitable)
    } else {
        awaitable_iterator(awaitable)
    };
    match r {
        Ok(v) => v,
        Err(e) => {
            // SAFETY: helpers receive the live thread state.
            unsafe { runtime(ts).exception = Some(e) };
            Value::ERROR
        }
    }
}

/// The iterator `awaitable.__await__()` returns, with CPython's errors.
fn awaitable_iterator(awaitable: Value) -> PyResult<Value> {
    let name = stitch_core::ops::types::type_name(awaitable);
    let refused = || PyErr::type_error(format!("object {name} can't be used in 'await' expression"));
    if !awaitable.is_kind(stitch_abi::KIND_INSTANCE) {
        return Err(refused());
    }
    let Some(method) = stitch_core::classes::lookup(stitch_core::classes::class_of(awaitable), "__await__") else {
        return Err(refused());
    };
    let args = stitch_core::objects::builtin::Args { positional: &[awaitable], keywords: &[] };
    let it = stitch_core::ops::call::call_any(method, &args)?;
    if stitch_core::objects::generator::is_coroutine(it) || !stitch_core::ops::iter::is_iterator(it) {
        let got = stitch_core::ops::types::type_name(it);
        it.decref();
        return Err(PyErr::type_error(format!("__await__() returned non-iterator of type '{got}'")));
    }
    Ok(it)
}

thread_local! {
    /// Whether the delegate the last SEND advanced has returned.
    static SEND_DONE: Cell<bool> = const { Cell::new(false) };
}

/// SEND: advances the delegate of a `yield from` with `value` (consumed): the value it
/// yields, or the value it returned (then `send_done` is true), or the error marker.
pub unsafe extern "C" fn send(ts: *mut Thread, frame: *mut Frame, delegate: Value, value: Value) -> Value {
    // SAFETY: the helper's frame is the running one.
    unsafe { reenter::calling_down(ts, frame) };
    let sent = stitch_core::objects::Owned(value);
    let step = if delegate.is_kind(stitch_abi::KIND_GENERATOR) {
        resume(delegate, Resume::Send(sent.get()))
    } else if sent.get() == Value::NONE {
        stitch_core::ops::iter_next(delegate).map(|item| match item {
            Some(v) => Step::Yielded(v),
            None => Step::Returned(Value::NONE),
        })
    } else {
        Err(PyErr::new(
            ExcKind::AttributeError,
            format!("'{}' object has no attribute 'send'", stitch_core::ops::types::type_name(delegate)),
        ))
    };
    match step {
        Ok(Step::Yielded(v)) => {
            SEND_DONE.set(false);
            v
        }
        Ok(Step::Returned(v)) => {
            SEND_DONE.set(true);
            v
        }
        Err(e) => {
            // SAFETY: helpers receive the live thread state.
            unsafe { runtime(ts).exception = Some(e) };
            Value::ERROR
        }
    }
}

/// Whether the delegate the last SEND advanced has returned.
pub unsafe extern "C" fn send_done() -> bool {
    SEND_DONE.get()
}

/// FOR_ITER_GEN: the generator's next item, NULL when it returned, or the error marker.
pub unsafe extern "C" fn generator_next(ts: *mut Thread, frame: *mut Frame, generator: Value) -> Value {
    // SAFETY: the helper's frame is the running one.
    unsafe { reenter::calling_down(ts, frame) };
    match stitch_core::ops::iter_next(generator) {
        Ok(Some(v)) => v,
        Ok(None) => Value::NULL,
        Err(e) => {
            // SAFETY: helpers receive the live thread state.
            unsafe { runtime(ts).exception = Some(e) };
            Value::ERROR
        }
    }
}

//! Unwinding after an exception: frame by frame, record a traceback entry, look the
//! raising instruction up in the code's exception table, and either continue at the
//! handler found (the stack cut to its depth, the exception object pushed) or release
//! the frame and go on to its caller, stopping at the interpreter's exit frame.

use super::frames::{clear_frame, code_of};
use stitch_abi::access::local;
use stitch_abi::{Frame, Thread, Value};
use stitch_core::errors::ExcKind;
use stitch_core::exceptions;
use stitch_core::objects::exception::as_exception;
use stitch_core::vm::{Runtime, TracebackEntry};

/// The runtime behind a thread state.
///
/// # Safety
/// `ts` is the live thread state and no other reference to its runtime is in use.
pub unsafe fn runtime<'a>(ts: *mut Thread) -> &'a mut Runtime {
    // SAFETY: the runtime pointer is set when the thread state is made.
    unsafe { &mut *((*ts).runtime as *mut Runtime) }
}

thread_local! {
    /// The exception being raised belongs to the innermost frame's caller (an
    /// `__init__` frame's bad return value): that frame is popped with no traceback
    /// entry and no handler of its own.
    static SKIP_INNERMOST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The next unwind starts by popping its innermost frame unseen.
pub fn skip_innermost_frame() {
    SKIP_INNERMOST.set(true);
}

/// Unwinds from `frame` (whose `ip` is the failing instruction). Returns the frame
/// whose handler caught the exception, ready to continue at the handler, or null when
/// the exception reached the exit frame: then the traceback is in the runtime,
/// innermost entry last. The entries already there are those of frames deeper than
/// these: a call from below the interpreter (a key function) unwound them before the
/// error came back up through the builtin that made it.
///
/// # Safety
/// `frame` is live with `ip` and `sp` saved; the exception is set.
pub unsafe fn unwind(ts: *mut Thread, mut frame: *mut Frame) -> *mut Frame {
    // SAFETY: frames are live until cleared; the chain ends in the exit frame.
    unsafe {
        let rt = runtime(ts);
        let reraise = std::mem::take(&mut rt.reraise);
        let skip_innermost = SKIP_INNERMOST.take();
        let catchable = catchable(rt);
        if !reraise && catchable {
            set_context(rt);
        }
        let mut entries = Vec::new();
        let mut innermost = true;
        while !(*frame).previous.is_null() {
            let code = code_of(frame);
            let offset = (*frame).ip.offset_from((*frame).instrs) as usize;
            // Callers' `ip` is the return address: the call is the unit before it.
            let at = if innermost { offset } else { offset.saturating_sub(1) };
            // Raised again: the exception's traceback has this frame already.
            let skipped = innermost && skip_innermost;
            if !(innermost && reraise) && !skipped {
                entries.push(TracebackEntry { filename: code.filename.clone(), line: code.line_at(at), name: code.name.clone() });
            }
            if catchable && !skipped && let Some(handler) = code.handler_at(at) {
                entries.reverse();
                let Some(exc) = take_for_handler(rt, std::mem::take(&mut entries)) else { break };
                // Cut the stack to the handler's depth and push the exception.
                let base = local(frame, code.nlocals);
                let depth = base.add(handler.depth as usize);
                let mut p = (*frame).sp;
                while p > depth {
                    p = p.sub(1);
                    (*p).decref();
                }
                *depth = exc;
                (*frame).sp = depth.add(1);
                (*frame).ip = (*frame).instrs.add(handler.target as usize);
                (*ts).frame = frame;
                return frame;
            }
            let previous = (*frame).previous;
            clear_frame(frame);
            (*ts).depth = (*ts).depth.saturating_sub(1);
            frame = previous;
            innermost = false;
        }
        entries.reverse();
        entries.append(&mut rt.traceback);
        rt.traceback = entries;
        (*ts).frame = frame;
        std::ptr::null_mut()
    }
}

/// Whether the exception set may be caught (stitch's own refusals may not).
fn catchable(rt: &Runtime) -> bool {
    rt.exception.as_ref().is_some_and(|e| e.kind != ExcKind::Unsupported)
}

/// An exception raised while another is handled has that one as its context.
fn set_context(rt: &mut Runtime) {
    if rt.handled != Value::NONE
        && let Some(err) = rt.exception.as_mut()
    {
        let exc = exceptions::materialize(err);
        exceptions::set_context(exc, rt.handled);
        exc.decref();
    }
}

/// Takes the exception out of the runtime for a handler: the exception object, its
/// traceback the handler's frames' `entries` (outermost first) followed by the ones
/// recorded deeper.
fn take_for_handler(rt: &mut Runtime, mut entries: Vec<TracebackEntry>) -> Option<Value> {
    entries.append(&mut rt.traceback);
    let mut err = rt.exception.take()?;
    let exc = exceptions::materialize(&mut err);
    // SAFETY: `materialize` made an exception object.
    unsafe { as_exception(exc).traceback = entries };
    Some(exc)
}

/// Whether the error raised at `at` in `frame` can be caught by a handler of the frame
/// itself whose depth is at `stack`, by a trace that stays in tier 2 (no refusal, no
/// error of a returning `__init__`, which belongs to its caller).
///
/// # Safety
/// `frame` is live and `stack` points into its value stack.
pub unsafe extern "C" fn can_catch(ts: *mut Thread, frame: *mut Frame, at: u32, stack: *mut Value) -> bool {
    // SAFETY: the frame is live.
    unsafe {
        let rt = runtime(ts);
        if SKIP_INNERMOST.get() || !catchable(rt) {
            return false;
        }
        let code = code_of(frame);
        let Some(handler) = code.handler_at(at as usize) else { return false };
        // The trace computed where the handler's depth is from the depths the compiler
        // recorded: the frame must agree.
        let agrees = local(frame, code.nlocals).add(handler.depth as usize) == stack;
        debug_assert!(agrees, "a trace's stack depth disagrees with the handler's");
        agrees
    }
}

/// What `unwind` does when `can_catch` says the failing instruction, at `at` in
/// `frame`, has its handler in its own frame, for a trace that stays in tier 2: the
/// traceback entry recorded, the `count` values from `stack` up (the stack above the
/// handler's depth) released, and the exception object returned, for the trace to push
/// at `stack` and continue at the handler.
///
/// # Safety
/// `frame` is live, the exception is set, `can_catch` said yes, and
/// `stack..stack + count` are the values at the top of its stack.
pub unsafe extern "C" fn catch_in_frame(ts: *mut Thread, frame: *mut Frame, at: u32, stack: *mut Value, count: u32) -> Value {
    // SAFETY: the frame and its stack are live; the values are owned by the stack.
    unsafe {
        let rt = runtime(ts);
        let code = code_of(frame);
        let reraise = std::mem::take(&mut rt.reraise);
        if !reraise {
            set_context(rt);
        }
        let mut entries = Vec::new();
        if !reraise {
            entries.push(TracebackEntry { filename: code.filename.clone(), line: code.line_at(at as usize), name: code.name.clone() });
        }
        let exc = take_for_handler(rt, entries).expect("can_catch saw the exception");
        for i in 0..count as usize {
            (*stack.add(i)).decref();
        }
        exc
    }
}

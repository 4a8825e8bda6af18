//! Unwinding after an uncaught exception: record a traceback entry per frame, release
//! the frames, and stop at the interpreter's exit frame.

use super::frames::{clear_frame, code_of};
use stitch_abi::{Frame, Thread, Value};
use stitch_core::vm::{Runtime, TracebackEntry};

/// The runtime behind a thread state.
///
/// # Safety
/// `ts` is the live thread state and no other reference to its runtime is in use.
pub unsafe fn runtime<'a>(ts: *mut Thread) -> &'a mut Runtime {
    // SAFETY: the runtime pointer is set when the thread state is made.
    unsafe { &mut *((*ts).runtime as *mut Runtime) }
}

/// Unwinds from `frame` (whose `ip` is the failing instruction) to the exit frame.
/// Returns `Value::ERROR`; the traceback is in the runtime, innermost entry last. The
/// entries already there are those of frames deeper than these: a call from below the
/// interpreter (a key function) unwound them before the error came back up through
/// the builtin that made it.
///
/// # Safety
/// `frame` is live with `ip` and `sp` saved; the exception is set.
pub unsafe fn unwind(ts: *mut Thread, mut frame: *mut Frame) -> Value {
    // SAFETY: frames are live until cleared; the chain ends in the exit frame.
    unsafe {
        let rt = runtime(ts);
        let mut entries = Vec::new();
        let mut innermost = true;
        while !(*frame).previous.is_null() {
            let code = code_of(frame);
            let offset = (*frame).ip.offset_from((*frame).instrs) as usize;
            // Callers' `ip` is the return address: the call is the unit before it.
            let line = if innermost { code.line_at(offset) } else { code.line_at(offset.saturating_sub(1)) };
            entries.push(TracebackEntry { filename: code.filename.clone(), line, name: code.name.clone() });
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
        Value::ERROR
    }
}

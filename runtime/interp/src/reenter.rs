//! Calls into Python from below the interpreter: a builtin calling a key function, a
//! `map` advancing. The layers below reach them through the hooks `bind` installs
//! (`stitch_core::ops::call::install`).
//!
//! A call made from below gets an exit frame of its own, laid out past the frame whose
//! instruction called down (the helper that called down recorded it in `(*ts).frame`),
//! and a tier-1 loop runs until that exit frame receives the result. An exception
//! unwinds to the exit frame and comes back as an error; the traceback entries of the
//! frames it unwound stay in the runtime, and the frames further out are put in front
//! of them when the error reaches them (`unwind`). As in CPython, only the Python
//! frames count towards the recursion limit.
//!
//! Executors may be running below such a call, in the middle of a trace: tier 2 asks
//! `nested_runs` before it frees any executor.

use super::frames::{init_frame, next_slot};
use super::tier1;
use super::unwind::runtime;
use stitch_abi::{Frame, Function, Thread, Value, op};
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::Args;
use stitch_core::objects::code::{Code, CodeParts};
use stitch_core::objects::{Owned, kind};
use stitch_core::ops::call::CallHooks;
use std::cell::Cell;

thread_local! {
    /// The thread state of the tier-1 loop running on this thread.
    static THREAD: Cell<*mut Thread> = const { Cell::new(std::ptr::null_mut()) };
    /// Whether it counts instructions (`--stats`).
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    /// Tier-1 loops started from below and not finished.
    static NESTED: Cell<u32> = const { Cell::new(0) };
    /// The code of exit frames: one INTERPRETER_EXIT (made once, never freed).
    static EXIT_CODE: Cell<Value> = const { Cell::new(Value::NULL) };
}

static HOOKS: CallHooks = CallHooks {
    call_function,
    call_any,
    resume: super::generators::resume,
    finalize: super::generators::finalize,
    can_finalize: super::generators::can_finalize,
    discard_traceback,
};

fn discard_traceback() {
    let ts = THREAD.get();
    if !ts.is_null() {
        // SAFETY: the thread state is live while its tier-1 loop runs.
        unsafe { runtime(ts) }.traceback.clear();
    }
}

/// Calls with up to this many positional arguments, exactly as many as the function
/// has parameters, take the fast path.
const EXACT_MAX: usize = 8;

/// A tier-1 loop starts on this thread with `ts`: calls from below go to it.
pub fn bind(ts: *mut Thread, counting: bool) {
    THREAD.set(ts);
    COUNTING.set(counting);
    stitch_core::ops::call::install(&HOOKS);
}

/// How many calls from below are running: while there are any, executors may be in
/// the middle of a trace further down the native stack.
pub fn nested_runs() -> u32 {
    NESTED.get()
}

/// The code of an exit frame: one INTERPRETER_EXIT, which returns the value it
/// receives from the interpreter.
pub fn exit_code_object(filename: std::rc::Rc<str>) -> Value {
    Code::new(CodeParts {
        instrs: vec![op::INTERPRETER_EXIT, 0],
        consts: vec![],
        names: vec![],
        varnames: vec![],
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        flags: 0,
        nlocals: 0,
        firstfree: 0,
        nfreevars: 0,
        stacksize: 1,
        depths: Vec::new(),
        name: "<exit>".to_string(),
        qualname: "<exit>".to_string(),
        doc: None,
        filename,
        firstlineno: 0,
        exception_table: Vec::new(),
        lines: vec![0, 0],
    })
    .into_value()
}

fn exit_code() -> Value {
    let code = EXIT_CODE.get();
    if !code.is_null() {
        return code;
    }
    let code = exit_code_object("<exit>".into());
    EXIT_CODE.set(code);
    code
}

/// The thread state of the tier-1 loop running on this thread (null if none).
pub(crate) fn thread() -> *mut Thread {
    THREAD.get()
}

/// An exit frame laid out past the frame that called down, for a run from below.
///
/// # Safety
/// `ts` is the live thread state.
pub(crate) unsafe fn exit_frame(ts: *mut Thread) -> PyResult<*mut Frame> {
    // SAFETY: the frame that called down is live and its stack ends at its `limit`,
    // past which the exit frame and the callee's frame are laid out.
    unsafe {
        let caller = (*ts).frame;
        if caller.is_null() {
            return Err(PyErr::new(ExcKind::RuntimeError, "no frame to call a Python function from"));
        }
        init_frame(
            next_slot(caller, std::ptr::null_mut()),
            (*ts).stack_end,
            exit_code().cast(),
            (*caller).globals,
            (*caller).builtins,
            std::ptr::null_mut(),
            Value::NULL,
        )
    }
}

/// Runs tier 1 from `frame` (whose caller chain ends in an exit frame) until the exit
/// frame receives a value; the error comes back with its exception.
///
/// # Safety
/// `ts` is the live thread state and `frame` ready to run.
pub(crate) unsafe fn run_nested(ts: *mut Thread, frame: *mut Frame) -> PyResult<Value> {
    // SAFETY: forwarded.
    unsafe {
        let saved = ((*ts).frame, THREAD.get(), COUNTING.get());
        (*ts).frame = frame;
        NESTED.set(NESTED.get() + 1);
        let result = if saved.2 { tier1::run::<true>(ts, frame) } else { tier1::run::<false>(ts, frame) };
        NESTED.set(NESTED.get() - 1);
        (*ts).frame = saved.0;
        bind(saved.1, saved.2);
        if result.is_error() {
            return Err(runtime(ts).exception.take().unwrap_or_else(|| PyErr::type_error("error without an exception")));
        }
        Ok(result)
    }
}

/// Calls the Python function `callable` with borrowed arguments; a new reference back.
fn call_function(callable: Value, args: &Args) -> PyResult<Value> {
    let ts = THREAD.get();
    if ts.is_null() {
        return Err(PyErr::new(ExcKind::RuntimeError, "no interpreter runs on this thread"));
    }
    // SAFETY: the thread state is live while its tier-1 loop runs.
    unsafe {
        let exit = exit_frame(ts)?;
        callable.incref();
        let nargs = args.positional.len();
        let exact = args.keywords.is_empty() && (*callable.cast::<Function>()).argcount as usize == nargs;
        let frame = if exact && nargs <= EXACT_MAX {
            // The common call (a key function, a map's function): the arguments go
            // straight into the frame.
            let mut owned = [Value::NULL; EXACT_MAX];
            for (slot, &v) in owned.iter_mut().zip(args.positional) {
                v.incref();
                *slot = v;
            }
            super::call::push_exact_frame(ts, exit, callable, owned.as_mut_ptr(), nargs as u32)?
        } else {
            let positional = args.positional.iter().map(|&v| Owned::new_ref(v)).collect();
            let keywords = args.keywords.iter().map(|&(k, v)| (k.to_string(), Owned::new_ref(v))).collect();
            super::call::push_function_frame(ts, exit, callable, positional, keywords)?
        };
        run_nested(ts, frame)
    }
}

/// Runs a module's code (borrowed) with `globals` (borrowed) as its namespace: an
/// import of one of the program's own modules. Its frame is laid out, behind an exit
/// frame, past the frame whose instruction called down; its exception comes back as an
/// error, its traceback entries left in the runtime as a call's are.
pub fn run_module(code: Value, globals: Value) -> PyResult<()> {
    let ts = THREAD.get();
    if ts.is_null() {
        return Err(PyErr::new(ExcKind::RuntimeError, "no interpreter runs on this thread"));
    }
    // SAFETY: as in `call_function`: the exit frame is laid out past the frame that
    // called down, the module's frame past the exit frame; the code and the globals
    // outlive the run (the module holds its namespace, the caller the code).
    unsafe {
        let exit = exit_frame(ts)?;
        let frame = init_frame((*exit).limit, (*ts).stack_end, code.cast(), globals.cast(), (*exit).builtins, exit, Value::NULL)?;
        super::frames::enter_call(ts)?;
        run_nested(ts, frame)?.decref();
        Ok(())
    }
}

/// Runs code compiled at run time (`exec`, `eval`) in `globals` with `builtins`, in a
/// frame past the one that called down; what the code returns.
pub fn run_code(code: Value, globals: Value, builtins: Value) -> PyResult<Value> {
    let ts = THREAD.get();
    if ts.is_null() {
        return Err(PyErr::new(ExcKind::RuntimeError, "no interpreter runs on this thread"));
    }
    // SAFETY: as `run_module`; the caller holds the code, the globals and the builtins
    // (dicts) for the run.
    unsafe {
        let exit = exit_frame(ts)?;
        let frame = init_frame((*exit).limit, (*ts).stack_end, code.cast(), globals.cast(), builtins.cast(), exit, Value::NULL)?;
        super::frames::enter_call(ts)?;
        run_nested(ts, frame)
    }
}

/// The frame that called down: its globals and builtins (borrowed dicts), and whether
/// it runs module code (whose locals are its globals) rather than a function's or a
/// class body's.
pub fn calling_frame() -> Option<(Value, Value, bool)> {
    let ts = THREAD.get();
    if ts.is_null() {
        return None;
    }
    // SAFETY: the thread state is live; the frame that called down lives while the
    // builtin it called runs.
    unsafe {
        let frame = (*ts).frame;
        if frame.is_null() {
            return None;
        }
        Some((Value::from_object((*frame).globals), Value::from_object((*frame).builtins), (*frame).function.is_null()))
    }
}

/// Where the Python frame `depth` frames out from the one that called down stands
/// (0: that frame): its file and the line of the call it is in, as its traceback entry
/// would name them (`warnings.warn`'s stacklevel); None past the outermost frame.
pub fn frame_location(depth: usize) -> Option<(String, u32)> {
    let ts = THREAD.get();
    if ts.is_null() {
        return None;
    }
    // SAFETY: the thread state is live; the frames that called down live while the
    // builtin they called runs, and their `ip` is saved (the return address).
    unsafe {
        let mut frame = (*ts).frame;
        let mut left = depth;
        while !frame.is_null() && !(*frame).previous.is_null() {
            let code = super::frames::code_of(frame);
            // Exit frames of calls made from below are no Python frames.
            if &*code.name != "<exit>" {
                if left == 0 {
                    let offset = (*frame).ip.offset_from((*frame).instrs) as usize;
                    return Some((code.filename.to_string(), code.line_at(offset.saturating_sub(1))));
                }
                left -= 1;
            }
            frame = (*frame).previous;
        }
        None
    }
}

/// Calls any callable with borrowed arguments, from code with no runtime at hand.
fn call_any(callable: Value, args: &Args) -> PyResult<Value> {
    if kind(callable) == stitch_abi::KIND_FUNCTION {
        return call_function(callable, args);
    }
    let ts = THREAD.get();
    if ts.is_null() {
        return Err(PyErr::new(ExcKind::RuntimeError, "no interpreter runs on this thread"));
    }
    // SAFETY: the thread state is live while its tier-1 loop runs.
    stitch_core::ops::call::call(unsafe { runtime(ts) }, callable, args)
}

/// Records the frame whose instruction is about to call down (a helper that may run
/// Python code does this first).
///
/// # Safety
/// `ts` is the live thread state and `frame` its running frame.
#[inline(always)]
pub unsafe fn calling_down(ts: *mut Thread, frame: *mut Frame) {
    // SAFETY: the caller guarantees the thread state.
    unsafe { (*ts).frame = frame };
}

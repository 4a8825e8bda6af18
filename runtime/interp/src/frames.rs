//! Frames on the thread's data stack: one contiguous region, frames pushed and popped
//! in call order (the `Frame` header, then locals, then the value stack).

use stitch_abi::access::local;
use stitch_abi::{Code, Dict, Frame, Thread, Value};
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::code::Code as CodeObject;

/// `Frame::spare` flag: the frame runs the `__init__` of a `Class(args)` call
/// (CALL_ALLOC_AND_ENTER_INIT) and keeps the new instance in the slot just before its
/// `limit`: its return checks that `__init__` returned None and hands the caller the
/// instance instead (`helpers::pop_frame`); clearing the frame releases it.
pub const INIT_FRAME: u32 = 1;
/// `Frame::spare` flag: the frame runs the method of a binary operator on an instance
/// (BINARY_OP_INSTANCE), the operator's oparg in the bits from `BINARY_OP_SHIFT` up, and
/// keeps both operands in the two slots before its `limit`: a `NotImplemented` it
/// returns becomes CPython's TypeError for the operands (`helpers::frame_return`).
pub const BINARY_FRAME: u32 = 2;
pub const BINARY_OP_SHIFT: u32 = 8;

/// Value slots a frame header takes.
pub const HEADER_SLOTS: usize = std::mem::size_of::<Frame>() / std::mem::size_of::<Value>();

/// The thread's data stack: a fixed region, never moved, so frame pointers stay valid.
/// It is held as a raw pointer: frames and the thread state point into it for its
/// whole life, so no reference to it may be made after they exist.
pub struct DataStack {
    slots: *mut Value,
    len: usize,
}

impl DataStack {
    pub fn new(slots: usize) -> DataStack {
        // Zeroed pages come from the kernel untouched: a large stack costs nothing until
        // it is used (zero bits are a valid value word, the float 0.0; frames set their
        // slots before reading them). The system allocator gets a region this size
        // straight from mmap and knows it is zero; the global allocator (mimalloc)
        // would clear all of it with memset, faulting in every page (16 MB, and as many
        // milliseconds, at every start).
        let layout = Self::layout(slots);
        // SAFETY: the layout is non-empty; all-zero bits are a valid `Value`.
        let p = unsafe { std::alloc::GlobalAlloc::alloc_zeroed(&std::alloc::System, layout) as *mut Value };
        if p.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        DataStack { slots: p, len: slots }
    }

    fn layout(slots: usize) -> std::alloc::Layout {
        std::alloc::Layout::array::<Value>(slots.max(1)).expect("data stack size")
    }

    pub fn base(&mut self) -> *mut Value {
        self.slots
    }

    pub fn end(&mut self) -> *mut Value {
        // SAFETY: one past the end of the allocation.
        unsafe { self.slots.add(self.len) }
    }
}

impl Drop for DataStack {
    fn drop(&mut self) {
        // SAFETY: allocated in `new` by the system allocator with this layout; nothing
        // runs on it any more.
        unsafe { std::alloc::GlobalAlloc::dealloc(&std::alloc::System, self.slots as *mut u8, Self::layout(self.len)) }
    }
}

/// Where a new frame starts: just past `caller` (or at `base` for the first frame).
///
/// # Safety
/// `caller` is null or a live frame of this data stack.
pub unsafe fn next_slot(caller: *mut Frame, base: *mut Value) -> *mut Value {
    // SAFETY: `limit` is inside the data stack.
    if caller.is_null() { base } else { unsafe { (*caller).limit } }
}

/// Lays out a frame for `code` at `at`; locals are NULL, the stack is empty.
///
/// # Safety
/// `at..end` is free data-stack space; `code` outlives the frame.
pub unsafe fn init_frame(
    at: *mut Value,
    end: *mut Value,
    code: *mut CodeObject,
    globals: *mut Dict,
    builtins: *mut Dict,
    previous: *mut Frame,
    function: Value,
) -> PyResult<*mut Frame> {
    // SAFETY: bounds are checked against `end` before writing.
    unsafe {
        let c = &*code;
        let slots = c.frame_slots();
        let limit = at.add(HEADER_SLOTS + slots);
        if limit > end {
            return Err(PyErr::new(ExcKind::MemoryError, "stack overflow"));
        }
        let frame = at as *mut Frame;
        let consts = c.consts.as_ptr();
        frame.write(Frame {
            code: code as *mut Code,
            instrs: c.instrs_ptr(),
            ip: c.instrs_ptr(),
            sp: std::ptr::null_mut(),
            consts,
            names: c.names.as_ptr(),
            globals,
            builtins,
            previous,
            function,
            nlocalsplus: slots as u32,
            spare: 0,
            limit,
            localsplus: [],
        });
        for i in 0..c.nlocals {
            local(frame, i).write(Value::NULL);
        }
        (*frame).sp = local(frame, c.nlocals);
        Ok(frame)
    }
}

/// Releases everything a frame holds: its locals, its stack up to `sp`, its function.
///
/// # Safety
/// `frame` is live and will not run again.
pub unsafe fn clear_frame(frame: *mut Frame) {
    // SAFETY: slots below `sp` are initialized values the frame owns, and so is the
    // kept instance of an `__init__` frame.
    unsafe {
        if (*frame).spare & INIT_FRAME != 0 {
            (*frame).spare &= !INIT_FRAME;
            (*(*frame).limit.sub(1)).decref();
        }
        if (*frame).spare & BINARY_FRAME != 0 {
            (*frame).spare = 0;
            (*(*frame).limit.sub(1)).decref();
            (*(*frame).limit.sub(2)).decref();
        }
        let mut p = local(frame, 0);
        let sp = (*frame).sp;
        while p < sp {
            (*p).decref();
            p = p.add(1);
        }
        (*frame).sp = local(frame, 0);
        (*frame).function.decref();
        (*frame).function = Value::NULL;
    }
}

/// The code object running in a frame.
///
/// # Safety
/// `frame` is live.
pub unsafe fn code_of<'a>(frame: *mut Frame) -> &'a CodeObject {
    // SAFETY: a frame's code outlives it.
    unsafe { &*((*frame).code as *mut CodeObject) }
}

/// Counts a call for RecursionError; CPython's limit counts the module too.
///
/// # Safety
/// `ts` is the live thread state.
pub unsafe fn enter_call(ts: *mut Thread) -> PyResult<()> {
    // SAFETY: the thread state is live.
    unsafe {
        if (*ts).depth >= (*ts).limit {
            return Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded"));
        }
        (*ts).depth += 1;
    }
    Ok(())
}

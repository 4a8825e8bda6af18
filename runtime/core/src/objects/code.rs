//! Code objects: the output of the compiler for one function or module. They are
//! values too (the constants of their enclosing code), so they start with a header.

use super::header;
use stitch_abi::{Executor, KIND_CODE, Object, Value};
use std::cell::RefCell;
use std::rc::Rc;

#[repr(C)]
pub struct Code {
    pub header: Object,
    /// Tier-1 code units. Specialization and ENTER_EXECUTOR rewrite them in place, so
    /// they are reached through a raw pointer.
    instrs: *mut u16,
    instrs_len: usize,
    /// Owned constants.
    pub consts: Vec<Value>,
    /// Names of globals and attributes (owned strs).
    pub names: Vec<Value>,
    /// Names of the locals, parameters first.
    pub varnames: Vec<String>,
    /// Positional parameters (the positional-only ones included).
    pub argcount: u32,
    /// Of the positional parameters, how many come before `/`.
    pub posonlyargcount: u32,
    /// Keyword-only parameters: the locals after the positional ones.
    pub kwonlyargcount: u32,
    /// `CO_VARARGS`, `CO_VARKEYWORDS`: the `*args` and `**kwargs` parameters follow the
    /// keyword-only ones, in that order.
    pub flags: u32,
    /// Local slots, the free variables' included.
    pub nlocals: u32,
    /// Locals `firstfree..firstfree + nfreevars` hold the cells of the closure
    /// (COPY_FREE_VARS puts them there).
    pub firstfree: u32,
    pub nfreevars: u32,
    /// Deepest the value stack gets.
    pub stacksize: u32,
    /// The stack depth before the instruction starting at each code unit (`u16::MAX`
    /// elsewhere, or where the compiler could not tell): tier 2 cuts the stack to a
    /// handler's depth without going back to tier 1.
    depths: Vec<u16>,
    pub name: String,
    /// The name with the enclosing functions' (`outer.<locals>.inner`).
    pub qualname: String,
    /// The docstring of a function.
    pub doc: Option<String>,
    pub filename: Rc<str>,
    pub firstlineno: u32,
    /// The source line of each code unit.
    pub lines: Vec<u32>,
    /// Executors installed over this code's loops (ENTER_EXECUTOR's oparg indexes it).
    pub executors: RefCell<Vec<*mut Executor>>,
    /// The version of the functions made from this code (0 until one is made).
    pub version: std::cell::Cell<u32>,
    /// Where exceptions raised in this code are handled (CPython 3.11's exception
    /// table), in code order.
    pub exception_table: Vec<Handler>,
}

/// An entry of the exception table: an exception raised by a code unit in
/// `start..end` is handled at `target`, with the value stack cut to `depth` values and
/// the exception pushed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}

/// `*args` is a parameter.
pub const CO_VARARGS: u32 = 0x04;
/// `**kwargs` is a parameter.
pub const CO_VARKEYWORDS: u32 = 0x08;
/// `CO_GENERATOR`: calling the function makes a generator (its code starts with
/// RETURN_GENERATOR).
pub const CO_GENERATOR: u32 = 0x20;
/// `CO_COROUTINE`: an `async def`; its calls make coroutines (generators that know
/// they are coroutines). Its code starts with RETURN_GENERATOR too.
pub const CO_COROUTINE: u32 = 0x80;

pub struct CodeParts {
    pub instrs: Vec<u16>,
    pub consts: Vec<Value>,
    pub names: Vec<Value>,
    pub varnames: Vec<String>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub nlocals: u32,
    pub firstfree: u32,
    pub nfreevars: u32,
    pub stacksize: u32,
    pub depths: Vec<u16>,
    pub name: String,
    pub qualname: String,
    pub doc: Option<String>,
    pub filename: Rc<str>,
    pub firstlineno: u32,
    pub lines: Vec<u32>,
    pub exception_table: Vec<Handler>,
}

impl Code {
    pub fn new(parts: CodeParts) -> Box<Code> {
        let instrs = Box::into_raw(parts.instrs.into_boxed_slice());
        Box::new(Code {
            header: header(KIND_CODE),
            instrs_len: instrs.len(),
            instrs: instrs as *mut u16,
            consts: parts.consts,
            names: parts.names,
            varnames: parts.varnames,
            argcount: parts.argcount,
            posonlyargcount: parts.posonlyargcount,
            kwonlyargcount: parts.kwonlyargcount,
            flags: parts.flags,
            nlocals: parts.nlocals,
            firstfree: parts.firstfree,
            nfreevars: parts.nfreevars,
            stacksize: parts.stacksize,
            depths: parts.depths,
            name: parts.name,
            qualname: parts.qualname,
            doc: parts.doc,
            filename: parts.filename,
            firstlineno: parts.firstlineno,
            lines: parts.lines,
            executors: RefCell::new(Vec::new()),
            version: std::cell::Cell::new(0),
            exception_table: parts.exception_table,
        })
    }

    /// A code object as a value (one reference).
    pub fn into_value(self: Box<Code>) -> Value {
        Value::from_object(Box::into_raw(self))
    }

    pub fn instrs_ptr(&self) -> *mut u16 {
        self.instrs
    }

    pub fn len(&self) -> usize {
        self.instrs_len
    }

    pub fn is_empty(&self) -> bool {
        self.instrs_len == 0
    }

    /// A copy of the current code units (for disassembly).
    pub fn units(&self) -> Vec<u16> {
        // SAFETY: `instrs` holds `instrs_len` units for the code's whole life.
        unsafe { std::slice::from_raw_parts(self.instrs, self.instrs_len).to_vec() }
    }

    /// The handler of an exception raised at the code unit `offset`, if any.
    pub fn handler_at(&self, offset: usize) -> Option<Handler> {
        let offset = offset as u32;
        // Entries do not overlap and are sorted: the last one starting at or before
        // `offset` is the only candidate.
        let i = self.exception_table.partition_point(|h| h.start <= offset);
        let h = *self.exception_table.get(i.checked_sub(1)?)?;
        (offset < h.end).then_some(h)
    }

    /// The stack depth before the instruction starting at `offset`, when known.
    pub fn depth_at(&self, offset: usize) -> Option<u32> {
        self.depths.get(offset).copied().filter(|&d| d != u16::MAX).map(u32::from)
    }

    /// The line of the code unit at `offset` (0 if out of range).
    pub fn line_at(&self, offset: usize) -> u32 {
        self.lines.get(offset).copied().unwrap_or(self.firstlineno)
    }

    /// Whether a call must bind more than positional arguments to positional parameters
    /// (`*args`, `**kwargs`, keyword-only parameters).
    pub fn binds_more_than_positional(&self) -> bool {
        self.kwonlyargcount > 0 || self.flags & (CO_VARARGS | CO_VARKEYWORDS) != 0
    }

    /// Slots a frame of this code needs: locals then stack.
    pub fn frame_slots(&self) -> usize {
        (self.nlocals + self.stacksize) as usize
    }
}

impl Drop for Code {
    fn drop(&mut self) {
        super::function::forget_version(self.version.get());
        for v in self.consts.drain(..).chain(self.names.drain(..)) {
            v.decref();
        }
        // SAFETY: `instrs` came from `Box<[u16]>` of this length in `new`.
        unsafe { drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(self.instrs, self.instrs_len))) };
    }
}

/// The code behind a code value.
///
/// # Safety
/// `v` is a live code object, and the reference does not outlive it.
pub unsafe fn as_code<'a>(v: Value) -> &'a Code {
    // SAFETY: the caller guarantees the kind.
    unsafe { &*v.cast::<Code>() }
}

//! The runtime state behind the thread state's `runtime` pointer: what operations and
//! builtins need of the machine (the pending exception, output, the builtins) and the
//! traceback of the exception being raised. Tier 2 and the JIT keep their own state in
//! the layers above.

use stitch_abi::Value;
use crate::errors::{ExcKind, PyErr, PyResult};
use crate::output;
use std::rc::Rc;

/// One line of a traceback: where a frame was when the exception passed through it.
#[derive(Clone, Debug)]
pub struct TracebackEntry {
    pub filename: Rc<str>,
    pub line: u32,
    /// The function's name (`<module>` for module code).
    pub name: String,
}

pub struct Runtime {
    /// The exception being raised, if any.
    pub exception: Option<PyErr>,
    /// The builtins dict.
    pub builtins: Value,
    /// The traceback of the exception, outermost frame first.
    pub traceback: Vec<TracebackEntry>,
    /// The exception being handled (CPython's `exc_info`): set by an `except` clause
    /// entering, restored when it leaves; an owned exception object, or NONE.
    pub handled: Value,
    /// The exception being raised is raised again (`raise` alone, or leaving a
    /// `finally` or an unmatched `except`): its traceback already has the frame.
    pub reraise: bool,
    /// The modules imported so far, by dotted name: the dict that is `sys.modules`, so
    /// a program that puts or takes out an entry changes what `import` finds.
    pub modules: Value,
    /// The list that is `sys.path`: the directories the program's own top-level
    /// modules are looked for in, the script's first.
    pub path: Value,
    /// The thread state running the program (null until the machine sets it):
    /// `sys.setrecursionlimit` changes its limit.
    pub thread: *mut stitch_abi::Thread,
    /// Buffers that take what is written to stdout instead of it, innermost last
    /// (doctest runs each example with its output captured, as CPython's
    /// `sys.stdout = fake` does).
    pub captures: Vec<String>,
}

impl Runtime {
    pub fn new(builtins: Value) -> Runtime {
        Runtime {
            exception: None,
            builtins,
            traceback: Vec::new(),
            handled: Value::NONE,
            reraise: false,
            modules: crate::objects::dict::new_dict(),
            path: crate::objects::list::from_vec(Vec::new()),
            thread: std::ptr::null_mut(),
            captures: Vec::new(),
        }
    }

    /// The entry of `sys.modules` named `name` (borrowed): a module, or whatever the
    /// program put there.
    pub fn module(&self, name: &str) -> Option<Value> {
        let key = crate::objects::str::new_str(name);
        // SAFETY: `modules` is the runtime's live dict; the key a live str.
        let found = unsafe { crate::objects::dict::get(self.modules.cast(), key, crate::objects::str::as_str(key).hash()) };
        key.decref();
        found
    }

    /// Enters `m` (a new reference, consumed) in `sys.modules` as `name`.
    pub fn add_module(&mut self, name: &str, m: Value) {
        let key = crate::objects::str::new_str(name);
        // SAFETY: as in `module`; key and value are new references.
        unsafe { crate::objects::dict::set(self.modules.cast(), key, crate::objects::str::as_str(key).hash(), m) };
    }

    /// Takes `name` out of `sys.modules` (CPython does so for a module whose code
    /// raised).
    pub fn remove_module(&mut self, name: &str) {
        let key = crate::objects::str::new_str(name);
        // SAFETY: as in `module`; the removed value is a reference the dict held.
        if let Some(old) = unsafe { crate::objects::dict::remove(self.modules.cast(), key, crate::objects::str::as_str(key).hash()) } {
            old.decref();
        }
        key.decref();
    }

    /// Writes to standard output (buffered, see `output`). A closed pipe is CPython's
    /// BrokenPipeError.
    pub fn write_out(&mut self, text: &str) -> PyResult<()> {
        if let Some(capture) = self.captures.last_mut() {
            capture.push_str(text);
            return Ok(());
        }
        output::write(text.as_bytes()).map_err(broken_pipe)
    }

    /// Appends bytes to standard output (`sys.stdout.buffer.write`). Output being
    /// captured as text (doctest) cannot take them.
    pub fn write_out_bytes(&mut self, bytes: &[u8]) -> PyResult<()> {
        if !self.captures.is_empty() {
            return Err(PyErr::unsupported("writing to sys.stdout.buffer while output is captured"));
        }
        output::write(bytes).map_err(broken_pipe)
    }

    /// Writes the buffered output out.
    pub fn flush(&mut self) -> PyResult<()> {
        output::flush().map_err(broken_pipe)
    }
}

fn broken_pipe(_: output::WriteError) -> PyErr {
    PyErr::new(ExcKind::BrokenPipeError, "[Errno 32] Broken pipe")
}

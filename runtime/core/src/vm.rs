//! The runtime state behind the thread state's `runtime` pointer: what operations and
//! builtins need of the machine (the pending exception, the output buffer, the
//! builtins) and the traceback of the exception being raised. Tier 2 and the JIT keep
//! their own state in the layers above.

use stitch_abi::Value;
use crate::errors::PyErr;
use std::io::Write;
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
    /// Buffered standard output (flushed at exit and before tracebacks).
    out: Vec<u8>,
    /// The builtins dict.
    pub builtins: Value,
    /// The traceback of the exception, outermost frame first.
    pub traceback: Vec<TracebackEntry>,
}

impl Runtime {
    pub fn new(builtins: Value) -> Runtime {
        Runtime {
            exception: None,
            out: Vec::with_capacity(1 << 16),
            builtins,
            traceback: Vec::new(),
        }
    }

    /// Writes to standard output (buffered).
    pub fn write_out(&mut self, text: &str) {
        self.out.extend_from_slice(text.as_bytes());
        if self.out.len() >= 1 << 16 {
            self.flush();
        }
    }

    pub fn flush(&mut self) {
        let mut stdout = std::io::stdout().lock();
        // A closed pipe is not an error of the program being run.
        let _ = stdout.write_all(&self.out);
        let _ = stdout.flush();
        self.out.clear();
    }
}

//! Python exceptions as the runtime raises them: a type and a message. The subset has
//! no `try`, so an exception always ends the program with a traceback.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExcKind {
    AssertionError,
    AttributeError,
    BrokenPipeError,
    EOFError,
    IndexError,
    KeyboardInterrupt,
    KeyError,
    NameError,
    OverflowError,
    RecursionError,
    RuntimeError,
    TypeError,
    UnboundLocalError,
    ValueError,
    ZeroDivisionError,
    MemoryError,
    /// `sys.exit()`: the message is `"<exit code>\n<text for stderr>"`; the program
    /// ends with that code and text and no traceback.
    SystemExit,
    /// Not a Python exception: the program reached something outside the subset while
    /// it ran (a complex result). The program ends with stitch's `unsupported` report
    /// and exit code 2, like a construct the compiler refuses.
    Unsupported,
}

impl ExcKind {
    pub fn name(self) -> &'static str {
        match self {
            ExcKind::AssertionError => "AssertionError",
            ExcKind::AttributeError => "AttributeError",
            ExcKind::BrokenPipeError => "BrokenPipeError",
            ExcKind::EOFError => "EOFError",
            ExcKind::KeyboardInterrupt => "KeyboardInterrupt",
            ExcKind::IndexError => "IndexError",
            ExcKind::KeyError => "KeyError",
            ExcKind::NameError => "NameError",
            ExcKind::OverflowError => "OverflowError",
            ExcKind::RecursionError => "RecursionError",
            ExcKind::RuntimeError => "RuntimeError",
            ExcKind::TypeError => "TypeError",
            ExcKind::UnboundLocalError => "UnboundLocalError",
            ExcKind::ValueError => "ValueError",
            ExcKind::ZeroDivisionError => "ZeroDivisionError",
            ExcKind::MemoryError => "MemoryError",
            ExcKind::SystemExit => "SystemExit",
            ExcKind::Unsupported => "unsupported",
        }
    }
}

/// A raised exception.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyErr {
    pub kind: ExcKind,
    /// The text after `Kind: ` on the traceback's last line; `None` prints `Kind` alone.
    pub message: Option<String>,
}

impl PyErr {
    pub fn new(kind: ExcKind, message: impl Into<String>) -> PyErr {
        PyErr { kind, message: Some(message.into()) }
    }

    pub fn bare(kind: ExcKind) -> PyErr {
        PyErr { kind, message: None }
    }

    pub fn type_error(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::TypeError, message)
    }

    pub fn value_error(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ValueError, message)
    }

    pub fn index_error(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::IndexError, message)
    }

    pub fn zero_division(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ZeroDivisionError, message)
    }

    /// Something outside the subset, met at run time (see `ExcKind::Unsupported`).
    pub fn unsupported(what: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::Unsupported, what)
    }

    pub fn overflow(message: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::OverflowError, message)
    }
}

/// The traceback's last line: `ZeroDivisionError: division by zero`.
impl fmt::Display for PyErr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.message {
            Some(m) => write!(f, "{}: {m}", self.kind.name()),
            None => write!(f, "{}", self.kind.name()),
        }
    }
}

pub type PyResult<T> = Result<T, PyErr>;

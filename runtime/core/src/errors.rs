//! Python exceptions as the runtime raises them: a kind (CPython's builtin class) and
//! a message, and the exception object once a program can see it (`exceptions`).

use std::fmt;
use stitch_abi::Value;

/// CPython's builtin exception classes that the runtime raises or programs name, each
/// with its base (`parent`): `except LookupError` catches a KeyError.
macro_rules! exception_kinds {
    ($($kind:ident: $parent:ident,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ExcKind {
            $($kind,)*
            /// Not a Python exception: the program reached something outside the subset
            /// while it ran (a cmath function of an infinity, ...). The program ends with stitch's
            /// `unsupported` report and exit code 2, like a construct the compiler
            /// refuses. No `except` catches it.
            Unsupported,
        }

        impl ExcKind {
            /// Every Python exception kind, in declaration order.
            pub const ALL: &[ExcKind] = &[$(ExcKind::$kind,)*];

            pub fn name(self) -> &'static str {
                match self {
                    $(ExcKind::$kind => stringify!($kind),)*
                    ExcKind::Unsupported => "unsupported",
                }
            }

            /// The base class (`BaseException` is its own).
            pub fn parent(self) -> ExcKind {
                match self {
                    $(ExcKind::$kind => ExcKind::$parent,)*
                    ExcKind::Unsupported => ExcKind::Unsupported,
                }
            }
        }
    };
}

exception_kinds! {
    BaseException: BaseException,
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    Exception: BaseException,
    StopIteration: Exception,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    InterruptedError: OSError,
    ProcessLookupError: OSError,
    TimeoutError: OSError,
    FileNotFoundError: OSError,
    FileExistsError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    PermissionError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    SyntaxError: Exception,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    // The categories of `warnings.warn` (and exceptions when a filter says "error").
    Warning: Exception,
    BytesWarning: Warning,
    DeprecationWarning: Warning,
    EncodingWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    PendingDeprecationWarning: Warning,
    ResourceWarning: Warning,
    RuntimeWarning: Warning,
    SyntaxWarning: Warning,
    UnicodeWarning: Warning,
    UserWarning: Warning,
}

impl ExcKind {
    /// Whether this kind is `of` or derives from it.
    pub fn is_subclass(self, of: ExcKind) -> bool {
        let mut k = self;
        loop {
            if k == of {
                return true;
            }
            if k.parent() == k {
                return false;
            }
            k = k.parent();
        }
    }

    /// The kind named `name`.
    pub fn by_name(name: &str) -> Option<ExcKind> {
        ExcKind::ALL.iter().copied().find(|k| k.name() == name)
    }
}

/// A raised exception.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PyErr {
    pub kind: ExcKind,
    /// The text after `Kind: ` on the traceback's last line; `None` prints `Kind` alone.
    pub message: Option<String>,
    /// The exception object, once there is one: made when the exception is caught, or
    /// raised by a program, or when its arguments are more than the message (a
    /// KeyError's key). `message` is then what `str()` of it gives.
    pub object: Option<ExcObjectRef>,
    /// What CPython's traceback printer adds after the message (a NameError's or
    /// AttributeError's ". Did you mean: 'count'?"): part of the report's last line,
    /// not of `str()` of the exception.
    pub hint: Option<String>,
}

/// An owned reference to an exception object (see `exceptions`), compared by
/// identity.
pub struct ExcObjectRef(Value);

impl ExcObjectRef {
    /// Takes over one reference to `v`, an exception object.
    pub fn from_owned(v: Value) -> ExcObjectRef {
        ExcObjectRef(v)
    }

    pub fn get(&self) -> Value {
        self.0
    }

    /// Gives the reference away.
    pub fn into_raw(self) -> Value {
        let v = self.0;
        std::mem::forget(self);
        v
    }
}

impl Clone for ExcObjectRef {
    fn clone(&self) -> ExcObjectRef {
        self.0.incref();
        ExcObjectRef(self.0)
    }
}

impl Drop for ExcObjectRef {
    fn drop(&mut self) {
        self.0.decref();
    }
}

impl PartialEq for ExcObjectRef {
    fn eq(&self, other: &ExcObjectRef) -> bool {
        self.0 == other.0
    }
}

impl Eq for ExcObjectRef {}

impl fmt::Debug for ExcObjectRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<exception object {:p}>", self.0.object())
    }
}

impl PyErr {
    pub fn new(kind: ExcKind, message: impl Into<String>) -> PyErr {
        PyErr { kind, message: Some(message.into()), object: None, hint: None }
    }

    /// The error with `hint` shown after its message in a traceback (none if empty).
    pub fn with_hint(mut self, hint: String) -> PyErr {
        self.hint = Some(hint).filter(|h| !h.is_empty());
        self
    }

    pub fn bare(kind: ExcKind) -> PyErr {
        PyErr { kind, message: None, object: None, hint: None }
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
        let user = self.object.as_ref().and_then(|o| crate::exceptions::traceback_name(o.get()));
        let name = user.as_deref().unwrap_or(self.kind.name());
        match &self.message {
            Some(m) => write!(f, "{name}: {m}")?,
            None => write!(f, "{name}")?,
        }
        write!(f, "{}", self.hint.as_deref().unwrap_or(""))
    }
}

pub type PyResult<T> = Result<T, PyErr>;

//! Exception objects: an instance of a builtin exception class, with its arguments,
//! the exceptions it was raised from (`__cause__`) and during (`__context__`), and the
//! traceback it has gathered so far.

use super::{header, new_object, tuple};
use crate::errors::ExcKind;
use crate::vm::TracebackEntry;
use stitch_abi::{KIND_EXCEPTION, Object, Value};

#[repr(C)]
pub struct ExcObject {
    pub header: Object,
    pub kind: ExcKind,
    /// `args`: an owned tuple.
    pub args: Value,
    /// `__cause__`: owned, or NONE.
    pub cause: Value,
    /// `__context__`: owned, or NONE.
    pub context: Value,
    /// `__suppress_context__`: set by `raise ... from ...`.
    pub suppress_context: bool,
    /// The frames the exception passed through, outermost first.
    pub traceback: Vec<TracebackEntry>,
    /// The user class (`class MyError(ValueError)`) it is an instance of, owned; NONE
    /// for an instance of the builtin class `kind` itself.
    pub class: Value,
    /// The attributes a user class's methods set (`self.code = code`): an owned dict,
    /// or NONE until the first is set.
    pub dict: Value,
    /// What CPython's traceback printer adds after the message (". Did you mean:
    /// 'count'?"): shown in the report of an uncaught exception, not by `str()`.
    pub hint: Option<String>,
}

impl Drop for ExcObject {
    fn drop(&mut self) {
        self.args.decref();
        self.cause.decref();
        self.context.decref();
        self.class.decref();
        self.dict.decref();
    }
}

/// A new exception of `kind` with `args` (an owned tuple).
pub fn new_exception(kind: ExcKind, args: Value) -> Value {
    new_object(ExcObject {
        header: header(KIND_EXCEPTION),
        kind,
        args,
        cause: Value::NONE,
        context: Value::NONE,
        suppress_context: false,
        traceback: Vec::new(),
        class: Value::NONE,
        dict: Value::NONE,
        hint: None,
    })
}

/// A new exception of `kind` whose only argument is `message`, or none.
pub fn with_message(kind: ExcKind, message: Option<&str>) -> Value {
    let args = match message {
        Some(m) => tuple::from_vec(vec![super::str::new_str(m)]),
        None => tuple::from_vec(Vec::new()),
    };
    new_exception(kind, args)
}

/// The exception object behind `v`.
///
/// # Safety
/// `v` is a live KIND_EXCEPTION object, and the borrow ends before it is freed or
/// another borrow of it is made.
pub unsafe fn as_exception<'a>(v: Value) -> &'a mut ExcObject {
    // SAFETY: as the caller promises.
    unsafe { &mut *v.cast::<ExcObject>() }
}

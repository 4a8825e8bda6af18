//! Builtin functions, methods bound to a receiver, and type objects (`int`, `list`,
//! ... are callable and are what `isinstance` checks against).

use super::{header, immortal_header};
use stitch_abi::{KIND_BOUND_METHOD, KIND_BUILTIN, KIND_TYPE, Object, Value};
use crate::errors::PyResult;
use crate::vm::Runtime;

/// Arguments of a builtin call: positional (a method's receiver first), then keyword.
/// Borrowed: the caller releases them after the call.
pub struct Args<'a> {
    pub positional: &'a [Value],
    pub keywords: &'a [(&'a str, Value)],
}

pub type BuiltinFn = fn(&mut Runtime, &Args) -> PyResult<Value>;

/// A builtin function, or a method of a builtin type (which takes the receiver as its
/// first positional argument).
#[repr(C)]
pub struct Builtin {
    pub header: Object,
    pub name: &'static str,
    /// For methods: the type they belong to (error messages say `list.append()`).
    pub owner: Option<&'static str>,
    pub func: BuiltinFn,
}

/// A method taken as a value (`f = lst.append`): the builtin and its receiver.
#[repr(C)]
pub struct BoundMethod {
    pub header: Object,
    pub func: Value,
    pub receiver: Value,
}

// CALL_BOUND_METHOD_EXACT_ARGS reads a bound method through the `.uops` file's
// layout: the fields must sit where it says.
const _: () = {
    assert!(std::mem::offset_of!(BoundMethod, func) == std::mem::offset_of!(stitch_abi::BoundMethodHead, func));
    assert!(std::mem::offset_of!(BoundMethod, receiver) == std::mem::offset_of!(stitch_abi::BoundMethodHead, receiver));
};

impl Drop for BoundMethod {
    fn drop(&mut self) {
        self.func.decref();
        self.receiver.decref();
    }
}

/// Which builtin type a type object stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeId {
    Int,
    Float,
    Complex,
    Bool,
    Str,
    Bytes,
    ByteArray,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    NoneType,
    Enumerate,
    Zip,
    Reversed,
    Map,
    Filter,
    Function,
    Generator,
    Coroutine,
    /// Builtin functions, and builtin methods bound to their object (`[].append`).
    BuiltinFunction,
    /// A function bound to an object (`obj.method`).
    Method,
    Module,
    /// `object`, the base of every class.
    Object,
    /// `type`, the type of classes and builtin types (the subset has no metaclasses).
    Type,
    /// A builtin exception class.
    Exception(crate::errors::ExcKind),
    /// The type of native objects (`objects::native`): its qualified name
    /// (`collections.deque`; the type object's `name` is the last part).
    Native(&'static str),
}

#[repr(C)]
pub struct TypeObject {
    pub header: Object,
    pub name: &'static str,
    pub id: TypeId,
    pub constructor: BuiltinFn,
}

/// A builtin that lives as long as the process.
pub fn immortal_builtin(name: &'static str, owner: Option<&'static str>, func: BuiltinFn) -> Value {
    Value::from_object(Box::into_raw(Box::new(Builtin { header: immortal_header(KIND_BUILTIN), name, owner, func })))
}

pub fn immortal_type(name: &'static str, id: TypeId, constructor: BuiltinFn) -> Value {
    Value::from_object(Box::into_raw(Box::new(TypeObject { header: immortal_header(KIND_TYPE), name, id, constructor })))
}

/// Binds a builtin method to a receiver (both borrowed; new references are taken).
pub fn bind(func: Value, receiver: Value) -> Value {
    func.incref();
    receiver.incref();
    Value::from_object(super::gc::new_tracked(BoundMethod { header: header(KIND_BOUND_METHOD), func, receiver }))
}

/// Type hints built at run time (`List[int]`, `dict[str, int]` in a type alias) are
/// placeholders: builtins owned by `typing` (or `collections.abc`) that only hints may use. Subscribing one
/// gives it back; calling or printing one is outside the subset (CPython's generic
/// aliases are not modelled).
pub fn is_hint_placeholder(v: Value) -> bool {
    // SAFETY: the kind is checked first.
    v.is_kind(KIND_BUILTIN) && matches!(unsafe { (*v.cast::<Builtin>()).owner }, Some("typing" | "collections.abc"))
}

/// The placeholder a subscripted builtin type (`list[int]`) evaluates to.
pub fn hint_placeholder() -> Value {
    thread_local! {
        static ALIAS: Value = immortal_builtin("GenericAlias", Some("typing"), refuse_hint);
    }
    ALIAS.with(|a| *a)
}

/// What calling a hint placeholder does.
pub fn refuse_hint(_rt: &mut Runtime, _args: &Args) -> PyResult<Value> {
    Err(crate::errors::PyErr::unsupported("using a type hint as a value"))
}

//! The builtin type objects (`int`, `list`, ...): one immortal object per type, so
//! `type(x) is int` holds and `isinstance` can compare ids.

use super::functions::{bytes_new, containers, convert, introspect, iteration};
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn, TypeId, TypeObject, immortal_type};
use stitch_core::objects::iter::{IterState, state_mut};
use stitch_core::objects::kind;
use stitch_core::vm::Runtime;
use std::sync::OnceLock;

/// Every type object: its name, id and constructor.
const TYPES: &[(&str, TypeId, BuiltinFn)] = &[
    ("int", TypeId::Int, convert::int),
    ("float", TypeId::Float, convert::float),
    ("complex", TypeId::Complex, convert::complex),
    ("bool", TypeId::Bool, convert::bool),
    ("str", TypeId::Str, convert::str),
    ("bytes", TypeId::Bytes, bytes_new::bytes),
    ("bytearray", TypeId::ByteArray, bytes_new::bytearray),
    ("list", TypeId::List, containers::list),
    ("tuple", TypeId::Tuple, containers::tuple),
    ("dict", TypeId::Dict, containers::dict),
    ("set", TypeId::Set, containers::set),
    ("frozenset", TypeId::FrozenSet, containers::frozenset),
    ("range", TypeId::Range, containers::range),
    ("NoneType", TypeId::NoneType, none_type),
    ("enumerate", TypeId::Enumerate, iteration::enumerate),
    ("zip", TypeId::Zip, iteration::zip),
    ("reversed", TypeId::Reversed, iteration::reversed),
    ("map", TypeId::Map, iteration::map),
    ("filter", TypeId::Filter, iteration::filter),
    ("function", TypeId::Function, function_type),
    ("generator", TypeId::Generator, generator_type),
    ("coroutine", TypeId::Coroutine, coroutine_type),
    ("builtin_function_or_method", TypeId::BuiltinFunction, builtin_function_type),
    ("method", TypeId::Method, method_type),
    ("module", TypeId::Module, module_type),
    ("type", TypeId::Type, introspect::type_),
    ("object", TypeId::Object, object_type),
];

/// `object()`: the subset has no plain objects.
fn object_type(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    if !args.positional.is_empty() || !args.keywords.is_empty() {
        return Err(PyErr::type_error("object() takes no arguments"));
    }
    Ok(stitch_core::classes::new_plain_object())
}

/// Types that are no builtin names: only `type(x)` reaches them.
pub const UNNAMED: &[&str] = &["NoneType", "function", "generator", "coroutine", "builtin_function_or_method", "method", "module"];

/// `type(g)(...)`: generators are made by calling generator functions only.
fn generator_type(_rt: &mut Runtime, _args: &Args) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'generator' instances"))
}

fn coroutine_type(_rt: &mut Runtime, _args: &Args) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'coroutine' instances"))
}

fn builtin_function_type(_rt: &mut Runtime, _args: &Args) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 'builtin_function_or_method' instances"))
}

/// `types.MethodType(f, obj)`: `f` bound to `obj`.
fn method_type(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::no_keywords("method", args)?;
    let a = crate::args::between("method", args, 0, 2, Some(2))?;
    if !stitch_core::ops::call::is_callable(a[0]) {
        return Err(PyErr::type_error("first argument must be callable"));
    }
    if a[1] == Value::NONE {
        return Err(PyErr::type_error("instance must not be None"));
    }
    Ok(stitch_core::objects::builtin::bind(a[0], a[1]))
}

/// `types.ModuleType(name, doc=None)`: an empty module, with the names CPython's
/// `module.__init__` sets (programs make these to enter in `sys.modules`).
fn module_type(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = crate::args::bind("module", args, 0, &["name", "doc"], 0, 1)?;
    let name_value = a[0].unwrap_or(Value::NONE);
    if !name_value.is_kind(stitch_abi::KIND_STR) {
        return Err(PyErr::type_error(format!("module() argument 'name' must be str, not {}", stitch_core::ops::type_name(name_value))));
    }
    // SAFETY: the kind was checked.
    let name = unsafe { stitch_core::objects::str::text(name_value) }?.to_string();
    let ns = stitch_core::objects::dict::new_dict();
    let doc = a[1].unwrap_or(Value::NONE);
    for (key, value) in [("__doc__", doc), ("__package__", Value::NONE), ("__loader__", Value::NONE), ("__spec__", Value::NONE)] {
        value.incref();
        let key = stitch_core::objects::str::new_str(key);
        // SAFETY: `ns` is the new dict; key and value are new references.
        unsafe { stitch_core::objects::dict::set(ns.cast(), key, stitch_core::objects::str::as_str(key).hash(), value) };
    }
    Ok(stitch_core::objects::module::new_module(&name, ns))
}

/// `type(f)(...)`: functions are made by `def` and `lambda` only.
fn function_type(_rt: &mut Runtime, _args: &Args) -> PyResult<Value> {
    Err(PyErr::type_error("function() missing required argument 'code' (pos 1)"))
}

fn none_type(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    if !args.positional.is_empty() || !args.keywords.is_empty() {
        return Err(PyErr::type_error("NoneType takes no arguments"));
    }
    Ok(Value::NONE)
}

/// The type objects, made once (they are immortal, so the table only holds words).
fn table() -> &'static [Value] {
    static TABLE: OnceLock<Vec<Value>> = OnceLock::new();
    TABLE.get_or_init(|| TYPES.iter().map(|&(name, id, ctor)| immortal_type(name, id, ctor)).collect())
}

/// The type objects of the library's native objects (`objects::native`): their
/// type names and constructors.
fn native_table() -> &'static [(&'static str, Value)] {
    static TABLE: OnceLock<Vec<(&'static str, Value)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        crate::modules::NATIVE_TYPES
            .iter()
            .map(|&(qualified, ctor)| {
                let name = qualified.rsplit('.').next().unwrap_or(qualified);
                (name, immortal_type(name, TypeId::Native(qualified), ctor))
            })
            .collect()
    })
}

/// The type object of `id`.
pub fn type_object(id: TypeId) -> Value {
    if let TypeId::Exception(k) = id {
        return stitch_core::exceptions::type_object(k);
    }
    if let TypeId::Native(qualified) = id {
        let name = qualified.rsplit('.').next().unwrap_or(qualified);
        return native_table().iter().find(|t| t.0 == name).map_or(table()[TYPES.len() - 1], |t| t.1);
    }
    let i = TYPES.iter().position(|t| t.1 == id).unwrap_or(0);
    table()[i]
}

/// Every type object with its name (for the builtins dict).
pub fn all() -> impl Iterator<Item = (&'static str, Value)> {
    TYPES.iter().zip(table()).map(|(t, &v)| (t.0, v))
}

/// The id of `v`'s type, for the types that have a type object.
pub fn type_id_of(v: Value) -> Option<TypeId> {
    if v.is_float() {
        return Some(TypeId::Float);
    }
    if v.is_int() {
        return Some(TypeId::Int);
    }
    if v.is_bool() {
        return Some(TypeId::Bool);
    }
    if v == Value::NONE {
        return Some(TypeId::NoneType);
    }
    Some(match kind(v) {
        KIND_BIGINT => TypeId::Int,
        KIND_COMPLEX => TypeId::Complex,
        KIND_STR => TypeId::Str,
        KIND_BYTES => TypeId::Bytes,
        KIND_BYTEARRAY => TypeId::ByteArray,
        KIND_LIST => TypeId::List,
        KIND_TUPLE => TypeId::Tuple,
        KIND_DICT if stitch_core::builtin_subclasses::class_of(v).is_some() => TypeId::Dict,
        KIND_DICT => match stitch_core::objects::subclass::behaviour(v) {
            Some(b) => {
                let name = b.type_name();
                // SAFETY: the table holds type objects.
                return native_table().iter().find(|t| t.0 == name).map(|t| unsafe { (*t.1.cast::<TypeObject>()).id });
            }
            None => TypeId::Dict,
        },
        KIND_SET => TypeId::Set,
        KIND_FROZENSET => TypeId::FrozenSet,
        KIND_RANGE => TypeId::Range,
        KIND_ENUMERATE => TypeId::Enumerate,
        KIND_ZIP => TypeId::Zip,
        KIND_MAP => TypeId::Map,
        KIND_FILTER => TypeId::Filter,
        KIND_FUNCTION => TypeId::Function,
        KIND_BUILTIN if stitch_core::objects::builtin::is_hint_placeholder(v) => return None,
        // A builtin with an owner unbound (`str.join`) is a method descriptor in CPython.
        // SAFETY: the kind was checked.
        KIND_BUILTIN if unsafe { (*v.cast::<stitch_core::objects::builtin::Builtin>()).owner }.is_some() => return None,
        KIND_BUILTIN => TypeId::BuiltinFunction,
        // SAFETY: the kind was checked.
        KIND_BOUND_METHOD => match kind(unsafe { (*v.cast::<stitch_core::objects::builtin::BoundMethod>()).func }) {
            KIND_FUNCTION => TypeId::Method,
            KIND_BUILTIN => TypeId::BuiltinFunction,
            _ => return None,
        },
        KIND_MODULE => TypeId::Module,
        KIND_TYPE | KIND_CLASS => TypeId::Type,
        KIND_GENERATOR if stitch_core::objects::generator::is_coroutine(v) => TypeId::Coroutine,
        KIND_GENERATOR => TypeId::Generator,
        KIND_EXCEPTION => TypeId::Exception(stitch_core::exceptions::kind_of(v)?),
        KIND_NATIVE => {
            let name = stitch_core::objects::native::get(v)?.type_name();
            // SAFETY: the table holds type objects.
            return native_table().iter().find(|t| t.0 == name).map(|t| unsafe { (*t.1.cast::<TypeObject>()).id });
        }
        // SAFETY: a KIND_REVERSED object is an `Iter`; the state is only read.
        KIND_REVERSED => match unsafe { state_mut(v) } {
            // reversed(list) and reversed(dict) have iterator types of their own.
            IterState::Reversed { seq, .. } if matches!(kind(seq.get()), KIND_LIST | KIND_DICT) => return None,
            _ => TypeId::Reversed,
        },
        _ => return None,
    })
}

/// Whether `v` is an instance of the type `id` (bool is a subclass of int).
pub fn is_instance(v: Value, id: TypeId) -> bool {
    if id == TypeId::Object {
        return true;
    }
    if id == TypeId::Native(crate::modules::abc::ABC_META) {
        // The classes whose metaclass would be ABCMeta in CPython.
        return v.is_kind(KIND_CLASS) && stitch_core::abstract_methods::derives_from_abc(v);
    }
    if id == TypeId::Float && stitch_core::float_subclass::is(v) {
        // An instance of a class deriving from float (an instance, not a float value).
        return true;
    }
    match type_id_of(v) {
        Some(TypeId::Bool) => matches!(id, TypeId::Bool | TypeId::Int),
        Some(TypeId::Exception(k)) => matches!(id, TypeId::Exception(of) if k.is_subclass(of)),
        Some(TypeId::Native(_)) if id == TypeId::Dict => v.is_kind(KIND_DICT),
        Some(t) => t == id,
        None => false,
    }
}

/// `issubclass(c, t)` for a class or type object `c` and the builtin type `id`.
pub fn is_subtype(c: Value, id: TypeId) -> bool {
    if c.is_kind(KIND_CLASS) {
        // SAFETY: the kind was checked.
        let base = unsafe { stitch_core::objects::class::as_class(c) }.exc_base;
        // SAFETY: as above.
        let builtin = unsafe { stitch_core::objects::class::as_class(c) }.builtin_base;
        return match id {
            TypeId::Object => true,
            TypeId::Exception(of) => base.is_some_and(|k| k.is_subclass(of)),
            TypeId::List => builtin.is_some_and(|b| b.type_name() == "list"),
            TypeId::Dict => builtin.is_some_and(|b| b.is_dict()),
            TypeId::Tuple => builtin.is_some_and(|b| b.type_name() == "tuple"),
            TypeId::Str => builtin.is_some_and(|b| b.type_name() == "str"),
            TypeId::Int => builtin.is_some_and(|b| b.type_name() == "int"),
            TypeId::Float => builtin.is_some_and(|b| b.type_name() == "float"),
            _ => false,
        };
    }
    match as_type(c) {
        _ if id == TypeId::Object => true,
        Some(TypeId::Bool) => matches!(id, TypeId::Bool | TypeId::Int),
        Some(TypeId::Exception(k)) => matches!(id, TypeId::Exception(of) if k.is_subclass(of)),
        Some(t) => t == id,
        None => false,
    }
}

/// The type object behind a value, if it is one.
pub fn as_type(v: Value) -> Option<TypeId> {
    // SAFETY: the kind is checked before the layout is read.
    v.is_kind(KIND_TYPE).then(|| unsafe { (*v.cast::<TypeObject>()).id })
}

//! `abc`: the `ABC` base class, `ABCMeta` and `@abstractmethod`. A class deriving
//! from `ABC`, or made with `metaclass=ABCMeta`, cannot be instantiated while it has
//! abstract methods (`stitch_core::abstract_methods`). `ABCMeta` is modelled without
//! a metaclass: it is a type object that only a class statement's `metaclass=` uses (and
//! `type()` of such a class gives).

use stitch_abi::{KIND_DESCRIPTOR, KIND_FUNCTION, Value};
use stitch_core::abstract_methods::mark;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn, TypeId};
use stitch_core::objects::class::Descriptor;
use stitch_core::objects::{dict, str as strs, tuple};
use stitch_core::vm::Runtime;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[("abstractmethod", abstractmethod)];

pub fn namespace() -> Value {
    super::namespace_of(FUNCTIONS, vec![("ABC", abc_class()), ("ABCMeta", super::native_type(ABC_META))])
}

/// The qualified name of `ABCMeta`'s type object.
pub const ABC_META: &str = "abc.ABCMeta";

/// `ABCMeta(name, bases, namespace)` called directly: making classes by calling a
/// metaclass is outside the subset.
pub fn abc_meta(_rt: &mut Runtime, _args: &Args) -> PyResult<Value> {
    Err(PyErr::unsupported("calling abc.ABCMeta (making a class through its metaclass)"))
}

/// `class C(metaclass=meta)`, applied to the class `cls` the statement made: `type`
/// changes nothing, `ABCMeta` makes `cls` record its abstract methods as a subclass
/// of `ABC` does.
pub fn apply_metaclass(meta: Value, cls: Value) -> PyResult<()> {
    match crate::types::as_type(meta) {
        Some(TypeId::Type) => Ok(()),
        Some(TypeId::Native(ABC_META)) => stitch_core::abstract_methods::adopt(cls),
        _ => Err(PyErr::unsupported("a metaclass other than type, abc.ABCMeta and classes deriving from type")),
    }
}

/// `class ABC: ...` of module `abc`, with the empty set of abstract names that makes
/// its subclasses record theirs.
fn abc_class() -> Value {
    let ns = dict::new_dict();
    let entries = [
        ("__module__", strs::new_str("abc")),
        ("__doc__", strs::new_str("Helper class that provides a standard way to create an ABC using\ninheritance.\n")),
    ];
    for (name, value) in entries {
        // SAFETY: a new dict; the key and value are new references.
        unsafe { dict::set(ns.cast(), strs::intern(name), strs::hash_text(name), value) };
    }
    let bases = tuple::from_vec(vec![]);
    let cls = stitch_core::classes::build_class("ABC", bases, ns).expect("the ABC class is made from a valid namespace");
    bases.decref();
    ns.decref();
    stitch_core::abstract_methods::make_root(cls);
    cls
}

/// `@abstractmethod`: marks a function (or the function a static method, class
/// method or property holds) abstract, and returns it.
fn abstractmethod(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let f = crate::args::one("abstractmethod", args, 0)?;
    let target = if f.is_kind(KIND_DESCRIPTOR) {
        // SAFETY: the kind was checked.
        unsafe { (*f.cast::<Descriptor>()).func }
    } else {
        f
    };
    if !target.is_kind(KIND_FUNCTION) || !mark(target) {
        return Err(PyErr::unsupported(format!("@abstractmethod on a '{}' object", stitch_core::ops::type_name(f))));
    }
    f.incref();
    Ok(f)
}

//! Abstract methods, as `abc` gives them: a class that derives from `abc.ABC` records
//! in `__abstractmethods__` the names whose values are marked abstract
//! (`@abstractmethod` sets `__isabstractmethod__` on the function), its own and those
//! it inherits and does not override; such a class cannot be instantiated.
//!
//! CPython computes the set in `ABCMeta.__new__` and checks it in `object.__new__`;
//! stitch has no metaclasses, so the class statement computes it for every class whose
//! MRO has a class with the set (`abc.ABC` carries an empty one), and instantiation
//! checks it.

use crate::classes::{class_name, lookup};
use crate::objects::class::as_class;
use crate::errors::{PyErr, PyResult};
use crate::objects::class::{Descriptor, DescriptorKind};
use crate::objects::{dict, function, set, str as strs};
use stitch_abi::{KIND_DESCRIPTOR, KIND_FROZENSET, KIND_FUNCTION, Value};

/// The attribute a class's abstract names are kept in.
pub const ABSTRACT_METHODS: &str = "__abstractmethods__";

/// Whether `v` (a class attribute) is marked abstract: a function with a true
/// `__isabstractmethod__`, or a static method, class method or property around one.
pub fn is_abstract(v: Value) -> bool {
    if v.is_kind(KIND_FUNCTION) {
        // SAFETY: the kind was checked; the attribute dict (if any) is a live dict.
        unsafe {
            let f = v.cast::<stitch_abi::Function>();
            if (*f).dict.is_null() {
                return false;
            }
            let name = "__isabstractmethod__";
            let d = (*f).dict;
            return dict::find_str(d, name, strs::hash_text(name)).is_some_and(|i| (*(*d).entries.add(i)).value == Value::TRUE);
        }
    }
    if v.is_kind(KIND_DESCRIPTOR) {
        // SAFETY: the kind was checked.
        let d = unsafe { &*v.cast::<Descriptor>() };
        let setter_abstract = d.which == DescriptorKind::Property && d.setter != Value::NONE && is_abstract(d.setter);
        return is_abstract(d.func) || setter_abstract;
    }
    false
}

/// Marks `f` abstract (`@abstractmethod`): sets `f.__isabstractmethod__ = True`.
pub fn mark(f: Value) -> bool {
    if !f.is_kind(KIND_FUNCTION) {
        return false;
    }
    // SAFETY: the kind was checked; the attribute dict is made if missing.
    unsafe {
        let d = function::attribute_dict(f.cast());
        let name = "__isabstractmethod__";
        dict::set(d, strs::intern(name), strs::hash_text(name), Value::TRUE);
    }
    true
}

/// The abstract names of a class being made, if its MRO takes part: `own` is its new
/// namespace dict, `bases` its direct bases and `mro` the classes after it. Sets
/// `__abstractmethods__` in `own` (a frozenset).
pub fn record(own: Value, bases: &[Value], mro: &[Value]) -> PyResult<()> {
    let has_set = |c: Value| crate::classes::dict_get(unsafe_dict(c), ABSTRACT_METHODS).is_some();
    if !mro.iter().any(|&c| has_set(c)) {
        return Ok(());
    }
    compute(own, bases, mro)
}

/// `class C(metaclass=ABCMeta)`: the class made by the statement takes part, with the
/// abstract names of its own body and of its bases.
pub fn adopt(cls: Value) -> PyResult<()> {
    // SAFETY: callers pass a live class.
    let c = unsafe { as_class(cls) };
    let (bases, mro) = (c.bases.clone(), c.mro.clone());
    compute(c.dict, &bases, &mro)
}

/// Sets `__abstractmethods__` in the namespace `own` of a class with the direct
/// `bases` and the classes `mro` after it.
fn compute(own: Value, bases: &[Value], mro: &[Value]) -> PyResult<()> {
    let names = set::new_set(KIND_FROZENSET);
    let add = |name: &str| {
        let key = strs::new_str(name);
        // SAFETY: a new frozenset, filled before anyone sees it; keys are strs.
        let r = unsafe { set::add(set::as_set(names), key, strs::hash_text(name)) };
        key.decref();
        r
    };
    // The namespace's own abstract values.
    // SAFETY: the new class dict is a live dict of str keys.
    for e in unsafe { dict::entries(own.cast()) } {
        // SAFETY: keys are strs.
        let name = unsafe { strs::text(e.key) }?;
        if is_abstract(e.value) {
            add(name)?;
        }
    }
    // Inherited abstract names still abstract in this class (looked up in its MRO).
    let find = |name: &str| crate::classes::dict_get(own, name).or_else(|| mro.iter().find_map(|&c| crate::classes::dict_get(unsafe_dict(c), name)));
    for &b in bases {
        let Some(inherited) = lookup(b, ABSTRACT_METHODS).filter(|s| set::is_any_set(*s)) else { continue };
        // SAFETY: a live set of strs.
        for e in unsafe { set::entries(set::as_set(inherited)) } {
            // SAFETY: the names are strs.
            let name = unsafe { strs::text(e.key) }?;
            if find(name).is_some_and(is_abstract) {
                add(name)?;
            }
        }
    }
    crate::classes::dict_set(own, ABSTRACT_METHODS, names);
    names.decref();
    Ok(())
}

/// Gives `cls` (a new class: `abc.ABC`) the empty set of abstract names that makes
/// its subclasses record theirs (the class statement refuses the name in a body).
pub fn make_root(cls: Value) {
    let names = set::new_set(KIND_FROZENSET);
    crate::classes::dict_set(unsafe_dict(cls), ABSTRACT_METHODS, names);
    names.decref();
}

/// Whether `cls` derives from `abc.ABC`, whose metaclass (`ABCMeta`) the subset
/// does not have: `type(cls)` is refused for it.
pub fn derives_from_abc(cls: Value) -> bool {
    lookup(cls, ABSTRACT_METHODS).is_some()
}

/// A class's namespace dict (borrowed).
fn unsafe_dict(c: Value) -> Value {
    // SAFETY: callers pass live classes.
    unsafe { as_class(c) }.dict
}

/// CPython's refusal to instantiate a class with abstract methods left.
pub fn check_instantiable(cls: Value) -> PyResult<()> {
    let Some(names) = lookup(cls, ABSTRACT_METHODS).filter(|s| set::is_any_set(*s)) else { return Ok(()) };
    // SAFETY: a live set of strs.
    let mut listed: Vec<String> = unsafe { set::entries(set::as_set(names)) }
        .iter()
        // SAFETY: as above.
        .filter_map(|e| unsafe { strs::text(e.key) }.ok().map(str::to_string))
        .collect();
    if listed.is_empty() {
        return Ok(());
    }
    listed.sort();
    let plural = if listed.len() > 1 { "s" } else { "" };
    Err(PyErr::type_error(format!(
        "Can't instantiate abstract class {} with abstract method{plural} {}",
        class_name(cls),
        listed.join(", ")
    )))
}

/// Whether instances of `cls` can be made (the specializer leaves the others to the
/// generic call, which raises).
pub fn is_instantiable(cls: Value) -> bool {
    check_instantiable(cls).is_ok()
}

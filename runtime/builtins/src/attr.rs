//! Attribute lookup. The subset's only attributes are the methods of builtin types.

use stitch_core::ops::type_name;
use stitch_abi::*;
use crate::methods;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::{TypeObject, bind};

fn no_attribute(owner: Value, name: &str) -> PyErr {
    let hint = stitch_core::suggest::attribute_error_hint(type_name(owner), name);
    PyErr::new(ExcKind::AttributeError, format!("'{}' object has no attribute '{name}'{hint}", type_name(owner)))
}

/// The method `name` of `owner`'s type, unbound: an immortal builtin that takes the
/// receiver as its first positional argument (LOAD_METHOD pushes `owner` after it).
pub fn load_method(owner: Value, name: &str) -> PyResult<Value> {
    if owner.is_kind(KIND_TYPE) {
        // `str.upper("x")`: the unbound method; `ops::call` drops the type that
        // LOAD_METHOD pushes as self.
        return load_attr(owner, name);
    }
    methods::lookup(type_name(owner), name).ok_or_else(|| no_attribute(owner, name))
}

/// `owner.name` as a value: a method bound to `owner`, or, on a type object, the
/// type's unbound method (`str.upper`).
pub fn load_attr(owner: Value, name: &str) -> PyResult<Value> {
    if owner.is_kind(KIND_TYPE) {
        // SAFETY: the kind was checked.
        let type_name = unsafe { (*owner.cast::<TypeObject>()).name };
        return methods::lookup(type_name, name).ok_or_else(|| {
            // `dir(str)` has the names `dir("")` has.
            let hint = stitch_core::suggest::attribute_error_hint(type_name, name);
            PyErr::new(ExcKind::AttributeError, format!("type object '{type_name}' has no attribute '{name}'{hint}"))
        });
    }
    let method = load_method(owner, name)?;
    Ok(bind(method, owner))
}

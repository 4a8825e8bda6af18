//! Instances of user classes deriving from `float` (`class Meters(float)`). A float is
//! no object here (it lives in the value word), so unlike the list/dict/str/int
//! subclasses (`crate::builtin_subclasses`) such an instance cannot be a float that
//! carries its class: it is an ordinary instance (`KIND_INSTANCE`, with its class and
//! attribute dict) whose float value sits in a side table keyed by its address. The
//! numeric view of values (`ops::num::as_num`) reads it, so arithmetic, comparison,
//! `abs`, `divmod`, `float()`, `int()` and `round()` fall back to float's once the
//! class's own special methods (asked first by `crate::special`) decline; `repr`,
//! `str`, `format`, hashing, truth and float's methods do the same.

use crate::errors::{PyErr, PyResult};
use crate::objects::builtin::{Args, TypeObject};
use crate::objects::class::as_class;
use crate::vm::Runtime;
use stitch_abi::{KIND_CLASS, KIND_INSTANCE, Value};
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    /// Instance address -> its float value.
    static VALUES: RefCell<HashMap<u64, f64>> = RefCell::new(HashMap::new());
}

/// Whether `cls` (a class) derives from float.
pub fn is_float_class(cls: Value) -> bool {
    // SAFETY: the kind is checked before the class is read.
    cls.is_kind(KIND_CLASS) && unsafe { as_class(cls) }.builtin_base.is_some_and(|b| b.type_name() == "float")
}

/// The float value of `v` when it is an instance of a class deriving from float.
#[inline]
pub fn value(v: Value) -> Option<f64> {
    if !v.is_kind(KIND_INSTANCE) {
        return None;
    }
    // SAFETY: the kind was checked; an instance holds its class.
    if !is_float_class(unsafe { crate::objects::class::as_instance(v) }.class) {
        return None;
    }
    VALUES.with(|t| t.borrow().get(&v.0).copied())
}

/// Whether `v` is such an instance.
pub fn is(v: Value) -> bool {
    value(v).is_some()
}

/// `v` as a plain float when it is such an instance, else `v` itself (borrowed either way:
/// floats hold no reference).
pub fn plain(v: Value) -> Value {
    value(v).map_or(v, Value::float)
}

/// Forgets the value of an instance being freed (its class derives from float).
pub fn forget(addr: u64) {
    // At thread exit the table may be gone already: nothing is left to forget then.
    let _ = VALUES.try_with(|t| t.borrow_mut().remove(&addr));
}

/// A new instance of `cls` (a class deriving from float) holding `f`.
pub fn new(cls: Value, f: f64) -> Value {
    let obj = crate::objects::class::new_instance(cls);
    VALUES.with(|t| t.borrow_mut().insert(obj.0, f));
    obj
}

/// `float.__new__(cls, *args)`: a float when `cls` is `float` itself, else a new
/// instance of `cls` holding what `float(*args)` makes.
pub fn float_new(rt: &mut Runtime, cls: Value, args: &Args) -> PyResult<Value> {
    let Some(name) = crate::class_new::type_or_class_name(cls) else {
        return Err(PyErr::type_error(format!("float.__new__(X): X is not a type object ({})", crate::ops::type_name(cls))));
    };
    if cls.is_kind(stitch_abi::KIND_TYPE) && name == "float" {
        // SAFETY: the kind was checked.
        let make = unsafe { (*cls.cast::<TypeObject>()).constructor };
        return make(rt, args);
    }
    if !is_float_class(cls) {
        return Err(PyErr::type_error(format!("float.__new__({name}): {name} is not a subtype of float")));
    }
    // The class's builtin base is the float type object, whose constructor is `float()`.
    // SAFETY: `is_float_class` checked the kind and the base.
    let base = unsafe { as_class(cls) }.builtin_base.expect("a float class has its base");
    // SAFETY: a builtin base is a live (immortal) type object.
    let make = unsafe { (*base.0.cast::<TypeObject>()).constructor };
    let made = make(rt, args)?;
    let f = made.is_float().then(|| made.as_float());
    made.decref();
    let f = f.ok_or_else(|| PyErr::type_error("float() did not return a float"))?;
    Ok(new(cls, f))
}

/// `float.__new__` (an immortal builtin), as `super().__new__(cls, x)` gives it.
pub fn float_new_builtin() -> Value {
    static F: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let p = *F.get_or_init(|| {
        crate::objects::builtin::immortal_builtin("__new__", Some("float"), |rt, args| {
            let Some((&cls, rest)) = args.positional.split_first() else {
                return Err(PyErr::type_error("float.__new__(): not enough arguments"));
            };
            float_new(rt, cls, &Args { positional: rest, keywords: args.keywords })
        })
        .object() as usize
    });
    Value::from_object(p as *mut stitch_abi::Object)
}

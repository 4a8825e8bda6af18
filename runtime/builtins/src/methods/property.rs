//! `property` methods: `getter` and `setter` make a copy of the property with one
//! accessor replaced, which is what `@x.setter` does to the property `x`.

use super::receiver;
use crate::args::one;
use stitch_abi::Value;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::class::{Descriptor, DescriptorKind, new_descriptor};
use stitch_core::vm::Runtime;

pub const METHODS: &[(&str, BuiltinFn)] = &[("getter", getter), ("setter", setter), ("deleter", deleter)];

/// The getter and setter of the receiver (borrowed), and the function given.
fn parts(args: &Args, method: &str) -> PyResult<(Value, Value, Value)> {
    let p = receiver(args, "property", method)?;
    let f = one(method, args, 1)?;
    // SAFETY: `receiver` checked that `p` is a property, a live descriptor.
    let d = unsafe { &*p.cast::<Descriptor>() };
    Ok((d.func, d.setter, f))
}

/// A new property with getter `get` and setter `set` (both borrowed).
fn new_property(get: Value, set: Value) -> Value {
    let p = new_descriptor(DescriptorKind::Property, get);
    set.incref();
    // SAFETY: a new descriptor whose setter is NONE (not owned).
    unsafe { (*p.cast::<Descriptor>()).setter = set };
    p
}

/// `prop.getter(f)`: the property with `f` as its getter.
fn getter(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (_, set, f) = parts(args, "getter")?;
    Ok(new_property(f, set))
}

/// `prop.setter(f)`: the property with `f` as its setter.
fn setter(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (get, _, f) = parts(args, "setter")?;
    Ok(new_property(get, f))
}

/// `prop.deleter(f)`: `del obj.attr` is outside the subset.
fn deleter(_rt: &mut Runtime, _args: &Args) -> PyResult<Value> {
    Err(PyErr::unsupported("a property deleter"))
}

//! `property` methods: `getter`, `setter` and `deleter` make a copy of the property
//! with one accessor replaced, which is what `@x.setter` does to the property `x`.

use super::receiver;
use crate::args::one;
use stitch_abi::Value;
use stitch_core::errors::PyResult;
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::class::{Descriptor, DescriptorKind, new_descriptor};
use stitch_core::vm::Runtime;

pub const METHODS: &[(&str, BuiltinFn)] = &[("getter", getter), ("setter", setter), ("deleter", deleter)];

/// The getter, setter and deleter of the receiver (borrowed), the function given, and
/// the receiver's name (borrowed), which the copy keeps as CPython's does.
fn parts(args: &Args, method: &str) -> PyResult<([Value; 3], Value, Value)> {
    let p = receiver(args, "property", method)?;
    let f = one(method, args, 1)?;
    // SAFETY: `receiver` checked that `p` is a property, a live descriptor.
    let d = unsafe { &*p.cast::<Descriptor>() };
    Ok(([d.func, d.setter, d.deleter], f, d.name))
}

/// `new_property` with the name `name` (borrowed) of the property it copies.
fn copy_property(get: Value, set: Value, del: Value, name: Value) -> Value {
    let p = new_property(get, set, del);
    name.incref();
    // SAFETY: a new property, whose name is NONE (not owned).
    unsafe { (*p.cast::<Descriptor>()).name = name };
    p
}

/// A new property with getter `get`, setter `set` and deleter `del` (all borrowed).
pub fn new_property(get: Value, set: Value, del: Value) -> Value {
    let p = new_descriptor(DescriptorKind::Property, get);
    set.incref();
    del.incref();
    // SAFETY: a new descriptor whose setter and deleter are NONE (not owned).
    unsafe {
        (*p.cast::<Descriptor>()).setter = set;
        (*p.cast::<Descriptor>()).deleter = del;
    }
    p
}

/// `prop.getter(f)`: the property with `f` as its getter.
fn getter(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let ([_, set, del], f, name) = parts(args, "getter")?;
    Ok(copy_property(f, set, del, name))
}

/// `prop.setter(f)`: the property with `f` as its setter.
fn setter(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let ([get, _, del], f, name) = parts(args, "setter")?;
    Ok(copy_property(get, f, del, name))
}

/// `prop.deleter(f)`: the property with `f` as its deleter.
fn deleter(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let ([get, set, _], f, name) = parts(args, "deleter")?;
    Ok(copy_property(get, set, f, name))
}

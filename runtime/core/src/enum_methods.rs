//! The methods and properties of the `Enum` base class, which its members find on
//! it as on any base class: `repr` `<Color.RED: 1>`, `str` `Color.RED`, `format`
//! of the str, `hash` of the name (CPython's, so sets and dicts of members keep
//! CPython's order), copies that are the member itself, and the read-only `name` and
//! `value` properties.

use crate::enums::{name_of, value_of};
use crate::errors::{ExcKind, PyErr, PyResult};
use crate::objects::builtin::Args;
use crate::objects::class::{Descriptor, DescriptorKind, new_descriptor};
use crate::objects::native::{Native, new_native};
use crate::objects::{Owned, dict, str as strs};
use stitch_abi::*;
use std::any::Any;

#[derive(Clone, Copy)]
enum Which {
    Repr,
    Str,
    Format,
    Hash,
    /// `__copy__` and `__deepcopy__`: members are singletons.
    Same,
    Name,
    Value,
    /// The setter of the `name` or `value` property.
    ReadOnly(&'static str),
    /// `str()` and `format()` of an `IntEnum` member: its value's.
    ValueStr,
    ValueFormat,
    /// `Flag`'s `|`, `&`, `^` (either side) and `~`.
    FlagOp(u32),
    FlagInvert,
    /// `Flag`'s `in`, iteration, `len` and truth.
    FlagContains,
    FlagIter,
    FlagLen,
    FlagBool,
}

struct Method(Which);

fn member_text(v: Value, what: &str) -> PyResult<String> {
    if v.is_null() {
        return Err(PyErr::new(ExcKind::AttributeError, format!("'{what}' is missing from the member")));
    }
    // SAFETY: the kind is checked first.
    if v.is_kind(KIND_STR) { unsafe { strs::text(v) }.map(str::to_string) } else { crate::ops::str(v) }
}

impl Method {
    fn run(&self, args: &Args) -> PyResult<Value> {
        let Some((&me, rest)) = args.positional.split_first() else {
            return Err(PyErr::type_error("an Enum method needs a member"));
        };
        let Some(of) = crate::classes::user_class_of(me).filter(|_| !me.is_kind(KIND_EXCEPTION)) else {
            return Err(PyErr::type_error(format!("an Enum method called on a '{}' object", crate::ops::type_name(me))));
        };
        let cls = crate::classes::class_name(of);
        match (self.0, rest) {
            (Which::Repr, []) => {
                let v = value_of(me);
                let value = if v.is_null() { String::new() } else { crate::ops::repr(v)? };
                if name_of(me) == Value::NONE {
                    // A flag's pseudo-member with no bits named (`Color(0)`).
                    return Ok(strs::new_str(&format!("<{cls}: {value}>")));
                }
                Ok(strs::new_str(&format!("<{cls}.{}: {value}>", member_text(name_of(me), "_name_")?)))
            }
            (Which::Str, []) if name_of(me) == Value::NONE => {
                Ok(strs::new_str(&format!("{cls}({})", crate::ops::repr(value_of(me))?)))
            }
            (Which::Str, []) => Ok(strs::new_str(&format!("{cls}.{}", member_text(name_of(me), "_name_")?))),
            (Which::FlagOp(op), [other]) => {
                let Some(a) = crate::enum_flags::member_bits(me) else { return Ok(crate::special::not_implemented()) };
                // The same class's member, or (an IntFlag) a plain int.
                let b = if crate::classes::user_class_of(*other) == Some(of) {
                    crate::enum_flags::member_bits(*other)
                } else if other.is_int() && !me.is_kind(KIND_INSTANCE) {
                    Some(other.as_int())
                } else {
                    None
                };
                let Some(b) = b else { return Ok(crate::special::not_implemented()) };
                let v = match op {
                    NB_OR => a | b,
                    NB_AND => a & b,
                    _ => a ^ b,
                };
                crate::enum_flags::member_of(of, v)
            }
            (Which::FlagInvert, []) => {
                let a = crate::enum_flags::member_bits(me).ok_or_else(|| PyErr::unsupported("~ of a flag with a value that is not an int"))?;
                crate::enum_flags::invert(of, a)
            }
            (Which::FlagContains, [other]) => {
                if crate::classes::user_class_of(*other) != Some(of) {
                    return Err(PyErr::type_error(format!(
                        "unsupported operand type(s) for 'in': '{}' and '{cls}'",
                        crate::ops::type_name(*other)
                    )));
                }
                let (a, b) = (crate::enum_flags::member_bits(me), crate::enum_flags::member_bits(*other));
                Ok(Value::bool(matches!((a, b), (Some(a), Some(b)) if a & b == b)))
            }
            (Which::FlagIter, []) => {
                let l = Owned(crate::enum_flags::decompose(of, crate::enum_flags::member_bits(me).unwrap_or(0)));
                Ok(crate::objects::iter::new_list_iter(l.get()))
            }
            (Which::FlagLen, []) => Ok(Value::int(i64::from(crate::enum_flags::member_bits(me).unwrap_or(0).count_ones()))),
            (Which::FlagBool, []) => Ok(Value::bool(crate::enum_flags::member_bits(me).unwrap_or(0) != 0)),
            (Which::Format, [spec]) => {
                // SAFETY: the kind is checked first.
                let spec = if spec.is_kind(KIND_STR) { unsafe { strs::text(*spec) }? } else { "" };
                let s = Owned(strs::new_str(&crate::ops::str(me)?));
                Ok(strs::new_str(&crate::ops::format(s.get(), spec)?))
            }
            (Which::Hash, []) if !me.is_kind(KIND_INSTANCE) => {
                // A mixed-in member hashes as its value (the data type's `__hash__`
                // comes first in CPython's MRO), so `{200: x}[Status.OK]` finds it.
                Ok(crate::objects::bigint::from_i64(crate::ops::hash(value_of(me))? as i64))
            }
            (Which::ValueStr, []) => Ok(strs::new_str(&crate::ops::str(value_of(me))?)),
            (Which::ValueFormat, [spec]) => {
                // SAFETY: the kind was checked.
                let spec = if spec.is_kind(KIND_STR) { unsafe { strs::text(*spec) }? } else { "" };
                Ok(strs::new_str(&crate::ops::format(value_of(me), spec)?))
            }
            (Which::Hash, []) => {
                let n = name_of(me);
                if n.is_null() {
                    return Err(PyErr::new(ExcKind::AttributeError, format!("'{cls}' object has no attribute '_name_'")));
                }
                Ok(crate::objects::bigint::from_i64(crate::ops::hash(n)? as i64))
            }
            (Which::Same, _) => {
                me.incref();
                Ok(me)
            }
            (Which::Name | Which::Value, []) => {
                let (v, what) = if matches!(self.0, Which::Name) { (name_of(me), "_name_") } else { (value_of(me), "_value_") };
                if v.is_null() {
                    return Err(PyErr::new(ExcKind::AttributeError, format!("'{cls}' object has no attribute '{what}'")));
                }
                v.incref();
                Ok(v)
            }
            (Which::ReadOnly(name), [_]) => {
                Err(PyErr::new(ExcKind::AttributeError, format!("<enum 'Enum'> cannot set attribute '{name}'")))
            }
            _ => Err(PyErr::type_error("wrong number of arguments to an Enum method")),
        }
    }
}

impl Native for Method {
    fn type_name(&self) -> &'static str {
        "function"
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn is_callable(&self) -> bool {
        true
    }
    fn binds_as_method(&self) -> bool {
        true
    }
    fn call(&self, args: &Args) -> Option<PyResult<Value>> {
        Some(self.run(args))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A read-only property whose getter is `get`.
fn property(get: Which, name: &'static str) -> Value {
    let getter = Owned(new_native(Box::new(Method(get))));
    let p = new_descriptor(DescriptorKind::Property, getter.get());
    // SAFETY: a new property descriptor; its setter (NONE, immortal) is replaced by a
    // new reference.
    unsafe { (*p.cast::<Descriptor>()).setter = new_native(Box::new(Method(Which::ReadOnly(name)))) };
    p
}

/// A new dict: the namespace of `IntEnum`, whose members print as their values.
pub fn value_text_namespace() -> Value {
    let d = dict::new_dict();
    let items = [
        ("__module__", strs::new_str("enum")),
        ("__str__", new_native(Box::new(Method(Which::ValueStr)))),
        ("__format__", new_native(Box::new(Method(Which::ValueFormat)))),
    ];
    for (name, v) in items {
        let key = strs::new_str(name);
        // SAFETY: a live dict; key and value are new references.
        unsafe { dict::set(d.cast(), key, strs::as_str(key).hash(), v) };
    }
    d
}

/// A new dict: the namespace of the `Flag` class.
pub fn flag_namespace() -> Value {
    let d = dict::new_dict();
    let method = |w| new_native(Box::new(Method(w)));
    let items = [
        ("__module__", strs::new_str("enum")),
        ("__or__", method(Which::FlagOp(NB_OR))),
        ("__ror__", method(Which::FlagOp(NB_OR))),
        ("__and__", method(Which::FlagOp(NB_AND))),
        ("__rand__", method(Which::FlagOp(NB_AND))),
        ("__xor__", method(Which::FlagOp(NB_XOR))),
        ("__rxor__", method(Which::FlagOp(NB_XOR))),
        ("__invert__", method(Which::FlagInvert)),
        ("__contains__", method(Which::FlagContains)),
        ("__iter__", method(Which::FlagIter)),
        ("__len__", method(Which::FlagLen)),
        ("__bool__", method(Which::FlagBool)),
    ];
    for (name, v) in items {
        let key = strs::new_str(name);
        // SAFETY: a live dict; key and value are new references.
        unsafe { dict::set(d.cast(), key, strs::as_str(key).hash(), v) };
    }
    d
}

/// A new dict: the namespace of the `Enum` class.
pub fn namespace() -> Value {
    let d = dict::new_dict();
    let method = |w| new_native(Box::new(Method(w)));
    let items = [
        ("__module__", strs::new_str("enum")),
        ("__repr__", method(Which::Repr)),
        ("__str__", method(Which::Str)),
        ("__format__", method(Which::Format)),
        ("__hash__", method(Which::Hash)),
        ("__copy__", method(Which::Same)),
        ("__deepcopy__", method(Which::Same)),
        ("name", property(Which::Name, "name")),
        ("value", property(Which::Value, "value")),
    ];
    for (name, v) in items {
        let key = strs::new_str(name);
        // SAFETY: a live dict; key and value are new references.
        unsafe { dict::set(d.cast(), key, strs::as_str(key).hash(), v) };
    }
    d
}

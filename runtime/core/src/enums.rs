//! `enum.Enum` and its subclasses. Stitch has no metaclasses, so what CPython's
//! `EnumType` does is here, asked by the few places that handle class objects when
//! the class is flagged (`ClassObject::enum_class`): making the members when the
//! class statement ends (`finish`), calling the class (a lookup by value), iterating
//! it, `len`, `Color['RED']`, `in`, assigning to it, its repr. The members are plain
//! instances of the class stored in its dict, so `Color.RED` is an ordinary class
//! attribute load and every specialization of attribute access takes them; the
//! class keeps CPython's `_member_names_`, `_member_map_` and `_value2member_map_`.
//! What members do (`repr`, `str`, `format`, `hash`, `name`, `value`) is the `Enum`
//! base class's methods (`crate::enum_methods`); `Flag`, `IntFlag` and `StrEnum` are
//! `crate::enum_flags`.

use crate::classes::{dict_get, dict_set, is_dunder, lookup, modified, own_attr};
use crate::errors::{ExcKind, PyErr, PyResult};
use crate::objects::builtin::Args;
use crate::objects::class::{as_class, as_instance, new_instance};
use crate::objects::native::{Native, new_native};
use crate::objects::{Owned, dict, list, str as strs, tuple};
use crate::ops::call::call_any;
use stitch_abi::*;
use std::any::Any;
use std::cell::Cell;

thread_local! {
    /// The `Enum` class, made on first use and kept for the thread.
    static ENUM_BASE: Cell<Option<Value>> = const { Cell::new(None) };
}

/// The `enum.Enum` class (borrowed; it lives as long as the thread).
pub fn enum_base() -> Value {
    if let Some(c) = ENUM_BASE.with(|c| c.get()) {
        return c;
    }
    let ns = Owned(crate::enum_methods::namespace());
    let bases = Owned(tuple::from_vec(Vec::new()));
    let cls = crate::classes::build_class("Enum", bases.get(), ns.get()).expect("the Enum class builds");
    set_members(cls, Vec::new(), dict::new_dict(), dict::new_dict());
    // SAFETY: a new class.
    unsafe { as_class(cls) }.enum_class.set(true);
    ENUM_BASE.with(|c| c.set(Some(cls)));
    cls
}

/// Whether `v` is an enum class (`Enum` or a subclass).
pub fn is_enum_class(v: Value) -> bool {
    // SAFETY: the kind is checked first.
    v.is_kind(KIND_CLASS) && unsafe { as_class(v) }.enum_class.get()
}

/// `auto()`: a placeholder the class statement replaces with the next value.
pub struct Auto;

impl Native for Auto {
    fn type_name(&self) -> &'static str {
        "auto"
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn binary(&self, _a: Value, _b: Value, _op: u32) -> Option<PyResult<Value>> {
        // CPython gives `auto()` its value as the class body assigns it (its
        // `_EnumDict`), so `RED | BLUE` works in the body; stitch gives values when
        // the statement ends.
        Some(Err(PyErr::unsupported("an operator on auto() values in an enum's class body")))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A new `auto()` placeholder.
pub fn new_auto() -> Value {
    new_native(Box::new(Auto))
}

fn is_auto(v: Value) -> bool {
    crate::objects::native::downcast::<Auto>(v).is_some()
}

/// `_name_` names CPython reserves for the enum machinery (`_missing_`, `_order_`...).
fn is_sunder(name: &str) -> bool {
    name.len() > 2 && name.starts_with('_') && name.ends_with('_') && !name[1..].starts_with('_') && !name[..name.len() - 1].ends_with('_')
}

/// What in a class body is a method or a descriptor rather than a member.
fn is_descriptor(v: Value) -> bool {
    v.is_kind(KIND_FUNCTION)
        || v.is_kind(KIND_DESCRIPTOR)
        || crate::objects::native::get(v).is_some_and(|n| n.binds_as_method())
}

fn enum_repr(cls: Value) -> String {
    let what = if crate::enum_flags::is_flag_class(cls) { "flag" } else { "enum" };
    format!("<{what} '{}'>", crate::classes::class_name(cls))
}

/// The class's member names in definition order, aliases left out (borrowed list).
fn member_names(cls: Value) -> Value {
    own_attr(cls, "_member_names_").filter(|v| v.is_kind(KIND_LIST)).unwrap_or(Value::NULL)
}

/// The class's `_member_map_` (borrowed dict), name to member, aliases included.
fn member_map(cls: Value) -> Option<Value> {
    own_attr(cls, "_member_map_").filter(|v| v.is_kind(KIND_DICT))
}

/// The canonical members, in definition order (borrowed).
pub(crate) fn members(cls: Value) -> Vec<Value> {
    let names = member_names(cls);
    let Some(map) = member_map(cls) else { return Vec::new() };
    if names.is_null() {
        return Vec::new();
    }
    // SAFETY: a live list of strs and a live dict of str keys.
    unsafe { list::items(names.cast()) }
        .iter()
        // SAFETY: the names are strs.
        .filter_map(|&n| unsafe { strs::text(n) }.ok().and_then(|t| dict_get(map, t)))
        .collect()
}

fn set_members(cls: Value, names: Vec<Value>, map: Value, by_value: Value) {
    // SAFETY: callers pass classes.
    let d = unsafe { as_class(cls) }.dict;
    let names = Owned(list::from_vec(names));
    let (map, by_value) = (Owned(map), Owned(by_value));
    dict_set(d, "_member_names_", names.get());
    dict_set(d, "_member_map_", map.get());
    dict_set(d, "_value2member_map_", by_value.get());
}

/// The attribute dict of a member (borrowed): an instance's, or that of the int or
/// str a mixed-in enum's member is (`crate::builtin_subclasses`).
pub(crate) fn member_dict(member: Value) -> Option<Value> {
    if member.is_kind(KIND_INSTANCE) {
        // SAFETY: the kind was checked.
        return Some(unsafe { as_instance(member) }.dict);
    }
    crate::builtin_subclasses::attributes(member)
}

/// A member's `_value_` (borrowed), NULL if the program deleted it.
pub(crate) fn value_of(member: Value) -> Value {
    member_dict(member).and_then(|d| dict_get(d, "_value_")).unwrap_or(Value::NULL)
}

/// A member's `_name_` (borrowed).
pub(crate) fn name_of(member: Value) -> Value {
    member_dict(member).and_then(|d| dict_get(d, "_name_")).unwrap_or(Value::NULL)
}

thread_local! {
    /// `IntEnum`, made on first use.
    static INT_ENUM: Cell<Option<Value>> = const { Cell::new(None) };
}

/// `enum.IntEnum` (borrowed): a class deriving from `int` (the type object given) and
/// `Enum`, whose `str()` and `format()` are the value's, as CPython 3.11's.
pub fn int_enum(int_type: Value) -> PyResult<Value> {
    if let Some(c) = INT_ENUM.with(|c| c.get()) {
        return Ok(c);
    }
    let base = enum_base();
    let ns = Owned(crate::enum_methods::value_text_namespace());
    base.incref();
    int_type.incref();
    let bases = Owned(tuple::from_vec(vec![int_type, base]));
    let cls = crate::classes::build_class("IntEnum", bases.get(), ns.get())?;
    INT_ENUM.with(|c| c.set(Some(cls)));
    Ok(cls)
}

/// A member of an enum mixing in `int` or `str` (`base`): an int or str of the class
/// holding `value` (borrowed).
fn mixed_member(cls: Value, base: &str, value: Value) -> PyResult<Value> {
    let fits = match base {
        "int" => value.is_int() || value.is_kind(KIND_BIGINT),
        _ => value.is_kind(KIND_STR),
    };
    if !fits {
        return Err(PyErr::unsupported(format!("an enum with the data type {base} mixed in whose member's value is a {}", crate::ops::type_name(value))));
    }
    crate::builtin_subclasses::value_of_class(cls, value)
}

/// The class statement of a subclass of an enum class has ended: its body's plain
/// values become members (instances of the class, `__init__` run with the value's
/// items), in order; a value equal to an earlier member's makes an alias of it.
pub fn finish(cls: Value) -> PyResult<()> {
    // SAFETY: callers pass classes; MRO entries are live classes.
    let c = unsafe { as_class(cls) };
    for &b in &c.mro {
        if is_enum_class(b) && !members(b).is_empty() {
            return Err(PyErr::type_error(format!("{} cannot extend {}", enum_repr(cls), enum_repr(b))));
        }
    }
    let mixin = c.builtin_base.map(|b| b.type_name());
    if let Some(base) = mixin.filter(|b| !matches!(*b, "int" | "str")) {
        return Err(PyErr::unsupported(format!("an enum with the data type {base} mixed in")));
    }
    c.enum_class.set(true);
    // SAFETY: the class dict is a live dict of str keys; the entries are copied (with
    // references) before any Python code runs.
    let entries: Vec<(String, Owned)> = unsafe {
        dict::entries(c.dict.cast())
            .filter_map(|e| strs::text(e.key).ok().map(|k| (k.to_string(), Owned::new_ref(e.value))))
            .collect()
    };
    let private = format!("_{}__", c.name);
    let generate = lookup(cls, "_generate_next_value_");
    let flag = crate::enum_flags::is_flag_class(cls);
    let init = lookup(cls, "__init__");
    let mut names = Vec::new();
    let map = Owned(dict::new_dict());
    let by_value = Owned(dict::new_dict());
    let mut last_values: Vec<Value> = Vec::new();
    let result = (|| -> PyResult<()> {
        for (name, value) in &entries {
            let value = value.get();
            if name == "_ignore_" {
                return Err(PyErr::unsupported("an enum's _ignore_"));
            }
            if is_dunder(name) || is_sunder(name) || name.starts_with(&private) || is_descriptor(value) {
                continue;
            }
            if name == "name" || name == "value" {
                // CPython keeps the `name` and `value` properties working beside such
                // members (enum.property); stitch's members would hide them.
                return Err(PyErr::unsupported(format!("an enum member named {name}")));
            }
            let value = if is_auto(value) && generate.is_none() && flag {
                // Flag's `_generate_next_value_`: the next power of two.
                crate::enum_flags::next_bit(&last_values)?
            } else if is_auto(value) && generate.is_none() && crate::enum_flags::is_str_enum(cls) {
                // StrEnum's: the member's name in lower case.
                crate::enum_flags::lower_name(name)
            } else if is_auto(value) {
                next_value(generate, name, len_of(map.get()), &last_values)?
            } else {
                value.incref();
                value
            };
            last_values.push(value);
            let member = Owned(match mixin {
                // Members of a mixed-in enum are values of that type (int arithmetic,
                // str methods), objects of their own that carry the class.
                Some(base) => mixed_member(cls, base, value)?,
                None => new_instance(cls),
            });
            let key = Owned(strs::new_str(name));
            let md = member_dict(member.get()).expect("a new member has an attribute dict");
            dict_set(md, "_value_", value);
            dict_set(md, "_name_", key.get());
            // CPython's member keeps its class (a cycle the collector frees).
            dict_set(md, "__objclass__", cls);
            if let Some(f) = init {
                let args: Vec<Value> = if value.is_kind(KIND_TUPLE) {
                    // SAFETY: the kind was checked.
                    unsafe { tuple::items(value.cast()) }.to_vec()
                } else {
                    vec![value]
                };
                crate::special::call_method(f, member.get(), &args)?.decref();
            }
            dict_set(md, "_sort_order_", Value::int(names.len() as i64));
            let v = value_of(member.get());
            let canonical = match find_by_value(map.get(), by_value.get(), v)? {
                Some(m) => m,
                None => {
                    if !flag || crate::enum_flags::is_canonical(v) {
                        // A flag's other values are members found by value, not iterated.
                        names.push(Owned::new_ref(key.get()));
                    }
                    if let Ok(h) = crate::ops::hash::hash(v) {
                        // SAFETY: a live dict; key and value are new references.
                        unsafe {
                            if dict::find(by_value.get().cast(), v, h).is_none() {
                                v.incref();
                                member.get().incref();
                                dict::set(by_value.get().cast(), v, h, member.get());
                            }
                        }
                    }
                    member.get()
                }
            };
            dict_set(map.get(), name, canonical);
            dict_set(c.dict, name, canonical);
        }
        Ok(())
    })();
    last_values.iter().for_each(|v| v.decref());
    result?;
    set_members(cls, names.into_iter().map(Owned::into_raw).collect(), map.into_raw(), by_value.into_raw());
    modified(cls);
    Ok(())
}

fn len_of(d: Value) -> usize {
    // SAFETY: callers pass live dicts.
    unsafe { (*d.cast::<Dict>()).len }
}

/// The member whose value equals `v` (borrowed): by hash, else (an unhashable
/// value) by comparing with every member.
fn find_by_value(map: Value, by_value: Value, v: Value) -> PyResult<Option<Value>> {
    if let Ok(h) = crate::ops::hash::hash(v) {
        // SAFETY: a live dict.
        let found = unsafe { dict::get(by_value.cast(), v, h) };
        crate::ops::compare::key_error_pending()?;
        return Ok(found);
    }
    // SAFETY: a live dict; the members are copied before comparing (which may run
    // Python code).
    let all: Vec<Owned> = unsafe { dict::entries(map.cast()).map(|e| Owned::new_ref(e.value)).collect() };
    for m in all {
        let mv = value_of(m.get());
        if !mv.is_null() && crate::ops::compare::eq(mv, v)? {
            return Ok(Some(m.get()));
        }
    }
    Ok(None)
}

/// The value of an `auto()` member: the class's own `_generate_next_value_(name,
/// start, count, last_values)`, else CPython's default (one more than the last value
/// that takes `+ 1`, else 1). A new reference.
fn next_value(generate: Option<Value>, name: &str, count: usize, last: &[Value]) -> PyResult<Value> {
    if let Some(f) = generate {
        last.iter().for_each(|v| v.incref());
        let values = Owned(list::from_vec(last.to_vec()));
        let n = Owned(strs::new_str(name));
        let args = [n.get(), Value::int(1), Value::int(count as i64), values.get()];
        let f = if f.is_kind(KIND_DESCRIPTOR) {
            // `@staticmethod def _generate_next_value_(...)`.
            // SAFETY: the kind was checked.
            unsafe { (*f.cast::<crate::objects::class::Descriptor>()).func }
        } else {
            f
        };
        return call_any(f, &Args { positional: &args, keywords: &[] });
    }
    // CPython 3.11 sorts the values: when the last is the largest it gives that plus
    // one, else (with a DeprecationWarning) the largest that takes `+ 1` plus one;
    // values that do not take it at all (strs) give the start, 1.
    let Some(&newest) = last.last() else { return Ok(Value::int(1)) };
    let number = |v: Value| -> Option<f64> {
        if v.is_bool() {
            Some(f64::from(u8::from(v == Value::TRUE)))
        } else if v.is_int() {
            Some(v.as_int() as f64)
        } else if v.is_float() {
            Some(v.as_float())
        } else {
            None
        }
    };
    if last.iter().all(|v| v.is_kind(KIND_STR)) {
        return Ok(Value::int(1));
    }
    let Some(numbers) = last.iter().map(|&v| number(v)).collect::<Option<Vec<f64>>>() else {
        return Err(PyErr::unsupported("auto() after values that are not all numbers or all strs"));
    };
    let largest = numbers.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    // A stable sort puts the last of equal largest values at the end.
    let base = if numbers[numbers.len() - 1] == largest {
        newest
    } else {
        let i = numbers.iter().rposition(|&n| n == largest).unwrap_or(numbers.len() - 1);
        last[i]
    };
    Ok(if base.is_float() { Value::float(base.as_float() + 1.0) } else { crate::objects::bigint::from_i64(number(base).unwrap_or(0.0) as i64 + 1) })
}

/// `Color(value)`: the member with that value (a new reference), else the class's
/// `_missing_(value)`, else CPython's ValueError.
pub fn call(cls: Value, args: &Args) -> PyResult<Value> {
    let value = match (args.positional, args.keywords.is_empty()) {
        ([v], true) => *v,
        ([], true) => {
            return Err(PyErr::type_error("EnumType.__call__() missing 1 required positional argument: 'value'"));
        }
        _ => return Err(PyErr::unsupported("the functional API of Enum")),
    };
    if crate::classes::user_class_of(value) == Some(cls) {
        value.incref();
        return Ok(value);
    }
    if let (Some(map), Some(by_value)) = (member_map(cls), own_attr(cls, "_value2member_map_"))
        && let Some(m) = find_by_value(map, by_value, value)?
    {
        m.incref();
        return Ok(m);
    }
    if crate::enum_flags::is_flag_class(cls)
        && lookup(cls, "_missing_").is_none()
        && (value.is_int() || value.is_bool())
    {
        // Flag's `_missing_`: the member for that combination of bits.
        return crate::enum_flags::member_of(cls, if value.is_bool() { i64::from(value == Value::TRUE) } else { value.as_int() });
    }
    // SAFETY: callers pass classes.
    let qualname = &unsafe { as_class(cls) }.qualname;
    let not_valid = || -> PyResult<PyErr> { Ok(PyErr::value_error(format!("{} is not a valid {qualname}", crate::ops::repr(value)?))) };
    if let Some(missing) = lookup(cls, "_missing_") {
        let f = Owned(crate::classes::bind_attribute(missing, Value::NULL, cls)?);
        let r = Owned(call_any(f.get(), &Args { positional: &[value], keywords: &[] })?);
        if r.get() == Value::NONE {
            return Err(not_valid()?);
        }
        if crate::classes::user_class_of(r.get()).is_some_and(|c| crate::classes::is_subclass(c, cls)) {
            return Ok(r.into_raw());
        }
        return Err(PyErr::type_error(format!(
            "error in {}._missing_: returned {} instead of None or a valid member",
            crate::classes::class_name(cls),
            crate::ops::repr(r.get())?
        )));
    }
    Err(not_valid()?)
}

/// `iter(Color)`: an iterator over the members, aliases left out (a new reference).
pub fn iter(cls: Value) -> Value {
    let ms = members(cls);
    ms.iter().for_each(|m| m.incref());
    let l = Owned(list::from_vec(ms));
    crate::objects::iter::new_list_iter(l.get())
}

/// `reversed(Color)`: the members last first (a new reference).
pub fn reversed(cls: Value) -> Value {
    let mut ms = members(cls);
    ms.reverse();
    ms.iter().for_each(|m| m.incref());
    let l = Owned(list::from_vec(ms));
    crate::objects::iter::new_list_iter(l.get())
}

/// `len(Color)`: the members, aliases left out.
pub fn len(cls: Value) -> usize {
    members(cls).len()
}

/// `Color['RED']`: the member of that name, aliases included (a new reference).
pub fn getitem(cls: Value, name: Value) -> PyResult<Value> {
    if let Some(map) = member_map(cls)
        && let Ok(h) = crate::ops::hash::hash(name)
        // SAFETY: a live dict.
        && let Some(m) = unsafe { dict::get(map.cast(), name, h) }
    {
        m.incref();
        return Ok(m);
    }
    crate::ops::compare::key_error_pending()?;
    Err(crate::exceptions::key_error(name))
}

/// `member in Color`: CPython 3.11 takes members only.
pub fn contains(cls: Value, item: Value) -> PyResult<bool> {
    let Some(of) = crate::classes::user_class_of(item).filter(|&c| is_enum_class(c)) else {
        return Err(PyErr::type_error(format!(
            "unsupported operand type(s) for 'in': '{}' and 'EnumType'",
            crate::ops::type_name(item)
        )));
    };
    if !crate::classes::is_subclass(of, cls) {
        return Ok(false);
    }
    let name = name_of(item);
    // SAFETY: the kind is checked first.
    Ok(name.is_kind(KIND_STR) && member_map(cls).is_some_and(|m| dict_get(m, unsafe { strs::text(name) }.unwrap_or("")).is_some()))
}

/// `Color.name = value`: members cannot be reassigned.
pub fn check_setattr(cls: Value, name: &str) -> PyResult<()> {
    if member_map(cls).is_some_and(|m| dict_get(m, name).is_some()) {
        return Err(PyErr::new(ExcKind::AttributeError, format!("cannot reassign member '{name}'")));
    }
    Ok(())
}

/// `Color.__members__`: name to member, aliases included (CPython's read-only proxy;
/// here a new dict with the same items).
pub fn members_dict(cls: Value) -> Value {
    let d = dict::new_dict();
    if let Some(map) = member_map(cls) {
        // SAFETY: live dicts of str keys; the new one takes new references.
        unsafe {
            for e in dict::entries(map.cast()) {
                e.key.incref();
                e.value.incref();
                dict::set(d.cast(), e.key, e.hash, e.value);
            }
        }
    }
    d
}

/// `repr(Color)`: `<enum 'Color'>`.
pub fn class_repr(cls: Value) -> String {
    enum_repr(cls)
}

/// `@unique`: CPython's ValueError naming every alias, else nothing.
pub fn check_unique(cls: Value) -> PyResult<()> {
    let Some(map) = member_map(cls).filter(|_| is_enum_class(cls)) else {
        return Err(PyErr::unsupported("@unique on a class that is not an Enum"));
    };
    let mut aliases = Vec::new();
    // SAFETY: a live dict of str keys; nothing runs Python code meanwhile.
    for e in unsafe { dict::entries(map.cast()) } {
        // SAFETY: keys and members' names are strs.
        let (alias, name) = unsafe { (strs::text(e.key)?, strs::text(name_of(e.value)).unwrap_or("")) };
        if alias != name {
            aliases.push(format!("{alias} -> {name}"));
        }
    }
    if aliases.is_empty() {
        return Ok(());
    }
    Err(PyErr::value_error(format!("duplicate values found in {}: {}", enum_repr(cls), aliases.join(", "))))
}

//! `enum.Flag`, `enum.IntFlag` and `enum.StrEnum` (CPython 3.11). A flag class's
//! canonical members are its one-bit values (the only ones iteration gives); any other
//! value, named (`WHITE = RED | GREEN | BLUE`) or made by an operator (`RED | BLUE`),
//! is a member found by value, made on first use as CPython's `Flag._missing_` makes
//! its pseudo-members: named after the canonical members it holds, in definition
//! order (`RED|BLUE`), cached in `_value2member_map_`. `Flag` keeps to its bits
//! (CPython's STRICT boundary: a value with other bits is refused here rather than
//! given CPython's multi-line ValueError); `IntFlag` keeps any int (KEEP: `R|8`).
//! The operators, `in`, iteration, `len` and truth of members are the `Flag` base
//! class's methods (`crate::enum_methods`).

use crate::classes::{dict_set, own_attr};
use crate::enums::{enum_base, members, name_of, value_of};
use crate::errors::{PyErr, PyResult};
use crate::objects::class::new_instance;
use crate::objects::{Owned, dict, list, str as strs, tuple};
use stitch_abi::*;
use std::cell::Cell;

thread_local! {
    static FLAG: Cell<Option<Value>> = const { Cell::new(None) };
    static INT_FLAG: Cell<Option<Value>> = const { Cell::new(None) };
    static STR_ENUM: Cell<Option<Value>> = const { Cell::new(None) };
}

/// `enum.Flag` (borrowed; it lives as long as the thread).
pub fn flag_base() -> Value {
    if let Some(c) = FLAG.with(|c| c.get()) {
        return c;
    }
    let base = enum_base();
    base.incref();
    let bases = Owned(tuple::from_vec(vec![base]));
    let ns = Owned(crate::enum_methods::flag_namespace());
    let cls = crate::classes::build_class("Flag", bases.get(), ns.get()).expect("the Flag class builds");
    FLAG.with(|c| c.set(Some(cls)));
    cls
}

/// `enum.IntFlag` (borrowed): deriving from `int` (the type object given) and `Flag`,
/// its members print as their values (CPython 3.11's `ReprEnum`).
pub fn int_flag(int_type: Value) -> PyResult<Value> {
    if let Some(c) = INT_FLAG.with(|c| c.get()) {
        return Ok(c);
    }
    let flag = flag_base();
    flag.incref();
    int_type.incref();
    let bases = Owned(tuple::from_vec(vec![int_type, flag]));
    let ns = Owned(crate::enum_methods::value_text_namespace());
    let cls = crate::classes::build_class("IntFlag", bases.get(), ns.get())?;
    INT_FLAG.with(|c| c.set(Some(cls)));
    Ok(cls)
}

/// `enum.StrEnum` (borrowed): deriving from `str` (the type object given) and `Enum`;
/// its members print as their values, and `auto()` gives the member's name in lower case.
pub fn str_enum(str_type: Value) -> PyResult<Value> {
    if let Some(c) = STR_ENUM.with(|c| c.get()) {
        return Ok(c);
    }
    let base = enum_base();
    base.incref();
    str_type.incref();
    let bases = Owned(tuple::from_vec(vec![str_type, base]));
    let ns = Owned(crate::enum_methods::value_text_namespace());
    let cls = crate::classes::build_class("StrEnum", bases.get(), ns.get())?;
    STR_ENUM.with(|c| c.set(Some(cls)));
    Ok(cls)
}

/// Whether `cls` derives from `Flag` (made yet: no class can before it is).
pub fn is_flag_class(cls: Value) -> bool {
    FLAG.with(|c| c.get()).is_some_and(|f| cls.is_kind(KIND_CLASS) && crate::classes::is_subclass(cls, f))
}

/// Whether `cls` derives from `StrEnum`.
pub fn is_str_enum(cls: Value) -> bool {
    STR_ENUM.with(|c| c.get()).is_some_and(|f| cls.is_kind(KIND_CLASS) && crate::classes::is_subclass(cls, f))
}

/// The default `auto()` value of a flag: the power of two above the largest value so
/// far, 1 for the first.
pub fn next_bit(last: &[Value]) -> PyResult<Value> {
    let mut high: i64 = 0;
    for &v in last {
        let Some(n) = small(v) else {
            return Err(PyErr::unsupported("auto() in a Flag after a value that is not an int"));
        };
        high = high.max(n);
    }
    let next = if high <= 0 { Some(1) } else { 1i64.checked_shl(64 - high.leading_zeros()).filter(|&b| Value::fits_int(b) && b > 0) };
    next.map(Value::int).ok_or_else(|| PyErr::unsupported("a Flag value past the small ints"))
}

/// The default `auto()` value of a StrEnum member: its name in lower case.
pub fn lower_name(name: &str) -> Value {
    strs::new_str(&name.to_lowercase())
}

/// Whether a flag member's value is one bit (a canonical member, which iteration gives).
pub fn is_canonical(v: Value) -> bool {
    small(v).is_some_and(|n| n > 0 && n & (n - 1) == 0)
}

/// The i64 of a small int (bools included); None for anything else.
fn small(v: Value) -> Option<i64> {
    if v.is_int() {
        Some(v.as_int())
    } else if v.is_bool() {
        Some(i64::from(v == Value::TRUE))
    } else {
        None
    }
}

/// The int value of a flag member, if it has one that fits a word.
pub fn member_bits(member: Value) -> Option<i64> {
    small(value_of(member))
}

/// The OR of the canonical members' values (CPython's `_flag_mask_`).
fn mask(cls: Value) -> i64 {
    members(cls).iter().filter_map(|&m| member_bits(m)).fold(0, |a, b| a | b)
}

/// The member of flag class `cls` with value `v` (a new reference): a named one, or the
/// pseudo-member for that combination of bits, made once.
pub fn member_of(cls: Value, v: i64) -> PyResult<Value> {
    let Some(by_value) = own_attr(cls, "_value2member_map_").filter(|d| d.is_kind(KIND_DICT)) else {
        return Err(PyErr::unsupported("a Flag class without its members"));
    };
    let key = Value::int(v);
    let h = crate::ops::hash::hash(key)?;
    // SAFETY: a live dict.
    if let Some(m) = unsafe { dict::get(by_value.cast(), key, h) } {
        m.incref();
        return Ok(m);
    }
    // SAFETY: the kind is checked first.
    let int_based = unsafe { crate::objects::class::as_class(cls) }.builtin_base.is_some_and(|b| b.type_name() == "int");
    if v < 0 {
        return Err(PyErr::unsupported("a Flag value below zero"));
    }
    let mut names = Vec::new();
    let mut covered = 0;
    for m in members(cls) {
        if let Some(bits) = member_bits(m)
            && bits & v == bits
        {
            covered |= bits;
            // SAFETY: the kind is checked first.
            let n = name_of(m);
            if n.is_kind(KIND_STR) {
                names.push(unsafe { strs::text(n) }?.to_string());
            }
        }
    }
    let rest = v & !covered;
    if rest != 0 {
        if !int_based {
            return Err(strict_error(cls, v));
        }
        if !names.is_empty() {
            // Bits no member has are named by their value after the members' (`R|8`);
            // alone, they leave the member nameless (`<P: 8>`).
            names.push(rest.to_string());
        }
    }
    let member = Owned(if int_based { crate::builtin_subclasses::value_of_class(cls, key)? } else { new_instance(cls) });
    let name = Owned(if names.is_empty() { Value::NONE } else { strs::new_str(&names.join("|")) });
    let md = crate::enums::member_dict(member.get()).expect("a new member has an attribute dict");
    dict_set(md, "_value_", key);
    dict_set(md, "_name_", name.get());
    dict_set(md, "__objclass__", cls);
    member.get().incref();
    // SAFETY: a live dict; key (a small int) and member are new references.
    unsafe { dict::set(by_value.cast(), key, h, member.get()) };
    Ok(member.into_raw())
}

/// CPython's ValueError for a value with bits a Flag (STRICT) has no member for: the
/// value and the allowed bits, in binary, padded to the same width.
fn strict_error(cls: Value, v: i64) -> PyErr {
    let m = mask(cls);
    let width = (64 - v.leading_zeros()).max(64 - m.leading_zeros()) as usize;
    let bits = |n: i64| if n == 0 { "0".repeat(width) } else { format!("{n:0width$b}") };
    PyErr::value_error(format!(
        "<flag '{}'> invalid value {v}\n    given 0b0 {}\n  allowed 0b0 {}",
        crate::classes::class_name(cls),
        bits(v),
        bits(m)
    ))
}

/// `~member`: the bits the member does not have.
pub fn invert(cls: Value, v: i64) -> PyResult<Value> {
    let m = mask(cls);
    // SAFETY: callers pass classes.
    let int_based = unsafe { crate::objects::class::as_class(cls) }.builtin_base.is_some();
    // An IntFlag keeps every bit up to its highest member's (CPython's KEEP boundary
    // turns `~v`, negative, into those bits); a Flag keeps its members' bits only.
    let keep = if int_based { (1i64 << (64 - m.leading_zeros())) - 1 } else { m };
    if v & !keep != 0 {
        return Err(PyErr::unsupported("~ of a flag value with bits outside its members'"));
    }
    member_of(cls, keep & !v)
}

/// The canonical members whose bits `v` has, in definition order (a new list).
pub fn decompose(cls: Value, v: i64) -> Value {
    let ms: Vec<Value> = members(cls).into_iter().filter(|&m| member_bits(m).is_some_and(|b| b & v == b)).collect();
    ms.iter().for_each(|m| m.incref());
    list::from_vec(ms)
}

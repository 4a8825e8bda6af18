//! `str.maketrans` and `str.translate`, with CPython's checks and messages. A
//! translation table is a dict from code points (ints) to a str, a code point or None
//! (delete); other mappings are refused.

use super::str::{arg_text, text};
use crate::args::{between, no_keywords};
use stitch_abi::*;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::Args;
use stitch_core::objects::{self, Owned, dict};
use stitch_core::ops::hash;
use stitch_core::ops::num::{Int, as_int};
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;

/// `str.maketrans(x[, y[, z]])`, called on the type (no receiver).
pub fn maketrans(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("str.maketrans", args)?;
    let a = between("maketrans", args, 0, 1, Some(3))?;
    let table = Owned(dict::new_dict());
    let d = table.get().cast::<Dict>();
    let put = |key: Value, value: Value| -> PyResult<()> {
        let h = hash(key)?;
        // SAFETY: the new dict; key and value are new references.
        unsafe { dict::set(d, key, h, value) };
        Ok(())
    };
    if a.len() == 1 {
        if !a[0].is_kind(KIND_DICT) {
            return Err(PyErr::type_error("if you give only one argument to maketrans it must be a dict"));
        }
        // SAFETY: a live dict; its entries are copied before anything runs.
        for e in unsafe { dict::entries(a[0].cast()) }.collect::<Vec<_>>() {
            let key = if e.key.is_kind(KIND_STR) {
                // SAFETY: the kind was checked.
                let mut chars = unsafe { objects::str::text(e.key) }?.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Value::int(c as i64),
                    _ => return Err(PyErr::new(ExcKind::ValueError, "string keys in translate table must be of length 1")),
                }
            } else if as_int(e.key).is_some() {
                e.key.incref();
                e.key
            } else {
                return Err(PyErr::type_error("keys in translate table must be strings or integers"));
            };
            e.value.incref();
            put(key, e.value)?;
        }
        return Ok(table.into_raw());
    }
    let Some(from) = arg_text(a[0])? else {
        return Err(PyErr::type_error("first maketrans argument must be a string if there is a second argument"));
    };
    let Some(to) = arg_text(a[1])? else {
        return Err(PyErr::type_error(format!("maketrans() argument 2 must be str, not {}", type_name(a[1]))));
    };
    let delete = match a.get(2) {
        Some(&z) => match arg_text(z)? {
            Some(t) => t,
            None => return Err(PyErr::type_error(format!("maketrans() argument 3 must be str, not {}", type_name(z)))),
        },
        None => "",
    };
    if from.chars().count() != to.chars().count() {
        return Err(PyErr::new(ExcKind::ValueError, "the first two maketrans arguments must have equal length"));
    }
    for (f, t) in from.chars().zip(to.chars()) {
        put(Value::int(f as i64), Value::int(t as i64))?;
    }
    for c in delete.chars() {
        put(Value::int(c as i64), Value::NONE)?;
    }
    Ok(table.into_raw())
}

/// `s.maketrans(...)`: the same static method reached through an instance.
pub fn maketrans_of_instance(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    text(args, "maketrans")?;
    maketrans(rt, &Args { positional: &args.positional[1..], keywords: args.keywords })
}

/// `s.translate(table)`.
pub fn translate(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "translate")?;
    no_keywords("str.translate", args)?;
    if args.positional.len() != 2 {
        return Err(PyErr::type_error(format!("str.translate() takes exactly one argument ({} given)", args.positional.len() - 1)));
    }
    let table = args.positional[1];
    if !table.is_kind(KIND_DICT) {
        return Err(PyErr::unsupported(format!("str.translate() with a table of type '{}'", type_name(table))));
    }
    let d = table.cast::<Dict>();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = Value::int(c as i64);
        let h = hash(key)?;
        // SAFETY: a live dict (borrowed for the call).
        let found = unsafe { dict::get(d, key, h) };
        stitch_core::ops::compare::key_error_pending()?;
        let Some(v) = found else {
            out.push(c);
            continue;
        };
        if v == Value::NONE {
            continue;
        }
        if let Some(t) = arg_text(v)? {
            out.push_str(t);
        } else if let Some(n) = as_int(v) {
            let code = match n {
                Int::Small(n) => u32::try_from(n).ok(),
                Int::Big(_) => None,
            };
            match code.filter(|&n| n < 0x110000) {
                Some(n) => match char::from_u32(n) {
                    Some(ch) => out.push(ch),
                    None => return Err(PyErr::unsupported("str.translate() to a lone surrogate")),
                },
                None => return Err(PyErr::new(ExcKind::ValueError, "character mapping must be in range(0x110000)")),
            }
        } else {
            return Err(PyErr::type_error("character mapping must return integer, None or str"));
        }
    }
    Ok(objects::str::from_string(out))
}

//! Numeric builtins: `abs`, `divmod`, `pow`, `round`, `sum`, `min`, `max`.

use stitch_abi::*;
use crate::args::{between, bind, check_keywords, keyword, no_keywords, one, takes};
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::bigint::from_bigint;
use stitch_core::objects::{Owned, builtin::Args};
use stitch_core::ops::format_value::error_from_line;
use stitch_core::ops::num::{Int, Num, as_num, float_to_int, require_int};
use stitch_core::ops::{arith, call, compare, consume, pow_mod, types::type_name};
use stitch_core::vm::Runtime;
use num_bigint::BigInt;
use num_integer::Integer;

pub fn abs(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = one("abs", args, 0)?;
    if let Some(r) = stitch_core::special::abs(v) {
        return r;
    }
    arith::abs(v).unwrap_or_else(|| Err(PyErr::type_error(format!("bad operand type for abs(): '{}'", type_name(v)))))
}

pub fn divmod(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("divmod", args)?;
    let a = between("divmod", args, 0, 2, Some(2))?;
    if let Some(r) = stitch_core::special::divmod(a[0], a[1])
        && let Some(v) = r?
    {
        return Ok(v);
    }
    arith::divmod(a[0], a[1])
}

/// `pow(base, exp[, mod])`.
pub fn pow(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = bind("pow", args, 0, &["base", "exp", "mod"], 0, 2)?;
    let (base, exp) = (a[0].unwrap_or(Value::NONE), a[1].unwrap_or(Value::NONE));
    match a[2] {
        None => arith::binary_op(rt, base, exp, NB_POWER),
        Some(m) if m == Value::NONE => arith::binary_op(rt, base, exp, NB_POWER),
        Some(_) if stitch_core::ops::complex::is_complex(base) || stitch_core::ops::complex::is_complex(exp) => {
            Err(PyErr::value_error("complex modulo"))
        }
        Some(m) => match (as_num(base), as_num(exp), as_num(m)) {
            (Some(Num::Int(x)), Some(Num::Int(y)), Some(Num::Int(z))) => pow_mod::pow_mod(x, y, z),
            (Some(_), Some(_), Some(_)) => {
                Err(PyErr::type_error("pow() 3rd argument not allowed unless all arguments are integers"))
            }
            _ => Err(PyErr::type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                type_name(base),
                type_name(exp),
                type_name(m)
            ))),
        },
    }
}

/// `round(number[, ndigits])`: half to even; an int without `ndigits`.
pub fn round(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = bind("round", args, 0, &["number", "ndigits"], 0, 1)?;
    let x = a[0].unwrap_or(Value::NONE);
    let ndigits = match a[1] {
        None => None,
        Some(n) if n == Value::NONE => None,
        // Huge ndigits saturate: beyond a few hundred they all mean "no change".
        Some(n) => {
            let n = require_int(n)?;
            Some(n.to_i64().unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX }))
        }
    };
    let given: Vec<Value> = a[1].into_iter().collect();
    if let Some(r) = stitch_core::special::conversion(x, "__round__", &given) {
        return r;
    }
    match as_num(x) {
        Some(Num::Float(f)) => match ndigits {
            None => float_to_int(f.round_ties_even()),
            Some(n) => stitch_core::format::round_float(f, n).map(Value::float).map_err(error_from_line),
        },
        Some(Num::Int(i)) => match ndigits {
            Some(n) if n < 0 => Ok(round_int(i, n)),
            _ => Ok(i.to_value()),
        },
        None => Err(PyErr::type_error(format!("type {} doesn't define __round__ method", type_name(x)))),
    }
}

/// An int rounded to `-n` decimal places before the point (`n < 0`), half to even.
fn round_int(i: Int, n: i64) -> Value {
    let Ok(places) = usize::try_from(n.unsigned_abs()) else { return Value::int(0) };
    // Beyond the digits the int has, everything rounds to zero.
    let big = i.big();
    if places > big.bits() as usize {
        return Value::int(0);
    }
    let pow = num_traits::pow(BigInt::from(10), places);
    let (q, r) = big.div_mod_floor(&pow);
    let twice: BigInt = r * 2;
    let q = if twice > pow || (twice == pow && q.is_odd()) { q + 1 } else { q };
    from_bigint(q * pow)
}

/// `sum(iterable, start=0)`: repeated `+`, with a fast path for small ints.
pub fn sum(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    check_keywords("sum", args, &["start"])?;
    if args.positional.is_empty() {
        return Err(PyErr::type_error("sum() takes at least 1 positional argument (0 given)"));
    }
    let pos = takes("sum", args, 0, 1, 2)?;
    let start = match (pos.get(1), keyword(args, "start")) {
        (Some(&s), None) | (None, Some(s)) => s,
        (None, None) => Value::int(0),
        (Some(_), Some(_)) => {
            return Err(PyErr::type_error("argument for sum() given by name ('start') and position (2)"));
        }
    };
    if start.is_kind(KIND_STR) {
        return Err(PyErr::type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    start.incref();
    let mut total = Owned(start);
    consume::for_each(pos[0], |item| {
        let t = total.get();
        if Value::both_int(t, item.get()) {
            total = Owned(stitch_core::objects::bigint::from_i64(t.as_int() + item.get().as_int()));
        } else {
            total = Owned(arith::binary_op(rt, t, item.get(), NB_ADD)?);
        }
        Ok(true)
    })?;
    Ok(total.into_raw())
}

/// `min(...)` / `max(...)`: of several arguments, or of one iterable; `key=` (a
/// builtin) and `default=` (one iterable only).
fn min_max(rt: &mut Runtime, args: &Args, name: &str, op: u32) -> PyResult<Value> {
    check_keywords(name, args, &["key", "default"])?;
    let pos = between(name, args, 0, 1, None)?;
    let key = keyword(args, "key").filter(|&k| k != Value::NONE);
    let default = keyword(args, "default");
    if pos.len() > 1 && default.is_some() {
        return Err(PyErr::type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    if let Some(k) = key
        && !call::is_callable(k)
    {
        return Err(PyErr::type_error(format!("'{}' object is not callable", type_name(k))));
    }
    // The best item and its key so far.
    let mut best: Option<(Owned, Owned)> = None;
    let mut consider = |rt: &mut Runtime, item: Owned| -> PyResult<bool> {
        let k = match key {
            Some(f) => Owned(call::call(rt, f, &Args { positional: &[item.get()], keywords: &[] })?),
            None => item.clone(),
        };
        // CPython asks `item > best` for max and `item < best` for min.
        let better = match &best {
            None => true,
            Some((_, bk)) => compare::compare_bool(k.get(), bk.get(), op)?,
        };
        if better {
            best = Some((item, k));
        }
        Ok(true)
    };
    if pos.len() == 1 {
        consume::for_each(pos[0], |item| consider(rt, item))?;
    } else {
        for &v in pos {
            consider(rt, Owned::new_ref(v))?;
        }
    }
    match best {
        Some((item, _)) => Ok(item.into_raw()),
        None => match default {
            Some(d) => {
                d.incref();
                Ok(d)
            }
            None => Err(PyErr::value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

pub fn min(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    min_max(rt, args, "min", CMP_LT)
}

pub fn max(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    min_max(rt, args, "max", CMP_GT)
}

/// `hash(x)` as CPython prints it (a signed word).
pub fn hash(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = one("hash", args, 0)?;
    let h = stitch_core::ops::hash::hash(v)? as i64;
    Ok(stitch_core::objects::bigint::from_i64(h))
}

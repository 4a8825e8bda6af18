//! `BINARY_OP` and `UNARY_OP`: dispatch on the operand types to int, float and
//! sequence arithmetic, with CPython's error messages.

use super::float;
use super::int;
use super::num::{Int, Num, as_num};
use super::sequence;
use super::types::type_name;
use stitch_abi::*;
use crate::errors::{PyErr, PyResult};
use crate::vm::Runtime;

/// The operator's symbol in error messages (`**` is "** or pow()" there).
pub fn symbol(nb: u32) -> &'static str {
    match nb {
        NB_ADD => "+",
        NB_AND => "&",
        NB_FLOOR_DIVIDE => "//",
        NB_LSHIFT => "<<",
        NB_MULTIPLY => "*",
        NB_REMAINDER => "%",
        NB_OR => "|",
        NB_POWER => "**",
        NB_RSHIFT => ">>",
        NB_SUBTRACT => "-",
        NB_TRUE_DIVIDE => "/",
        NB_XOR => "^",
        _ => "@",
    }
}

pub fn unsupported(a: Value, b: Value, nb: u32, inplace: bool) -> PyErr {
    let op = match (nb, inplace) {
        (NB_POWER, false) => "** or pow()".to_string(),
        (_, true) => format!("{}=", symbol(nb)),
        _ => symbol(nb).to_string(),
    };
    PyErr::type_error(format!("unsupported operand type(s) for {op}: '{}' and '{}'", type_name(a), type_name(b)))
}

/// `a (op) b` for two ints that fit in machine words (small and medium ints) under
/// the operators that cannot fail on them. This is the path of int code that keeps
/// overflowing the small range, which specialization gave up on: it returns the value
/// in registers rather than through the layers of `PyResult`.
#[inline]
pub fn word_binary_op(a: Value, b: Value, op: u32) -> Option<Value> {
    let (Some(Int::Small(x)), Some(Int::Small(y))) = (super::num::as_word(a), super::num::as_word(b)) else {
        return None;
    };
    if !(a.is_int() && b.is_int()) && (crate::special::overrides(a) || crate::special::overrides(b)) {
        // An int of a class with its own operator methods: the generic path asks it.
        return None;
    }
    int::word_op(op & !NB_INPLACE, x, y)
}

/// `a (op) b` where `op` is an NB_* number, possibly with NB_INPLACE.
pub fn binary_op(rt: &mut Runtime, a: Value, b: Value, op: u32) -> PyResult<Value> {
    match word_binary_op(a, b, op) {
        Some(v) => Ok(v),
        None => binary_op_general(rt, a, b, op),
    }
}

/// `binary_op` past the machine-word path (for callers that tried it already).
pub fn binary_op_general(_rt: &mut Runtime, a: Value, b: Value, op: u32) -> PyResult<Value> {
    let inplace = op & NB_INPLACE != 0;
    let nb = op & !NB_INPLACE;
    if a.is_bool() && b.is_bool() && matches!(nb, NB_AND | NB_OR | NB_XOR) {
        // bool's own &, |, ^ keep the result a bool.
        let (x, y) = (a == Value::TRUE, b == Value::TRUE);
        return Ok(Value::bool(match nb {
            NB_AND => x & y,
            NB_OR => x | y,
            _ => x ^ y,
        }));
    }
    // Before the numbers: an int of a class with its own `__add__` is a number too.
    if let Some(r) = crate::special::binary(a, b, nb, inplace) {
        return r;
    }
    if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
        return numeric(nb, x, y).unwrap_or_else(|| Err(unsupported(a, b, nb, inplace)));
    }
    if let Some(r) = super::complex::binary(a, b, nb) {
        return r;
    }
    if let Some(r) = super::set::binary_op(a, b, nb, inplace) {
        return r;
    }
    if let Some(r) = super::dict_views::binary_op(a, b, nb) {
        return r;
    }
    for d in [a, b] {
        let behaviour = crate::objects::subclass::behaviour(d).or_else(|| crate::objects::native::get(d));
        if let Some(r) = behaviour.and_then(|s| s.binary(a, b, op)) {
            return r;
        }
    }
    if let Some(r) = super::bytes::binary(a, b, nb, inplace) {
        return r;
    }
    if nb == NB_OR && a.is_kind(KIND_DICT) && b.is_kind(KIND_DICT) {
        return dict_union(a, b, inplace);
    }
    if nb == NB_OR && inplace && a.is_kind(KIND_DICT) {
        // `d |= pairs` takes any mapping or iterable of pairs, as `dict.update` does.
        return Err(PyErr::unsupported(format!("'|=' of a dict and a '{}'", type_name(b))));
    }
    let placeholder = crate::objects::builtin::is_hint_placeholder;
    if nb == NB_OR && (placeholder(a) || placeholder(b)) && (crate::union_type::is_operand(a) || placeholder(a)) && (crate::union_type::is_operand(b) || placeholder(b)) {
        // `List[int] | None`: a typing hint, which stitch keeps as a placeholder.
        return Ok(crate::objects::builtin::hint_placeholder());
    }
    if nb == NB_OR && crate::union_type::is_operand(a) && crate::union_type::is_operand(b) && (a != Value::NONE || b != Value::NONE) {
        return crate::union_type::union(a, b);
    }
    let seq = match nb {
        NB_ADD => sequence::concat(a, b, inplace),
        NB_MULTIPLY if inplace && a.is_kind(KIND_LIST) => sequence::repeat_in_place(a, b),
        NB_MULTIPLY => sequence::repeat(a, b),
        // SAFETY: the kind is checked before the text is read.
        NB_REMAINDER if a.is_kind(KIND_STR) => Some(unsafe { crate::objects::str::text(a) }.and_then(|t| super::printf::format(t, b))),
        _ => None,
    };
    seq.unwrap_or_else(|| Err(unsupported(a, b, nb, inplace)))
}

/// `a | b` of dicts: a new plain dict with `a`'s items, then `b`'s; `a |= b` updates
/// `a`. The library's dict subclasses give their own type (or, for Counter, other
/// arithmetic): refused unless their hook answered.
fn dict_union(a: Value, b: Value, inplace: bool) -> PyResult<Value> {
    let library = |d: Value| crate::objects::subclass::subclass_of(d).is_some() && crate::builtin_subclasses::class_of(d).is_none();
    if library(a) || library(b) {
        return Err(PyErr::unsupported(format!("'|' of a '{}' and a '{}'", type_name(a), type_name(b))));
    }
    let out = if inplace {
        a.incref();
        a
    } else {
        crate::objects::dict::new_dict()
    };
    let sources: &[Value] = if inplace { &[b] } else { &[a, b] };
    // SAFETY: both operands are live dicts; copied keys and values are new references.
    unsafe {
        for &src in sources {
            let items: Vec<_> = crate::objects::dict::entries(src.cast()).map(|e| (e.key, e.hash, e.value)).collect();
            for (k, h, v) in items {
                k.incref();
                v.incref();
                crate::objects::dict::set(out.cast(), k, h, v);
            }
        }
    }
    Ok(out)
}

/// Arithmetic on two numbers; `None` for operators the types do not have (bitwise
/// operators on floats).
pub fn numeric(nb: u32, a: Num, b: Num) -> Option<PyResult<Value>> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(int_op(nb, x, y)),
        _ => {
            // Bitwise operators do not exist for floats: that TypeError comes before
            // any conversion error.
            if !matches!(
                nb,
                NB_ADD | NB_SUBTRACT | NB_MULTIPLY | NB_TRUE_DIVIDE | NB_FLOOR_DIVIDE | NB_REMAINDER | NB_POWER
            ) {
                return None;
            }
            let x = match to_f64(a) {
                Ok(x) => x,
                Err(e) => return Some(Err(e)),
            };
            let y = match to_f64(b) {
                Ok(y) => y,
                Err(e) => return Some(Err(e)),
            };
            if nb == NB_POWER && x < 0.0 && x.is_finite() && y.is_finite() && y != y.floor() {
                // A negative base to a fractional power is complex (CPython's
                // float_pow hands it to complex's).
                return Some(super::complex::arith(NB_POWER, (x, 0.0), (y, 0.0)));
            }
            float_op(nb, x, y).map(|r| r.map(Value::float))
        }
    }
}

fn to_f64(n: Num) -> PyResult<f64> {
    match n {
        Num::Int(i) => i.to_f64(),
        Num::Float(f) => Ok(f),
    }
}

fn int_op(nb: u32, a: Int, b: Int) -> PyResult<Value> {
    match nb {
        NB_ADD => Ok(int::add(a, b)),
        NB_SUBTRACT => Ok(int::sub(a, b)),
        NB_MULTIPLY => Ok(int::mul(a, b)),
        NB_FLOOR_DIVIDE => int::floordiv(a, b),
        NB_REMAINDER => int::rem(a, b),
        NB_TRUE_DIVIDE => int::truediv(a, b).map(Value::float),
        NB_POWER => int::pow(a, b),
        NB_LSHIFT => int::lshift(a, b),
        NB_RSHIFT => int::rshift(a, b),
        NB_AND => Ok(int::bitand(a, b)),
        NB_OR => Ok(int::bitor(a, b)),
        NB_XOR => Ok(int::bitxor(a, b)),
        _ => Err(PyErr::type_error(format!(
            "unsupported operand type(s) for {}: 'int' and 'int'",
            symbol(nb)
        ))),
    }
}

fn float_op(nb: u32, a: f64, b: f64) -> Option<PyResult<f64>> {
    Some(match nb {
        NB_ADD => Ok(a + b),
        NB_SUBTRACT => Ok(a - b),
        NB_MULTIPLY => Ok(a * b),
        NB_TRUE_DIVIDE => float::div(a, b),
        NB_FLOOR_DIVIDE => float::floordiv(a, b),
        NB_REMAINDER => float::rem(a, b),
        NB_POWER => float::pow(a, b),
        _ => return None,
    })
}

/// `-a`, `+a`, `~a`.
pub fn unary_op(a: Value, op: u32) -> PyResult<Value> {
    if let Some(r) = crate::special::unary(a, op) {
        return r;
    }
    let symbol = match op {
        UNARY_NEGATIVE => "-",
        UNARY_POSITIVE => "+",
        _ => "~",
    };
    if let Some(c) = crate::objects::complex::parts(a) {
        return super::complex::unary(c, op);
    }
    match (as_num(a), op) {
        (Some(Num::Int(i)), UNARY_NEGATIVE) => Ok(int::neg(i)),
        (Some(Num::Int(i)), UNARY_POSITIVE) => Ok(i.to_value()),
        (Some(Num::Int(i)), UNARY_INVERT) => Ok(int::invert(i)),
        (Some(Num::Float(f)), UNARY_NEGATIVE) => Ok(Value::float(-f)),
        (Some(Num::Float(f)), UNARY_POSITIVE) => Ok(Value::float(f)),
        _ => Err(PyErr::type_error(format!("bad operand type for unary {symbol}: '{}'", type_name(a)))),
    }
}

/// `abs(a)` for numbers; `None` for other types.
pub fn abs(a: Value) -> Option<PyResult<Value>> {
    if let Some(c) = crate::objects::complex::parts(a) {
        return Some(super::complex::abs(c).map(Value::float));
    }
    match as_num(a)? {
        Num::Int(i) => Some(Ok(int::abs(i))),
        Num::Float(f) => Some(Ok(Value::float(f.abs()))),
    }
}

/// `divmod(a, b)` as a tuple.
pub fn divmod(a: Value, b: Value) -> PyResult<Value> {
    let (q, r) = match (as_num(a), as_num(b)) {
        (Some(Num::Int(x)), Some(Num::Int(y))) => int::divmod(x, y)?,
        (Some(x), Some(y)) => {
            let (q, r) = float::divmod(to_f64(x)?, to_f64(y)?)?;
            (Value::float(q), Value::float(r))
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "unsupported operand type(s) for divmod(): '{}' and '{}'",
                type_name(a),
                type_name(b)
            )));
        }
    };
    Ok(crate::objects::tuple::from_vec(vec![q, r]))
}

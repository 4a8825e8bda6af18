//! Numbers as arithmetic sees them. Python's numeric tower in the subset is
//! bool < int < float: bools act as the ints 0 and 1, small and big ints are one
//! category, and floats are unboxed in the value word.

use stitch_abi::{KIND_BIGINT, Value};
use crate::errors::{PyErr, PyResult};
use crate::objects::bigint::{self, Repr};
use num_bigint::BigInt;
use num_traits::{FromPrimitive, Signed, ToPrimitive, Zero};
use std::borrow::Cow;

/// An int operand: any int that fits in an i64 (small ints, bools and medium heap
/// ints), or a borrowed big int (which never fits in an i64).
#[derive(Clone, Copy)]
pub enum Int<'a> {
    Small(i64),
    Big(&'a BigInt),
}

/// A numeric operand.
#[derive(Clone, Copy)]
pub enum Num<'a> {
    Int(Int<'a>),
    Float(f64),
}

/// The int behind an int or bool value. The borrow of a big int lasts as long as the
/// caller keeps `v` alive (values are borrowed for the whole of an ops call).
pub fn as_int<'a>(v: Value) -> Option<Int<'a>> {
    if v.is_int() {
        Some(Int::Small(v.as_int()))
    } else if v.is_bool() {
        Some(Int::Small((v == Value::TRUE) as i64))
    } else if v.is_kind(KIND_BIGINT) {
        // SAFETY: the kind was just checked, and the value outlives the borrow.
        Some(match unsafe { bigint::repr(v) } {
            Repr::Word(i) => Int::Small(*i),
            Repr::Big(b) => Int::Big(b),
        })
    } else {
        None
    }
}

/// The int behind a small or medium int value (not bools, whose `&`, `|`, `^` stay
/// bools).
#[inline]
pub fn as_word<'a>(v: Value) -> Option<Int<'a>> {
    if v.is_int() {
        return Some(Int::Small(v.as_int()));
    }
    if v.is_kind(KIND_BIGINT) {
        // SAFETY: the kind was just checked.
        if let Repr::Word(i) = unsafe { bigint::repr(v) } {
            return Some(Int::Small(*i));
        }
    }
    None
}

/// The number behind an int, bool or float value.
pub fn as_num<'a>(v: Value) -> Option<Num<'a>> {
    if v.is_float() {
        Some(Num::Float(v.as_float()))
    } else if let Some(i) = as_int(v) {
        Some(Num::Int(i))
    } else {
        // An instance of a class deriving from float is its float here.
        crate::float_subclass::value(v).map(Num::Float)
    }
}

/// Whether the value is an int, a big int or a bool (what `isinstance(x, int)` says).
pub fn is_int_like(v: Value) -> bool {
    v.is_int() || v.is_bool() || v.is_kind(KIND_BIGINT)
}

impl<'a> Int<'a> {
    /// The value as a big int (borrowed when it already is one).
    pub fn big(self) -> Cow<'a, BigInt> {
        match self {
            Int::Small(i) => Cow::Owned(BigInt::from(i)),
            Int::Big(b) => Cow::Borrowed(b),
        }
    }

    pub fn is_zero(self) -> bool {
        match self {
            Int::Small(i) => i == 0,
            // Big ints never hold word values, so never zero.
            Int::Big(b) => b.is_zero(),
        }
    }

    pub fn is_negative(self) -> bool {
        match self {
            Int::Small(i) => i < 0,
            Int::Big(b) => b.is_negative(),
        }
    }

    /// The value as an i64 if it fits.
    pub fn to_i64(self) -> Option<i64> {
        match self {
            Int::Small(i) => Some(i),
            Int::Big(b) => b.to_i64(),
        }
    }

    /// The value as an i128 if it fits.
    pub fn to_i128(self) -> Option<i128> {
        match self {
            Int::Small(i) => Some(i as i128),
            Int::Big(b) => b.to_i128(),
        }
    }

    /// The nearest float (round-half-even), or CPython's OverflowError.
    pub fn to_f64(self) -> PyResult<f64> {
        match self {
            // `as` rounds to nearest, ties to even, as CPython does.
            Int::Small(i) => Ok(i as f64),
            Int::Big(b) => big_to_f64(b),
        }
    }

    /// A new int value equal to this one.
    pub fn to_value(self) -> Value {
        match self {
            Int::Small(i) => bigint::from_i64(i),
            Int::Big(b) => bigint::from_bigint(b.clone()),
        }
    }
}

/// `float(big)`: num-bigint rounds correctly (it keeps a sticky bit below the 64 bits
/// it converts); a result that rounds to infinity is CPython's OverflowError.
pub fn big_to_f64(b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(PyErr::overflow("int too large to convert to float")),
    }
}

/// An index-sized integer for sequence positions: CPython's IndexError when the int
/// does not fit in a machine word.
pub fn index_from_int(i: Int) -> PyResult<i64> {
    i.to_i64().ok_or_else(|| PyErr::index_error("cannot fit 'int' into an index-sized integer"))
}

/// `operator.index(v)` for arguments that must be ints (`range(1.5)`, `chr('a')`).
pub fn require_int<'a>(v: Value) -> PyResult<Int<'a>> {
    as_int(v).ok_or_else(|| {
        PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", super::type_name(v)))
    })
}

/// An int argument that must fit in an i64 (CPython's "Python int too large to
/// convert to C ssize_t" and friends are OverflowErrors).
pub fn require_i64(v: Value) -> PyResult<i64> {
    require_int(v)?
        .to_i64()
        .ok_or_else(|| PyErr::overflow("Python int too large to convert to C ssize_t"))
}

/// `int(f)`: truncates towards zero, with CPython's errors for inf and nan.
pub fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e15 {
        return Ok(bigint::from_i64(t as i64));
    }
    // A double this large is an exact integer, so the conversion is exact.
    Ok(bigint::from_bigint(BigInt::from_f64(t).unwrap_or_default()))
}

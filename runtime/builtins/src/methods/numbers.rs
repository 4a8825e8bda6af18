//! Methods of `int` (and `bool`) and `float`. Their data attributes (`real`, `imag`,
//! `numerator`, `denominator`) are in `attr`.

use crate::args::none;
use num_bigint::BigInt;
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::bigint::{from_bigint, from_i64};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::{str as strs, tuple};
use stitch_core::ops::num::{Int, as_int};
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;

pub const INT_METHODS: &[(&str, BuiltinFn)] = &[
    ("bit_length", bit_length),
    ("bit_count", bit_count),
    ("conjugate", int_conjugate),
    ("as_integer_ratio", int_as_integer_ratio),
    ("from_bytes", super::int_bytes::from_bytes),
    ("to_bytes", super::int_bytes::to_bytes),
];

pub const FLOAT_METHODS: &[(&str, BuiltinFn)] = &[
    ("is_integer", is_integer),
    ("as_integer_ratio", float_as_integer_ratio),
    ("conjugate", float_conjugate),
    ("hex", float_hex),
];

pub const COMPLEX_METHODS: &[(&str, BuiltinFn)] = &[("conjugate", complex_conjugate)];

/// `z.conjugate()`.
fn complex_conjugate(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = *args.positional.first().ok_or_else(|| PyErr::type_error("unbound method complex.conjugate() needs an argument"))?;
    let (re, im) = stitch_core::objects::complex::parts(v).ok_or_else(|| descriptor_error("conjugate", "complex", v))?;
    none("complex.conjugate", args, 1)?;
    Ok(stitch_core::objects::complex::new_complex(re, -im))
}

fn descriptor_error(method: &str, owner: &str, v: Value) -> PyErr {
    PyErr::type_error(format!("descriptor '{method}' for '{owner}' objects doesn't apply to a '{}' object", type_name(v)))
}

/// The int receiver (bools are ints).
fn this_int<'a>(args: &Args, method: &str) -> PyResult<Int<'a>> {
    let v = *args.positional.first().ok_or_else(|| PyErr::type_error(format!("unbound method int.{method}() needs an argument")))?;
    let i = as_int(v).ok_or_else(|| descriptor_error(method, "int", v))?;
    none(&format!("int.{method}"), args, 1)?;
    Ok(i)
}

fn this_float(args: &Args, method: &str) -> PyResult<f64> {
    let v = *args.positional.first().ok_or_else(|| PyErr::type_error(format!("unbound method float.{method}() needs an argument")))?;
    if !v.is_float() {
        return Err(descriptor_error(method, "float", v));
    }
    none(&format!("float.{method}"), args, 1)?;
    Ok(v.as_float())
}

/// The magnitude's binary digits, least significant first.
fn magnitude_digits(i: Int) -> Vec<u64> {
    match i {
        Int::Small(x) => vec![x.unsigned_abs()],
        Int::Big(b) => b.magnitude().to_u64_digits(),
    }
}

fn bit_length(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let i = this_int(args, "bit_length")?;
    let digits = magnitude_digits(i);
    let top = digits.iter().rposition(|&d| d != 0);
    Ok(Value::int(top.map_or(0, |k| k as i64 * 64 + 64 - digits[k].leading_zeros() as i64)))
}

fn bit_count(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let i = this_int(args, "bit_count")?;
    Ok(Value::int(magnitude_digits(i).iter().map(|d| d.count_ones() as i64).sum()))
}

fn int_value(i: Int) -> Value {
    match i {
        Int::Small(x) => from_i64(x),
        Int::Big(b) => from_bigint(b.clone()),
    }
}

fn int_conjugate(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    Ok(int_value(this_int(args, "conjugate")?))
}

fn int_as_integer_ratio(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let i = this_int(args, "as_integer_ratio")?;
    Ok(tuple::from_vec(vec![int_value(i), Value::int(1)]))
}

fn is_integer(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let f = this_float(args, "is_integer")?;
    Ok(Value::bool(f.is_finite() && f.trunc() == f))
}

fn float_conjugate(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    Ok(Value::float(this_float(args, "conjugate")?))
}

/// The exact ratio of a float: mantissa and power of two, reduced.
fn float_as_integer_ratio(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let f = this_float(args, "as_integer_ratio")?;
    if f.is_infinite() {
        return Err(PyErr::overflow("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    let (mantissa, exponent) = decompose(f);
    if mantissa == 0 {
        return Ok(tuple::from_vec(vec![Value::int(0), Value::int(1)]));
    }
    let mut numerator = BigInt::from(mantissa);
    let mut denominator = BigInt::from(1);
    if exponent >= 0 {
        numerator <<= exponent as usize;
    } else {
        let shift = (mantissa.unsigned_abs().trailing_zeros() as i64).min(-exponent);
        numerator >>= shift as usize;
        denominator <<= (-exponent - shift) as usize;
    }
    Ok(tuple::from_vec(vec![from_bigint(numerator), from_bigint(denominator)]))
}

/// `f == mantissa * 2**exponent` with an integer mantissa (signed).
fn decompose(f: f64) -> (i64, i64) {
    let bits = f.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = (bits & ((1 << 52) - 1)) as i64;
    if exp == 0 {
        (sign * frac, -1074)
    } else {
        (sign * (frac | (1 << 52)), exp - 1075)
    }
}

/// `f.hex()`: `0x1.<13 hex digits>p<exponent>`, subnormals as `0x0.<digits>p-1022`.
fn float_hex(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let f = this_float(args, "hex")?;
    let s = if f.is_nan() {
        "nan".to_string()
    } else if f.is_infinite() {
        if f > 0.0 { "inf" } else { "-inf" }.to_string()
    } else {
        let bits = f.to_bits();
        let sign = if bits >> 63 == 1 { "-" } else { "" };
        let exp = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1 << 52) - 1);
        if exp == 0 && frac == 0 {
            format!("{sign}0x0.0p+0")
        } else if exp == 0 {
            format!("{sign}0x0.{frac:013x}p-1022")
        } else {
            let e = exp - 1023;
            format!("{sign}0x1.{frac:013x}p{}{e}", if e >= 0 { "+" } else { "" })
        }
    };
    Ok(strs::from_string(s))
}

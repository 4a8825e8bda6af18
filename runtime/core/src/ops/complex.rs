//! Complex arithmetic with CPython 3.11's algorithms (`Objects/complexobject.c`):
//! mixed operands are converted to complex first (an int or float `x` is `x+0j`),
//! division is Smith's method, and `**` by a small integral exponent multiplies by
//! repeated squaring, so results agree bit for bit.

use super::num::{Num, as_num};
use super::types::type_name;
use crate::errors::{PyErr, PyResult};
use crate::objects::complex::{new_complex, parts};
use stitch_abi::*;

/// A complex number as the operations see it: (real, imaginary).
pub type C = (f64, f64);

/// The value as a complex operand: complex itself, or an int, bool or float as
/// `x+0j` (an int too large for a float is CPython's OverflowError). None for
/// anything else.
pub fn operand(v: Value) -> Option<PyResult<C>> {
    if let Some(c) = parts(v) {
        return Some(Ok(c));
    }
    Some(match as_num(v)? {
        Num::Float(f) => Ok((f, 0.0)),
        Num::Int(i) => i.to_f64().map(|f| (f, 0.0)),
    })
}

pub fn is_complex(v: Value) -> bool {
    v.is_kind(KIND_COMPLEX)
}

pub fn value(c: C) -> Value {
    new_complex(c.0, c.1)
}

pub fn sum(a: C, b: C) -> C {
    (a.0 + b.0, a.1 + b.1)
}

pub fn diff(a: C, b: C) -> C {
    (a.0 - b.0, a.1 - b.1)
}

pub fn prod(a: C, b: C) -> C {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// Smith's division, as CPython's `_Py_c_quot`; None for a zero divisor.
pub fn quot(a: C, b: C) -> Option<C> {
    let (abs_re, abs_im) = (b.0.abs(), b.1.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_im >= abs_re {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        // A NaN part in the divisor.
        Some((f64::NAN, f64::NAN))
    }
}

/// Why a power failed: CPython's EDOM (a zero base to a negative or complex power,
/// or libm's domain error on the way).
/// Its ERANGE is the result's infinite part, checked after.
enum PowError {
    Domain,
}

/// `a ** b` by the general formula (CPython's `_Py_c_pow`).
fn pow_general(a: C, b: C) -> Result<C, PowError> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Ok((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return Err(PowError::Domain);
        }
        return Ok((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    if phase.is_infinite() {
        // libm's cos and sin of an infinity set EDOM, which CPython reports.
        return Err(PowError::Domain);
    }
    Ok((len * phase.cos(), len * phase.sin()))
}

/// `x ** n` for n >= 0 by repeated squaring (CPython's `c_powu`).
fn pow_unsigned(x: C, n: i64) -> C {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `a ** b` with CPython's errors: "0.0 to a negative or complex power" and
/// "complex exponentiation" (a result with an infinite part).
pub fn pow(a: C, b: C) -> PyResult<C> {
    let r = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            Ok(pow_unsigned(a, n))
        } else {
            quot((1.0, 0.0), pow_unsigned(a, -n)).ok_or(PowError::Domain)
        }
    } else {
        pow_general(a, b)
    };
    match r {
        Err(PowError::Domain) => Err(PyErr::zero_division("0.0 to a negative or complex power")),
        Ok(p) if p.0.is_infinite() || p.1.is_infinite() => Err(PyErr::overflow("complex exponentiation")),
        Ok(p) => Ok(p),
    }
}

/// `abs(z)`: an infinite part wins over a NaN one, as in CPython; an overflowing
/// result is OverflowError.
pub fn abs(c: C) -> PyResult<f64> {
    if !c.0.is_finite() || !c.1.is_finite() {
        if c.0.is_infinite() {
            return Ok(c.0.abs());
        }
        if c.1.is_infinite() {
            return Ok(c.1.abs());
        }
        return Ok(f64::NAN);
    }
    let r = c.0.hypot(c.1);
    if r.is_infinite() {
        return Err(PyErr::overflow("absolute value too large"));
    }
    Ok(r)
}

/// `a (op) b` when either operand is complex and the other a number; None when the
/// operator or the other operand is not complex's (the caller's TypeError).
pub fn binary(a: Value, b: Value, nb: u32) -> Option<PyResult<Value>> {
    if !is_complex(a) && !is_complex(b) {
        return None;
    }
    if !matches!(nb, NB_ADD | NB_SUBTRACT | NB_MULTIPLY | NB_TRUE_DIVIDE | NB_POWER) {
        return None;
    }
    let x = operand(a)?;
    let y = operand(b)?;
    Some(x.and_then(|x| y.and_then(|y| arith(nb, x, y))))
}

/// The arithmetic of complex numbers on converted operands.
pub fn arith(nb: u32, x: C, y: C) -> PyResult<Value> {
    let r = match nb {
        NB_ADD => sum(x, y),
        NB_SUBTRACT => diff(x, y),
        NB_MULTIPLY => prod(x, y),
        NB_TRUE_DIVIDE => quot(x, y).ok_or_else(|| PyErr::zero_division("complex division by zero"))?,
        _ => pow(x, y)?,
    };
    Ok(value(r))
}

/// `-z`, `+z`; `~z` is CPython's TypeError.
pub fn unary(c: C, op: u32) -> PyResult<Value> {
    match op {
        UNARY_NEGATIVE => Ok(value((-c.0, -c.1))),
        UNARY_POSITIVE => Ok(value(c)),
        _ => Err(PyErr::type_error("bad operand type for unary ~: 'complex'")),
    }
}

/// `z == other` for a complex `z`: None when `other` is not a number (identity
/// decides then). A complex equal to an int compares the real part exactly.
pub fn eq(z: C, other: Value) -> Option<bool> {
    if let Some(o) = parts(other) {
        return Some(z.0 == o.0 && z.1 == o.1);
    }
    let n = as_num(other)?;
    Some(z.1 == 0.0 && super::compare::cmp_num(Num::Float(z.0), n) == Some(std::cmp::Ordering::Equal))
}

/// CPython's hash of a complex: the parts' hashes combined with the multiplier
/// 1000003, in unsigned arithmetic, -1 being -2.
pub fn hash(c: C) -> u64 {
    let h = super::hash::hash_float(c.0).wrapping_add(super::hash::hash_float(c.1).wrapping_mul(1_000_003));
    if h == u64::MAX { u64::MAX - 1 } else { h }
}

/// `complex(x)`'s conversion of one non-string argument; `what` names the argument
/// in the TypeError.
pub fn from_number(v: Value, first: bool) -> PyResult<C> {
    match operand(v) {
        Some(r) => r,
        None if v.is_kind(KIND_INSTANCE) => Err(PyErr::unsupported("complex() of an instance")),
        None if first => Err(PyErr::type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            type_name(v)
        ))),
        None => Err(PyErr::type_error(format!("complex() second argument must be a number, not '{}'", type_name(v)))),
    }
}

/// `complex(real, imag)` of numbers, as CPython combines them: a complex `imag`
/// rotates into the real part, a complex `real` keeps its imaginary part.
pub fn construct(real: Option<Value>, imag: Option<Value>) -> PyResult<Value> {
    let r = match real {
        Some(v) => from_number(v, true)?,
        None => (0.0, 0.0),
    };
    let Some(iv) = imag else {
        return Ok(value(r));
    };
    let i = from_number(iv, false)?;
    let mut re = r.0;
    let mut im = i.0;
    if is_complex(iv) {
        re -= i.1;
    }
    if real.is_some_and(is_complex) {
        im += r.1;
    }
    Ok(value((re, im)))
}

/// `complex(text)`: CPython's grammar (`1`, `2j`, `1+2j`, `-j`, optional
/// parentheses and surrounding whitespace), else its ValueError.
pub fn parse(text: &str) -> PyResult<C> {
    if text.contains('_') {
        return Err(PyErr::unsupported("complex() of a string with underscores"));
    }
    parse_parts(text).ok_or_else(|| PyErr::value_error("complex() arg is a malformed string"))
}

fn parse_parts(text: &str) -> Option<C> {
    let mut s = text.trim_matches(char::is_whitespace);
    let bracket = s.starts_with('(');
    if bracket {
        s = s[1..].trim_start_matches(char::is_whitespace);
    }
    let (mut x, mut y) = (0.0, 0.0);
    let is_j = |s: &str| s.starts_with(['j', 'J']);
    let sign = |s: &str| if s.starts_with('+') { 1.0 } else { -1.0 };
    match float_prefix(s) {
        Some((z, rest)) => {
            s = rest;
            if s.starts_with(['+', '-']) {
                x = z;
                match float_prefix(s) {
                    Some((v, rest)) => {
                        y = v;
                        s = rest;
                    }
                    None => {
                        y = sign(s);
                        s = &s[1..];
                    }
                }
                if !is_j(s) {
                    return None;
                }
                s = &s[1..];
            } else if is_j(s) {
                y = z;
                s = &s[1..];
            } else {
                x = z;
            }
        }
        None => {
            if s.starts_with(['+', '-']) {
                y = sign(s);
                s = &s[1..];
            } else {
                y = 1.0;
            }
            if !is_j(s) {
                return None;
            }
            s = &s[1..];
        }
    }
    s = s.trim_start_matches(char::is_whitespace);
    if bracket {
        s = s.strip_prefix(')')?.trim_start_matches(char::is_whitespace);
    }
    s.is_empty().then_some((x, y))
}

/// The longest prefix of `s` that is a float literal as `float()` reads it (with
/// `inf`, `infinity` and `nan`), its value and the rest.
fn float_prefix(s: &str) -> Option<(f64, &str)> {
    let b = s.as_bytes();
    let mut i = 0;
    if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
        i += 1;
    }
    let lower = s[i..].to_ascii_lowercase();
    for word in ["infinity", "inf", "nan"] {
        if lower.starts_with(word) {
            let end = i + word.len();
            let v = if word == "nan" { f64::NAN } else { f64::INFINITY };
            return Some((if b[0] == b'-' { -v } else { v }, &s[end..]));
        }
    }
    let digits_from = |mut k: usize| {
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        k
    };
    let int_end = digits_from(i);
    let mut end = int_end;
    let mut any = int_end > i;
    if end < b.len() && b[end] == b'.' {
        let frac_end = digits_from(end + 1);
        any |= frac_end > end + 1;
        end = frac_end;
    }
    if !any {
        return None;
    }
    if end < b.len() && (b[end] == b'e' || b[end] == b'E') {
        let mut k = end + 1;
        if k < b.len() && (b[k] == b'+' || b[k] == b'-') {
            k += 1;
        }
        let exp_end = digits_from(k);
        if exp_end > k {
            end = exp_end;
        }
    }
    let v = crate::format::parse_float(&s[..end]).ok()?;
    Some((v, &s[end..]))
}

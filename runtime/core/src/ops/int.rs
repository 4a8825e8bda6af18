//! Int arithmetic: small ints (48-bit) take machine paths whose results are widened so
//! they never wrap; anything larger goes through big ints, and every result is
//! normalized (an int that fits is small).

use super::num::Int;
use stitch_abi::Value;
use crate::errors::{ExcKind, PyErr, PyResult};
use crate::objects::bigint::{from_bigint, from_i128, from_i64};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// Shifts beyond this many bits would need more memory than any program here has.
const MAX_SHIFT: u64 = 1 << 32;

/// Ints up to this magnitude are exact doubles.
pub const EXACT: u64 = 1 << 53;

/// Python's `%` on machine words (`y != 0`): the remainder takes the sign of the
/// divisor. `i64::MIN % -1` is 0, which `wrapping_rem` gives; the fix-up adds numbers
/// of opposite signs, so it cannot overflow.
fn mod_floor_word(x: i64, y: i64) -> i64 {
    let r = x.wrapping_rem(y);
    if r != 0 && (r ^ y) < 0 { r + y } else { r }
}

/// Both operands as i64s when they fit: small and medium ints then take machine
/// paths in i128, which cannot overflow for i64 operands of +, -, * and //.
fn words(a: Int, b: Int) -> Option<(i64, i64)> {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => Some((x, y)),
        _ => None,
    }
}

/// `x (nb) y` on machine words for the operators that cannot raise there; `None`
/// for the others (and for division by zero, which raises).
#[inline]
pub fn word_op(nb: u32, x: i64, y: i64) -> Option<Value> {
    use stitch_abi::*;
    Some(match nb {
        NB_ADD => from_i128(x as i128 + y as i128),
        NB_SUBTRACT => from_i128(x as i128 - y as i128),
        NB_MULTIPLY => from_i128(x as i128 * y as i128),
        NB_REMAINDER if y != 0 => from_i64(mod_floor_word(x, y)),
        NB_FLOOR_DIVIDE if y != 0 && y != -1 => from_i64(Integer::div_floor(&x, &y)),
        NB_AND => from_i64(x & y),
        NB_OR => from_i64(x | y),
        NB_XOR => from_i64(x ^ y),
        _ => return None,
    })
}

pub fn add(a: Int, b: Int) -> Value {
    match words(a, b) {
        Some((x, y)) => from_i128(x as i128 + y as i128),
        None => from_bigint(&*a.big() + &*b.big()),
    }
}

pub fn sub(a: Int, b: Int) -> Value {
    match words(a, b) {
        Some((x, y)) => from_i128(x as i128 - y as i128),
        None => from_bigint(&*a.big() - &*b.big()),
    }
}

pub fn mul(a: Int, b: Int) -> Value {
    match words(a, b) {
        Some((x, y)) => from_i128(x as i128 * y as i128),
        None => from_bigint(&*a.big() * &*b.big()),
    }
}

/// `a // b`, floor division.
pub fn floordiv(a: Int, b: Int) -> PyResult<Value> {
    if b.is_zero() {
        return Err(PyErr::zero_division("integer division or modulo by zero"));
    }
    Ok(match words(a, b) {
        // i64::MIN // -1 is the one quotient that does not fit an i64.
        Some((x, -1)) => from_i128(-(x as i128)),
        Some((x, y)) => from_i64(Integer::div_floor(&x, &y)),
        None => from_bigint(a.big().div_floor(&b.big())),
    })
}

/// `a % b`, with the sign of the divisor.
pub fn rem(a: Int, b: Int) -> PyResult<Value> {
    if b.is_zero() {
        return Err(PyErr::zero_division("integer modulo by zero"));
    }
    Ok(match words(a, b) {
        Some((x, y)) => from_i64(mod_floor_word(x, y)),
        None => from_bigint(a.big().mod_floor(&b.big())),
    })
}

/// `divmod(a, b)` as (quotient, remainder).
pub fn divmod(a: Int, b: Int) -> PyResult<(Value, Value)> {
    if b.is_zero() {
        return Err(PyErr::zero_division("integer division or modulo by zero"));
    }
    Ok(match words(a, b) {
        Some((x, y)) => {
            let (q, r) = (x as i128).div_mod_floor(&(y as i128));
            (from_i128(q), from_i128(r))
        }
        None => {
            let (q, r) = a.big().div_mod_floor(&b.big());
            (from_bigint(q), from_bigint(r))
        }
    })
}

/// `a / b` for ints: correctly rounded like CPython's `long_true_divide`, so big
/// operands do not lose precision by being converted to floats first.
pub fn truediv(a: Int, b: Int) -> PyResult<f64> {
    if b.is_zero() {
        return Err(PyErr::zero_division("division by zero"));
    }
    if let (Int::Small(x), Int::Small(y)) = (a, b)
        && x.unsigned_abs() <= EXACT
        && y.unsigned_abs() <= EXACT
    {
        // Both are exact doubles, and IEEE division rounds correctly.
        return Ok(x as f64 / y as f64);
    }
    let negative = a.is_negative() != b.is_negative();
    let (n, d) = (a.big().magnitude().clone(), b.big().magnitude().clone());
    if n.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    // Scale so the integer quotient has 55 or 56 significant bits: two guard bits past
    // the 53 a double keeps, plus a sticky bit for any remainder, make the one
    // rounding of the u64 -> f64 conversion exact.
    let shift = n.bits() as i64 - d.bits() as i64 - 55;
    let (n, d) = if shift < 0 { (n << (-shift) as u64, d) } else { (n, d << shift as u64) };
    let (q, r) = n.div_rem(&d);
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    if !r.is_zero() {
        q |= 1;
    }
    let magnitude = scale(q as f64, shift);
    if magnitude.is_infinite() {
        return Err(PyErr::overflow("integer division result too large for a float"));
    }
    Ok(if negative { -magnitude } else { magnitude })
}

/// `x * 2**exp` without intermediate overflow or underflow of the power.
fn scale(mut x: f64, mut exp: i64) -> f64 {
    while exp > 1000 {
        x *= 2f64.powi(1000);
        exp -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while exp < -1000 {
        x *= 2f64.powi(-1000);
        exp += 1000;
    }
    x * 2f64.powi(exp as i32)
}

/// `a ** b` for ints; a negative exponent gives a float as in CPython.
pub fn pow(a: Int, b: Int) -> PyResult<Value> {
    if b.is_negative() {
        let (x, y) = (a.to_f64()?, b.to_f64()?);
        return super::float::pow(x, y).map(Value::float);
    }
    // Bases whose powers stay small, whatever the exponent.
    if let Some(x) = a.to_i64()
        && (-1..=1).contains(&x)
    {
        let odd = match b {
            Int::Small(e) => e & 1 == 1,
            Int::Big(e) => e.is_odd(),
        };
        return Ok(Value::int(match x {
            0 if b.is_zero() => 1,
            -1 if !odd => 1,
            _ => x,
        }));
    }
    let exp = match b.to_i64().and_then(|e| u32::try_from(e).ok()) {
        Some(e) => e,
        // |a| >= 2 to such a power has billions of digits.
        None => return Err(PyErr::bare(ExcKind::MemoryError)),
    };
    if let Int::Small(x) = a
        && let Some(r) = (x as i128).checked_pow(exp)
    {
        return Ok(from_i128(r));
    }
    Ok(from_bigint(a.big().pow(exp)))
}

pub fn lshift(a: Int, b: Int) -> PyResult<Value> {
    if b.is_negative() {
        return Err(PyErr::value_error("negative shift count"));
    }
    if a.is_zero() {
        return Ok(Value::int(0));
    }
    let n = match b.to_i64() {
        Some(n) if (n as u64) < MAX_SHIFT => n as u64,
        // CPython counts the shift in 30-bit digits: a count of digits past i64 is an
        // OverflowError, anything less fails to allocate.
        _ if (&*b.big() / 30u32).to_i64().is_none() => return Err(PyErr::overflow("too many digits in integer")),
        _ => return Err(PyErr::bare(ExcKind::MemoryError)),
    };
    if let Int::Small(x) = a
        && n < 64
    {
        // |x| <= 2**63 and n < 64, so the i128 shift is exact.
        return Ok(from_i128((x as i128) << n));
    }
    Ok(from_bigint(&*a.big() << n))
}

pub fn rshift(a: Int, b: Int) -> PyResult<Value> {
    if b.is_negative() {
        return Err(PyErr::value_error("negative shift count"));
    }
    let n = b.to_i64().unwrap_or(i64::MAX) as u64;
    Ok(match a {
        // Arithmetic shift: rounds towards minus infinity like Python.
        Int::Small(x) => from_i64(x >> n.min(63)),
        Int::Big(x) => {
            if n >= x.bits() {
                Value::int(if x.is_negative() { -1 } else { 0 })
            } else {
                from_bigint(x >> n)
            }
        }
    })
}

/// `&`, `|`, `^`: num-bigint implements them on two's complement, as Python does.
pub fn bitand(a: Int, b: Int) -> Value {
    match words(a, b) {
        Some((x, y)) => from_i64(x & y),
        None => from_bigint(&*a.big() & &*b.big()),
    }
}

pub fn bitor(a: Int, b: Int) -> Value {
    match words(a, b) {
        Some((x, y)) => from_i64(x | y),
        None => from_bigint(&*a.big() | &*b.big()),
    }
}

pub fn bitxor(a: Int, b: Int) -> Value {
    match words(a, b) {
        Some((x, y)) => from_i64(x ^ y),
        None => from_bigint(&*a.big() ^ &*b.big()),
    }
}

pub fn neg(a: Int) -> Value {
    match a {
        // -(-2**63) does not fit a word: from_i128 makes it big.
        Int::Small(x) => from_i128(-(x as i128)),
        Int::Big(x) => from_bigint(-x),
    }
}

pub fn invert(a: Int) -> Value {
    match a {
        Int::Small(x) => from_i64(!x),
        Int::Big(x) => from_bigint(!x),
    }
}

pub fn abs(a: Int) -> Value {
    if a.is_negative() { neg(a) } else { a.to_value() }
}

/// The ordering of two ints.
pub fn cmp(a: Int, b: Int) -> std::cmp::Ordering {
    match (a, b) {
        (Int::Small(x), Int::Small(y)) => x.cmp(&y),
        _ => a.big().cmp(&b.big()),
    }
}

/// Decimal text of an int (str/repr), with CPython's limit on huge conversions.
pub fn to_decimal(a: Int) -> PyResult<String> {
    match a {
        Int::Small(x) => Ok(x.to_string()),
        Int::Big(x) => crate::format::format_int(x, "").map_err(super::format_value::error_from_line),
    }
}

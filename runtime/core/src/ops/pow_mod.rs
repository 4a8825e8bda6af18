//! Three-argument `pow(a, b, m)` on ints, with CPython's rules: `m == 0` is a
//! ValueError, the result takes the sign of `m`, and a negative exponent raises the
//! modular inverse of `a` (Python 3.8+). A modulus that fits a machine word (every
//! modulus of a Miller-Rabin test on word-sized candidates) runs on u64/u128
//! arithmetic: going through big ints there allocated for every step and made
//! primality tests 3x slower than CPython. Larger moduli use num-bigint's `modpow`
//! (Montgomery multiplication for odd moduli).

use super::num::Int;
use stitch_abi::Value;
use crate::errors::{PyErr, PyResult};
use crate::objects::bigint::{from_bigint, from_i128};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

fn not_invertible() -> PyErr {
    PyErr::value_error("base is not invertible for the given modulus")
}

/// `pow(a, b, m)` for ints.
pub fn pow_mod(a: Int, b: Int, m: Int) -> PyResult<Value> {
    if m.is_zero() {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    match m {
        Int::Small(m) => pow_mod_word(a, b, m),
        Int::Big(_) => pow_mod_big(a, b, m),
    }
}

/// `pow(a, b, m)` through num-bigint, for any nonzero `m`.
fn pow_mod_big(a: Int, b: Int, m: Int) -> PyResult<Value> {
    let m = m.big().into_owned();
    let modulus = m.abs();
    let mut base = a.big().mod_floor(&modulus);
    let mut exp = b.big().into_owned();
    if exp.is_negative() {
        base = modinv(&base, &modulus).ok_or_else(not_invertible)?;
        exp = -exp;
    }
    let r = base.modpow(&exp, &modulus);
    Ok(from_bigint(with_sign_of_modulus(r, &m, &modulus)))
}

/// Python's result takes the sign of the modulus.
fn with_sign_of_modulus(r: BigInt, m: &BigInt, modulus: &BigInt) -> BigInt {
    if m.is_negative() && !r.is_zero() { r - modulus } else { r }
}

/// The inverse of `a` modulo `m` (`m > 0`, `0 <= a < m`), if they are coprime.
fn modinv(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let e = a.extended_gcd(m);
    if !e.gcd.is_one() {
        return None;
    }
    Some(e.x.mod_floor(m))
}

/// `pow(a, b, m)` with `m` a nonzero machine word: every intermediate is below
/// `|m| <= 2**63`, so products fit a u128 (a u64 when `|m| < 2**32`).
fn pow_mod_word(a: Int, b: Int, m: i64) -> PyResult<Value> {
    let modulus = m.unsigned_abs();
    if modulus == 1 {
        // CPython answers 0 before it looks at the exponent's sign.
        return Ok(Value::int(0));
    }
    let mut base = match a {
        Int::Small(x) => (x as i128).rem_euclid(modulus as i128) as u64,
        Int::Big(x) => x.mod_floor(&BigInt::from(modulus)).to_u64().expect("a remainder below a u64 modulus"),
    };
    let r = match b {
        Int::Small(e) => {
            if e < 0 {
                base = modinv_word(base, modulus).ok_or_else(not_invertible)?;
            }
            pow_word(base, &[e.unsigned_abs()], modulus)
        }
        Int::Big(e) => {
            if e.sign() == Sign::Minus {
                base = modinv_word(base, modulus).ok_or_else(not_invertible)?;
            }
            pow_word(base, &e.magnitude().to_u64_digits(), modulus)
        }
    };
    let r = r as i128;
    Ok(from_i128(if m < 0 && r != 0 { r - modulus as i128 } else { r }))
}

/// `base ** exp % modulus` (`base < modulus`, `modulus >= 2`), the exponent given
/// as its u64 digits, least significant first: square-and-multiply from the low bits.
fn pow_word(base: u64, exp: &[u64], modulus: u64) -> u64 {
    if modulus <= u32::MAX as u64 {
        square_and_multiply(base, exp, |x, y| x * y % modulus)
    } else {
        square_and_multiply(base, exp, |x, y| ((x as u128 * y as u128) % modulus as u128) as u64)
    }
}

#[inline(always)]
fn square_and_multiply(mut base: u64, exp: &[u64], mul: impl Fn(u64, u64) -> u64) -> u64 {
    let mut result = 1;
    let Some((&last, full)) = exp.split_last() else { return result };
    for &digit in full {
        for bit in 0..64 {
            if digit >> bit & 1 == 1 {
                result = mul(result, base);
            }
            base = mul(base, base);
        }
    }
    // The most significant digit stops at its highest set bit: no squaring past it.
    let mut digit = last;
    while digit != 0 {
        if digit & 1 == 1 {
            result = mul(result, base);
        }
        digit >>= 1;
        if digit != 0 {
            base = mul(base, base);
        }
    }
    result
}

/// The inverse of `a` modulo `m` (`m >= 2`, `a < m`), if they are coprime:
/// the extended Euclidean algorithm in i128, where every coefficient stays below `m`.
fn modinv_word(a: u64, m: u64) -> Option<u64> {
    let (mut old_r, mut r) = (a as i128, m as i128);
    let (mut old_s, mut s) = (1i128, 0i128);
    while r != 0 {
        let q = old_r / r;
        (old_r, r) = (r, old_r - q * r);
        (old_s, s) = (s, old_s - q * s);
    }
    if old_r != 1 {
        return None;
    }
    Some(old_s.rem_euclid(m as i128) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word path against the big-int path it stands in for, over signs, edge
    /// moduli (around 2**32 and 2**63) and exponents of one and several u64 digits.
    #[test]
    fn the_word_path_agrees_with_big_ints() {
        let moduli = [2i64, 3, 10, 97, -97, u32::MAX as i64, u32::MAX as i64 + 2, (1 << 61) - 1, i64::MAX, i64::MIN, -(1 << 40) - 3];
        let bases = [0i64, 1, -1, 2, 12345, -987654321, i64::MAX, i64::MIN];
        let big_exp: BigInt = num_traits::pow(BigInt::from(3u8), 90) + 11;
        let exps = [BigInt::from(0), BigInt::from(1), BigInt::from(2), BigInt::from(65), BigInt::from(-1), BigInt::from(-7), big_exp.clone(), -big_exp];
        for &m in &moduli {
            for &a in &bases {
                for e in &exps {
                    let e_int = match e.to_i64() {
                        Some(w) => Int::Small(w),
                        None => Int::Big(e),
                    };
                    let word = pow_mod_word(Int::Small(a), e_int, m).map(|v| crate::ops::repr::repr(v).unwrap());
                    let big_m = BigInt::from(m);
                    let big = pow_mod_big(Int::Small(a), e_int, Int::Big(&big_m)).map(|v| crate::ops::repr::repr(v).unwrap());
                    assert_eq!(word.is_ok(), big.is_ok(), "pow({a}, {e}, {m})");
                    if let (Ok(w), Ok(b)) = (word, big) {
                        assert_eq!(w, b, "pow({a}, {e}, {m})");
                    }
                }
            }
        }
    }
}

//! `round(x, ndigits)` for floats: a port of `float___round___impl` and `double_round`
//! from CPython's `Objects/floatobject.c`.
//!
//! CPython rounds the *exact* value of the double to `ndigits` decimal places with dtoa
//! (half-to-even) and reads the decimal result back. We do the same rounding exactly with
//! big integers, then let Rust's (correctly rounded) parser read the decimal back.

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{One, Zero};

use super::digits::decompose;

/// Beyond this many digits every double is already exactly representable
/// (`(DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103`), so CPython returns `x` untouched.
const NDIGITS_MAX: i64 = 323;
/// Below this every double rounds to zero (`-(DBL_MAX_EXP + 1) * 0.30103`).
const NDIGITS_MIN: i64 = -308;

/// `|x| * 10^ndigits` rounded half-to-even to an integer, computed exactly.
fn scaled_round(x: f64, ndigits: i64) -> BigUint {
    let (m, e) = decompose(x);
    let ten = BigUint::from(10u32);
    let mut num = BigUint::from(m);
    let mut den = BigUint::one();
    // |x| * 10^nd = m * 2^e * 10^nd, split into numerator / denominator.
    if ndigits >= 0 {
        num *= num_traits::pow(ten, ndigits.unsigned_abs() as usize);
    } else {
        den *= num_traits::pow(ten, ndigits.unsigned_abs() as usize);
    }
    if e >= 0 {
        num <<= e.unsigned_abs();
    } else {
        den <<= e.unsigned_abs();
    }
    let (mut q, r) = num.div_rem(&den);
    let twice = r << 1u32;
    if twice > den || (twice == den && q.is_odd()) {
        q += 1u32;
    }
    q
}

/// `round(x, ndigits)`: correctly rounded, half-to-even on the exact binary value.
/// `Err` is the full Python error line for results too large for a double.
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, String> {
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        // Zero with the sign of x.
        return Ok(0.0 * x);
    }
    let n = scaled_round(x, ndigits);
    let magnitude = if n.is_zero() {
        0.0
    } else {
        // `n` has at most a few hundred digits, so this text is small.
        format!("{n}e{}", -ndigits)
            .parse::<f64>()
            .unwrap_or(f64::INFINITY)
    };
    if magnitude.is_infinite() {
        return Err("OverflowError: rounded value too large to represent".to_string());
    }
    Ok(if x.is_sign_negative() {
        -magnitude
    } else {
        magnitude
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: f64, b: f64) -> bool {
        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan())
    }

    /// Expected results are CPython 3.11's `round(x, ndigits)` (or its exception line).
    #[test]
    #[allow(clippy::excessive_precision)]
    fn matches_cpython() {
        let cases: &[(f64, i64, Result<f64, &str>)] = &[
            (2.675, 2, Ok(2.67)),
            (1234.5678, -2, Ok(1200.0)),
            (1234.5678, 2, Ok(1234.57)),
            (0.125, 2, Ok(0.12)),
            (0.375, 2, Ok(0.38)),
            (2.5, 0, Ok(2.0)),
            (3.5, 0, Ok(4.0)),
            (-2.5, 0, Ok(-2.0)),
            (0.5, 0, Ok(0.0)),
            (1.5, 0, Ok(2.0)),
            (5.0, -1, Ok(0.0)),
            (15.0, -1, Ok(20.0)),
            (25.0, -1, Ok(20.0)),
            (-4.0, -1, Ok(-0.0)),
            (
                1.7976931348623157e+308,
                -308,
                Err("OverflowError: rounded value too large to represent"),
            ),
            (
                1.7976931348623157e+308,
                -307,
                Err("OverflowError: rounded value too large to represent"),
            ),
            (1e+300, -301, Ok(0.0)),
            (5e-324, 323, Ok(0.0)),
            (5e-324, 324, Ok(5e-324)),
            (0.1, 400, Ok(0.1)),
            (1.23456789, 400, Ok(1.23456789)),
            (123.456, -400, Ok(0.0)),
            (-123.456, -400, Ok(-0.0)),
            (1e-05, 5, Ok(1e-05)),
            (1.5e-05, 5, Ok(2e-05)),
            (2.5e-05, 5, Ok(3e-05)),
            (0.285, 2, Ok(0.28)),
            (1.005, 2, Ok(1.0)),
            (1.0000000000000002e+16, -1, Ok(1e+16)),
            (123456789.98765433, 3, Ok(123456789.988)),
            (-0.0, 2, Ok(-0.0)),
            (f64::INFINITY, 2, Ok(f64::INFINITY)),
            (f64::NEG_INFINITY, -5, Ok(f64::NEG_INFINITY)),
            (f64::NAN, 3, Ok(f64::NAN)),
            (0.30000000000000004, 15, Ok(0.3)),
            (0.30000000000000004, 16, Ok(0.3)),
            (-1234.5, -1, Ok(-1230.0)),
            (99999.5, -5, Ok(100000.0)),
            (49999.9, -5, Ok(0.0)),
            (50000.0, -5, Ok(0.0)),
            (150000.0, -5, Ok(200000.0)),
            (1e+22, -22, Ok(1e+22)),
            (5e+22, -23, Ok(0.0)),
        ];
        for &(x, n, want) in cases {
            match (round_float(x, n), want) {
                (Ok(got), Ok(want)) => assert!(
                    same(got, want),
                    "round({x:e}, {n}) = {got:e}, want {want:e}"
                ),
                (Err(got), Err(want)) => assert_eq!(got, want, "round({x:e}, {n})"),
                (got, want) => panic!("round({x:e}, {n}) = {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn extreme_ndigits() {
        assert_eq!(round_float(2.5, i64::MAX), Ok(2.5));
        assert!(same(round_float(-2.5, i64::MIN).unwrap_or(1.0), -0.0));
    }
}

//! `float(int)`: converting an arbitrary-precision int to the nearest double, as
//! CPython's `PyLong_AsDouble` does (round-half-even; `None` when the rounded value does
//! not fit, where CPython raises "int too large to convert to float").

use num_bigint::{BigInt, Sign};

/// `2^exp` for `0 <= exp <= 1023`, built from its bit pattern so it is exact.
fn pow2(exp: u64) -> f64 {
    f64::from_bits((exp + 1023) << 52)
}

/// The double nearest to `v`, or `None` if it rounds to 2^1024 or beyond.
pub(crate) fn bigint_to_f64(v: &BigInt) -> Option<f64> {
    let mag = v.magnitude();
    let bits = mag.bits();
    let magnitude = if bits <= 64 {
        // u64 -> f64 conversion is correctly rounded (to nearest, ties to even).
        mag.iter_u64_digits().next().unwrap_or(0) as f64
    } else {
        // Keep the top 64 bits and fold every discarded bit into a "sticky" lowest bit:
        // the rounding to 53 bits then sees exactly whether anything was below the
        // rounding point, so one correctly rounded u64 -> f64 conversion suffices.
        let shift = bits - 64;
        if shift > 1023 {
            return None;
        }
        let top = mag >> shift;
        let mut m = top.iter_u64_digits().next().unwrap_or(0);
        if mag.trailing_zeros().is_some_and(|tz| tz < shift) {
            m |= 1;
        }
        // Scaling by a power of two is exact, or overflows to infinity.
        (m as f64) * pow2(shift)
    };
    if magnitude.is_infinite() {
        return None;
    }
    Some(if v.sign() == Sign::Minus {
        -magnitude
    } else {
        magnitude
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::One;

    fn big(s: &str) -> BigInt {
        BigInt::parse_bytes(s.as_bytes(), 10).unwrap_or_default()
    }

    #[test]
    fn small_values() {
        assert_eq!(bigint_to_f64(&BigInt::from(0)), Some(0.0));
        assert_eq!(bigint_to_f64(&BigInt::from(-7)), Some(-7.0));
        assert_eq!(
            bigint_to_f64(&BigInt::from(u64::MAX)),
            Some(18446744073709551616.0)
        );
    }

    #[test]
    fn rounding_is_half_even() {
        // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: even wins.
        assert_eq!(
            bigint_to_f64(&big("9007199254740993")),
            Some(9007199254740992.0)
        );
        // 2^53 + 3 ties to 2^53 + 4.
        assert_eq!(
            bigint_to_f64(&big("9007199254740995")),
            Some(9007199254740996.0)
        );
        // A tie at 2^80 scale broken by a low bit far below the top 64 bits.
        let one = BigInt::one();
        let x = (&one << 80u32) + (&one << 27u32) + &one;
        assert_eq!(bigint_to_f64(&x), Some(1208925819614629443141632.0));
        let tie = (&one << 80u32) + (&one << 27u32);
        assert_eq!(bigint_to_f64(&tie), Some(1208925819614629174706176.0));
    }

    #[test]
    fn overflow_boundary() {
        let one = BigInt::one();
        let max = (&one << 1024u32) - (&one << 971u32); // f64::MAX
        assert_eq!(bigint_to_f64(&max), Some(f64::MAX));
        // Halfway between f64::MAX and 2^1024 rounds up, i.e. overflows (CPython agrees).
        let halfway = (&one << 1024u32) - (&one << 970u32);
        assert_eq!(bigint_to_f64(&halfway), None);
        let below = &halfway - &one;
        assert_eq!(bigint_to_f64(&below), Some(f64::MAX));
        assert_eq!(bigint_to_f64(&(&one << 5000u32)), None);
        assert_eq!(bigint_to_f64(&-(&one << 1023u32)), Some(-(2f64.powi(1023))));
    }
}

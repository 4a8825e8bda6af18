//! Decimal digits of a double, in the shape CPython's `_Py_dg_dtoa` returns them.
//!
//! The digits come from Rust's own float formatting, which is exact: `{:e}` gives the
//! shortest digit string that round-trips (ties broken towards the closer value, like
//! dtoa mode 0), and `{:.N}` / `{:.Ne}` round the *exact* binary value half-to-even (like
//! dtoa modes 3 and 2). We only re-shape the text: strip the point, leading and trailing
//! zeros, and compute where the decimal point goes.

/// `0.DIGITS × 10^decpt`, with no leading or trailing zeros, except that zero is `"0"`
/// with `decpt == 1` (as dtoa returns it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Decimal {
    pub digits: Vec<u8>,
    pub decpt: i64,
}

/// A double has at most 767 significant decimal digits, so rounding to more digits than
/// this is exact and we can ask Rust for fewer and pad with zeros ourselves.
const MAX_SIGNIFICANT: usize = 800;
/// ... and at most 1074 digits after the decimal point.
const MAX_FRACTION: usize = 1100;

/// `(m, e)` with `|x| == m * 2^e` exactly, for finite `x`.
pub(crate) fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7FF) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    if exp_bits == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), exp_bits - 1075)
    }
}

/// Parse a run of ASCII digits with optional leading '-' (Rust's exponent output).
fn parse_exponent(s: &str) -> i64 {
    let (neg, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let mag = body
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0i64, |acc, b| {
            acc.saturating_mul(10).saturating_add(i64::from(b - b'0'))
        });
    if neg { -mag } else { mag }
}

/// Normalise a digit string whose decimal point sits after `int_len` digits.
fn normalise(mut digits: Vec<u8>, int_len: i64) -> Decimal {
    let leading = digits.iter().take_while(|&&b| b == b'0').count();
    digits.drain(..leading);
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.is_empty() {
        return Decimal {
            digits: vec![b'0'],
            decpt: 1,
        };
    }
    Decimal {
        digits,
        decpt: int_len - leading as i64,
    }
}

/// Re-shape Rust's scientific output `D.DDDDe±X`.
fn from_scientific(text: &str) -> Decimal {
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let digits: Vec<u8> = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    normalise(digits, parse_exponent(exponent) + 1)
}

/// Shortest round-trip digits (dtoa mode 0). `x` must be finite; its sign is ignored.
pub(crate) fn shortest(x: f64) -> Decimal {
    let x = x.abs();
    let rust = from_scientific(&format!("{:e}", x));
    break_tie_to_even(x, rust)
}

/// Whether `0.DIGITS × 10^decpt` reads back as exactly `x`.
fn round_trips(x: f64, digits: &[u8], decpt: i64) -> bool {
    let text = format!("0.{}e{}", String::from_utf8_lossy(digits), decpt);
    text.parse::<f64>() == Ok(x)
}

/// When `x` lies exactly halfway between two shortest candidates (`1592318381093690.25`
/// between `...690.2` and `...690.3`), dtoa picks the one with an even last digit while
/// Rust rounds up. Detect that case and switch to the even neighbour.
fn break_tie_to_even(x: f64, rust: Decimal) -> Decimal {
    let n = rust.digits.len();
    let odd_last = rust.digits.last().is_some_and(|d| d % 2 == 1);
    // A tie needs an exact expansion of n + 1 <= 18 significant digits ending in 5.
    // With x = m * 2^e, m odd: for e < 0 those digits are those of m * 5^-e, which has
    // 19+ digits once -e >= 27; and an integer x >= 1e40 would need 5^23 | m > 2^53.
    let (m, e) = decompose(x);
    let e = e + i64::from(m.trailing_zeros().min(63));
    if !odd_last || n >= 18 || e < -26 || x >= 1e40 {
        return rust;
    }
    // Rounding to 18 digits is exact for the remaining candidates, which makes this
    // cheap probe a reliable filter before the full expansion.
    let probe = significant(x, 18);
    if probe.digits.len() != n + 1 || probe.digits.last() != Some(&b'5') {
        return rust;
    }
    let exact = significant(x, MAX_SIGNIFICANT);
    if exact != probe {
        return rust;
    }
    let lower = &exact.digits[..n];
    let other = if rust.digits == lower {
        // Rust rounded down to an odd digit: the even choice is one unit up. (A last
        // digit of 9 would carry into a shorter string, which cannot round-trip here.)
        let mut up = lower.to_vec();
        match up.last_mut() {
            Some(last) if *last < b'9' => *last += 1,
            _ => return rust,
        }
        up
    } else {
        lower.to_vec()
    };
    if round_trips(x, &other, exact.decpt) {
        normalise(other, exact.decpt)
    } else {
        rust
    }
}

/// `n >= 1` significant digits, correctly rounded (dtoa mode 2, trailing zeros dropped).
pub(crate) fn significant(x: f64, n: usize) -> Decimal {
    let n = n.clamp(1, MAX_SIGNIFICANT);
    from_scientific(&format!("{:.*e}", n - 1, x.abs()))
}

/// Rounded to `frac` digits after the point (dtoa mode 3, trailing zeros dropped).
pub(crate) fn fixed(x: f64, frac: usize) -> Decimal {
    let text = format!("{:.*}", frac.min(MAX_FRACTION), x.abs());
    let (int_part, frac_part) = text.split_once('.').unwrap_or((text.as_str(), ""));
    let digits: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
    normalise(digits, int_part.len() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(digits: &str, decpt: i64) -> Decimal {
        Decimal {
            digits: digits.as_bytes().to_vec(),
            decpt,
        }
    }

    #[test]
    #[allow(clippy::excessive_precision)]
    fn shortest_digits() {
        assert_eq!(shortest(0.1), d("1", 0));
        assert_eq!(shortest(123.456), d("123456", 3));
        assert_eq!(shortest(1e16), d("1", 17));
        assert_eq!(shortest(0.0), d("0", 1));
        assert_eq!(shortest(-0.0), d("0", 1));
        assert_eq!(shortest(5e-324), d("5", -323));
        assert_eq!(
            shortest(1.7976931348623157e308),
            d("17976931348623157", 309)
        );
        assert_eq!(shortest(0.1 + 0.2), d("30000000000000004", 0));
        // Exactly halfway between two 17-digit candidates: the even one wins, as in dtoa.
        assert_eq!(shortest(1592318381093690.25), d("15923183810936902", 16));
        assert_eq!(shortest(988663864770878.25), d("9886638647708782", 15));
    }

    #[test]
    fn significant_digits() {
        assert_eq!(significant(2.675, 3), d("267", 1));
        assert_eq!(significant(1.0, 6), d("1", 1));
        assert_eq!(significant(9.96, 2), d("1", 2));
        assert_eq!(significant(0.1, 20), d("10000000000000000555", 0));
        assert_eq!(significant(0.0, 5), d("0", 1));
        // Far more digits than a double holds: the exact expansion, trailing zeros dropped.
        assert_eq!(significant(0.5, 5000), d("5", 0));
    }

    #[test]
    fn fixed_digits() {
        assert_eq!(fixed(2.675, 2), d("267", 1));
        assert_eq!(fixed(0.125, 2), d("12", 0));
        assert_eq!(fixed(0.5, 0), d("0", 1));
        assert_eq!(fixed(1.5, 0), d("2", 1));
        assert_eq!(fixed(0.000123, 6), d("123", -3));
        assert_eq!(fixed(0.0001, 2), d("0", 1));
        assert_eq!(fixed(99.99, 1), d("1", 3));
        assert_eq!(fixed(1e22, 3), d("1", 23));
        assert_eq!(fixed(5e-324, 100000).digits.len(), 751);
    }
}

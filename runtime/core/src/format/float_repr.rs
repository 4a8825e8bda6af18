//! `repr(float)` / `str(float)`.

use super::float_text::{FloatText, Style};

/// Python's `repr()`/`str()` of a float: the shortest digits that round-trip, written
/// positionally for `1e-4 <= |x| < 1e16` (always with a digit after the point) and with
/// an exponent otherwise (`1e+16`, `1e-05`); `inf`, `-inf`, `nan`, `-0.0`.
pub fn float_repr(x: f64) -> String {
    let mut text = FloatText::new(Style::Repr, 0);
    text.add_dot_0 = true;
    // Repr output is at most a couple of dozen bytes, so the allocation cannot fail.
    text.render(x).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected strings are `repr(x)` from CPython 3.11.
    #[test]
    #[allow(clippy::excessive_precision, clippy::approx_constant)]
    fn matches_cpython_repr() {
        let cases: &[(f64, &str)] = &[
            (0.30000000000000004, "0.30000000000000004"),
            (0.3333333333333333, "0.3333333333333333"),
            (1e+16, "1e+16"),
            (1000000000000000.0, "1000000000000000.0"),
            (123456789.0, "123456789.0"),
            (1e-05, "1e-05"),
            (0.0001, "0.0001"),
            (5e-324, "5e-324"),
            (1.7976931348623157e+308, "1.7976931348623157e+308"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (2.5e-05, "2.5e-05"),
            (100.0, "100.0"),
            (1e+100, "1e+100"),
            (1.0, "1.0"),
            (-1.5, "-1.5"),
            (0.1, "0.1"),
            (2.675, "2.675"),
            (1e+22, "1e+22"),
            (1e+23, "1e+23"),
            (9007199254740992.0, "9007199254740992.0"),
            (9007199254740992.0, "9007199254740992.0"),
            (123456789012345.0, "123456789012345.0"),
            (1234567890123456.0, "1234567890123456.0"),
            (1.2345678901234568e+16, "1.2345678901234568e+16"),
            (0.0001, "0.0001"),
            (9.999999999999999e-05, "9.999999999999999e-05"),
            (0.001, "0.001"),
            (2.2250738585072014e-308, "2.2250738585072014e-308"),
            (2.225073858507201e-308, "2.225073858507201e-308"),
            (1.5e-323, "1.5e-323"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (3.141592653589793, "3.141592653589793"),
            (-2.718281828459045, "-2.718281828459045"),
            (1.5e+300, "1.5e+300"),
            (1e-300, "1e-300"),
            (6.02214076e+23, "6.02214076e+23"),
            (0.30000000000000004, "0.30000000000000004"),
            (1e+17, "1e+17"),
            (9999999999999998.0, "9999999999999998.0"),
            (1e-07, "1e-07"),
            (123.456, "123.456"),
            (5e-310, "5e-310"),
            (1.1, "1.1"),
            (0.5, "0.5"),
            (1e+308, "1e+308"),
            (4.35, "4.35"),
            (0.3, "0.3"),
        ];
        for &(x, want) in cases {
            assert_eq!(float_repr(x), want, "repr of {x:e}");
        }
    }

    #[test]
    fn negative_nan_has_no_sign() {
        assert_eq!(float_repr(-f64::NAN), "nan");
    }

    #[test]
    fn sums_from_arithmetic() {
        assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_repr(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(float_repr(2.0f64.powi(60)), "1.152921504606847e+18");
    }
}

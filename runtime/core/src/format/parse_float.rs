//! `float(str)`: a port of `PyFloat_FromString` (with `_Py_string_to_number_with_underscores`
//! and the grammar of `_Py_dg_strtod` / `_Py_parse_inf_or_nan`) from CPython.
//!
//! We validate CPython's grammar ourselves and hand the cleaned ASCII text to Rust's
//! parser, which accepts a superset of it and rounds correctly, as dtoa does.

use super::unicode::{is_ascii_space, number_text_to_ascii};

/// Trim `Py_ISSPACE` characters from both ends.
pub(crate) fn trim_ascii_space(mut s: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = s
        && is_ascii_space(*first)
    {
        s = rest;
    }
    while let [rest @ .., last] = s
        && is_ascii_space(*last)
    {
        s = rest;
    }
    s
}

/// Drop underscores, which CPython allows only between two digits.
fn remove_underscores(s: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    let mut prev = 0u8;
    for &b in s {
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !b.is_ascii_digit() {
                return None;
            }
            out.push(b);
        }
        prev = b;
    }
    (prev != b'_').then_some(out)
}

/// Length of the run of ASCII digits at the start of `s`.
fn digit_run(s: &[u8]) -> usize {
    s.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// Whether `s` (sign already removed) is `digits[.digits][e[sign]digits]` with at least
/// one mantissa digit: the decimal grammar `_Py_dg_strtod` accepts.
fn is_decimal(s: &[u8]) -> bool {
    let int_digits = digit_run(s);
    let mut rest = &s[int_digits..];
    let mut frac_digits = 0;
    if let [b'.', after @ ..] = rest {
        frac_digits = digit_run(after);
        rest = &after[frac_digits..];
    }
    if int_digits + frac_digits == 0 {
        return false;
    }
    match rest {
        [] => true,
        [b'e' | b'E', exp @ ..] => {
            let exp = match exp {
                [b'+' | b'-', digits @ ..] => digits,
                digits => digits,
            };
            !exp.is_empty() && digit_run(exp) == exp.len()
        }
        _ => false,
    }
}

/// Parse a Python float literal or `float()` argument. `Err(())` when CPython would raise
/// "could not convert string to float".
// The unit error is the VM's contract: the caller words the ValueError itself.
#[allow(clippy::result_unit_err)]
pub fn parse_float(s: &str) -> Result<f64, ()> {
    let ascii = number_text_to_ascii(s).ok_or(())?;
    let text = trim_ascii_space(&ascii);
    let cleaned = if text.contains(&b'_') {
        remove_underscores(text).ok_or(())?
    } else {
        text.to_vec()
    };
    let (negative, body) = match cleaned.as_slice() {
        [b'-', rest @ ..] => (true, rest),
        [b'+', rest @ ..] => (false, rest),
        rest => (false, rest),
    };
    let special = if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if body.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    };
    let magnitude = match special {
        Some(v) => v,
        None if is_decimal(body) => {
            // `body` is validated ASCII, so both conversions succeed.
            let text = std::str::from_utf8(body).map_err(|_| ())?;
            text.parse::<f64>().map_err(|_| ())?
        }
        None => return Err(()),
    };
    Ok(if negative { -magnitude } else { magnitude })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected results are CPython 3.11's `float(s)`; `Err(())` where it raises ValueError.
    #[test]
    #[allow(clippy::excessive_precision)]
    fn matches_cpython() {
        let cases: &[(&str, Result<f64, ()>)] = &[
            ("1.5", Ok(1.5)),
            ("  -3.25  ", Ok(-3.25)),
            ("inf", Ok(f64::INFINITY)),
            ("-Infinity", Ok(f64::NEG_INFINITY)),
            ("+INF", Ok(f64::INFINITY)),
            ("nan", Ok(f64::NAN)),
            ("-nan", Ok(-f64::NAN)),
            ("NaN", Ok(f64::NAN)),
            ("iNfInItY", Ok(f64::INFINITY)),
            ("1_000.5", Ok(1000.5)),
            (".5", Ok(0.5)),
            ("5.", Ok(5.0)),
            ("1e5", Ok(100000.0)),
            ("1E+5", Ok(100000.0)),
            ("1e-5", Ok(1e-05)),
            ("-.5e-3", Ok(-0.0005)),
            ("+.5", Ok(0.5)),
            ("0", Ok(0.0)),
            ("-0", Ok(-0.0)),
            ("00012.50", Ok(12.5)),
            ("1_0 ", Ok(10.0)),
            (" 1_0", Ok(10.0)),
            ("\t1.0\n", Ok(1.0)),
            ("\u{3000} 2.5\u{2003}", Ok(2.5)),
            ("\u{661}.\u{665}", Ok(1.5)),
            ("1e500", Ok(f64::INFINITY)),
            ("-1e500", Ok(f64::NEG_INFINITY)),
            ("1e-400", Ok(0.0)),
            ("2.4703282292062328e-324", Ok(5e-324)),
            ("2.4703282292062327e-324", Ok(0.0)),
            ("0.1", Ok(0.1)),
            ("9007199254740993", Ok(9007199254740992.0)),
            (
                "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
                Ok(f64::INFINITY),
            ),
            ("1e1_0", Ok(10000000000.0)),
            ("1_000_000", Ok(1000000.0)),
            ("", Err(())),
            ("   ", Err(())),
            ("abc", Err(())),
            ("1__0", Err(())),
            ("1_.5", Err(())),
            ("1._5", Err(())),
            ("_1", Err(())),
            ("1_", Err(())),
            ("1_e5", Err(())),
            ("in_f", Err(())),
            ("\u{1c}1", Err(())),
            ("1\u{0}", Err(())),
            ("1.5\u{ff}", Err(())),
            ("0x10", Err(())),
            ("1e", Err(())),
            ("1e+", Err(())),
            (".e5", Err(())),
            (".", Err(())),
            ("++1", Err(())),
            ("+-1", Err(())),
            ("infinit", Err(())),
            ("infinityy", Err(())),
            ("- 1", Err(())),
            ("1 2", Err(())),
            ("1.5.", Err(())),
            ("e5", Err(())),
            ("1,5", Err(())),
            ("\u{7f}1", Err(())),
            ("1d5", Err(())),
            ("nan(1)", Err(())),
            ("1.5f", Err(())),
        ];
        for &(text, want) in cases {
            let got = parse_float(text);
            let same = match (got, want) {
                (Ok(a), Ok(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                (Err(()), Err(())) => true,
                _ => false,
            };
            assert!(same, "float({text:?}) = {got:?}, want {want:?}");
        }
    }

    #[test]
    fn nan_keeps_its_sign_bit() {
        assert!(parse_float("-nan").is_ok_and(|x| x.is_nan() && x.is_sign_negative()));
        assert!(parse_float("nan").is_ok_and(|x| x.is_nan() && x.is_sign_positive()));
    }
}

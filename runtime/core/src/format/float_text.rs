//! Turning a double into the bare text CPython's `PyOS_double_to_string` produces
//! (`"-1.5e+05"`, `"0.125"`, `"inf"`), before any width/grouping/alignment is applied.
//!
//! A port of `format_float_short` from CPython's `Python/pystrtod.c`: decimal digits from
//! [`super::digits`] are placed in a "virtual" string of zeros extending both ways, and
//! the slice between `vdigits_start` and `vdigits_end` is written out with a decimal
//! point at `decpt`.

use super::digits::{self, Decimal};
use super::padding::{MEMORY_ERROR, reserve};

/// The layout rule, i.e. the `format_code` of `format_float_short`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// `e`: one digit before the point, `precision` after, always an exponent.
    Exponent,
    /// `f`: `precision` digits after the point.
    Fixed,
    /// `g`: `precision` significant digits, exponent outside `1e-4 <= |x| < 10^precision`.
    General,
    /// `repr`: shortest round-trip digits, exponent outside `1e-4 <= |x| < 1e16`.
    Repr,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct FloatText {
    pub style: Style,
    pub precision: usize,
    /// `Py_DTSF_ADD_DOT_0`: keep a `.0` on integral values (repr, and `''` format type).
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT` (`#`): keep the point and, for `g`, the trailing zeros.
    pub alternate: bool,
    /// `Py_DTSF_NO_NEG_0` (`z`): a result that rounds to zero loses its minus sign.
    pub no_neg_zero: bool,
    /// `E`/`F`/`G`: upper-case `INF`, `NAN` and `E`.
    pub upper: bool,
}

impl FloatText {
    pub(crate) fn new(style: Style, precision: usize) -> Self {
        FloatText {
            style,
            precision,
            add_dot_0: false,
            alternate: false,
            no_neg_zero: false,
            upper: false,
        }
    }

    /// Format `x`. The only possible failure is `MemoryError` for absurd precisions.
    pub(crate) fn render(&self, x: f64) -> Result<String, String> {
        if x.is_nan() {
            // CPython never shows a sign on a NaN.
            return Ok(if self.upper { "NAN" } else { "nan" }.to_string());
        }
        if x.is_infinite() {
            let body = if self.upper { "INF" } else { "inf" };
            return Ok(if x < 0.0 {
                format!("-{body}")
            } else {
                body.to_string()
            });
        }
        // Callers reject precisions above C's INT_MAX ("precision too big") as CPython
        // does; keeping that bound here makes all the arithmetic below overflow-free.
        let precision =
            i64::from(i32::try_from(self.precision).map_err(|_| MEMORY_ERROR.to_string())?);
        let (decimal, precision) = match self.style {
            // 'e' asks dtoa for one more digit than the precision (the one before the point).
            Style::Exponent => (
                digits::significant(x, self.precision.saturating_add(1)),
                precision + 1,
            ),
            Style::Fixed => (digits::fixed(x, self.precision), precision),
            // Precision 0 makes no sense for 'g'; CPython reads it as 1.
            Style::General => {
                let p = precision.max(1);
                (digits::significant(x, self.precision.max(1)), p)
            }
            Style::Repr => (digits::shortest(x), 0),
        };
        let mut negative = x.is_sign_negative();
        if self.no_neg_zero && decimal.digits == b"0" {
            negative = false;
        }
        self.layout(&decimal, precision, negative)
    }

    fn layout(&self, d: &Decimal, precision: i64, negative: bool) -> Result<String, String> {
        let digits_len = d.digits.len() as i64;
        let mut decpt = d.decpt;
        let mut use_exp = false;
        let mut vdigits_end = digits_len;
        match self.style {
            Style::Exponent => {
                use_exp = true;
                vdigits_end = precision;
            }
            Style::Fixed => vdigits_end = decpt + precision,
            Style::General => {
                let limit = if self.add_dot_0 {
                    precision - 1
                } else {
                    precision
                };
                use_exp = decpt <= -4 || decpt > limit;
                if self.alternate {
                    vdigits_end = precision;
                }
            }
            // Exponent from 1e16 on: 16 significant digits would otherwise be padded
            // with misleading zeros.
            Style::Repr => use_exp = decpt <= -4 || decpt > 16,
        }

        let mut exp = 0;
        if use_exp {
            exp = decpt - 1;
            decpt = 1;
        }
        // Keep vdigits_start < decpt <= vdigits_end (strictly below with add_dot_0, so
        // at least one digit follows the point).
        let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
        let min_end = if !use_exp && self.add_dot_0 {
            decpt + 1
        } else {
            decpt
        };
        vdigits_end = vdigits_end.max(min_end);

        let body_len =
            usize::try_from(vdigits_end - vdigits_start).map_err(|_| MEMORY_ERROR.to_string())?;
        let mut out = reserve(body_len.saturating_add(8))?;
        if negative {
            out.push('-');
        }
        let zeros = |out: &mut String, n: i64| {
            out.extend(std::iter::repeat_n('0', usize::try_from(n).unwrap_or(0)));
        };
        let digits = |out: &mut String, range: std::ops::Range<i64>| {
            let (a, b) = (range.start.max(0) as usize, range.end.max(0) as usize);
            out.extend(
                d.digits
                    .get(a..b)
                    .unwrap_or(&[])
                    .iter()
                    .map(|&b| char::from(b)),
            );
        };

        // Exactly one of the three places below writes the decimal point.
        if decpt <= 0 {
            zeros(&mut out, decpt - vdigits_start);
            out.push('.');
            zeros(&mut out, -decpt);
        } else {
            zeros(&mut out, -vdigits_start);
        }
        if 0 < decpt && decpt <= digits_len {
            digits(&mut out, 0..decpt);
            out.push('.');
            digits(&mut out, decpt..digits_len);
        } else {
            digits(&mut out, 0..digits_len);
        }
        if digits_len < decpt {
            zeros(&mut out, decpt - digits_len);
            out.push('.');
            zeros(&mut out, vdigits_end - decpt);
        } else {
            zeros(&mut out, vdigits_end - digits_len);
        }

        if out.ends_with('.') && !self.alternate {
            out.pop();
        }
        if use_exp {
            out.push(if self.upper { 'E' } else { 'e' });
            // C's "%+.02d": explicit sign, at least two digits.
            let sign = if exp < 0 { '-' } else { '+' };
            out.push_str(&format!("{sign}{:02}", exp.unsigned_abs()));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(x: f64, style: Style, precision: usize) -> String {
        FloatText::new(style, precision)
            .render(x)
            .unwrap_or_else(|e| e)
    }

    #[test]
    fn styles() {
        assert_eq!(text(1234.5678, Style::Exponent, 2), "1.23e+03");
        assert_eq!(text(1234.5678, Style::Fixed, 2), "1234.57");
        assert_eq!(text(1234.5678, Style::General, 2), "1.2e+03");
        assert_eq!(text(1234.5678, Style::Repr, 0), "1234.5678");
        assert_eq!(text(-0.0, Style::Fixed, 1), "-0.0");
        assert_eq!(text(1e-300, Style::Exponent, 0), "1e-300");
        assert_eq!(text(0.0001, Style::General, 6), "0.0001");
        assert_eq!(text(0.00001, Style::General, 6), "1e-05");
        assert_eq!(text(f64::NEG_INFINITY, Style::Fixed, 2), "-inf");
        assert_eq!(text(-f64::NAN, Style::Fixed, 2), "nan");
    }

    #[test]
    fn flags() {
        let mut t = FloatText::new(Style::General, 3);
        t.alternate = true;
        assert_eq!(t.render(1.0), Ok("1.00".to_string()));
        let mut t = FloatText::new(Style::Fixed, 2);
        t.no_neg_zero = true;
        assert_eq!(t.render(-0.001), Ok("0.00".to_string()));
        assert_eq!(t.render(-0.01), Ok("-0.01".to_string()));
        let mut t = FloatText::new(Style::General, 3);
        t.add_dot_0 = true;
        assert_eq!(t.render(1.0), Ok("1.0".to_string()));
        assert_eq!(t.render(100.0), Ok("1e+02".to_string()));
        let mut t = FloatText::new(Style::Exponent, 3);
        t.upper = true;
        assert_eq!(t.render(1.0), Ok("1.000E+00".to_string()));
        assert_eq!(t.render(f64::INFINITY), Ok("INF".to_string()));
    }
}

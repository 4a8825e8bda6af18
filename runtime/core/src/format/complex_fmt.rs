//! `repr(complex)` and `format(z, spec)`, after `complex_repr` and
//! `format_complex_internal` in CPython: each part is a float written by
//! `PyOS_double_to_string` (without the `.0` a float's repr adds), the imaginary
//! part with a forced sign when the real part is shown.

use super::float_fmt::value_error;
use super::float_text::{FloatText, Style};
use super::padding::{push_fill, split_padding};
use super::spec::{parse_spec_for, unknown_code};

/// `repr(complex(re, im))`: `2j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let text = FloatText::new(Style::Repr, 0);
    // Repr output is short, so rendering cannot fail.
    let part = |x: f64| text.render(x).unwrap_or_default();
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", part(im));
    }
    format!("({}{}j)", part(re), signed(part(im), Some('+')))
}

/// A part's text with the sign option applied (a minus is always kept).
fn signed(body: String, sign: Option<char>) -> String {
    if body.starts_with('-') {
        return body;
    }
    match sign {
        Some(c @ ('+' | ' ')) => format!("{c}{body}"),
        _ => body,
    }
}

/// `format(complex(re, im), spec)`. `Err` is the Python error line.
pub fn format_complex(re: f64, im: f64, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(complex_repr(re, im));
    }
    let parsed = parse_spec_for(spec, "complex").map_err(value_error)?;
    parsed.check_grouping(None).map_err(value_error)?;
    let ty = match parsed.ty {
        None => None,
        Some(c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => Some(c),
        Some('n') => return Err("unsupported: the 'n' format of a complex number".to_string()),
        Some(c) => return Err(value_error(unknown_code(c, "complex"))),
    };
    let (fill, align) = parsed.fill_and_align('>');
    if fill == '0' {
        return Err(value_error("Zero padding is not allowed in complex format specifier"));
    }
    if align == '=' {
        return Err(value_error("'=' alignment flag is not allowed in complex format specifier"));
    }
    if parsed.grouping.is_some() {
        return Err("unsupported: a thousands separator in a complex format".to_string());
    }
    let precision = match parsed.precision {
        Some(p) if p > i32::MAX as usize => return Err(value_error("precision too big")),
        p => p,
    };
    // No type: like str(z) (the real part left out when it is +0, parentheses
    // otherwise), with 'g' digits when a precision is given.
    let (style, upper, skip_re, parens) = match ty {
        None => {
            let skip = re == 0.0 && re.is_sign_positive();
            let style = if precision.is_some() { Style::General } else { Style::Repr };
            (style, false, skip, !skip)
        }
        Some('e') => (Style::Exponent, false, false, false),
        Some('E') => (Style::Exponent, true, false, false),
        Some('f') => (Style::Fixed, false, false, false),
        Some('F') => (Style::Fixed, true, false, false),
        Some('g') => (Style::General, false, false, false),
        _ => (Style::General, true, false, false),
    };
    let default_precision = if ty.is_none() { 0 } else { 6 };
    let mut text = FloatText::new(style, precision.unwrap_or(default_precision));
    text.alternate = parsed.alternate;
    text.no_neg_zero = parsed.no_neg_zero;
    text.upper = upper;
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&signed(text.render(re)?, parsed.sign));
    }
    let im_sign = if skip_re { parsed.sign } else { Some('+') };
    body.push_str(&signed(text.render(im)?, im_sign));
    body.push('j');
    if parens {
        body.push(')');
    }
    let len = body.chars().count();
    let width = parsed.width.unwrap_or(0);
    if width <= len {
        return Ok(body);
    }
    let (left, right) = split_padding(width - len, align);
    let mut out = super::padding::reserve(body.len() + (width - len) * fill.len_utf8())?;
    push_fill(&mut out, fill, left);
    out.push_str(&body);
    push_fill(&mut out, fill, right);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected strings are CPython 3.11's `repr(complex(re, im))`.
    #[test]
    fn repr_matches_cpython() {
        let cases: &[(f64, f64, &str)] = &[
            (1.0, 2.0, "(1+2j)"),
            (0.0, 2.0, "2j"),
            (-0.0, -1.0, "(-0-1j)"),
            (0.0, -0.0, "-0j"),
            (f64::NAN, f64::INFINITY, "(nan+infj)"),
            (0.0, 1e+20, "1e+20j"),
            (1e+20, 1e-05, "(1e+20+1e-05j)"),
            (1.5, -2.25, "(1.5-2.25j)"),
            (-0.0, 0.0, "(-0+0j)"),
            (1e+16, 1.0, "(1e+16+1j)"),
            (0.1, 0.2, "(0.1+0.2j)"),
        ];
        for &(re, im, want) in cases {
            assert_eq!(complex_repr(re, im), want, "complex({re:e}, {im:e})");
        }
    }

    /// Expected strings are CPython 3.11's `format(complex(re, im), spec)`.
    #[test]
    fn format_matches_cpython() {
        let cases: &[(f64, f64, &str, &str)] = &[
            (1.0, 2.0, ".2f", "1.00+2.00j"),
            (1.0, 2.0, ">20", "              (1+2j)"),
            (1.0, 2.0, "<12", "(1+2j)      "),
            (1.0, 2.0, "^14", "    (1+2j)    "),
            (1.0, 2.0, "e", "1.000000e+00+2.000000e+00j"),
            (1.0, 2.0, ".3", "(1+2j)"),
            (1.0, 2.0, "g", "1+2j"),
            (1.0, 2.0, "+", "(+1+2j)"),
            (1.0, 2.0, "-", "(1+2j)"),
            (1.0, 2.0, " ", "( 1+2j)"),
            (1.0, 2.0, "E", "1.000000E+00+2.000000E+00j"),
            (1.0, 2.0, ".0f", "1+2j"),
            (1.0, 2.0, "#.0f", "1.+2.j"),
            (1.0, 2.0, "z.1f", "1.0+2.0j"),
            (1.0, 2.0, "*>16.1e", "1.0e+00+2.0e+00j"),
            (0.0, 2.0, ".2f", "0.00+2.00j"),
            (0.0, 2.0, ">20", "                  2j"),
            (0.0, 2.0, "<12", "2j          "),
            (0.0, 2.0, "^14", "      2j      "),
            (0.0, 2.0, "e", "0.000000e+00+2.000000e+00j"),
            (0.0, 2.0, ".3", "2j"),
            (0.0, 2.0, "g", "0+2j"),
            (0.0, 2.0, "+", "+2j"),
            (0.0, 2.0, "-", "2j"),
            (0.0, 2.0, " ", " 2j"),
            (0.0, 2.0, "E", "0.000000E+00+2.000000E+00j"),
            (0.0, 2.0, ".0f", "0+2j"),
            (0.0, 2.0, "#.0f", "0.+2.j"),
            (0.0, 2.0, "z.1f", "0.0+2.0j"),
            (0.0, 2.0, "*>16.1e", "0.0e+00+2.0e+00j"),
            (-1.5, -0.0, ".2f", "-1.50-0.00j"),
            (-1.5, -0.0, ">20", "           (-1.5-0j)"),
            (-1.5, -0.0, "<12", "(-1.5-0j)   "),
            (-1.5, -0.0, "^14", "  (-1.5-0j)   "),
            (-1.5, -0.0, "e", "-1.500000e+00-0.000000e+00j"),
            (-1.5, -0.0, ".3", "(-1.5-0j)"),
            (-1.5, -0.0, "g", "-1.5-0j"),
            (-1.5, -0.0, "+", "(-1.5-0j)"),
            (-1.5, -0.0, "-", "(-1.5-0j)"),
            (-1.5, -0.0, " ", "(-1.5-0j)"),
            (-1.5, -0.0, "E", "-1.500000E+00-0.000000E+00j"),
            (-1.5, -0.0, ".0f", "-2-0j"),
            (-1.5, -0.0, "#.0f", "-2.-0.j"),
            (-1.5, -0.0, "z.1f", "-1.5+0.0j"),
            (-1.5, -0.0, "*>16.1e", "-1.5e+00-0.0e+00j"),
            (0.0, -3.25, ".2f", "0.00-3.25j"),
            (0.0, -3.25, ">20", "              -3.25j"),
            (0.0, -3.25, "<12", "-3.25j      "),
            (0.0, -3.25, "^14", "    -3.25j    "),
            (0.0, -3.25, "e", "0.000000e+00-3.250000e+00j"),
            (0.0, -3.25, ".3", "-3.25j"),
            (0.0, -3.25, "g", "0-3.25j"),
            (0.0, -3.25, "+", "-3.25j"),
            (0.0, -3.25, "-", "-3.25j"),
            (0.0, -3.25, " ", "-3.25j"),
            (0.0, -3.25, "E", "0.000000E+00-3.250000E+00j"),
            (0.0, -3.25, ".0f", "0-3j"),
            (0.0, -3.25, "#.0f", "0.-3.j"),
            (0.0, -3.25, "z.1f", "0.0-3.2j"),
            (0.0, -3.25, "*>16.1e", "0.0e+00-3.2e+00j"),
        ];
        for &(re, im, spec, want) in cases {
            assert_eq!(format_complex(re, im, spec).as_deref(), Ok(want), "format(complex({re:e}, {im:e}), {spec:?})");
        }
        assert_eq!(
            format_complex(1.0, 2.0, "010"),
            Err("ValueError: Zero padding is not allowed in complex format specifier".to_string())
        );
        assert_eq!(format_complex(1.0, 2.0, "d"), Err("ValueError: Unknown format code 'd' for object of type 'complex'".to_string()));
    }
}

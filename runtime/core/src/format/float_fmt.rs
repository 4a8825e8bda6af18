//! `format(x, spec)` for floats: a port of `format_float_internal` from CPython's
//! `Python/formatter_unicode.c`.

use super::float_repr::float_repr;
use super::float_text::{FloatText, Style};
use super::number_fill::{NumberParts, NumberStyle, render_number};
use super::spec::{FormatSpec, parse_spec_for, unknown_code};

pub(crate) fn value_error(msg: impl std::fmt::Display) -> String {
    format!("ValueError: {msg}")
}

/// `format(x, spec)` for a float. `Err` is the full Python error line, e.g.
/// `"ValueError: Unknown format code 'd' for object of type 'float'"`.
pub fn format_float(value: f64, spec: &str) -> Result<String, String> {
    // An empty spec is str(x), without looking at anything else.
    if spec.is_empty() {
        return Ok(float_repr(value));
    }
    let parsed = parse_spec_for(spec, "float").map_err(value_error)?;
    parsed.check_grouping(None).map_err(value_error)?;
    match parsed.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_spec(value, &parsed)
        }
        Some(c) => Err(value_error(unknown_code(c, "float"))),
    }
}

/// Format `value` with an already parsed and type-checked spec whose type is a float
/// presentation type (or none). Also used for ints formatted with float types.
pub(crate) fn format_float_spec(value: f64, spec: &FormatSpec) -> Result<String, String> {
    let precision = match spec.precision {
        Some(p) if p > i32::MAX as usize => return Err(value_error("precision too big")),
        p => p,
    };
    let mut value = value;
    let mut percent = false;
    // No type: like repr without a precision, like 'g' (keeping a ".0") with one.
    let (style, upper, default_precision) = match spec.ty {
        None if precision.is_none() => (Style::Repr, false, 0),
        None => (Style::General, false, 0),
        Some('e') => (Style::Exponent, false, 6),
        Some('E') => (Style::Exponent, true, 6),
        Some('f') => (Style::Fixed, false, 6),
        Some('F') => (Style::Fixed, true, 6),
        Some('G') => (Style::General, true, 6),
        Some('%') => {
            // CPython multiplies in floating point, rounding included.
            value *= 100.0;
            percent = true;
            (Style::Fixed, false, 6)
        }
        // 'g' and 'n' ('n' is 'g' with the C locale's separators, i.e. none).
        _ => (Style::General, false, 6),
    };
    let mut text = FloatText::new(style, precision.unwrap_or(default_precision));
    text.add_dot_0 = spec.ty.is_none();
    text.alternate = spec.alternate;
    text.no_neg_zero = spec.no_neg_zero;
    text.upper = upper;
    let mut body = text.render(value)?;
    if percent {
        body.push('%');
    }

    let (negative, unsigned) = match body.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, body.as_str()),
    };
    let int_len = unsigned.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = unsigned.split_at(int_len);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(after) => (true, after),
        None => (false, rest),
    };
    let (fill, align) = spec.fill_and_align('>');
    let style = NumberStyle {
        fill,
        align,
        sign: spec.sign,
        width: spec.width,
        // Floats group the integer digits in threes. ('n' cannot get here with a
        // separator: the spec check rejects that combination.)
        grouping: spec.grouping.map(|g| (3, g.as_char())),
    };
    let parts = NumberParts {
        negative,
        prefix: "",
        digits,
        has_decimal,
        remainder,
    };
    render_number(&parts, &style)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected results are CPython 3.11's `format(x, spec)` (or its exception line).
    #[test]
    #[allow(clippy::excessive_precision)]
    fn matches_cpython() {
        let cases: &[(f64, &str, Result<&str, &str>)] = &[
            (1234.5678, "e", Ok("1.234568e+03")),
            (1234.5678, "E", Ok("1.234568E+03")),
            (1234.5678, "f", Ok("1234.567800")),
            (1234.5678, "F", Ok("1234.567800")),
            (1234.5678, "g", Ok("1234.57")),
            (1234.5678, "G", Ok("1234.57")),
            (1234.5678, "n", Ok("1234.57")),
            (0.1234, "%", Ok("12.340000%")),
            (1234.5678, "", Ok("1234.5678")),
            (1234.5678, ".2", Ok("1.2e+03")),
            (1e+16, "", Ok("1e+16")),
            (1e+16, ".17g", Ok("10000000000000000")),
            (1.5e-07, "g", Ok("1.5e-07")),
            (1.5e-07, "", Ok("1.5e-07")),
            (1.0, ".3", Ok("1.0")),
            (123456.0, ".3", Ok("1.23e+05")),
            (100.0, ".3", Ok("1e+02")),
            (1.0, ".0", Ok("1e+00")),
            (1.5, ".0", Ok("2e+00")),
            (2.5, ".0f", Ok("2")),
            (0.5, ".0f", Ok("0")),
            (1.5, ".0f", Ok("2")),
            (-0.5, ".0f", Ok("-0")),
            (2.675, ".2f", Ok("2.67")),
            (0.125, ".2f", Ok("0.12")),
            (0.375, ".2f", Ok("0.38")),
            (1e+22, "f", Ok("10000000000000000000000.000000")),
            (1e-05, "f", Ok("0.000010")),
            (123456789.0, "e", Ok("1.234568e+08")),
            (0.0, "e", Ok("0.000000e+00")),
            (-0.0, "f", Ok("-0.000000")),
            (-0.0, "", Ok("-0.0")),
            (-0.0, "z.1f", Ok("0.0")),
            (-0.001, "z.2f", Ok("0.00")),
            (-0.001, ".2f", Ok("-0.00")),
            (-0.0, "z", Ok("0.0")),
            (-1e-10, "z.3e", Ok("-1.000e-10")),
            (-0.0001, "z%", Ok("-0.010000%")),
            (1.0, "#.0f", Ok("1.")),
            (1.0, "#.0e", Ok("1.e+00")),
            (1.0, "#g", Ok("1.00000")),
            (1.0, "#.3", Ok("1.00")),
            (1e+16, "#", Ok("1.e+16")),
            (123.0, "#.10g", Ok("123.0000000")),
            (0.0001, "#.2g", Ok("0.00010")),
            (3.25, "10", Ok("      3.25")),
            (3.25, "<10", Ok("3.25      ")),
            (3.25, "^10", Ok("   3.25   ")),
            (3.25, "*^11", Ok("***3.25****")),
            (-3.25, "=10", Ok("-     3.25")),
            (-3.25, "010", Ok("-000003.25")),
            (3.25, "+010", Ok("+000003.25")),
            (3.25, " 010.3f", Ok(" 00003.250")),
            (-3.25, "0>10", Ok("00000-3.25")),
            (3.25, "0<10", Ok("3.25000000")),
            (-3.25, "x=+12.1f", Ok("-xxxxxxxx3.2")),
            (
                3.25,
                "\u{20ac}>8",
                Ok("\u{20ac}\u{20ac}\u{20ac}\u{20ac}3.25"),
            ),
            (-3.25, "+", Ok("-3.25")),
            (3.25, "+", Ok("+3.25")),
            (3.25, " ", Ok(" 3.25")),
            (-3.25, "-", Ok("-3.25")),
            (1234567.891, ",", Ok("1,234,567.891")),
            (1234567.891, "_", Ok("1_234_567.891")),
            (1234567.891, ",.2f", Ok("1,234,567.89")),
            (1234567.891, "_.3e", Ok("1.235e+06")),
            (1234567.891, "015,.2f", Ok("0,001,234,567.89")),
            (1234567.891, "016,.2f", Ok("0,001,234,567.89")),
            (-1234567.891, "020_.1f", Ok("-0_000_001_234_567.9")),
            (1e+20, ",.0f", Ok("100,000,000,000,000,000,000")),
            (123.0, ",g", Ok("123")),
            (1234567.0, ",g", Ok("1.23457e+06")),
            (1234567.0, ",.10g", Ok("1,234,567")),
            (0.5, ",%", Ok("50.000000%")),
            (12345.678, ",%", Ok("1,234,567.800000%")),
            (1234.5, "0=12,", Ok("00,001,234.5")),
            (
                1e+300,
                ",.2f",
                Ok(
                    "1,000,000,000,000,000,052,504,760,255,204,420,248,704,468,581,108,159,154,915,854,115,511,802,457,988,908,195,786,371,375,080,447,864,043,704,443,832,883,878,176,942,523,235,360,430,575,644,792,184,786,706,982,848,387,200,926,575,803,737,830,233,794,788,090,059,368,953,234,970,799,945,081,119,038,967,640,880,074,652,742,780,142,494,579,258,788,820,056,842,838,115,669,472,196,386,865,459,400,540,160.00",
                ),
            ),
            (0.5, "%", Ok("50.000000%")),
            (0.125, ".1%", Ok("12.5%")),
            (1.0, ".0%", Ok("100%")),
            (-0.015, "+.2%", Ok("-1.50%")),
            (1e-10, "%", Ok("0.000000%")),
            (
                0.1,
                ".50f",
                Ok("0.10000000000000000555111512312578270211815834045410"),
            ),
            (0.1, ".30e", Ok("1.000000000000000055511151231258e-01")),
            (0.3333333333333333, ".20g", Ok("0.33333333333333331483")),
            (
                5e-324,
                ".1100f",
                Ok(
                    "0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000494065645841246544176568792868221372365059802614324764425585682500675507270208751865299836361635992379796564695445717730926656710355939796398774796010781878126300713190311404527845817167848982103688718636056998730723050006387409153564984387312473397273169615140031715385398074126238565591171026658556686768187039560310624931945271591492455329305456544401127480129709999541931989409080416563324524757147869014726780159355238611550134803526493472019379026810710749170333222684475333572083243193609238289345836806010601150616980975307834227731832924790498252473077637592724787465608477820373446969953364701797267771758512566055119913150489110145103786273816725095583738973359899366480994116420570263709027924276754456522908753868250641971826553344726562500000000000000000000000000",
                ),
            ),
            (1e+300, ".0e", Ok("1e+300")),
            (
                9.313225746154785e-10,
                ".40f",
                Ok("0.0000000009313225746154785156250000000000"),
            ),
            (123.456, "#.25G", Ok("123.4560000000000030695446")),
            (
                1.7976931348623157e+308,
                "f",
                Ok(
                    "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000000",
                ),
            ),
            (5e-324, "e", Ok("4.940656e-324")),
            (5e-324, "g", Ok("4.94066e-324")),
            (5e-324, ".3", Ok("4.94e-324")),
            (f64::INFINITY, "", Ok("inf")),
            (f64::NEG_INFINITY, "", Ok("-inf")),
            (f64::NAN, "", Ok("nan")),
            (f64::INFINITY, "f", Ok("inf")),
            (f64::INFINITY, "F", Ok("INF")),
            (f64::NAN, "E", Ok("NAN")),
            (f64::NAN, "G", Ok("NAN")),
            (f64::NEG_INFINITY, "%", Ok("-inf%")),
            (f64::NAN, "+", Ok("+nan")),
            (f64::INFINITY, "010", Ok("0000000inf")),
            (f64::NEG_INFINITY, "010", Ok("-000000inf")),
            (f64::NAN, "=+10", Ok("+      nan")),
            (f64::INFINITY, "*^9", Ok("***inf***")),
            (f64::NEG_INFINITY, ",.2f", Ok("-inf")),
            (f64::NAN, "#g", Ok("nan")),
            (
                1.0,
                "d",
                Err("ValueError: Unknown format code 'd' for object of type 'float'"),
            ),
            (
                1.0,
                "x",
                Err("ValueError: Unknown format code 'x' for object of type 'float'"),
            ),
            (
                1.0,
                "c",
                Err("ValueError: Unknown format code 'c' for object of type 'float'"),
            ),
            (
                1.0,
                "abc",
                Err("ValueError: Invalid format specifier 'abc' for object of type 'float'"),
            ),
            (
                1.0,
                ".",
                Err("ValueError: Format specifier missing precision"),
            ),
            (
                1.0,
                ",_",
                Err("ValueError: Cannot specify both ',' and '_'."),
            ),
            (1.0, ",n", Err("ValueError: Cannot specify ',' with 'n'.")),
            (1.0, ".2147483648f", Err("ValueError: precision too big")),
            (
                1.0,
                ".99999999999999999999",
                Err("ValueError: Too many decimal digits in format string"),
            ),
            (
                1.0,
                "\u{e9}",
                Err("ValueError: Unknown format code '\\xe9' for object of type 'float'"),
            ),
            (1.0, "1000000000000000000", Err("MemoryError")),
        ];
        for &(x, spec, want) in cases {
            let got = format_float(x, spec);
            assert_eq!(
                got.as_deref().map_err(String::as_str),
                want,
                "format({x:e}, {spec:?})"
            );
        }
    }

    #[test]
    fn very_large_precision_is_exact() {
        // format(0.1, '.1000f'): the 55 exact digits, then zeros.
        let got = format_float(0.1, ".1000f").unwrap_or_default();
        assert_eq!(got.len(), 1002);
        assert!(got.starts_with("0.1000000000000000055511151231257827021181583404541015625000"));
        assert!(got[57..].bytes().all(|b| b == b'0'));
    }
}

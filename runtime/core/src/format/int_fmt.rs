//! `format(n, spec)` for ints: a port of `format_long_internal` and
//! `_PyLong_FormatAdvancedWriter` from CPython's `Python/formatter_unicode.c`.

use num_bigint::BigInt;

use super::float_fmt::{format_float_spec, value_error};
use super::int_float::bigint_to_f64;
use super::number_fill::{NumberParts, NumberStyle, render_number};
use super::spec::{FormatSpec, parse_spec_for, unknown_code};

/// CPython's default `sys.get_int_max_str_digits()`: converting an int with more decimal
/// digits than this to a string raises `ValueError` (CVE-2020-10735). Power-of-two bases
/// are exempt. The VM has no `sys.set_int_max_str_digits`, so the default applies.
pub(crate) const MAX_STR_DIGITS: usize = 4300;

fn max_str_digits_error() -> String {
    value_error(format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    ))
}

/// Digits of |value| in `base`, enforcing the decimal digit limit.
fn magnitude_digits(value: &BigInt, base: u32) -> Result<String, String> {
    // Refuse huge values before the quadratic conversion, as CPython does: anything over
    // 14300 bits (>= 2^14300, i.e. 4305+ digits) is certainly over the limit.
    if base == 10 && value.bits() > 14300 {
        return Err(max_str_digits_error());
    }
    let digits = value.magnitude().to_str_radix(base);
    if base == 10 && digits.len() > MAX_STR_DIGITS {
        return Err(max_str_digits_error());
    }
    Ok(digits)
}

/// `format(x, spec)` for an int. `Err` is the full Python error line, e.g.
/// `"ValueError: Precision not allowed in integer format specifier"`.
pub fn format_int(value: &BigInt, spec: &str) -> Result<String, String> {
    // An empty spec is str(x).
    if spec.is_empty() {
        let digits = magnitude_digits(value, 10)?;
        let sign = if value.sign() == num_bigint::Sign::Minus {
            "-"
        } else {
            ""
        };
        return Ok(format!("{sign}{digits}"));
    }
    let parsed = parse_spec_for(spec, "int").map_err(value_error)?;
    parsed.check_grouping(Some('d')).map_err(value_error)?;
    match parsed.ty.unwrap_or('d') {
        ty @ ('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_integer(value, &parsed, ty),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let f = bigint_to_f64(value)
                .ok_or_else(|| "OverflowError: int too large to convert to float".to_string())?;
            format_float_spec(f, &parsed)
        }
        ty => Err(value_error(unknown_code(ty, "int"))),
    }
}

/// The `c` presentation type: the character with that code point.
fn code_point(value: &BigInt, spec: &FormatSpec) -> Result<char, String> {
    if spec.sign.is_some() {
        return Err(value_error(
            "Sign not allowed with integer format specifier 'c'",
        ));
    }
    if spec.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed with integer format specifier 'c'",
        ));
    }
    // CPython converts to a C long first, with that conversion's own error.
    let cp = i64::try_from(value)
        .map_err(|_| "OverflowError: Python int too large to convert to C long".to_string())?;
    if !(0..=0x10FFFF).contains(&cp) {
        return Err("OverflowError: %c arg not in range(0x110000)".to_string());
    }
    // The formatter works on Rust text, which holds no lone surrogate: the format is
    // refused as outside the subset (`error_from_line` reads the `unsupported` prefix).
    u32::try_from(cp)
        .ok()
        .and_then(char::from_u32)
        .ok_or_else(|| "unsupported: lone surrogates in str (format spec 'c' of a surrogate code point)".to_string())
}

fn format_integer(value: &BigInt, spec: &FormatSpec, ty: char) -> Result<String, String> {
    if spec.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let (fill, align) = spec.fill_and_align('>');
    let mut style = NumberStyle {
        fill,
        align,
        sign: spec.sign,
        width: spec.width,
        grouping: None,
    };

    if ty == 'c' {
        let text = code_point(value, spec)?.to_string();
        // The character is laid out as a "remainder": never grouped or zero-padded inside.
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: &text,
        };
        return render_number(&parts, &style);
    }

    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = magnitude_digits(value, base)?;
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    // Bases other than ten group by four (PEP 515; the spec check only lets '_' in).
    style.grouping = spec
        .grouping
        .map(|g| (if base == 10 { 3 } else { 4 }, g.as_char()));
    let parts = NumberParts {
        negative: value.sign() == num_bigint::Sign::Minus,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    render_number(&parts, &style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::{One, Pow};

    fn big(s: &str) -> BigInt {
        BigInt::parse_bytes(s.as_bytes(), 10).unwrap_or_default()
    }

    /// Expected results are CPython 3.11's `format(n, spec)` (or its exception line).
    #[test]
    fn matches_cpython() {
        let cases: &[(&str, &str, Result<&str, &str>)] = &[
            ("0", "", Ok("0")),
            ("-42", "", Ok("-42")),
            ("42", "d", Ok("42")),
            ("42", "n", Ok("42")),
            ("-42", "n", Ok("-42")),
            ("42", "b", Ok("101010")),
            ("42", "o", Ok("52")),
            ("42", "x", Ok("2a")),
            ("255", "X", Ok("FF")),
            ("-255", "x", Ok("-ff")),
            ("-255", "X", Ok("-FF")),
            ("42", "#b", Ok("0b101010")),
            ("42", "#o", Ok("0o52")),
            ("255", "#x", Ok("0xff")),
            ("255", "#X", Ok("0XFF")),
            ("-255", "#x", Ok("-0xff")),
            ("0", "#x", Ok("0x0")),
            ("0", "#b", Ok("0b0")),
            ("-1", "#o", Ok("-0o1")),
            ("65", "c", Ok("A")),
            ("8364", "c", Ok("\u{20ac}")),
            ("128512", "c", Ok("\u{1f600}")),
            ("65", ">5c", Ok("    A")),
            ("65", "*^5c", Ok("**A**")),
            ("65", "05c", Ok("0000A")),
            ("0", "c", Ok("\u{0}")),
            ("1234567", ",", Ok("1,234,567")),
            ("1234567", "_", Ok("1_234_567")),
            ("-1234567", ",", Ok("-1,234,567")),
            ("1234567", ",d", Ok("1,234,567")),
            ("3735928559", "_x", Ok("dead_beef")),
            ("3735928559", "#_X", Ok("0XDEAD_BEEF")),
            ("255", "_b", Ok("1111_1111")),
            ("255", "#_o", Ok("0o377")),
            (
                "1000000000000000000000000000000",
                ",",
                Ok("1,000,000,000,000,000,000,000,000,000,000"),
            ),
            (
                "-999999999999999999999999999993",
                "_",
                Ok("-999_999_999_999_999_999_999_999_999_993"),
            ),
            (
                "1267650600228229401496703205376",
                ",d",
                Ok("1,267,650,600,228,229,401,496,703,205,376"),
            ),
            (
                "1267650600228229401496703205376",
                "_x",
                Ok("10_0000_0000_0000_0000_0000_0000"),
            ),
            ("42", "+", Ok("+42")),
            ("42", " ", Ok(" 42")),
            ("-42", " ", Ok("-42")),
            ("42", "-", Ok("42")),
            ("42", "+d", Ok("+42")),
            ("-42", "+x", Ok("-2a")),
            ("42", " #x", Ok(" 0x2a")),
            ("42", "10", Ok("        42")),
            ("42", "<10", Ok("42        ")),
            ("42", "^10", Ok("    42    ")),
            ("42", "^9", Ok("   42    ")),
            ("-42", "=10", Ok("-       42")),
            ("-42", "010", Ok("-000000042")),
            ("42", "+010", Ok("+000000042")),
            ("-42", "*=10", Ok("-*******42")),
            ("42", "0<10", Ok("4200000000")),
            ("-42", "0>10", Ok("0000000-42")),
            ("1234", "010,", Ok("00,001,234")),
            ("1234", "09,", Ok("0,001,234")),
            ("1234", "08,", Ok("0,001,234")),
            ("1234", "07_", Ok("001_234")),
            ("-1234", "010,", Ok("-0,001,234")),
            ("255", "#011_x", Ok("0x0000_00ff")),
            ("255", "#011_b", Ok("0b1111_1111")),
            ("-255", "#012_X", Ok("-0X0000_00FF")),
            ("255", "#010b", Ok("0b11111111")),
            ("-5", "#010b", Ok("-0b0000101")),
            (
                "7",
                "\u{20ac}^7",
                Ok("\u{20ac}\u{20ac}\u{20ac}7\u{20ac}\u{20ac}\u{20ac}"),
            ),
            ("42", "\u{665}", Ok("   42")),
            ("42", "0\u{665}", Ok("00042")),
            ("42", "e", Ok("4.200000e+01")),
            ("42", "E", Ok("4.200000E+01")),
            ("42", "f", Ok("42.000000")),
            ("42", ".2f", Ok("42.00")),
            ("42", "g", Ok("42")),
            ("100000000000000000000", "g", Ok("1e+20")),
            ("42", "%", Ok("4200.000000%")),
            (
                "12345678901234567890",
                "f",
                Ok("12345678901234567168.000000"),
            ),
            (
                "12345678901234567890",
                ",.1f",
                Ok("12,345,678,901,234,567,168.0"),
            ),
            ("9007199254740993", ".0f", Ok("9007199254740992")),
            ("-7", "z.1f", Ok("-7.0")),
            (
                "42",
                ".2",
                Err("ValueError: Precision not allowed in integer format specifier"),
            ),
            (
                "42",
                ".2d",
                Err("ValueError: Precision not allowed in integer format specifier"),
            ),
            (
                "42",
                "z",
                Err(
                    "ValueError: Negative zero coercion (z) not allowed in integer format specifier",
                ),
            ),
            (
                "42",
                "zd",
                Err(
                    "ValueError: Negative zero coercion (z) not allowed in integer format specifier",
                ),
            ),
            (
                "42",
                "+c",
                Err("ValueError: Sign not allowed with integer format specifier 'c'"),
            ),
            (
                "42",
                " c",
                Err("ValueError: Sign not allowed with integer format specifier 'c'"),
            ),
            (
                "42",
                "#c",
                Err("ValueError: Alternate form (#) not allowed with integer format specifier 'c'"),
            ),
            ("42", ",c", Err("ValueError: Cannot specify ',' with 'c'.")),
            ("42", "_c", Err("ValueError: Cannot specify '_' with 'c'.")),
            ("42", ",x", Err("ValueError: Cannot specify ',' with 'x'.")),
            ("42", ",b", Err("ValueError: Cannot specify ',' with 'b'.")),
            ("42", "_n", Err("ValueError: Cannot specify '_' with 'n'.")),
            ("42", ",n", Err("ValueError: Cannot specify ',' with 'n'.")),
            (
                "42",
                "q",
                Err("ValueError: Unknown format code 'q' for object of type 'int'"),
            ),
            (
                "42",
                "s",
                Err("ValueError: Unknown format code 's' for object of type 'int'"),
            ),
            (
                "42",
                "\u{1}",
                Err("ValueError: Unknown format code '\\x1' for object of type 'int'"),
            ),
            (
                "42",
                " x ",
                Err("ValueError: Invalid format specifier ' x ' for object of type 'int'"),
            ),
            (
                "42",
                "abc",
                Err("ValueError: Invalid format specifier 'abc' for object of type 'int'"),
            ),
            (
                "1114112",
                "c",
                Err("OverflowError: %c arg not in range(0x110000)"),
            ),
            (
                "-1",
                "c",
                Err("OverflowError: %c arg not in range(0x110000)"),
            ),
            (
                "1180591620717411303424",
                "c",
                Err("OverflowError: Python int too large to convert to C long"),
            ),
            ("42", ",,", Err("ValueError: Cannot specify ',' with ','.")),
            ("42", "__", Err("ValueError: Cannot specify '_' with '_'.")),
            (
                "42",
                ".",
                Err("ValueError: Format specifier missing precision"),
            ),
            ("42", "1000000000000000000", Err("MemoryError")),
        ];
        for &(n, spec, want) in cases {
            let got = format_int(&big(n), spec);
            assert_eq!(
                got.as_deref().map_err(String::as_str),
                want,
                "format({n}, {spec:?})"
            );
        }
    }

    #[test]
    fn float_types_overflow_like_cpython() {
        let one = BigInt::one();
        let too_big = "OverflowError: int too large to convert to float";
        assert_eq!(
            format_int(&(&one << 1024u32), "f"),
            Err(too_big.to_string())
        );
        // Halfway between f64::MAX and 2^1024 rounds up: overflow.
        let halfway = (&one << 1024u32) - (&one << 970u32);
        assert_eq!(format_int(&halfway, "e"), Err(too_big.to_string()));
        assert_eq!(
            format_int(&(halfway - &one), "e"),
            Ok("1.797693e+308".to_string())
        );
    }

    #[test]
    fn decimal_digit_limit() {
        let ten = BigInt::from(10);
        let limit_err = "ValueError: Exceeds the limit (4300 digits) for integer string \
                         conversion; use sys.set_int_max_str_digits() to increase the limit";
        let max_ok = Pow::pow(&ten, 4300u32) - BigInt::one(); // 4300 nines
        assert_eq!(format_int(&max_ok, "").map(|s| s.len()), Ok(4300));
        assert_eq!(format_int(&-&max_ok, "d").map(|s| s.len()), Ok(4301));
        let too_long = Pow::pow(&ten, 4300u32);
        assert_eq!(format_int(&too_long, ""), Err(limit_err.to_string()));
        assert_eq!(format_int(&too_long, ","), Err(limit_err.to_string()));
        assert_eq!(format_int(&-&too_long, "n"), Err(limit_err.to_string()));
        // Power-of-two bases are exempt.
        assert_eq!(format_int(&too_long, "x").map(|s| s.len()), Ok(3572));
    }

    #[test]
    fn absurd_zero_padded_grouping_fails_fast() {
        // CPython would loop ~10^17 times in its grouping code before failing to allocate;
        // the padded length is computed in closed form here, so this is instant.
        let got = format_int(&BigInt::from(42), "01000000000000000000,");
        assert_eq!(got, Err("MemoryError".to_string()));
    }

    #[test]
    fn surrogate_code_points_are_reported() {
        let got = format_int(&BigInt::from(0xD800), "c");
        assert!(got.is_err_and(|e| e.starts_with("unsupported: lone surrogates in str")));
    }
}

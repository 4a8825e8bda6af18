//! `format(s, spec)` for strs: a port of `format_string_internal` from CPython's
//! `Python/formatter_unicode.c`. Widths and precisions count characters (code points).

use super::float_fmt::value_error;
use super::padding::{fill_bytes, push_fill, reserve, split_padding, total_bytes};
use super::spec::{parse_spec_for, unknown_code};

/// `format(s, spec)` for a str: only the `s` type; fill, alignment (default left), width
/// and precision (truncation). `Err` is the full Python error line.
pub fn format_str(value: &str, spec: &str) -> Result<String, String> {
    if spec.is_empty() {
        return Ok(value.to_string());
    }
    let parsed = parse_spec_for(spec, "str").map_err(value_error)?;
    parsed.check_grouping(Some('s')).map_err(value_error)?;
    match parsed.ty.unwrap_or('s') {
        's' => {}
        ty => return Err(value_error(unknown_code(ty, "str"))),
    }
    match parsed.sign {
        Some(' ') => return Err(value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if parsed.no_neg_zero {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if parsed.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let (fill, align) = parsed.fill_and_align('<');
    if align == '=' {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }

    // Truncate to `precision` characters, keeping a byte slice of the original.
    let (text, chars) = match parsed.precision {
        Some(p) => match value.char_indices().nth(p) {
            Some((cut, _)) => (&value[..cut], p),
            None => (value, value.chars().count()),
        },
        None => (value, value.chars().count()),
    };
    let padding = parsed.width.map_or(0, |w| w.saturating_sub(chars));
    let (left, right) = split_padding(padding, align);
    let mut out = reserve(total_bytes(&[fill_bytes(fill, padding)?, text.len()])?)?;
    push_fill(&mut out, fill, left);
    out.push_str(text);
    push_fill(&mut out, fill, right);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected results are CPython 3.11's `format(s, spec)` (or its exception line).
    #[test]
    fn matches_cpython() {
        let cases: &[(&str, &str, Result<&str, &str>)] = &[
            ("abc", "", Ok("abc")),
            ("abc", "s", Ok("abc")),
            ("abc", "5", Ok("abc  ")),
            ("abc", "<5", Ok("abc  ")),
            ("abc", ">5", Ok("  abc")),
            ("abc", "^6", Ok(" abc  ")),
            ("abc", "^7", Ok("  abc  ")),
            ("abc", "*^7", Ok("**abc**")),
            ("abc", "\u{20ac}>5", Ok("\u{20ac}\u{20ac}abc")),
            ("abc", "05", Ok("abc00")),
            ("abc", "0", Ok("abc")),
            ("abc", "0<5", Ok("abc00")),
            ("abc", "0>5", Ok("00abc")),
            ("abc", ".2", Ok("ab")),
            ("abc", ".0", Ok("")),
            ("abc", ".5", Ok("abc")),
            ("abc", "6.2", Ok("ab    ")),
            ("abc", ">6.2s", Ok("    ab")),
            ("h\u{e9}llo w\u{f6}rld", ".4", Ok("h\u{e9}ll")),
            ("h\u{e9}llo", "^9", Ok("  h\u{e9}llo  ")),
            ("\u{1f600}x", ">4", Ok("  \u{1f600}x")),
            (
                "\u{1f600}\u{1f600}\u{1f600}",
                ".2",
                Ok("\u{1f600}\u{1f600}"),
            ),
            ("", "3", Ok("   ")),
            ("", ".0", Ok("")),
            ("abc", "2", Ok("abc")),
            ("abc", "\u{665}", Ok("abc  ")),
            (
                "abc",
                "+",
                Err("ValueError: Sign not allowed in string format specifier"),
            ),
            (
                "abc",
                "-",
                Err("ValueError: Sign not allowed in string format specifier"),
            ),
            (
                "abc",
                " ",
                Err("ValueError: Space not allowed in string format specifier"),
            ),
            (
                "abc",
                "z",
                Err(
                    "ValueError: Negative zero coercion (z) not allowed in string format specifier",
                ),
            ),
            (
                "abc",
                "#",
                Err("ValueError: Alternate form (#) not allowed in string format specifier"),
            ),
            (
                "abc",
                "=",
                Err("ValueError: '=' alignment not allowed in string format specifier"),
            ),
            (
                "abc",
                "0=",
                Err("ValueError: '=' alignment not allowed in string format specifier"),
            ),
            ("abc", ",", Err("ValueError: Cannot specify ',' with 's'.")),
            ("abc", "_", Err("ValueError: Cannot specify '_' with 's'.")),
            ("abc", ",s", Err("ValueError: Cannot specify ',' with 's'.")),
            (
                "abc",
                "d",
                Err("ValueError: Unknown format code 'd' for object of type 'str'"),
            ),
            (
                "abc",
                "r",
                Err("ValueError: Unknown format code 'r' for object of type 'str'"),
            ),
            (
                "abc",
                "abc",
                Err("ValueError: Invalid format specifier 'abc' for object of type 'str'"),
            ),
            (
                "abc",
                ".",
                Err("ValueError: Format specifier missing precision"),
            ),
            ("abc", "1000000000000000000", Err("MemoryError")),
        ];
        for &(value, spec, want) in cases {
            let got = format_str(value, spec);
            assert_eq!(
                got.as_deref().map_err(String::as_str),
                want,
                "format({value:?}, {spec:?})"
            );
        }
    }
}

//! The format-spec mini-language of Python 3.11:
//! `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
//!
//! This is a port of `parse_internal_render_format_spec` from CPython's
//! `Python/formatter_unicode.c`. Parsing is type-independent; what depends on the type
//! being formatted (default type, default alignment, which codes are legal) is checked by
//! the `format_*` functions, in the same order CPython checks it, so the first error
//! reported is the one CPython reports.

use super::unicode::decimal_value;

/// Which thousands separator the spec asked for (`,` or `_`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    Comma,
    Underscore,
}

impl Grouping {
    pub fn as_char(self) -> char {
        match self {
            Grouping::Comma => ',',
            Grouping::Underscore => '_',
        }
    }
}

/// A parsed format spec. Fields keep what was *written*; defaults that depend on the
/// formatted type are applied by [`FormatSpec::fill_and_align`] and friends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// Explicit fill character. CPython only recognises a fill when it is followed by an
    /// alignment token, so this is `Some` only when `align` is too.
    pub fill: Option<char>,
    /// Explicit alignment: one of `<`, `>`, `=`, `^`.
    pub align: Option<char>,
    /// Explicit sign option: one of `+`, `-`, ` `.
    pub sign: Option<char>,
    /// The `z` flag (coerce negative zero to positive zero, floats only).
    pub no_neg_zero: bool,
    /// The `#` flag (alternate form).
    pub alternate: bool,
    /// The `0` flag before the width. Only recorded when no explicit fill was given,
    /// exactly like CPython (otherwise the `0` is just the first digit of the width).
    pub zero_pad: bool,
    pub width: Option<usize>,
    pub grouping: Option<Grouping>,
    pub precision: Option<usize>,
    /// The presentation type character, if one was written.
    pub ty: Option<char>,
}

/// Why a spec failed to parse. `Invalid` needs the formatted object's type name to become
/// CPython's message, so it is kept apart from the messages that are complete already.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum SpecError {
    Invalid,
    Message(String),
}

/// Parse a format spec without knowing the type of the formatted object.
///
/// Errors are CPython's `ValueError` message texts (without the `ValueError: ` prefix).
/// The one message that names the object's type is given here as the type-less
/// `"Invalid format specifier"`; [`parse_spec_for`] produces the full text.
pub fn parse_spec(spec: &str) -> Result<FormatSpec, String> {
    parse(spec).map_err(|e| match e {
        SpecError::Invalid => "Invalid format specifier".to_string(),
        SpecError::Message(m) => m,
    })
}

/// Parse a format spec for an object whose Python type name is `type_name`, producing
/// CPython's exact message ("Invalid format specifier 'abc' for object of type 'int'").
pub fn parse_spec_for(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
    parse(spec).map_err(|e| match e {
        SpecError::Invalid => {
            format!("Invalid format specifier '{spec}' for object of type '{type_name}'")
        }
        SpecError::Message(m) => m,
    })
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

fn is_sign(c: char) -> bool {
    matches!(c, '+' | '-' | ' ')
}

/// CPython's `get_integer`: read a run of (Unicode) decimal digits. Returns the value and
/// how many digits were consumed; overflowing `Py_ssize_t` is an error, as in CPython.
fn read_integer(chars: &[char], pos: &mut usize) -> Result<(usize, usize), SpecError> {
    let limit = isize::MAX as usize;
    let start = *pos;
    let mut acc: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        let d = d as usize;
        if acc > (limit - d) / 10 {
            return Err(SpecError::Message(
                "Too many decimal digits in format string".to_string(),
            ));
        }
        acc = acc * 10 + d;
        *pos += 1;
    }
    Ok((acc, *pos - start))
}

fn both_separators() -> SpecError {
    SpecError::Message("Cannot specify both ',' and '_'.".to_string())
}

pub(crate) fn parse(spec: &str) -> Result<FormatSpec, SpecError> {
    let chars: Vec<char> = spec.chars().collect();
    let mut pos = 0;
    let mut out = FormatSpec {
        fill: None,
        align: None,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        zero_pad: false,
        width: None,
        grouping: None,
        precision: None,
        ty: None,
    };
    let at = |i: usize| chars.get(i).copied();

    // A fill character is only recognised when the *second* character is an alignment.
    if let (Some(fill), Some(align)) = (at(0), at(1))
        && is_align(align)
    {
        out.fill = Some(fill);
        out.align = Some(align);
        pos = 2;
    } else if let Some(align) = at(0).filter(|&c| is_align(c)) {
        out.align = Some(align);
        pos = 1;
    }

    if let Some(sign) = at(pos).filter(|&c| is_sign(c)) {
        out.sign = Some(sign);
        pos += 1;
    }
    if at(pos) == Some('z') {
        out.no_neg_zero = true;
        pos += 1;
    }
    if at(pos) == Some('#') {
        out.alternate = true;
        pos += 1;
    }
    if out.fill.is_none() && at(pos) == Some('0') {
        out.zero_pad = true;
        pos += 1;
    }

    let (width, consumed) = read_integer(&chars, &mut pos)?;
    if consumed > 0 {
        out.width = Some(width);
    }

    if at(pos) == Some(',') {
        out.grouping = Some(Grouping::Comma);
        pos += 1;
    }
    if at(pos) == Some('_') {
        if out.grouping.is_some() {
            return Err(both_separators());
        }
        out.grouping = Some(Grouping::Underscore);
        pos += 1;
    }
    if at(pos) == Some(',') && out.grouping == Some(Grouping::Underscore) {
        return Err(both_separators());
    }

    if at(pos) == Some('.') {
        pos += 1;
        let (precision, consumed) = read_integer(&chars, &mut pos)?;
        if consumed == 0 {
            return Err(SpecError::Message(
                "Format specifier missing precision".to_string(),
            ));
        }
        out.precision = Some(precision);
    }

    match chars.len() - pos {
        0 => {}
        1 => out.ty = at(pos),
        _ => return Err(SpecError::Invalid),
    }
    Ok(out)
}

/// How CPython shows a presentation-type character inside an error message: printable
/// ASCII as itself, anything else as `\x` plus lowercase hex without padding.
pub(crate) fn show_code(c: char) -> String {
    let cp = c as u32;
    if cp > 32 && cp < 128 {
        c.to_string()
    } else {
        format!("\\x{cp:x}")
    }
}

/// `ValueError` text for a presentation type the formatted type does not know.
pub(crate) fn unknown_code(ty: char, type_name: &str) -> String {
    format!(
        "Unknown format code '{}' for object of type '{}'",
        show_code(ty),
        type_name
    )
}

impl FormatSpec {
    /// The presentation type, with the formatted type's default (`None` is CPython's
    /// `'\0'`, the float default).
    pub fn effective_type(&self, default: Option<char>) -> Option<char> {
        self.ty.or(default)
    }

    /// CPython's type-independent check that a thousands separator is allowed with the
    /// (effective) presentation type. `_` with `b`/`o`/`x`/`X` is fine (groups of four).
    pub fn check_grouping(&self, default_type: Option<char>) -> Result<(), String> {
        let Some(grouping) = self.grouping else {
            return Ok(());
        };
        let ty = self.effective_type(default_type);
        let allowed = match ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => grouping == Grouping::Underscore,
            Some(_) => false,
        };
        if allowed {
            return Ok(());
        }
        // A `None` type never gets here, but show it as CPython would show '\0'.
        let shown = show_code(ty.unwrap_or('\0'));
        Err(format!(
            "Cannot specify '{}' with '{}'.",
            grouping.as_char(),
            shown
        ))
    }

    /// The fill character and alignment actually used, given the formatted type's default
    /// alignment (`>` for numbers, `<` for strings). The `0` flag means fill `'0'` and,
    /// when the type's default alignment is right (numbers) and none was written, `=`.
    pub fn fill_and_align(&self, default_align: char) -> (char, char) {
        let fill = match self.fill {
            Some(c) => c,
            None if self.zero_pad => '0',
            None => ' ',
        };
        let align = match self.align {
            Some(a) => a,
            None if self.zero_pad && default_align == '>' => '=',
            None => default_align,
        };
        (fill, align)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(s: &str) -> FormatSpec {
        match parse_spec(s) {
            Ok(f) => f,
            Err(e) => panic!("spec {s:?} failed: {e}"),
        }
    }

    #[test]
    fn full_spec() {
        let f = spec("*^+z#012,.3f");
        assert_eq!(f.fill, Some('*'));
        assert_eq!(f.align, Some('^'));
        assert_eq!(f.sign, Some('+'));
        assert!(f.no_neg_zero && f.alternate);
        assert!(!f.zero_pad, "an explicit fill swallows the 0 flag");
        assert_eq!(f.width, Some(12));
        assert_eq!(f.grouping, Some(Grouping::Comma));
        assert_eq!(f.precision, Some(3));
        assert_eq!(f.ty, Some('f'));
    }

    #[test]
    fn fill_needs_following_alignment() {
        let f = spec("<<");
        assert_eq!((f.fill, f.align), (Some('<'), Some('<')));
        let f = spec("<");
        assert_eq!((f.fill, f.align), (None, Some('<')));
        let f = spec("x<");
        assert_eq!((f.fill, f.align), (Some('x'), Some('<')));
        assert_eq!(parse_spec("<x").map(|f| f.ty), Ok(Some('x')));
        let f = spec("\u{e9}>5");
        assert_eq!((f.fill, f.width), (Some('\u{e9}'), Some(5)));
    }

    #[test]
    fn zero_flag_defaults() {
        let f = spec("05");
        assert!(f.zero_pad);
        assert_eq!(f.fill_and_align('>'), ('0', '='));
        assert_eq!(f.fill_and_align('<'), ('0', '<'));
        assert_eq!(spec("<05").fill_and_align('>'), ('0', '<'));
        assert_eq!(spec("x<05").fill_and_align('>'), ('x', '<'));
        assert_eq!(spec("5").fill_and_align('>'), (' ', '>'));
    }

    #[test]
    fn unicode_digits_in_width_and_precision() {
        let f = spec("\u{0665}.\u{0663}");
        assert_eq!((f.width, f.precision), (Some(5), Some(3)));
    }

    #[test]
    fn errors() {
        let cases = [
            ("abc", "Invalid format specifier"),
            ("10xx", "Invalid format specifier"),
            (".", "Format specifier missing precision"),
            ("10.f", "Format specifier missing precision"),
            (",_", "Cannot specify both ',' and '_'."),
            ("_,", "Cannot specify both ',' and '_'."),
            (
                "99999999999999999999",
                "Too many decimal digits in format string",
            ),
            (
                ".99999999999999999999",
                "Too many decimal digits in format string",
            ),
        ];
        for (s, want) in cases {
            assert_eq!(parse_spec(s), Err(want.to_string()), "spec {s:?}");
        }
        assert_eq!(
            parse_spec_for("abc", "int"),
            Err("Invalid format specifier 'abc' for object of type 'int'".to_string())
        );
        // i64::MAX itself still fits Py_ssize_t.
        assert_eq!(spec("9223372036854775807").width, Some(9223372036854775807));
    }

    #[test]
    fn grouping_checks() {
        assert_eq!(spec(",").check_grouping(Some('d')), Ok(()));
        assert_eq!(spec(",").check_grouping(None), Ok(()));
        assert_eq!(spec("_x").check_grouping(Some('d')), Ok(()));
        assert_eq!(
            spec(",x").check_grouping(Some('d')),
            Err("Cannot specify ',' with 'x'.".to_string())
        );
        assert_eq!(
            spec(",").check_grouping(Some('s')),
            Err("Cannot specify ',' with 's'.".to_string())
        );
        assert_eq!(
            spec(",,").check_grouping(Some('d')),
            Err("Cannot specify ',' with ','.".to_string())
        );
        assert_eq!(
            spec("_\u{e9}").check_grouping(Some('d')),
            Err("Cannot specify '_' with '\\xe9'.".to_string())
        );
    }

    #[test]
    fn code_display() {
        assert_eq!(show_code('q'), "q");
        assert_eq!(show_code('\u{1}'), "\\x1");
        assert_eq!(show_code(' '), "\\x20");
        assert_eq!(show_code('\u{e9}'), "\\xe9");
        assert_eq!(
            unknown_code('z', "int"),
            "Unknown format code 'z' for object of type 'int'"
        );
    }
}

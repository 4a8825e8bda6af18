//! The two Unicode character properties CPython consults when it reads numbers out of text:
//! decimal digits (`Py_UNICODE_TODECIMAL`) and whitespace (`Py_UNICODE_ISSPACE`).
//!
//! CPython accepts any Unicode decimal digit in a format spec's width/precision and in
//! `int()`/`float()` arguments (`int('١٢') == 12`), and turns Unicode whitespace into
//! ASCII spaces before parsing numbers. The tables are CPython 3.11's (Unicode 14.0).

/// Code points of every Unicode "zero" digit (category Nd, decimal value 0). Each Nd run
/// is exactly ten consecutive code points 0..9, so a digit's value is its offset from the
/// nearest zero at or below it.
const DECIMAL_ZEROS: [u32; 66] = [
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// Non-ASCII code points for which `str.isspace()` is true.
const NON_ASCII_SPACES: [u32; 19] = [
    0x85, 0xA0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
    0x2009, 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
];

/// The decimal value of `c` if it is a Unicode decimal digit (`Py_UNICODE_TODECIMAL`).
pub(crate) fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    let idx = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = *DECIMAL_ZEROS.get(idx.checked_sub(1)?)?;
    let offset = cp - zero;
    (offset < 10).then_some(offset)
}

/// `Py_ISSPACE`: the ASCII whitespace CPython strips around number literals. Note that
/// 0x1C..=0x1F are *not* in it, although `str.isspace()` says they are whitespace.
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: the ASCII text `int()` and `float()`
/// really parse. Non-ASCII whitespace becomes ' ', non-ASCII decimal digits become their
/// ASCII digit. CPython turns any other non-ASCII character into '?', which no number
/// grammar accepts, so `None` stands for "certainly invalid".
pub(crate) fn number_text_to_ascii(s: &str) -> Option<Vec<u8>> {
    if s.is_ascii() {
        // CPython hands pure-ASCII strings through untouched (DEL included).
        return Some(s.as_bytes().to_vec());
    }
    s.chars()
        .map(|c| {
            let cp = c as u32;
            if cp < 0x7F {
                Some(cp as u8)
            } else if NON_ASCII_SPACES.binary_search(&cp).is_ok() {
                Some(b' ')
            } else {
                // `d < 10`, so the addition stays within ASCII digits.
                decimal_value(c).map(|d| b'0' + d as u8)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_values() {
        assert_eq!(decimal_value('0'), Some(0));
        assert_eq!(decimal_value('9'), Some(9));
        assert_eq!(decimal_value('/'), None);
        assert_eq!(decimal_value(':'), None);
        assert_eq!(decimal_value('a'), None);
        assert_eq!(decimal_value('\u{0665}'), Some(5)); // ARABIC-INDIC DIGIT FIVE
        assert_eq!(decimal_value('\u{FF19}'), Some(9)); // FULLWIDTH DIGIT NINE
        assert_eq!(decimal_value('\u{1D7FF}'), Some(9)); // last MATHEMATICAL digit
        assert_eq!(decimal_value('\u{1D7CD}'), None);
        assert_eq!(decimal_value('\u{00B2}'), None); // superscript two is a digit, not decimal
        assert_eq!(decimal_value('\u{1FBF9}'), Some(9));
        assert_eq!(decimal_value('\u{1FBFA}'), None);
        assert_eq!(decimal_value('\u{0}'), None);
    }

    #[test]
    fn transform() {
        assert_eq!(number_text_to_ascii("12"), Some(b"12".to_vec()));
        assert_eq!(
            number_text_to_ascii("\u{0661}\u{0662}"),
            Some(b"12".to_vec())
        );
        assert_eq!(
            number_text_to_ascii("\u{3000}1\u{2003}"),
            Some(b" 1 ".to_vec())
        );
        assert_eq!(number_text_to_ascii("1\u{FF}"), None);
        assert_eq!(number_text_to_ascii("1\u{7F}\u{3000}"), None);
        assert_eq!(number_text_to_ascii("\u{1C}1"), Some(b"\x1c1".to_vec()));
    }
}

//! Laying out a formatted number: sign, prefix, digit grouping, zero padding and
//! alignment. A port of `calc_number_widths`, `fill_number` and
//! `_PyUnicode_InsertThousandsGrouping` from CPython, which produce
//!
//! ```text
//! <lpadding> <sign> <prefix> <spadding> <grouped_digits> <decimal> <remainder> <rpadding>
//! ```
//!
//! where at most one of the three paddings is non-empty.

use super::padding::{fill_bytes, push_fill, reserve, total_bytes};

/// A number already converted to text, cut into the pieces CPython distinguishes.
pub(crate) struct NumberParts<'a> {
    pub negative: bool,
    /// `0x`/`0o`/`0b` (already upper-cased for `X`), or empty.
    pub prefix: &'a str,
    /// The leading run of ASCII digits: the part that is grouped and zero-padded.
    /// Empty for `inf`/`nan` and for `c`, which then get no zero padding at all.
    pub digits: &'a str,
    /// Whether a decimal point follows the digits.
    pub has_decimal: bool,
    /// Everything after the point (or after the digits when there is no point):
    /// fraction digits, exponent, `%`, `inf`, or the character of a `c` format.
    pub remainder: &'a str,
}

/// The resolved presentation options that affect layout.
pub(crate) struct NumberStyle {
    pub fill: char,
    pub align: char,
    /// The spec's sign option (`+`, `-`, ` `), if any.
    pub sign: Option<char>,
    pub width: Option<usize>,
    /// Group size and separator character, if grouping was asked for.
    pub grouping: Option<(usize, char)>,
}

/// How many digit positions (real digits plus zero padding) the grouped digits span.
///
/// CPython pads with zeros until the grouped text is at least `min_width` long; a grouped
/// text can never start with a separator, so when `min_width` lands on such a length it
/// grows by one more zero (`format(1234, '08,') == '0,001,234'`).
fn padded_digit_count(digits: usize, min_width: usize, group: Option<usize>) -> usize {
    let for_width = match group {
        // Smallest p with p + (p - 1) / g >= min_width.
        Some(g) if min_width > 0 => min_width - (min_width - 1) / (g + 1),
        _ => min_width,
    };
    digits.max(for_width)
}

/// Length of `positions` digits once separators are inserted.
fn grouped_len(positions: usize, group: Option<usize>) -> usize {
    match group {
        Some(g) if positions > 0 => positions + (positions - 1) / g,
        _ => positions,
    }
}

/// Append `digits` left-padded with zeros to `positions`, with a separator before every
/// group of `g` counted from the right.
fn push_grouped(out: &mut String, digits: &str, positions: usize, grouping: Option<(usize, char)>) {
    let zeros = positions - digits.len();
    let all = std::iter::repeat_n('0', zeros).chain(digits.chars());
    for (i, c) in all.enumerate() {
        if let Some((g, sep)) = grouping
            && i > 0
            && (positions - i).is_multiple_of(g)
        {
            out.push(sep);
        }
        out.push(c);
    }
}

/// Render a number's pieces according to `style`.
pub(crate) fn render_number(p: &NumberParts, style: &NumberStyle) -> Result<String, String> {
    let sign = match (p.negative, style.sign) {
        (true, _) => Some('-'),
        (false, Some('+')) => Some('+'),
        (false, Some(' ')) => Some(' '),
        _ => None,
    };
    let non_digit_chars = usize::from(sign.is_some())
        + p.prefix.chars().count()
        + usize::from(p.has_decimal)
        + p.remainder.chars().count();

    // Only `0`-fill with `=` alignment pads *inside* the digits (and so through the
    // grouping); every other padding goes outside the number.
    let min_width = match style.width {
        Some(w) if style.fill == '0' && style.align == '=' => w.saturating_sub(non_digit_chars),
        _ => 0,
    };
    let group = style.grouping.map(|(g, _)| g);
    let positions = if p.digits.is_empty() {
        0
    } else {
        padded_digit_count(p.digits.len(), min_width, group)
    };
    let grouped = grouped_len(positions, group);

    let used = non_digit_chars.saturating_add(grouped);
    let padding = style.width.map_or(0, |w| w.saturating_sub(used));
    let (left, inner, right) = match style.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };

    // Grouped digits and separators are ASCII, so their byte count is `grouped`.
    let bytes = total_bytes(&[
        fill_bytes(style.fill, padding)?,
        sign.map_or(0, char::len_utf8),
        p.prefix.len(),
        grouped,
        usize::from(p.has_decimal),
        p.remainder.len(),
    ])?;
    let mut out = reserve(bytes)?;
    push_fill(&mut out, style.fill, left);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(p.prefix);
    push_fill(&mut out, style.fill, inner);
    push_grouped(&mut out, p.digits, positions, style.grouping);
    if p.has_decimal {
        out.push('.');
    }
    out.push_str(p.remainder);
    push_fill(&mut out, style.fill, right);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A literal port of CPython's `_PyUnicode_InsertThousandsGrouping` counting loop
    /// (infinite repetition of one group size), used to check the closed forms above.
    fn cpython_grouped_len(digits: i64, min_width: i64, g: i64) -> i64 {
        let mut remaining = digits;
        let mut min_width = min_width.max(0);
        let mut count = 0;
        let mut use_sep = false;
        loop {
            let len = g.min(remaining.max(min_width).max(1));
            let zeros = (len - remaining).max(0);
            let chars = remaining.min(len).max(0);
            count += i64::from(use_sep) + zeros + chars;
            use_sep = true;
            remaining -= chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                return count;
            }
            min_width -= 1;
        }
    }

    #[test]
    fn closed_form_matches_cpython_loop() {
        for g in 1..6usize {
            for d in 1..20usize {
                for w in 0..40usize {
                    let p = padded_digit_count(d, w, Some(g));
                    let got = grouped_len(p, Some(g)) as i64;
                    assert_eq!(
                        got,
                        cpython_grouped_len(d as i64, w as i64, g as i64),
                        "g={g} d={d} w={w}"
                    );
                }
            }
        }
    }

    fn render(
        digits: &str,
        negative: bool,
        fill: char,
        align: char,
        sign: Option<char>,
        width: Option<usize>,
        grouping: Option<(usize, char)>,
    ) -> String {
        let parts = NumberParts {
            negative,
            prefix: "",
            digits,
            has_decimal: false,
            remainder: "",
        };
        let style = NumberStyle {
            fill,
            align,
            sign,
            width,
            grouping,
        };
        render_number(&parts, &style).unwrap_or_else(|e| e)
    }

    #[test]
    fn layouts() {
        assert_eq!(
            render("1234", false, '0', '=', None, Some(10), Some((3, ','))),
            "00,001,234"
        );
        assert_eq!(
            render("1234", false, '0', '=', None, Some(8), Some((3, ','))),
            "0,001,234"
        );
        assert_eq!(
            render("1234", true, '0', '=', None, Some(8), Some((3, ','))),
            "-001,234"
        );
        assert_eq!(
            render("1234", false, '*', '^', Some('+'), Some(9), None),
            "**+1234**"
        );
        assert_eq!(
            render("1234", false, '*', '=', Some(' '), Some(8), None),
            " ***1234"
        );
        assert_eq!(
            render("1234567", false, ' ', '>', None, None, Some((3, '_'))),
            "1_234_567"
        );
        assert_eq!(
            render(
                "1",
                false,
                '0',
                '=',
                None,
                Some(1usize << 62),
                Some((3, ','))
            ),
            "MemoryError"
        );
    }
}

//! `str % args` and `bytes % args`: printf-style formatting (CPython's
//! `PyUnicode_Format` and `_PyBytes_FormatEx`), with their error messages. Bytes are
//! formatted as the str of their Latin-1 characters, one per byte, and turned back. Number bodies come from `crate::format`; the flags, width and
//! precision are applied here the way printf does it.

use super::format_value::error_from_line;
use super::num::{Int, Num, as_int, as_num, float_to_int};
use super::repr::{repr, str};
use super::subscript::getitem;
use super::types::type_name;
use stitch_abi::*;
use crate::errors::{PyErr, PyResult};
use crate::objects::{self, Owned, kind, tuple};
use std::fmt::Write;

/// Widths and precisions beyond this would need absurd amounts of memory.
const MAX_WIDTH: usize = 1 << 30;

/// The arguments: a tuple's items in turn, or one value, or a mapping for `%(key)`.
struct Source<'a> {
    items: &'a [Value],
    next: usize,
    /// Whether the right operand is used whole as the only argument.
    single: Option<Value>,
    mapping: Option<Value>,
    /// Formatting bytes: `%s`/`%b` take bytes-like objects, `%r`/`%a` give `ascii()`,
    /// `%c` one byte, and mapping keys are bytes.
    bytes: bool,
}

impl Source<'_> {
    fn next(&mut self) -> PyResult<Value> {
        if let Some(v) = self.single.take() {
            self.next = 1;
            return Ok(v);
        }
        let v = self.items.get(self.next).copied();
        self.next += 1;
        v.ok_or_else(|| PyErr::type_error("not enough arguments for format string"))
    }
}

#[derive(Default)]
struct Flags {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
}

/// `fmt % args`.
pub fn format(fmt: &str, args: Value) -> PyResult<Value> {
    Ok(objects::str::from_string(format_text(fmt.chars().collect(), args, false)?))
}

/// `fmt % args` for bytes or a bytearray `fmt` (the result has its type).
pub fn format_bytes(fmt: Value, args: Value) -> PyResult<Value> {
    let data = objects::bytes::bytes_of(fmt).unwrap_or_default();
    let text = format_text(data.iter().map(|&b| b as char).collect(), args, true)?;
    // Every character is Latin-1: the format's bytes, the arguments' bytes, and ASCII.
    Ok(objects::bytes::new_like(fmt, text.chars().map(|c| c as u32 as u8).collect()))
}

fn format_text(chars: Vec<char>, args: Value, bytes: bool) -> PyResult<String> {
    let is_tuple = args.is_kind(KIND_TUPLE);
    // CPython treats anything subscriptable but a tuple or str as a mapping.
    let mapping = (!is_tuple && matches!(kind(args), KIND_DICT | KIND_LIST | KIND_RANGE)).then_some(args);
    let mut src = Source {
        // SAFETY: the kind was checked.
        items: if is_tuple { unsafe { tuple::items(args.cast()) } } else { &[] },
        next: 0,
        single: (!is_tuple).then_some(args),
        mapping,
        bytes,
    };
    let mut out = String::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        i = conversion(&chars, i, &mut src, &mut out)?;
    }
    let used_all = if is_tuple { src.next >= src.items.len() } else { src.single.is_none() };
    if !used_all && src.mapping.is_none() {
        let what = if bytes { "bytes" } else { "string" };
        return Err(PyErr::type_error(format!("not all arguments converted during {what} formatting")));
    }
    Ok(out)
}

fn incomplete() -> PyErr {
    PyErr::value_error("incomplete format")
}

/// One conversion after a `%` at `chars[i]`; returns the index after it.
fn conversion(chars: &[char], mut i: usize, src: &mut Source, out: &mut String) -> PyResult<usize> {
    let mut keyed: Option<Owned> = None;
    if chars.get(i) == Some(&'(') {
        let Some(mapping) = src.mapping else {
            return Err(PyErr::type_error("format requires a mapping"));
        };
        let mut depth = 1;
        let start = i + 1;
        i += 1;
        while i < chars.len() && depth > 0 {
            match chars[i] {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            i += 1;
        }
        if depth > 0 {
            return Err(PyErr::value_error("incomplete format key"));
        }
        let key: String = chars[start..i - 1].iter().collect();
        let key = Owned(if src.bytes {
            objects::bytes::new_bytes(key.chars().map(|c| c as u32 as u8).collect())
        } else {
            objects::str::from_string(key)
        });
        keyed = Some(Owned(getitem(mapping, key.get())?));
        // A keyed conversion uses the mapping, not positional arguments.
        src.single = None;
    }
    let mut flags = Flags::default();
    while let Some(&c) = chars.get(i) {
        match c {
            '-' => flags.left = true,
            '+' => flags.plus = true,
            ' ' => flags.space = true,
            '#' => flags.alt = true,
            '0' => flags.zero = true,
            _ => break,
        }
        i += 1;
    }
    let width = number(chars, &mut i, src, &mut flags, true)?;
    let precision = if chars.get(i) == Some(&'.') {
        i += 1;
        Some(number(chars, &mut i, src, &mut flags, false)?.unwrap_or(0))
    } else {
        None
    };
    // Length modifiers are accepted and ignored, as in CPython.
    while matches!(chars.get(i), Some('h' | 'l' | 'L')) {
        i += 1;
    }
    let Some(&ty) = chars.get(i) else { return Err(incomplete()) };
    i += 1;
    if ty == '%' {
        out.push('%');
        return Ok(i);
    }
    let arg = match keyed {
        Some(v) => v,
        None => Owned::new_ref(src.next()?),
    };
    if width.max(precision).is_some_and(|n| n > MAX_WIDTH) {
        return Err(PyErr::bare(crate::errors::ExcKind::MemoryError));
    }
    let (body, numeric) = if src.bytes {
        convert_for_bytes(arg.get(), ty, &flags, precision, i - 1)?
    } else {
        convert(arg.get(), ty, &flags, precision, i - 1)?
    };
    pad(out, &body, width.unwrap_or(0), &flags, numeric);
    Ok(i)
}

/// A width or precision: digits, or `*` taken from the arguments (a negative `*`
/// width means left alignment).
fn number(chars: &[char], i: &mut usize, src: &mut Source, flags: &mut Flags, is_width: bool) -> PyResult<Option<usize>> {
    if chars.get(*i) == Some(&'*') {
        *i += 1;
        let v = src.next()?;
        let Some(n) = as_int(v).and_then(Int::to_i64) else {
            return Err(PyErr::type_error("* wants int"));
        };
        if n < 0 && is_width {
            flags.left = true;
        }
        return Ok(Some(n.unsigned_abs() as usize));
    }
    let start = *i;
    let mut n: usize = 0;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        n = n.saturating_mul(10).saturating_add(d as usize);
        *i += 1;
    }
    Ok((*i > start).then_some(n))
}

/// The converted text of one argument, and whether it is a number (zero padding
/// goes after its sign and prefix).
fn convert(v: Value, ty: char, flags: &Flags, precision: Option<usize>, at: usize) -> PyResult<(String, bool)> {
    match ty {
        's' | 'r' | 'a' => {
            let text = match ty {
                's' => str(v)?,
                'r' => repr(v)?,
                _ => super::ascii(v)?,
            };
            Ok((match precision {
                Some(p) => text.chars().take(p).collect(),
                None => text,
            }, false))
        }
        'd' | 'i' | 'u' => {
            let i = match as_num(v) {
                Some(Num::Int(i)) => i.big().into_owned(),
                Some(Num::Float(f)) => as_int_big(Owned(float_to_int(f)?).get()),
                None => {
                    return Err(PyErr::type_error(format!(
                        "%{ty} format: a real number is required, not {}",
                        type_name(v)
                    )));
                }
            };
            Ok((int_body(&i, 10, flags, precision, ""), true))
        }
        'x' | 'X' | 'o' => {
            let Some(i) = as_int(v) else {
                return Err(PyErr::type_error(format!("%{ty} format: an integer is required, not {}", type_name(v))));
            };
            let (base, prefix) = match ty {
                'x' => (16, "0x"),
                'X' => (16, "0X"),
                _ => (8, "0o"),
            };
            let mut body = int_body(&i.big(), base, flags, precision, if flags.alt { prefix } else { "" });
            if ty == 'X' {
                body = body.to_uppercase();
            }
            Ok((body, true))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match as_num(v) {
                Some(Num::Float(f)) => f,
                Some(Num::Int(i)) => i.to_f64()?,
                None => return Err(PyErr::type_error(format!("must be real number, not {}", type_name(v)))),
            };
            let mut spec = String::new();
            if flags.plus {
                spec.push('+');
            } else if flags.space {
                spec.push(' ');
            }
            if flags.alt {
                spec.push('#');
            }
            let _ = write!(spec, ".{}{ty}", precision.unwrap_or(6));
            Ok((crate::format::format_float(x, &spec).map_err(error_from_line)?, true))
        }
        'c' => {
            if let Some(i) = as_int(v) {
                let c = i
                    .to_i64()
                    .filter(|c| (0..0x110000).contains(c))
                    .ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))?;
                let c = char::from_u32(c as u32)
                    // A str of one lone surrogate is made elsewhere (chr), not in this
                    // formatter's text: outside the subset rather than a ValueError.
                    .ok_or_else(|| PyErr::unsupported("lone surrogates in str (%c of a surrogate code point)"))?;
                return Ok((c.to_string(), false));
            }
            match v.is_kind(KIND_STR).then(|| {
                // SAFETY: the kind was checked.
                unsafe { objects::str::as_str(v) }
            }) {
                Some(s) if s.chars == 1 => Ok((s.text()?.to_string(), false)),
                _ => Err(PyErr::type_error("%c requires int or char")),
            }
        }
        other => Err(PyErr::value_error(format!(
            "unsupported format character '{other}' ({:#x}) at index {at}",
            other as u32
        ))),
    }
}

/// `convert` for bytes: the conversions whose meaning differs, as Latin-1 text.
fn convert_for_bytes(v: Value, ty: char, flags: &Flags, precision: Option<usize>, at: usize) -> PyResult<(String, bool)> {
    let latin1 = |data: &[u8]| -> String { data.iter().map(|&b| b as char).collect() };
    let text = match ty {
        's' | 'b' => match objects::bytes::bytes_of(v) {
            Some(data) => latin1(&data),
            None => {
                // CPython names %b for both (%s is its alias for bytes).
                return Err(PyErr::type_error(format!(
                    "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                    type_name(v)
                )));
            }
        },
        'r' | 'a' => super::ascii(v)?,
        'c' => {
            if let Some(i) = as_int(v) {
                let b = i.to_i64().filter(|b| (0..256).contains(b)).ok_or_else(|| PyErr::overflow("%c arg not in range(256)"))?;
                return Ok(((b as u8 as char).to_string(), false));
            }
            match objects::bytes::bytes_of(v) {
                Some(data) if data.len() == 1 => return Ok((latin1(&data), false)),
                _ => return Err(PyErr::type_error("%c requires an integer in range(256) or a single byte")),
            }
        }
        _ => return convert(v, ty, flags, precision, at),
    };
    Ok((match precision {
        Some(p) => text.chars().take(p).collect(),
        None => text,
    }, false))
}

fn as_int_big(v: Value) -> num_bigint::BigInt {
    as_int(v).map(|i| i.big().into_owned()).unwrap_or_default()
}

/// Sign, prefix and digits of an int, the digits zero-extended to `precision`.
fn int_body(i: &num_bigint::BigInt, base: u32, flags: &Flags, precision: Option<usize>, prefix: &str) -> String {
    let digits = i.magnitude().to_str_radix(base);
    let sign = if i.sign() == num_bigint::Sign::Minus {
        "-"
    } else if flags.plus {
        "+"
    } else if flags.space {
        " "
    } else {
        ""
    };
    let zeros = precision.unwrap_or(0).saturating_sub(digits.len());
    format!("{sign}{prefix}{}{digits}", "0".repeat(zeros))
}

/// Pads to `width`: spaces on the left (right with `-`), or zeros after the sign and
/// prefix of a number with the `0` flag.
fn pad(out: &mut String, body: &str, width: usize, flags: &Flags, numeric: bool) {
    let len = body.chars().count();
    if len >= width {
        out.push_str(body);
        return;
    }
    let fill = width - len;
    if flags.left {
        out.push_str(body);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if flags.zero && numeric {
        let sign_len = body.find(|c: char| !matches!(c, '+' | '-' | ' ')).unwrap_or(0);
        let prefix_len = if body[sign_len..].starts_with("0x") || body[sign_len..].starts_with("0X") || body[sign_len..].starts_with("0o") {
            2
        } else {
            0
        };
        let (head, tail) = body.split_at(sign_len + prefix_len);
        out.push_str(head);
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(tail);
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(body);
    }
}

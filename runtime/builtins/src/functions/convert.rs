//! Conversions: the `int`, `float`, `str` and `bool` constructors, `repr`, `chr`,
//! `ord`.

use stitch_abi::*;
use crate::args::{between, bind, check_keywords, keyword, no_keywords, one, takes};
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::format;
use stitch_core::objects::{self, bigint::from_bigint, builtin::Args};
use stitch_core::ops::iter::char_value;
use stitch_core::ops::num::{Num, as_num, float_to_int, require_int};
use stitch_core::ops::repr::{self as reprs, str_repr};
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;

/// CPython quotes a bad literal with `%.200R`: the repr, cut to 200 characters.
fn quoted(s: &str) -> String {
    str_repr(s).chars().take(200).collect()
}

/// `int()`, `int(x)`, `int(str, base)`.
pub fn int(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = bind("int", args, 0, &["x", "base"], 1, 0)?;
    if a[0].is_some_and(objects::bytes::is_bytes_like) {
        return Err(PyErr::unsupported("int() of bytes"));
    }
    let Some(x) = a[0] else {
        if a[1].is_some() {
            return Err(PyErr::type_error("int() missing string argument"));
        }
        return Ok(Value::int(0));
    };
    if let Some(b) = a[1] {
        let base = require_int(b)?.to_i64().unwrap_or(-1);
        if base != 0 && !(2..=36).contains(&base) {
            return Err(PyErr::value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        if !x.is_kind(KIND_STR) {
            return Err(PyErr::type_error("int() can't convert non-string with explicit base"));
        }
        return parse(x, base as u32);
    }
    if let Some(r) = stitch_core::special::instance_int(x) {
        return r;
    }
    match as_num(x) {
        Some(Num::Int(i)) => Ok(i.to_value()),
        Some(Num::Float(f)) => float_to_int(f),
        None if x.is_kind(KIND_STR) => parse(x, 10),
        None => Err(PyErr::type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            type_name(x)
        ))),
    }
}

fn parse(s: Value, base: u32) -> PyResult<Value> {
    // SAFETY: callers checked that `s` is a str.
    let text = unsafe { objects::str::text(s) }?;
    match format::parse_int(text, base) {
        Ok(b) => Ok(from_bigint(b)),
        Err(()) => match too_many_digits(text, base) {
            Some(n) => Err(PyErr::value_error(format!(
                "Exceeds the limit (4300 digits) for integer string conversion: value has {n} digits; \
                 use sys.set_int_max_str_digits() to increase the limit"
            ))),
            None => Err(PyErr::value_error(format!("invalid literal for int() with base {base}: {}", quoted(text)))),
        },
    }
}

/// CPython refuses to convert more than 4300 digits in a base that is not a power
/// of two (`parse_int` fails then too); the count of a well-formed literal that is
/// too long, for that message.
fn too_many_digits(text: &str, base: u32) -> Option<usize> {
    if base.is_power_of_two() {
        return None;
    }
    let body = text.trim().trim_start_matches(['+', '-']);
    let digits = body.chars().filter(|&c| c != '_').count();
    let radix = if base == 0 { 10 } else { base };
    let well_formed = !body.is_empty() && body.chars().all(|c| c == '_' || c.is_digit(radix));
    (well_formed && digits > 4300).then_some(digits)
}

/// `float()`, `float(x)`.
pub fn float(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("float", args)?;
    let a = between("float", args, 0, 0, Some(1))?;
    let Some(&x) = a.first() else { return Ok(Value::float(0.0)) };
    if objects::bytes::is_bytes_like(x) {
        return Err(PyErr::unsupported("float() of bytes"));
    }
    if let Some(r) = stitch_core::special::instance_float(x) {
        return r.map(Value::float);
    }
    match as_num(x) {
        Some(Num::Float(f)) => Ok(Value::float(f)),
        Some(Num::Int(i)) => i.to_f64().map(Value::float),
        None if x.is_kind(KIND_STR) => {
            // SAFETY: the kind was checked.
            let text = unsafe { objects::str::text(x) }?;
            format::parse_float(text)
                .map(Value::float)
                .map_err(|()| PyErr::value_error(format!("could not convert string to float: {}", quoted(text))))
        }
        None => Err(PyErr::type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            type_name(x)
        ))),
    }
}

/// `complex()`, `complex(real[, imag])`, `complex(text)`: CPython's parsing and
/// its way of combining complex arguments (`ops::complex`).
pub fn complex(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    use stitch_core::ops::complex as cx;
    let a = bind("complex", args, 0, &["real", "imag"], 0, 0)?;
    if let Some(x) = a[0]
        && x.is_kind(KIND_STR)
    {
        if a[1].is_some() {
            return Err(PyErr::type_error("complex() can't take second arg if first is a string"));
        }
        // SAFETY: the kind was checked.
        let text = unsafe { objects::str::text(x) }?;
        return cx::parse(text).map(cx::value);
    }
    if a[1].is_some_and(|v| v.is_kind(KIND_STR)) {
        return Err(PyErr::type_error("complex() second arg can't be a string"));
    }
    if a.iter().flatten().any(|&v| objects::bytes::is_bytes_like(v)) {
        return Err(PyErr::unsupported("complex() of bytes"));
    }
    cx::construct(a[0], a[1])
}

/// `str()`, `str(x)`.
pub fn str(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    check_keywords("str", args, &["object", "encoding", "errors"])?;
    let a = takes("str", args, 0, 0, 3)?;
    if a.len() > 1 || keyword(args, "encoding").is_some() || keyword(args, "errors").is_some() {
        return decoded_str(args);
    }
    let x = a.first().copied().or_else(|| keyword(args, "object"));
    match x {
        None => Ok(objects::str::new_str("")),
        // An instance of a class deriving from str gives its `__str__`, else a plain copy.
        // SAFETY: the kind is checked first; a live str's header is readable.
        Some(v) if v.is_kind(KIND_STR) && !unsafe { objects::subclass::flagged(v.object()) } => {
            v.incref();
            Ok(v)
        }
        Some(v) => Ok(objects::str::from_string(reprs::str(v)?)),
    }
}

/// `bool()`, `bool(x)`.
pub fn bool(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("bool", args)?;
    let a = between("bool", args, 0, 0, Some(1))?;
    match a.first() {
        Some(&v) => stitch_core::special::truth(v).map(Value::bool),
        None => Ok(Value::FALSE),
    }
}

pub fn repr(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = one("repr", args, 0)?;
    Ok(objects::str::from_string(reprs::repr(v)?))
}

/// `ascii(x)`: the repr with non-ASCII characters escaped.
pub fn ascii(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = one("ascii", args, 0)?;
    Ok(objects::str::from_string(stitch_core::ops::ascii(v)?))
}

/// `format(value, spec='')`: what an f-string's replacement field gives.
pub fn format_(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("format", args)?;
    let a = between("format", args, 0, 1, Some(2))?;
    let spec = match a.get(1) {
        None => "",
        // SAFETY: the kind was checked.
        Some(&s) if s.is_kind(KIND_STR) => unsafe { objects::str::text(s) }?,
        Some(&s) => {
            return Err(PyErr::type_error(format!("format() argument 2 must be str, not {}", type_name(s))));
        }
    };
    Ok(objects::str::from_string(stitch_core::ops::format(a[0], spec)?))
}

pub fn chr(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = one("chr", args, 0)?;
    let i = require_int(v)?
        .to_i64()
        .filter(|i| i32::try_from(*i).is_ok())
        .ok_or_else(|| PyErr::overflow("Python int too large to convert to C int"))?;
    if !(0..0x110000).contains(&i) {
        return Err(PyErr::value_error("chr() arg not in range(0x110000)"));
    }
    match char::from_u32(i as u32) {
        Some(c) => Ok(char_value(c)),
        // A lone surrogate: a str of generalized UTF-8.
        None => Ok(objects::str::from_code_point(i as u32)),
    }
}

pub fn ord(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = one("ord", args, 0)?;
    if let Some(b) = objects::bytes::bytes_of(v) {
        if b.len() != 1 {
            return Err(PyErr::type_error(format!("ord() expected a character, but string of length {} found", b.len())));
        }
        return Ok(Value::int(b[0] as i64));
    }
    if !v.is_kind(KIND_STR) {
        return Err(PyErr::type_error(format!("ord() expected string of length 1, but {} found", type_name(v))));
    }
    // SAFETY: the kind was checked.
    let s = unsafe { objects::str::as_str(v) };
    if s.chars != 1 {
        return Err(PyErr::type_error(format!(
            "ord() expected a character, but string of length {} found",
            s.chars
        )));
    }
    Ok(Value::int(objects::wtf8::code_points(s.bytes()).next().map_or(0, |(_, c)| c as i64)))
}

/// `str(b, encoding[, errors])`: the bytes decoded.
fn decoded_str(args: &Args) -> PyResult<Value> {
    let a = crate::args::bind("str", args, 0, &["object", "encoding", "errors"], 0, 0)?;
    let source = a[0].unwrap_or(Value::NONE);
    let Some(data) = objects::bytes::bytes_of(source) else {
        if source.is_kind(KIND_STR) {
            return Err(PyErr::type_error("decoding str is not supported"));
        }
        return Err(PyErr::type_error(format!("decoding to str: need a bytes-like object, {} found", stitch_core::ops::types::type_name(source))));
    };
    let codec = crate::codecs::codec(a[1], "str")?;
    let errors = crate::codecs::errors(a[2], "str")?;
    Ok(objects::str::from_string(crate::codecs::decode(&data, codec, errors)?))
}

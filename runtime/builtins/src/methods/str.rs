//! `str` methods: case, predicates, join, strip, replace. Searching is in
//! `str_search`, splitting in `str_split`, reshaping in `str_shape`, `format` in
//! `str_format`.

use super::receiver;
use super::str_search::{count, endswith, find, index, rfind, rindex, startswith};
use super::str_split::{rsplit, split};
use super::str_shape;
use stitch_abi::*;
use crate::args::{between, no_keywords, none, one};
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::{self, Owned, builtin::{Args, BuiltinFn}};
use stitch_core::ops::consume::for_each;
use stitch_core::ops::iter::is_iterable;
use stitch_core::ops::num::require_int;
use stitch_core::ops::types::type_name;
use stitch_core::ops::unicode_tables::{ALPHA, DECIMAL, DIGIT, NUMERIC, in_table};
use stitch_core::vm::Runtime;

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("join", join),
    ("split", split),
    ("rsplit", rsplit),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("upper", upper),
    ("encode", encode),
    ("lower", lower),
    ("startswith", startswith),
    ("endswith", endswith),
    ("replace", replace),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("isdigit", isdigit),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isdecimal", isdecimal),
    ("isnumeric", isnumeric),
    ("center", str_shape::center),
    ("ljust", str_shape::ljust),
    ("rjust", str_shape::rjust),
    ("zfill", str_shape::zfill),
    ("expandtabs", str_shape::expandtabs),
    ("title", str_shape::title),
    ("capitalize", str_shape::capitalize),
    ("swapcase", str_shape::swapcase),
    ("casefold", str_shape::casefold),
    ("partition", str_shape::partition),
    ("rpartition", str_shape::rpartition),
    ("splitlines", str_shape::splitlines),
    ("removeprefix", str_shape::removeprefix),
    ("removesuffix", str_shape::removesuffix),
    ("isupper", str_shape::isupper),
    ("islower", str_shape::islower),
    ("istitle", str_shape::istitle),
    ("isascii", str_shape::isascii),
    ("isidentifier", str_shape::isidentifier),
    ("format", super::str_format::format),
    ("format_map", super::str_format::format_map),
    ("translate", super::str_translate::translate),
    ("maketrans", super::str_translate::maketrans_of_instance),
    ("__repr__", dunder_repr),
    ("__str__", dunder_str),
];

/// `str.__repr__(s)`: str's repr, also of an instance of a class deriving from str
/// that defines its own (`return f"Tag({str.__repr__(self)})"`).
fn dunder_repr(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = receiver(args, "str", "__repr__")?;
    none("str.__repr__", args, 1)?;
    // SAFETY: `receiver` checked the kind.
    Ok(objects::str::from_string(stitch_core::ops::repr::plain_str_repr(unsafe { objects::str::as_str(v) })))
}

/// `str.__str__(s)`: the text as a plain str.
fn dunder_str(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = receiver(args, "str", "__str__")?;
    none("str.__str__", args, 1)?;
    Ok(objects::str::plain(v))
}

/// The receiver's text, borrowed for the call.
pub fn text<'a>(args: &Args, method: &str) -> PyResult<&'a str> {
    let v = receiver(args, "str", method)?;
    // SAFETY: `receiver` checked the type; the receiver outlives the call.
    unsafe { objects::str::text(v) }
}

/// The text of a str argument, or `None` if it is not a str (refused when it holds a
/// lone surrogate).
pub fn arg_text<'a>(v: Value) -> PyResult<Option<&'a str>> {
    // SAFETY: the kind is checked; arguments outlive the call.
    v.is_kind(KIND_STR).then(|| unsafe { objects::str::text(v) }).transpose()
}

/// Python's whitespace (`str.isspace`, and what `split()`/`strip()` remove). Rust's
/// `char::is_whitespace` differs: it lacks the separators U+001C..U+001F.
pub fn is_space(c: char) -> bool {
    matches!(c, '\t'..='\r' | '\x1c'..=' ' | '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'..='\u{200a}'
        | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}')
}

fn new_text(s: String) -> PyResult<Value> {
    Ok(objects::str::from_string(s))
}

/// `sep.join(iterable)`. Over text, until a str holding a lone surrogate (the separator
/// or an item) turns the rest into generalized UTF-8 bytes.
pub(crate) fn join(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let sep_v = receiver(args, "str", "join")?;
    // SAFETY: `receiver` checked the type; the receiver outlives the call.
    let sep = unsafe { objects::str::as_str(sep_v) };
    let iterable = one("str.join", args, 1)?;
    if !is_iterable(iterable) {
        return Err(PyErr::type_error("can only join an iterable"));
    }
    let mut out = String::new();
    let mut wide: Option<Vec<u8>> = sep.has_surrogates().then(Vec::new);
    let mut i = 0;
    for_each(iterable, |item: Owned| {
        if !item.get().is_kind(KIND_STR) {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                type_name(item.get())
            )));
        }
        // SAFETY: the kind was checked; the item is held for the step.
        let t = unsafe { objects::str::as_str(item.get()) };
        if wide.is_none() && t.has_surrogates() {
            wide = Some(std::mem::take(&mut out).into_bytes());
        }
        match &mut wide {
            Some(b) => {
                let more = t.bytes().len() + if i > 0 { sep.bytes().len() } else { 0 };
                b.try_reserve(more).map_err(|_| stitch_core::memory::no_memory())?;
                if i > 0 {
                    b.extend_from_slice(sep.bytes());
                }
                b.extend_from_slice(t.bytes());
            }
            None => {
                if i > 0 {
                    stitch_core::memory::push_str(&mut out, sep.text()?)?;
                }
                stitch_core::memory::push_str(&mut out, t.text()?)?;
            }
        }
        i += 1;
        Ok(true)
    })?;
    match wide {
        Some(b) => Ok(objects::str::from_wtf8(b)),
        None => new_text(out),
    }
}

/// Which ends `strip` works on.
#[derive(Clone, Copy)]
enum Ends {
    Both,
    Left,
    Right,
}

fn strip_impl(args: &Args, name: &str, ends: Ends) -> PyResult<Value> {
    let s = text(args, name)?;
    no_keywords(&format!("str.{name}"), args)?;
    let a = between(name, args, 1, 0, Some(1))?;
    let chars: Option<Vec<char>> = match a.first() {
        None => None,
        Some(&v) if v == Value::NONE => None,
        Some(&v) => match arg_text(v)? {
            Some(t) => Some(t.chars().collect()),
            None => return Err(PyErr::type_error(format!("{name} arg must be None or str"))),
        },
    };
    let strip = |c: char| match &chars {
        None => is_space(c),
        Some(set) => set.contains(&c),
    };
    let r = match ends {
        Ends::Both => s.trim_matches(strip),
        Ends::Left => s.trim_start_matches(strip),
        Ends::Right => s.trim_end_matches(strip),
    };
    new_text(r.to_string())
}

fn strip(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    strip_impl(args, "strip", Ends::Both)
}

fn lstrip(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    strip_impl(args, "lstrip", Ends::Left)
}

fn rstrip(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    strip_impl(args, "rstrip", Ends::Right)
}

fn upper(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "upper")?;
    none("str.upper", args, 1)?;
    new_text(s.to_uppercase())
}

/// `s.encode(encoding='utf-8', errors='strict')`.
fn encode(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "encode")?;
    let a = crate::args::bind("encode", args, 1, &["encoding", "errors"], 0, 0)?;
    let codec = crate::codecs::codec(a[0], "encode")?;
    let errors = crate::codecs::errors(a[1], "encode")?;
    Ok(objects::bytes::new_bytes(crate::codecs::encode(s, codec, errors)?))
}

fn lower(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "lower")?;
    none("str.lower", args, 1)?;
    new_text(s.to_lowercase())
}

/// `s.replace(old, new, count=-1)`.
fn replace(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "replace")?;
    no_keywords("str.replace", args)?;
    let a = between("replace", args, 1, 2, Some(3))?;
    let mut parts = [""; 2];
    for (k, slot) in parts.iter_mut().enumerate() {
        *slot = arg_text(a[k])?.ok_or_else(|| {
            PyErr::type_error(format!("replace() argument {} must be str, not {}", k + 1, type_name(a[k])))
        })?;
    }
    let count = match a.get(2) {
        Some(&c) => require_int(c)?.to_i64().unwrap_or(i64::MAX),
        None => -1,
    };
    // Rust's empty-pattern matching is Python's: between every pair of characters and
    // at both ends.
    let r = if count < 0 { s.replace(parts[0], parts[1]) } else { s.replacen(parts[0], parts[1], count as usize) };
    new_text(r)
}

/// A character predicate over the whole (non-empty) string.
fn predicate(args: &Args, name: &str, f: impl Fn(char) -> bool) -> PyResult<Value> {
    let s = text(args, name)?;
    none(&format!("str.{name}"), args, 1)?;
    Ok(Value::bool(!s.is_empty() && s.chars().all(f)))
}

fn isdigit(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    predicate(args, "isdigit", |c| in_table(DIGIT, c))
}

fn isalpha(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    predicate(args, "isalpha", |c| in_table(ALPHA, c))
}

fn isalnum(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    // Python: isalpha or isdecimal or isdigit or isnumeric; NUMERIC covers the other two.
    predicate(args, "isalnum", |c| in_table(ALPHA, c) || in_table(NUMERIC, c))
}

fn isspace(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    predicate(args, "isspace", is_space)
}

fn isdecimal(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    predicate(args, "isdecimal", |c| in_table(DECIMAL, c))
}

fn isnumeric(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    predicate(args, "isnumeric", |c| in_table(NUMERIC, c))
}

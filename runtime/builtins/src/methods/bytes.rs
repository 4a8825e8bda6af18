//! The methods `bytes` and `bytearray` share (searching, splitting, stripping, case,
//! predicates, `decode`, `hex`, padding) and `bytes.fromhex`. A method of a bytearray
//! that makes a new sequence makes a bytearray. The mutating methods of bytearray are
//! in `bytearray`.

use super::str_search::{adjust, position};
use crate::args::{between, bind, no_keywords, one, takes};
use crate::codecs;
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::bytes::{bytes_of, is_bytes_like, new_bytearray, new_bytes, new_like};
use stitch_core::objects::{self, Owned, list, tuple};
use stitch_core::ops::bytes::{byte_value, find, needle};
use stitch_core::ops::consume::collect;
use stitch_core::ops::num::{as_int, require_i64};
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;

/// The methods both types have (a bytearray's lookup falls back to these).
pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("decode", decode),
    ("hex", hex),
    ("fromhex", fromhex),
    ("count", count),
    ("find", find_method),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("startswith", startswith),
    ("endswith", endswith),
    ("split", split),
    ("rsplit", rsplit),
    ("splitlines", splitlines),
    ("join", join),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("replace", replace),
    ("upper", upper),
    ("lower", lower),
    ("isdigit", isdigit),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("isascii", isascii),
    ("zfill", zfill),
    ("center", center),
    ("ljust", ljust),
    ("rjust", rjust),
    ("translate", super::bytes_translate::translate),
];

/// The receiver (a bytes or bytearray) and a copy of its bytes: a copy, since
/// arguments may be the receiver itself or run code.
fn this(args: &Args, method: &str) -> PyResult<(Value, Vec<u8>)> {
    match args.positional.first() {
        Some(&v) if is_bytes_like(v) => Ok((v, bytes_of(v).unwrap_or_default())),
        Some(&v) => Err(PyErr::type_error(format!(
            "descriptor '{method}' for 'bytes' objects doesn't apply to a '{}' object",
            type_name(v)
        ))),
        None => Err(PyErr::type_error(format!("unbound method bytes.{method}() needs an argument"))),
    }
}

/// ASCII whitespace, as bytes methods know it.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn decode(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (_, data) = this(args, "decode")?;
    let a = bind("decode", args, 1, &["encoding", "errors"], 0, 0)?;
    let codec = codecs::codec(a[0], "decode")?;
    let errors = codecs::errors(a[1], "decode")?;
    Ok(objects::str::from_string(codecs::decode(&data, codec, errors)?))
}

fn hex(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (_, data) = this(args, "hex")?;
    if args.positional.len() > 1 || !args.keywords.is_empty() {
        return Err(PyErr::unsupported("hex() with a separator"));
    }
    let mut out = String::with_capacity(data.len() * 2);
    for b in data {
        out.push_str(&format!("{b:02x}"));
    }
    Ok(objects::str::from_string(out))
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)`: pairs of hex digits, whitespace
/// between pairs. Reached through the type (no receiver) or, rarely, an instance.
fn fromhex(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    // `bytearray.fromhex` finds this method through bytes' table, so its type object
    // arrives as the first argument (`bytes.fromhex` has it dropped by the call).
    let (make_array, rest) = match args.positional {
        [first, rest @ ..] if is_bytes_like(*first) => (first.is_kind(KIND_BYTEARRAY), rest),
        [first, rest @ ..] if crate::types::as_type(*first) == Some(stitch_core::objects::builtin::TypeId::ByteArray) => (true, rest),
        rest => (false, rest),
    };
    let rest_args = Args { positional: rest, keywords: args.keywords };
    let s = one("fromhex", &rest_args, 0)?;
    if !s.is_kind(KIND_STR) {
        return Err(PyErr::type_error(format!("fromhex() argument must be str, not {}", type_name(s))));
    }
    // SAFETY: the kind was checked.
    let text = unsafe { objects::str::text(s) }?;
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let bad = |at: usize| PyErr::value_error(format!("non-hexadecimal number found in fromhex() arg at position {at}"));
    while i < chars.len() {
        if chars[i] == ' ' || ('\t'..='\r').contains(&chars[i]) {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).filter(|_| chars[i].is_ascii()).ok_or_else(|| bad(i))?;
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16).filter(|_| c.is_ascii())).ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(if make_array { new_bytearray(out) } else { new_bytes(out) })
}

/// The needle of a search: a bytes-like object or an int (one byte).
fn search_needle(v: Value) -> PyResult<Vec<u8>> {
    if as_int(v).is_some() {
        return Ok(vec![byte_value(v)?]);
    }
    needle(v)
}

/// `(sub[, start[, end]])`: the needle and the searched range, clamped.
fn search_args(args: &Args, name: &str, data: &[u8]) -> PyResult<(Vec<u8>, i64, i64)> {
    no_keywords(name, args)?;
    let a = takes(name, args, 1, 1, 3)?;
    let sub = search_needle(a[0])?;
    let (start, end) = adjust(position(a.get(1))?, position(a.get(2))?, data.len());
    Ok((sub, start, end))
}

/// The first (or last) position of `sub` in `data[start..end]`.
fn search(data: &[u8], sub: &[u8], start: i64, end: i64, last: bool) -> Option<usize> {
    if start > end || start as usize > data.len() {
        return None;
    }
    let (s, e) = (start as usize, end as usize);
    let part = &data[s..e];
    if last {
        if sub.is_empty() {
            return Some(e);
        }
        if sub.len() > part.len() {
            return None;
        }
        (0..=part.len() - sub.len()).rev().find(|&i| &part[i..i + sub.len()] == sub).map(|i| i + s)
    } else {
        find(part, sub, 0).map(|i| i + s)
    }
}

fn find_common(args: &Args, name: &str, last: bool, raise: bool) -> PyResult<Value> {
    let (_, data) = this(args, name)?;
    let (sub, start, end) = search_args(args, name, &data)?;
    match search(&data, &sub, start, end, last) {
        Some(i) => Ok(Value::int(i as i64)),
        None if raise => Err(PyErr::value_error("subsection not found")),
        None => Ok(Value::int(-1)),
    }
}

fn find_method(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    find_common(args, "find", false, false)
}
fn rfind(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    find_common(args, "rfind", true, false)
}
fn index(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    find_common(args, "index", false, true)
}
fn rindex(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    find_common(args, "rindex", true, true)
}

fn count(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (_, data) = this(args, "count")?;
    let (sub, start, end) = search_args(args, "count", &data)?;
    if start > end || start as usize > data.len() {
        return Ok(Value::int(0));
    }
    let part = &data[start as usize..end as usize];
    if sub.is_empty() {
        return Ok(Value::int(part.len() as i64 + 1));
    }
    let (mut n, mut at) = (0, 0);
    while let Some(i) = find(part, &sub, at) {
        n += 1;
        at = i + sub.len();
    }
    Ok(Value::int(n))
}

fn affix(args: &Args, name: &str, suffix: bool) -> PyResult<Value> {
    let (_, data) = this(args, name)?;
    no_keywords(name, args)?;
    let a = takes(name, args, 1, 1, 3)?;
    let (start, end) = adjust(position(a.get(1))?, position(a.get(2))?, data.len());
    let candidates: Vec<Value> = if a[0].is_kind(KIND_TUPLE) {
        // SAFETY: the kind was checked.
        unsafe { tuple::items(a[0].cast()) }.to_vec()
    } else {
        vec![a[0]]
    };
    for c in candidates {
        let Some(p) = bytes_of(c) else {
            let what = if a[0].is_kind(KIND_TUPLE) { "a tuple must only contain bytes".to_string() } else {
                format!("{name} first arg must be bytes or a tuple of bytes, not {}", type_name(c))
            };
            return Err(PyErr::type_error(what));
        };
        if start > end || start as usize > data.len() {
            continue;
        }
        let part = &data[start as usize..end as usize];
        if (suffix && part.ends_with(&p)) || (!suffix && part.starts_with(&p)) {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn startswith(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    affix(args, "startswith", false)
}
fn endswith(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    affix(args, "endswith", true)
}

/// `(sep=None, maxsplit=-1)` of split and rsplit.
fn split_args(args: &Args, name: &str) -> PyResult<(Option<Vec<u8>>, i64)> {
    let a = bind(name, args, 1, &["sep", "maxsplit"], 0, 0)?;
    let sep = match a[0] {
        None => None,
        Some(v) if v == Value::NONE => None,
        Some(v) => {
            let s = needle(v)?;
            if s.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(s)
        }
    };
    let max = match a[1] {
        None => -1,
        Some(v) => require_i64(v)?,
    };
    Ok((sep, if max < 0 { i64::MAX } else { max }))
}

fn make_list(like: Value, parts: Vec<Vec<u8>>) -> Value {
    list::from_vec(parts.into_iter().map(|p| new_like(like, p)).collect())
}

fn split(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (me, data) = this(args, "split")?;
    let (sep, mut max) = split_args(args, "split")?;
    let mut parts = Vec::new();
    match sep {
        Some(sep) => {
            let mut at = 0;
            while max > 0 {
                let Some(i) = find(&data, &sep, at) else { break };
                parts.push(data[at..i].to_vec());
                at = i + sep.len();
                max -= 1;
            }
            parts.push(data[at..].to_vec());
        }
        None => {
            let mut i = 0;
            let n = data.len();
            loop {
                while i < n && is_space(data[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                if max == 0 {
                    // The rest, with its trailing whitespace, is the last part.
                    parts.push(data[i..].to_vec());
                    break;
                }
                let start = i;
                while i < n && !is_space(data[i]) {
                    i += 1;
                }
                parts.push(data[start..i].to_vec());
                max -= 1;
            }
        }
    }
    Ok(make_list(me, parts))
}

fn rsplit(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (me, data) = this(args, "rsplit")?;
    let (sep, mut max) = split_args(args, "rsplit")?;
    let mut parts = Vec::new();
    match sep {
        Some(sep) => {
            let mut end = data.len();
            while max > 0 {
                let Some(i) = search(&data, &sep, 0, end as i64, true) else { break };
                parts.push(data[i + sep.len()..end].to_vec());
                end = i;
                max -= 1;
            }
            parts.push(data[..end].to_vec());
        }
        None => {
            let mut i = data.len();
            loop {
                while i > 0 && is_space(data[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if max == 0 {
                    parts.push(data[..i].to_vec());
                    break;
                }
                let end = i;
                while i > 0 && !is_space(data[i - 1]) {
                    i -= 1;
                }
                parts.push(data[i..end].to_vec());
                max -= 1;
            }
        }
    }
    parts.reverse();
    Ok(make_list(me, parts))
}

fn splitlines(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (me, data) = this(args, "splitlines")?;
    let a = bind("splitlines", args, 1, &["keepends"], 0, 0)?;
    let keep = a[0].is_some_and(stitch_core::ops::types::truthy);
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < data.len() {
        let eol = match data[i] {
            b'\r' if data.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        parts.push(data[start..if keep { i + eol } else { i }].to_vec());
        i += eol;
        start = i;
    }
    if start < data.len() {
        parts.push(data[start..].to_vec());
    }
    Ok(make_list(me, parts))
}

fn join(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (me, sep) = this(args, "join")?;
    let items: Vec<Owned> = collect(one("join", args, 1)?)?.into_iter().map(Owned).collect();
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(b) = bytes_of(item.get()) else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                type_name(item.get())
            )));
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(new_like(me, out))
}

fn strip_common(args: &Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let (me, data) = this(args, name)?;
    no_keywords(name, args)?;
    let a = between(name, args, 1, 0, Some(1))?;
    let chars = match a.first() {
        None => None,
        Some(&v) if v == Value::NONE => None,
        Some(&v) => Some(needle(v)?),
    };
    let strips = |b: u8| match &chars {
        None => is_space(b),
        Some(c) => c.contains(&b),
    };
    let mut s = 0;
    let mut e = data.len();
    if left {
        while s < e && strips(data[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strips(data[e - 1]) {
            e -= 1;
        }
    }
    Ok(new_like(me, data[s..e].to_vec()))
}

fn strip(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    strip_common(args, "strip", true, true)
}
fn lstrip(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    strip_common(args, "lstrip", true, false)
}
fn rstrip(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    strip_common(args, "rstrip", false, true)
}

fn replace(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (me, data) = this(args, "replace")?;
    no_keywords("replace", args)?;
    let a = between("replace", args, 1, 2, Some(3))?;
    let old = needle(a[0])?;
    let new = needle(a[1])?;
    let mut max = match a.get(2) {
        Some(&v) => require_i64(v)?,
        None => -1,
    };
    if max < 0 {
        max = i64::MAX;
    }
    let mut out = Vec::with_capacity(data.len());
    if old.is_empty() {
        // An empty pattern matches before every byte and at the end.
        for (i, &b) in data.iter().enumerate() {
            if (i as i64) < max {
                out.extend_from_slice(&new);
            }
            out.push(b);
        }
        if (data.len() as i64) < max {
            out.extend_from_slice(&new);
        }
        return Ok(new_like(me, out));
    }
    let mut at = 0;
    while max > 0 {
        let Some(i) = find(&data, &old, at) else { break };
        out.extend_from_slice(&data[at..i]);
        out.extend_from_slice(&new);
        at = i + old.len();
        max -= 1;
    }
    out.extend_from_slice(&data[at..]);
    Ok(new_like(me, out))
}

fn mapped(args: &Args, name: &str, f: fn(&u8) -> u8) -> PyResult<Value> {
    let (me, data) = this(args, name)?;
    crate::args::none(name, args, 1)?;
    Ok(new_like(me, data.iter().map(f).collect()))
}

fn upper(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    mapped(args, "upper", u8::to_ascii_uppercase)
}
fn lower(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    mapped(args, "lower", u8::to_ascii_lowercase)
}

/// A predicate true when the bytes are non-empty and each one satisfies `f`.
fn every(args: &Args, name: &str, f: fn(&u8) -> bool) -> PyResult<Value> {
    let (_, data) = this(args, name)?;
    crate::args::none(name, args, 1)?;
    Ok(Value::bool(!data.is_empty() && data.iter().all(f)))
}

fn isdigit(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    every(args, "isdigit", u8::is_ascii_digit)
}
fn isalpha(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    every(args, "isalpha", u8::is_ascii_alphabetic)
}
fn isalnum(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    every(args, "isalnum", u8::is_ascii_alphanumeric)
}
fn isspace(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    every(args, "isspace", |b| is_space(*b))
}

/// isupper/islower: some cased byte, and none of the other case.
fn cased(args: &Args, name: &str, upper: bool) -> PyResult<Value> {
    let (_, data) = this(args, name)?;
    crate::args::none(name, args, 1)?;
    let (want, other): (fn(&u8) -> bool, fn(&u8) -> bool) =
        if upper { (u8::is_ascii_uppercase, u8::is_ascii_lowercase) } else { (u8::is_ascii_lowercase, u8::is_ascii_uppercase) };
    Ok(Value::bool(data.iter().any(want) && !data.iter().any(other)))
}

fn isupper(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    cased(args, "isupper", true)
}
fn islower(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    cased(args, "islower", false)
}
fn isascii(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (_, data) = this(args, "isascii")?;
    crate::args::none("isascii", args, 1)?;
    Ok(Value::bool(data.is_ascii()))
}

/// The width and fill byte of center/ljust/rjust.
fn pad_args(args: &Args, name: &str) -> PyResult<(usize, u8)> {
    no_keywords(name, args)?;
    let a = between(name, args, 1, 1, Some(2))?;
    let width = require_i64(a[0])?.max(0) as usize;
    let fill = match a.get(1) {
        None => b' ',
        Some(&f) => match bytes_of(f) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                return Err(PyErr::type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    type_name(f)
                )));
            }
        },
    };
    Ok((width, fill))
}

fn padded(args: &Args, name: &str, left_share: fn(usize, usize) -> usize) -> PyResult<Value> {
    let (me, data) = this(args, name)?;
    let (width, fill) = pad_args(args, name)?;
    if width <= data.len() {
        return Ok(new_like(me, data));
    }
    let total = width - data.len();
    let left = left_share(total, width);
    let mut out = vec![fill; left];
    out.extend_from_slice(&data);
    out.resize(width, fill);
    Ok(new_like(me, out))
}

fn center(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    // CPython puts the odd byte on the left when the padding and the width are both
    // odd (its `pad` rounding), on the right otherwise.
    padded(args, "center", |total, width| total / 2 + (total & width & 1))
}
fn ljust(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    padded(args, "ljust", |_, _| 0)
}
fn rjust(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    padded(args, "rjust", |total, _| total)
}

fn zfill(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (me, data) = this(args, "zfill")?;
    let width = require_i64(one("zfill", args, 1)?)?.max(0) as usize;
    if width <= data.len() {
        return Ok(new_like(me, data));
    }
    let fill = width - data.len();
    let mut out = Vec::with_capacity(width);
    let signed = matches!(data.first(), Some(b'+' | b'-'));
    if signed {
        out.push(data[0]);
    }
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(&data[signed as usize..]);
    Ok(new_like(me, out))
}

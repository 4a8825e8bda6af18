//! `str.split` and `str.rsplit`.

use super::str::{arg_text, is_space, text};
use stitch_abi::*;
use crate::args::bind;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::{self, builtin::Args, list};
use stitch_core::ops::num::require_int;
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;

/// Parses `(sep=None, maxsplit=-1)`: the separator (None for whitespace) and the
/// most splits to make (`usize::MAX` for no limit).
fn parse<'a>(args: &'a Args, name: &str) -> PyResult<(&'a str, Option<&'a str>, usize)> {
    let s = text(args, name)?;
    let a = bind(name, args, 1, &["sep", "maxsplit"], 0, 0)?;
    let sep = match a[0] {
        None => None,
        Some(v) if v == Value::NONE => None,
        Some(v) => match arg_text(v)? {
            Some("") => return Err(PyErr::value_error("empty separator")),
            Some(t) => Some(t),
            None => return Err(PyErr::type_error(format!("must be str or None, not {}", type_name(v)))),
        },
    };
    let max = match a[1] {
        None => usize::MAX,
        // Negative means no limit; so, in effect, does a huge limit.
        Some(v) => require_int(v)?.to_i64().filter(|n| *n >= 0).map_or(usize::MAX, |n| n as usize),
    };
    Ok((s, sep, max))
}

fn to_list(parts: Vec<&str>) -> Value {
    list::from_vec(parts.into_iter().map(objects::str::new_str).collect())
}

pub fn split(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (s, sep, max) = parse(args, "split")?;
    let parts: Vec<&str> = match sep {
        Some(sep) if max == usize::MAX => s.split(sep).collect(),
        Some(sep) => s.splitn(max.saturating_add(1), sep).collect(),
        None => split_whitespace(s, max),
    };
    Ok(to_list(parts))
}

pub fn rsplit(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (s, sep, max) = parse(args, "rsplit")?;
    let parts: Vec<&str> = match sep {
        Some(sep) if max == usize::MAX => s.split(sep).collect(),
        Some(sep) => {
            let mut p: Vec<&str> = s.rsplitn(max.saturating_add(1), sep).collect();
            p.reverse();
            p
        }
        None => {
            let mut p = rsplit_whitespace(s, max);
            p.reverse();
            p
        }
    };
    Ok(to_list(parts))
}

/// CPython's `split_whitespace`: runs of whitespace separate words; after `max`
/// splits, the rest (leading whitespace removed) is the last word.
fn split_whitespace(s: &str, max: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s;
    let mut splits = 0;
    loop {
        rest = rest.trim_start_matches(is_space);
        if rest.is_empty() {
            break;
        }
        if splits == max {
            parts.push(rest);
            break;
        }
        let end = rest.find(is_space).unwrap_or(rest.len());
        parts.push(&rest[..end]);
        rest = &rest[end..];
        splits += 1;
    }
    parts
}

/// The mirror image of `split_whitespace`, words collected from the end.
fn rsplit_whitespace(s: &str, max: usize) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = s;
    let mut splits = 0;
    loop {
        rest = rest.trim_end_matches(is_space);
        if rest.is_empty() {
            break;
        }
        if splits == max {
            parts.push(rest);
            break;
        }
        let start = rest.rfind(is_space).map_or(0, |b| b + rest[b..].chars().next().map_or(1, char::len_utf8));
        parts.push(&rest[start..]);
        rest = &rest[..start];
        splits += 1;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_splits_like_cpython() {
        // "  a b  c  ".split(None, 1) == ['a', 'b  c  ']
        assert_eq!(split_whitespace("  a b  c  ", 1), vec!["a", "b  c  "]);
        assert_eq!(split_whitespace("a b  c\t d\n", usize::MAX), vec!["a", "b", "c", "d"]);
        assert_eq!(split_whitespace("   ", usize::MAX), Vec::<&str>::new());
        assert_eq!(split_whitespace("a b", 0), vec!["a b"]);
        // "  a b  c  ".rsplit(None, 1) == ['  a b', 'c']
        let mut r = rsplit_whitespace("  a b  c  ", 1);
        r.reverse();
        assert_eq!(r, vec!["  a b", "c"]);
    }
}

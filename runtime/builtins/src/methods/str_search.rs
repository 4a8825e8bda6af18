//! Searching in strs: `find`, `rfind`, `index`, `rindex`, `count`, `startswith`,
//! `endswith`. Python positions count characters, so byte offsets are converted.

use super::str::{arg_text, text};
use stitch_abi::*;
use crate::args::{no_keywords, takes};
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::{self, builtin::Args, tuple};
use stitch_core::ops::num::as_int;
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;

/// Byte offset of the `i`th character (`i <= chars`).
fn byte_at(s: &str, ascii: bool, i: usize) -> usize {
    if ascii { i } else { s.char_indices().nth(i).map_or(s.len(), |(b, _)| b) }
}

/// Character index of a byte offset.
fn char_at(s: &str, ascii: bool, byte: usize) -> usize {
    if ascii { byte } else { s[..byte].chars().count() }
}

/// An optional start/end argument: None or an int, clamped to i64.
pub(super) fn position(v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None => Ok(None),
        Some(&v) if v == Value::NONE => Ok(None),
        Some(&v) => match as_int(v) {
            Some(i) => Ok(Some(i.to_i64().unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX }))),
            None => Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method")),
        },
    }
}

/// CPython's ADJUST_INDICES: negative positions count from the end; `end` is
/// clamped to the length, `start` only from below (so `start > end` can result).
pub(super) fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = end.saturating_add(len).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = start.saturating_add(len).max(0);
    }
    (start, end)
}

/// The receiver and the searched part, parsed from `(sub[, start[, end]])`.
struct Search<'a> {
    text: &'a str,
    ascii: bool,
    /// Character range searched; `start` may exceed `end`.
    start: i64,
    end: i64,
}

impl<'a> Search<'a> {
    fn parse(args: &'a Args, name: &str) -> PyResult<(Search<'a>, Value)> {
        let s = text(args, name)?;
        no_keywords(name, args)?;
        let a = takes(name, args, 1, 1, 3)?;
        // SAFETY: `text` checked that the receiver is a str.
        let st = unsafe { objects::str::as_str(args.positional[0]) };
        let (start, end) = adjust(position(a.get(1))?, position(a.get(2))?, st.chars);
        Ok((Search { text: s, ascii: st.is_ascii(), start, end }, a[0]))
    }

    /// The searched text, or `None` if the range is empty beyond repair.
    fn window(&self) -> Option<&'a str> {
        if self.start > self.end {
            return None;
        }
        let b0 = byte_at(self.text, self.ascii, self.start as usize);
        let b1 = byte_at(self.text, self.ascii, self.end as usize);
        Some(&self.text[b0..b1])
    }

    fn to_index(&self, window: &str, byte: usize) -> i64 {
        self.start + char_at(window, self.ascii, byte) as i64
    }
}

fn sub_text<'a>(v: Value) -> PyResult<&'a str> {
    arg_text(v)?.ok_or_else(|| PyErr::type_error(format!("must be str, not {}", type_name(v))))
}

/// The character index of the first (or last) occurrence, or -1.
fn search(args: &Args, name: &str, last: bool) -> PyResult<i64> {
    let (s, sub) = Search::parse(args, name)?;
    let sub = sub_text(sub)?;
    let Some(w) = s.window() else { return Ok(-1) };
    let found = if last { w.rfind(sub) } else { w.find(sub) };
    Ok(found.map_or(-1, |b| s.to_index(w, b)))
}

pub fn find(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    search(args, "find", false).map(Value::int)
}

pub fn rfind(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    search(args, "rfind", true).map(Value::int)
}

pub fn index(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    match search(args, "index", false)? {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::int(i)),
    }
}

pub fn rindex(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    match search(args, "rindex", true)? {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::int(i)),
    }
}

/// Non-overlapping occurrences; the empty string occurs between every character.
pub fn count(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (s, sub) = Search::parse(args, "count")?;
    let sub = sub_text(sub)?;
    let Some(w) = s.window() else { return Ok(Value::int(0)) };
    let n = if sub.is_empty() { (s.end - s.start + 1) as usize } else { w.matches(sub).count() };
    Ok(Value::int(n as i64))
}

/// `startswith` / `endswith`: the affix is a str or a tuple of strs.
fn affix(args: &Args, name: &str, at_end: bool) -> PyResult<Value> {
    let (s, affix) = Search::parse(args, name)?;
    let candidates: Vec<Value> = if affix.is_kind(KIND_TUPLE) {
        // SAFETY: the kind was checked.
        unsafe { tuple::items(affix.cast()) }.to_vec()
    } else if affix.is_kind(KIND_STR) {
        vec![affix]
    } else {
        return Err(PyErr::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            type_name(affix)
        )));
    };
    for c in candidates {
        let Some(t) = arg_text(c)? else {
            return Err(PyErr::type_error(format!("tuple for {name} must only contain str, not {}", type_name(c))));
        };
        if let Some(w) = s.window()
            && (if at_end { w.ends_with(t) } else { w.starts_with(t) })
        {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

pub fn startswith(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    affix(args, "startswith", false)
}

pub fn endswith(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    affix(args, "endswith", true)
}

//! `str` methods that reshape text: padding (`center`, `ljust`, `rjust`, `zfill`,
//! `expandtabs`), case (`title`, `capitalize`, `swapcase`, `casefold`), cutting
//! (`partition`, `rpartition`, `splitlines`, `removeprefix`, `removesuffix`) and the
//! case and identifier predicates.

use super::str::{arg_text, text};
use crate::args::{bind, no_keywords, none, one};
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::{builtin::Args, str as strs, tuple};
use stitch_core::ops::num::require_i64;
use stitch_core::ops::truthy;
use stitch_core::ops::types::type_name;
use stitch_core::ops::unicode_tables::{ALPHA, NUMERIC, in_table};
use stitch_core::vm::Runtime;

fn new_text(s: String) -> PyResult<Value> {
    Ok(strs::from_string(s))
}

/// The width and fill character of `center`/`ljust`/`rjust`.
fn width_and_fill(args: &Args, name: &str) -> PyResult<(usize, char)> {
    no_keywords(&format!("str.{name}"), args)?;
    let a = crate::args::between(name, args, 1, 1, Some(2))?;
    let width = require_i64(a[0])?.max(0) as usize;
    let fill = match a.get(1) {
        None => ' ',
        Some(&f) => {
            let t = arg_text(f)?.ok_or_else(|| {
                PyErr::type_error(format!("{name}() argument 2 must be str, not {}", type_name(f)))
            })?;
            let mut chars = t.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => c,
                _ => return Err(PyErr::type_error("The fill character must be exactly one character long")),
            }
        }
    };
    Ok((width, fill))
}

fn pad(s: &str, left: usize, right: usize, fill: char) -> String {
    let mut out = String::with_capacity(s.len() + left + right);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

pub fn center(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "center")?;
    let (width, fill) = width_and_fill(args, "center")?;
    let n = s.chars().count();
    if width <= n {
        return new_text(s.to_string());
    }
    // CPython's split of the margin: the odd one goes left when the width is odd.
    let marg = width - n;
    let left = marg / 2 + (marg & width & 1);
    new_text(pad(s, left, marg - left, fill))
}

pub fn ljust(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "ljust")?;
    let (width, fill) = width_and_fill(args, "ljust")?;
    let n = s.chars().count();
    new_text(pad(s, 0, width.saturating_sub(n), fill))
}

pub fn rjust(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "rjust")?;
    let (width, fill) = width_and_fill(args, "rjust")?;
    let n = s.chars().count();
    new_text(pad(s, width.saturating_sub(n), 0, fill))
}

/// `s.zfill(width)`: zeros after a leading sign.
pub fn zfill(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "zfill")?;
    let width = require_i64(one("str.zfill", args, 1)?)?.max(0) as usize;
    let n = s.chars().count();
    if width <= n {
        return new_text(s.to_string());
    }
    let zeros = "0".repeat(width - n);
    new_text(match s.strip_prefix(['+', '-']) {
        Some(rest) => format!("{}{zeros}{rest}", &s[..1]),
        None => format!("{zeros}{s}"),
    })
}

/// `s.expandtabs(tabsize=8)`: the column restarts after `\n` and `\r`.
pub fn expandtabs(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "expandtabs")?;
    let a = bind("expandtabs", args, 1, &["tabsize"], 0, 0)?;
    let size = match a[0] {
        Some(v) => require_i64(v)?,
        None => 8,
    };
    let mut out = String::with_capacity(s.len());
    let mut column = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let spaces = size - column % size;
                    out.extend(std::iter::repeat_n(' ', spaces as usize));
                    column += spaces;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    new_text(out)
}

fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase()
}

/// The title case of `c` (its upper case for the letters of the subset's scripts).
use super::str_titlecase::push_title;

pub fn title(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "title")?;
    none("str.title", args, 1)?;
    let mut out = String::with_capacity(s.len());
    let mut previous_cased = false;
    for c in s.chars() {
        if previous_cased {
            out.extend(c.to_lowercase());
        } else {
            push_title(&mut out, c);
        }
        previous_cased = is_cased(c);
    }
    new_text(out)
}

pub fn capitalize(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "capitalize")?;
    none("str.capitalize", args, 1)?;
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    if let Some(first) = chars.next() {
        push_title(&mut out, first);
    }
    for c in chars {
        out.extend(c.to_lowercase());
    }
    new_text(out)
}

pub fn swapcase(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "swapcase")?;
    none("str.swapcase", args, 1)?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    new_text(out)
}

pub fn casefold(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "casefold")?;
    none("str.casefold", args, 1)?;
    // Full case folding differs from lower case in a few letters; the common one is ß.
    new_text(s.to_lowercase().replace('ß', "ss"))
}

/// The separator argument of `partition`/`rpartition`.
fn separator<'a>(args: &Args, name: &str) -> PyResult<&'a str> {
    let sep = one(&format!("str.{name}"), args, 1)?;
    let t = arg_text(sep)?.ok_or_else(|| PyErr::type_error(format!("must be str, not {}", type_name(sep))))?;
    if t.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    Ok(t)
}

fn triple(a: &str, b: &str, c: &str) -> PyResult<Value> {
    Ok(tuple::from_vec(vec![strs::new_str(a), strs::new_str(b), strs::new_str(c)]))
}

pub fn partition(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "partition")?;
    let sep = separator(args, "partition")?;
    match s.split_once(sep) {
        Some((head, tail)) => triple(head, sep, tail),
        None => triple(s, "", ""),
    }
}

pub fn rpartition(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "rpartition")?;
    let sep = separator(args, "rpartition")?;
    match s.rsplit_once(sep) {
        Some((head, tail)) => triple(head, sep, tail),
        None => triple("", "", s),
    }
}

/// `s.splitlines(keepends=False)` at every line boundary Python knows.
pub fn splitlines(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "splitlines")?;
    let a = bind("splitlines", args, 1, &["keepends"], 0, 0)?;
    let keep = a[0].is_some_and(truthy);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let is_break = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if !is_break {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
            chars.next();
            end += 1;
        }
        lines.push(strs::new_str(if keep { &s[start..end] } else { &s[start..i] }));
        start = end;
    }
    if start < s.len() {
        lines.push(strs::new_str(&s[start..]));
    }
    Ok(stitch_core::objects::list::from_vec(lines))
}

fn affix_arg<'a>(args: &Args, name: &str) -> PyResult<&'a str> {
    let v = one(&format!("str.{name}"), args, 1)?;
    arg_text(v)?.ok_or_else(|| PyErr::type_error(format!("{name}() argument must be str, not {}", type_name(v))))
}

pub fn removeprefix(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "removeprefix")?;
    let p = affix_arg(args, "removeprefix")?;
    new_text(s.strip_prefix(p).unwrap_or(s).to_string())
}

pub fn removesuffix(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "removesuffix")?;
    let p = affix_arg(args, "removesuffix")?;
    new_text(s.strip_suffix(p).unwrap_or(s).to_string())
}

/// `isupper`/`islower`: some cased character, and none of the other case.
fn case_predicate(args: &Args, name: &str, upper: bool) -> PyResult<Value> {
    let s = text(args, name)?;
    none(&format!("str.{name}"), args, 1)?;
    let mut cased = false;
    for c in s.chars() {
        if (upper && c.is_lowercase()) || (!upper && c.is_uppercase()) {
            return Ok(Value::FALSE);
        }
        cased |= is_cased(c);
    }
    Ok(Value::bool(cased))
}

pub fn isupper(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    case_predicate(args, "isupper", true)
}

pub fn islower(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    case_predicate(args, "islower", false)
}

/// Upper case only after uncased characters, lower case only after cased ones, and
/// some cased character.
pub fn istitle(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "istitle")?;
    none("str.istitle", args, 1)?;
    let (mut previous_cased, mut any) = (false, false);
    for c in s.chars() {
        if c.is_uppercase() {
            if previous_cased {
                return Ok(Value::FALSE);
            }
            previous_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !previous_cased {
                return Ok(Value::FALSE);
            }
            previous_cased = true;
            any = true;
        } else {
            previous_cased = false;
        }
    }
    Ok(Value::bool(any))
}

pub fn isascii(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "isascii")?;
    none("str.isascii", args, 1)?;
    Ok(Value::bool(s.is_ascii()))
}

/// A letter or `_` first, then letters, digits and `_` (Python's XID classes, by the
/// letter and number tables).
pub fn isidentifier(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = text(args, "isidentifier")?;
    none("str.isidentifier", args, 1)?;
    let mut chars = s.chars();
    let ok = match chars.next() {
        Some(c) if c == '_' || in_table(ALPHA, c) => chars.all(|c| c == '_' || in_table(ALPHA, c) || in_table(NUMERIC, c)),
        _ => false,
    };
    Ok(Value::bool(ok))
}

//! `string`: its constants and `capwords`; `Template` is written in Python
//! (`runtime/builtins/python/_stitch_string.py`) and `Formatter` is not provided.

use crate::methods::{str::join, str_shape::capitalize, str_split::split};
use stitch_abi::{KIND_STR, Value};
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::Args;
use stitch_core::objects::list;
use stitch_core::objects::str::new_str;
use stitch_core::vm::Runtime;

const LOWER: &str = "abcdefghijklmnopqrstuvwxyz";
const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &str = "0123456789";
const PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const WHITESPACE: &str = " \t\n\r\x0b\x0c";

pub fn namespace() -> Value {
    let letters = format!("{LOWER}{UPPER}");
    let printable = format!("{DIGITS}{letters}{PUNCTUATION}{WHITESPACE}");
    super::namespace_of(
        &[("capwords", capwords)],
        vec![
            ("ascii_lowercase", new_str(LOWER)),
            ("ascii_uppercase", new_str(UPPER)),
            ("ascii_letters", new_str(&letters)),
            ("digits", new_str(DIGITS)),
            ("hexdigits", new_str("0123456789abcdefABCDEF")),
            ("octdigits", new_str("01234567")),
            ("punctuation", new_str(PUNCTUATION)),
            ("whitespace", new_str(WHITESPACE)),
            ("printable", new_str(&printable)),
        ],
    )
}

/// `capwords(s, sep=None)`: the words of `s` split on `sep` (runs of whitespace by
/// default), each capitalized, joined by `sep` (a space by default).
fn capwords(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let bound = crate::args::bind("capwords", args, 0, &["s", "sep"], 0, 1)?;
    let (s, sep) = (bound[0].unwrap_or(Value::NONE), bound[1].unwrap_or(Value::NONE));
    if !s.is_kind(KIND_STR) {
        // CPython's capwords is Python code that calls `s.split(sep)`.
        let t = stitch_core::ops::types::type_name(s);
        return Err(PyErr::new(ExcKind::AttributeError, format!("'{t}' object has no attribute 'split'")));
    }
    let words = split(rt, &Args { positional: &[s, sep], keywords: &[] })?;
    let words = stitch_core::objects::Owned(words);
    let mut capitalized = Vec::new();
    // SAFETY: split returns a list, kept alive by `words`.
    for &w in unsafe { list::items(words.get().cast()) } {
        match capitalize(rt, &Args { positional: &[w], keywords: &[] }) {
            Ok(c) => capitalized.push(c),
            Err(e) => {
                capitalized.iter().for_each(|c: &Value| c.decref());
                return Err(e);
            }
        }
    }
    let capitalized = stitch_core::objects::Owned(list::from_vec(capitalized));
    let space = stitch_core::objects::Owned(new_str(" "));
    let glue = if sep == Value::NONE { space.get() } else { sep };
    join(rt, &Args { positional: &[glue, capitalized.get()], keywords: &[] })
}

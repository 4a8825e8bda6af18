//! `json.loads`'s scanner, following CPython's C scanner step for step so that each
//! malformed document gets the same message at the same position: the value
//! expected at the deepest point reached is "Expecting value", a missing delimiter is
//! reported where it should have been, a string's errors at its opening quote or at
//! the bad character. Positions are counted in characters, as CPython counts them.

use stitch_abi::Value;
use stitch_core::errors::PyErr;
use stitch_core::objects::builtin::Args;
use stitch_core::objects::{Owned, bigint, dict, list, str as strs};
use stitch_core::ops::{call, depth};
use stitch_core::vm::Runtime;

/// A decoding error: CPython's message and the byte offset it points at.
pub enum Fail {
    At(&'static str, usize),
    Py(PyErr),
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Fail {
        Fail::Py(e)
    }
}

pub struct Scanner<'a> {
    pub s: &'a [u8],
    pub text: &'a str,
    pub strict: bool,
    /// Called on each object decoded (borrowed); its result replaces the dict.
    pub object_hook: Option<Value>,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl Scanner<'_> {
    pub fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.s.len() && is_ws(self.s[i]) {
            i += 1;
        }
        i
    }

    fn at(&self, i: usize) -> Option<u8> {
        self.s.get(i).copied()
    }

    /// The value starting at `i` and the offset after it (a new reference).
    pub fn value(&self, rt: &mut Runtime, i: usize) -> Result<(Value, usize), Fail> {
        let Some(c) = self.at(i) else { return Err(Fail::At("Expecting value", i)) };
        let word = |w: &str, v: Value| -> Result<(Value, usize), Fail> {
            if self.s[i..].starts_with(w.as_bytes()) { Ok((v, i + w.len())) } else { Err(Fail::At("Expecting value", i)) }
        };
        match c {
            b'"' => {
                let (text, end) = self.string(i + 1)?;
                Ok((strs::from_string(text), end))
            }
            b'{' => {
                let _level = depth::enter(" while decoding a JSON object from a unicode string")?;
                self.object(rt, i + 1)
            }
            b'[' => {
                let _level = depth::enter(" while decoding a JSON array from a unicode string")?;
                self.array(rt, i + 1)
            }
            b'n' => word("null", Value::NONE),
            b't' => word("true", Value::TRUE),
            b'f' => word("false", Value::FALSE),
            b'N' => word("NaN", Value::float(f64::NAN)),
            b'I' => word("Infinity", Value::float(f64::INFINITY)),
            b'-' if self.s[i..].starts_with(b"-Infinity") => Ok((Value::float(f64::NEG_INFINITY), i + 9)),
            _ => self.number(i),
        }
    }

    fn number(&self, start: usize) -> Result<(Value, usize), Fail> {
        let mut i = start;
        if self.at(i) == Some(b'-') {
            i += 1;
        }
        match self.at(i) {
            Some(b'1'..=b'9') => {
                while matches!(self.at(i), Some(b'0'..=b'9')) {
                    i += 1;
                }
            }
            Some(b'0') => i += 1,
            _ => return Err(Fail::At("Expecting value", start)),
        }
        let mut is_float = false;
        if self.at(i) == Some(b'.') && matches!(self.at(i + 1), Some(b'0'..=b'9')) {
            is_float = true;
            i += 1;
            while matches!(self.at(i), Some(b'0'..=b'9')) {
                i += 1;
            }
        }
        if matches!(self.at(i), Some(b'e' | b'E')) {
            let mut j = i + 1;
            if matches!(self.at(j), Some(b'+' | b'-')) {
                j += 1;
            }
            if matches!(self.at(j), Some(b'0'..=b'9')) {
                while matches!(self.at(j), Some(b'0'..=b'9')) {
                    j += 1;
                }
                is_float = true;
                i = j;
            }
        }
        let text = &self.text[start..i];
        let v = if is_float {
            // Rust's parse rounds correctly, as CPython's float() does.
            Value::float(text.parse::<f64>().unwrap_or(f64::NAN))
        } else {
            match text.parse::<i64>() {
                Ok(n) => bigint::from_i64(n),
                Err(_) => {
                    if text.len() > 4300 {
                        return Err(Fail::Py(PyErr::unsupported("a JSON integer of more than 4300 digits")));
                    }
                    let b = stitch_core::format::parse_int(text, 10)
                        .map_err(|_| PyErr::value_error("invalid JSON number"))?;
                    bigint::from_bigint(b)
                }
            }
        };
        Ok((v, i))
    }

    /// The string whose text starts at `i` (after the quote), and the offset after
    /// its closing quote.
    pub fn string(&self, i: usize) -> Result<(String, usize), Fail> {
        let begin = i - 1;
        let mut out = String::new();
        let mut j = i;
        loop {
            // The run of plain characters.
            let run = j;
            while j < self.s.len() && self.s[j] != b'"' && self.s[j] != b'\\' && (!self.strict || self.s[j] >= 0x20) {
                j += 1;
            }
            out.push_str(&self.text[run..j]);
            match self.at(j) {
                None => return Err(Fail::At("Unterminated string starting at", begin)),
                Some(b'"') => return Ok((out, j + 1)),
                Some(b'\\') => {}
                Some(_) => return Err(Fail::At("Invalid control character at", j)),
            }
            j += 1;
            let Some(e) = self.at(j) else { return Err(Fail::At("Unterminated string starting at", begin)) };
            j += 1;
            match e {
                b'"' => out.push('"'),
                b'\\' => out.push('\\'),
                b'/' => out.push('/'),
                b'b' => out.push('\u{8}'),
                b'f' => out.push('\u{c}'),
                b'n' => out.push('\n'),
                b'r' => out.push('\r'),
                b't' => out.push('\t'),
                b'u' => {
                    let u = self.hex4(j).ok_or(Fail::At("Invalid \\uXXXX escape", j - 1))?;
                    j += 4;
                    let mut code = u;
                    if (0xd800..0xdc00).contains(&u) && self.s[j..].starts_with(b"\\u") {
                        let low = self.hex4(j + 2).ok_or(Fail::At("Invalid \\uXXXX escape", j + 1))?;
                        if (0xdc00..0xe000).contains(&low) {
                            code = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00);
                            j += 6;
                        }
                    }
                    match char::from_u32(code) {
                        Some(c) => out.push(c),
                        None => return Err(Fail::Py(PyErr::unsupported("a str holding a lone surrogate (from a JSON \\u escape)"))),
                    }
                }
                _ => return Err(Fail::At("Invalid \\escape", j - 2)),
            }
        }
    }

    fn hex4(&self, i: usize) -> Option<u32> {
        let digits = self.s.get(i..i + 4)?;
        let text = std::str::from_utf8(digits).ok()?;
        if !digits.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        u32::from_str_radix(text, 16).ok()
    }

    fn array(&self, rt: &mut Runtime, i: usize) -> Result<(Value, usize), Fail> {
        let l = Owned(list::from_vec(Vec::new()));
        let mut i = self.skip_ws(i);
        if self.at(i) != Some(b']') {
            loop {
                let (v, next) = self.value(rt, i)?;
                // SAFETY: `l` is the live list made above; `v` is a new reference.
                unsafe { list::push(l.get().cast(), v) };
                i = self.skip_ws(next);
                if self.at(i) == Some(b']') {
                    break;
                }
                if self.at(i) != Some(b',') {
                    return Err(Fail::At("Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        Ok((l.into_raw(), i + 1))
    }

    fn object(&self, rt: &mut Runtime, i: usize) -> Result<(Value, usize), Fail> {
        let d = Owned(dict::new_dict());
        let mut i = self.skip_ws(i);
        if self.at(i) != Some(b'}') {
            loop {
                if self.at(i) != Some(b'"') {
                    return Err(Fail::At("Expecting property name enclosed in double quotes", i));
                }
                let (key, next) = self.string(i + 1)?;
                i = self.skip_ws(next);
                if self.at(i) != Some(b':') {
                    return Err(Fail::At("Expecting ':' delimiter", i));
                }
                i = self.skip_ws(i + 1);
                let (v, next) = self.value(rt, i)?;
                let k = Owned(strs::from_string(key));
                let v = Owned(v);
                stitch_core::ops::setitem(d.get(), k.get(), v.get())?;
                i = self.skip_ws(next);
                if self.at(i) == Some(b'}') {
                    break;
                }
                if self.at(i) != Some(b',') {
                    return Err(Fail::At("Expecting ',' delimiter", i));
                }
                i = self.skip_ws(i + 1);
            }
        }
        match self.object_hook {
            Some(hook) => Ok((call::call(rt, hook, &Args { positional: &[d.get()], keywords: &[] })?, i + 1)),
            None => Ok((d.into_raw(), i + 1)),
        }
    }
}

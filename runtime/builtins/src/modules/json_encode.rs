//! `json.dumps`'s encoder: the text CPython's encoders write, byte for byte. Without
//! `indent` CPython runs its C encoder, with it the pure-Python one; they differ only
//! in the default item separator and in the RecursionError's wording, both kept here.

use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::format::float_repr;
use stitch_core::objects::builtin::Args;
use stitch_core::objects::{Owned, dict, kind, list, str as strs, tuple};
use stitch_core::ops::types::type_name;
use stitch_core::ops::{call, depth};
use stitch_core::vm::Runtime;

pub struct Options {
    pub skipkeys: bool,
    pub ensure_ascii: bool,
    pub check_circular: bool,
    pub allow_nan: bool,
    /// The text of one level of indentation; None writes everything on one line.
    pub indent: Option<String>,
    pub item_sep: String,
    pub key_sep: String,
    /// Called on what is not JSON (borrowed); None raises TypeError.
    pub default: Option<Value>,
    pub sort_keys: bool,
}

pub struct Encoder<'a> {
    pub opts: &'a Options,
    pub out: String,
    /// The containers being written (their addresses), for "Circular reference
    /// detected".
    markers: Vec<u64>,
}

impl<'a> Encoder<'a> {
    pub fn new(opts: &'a Options) -> Encoder<'a> {
        Encoder { opts, out: String::new(), markers: Vec::new() }
    }

    fn recursion_text(&self) -> &'static str {
        if self.opts.indent.is_some() { " while calling a Python object" } else { " while encoding a JSON object" }
    }

    fn enter_marker(&mut self, v: Value) -> PyResult<()> {
        if self.opts.check_circular {
            if self.markers.contains(&v.0) {
                return Err(PyErr::value_error("Circular reference detected"));
            }
            self.markers.push(v.0);
        }
        Ok(())
    }

    fn leave_marker(&mut self) {
        if self.opts.check_circular {
            self.markers.pop();
        }
    }

    fn float(&mut self, f: f64) -> PyResult<()> {
        let text = float_text(f, self.opts.allow_nan)?;
        self.out.push_str(&text);
        Ok(())
    }

    fn newline(&mut self, level: usize) {
        if let Some(ind) = &self.opts.indent {
            self.out.push('\n');
            for _ in 0..level {
                self.out.push_str(ind);
            }
        }
    }

    /// Writes `v` (borrowed) at nesting `level`.
    pub fn encode(&mut self, rt: &mut Runtime, v: Value, level: usize) -> PyResult<()> {
        if v == Value::NONE {
            self.out.push_str("null");
        } else if v == Value::TRUE {
            self.out.push_str("true");
        } else if v == Value::FALSE {
            self.out.push_str("false");
        } else if v.is_int() {
            self.out.push_str(&v.as_int().to_string());
        } else if v.is_float() {
            self.float(v.as_float())?;
        } else {
            match kind(v) {
                KIND_STR => {
                    // SAFETY: the kind was checked.
                    let text = unsafe { strs::text(v) }?;
                    write_string(&mut self.out, text, self.opts.ensure_ascii);
                }
                // The digits of the value, as int.__repr__ (an IntEnum member's repr differs).
                KIND_BIGINT => match stitch_core::ops::num::as_int(v) {
                    Some(i) => self.out.push_str(&stitch_core::ops::int::to_decimal(i)?),
                    None => self.out.push_str(&stitch_core::ops::repr(v)?),
                },
                KIND_LIST | KIND_TUPLE => self.array(rt, v, level)?,
                KIND_DICT => self.object(rt, v, level)?,
                _ => self.other(rt, v, level)?,
            }
        }
        Ok(())
    }

    fn array(&mut self, rt: &mut Runtime, v: Value, level: usize) -> PyResult<()> {
        // The items are held while they are written: `default` may change the list.
        // SAFETY: the kind was checked by the caller.
        let items: Vec<Owned> = unsafe {
            if v.is_kind(KIND_LIST) { list::items(v.cast()) } else { tuple::items(v.cast()) }
        }
        .iter()
        .map(|&i| Owned::new_ref(i))
        .collect();
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        let _level = depth::enter(self.recursion_text())?;
        self.enter_marker(v)?;
        self.out.push('[');
        self.newline(level + 1);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(&self.opts.item_sep);
                self.newline(level + 1);
            }
            self.encode(rt, item.get(), level + 1)?;
        }
        self.newline(level);
        self.out.push(']');
        self.leave_marker();
        Ok(())
    }

    fn object(&mut self, rt: &mut Runtime, v: Value, level: usize) -> PyResult<()> {
        // SAFETY: the kind was checked by the caller.
        let mut entries: Vec<(Owned, Owned)> =
            unsafe { dict::entries(v.cast()) }.map(|e| (Owned::new_ref(e.key), Owned::new_ref(e.value))).collect();
        if entries.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        let _level = depth::enter(self.recursion_text())?;
        self.enter_marker(v)?;
        if self.opts.sort_keys {
            let mut order: Vec<Value> = (0..entries.len() as i64).map(Value::int).collect();
            let mut keys: Vec<Value> = entries.iter().map(|(k, _)| k.get()).collect();
            crate::sort::sort(&mut order, Some(&mut keys), false)?;
            let mut slots: Vec<Option<(Owned, Owned)>> = entries.into_iter().map(Some).collect();
            entries = order.iter().filter_map(|i| slots[i.as_int() as usize].take()).collect();
        }
        self.out.push('{');
        self.newline(level + 1);
        let mut first = true;
        for (k, val) in &entries {
            let Some(key) = key_text(k.get(), self.opts)? else { continue };
            if !first {
                self.out.push_str(&self.opts.item_sep);
                self.newline(level + 1);
            }
            first = false;
            write_string(&mut self.out, &key, self.opts.ensure_ascii);
            self.out.push_str(&self.opts.key_sep);
            self.encode(rt, val.get(), level + 1)?;
        }
        self.newline(level);
        self.out.push('}');
        self.leave_marker();
        Ok(())
    }

    /// What is not JSON: `default`'s result in its place, or CPython's TypeError.
    fn other(&mut self, rt: &mut Runtime, v: Value, level: usize) -> PyResult<()> {
        let Some(f) = self.opts.default else {
            return Err(PyErr::type_error(format!("Object of type {} is not JSON serializable", type_name(v))));
        };
        let _level = depth::enter(self.recursion_text())?;
        self.enter_marker(v)?;
        let r = Owned(call::call(rt, f, &Args { positional: &[v], keywords: &[] })?);
        self.encode(rt, r.get(), level)?;
        self.leave_marker();
        Ok(())
    }
}

fn float_text(f: f64, allow_nan: bool) -> PyResult<String> {
    if f.is_finite() {
        return Ok(float_repr(f));
    }
    if !allow_nan {
        return Err(PyErr::value_error("Out of range float values are not JSON compliant"));
    }
    Ok(if f.is_nan() {
        "NaN"
    } else if f > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    }
    .to_string())
}

/// The text an object key becomes, or None for a key `skipkeys` leaves out.
fn key_text(k: Value, opts: &Options) -> PyResult<Option<String>> {
    Ok(Some(if k.is_kind(KIND_STR) {
        // SAFETY: the kind was checked.
        unsafe { strs::text(k) }?.to_string()
    } else if k == Value::TRUE {
        "true".into()
    } else if k == Value::FALSE {
        "false".into()
    } else if k == Value::NONE {
        "null".into()
    } else if k.is_int() || k.is_kind(KIND_BIGINT) {
        stitch_core::ops::repr(k)?
    } else if k.is_float() {
        float_text(k.as_float(), opts.allow_nan)?
    } else if opts.skipkeys {
        return Ok(None);
    } else {
        return Err(PyErr::type_error(format!("keys must be str, int, float, bool or None, not {}", type_name(k))));
    }))
}

/// A JSON string literal: `"`, `\` and the control characters escaped, and with
/// `ensure_ascii` everything outside printable ASCII as `\uXXXX` (UTF-16 pairs above
/// the BMP).
pub fn write_string(out: &mut String, s: &str, ensure_ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ensure_ascii && (c as u32) > 0x7e => {
                let mut units = [0u16; 2];
                for u in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{:04x}", u));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

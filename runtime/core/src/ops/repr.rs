//! `repr(v)` and `str(v)`, byte for byte as CPython prints them.

use super::int;
use super::types::type_name;
use super::unicode_tables::{NON_PRINTABLE, in_table};
use stitch_abi::*;
use crate::errors::{ExcKind, PyErr, PyResult};
use crate::objects::builtin::{BoundMethod, Builtin, TypeObject};
use crate::objects::iter::{DictPart, IterState, is_dict_view, state_mut};
use crate::objects::slice::Slice;
use crate::objects::{self, code, dict, kind, list, range::Range, tuple};
use std::cell::RefCell;
use std::fmt::Write;

/// Deepest nesting of containers repr descends into (CPython's recursion limit).
const MAX_DEPTH: usize = 1000;

thread_local! {
    /// Containers whose repr is being built: a container met again inside itself
    /// prints as `[...]` (CPython's `Py_ReprEnter`).
    static IN_PROGRESS: RefCell<Vec<u64>> = const { RefCell::new(Vec::new()) };
}

/// `str(v)`: the text of a str, the repr of everything else.
pub fn str(v: Value) -> PyResult<String> {
    if v.is_kind(KIND_STR) {
        if let Some(r) = crate::builtin_subclasses::text_method(v, "__str__") {
            return r;
        }
        // SAFETY: the kind was checked.
        return unsafe { objects::str::text(v) }.map(str::to_string);
    }
    if v.is_kind(stitch_abi::KIND_EXCEPTION) {
        return crate::exceptions::str_of(v);
    }
    if v.is_kind(stitch_abi::KIND_INSTANCE) {
        return crate::classes::instance_str(v);
    }
    if let Some(r) = crate::builtin_subclasses::text_method(v, "__str__") {
        return r;
    }
    if let Some(r) = crate::metaclass::text(v, "__str__") {
        return r;
    }
    repr(v)
}

/// The repr a plain dict with `d`'s items has (`{'a': 1}`), for the reprs of the
/// dict subclasses.
pub fn dict_items_repr(d: Value) -> PyResult<String> {
    let mut out = String::new();
    // SAFETY: callers pass dicts.
    unsafe { write_dict(&mut out, d.cast())? };
    Ok(out)
}

/// `repr(v)`.
pub fn repr(v: Value) -> PyResult<String> {
    let mut out = String::new();
    write_repr(&mut out, v)?;
    Ok(out)
}

/// `ascii(v)`: the repr with its non-ASCII characters escaped.
pub fn ascii(v: Value) -> PyResult<String> {
    Ok(escape_non_ascii(&repr(v)?))
}

/// A repr with its non-ASCII characters escaped as `\\x`, `\\u` or `\\U`.
fn escape_non_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let n = c as u32;
        let _ = match n {
            0..=0x7f => {
                out.push(c);
                Ok(())
            }
            0x80..=0xff => write!(out, "\\x{n:02x}"),
            0x100..=0xffff => write!(out, "\\u{n:04x}"),
            _ => write!(out, "\\U{n:08x}"),
        };
    }
    out
}

/// Appends `repr(v)` to `out`.
pub fn write_repr(out: &mut String, v: Value) -> PyResult<()> {
    if v.is_float() {
        out.push_str(&crate::format::float_repr(v.as_float()));
        return Ok(());
    }
    if v.is_int() {
        let _ = write!(out, "{}", v.as_int());
        return Ok(());
    }
    if v == Value::TRUE || v == Value::FALSE || v == Value::NONE {
        out.push_str(match v {
            Value::TRUE => "True",
            Value::FALSE => "False",
            _ => "None",
        });
        return Ok(());
    }
    if !v.is_object() {
        out.push_str("<NULL>");
        return Ok(());
    }
    if let Some(r) = crate::builtin_subclasses::text_method(v, "__repr__") {
        out.push_str(&r?);
        return Ok(());
    }
    // SAFETY: each arm reads the layout of the kind it matched.
    unsafe {
        match kind(v) {
            KIND_STR => write_str_repr(out, objects::str::as_str(v)),
            KIND_BYTES | KIND_BYTEARRAY => out.push_str(&objects::bytes::repr_value(v)),
            KIND_COMPLEX => {
                let (re, im) = objects::complex::parts(v).unwrap_or_default();
                out.push_str(&crate::format::complex_repr(re, im));
            }
            stitch_abi::KIND_EXCEPTION => out.push_str(&crate::exceptions::repr_of(v)?),
            KIND_BIGINT => out.push_str(&int::to_decimal(super::num::as_int(v).expect("a heap int is an int"))?),
            KIND_LIST => guarded(out, v, "[...]", |out| write_items(out, "[", list::items(v.cast()), "]"))?,
            // A struct sequence (`sys.version_info`); a class deriving from tuple without
            // its own `__repr__` has tuple's.
            KIND_TUPLE if let Some(r) = objects::subclass::behaviour(v).and_then(|b| b.dict_repr(v)) => guarded(out, v, "...", |out| {
                out.push_str(&r?);
                Ok(())
            })?,
            KIND_TUPLE => guarded(out, v, "(...)", |out| {
                let items = tuple::items(v.cast());
                if items.len() == 1 {
                    write_items(out, "(", items, ",)")
                } else {
                    write_items(out, "(", items, ")")
                }
            })?,
            KIND_DICT if let Some(b) = objects::subclass::behaviour(v) => guarded(out, v, "...", |out| {
                match b.dict_repr(v) {
                    Some(r) => out.push_str(&r?),
                    None => write_dict(out, v.cast())?,
                }
                Ok(())
            })?,
            KIND_DICT => guarded(out, v, "{...}", |out| write_dict(out, v.cast()))?,
            KIND_SET | KIND_FROZENSET => write_set(out, v)?,
            KIND_RANGE => {
                let r = &*v.cast::<Range>();
                if r.step == 1 {
                    let _ = write!(out, "range({}, {})", r.start, r.stop);
                } else {
                    let _ = write!(out, "range({}, {}, {})", r.start, r.stop, r.step);
                }
            }
            KIND_SLICE => {
                let s = &*v.cast::<Slice>();
                out.push_str("slice(");
                write_repr(out, s.start)?;
                out.push_str(", ");
                write_repr(out, s.stop)?;
                out.push_str(", ");
                write_repr(out, s.step)?;
                out.push(')');
            }
            KIND_FUNCTION => {
                let name = (*v.cast::<Function>()).qualname;
                let _ = write!(out, "<function {} at {:#x}>", objects::str::as_str(name).display(), address(v));
            }
            KIND_CELL => {
                let inner = (*v.cast::<stitch_abi::Cell>()).value;
                if inner.is_null() {
                    let _ = write!(out, "<cell at {:#x}: empty>", address(v));
                } else {
                    let _ = write!(out, "<cell at {:#x}: {} object at {:#x}>", address(v), super::types::type_name(inner), address(inner));
                }
            }
            KIND_GENERATOR => {
                let name = objects::generator::qualname(objects::generator::as_generator(v));
                let what = if objects::generator::is_coroutine(v) { "coroutine" } else { "generator" };
                let _ = write!(out, "<{what} object {name} at {:#x}>", address(v));
            }
            KIND_BUILTIN if objects::builtin::is_hint_placeholder(v) => {
                return Err(PyErr::unsupported("the repr of a type hint"));
            }
            KIND_BUILTIN => {
                let b = &*v.cast::<Builtin>();
                match b.owner {
                    Some(owner) => {
                        let _ = write!(out, "<method '{}' of '{owner}' objects>", b.name);
                    }
                    None => {
                        let _ = write!(out, "<built-in function {}>", b.name);
                    }
                }
            }
            KIND_BOUND_METHOD if (*v.cast::<BoundMethod>()).func.is_kind(KIND_FUNCTION) => {
                out.push_str(&crate::classes::bound_method_repr(&*v.cast::<BoundMethod>())?)
            }
            stitch_abi::KIND_INSTANCE => out.push_str(&crate::classes::instance_repr(v)?),
            stitch_abi::KIND_CLASS if crate::enums::is_enum_class(v) => out.push_str(&crate::enums::class_repr(v)),
            stitch_abi::KIND_CLASS if let Some(r) = crate::metaclass::text(v, "__repr__") => out.push_str(&r?),
            stitch_abi::KIND_CLASS => {
                let _ = write!(out, "<class '{}'>", crate::classes::full_name(v));
            }
            KIND_BOUND_METHOD => {
                let m = &*v.cast::<BoundMethod>();
                let name = if m.func.is_kind(KIND_BUILTIN) { (*m.func.cast::<Builtin>()).name } else { "?" };
                let _ = write!(
                    out,
                    "<built-in method {name} of {} object at {:#x}>",
                    type_name(m.receiver),
                    address(m.receiver)
                );
            }
            KIND_TYPE => {
                let t = &*v.cast::<TypeObject>();
                match t.id {
                    // A library type: its qualified name (`collections.deque`).
                    objects::builtin::TypeId::Native(qualified) => {
                        let _ = write!(out, "<class '{qualified}'>");
                    }
                    _ => {
                        let _ = write!(out, "<class '{}'>", t.name);
                    }
                }
            }
            KIND_CODE => {
                let c = code::as_code(v);
                let _ = write!(
                    out,
                    "<code object {} at {:#x}, file \"{}\", line {}>",
                    c.name,
                    address(v),
                    c.filename,
                    c.firstlineno
                );
            }
            KIND_DICT_ITER if is_dict_view(v) => write_view(out, v)?,
            KIND_MODULE => {
                // CPython names the file a module came from, which depends on the
                // installation, except for the modules built into its binary.
                let name = objects::module::name(v);
                if !matches!(name, "sys" | "time" | "itertools" | "builtins") {
                    return Err(PyErr::unsupported(format!("the repr of module '{name}'")));
                }
                let _ = write!(out, "<module '{name}' (built-in)>");
            }
            KIND_NATIVE if let Some(r) = objects::native::get(v).and_then(|n| n.repr()) => out.push_str(&r?),
            _ => {
                let _ = write!(out, "<{} object at {:#x}>", type_name(v), address(v));
            }
        }
    }
    Ok(())
}

fn address(v: Value) -> u64 {
    v.object() as usize as u64
}

/// Runs `body` unless `v` is already being printed further out (then `cycle` is
/// printed) or containers are nested too deeply.
fn guarded(out: &mut String, v: Value, cycle: &str, body: impl FnOnce(&mut String) -> PyResult<()>) -> PyResult<()> {
    let key = v.0;
    let state = IN_PROGRESS.with(|s| {
        let mut s = s.borrow_mut();
        if s.contains(&key) {
            Some(true)
        } else if s.len() >= MAX_DEPTH {
            None
        } else {
            s.push(key);
            Some(false)
        }
    });
    match state {
        None => Err(PyErr::new(ExcKind::RecursionError, "maximum recursion depth exceeded while getting the repr of an object")),
        Some(true) => {
            out.push_str(cycle);
            Ok(())
        }
        Some(false) => {
            let r = body(out);
            IN_PROGRESS.with(|s| s.borrow_mut().pop());
            r
        }
    }
}

fn write_items(out: &mut String, open: &str, items: &[Value], close: &str) -> PyResult<()> {
    out.push_str(open);
    for (i, &item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_repr(out, item)?;
    }
    out.push_str(close);
    Ok(())
}

/// # Safety
/// `d` is a live dict.
unsafe fn write_dict(out: &mut String, d: *mut Dict) -> PyResult<()> {
    out.push('{');
    // SAFETY: repr does not mutate the dict.
    for (i, e) in unsafe { dict::entries(d) }.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write_repr(out, e.key)?;
        out.push_str(": ");
        write_repr(out, e.value)?;
    }
    out.push('}');
    Ok(())
}

/// `dict_keys(['a'])`, `dict_values([1])`, `dict_items([('a', 1)])`.
///
/// # Safety
/// `v` is a live dict view.
unsafe fn write_view(out: &mut String, v: Value) -> PyResult<()> {
    // SAFETY: views are `Iter` objects holding a live dict.
    let (d, part) = match unsafe { state_mut(v) } {
        IterState::Dict { dict, part, .. } => (dict.get(), *part),
        _ => return Ok(()),
    };
    out.push_str(type_name(v));
    out.push_str("([");
    // SAFETY: repr does not mutate the dict.
    for (i, e) in unsafe { dict::entries(d.cast()) }.enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        match part {
            DictPart::Keys => write_repr(out, e.key)?,
            DictPart::Values => write_repr(out, e.value)?,
            DictPart::Items => {
                out.push('(');
                write_repr(out, e.key)?;
                out.push_str(", ");
                write_repr(out, e.value)?;
                out.push(')');
            }
        }
    }
    out.push_str("])");
    Ok(())
}

/// The repr of a str: single quotes unless the text has a single quote and no double
/// quote; backslash escapes for the quote, backslash, \t \n \r, and every character
/// Python does not consider printable.
pub fn str_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    write_repr_of(&mut out, s.as_bytes(), Some(s));
    out
}

/// str's own repr of a str (`str.__repr__(s)`), whatever class it is an instance of.
pub fn plain_str_repr(s: &objects::str::Str) -> String {
    let mut out = String::new();
    write_str_repr(&mut out, s);
    out
}

fn write_str_repr(out: &mut String, s: &objects::str::Str) {
    write_repr_of(out, s.bytes(), s.text().ok());
}

/// The repr of generalized UTF-8 `b`, whose `text` it is unless it holds a surrogate.
fn write_repr_of(out: &mut String, b: &[u8], text: Option<&str>) {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    out.push(quote);
    match text {
        Some(text) => text.chars().for_each(|c| push_repr_char(out, c, quote)),
        // A lone surrogate is not printable: escaped as `\ud800`.
        None => objects::wtf8::code_points(b).for_each(|(_, cp)| match char::from_u32(cp) {
            Some(c) => push_repr_char(out, c, quote),
            None => {
                let _ = write!(out, "\\u{cp:04x}");
            }
        }),
    }
    out.push(quote);
}

fn push_repr_char(out: &mut String, c: char, quote: char) {
    {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c if in_table(NON_PRINTABLE, c) => {
                let n = c as u32;
                let _ = if n < 0x100 {
                    write!(out, "\\x{n:02x}")
                } else if n < 0x10000 {
                    write!(out, "\\u{n:04x}")
                } else {
                    write!(out, "\\U{n:08x}")
                };
            }
            c => out.push(c),
        }
    }
}

/// `{1, 2}`, `set()`, `frozenset({1, 2})`, `frozenset()`: the items in table order.
fn write_set(out: &mut String, v: Value) -> PyResult<()> {
    let frozen = v.is_kind(KIND_FROZENSET);
    // SAFETY: a live set; the keys are held while their reprs run.
    let keys: Vec<crate::objects::Owned> =
        unsafe { crate::objects::set::entries(v.cast()) }.iter().map(|e| crate::objects::Owned::new_ref(e.key)).collect();
    let name = if frozen { "frozenset" } else { "set" };
    if keys.is_empty() {
        out.push_str(name);
        out.push_str("()");
        return Ok(());
    }
    let items: Vec<Value> = keys.iter().map(crate::objects::Owned::get).collect();
    guarded(out, v, &format!("{name}(...)"), |out| {
        if frozen {
            out.push_str("frozenset(");
        }
        let r = write_items(out, "{", &items, "}");
        if frozen {
            out.push(')');
        }
        r
    })
}

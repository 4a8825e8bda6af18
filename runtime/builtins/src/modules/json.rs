//! `json`: `dumps`/`loads`, and `dump`/`load` through a file-like object's `write`
//! and `read`. The encoder and the scanner (`json_encode`, `json_decode`) write and
//! read what CPython's do, with its errors; `JSONDecodeError` is a class deriving
//! from ValueError, as CPython's `json.decoder.JSONDecodeError`, with its `msg`,
//! `doc`, `pos`, `lineno` and `colno`. `cls=` hands the work to a JSONEncoder or
//! JSONDecoder subclass (`python/_stitch_json.py`). The hooks that replace the
//! decoder's parsing (`parse_float`, `object_pairs_hook`, ...) are outside the subset.

use super::json_decode::{Fail, Scanner};
use super::json_encode::{Encoder, Options};
use crate::args::bind;
use stitch_abi::*;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::{Owned, str as strs, tuple};
use stitch_core::ops::{call, truthy, types::type_name};
use stitch_core::vm::Runtime;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[("dumps", dumps), ("loads", loads), ("dump", dump), ("load", load)];

thread_local! {
    /// The JSONDecodeError class, made with the module's first namespace and kept for
    /// the rest of the run (the scanner raises it).
    static DECODE_ERROR: std::cell::Cell<Option<Value>> = const { std::cell::Cell::new(None) };
}

pub fn namespace() -> Value {
    let cls = decode_error_class();
    cls.incref();
    super::namespace_of(FUNCTIONS, vec![("JSONDecodeError", cls)])
}

/// The JSONDecodeError class (borrowed; it lives as long as the thread).
fn decode_error_class() -> Value {
    if let Some(c) = DECODE_ERROR.with(|c| c.get()) {
        return c;
    }
    let base = stitch_core::exceptions::type_object(ExcKind::ValueError);
    base.incref();
    let bases = Owned(tuple::from_vec(vec![base]));
    let ns = Owned(super::namespace_of(&[], vec![("__module__", strs::new_str("json.decoder"))]));
    let cls = stitch_core::classes::build_class("JSONDecodeError", bases.get(), ns.get())
        .expect("a class deriving from ValueError alone builds");
    DECODE_ERROR.with(|c| c.set(Some(cls)));
    cls
}

/// CPython's `JSONDecodeError(msg, doc, pos)`, `pos` a byte offset into `doc`.
fn decode_error(msg: &str, doc: Value, text: &str, pos: usize) -> PyErr {
    let before = &text[..pos];
    let chars = before.chars().count();
    let lineno = before.matches('\n').count() + 1;
    let colno = match before.rfind('\n') {
        Some(nl) => before[nl + 1..].chars().count() + 1,
        None => chars + 1,
    };
    let full = format!("{msg}: line {lineno} column {colno} (char {chars})");
    let e = stitch_core::objects::exception::new_exception(ExcKind::ValueError, tuple::from_vec(vec![strs::new_str(&full)]));
    let cls = decode_error_class();
    cls.incref();
    // SAFETY: a new exception object; its class slot held no class.
    let old = std::mem::replace(&mut unsafe { stitch_core::objects::exception::as_exception(e) }.class, cls);
    old.decref();
    let attrs = [
        ("msg", Owned(strs::new_str(msg))),
        ("doc", Owned::new_ref(doc)),
        ("pos", Owned(Value::int(chars as i64))),
        ("lineno", Owned(Value::int(lineno as i64))),
        ("colno", Owned(Value::int(colno as i64))),
    ];
    for (name, v) in &attrs {
        // Attributes of an exception object always take plain names.
        let _ = stitch_core::classes::exception_setattr(e, name, v.get());
    }
    stitch_core::exceptions::to_err(e)
}

fn flag(v: Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => Ok(truthy(v)),
        None => Ok(default),
    }
}

fn refuse_given(name: &str, v: Option<Value>) -> PyResult<()> {
    match v {
        Some(v) if v != Value::NONE => Err(PyErr::unsupported(format!("json's {name} argument"))),
        _ => Ok(()),
    }
}

const DUMPS_PARAMS: &[&str] =
    &["obj", "skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent", "separators", "default", "sort_keys"];

/// The encoder's options from `dumps`' keyword arguments (`p` from `bind`, the object first).
fn options(p: &[Option<Value>]) -> PyResult<Options> {
    let indent = match p[6] {
        None => None,
        Some(v) if v == Value::NONE => None,
        Some(v) if v.is_kind(KIND_STR) => {
            // SAFETY: the kind was checked.
            Some(unsafe { strs::text(v) }?.to_string())
        }
        Some(v) if v.is_int() && !v.is_bool() => Some(" ".repeat(v.as_int().max(0) as usize)),
        Some(v) => return Err(PyErr::unsupported(format!("json indent of type {}", type_name(v)))),
    };
    let (mut item_sep, mut key_sep) = (if indent.is_some() { "," } else { ", " }.to_string(), ": ".to_string());
    if let Some(s) = p[7].filter(|&s| s != Value::NONE) {
        let parts = stitch_core::ops::unpack(s, 2)?;
        let parts: Vec<Owned> = parts.into_iter().map(Owned).collect();
        let text = |v: &Owned| -> PyResult<String> {
            if v.get().is_kind(KIND_STR) {
                // SAFETY: the kind was checked.
                Ok(unsafe { strs::text(v.get()) }?.to_string())
            } else {
                Err(PyErr::type_error(format!("make_encoder() argument 6 must be str, not {}", type_name(v.get()))))
            }
        };
        item_sep = text(&parts[0])?;
        key_sep = text(&parts[1])?;
    }
    Ok(Options {
        skipkeys: flag(p[1], false)?,
        ensure_ascii: flag(p[2], true)?,
        check_circular: flag(p[3], true)?,
        allow_nan: flag(p[4], true)?,
        indent,
        item_sep,
        key_sep,
        default: p[8].filter(|&d| d != Value::NONE),
        sort_keys: flag(p[9], false)?,
    })
}

fn encode(rt: &mut Runtime, obj: Value, opts: &Options) -> PyResult<String> {
    let mut e = Encoder::new(opts);
    e.encode(rt, obj, 0)?;
    Ok(e.out)
}

fn dumps(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("dumps", args, 0, DUMPS_PARAMS, 0, 1)?;
    if args.positional.len() > 1 {
        return Err(PyErr::type_error(format!("dumps() takes 1 positional argument but {} were given", args.positional.len())));
    }
    if let Some(cls) = p[5].filter(|&c| c != Value::NONE) {
        return with_class(rt, cls, "encode", p[0].unwrap_or(Value::NONE), args, &["obj"]);
    }
    let opts = options(&p)?;
    Ok(strs::from_string(encode(rt, p[0].unwrap_or(Value::NONE), &opts)?))
}

/// `dumps(obj, cls=C, **kw)` and `loads(s, cls=C, **kw)`: `C(**kw).method(arg)`, with
/// the call's keywords other than `cls` and those naming the arguments (`skip`).
fn with_class(rt: &mut Runtime, cls: Value, method: &str, arg: Value, args: &Args, skip: &[&str]) -> PyResult<Value> {
    let keywords: Vec<(&str, Value)> = args.keywords.iter().filter(|(k, _)| *k != "cls" && !skip.contains(k)).copied().collect();
    let coder = Owned(call::call(rt, cls, &Args { positional: &[], keywords: &keywords })?);
    let f = Owned(crate::attr::load_attr(coder.get(), method)?);
    call::call(rt, f.get(), &Args { positional: &[arg], keywords: &[] })
}

fn dump(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let mut params = vec!["obj", "fp"];
    params.extend_from_slice(&DUMPS_PARAMS[1..]);
    let p = bind("dump", args, 0, &params, 0, 2)?;
    if args.positional.len() > 2 {
        return Err(PyErr::type_error(format!("dump() takes 2 positional arguments but {} were given", args.positional.len())));
    }
    let mut rest = vec![p[0]];
    rest.extend_from_slice(&p[2..]);
    let text = match rest[5].filter(|&c| c != Value::NONE) {
        Some(cls) => Owned(with_class(rt, cls, "encode", p[0].unwrap_or(Value::NONE), args, &["obj", "fp"])?),
        None => Owned(strs::from_string(encode(rt, p[0].unwrap_or(Value::NONE), &options(&rest)?)?)),
    };
    // CPython writes the pieces as its encoder makes them; the file ends up the same.
    let write = Owned(crate::attr::load_attr(p[1].unwrap_or(Value::NONE), "write")?);
    drop(Owned(call::call(rt, write.get(), &Args { positional: &[text.get()], keywords: &[] })?));
    Ok(Value::NONE)
}

const LOADS_PARAMS: &[&str] =
    &["s", "cls", "object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook", "strict"];

fn decode(rt: &mut Runtime, s: Value, p: &[Option<Value>]) -> PyResult<Value> {
    for (i, name) in [(3, "parse_float"), (4, "parse_int"), (5, "parse_constant"), (6, "object_pairs_hook")] {
        refuse_given(name, p[i])?;
    }
    if !s.is_kind(KIND_STR) {
        return Err(PyErr::type_error(format!("the JSON object must be str, bytes or bytearray, not {}", type_name(s))));
    }
    // SAFETY: the kind was checked.
    let text = unsafe { strs::text(s) }?;
    if text.starts_with('\u{feff}') {
        return Err(decode_error("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, text, 0));
    }
    let scanner =
        Scanner { s: text.as_bytes(), text, strict: flag(p[7], true)?, object_hook: p[2].filter(|&h| h != Value::NONE) };
    let start = scanner.skip_ws(0);
    let (v, end) = match scanner.value(rt, start) {
        Ok(r) => r,
        Err(Fail::At(msg, pos)) => return Err(decode_error(msg, s, text, pos)),
        Err(Fail::Py(e)) => return Err(e),
    };
    let end = scanner.skip_ws(end);
    if end != text.len() {
        v.decref();
        return Err(decode_error("Extra data", s, text, end));
    }
    Ok(v)
}

fn loads(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("loads", args, 0, LOADS_PARAMS, 0, 1)?;
    if args.positional.len() > 1 {
        return Err(PyErr::type_error(format!("loads() takes 1 positional argument but {} were given", args.positional.len())));
    }
    if let Some(cls) = p[1].filter(|&c| c != Value::NONE) {
        return with_class(rt, cls, "decode", p[0].unwrap_or(Value::NONE), args, &["s"]);
    }
    decode(rt, p[0].unwrap_or(Value::NONE), &p)
}

fn load(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let mut params = vec!["fp"];
    params.extend_from_slice(&LOADS_PARAMS[1..]);
    let p = bind("load", args, 0, &params, 0, 1)?;
    if args.positional.len() > 1 {
        return Err(PyErr::type_error(format!("load() takes 1 positional argument but {} were given", args.positional.len())));
    }
    let read = Owned(crate::attr::load_attr(p[0].unwrap_or(Value::NONE), "read")?);
    let s = Owned(call::call(rt, read.get(), &Args { positional: &[], keywords: &[] })?);
    if let Some(cls) = p[1].filter(|&c| c != Value::NONE) {
        return with_class(rt, cls, "decode", s.get(), args, &["fp"]);
    }
    decode(rt, s.get(), &p)
}

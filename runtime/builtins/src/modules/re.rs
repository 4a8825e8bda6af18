//! `re`: regular expressions through the fancy-regex crate. Patterns are translated
//! from Python's syntax (`re_syntax`), compiled into `re.Pattern` objects
//! (`re_pattern`, cached per pattern and flags as CPython caches them) and their
//! matches are `re.Match` objects (`re_match`). What CPython's engine does that this
//! one cannot do alike is refused; docs/re.md lists the differences.

use super::re_match::{Match, Piece, new_match, parse_template};
use super::re_pattern::{Mode, Pattern, Positions, flag_names};
use super::re_syntax::{self, Fail};
use crate::args::bind;
use stitch_abi::*;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::native::{Native, downcast, new_native};
use stitch_core::objects::{Owned, list, str as strs, tuple};
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;
use std::any::Any;
use std::cell::{Cell, RefCell};

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("compile", compile),
    ("search", search),
    ("match", match_),
    ("fullmatch", fullmatch),
    ("findall", findall),
    ("finditer", finditer),
    ("sub", sub),
    ("subn", subn),
    ("split", split),
    ("escape", escape),
    ("purge", purge),
];

/// The flags by name, in the order a combination's repr names them.
const FLAGS: &[(&str, &str, u32)] = &[
    ("ASCII", "A", re_syntax::ASCII),
    ("IGNORECASE", "I", re_syntax::IGNORECASE),
    ("UNICODE", "U", re_syntax::UNICODE),
    ("MULTILINE", "M", re_syntax::MULTILINE),
    ("DOTALL", "S", re_syntax::DOTALL),
    ("VERBOSE", "X", re_syntax::VERBOSE),
];

thread_local! {
    /// The `re.error` class, made with the module's first namespace.
    static ERROR: Cell<Option<Value>> = const { Cell::new(None) };
    /// Compiled patterns by source and flags (CPython keeps 512).
    static CACHE: RefCell<Vec<(String, u32, Value)>> = const { RefCell::new(Vec::new()) };
}

pub fn namespace() -> Value {
    let cls = error_class();
    cls.incref();
    let mut values = vec![("error", cls), ("NOFLAG", new_native(Box::new(RegexFlag(0))))];
    for &(long, short, bit) in FLAGS {
        values.push((long, new_native(Box::new(RegexFlag(bit)))));
        values.push((short, new_native(Box::new(RegexFlag(bit)))));
    }
    values.push(("Pattern", super::native_type("re.Pattern")));
    values.push(("Match", super::native_type("re.Match")));
    super::namespace_of(FUNCTIONS, values)
}

/// The re.error class (borrowed; it lives as long as the thread).
fn error_class() -> Value {
    if let Some(c) = ERROR.with(|c| c.get()) {
        return c;
    }
    let base = stitch_core::exceptions::type_object(ExcKind::Exception);
    base.incref();
    let bases = Owned(tuple::from_vec(vec![base]));
    let ns = Owned(super::namespace_of(&[], vec![("__module__", strs::new_str("re"))]));
    let cls = stitch_core::classes::build_class("error", bases.get(), ns.get())
        .expect("a class deriving from Exception alone builds");
    ERROR.with(|c| c.set(Some(cls)));
    cls
}

/// CPython's `re.error(msg, pattern, pos)`: the message says where, by line and
/// column too when the pattern has several lines.
pub fn error(msg: String, pattern: &str, pos: usize) -> PyErr {
    error_at(msg, pattern, Some(pos))
}

/// `re.error` with or without a position.
fn error_at(msg: String, pattern: &str, pos: Option<usize>) -> PyErr {
    let Some(pos) = pos else {
        return raise_error(&msg, &msg, pattern, None);
    };
    let before: String = pattern.chars().take(pos).collect();
    let lineno = before.matches('\n').count() + 1;
    let colno = match before.rfind('\n') {
        Some(nl) => before[nl + 1..].chars().count() + 1,
        None => pos + 1,
    };
    let full = if pattern.contains('\n') {
        format!("{msg} at position {pos} (line {lineno}, column {colno})")
    } else {
        format!("{msg} at position {pos}")
    };
    raise_error(&full, &msg, pattern, Some((pos, lineno, colno)))
}

fn raise_error(full: &str, msg: &str, pattern: &str, at: Option<(usize, usize, usize)>) -> PyErr {
    let e = stitch_core::objects::exception::new_exception(ExcKind::Exception, tuple::from_vec(vec![strs::new_str(full)]));
    let cls = error_class();
    cls.incref();
    // SAFETY: a new exception object; its class slot held no class.
    let old = std::mem::replace(&mut unsafe { stitch_core::objects::exception::as_exception(e) }.class, cls);
    old.decref();
    let attrs = [
        ("msg", Owned(strs::new_str(msg))),
        ("pattern", Owned(strs::new_str(pattern))),
        ("pos", Owned(at.map_or(Value::NONE, |a| Value::int(a.0 as i64)))),
        ("lineno", Owned(at.map_or(Value::NONE, |a| Value::int(a.1 as i64)))),
        ("colno", Owned(at.map_or(Value::NONE, |a| Value::int(a.2 as i64)))),
    ];
    for (name, v) in &attrs {
        // Attributes of an exception object always take plain names.
        let _ = stitch_core::classes::exception_setattr(e, name, v.get());
    }
    stitch_core::exceptions::to_err(e)
}

/// A member of `re.RegexFlag`: an int in CPython; here a value that combines with `|`,
/// `&` and `^` and prints as CPython's (`re.IGNORECASE|re.MULTILINE`).
pub struct RegexFlag(pub u32);

impl Native for RegexFlag {
    fn type_name(&self) -> &'static str {
        "RegexFlag"
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn repr(&self) -> Option<PyResult<String>> {
        if self.0 == 0 {
            return Some(Ok("re.NOFLAG".into()));
        }
        let order: Vec<(String, u32)> = FLAGS.iter().map(|&(n, _, b)| (format!("re.{n}"), b)).collect();
        let order: Vec<(&str, u32)> = order.iter().map(|(n, b)| (n.as_str(), *b)).collect();
        Some(Ok(flag_names(self.0, &order)))
    }
    fn binary(&self, a: Value, b: Value, nb: u32) -> Option<PyResult<Value>> {
        let (x, y) = (flag_bits(a)?, flag_bits(b)?);
        let v = match nb & !NB_INPLACE {
            NB_OR => x | y,
            NB_AND => x & y,
            NB_XOR => x ^ y,
            _ => return None,
        };
        Some(Ok(new_native(Box::new(RegexFlag(v)))))
    }
    fn eq(&self, other: &dyn Native) -> Option<PyResult<bool>> {
        Some(Ok(other.as_any().downcast_ref::<RegexFlag>()?.0 == self.0))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// The bits of a flags value: a RegexFlag or a small non-negative int.
fn flag_bits(v: Value) -> Option<u32> {
    if let Some(f) = downcast::<RegexFlag>(v) {
        return Some(f.0);
    }
    (v.is_int() && !v.is_bool() && (0..=u32::MAX as i64).contains(&v.as_int())).then(|| v.as_int() as u32)
}

fn flags_arg(v: Option<Value>) -> PyResult<u32> {
    match v {
        None => Ok(0),
        Some(v) => flag_bits(v).ok_or_else(|| {
            if v.is_int() {
                PyErr::unsupported("re: flags outside CPython's flag bits")
            } else {
                PyErr::type_error(format!("unsupported operand type(s) for &: '{}' and 'RegexFlag'", type_name(v)))
            }
        }),
    }
}

/// The Pattern for a pattern argument (a new reference): a Pattern as it is, a str
/// compiled (or found in the cache).
fn pattern_arg(p: Value, flags: u32) -> PyResult<Value> {
    if downcast::<Pattern>(p).is_some() {
        if flags != 0 {
            return Err(PyErr::value_error("cannot process flags argument with a compiled pattern"));
        }
        p.incref();
        return Ok(p);
    }
    if !p.is_kind(KIND_STR) {
        return Err(PyErr::type_error("first argument must be string or compiled pattern"));
    }
    // SAFETY: the kind was checked.
    let source = unsafe { strs::text(p) }?;
    if let Some(v) = CACHE.with(|c| c.borrow().iter().find(|(s, f, _)| s == source && *f == flags).map(|e| e.2)) {
        v.incref();
        return Ok(v);
    }
    let compiled = match Pattern::compile(source, flags) {
        Ok(c) => c,
        Err(Fail::Error { msg, pos }) => return Err(error_at(msg, source, pos)),
        Err(Fail::Unsupported(what)) => return Err(PyErr::unsupported(what)),
    };
    let v = new_native(Box::new(compiled));
    CACHE.with(|c| {
        let mut c = c.borrow_mut();
        if c.len() >= 512 {
            let (_, _, old) = c.remove(0);
            old.decref();
        }
        v.incref();
        c.push((source.to_string(), flags, v));
    });
    Ok(v)
}

fn string_arg<'a>(v: Value) -> PyResult<&'a str> {
    if !v.is_kind(KIND_STR) {
        return Err(PyErr::type_error(format!("expected string or bytes-like object, got '{}'", type_name(v))));
    }
    // SAFETY: the kind was checked.
    unsafe { strs::text(v) }
}

/// A `pos`/`endpos`/`count`/`maxsplit` argument.
fn index_arg(v: Option<Value>, default: i64) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) if v.is_int() => Ok(v.as_int()),
        // Beyond a word: only its sign matters once clamped to the text.
        Some(v) if v.is_kind(KIND_BIGINT) => Ok(stitch_core::ops::num::require_i64(v).unwrap_or_else(|_| {
            if stitch_core::ops::repr(v).is_ok_and(|r| r.starts_with('-')) { i64::MIN } else { i64::MAX }
        })),
        Some(v) => Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v)))),
    }
}

/// A search target: the text cut at endpos, and the start, in bytes and characters.
struct Target<'a> {
    text: &'a str,
    start: usize,
    pos: usize,
    endpos: usize,
    at: Positions<'a>,
}

fn target(full: &str, pos: i64, endpos: i64) -> Target<'_> {
    let mut at = Positions::new(full);
    let len = if full.is_ascii() { full.len() } else { full.chars().count() };
    let endpos = endpos.clamp(0, len as i64) as usize;
    let pos = (pos.clamp(0, len as i64) as usize).min(endpos);
    let end_b = at.byte(endpos);
    let start = at.byte(pos);
    let text = &full[..end_b];
    Target { text, start, pos, endpos, at: Positions::new(text) }
}

/// One search (`search`, `match`, `fullmatch`) of `pattern` in `string`.
fn one(pv: Value, string: Value, pos: i64, endpos: i64, mode: Mode) -> PyResult<Value> {
    let p = downcast::<Pattern>(pv).expect("a Pattern");
    let full = string_arg(string)?;
    let mut t = target(full, pos, endpos);
    match p.find(t.text, t.start, mode, false, p.fast_for(t.text))? {
        Some(spans) => Ok(new_match(pv, string, t.pos, t.endpos, spans, &mut t.at)),
        None => Ok(Value::NONE),
    }
}

/// Calls `each` with the spans of every match from the start, as CPython iterates
/// them; `each` says whether to go on.
fn each_match(
    p: &Pattern,
    text: &str,
    start: usize,
    mut each: impl FnMut(super::re_pattern::Spans) -> PyResult<bool>,
) -> PyResult<()> {
    let mut at = start;
    let mut must_advance = false;
    let fast = p.fast_for(text);
    while at <= text.len() {
        let Some(spans) = p.find(text, at, Mode::Search, must_advance, fast)? else { break };
        let (a, b) = spans[0].expect("group 0 of a match");
        if !each(spans)? {
            break;
        }
        must_advance = a == b;
        at = b;
    }
    Ok(())
}

fn findall_in(p: &Pattern, text: &str, start: usize) -> PyResult<Value> {
    let mut out: Vec<Value> = Vec::new();
    let piece = |s: Option<(usize, usize)>| strs::new_str(s.map_or("", |(a, b)| &text[a..b]));
    each_match(p, text, start, |spans| {
        out.push(match p.syntax.groups {
            0 => piece(spans[0]),
            1 => piece(spans[1]),
            _ => tuple::from_vec(spans[1..].iter().map(|&s| piece(s)).collect()),
        });
        Ok(true)
    })
    .inspect_err(|_| out.iter().for_each(|v| v.decref()))?;
    Ok(list::from_vec(out))
}

fn split_in(p: &Pattern, text: &str, maxsplit: i64) -> PyResult<Value> {
    let mut out: Vec<Value> = Vec::new();
    if maxsplit < 0 {
        return Ok(list::from_vec(vec![strs::new_str(text)]));
    }
    let mut last = 0;
    let mut n = 0;
    each_match(p, text, 0, |spans| {
        if maxsplit > 0 && n >= maxsplit {
            return Ok(false);
        }
        let (a, b) = spans[0].expect("group 0");
        out.push(strs::new_str(&text[last..a]));
        for s in &spans[1..] {
            out.push(s.map_or(Value::NONE, |(x, y)| strs::new_str(&text[x..y])));
        }
        last = b;
        n += 1;
        Ok(true)
    })
    .inspect_err(|_| out.iter().for_each(|v| v.decref()))?;
    out.push(strs::new_str(&text[last..]));
    Ok(list::from_vec(out))
}

/// `sub`/`subn`: the new text and the number of replacements.
fn sub_in(rt: &mut Runtime, pv: Value, repl: Value, string: Value, count: i64) -> PyResult<(Value, usize)> {
    let p = downcast::<Pattern>(pv).expect("a Pattern");
    let text = string_arg(string)?;
    let template: Option<Vec<Piece>> = if repl.is_kind(KIND_STR) {
        // SAFETY: the kind was checked.
        Some(parse_template(unsafe { strs::text(repl) }?, p)?)
    } else if stitch_core::ops::call::is_callable(repl) {
        None
    } else {
        return Err(PyErr::type_error(format!("expected str instance, {} found", type_name(repl))));
    };
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut n = 0usize;
    // The index the piece would have in the list CPython joins (for its TypeError).
    let mut item = 0usize;
    let mut at = Positions::new(text);
    let len_chars = if text.is_ascii() { text.len() } else { text.chars().count() };
    each_match(p, text, 0, |spans| {
        if count > 0 && n as i64 >= count {
            return Ok(false);
        }
        let (a, b) = spans[0].expect("group 0");
        out.push_str(&text[last..a]);
        item += usize::from(a > last);
        let m = Owned(new_match(pv, string, 0, len_chars, spans, &mut at));
        match &template {
            Some(pieces) => downcast::<Match>(m.get()).expect("a Match").expand_into(pieces, &mut out),
            None => {
                let r = Owned(stitch_core::ops::call(rt, repl, &Args { positional: &[m.get()], keywords: &[] })?);
                if !r.get().is_kind(KIND_STR) {
                    return Err(PyErr::type_error(format!(
                        "sequence item {item}: expected str instance, {} found",
                        type_name(r.get())
                    )));
                }
                // SAFETY: the kind was checked.
                out.push_str(unsafe { strs::text(r.get()) }?);
            }
        }
        last = b;
        n += 1;
        item += 1;
        Ok(true)
    })?;
    out.push_str(&text[last..]);
    Ok((strs::from_string(out), n))
}

/// A module function's pattern and its other arguments bound.
fn bound(args: &Args, name: &str, params: &[&str], required: usize) -> PyResult<(Owned, Vec<Option<Value>>)> {
    let a = bind(name, args, 0, params, 0, required)?;
    let flags = flags_arg(a[params.len() - 1])?;
    let p = Owned(pattern_arg(a[0].expect("required"), flags)?);
    Ok((p, a))
}

fn compile(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = bind("compile", args, 0, &["pattern", "flags"], 0, 1)?;
    pattern_arg(a[0].expect("required"), flags_arg(a[1])?)
}

fn search(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (p, a) = bound(args, "search", &["pattern", "string", "flags"], 2)?;
    one(p.get(), a[1].expect("required"), 0, i64::MAX, Mode::Search)
}

fn match_(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (p, a) = bound(args, "match", &["pattern", "string", "flags"], 2)?;
    one(p.get(), a[1].expect("required"), 0, i64::MAX, Mode::Match)
}

fn fullmatch(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (p, a) = bound(args, "fullmatch", &["pattern", "string", "flags"], 2)?;
    one(p.get(), a[1].expect("required"), 0, i64::MAX, Mode::Full)
}

fn findall(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (p, a) = bound(args, "findall", &["pattern", "string", "flags"], 2)?;
    let pat = downcast::<Pattern>(p.get()).expect("a Pattern");
    findall_in(pat, string_arg(a[1].expect("required"))?, 0)
}

fn finditer(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (p, a) = bound(args, "finditer", &["pattern", "string", "flags"], 2)?;
    new_iter(p.get(), a[1].expect("required"), 0, i64::MAX)
}

fn split(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (p, a) = bound(args, "split", &["pattern", "string", "maxsplit", "flags"], 2)?;
    let pat = downcast::<Pattern>(p.get()).expect("a Pattern");
    split_in(pat, string_arg(a[1].expect("required"))?, index_arg(a[2], 0)?)
}

fn sub(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (p, a) = bound(args, "sub", &["pattern", "repl", "string", "count", "flags"], 3)?;
    Ok(sub_in(rt, p.get(), a[1].expect("required"), a[2].expect("required"), index_arg(a[3], 0)?)?.0)
}

fn subn(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (p, a) = bound(args, "subn", &["pattern", "repl", "string", "count", "flags"], 3)?;
    let (s, n) = sub_in(rt, p.get(), a[1].expect("required"), a[2].expect("required"), index_arg(a[3], 0)?)?;
    Ok(tuple::from_vec(vec![s, Value::int(n as i64)]))
}

fn escape(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let a = bind("escape", args, 0, &["pattern"], 0, 1)?;
    let s = a[0].expect("required");
    if !s.is_kind(KIND_STR) {
        return Err(PyErr::unsupported(format!("re.escape of a '{}'", type_name(s))));
    }
    // SAFETY: the kind was checked.
    Ok(strs::from_string(re_syntax::escape(unsafe { strs::text(s) }?)))
}

fn purge(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("purge", args, 0)?;
    CACHE.with(|c| c.borrow_mut().drain(..).for_each(|(_, _, v)| v.decref()));
    Ok(Value::NONE)
}

/// `re.Pattern(...)`: CPython refuses to make one directly.
pub fn pattern_type(_rt: &mut Runtime, _args: &Args) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 're.Pattern' instances"))
}

pub fn match_type(_rt: &mut Runtime, _args: &Args) -> PyResult<Value> {
    Err(PyErr::type_error("cannot create 're.Match' instances"))
}

pub const PATTERN_METHODS: &[(&str, BuiltinFn)] = &[
    ("search", p_search),
    ("match", p_match),
    ("fullmatch", p_fullmatch),
    ("findall", p_findall),
    ("finditer", p_finditer),
    ("split", p_split),
    ("sub", p_sub),
    ("subn", p_subn),
];

fn this(args: &Args, method: &str) -> PyResult<Value> {
    match args.positional.first() {
        Some(&v) if downcast::<Pattern>(v).is_some() => Ok(v),
        _ => Err(PyErr::type_error(format!("descriptor '{method}' for 're.Pattern' objects doesn't apply to this object"))),
    }
}

fn p_one(args: &Args, method: &str, mode: Mode) -> PyResult<Value> {
    let p = this(args, method)?;
    let a = bind(method, args, 1, &["string", "pos", "endpos"], 0, 1)?;
    one(p, a[0].expect("required"), index_arg(a[1], 0)?, index_arg(a[2], i64::MAX)?, mode)
}

fn p_search(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    p_one(args, "search", Mode::Search)
}

fn p_match(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    p_one(args, "match", Mode::Match)
}

fn p_fullmatch(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    p_one(args, "fullmatch", Mode::Full)
}

fn p_findall(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = this(args, "findall")?;
    let a = bind("findall", args, 1, &["string", "pos", "endpos"], 0, 1)?;
    let t = target(string_arg(a[0].expect("required"))?, index_arg(a[1], 0)?, index_arg(a[2], i64::MAX)?);
    findall_in(downcast::<Pattern>(p).expect("a Pattern"), t.text, t.start)
}

fn p_finditer(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = this(args, "finditer")?;
    let a = bind("finditer", args, 1, &["string", "pos", "endpos"], 0, 1)?;
    new_iter(p, a[0].expect("required"), index_arg(a[1], 0)?, index_arg(a[2], i64::MAX)?)
}

fn p_split(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = this(args, "split")?;
    let a = bind("split", args, 1, &["string", "maxsplit"], 0, 1)?;
    split_in(downcast::<Pattern>(p).expect("a Pattern"), string_arg(a[0].expect("required"))?, index_arg(a[1], 0)?)
}

fn p_sub(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = this(args, "sub")?;
    let a = bind("sub", args, 1, &["repl", "string", "count"], 0, 2)?;
    Ok(sub_in(rt, p, a[0].expect("required"), a[1].expect("required"), index_arg(a[2], 0)?)?.0)
}

fn p_subn(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = this(args, "subn")?;
    let a = bind("subn", args, 1, &["repl", "string", "count"], 0, 2)?;
    let (s, n) = sub_in(rt, p, a[0].expect("required"), a[1].expect("required"), index_arg(a[2], 0)?)?;
    Ok(tuple::from_vec(vec![s, Value::int(n as i64)]))
}

/// `finditer`'s iterator: it searches on each `next`, as CPython's does.
struct FindIter {
    pattern: Value,
    string: Value,
    pos: usize,
    endpos: usize,
    /// The byte offset of endpos (the text is cut there once, not per match).
    end: usize,
    /// `Pattern::fast_for` of the text.
    fast: bool,
    /// Where the next search starts (bytes), and whether it must not match empty there.
    at: Cell<Option<(usize, bool)>>,
    /// The character cursor, kept across matches (bytes, characters).
    cursor: Cell<(usize, usize)>,
}

impl Drop for FindIter {
    fn drop(&mut self) {
        self.pattern.decref();
        self.string.decref();
    }
}

fn new_iter(p: Value, string: Value, pos: i64, endpos: i64) -> PyResult<Value> {
    let t = target(string_arg(string)?, pos, endpos);
    let (start, pos, endpos, end) = (t.start, t.pos, t.endpos, t.text.len());
    let fast = downcast::<Pattern>(p).expect("a Pattern").fast_for(t.text);
    p.incref();
    string.incref();
    Ok(new_native(Box::new(FindIter {
        pattern: p,
        string,
        pos,
        endpos,
        end,
        fast,
        at: Cell::new(Some((start, false))),
        cursor: Cell::new((0, 0)),
    })))
}

impl Native for FindIter {
    fn type_name(&self) -> &'static str {
        "callable_iterator"
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, _me: Value) -> Option<PyResult<Option<Value>>> {
        let Some((start, must_advance)) = self.at.get() else { return Some(Ok(None)) };
        let p = downcast::<Pattern>(self.pattern).expect("a Pattern");
        let full = match string_arg(self.string) {
            Ok(t) => t,
            Err(e) => return Some(Err(e)),
        };
        let text = &full[..self.end];
        if start > text.len() {
            self.at.set(None);
            return Some(Ok(None));
        }
        Some(match p.find(text, start, Mode::Search, must_advance, self.fast) {
            Ok(Some(spans)) => {
                let (a, b) = spans[0].expect("group 0");
                self.at.set(Some((b, a == b)));
                let (cb, cc) = self.cursor.get();
                let mut at = Positions::resume(text, cb, cc);
                let m = new_match(self.pattern, self.string, self.pos, self.endpos, spans, &mut at);
                self.cursor.set(at.state());
                Ok(Some(m))
            }
            Ok(None) => {
                self.at.set(None);
                Ok(None)
            }
            Err(e) => Err(e),
        })
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}


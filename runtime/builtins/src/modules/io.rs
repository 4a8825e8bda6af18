//! `io.StringIO`: an in-memory text file. Its text is kept as characters, since
//! CPython's positions (`tell`, `seek`, `read(n)`) count characters; writing past the
//! end pads with NULs as CPython's does. Newline translation (`newline=` other than
//! the default) is outside the subset.

use crate::args::{bind, takes};
use stitch_abi::*;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::native::{Native, downcast, new_native};
use stitch_core::objects::{list, str as strs};
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;
use std::any::Any;
use std::cell::{Cell, RefCell};

pub fn namespace() -> Value {
    super::namespace_of(&[], vec![("StringIO", super::native_type("io.StringIO"))])
}

pub struct StringIO {
    text: RefCell<Vec<char>>,
    pos: Cell<usize>,
    closed: Cell<bool>,
}

impl Native for StringIO {
    fn type_name(&self) -> &'static str {
        "StringIO"
    }
    fn traverse(&self, _visit: &mut dyn FnMut(Value)) {}
    fn clear(&self) {}
    fn is_iterator(&self) -> bool {
        true
    }
    fn next(&self, _me: Value) -> Option<PyResult<Option<Value>>> {
        Some(self.open().map(|()| {
            let line = self.readline(None);
            (!line.is_empty()).then(|| strs::from_string(line))
        }))
    }
    fn getattr(&self, name: &str) -> Option<PyResult<Value>> {
        match name {
            "closed" => Some(Ok(Value::bool(self.closed.get()))),
            _ => None,
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl StringIO {
    fn open(&self) -> PyResult<()> {
        if self.closed.get() { Err(PyErr::value_error("I/O operation on closed file")) } else { Ok(()) }
    }

    /// Up to `limit` characters from the position through the next newline.
    fn readline(&self, limit: Option<usize>) -> String {
        let text = self.text.borrow();
        let start = self.pos.get().min(text.len());
        let mut end = start;
        let cap = limit.map_or(text.len(), |l| (start + l).min(text.len()));
        while end < cap {
            end += 1;
            if text[end - 1] == '\n' {
                break;
            }
        }
        self.pos.set(end.max(self.pos.get()));
        text[start..end].iter().collect()
    }

    fn write(&self, s: &str) -> usize {
        let mut text = self.text.borrow_mut();
        let mut pos = self.pos.get();
        if pos > text.len() {
            text.resize(pos, '\0');
        }
        let mut n = 0;
        for c in s.chars() {
            if pos < text.len() {
                text[pos] = c;
            } else {
                text.push(c);
            }
            pos += 1;
            n += 1;
        }
        self.pos.set(pos);
        n
    }
}

/// `io.StringIO(initial_value='', newline='\n')`.
pub fn string_io(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let p = bind("StringIO", args, 0, &["initial_value", "newline"], 0, 0)?;
    if let Some(n) = p[1]
        // SAFETY: the kind is checked first.
        && !(n.is_kind(KIND_STR) && unsafe { strs::text(n) }.is_ok_and(|t| t == "\n"))
    {
        return Err(PyErr::unsupported("io.StringIO with a newline argument"));
    }
    let initial = match p[0] {
        None => String::new(),
        Some(v) if v == Value::NONE => String::new(),
        // SAFETY: the kind was checked.
        Some(v) if v.is_kind(KIND_STR) => unsafe { strs::text(v) }?.to_string(),
        Some(v) => return Err(PyErr::type_error(format!("initial_value must be str or None, not {}", type_name(v)))),
    };
    Ok(new_native(Box::new(StringIO { text: RefCell::new(initial.chars().collect()), pos: Cell::new(0), closed: Cell::new(false) })))
}

pub const STRINGIO_METHODS: &[(&str, BuiltinFn)] = &[
    ("write", write),
    ("writelines", writelines),
    ("read", read),
    ("readline", readline),
    ("readlines", readlines),
    ("getvalue", getvalue),
    ("seek", seek),
    ("tell", tell),
    ("truncate", truncate),
    ("close", close),
    ("flush", flush),
    ("readable", yes),
    ("writable", yes),
    ("seekable", yes),
    ("__enter__", enter),
    ("__exit__", exit),
];

/// The StringIO a method was called on, checked open (unless `closed_ok`), and the
/// method's arguments.
fn this<'a>(args: &Args<'a>, method: &str, min: usize, max: usize) -> PyResult<(&'a StringIO, &'a [Value])> {
    crate::args::no_keywords(method, args)?;
    let s = args.positional.first().and_then(|&v| downcast::<StringIO>(v)).ok_or_else(|| {
        PyErr::type_error(format!("descriptor '{method}' for '_io.StringIO' objects doesn't apply to this object"))
    })?;
    let rest = takes(method, args, 1, min, max)?;
    if method != "close" && method != "__exit__" {
        s.open()?;
    }
    Ok((s, rest))
}

/// A size argument: None or negative is "all".
fn size(v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None => Ok(None),
        Some(&v) if v == Value::NONE => Ok(None),
        Some(&v) if v.is_int() => Ok((v.as_int() >= 0).then_some(v.as_int() as usize)),
        Some(&v) => Err(PyErr::type_error(format!("argument should be integer or None, not '{}'", type_name(v)))),
    }
}

fn text_arg<'a>(v: Value) -> PyResult<&'a str> {
    if v.is_kind(KIND_STR) {
        // SAFETY: the kind was checked.
        unsafe { strs::text(v) }
    } else {
        Err(PyErr::type_error(format!("string argument expected, got '{}'", type_name(v))))
    }
}

fn write(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (s, a) = this(args, "write", 1, 1)?;
    Ok(Value::int(s.write(text_arg(a[0])?) as i64))
}

fn writelines(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (s, a) = this(args, "writelines", 1, 1)?;
    let it = stitch_core::objects::Owned(stitch_core::ops::get_iter(a[0])?);
    while let Some(line) = stitch_core::ops::iter_next(it.get())? {
        let line = stitch_core::objects::Owned(line);
        s.write(text_arg(line.get())?);
    }
    Ok(Value::NONE)
}

fn read(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (s, a) = this(args, "read", 0, 1)?;
    let n = size(a.first())?;
    let text = s.text.borrow();
    let start = s.pos.get().min(text.len());
    let end = n.map_or(text.len(), |n| (start + n).min(text.len()));
    s.pos.set(end.max(s.pos.get()));
    Ok(strs::from_string(text[start..end].iter().collect()))
}

fn readline(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (s, a) = this(args, "readline", 0, 1)?;
    let n = size(a.first())?;
    Ok(strs::from_string(s.readline(n)))
}

fn readlines(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (s, a) = this(args, "readlines", 0, 1)?;
    // A hint: lines are read until their total reaches it.
    let hint = size(a.first())?.filter(|&h| h > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = s.readline(None);
        if line.is_empty() {
            break;
        }
        total += line.chars().count();
        lines.push(strs::from_string(line));
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(list::from_vec(lines))
}

fn getvalue(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (s, _) = this(args, "getvalue", 0, 0)?;
    Ok(strs::from_string(s.text.borrow().iter().collect()))
}

fn seek(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (s, a) = this(args, "seek", 1, 2)?;
    let offset = stitch_core::ops::num::require_i64(a[0])?;
    let whence = match a.get(1) {
        Some(&w) => stitch_core::ops::num::require_i64(w)?,
        None => 0,
    };
    match whence {
        0 if offset < 0 => return Err(PyErr::value_error(format!("Negative seek position {offset}"))),
        0 => s.pos.set(offset as usize),
        1 | 2 if offset != 0 => {
            let which = if whence == 1 { "cur" } else { "end" };
            return Err(PyErr::new(ExcKind::OSError, format!("Can't do nonzero {which}-relative seeks")));
        }
        1 => {}
        2 => s.pos.set(s.text.borrow().len()),
        _ => return Err(PyErr::value_error(format!("Invalid whence ({whence}, should be 0, 1 or 2)"))),
    }
    Ok(Value::int(s.pos.get() as i64))
}

fn tell(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (s, _) = this(args, "tell", 0, 0)?;
    Ok(Value::int(s.pos.get() as i64))
}

fn truncate(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (s, a) = this(args, "truncate", 0, 1)?;
    let at = match a.first() {
        None => s.pos.get(),
        Some(&v) if v == Value::NONE => s.pos.get(),
        Some(&v) => {
            let n = stitch_core::ops::num::require_i64(v)?;
            if n < 0 {
                return Err(PyErr::value_error(format!("Negative size value {n}")));
            }
            n as usize
        }
    };
    s.text.borrow_mut().truncate(at);
    Ok(Value::int(at as i64))
}

fn close(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (s, _) = this(args, "close", 0, 0)?;
    s.closed.set(true);
    s.text.borrow_mut().clear();
    Ok(Value::NONE)
}

fn flush(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    this(args, "flush", 0, 0)?;
    Ok(Value::NONE)
}

fn yes(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    this(args, "readable", 0, 0)?;
    Ok(Value::TRUE)
}

fn enter(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    this(args, "__enter__", 0, 0)?;
    let me = args.positional[0];
    me.incref();
    Ok(me)
}

fn exit(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (s, _) = this(args, "__exit__", 0, 3)?;
    s.closed.set(true);
    s.text.borrow_mut().clear();
    Ok(Value::NONE)
}

//! `print`.

use crate::args::{check_keywords, keyword};
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::{self, builtin::Args};
use stitch_core::ops::{repr, types::type_name};
use stitch_core::vm::Runtime;

/// A `sep=`/`end=` argument: None or absent means the default.
fn text_option(args: &Args, name: &str, default: &str) -> PyResult<String> {
    match keyword(args, name) {
        None => Ok(default.to_string()),
        Some(v) if v == Value::NONE => Ok(default.to_string()),
        // SAFETY: the kind was checked.
        Some(v) if v.is_kind(KIND_STR) => unsafe { objects::str::text(v) }.map(str::to_string),
        Some(v) => Err(PyErr::type_error(format!("{name} must be None or a string, not {}", type_name(v)))),
    }
}

/// Where `print` writes: standard output (buffered), standard error, or any object's
/// `write` method.
enum Sink {
    Stdout,
    Stderr,
    Object(Value),
}

impl Sink {
    fn of(file: Option<Value>) -> Sink {
        match file {
            None => Sink::Stdout,
            Some(f) if f == Value::NONE => Sink::Stdout,
            // SAFETY: the kind was checked.
            Some(f) if f.is_kind(KIND_MODULE) && unsafe { objects::module::name(f) } == "sys.stdout" => Sink::Stdout,
            // SAFETY: as above.
            Some(f) if f.is_kind(KIND_MODULE) && unsafe { objects::module::name(f) } == "sys.stderr" => Sink::Stderr,
            Some(f) => Sink::Object(f),
        }
    }

    /// Writes a str holding a lone surrogate as CPython's streams do: stdout encodes
    /// strictly (UnicodeEncodeError, nothing of the str written), stderr writes
    /// `\\ud800`, and a file object's `write` takes the str itself.
    fn write_surrogates(&self, rt: &mut Runtime, s: Value) -> PyResult<()> {
        // SAFETY: callers pass a str.
        let str = unsafe { objects::str::as_str(s) };
        match self {
            Sink::Stdout => Err(PyErr::new(
                stitch_core::errors::ExcKind::UnicodeEncodeError,
                objects::wtf8::encode_error_message(str.bytes()),
            )),
            Sink::Stderr => self.write(rt, &str.display()),
            Sink::Object(f) => {
                let write = crate::attr::load_attr(*f, "write")?;
                let r = stitch_core::ops::call::call(rt, write, &Args { positional: &[s], keywords: &[] });
                write.decref();
                r.map(Value::decref)
            }
        }
    }

    fn write(&self, rt: &mut Runtime, text: &str) -> PyResult<()> {
        match self {
            Sink::Stdout => rt.write_out(text),
            Sink::Stderr => {
                use std::io::Write;
                let _ = std::io::stderr().write_all(text.as_bytes());
                Ok(())
            }
            Sink::Object(f) => {
                let write = crate::attr::load_attr(*f, "write")?;
                let arg = objects::str::new_str(text);
                let r = stitch_core::ops::call::call(rt, write, &Args { positional: &[arg], keywords: &[] });
                arg.decref();
                write.decref();
                r.map(Value::decref)
            }
        }
    }
}

/// `print(*objects, sep=' ', end='\n', file=None, flush=False)`.
pub fn print(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    check_keywords("print", args, &["sep", "end", "file", "flush"])?;
    let sink = Sink::of(keyword(args, "file"));
    let sep = text_option(args, "sep", " ")?;
    let end = text_option(args, "end", "\n")?;
    // Written piece by piece like CPython, so output before a failing str() appears.
    for (i, &v) in args.positional.iter().enumerate() {
        if i > 0 {
            sink.write(rt, &sep)?;
        }
        // SAFETY: the kind is checked first.
        if v.is_kind(KIND_STR) && unsafe { objects::str::as_str(v) }.has_surrogates() {
            sink.write_surrogates(rt, v)?;
            continue;
        }
        sink.write(rt, &repr::str(v)?)?;
    }
    sink.write(rt, &end)?;
    if let Some(flush) = keyword(args, "flush")
        && stitch_core::ops::types::truthy(flush)
        && matches!(sink, Sink::Stdout)
    {
        rt.flush()?;
    }
    Ok(Value::NONE)
}

/// `input([prompt])`: the prompt on stdout (written out first), then a line of stdin
/// without its newline; EOFError at the end of input.
pub fn input(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::no_keywords("input", args)?;
    let a = crate::args::between("input", args, 0, 0, Some(1))?;
    if let Some(&prompt) = a.first() {
        rt.write_out(&repr::str(prompt)?)?;
    }
    rt.flush()?;
    let line = stitch_core::input::read_line()?;
    if line.is_empty() {
        return Err(PyErr::new(stitch_core::errors::ExcKind::EOFError, "EOF when reading a line"));
    }
    let line = line.strip_suffix('\n').unwrap_or(&line);
    Ok(stitch_core::objects::str::new_str(line))
}

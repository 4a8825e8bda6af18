//! `sys`: `argv`, `exit` (CPython's SystemExit as it ends a program with no `try`),
//! `maxsize`, `version_info`, `hexversion`, `byteorder`, `maxunicode`, `float_info`,
//! `int_info`, `intern`, the encodings, `modules` and `path` (the import system's own), the recursion limit (the interpreter's own), and `stdin` / `stdout` /
//! `stderr` with their common methods (`readline`, `read`, `readlines`, iteration;
//! `write`, `flush`). The streams are namespaces of functions: printing one, or its
//! other attributes, is outside the subset. Other names are outside the subset too.

use crate::args::between;
use stitch_abi::Value;
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::input;
use stitch_core::objects::{bigint, list, module, str as strs};
use stitch_core::ops;
use stitch_core::vm::Runtime;
use std::sync::OnceLock;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("exit", exit),
    ("setrecursionlimit", setrecursionlimit),
    ("getrecursionlimit", getrecursionlimit),
    ("exc_info", exc_info),
    ("exception", exception),
    ("intern", intern),
    ("getdefaultencoding", utf8_encoding),
    ("getfilesystemencoding", utf8_encoding),
    ("_stitch_unsupported", stitch_unsupported),
    ("_stitch_format_exception", stitch_format_exception),
    ("_stitch_frame_location", stitch_frame_location),
    ("_stitch_main_globals", stitch_main_globals),
    ("_stitch_source_line", stitch_source_line),
];

const STDIN: &[(&str, BuiltinFn)] = &[("readline", stdin_readline), ("read", stdin_read), ("readlines", stdin_readlines)];
const STDOUT: &[(&str, BuiltinFn)] = &[("write", stdout_write), ("flush", stdout_flush)];
const STDERR: &[(&str, BuiltinFn)] = &[("write", stderr_write), ("flush", stderr_flush)];
/// The binary streams under the text ones (`sys.stdout.buffer`), which programs that
/// write bytes (images, large outputs) use; they share the text streams' buffers, so
/// text and bytes stay in order as in CPython after a flush.
const STDIN_BUFFER: &[(&str, BuiltinFn)] = &[("readline", stdin_buffer_readline), ("read", stdin_buffer_read)];
const STDOUT_BUFFER: &[(&str, BuiltinFn)] = &[("write", stdout_buffer_write), ("flush", stdout_flush)];

static ARGV: OnceLock<Vec<String>> = OnceLock::new();

/// The program's `sys.argv` (the script as given, then its arguments); set once by
/// the command line before anything runs.
pub fn set_argv(argv: Vec<String>) {
    let _ = ARGV.set(argv);
}

/// The program's arguments as the command line gave them (`sys.argv` before the
/// program changed it).
pub fn argv() -> Vec<String> {
    ARGV.get().cloned().unwrap_or_default()
}

/// Puts the runtime's own `modules` dict and `path` list into the new `sys` module `m`:
/// they are the import system's state, so what the program does to them counts.
pub fn attach(rt: &Runtime, m: Value) {
    for (name, value) in [("modules", rt.modules), ("path", rt.path)] {
        value.incref();
        let key = strs::new_str(name);
        // SAFETY: `m` is the live module just made; key and value are new references.
        unsafe { stitch_core::objects::dict::set(module::namespace(m), key, strs::as_str(key).hash(), value) };
    }
}

pub fn namespace() -> Value {
    let argv = ARGV.get().cloned().unwrap_or_default();
    let argv = list::from_vec(argv.iter().map(|a| strs::new_str(a)).collect());
    let stream = |name: &str, functions, buffer: Option<(&str, &[(&'static str, BuiltinFn)])>| {
        let values = buffer.map(|(name, functions)| ("buffer", module::new_module(name, super::namespace_of(functions, vec![]))));
        module::new_module(name, super::namespace_of(functions, values.into_iter().collect()))
    };
    super::namespace_of(
        FUNCTIONS,
        vec![
            ("argv", argv),
            ("maxsize", bigint::from_i64(i64::MAX)),
            // The machine's: stitch runs on Linux (what CPython's sys.platform says there).
            ("platform", strs::new_str(std::env::consts::OS)),
            ("version_info", version_info()),
            // 3.11.7 final, as `version_info`.
            ("hexversion", Value::int(0x030b_07f0)),
            ("byteorder", strs::new_str(if cfg!(target_endian = "little") { "little" } else { "big" })),
            ("maxunicode", Value::int(0x10_ffff)),
            ("float_info", float_info()),
            ("int_info", int_info()),
            ("stdin", stream("sys.stdin", STDIN, Some(("sys.stdin.buffer", STDIN_BUFFER)))),
            ("stdout", stream("sys.stdout", STDOUT, Some(("sys.stdout.buffer", STDOUT_BUFFER)))),
            ("stderr", stream("sys.stderr", STDERR, None)),
        ],
    )
}

/// `sys.intern(s)`: the str itself (stitch keeps no table of interned strs; equal
/// strs compare and hash alike all the same).
fn intern(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let s = crate::args::one("intern", args, 0)?;
    if !s.is_kind(stitch_abi::KIND_STR) {
        return Err(PyErr::type_error(format!("intern() argument must be str, not {}", stitch_core::ops::type_name(s))));
    }
    s.incref();
    Ok(s)
}

/// `sys.getdefaultencoding()` and `sys.getfilesystemencoding()`: stitch's strs and
/// files are UTF-8.
fn utf8_encoding(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("getdefaultencoding", args, 0)?;
    Ok(strs::new_str("utf-8"))
}

/// `sys.exc_info()`: the exception being handled as (type, value, traceback). Stitch
/// has no traceback objects, so the third is None.
fn exc_info(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("exc_info", args, 0)?;
    let v = rt.handled;
    if v == Value::NONE {
        return Ok(stitch_core::objects::tuple::from_vec(vec![Value::NONE, Value::NONE, Value::NONE]));
    }
    let t = crate::functions::introspect::type_of(v)?;
    v.incref();
    Ok(stitch_core::objects::tuple::from_vec(vec![t, v, Value::NONE]))
}

/// `sys.exception()` (3.11): the exception being handled, or None.
fn exception(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("exception", args, 0)?;
    rt.handled.incref();
    Ok(rt.handled)
}

/// `sys._stitch_format_exception(exc)`: CPython's report of the exception object
/// (what the traceback module, written in Python, prints).
fn stitch_format_exception(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let exc = crate::args::one("_stitch_format_exception", args, 0)?;
    if !exc.is_kind(stitch_abi::KIND_EXCEPTION) {
        return Err(PyErr::type_error("_stitch_format_exception() takes an exception"));
    }
    Ok(strs::new_str(&crate::functions::source::format_exception(exc)?))
}

/// `sys._stitch_frame_location(depth)`: (filename, line) of the Python frame `depth`
/// frames out from the caller (0: the caller), or None past the outermost (stitch's
/// own name: `warnings` reads its caller's place with it, where CPython walks frames).
fn stitch_frame_location(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let depth = crate::args::one("_stitch_frame_location", args, 0)?;
    let depth = Some(depth).filter(|d| d.is_int() && d.as_int() >= 0).ok_or_else(|| PyErr::type_error("_stitch_frame_location() takes an int >= 0"))?.as_int();
    Ok(match crate::functions::source::frame_location(depth as usize) {
        Some((file, line)) => stitch_core::objects::tuple::from_vec(vec![strs::new_str(&file), Value::int(line as i64)]),
        None => Value::NONE,
    })
}

/// `sys._stitch_main_globals()`: the globals dict of the script's module (stitch's
/// name: `unittest.main()` loads tests from it, where CPython reads
/// `sys.modules['__main__']`), or None outside Python code.
fn stitch_main_globals(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("_stitch_main_globals", args, 0)?;
    Ok(match crate::functions::source::main_globals() {
        Some(globals) => {
            globals.incref();
            globals
        }
        None => Value::NONE,
    })
}

/// `sys._stitch_source_line(filename, line)`: that line of one of the program's files
/// (without its end of line), or None (stitch's name: `warnings` shows the line).
fn stitch_source_line(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let given = crate::args::between("_stitch_source_line", args, 0, 2, Some(2))?;
    let (file, line) = (given[0], given[1]);
    if !file.is_kind(stitch_abi::KIND_STR) {
        return Err(PyErr::type_error("_stitch_source_line() takes a str"));
    }
    // SAFETY: a str, checked above.
    let file = unsafe { strs::text(file) }?.to_string();
    let line = Some(line).filter(|l| l.is_int() && l.as_int() > 0).ok_or_else(|| PyErr::type_error("_stitch_source_line() takes a line number"))?.as_int();
    Ok(match crate::functions::source::source_line(&file, line as u32) {
        Some(text) => strs::new_str(&text),
        None => Value::NONE,
    })
}

/// `sys._stitch_unsupported(what)`: how the standard modules stitch writes in Python
/// refuse what they do not provide (stitch's own name; CPython's sys has no such thing).
fn stitch_unsupported(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let what = crate::args::one("_stitch_unsupported", args, 0)?;
    if !what.is_kind(stitch_abi::KIND_STR) {
        return Err(PyErr::new(stitch_core::errors::ExcKind::TypeError, "_stitch_unsupported() takes a str"));
    }
    // SAFETY: a str, checked above.
    Err(PyErr::unsupported(unsafe { strs::text(what) }?.to_string()))
}

fn getrecursionlimit(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("getrecursionlimit", args, 0)?;
    if rt.thread.is_null() {
        return Err(PyErr::unsupported("sys.getrecursionlimit without a running thread"));
    }
    // SAFETY: the machine set the live thread state.
    Ok(Value::int(unsafe { (*rt.thread).limit } as i64))
}

/// CPython's checks: at least 1, a C int, and above the current depth.
fn setrecursionlimit(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = crate::args::one("setrecursionlimit", args, 0)?;
    if v.is_float() {
        return Err(PyErr::type_error("'float' object cannot be interpreted as an integer"));
    }
    let n = ops::num::require_int(v)?;
    let n = n.to_i64().filter(|n| i32::try_from(*n).is_ok()).ok_or_else(|| {
        PyErr::new(ExcKind::OverflowError, "Python int too large to convert to C int")
    })?;
    if n < 1 {
        return Err(PyErr::value_error("recursion limit must be greater or equal than 1"));
    }
    if rt.thread.is_null() {
        return Err(PyErr::unsupported("sys.setrecursionlimit without a running thread"));
    }
    // SAFETY: the machine set the live thread state; nothing else holds a reference
    // to its fields while a builtin runs.
    unsafe {
        let depth = (*rt.thread).depth;
        if n as u32 <= depth {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                format!("cannot set the recursion limit to {n} at the recursion depth {depth}: the limit is too low"),
            ));
        }
        (*rt.thread).limit = n as u32;
    }
    Ok(Value::NONE)
}

fn stdin_readline(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("readline", args, 0)?;
    Ok(strs::from_string(input::read_line()?))
}

fn stdin_read(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("read", args, 0)?;
    Ok(strs::from_string(input::read_all()?))
}

fn stdin_readlines(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("readlines", args, 0)?;
    Ok(list::from_vec(input::read_lines()?.into_iter().map(strs::from_string).collect()))
}

fn stdin_buffer_readline(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("readline", args, 0)?;
    Ok(stitch_core::objects::bytes::new_bytes(input::read_line_bytes()))
}

fn stdin_buffer_read(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("read", args, 0)?;
    Ok(stitch_core::objects::bytes::new_bytes(input::read_all_bytes()))
}

/// `sys.stdout.buffer.write(b)`: any bytes-like object; the count of bytes written.
fn stdout_buffer_write(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let v = crate::args::one("write", args, 0)?;
    let Some(data) = stitch_core::objects::bytes::bytes_of(v) else {
        return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", ops::types::type_name(v))));
    };
    rt.write_out_bytes(&data)?;
    Ok(Value::int(data.len() as i64))
}

/// The text a stream's `write` takes, with its length in characters.
fn write_arg<'a>(args: &Args<'a>) -> PyResult<(&'a str, usize)> {
    let v = crate::args::one("write", args, 0)?;
    if !v.is_kind(stitch_abi::KIND_STR) {
        return Err(PyErr::type_error(format!("write() argument must be str, not {}", ops::types::type_name(v))));
    }
    // SAFETY: the kind was checked; the argument outlives the call.
    let s = unsafe { strs::as_str(v) };
    Ok((s.text()?, s.chars))
}

fn stdout_write(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let (text, chars) = write_arg(args)?;
    rt.write_out(text)?;
    Ok(Value::int(chars as i64))
}

fn stdout_flush(rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("flush", args, 0)?;
    rt.flush()?;
    Ok(Value::NONE)
}

fn stderr_write(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    use std::io::Write;
    let (text, chars) = write_arg(args)?;
    // stderr is unbuffered in the sense that matters here: it reaches the terminal
    // before the program goes on, as CPython's line-buffered stderr does for lines.
    let _ = std::io::stderr().write_all(text.as_bytes());
    Ok(Value::int(chars as i64))
}

fn stderr_flush(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("flush", args, 0)?;
    Ok(Value::NONE)
}

/// `sys.exit([status])`: raises SystemExit(status), which ends the program with the
/// exit code and message CPython gives (see `system_exit` in runtime/src/program.rs)
/// unless the program catches it.
pub fn exit(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::no_keywords("exit", args)?;
    let a = between("exit", args, 0, 0, Some(1))?;
    let exc = stitch_core::exceptions::construct(ExcKind::SystemExit, &Args { positional: a, keywords: &[] })?;
    Err(stitch_core::exceptions::to_err(exc))
}

/// `sys.version_info`: the CPython version whose behaviour stitch follows.
fn version_info() -> Value {
    let values = vec![Value::int(3), Value::int(11), Value::int(7), strs::new_str("final"), Value::int(0)];
    super::namedtuple::struct_sequence("sys.version_info", &["major", "minor", "micro", "releaselevel", "serial"], values)
}

/// `sys.int_info`: CPython 3.11's int layout and its limit on decimal conversions
/// (what programs read it for; stitch's own ints are laid out differently).
fn int_info() -> Value {
    let fields = ["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"];
    let values = vec![Value::int(30), Value::int(4), Value::int(4300), Value::int(640)];
    super::namedtuple::struct_sequence("sys.int_info", &fields, values)
}

/// `sys.float_info`: IEEE 754 binary64, as C's `<float.h>` describes it.
fn float_info() -> Value {
    let fields = [
        "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds",
    ];
    let values = vec![
        Value::float(f64::MAX),
        Value::int(f64::MAX_EXP as i64),
        Value::int(f64::MAX_10_EXP as i64),
        Value::float(f64::MIN_POSITIVE),
        Value::int(f64::MIN_EXP as i64),
        Value::int(f64::MIN_10_EXP as i64),
        Value::int(f64::DIGITS as i64),
        Value::int(f64::MANTISSA_DIGITS as i64),
        Value::float(f64::EPSILON),
        Value::int(f64::RADIX as i64),
        Value::int(1),
    ];
    super::namedtuple::struct_sequence("sys.float_info", &fields, values)
}

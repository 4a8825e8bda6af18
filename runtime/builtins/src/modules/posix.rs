//! `posix`: what the `os` module (written in Python, `runtime/builtins/python/os.py`)
//! needs from the machine, as CPython's `os` takes it from its `posix` module: the
//! working directory, directory listings, file kinds and sizes, the environment, the
//! process id, the CPU count and random bytes. The logic over these (`os.path`,
//! `os.environ`'s mapping) is Python.
//!
//! Paths are strs (bytes paths are refused); a failure is CPython's OSError with
//! errno, strerror and filename: FileNotFoundError for a missing file, and a refusal
//! for the kinds of OSError stitch does not have.

use stitch_abi::{KIND_STR, Value};
use stitch_core::errors::{ExcKind, PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::{bytes, dict, list, str as strs, tuple};
use stitch_core::vm::Runtime;

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("getcwd", getcwd),
    ("listdir", listdir),
    ("getpid", getpid),
    ("cpu_count", cpu_count),
    ("urandom", urandom),
    ("_stitch_environ", environ),
    ("_stitch_stat", stat),
];

pub fn namespace() -> Value {
    let functions: Vec<_> = FUNCTIONS.iter().chain(super::posix_fd::FUNCTIONS).copied().collect();
    let flags = super::posix_fd::FLAGS.iter().map(|&(name, v)| (name, Value::int(v))).collect();
    super::namespace_of(&functions, flags)
}

/// The str path argument of `name`, with CPython's TypeError for what is no path.
pub(crate) fn path_arg(name: &str, v: Value, or_none: bool) -> PyResult<String> {
    if v.is_kind(KIND_STR) {
        // SAFETY: a str, checked above.
        return Ok(unsafe { strs::text(v) }?.to_string());
    }
    if bytes::is_bytes_like(v) {
        return Err(PyErr::unsupported(format!("a bytes path given to {name}()")));
    }
    if v.is_kind(stitch_abi::KIND_INSTANCE) && stitch_core::classes::lookup(stitch_core::classes::class_of(v), "__fspath__").is_some() {
        // A path object (pathlib's): CPython calls its __fspath__, which a builtin here cannot.
        return Err(PyErr::unsupported(format!("a path object given to {name}()")));
    }
    let accepted = if or_none { "string, bytes, os.PathLike, integer or None" } else { "string, bytes, os.PathLike or integer" };
    Err(PyErr::type_error(format!("{name}: path should be {accepted}, not {}", stitch_core::ops::types::type_name(v))))
}

/// CPython's exception for a failed call on `path`: the OSError subclass of its errno
/// (FileNotFoundError, PermissionError, FileExistsError, IsADirectoryError,
/// NotADirectoryError), a refusal for the other kinds (stitch's exceptions lack them).
pub(crate) fn io_error(name: &str, e: &std::io::Error, path: &str) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    // Rust's text is the C library's strerror, with " (os error N)" after it.
    let text = e.to_string();
    let strerror = text.rsplit_once(" (os error").map_or(text.as_str(), |(t, _)| t);
    let kind = match errno {
        2 => Some(ExcKind::FileNotFoundError),
        1 | 13 => Some(ExcKind::PermissionError),
        17 => Some(ExcKind::FileExistsError),
        20 => Some(ExcKind::NotADirectoryError),
        21 => Some(ExcKind::IsADirectoryError),
        _ => None,
    };
    if let Some(kind) = kind
        && !path.is_empty()
    {
        return stitch_core::os_errors::file_error(kind, errno, strerror, path);
    }
    PyErr::unsupported(format!("the OSError os.{name}() raises for '{path}' ([Errno {errno}] {strerror})"))
}

fn getcwd(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("getcwd", args, 0)?;
    match std::env::current_dir() {
        Ok(d) => Ok(strs::new_str(&d.to_string_lossy())),
        Err(e) => Err(io_error("getcwd", &e, ".")),
    }
}

/// `listdir(path='.')`: the names in the directory, in the order the system lists
/// them (CPython's order too: both read the directory the same way).
fn listdir(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::check_keywords("listdir", args, &["path"])?;
    let given = crate::args::between("listdir", args, 0, 0, Some(1))?;
    let arg = given.first().copied().or_else(|| crate::args::keyword(args, "path")).unwrap_or(Value::NONE);
    let path = if arg == Value::NONE { ".".to_string() } else { path_arg("listdir", arg, true)? };
    let entries = std::fs::read_dir(&path).map_err(|e| io_error("listdir", &e, &path))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| io_error("listdir", &e, &path))?;
        names.push(strs::new_str(&entry.file_name().to_string_lossy()));
    }
    Ok(list::from_vec(names))
}

/// `_stitch_stat(path)`: `(is_dir, is_file, size)` of what `path` names, following
/// links, as `os.stat` sees it; FileNotFoundError when there is nothing.
fn stat(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let path = path_arg("stat", crate::args::one("_stitch_stat", args, 0)?, false)?;
    let meta = std::fs::metadata(&path).map_err(|e| io_error("stat", &e, &path))?;
    let size = stitch_core::objects::bigint::from_i128(meta.len() as i128);
    Ok(tuple::from_vec(vec![Value::bool(meta.is_dir()), Value::bool(meta.is_file()), size]))
}

/// `_stitch_environ()`: a new dict of the process's environment.
fn environ(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("_stitch_environ", args, 0)?;
    let d = dict::new_dict();
    for (key, value) in std::env::vars_os() {
        let (Some(key), Some(value)) = (key.to_str(), value.to_str()) else {
            // CPython decodes such bytes with surrogateescape.
            return Err(PyErr::unsupported("an environment variable that is not UTF-8"));
        };
        let k = strs::new_str(key);
        // SAFETY: `d` is the live dict just made; key and value are new references.
        unsafe { dict::set(d.cast(), k, strs::as_str(k).hash(), strs::new_str(value)) };
    }
    Ok(d)
}

fn getpid(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("getpid", args, 0)?;
    Ok(Value::int(std::process::id() as i64))
}

/// The CPUs online (CPython's `sysconf(_SC_NPROCESSORS_ONLN)`, which ignores the
/// process's affinity), read from the kernel's list of ranges such as `0-3,8`.
fn cpu_count(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::none("cpu_count", args, 0)?;
    let online = std::fs::read_to_string("/sys/devices/system/cpu/online").ok().and_then(|text| {
        let mut n = 0i64;
        for range in text.trim().split(',') {
            match range.split_once('-') {
                Some((a, b)) => n += b.parse::<i64>().ok()? - a.parse::<i64>().ok()? + 1,
                None => n += range.parse::<i64>().map(|_| 1).ok()?,
            }
        }
        Some(n)
    });
    Ok(match online {
        Some(n) => Value::int(n),
        None => std::thread::available_parallelism().map_or(Value::NONE, |n| Value::int(n.get() as i64)),
    })
}

fn urandom(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let n = crate::args::one("urandom", args, 0)?;
    if !n.is_int() {
        return Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", stitch_core::ops::types::type_name(n))));
    }
    let n = n.as_int();
    if n < 0 {
        return Err(PyErr::value_error("negative argument not allowed"));
    }
    let mut data = vec![0u8; n as usize];
    use std::io::Read;
    std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut data)).map_err(|e| io_error("urandom", &e, "/dev/urandom"))?;
    Ok(bytes::new_bytes(data))
}

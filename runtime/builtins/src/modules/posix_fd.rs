//! `posix`'s files by descriptor (`os.open`, `read`, `write`, `lseek`, `close`) and its
//! changes to the file system (`remove`, `mkdir`, `rmdir`, `rename`): what the builtin
//! `open` (written in Python, `runtime/builtins/python/_stitch_files.py`) and `os` stand
//! on. The descriptors are the system's numbers; the files behind them are kept here,
//! so no descriptor stitch did not open (0, 1, 2 included) can be reached: those are
//! refused.

use super::posix::{io_error, path_arg};
use stitch_abi::Value;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::{Args, BuiltinFn};
use stitch_core::objects::bytes;
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;
use std::cell::RefCell;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::fd::AsRawFd;

pub const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("open", open),
    ("_stitch_open_file", open_file),
    ("read", read),
    ("write", write),
    ("lseek", lseek),
    ("close", close),
    ("remove", remove),
    ("unlink", remove),
    ("mkdir", mkdir),
    ("rmdir", rmdir),
    ("rename", rename),
];

/// Linux's flag bits, which `os` exports as `O_RDONLY` ...
pub const FLAGS: &[(&str, i64)] = &[
    ("O_RDONLY", 0),
    ("O_WRONLY", 1),
    ("O_RDWR", 2),
    ("O_CREAT", 0o100),
    ("O_EXCL", 0o200),
    ("O_TRUNC", 0o1000),
    ("O_APPEND", 0o2000),
    ("SEEK_SET", 0),
    ("SEEK_CUR", 1),
    ("SEEK_END", 2),
];

thread_local! {
    /// The files the program opened, by descriptor.
    static FILES: RefCell<Vec<(i32, File)>> = const { RefCell::new(Vec::new()) };
}

fn int_arg(v: Value) -> PyResult<i64> {
    if v.is_int() {
        return Ok(v.as_int());
    }
    Err(PyErr::type_error(format!("'{}' object cannot be interpreted as an integer", type_name(v))))
}

/// Runs `f` on the file of descriptor `fd` (OSError EBADF when there is none).
fn with_file<T>(name: &str, fd: Value, f: impl FnOnce(&mut File) -> std::io::Result<T>) -> PyResult<T> {
    let fd = int_arg(fd)?;
    FILES.with(|files| {
        let mut files = files.borrow_mut();
        let Some((_, file)) = files.iter_mut().find(|(n, _)| *n as i64 == fd) else {
            return Err(PyErr::unsupported(format!("os.{name}() of a file descriptor stitch did not open ({fd})")));
        };
        f(file).map_err(|e| io_error(name, &e, ""))
    })
}

/// Opens `path` with the flags of `os.open`; `refuse_dirs` makes a directory opened
/// for reading CPython's IsADirectoryError, as the builtin `open` reports it.
fn open_with(args: &Args, name: &str, refuse_dirs: bool) -> PyResult<Value> {
    crate::args::check_keywords(name, args, &["path", "flags", "mode"])?;
    let given = crate::args::between(name, args, 0, 2, Some(3))?;
    let path = path_arg(name, given[0], false)?;
    let flags = int_arg(given[1])?;
    let mut options = std::fs::OpenOptions::new();
    let access = flags & 3;
    let append = flags & 0o2000 != 0;
    options.read(access == 0 || access == 2).write(access != 0 || append).append(append);
    if flags & 0o100 != 0 {
        if flags & 0o200 != 0 {
            options.create_new(true);
        } else {
            options.create(true);
        }
    }
    options.truncate(flags & 0o1000 != 0);
    let file = options.open(&path).map_err(|e| io_error(name, &e, &path))?;
    if refuse_dirs && file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(io_error(name, &std::io::Error::from_raw_os_error(21), &path));
    }
    let fd = file.as_raw_fd();
    FILES.with(|files| files.borrow_mut().push((fd, file)));
    Ok(Value::int(fd as i64))
}

/// `open(path, flags, mode=0o777)`: a new descriptor.
fn open(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    open_with(args, "open", false)
}

/// `_stitch_open_file(path, flags)`: `open`, refusing directories as the builtin does.
fn open_file(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    open_with(args, "open", true)
}

/// `read(fd, n)`: up to n bytes (fewer only at the end of the file).
fn read(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let given = crate::args::takes("read", args, 0, 2, 2)?;
    let n = int_arg(given[1])?;
    if n < 0 {
        return Err(PyErr::value_error("negative buffersize in read"));
    }
    let data = with_file("read", given[0], |f| {
        let mut data = Vec::new();
        f.take(n as u64).read_to_end(&mut data)?;
        Ok(data)
    })?;
    Ok(bytes::new_bytes(data))
}

/// `write(fd, data)`: the bytes written (all of them).
fn write(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let given = crate::args::takes("write", args, 0, 2, 2)?;
    let Some(data) = bytes::bytes_of(given[1]) else {
        return Err(PyErr::type_error(format!("a bytes-like object is required, not '{}'", type_name(given[1]))));
    };
    with_file("write", given[0], |f| f.write_all(&data))?;
    Ok(Value::int(data.len() as i64))
}

/// `lseek(fd, pos, how)`: the new position.
fn lseek(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let given = crate::args::takes("lseek", args, 0, 3, 3)?;
    let pos = int_arg(given[1])?;
    let to = match int_arg(given[2])? {
        0 if pos >= 0 => SeekFrom::Start(pos as u64),
        0 => return Err(io_error("lseek", &std::io::Error::from_raw_os_error(22), "")),
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        how => return Err(PyErr::unsupported(format!("os.lseek() with whence {how}"))),
    };
    let at = with_file("lseek", given[0], |f| f.seek(to))?;
    Ok(Value::int(at as i64))
}

/// `close(fd)`.
fn close(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let fd = int_arg(crate::args::one("close", args, 0)?)?;
    let file = FILES.with(|files| {
        let mut files = files.borrow_mut();
        files.iter().position(|(n, _)| *n as i64 == fd).map(|i| files.remove(i).1)
    });
    match file {
        Some(file) => {
            drop(file);
            Ok(Value::NONE)
        }
        None => Err(PyErr::unsupported(format!("os.close() of a file descriptor stitch did not open ({fd})"))),
    }
}

fn one_path(name: &str, args: &Args) -> PyResult<String> {
    crate::args::check_keywords(name, args, &["path"])?;
    let given = crate::args::between(name, args, 0, 0, Some(1))?;
    let arg = given.first().copied().or_else(|| crate::args::keyword(args, "path"));
    let Some(arg) = arg else {
        return Err(PyErr::type_error(format!("{name}() missing required argument 'path' (pos 1)")));
    };
    path_arg(name, arg, false)
}

/// `remove(path)` (and `unlink`): a file, not a directory.
fn remove(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let path = one_path("remove", args)?;
    std::fs::remove_file(&path).map_err(|e| io_error("remove", &e, &path))?;
    Ok(Value::NONE)
}

/// `mkdir(path, mode=0o777)`: one directory; its parent must exist.
fn mkdir(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    crate::args::check_keywords("mkdir", args, &["path", "mode"])?;
    let given = crate::args::between("mkdir", args, 0, 1, Some(2))?;
    let path = path_arg("mkdir", given[0], false)?;
    std::fs::create_dir(&path).map_err(|e| io_error("mkdir", &e, &path))?;
    Ok(Value::NONE)
}

/// `rmdir(path)`: an empty directory.
fn rmdir(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let path = one_path("rmdir", args)?;
    std::fs::remove_dir(&path).map_err(|e| io_error("rmdir", &e, &path))?;
    Ok(Value::NONE)
}

/// `rename(src, dst)`: CPython names both paths in its error; stitch's OSError holds one
/// filename, so a failure is refused.
fn rename(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let given = crate::args::takes("rename", args, 0, 2, 2)?;
    let (src, dst) = (path_arg("rename", given[0], false)?, path_arg("rename", given[1], false)?);
    std::fs::rename(&src, &dst)
        .map_err(|e| PyErr::unsupported(format!("the OSError os.rename() raises for '{src}' -> '{dst}' ({e})")))?;
    Ok(Value::NONE)
}

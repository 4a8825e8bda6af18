//! Standard input, for `input()`, `sys.stdin.readline()`/`read()` and iterating
//! `sys.stdin`, and the bytes of `sys.stdin.buffer`: one buffered reader (Rust's), so
//! they can be mixed as in CPython.
//! Bytes that are not UTF-8 are outside the subset (CPython raises UnicodeDecodeError).

use crate::errors::{PyErr, PyResult};
use std::io::{BufRead, Read};

/// The next line's bytes, with its newline; empty at the end of input
/// (`sys.stdin.buffer.readline()`).
pub fn read_line_bytes() -> Vec<u8> {
    let mut bytes = Vec::new();
    let _ = crate::output::blocking(|| std::io::stdin().lock().read_until(b'\n', &mut bytes));
    bytes
}

/// The rest of the input's bytes (`sys.stdin.buffer.read()`).
pub fn read_all_bytes() -> Vec<u8> {
    let mut bytes = Vec::new();
    let _ = crate::output::blocking(|| std::io::stdin().lock().read_to_end(&mut bytes));
    bytes
}

fn decode(bytes: Vec<u8>) -> PyResult<String> {
    String::from_utf8(bytes).map_err(|_| PyErr::unsupported("standard input that is not UTF-8"))
}

/// The next line, with its newline; empty at the end of input.
pub fn read_line() -> PyResult<String> {
    // A read error ends the input, as a closed stdin does. A SIGINT while it waits
    // ends the process (the read does not come back to poll for it).
    decode(read_line_bytes())
}

/// The rest of the input.
pub fn read_all() -> PyResult<String> {
    decode(read_all_bytes())
}

/// The remaining lines, each with its newline.
pub fn read_lines() -> PyResult<Vec<String>> {
    let mut lines = Vec::new();
    loop {
        let line = read_line()?;
        if line.is_empty() {
            return Ok(lines);
        }
        lines.push(line);
    }
}

/// Whether a module object is `sys.stdin` (which iterates over its lines).
pub fn is_stdin(v: stitch_abi::Value) -> bool {
    // SAFETY: the kind is checked first.
    v.is_kind(stitch_abi::KIND_MODULE) && unsafe { crate::objects::module::name(v) } == "sys.stdin"
}

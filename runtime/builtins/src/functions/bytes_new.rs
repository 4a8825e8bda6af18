//! The constructors `bytes(...)` and `bytearray(...)`: from nothing, a count of
//! zero bytes, a str and its encoding, a bytes-like object, or an iterable of ints.

use crate::args::bind;
use crate::codecs;
use stitch_abi::*;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::Args;
use stitch_core::objects::bytes::{bytes_of, new_bytearray, new_bytes};
use stitch_core::objects::{self, Owned};
use stitch_core::ops::consume::collect;
use stitch_core::ops::num::{as_int, require_int};
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;

/// The bytes `name(source, encoding, errors)` holds.
fn contents(name: &str, args: &Args) -> PyResult<Vec<u8>> {
    let a = bind(name, args, 0, &["source", "encoding", "errors"], 0, 0)?;
    let Some(source) = a[0] else {
        if a[1].is_some() || a[2].is_some() {
            return Err(PyErr::type_error(if a[1].is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(Vec::new());
    };
    if source.is_kind(KIND_STR) {
        if a[1].is_none() {
            return Err(PyErr::type_error("string argument without an encoding"));
        }
        let codec = codecs::codec(a[1], name)?;
        let errors = codecs::errors(a[2], name)?;
        // SAFETY: the kind was checked.
        return codecs::encode(unsafe { objects::str::text(source) }?, codec, errors);
    }
    if a[1].is_some() {
        return Err(PyErr::type_error("encoding without a string argument"));
    }
    if a[2].is_some() {
        return Err(PyErr::type_error("errors without a string argument"));
    }
    if let Some(b) = bytes_of(source) {
        return Ok(b);
    }
    if let Some(n) = as_int(source) {
        let n = n.to_i64().ok_or_else(|| PyErr::overflow("cannot fit 'int' into an index-sized integer"))?;
        if n < 0 {
            return Err(PyErr::value_error("negative count"));
        }
        if n > 1 << 36 {
            return Err(PyErr::bare(stitch_core::errors::ExcKind::MemoryError));
        }
        return Ok(vec![0; n as usize]);
    }
    if !stitch_core::ops::iter::is_iterable(source) {
        return Err(PyErr::type_error(format!("cannot convert '{}' object to {name}", type_name(source))));
    }
    let items: Vec<Owned> = collect(source)?.into_iter().map(Owned).collect();
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        match require_int(item.get())?.to_i64() {
            Some(i) if (0..256).contains(&i) => out.push(i as u8),
            // bytes() says "bytes" here, bytearray() "byte".
            _ if name == "bytes" => return Err(PyErr::value_error("bytes must be in range(0, 256)")),
            _ => return Err(PyErr::value_error("byte must be in range(0, 256)")),
        }
    }
    Ok(out)
}

pub fn bytes(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    contents("bytes", args).map(new_bytes)
}

pub fn bytearray(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    contents("bytearray", args).map(new_bytearray)
}

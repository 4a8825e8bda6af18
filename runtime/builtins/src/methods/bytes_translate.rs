//! `bytes.maketrans` and `translate` of bytes and bytearray: a 256-byte table maps
//! every byte, as the sequence programs (reverse complements, ciphers) use them.

use crate::args::{bind, between, no_keywords};
use stitch_abi::Value;
use stitch_core::errors::{PyErr, PyResult};
use stitch_core::objects::builtin::Args;
use stitch_core::objects::bytes::{bytes_of, is_bytes_like, new_bytes, new_like};
use stitch_core::ops::bytes::needle;
use stitch_core::ops::types::type_name;
use stitch_core::vm::Runtime;

/// `bytes.maketrans(frm, to)` (also `bytearray.maketrans`): the identity table with
/// each byte of `frm` mapped to the byte of `to` at the same place.
pub fn maketrans(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    no_keywords("maketrans", args)?;
    let a = between("maketrans", args, 0, 2, Some(2))?;
    let (from, to) = (needle(a[0])?, needle(a[1])?);
    if from.len() != to.len() {
        return Err(PyErr::value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in from.iter().zip(&to) {
        table[f as usize] = t;
    }
    Ok(new_bytes(table))
}

/// `b.translate(table, /, delete=b'')`: the bytes of `delete` removed, the others
/// mapped through `table` (None keeps them); the result has the receiver's type.
pub fn translate(_rt: &mut Runtime, args: &Args) -> PyResult<Value> {
    let me = match args.positional.first() {
        Some(&v) if is_bytes_like(v) => v,
        Some(&v) => {
            return Err(PyErr::type_error(format!(
                "descriptor 'translate' for 'bytes' objects doesn't apply to a '{}' object",
                type_name(v)
            )));
        }
        None => return Err(PyErr::type_error("unbound method bytes.translate() needs an argument")),
    };
    if args.positional.len() < 2 {
        // The table is positional-only: CPython counts before it looks at keywords.
        return Err(PyErr::type_error("translate() takes at least 1 positional argument (0 given)"));
    }
    let a = bind("translate", args, 1, &["table", "delete"], 1, 1)?;
    let table = match a[0] {
        Some(t) if t == Value::NONE => None,
        Some(t) => {
            let t = needle(t)?;
            if t.len() != 256 {
                return Err(PyErr::value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
        None => None,
    };
    let delete = match a[1] {
        Some(d) => needle(d)?,
        None => Vec::new(),
    };
    let mut gone = [false; 256];
    for &b in &delete {
        gone[b as usize] = true;
    }
    let data = bytes_of(me).unwrap_or_default();
    let out = data
        .iter()
        .filter(|&&b| !gone[b as usize])
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    Ok(new_like(me, out))
}

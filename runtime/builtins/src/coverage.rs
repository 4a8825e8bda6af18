//! How much of CPython's builtins and methods stitch has: for each builtin type and for
//! `builtins`, the public names of CPython's `dir()` (`cpython_names`) that stitch
//! provides. The README's table is this report; a test keeps the two equal.

use crate::cpython_names::{self, BUILTINS};
use crate::methods;

/// Data attributes that are no methods (`attr::number_attr`).
fn data_attribute(type_name: &str, name: &str) -> bool {
    match type_name {
        "int" => matches!(name, "real" | "imag" | "numerator" | "denominator"),
        "float" | "complex" => matches!(name, "real" | "imag"),
        _ => false,
    }
}

/// (have, of) for a type.
pub fn type_coverage(type_name: &str) -> (usize, usize) {
    let names = cpython_names::of_type(type_name).unwrap_or(&[]);
    let have = names.iter().filter(|n| methods::lookup(type_name, n).is_some() || data_attribute(type_name, n)).count();
    (have, names.len())
}

/// (have, of) for `builtins`: the builtins dict, plus `True`, `False` and `None`, which
/// stitch compiles as constants.
pub fn builtins_coverage() -> (usize, usize) {
    let d = crate::builtins_dict();
    let have = BUILTINS
        .iter()
        .filter(|&&n| {
            matches!(n, "True" | "False" | "None") || {
                let key = stitch_core::objects::str::new_str(n);
                let h = stitch_core::ops::hash(key).unwrap_or(0);
                // SAFETY: `d` is a live dict; the key is a str.
                let found = unsafe { stitch_core::objects::dict::get(d.cast(), key, h) }.is_some();
                key.decref();
                found
            }
        })
        .count();
    d.decref();
    (have, BUILTINS.len())
}

/// The README's table.
pub fn report() -> String {
    let mut out = String::from("| names of | stitch has |\n|---|---|\n");
    for t in ["str", "bytes", "bytearray", "list", "dict", "set", "frozenset", "tuple", "int", "float", "complex"] {
        let (have, of) = type_coverage(t);
        out.push_str(&format!("| `{t}` | {have} of {of} |\n"));
    }
    let (have, of) = builtins_coverage();
    out.push_str(&format!("| `builtins` | {have} of {of} |\n"));
    out
}

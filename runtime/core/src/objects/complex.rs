//! `complex` objects: an immutable pair of f64s (real, imaginary). Unlike floats,
//! complex numbers do not fit in the value word, so each is a small heap object.

use super::{header, new_object};
use stitch_abi::{Object, Value};

pub use stitch_abi::KIND_COMPLEX;

#[repr(C)]
pub struct Complex {
    pub header: Object,
    pub re: f64,
    pub im: f64,
}

/// A new complex value holding one reference.
pub fn new_complex(re: f64, im: f64) -> Value {
    new_object(Complex { header: header(KIND_COMPLEX), re, im })
}

/// The parts of a complex value; None for any other value.
pub fn parts(v: Value) -> Option<(f64, f64)> {
    if !v.is_kind(KIND_COMPLEX) {
        return None;
    }
    // SAFETY: the kind was checked, so `v` points at a live `Complex`.
    let c = unsafe { &*v.cast::<Complex>() };
    Some((c.re, c.im))
}

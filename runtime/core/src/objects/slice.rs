//! Slice objects (`a[i:j:k]`): owned start, stop and step, None when missing.

use super::{header, new_object};
use stitch_abi::{KIND_SLICE, Object, Value};

#[repr(C)]
pub struct Slice {
    pub header: Object,
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl Drop for Slice {
    fn drop(&mut self) {
        self.start.decref();
        self.stop.decref();
        self.step.decref();
    }
}

/// A new slice taking ownership of its parts.
pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    new_object(Slice { header: header(KIND_SLICE), start, stop, step })
}

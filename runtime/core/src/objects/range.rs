//! `range` objects (bounds that fit in i64).

use super::{header, new_object};
use stitch_abi::{KIND_RANGE, Object, Value};

#[repr(C)]
pub struct Range {
    pub header: Object,
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    /// How many values it yields.
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        n.min(i64::MAX as i128) as i64
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `i`th value (`0 <= i < len`).
    pub fn at(&self, i: i64) -> i128 {
        self.start as i128 + i as i128 * self.step as i128
    }
}

/// A new range; `step` is not zero.
pub fn new_range(start: i64, stop: i64, step: i64) -> Value {
    new_object(Range { header: header(KIND_RANGE), start, stop, step })
}

//! `range` objects. Bounds are i128s: ranges past the machine word
//! (`range(10**20, 10**20 + 3)`) iterate, index and compare as in CPython.

use super::{header, new_object};
use crate::errors::{PyErr, PyResult};
use stitch_abi::{KIND_RANGE, Object, Value};

#[repr(C)]
pub struct Range {
    pub header: Object,
    pub start: i128,
    pub stop: i128,
    pub step: i128,
}

impl Range {
    /// How many values it yields.
    pub fn len(&self) -> i128 {
        let (lo, hi, step) = (self.start, self.stop, self.step);
        // The difference of two i128 bounds can overflow: saturate (such ranges are
        // longer than anything can index or iterate anyway).
        if step > 0 && lo < hi {
            hi.checked_sub(lo).map_or(i128::MAX, |d| (d - 1) / step + 1)
        } else if step < 0 && lo > hi {
            lo.checked_sub(hi).map_or(i128::MAX, |d| (d - 1) / step.saturating_neg() + 1)
        } else {
            0
        }
    }

    /// The length as CPython's `len()` gives it: OverflowError past a machine word.
    pub fn len_ssize(&self) -> PyResult<i64> {
        i64::try_from(self.len()).map_err(|_| PyErr::overflow("Python int too large to convert to C ssize_t"))
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `i`th value (`0 <= i < len`).
    pub fn at(&self, i: i128) -> i128 {
        self.start + i * self.step
    }
}

/// A new range; `step` is not zero.
pub fn new_range(start: i128, stop: i128, step: i128) -> Value {
    new_object(Range { header: header(KIND_RANGE), start, stop, step })
}

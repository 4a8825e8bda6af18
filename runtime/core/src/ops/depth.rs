//! A depth limit for the operations that recurse into containers (comparison,
//! hashing): deeply nested data raises RecursionError like CPython instead of
//! overflowing the Rust stack.

use crate::errors::{ExcKind, PyErr, PyResult};
use std::cell::Cell;

/// CPython's default recursion limit.
const LIMIT: u32 = 1000;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Counts one level of nesting for as long as it lives.
pub struct Level(());

impl Drop for Level {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get() - 1));
    }
}

/// Enters one level; `what` completes CPython's message ("in comparison").
pub fn enter(what: &str) -> PyResult<Level> {
    DEPTH.with(|d| {
        if d.get() >= LIMIT {
            return Err(PyErr::new(ExcKind::RecursionError, format!("maximum recursion depth exceeded{what}")));
        }
        d.set(d.get() + 1);
        Ok(Level(()))
    })
}

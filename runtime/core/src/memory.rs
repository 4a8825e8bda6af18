//! Allocations whose size a program controls (`[0] * n`, `s + s`, `",".join(...)`, a
//! growing dict) are fallible: running out of memory is CPython's MemoryError, not an
//! abort of the process.

use crate::errors::{ExcKind, PyErr, PyResult};

/// CPython's bare `MemoryError`.
pub fn no_memory() -> PyErr {
    PyErr::bare(ExcKind::MemoryError)
}

/// An empty Vec with room for `n` items.
pub fn vec_with_capacity<T>(n: usize) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).map_err(|_| no_memory())?;
    Ok(v)
}

/// Room for `extra` more items (amortized growth).
pub fn reserve<T>(v: &mut Vec<T>, extra: usize) -> PyResult<()> {
    v.try_reserve(extra).map_err(|_| no_memory())
}

/// An empty String with room for `n` bytes.
pub fn string_with_capacity(n: usize) -> PyResult<String> {
    let mut s = String::new();
    s.try_reserve_exact(n).map_err(|_| no_memory())?;
    Ok(s)
}

/// Appends `text`, growing `out` fallibly.
pub fn push_str(out: &mut String, text: &str) -> PyResult<()> {
    out.try_reserve(text.len()).map_err(|_| no_memory())?;
    out.push_str(text);
    Ok(())
}

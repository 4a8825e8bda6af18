//! Output buffers and alignment padding shared by every formatter.
//!
//! Widths and precisions come straight from user format specs and may be as large as
//! `isize::MAX`. CPython simply tries to allocate the result and raises `MemoryError`
//! when it cannot; we do the same with `try_reserve` instead of letting the allocator
//! abort the VM.

/// The error line CPython produces when the result string cannot be allocated.
pub(crate) const MEMORY_ERROR: &str = "MemoryError";

/// An empty string with room for `bytes` bytes, or `MemoryError`.
pub(crate) fn reserve(bytes: usize) -> Result<String, String> {
    let mut s = String::new();
    s.try_reserve_exact(bytes)
        .map_err(|_| MEMORY_ERROR.to_string())?;
    Ok(s)
}

/// `count` copies of `c`, as a UTF-8 byte count, or `MemoryError` on overflow.
pub(crate) fn fill_bytes(c: char, count: usize) -> Result<usize, String> {
    c.len_utf8()
        .checked_mul(count)
        .ok_or_else(|| MEMORY_ERROR.to_string())
}

/// Sum of byte counts, or `MemoryError` on overflow.
pub(crate) fn total_bytes(parts: &[usize]) -> Result<usize, String> {
    parts
        .iter()
        .try_fold(0usize, |acc, &n| acc.checked_add(n))
        .ok_or_else(|| MEMORY_ERROR.to_string())
}

/// Append `count` copies of `c`.
pub(crate) fn push_fill(out: &mut String, c: char, count: usize) {
    out.extend(std::iter::repeat_n(c, count));
}

/// How `padding` fill characters are split left/right for an alignment, as CPython's
/// `calc_padding` and `calc_number_widths` do: centring puts the odd one on the right.
/// `=` is handled by the number formatter; for everything else it behaves like `<`
/// here (strings reject `=` before getting this far).
pub(crate) fn split_padding(padding: usize, align: char) -> (usize, usize) {
    match align {
        '>' => (padding, 0),
        '^' => (padding / 2, padding - padding / 2),
        _ => (0, padding),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits() {
        assert_eq!(split_padding(5, '>'), (5, 0));
        assert_eq!(split_padding(5, '<'), (0, 5));
        assert_eq!(split_padding(5, '^'), (2, 3));
        assert_eq!(split_padding(4, '^'), (2, 2));
        assert_eq!(split_padding(0, '^'), (0, 0));
    }

    #[test]
    fn huge_requests_fail_cleanly() {
        assert_eq!(reserve(usize::MAX), Err(MEMORY_ERROR.to_string()));
        assert_eq!(
            fill_bytes('\u{e9}', usize::MAX),
            Err(MEMORY_ERROR.to_string())
        );
        assert_eq!(total_bytes(&[usize::MAX, 1]), Err(MEMORY_ERROR.to_string()));
        assert_eq!(total_bytes(&[3, 4]), Ok(7));
        let mut s = String::new();
        push_fill(&mut s, '*', 3);
        assert_eq!(s, "***");
    }
}

//! Slice arithmetic (CPython's `PySlice_Unpack` + `PySlice_AdjustIndices`) and
//! taking slices of lists, tuples, strs and ranges.

use super::num::{Int, as_int};
use stitch_abi::Value;
use crate::errors::{PyErr, PyResult};
use crate::objects::slice::Slice;
use crate::objects::{self, range::Range};

/// The positions a slice selects in a sequence of a given length: `len` positions
/// `start, start + step, ...`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Indices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl Indices {
    /// The `k`th selected position (`k < len`).
    pub fn at(&self, k: usize) -> usize {
        (self.start as i128 + k as i128 * self.step as i128) as usize
    }

    pub fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(|k| self.at(k))
    }
}

/// A slice bound: None, or an int clamped to the i64 range (CPython clamps big ints
/// in slices instead of raising).
fn bound(v: Value) -> PyResult<Option<i64>> {
    if v == Value::NONE {
        return Ok(None);
    }
    match as_int(v) {
        Some(Int::Small(x)) => Ok(Some(x)),
        Some(i @ Int::Big(_)) => Ok(Some(i.to_i64().unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX }))),
        None => Err(PyErr::type_error("slice indices must be integers or None or have an __index__ method")),
    }
}

/// The positions `slice` selects in a sequence of `length` items.
pub fn indices(slice: &Slice, length: usize) -> PyResult<Indices> {
    let step = bound(slice.step)?.unwrap_or(1);
    if step == 0 {
        return Err(PyErr::value_error("slice step cannot be zero"));
    }
    // -i64::MAX keeps `-step` from overflowing, as CPython clamps.
    let step = step.max(-i64::MAX);
    let start = bound(slice.start)?;
    let stop = bound(slice.stop)?;
    Ok(adjust(start, stop, step, length as i64))
}

fn adjust(start: Option<i64>, stop: Option<i64>, step: i64, length: i64) -> Indices {
    let clamp = |x: Option<i64>, default_neg: i64, default_pos: i64| -> i64 {
        match x {
            None => {
                if step < 0 {
                    default_neg
                } else {
                    default_pos
                }
            }
            Some(mut x) => {
                if x < 0 {
                    x = x.saturating_add(length);
                    if x < 0 {
                        x = if step < 0 { -1 } else { 0 };
                    }
                } else if x >= length {
                    x = if step < 0 { length - 1 } else { length };
                }
                x
            }
        }
    };
    let start = clamp(start, length - 1, 0);
    let stop = clamp(stop, -1, length);
    let len = if step < 0 {
        if stop < start { (start as i128 - stop as i128 - 1) / (-(step as i128)) + 1 } else { 0 }
    } else if start < stop {
        (stop as i128 - start as i128 - 1) / step as i128 + 1
    } else {
        0
    };
    Indices { start, stop, step, len: len as usize }
}

/// The selected items of a list or tuple, as new references.
pub fn slice_items(items: &[Value], ix: &Indices) -> PyResult<Vec<Value>> {
    let mut out = crate::memory::vec_with_capacity(ix.len)?;
    if ix.step == 1 {
        let part = &items[ix.start as usize..ix.start as usize + ix.len];
        for &v in part {
            v.incref();
        }
        out.extend_from_slice(part);
        return Ok(out);
    }
    out.extend(ix.positions().map(|i| {
        let v = items[i];
        v.incref();
        v
    }));
    Ok(out)
}

/// The selected characters of a str, as a new str.
pub fn slice_str(s: &objects::str::Str, ix: &Indices) -> PyResult<Value> {
    let copy = |text: &str| -> PyResult<Value> {
        let mut out = crate::memory::string_with_capacity(text.len())?;
        out.push_str(text);
        Ok(objects::str::from_string(out))
    };
    if s.has_surrogates() {
        return slice_wtf8(s, ix);
    }
    let text = s.text()?;
    if s.is_ascii() {
        let bytes = text.as_bytes();
        if ix.step == 1 {
            let start = ix.start as usize;
            return copy(&text[start..start + ix.len]);
        }
        let mut out = crate::memory::string_with_capacity(ix.len)?;
        out.extend(ix.positions().map(|i| bytes[i] as char));
        return Ok(objects::str::from_string(out));
    }
    if ix.step == 1 {
        let mut chars = text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len()));
        let begin = chars.nth(ix.start as usize).unwrap_or(text.len());
        let end = if ix.len == 0 { begin } else { chars.nth(ix.len - 1).unwrap_or(text.len()) };
        return copy(&text[begin..end]);
    }
    let mut chars: Vec<char> = crate::memory::vec_with_capacity(s.chars)?;
    chars.extend(text.chars());
    let mut out = crate::memory::string_with_capacity(ix.len)?;
    out.extend(ix.positions().map(|i| chars[i]));
    Ok(objects::str::from_string(out))
}

/// `slice_str` of a str holding a lone surrogate, over its code points (the result
/// holds one only if a surrogate was selected).
fn slice_wtf8(s: &objects::str::Str, ix: &Indices) -> PyResult<Value> {
    let bytes = s.bytes();
    let mut points: Vec<(usize, u32)> = crate::memory::vec_with_capacity(s.chars)?;
    points.extend(objects::wtf8::code_points(bytes));
    if ix.step == 1 {
        let at = |i: usize| points.get(i).map_or(bytes.len(), |p| p.0);
        let begin = at(ix.start as usize);
        let end = if ix.len == 0 { begin } else { at(ix.start as usize + ix.len) };
        return Ok(objects::str::sub(s, &bytes[begin..end]));
    }
    let mut out: Vec<u8> = crate::memory::vec_with_capacity(ix.len)?;
    for i in ix.positions() {
        objects::wtf8::push(&mut out, points[i].1);
    }
    Ok(objects::str::from_wtf8(out))
}

/// `range[slice]` is a range again.
pub fn slice_range(r: &Range, slice: &Slice) -> PyResult<Value> {
    let ix = indices(slice, r.len_ssize()? as usize)?;
    let at = |k: i64| r.start.checked_add((k as i128).checked_mul(r.step)?);
    let step = r.step.checked_mul(ix.step as i128);
    match (at(ix.start), at(ix.stop), step) {
        (Some(start), Some(stop), Some(step)) => Ok(objects::range::new_range(start, stop, step)),
        _ => Err(PyErr::unsupported("range() bounds beyond 128 bits")),
    }
}

#[cfg(test)]
mod tests {
    use super::adjust;

    fn take(len: i64, start: Option<i64>, stop: Option<i64>, step: i64) -> Vec<usize> {
        let ix = adjust(start, stop, step, len);
        ix.positions().collect()
    }

    #[test]
    fn matches_cpython() {
        // list(range(5))[1:4], [::-1], [-2:], [10:], [::2], [4:1:-2], [-100:100]
        assert_eq!(take(5, Some(1), Some(4), 1), vec![1, 2, 3]);
        assert_eq!(take(5, None, None, -1), vec![4, 3, 2, 1, 0]);
        assert_eq!(take(5, Some(-2), None, 1), vec![3, 4]);
        assert_eq!(take(5, Some(10), None, 1), Vec::<usize>::new());
        assert_eq!(take(5, None, None, 2), vec![0, 2, 4]);
        assert_eq!(take(5, Some(4), Some(1), -2), vec![4, 2]);
        assert_eq!(take(5, Some(-100), Some(100), 1), vec![0, 1, 2, 3, 4]);
        assert_eq!(take(5, Some(-100), Some(100), -1), Vec::<usize>::new());
        assert_eq!(take(0, None, None, -1), Vec::<usize>::new());
    }
}
